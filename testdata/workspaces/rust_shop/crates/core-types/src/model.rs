use std::fmt;

/// An order placed by a customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub id: u64,
}

pub enum TokenKind {
    Word,
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "order {}", self.id)
    }
}

impl Default for Order {
    fn default() -> Self {
        Order { id: 0 }
    }
}
