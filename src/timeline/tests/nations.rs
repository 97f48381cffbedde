//! Pair rules for what real extraction gives the merger: a country in one
//! report and its agency in another, roles swapped, names only in the
//! sentence, names that set two reports apart. Each case is two or three
//! reports and whether they end up as one event.

use super::super::testutil::m;
use super::super::*;
use super::groups;

/// A report in a table: (url, kind, date, actors, targets, sentence).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

fn reports(rows: &[Row]) -> Vec<MentionRecord> {
    rows.iter()
        .enumerate()
        .map(|(i, (url, kind, start, actors, targets, text))| {
            m(
                i as i64 + 1,
                url,
                "2027-03-20",
                kind,
                start,
                actors,
                targets,
                text,
            )
        })
        .collect()
}

/// How many events hold more than one report.
fn merged(rows: &[Row]) -> usize {
    let events = build(&reports(rows), &[]);
    groups(&events).iter().filter(|g| g.len() > 1).count()
}

#[test]
fn a_country_meets_its_own_agencies_only() {
    let cases: Vec<(Vec<Row>, usize, &str)> = vec![
        (
            vec![
                (
                    "https://a.example/1",
                    "export_control",
                    "2027-03-02",
                    &["Ministry of Commerce"],
                    &[],
                    "商务部2日宣布对锑实施出口管制。",
                ),
                (
                    "https://b.example/2",
                    "export_control",
                    "2027-03-02",
                    &["China"],
                    &[],
                    "Beijing restricted antimony shipments on Tuesday.",
                ),
            ],
            1,
            "China and its commerce ministry, same day",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "investigation",
                    "2027-03-02",
                    &["State Administration for Market Regulation"],
                    &["Qualcomm"],
                    "市场监管总局对高通立案调查。",
                ),
                (
                    "https://b.example/2",
                    "investigation",
                    "2027-03-02",
                    &["China"],
                    &["Qualcomm"],
                    "China opened a probe into Qualcomm.",
                ),
            ],
            1,
            "a regulator and its country, one company",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "tariff",
                    "2027-03-02",
                    &["Ministry of Commerce"],
                    &[],
                    "Beijing answered with duties on farm goods.",
                ),
                (
                    "https://b.example/2",
                    "tariff",
                    "2027-03-02",
                    &["Commerce Department"],
                    &[],
                    "Washington raised duties again.",
                ),
            ],
            0,
            "two countries' ministries on one day are two incidents",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "listing",
                    "2027-03-02",
                    &["Commerce Department"],
                    &["Acme Robotics"],
                    "Commerce put Acme Robotics on a list.",
                ),
                (
                    "https://b.example/2",
                    "listing",
                    "2027-03-02",
                    &["Department of Defense"],
                    &["Acme Robotics"],
                    "The Pentagon named Acme Robotics.",
                ),
            ],
            0,
            "two agencies of one country are not one another",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "listing",
                    "2027-03-02",
                    &["United States"],
                    &["Acme Robotics"],
                    "Washington blacklisted Acme Robotics.",
                ),
                (
                    "https://b.example/2",
                    "listing",
                    "2027-03-02",
                    &["Commerce Department"],
                    &["Acme Robotics"],
                    "The Commerce Department listed Acme Robotics.",
                ),
            ],
            1,
            "a country and its agency, one company",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "tariff",
                    "2027-03-02",
                    &["United States", "Donald Trump"],
                    &["China"],
                    "Trump doubled the duties on Chinese steel on Tuesday.",
                ),
                (
                    "https://b.example/2",
                    "tariff",
                    "2027-03-02",
                    &["Office of the U.S. Trade Representative"],
                    &["China"],
                    "The trade office said higher duties on Chinese steel applied from Tuesday.",
                ),
            ],
            1,
            "a president speaks for his trade office",
        ),
    ];
    for (rows, want, why) in cases {
        assert_eq!(merged(&rows), want, "{why}");
    }
}

