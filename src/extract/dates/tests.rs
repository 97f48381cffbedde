use super::*;

#[test]
fn smoke() {
    let a = DateTime::parse_from_rfc3339("2026-07-12T08:30:00+08:00").unwrap();
    assert_eq!(find_dates("On June 10, Anthropic wrote", &a).len(), 1);
}
