//! Shared types of the shop.
pub mod model;

pub use model::Order;
