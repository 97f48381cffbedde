//! The binary following the news: `fetch` asking every feed not backing
//! off and listing the ones it skipped with when they are due, `--force`,
//! what is new (`--new-since`, `--unseen`, `event seen`), watchlists and
//! their commands, and the user's rules reaching `fetch`. Feeds come from
//! loopback servers; no test reaches the internet.

mod common;

use common::cli::{dateline, stderr, stdout};
use common::*;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .expect("fixture")
}

/// A server with the wire fixture at /wire.rss, the Chinese one at
/// /zh.rss, and 404 elsewhere; counts the requests for /gone.rss.
fn server(gone_hits: Arc<AtomicUsize>) -> Server {
    let wire = fixture("wire.rss");
    let zh = fixture("zh.rss");
    Server::start(move |req| match req.path.as_str() {
        "/wire.rss" => Reply::ok("application/rss+xml", wire.clone()),
        "/zh.rss" => Reply::ok("application/rss+xml", zh.clone()),
        "/gone.rss" => {
            gone_hits.fetch_add(1, Ordering::SeqCst);
            Reply::status(404)
        }
        _ => Reply::status(404),
    })
}

fn lines_with<'a>(out: &'a str, needle: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(needle)).collect()
}

#[test]
fn fetch_asks_every_feed_not_backing_off_lists_the_skipped_and_force_asks_them() {
    let gone = Arc::new(AtomicUsize::new(0));
    let server = server(gone.clone());
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("feeds.toml"),
        format!(
            "[[feed]]\nurl = \"{}\"\ntitle = \"Wire\"\n[[feed]]\nurl = \"{}\"\ntitle = \"Gone\"\n",
            server.url("/wire.rss"),
            server.url("/gone.rss")
        ),
    )
    .expect("write");

    let first = dateline(dir.path(), &["fetch"]);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let out = stdout(&first);
    assert!(out.contains("FAILED    HTTP 404"), "{out}");
    assert!(out.contains("2 of 2 feeds fetched"), "{out}");
    assert_eq!(gone.load(Ordering::SeqCst), 1);

    // a moment later: the working feed is asked again (it used to be
    // skipped as "fresh" and reported as 0 new), the failing one waits
    let wire_hits = server.hits();
    let again = dateline(dir.path(), &["fetch"]);
    let out = stdout(&again);
    assert_eq!(
        again.status.code(),
        Some(1),
        "a feed backing off is not fine"
    );
    let wire_line = lines_with(&out, "Wire");
    assert!(
        wire_line.len() == 1 && !wire_line[0].starts_with("skipped"),
        "{out}"
    );
    assert!(server.hits() > wire_hits, "the working feed was asked");
    let gone_line = lines_with(&out, "Gone");
    assert!(
        gone_line.len() == 1
            && gone_line[0].starts_with("skipped   backing off after 1 failures; due ")
            && gone_line[0].contains("HTTP 404"),
        "{out}"
    );
    assert_eq!(
        gone.load(Ordering::SeqCst),
        1,
        "the failing feed was not asked"
    );
    let last = out.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("1 of 2 feeds fetched")
            && last.contains("1 skipped (backing off; `dateline fetch --force` asks them too)"),
        "{out}"
    );

    let forced = dateline(dir.path(), &["fetch", "--force"]);
    let out = stdout(&forced);
    assert_eq!(gone.load(Ordering::SeqCst), 2, "--force asks it");
    assert!(!out.contains("skipped"), "{out}");
    assert!(
        out.contains("FAILED    HTTP 404") && out.contains("2 of 2 feeds fetched"),
        "{out}"
    );
}

