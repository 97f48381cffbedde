//! Chinese date grammar: 2025年1月17日, 5月, 去年5月, 本月3日, 18日,
//! 上周四, 周四, 昨天, 6月下旬, 年底, and spans joined by 至/到/—/～.
//!
//! A bare weekday (周四) is the nearest such day on or before the
//! publication day, or on or after it when its clause looks ahead: 将于,
//! 将在, 即将, 拟, 计划, 预计, 定于 before it, or 起/生效 right after it.
//! 日前 and 近日 are vague and yield nothing.

use super::resolve::{
    add_days, nearest_day_of_month, shift_month, weekday_near, weekday_of_week, Lean, Ymd,
};
use super::Found;
use chrono::{Datelike, NaiveDate, Weekday};

/// Cheap prefilter: a character that every Chinese date expression contains.
pub(crate) fn worth_scanning(text: &str) -> bool {
    !text.is_ascii()
        && text.chars().any(|c| {
            matches!(
                c,
                '年' | '月' | '日' | '号' | '周' | '期' | '拜' | '天' | '昨' | '早'
            )
        })
}

pub(crate) fn scan(text: &str, anchor: NaiveDate, out: &mut Vec<Found>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let p = Zh {
        text,
        chars: &chars,
        anchor,
    };
    let mut i = 0;
    while i < chars.len() {
        // no Chinese date expression starts with a Latin letter or a space;
        // skipping them keeps mixed-language text cheap
        if chars[i].1.is_ascii_alphabetic() || chars[i].1.is_whitespace() {
            i += 1;
            continue;
        }
        if let Some((e, a)) = p.coordinated_day(i, out.last()) {
            out.push(Found {
                start: chars[i].0,
                end: p.byte(e),
                a,
                b: None,
            });
            i = e;
            continue;
        }
        match p.expression(i) {
            Some((e, a, b)) => {
                out.push(Found {
                    start: chars[i].0,
                    end: p.byte(e),
                    a,
                    b,
                });
                i = e;
            }
            None => i += 1,
        }
    }
}

const CN_DIGITS: &str = "〇零一二三四五六七八九";

/// The Gregorian year of Minguo year `n` (中华民国114年 is 2025), when `n`
/// can be one: 1 to 199. The one conversion every reader of Taiwanese
/// years uses (dates, normalised text, dated headings).
pub(crate) fn minguo_year(n: u32) -> Option<u32> {
    (1..200).contains(&n).then_some(n + 1911)
}

pub(crate) fn cn_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_cn_numeral(c: char) -> bool {
    c == '十' || cn_digit(c).is_some()
}

const CLAUSE_END: &str = "，,。；;！!？?\n：:";

struct Zh<'a> {
    text: &'a str,
    chars: &'a [(usize, char)],
    anchor: NaiveDate,
}

type Parsed = (usize, Ymd, Option<Ymd>);

