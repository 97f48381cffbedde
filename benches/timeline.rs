//! Linking at scale: builds the timeline over 10k, 100k and 1M synthetic
//! mentions and prints the time of each, so the curve shows whether cost
//! grows close to linearly (budget: 100k mentions under 5 s on one core).
//!
//! The synthetic corpus: incidents over ten years, each reported 1–12
//! times (most once or twice); actors drawn from a few dozen agencies with
//! a heavy head (Commerce, "China"), targets from a long tail of companies;
//! 70% of reports give the day, 20% the month, 6% the year, 2% a span, and
//! 2% are a day off. `cargo bench --bench timeline [-- SIZES...]`.

use chrono::{DateTime, Duration, NaiveDate};
use dateline::model::{DateSpan, Kind, Mention, MentionRecord, PartialDate};
use std::collections::HashMap;
use std::time::Instant;

/// splitmix64: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Roughly Zipf: small indices much more often.
    fn zipf(&mut self, n: u64) -> u64 {
        let u = self.unit();
        ((n as f64).powf(u) - 1.0) as u64 % n.max(1)
    }
}

const KINDS: [Kind; 11] = [
    Kind::Listing,
    Kind::Ban,
    Kind::ExportControl,
    Kind::Sanction,
    Kind::Lawsuit,
    Kind::Ruling,
    Kind::Tariff,
    Kind::Investigation,
    Kind::Accusation,
    Kind::Legislation,
    Kind::Delisting,
];
const WORDS: [&str; 24] = [
    "added",
    "list",
    "department",
    "rule",
    "chips",
    "security",
    "national",
    "court",
    "filed",
    "export",
    "licence",
    "order",
    "government",
    "technology",
    "companies",
    "restrictions",
    "announced",
    "statement",
    "federal",
    "ministry",
    "review",
    "equipment",
    "semiconductor",
    "data",
];

fn generate(n: usize, seed: u64) -> (Vec<MentionRecord>, Vec<u32>) {
    let mut r = Rng(seed);
    let agencies: Vec<String> = (0..60).map(|i| format!("Agency {i}")).collect();
    let companies: Vec<String> = (0..(n / 8 + 200)).map(|i| format!("Company {i}")).collect();
    let base = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let mut out = Vec::with_capacity(n);
    let mut incident_of = Vec::with_capacity(n);
    let mut incident = 0u32;
    while out.len() < n {
        incident += 1;
        let kind = KINDS[r.zipf(KINDS.len() as u64) as usize];
        let day = base + Duration::days(r.below(3650) as i64);
        let mut actors = vec![agencies[r.zipf(60) as usize].clone()];
        if r.unit() < 0.25 {
            actors.push("China".into());
        }
        let mut targets: Vec<String> = (0..1 + r.zipf(4))
            .map(|_| companies[r.zipf(companies.len() as u64) as usize].clone())
            .collect();
        targets.sort();
        targets.dedup();
        let own: Vec<String> = (0..3).map(|_| format!("w{}", r.below(100_000))).collect();
        let reports = 1 + r.zipf(12) as usize;
        for _ in 0..reports.min(n - out.len()) {
            let id = out.len() as i64 + 1;
            let p = r.unit();
            let d = if p < 0.02 {
                day + Duration::days(1)
            } else {
                day
            };
            let start = if p < 0.72 {
                PartialDate::from_naive(d)
            } else if p < 0.92 {
                PartialDate::month(
                    d.format("%Y").to_string().parse().unwrap_or(2020),
                    d.format("%m").to_string().parse().unwrap_or(1),
                )
                .unwrap_or(PartialDate::year(2020))
            } else {
                PartialDate::year(d.format("%Y").to_string().parse().unwrap_or(2020))
            };
            let end = (p > 0.98).then(|| PartialDate::from_naive(d + Duration::days(20)));
            let published = d + Duration::days(r.below(60) as i64);
            let mut ts: Vec<String> = targets.clone();
            if ts.len() > 1 && r.unit() < 0.3 {
                ts.truncate(1);
            }
            let mut words: Vec<&str> = (0..10).map(|_| WORDS[r.below(24) as usize]).collect();
            words.extend(own.iter().map(|s| s.as_str()));
            out.push(MentionRecord {
                id,
                article_id: id,
                url: format!("https://outlet{}.example/{}", r.below(40), id),
                outlet: "Outlet".into(),
                article_title: "Title".into(),
                published: DateTime::parse_from_rfc3339(&format!("{published}T08:00:00+00:00"))
                    .ok(),
                lang: "en".into(),
                mention: Mention {
                    kind,
                    span: DateSpan { start, end },
                    actors: actors.clone(),
                    targets: ts,
                    evidence: words.join(" "),
                    sentence: 0,
                    confidence: 0.8,
                    cues: Vec::new(),
                },
            });
            incident_of.push(incident);
        }
    }
    (out, incident_of)
}

