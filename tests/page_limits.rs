//! Pathological pages neither hang nor exhaust memory or stack: each is
//! read within its budgets or refused with an error for that page alone.
//! The pages are generated here at full size; timing budgets live in
//! `benches/pages.rs`, so these tests only check the outcome.

use dateline::sources::page::{fragment_text, read_html, read_page, MAX_PAGE_BYTES};
use dateline::sources::SourceError;

#[test]
fn hundred_thousand_nested_divs_are_refused_with_a_reason() {
    let html = format!(
        "<html><body>{}<p>deep</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    match read_page(html.as_bytes(), None) {
        Err(SourceError::TooLarge(why)) => assert!(why.contains("nest"), "{why}"),
        other => panic!("expected a nesting error, got {other:?}"),
    }
    // the infallible reader gives an empty page rather than failing
    assert_eq!(read_html(&html).text, "");
}

#[test]
fn hundred_thousand_unclosed_formatting_tags_are_refused() {
    let html = format!(
        "<html><body>{}<p>deep</p></body></html>",
        "<b>".repeat(100_000)
    );
    assert!(matches!(
        read_page(html.as_bytes(), None),
        Err(SourceError::TooLarge(_))
    ));
}

#[test]
fn nesting_that_real_pages_use_is_read() {
    let html = format!(
        "<html><body>{}<article><p>{}</p><p>{}</p></article>{}</body></html>",
        "<div>".repeat(60),
        "The court ruled on Monday that the ban could stay in place while the appeal goes on, rejecting the company's request.",
        "Lawyers for the company said they would ask the full court to review the decision before the end of the month.",
        "</div>".repeat(60)
    );
    let p = read_page(html.as_bytes(), None).expect("reads");
    assert_eq!(p.text.split("\n\n").count(), 2, "{}", p.text);
}

#[test]
fn fifty_megabyte_text_node_is_capped() {
    let mut html = b"<html><body><p>".to_vec();
    html.extend(b"word ".repeat(10_000_000));
    html.extend_from_slice(b"</p></body></html>");
    assert!(html.len() > 50_000_000);
    let p = read_page(&html, None).expect("a capped page still reads");
    assert!(p.text.starts_with("word word"));
    assert!(p.text.len() <= MAX_PAGE_BYTES, "{} bytes", p.text.len());
}

#[test]
fn page_of_only_scripts_has_no_text() {
    let path = format!(
        "{}/tests/fixtures/pages/only-scripts.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).expect("fixture exists");
    let p = read_page(&bytes, None).expect("reads");
    assert_eq!(p.text, "");
    let big = format!(
        "<html><body>{}</body></html>",
        "<script>var x = 1;</script>".repeat(50_000)
    );
    assert_eq!(read_page(big.as_bytes(), None).expect("reads").text, "");
}

#[test]
fn too_many_elements_are_refused() {
    let html = format!(
        "<html><body>{}</body></html>",
        "<p>a short line</p>".repeat(200_000)
    );
    match read_page(html.as_bytes(), None) {
        Err(SourceError::TooLarge(why)) => assert!(why.contains("elements"), "{why}"),
        other => panic!("expected an element-count error, got {other:?}"),
    }
}

#[test]
fn deeply_nested_fragment_does_not_overflow_the_stack() {
    let html = format!(
        "{}teaser{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    assert_eq!(fragment_text(&html), "teaser");
}

#[test]
fn many_paragraphs_deep_down_exceed_the_work_budget() {
    let html = format!(
        "<html><body>{}{}</body></html>",
        "<div>".repeat(390),
        "<p>word word</p>".repeat(140_000)
    );
    match read_page(html.as_bytes(), None) {
        Err(SourceError::TooLarge(why)) => assert!(why.contains("deeply nested"), "{why}"),
        other => panic!("expected a work-budget error, got {other:?}"),
    }
}