impl Zh<'_> {
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn prev(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.ch(j))
    }
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    fn at(&self, i: usize, s: &str) -> bool {
        self.text[self.byte(i).min(self.text.len())..].starts_with(s)
    }
    /// The first of `words` found at `i`, with the index after it.
    fn any_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .find(|w| self.at(i, w))
            .map(|w| i + w.chars().count())
    }

    /// A span, or one expression, at `i`.
    fn expression(&self, i: usize) -> Option<Parsed> {
        if let Some(range) = self.month_range(i) {
            return Some(range);
        }
        let (e, a) = self.date(i)?;
        if let Some(j) = self.joiner(e) {
            if let Some((e2, b)) = self.tail_day(j, a).or_else(|| self.date(j)) {
                if b.year.is_some() || a.year.is_none() || b.month.is_some() {
                    return Some((e2, a, Some(b)));
                }
            }
        }
        Some((e, a, None))
    }

    /// Index after a span joiner at `e`: 至/到/dash/～ directly, or "，至"
    /// a few characters on (3月31日启动，至5月21日结束).
    fn joiner(&self, e: usize) -> Option<usize> {
        if let Some(j) = self.any_at(e, &["至", "到", "——", "—", "－", "-", "～", "~", "–"])
        {
            return Some(j);
        }
        for k in e..(e + 10).min(self.chars.len()) {
            let c = self.ch(k)?;
            if c == '至' && self.prev(k).is_some_and(|p| "，,".contains(p)) {
                return Some(k + 1);
            }
            if ascii_digit(c).is_some() || "。；;！!？?\n".contains(c) {
                return None;
            }
        }
        None
    }

    /// "25日" after "4月22日至": the end day in the start's month.
    fn tail_day(&self, j: usize, a: Ymd) -> Option<(usize, Ymd)> {
        a.day?;
        let (d, k) = self.number(j)?;
        if !(1..=31).contains(&d) || !matches!(self.ch(k), Some('日' | '号')) {
            return None;
        }
        Some((k + 1, Ymd { day: Some(d), ..a }))
    }

    /// A number at `i` (ASCII, full-width or Chinese numerals up to 99),
    /// not preceded by another digit.
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let c = self.ch(i)?;
        if let Some(mut v) = ascii_digit(c) {
            if self
                .prev(i)
                .is_some_and(|p| ascii_digit(p).is_some() || p == '.')
            {
                return None;
            }
            let mut k = i + 1;
            while let Some(d) = self.ch(k).and_then(ascii_digit) {
                v = v.saturating_mul(10).saturating_add(d);
                k += 1;
            }
            return Some((v, k));
        }
        if !is_cn_numeral(c)
            || self
                .prev(i)
                .is_some_and(|p| is_cn_numeral(p) || "第每几数".contains(p))
        {
            return None;
        }
        let mut k = i;
        while k < i + 3 && self.ch(k).is_some_and(is_cn_numeral) {
            k += 1;
        }
        let run: Vec<char> = (i..k).filter_map(|x| self.ch(x)).collect();
        let v = match run.as_slice() {
            ['十'] => 10,
            ['十', u] => 10 + cn_digit(*u)?,
            [t, '十'] => cn_digit(*t)? * 10,
            [t, '十', u] => cn_digit(*t)? * 10 + cn_digit(*u)?,
            [u] => cn_digit(*u)?,
            _ => return None,
        };
        Some((v, k))
    }

    /// A four-digit year before 年, in ASCII or Chinese digits.
    fn abs_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.prev(i).is_some_and(|p| ascii_digit(p).is_some()) {
            return None;
        }
        let mut y = 0;
        for k in i..i + 4 {
            let c = self.ch(k)?;
            let d =
                ascii_digit(c).or_else(|| CN_DIGITS.contains(c).then(|| cn_digit(c)).flatten())?;
            y = y * 10 + d as i32;
        }
        (self.ch(i + 4) == Some('年') && (1000..=2999).contains(&y)).then_some((y, i + 5))
    }

    fn date(&self, i: usize) -> Option<(usize, Ymd)> {
        self.relative_day(i)
            .or_else(|| self.weekday(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.composite(i))
            .or_else(|| self.bare_part(i))
            .or_else(|| self.day_only(i))
    }

    /// 昨天, 今日, 前天, 明天, 后天 ..., 昨 alone, and 稍早.
    fn relative_day(&self, i: usize) -> Option<(usize, Ymd)> {
        const WORDS: [(&str, i64); 13] = [
            ("大前天", -3),
            ("大后天", 3),
            ("昨天", -1),
            ("昨日", -1),
            ("前天", -2),
            ("前日", -2),
            ("今天", 0),
            ("今日", 0),
            ("明天", 1),
            ("明日", 1),
            ("后天", 2),
            ("当天", 0),
            ("当日", 0),
        ];
        if let Some(found) = self.day_in_brackets(i) {
            return Some(found);
        }
        // "院会昨通过": Taiwanese papers write yesterday as 昨 alone
        if self.at(i, "昨") && !self.at(i, "昨天") && !self.at(i, "昨日") {
            return Some((i + 1, Ymd::date(add_days(self.anchor, -1))));
        }
        // "财政部稍早宣布": earlier on the report's day (本月稍早 is the
        // month's, 稍早前 some time before)
        if self.at(i, "稍早")
            && !self.at(i, "稍早前")
            && !self.prev(i).is_some_and(|p| "月年周期天日".contains(p))
        {
            return Some((i + 2, Ymd::date(self.anchor)));
        }
        let (w, delta) = WORDS.iter().find(|(w, _)| self.at(i, w))?;
        if w.starts_with('当') {
            return None;
        }
        if self.at(i, "今日头条")
            || (w.starts_with('前') && self.prev(i).is_some_and(|p| "目提之以此当眼日".contains(p)))
        {
            return None;
        }
        Some((
            i + w.chars().count(),
            Ymd::date(add_days(self.anchor, *delta)),
        ))
    }

    /// "4月4日和9日": a day alone joined to a full date before it (by 和,
    /// 、, 及, 与) is a day of that date's month.
    fn coordinated_day(&self, i: usize, prev: Option<&Found>) -> Option<(usize, Ymd)> {
        let prev = prev.filter(|f| f.b.is_none() && f.a.day.is_some() && f.a.month.is_some())?;
        let between = self.text.get(prev.end..self.byte(i))?;
        if !["和", "、", "及", "与", "以及"].contains(&between) {
            return None;
        }
        let (d, k) = self.number(i).filter(|(d, _)| (1..=31).contains(d))?;
        if !matches!(self.ch(k)?, '日' | '号') {
            return None;
        }
        Some((
            k + 1,
            Ymd {
                day: Some(d),
                ..prev.a
            },
        ))
    }

    /// 今(18)日, 昨（17）日: Taiwanese papers name the day by its number
    /// between 今/昨/前/明 and 日; the number stands, nearest the anchor.
    fn day_in_brackets(&self, i: usize) -> Option<(usize, Ymd)> {
        if !matches!(self.ch(i)?, '今' | '昨' | '前' | '明')
            || !matches!(self.ch(i + 1)?, '(' | '（')
        {
            return None;
        }
        let (d, k) = self.number(i + 2)?;
        if !(1..=31).contains(&d)
            || !matches!(self.ch(k)?, ')' | '）')
            || !matches!(self.ch(k + 1)?, '日' | '天')
        {
            return None;
        }
        Some((k + 2, Ymd::date(nearest_day_of_month(self.anchor, d)?)))
    }

    /// 上周四, 本周二, 这周二, 下周一, 周四, 星期四, 礼拜天; 上周 alone is
    /// its week's month (when the week lies in one month).
    fn weekday(&self, i: usize) -> Option<(usize, Ymd)> {
        let (weeks, j) = match self.ch(i)? {
            '上' => (Some(-1), i + 1),
            '本' | '这' => (Some(0), i + 1),
            '下' => (Some(1), i + 1),
            _ => (None, i),
        };
        let j = if weeks.is_some() && self.ch(j) == Some('个') {
            j + 1
        } else {
            j
        };
        let k = self.any_at(j, &["周", "星期", "礼拜"])?;
        if let Some(w) = weeks.filter(|_| {
            !self
                .ch(k)
                .is_some_and(|c| "一二三四五六日天期年边围".contains(c))
        }) {
            // 上周 with no day: the week's month, when the week lies in one
            let monday = weekday_of_week(self.anchor, w, Weekday::Mon);
            let sunday = weekday_of_week(self.anchor, w, Weekday::Sun);
            return (monday.month() == sunday.month())
                .then(|| (k, Ymd::month(monday.year(), monday.month()).rel()));
        }
        let wd = match self.ch(k)? {
            '一' => Weekday::Mon,
            '二' => Weekday::Tue,
            '三' => Weekday::Wed,
            '四' => Weekday::Thu,
            '五' => Weekday::Fri,
            '六' => Weekday::Sat,
            '日' | '天' => Weekday::Sun,
            _ => return None,
        };
        let date = match weeks {
            Some(w) => weekday_of_week(self.anchor, w, wd),
            None => {
                if self.prev(i).is_some_and(|p| {
                    is_cn_numeral(p) || ascii_digit(p).is_some() || "每隔".contains(p)
                }) {
                    return None;
                }
                let lean = if self.looks_ahead(i, k + 1) {
                    Lean::FutureOrToday
                } else {
                    Lean::PastOrToday
                };
                weekday_near(self.anchor, wd, lean)
            }
        };
        Some((k + 1, Ymd::date(date)))
    }

    /// Whether the clause around `s..e` speaks of the future.
    fn looks_ahead(&self, s: usize, e: usize) -> bool {
        let mut b = s;
        while b > 0 && self.prev(b).is_some_and(|c| !CLAUSE_END.contains(c)) {
            b -= 1;
        }
        let before = &self.text[self.byte(b)..self.byte(s)];
        let cue_before = ["将于", "将在", "即将", "拟", "计划", "预计", "定于"]
            .iter()
            .any(|c| before.contains(c))
            || before.ends_with('将');
        let after_start = self.byte(e);
        let mut a = e;
        while self.ch(a).is_some_and(|c| !CLAUSE_END.contains(c)) {
            a += 1;
        }
        let after = &self.text[after_start..self.byte(a)];
        let cue_after =
            (after.starts_with('起') && !after.starts_with("起诉")) || after.contains("生效");
        cue_before || cue_after
    }

    /// [year] [month [day]] with suffixes: 2025年1月17日, 2025年1月,
    /// 2019年, 去年5月, 今年2月4日, 5月, 6月下旬, 本月3日, 上月底, 今年年底.
    fn composite(&self, i: usize) -> Option<(usize, Ymd)> {
        let ay = self.anchor.year();
        let (year, mut k) = match self.year_prefix(i) {
            Some((y, k)) => (Some(y), k),
            None => (None, i),
        };
        let mut month = None;
        if year.is_none() {
            if let Some(k2) =
                self.any_at(k, &["上个月", "上月", "本月", "这个月", "下个月", "下月"])
            {
                let off = match self.ch(k) {
                    Some('上') => -1,
                    Some('下') => 1,
                    _ => 0,
                };
                let (y, m) = shift_month(ay, self.anchor.month(), off);
                month = Some(Ymd::month(y, m).rel());
                k = k2;
            }
        }
        // 本(6)月10日, 上(5)月28日: Taiwanese official letters name "this
        // month" and "last month" by their number; the number stands, in
        // the anchor's year (last month's in the year before, across a
        // new year).
        if year.is_none() && month.is_none() && matches!(self.ch(k), Some('本' | '上')) {
            let last = self.ch(k) == Some('上');
            let open = matches!(self.ch(k + 1), Some('(' | '（'));
            if let Some((m, k2)) = self.number(k + 2).filter(|(m, k2)| {
                open && (1..=12).contains(m)
                    && matches!(self.ch(*k2), Some(')' | '）'))
                    && self.ch(*k2 + 1) == Some('月')
            }) {
                // 上(12)月 written in January is last year's
                let y = if last && m > self.anchor.month() {
                    ay - 1
                } else {
                    ay
                };
                month = Some(Ymd::month(y, m).rel());
                k = k2 + 2;
            }
        }
        if month.is_none() {
            if let Some((m, k2)) = self
                .number(k)
                .filter(|(m, k2)| (1..=12).contains(m) && self.ch(*k2) == Some('月'))
            {
                month = Some(match year {
                    Some(y) => Ymd {
                        month: Some(m),
                        ..y
                    },
                    None => Ymd::yearless(m, None),
                });
                k = k2 + 1;
                if self.ch(k) == Some('份') {
                    k += 1;
                }
            }
        }
        let Some(mut ymd) = month else {
            let y = year?;
            // 2023年第三季度, 2023年一季度: quarters are not dates.
            if self.at(k, "第") || self.at(k + 1, "季度") {
                return None;
            }
            return Some((
                self.any_at(k, &["年初", "年底", "年末", "初", "底", "末"])
                    .unwrap_or(k),
                y,
            ));
        };
        if let Some((d, k2)) = self
            .number(k)
            .filter(|(d, k2)| (1..=31).contains(d) && matches!(self.ch(*k2), Some('日' | '号')))
        {
            ymd.day = Some(d);
            return Some((k2 + 1, ymd));
        }
        let k = self
            .any_at(k, &["上旬", "中旬", "下旬", "初", "底", "末"])
            .unwrap_or(k);
        Some((k, ymd))
    }

    /// 2019年 or 去年/今年/明年/前年, and the index after it.
    fn year_prefix(&self, i: usize) -> Option<(Ymd, usize)> {
        if let Some((y, k)) = self.abs_year(i) {
            return Some((Ymd::year(y), k));
        }
        // 去(113)年, 今(2025)年: Taiwanese papers name the year by its
        // number (a Minguo one below 200); the number stands
        if matches!(self.ch(i), Some('去' | '今' | '前' | '明' | '本'))
            && matches!(self.ch(i + 1), Some('(' | '（'))
        {
            if let Some((n, k)) = self.number(i + 2).filter(|(n, k)| {
                (1..=2200).contains(n)
                    && matches!(self.ch(*k), Some(')' | '）'))
                    && self.ch(*k + 1) == Some('年')
            }) {
                let y = i32::try_from(minguo_year(n).unwrap_or(n)).ok()?;
                return Some((Ymd::year(y).rel(), k + 2));
            }
        }
        let k = self.any_at(i, &["去年", "今年", "明年", "前年"])?;
        let off = match self.ch(i) {
            Some('去') => -1,
            Some('明') => 1,
            Some('前') => -2,
            _ => 0,
        };
        Some((Ymd::year(self.anchor.year() + off).rel(), k))
    }

    /// [year] 1至3月, 1—9月: a span of months.
    fn month_range(&self, i: usize) -> Option<Parsed> {
        let (year, k) = match self.year_prefix(i) {
            Some((y, k)) => (Some(y), k),
            None => (None, i),
        };
        let (m1, k1) = self.number(k).filter(|(m, _)| (1..=12).contains(m))?;
        let j = self.any_at(k1, &["至", "到", "—", "－", "-", "～", "~", "–"])?;
        let (m2, k2) = self
            .number(j)
            .filter(|(m, k2)| *m > m1 && *m <= 12 && self.ch(*k2) == Some('月'))?;
        let month = |m: u32| match year {
            Some(y) => Ymd {
                month: Some(m),
                ..y
            },
            None => Ymd::yearless(m, None),
        };
        let end = if self.ch(k2 + 1) == Some('份') {
            k2 + 2
        } else {
            k2 + 1
        };
        Some((end, month(m1), Some(month(m2))))
    }

    /// 3天前, 两年前, 一周前, 3个月前: counted back from the anchor.
    fn ago(&self, i: usize) -> Option<(usize, Ymd)> {
        let (n, k) = self.number(i).filter(|(n, _)| (1..=99).contains(n))?;
        let (ay, am) = (self.anchor.year(), self.anchor.month());
        let (ymd, k2) = if let Some(k2) = self.any_at(k, &["天前"]) {
            (Ymd::date(add_days(self.anchor, -(n as i64))), k2)
        } else if let Some(k2) = self.any_at(k, &["周前", "个星期前", "星期前"]) {
            (Ymd::date(add_days(self.anchor, -7 * n as i64)), k2)
        } else if let Some(k2) = self.any_at(k, &["个月前"]) {
            let (y, m) = shift_month(ay, am, -(n as i32));
            (Ymd::month(y, m).rel(), k2)
        } else {
            let k2 = self.any_at(k, &["年前"])?;
            (Ymd::year(ay - n as i32).rel(), k2)
        };
        Some((k2, ymd))
    }

    /// 年初/年底 (the anchor's year) and 月初/月底 (the anchor's month) alone.
    fn bare_part(&self, i: usize) -> Option<(usize, Ymd)> {
        if self.prev(i).is_some_and(|p| {
            is_cn_numeral(p) || ascii_digit(p).is_some() || "个今去明本上下岁年".contains(p)
        }) {
            return None;
        }
        if let Some(k) = self.any_at(i, &["年初", "年底", "年末"]) {
            return Some((k, Ymd::year(self.anchor.year()).rel()));
        }
        let k = self.any_at(i, &["月初", "月底", "月末", "月中"])?;
        Some((k, Ymd::month(self.anchor.year(), self.anchor.month()).rel()))
    }

    /// "18日" with no month: the nearest 18th (this, last or next month);
    /// in numerals too ("美国八日宣布", "当地时间十二日").
    fn day_only(&self, i: usize) -> Option<(usize, Ymd)> {
        let numerals = self.ch(i).and_then(ascii_digit).is_none();
        if numerals && !self.ch(i).is_some_and(is_cn_numeral) {
            return None;
        }
        if self.prev(i).is_some_and(|p| "第每近数期满月号".contains(p)) {
            return None;
        }
        let (d, k) = self.number(i)?;
        if !(1..=31).contains(&d) || self.ch(k) != Some('日') {
            return None;
        }
        if self.any_at(k + 1, &["内", "以内", "之内"]).is_some() {
            return None;
        }
        if numerals && self.counts_days(i, k) {
            return None;
        }
        Some((k + 1, Ymd::date(nearest_day_of_month(self.anchor, d)?)))
    }

    /// Whether a day in numerals at `i..k` (before 日) counts days instead
    /// of naming one: 两日, 三日后, 七日内, 为期五日, 连续三日, 同一日, 一日游.
    fn counts_days(&self, i: usize, k: usize) -> bool {
        self.ch(i) == Some('两')
            || self
                .prev(i)
                .is_some_and(|p| "几这那同前后逐隔整半多朝某头首续达历共约有".contains(p))
            || self
                .ch(k + 1)
                .is_some_and(|n| "后前来间内夜游期制战".contains(n))
            || self
                .any_at(
                    k + 1,
                    &[
                        "以内", "以上", "以后", "以前", "以来", "之后", "之前", "之间",
                    ],
                )
                .is_some()
    }
}