#[test]
fn roles_and_unextracted_names_do_not_keep_reports_apart() {
    let cases: Vec<(Vec<Row>, usize, &str)> = vec![
        (
            vec![
                (
                    "https://a.example/1",
                    "ban",
                    "2027-03-02",
                    &["Ministry of Commerce"],
                    &["Illumina"],
                    "商务部2日决定禁止因美纳向中国出口设备。",
                ),
                (
                    "https://b.example/2",
                    "ban",
                    "2027-03-02",
                    &[],
                    &["Ministry of Commerce"],
                    "The ban took effect at once, the ministry said.",
                ),
            ],
            1,
            "the agency read as a target",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "sanction",
                    "2027-02-11",
                    &["Commerce Department"],
                    &[],
                    "The department cut ZTE off from American suppliers on Thursday.",
                ),
                (
                    "https://b.example/2",
                    "sanction",
                    "2027-02",
                    &[],
                    &["ZTE"],
                    "ZTE lost its American suppliers in February.",
                ),
            ],
            1,
            "the company is only in the sentence",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "ruling",
                    "2027-02-11",
                    &["Enterprise Chamber"],
                    &[],
                    "阿姆斯特丹上诉法院企业法庭11日暂停张学政的职务。",
                ),
                (
                    "https://b.example/2",
                    "ruling",
                    "2027-02-11",
                    &[],
                    &["Zhang Xuezheng"],
                    "A court in Amsterdam suspended Zhang Xuezheng on Feb. 11.",
                ),
            ],
            1,
            "a Chinese sentence names the person in its own script",
        ),
    ];
    for (rows, want, why) in cases {
        assert_eq!(merged(&rows), want, "{why}");
    }
}

#[test]
fn names_and_dates_that_differ_keep_reports_apart() {
    let cases: Vec<(Vec<Row>, usize, &str)> = vec![
        (
            vec![
                (
                    "https://a.example/1",
                    "listing",
                    "2027-03-02",
                    &["Ministry of Commerce"],
                    &["Acme Aero"],
                    "商务部将Acme Aero列入不可靠实体清单。",
                ),
                (
                    "https://b.example/2",
                    "listing",
                    "2027-03-02",
                    &["China"],
                    &[],
                    "Beijing also put a dozen defence firms on its export control list.",
                ),
            ],
            0,
            "two lists on one day",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "listing",
                    "2027-03-02",
                    &["Commerce Department"],
                    &["Acme Robotics"],
                    "Acme Robotics was listed.",
                ),
                (
                    "https://b.example/2",
                    "listing",
                    "2027-03-02",
                    &["Commerce Department"],
                    &["Borealis Optics"],
                    "Borealis Optics was listed.",
                ),
            ],
            0,
            "one agency, one day, two companies",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "investigation",
                    "2027-03-02",
                    &["Widget Standards Bureau"],
                    &["Acme Robotics"],
                    "The bureau opened a review of Acme Robotics.",
                ),
                (
                    "https://b.example/2",
                    "investigation",
                    "2027-03-02",
                    &["Gadget Safety Office"],
                    &["Acme Robotics"],
                    "Inspectors began looking at its plants.",
                ),
            ],
            0,
            "two actors neither report mentions, one company",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "ban",
                    "2027-01-30",
                    &["Garante"],
                    &["Acme Chat"],
                    "Italy's regulator blocked Acme Chat on Jan. 30.",
                ),
                (
                    "https://b.example/2",
                    "ban",
                    "2027-01-31",
                    &["Greg Abbott"],
                    &["Acme Chat"],
                    "Texas banned Acme Chat on Jan. 31.",
                ),
                (
                    "https://c.example/3",
                    "ban",
                    "2027-01",
                    &[],
                    &["Acme Chat"],
                    "Acme Chat was blocked in January.",
                ),
            ],
            0,
            "a month cannot tell two days one apart, nor bridge them",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "export_control",
                    "2027-03-02",
                    &["China"],
                    &[],
                    "China curbed graphite exports on Tuesday.",
                ),
                (
                    "https://b.example/2",
                    "export_control",
                    "2027",
                    &["Ministry of Commerce"],
                    &[],
                    "商务部今年收紧了出口管制。",
                ),
            ],
            0,
            "only a country in common and a whole year",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "export_control",
                    "2027-03-02",
                    &["China"],
                    &[],
                    "China curbed graphite exports on Tuesday.",
                ),
                (
                    "https://b.example/2",
                    "export_control",
                    "2027-03",
                    &["Ministry of Commerce"],
                    &[],
                    "商务部3月收紧了出口管制。",
                ),
            ],
            1,
            "only a country in common: a month joins the one day inside it",
        ),
        (
            vec![
                (
                    "https://a.example/1",
                    "export_control",
                    "2027-03-02",
                    &["China"],
                    &[],
                    "China curbed graphite exports on Tuesday.",
                ),
                (
                    "https://b.example/2",
                    "export_control",
                    "2027-03",
                    &["Ministry of Commerce"],
                    &[],
                    "商务部3月收紧了出口管制。",
                ),
                (
                    "https://c.example/3",
                    "export_control",
                    "2027-03-20",
                    &["China"],
                    &[],
                    "China curbed lithium exports on Saturday.",
                ),
            ],
            0,
            "only a country in common: a month with two days inside it joins neither",
        ),
    ];
    for (rows, want, why) in cases {
        assert_eq!(merged(&rows), want, "{why}");
    }
}
