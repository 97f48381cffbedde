//! The binary's TUI entry points, run as a user would, without a terminal:
//! they refuse with one line and a non-zero status, and leave nothing behind.

use std::process::Command;

fn dateline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

#[test]
fn timeline_without_a_terminal_says_so_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dateline()
        .arg("--db")
        .arg(dir.path().join("d.db"))
        .arg("--config")
        .arg(dir.path().join("feeds.toml"))
        .arg("--offline")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "dateline: the terminal timeline needs a terminal; use `dateline events` in scripts"
    );
}

#[test]
fn a_bad_keys_toml_is_named_with_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("keys.toml"), "fly = [\"f\"]\n").expect("write");
    let out = dateline()
        .arg("--db")
        .arg(dir.path().join("d.db"))
        .arg("--config")
        .arg(dir.path().join("feeds.toml"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("keys.toml:1: unknown action 'fly'"), "{err}");
}

#[test]
fn demo_removes_its_database_even_when_it_cannot_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let child = dateline()
        .arg("--config")
        .arg(dir.path().join("feeds.toml"))
        .arg("demo")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let pid = child.id();
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(2));
    let prefix = format!("dateline-demo-{pid}-");
    let left: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .expect("temp dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
