//! The entry points of the fuzz targets in `fuzz/`, kept in the library so
//! that `tests/fuzz_corpus.rs` replays every corpus file through exactly the
//! code the fuzzer ran. Each takes arbitrary bytes and must return without
//! panicking and within bounded time; results are checked for the
//! invariants the rest of dateline relies on (clean one-line titles, no raw
//! markup, bounded sizes).

use crate::sources::{encoding, feed, import, page};
use chrono::{FixedOffset, TimeZone};

/// A content type picked by the first byte, so the fuzzer explores the
/// HTTP charset path too.
fn content_type(data: &[u8]) -> (Option<&'static str>, &[u8]) {
    const TYPES: [Option<&str>; 6] = [
        None,
        Some("text/html; charset=utf-8"),
        Some("application/rss+xml; charset=gbk"),
        Some("text/xml; charset=\"iso-8859-1\""),
        Some("text/html; charset=bogus"),
        Some("application/xml"),
    ];
    match data.split_first() {
        Some((first, rest)) => (TYPES[*first as usize % TYPES.len()], rest),
        None => (None, data),
    }
}

/// A feed document, as `fetch` (with a content type) and `import` (by
/// shape) read it.
pub fn feed(data: &[u8]) {
    let (ct, body) = content_type(data);
    if let Ok(parsed) = feed::parse_feed_typed(body, ct, Some("https://fuzz.example/feed")) {
        for item in &parsed.items {
            let a = &item.article;
            assert!(!a.title.contains('\n'), "title with a newline");
            assert!(a.title.chars().count() <= crate::text::MAX_TITLE_CHARS);
        }
    }
    let _ = import::read_bytes(body, "file:///fuzz/input");
}

/// An article page.
pub fn page(data: &[u8]) {
    let (ct, body) = content_type(data);
    if let Ok(p) = page::read_page(body, ct) {
        assert!(p.title.chars().count() <= crate::text::MAX_TITLE_CHARS);
        assert!(!p.title.contains('\n'));
    }
}

/// The charset sniffer and decoder.
pub fn encoding(data: &[u8]) {
    let (ct, body) = content_type(data);
    let enc = encoding::sniff(body, ct);
    let text = encoding::decode(body, ct);
    if body.starts_with(b"\xEF\xBB\xBF") {
        assert_eq!(enc, encoding_rs::UTF_8, "a UTF-8 BOM decides");
    }
    let _ = text.len();
    let _ = import::shape(body);
}

/// The date grammar, over the text as UTF-8 (lossy), anchored at a fixed
/// publication time.
pub fn dates(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Some(anchor) = FixedOffset::east_opt(8 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2024, 3, 15, 9, 30, 0).single())
    else {
        return;
    };
    for m in crate::extract::dates::find_dates(&text, &anchor) {
        assert!(m.start <= m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}

/// The search line's parser and the full-text expression built from it.
pub fn query(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let q = crate::tui::query::parse(input);
    if let Some(text) = &q.filter.text {
        let _ = crate::store::cjk::match_expr(text);
    }
    let _ = crate::store::cjk::match_expr(input);
    // The parsed filter also runs, as the CLI and the TUI would run it, on a
    // small database opened once per thread: a filter that compiles to bad
    // SQL or a search expression FTS5 rejects must come back as an error.
    QUERY_STORE.with(|store| {
        if let Some(store) = store {
            let _ = store.events(&q.filter);
            let _ = store.event_keys(&q.filter);
        }
    });
}

thread_local! {
    static QUERY_STORE: Option<crate::store::Store> = {
        let mut store = crate::store::Store::open_in_memory().ok();
        if let (Some(s), Ok(articles)) = (store.as_mut(), crate::tui::demo::articles()) {
            let _ = crate::pipeline::ingest(s, &crate::extract::Rules::builtin(), &articles);
        }
        store
    };
}
