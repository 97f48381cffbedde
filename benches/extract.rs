//! Extraction speed and memory on a generated corpus: English and Chinese
//! articles of 300–600 words built from templates written for this
//! benchmark, each generated, extracted and dropped in turn so the corpus
//! itself takes no memory. Reports articles per second on one core and the
//! process's peak RSS after each of two corpus sizes (flat memory means the
//! second peak is no higher than the first). The rate is given per wall
//! second and per CPU second of the extracting thread, which is the per-core
//! figure when other processes share the machine.
//!
//! Then the pathological cases, whose cost per article must stay bounded:
//! keyword soup (400 words of triggers, names and dates with no
//! punctuation; at least 1,000 articles/s), one long unpunctuated run of
//! prose, and one 2 MB item of accented Latin text.
//!
//! `cargo bench --bench extract [-- N1 N2]` (defaults 10000 and 20000).

use dateline::extract::{extract, Rules};
use dateline::model::Article;
use std::time::Instant;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const EN_ACTORS: &[&str] = &[
    "The Commerce Department",
    "The Pentagon",
    "The Treasury",
    "Beijing",
    "China's commerce ministry",
    "The Federal Communications Commission",
    "The Dutch government",
    "Japan",
    "Texas",
];
const EN_TARGETS: &[&str] = &[
    "Huawei",
    "Acme Quantum Corp",
    "Bolt Semiconductor",
    "Nimbus Drones",
    "ZTE",
    "Xiaomi",
    "Orchid Biotech Inc",
    "Zephyr Labs",
    "DeepSeek",
    "Illumina",
];
const EN_WHEN: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "last Thursday",
    "on March 4",
    "in early June",
    "on Jan. 15, 2025",
    "in December",
    "yesterday",
    "between April 22 and June 5",
    "in late May",
];
const EN_EVENTS: &[&str] = &[
    "{A} {W} added {T} to the Entity List, citing national security concerns.",
    "{A} banned {T} from government devices {W}.",
    "{T} sued {A} {W}, arguing that the decision was unlawful.",
    "A federal judge {W} blocked the order against {T}.",
    "{A} {W} imposed export controls on chips sold to {T}.",
    "{A} opened an antitrust investigation into {T} {W}.",
    "{A} fined {T} $20 million {W}.",
    "{A} raised tariffs on imports from China to 25% {W}.",
    "{T} could be added to the list {W}, analysts said.",
    "{A} has not decided whether to ban {T}, officials said {W}.",
    "{T}, founded in 2012, reported quarterly earnings {W}.",
];
const EN_FILLER: &[&str] = &[
    "Analysts said the move would weigh on the company's suppliers in Asia and Europe.",
    "The company said it was studying the decision and would protect the interests of its customers.",
    "Shares in the sector fell sharply in Hong Kong trading before recovering some of their losses.",
    "Officials have said the measures are aimed at protecting sensitive technology from misuse.",
    "Industry groups warned that the rules could disrupt supply chains that took decades to build.",
    "The dispute is the latest in a series of moves and countermeasures between the two countries.",
    "Lawmakers from both parties have called for tougher action, while some business groups urge restraint.",
    "The firm employs about 12,000 people and sells most of its products outside the United States.",
];

const ZH_ACTORS: &[&str] = &[
    "美国商务部",
    "商务部",
    "美国国防部",
    "国务院关税税则委员会",
    "市场监管总局",
    "荷兰政府",
];
const ZH_TARGETS: &[&str] = &[
    "华为",
    "星海防务公司",
    "中芯国际",
    "长江存储",
    "蓝海科技集团",
    "因美纳公司",
    "谷歌",
];
const ZH_WHEN: &[&str] = &[
    "12日",
    "当地时间5月15日",
    "昨天",
    "上周四",
    "今年2月",
    "3月10日",
    "6月下旬",
];
const ZH_EVENTS: &[&str] = &[
    "{A}{W}宣布，将{T}列入实体清单。",
    "{A}{W}发布公告，决定对{T}实施出口管制。",
    "{A}{W}对{T}涉嫌违反反垄断法一案立案调查。",
    "{T}{W}向法院提起诉讼，要求撤销相关决定。",
    "{A}宣布自{W}起对原产于美国的部分商品加征15%关税。",
    "分析人士认为，{A}可能在{W}将{T}列入清单。",
    "{T}成立于2006年，总部位于深圳。",
    "{T}否认曾于{W}被列入任何清单。",
];
const ZH_FILLER: &[&str] = &[
    "业内人士表示，相关措施将对全球供应链产生一定影响，部分企业正在评估后续应对方案。",
    "该公司表示，将继续与有关部门保持沟通，坚决维护自身的合法权益。",
    "中方一贯反对泛化国家安全概念，反对针对特定国家企业搞歧视性做法。",
    "据统计，相关产品去年的出口额约为120亿美元，占全球市场份额的三成左右。",
    "有分析指出，此举可能促使更多企业加快寻找替代供应来源，市场价格短期内或将波动。",
    "消息公布后，相关板块股价盘中一度下跌超过百分之五，随后有所回升。",
];

