#[path = "domain_rules.rs"]
mod rules;

#[derive(Default, Debug)]
pub struct Cart {
    pub items: Vec<core_types::Order>,
}

pub trait Priced {
    fn price(&self) -> u64;
}

impl Priced for Cart {
    fn price(&self) -> u64 {
        rules::total(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_cart_is_free() {
        assert_eq!(Cart::default().price(), 0);
    }
}
