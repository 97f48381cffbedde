//! The binary run on fixture files in temporary folders: import in every
//! format, idempotence, bad input, and the output contracts.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .current_dir(self.dir.path())
            .env_remove("DATELINE_DB")
            .env_remove("DATELINE_CONFIG")
            .arg("--db")
            .arg(self.db())
            .arg("--config")
            .arg(self.dir.path().join("feeds.toml"))
            .args(args)
            .output()
            .expect("runs")
    }
    fn import(&self, names: &[&str]) -> Output {
        let paths: Vec<String> = names
            .iter()
            .map(|n| fixture(n).display().to_string())
            .collect();
        let mut args = vec!["import"];
        args.extend(paths.iter().map(String::as_str));
        self.run(&args)
    }
    fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }
    fn articles(&self) -> Vec<serde_json::Value> {
        // every stored article mentions one of these words
        let mut seen = Vec::new();
        for q in ["Huawei", "TikTok", "华为"] {
            for line in self.stdout(&["search", "--json", q]).lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("json line");
                if v["type"] == "article" && !seen.contains(&v) {
                    seen.push(v);
                }
            }
        }
        seen
    }
}

#[test]
fn the_same_articles_in_every_format_are_stored_once() {
    let env = Env::new();
    let first = env.import(&["wire.rss", "zh.rss"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let articles = env.articles();
    let events = env.stdout(&["events", "--json"]);
    assert_eq!(articles.len(), 3);

    for again in [
        &["wire.atom"][..],
        &["wire.json"],
        &["huawei-page.html"],
        &["wire.rss", "zh.rss"],
    ] {
        let out = env.import(again);
        assert!(
            out.status.success(),
            "{again:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(env.articles().len(), 3, "after importing {again:?}");
        assert_eq!(
            env.stdout(&["events", "--json"]),
            events,
            "timeline changed after {again:?}"
        );
    }
}

#[test]
fn a_page_keeps_its_canonical_url_and_leaves_clutter_out() {
    let env = Env::new();
    let out = env.stdout(&[
        "page",
        "--json",
        &fixture("huawei-page.html").display().to_string(),
    ]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(
        v["url"],
        "https://fixture-wire.example/2019/05/16/huawei-entity-list"
    );
    assert_eq!(v["published"], "2019-05-16T09:00:00-04:00");
    assert_eq!(v["lang"], "en");
    let text = v["text"].as_str().expect("text");
    assert!(text.starts_with("The U.S. Commerce Department said on Wednesday"));
    for clutter in [
        "cookies",
        "Most read",
        "March 3, 2018",
        "Advertisement",
        "December 31",
        "staff writer",
    ] {
        assert!(!text.contains(clutter), "page text kept {clutter:?}");
    }
    assert_eq!(text.matches("\n\n").count(), 2, "three paragraphs");
}

#[test]
fn bad_files_are_reported_one_line_each_and_the_good_ones_still_land() {
    let env = Env::new();
    assert!(env.import(&["wire.rss"]).status.success());
    let before = env.stdout(&["events", "--json"]);
    let n_before = env.articles().len();

    let missing = fixture("does-not-exist.rss");
    let out = env.run(&[
        "import",
        &missing.display().to_string(),
        &fixture("random.bin").display().to_string(),
        &fixture("empty.xml").display().to_string(),
        &fixture("truncated.rss").display().to_string(),
        &fixture("no-story.html").display().to_string(),
        &fixture("zh.rss").display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("dateline: "))
        .collect();
    assert_eq!(errors.len(), 5, "one line per bad file:\n{stderr}");
    for (name, why) in [
        ("does-not-exist.rss", "cannot read"),
        ("random.bin", "not a feed, page or OPML list"),
        ("empty.xml", "empty input"),
        ("truncated.rss", "broken feed"),
        ("no-story.html", "no story text"),
    ] {
        assert!(
            errors.iter().any(|l| l.contains(name) && l.contains(why)),
            "no line for {name} ({why}):\n{stderr}"
        );
    }
    assert!(
        !stderr.contains('\u{1b}'),
        "escape sequences reached the terminal"
    );
    // the good file of the same call landed, nothing already stored was lost
    assert_eq!(env.articles().len(), n_before + 1);
    // every event and every source it had is still there (new reports may join)
    let after = env.stdout(&["events", "--json"]);
    let sources = |jsonl: &str| -> Vec<(String, String)> {
        jsonl
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .flat_map(|v| {
                let kind = v["kind"].as_str().unwrap_or_default().to_string();
                let urls: Vec<String> = v["sources"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s["url"].as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                urls.into_iter().map(move |u| (kind.clone(), u))
            })
            .collect()
    };
    let kept = sources(&after);
    for s in sources(&before) {
        assert!(kept.contains(&s), "lost {s:?}");
    }
}

#[test]
fn opml_import_adds_its_feeds_to_feeds_toml() {
    let env = Env::new();
    let out = env.import(&["feeds.opml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml = std::fs::read_to_string(env.dir.path().join("feeds.toml")).expect("written");
    assert!(toml.contains("https://rules.example/bis.rss"));
    assert!(toml.contains("\"Primary\""));
    // a second import adds nothing twice
    assert!(env.import(&["feeds.opml"]).status.success());
    let again = std::fs::read_to_string(env.dir.path().join("feeds.toml")).expect("written");
    assert_eq!(again.matches("[[feed]]").count(), 2);
}

#[test]
fn bad_arguments_get_one_line_errors() {
    let env = Env::new();
    // the database exists, so the only line is the error
    assert!(env.run(&["events"]).status.success());
    for (args, want) in [
        (
            &["events", "--kind", "war"][..],
            "--kind: unknown kind 'war'",
        ),
        (
            &["events", "--since", "2026-13"],
            "--since: '2026-13' is not a date",
        ),
        (&["event", "confirm", "nope"], "no event with id 'nope'"),
        (&["search", "\"\""], "nothing to search for"),
        (&["search", ":"], "nothing to search for in ':'"),
        (&["events", ":"], "nothing to search for in ':'"),
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(want), "{args:?}: {stderr}");
    }
}

#[test]
fn a_database_that_is_not_sqlite_is_refused_without_damage() {
    let env = Env::new();
    std::fs::write(env.db(), b"this is not a database, and must stay as it is").expect("write");
    let out = env.run(&["events"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&env.db().display().to_string()), "{stderr}");
    assert_eq!(
        std::fs::read(env.db()).expect("read"),
        b"this is not a database, and must stay as it is"
    );
}

#[test]
fn events_piped_into_a_closed_reader_end_quietly() {
    let env = Env::new();
    assert!(env.import(&["wire.rss", "zh.rss"]).status.success());
    // `search` prints several lines; a reader that closes at once must not cause a panic message
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(env.db())
        .args(["search", "Huawei"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "exit {:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_locked_database_is_reported_and_nothing_is_lost() {
    let env = Env::new();
    assert!(env.import(&["wire.rss"]).status.success());
    let before = env.stdout(&["events", "--json"]);
    let holder = rusqlite::Connection::open(env.db()).expect("open");
    holder.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    let out = env.import(&["zh.rss"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("locked") && stderr.contains(&env.db().display().to_string()),
        "{stderr}"
    );
    holder.execute_batch("ROLLBACK").expect("unlock");
    drop(holder);
    assert_eq!(env.stdout(&["events", "--json"]), before);
    assert_eq!(env.articles().len(), 2);
}

#[test]
fn a_db_path_that_does_not_exist_is_announced_once() {
    let env = Env::new();
    let first = env.run(&["events"]);
    assert!(first.status.success());
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} does not exist; creating a new database",
            env.db().display()
        )),
        "{stderr}"
    );
    let second = env.run(&["events"]);
    assert!(
        second.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
}

#[test]
fn one_panicking_file_costs_one_line_and_the_others_land() {
    let env = Env::new();
    // the 35-byte and 17-byte feeds that once panicked, between good files
    let mut euc = b"?<?xml n=\"\"encoding=\"euc-kr\"?><rss".to_vec();
    euc.push(0xA3);
    std::fs::write(env.dir.path().join("euc.xml"), &euc).expect("write");
    let mut decl = b"<?xmlencoding=".to_vec();
    decl.extend_from_slice(&[0xF8, b'?', b'>']);
    std::fs::write(env.dir.path().join("decl.xml"), &decl).expect("write");
    let out = env.run(&[
        "import",
        fixture("wire.rss").to_str().unwrap_or_default(),
        env.dir.path().join("euc.xml").to_str().unwrap_or_default(),
        env.dir.path().join("decl.xml").to_str().unwrap_or_default(),
        fixture("zh.rss").to_str().unwrap_or_default(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("euc.xml: "), "{stderr}");
    assert!(stderr.contains("decl.xml: "), "{stderr}");
    let urls: Vec<String> = env
        .articles()
        .iter()
        .filter_map(|a| a["url"].as_str().map(str::to_string))
        .collect();
    assert!(urls.iter().any(|u| u.contains("wire")), "{urls:?}");
    assert!(urls.len() >= 2, "{urls:?}");
}
