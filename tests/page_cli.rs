//! `dateline page` run as a binary on fixture pages: the JSON contract, the
//! readable rendering, and one bad page not stopping the others.

use std::process::Command;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn dateline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env_remove("DATELINE_DB")
        .output()
        .expect("binary runs")
}

#[test]
fn json_lines_carry_the_contract_fields() {
    let a = fixture("meta-opengraph.html");
    let b = fixture("enc-gbk.html");
    let out = dateline(&["page", "--json", &a, &b]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], a.as_str());
    assert_eq!(
        lines[0]["url"],
        "https://daily.example/2026/03/10/fibre-probe"
    );
    assert_eq!(lines[0]["published"], "2026-03-10T09:15:00+08:00");
    assert_eq!(lines[0]["lang"], "en");
    assert!(lines[0]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("The trade ministry")));
    assert_eq!(lines[1]["lang"], "zh");
    assert_eq!(lines[1]["url"], serde_json::Value::Null);
    assert_eq!(lines[1]["title"], "商务部对进口光纤发起反倾销调查");
}

#[test]
fn readable_rendering_shows_metadata_then_story() {
    let out = dateline(&["page", &fixture("meta-jsonld-graph.html")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(
        text.contains("published: 2026-03-10T21:15:00+09:00"),
        "{text}"
    );
    assert!(text.contains("url:       https://daily.example/2026/03/10/fibre-probe"));
    assert!(text.contains("Officials expect a preliminary ruling"));
    assert!(!text.contains("Most read"));
}

#[test]
fn a_refused_page_is_one_error_line_and_the_rest_still_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir.path().join("deep.html");
    let html = format!("<html><body>{}x</body></html>", "<div>".repeat(100_000));
    std::fs::write(&deep, html).expect("write");
    let missing = dir.path().join("missing.html");
    let good = fixture("meta-time.html");
    let out = dateline(&[
        "page",
        "--json",
        deep.to_str().expect("utf-8 path"),
        &good,
        missing.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("meta-time.html"));
    let stderr = String::from_utf8(out.stderr).expect("utf-8 errors");
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(
        errors[0].contains("deep.html") && errors[0].contains("nest"),
        "{}",
        errors[0]
    );
    assert!(errors[1].contains("missing.html"), "{}", errors[1]);
}
