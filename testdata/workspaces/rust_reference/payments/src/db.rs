// struct Connection was renamed to PaymentConnection.
pub struct PaymentConnection {
    pub url: String,
}
