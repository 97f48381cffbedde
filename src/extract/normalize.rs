//! One spelling for what real text writes many ways, ahead of extraction,
//! so that every rule is written once.
//!
//! - Traditional Chinese becomes Simplified (OpenCC's `t2s` tables, through
//!   `ferrous-opencc`): 華為 is 华为, 實體清單 is 实体清单, and the Chinese rules
//!   and names apply to text from Taiwan, Hong Kong and overseas outlets.
//! - Full-width letters and digits become ASCII (２０２５ → 2025, ＴｉｋＴｏｋ).
//! - Spaces between Han characters and digits go (`1 月 29 日`, `於 2025 年`),
//!   as typeset by many Taiwanese and overseas sites, and so does one space
//!   between two Han characters (a PDF's line wrap inside a word, `處以罰 鍰`;
//!   an ideographic space, a deliberate separator, stays).
//!
//! - In Traditional text, years of the Republic of China (民國109年12月18日,
//!   109年12月18日) become Gregorian (2020年12月18日): Taiwan's official
//!   documents and judgments date everything that way. So do they in a
//!   Taiwanese document a mirror renders in Simplified script (one that
//!   names 民国, 新台币, 行政院 or 立法院).
//!
//! Dashes, quotes and full-width punctuation are read by the grammar and the
//! sentence splitter as they are, so they stay. The extractor reads the
//! normalised text, and [`Normalized::original`] maps what it quotes back to
//! the text as written: evidence always cites the source's own words.

use super::dates::zh::minguo_year;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::sync::OnceLock;

/// Text as the extractor reads it, with the way back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// For each char of `text`: its byte offset there and the byte offset of
    /// the char it came from in the original; then (len, original len).
    map: Vec<(usize, usize)>,
}

impl Normalized {
    /// The original text behind `text[start..end]`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.orig_at(start), self.orig_at(end))
    }

    fn orig_at(&self, at: usize) -> usize {
        match self.map.binary_search_by_key(&at, |&(n, _)| n) {
            Ok(i) => self.map[i].1,
            // inside a char: the char's own start
            Err(i) => self.map[i.saturating_sub(1)].1,
        }
    }

    /// The original words behind `quote`, a slice the extractor took from
    /// `text` (its first occurrence), trimmed as the quote was.
    pub fn original<'a>(&self, original: &'a str, quote: &str) -> Option<&'a str> {
        let at = self.text.find(quote)?;
        let (a, b) = self.original_range(at, at + quote.len());
        original.get(a..b).map(str::trim)
    }
}

/// The normalised text, or `None` when the text needs no change.
pub fn normalize(text: &str) -> Option<Normalized> {
    // nothing to fold, join or convert: every change starts at a non-ASCII
    // character (a full-width form, a Han character, a unit)
    if text.is_ascii() {
        return None;
    }
    let mut chars: Vec<(char, usize)> = Vec::with_capacity(text.len());
    let mut changed = false;
    let mut han = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let c = fold_width(c);
        changed |= !text[i..].starts_with(c);
        han |= is_han(c);
        if c == '\n' && wraps_a_line(&chars, it.peek().map(|&(_, d)| d)) {
            // a typeset paragraph's line break inside a Chinese sentence
            changed = true;
            continue;
        }
        if is_gap(c) {
            // a short run of spaces between Han and a digit goes
            let prev = chars.last().map(|&(p, _)| p);
            let mut run = vec![(i, c)];
            while let Some(&(j, d)) = it.peek() {
                if !is_gap(d) || run.len() >= 2 {
                    break;
                }
                run.push((j, d));
                it.next();
            }
            let next = it.peek().map(|&(_, d)| fold_width(d));
            let joins = match (prev, next) {
                (Some(p), Some(n)) => {
                    (is_han(p) && n.is_ascii_digit())
                        || (p.is_ascii_digit() && is_unit(n))
                        // a PDF's line wrap or typeset spacing inside
                        // Chinese words: 處以罰 鍰, 投資金 額
                        || (is_han(p) && is_han(n) && run.len() == 1 && run[0].1 != '\u{3000}')
                }
                _ => false,
            };
            // "……会议通过　2024年9月20日……公布", "……通过　根据……修正": a
            // wide space before a date or an amendment note parts a
            // header's segments as a comma would (a date belongs to the
            // segment it opens)
            let after = it.peek().map_or("", |&(j, _)| &text[j..]);
            let parts = run.iter().any(|&(_, d)| d == '\u{3000}')
                && prev.is_some_and(is_han)
                && (next.is_some_and(|n| n.is_ascii_digit())
                    || ["根据", "根據", "依据", "依據"]
                        .iter()
                        .any(|w| after.starts_with(w)));
            if parts {
                changed = true;
                chars.push(('，', run[0].0));
            } else if joins {
                changed = true;
            } else {
                chars.extend(run.into_iter().map(|(j, d)| (d, j)));
            }
            continue;
        }
        chars.push((c, i));
    }
    if han && tens_in_one(&mut chars) {
        changed = true;
    }
    if han && to_simplified(&mut chars) {
        // Traditional script: a Taiwanese document counts years from 1912.
        minguo_years(&mut chars);
        minguo_cn_years(&mut chars);
        changed = true;
    } else if han && taiwanese(text) {
        // a Taiwanese document rendered in Simplified script by a mirror
        // still counts its years from 1912
        changed |= minguo_years(&mut chars) | minguo_cn_years(&mut chars);
    }
    if !changed {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(chars.len() + 1);
    for (c, orig) in chars {
        map.push((out.len(), orig));
        out.push(c);
    }
    map.push((out.len(), text.len()));
    Some(Normalized { text: out, map })
}

