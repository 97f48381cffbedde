//! Constructions that decide which date an event takes: fronted
//! when-clauses, coordinated dates, deadlines, "a day after", past-tense
//! year-less dates, and dated nouns ("New Delhi's June 29 ban").

use super::super::dates::DateMatch;
use super::super::lang::{has, words};
use super::super::rules::TriggerKind;
use super::super::sentences::{date_head, Clause};
use super::super::triggers::Hit;
use crate::model::{DateSpan, Kind, PartialDate};
use chrono::{Datelike, NaiveDate};

/// "When the commission voted on Nov. 22, it cut …": the date of a
/// sentence-initial when-clause, for the clause right after it.
pub(crate) fn fronted_when<'a>(
    s: &str,
    cs: &[Clause],
    ci: usize,
    dates: &'a [DateMatch],
) -> Option<&'a DateMatch> {
    if ci != 1 {
        return None;
    }
    let first = cs.first()?;
    let lead = s.trim_start().get(..5)?;
    if !lead.eq_ignore_ascii_case("when ") {
        return None;
    }
    dates
        .iter()
        .rfind(|d| d.start >= first.start && d.start < first.end)
}

/// The other dates coordinated with `d` ("July 6 and Aug. 23", "7月6日和8月23日",
/// "March 3, April 9 and May 1"), each of which dates the same kind of
/// event.
pub(crate) fn coordinated<'a>(
    s: &str,
    dates: &'a [DateMatch],
    d: &DateMatch,
) -> Vec<&'a DateMatch> {
    // dates side by side (a.end == b.start) are one phrase's ("each time")
    let joined = |a: &DateMatch, b: &DateMatch| {
        (a.relative && b.relative && a.end == b.start)
            || coordinator(s.get(a.end..b.start).unwrap_or("x"))
    };
    let same_grain = |a: &DateMatch| {
        a.span.start.precision() == d.span.start.precision() && a.span.end.is_none()
    };
    if d.span.end.is_some() {
        return Vec::new();
    }
    let Some(at) = dates.iter().position(|x| x.start == d.start) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = at;
    while i > 0 && joined(&dates[i - 1], &dates[i]) && same_grain(&dates[i - 1]) {
        i -= 1;
        out.push(&dates[i]);
    }
    let mut j = at;
    while j + 1 < dates.len() && joined(&dates[j], &dates[j + 1]) && same_grain(&dates[j + 1]) {
        j += 1;
        out.push(&dates[j]);
    }
    out
}

/// "by 2027", "by the end of the year", "在2026年底前": a deadline the
/// measure sets, not the day it was taken.
pub(crate) fn deadline(s: &str, d: &DateMatch) -> bool {
    let before = crate::extract::sentences::lower_tail(s, d.start, 64);
    let after = s.get(d.end..).unwrap_or("");
    let en = ["by", "by the end of", "before the end of", "no later than"]
        .iter()
        .any(|w| {
            before.ends_with(w)
                && !before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
        });
    let zh = ["前", "之前", "以前", "底前"]
        .iter()
        .any(|w| after.starts_with(w));
    en || zh
}

/// "a day after Washington added …": a date one day (or a stated few
/// days) before the last day-precise date before the phrase; "minutes
/// after", "hours after": the same day. With no such date in the sentence
/// ("It came hours after …"), `anchor`, the day the sentence before was
/// about.
pub(crate) fn add_days_after(s: &str, dates: &mut Vec<DateMatch>, anchor: Option<PartialDate>) {
    add_counted_days(s, dates, anchor, ("after", &words("en").days_after), false);
}

/// "upheld the law a week later", "Three days later, the court …": the day
/// that many days after the last day-precise date before the phrase, or
/// after `anchor` (the day the sentence before was about).
pub(crate) fn add_days_later(s: &str, dates: &mut Vec<DateMatch>, anchor: Option<PartialDate>) {
    add_counted_days(s, dates, anchor, ("later", &words("en").days_later), true);
}

