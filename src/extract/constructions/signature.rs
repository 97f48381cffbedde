//! A Chinese official document's own day, when the document states it:
//! the date line under its signature ("商务部\n2025年3月4日") or a dated
//! heading ("发布日期：2025-03-04", Taiwan's "發布日期：114-12-04"). A
//! notice reposted days later, or a press release filed the next morning,
//! acts on that day, not on the day it was published.
//!
//! Read once per article (text already normalised to Simplified script);
//! the day replaces the publication date only where the document's own
//! voice is dated ("决定将……列入", "本公告自发布之日起施行").
//!
//! A decision that names the day it takes effect, on or before publication
//! ("本决定自2025年1月2日起施行", reported on the 5th), was made that day:
//! that day is its own when neither a heading nor a signature says.
//!
//! A news agency's dateline ("（中央社記者某某華盛頓17日專電）") names the day
//! its "今天" is: a dispatch filed on the 17th in Washington and published
//! on the 18th in Taipei reports the 17th's acts as today's.

use super::super::dates::find_dates;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Lines read from the top for a dated heading, and from the bottom for a
/// signature's date line.
const HEAD_LINES: usize = 5;
const TAIL_LINES: usize = 3;

/// The words that open a dated heading ("发布日期：2025-03-04").
const HEADINGS: &[&str] = &[
    "发布日期",
    "发布时间",
    "发文日期",
    "成文日期",
    "公告日期",
    "日期",
];

/// The most days a document's own day may lie before its publication: a
/// repost years later still acts on its own day, but a date older than
/// this at the end of an excerpt is more likely a quoted one.
const MAX_DAYS_BEFORE: i64 = 3 * 366;