/// Words only a Taiwanese document writes, in either script: its era, its
/// currency, its Executive and Legislative Yuan and their letters.
const TAIWANESE: &[&str] = &[
    "民国",
    "民國",
    "新台币",
    "新臺幣",
    "新台幣",
    "行政院",
    "立法院",
    "院台",
    "院臺",
];

/// True when a text in Simplified script is a Taiwanese document.
fn taiwanese(text: &str) -> bool {
    TAIWANESE.iter().any(|w| text.contains(w))
}

/// Minguo years as Gregorian, in place: a run of two or three digits
/// followed by 年 and a month (`109年12月`), or after 民国 (`民国99年`). A
/// year with four digits, or a 年 without a month (`95年度`, a case number's
/// year), stays. The new digits map to the original year's first digit. Returns
/// whether it wrote any.
fn minguo_years(chars: &mut Vec<(char, usize)>) -> bool {
    let mut wrote = false;
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].0.is_ascii_digit() && (i == 0 || !chars[i - 1].0.is_ascii_digit());
        if !starts {
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|&(c, _)| !c.is_ascii_digit())
            .map_or(chars.len(), |p| i + p);
        let len = end - i;
        let after_year = |k: usize| chars.get(k).map(|&(c, _)| c);
        let month_follows = {
            let m = chars[(end + 1).min(chars.len())..]
                .iter()
                .take_while(|&&(c, _)| c.is_ascii_digit())
                .count();
            (1..=2).contains(&m) && after_year(end + 1 + m) == Some('月')
        };
        let era_before = i >= 2 && chars[i - 2].0 == '民' && chars[i - 1].0 == '国';
        if let Some(sep) = numeric_minguo_date(chars, i, end) {
            // "114/6/12", "114.6.12": the year, and dots the date grammar
            // reads as slashes
            let n: u32 = chars[i..end]
                .iter()
                .filter_map(|&(c, _)| c.to_digit(10))
                .fold(0, |a, d| a * 10 + d);
            if let Some(year) = minguo_year(n).filter(|_| n >= 80) {
                for k in sep {
                    chars[k].0 = '/';
                }
                i += gregorian(chars, i..end, year);
                wrote = true;
                continue;
            }
        }
        if (2..=3).contains(&len) && after_year(end) == Some('年') && (month_follows || era_before)
        {
            let n: u32 = chars[i..end]
                .iter()
                .filter_map(|&(c, _)| c.to_digit(10))
                .fold(0, |a, d| a * 10 + d);
            if let Some(year) = minguo_year(n) {
                i += gregorian(chars, i..end, year);
                wrote = true;
                continue;
            }
        }
        i = end;
    }
    wrote
}