/// A phrase of `phrases` (each ending in `word`, with its count of days)
/// dates the day that many days from the last day-precise date before it
/// (or `anchor`): on from it when `forward`, back from it otherwise.
fn add_counted_days(
    s: &str,
    dates: &mut Vec<DateMatch>,
    anchor: Option<PartialDate>,
    (word, phrases): (&str, &[(String, i64)]),
    forward: bool,
) {
    // Every phrase ends in `word`: one scan rules most sentences out.
    if !s
        .as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    {
        return;
    }
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return;
    }
    for (p, n) in phrases {
        let Some(at) = lower.find(p.as_str()) else {
            continue;
        };
        let end = at + p.len();
        if dates.iter().any(|d| at < d.end && d.start < end) {
            continue;
        }
        let base = dates
            .iter()
            .rfind(|d| d.end <= at && d.span.start.precision() == 3 && d.span.end.is_none())
            .map(|d| d.span.start)
            .or(anchor.filter(|a| a.precision() == 3))
            .map(|d| d.first_day());
        let shift = chrono::Duration::days(if forward { *n } else { -*n });
        let Some(day) = base.and_then(|b| b.checked_add_signed(shift)) else {
            continue;
        };
        // "a week later" dates its own clause; the date of "a day after …"
        // belongs to the "after …" clause, which the clause splitter starts
        // at "after"
        dates.push(DateMatch {
            start: if forward { at } else { end - word.len() },
            end,
            span: DateSpan::at(PartialDate::from_naive(day)),
            relative: true,
        });
    }
    dates.sort_by_key(|d| d.start);
}

