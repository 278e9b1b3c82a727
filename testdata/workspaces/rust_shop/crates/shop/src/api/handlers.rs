use crate::db::Pool;
use serde::Serialize;

pub fn parse_expr(input: &str) -> usize {
    input.len()
}

pub fn handle(pool: &Pool) -> bool {
    let _ = pool;
    true
}
