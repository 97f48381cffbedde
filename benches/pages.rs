//! Page reading speed: pages per second of `read_page` (decode, parse,
//! metadata, story) on one core over the 181 pages of `eval/pages`, then the
//! time each pathological page takes to be read or refused.
//!
//! `cargo bench --bench pages` (set `DATELINE_PAGES_DIR` to the folder of
//! `*.html.gz` pages when it is not `../shared/eval/pages/html`).

use dateline::sources::page::read_page;
use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn pages_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var("DATELINE_PAGES_DIR").ok(),
        Some("../shared/eval/pages/html".into()),
        Some("../../shared/eval/pages/html".into()),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
}

fn load(dir: &PathBuf) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let Ok(file) = std::fs::File::open(&p) else {
            continue;
        };
        let mut bytes = Vec::new();
        let ok = if p.extension().is_some_and(|e| e == "gz") {
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .is_ok()
        } else {
            std::fs::read(&p).map(|b| bytes = b).is_ok()
        };
        if ok {
            out.push(bytes);
        }
    }
    out
}

/// CPU time this thread has run, from the scheduler's own count (Linux),
/// so a busy shared machine does not distort the per-core figure.
fn thread_cpu() -> Option<Duration> {
    let raw = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = raw.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn corpus() {
    let Some(dir) = pages_dir() else {
        println!("pages: no eval/pages folder found (set DATELINE_PAGES_DIR); corpus skipped");
        return;
    };
    let pages = load(&dir);
    let bytes: usize = pages.iter().map(Vec::len).sum();
    // one warm-up round, then timed rounds
    for p in &pages {
        let _ = read_page(p, None);
    }
    let rounds = 5;
    let start = Instant::now();
    let cpu_start = thread_cpu();
    let mut chars = 0usize;
    for _ in 0..rounds {
        for p in &pages {
            chars += read_page(p, None).map(|p| p.text.len()).unwrap_or(0);
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, thread_cpu()) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => wall,
    };
    let n = (pages.len() * rounds) as f64;
    println!(
        "pages: {} pages ({:.1} MB) x {rounds}: {:.0} pages/s on one core ({:.2} ms CPU/page, {:.1} MB/s); wall clock {:.0} pages/s; {} text bytes/round",
        pages.len(),
        bytes as f64 / 1e6,
        n / cpu,
        cpu * 1000.0 / n,
        (bytes * rounds) as f64 / 1e6 / cpu,
        n / wall,
        chars / rounds
    );
}

fn pathological() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "100,000 nested divs",
            format!(
                "<html><body>{}<p>deep</p>{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            )
            .into_bytes(),
        ),
        (
            "100,000 nested spans in a paragraph",
            format!(
                "<html><body><p>{}deep{}</p></body></html>",
                "<span>".repeat(100_000),
                "</span>".repeat(100_000)
            )
            .into_bytes(),
        ),
        (
            "100,000 unclosed <b>",
            format!(
                "<html><body>{}<p>deep</p></body></html>",
                "<b>".repeat(100_000)
            )
            .into_bytes(),
        ),
        ("50 MB text node", {
            let mut s = b"<html><body><p>".to_vec();
            s.extend(std::iter::repeat_n(b"word ".as_slice(), 10_000_000).flatten());
            s.extend_from_slice(b"</p></body></html>");
            s
        }),
        (
            "only scripts",
            format!(
                "<html><head></head><body>{}</body></html>",
                "<script>var x = 1;</script>".repeat(50_000)
            )
            .into_bytes(),
        ),
        (
            "200,000 paragraphs",
            format!(
                "<html><body>{}</body></html>",
                "<p>a short line</p>".repeat(200_000)
            )
            .into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let start = Instant::now();
        let result = read_page(&bytes, None);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let what = match result {
            Ok(p) => format!("ok, {} text bytes", p.text.len()),
            Err(e) => format!("refused: {e}"),
        };
        println!("pathological: {name}: {ms:.0} ms, {what}");
    }
}

fn main() {
    corpus();
    pathological();
}