/// "Huawei sued the government in March", written in December: a verb in
/// the past tense reports a March already gone. Returns the date a year
/// earlier when a year-less date resolved after publication.
pub(crate) fn past_year(
    s: &str,
    d: &DateMatch,
    hit: &Hit,
    published: NaiveDate,
    zh: bool,
) -> Option<DateSpan> {
    // Two days of slack: a story filed late in one time zone may date an
    // event by another's calendar.
    let ahead = (d.span.first_day() - published).num_days();
    if !d.relative || ahead <= 2 {
        return None;
    }
    let text = s.get(d.start..d.end)?.to_lowercase();
    if zh {
        return past_year_zh(s, d, &text, published);
    }
    let has_year = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if has_year
        || ["next", "this", "coming", "later"]
            .iter()
            .any(|w| text.contains(w))
    {
        return None;
    }
    let before = crate::extract::sentences::lower_tail(s, d.start, 64);
    if before.ends_with("from") || before.ends_with("until") || before.ends_with("through") {
        return None;
    }
    let verb = s.get(hit.verb_start..hit.verb_end)?.to_lowercase();
    let first = verb.split_whitespace().next()?;
    // "voted on Nov. 25 to prohibit …": an infinitive under a past verb;
    // "the Oct. 7 rules restricted …": a noun that is the past verb's subject.
    let governed = s
        .get(..hit.verb_start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(8)
        .chain(
            s.get(hit.verb_end..)
                .unwrap_or("")
                .split_whitespace()
                .take(6),
        )
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .any(|w| (w.ends_with("ed") && w.len() > 4) || has(&words("en").irregular_past, w));
    // "New Delhi's June 29 ban": a dated noun reports a measure taken.
    let noun = dated_head(s, hit).is_some();
    let past = first.ends_with("ed") || has(&words("en").irregular_past, first) || governed || noun;
    let lower = s.to_lowercase();
    if !past
        || words("en")
            .future
            .iter()
            .any(|f| lower.contains(f.as_str()))
    {
        return None;
    }
    year_back(d, published)
}

/// Chinese has no tense: a year-less "12月9日" reported without a word of
/// the future (将, 拟, 起, 届时 …) is the one already gone.
fn past_year_zh(s: &str, d: &DateMatch, text: &str, published: NaiveDate) -> Option<DateSpan> {
    const RELATIVE: &[char] = &[
        '年', '本', '下', '明', '今', '上', '去', '周', '星', '前', '后',
    ];
    if text.contains(RELATIVE) || !text.contains('月') {
        return None;
    }
    let after = past_time_of_day(s.get(d.end..).unwrap_or(""));
    let from = after.starts_with('起') && !after.starts_with("起诉") && !after.starts_with("起草");
    if from || after.starts_with("前") || words("zh").future.iter().any(|f| s.contains(f.as_str()))
    {
        return None;
    }
    year_back(d, published)
}

/// "The tariffs will take effect on March 4", written in June: a verb in
/// the future tense looks ahead, so a year-less date that resolved to the
/// past is next year's, when that is within a year of publication.
pub(crate) fn future_year(
    s: &str,
    d: &DateMatch,
    hit: &Hit,
    published: NaiveDate,
) -> Option<DateSpan> {
    let behind = (published - d.span.first_day()).num_days();
    if !d.relative || behind <= 2 || d.span.end.is_some() {
        return None;
    }
    if is_label(s, d) {
        return None;
    }
    let text = s.get(d.start..d.end)?.to_lowercase();
    if text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
        || ["last", "ago", "yesterday", "this"]
            .iter()
            .any(|w| text.contains(w))
    {
        return None;
    }
    let before = format!(
        " {} ",
        crate::extract::sentences::lower_tail(s, hit.verb_start, 24)
    );
    let ahead = [
        "will ",
        "set to ",
        "scheduled to ",
        "due to ",
        "is to ",
        "are to ",
    ]
    .iter()
    .any(|w| before.contains(&format!(" {w}")));
    if !ahead {
        return None;
    }
    let p = d.span.start;
    let start = match (p.month, p.day) {
        (Some(m), Some(day)) => PartialDate::day(p.year + 1, m, day)?,
        (Some(m), None) => PartialDate::month(p.year + 1, m)?,
        _ => return None,
    };
    ((start.first_day() - published).num_days() <= 366).then_some(DateSpan::at(start))
}

/// "May 13: China hits back by announcing it will raise …": a date that
/// heads its line as a chronology's entry ([`date_head`], which also keeps
/// the clause splitter from cutting there) dates an entry already written;
/// the future of the verbs after it is the entry's own.
fn is_label(s: &str, d: &DateMatch) -> bool {
    let after = s.get(d.end..).unwrap_or("").trim_start();
    (after.starts_with([':', '\u{2014}', '\u{2013}']) || after.starts_with("- "))
        && s.get(..d.end).is_some_and(date_head)
}

/// The date a year earlier, when that is not after publication.
fn year_back(d: &DateMatch, published: NaiveDate) -> Option<DateSpan> {
    let back = |p: PartialDate| -> Option<PartialDate> {
        match (p.month, p.day) {
            (Some(m), Some(day)) => {
                let n = NaiveDate::from_ymd_opt(p.year - 1, m, day)
                    .or_else(|| NaiveDate::from_ymd_opt(p.year - 1, m, day - 1))?;
                Some(PartialDate::day(n.year(), n.month(), n.day())?)
            }
            (Some(m), None) => PartialDate::month(p.year - 1, m),
            _ => Some(PartialDate::year(p.year - 1)),
        }
    };
    let start = back(d.span.start)?;
    let end = match d.span.end {
        Some(e) => Some(back(e)?),
        None => None,
    };
    (start.first_day() <= published).then_some(DateSpan { start, end })
}

/// The date-like head of a dated-noun trigger ("June 29 ban", "2019 ban",
/// "Monday's decision"): the text from the match start to the verb, when
/// it opens with a month, a year or a day name.
fn dated_head<'a>(s: &'a str, hit: &Hit) -> Option<&'a str> {
    let head = s.get(hit.start..hit.verb_start)?;
    let lower = head.to_lowercase();
    let year = lower.len() >= 4 && lower.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    // "June 29 ban", "the June passage of": a month, with or without a day
    let month = MONTHS.iter().any(|m| lower.starts_with(m))
        && (lower.bytes().any(|b| b.is_ascii_digit()) || bare_month(&lower).is_some());
    let day = lower.starts_with("day") || lower.contains("day's") || lower.contains("day’s");
    (year || month || day).then_some(head)
}

/// The month of a head that is a month's full name and nothing more
/// ("june ", "june's "): "may" alone is a verb too often to count.
fn bare_month(lower: &str) -> Option<u32> {
    let word = lower
        .trim_end()
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    super::super::dates::words::month_index(word)
        .filter(|&(m, abbreviated)| !abbreviated && m != 5)
        .map(|(m, _)| m)
}

