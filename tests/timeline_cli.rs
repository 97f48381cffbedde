//! The curation commands run as a user would: a hand-made event, then
//! confirm, note and reject on it, read back through `events --json`.

mod common;
use common::cli::dateline_db as dateline;

#[test]
fn hand_made_events_take_decisions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let (ok, _, err) = dateline(
        &db,
        &[
            "event",
            "add",
            "--date",
            "2026-06-24",
            "--kind",
            "lawsuit",
            "--title",
            "",
            "--actor",
            "Alibaba",
            "--target",
            "Department of Defense",
            "--url",
            "https://court.example/alibaba-v-dod",
            "--evidence",
            "Alibaba filed suit.",
        ],
    );
    assert!(ok, "{err}");
    let (_, out, _) = dateline(&db, &["events", "--json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(v["title"], "Alibaba sues Department of Defense");
    assert_eq!(v["status"], "manual");
    let id = v["id"].as_str().expect("an id").to_string();

    let (_, out, _) = dateline(&db, &["entities", "--json"]);
    let alibaba = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["name"] == "Alibaba")
        .expect("Alibaba is listed");
    assert_eq!(alibaba["events"], 1);
    assert_eq!(alibaba["first"], "2026-06-24");
    let (_, out, _) = dateline(&db, &["events", "--entity", "alibaba"]);
    assert!(
        out.contains("Alibaba sues"),
        "any case finds the name: {out}"
    );

    assert!(dateline(&db, &["event", "confirm", &id[..8]]).0);
    assert!(dateline(&db, &["event", "note", &id, "filed", "in", "D.C."]).0);
    let (_, out, _) = dateline(&db, &["event", "show", &id, "--json"]);
    assert!(out.contains("\"status\":\"confirmed\""), "{out}");
    let (_, out, _) = dateline(&db, &["event", "show", &id]);
    assert!(out.contains("note: filed in D.C."), "{out}");

    let (ok, _, err) = dateline(
        &db,
        &["event", "split", &id, "https://court.example/alibaba-v-dod"],
    );
    assert!(
        !ok && err.lines().count() == 1,
        "one source cannot be split off: {err}"
    );
    let (ok, _, err) = dateline(&db, &["event", "confirm", "nosuchevent"]);
    assert!(!ok && err.contains("nosuchevent"), "{err}");

    assert!(dateline(&db, &["event", "reject", &id]).0);
    let (_, out, _) = dateline(&db, &["events", "--json"]);
    assert_eq!(out.trim(), "", "rejected events are left out");
}
