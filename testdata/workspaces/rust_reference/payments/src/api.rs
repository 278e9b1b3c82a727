// The tests of this module live elsewhere: no #[test] here.
pub fn payment_routes() -> Vec<&'static str> {
    vec!["/payments"]
}
