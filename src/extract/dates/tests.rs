//! Table-driven tests: (anchor, sentence, expected dates). A span is
//! written `start..end`.

use super::*;

type Case = (&'static str, &'static str, &'static [&'static str]);

fn anchor(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test anchor")
}

fn show(m: &DateMatch) -> String {
    match m.span.end {
        Some(e) => format!("{}..{}", m.span.start, e),
        None => m.span.start.to_string(),
    }
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (a, text, want) in cases {
        let got: Vec<String> = find_dates(text, &anchor(a)).iter().map(show).collect();
        if got != *want {
            failures.push(format!("{a} {text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
#[rustfmt::skip]
fn full_dates() {
    check(&[
        ("2026-07-12T08:30:00+08:00", "The order was signed May 16, 2019.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "It was signed May 16 2019 in Washington.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "It was announced on 16 May 2019.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "Regulators acted on May 16th, 2019, after a review.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "The filing is dated 2019-05-16 in the docket.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "A notice dated 2019/05/16 was posted.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "The memo of 5/16/2019 was leaked.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "The rules arrived Sept. 5, 2020.", &["2020-09-05"]),
        ("2026-07-12T08:30:00+08:00", "The rules arrived Sep 5 2020.", &["2020-09-05"]),
        ("2026-07-12T08:30:00+08:00", "The rules arrived Sept 5, 2020.", &["2020-09-05"]),
        ("2026-07-12T08:30:00+08:00", "the controls of Oct. 7, 2022, on chips", &["2022-10-07"]),
        ("2026-07-12T08:30:00+08:00", "It took effect on the 16th of May, 2019.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "It took effect on the 3rd of March 2021.", &["2021-03-03"]),
        ("2026-07-12T08:30:00+08:00", "The agency listed Zhipu on Jan. 15, 2025.", &["2025-01-15"]),
        ("2026-07-12T08:30:00+08:00", "The hearing was held Monday, May 16, 2022.", &["2022-05-16"]),
        ("2026-07-12T08:30:00+08:00", "The firm was listed on December 2nd 2024.", &["2024-12-02"]),
        ("2026-07-12T08:30:00+08:00", "Events of JUNE 4, 1989 are censored.", &["1989-06-04"]),
        ("2026-07-12T08:30:00+08:00", "Rome blocked the app on 30 January 2025.", &["2025-01-30"]),
        ("2026-07-12T08:30:00+08:00", "Entries: 2025-01-30, Italy acts; 2025-01-31, Texas acts.", &["2025-01-30", "2025-01-31"]),
        ("2026-07-12T08:30:00+08:00", "A decision on Aug. 24, 2020 was appealed.", &["2020-08-24"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn years_are_read_as_written_from_1000_to_2999() {
    check(&[
        ("2018-07-14T09:15:00+08:00", "The treaty was signed July 2, 1890, in Berlin.", &["1890-07-02"]),
        ("2018-07-14T09:15:00+08:00", "The charter of 5 March 1066 survives.", &["1066-03-05"]),
        ("2018-07-14T09:15:00+08:00", "A probe launched in June 2150 will arrive later.", &["2150-06"]),
        ("2018-07-14T09:15:00+08:00", "The archive lists 1215-06-15 as the date.", &["1215-06-15"]),
        ("2018-07-14T09:15:00+08:00", "该条约于1890年7月2日签署。", &["1890-07-02"]),
        // a bare number needs to look like a modern year to be one
        ("2018-07-14T09:15:00+08:00", "Officials seized goods in 1500 cases.", &[]),
        // outside 1000–2999 a number after the day is not its year: the
        // day stands alone and takes the year nearest the publication
        ("2018-07-14T09:15:00+08:00", "On July 2, 3500 workers walked out.", &["2018-07-02"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn month_and_year() {
    check(&[
        ("2018-04-17T06:40:00-04:00", "In March 2017, regulators fined the company.", &["2017-03"]),
        ("2020-07-01T10:20:00-04:00", "It was added to the list in May 2019.", &["2019-05"]),
        ("2024-07-01T10:20:00-04:00", "The probe began in June of 2020.", &["2020-06"]),
        ("2024-07-01T10:20:00-04:00", "It was listed in Dec. 2022 as well.", &["2022-12"]),
        ("2024-07-01T10:20:00-04:00", "The rule lapsed by Feb 2021.", &["2021-02"]),
        ("2024-07-01T10:20:00-04:00", "Sales fell sharply in August 2023.", &["2023-08"]),
        ("2020-12-21T11:00:00-05:00", "The fleet was grounded in January this year.", &["2020-01"]),
        ("2025-09-09T12:00:00-04:00", "Seoul acted in February of this year.", &["2025-02"]),
        ("2021-03-01T12:00:00-04:00", "The order came in December last year.", &["2020-12"]),
        ("2024-10-01T12:00:00-04:00", "The rule applies from March next year.", &["2025-03"]),
        ("2025-09-09T12:00:00-04:00", "Zhipu was listed in January of this year.", &["2025-01"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn yearless_days_take_the_nearest_year() {
    check(&[
        ("2026-07-12T08:30:00+08:00", "On June 10, Anthropic wrote to the committee.", &["2026-06-10"]),
        ("2026-01-05T09:00:00+08:00", "The ban was announced on December 28.", &["2025-12-28"]),
        ("2020-09-28T07:30:00+08:00", "Further curbs are scheduled for Nov. 12.", &["2020-11-12"]),
        ("2026-01-05T09:00:00+08:00", "A hearing is set for January 20.", &["2026-01-20"]),
        ("2025-12-30T09:00:00+08:00", "The tariff starts on Jan. 3.", &["2026-01-03"]),
        ("2024-03-01T09:00:00+08:00", "The filing came on Feb. 29.", &["2024-02-29"]),
        ("2023-08-02T08:30:00+01:00", "Beijing announced the controls on 3 July.", &["2023-07-03"]),
        ("2021-06-01T08:30:00+01:00", "The vote moved to June 8th.", &["2021-06-08"]),
        ("2019-05-20T08:30:00+01:00", "It was signed on the 16th of May.", &["2019-05-16"]),
        ("2026-07-12T08:30:00+08:00", "It was signed on July 12 in Beijing.", &["2026-07-12"]),
        ("2025-10-13T08:00:00+02:00", "The minister signed it on 30 September.", &["2025-09-30"]),
        ("2021-02-01T09:10:00-05:00", "The Pentagon added Xiaomi on Jan. 14.", &["2021-01-14"]),
        ("2022-12-16T08:15:00+08:00", "It had been on the list since Oct. 7.", &["2022-10-07"]),
        ("2025-10-23T16:45:00-04:00", "The government took control on Sept. 30.", &["2025-09-30"]),
        ("2023-10-18T07:00:00Z", "The curbs took effect on Aug. 1.", &["2023-08-01"]),
        ("2020-09-28T07:30:00+08:00", "A ruling came on Sept. 19, when a judge acted.", &["2020-09-19"]),
        ("2020-09-28T07:30:00+08:00", "The next hearing is Oct 5.", &["2020-10-05"]),
        ("2025-02-05T06:10:00Z", "The ministry acted on Tuesday, Feb. 4, after talks failed.", &["2025-02-04"]),
        ("2025-02-05T06:10:00Z", "Talks were held on May 5 and May 6.", &["2025-05-05", "2025-05-06"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn bare_months() {
    check(&[
        ("2023-04-01T10:05:00+08:00", "The review started in March.", &["2023-03"]),
        ("2023-04-01T10:05:00+08:00", "Washington added it in December.", &["2022-12"]),
        ("2026-01-05T10:05:00+08:00", "Talks stalled in November.", &["2025-11"]),
        ("2025-11-20T10:05:00+08:00", "The law takes effect in February.", &["2026-02"]),
        ("2023-07-15T10:05:00+08:00", "Prices rose in January.", &["2023-01"]),
        ("2020-10-01T10:05:00+08:00", "Talks have stalled since August.", &["2020-08"]),
        ("2020-05-01T10:05:00+08:00", "A decision is due by June.", &["2020-06"]),
        ("2020-07-01T10:20:00-04:00", "In May, the department went further.", &["2020-05"]),
        ("2025-10-13T08:00:00+02:00", "It was put on the list last December.", &["2024-12"]),
        ("2020-07-01T10:20:00-04:00", "The process began last November.", &["2019-11"]),
        ("2024-10-01T10:20:00-04:00", "It will expire next March.", &["2025-03"]),
        ("2024-10-01T10:20:00-04:00", "The firm sued this June.", &["2024-06"]),
        ("2025-12-10T10:20:00-04:00", "The firm sued last December.", &["2024-12"]),
        ("2018-07-14T09:15:00+08:00", "The order, imposed in April, barred sales.", &["2018-04"]),
        ("2020-12-21T11:00:00-05:00", "Controls were imposed in September, when vendors were told.", &["2020-09"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn month_modifiers_keep_month_precision() {
    check(&[
        ("2020-08-07T08:05:00-04:00", "India banned the apps in late June.", &["2020-06"]),
        ("2018-07-14T09:15:00+08:00", "The board was replaced in early July.", &["2018-07"]),
        ("2021-03-13T21:00:00-05:00", "It was named on the list in mid-January.", &["2021-01"]),
        ("2021-03-13T21:00:00-05:00", "It was named on the list in mid January.", &["2021-01"]),
        ("2024-07-10T21:00:00-05:00", "The rule lapsed at the end of June.", &["2024-06"]),
        ("2024-01-10T21:00:00-05:00", "A ruling is due by the beginning of March.", &["2024-03"]),
        ("2025-10-13T08:00:00+02:00", "Late last month, the department widened the rule.", &["2025-09"]),
        ("2025-02-17T16:40:00+09:00", "Earlier this month, ministries blocked the app.", &["2025-02"]),
        ("2020-12-21T11:00:00-05:00", "It has been on the list since early December.", &["2020-12"]),
        ("2023-06-29T07:30:00-04:00", "Results are due in late September.", &["2023-09"]),
        ("2025-02-06T07:30:00-04:00", "Illumina was listed in early February.", &["2025-02"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn relative_periods() {
    check(&[
        ("2025-09-09T12:00:00-04:00", "Governments took a harder line this year.", &["2025"]),
        ("2025-09-09T12:00:00-04:00", "Prices have doubled since the beginning of this year.", &["2025"]),
        ("2025-09-09T12:00:00-04:00", "The model was released earlier this year.", &["2025"]),
        ("2020-07-01T12:00:00-04:00", "The company sold 30 million phones last year.", &["2019"]),
        ("2020-07-01T12:00:00-04:00", "The plant opens next year.", &["2021"]),
        ("2022-12-16T08:15:00+08:00", "Japan may follow early next year.", &["2023"]),
        ("2025-01-10T08:15:00+08:00", "The probe opened last month.", &["2024-12"]),
        ("2025-01-10T08:15:00+08:00", "The probe opened this month.", &["2025-01"]),
        ("2025-12-10T08:15:00+08:00", "The probe opens next month.", &["2026-01"]),
        ("2020-07-01T12:00:00-04:00", "A bill may pass later this year.", &["2020"]),
        ("2020-07-01T12:00:00-04:00", "Last year's results were weak.", &["2019"]),
        ("2020-07-01T12:00:00-04:00", "Sales fell by the end of last year.", &["2019"]),
        ("2020-07-01T12:00:00-04:00", "The rules will be final by the end of the year.", &["2020"]),
        ("2020-07-01T12:00:00-04:00", "Payments resume at the start of the month.", &["2020-07"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn relative_days() {
    check(&[
        ("2021-03-13T21:00:00-05:00", "A federal judge yesterday blocked the order.", &["2021-03-12"]),
        ("2020-08-07T08:05:00-04:00", "The ministry today accused Washington.", &["2020-08-07"]),
        ("2020-08-07T08:05:00-04:00", "The court rules tomorrow.", &["2020-08-08"]),
        ("2020-08-07T08:05:00-04:00", "It was filed the day before yesterday.", &["2020-08-05"]),
        ("2020-08-07T08:05:00-04:00", "It will be filed the day after tomorrow.", &["2020-08-09"]),
        ("2020-08-07T08:05:00-04:00", "Earlier today, the ministry spoke.", &["2020-08-07"]),
        ("2020-08-07T08:05:00-04:00", "The president speaks tonight.", &["2020-08-07"]),
        ("2020-08-07T08:05:00-04:00", "The app was pulled three days ago.", &["2020-08-04"]),
        ("2020-08-07T08:05:00-04:00", "The app was pulled 10 days ago.", &["2020-07-28"]),
        ("2020-08-07T08:05:00-04:00", "The app was pulled a week ago.", &["2020-07-31"]),
        ("2020-08-07T08:05:00-04:00", "The app was pulled two months ago.", &["2020-06"]),
        ("2020-08-07T08:05:00-04:00", "The app was pulled a year ago.", &["2019"]),
        ("2020-08-07T08:05:00-04:00", "The app was pulled a few days ago.", &[]),
        ("2020-08-07T08:05:00-04:00", "USA Today reported the story.", &[]),
    ]);
}

#[test]
#[rustfmt::skip]
fn weekdays_past_and_future() {
    check(&[
        ("2018-04-17T06:40:00-04:00", "The department on Monday barred sales to ZTE.", &["2018-04-16"]),
        ("2018-04-16T06:40:00-04:00", "The FCC is scheduled to vote on Tuesday.", &["2018-04-17"]),
        ("2025-02-03T07:15:00-06:00", "The watchdog last Thursday ordered a block.", &["2025-01-30"]),
        ("2025-02-03T07:15:00-06:00", "The app was pulled last Monday.", &["2025-01-27"]),
        ("2025-02-04T07:15:00-06:00", "The ministry meets next Tuesday.", &["2025-02-11"]),
        ("2025-02-05T06:10:00Z", "Duties of 15% apply starting next Monday.", &["2025-02-10"]),
        ("2025-02-05T06:10:00Z", "The ban will take effect on Friday.", &["2025-02-07"]),
        ("2025-02-05T06:10:00Z", "The rule takes effect on Monday.", &["2025-02-10"]),
        ("2025-02-05T06:10:00Z", "The law comes into force on Friday.", &["2025-02-07"]),
        ("2025-02-05T06:10:00Z", "The tariffs apply from Monday.", &["2025-02-10"]),
        ("2025-02-05T06:10:00Z", "The court is due to rule on Thursday.", &["2025-02-06"]),
        ("2025-02-05T06:10:00Z", "The board is set to vote on Tuesday.", &["2025-02-11"]),
        ("2025-02-05T06:10:00Z", "The ministry said on Tuesday that it will impose duties.", &["2025-02-04"]),
        ("2025-02-05T06:10:00Z", "The ban, announced on Tuesday, took effect at once.", &["2025-02-04"]),
        ("2023-08-02T08:30:00+01:00", "The restrictions took effect on Tuesday.", &["2023-08-01"]),
        ("2025-02-05T06:10:00Z", "Officials met on Monday night.", &["2025-02-03"]),
        ("2025-10-13T08:00:00+02:00", "In a statement late on Sunday, the firm objected.", &["2025-10-12"]),
        ("2019-05-16T07:45:00-04:00", "Earlier on Wednesday, the president signed an order.", &["2019-05-15"]),
        ("2025-02-03T07:15:00-06:00", "The agency said on Monday it had opened a probe.", &["2025-02-03"]),
        ("2025-02-05T06:10:00Z", "The vote is this Friday.", &["2025-02-07"]),
        ("2025-02-05T06:10:00Z", "The sanctions are expected to land on Thursday.", &["2025-02-06"]),
        ("2025-02-05T06:10:00Z", "Friday's ruling was appealed.", &["2025-01-31"]),
        ("2025-02-05T06:10:00Z", "Black Friday sales were weak.", &[]),
    ]);
}

#[test]
#[rustfmt::skip]
fn spans() {
    check(&[
        ("2018-07-14T09:15:00+08:00", "Shares were suspended between April 17 and June 13.", &["2018-04-17..2018-06-13"]),
        ("2025-02-17T16:40:00+09:00", "It examined the service between January 31 and February 14.", &["2025-01-31..2025-02-14"]),
        ("2023-07-21T09:00:00Z", "Prices rose from late June to early July.", &["2023-06..2023-07"]),
        ("2025-10-23T16:45:00-04:00", "Tariffs were paused from mid-May to mid-August.", &["2025-05..2025-08"]),
        ("2018-07-14T09:15:00+08:00", "The window ran April 22–June 5.", &["2018-04-22..2018-06-05"]),
        ("2018-07-14T09:15:00+08:00", "The window ran April 22—June 5.", &["2018-04-22..2018-06-05"]),
        ("2018-07-14T09:15:00+08:00", "The window ran April 22-June 5.", &["2018-04-22..2018-06-05"]),
        ("2018-07-14T09:15:00+08:00", "The window ran April 22 to June 5.", &["2018-04-22..2018-06-05"]),
        ("2019-05-20T09:15:00+08:00", "Talks were held May 16-17 in Beijing.", &["2019-05-16..2019-05-17"]),
        ("2022-05-20T09:15:00+08:00", "Talks were held May 16-17, 2019, in Beijing.", &["2019-05-16..2019-05-17"]),
        ("2022-05-20T09:15:00+08:00", "Talks were held 16-17 May 2019 in Beijing.", &["2019-05-16..2019-05-17"]),
        ("2022-05-20T09:15:00+08:00", "He served from May 2019 to June 2020.", &["2019-05..2020-06"]),
        ("2022-01-01T09:15:00+08:00", "Trading halted between April 22 and June 5, 2019.", &["2019-04-22..2019-06-05"]),
        ("2026-01-05T09:00:00+08:00", "The probe ran from December 20 to January 3.", &["2025-12-20..2026-01-03"]),
        ("2022-01-01T09:15:00+08:00", "Exports fell from 2019 to 2021.", &["2019..2021"]),
        ("2022-01-01T09:15:00+08:00", "Exports fell in 2019-2021.", &["2019..2021"]),
        ("2022-01-01T09:15:00+08:00", "Exports fell between 2019 and 2021.", &["2019..2021"]),
        ("2025-02-06T09:15:00+08:00", "Hearings ran from Monday to Wednesday.", &["2025-02-03..2025-02-05"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn years_in_date_context() {
    check(&[
        ("2018-04-17T06:40:00-04:00", "Founded in 1985, ZTE employs 75,000 people.", &["1985"]),
        ("2022-01-01T09:15:00+08:00", "Sales have fallen since 2020.", &["2020"]),
        ("2022-01-01T09:15:00+08:00", "The goal is to reach parity by 2025.", &["2025"]),
        ("2022-01-01T09:15:00+08:00", "Plans were drawn in the summer of 2021.", &["2021"]),
        ("2022-01-01T09:15:00+08:00", "2019's crackdown hit hard.", &["2019"]),
        ("2022-01-01T09:15:00+08:00", "The ruling (2019) is cited often.", &["2019"]),
        ("2022-01-01T09:15:00+08:00", "Production starts in early 2024.", &["2024"]),
        ("2022-01-01T09:15:00+08:00", "It shipped in late 2023.", &["2023"]),
        ("2022-01-01T09:15:00+08:00", "It ships by mid-2024.", &["2024"]),
        ("2022-01-01T09:15:00+08:00", "The deal closes by the end of 2024.", &["2024"]),
        ("2022-01-01T09:15:00+08:00", "Bans came in 2019 and 2020.", &["2019", "2020"]),
        ("2022-01-01T09:15:00+08:00", "Fines came in 2017, 2018 and 2019.", &["2017", "2018", "2019"]),
        ("2022-01-01T09:15:00+08:00", "Output doubled during 2008.", &["2008"]),
        ("2022-01-01T09:15:00+08:00", "The waiver lasts until 2030.", &["2030"]),
        ("2025-02-03T07:15:00-06:00", "Texas banned TikTok in December 2022 and in 2023 widened it.", &["2022-12", "2023"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn english_non_dates() {
    check(&[
        ("2025-02-05T06:10:00Z", "Version 2.1.91 shipped with fixes.", &[]),
        ("2025-02-05T06:10:00Z", "The v3.5 model is faster.", &[]),
        ("2025-02-05T06:10:00Z", "The app has 28 million users.", &[]),
        ("2025-02-05T06:10:00Z", "It joined the Section 1260H list.", &[]),
        ("2025-02-05T06:10:00Z", "The company paid a $1.19 billion fine.", &[]),
        ("2025-02-05T06:10:00Z", "Suppliers provide 25% to 30% of the parts.", &[]),
        ("2025-02-05T06:10:00Z", "Q3 revenue rose 12%.", &[]),
        ("2025-02-05T06:10:00Z", "About 3/4 of the staff left.", &[]),
        ("2025-02-05T06:10:00Z", "The founder, aged 45, resigned.", &[]),
        ("2025-02-05T06:10:00Z", "A 45-year-old engineer was charged.", &[]),
        ("2025-02-05T06:10:00Z", "It makes 7nm chips and 5G radios.", &[]),
        ("2025-02-05T06:10:00Z", "Call 555-123-4567 for details.", &[]),
        ("2025-02-05T06:10:00Z", "It ranked No. 1 in sales.", &[]),
        ("2025-02-05T06:10:00Z", "It removed 25,000 fake accounts.", &[]),
        ("2025-02-05T06:10:00Z", "The briefing starts at 3 p.m. local time.", &[]),
        ("2025-02-05T06:10:00Z", "Chips of the 1990s were simpler.", &[]),
        ("2025-02-05T06:10:00Z", "ZTE was barred for seven years.", &[]),
        ("2025-02-05T06:10:00Z", "The app was offline for 24 hours.", &[]),
        ("2025-02-05T06:10:00Z", "The tool reads 2,000 articles a second.", &[]),
        ("2025-02-05T06:10:00Z", "Companies may face a ban.", &[]),
        ("2025-02-05T06:10:00Z", "May the courts decide quickly.", &[]),
        ("2025-02-05T06:10:00Z", "Workers staged a march on the capital.", &[]),
        ("2025-02-05T06:10:00Z", "Protesters will march to the ministry.", &[]),
        ("2025-02-05T06:10:00Z", "Chief Justice August Pearce wrote the opinion.", &[]),
        ("2025-02-05T06:10:00Z", "Theresa May said little.", &[]),
        ("2025-02-05T06:10:00Z", "The 2022 rules were tightened.", &[]),
        ("2025-02-05T06:10:00Z", "Revenue for the third quarter of 2023 fell.", &[]),
        ("2025-02-05T06:10:00Z", "Sales of H20 and A100 chips stopped.", &[]),
        ("2025-02-05T06:10:00Z", "Use rose over the last year.", &[]),
        ("2025-02-05T06:10:00Z", "No date at all here.", &[]),
        ("2025-02-05T06:10:00Z", "Jan Novak, the envoy, resigned.", &[]),
        ("2025-02-05T06:10:00Z", "The meeting runs between 2 and 5 p.m.", &[]),
        ("2025-02-05T06:10:00Z", "It was 2019 when things changed.", &[]),
    ]);
}

#[test]
#[rustfmt::skip]
fn chinese_absolute_and_yearless() {
    check(&[
        ("2025-10-14T09:00:00+08:00", "美国于2025年1月17日宣布新规", &["2025-01-17"]),
        ("2025-10-14T09:00:00+08:00", "新规于2025年1月发布", &["2025-01"]),
        ("2025-10-14T09:00:00+08:00", "该公司成立于2019年，总部位于深圳", &["2019"]),
        ("2025-10-14T09:00:00+08:00", "2019年5月被列入实体清单", &["2019-05"]),
        ("2025-01-20T09:00:00+08:00", "商务部1月17日宣布", &["2025-01-17"]),
        ("2025-01-20T09:00:00+08:00", "商务部1月17号宣布", &["2025-01-17"]),
        ("2023-05-22T08:00:00+08:00", "审查于5月结束", &["2023-05"]),
        ("2025-10-14T09:00:00+08:00", "闻泰科技于2024年12月2日被列入实体清单", &["2024-12-02"]),
        ("2019-05-17T08:30:00+08:00", "美国商务部当地时间5月15日宣布", &["2019-05-15"]),
        ("2023-05-22T08:00:00+08:00", "五月，监管机构发布公告", &["2023-05"]),
        ("2023-01-10T08:00:00+08:00", "十二月，监管机构发布公告", &["2022-12"]),
        ("2023-05-22T08:00:00+08:00", "监管机构五月二十日发布公告", &["2023-05-20"]),
        ("2023-05-22T08:00:00+08:00", "公司成立于二〇一九年", &["2019"]),
        ("2023-05-22T08:00:00+08:00", "２０２３年５月２０日发布", &["2023-05-20"]),
        ("2023-05-22T08:00:00+08:00", "同年12月，长江存储被列入清单", &["2022-12"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn chinese_relative() {
    check(&[
        ("2023-05-22T08:00:00+08:00", "去年5月，美方发布禁令", &["2022-05"]),
        ("2025-03-05T08:20:00+08:00", "今年2月，总局立案调查", &["2025-02"]),
        ("2025-03-05T08:20:00+08:00", "今年2月4日，工作机制发布公告", &["2025-02-04"]),
        ("2025-03-05T08:20:00+08:00", "新规明年实施", &["2026"]),
        ("2025-03-05T08:20:00+08:00", "去年营收下降", &["2024"]),
        ("2025-03-05T08:20:00+08:00", "今年以来出口增长", &["2025"]),
        ("2025-01-10T08:20:00+08:00", "上月公布的数据", &["2024-12"]),
        ("2025-01-10T08:20:00+08:00", "上个月公布的数据", &["2024-12"]),
        ("2025-01-10T08:20:00+08:00", "本月公布的数据", &["2025-01"]),
        ("2025-01-10T08:20:00+08:00", "下月公布的数据", &["2025-02"]),
        ("2020-12-19T09:40:00+08:00", "本月3日，国防部发布清单", &["2020-12-03"]),
        ("2025-06-18T09:00:00+08:00", "經濟部於本(6)月10日發布", &["2025-06-10"]),
        ("2025-06-18T09:00:00+08:00", "经济部于本（6）月10日发布", &["2025-06-10"]),
        ("2020-12-19T09:40:00+08:00", "美国商务部当地时间18日宣布", &["2020-12-18"]),
        // a bare day in numerals, and counts of days that are none
        ("2020-12-19T09:40:00+08:00", "美国商务部当地时间十八日宣布", &["2020-12-18"]),
        ("2025-10-10T09:40:00+08:00", "美国商务部八日将北岭公司列入清单", &["2025-10-08"]),
        ("2025-10-10T09:40:00+08:00", "商务部三十日发布公告", &["2025-09-30"]),
        ("2025-10-10T09:40:00+08:00", "企业应在十五日内提交材料", &[]),
        ("2025-10-10T09:40:00+08:00", "禁令三日后生效，为期五日", &[]),
        ("2025-10-10T09:40:00+08:00", "两日之间，同一日，有朝一日", &[]),
        ("2025-10-10T09:40:00+08:00", "司法部八日以诈欺罪起诉北岭公司", &["2025-10-08"]),
        ("2025-10-10T09:40:00+08:00", "罚款须于十日以后缴纳", &[]),
        ("2020-09-20T10:30:00+08:00", "法官当地时间19日晚间发布禁令", &["2020-09-19"]),
        ("2025-10-02T10:30:00+08:00", "公司30日发布公告", &["2025-09-30"]),
        ("2023-05-22T08:00:00+08:00", "网信办昨天发布公告", &["2023-05-21"]),
        ("2023-05-22T08:00:00+08:00", "网信办昨日发布公告", &["2023-05-21"]),
        ("2023-05-22T08:00:00+08:00", "网信办前天发布公告", &["2023-05-20"]),
        ("2023-05-22T08:00:00+08:00", "网信办前日发布公告", &["2023-05-20"]),
        ("2023-05-22T08:00:00+08:00", "网信办今天发布公告", &["2023-05-22"]),
        ("2023-05-22T08:00:00+08:00", "网信办今日发布公告", &["2023-05-22"]),
        ("2023-05-22T08:00:00+08:00", "网信办明天发布公告", &["2023-05-23"]),
        ("2023-05-22T08:00:00+08:00", "网信办明日发布公告", &["2023-05-23"]),
        ("2023-05-22T08:00:00+08:00", "网信办后天发布公告", &["2023-05-24"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn chinese_weeks() {
    check(&[
        ("2025-10-14T09:00:00+08:00", "商务部上周四宣布出口管制", &["2025-10-09"]),
        ("2023-07-04T09:30:00+08:00", "荷兰政府上周五公布新规", &["2023-06-30"]),
        ("2025-10-16T09:00:00+08:00", "商务部本周二宣布", &["2025-10-14"]),
        ("2025-10-16T09:00:00+08:00", "商务部这周二宣布", &["2025-10-14"]),
        ("2025-10-16T09:00:00+08:00", "谈判下周一举行", &["2025-10-20"]),
        ("2025-10-16T09:00:00+08:00", "谈判下个星期一举行", &["2025-10-20"]),
        ("2025-10-14T09:00:00+08:00", "商务部周四宣布", &["2025-10-09"]),
        ("2025-10-14T09:00:00+08:00", "商务部星期四宣布", &["2025-10-09"]),
        ("2025-10-14T09:00:00+08:00", "商务部礼拜四宣布", &["2025-10-09"]),
        ("2025-10-14T09:00:00+08:00", "新规将于周四生效", &["2025-10-16"]),
        ("2025-10-14T09:00:00+08:00", "新规周四起实施", &["2025-10-16"]),
        ("2025-10-14T09:00:00+08:00", "该公司周四起诉商务部", &["2025-10-09"]),
        ("2025-10-14T09:00:00+08:00", "商务部星期二宣布", &["2025-10-14"]),
        ("2025-10-14T09:00:00+08:00", "会议每周一举行", &[]),
        ("2025-10-14T09:00:00+08:00", "会议一周三次", &[]),
        // a week with no day: its month, when the week lies in one
        ("2025-10-16T09:00:00+08:00", "委员会上周表决通过法案", &["2025-10"]),
        ("2025-10-08T09:00:00+08:00", "委员会上周表决通过法案", &[]),
        ("2025-10-16T09:00:00+08:00", "与上周期相比", &[]),
    ]);
}

#[test]
#[rustfmt::skip]
fn chinese_parts_and_spans() {
    check(&[
        ("2020-09-20T10:30:00+08:00", "印度于6月下旬宣布禁用应用", &["2020-06"]),
        ("2020-09-20T10:30:00+08:00", "原告于8月上旬提起诉讼", &["2020-08"]),
        ("2020-09-20T10:30:00+08:00", "原告于8月中旬提起诉讼", &["2020-08"]),
        ("2020-09-20T10:30:00+08:00", "数据将于月底公布", &["2020-09"]),
        ("2020-09-20T10:30:00+08:00", "数据于月初公布", &["2020-09"]),
        ("2020-09-20T10:30:00+08:00", "数据将于月中公布", &["2020-09"]),
        ("2020-09-20T10:30:00+08:00", "在漫长岁月中坚持", &[]),
        ("2020-09-20T10:30:00+08:00", "过去三个月中出口下降", &[]),
        ("2020-09-20T10:30:00+08:00", "项目年初启动", &["2020"]),
        ("2020-09-20T10:30:00+08:00", "项目年底完成", &["2020"]),
        ("2020-09-20T10:30:00+08:00", "项目今年年底完成", &["2020"]),
        ("2020-09-20T10:30:00+08:00", "项目去年底完成", &["2019"]),
        ("2023-07-01T10:30:00+08:00", "调查于4月22日至6月5日进行", &["2023-04-22..2023-06-05"]),
        ("2023-07-01T10:30:00+08:00", "新规自2023年8月1日起实施", &["2023-08-01"]),
        ("2023-07-21T10:30:00+08:00", "价格6月下旬至7月上旬上涨", &["2023-06..2023-07"]),
        ("2023-07-01T10:30:00+08:00", "展会4月22日至25日举行", &["2023-04-22..2023-04-25"]),
        ("2020-09-20T10:30:00+08:00", "会议于15日至17日举行", &["2020-09-15..2020-09-17"]),
        ("2025-10-14T09:00:00+08:00", "今年1至9月出口增长", &["2025-01..2025-09"]),
        ("2025-04-14T09:00:00+08:00", "1—3月出口增长", &["2025-01..2025-03"]),
        ("2025-10-14T09:00:00+08:00", "禁令于3天前生效", &["2025-10-11"]),
        ("2025-10-14T09:00:00+08:00", "该公司两年前被列入清单", &["2023"]),
        ("2025-10-14T09:00:00+08:00", "该公司3个月前被列入清单", &["2025-07"]),
        ("2025-10-14T09:00:00+08:00", "该公司一周前被列入清单", &["2025-10-07"]),
        ("2025-10-14T09:00:00+08:00", "该公司数年前被列入清单", &[]),
        ("2020-09-20T10:30:00+08:00", "会议于8月15日到8月17日举行", &["2020-08-15..2020-08-17"]),
        ("2023-05-22T08:00:00+08:00", "审查于3月31日启动，至5月21日结束", &["2023-03-31..2023-05-21"]),
        ("2023-05-22T08:00:00+08:00", "任期2019年5月—2020年6月", &["2019-05..2020-06"]),
        ("2023-05-22T08:00:00+08:00", "合同期为2019年到2021年", &["2019..2021"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn chinese_non_dates() {
    check(&[
        ("2023-05-22T08:00:00+08:00", "商务部日前发布公告", &[]),
        ("2023-05-22T08:00:00+08:00", "商务部近日发布公告", &[]),
        ("2023-05-22T08:00:00+08:00", "企业须在30日内整改", &[]),
        ("2023-11-10T18:20:00+08:00", "公司发布2023年第三季度业绩", &[]),
        ("2023-11-10T18:20:00+08:00", "今日头条推出新功能", &[]),
        ("2023-11-10T18:20:00+08:00", "目前日本政府尚未回应", &[]),
        ("2023-11-10T18:20:00+08:00", "乘坐1号线前往", &[]),
        ("2023-11-10T18:20:00+08:00", "收入增长1%至3%", &[]),
        ("2023-11-10T18:20:00+08:00", "为期3个月的审查", &[]),
    ]);
}

#[test]
#[rustfmt::skip]
fn anchor_offset_is_respected() {
    check(&[
        ("2019-05-17T00:30:00+08:00", "The ministry said yesterday it would respond.", &["2019-05-16"]),
        ("2019-05-17T00:30:00+08:00", "外交部昨天表示将作出回应", &["2019-05-16"]),
        ("2023-10-18T23:30:00-05:00", "The rules were issued today.", &["2023-10-18"]),
        ("2020-09-28T01:00:00+08:00", "The judge ruled on Monday.", &["2020-09-28"]),
        ("2020-09-28T01:00:00+08:00", "The judge ruled last Monday.", &["2020-09-21"]),
        ("2020-09-28T07:30:00+08:00", "A judge on Sunday blocked the order.", &["2020-09-27"]),
        ("2025-01-01T00:10:00+09:00", "Officials acted on December 31.", &["2024-12-31"]),
    ]);
}

#[test]
#[rustfmt::skip]
fn ranges_and_relative_flags() {
    let a = anchor("2026-07-12T08:30:00+08:00");
    let text = "On June 10, Anthropic wrote; in March 2017 it was fined.";
    let found = find_dates(text, &a);
    assert_eq!(found.len(), 2);
    assert_eq!(&text[found[0].start..found[0].end], "June 10");
    assert!(found[0].relative);
    assert_eq!(&text[found[1].start..found[1].end], "March 2017");
    assert!(!found[1].relative);

    let text = "美国商务部当地时间5月15日宣布";
    let found = find_dates(text, &a);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "5月15日");
    assert!(found[0].relative);

    let text = "Shares were halted between April 22 and June 5, 2019.";
    let found = find_dates(text, &a);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].start..found[0].end],
        "April 22 and June 5, 2019"
    );
    assert!(!found[0].relative);
}

#[test]
#[rustfmt::skip]
fn empty_and_plain_text_are_cheap_and_empty() {
    let a = anchor("2026-07-12T08:30:00+08:00");
    assert!(find_dates("", &a).is_empty());
    assert!(find_dates("Nothing dated happens in this sentence.", &a).is_empty());
    assert!(find_dates("这句话里没有任何时间", &a).is_empty());
}

#[test]
fn a_year_less_date_joined_to_a_dated_one_shares_its_year() {
    let anchor = chrono::DateTime::parse_from_rfc3339("2026-01-10T09:00:00+08:00").expect("anchor");
    let got: Vec<String> = super::find_dates("工作机制于2024年3月4日和4月4日发布公告", &anchor)
        .iter()
        .map(|d| d.span.start.to_string())
        .collect();
    assert_eq!(got, ["2024-03-04", "2024-04-04"]);
    let got: Vec<String> = super::find_dates("It acted on May 3, 2023 and June 5.", &anchor)
        .iter()
        .map(|d| d.span.start.to_string())
        .collect();
    assert_eq!(got, ["2023-05-03", "2023-06-05"]);
}

#[test]
fn month_first_numeric_dates_of_dockets() {
    let anchor = chrono::DateTime::parse_from_rfc3339("2024-03-10T09:00:00-05:00").expect("anchor");
    let got = |t: &str| -> Vec<String> {
        super::find_dates(t, &anchor)
            .iter()
            .map(|d| d.span.start.to_string())
            .collect()
    };
    assert_eq!(got("Introduced in Senate (02/14/2024)"), ["2024-02-14"]);
    assert_eq!(got("ORDER SIGNED BY JUDGE ON 11/3/21."), ["2021-11-03"]);
    assert_eq!(got("Filed 7/4/98 in the district court"), ["1998-07-04"]);
    // fractions, impossible days and paths give no day (a bare year may stay)
    let none = got("a 3/4 majority and 13/40/2024");
    assert!(none.iter().all(|d| d.len() == 4), "{none:?}");
}

#[test]
fn minguo_years_convert_in_one_place() {
    use super::zh::minguo_year;
    assert_eq!(minguo_year(114), Some(2025));
    assert_eq!(minguo_year(1), Some(1912));
    assert_eq!(minguo_year(0), None);
    assert_eq!(minguo_year(2025), None);
}
