pub mod handlers;

use crate::domain::Cart;
use core_types::Order;

pub fn serve() {
    let _cart = Cart::default();
    let _order = Order::default();
}
