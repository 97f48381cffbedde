//! Page metadata from each form a page may use, read from fixture pages:
//! canonical link and Open Graph, JSON-LD (plain and `@graph`), and a bare
//! `<time datetime>`; with the clutter of a real news page around the story.

use dateline::sources::page::{read_page, Page};

fn fixture(name: &str) -> Page {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    read_page(&bytes, None).expect("fixture reads")
}

fn published(p: &Page) -> Option<String> {
    p.published.map(|t| t.to_rfc3339())
}

const TITLE: &str = "Ministry opens anti-dumping probe into optical fibre";

/// The story of every English fixture: three paragraphs, no clutter.
fn assert_story(p: &Page) {
    let paras: Vec<&str> = p.text.split("\n\n").collect();
    assert_eq!(paras.len(), 3, "{}", p.text);
    assert!(
        paras[0].contains("ministry said on Tuesday"),
        "{}",
        paras[0]
    );
    assert!(paras[1].starts_with("Officials expect a preliminary ruling"));
    assert!(paras[2].ends_with("rather than unfair subsidies."));
    for clutter in [
        "Most read",
        "2011",
        "staff writer",
        "Share on",
        "daily briefing",
        "Copyright",
        "Home",
        "small files",
        TITLE,
    ] {
        assert!(
            !p.text.contains(clutter),
            "{clutter:?} leaked into the story"
        );
    }
}

#[test]
fn canonical_link_and_open_graph_win_over_json_ld() {
    let p = fixture("meta-opengraph.html");
    assert_eq!(
        p.url.as_deref(),
        Some("https://daily.example/2026/03/10/fibre-probe")
    );
    assert_eq!(p.title, TITLE);
    assert_eq!(published(&p).as_deref(), Some("2026-03-10T09:15:00+08:00"));
    assert_eq!(p.lang, "en");
    assert_story(&p);
}

#[test]
fn json_ld_news_article() {
    let p = fixture("meta-jsonld.html");
    assert_eq!(
        p.url.as_deref(),
        Some("https://daily.example/2026/03/10/fibre-probe")
    );
    assert_eq!(p.title, TITLE);
    assert_eq!(published(&p).as_deref(), Some("2026-03-10T09:15:00-05:00"));
    // `<html lang="">` is empty, so JSON-LD's inLanguage decides
    assert_eq!(p.lang, "en");
    assert_story(&p);
}

#[test]
fn json_ld_graph_form() {
    let p = fixture("meta-jsonld-graph.html");
    assert_eq!(
        p.url.as_deref(),
        Some("https://daily.example/2026/03/10/fibre-probe")
    );
    assert_eq!(p.title, TITLE);
    assert_eq!(published(&p).as_deref(), Some("2026-03-10T21:15:00+09:00"));
    assert_story(&p);
}

#[test]
fn time_element_outside_most_read_box() {
    let p = fixture("meta-time.html");
    assert_eq!(p.url, None);
    assert_eq!(p.title, TITLE);
    assert_eq!(published(&p).as_deref(), Some("2026-03-10T09:15:00+01:00"));
    // the stamp's own paragraph is metadata, not story
    assert!(!p.text.contains("10 March"));
    assert_story(&p);
}
