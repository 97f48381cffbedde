//! `dateline event edit`, `revert` and `undo` run as a user would, on
//! events the extractor found in fixture feeds; edits survive `reindex`.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        let wire = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/wire.rss");
        let (ok, _, err) = env.run(&["import", &wire.display().to_string()]);
        assert!(ok, "import: {err}");
        env
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }
    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .current_dir(self.dir.path())
            .env_remove("DATELINE_DB")
            .env_remove("DATELINE_CONFIG")
            .arg("--db")
            .arg(self.db())
            .arg("--config")
            .arg(self.dir.path().join("feeds.toml"))
            .args(args)
            .output()
            .expect("runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
    fn events(&self) -> Vec<serde_json::Value> {
        let (ok, out, err) = self.run(&["events", "--json"]);
        assert!(ok, "{err}");
        out.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
    fn event(&self, id: &str) -> serde_json::Value {
        let (ok, out, err) = self.run(&["event", "show", id, "--json"]);
        assert!(ok, "{err}");
        serde_json::from_str(out.trim()).expect("one JSON line")
    }
    fn show(&self, id: &str) -> String {
        let (ok, out, err) = self.run(&["event", "show", id]);
        assert!(ok, "{err}");
        out
    }
}

#[test]
fn edit_sets_date_kind_names_and_headline_and_survives_reindex() {
    let env = Env::new();
    let events = env.events();
    assert!(!events.is_empty(), "the fixture feed has events");
    let id = events[0]["id"].as_str().expect("id").to_string();
    let (ok, _, err) = env.run(&[
        "event",
        "edit",
        &id,
        "--date",
        "2024-05",
        "--kind",
        "sanction",
        "--actors",
        "Department of the Treasury",
        "--targets",
        "Acme Semiconductor, Example Trading",
        "--title",
        "Treasury sanctions two Chinese firms for supplying Russia",
    ]);
    assert!(ok, "{err}");
    let check = |env: &Env| {
        let e = env.event(&id);
        assert_eq!(e["start"], "2024-05");
        assert_eq!(e["kind"], "sanction");
        assert_eq!(
            e["actors"],
            serde_json::json!(["Department of the Treasury"])
        );
        assert_eq!(
            e["targets"],
            serde_json::json!(["Acme Semiconductor", "Example Trading"])
        );
        assert_eq!(
            e["title"],
            "Treasury sanctions two Chinese firms for supplying Russia"
        );
        assert!(
            env.show(&id)
                .contains("edited: date, kind, actors, targets, title"),
            "{}",
            env.show(&id)
        );
    };
    check(&env);
    let (ok, _, err) = env.run(&["reindex"]);
    assert!(ok, "{err}");
    check(&env);

    // A span, at day precision; an end before the start is refused.
    let (ok, _, err) = env.run(&[
        "event",
        "edit",
        &id,
        "--date",
        "2024-05-16",
        "--end",
        "2024-06-01",
    ]);
    assert!(ok, "{err}");
    let e = env.event(&id);
    assert_eq!(
        (e["start"].as_str(), e["end"].as_str()),
        (Some("2024-05-16"), Some("2024-06-01"))
    );
    let (ok, _, err) = env.run(&[
        "event",
        "edit",
        &id,
        "--date",
        "2024-05-16",
        "--end",
        "2024-05-01",
    ]);
    assert!(
        !ok && err.trim().lines().count() == 1 && err.contains("before"),
        "{err}"
    );

    // Revert takes every edit back; undo brings them back again.
    let before = env.event(&id);
    let (ok, _, err) = env.run(&["event", "revert", &id]);
    assert!(ok, "{err}");
    let reverted = env.event(&id);
    assert_eq!(reverted["title"], events[0]["title"]);
    assert_eq!(reverted["kind"], events[0]["kind"]);
    assert!(!env.show(&id).contains("edited:"));
    let (ok, _, err) = env.run(&["event", "undo"]);
    assert!(ok && err.contains("undoing revert"), "{err}");
    assert_eq!(env.event(&id), before);
}

#[test]
fn bad_edits_get_one_line_errors_and_change_nothing() {
    let env = Env::new();
    let events = env.events();
    let id = events[0]["id"].as_str().expect("id").to_string();
    for (args, want) in [
        (vec!["--date", "May 2024"], "--date"),
        (vec!["--kind", "war"], "unknown kind"),
        (vec!["--title", "  "], "headline cannot be empty"),
        (vec![], "nothing to edit"),
    ] {
        let mut all = vec!["event", "edit", id.as_str()];
        all.extend(args.iter().copied());
        let (ok, _, err) = env.run(&all);
        assert!(!ok, "{args:?} was accepted");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let (ok, _, err) = env.run(&["event", "edit", "nosuchevent", "--kind", "ban"]);
    assert!(!ok && err.contains("no event"), "{err}");
    assert_eq!(env.events(), events, "nothing changed");
    let (ok, _, err) = env.run(&["event", "revert", &id]);
    assert!(!ok && err.contains("no edits"), "{err}");
}

#[test]
fn undo_takes_back_the_last_decision_only() {
    let env = Env::new();
    let events = env.events();
    let id = events[0]["id"].as_str().expect("id").to_string();
    let (ok, _, err) = env.run(&["event", "undo"]);
    assert!(!ok && err.contains("no decision to undo"), "{err}");
    assert!(env.run(&["event", "confirm", &id]).0);
    assert!(env.run(&["event", "note", &id, "checked"]).0);
    assert!(env.run(&["event", "undo"]).0);
    assert_eq!(env.event(&id)["status"], "confirmed");
    assert!(!env.show(&id).contains("note:"), "the note is taken back");
    assert!(env.run(&["event", "undo"]).0);
    assert_eq!(env.event(&id)["status"], "auto");
}