/// "114/6/12", "114.06.12", "114-6-12": a Minguo date in digits, the run
/// `i..end` its year; the two separators' positions, when the month and day
/// are plausible and no digit or separator runs on either side (not a
/// version or an address).
fn numeric_minguo_date(chars: &[(char, usize)], i: usize, end: usize) -> Option<[usize; 2]> {
    let at = |k: usize| chars.get(k).map(|&(c, _)| c);
    let sep = at(end).filter(|c| matches!(c, '/' | '.' | '-'))?;
    if !(2..=3).contains(&(end - i))
        || (i > 0 && at(i - 1).is_some_and(|c| c.is_ascii_digit() || c == sep))
    {
        return None;
    }
    let number = |from: usize| {
        let n = chars[from.min(chars.len())..]
            .iter()
            .take_while(|&&(c, _)| c.is_ascii_digit())
            .count();
        let v: u32 = chars[from..from + n]
            .iter()
            .filter_map(|&(c, _)| c.to_digit(10))
            .fold(0, |a, d| a * 10 + d);
        (1..=2).contains(&n).then_some((v, from + n))
    };
    let (month, m_end) = number(end + 1)?;
    if at(m_end) != Some(sep) || !(1..=12).contains(&month) {
        return None;
    }
    let (day, d_end) = number(m_end + 1)?;
    let runs_on = at(d_end).is_some_and(|c| c.is_ascii_digit() || c == sep);
    ((1..=31).contains(&day) && !runs_on).then_some([end, m_end])
}

/// Writes Gregorian `year` over `range` (a Minguo year's numerals), each
/// digit pointing at the year's first original offset; returns how many
/// chars it wrote.
fn gregorian(chars: &mut Vec<(char, usize)>, range: std::ops::Range<usize>, year: u32) -> usize {
    let orig = chars[range.start].1;
    let year: Vec<(char, usize)> = year.to_string().chars().map(|c| (c, orig)).collect();
    let added = year.len();
    chars.splice(range, year);
    added
}

/// 廿 and 卅, twenty and thirty in one character (廿三日, 卅二家), written
/// as the numerals every rule reads: 二十, 三十.
fn tens_in_one(chars: &mut Vec<(char, usize)>) -> bool {
    if !chars.iter().any(|&(c, _)| c == '廿' || c == '卅') {
        return false;
    }
    // one pass into a new buffer: splicing in place would cost the text's
    // length for every such character
    let mut out = Vec::with_capacity(chars.len() + 8);
    for &(c, orig) in chars.iter() {
        match c {
            '廿' => out.extend([('二', orig), ('十', orig)]),
            '卅' => out.extend([('三', orig), ('十', orig)]),
            _ => out.push((c, orig)),
        }
    }
    *chars = out;
    true
}

/// Minguo years written in Chinese numerals (a judgment's `九十一年六月
/// 二十日`, `一百年`, `一一三年`) as Gregorian digits, on the same terms as
/// [`minguo_years`]: followed by 年 and a month, or after 民国. Four
/// numerals in a row (`二〇二五年`) are a Gregorian year and stay.
fn minguo_cn_years(chars: &mut Vec<(char, usize)>) -> bool {
    let mut wrote = false;
    let numeral = |c: char| "〇零一二三四五六七八九十百".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if !numeral(chars[i].0) || (i > 0 && numeral(chars[i - 1].0)) {
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|&(c, _)| !numeral(c))
            .map_or(chars.len(), |p| i + p);
        let run: Vec<char> = chars[i..end].iter().map(|&(c, _)| c).collect();
        let at = |k: usize| chars.get(k).map(|&(c, _)| c);
        let month_follows = {
            let m = chars[(end + 1).min(chars.len())..]
                .iter()
                .take_while(|&&(c, _)| numeral(c) || c.is_ascii_digit())
                .count();
            (1..=3).contains(&m) && at(end + 1 + m) == Some('月')
        };
        let era_before = i >= 2 && chars[i - 2].0 == '民' && chars[i - 1].0 == '国';
        let value = cn_year_value(&run).and_then(minguo_year);
        if let Some(year) = value.filter(|_| at(end) == Some('年') && (month_follows || era_before))
        {
            i += gregorian(chars, i..end, year);
            wrote = true;
            continue;
        }
        i = end;
    }
    wrote
}