/// The document's own day, when a signature's date line or a dated heading
/// states it and it lies on or before publication.
pub(crate) fn signed_day(text: &str, anchor: &DateTime<FixedOffset>) -> Option<NaiveDate> {
    if !text.contains('年') && !HEADINGS.iter().any(|h| text.contains(h)) {
        return None;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect();
    let published = anchor.date_naive();
    let plausible = |d: NaiveDate| {
        let before = (published - d).num_days();
        // a day ahead: the document's offset may run ahead of the feed's
        (-1..=MAX_DAYS_BEFORE).contains(&before)
    };
    let head = lines
        .iter()
        .take(HEAD_LINES)
        .find_map(|l| heading_day(l, anchor));
    let tail = lines
        .iter()
        .rev()
        .take(TAIL_LINES)
        .find_map(|l| date_line(l, anchor));
    // a date on a line of its own under the heading ("经济部 公告\n中华民国
    // 114年6月10日\n经贸字第……号"): the day the document was issued
    let dated_head = || {
        lines
            .iter()
            .take(HEAD_LINES)
            .find_map(|l| date_line(l, anchor))
    };
    head.or(tail)
        .or_else(dated_head)
        .or_else(|| in_force_from(text, anchor))
        .filter(|d| plausible(*d))
}

/// What a document calling itself "本决定", "本公告" says it takes effect
/// from: "本决定自2025年1月2日起施行".
fn in_force_from(text: &str, anchor: &DateTime<FixedOffset>) -> Option<NaiveDate> {
    let selves = &super::super::lang::words("zh").self_reference;
    selves.iter().find_map(|w| {
        let at = text.find(&format!("{w}自"))? + w.len() + '自'.len_utf8();
        let rest = text.get(at..)?;
        let cut = rest.char_indices().nth(24).map_or(rest.len(), |(i, _)| i);
        let d = find_dates(rest.get(..cut)?, anchor).into_iter().next()?;
        let after = rest.get(d.end..)?;
        let from =
            after.starts_with('起') || after.starts_with("0时起") || after.starts_with("零时起");
        (d.start == 0 && !d.relative && from).then_some(())?;
        d.span.start.as_day()
    })
}

/// "发布日期：2025-03-04", "发布日期：114-12-04" (a Minguo year), "发布时间：
/// 2025年3月4日 10:00", "发文日期：中华民国114年4月1日", "日期：114年4月1日".
fn heading_day(line: &str, anchor: &DateTime<FixedOffset>) -> Option<NaiveDate> {
    let rest = HEADINGS.iter().find_map(|h| line.strip_prefix(h))?;
    let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
    // a Taiwanese letter's "发文日期：中华民国114年4月1日"
    let rest = ["中华民国", "民国"]
        .iter()
        .find_map(|era| rest.strip_prefix(era))
        .unwrap_or(rest);
    numeric_day(rest).or_else(|| {
        // an absolute date only: the anchor places nothing
        let d = find_dates(rest, anchor).into_iter().next()?;
        (d.start == 0 && !d.relative).then_some(())?;
        d.span.start.as_day()
    })
}

/// "2025-03-04", "2025/3/4", "114-12-04" (a Minguo year): the day, when the
/// value opens with one.
fn numeric_day(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, ['-', '/', '.']);
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let third = parts.next()?;
    let digits = third
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(third.len());
    let d: u32 = third.get(..digits)?.parse().ok()?;
    let y = u32::try_from(y)
        .ok()
        .and_then(super::super::dates::zh::minguo_year)
        .and_then(|g| i32::try_from(g).ok())
        .unwrap_or(y);
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A signature's date line: a full date, written with its year, that ends
/// the line, with at most an issuer's short name before it ("商务部
/// 2025年3月4日", "二〇二五年三月四日").
fn date_line(line: &str, anchor: &DateTime<FixedOffset>) -> Option<NaiveDate> {
    let line = line.trim_end_matches(['。', '.']);
    if line.chars().count() > 40 || line.contains(['，', ',', '。', '；', '：', ':']) {
        return None;
    }
    let d = find_dates(line, anchor).into_iter().last()?;
    if d.relative || d.end != line.len() || !line.get(d.start..)?.contains('年') {
        return None;
    }
    // what stands before the date is a name, not a sentence
    let before = line.get(..d.start)?.trim_end();
    if before.chars().count() > 24 {
        return None;
    }
    d.span.start.as_day()
}

/// The suffixes that close a dateline's bracket: 电, 专电, 综合外电报导, 讯.
const DATELINE_ENDS: &[&str] = &["电", "报导", "报道", "讯"];

/// The day a dateline opening the text names ("（中央社华盛顿17日专电）",
/// "【某报6月17日讯】"), when it lies up to three days before publication.
pub(crate) fn dateline_day(text: &str, anchor: &DateTime<FixedOffset>) -> Option<NaiveDate> {
    let t = text.trim_start();
    let close = match t.chars().next()? {
        '（' => '）',
        '(' => ')',
        '【' => '】',
        _ => return None,
    };
    let end = t.find(close)?;
    let inside = t.get(..end)?;
    if inside.chars().count() > 40 || !DATELINE_ENDS.iter().any(|w| inside.ends_with(w)) {
        return None;
    }
    let d = find_dates(inside, anchor).into_iter().last()?;
    let day = d.span.start.as_day()?;
    let before = (anchor.date_naive() - day).num_days();
    (0..=3).contains(&before).then_some(day)
}

/// Moves the days named from today (今天, 昨天, 明日 …) to a dateline's
/// day: they are counted from the day the dispatch was filed.
pub(crate) fn shift_to_dateline(
    s: &str,
    dates: &mut [super::super::dates::DateMatch],
    published: NaiveDate,
    dateline: NaiveDate,
) {
    // 昨 alone ("院会昨通过") and 稍早 are counted from today as well
    const FROM_TODAY: &[&str] = &[
        "今天", "今日", "昨天", "昨日", "昨", "前天", "明天", "明日", "稍早",
    ];
    let by = dateline - published;
    if by.num_days() == 0 {
        return;
    }
    for d in dates.iter_mut() {
        if !s
            .get(d.start..d.end)
            .is_some_and(|w| FROM_TODAY.contains(&w))
        {
            continue;
        }
        if let Some(day) = d.span.start.as_day().and_then(|x| x.checked_add_signed(by)) {
            d.span = crate::model::DateSpan::at(crate::model::PartialDate::from_naive(day));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("test date")
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_signature_date_line_under_the_issuer() {
        let p = at("2025-03-06T09:00:00+08:00");
        let t = "一、禁止向上述实体出口两用物项。\n\n特此公告。\n\n某部\n2025年3月4日";
        assert_eq!(signed_day(t, &p), day(2025, 3, 4));
        let t = "一、禁止出口。\n\n某部 2025年3月4日";
        assert_eq!(signed_day(t, &p), day(2025, 3, 4));
    }

    #[test]
    fn a_dated_heading_in_either_calendar() {
        let p = at("2025-12-08T09:00:00+08:00");
        assert_eq!(
            signed_day("新闻稿\n发布日期：114-12-04\n\n某部表示。", &p),
            day(2025, 12, 4)
        );
        assert_eq!(
            signed_day("发布时间：2025-12-05 10:30\n某部表示。", &p),
            day(2025, 12, 5)
        );
    }

    #[test]
    fn a_decision_in_force_from_its_own_day() {
        let p = at("2025-01-05T09:00:00+08:00");
        let t = "中方决定对以下企业采取反制措施。\n\n本决定自2025年1月2日起施行。";
        assert_eq!(signed_day(t, &p), day(2025, 1, 2));
        // a later day is when it applies, not when it was made
        let t = "中方决定对以下企业采取反制措施。\n\n本决定自2025年2月1日起施行。";
        assert_eq!(signed_day(t, &p), None);
    }

    #[test]
    fn a_dateline_names_the_day_of_today() {
        let p = at("2025-06-18T08:00:00+08:00");
        let t = "（中央社记者某某华盛顿17日专电）美国商务部今天宣布新规。";
        assert_eq!(dateline_day(t, &p), day(2025, 6, 17));
        assert_eq!(
            dateline_day("【某报2025年06月17日讯】某部宣布。", &p),
            day(2025, 6, 17)
        );
        // a bracket that is no dateline
        assert_eq!(dateline_day("（17日）某部今天宣布。", &p), None);
        assert_eq!(
            dateline_day("（中央社华盛顿1日专电）某部今天宣布。", &p),
            None
        );
    }

    #[test]
    fn a_sentence_ending_in_a_date_is_no_signature() {
        let p = at("2025-03-06T09:00:00+08:00");
        assert_eq!(signed_day("某部表示，措施自2025年3月10日起施行", &p), None);
        // a date after publication is no signature
        assert_eq!(signed_day("某部\n2025年4月4日", &p), None);
        // nor is a year-less one
        assert_eq!(signed_day("某部\n3月4日", &p), None);
    }
}
