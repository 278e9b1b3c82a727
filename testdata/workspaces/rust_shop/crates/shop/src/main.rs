mod api;
mod db;
mod domain;

fn main() {
    api::serve();
}
