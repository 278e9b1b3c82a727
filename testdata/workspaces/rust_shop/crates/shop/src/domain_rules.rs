use super::Cart;

pub fn total(cart: &Cart) -> u64 {
    cart.items.len() as u64
}
