#[derive(Default)]
pub struct Connection {
    pub url: String,
}