/// The value of a two- or three-digit number in Chinese numerals: 九十一,
/// 一百, 一百零五, 一百一十三, or digit by digit, 一一三.
fn cn_year_value(run: &[char]) -> Option<u32> {
    let digit = super::dates::zh::cn_digit;
    if run.iter().all(|&c| digit(c).is_some()) {
        return (2..=3).contains(&run.len()).then(|| {
            run.iter()
                .filter_map(|&c| digit(c))
                .fold(0, |a, d| a * 10 + d)
        });
    }
    let (hundreds, rest) = match run.iter().position(|&c| c == '百') {
        Some(p) => {
            let h = match &run[..p] {
                [] => 1,
                [d] => digit(*d)?,
                _ => return None,
            };
            (h, &run[p + 1..])
        }
        None => (0, run),
    };
    let rest = rest
        .strip_prefix(&['零'][..])
        .or_else(|| rest.strip_prefix(&['〇'][..]))
        .unwrap_or(rest);
    let below = match rest {
        [] => 0,
        ['十'] => 10,
        ['十', u] => 10 + digit(*u)?,
        [t, '十'] => digit(*t)? * 10,
        [t, '十', u] => digit(*t)? * 10 + digit(*u)?,
        [u] if hundreds > 0 => digit(*u)?,
        _ => return None,
    };
    let n = hundreds * 100 + below;
    (n >= 10).then_some(n)
}

/// True when a line break only wraps a Chinese line: a long line (a
/// heading is shorter) that ends inside a word, with Chinese going on
/// right after it ("依据行政院……号函\n办理。", "为避免公务及机敏资\n讯外洩").
fn wraps_a_line(before: &[(char, usize)], next: Option<char>) -> bool {
    const LINE_CHARS: usize = 20;
    let line = before
        .iter()
        .rev()
        .take_while(|&&(c, _)| c != '\n')
        .take(LINE_CHARS)
        .count();
    before.last().is_some_and(|&(c, _)| is_han(c)) && next.is_some_and(is_han) && line >= LINE_CHARS
}

/// Full-width ASCII letters and digits to ASCII; everything else as is.
fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\u{2009}' | '\u{202f}')
}

fn is_han(c: char) -> bool {
    crate::text::is_han(c)
}

/// What a number counts in a date or a figure (`1 月`, `2025 年`, `12 時`):
/// a space before it goes. A space between a number and any other word
/// ("in 2025 華為") stays.
fn is_unit(c: char) -> bool {
    matches!(
        fold_width(c),
        '年' | '月'
            | '日'
            | '号'
            | '號'
            | '时'
            | '時'
            | '点'
            | '點'
            | '分'
            | '秒'
            | '亿'
            | '億'
            | '万'
            | '萬'
            | '元'
            | '个'
            | '個'
            | '家'
            | '项'
            | '項'
            | '次'
            | '批'
            | '周'
            | '週'
    )
}

/// OpenCC's `t2s` converter, with the Han characters it changes on their
/// own. Both are built once, on the first Chinese text.
struct T2s {
    cc: OpenCC,
    /// One bit for each char of [`HAN_RANGES`], in order: set when `t2s`
    /// converts the character alone (it is Traditional-only).
    changes: Vec<u64>,
}

/// Where `is_han` characters lie, for [`T2s::changes`].
const HAN_RANGES: [(u32, u32); 3] = [(0x3400, 0x4dbf), (0x4e00, 0x9fff), (0xf900, 0xfaff)];

impl T2s {
    fn new() -> Option<T2s> {
        let cc = OpenCC::from_config(BuiltinConfig::T2s).ok()?;
        let han: Vec<char> = HAN_RANGES
            .iter()
            .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
            .collect();
        let mut changes = vec![0u64; han.len().div_ceil(64)];
        // One conversion for all: a line a character, so no phrase joins
        // two. A line that does not come back one character long is asked
        // again alone.
        let joined: String = han.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = cc.convert(&joined);
        let lines: Vec<&str> = converted.split('\n').collect();
        let mut buf = [0u8; 4];
        for (k, &c) in han.iter().enumerate() {
            let one = match lines.get(k) {
                Some(l) if lines.len() == han.len() + 1 && l.chars().count() == 1 => l.to_string(),
                _ => cc.convert(c.encode_utf8(&mut buf)),
            };
            if one.chars().ne(std::iter::once(c)) {
                changes[k / 64] |= 1 << (k % 64);
            }
        }
        Some(T2s { cc, changes })
    }

    /// Whether `t2s` changes `c` on its own.
    fn changes(&self, c: char) -> bool {
        let mut base = 0usize;
        let c = c as u32;
        for &(a, b) in &HAN_RANGES {
            if (a..=b).contains(&c) {
                let k = base + (c - a) as usize;
                return self
                    .changes
                    .get(k / 64)
                    .is_some_and(|w| w & (1 << (k % 64)) != 0);
            }
            base += (b - a + 1) as usize;
        }
        false
    }
}

