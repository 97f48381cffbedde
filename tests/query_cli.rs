//! The shared query language through the CLI, over the demo corpus:
//! `events` and `search` take the TUI's filters, flags are shorthands for
//! them, malformed filters fail with one line, search is paginated with
//! its total shown, and a name finds reports in the other language.

mod common;
use common::cli::dateline_db as dateline;

use std::path::Path;

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("q.db");
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.rss");
    let (ok, _, err) = dateline(&db, &["import", feed.to_str().expect("utf-8 path")]);
    assert!(ok, "import: {err}");
    db
}

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

#[test]
fn events_take_the_query_language_and_flags_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path());
    let (ok, all, err) = dateline(&db, &["events", "--json"]);
    assert!(ok, "{err}");
    let all = json_lines(&all);
    let lawsuits: Vec<&serde_json::Value> = all.iter().filter(|v| v["kind"] == "lawsuit").collect();
    assert!(!lawsuits.is_empty(), "the demo has lawsuits");

    // the query word and the flag give the same events
    let (ok, by_word, err) = dateline(&db, &["events", "--json", "kind:lawsuit"]);
    assert!(ok, "{err}");
    let (_, by_flag, _) = dateline(&db, &["events", "--json", "--kind", "lawsuit"]);
    assert_eq!(by_word, by_flag);
    let by_word = json_lines(&by_word);
    assert_eq!(by_word.len(), lawsuits.len());
    assert!(by_word.iter().all(|v| v["kind"] == "lawsuit"));

    // entity: resolves aliases in either language
    let (_, zh, _) = dateline(&db, &["events", "--json", "entity:华为"]);
    let (_, en, _) = dateline(&db, &["events", "--json", "--entity", "huawei"]);
    assert!(!zh.trim().is_empty());
    assert_eq!(zh, en);

    // lang: and source: filters
    let (_, zh_events, _) = dateline(&db, &["events", "--json", "lang:zh"]);
    let zh_events = json_lines(&zh_events);
    assert!(!zh_events.is_empty() && zh_events.len() < all.len());
    let (_, flag, _) = dateline(&db, &["events", "--json", "--lang", "zh"]);
    assert_eq!(json_lines(&flag), zh_events);
    let (ok, src, err) = dateline(&db, &["events", "--json", "source:demo.dateline"]);
    assert!(ok, "{err}");
    assert_eq!(
        json_lines(&src).len(),
        all.len(),
        "every demo source is on that site"
    );
    let (_, none, _) = dateline(&db, &["events", "--json", "--source", "no-such-outlet"]);
    assert!(none.trim().is_empty());

    // paging
    let (_, page, _) = dateline(&db, &["events", "--json", "--limit", "2", "--offset", "1"]);
    assert_eq!(json_lines(&page), all[1..3].to_vec());
}

#[test]
fn status_rejected_lists_rejected_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path());
    let (_, all, _) = dateline(&db, &["events", "--json"]);
    let all = json_lines(&all);
    let id = all[0]["id"].as_str().expect("an id").to_string();
    let (ok, _, err) = dateline(&db, &["event", "reject", &id]);
    assert!(ok, "{err}");
    let (_, shown, _) = dateline(&db, &["events", "--json"]);
    assert_eq!(json_lines(&shown).len(), all.len() - 1);
    let (ok, rejected, err) = dateline(&db, &["events", "--json", "status:rejected"]);
    assert!(ok, "{err}");
    let rejected = json_lines(&rejected);
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["id"], id.as_str());
    let (_, flag, _) = dateline(&db, &["events", "--json", "--status", "rejected"]);
    assert_eq!(json_lines(&flag), rejected);
}

#[test]
fn malformed_filters_fail_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path());
    for (args, want) in [
        (vec!["events", "kind:war"], "query: unknown kind 'war'"),
        (
            vec!["events", "--kind", "war"],
            "--kind: unknown kind 'war'",
        ),
        (
            vec!["events", "since:2025-13"],
            "query: since: '2025-13' is not a date",
        ),
        (
            vec!["events", "--lang", "chinese"],
            "--lang: 'chinese' is not a language code",
        ),
        (
            vec!["search", "huawei", "status:done"],
            "query: unknown status 'done'",
        ),
        (vec!["search", "kind:ban"], "search: nothing to search for"),
    ] {
        let (ok, out, err) = dateline(&db, &args);
        assert!(!ok, "{args:?} fails");
        assert!(out.is_empty(), "{args:?} prints nothing: {out}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    }
    // an unknown key is searched as text, with a note
    let (ok, _, err) = dateline(&db, &["events", "foo:bar"]);
    assert!(ok);
    assert!(err.contains("'foo:' is not a filter"), "{err}");
}

#[test]
fn search_pages_ranks_and_crosses_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path());
    let langs = |out: &str| -> Vec<String> {
        json_lines(out)
            .iter()
            .filter(|v| v["type"] == "article")
            .map(|v| v["lang"].as_str().unwrap_or("").to_string())
            .collect()
    };
    // 华为 finds the English report, Huawei the Chinese one
    let (ok, out, err) = dateline(&db, &["search", "--json", "华为"]);
    assert!(ok, "{err}");
    assert!(langs(&out).iter().any(|l| l == "en"), "{out}");
    let (_, out, _) = dateline(&db, &["search", "--json", "Huawei"]);
    assert!(langs(&out).iter().any(|l| l == "zh"), "{out}");
    let (_, out, _) = dateline(&db, &["search", "--json", "Huawei", "lang:zh"]);
    assert!(!langs(&out).is_empty() && langs(&out).iter().all(|l| l == "zh"));

    // pages: the total is shown, pages do not overlap and cover the total
    let (ok, first, err) = dateline(&db, &["search", "entity list", "--limit", "1"]);
    assert!(ok, "{err}");
    let total: usize = first
        .lines()
        .find(|l| l.ends_with("shown)") && l.contains("article"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("the article total is shown");
    assert!(total >= 2, "{first}");
    let mut urls = Vec::new();
    for offset in 0..total {
        let off = offset.to_string();
        let (_, page, _) = dateline(
            &db,
            &[
                "search",
                "--json",
                "entity list",
                "--limit",
                "1",
                "--offset",
                &off,
            ],
        );
        let arts: Vec<String> = json_lines(&page)
            .into_iter()
            .filter(|v| v["type"] == "article")
            .map(|v| v["url"].as_str().unwrap_or("").to_string())
            .collect();
        assert_eq!(arts.len(), 1, "offset {offset}");
        urls.extend(arts);
    }
    let before = urls.len();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), before, "pages do not overlap");
}