/// Pairwise precision and recall of the events against the generator's incidents.
fn pair_quality(
    events: &[dateline::model::Event],
    mentions: &[MentionRecord],
    incident: &[u32],
) -> (f64, f64) {
    let by_url: HashMap<&str, u32> = mentions
        .iter()
        .zip(incident)
        .map(|(m, &i)| (m.url.as_str(), i))
        .collect();
    let mut gold: HashMap<u32, u64> = HashMap::new();
    for &i in incident {
        *gold.entry(i).or_default() += 1;
    }
    let gold_pairs: u64 = gold.values().map(|&c| c * (c - 1) / 2).sum();
    let (mut pred, mut both) = (0u64, 0u64);
    for e in events {
        let mut per: HashMap<u32, u64> = HashMap::new();
        for s in &e.sources {
            if let Some(&i) = by_url.get(s.url.as_str()) {
                *per.entry(i).or_default() += 1;
            }
        }
        let k = e.sources.len() as u64;
        pred += k * k.saturating_sub(1) / 2;
        both += per.values().map(|&c| c * (c - 1) / 2).sum::<u64>();
    }
    (
        both as f64 / pred.max(1) as f64,
        both as f64 / gold_pairs.max(1) as f64,
    )
}

/// CPU time this thread has used, in ms (Linux; `None` elsewhere), so the
/// figure holds on a machine other jobs are loading.
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    // fields 14 and 15 of stat (utime, stime) are 12 and 13 after the name
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0) // USER_HZ is 100 on Linux
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        sizes
    };
    println!(
        "{:>10} {:>10} {:>10} {:>10} {:>12} {:>8} {:>8}",
        "mentions", "events", "wall ms", "cpu ms", "cpu µs/m", "pair P", "pair R"
    );
    for n in sizes {
        let (mentions, incident) = generate(n, 42);
        let t = Instant::now();
        let c0 = cpu_ms();
        let events = dateline::timeline::build(&mentions, &[]);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let cpu = c0.and_then(|a| cpu_ms().map(|b| b - a)).unwrap_or(f64::NAN);
        let (p, r) = pair_quality(&events, &mentions, &incident);
        // where the time goes (CPU ms): comparison features, candidate
        // pairs, then scoring and clustering (which finds the pairs again)
        let lap = |start: Option<f64>| {
            start
                .and_then(|a| cpu_ms().map(|b| b - a))
                .unwrap_or(f64::NAN)
        };
        let t = cpu_ms();
        let refs: Vec<&MentionRecord> = mentions.iter().collect();
        let feats = dateline::timeline::features::Features::new(&refs);
        let f_ms = lap(t);
        let t = cpu_ms();
        let pairs = dateline::timeline::merge::candidates(&feats).len();
        let c_ms = lap(t);
        let t = cpu_ms();
        let clusters = dateline::timeline::merge::cluster(&feats).len();
        let k_ms = lap(t);
        eprintln!(
            "{:>10} features {f_ms:.0} ms; {pairs} candidate pairs {c_ms:.0} ms; scored and clustered into {clusters} in {k_ms:.0} ms",
            ""
        );
        println!(
            "{n:>10} {:>10} {ms:>10.0} {cpu:>10.0} {:>12.2} {p:>8.3} {r:>8.3}",
            events.len(),
            cpu * 1000.0 / n as f64
        );
        for fresh in [50, 150, 500] {
            refresh(&mentions, fresh);
        }
    }
}

/// The merger's share of a refresh: the latest-published `fresh` reports
/// added to the rest, re-decided by
/// `incremental::update` from the rest's layout and built whole, timed
/// apart (features excluded) and compared.
fn refresh(mentions: &[MentionRecord], fresh: usize) {
    use dateline::timeline::{features::Features, ids, incremental, layout::Layout};
    let mut sorted: Vec<&MentionRecord> = mentions.iter().collect();
    sorted.sort_by(|a, b| ids::seed_order(a, b));
    let mut by_time = sorted.clone();
    by_time.sort_by_key(|m| std::cmp::Reverse(m.published));
    let fresh: std::collections::HashSet<i64> = by_time.iter().take(fresh).map(|m| m.id).collect();
    let old: Vec<&MentionRecord> = sorted
        .iter()
        .copied()
        .filter(|m| !fresh.contains(&m.id))
        .collect();
    let f_old = Features::new(&old);
    let f_new = Features::new(&sorted);
    let place: HashMap<i64, u32> = sorted
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id, i as u32))
        .collect();
    let old_at: Vec<u32> = old.iter().map(|m| place[&m.id]).collect();
    let added: Vec<u32> = (0..sorted.len() as u32)
        .filter(|&i| fresh.contains(&sorted[i as usize].id))
        .collect();
    let layout = Layout::build(&f_old);
    let c0 = cpu_ms();
    let (next, path) = incremental::update(&f_old, &layout, &f_new, &old_at, &added);
    let inc = c0.and_then(|a| cpu_ms().map(|b| b - a)).unwrap_or(f64::NAN);
    let c0 = cpu_ms();
    let whole = Layout::build(&f_new);
    let full = c0.and_then(|a| cpu_ms().map(|b| b - a)).unwrap_or(f64::NAN);
    println!(
        "{:>10} refresh of {} reports: incremental {inc:.0} ms CPU ({path:?}), full {full:.0} ms CPU, equal: {}",
        "",
        added.len(),
        next == whole
    );
}
