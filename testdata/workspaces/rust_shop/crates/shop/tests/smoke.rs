use core_types::Order;

#[test]
fn order_has_id() {
    assert_eq!(Order::default().id, 0);
}