fn fill(template: &str, rng: &mut Rng, actors: &[&str], targets: &[&str], when: &[&str]) -> String {
    template
        .replace("{A}", rng.pick(actors))
        .replace("{T}", rng.pick(targets))
        .replace("{W}", rng.pick(when))
}

/// One article of 300–600 words (Chinese: 450–900 characters).
fn generate(i: usize, rng: &mut Rng) -> Article {
    let zh = i % 3 == 2;
    let target = 300 + rng.below(301) as usize;
    let mut text = String::new();
    let mut words = 0;
    while words < target {
        let s = if rng.below(3) == 0 {
            if zh {
                fill(rng.pick(ZH_EVENTS), rng, ZH_ACTORS, ZH_TARGETS, ZH_WHEN)
            } else {
                fill(rng.pick(EN_EVENTS), rng, EN_ACTORS, EN_TARGETS, EN_WHEN)
            }
        } else if zh {
            rng.pick(ZH_FILLER).to_string()
        } else {
            rng.pick(EN_FILLER).to_string()
        };
        words += if zh {
            s.chars().count() * 2 / 3
        } else {
            s.split_whitespace().count()
        };
        text.push_str(&s);
        text.push_str(if rng.below(4) == 0 {
            "\n\n"
        } else if zh {
            ""
        } else {
            " "
        });
    }
    Article {
        url: format!("https://bench.example/{i}"),
        title: format!("Story {i}"),
        lang: if zh { "zh" } else { "en" }.into(),
        text,
        published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
        ..Default::default()
    }
}

/// Peak resident set size of this process in MiB (Linux), if known.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU seconds this thread has used (Linux), so the rate is per core even
/// when other processes share the machine.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

struct Run {
    wall: f64,
    cpu: Option<f64>,
    mentions: usize,
    bytes: usize,
}

/// Generates and extracts `n` articles in batches of 500 (only the batch
/// is in memory), timing extraction alone.
fn run(n: usize, seed: u64, rules: &Rules) -> Run {
    let mut rng = Rng(seed);
    let mut r = Run {
        wall: 0.0,
        cpu: Some(0.0),
        mentions: 0,
        bytes: 0,
    };
    let mut i = 0;
    while i < n {
        let batch: Vec<Article> = (i..(i + 500).min(n))
            .map(|k| generate(k, &mut rng))
            .collect();
        i += batch.len();
        r.bytes += batch.iter().map(|a| a.text.len()).sum::<usize>();
        let c0 = thread_cpu_secs();
        let t = Instant::now();
        for a in &batch {
            r.mentions += extract(a, rules).len();
        }
        r.wall += t.elapsed().as_secs_f64();
        r.cpu = match (r.cpu, c0, thread_cpu_secs()) {
            (Some(acc), Some(a), Some(b)) => Some(acc + (b - a)),
            _ => None,
        };
    }
    r
}

/// 400 words of trigger verbs, names, list names and dates with no
/// punctuation at all, as a spam or keyword-stuffed item has.
fn keyword_soup(i: usize, rng: &mut Rng) -> Article {
    const WORDS: &[&str] = &[
        "Huawei",
        "ZTE",
        "ban",
        "banned",
        "sanctions",
        "sanctioned",
        "Entity",
        "List",
        "added",
        "export",
        "controls",
        "tariff",
        "tariffs",
        "sued",
        "lawsuit",
        "court",
        "ruling",
        "blocked",
        "Commerce",
        "Department",
        "Treasury",
        "OFAC",
        "investigation",
        "probe",
        "accused",
        "China",
        "US",
        "TikTok",
        "chips",
        "on",
        "Monday",
        "June",
        "5",
        "2025",
        "May",
        "16",
        "Xiaomi",
        "DeepSeek",
        "listed",
        "delisted",
        "1260H",
        "Pentagon",
        "Beijing",
        "fined",
        "华为",
        "制裁",
        "实体清单",
        "禁令",
        "起诉",
        "5月15日",
        "商务部",
    ];
    let text = (0..400)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ");
    Article {
        url: format!("https://bench.example/soup/{i}"),
        title: format!("Soup {i}"),
        lang: "en".into(),
        text,
        published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00+08:00").ok(),
        ..Default::default()
    }
}