/// "its 2019 ban": the date grammar leaves a bare year alone (it may be a
/// number), but before a measure's noun it is the measure's date. So is a
/// bare month ("the June passage of"), in the latest such month on or
/// before publication.
pub(crate) fn add_dated_noun_years(
    s: &str,
    hits: &[Hit],
    dates: &mut Vec<DateMatch>,
    published: Option<NaiveDate>,
) {
    for h in hits {
        let Some(head) = dated_head(s, h) else {
            continue;
        };
        if let Some(month) = bare_month(&head.to_lowercase()) {
            let Some(published) = published else {
                continue;
            };
            let year = if month > published.month() {
                published.year() - 1
            } else {
                published.year()
            };
            if let Some(d) = PartialDate::month(year, month) {
                if !dates
                    .iter()
                    .any(|d| d.start < h.verb_start && h.start < d.end)
                {
                    dates.push(DateMatch {
                        start: h.start,
                        end: h.start + month_len(head),
                        span: DateSpan::at(d),
                        relative: true,
                    });
                }
            }
            continue;
        }
        let Some(year) = head.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        if !(1900..=2100).contains(&year)
            || dates
                .iter()
                .any(|d| d.start < h.start + 4 && h.start < d.end)
        {
            continue;
        }
        dates.push(DateMatch {
            start: h.start,
            end: h.start + 4,
            span: DateSpan::at(PartialDate::year(year)),
            relative: false,
        });
    }
    dates.sort_by_key(|d| d.start);
}

/// For a dated-noun trigger, the date in its head; `Some(None)` when the
/// head holds no date the grammar read (so no other date may stand in).
pub(crate) fn dated_noun_date<'a>(
    s: &str,
    hit: &Hit,
    dates: &'a [DateMatch],
) -> Option<Option<&'a DateMatch>> {
    dated_head(s, hit)?;
    // A day name may be read with a word before it ("last Friday's"), so
    // the date need only end inside the head.
    Some(
        dates.iter().rfind(|d| {
            d.end > hit.start && d.start < hit.verb_start && d.end <= hit.verb_start + 1
        }),
    )
}

/// "disclosed on Tuesday that regulators had opened an investigation in
/// April": the date of the saying dates the report; a date inside the
/// that-clause, when there is one, dates the event.
pub(crate) fn reported_date<'a>(
    s: &str,
    d: &DateMatch,
    hit: &Hit,
    clause_dates: &[&'a DateMatch],
) -> Option<&'a DateMatch> {
    if d.end > hit.verb_start {
        return None;
    }
    let between = s.get(d.end..hit.verb_start)?;
    let that = d.end + between.find(" that ")?;
    let head = crate::extract::sentences::lower_tail(s, d.start, 160);
    let reporting = head
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| has(&words("en").reporting, w));
    if !reporting {
        return None;
    }
    clause_dates
        .iter()
        .copied()
        .filter(|x| x.start > that && x.start != d.start)
        .min_by_key(|x| x.start.abs_diff(hit.verb_end))
}

/// "一、依据行政院114年3月31日院授数资安字第…号函办理。": an official
/// document that acts under an instrument cites it, with its date; the
/// day of the instrument is the day of the measures the document restates
/// without a date of their own. The citation's words are the language's
/// `instrument_heads` and `instrument_tails`. A letter that forwards
/// another ("……函转行政院……函") acts under the one it forwards.
pub(crate) fn instrument_date(s: &str, dates: &[DateMatch], code: &str) -> Option<PartialDate> {
    let w = words(code);
    let head = w
        .instrument_heads
        .iter()
        .filter_map(|h| s.find(h.as_str()).map(|i| i + h.len()))
        .min()?;
    let tail = w
        .instrument_tails
        .iter()
        .filter_map(|t| s.get(head..)?.find(t.as_str()).map(|i| head + i))
        .min()?;
    // "依据本府4月1日……函转行政院3月31日……函办理": a letter forwarding
    // another; the one forwarded is the instrument acted under
    let head = s
        .get(head..tail)
        .and_then(|c| c.rfind("函转").map(|i| head + i + "函转".len()))
        .unwrap_or(head);
    dates
        .iter()
        .find(|d| d.start >= head && d.end <= tail && d.span.end.is_none())
        .filter(|d| d.span.start.precision() == 3)
        .map(|d| d.span.start)
}

