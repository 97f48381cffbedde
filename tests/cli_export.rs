//! `dateline export` run as a user would, over the demo corpus: every
//! format, its options, and a command tree in which every option says
//! what it does.

use std::path::Path;
use std::process::Command;

fn dateline(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DATELINE_CONFIG")
        .output()
        .expect("the binary runs")
}

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/demo.rss");
    let out = dateline(&db, &["import", feed.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn every_format_exports_the_same_filtered_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path());
    let all = stdout(&dateline(&db, &["events", "--json"]));
    let n = all.lines().count();
    assert!(n >= 5, "the demo has events: {n}");
    let ids: Vec<String> = all
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["id"].as_str().map(str::to_string))
        .collect();

    let tl: serde_json::Value =
        serde_json::from_str(&stdout(&dateline(&db, &["export", "timelinejs"])))
            .expect("TimelineJS JSON");
    let slides = tl["events"].as_array().expect("events");
    let slide_ids: Vec<&str> = slides
        .iter()
        .filter_map(|s| s["unique_id"].as_str())
        .collect();
    assert_eq!(slide_ids, ids, "one slide an event, in order, id for id");

    let html = stdout(&dateline(&db, &["export", "html", "--title", "Demo"]));
    assert_eq!(html.matches("<article class=\"event").count(), n);
    assert!(html.contains("<title>Demo</title>"));

    let out = dir.path().join("t.csv");
    let o = dateline(&db, &["export", "csv", "-o", out.to_str().expect("path")]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{n} events written to")), "{err}");
    let bytes = std::fs::read(&out).expect("csv");
    assert!(bytes.starts_with(b"\xef\xbb\xbfevent_id,"), "BOM first");
    let csv = String::from_utf8(bytes).expect("utf-8");
    assert!(
        csv.contains("华为") || csv.contains("中国"),
        "Chinese kept as UTF-8"
    );
    let no_bom = stdout(&dateline(&db, &["export", "csv", "--no-bom"]));
    assert!(no_bom.starts_with("event_id,"));

    let ics = stdout(&dateline(&db, &["export", "ics"]));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), n);
    assert!(ics.contains("STATUS:TENTATIVE"));

    let md = stdout(&dateline(&db, &["export", "md"]));
    assert!(md.starts_with("# Timeline\n"));
    assert!(
        md.contains("(accessed "),
        "citations carry the accessed date"
    );
}

#[test]
fn filters_and_grouping_apply_to_timelinejs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path());
    let bans = stdout(&dateline(&db, &["events", "--json", "--kind", "ban"]));
    let tl: serde_json::Value = serde_json::from_str(&stdout(&dateline(
        &db,
        &["export", "timelinejs", "--kind", "ban", "--group", "entity"],
    )))
    .expect("json");
    let slides = tl["events"].as_array().expect("events");
    assert_eq!(slides.len(), bans.lines().count());
    for (slide, line) in slides.iter().zip(bans.lines()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let want = v["targets"][0]
            .as_str()
            .or(v["actors"][0].as_str())
            .unwrap_or("(no entity)");
        assert_eq!(slide["group"], want);
    }
    let one = dateline(&db, &["export", "timelinejs", "--group", "nobody"]);
    assert!(!one.status.success());
}

#[test]
fn options_are_offered_only_where_they_do_something() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    for args in [
        &["export", "md", "--group", "kind"][..],
        &["export", "html", "--no-bom"][..],
        &["export", "csv", "--title", "x"][..],
        &["events", "--offline"][..],
    ] {
        let o = dateline(&db, args);
        assert_eq!(o.status.code(), Some(2), "{args:?} was accepted");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("unexpected argument"),
            "{args:?}"
        );
    }
}

/// Every argument of every command says what it does in `--help`.
#[test]
fn every_option_has_a_description() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        if cmd.get_about().is_none() && !path.is_empty() && !cmd.is_hide_set() {
            missing.push(format!("{path} (the command)"));
        }
        for a in cmd.get_arguments() {
            let builtin = matches!(a.get_id().as_str(), "help" | "version");
            if !builtin && !a.is_hide_set() && a.get_help().is_none() {
                missing.push(format!("{path} {}", a.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            if sub.get_name() != "help" {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
    }
    let cmd = dateline::cli::command();
    let mut missing = Vec::new();
    walk(&cmd, "", &mut missing);
    assert!(missing.is_empty(), "no description: {missing:?}");
}

#[test]
fn help_stands_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    for args in [
        &["--help"][..],
        &["events", "--help"][..],
        &["export", "csv", "--help"][..],
    ] {
        let out = stdout(&dateline(&db, args));
        assert!(
            !out.contains("DESIGN.md") && !out.contains("../shared"),
            "{out}"
        );
    }
    let events = stdout(&dateline(&db, &["events", "--help"]));
    assert!(
        events.contains("related") && events.contains("evidence"),
        "{events}"
    );
}

#[test]
fn global_options_are_offered_only_where_they_do_something() {
    let help = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(args)
            .arg("--help")
            .output()
            .expect("runs");
        stdout(&o)
    };
    let page = help(&["page"]);
    assert!(
        !page.contains("--db") && !page.contains("--config"),
        "{page}"
    );
    assert!(!help(&["demo"]).contains("--db"));
    assert!(
        help(&["demo"]).contains("--config"),
        "keys.toml and rules are read"
    );
    for cmd in [&["events"][..], &["search"][..], &["export", "html"][..]] {
        let h = help(cmd);
        assert!(
            h.contains("--db") && !h.contains("--config"),
            "{cmd:?}: {h}"
        );
    }
    for cmd in [&["fetch"][..], &["import"][..], &["event", "note"][..]] {
        let h = help(cmd);
        assert!(h.contains("--db") && h.contains("--config"), "{cmd:?}: {h}");
    }
    assert!(!help(&["events"]).contains("--offline"));
    // Still accepted, so one alias serves every command.
    let dir = tempfile::tempdir().expect("tempdir");
    let o = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(dir.path().join("x.db"))
        .arg("--config")
        .arg(dir.path().join("feeds.toml"))
        .arg("events")
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