#[test]
fn new_since_and_unseen_list_what_is_new() {
    let server = server(Arc::new(AtomicUsize::new(0)));
    let dir = tempfile::tempdir().expect("tmp");
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["events", "--json"];
        all.extend_from_slice(args);
        let o = dateline(dir.path(), &all);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                v["id"].as_str().unwrap_or_default().to_string()
            })
            .collect()
    };
    assert!(ids(&["--new-since", "last"]).is_empty(), "no refresh yet");
    std::fs::write(
        dir.path().join("feeds.toml"),
        format!("[[feed]]\nurl = \"{}\"\n", server.url("/wire.rss")),
    )
    .expect("write");
    let fetched = dateline(dir.path(), &["fetch"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));

    let all = ids(&[]);
    assert!(!all.is_empty(), "the wire fixture has events");
    assert_eq!(ids(&["--unseen"]), all, "nothing was seen yet");
    assert_eq!(
        ids(&["--new-since", "last"]),
        all,
        "all came with the last refresh"
    );
    assert_eq!(ids(&["--new-since", "2000-01-01"]), all);
    assert!(ids(&["--new-since", "2999"]).is_empty());

    let one = dateline(dir.path(), &["event", "seen", &all[0]]);
    assert!(
        stderr(&one).contains("1 event marked seen"),
        "{}",
        stderr(&one)
    );
    assert_eq!(ids(&["--unseen"]), all[1..].to_vec());
    let rest = dateline(dir.path(), &["event", "seen", "--all"]);
    assert!(rest.status.success());
    assert!(ids(&["--unseen"]).is_empty());
    assert_eq!(
        ids(&["--new-since", "last"]),
        all,
        "seen or not, they are what the last refresh brought"
    );

    let again = dateline(dir.path(), &["fetch"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        ids(&["--new-since", "last"]).is_empty(),
        "the same feed again brings nothing new"
    );

    for (args, want) in [
        (
            vec!["events", "--new-since", "soon"],
            "--new-since: 'soon' is not `last` or a date",
        ),
        (
            vec!["events", "--new-since", "yes"],
            "--new-since: 'yes' is not `last` or a date",
        ),
        (
            vec!["events", "--new-since", "last", "--unseen"],
            "choose one",
        ),
        (vec!["event", "seen"], "name event ids, or --all"),
    ] {
        let o = dateline(dir.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
}

/// A fake notifier: records its arguments, its input and its environment
/// under `dir`, one run appended after another.
fn fake_command(dir: &Path) -> std::path::PathBuf {
    let script = dir.join("notify.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nout=\"$1\"\nprintf '%s\\n' \"$@\" > \"$out/argv\"\ncat > \"$out/stdin\"\necho \"$DATELINE_WATCH|$DATELINE_NEW\" >> \"$out/runs\"\n",
    )
    .expect("script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    script
}

#[cfg(unix)]
#[test]
fn fetch_prints_new_watchlist_matches_and_runs_their_commands() {
    let server = server(Arc::new(AtomicUsize::new(0)));
    let dir = tempfile::tempdir().expect("tmp");
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("out dir");
    let script = fake_command(dir.path());
    std::fs::write(
        dir.path().join("feeds.toml"),
        format!("[[feed]]\nurl = \"{}\"\n", server.url("/wire.rss")),
    )
    .expect("write");
    let toml_str = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    std::fs::write(
        dir.path().join("watch.toml"),
        format!(
            "[[watch]]\nname = \"huawei\"\nquery = \"entity:华为\"\ncommand = [{}, {}]\n\n\
             [[watch]]\nname = \"nothing\"\nquery = \"kind:tariff\"\ncommand = [{}, {}]\n\n\
             [[watch]]\nname = \"broken\"\nquery = \"entity:huawei\"\ncommand = [\"/nonexistent/notifier\"]\n",
            toml_str(&script.display().to_string()),
            toml_str(&out_dir.display().to_string()),
            toml_str(&script.display().to_string()),
            toml_str(&dir.path().join("never").display().to_string()),
        ),
    )
    .expect("write");

    let first = dateline(dir.path(), &["fetch"]);
    let out = stdout(&first);
    let err = stderr(&first);
    assert_eq!(
        first.status.code(),
        Some(1),
        "a failed command counts: {err}"
    );
    assert!(
        err.contains("watch broken: cannot run /nonexistent/notifier"),
        "{err}"
    );
    let head = lines_with(&out, "watch huawei: ");
    assert!(
        head.len() == 1 && head[0].starts_with("watch huawei: 1 new event"),
        "{out}"
    );
    assert!(out.contains("Huawei"), "the event is listed: {out}");
    assert!(out.contains("watch nothing: nothing new"), "{out}");
    assert!(
        !dir.path().join("never").exists(),
        "no command without new events"
    );

    // argv is exactly what watch.toml says: nothing from the feed in it
    let argv = std::fs::read_to_string(out_dir.join("argv")).expect("argv");
    assert_eq!(argv, format!("{}\n", out_dir.display()));
    let stdin = std::fs::read_to_string(out_dir.join("stdin")).expect("stdin");
    let events: Vec<serde_json::Value> = stdin
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(events.len(), 1, "{stdin}");
    let names = format!("{} {}", events[0]["actors"], events[0]["targets"]);
    assert!(names.contains("Huawei"), "{stdin}");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("runs")).expect("runs"),
        "huawei|1\n"
    );

    let list = dateline(dir.path(), &["watch", "list"]);
    assert!(
        stdout(&list).contains("huawei  1 unseen  entity:华为"),
        "{}",
        stdout(&list)
    );

    let again = dateline(dir.path(), &["fetch"]);
    assert!(
        stdout(&again).contains("watch huawei: nothing new"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        std::fs::read_to_string(out_dir.join("runs")).expect("runs"),
        "huawei|1\n",
        "nothing new, no second run"
    );
}

#[test]
fn a_broken_watch_toml_stops_fetch_with_its_path_and_line() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("feeds.toml"),
        "[[feed]]\nurl = \"https://a.example/rss\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("watch.toml"),
        "[[watch]]\nname = \"x\"\nquery = \"kind:war\"\n",
    )
    .expect("write");
    let o = dateline(dir.path(), &["fetch"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("watch.toml:1: watch 1: query: unknown kind 'war'"),
        "{err}"
    );
}

#[test]
fn watch_add_list_show_remove() {
    let dir = tempfile::tempdir().expect("tmp");
    let add = dateline(
        dir.path(),
        &["watch", "add", "chips", "kind:export_control", "since:2022"],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let text = std::fs::read_to_string(dir.path().join("watch.toml")).expect("written");
    assert!(
        text.contains("query = \"kind:export_control since:2022\""),
        "{text}"
    );
    let bad = dateline(dir.path(), &["watch", "add", "x", "since:tomorrow"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("since: 'tomorrow' is not a date"),
        "{}",
        stderr(&bad)
    );
    let list = dateline(dir.path(), &["watch", "list"]);
    assert_eq!(
        stdout(&list),
        "chips  0 unseen  kind:export_control since:2022\n"
    );
    let show = dateline(dir.path(), &["watch", "show", "chips"]);
    assert!(show.status.success() && stdout(&show).is_empty());
    let rm = dateline(dir.path(), &["watch", "remove", "chips"]);
    assert!(rm.status.success());
    let again = dateline(dir.path(), &["watch", "remove", "chips"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("no watchlist named 'chips'"));
}

#[test]
fn fetch_extracts_with_the_users_rules() {
    let server = server(Arc::new(AtomicUsize::new(0)));
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("feeds.toml"),
        format!("[[feed]]\nurl = \"{}\"\n", server.url("/wire.rss")),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("entities.toml"),
        "[[entity]]\nname = \"Huawei\"\ntype = \"company\"\naliases = [\"Huawei Technologies Co.\"]\n",
    )
    .expect("write");
    let o = dateline(dir.path(), &["fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let user = dateline::extract::Rules::load(dir.path()).expect("user rules");
    let builtin = dateline::extract::Rules::builtin();
    assert_ne!(user.version, builtin.version);
    let store = dateline::store::Store::open(&dir.path().join("d.db")).expect("db");
    let versions: Vec<Option<String>> = store
        .articles()
        .expect("articles")
        .into_iter()
        .map(|a| a.extracted_with)
        .collect();
    assert!(!versions.is_empty());
    assert!(
        versions
            .iter()
            .all(|v| v.as_deref() == Some(user.version.as_str())),
        "fetch used the user's rules, as import does: {versions:?}"
    );
}