/// Whether byte `at` of `s` stands inside a quotation (「…」, “…”, 『…』).
pub(crate) fn quoted(s: &str, at: usize) -> bool {
    let before = s.get(..at).unwrap_or("");
    let depth =
        |open: char, close: char| before.matches(open).count() > before.matches(close).count();
    depth('「', '」') || depth('“', '”') || depth('『', '』')
}

/// The length of a head's month word.
fn month_len(head: &str) -> usize {
    head.find([' ', '\'', '’']).unwrap_or(head.len())
}

/// "2019年8月15日，美国政府宣布，对……加征关税，自9月1日起实施": a date
/// fronted before an announcing verb (宣布, 发布, 公布) dates the
/// announcement of a measure that applies from a later date, which keeps
/// its own date too. `date` is the date the trigger took.
pub(crate) fn fronted_announcement<'a>(
    s: &str,
    dates: &'a [DateMatch],
    date: &DateMatch,
    hit: &Hit,
) -> Option<&'a DateMatch> {
    // "自9月1日起" or, in a list of such dates, "分两批自9月1日、12月15日起"
    let applies_from = super::super::dating::effective_date(s, date)
        || (date.start > hit.verb_end
            && s.get(hit.verb_end..date.start)
                .is_some_and(|t| t.contains('自')));
    if !applies_from {
        return None;
    }
    let first = dates.first()?;
    // the date opens the sentence, or follows only its subject
    // ("税委会6月16日发布公告，决定自7月1日起……")
    let lead = s.get(..first.start)?.trim();
    let subject_only = lead.chars().count() <= 20 && !lead.contains(CLAUSE_MARKS);
    if !subject_only || first.end >= hit.verb_start || first.start == date.start {
        return None;
    }
    let between = s.get(first.end..hit.verb_start)?;
    let announced = ["宣布", "发布", "公布"].iter().any(|w| between.contains(w));
    // a day the measure applies from written before it ("宣布，自5月10日
    // 起，对……加征关税") is the measure's only day
    let alone = !dates
        .iter()
        .any(|d| d.start > first.start && d.end <= hit.verb_start);
    (announced && alone && first.span.start < date.span.start).then_some(first)
}

/// Marks that end a clause: a lead holding one is more than a subject.
const CLAUSE_MARKS: [char; 7] = ['，', ',', '。', '；', ';', '：', ':'];

/// The text after a time of day that follows a Chinese date ("9月1日12时01分
/// 起", "零时起"): what the date is followed by once its hour is read.
/// The date of a period phrase at `at..end` ("the following year", 次年):
/// `n` months or years after the last date before it in the sentence that
/// is not a stated span, else after `anchor`; `None` when a date the
/// sentence states overlaps the phrase, or there is nothing to count from.
pub(crate) fn period_phrase_date(
    dates: &[DateMatch],
    at: usize,
    end: usize,
    anchor: Option<PartialDate>,
    unit: &str,
    n: i32,
) -> Option<DateMatch> {
    if dates.iter().any(|d| at < d.end && d.start < end) {
        return None;
    }
    let base = dates
        .iter()
        .rfind(|d| d.end <= at && d.span.end.is_none())
        .map(|d| d.span.start)
        .or(anchor)?;
    Some(DateMatch {
        start: at,
        end,
        span: DateSpan::at(shift_period(base, unit, n)?),
        relative: true,
    })
}

/// The month or year `n` units after `base`'s ("the following month",
/// 次年): `unit` is "month" or "year"; a month of a date known only to
/// the year is `None`.
pub(crate) fn shift_period(base: PartialDate, unit: &str, n: i32) -> Option<PartialDate> {
    match (unit, base.month) {
        ("month", Some(m)) => {
            let months = base.year * 12 + m as i32 - 1 + n;
            PartialDate::month(months.div_euclid(12), months.rem_euclid(12) as u32 + 1)
        }
        ("year", _) => Some(PartialDate::year(base.year + n)),
        _ => None,
    }
}

