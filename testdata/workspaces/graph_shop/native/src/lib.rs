//! Native helpers.
pub mod fast;
pub mod slow;
