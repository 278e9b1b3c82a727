mod api;
mod db;

pub const PAYMENTS_PORT: u16 = 8081;

fn main() {
    api::payment_routes();
}