pub(crate) fn past_time_of_day(after: &str) -> &str {
    if let Some(rest) = after.strip_prefix("零时") {
        return rest;
    }
    let digits = |t: &str| t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let h = digits(after);
    if !(1..=2).contains(&h) {
        return after;
    }
    let Some(rest) = after[h..]
        .strip_prefix('时')
        .or_else(|| after[h..].strip_prefix('点'))
    else {
        return after;
    };
    let m = digits(rest);
    match rest[m..].strip_prefix('分') {
        Some(r) if (1..=2).contains(&m) => r,
        _ => rest,
    }
}

/// "Congress enacted the Export Control Reform Act of 2018": an act's name
/// carries the year it was enacted (or, for a bill, introduced). A
/// legislation trigger whose act is so named, in a sentence with no date
/// of its own, is dated by that year.
pub(crate) fn add_act_years(s: &str, hits: &[Hit], dates: &mut Vec<DateMatch>) {
    if !dates.is_empty() {
        return;
    }
    for h in hits {
        if !matches!(h.kind, TriggerKind::Kind(Kind::Legislation)) || h.nominal {
            continue;
        }
        let after = s.get(h.end..).unwrap_or("");
        let Some(rest) = after.strip_prefix(" of ") else {
            continue;
        };
        let year = rest.get(..4).and_then(|y| y.parse::<i32>().ok());
        let digits_end = rest.as_bytes().get(4).is_none_or(|b| !b.is_ascii_digit());
        if let (Some(y), true) = (year, digits_end) {
            if (1900..=2100).contains(&y) {
                let start = h.end + " of ".len();
                dates.push(DateMatch {
                    start,
                    end: start + 4,
                    span: DateSpan::at(PartialDate::year(y)),
                    relative: false,
                });
                return;
            }
        }
    }
}

/// A date with its year written out, day or month precise ("On August 6,
/// 2020", "in May 2019"): the year a report's narrative is in.
pub(crate) fn narrative_anchor(s: &str, d: &DateMatch) -> Option<PartialDate> {
    let p = d.span.start;
    let text = s.get(d.start..d.end)?;
    (!d.relative && d.span.end.is_none() && p.month.is_some() && has_year(text)).then_some(p)
}

fn has_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// "On September 18, 2020, the department said it would bar downloads
/// starting September 20": a month and day without a year after a date
/// with one in the same sentence is in that year, or the next when it
/// would fall before that date. A written-out date in the three sentences
/// before ("On August 6, 2020, … . On September 18, the Secretary …")
/// gives the year only where publication's cannot be right: where it puts
/// a past act after publication. (News copy names background years and
/// then this year's days.) Weekdays and "last week" stay with publication.
pub(crate) fn narrative_years(
    s: &str,
    dates: &mut [DateMatch],
    carried: Option<PartialDate>,
    published: NaiveDate,
) {
    let mut anchor = carried.map(|a| (a, false));
    for d in dates.iter_mut() {
        if let Some(a) = narrative_anchor(s, d) {
            anchor = Some((a, true));
            continue;
        }
        let Some((a, own)) = anchor else { continue };
        if !d.relative || d.span.end.is_some() || !month_named(s, d) {
            continue;
        }
        let named = that_year(s, d);
        if !own && !named && (d.span.first_day() - published).num_days() <= 2 {
            continue;
        }
        let p = d.span.start;
        let Some(mut start) = p.with_year(a.year) else {
            continue;
        };
        if start.last_day() < a.first_day() {
            match p.with_year(a.year + 1) {
                Some(next) => start = next,
                None => continue,
            }
        }
        // a year ahead of publication is no narrative of the past
        if (start.first_day() - published).num_days() > 366 {
            continue;
        }
        d.span = DateSpan::at(start);
        d.relative = false;
    }
}

/// Whether a phrase of `that_year` follows the date ("Jan. 24 of that
/// year").
fn that_year(s: &str, d: &DateMatch) -> bool {
    let after = s.get(d.end..).unwrap_or("").to_lowercase();
    words("en")
        .that_year
        .iter()
        .any(|w| after.starts_with(w.as_str()))
}