/// Articles per wall second and per CPU second over `n` generated ones.
fn rate(n: usize, rules: &Rules, make: impl Fn(usize, &mut Rng) -> Article) -> (f64, Option<f64>) {
    let mut rng = Rng(99);
    let batch: Vec<Article> = (0..n).map(|k| make(k, &mut rng)).collect();
    let c0 = thread_cpu_secs();
    let t = Instant::now();
    let mut mentions = 0;
    for a in &batch {
        mentions += extract(a, rules).len();
    }
    let wall = t.elapsed().as_secs_f64();
    std::hint::black_box(mentions);
    let cpu = match (c0, thread_cpu_secs()) {
        (Some(a), Some(b)) if b > a => Some(n as f64 / (b - a)),
        _ => None,
    };
    (n as f64 / wall, cpu)
}

fn one(label: &str, a: &Article, rules: &Rules) {
    let t = Instant::now();
    let n = extract(a, rules).len();
    println!(
        "{label}: {:.1} MB in {:.3} s ({n} mentions)",
        a.text.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
}

fn pathological(rules: &Rules) {
    let (wall, cpu) = rate(2000, rules, keyword_soup);
    println!(
        "keyword soup: 2000 articles of 400 unpunctuated words  {wall:.0} articles/s ({} articles per CPU-second)",
        cpu.map(|c| format!("{c:.0}")).unwrap_or_else(|| "?".into())
    );
    let mut rng = Rng(5);
    let prose: Vec<&str> = EN_FILLER
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(|w| w.trim_end_matches(['.', ',']))
        .collect();
    let run_on = (0..20_000)
        .map(|_| rng.pick(&prose))
        .collect::<Vec<_>>()
        .join(" ");
    one(
        "long unpunctuated run of prose (20,000 words)",
        &Article {
            text: run_on,
            published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00Z").ok(),
            ..Default::default()
        },
        rules,
    );
    // no full stop anywhere: one 2 MB "sentence" before it is cut
    let accented = "À côté de la décision le ministère a évoqué une élévation des droits de douane sur les véhicules électriques à l'été "
        .repeat(2_100_000 / 120);
    one(
        "huge item of accented Latin text without punctuation",
        &Article {
            text: accented,
            lang: "fr".into(),
            published: chrono::DateTime::parse_from_rfc3339("2025-06-18T09:00:00Z").ok(),
            ..Default::default()
        },
        rules,
    );
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = [
        args.first().copied().unwrap_or(10_000),
        args.get(1).copied().unwrap_or(20_000),
    ];
    let rules = Rules::builtin();
    // Warm up (lazy regex state, allocator).
    run(200, 7, &rules);
    println!("extract benchmark: one thread, articles of 300-600 words, 2/3 English, 1/3 Chinese");
    for (k, n) in sizes.iter().enumerate() {
        let r = run(*n, 42 + k as u64, &rules);
        let cpu = r.cpu.filter(|c| *c > 0.0);
        println!(
            "{n:>7} articles  {:.1} MB  {:.2} s wall ({:.0} articles/s)  {} CPU s ({} articles per CPU-second, {} MB/s)  {} mentions  peak RSS {} MiB",
            r.bytes as f64 / 1e6,
            r.wall,
            *n as f64 / r.wall,
            cpu.map(|c| format!("{c:.2}")).unwrap_or_else(|| "?".into()),
            cpu.map(|c| format!("{:.0}", *n as f64 / c)).unwrap_or_else(|| "?".into()),
            cpu.map(|c| format!("{:.1}", r.bytes as f64 / 1e6 / c)).unwrap_or_else(|| "?".into()),
            r.mentions,
            peak_rss_mib().map(|m| format!("{m:.1}")).unwrap_or_else(|| "?".into()),
        );
    }
    pathological(&rules);
}
