//! Generated news articles for benchmarks: English and Chinese, 300–600
//! words, dated events of every kind among ordinary sentences. Deterministic
//! (a fixed-seed xorshift), so runs compare.

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use dateline::model::{Article, Kind};

/// One event sentence an article was given: what a perfect extractor
/// would read from it. `company` is the name as written (English or
/// Chinese); `sentence` its index among the article's sentences.
#[derive(Debug, Clone)]
pub struct Planted {
    pub kind: Kind,
    pub company: &'static str,
    pub day: NaiveDate,
    pub evidence: String,
    pub sentence: usize,
}

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const COMPANIES: &[&str] = &[
    "Huawei",
    "ZTE",
    "SMIC",
    "YMTC",
    "DJI",
    "Hikvision",
    "Alibaba",
    "Baidu",
    "Tencent",
    "ByteDance",
    "Xiaomi",
    "BYD",
    "CATL",
    "Lenovo",
    "Inspur",
    "Sugon",
    "BGI",
    "Nexperia",
    "DeepSeek",
    "Megvii",
];
const ZH_COMPANIES: &[&str] = &[
    "华为",
    "中兴通讯",
    "中芯国际",
    "长江存储",
    "大疆",
    "海康威视",
    "阿里巴巴",
    "百度",
    "腾讯",
    "字节跳动",
    "小米",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn en_event(
    r: &mut Rng,
    published: &DateTime<FixedOffset>,
) -> (String, Kind, &'static str, NaiveDate) {
    let c = r.pick(COMPANIES);
    let day = published.date_naive() - Duration::days(1 + r.below(60) as i64);
    let date = format!(
        "{} {}",
        MONTHS[day.format("%m").to_string().parse::<usize>().unwrap_or(1) - 1],
        day.format("%-d")
    );
    let (s, kind) = match r.below(8) {
        0 => (format!("The Commerce Department added {c} to the Entity List on {date}, citing national security concerns."), Kind::Listing),
        1 => (format!("On {date}, {c} filed a lawsuit in federal court challenging the Pentagon's decision to name it a Chinese military company."), Kind::Lawsuit),
        2 => (format!("A federal judge on {date} blocked the order against {c}, granting a preliminary injunction."), Kind::Ruling),
        3 => (format!("The Treasury Department imposed sanctions on {c} on {date}, freezing any assets it holds in the United States."), Kind::Sanction),
        4 => (format!("Washington raised tariffs on Chinese-made batteries to 25% on {date}, a step that hits suppliers such as {c}."), Kind::Tariff),
        5 => (format!("China's market regulator opened an investigation into {c} on {date} over suspected violations of the anti-monopoly law."), Kind::Investigation),
        6 => (format!("Texas banned {c}'s apps on state-issued devices on {date}."), Kind::Ban),
        _ => (format!("The Senate passed a bill on {date} that would restrict federal purchases from {c}."), Kind::Legislation),
    };
    (s, kind, c, day)
}

fn zh_event(
    r: &mut Rng,
    published: &DateTime<FixedOffset>,
) -> (String, Kind, &'static str, NaiveDate) {
    let c = r.pick(ZH_COMPANIES);
    let day = published.date_naive() - Duration::days(1 + r.below(60) as i64);
    let date = format!("{}月{}日", day.format("%-m"), day.format("%-d"));
    let (s, kind) = match r.below(5) {
        0 => (
            format!("美国商务部{date}宣布，将{c}列入出口管制实体清单。"),
            Kind::Listing,
        ),
        1 => (
            format!("{c}于{date}向美国联邦法院提起诉讼，要求撤销相关禁令。"),
            Kind::Lawsuit,
        ),
        2 => (
            format!("国家市场监督管理总局{date}对{c}立案调查。"),
            Kind::Investigation,
        ),
        3 => (
            format!("美国财政部{date}宣布对{c}实施制裁。"),
            Kind::Sanction,
        ),
        _ => (
            format!("商务部{date}宣布对相关物项实施出口管制，涉及{c}等企业。"),
            Kind::ExportControl,
        ),
    };
    (s, kind, c, day)
}

const EN_FILLER: &[&str] = &[
    "Analysts said the decision would weigh on the company's overseas sales for several quarters.",
    "Shares of the company fell 4% in Hong Kong trading after the news.",
    "The company said it would continue to serve its customers and comply with applicable laws.",
    "Industry groups warned that the measures could disrupt global supply chains for semiconductors.",
    "Officials declined to say whether further steps were under consideration.",
    "The firm employs more than 100,000 people and sells its products in over 170 countries.",
    "Executives told investors on a conference call that demand for its cloud services remained strong.",
    "Lawmakers from both parties have pressed the administration to take a tougher line on Chinese technology.",
];
const ZH_FILLER: &[&str] = &[
    "分析人士认为，这一决定将对相关企业的海外业务产生持续影响。",
    "受此消息影响，该公司股价在香港交易时段下跌约4%。",
    "公司表示将继续为客户提供服务，并遵守相关法律法规。",
    "业内人士指出，相关措施可能扰乱全球半导体供应链。",
    "外交部发言人表示，中方将采取必要措施，坚决维护中国企业的正当权益。",
];

/// One article of roughly 300–600 words (or 600–1,200 Chinese characters).
pub fn article(r: &mut Rng, i: usize) -> Article {
    article_planted(r, i).0
}

/// [`article`] with the event sentences it was given (same random
/// sequence, so the same article).
pub fn article_planted(r: &mut Rng, i: usize) -> (Article, Vec<Planted>) {
    let zh = r.below(4) == 0;
    let offset = FixedOffset::east_opt(if zh { 8 * 3600 } else { -4 * 3600 })
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("utc"));
    let base = offset
        .with_ymd_and_hms(2019, 1, 1, 9, 0, 0)
        .single()
        .expect("valid date");
    let published = base + Duration::hours((r.below(8 * 365 * 24)) as i64);
    let mut paras = Vec::new();
    let target_words = 300 + r.below(300);
    let mut words = 0;
    let mut planted = Vec::new();
    let mut sentence = 0;
    while words < target_words {
        let mut para = Vec::new();
        for _ in 0..(2 + r.below(3)) {
            let s = if r.below(5) == 0 {
                let (s, kind, company, day) = if zh {
                    zh_event(r, &published)
                } else {
                    en_event(r, &published)
                };
                planted.push(Planted {
                    kind,
                    company,
                    day,
                    evidence: s.clone(),
                    sentence,
                });
                s
            } else if zh {
                r.pick(ZH_FILLER).to_string()
            } else {
                r.pick(EN_FILLER).to_string()
            };
            words += if zh {
                s.chars().count() / 2
            } else {
                s.split_whitespace().count()
            };
            para.push(s);
            sentence += 1;
        }
        paras.push(para.join(if zh { "" } else { " " }));
    }
    let article = Article {
        url: format!(
            "https://bench-{}.example/{}/{}",
            i % 40,
            published.format("%Y/%m/%d"),
            i
        ),
        canonical_url: None,
        guid: Some(format!("bench-{i}")),
        outlet: format!("Bench Outlet {}", i % 40),
        title: format!("Generated article {i}"),
        published: Some(published),
        lang: if zh { "zh" } else { "en" }.into(),
        text: paras.join("\n\n"),
        feed_url: Some(format!("https://bench-{}.example/feed", i % 40)),
    };
    (article, planted)
}

pub fn corpus(n: usize, seed: u64) -> Vec<Article> {
    let mut r = Rng::new(seed);
    (0..n).map(|i| article(&mut r, i)).collect()
}