/// "on July 6 and August 23, 2018", "May 16, June 3 and again on August
/// 19, 2019": year-less days coordinated with a date whose year is
/// written take that year (the year before, when the day would fall after
/// that date: "December 5 and January 3, 2019"). Right to left, so each
/// of a list takes the year of the one after it.
pub(crate) fn coordinated_years(s: &str, dates: &mut [DateMatch]) {
    // the written date of the list's last member, as each takes its year
    let mut carry: Option<PartialDate> = None;
    for i in (0..dates.len().saturating_sub(1)).rev() {
        let (head, tail) = dates.split_at_mut(i + 1);
        let (d, next) = (&mut head[i], &tail[0]);
        let Some(year) = narrative_anchor(s, next).or(carry.take()) else {
            continue;
        };
        if !d.relative || d.span.end.is_some() || !month_named(s, d) {
            continue;
        }
        let Some(gap) = s.get(d.end..next.start) else {
            continue;
        };
        if !coordinator(gap) {
            continue;
        }
        let p = d.span.start;
        let Some(mut start) = p.with_year(year.year) else {
            continue;
        };
        if start.first_day() > year.last_day() {
            match p.with_year(year.year - 1) {
                Some(before) => start = before,
                None => continue,
            }
        }
        d.span = DateSpan::at(start);
        d.relative = false;
        carry = Some(start);
    }
}

/// True for what joins two dates of one list: a comma, "and", "and
/// again", "and then", "as well as", 和, 及, 以及, 与, 、, each perhaps after
/// a comma and before "on" or "in" ("July 6, 2018, and on August 23").
fn coordinator(gap: &str) -> bool {
    const JOINS: &[&[&str]] = &[
        &["and"],
        &["and", "again"],
        &["and", "then"],
        &["as", "well", "as"],
        &["和"],
        &["、"],
        &["及"],
        &["以及"],
        &["与"],
    ];
    // at most the longest join and a preposition: a longer gap (most of a
    // sentence between two dates) is read no further
    let mut words = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let mut seen: [&str; 5] = [""; 5];
    let mut n = 0;
    for w in words.by_ref() {
        if n == seen.len() {
            return false;
        }
        seen[n] = w;
        n += 1;
    }
    let mut words = &seen[..n];
    if let [rest @ .., last] = words {
        if last.eq_ignore_ascii_case("on") || last.eq_ignore_ascii_case("in") {
            words = rest;
        }
    }
    if words.is_empty() {
        return gap.contains(',');
    }
    JOINS.iter().any(|join| {
        join.len() == words.len()
            && join
                .iter()
                .zip(words)
                .all(|(a, b)| b.eq_ignore_ascii_case(a))
    })
}

/// True when the date names a month and no relative word ("September 20",
/// "in mid-May"; not "last May", "Monday", "next month").
fn month_named(s: &str, d: &DateMatch) -> bool {
    let Some(text) = s.get(d.start..d.end) else {
        return false;
    };
    let lower = text.to_lowercase();
    const RELATIVE: &[&str] = &[
        "last",
        "next",
        "this",
        "coming",
        "ago",
        "week",
        "year",
        "today",
        "yesterday",
        "tomorrow",
        "day",
        "earlier",
        "later",
    ];
    if has_year(text) || RELATIVE.iter().any(|w| lower.contains(w)) {
        return false;
    }
    lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| super::super::dates::words::month_index(w).is_some())
}

