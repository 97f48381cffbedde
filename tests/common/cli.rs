//! Running the binary as a user would, with no environment leaking in
//! (`DATELINE_DB`, `DATELINE_CONFIG` removed).

use std::path::Path;
use std::process::{Command, Output};

/// `dateline` over `dir/d.db` with `dir/feeds.toml` as its config.
pub fn dateline(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(dir.join("d.db"))
        .arg("--config")
        .arg(dir.join("feeds.toml"))
        .args(args)
        .env_remove("DATELINE_DB")
        .env_remove("DATELINE_CONFIG")
        .output()
        .expect("runs")
}

/// `dateline --db DB ARGS`: whether it succeeded, its stdout and stderr.
pub fn dateline_db(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DATELINE_CONFIG")
        .output()
        .expect("the binary runs");
    (out.status.success(), stdout(&out), stderr(&out))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}
