// The database layer. It must never call up into the API: no use crate::api::serve; here.
// struct Ghost is only mentioned in this comment; so is fn parse( and #[test].

pub struct Pool;

/* A block comment with api::serve() and enum Token inside. */
pub const DEFAULT_POOL_SIZE: usize = 4;

pub fn describe() -> &'static str {
    "uses crate::api::handlers and #[derive(Clone)] only in a string"
}