fn converter() -> Option<&'static T2s> {
    static T2S: OnceLock<Option<T2s>> = OnceLock::new();
    T2S.get_or_init(T2s::new).as_ref()
}

/// Traditional to Simplified, char for char, in place. OpenCC converts
/// phrases, which keeps char counts in practice; a line where it does not is
/// converted char by char instead, so the map stays exact. Only lines with
/// a Traditional-only character go through OpenCC: Simplified text, most
/// Chinese text read, costs one table look-up a character.
fn to_simplified(chars: &mut [(char, usize)]) -> bool {
    let Some(t2s) = converter() else {
        return false;
    };
    let cc = &t2s.cc;
    let mut changed = false;
    let mut start = 0;
    while start < chars.len() {
        let end = chars[start..]
            .iter()
            .position(|&(c, _)| c == '\n')
            .map_or(chars.len(), |p| start + p + 1);
        let line = &mut chars[start..end];
        start = end;
        if !line.iter().any(|&(c, _)| t2s.changes(c)) {
            continue;
        }
        let text: String = line.iter().map(|&(c, _)| c).collect();
        let conv = cc.convert(&text);
        if conv.chars().count() == line.len() {
            for (slot, c) in line.iter_mut().zip(conv.chars()) {
                changed |= slot.0 != c;
                slot.0 = c;
            }
        } else {
            let mut buf = [0u8; 4];
            for slot in line.iter_mut().filter(|(c, _)| is_han(*c)) {
                let one = cc.convert(slot.0.encode_utf8(&mut buf));
                let mut it = one.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    changed |= slot.0 != c;
                    slot.0 = c;
                }
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).map_or_else(|| s.to_string(), |n| n.text)
    }

    #[test]
    fn traditional_becomes_simplified() {
        assert_eq!(
            norm("經濟部將華為列入實體管制名單"),
            "经济部将华为列入实体管制名单"
        );
        assert_eq!(norm("美國商務部宣布出口管制"), "美国商务部宣布出口管制");
    }

    #[test]
    fn twenty_and_thirty_in_one_character_are_spelled_out() {
        assert_eq!(
            norm("當地時間廿三日將卅二家企業"),
            "当地时间二十三日将三十二家企业"
        );
        assert_eq!(norm("北岭廿日宣布"), "北岭二十日宣布");
        let text = "北岭卅日宣布";
        let n = normalize(text).expect("changed");
        assert_eq!(n.original(text, "三十日宣布"), Some("卅日宣布"));
    }

    #[test]
    fn simplified_and_english_need_nothing() {
        assert!(normalize("商务部将华为列入实体清单").is_none());
        assert!(normalize("Commerce added Huawei to the Entity List on May 16, 2019.").is_none());
    }

    #[test]
    fn spaced_and_full_width_numerals_close_up() {
        assert_eq!(norm("於 2025 年 1 月 29 日公告"), "于2025年1月29日公告");
        assert_eq!(norm("２０２５年６月１０日"), "2025年6月10日");
        // spaces between words and numbers in English stay
        assert_eq!(norm("On 10 June 2025 華為"), "On 10 June 2025 华为");
    }

    #[test]
    fn traditional_only_characters_are_known_one_by_one() {
        let Some(t2s) = converter() else {
            panic!("the t2s tables load");
        };
        for c in ['華', '為', '經', '濟', '國', '於', '條', '乾'] {
            assert!(t2s.changes(c), "{c}");
        }
        for c in ['华', '为', '中', '美', '日', '年', '公', 'a', '。'] {
            assert!(!t2s.changes(c), "{c}");
        }
        // the table agrees with OpenCC on a sample of the whole Han range
        let mut buf = [0u8; 4];
        for &(a, b) in &HAN_RANGES {
            for c in (a..=b).step_by(97).filter_map(char::from_u32) {
                let alone = t2s.cc.convert(c.encode_utf8(&mut buf));
                assert_eq!(t2s.changes(c), alone.chars().ne([c]), "{c}");
            }
        }
    }

    #[test]
    fn minguo_years_in_a_taiwanese_document_in_simplified_script() {
        let n = normalize("经济部以95年2月15日函处原告新台币200万元罚锾。").map(|n| n.text);
        assert_eq!(
            n.as_deref(),
            Some("经济部以2006年2月15日函处原告新台币200万元罚锾。")
        );
        // a mainland text keeps its years as written
        assert!(normalize("商务部于95年2月15日发布公告。").is_none());
    }

    #[test]
    fn minguo_years_become_gregorian_in_traditional_text() {
        assert_eq!(
            norm("行政院於109年12月18日函示"),
            "行政院于2020年12月18日函示"
        );
        assert_eq!(norm("中華民國99年7月21日判決"), "中华民国2010年7月21日判决");
        assert_eq!(norm("民國103年起實施"), "民国2014年起实施");
        // in Chinese numerals, as judgments write them
        assert_eq!(
            norm("中華民國九十一年六月二十日判決"),
            "中华民国2002年六月二十日判决"
        );
        assert_eq!(
            norm("於八十九年十月二十六日處分"),
            "于2000年十月二十六日处分"
        );
        assert_eq!(norm("一百年十二月十五日判決"), "2011年十二月十五日判决");
        assert_eq!(norm("一百零五年三月實施"), "2016年三月实施");
        assert_eq!(norm("一一三年五月九日發布"), "2024年五月九日发布");
        // a case number's year, a Gregorian year, and years counted stay
        assert_eq!(norm("九十年度訴字第四九八六號"), "九十年度诉字第四九八六号");
        assert_eq!(norm("二〇二五年十月九日發布"), "二〇二五年十月九日发布");
        assert_eq!(norm("經營三十年後"), "经营三十年后");
        // spaced as typeset, then closed up
        assert_eq!(norm("於 94 年 8 月 23 日處分"), "于2005年8月23日处分");
        // a case number's year and a four-digit year stay
        assert_eq!(norm("95年度訴字第1507號判決"), "95年度诉字第1507号判决");
        assert_eq!(norm("於2025年3月3日宣佈"), "于2025年3月3日宣布");
        // Simplified text is not from Taiwan: nothing to convert
        assert!(normalize("商务部15年3月发布").is_none());
    }

    #[test]
    fn a_wide_space_before_a_date_parts_a_header_s_segments() {
        assert_eq!(
            norm("會議通過\u{3000}2024年9月20日公布"),
            "会议通过，2024年9月20日公布"
        );
        // an ordinary space before a number is closed up
        assert_eq!(norm("於 94 年 8 月 23 日處分"), "于2005年8月23日处分");
    }

    #[test]
    fn a_wrapped_chinese_line_is_joined_and_a_heading_is_not() {
        assert_eq!(
            norm("一、依據行政院114年3月31日院授數資安字第1141000253號函\n辦理。"),
            "一、依据行政院2025年3月31日院授数资安字第1141000253号函办理。"
        );
        assert_eq!(norm("主 文\n原告之訴駁回。"), "主文\n原告之诉驳回。");
        // a long line that ends in punctuation is a line of its own
        assert_eq!(
            norm("各機關對危害國家資通安全產品限制使用原則，如下所示：\n一、不得使用。"),
            "各机关对危害国家资通安全产品限制使用原则，如下所示：\n一、不得使用。"
        );
    }

    #[test]
    fn minguo_dates_quote_the_original() {
        let orig = "經濟部於109年12月18日處分。";
        let n = normalize(orig).expect("changes");
        assert_eq!(n.text, "经济部于2020年12月18日处分。");
        assert_eq!(n.original(orig, "经济部于2020年12月18日处分。"), Some(orig));
    }

    #[test]
    fn one_space_inside_chinese_words_goes() {
        // a line wrap in a judgment, the spacing of a typeset heading
        assert_eq!(norm("處以罰 鍰新臺幣50萬元"), "处以罚锾新台币50万元");
        assert_eq!(norm("以 93年4月2日函處分"), "以2004年4月2日函处分");
        // an ideographic space separates on purpose; two spaces are layout
        assert_eq!(norm("原\u{3000}告 甲公司"), "原\u{3000}告甲公司");
        assert_eq!(norm("华为  中兴"), "华为  中兴");
        // a space between a Han character and a Latin word stays
        assert_eq!(norm("商务部 Huawei"), "商务部 Huawei");
    }

    #[test]
    fn quotes_map_back_to_the_words_as_written() {
        let orig = "經濟部 於 6 月 10 日 發布。另有他事。";
        let n = normalize(orig).expect("changes");
        assert_eq!(n.text, "经济部于6月10日发布。另有他事。");
        let quote = "经济部于6月10日发布。";
        assert_eq!(n.original(orig, quote), Some("經濟部 於 6 月 10 日 發布。"));
        assert_eq!(n.original(orig, "另有他事。"), Some("另有他事。"));
    }
}
