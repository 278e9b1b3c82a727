pub fn setup_logging() {}
