//! The orders service.
mod api;
mod db;

pub const ORDERS_PORT: u16 = 8080;

fn main() {
    let _routes = api::create_routes();
}