/// "Several months after the court enjoined the law, Congress passed …",
/// "Two weeks later, the company sued": a sentence with no date of its own
/// that opens with a span of weeks or months after the last event named
/// (`anchor`) is dated as precisely as that span allows: the month when it
/// cannot leave one, else the year, else not at all.
pub(crate) fn add_span_after(s: &str, dates: &mut Vec<DateMatch>, anchor: Option<PartialDate>) {
    let Some(anchor) = anchor else { return };
    if !dates.is_empty() {
        return;
    }
    let lower = s
        .trim_start()
        .to_lowercase()
        .replacen("a few ", "several ", 1);
    let lower = lower
        .strip_prefix("approximately ")
        .or_else(|| lower.strip_prefix("about "))
        .or_else(|| lower.strip_prefix("roughly "))
        .or_else(|| lower.strip_prefix("nearly "))
        .or_else(|| lower.strip_prefix("some "))
        .unwrap_or(&lower);
    let mut words = lower.split_whitespace();
    let (Some(count), Some(unit), Some(link)) = (words.next(), words.next(), words.next()) else {
        return;
    };
    // (fewest, most) of the unit the count may mean
    let (lo, hi): (i64, i64) = match count {
        "a" | "one" => (1, 1),
        "two" => (2, 2),
        "three" => (3, 3),
        "four" => (4, 4),
        "five" => (5, 5),
        "six" => (6, 6),
        "several" => (2, 9),
        _ => return,
    };
    let days = |n: i64| match unit.trim_end_matches(',') {
        "week" | "weeks" => Some(n * 7),
        "month" | "months" => Some(n * 30),
        _ => None,
    };
    let (Some(lo), Some(hi)) = (days(lo), days(hi)) else {
        return;
    };
    if !matches!(link.trim_end_matches(','), "after" | "later") {
        return;
    }
    // the main clause starts after the opening phrase's comma
    let Some(comma) = s.find(", ") else { return };
    let (Some(first), Some(last)) = (
        anchor
            .first_day()
            .checked_add_signed(chrono::Duration::days(lo - 4)),
        anchor
            .last_day()
            .checked_add_signed(chrono::Duration::days(hi + 4)),
    ) else {
        return;
    };
    let date = if (first.year(), first.month()) == (last.year(), last.month()) {
        PartialDate::month(first.year(), first.month())
    } else if first.year() == last.year() {
        Some(PartialDate::year(first.year()))
    } else {
        None
    };
    let Some(date) = date else { return };
    dates.push(DateMatch {
        start: comma + 2,
        end: comma + 2,
        span: DateSpan::at(date),
        relative: true,
    });
}

/// "China retaliated each time": a phrase of `each_time` in a sentence
/// with no date of its own takes every date of `last`, the events of the
/// sentence before, one event a date. The dates sit side by side over the
/// phrase, so [`coordinated`] joins them.
pub(crate) fn add_each_time(s: &str, dates: &mut Vec<DateMatch>, last: &[PartialDate]) {
    if !dates.is_empty() || last.len() < 2 {
        return;
    }
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return;
    }
    let Some((at, len)) = words("en")
        .each_time
        .iter()
        .find_map(|p| lower.find(p.as_str()).map(|at| (at, p.len())))
    else {
        return;
    };
    let mut days: Vec<PartialDate> = Vec::new();
    for d in last {
        if !days.contains(d) {
            days.push(*d);
        }
    }
    // one byte of the phrase a date, so no more dates than it has bytes
    days.sort();
    days.truncate(len);
    if days.len() < 2 || days.iter().any(|d| d.precision() != days[0].precision()) {
        return;
    }
    for (i, d) in days.into_iter().enumerate() {
        dates.push(DateMatch {
            start: at + i,
            end: at + i + 1,
            span: DateSpan::at(d),
            relative: true,
        });
    }
}

/// "Later that month, the Senate passed the bill", "The following year,
/// Congress enacted …": a phrase of `period_phrases` dates its clause by
/// the month or year of the last date before it in the sentence, else of
/// `anchor` (the last event named), shifted by the phrase's count.
pub(crate) fn add_period_phrases(s: &str, dates: &mut Vec<DateMatch>, anchor: Option<PartialDate>) {
    // every phrase names a month or a year: most sentences have neither
    let names = |w: &str| {
        s.as_bytes()
            .windows(w.len())
            .any(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    };
    if !names("month") && !names("year") {
        return;
    }
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return;
    }
    for (phrase, unit, n) in &words("en").period_phrases {
        let Some(at) = lower.find(phrase.as_str()) else {
            continue;
        };
        if let Some(d) = period_phrase_date(dates, at, at + phrase.len(), anchor, unit, *n) {
            dates.push(d);
        }
    }
    dates.sort_by_key(|d| d.start);
}
