//! Issue 13's cost curve: the operations users wait for, at 10k, 100k and
//! 1M generated articles (`cargo bench --bench scale -- 100000`).
//!
//! The database for a size is generated once into `bench-data/` (not
//! committed) and reused: import throughput is measured only when it is
//! built (`--fresh` rebuilds it). Then: a refresh of 50 new articles,
//! search p50/p95 (a common word, a phrase, a Chinese word, filters),
//! `events --entity`, `entities`, one event's detail, `export md` of one
//! entity, and the process's peak memory. Wall times are noisy on a shared
//! machine, so bulk phases also report CPU time.
//!
//! `--direct` builds a different database, `bench-data/scale-direct-N.db`,
//! written straight through the store's write APIs by `common/direct.rs`
//! (articles with FTS, mentions, a timeline), without extraction or
//! re-linking: a stand-in, so that reads can be measured at 1M articles
//! while import is still slow. Its timeline is simpler than the real
//! one's (see that file); read figures from it say so. It skips the
//! refresh, which would re-link the whole stand-in timeline.

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/direct.rs"]
mod direct;
#[path = "common/proc.rs"]
mod proc;

use dateline::extract::Rules;
use dateline::pipeline;
use dateline::store::{EventFilter, Store};
use proc::{cpu, peak_mib};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// p50 and p95 of `reps` runs of `f`, in ms; also prints the mean CPU
/// time a run (the steadier figure on a loaded machine; 10 ms ticks,
/// averaged over the runs).
fn percentiles(reps: usize, mut f: impl FnMut()) -> (f64, f64) {
    let c = cpu();
    let mut t: Vec<f64> = (0..reps)
        .map(|_| {
            let s = Instant::now();
            f();
            ms(s.elapsed())
        })
        .collect();
    print!("[CPU {:5.1} ms/run] ", ms(cpu() - c) / reps as f64);
    t.sort_by(f64::total_cmp);
    let at = |p: f64| t[((t.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.95))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let fresh = args.iter().any(|a| a == "--fresh");
    let direct_db = args.iter().any(|a| a == "--direct");
    let rules = Rules::builtin();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data folder");
    let path = dir.join(if direct_db {
        format!("scale-direct-{n}.db")
    } else {
        format!("scale-{n}.db")
    });
    if fresh {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
    }
    let built = path.exists();
    let mut store = Store::open(&path).expect("open");
    println!("articles            {n}  ({})", path.display());
    if !built && direct_db {
        let (t, c) = (Instant::now(), cpu());
        let (a, m, e) = direct::generate(&mut store, n, 42).expect("generate");
        println!(
            "generated directly (no extraction, no re-linking): {a} articles, {m} mentions, {e} events in {:.1} s wall, {:.1} s CPU",
            t.elapsed().as_secs_f64(),
            (cpu() - c).as_secs_f64()
        );
    } else if !built {
        // one ingest, handed the corpus in feed-sized batches generated as
        // they go, so it is never held whole (`--bench ingest` times the
        // import and its timeline step apart)
        const CHUNK: usize = 5_000;
        let (t, c) = (Instant::now(), cpu());
        let mut r = corpus::Rng::new(42);
        let mut done = 0;
        let batches = std::iter::from_fn(|| {
            (done < n).then(|| {
                let batch: Vec<_> = (done..(done + CHUNK).min(n))
                    .map(|i| corpus::article(&mut r, i))
                    .collect();
                done += batch.len();
                eprintln!("  importing {done}");
                batch
            })
        });
        let mut report = pipeline::IngestReport::default();
        pipeline::ingest_counted(&mut store, &rules, batches, &mut report).expect("ingest");
        let (wall, cpu_t) = (t.elapsed(), cpu() - c);
        proc::rate(
            &format!("import (batches of {CHUNK}, FTS, timeline)"),
            n,
            wall,
            cpu_t,
        );
    }
    println!(
        "events              {}",
        store.event_count().expect("count")
    );

    if !direct_db {
        refresh(&mut store, &rules, n);
    }
    reads(&store);
    println!("peak memory         {:.0} MiB", peak_mib());
}

/// A refresh: 50 articles the archive has not seen.
fn refresh(store: &mut Store, rules: &Rules, n: usize) {
    let mut r = corpus::Rng::new(7 + n as u64);
    // keyed by the archive's size, which every refresh that stores
    // something changes, so a rerun's articles are new again
    let key = store.article_count().unwrap_or(0);
    let new: Vec<_> = (0..50)
        .map(|i| {
            let mut a = corpus::article(&mut r, 10_000_000 + i);
            a.guid = Some(format!("refresh-{key}-{i}"));
            a.url = format!("{}-r{key}", a.url);
            a
        })
        .collect();
    let (t, c) = (Instant::now(), cpu());
    let rep = pipeline::ingest(store, rules, &new).expect("refresh");
    println!(
        "refresh of 50 new   {:.0} ms wall, {:.0} ms CPU  ({} new articles)",
        ms(t.elapsed()),
        ms(cpu() - c),
        rep.new_articles
    );
}

/// The reads users wait for.
fn reads(store: &Store) {
    let search = |text: &str, extra: EventFilter| EventFilter {
        text: Some(text.into()),
        ..extra
    };
    let mut cases: Vec<(&str, EventFilter)> = vec![
        ("search huawei", search("huawei", EventFilter::default())),
        (
            "search \"entity list\"",
            search("\"entity list\"", EventFilter::default()),
        ),
        ("search 华为", search("华为", EventFilter::default())),
        (
            "search huawei kind:listing since:2024",
            search(
                "huawei",
                EventFilter {
                    kinds: vec![dateline::model::Kind::Listing],
                    since: "2024".parse().ok(),
                    ..Default::default()
                },
            ),
        ),
    ];
    for (name, f) in cases.drain(..) {
        let (p50, p95) = percentiles(20, || {
            let e = store.search_events(&f, 20, 0).expect("events");
            let a = store.search_article_page(&f, 20, 0).expect("articles");
            std::hint::black_box((e.total, a.total));
        });
        let e = store.search_events(&f, 20, 0).expect("events");
        let a = store.search_article_page(&f, 20, 0).expect("articles");
        println!(
            "{name:<38} p50 {p50:>7.1} ms  p95 {p95:>7.1} ms  ({} events, {} articles)",
            e.total, a.total
        );
    }
    let mut huawei = EventFilter {
        entities: vec!["华为".into()],
        limit: Some(50),
        ..Default::default()
    };
    store.resolve_filter(&mut huawei).expect("resolve");
    let (p50, p95) = percentiles(10, || {
        let mut k = 0;
        store
            .for_each_event(&huawei, |_| -> Result<(), dateline::store::StoreError> {
                k += 1;
                Ok(())
            })
            .expect("events");
        std::hint::black_box(k);
    });
    let total = store.count_events(&huawei).expect("count");
    println!("events --entity 华为 (first 50 of {total})  p50 {p50:.1} ms  p95 {p95:.1} ms");

    let t = Instant::now();
    let n_ent = store.entities().expect("entities").len();
    println!(
        "entities            {:.0} ms  ({n_ent} entities)",
        ms(t.elapsed())
    );

    // the event with the most sources
    let busiest = store
        .event_rows(&EventFilter::default())
        .expect("rows")
        .into_iter()
        .max_by_key(|r| r.n_sources)
        .map(|r| (r.id, r.n_sources));
    if let Some((id, k)) = busiest {
        let (p50, p95) = percentiles(20, || {
            std::hint::black_box(store.event(&id).expect("detail"));
        });
        println!("detail ({k} sources)  p50 {p50:.1} ms  p95 {p95:.1} ms");
    }

    let f = EventFilter {
        entities: huawei.entities.clone(),
        ..Default::default()
    };
    let (t, c) = (Instant::now(), cpu());
    let mut opts = dateline::export::Options::new(chrono::Utc::now());
    opts.title = "Huawei: timeline".into();
    // streamed to a counting sink, as `export md` streams to its file
    let mut out = Counted(0);
    let n = dateline::export::export_to(
        store,
        &f,
        dateline::export::Format::Markdown,
        &opts,
        &mut out,
    )
    .expect("export");
    println!(
        "export md --entity 华为  {:.0} ms wall, {:.0} ms CPU  ({} events, {} KiB, peak so far {:.0} MiB)",
        ms(t.elapsed()),
        ms(cpu() - c),
        n,
        out.0 / 1024,
        peak_mib()
    );
}

/// A writer that only counts the bytes it is given.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
