/// Serves the metrics endpoint.
pub fn metrics_handler() -> String {
    collect_metrics_text()
}

// fn collect_metrics was split: only collect_metrics_text remains.
fn collect_metrics_text() -> String {
    String::from("fn collect_metrics()")
}
