//! English date grammar over [`lex`](super::lex) tokens.
//!
//! Tense heuristic for weekdays: walking back from the weekday through the
//! sentence, the first cue decides. Future cues: will, shall, 'll,
//! scheduled, slated, due, set to, expected, plans/plan/planned to,
//! intends, is/are to, starting, effective, take(s)/come(s) effect/into
//! force, begins, upcoming, and "from" right before the weekday. Past cues:
//! said, was, were, had, did, took, came, began, went, told, and any word
//! of four letters or more ending in "-ed". No cue means past for a bare
//! weekday and future for "this Friday"; "last"/"past" and "next"/"coming"
//! decide by themselves and never mean the publication day.
//!
//! "May", "March" and "Mar" are months only when capitalised, and a month
//! name without a day or year needs a preposition before it ("in June");
//! a bare year needs one too ("in 2019", "since 2020", "2019's", "(2019)").
//! A span is "between A and B", "from A to B", "A–B" or "A to B".
//! Not covered: "the same day", "the following day" (they lean on another
//! date of the text, not on the publication day) and weeks ("last week").

use super::lex::{lex, Tk, Tok};
use super::resolve::{add_days, shift_month, weekday_near, weekday_of_week, Lean, Ymd};
use super::words::{can_start, month_index, weekday_of, Lower, CONTEXT};
use super::Found;
use chrono::{Datelike, NaiveDate};

/// What a year before it dates in "in a 2024 report": the document.
const DOCUMENTS: [&str; 8] = [
    "report",
    "statement",
    "letter",
    "filing",
    "speech",
    "testimony",
    "memorandum",
    "assessment",
];

/// The years a date next to a month or a day may have.
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2999;

/// A parsed expression over tokens `s..e`.
#[derive(Debug, Clone, Copy)]
struct Atom {
    s: usize,
    e: usize,
    a: Ymd,
    b: Option<Ymd>,
}

impl Atom {
    fn new(s: usize, e: usize, a: Ymd) -> Self {
        Atom { s, e, a, b: None }
    }
}

pub(crate) fn scan(text: &str, anchor: NaiveDate, out: &mut Vec<Found>) {
    let toks = lex(text);
    let p = Parser {
        text,
        toks: &toks,
        anchor,
    };
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < toks.len() {
        let relaxed = i >= 1
            && last_end == i - 1
            && (p.is_any(i - 1, &["and", "or"]) || p.punct(i - 1, b','));
        match p.expression(i, relaxed) {
            Some(at) => {
                out.push(Found {
                    start: toks[at.s].start,
                    end: toks[at.e - 1].end,
                    a: at.a,
                    b: at.b,
                });
                last_end = at.e;
                i = at.e;
            }
            None => i += 1,
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    anchor: NaiveDate,
}

impl Parser<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Tk::Word).then(|| &self.text[t.start..t.end])
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|x| ws.iter().any(|w| x.eq_ignore_ascii_case(w)))
    }
    fn punct(&self, i: usize, p: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Tk::Punct(p))
    }
    fn prev_is_any(&self, i: usize, ws: &[&str]) -> bool {
        i >= 1 && self.is_any(i - 1, ws)
    }
    /// A day of month 1–31 (ordinal allowed).
    fn day(&self, i: usize) -> Option<u32> {
        match self.toks.get(i)?.kind {
            Tk::Num {
                val,
                digits: 1..=2,
                plain: true,
                poss: false,
                ..
            } if (1..=31).contains(&val) => Some(val),
            _ => None,
        }
    }
    /// A four-digit year 1000–2999, and whether it carries a possessive.
    /// A year next to a month or a day is read as written ("July 2, 1890"
    /// is 1890, never a guessed year); see [`Self::bare_year`] for a year
    /// alone.
    fn year(&self, i: usize) -> Option<(i32, bool)> {
        match self.toks.get(i)?.kind {
            Tk::Num {
                val,
                digits: 4,
                ordinal: false,
                plain: true,
                poss,
            } if YEARS.contains(&val) => Some((val as i32, poss)),
            _ => None,
        }
    }
    /// A month name at `i`: its number and the index after it (and its dot).
    /// "May", "March" and "Mar" must be capitalised.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        let (m, abbrev) = month_index(w)?;
        let ambiguous = m == 5 || (m == 3 && (abbrev || w.len() == 5));
        if ambiguous && !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let next = if abbrev && self.punct(i + 1, b'.') {
            i + 2
        } else {
            i + 1
        };
        Some((m, next))
    }

    /// A span ("between A and B", "from A to B", "A–B", "A to B") or one
    /// expression at `i`.
    fn expression(&self, i: usize, relaxed: bool) -> Option<Atom> {
        if let Some(w) = self.word(i) {
            if !can_start(Lower::new(w).as_str()) {
                return None;
            }
        }
        if self.is_any(i, &["between", "from"]) {
            let a = self.atom(i + 1, true)?;
            let joiners: &[&str] = if self.is(i, "between") {
                &["and"]
            } else {
                &["to", "until", "till", "through"]
            };
            if self.is_any(a.e, joiners) || (self.is(i, "from") && self.punct(a.e, b'-')) {
                if let Some(sp) = self.span_with(a, a.e + 1) {
                    return Some(sp);
                }
            }
            return Some(a);
        }
        let a = self.atom(i, relaxed)?;
        if a.b.is_none() && (self.punct(a.e, b'-') || self.is_any(a.e, &["to", "until", "through"]))
        {
            if let Some(sp) = self.span_with(a, a.e + 1) {
                return Some(sp);
            }
        }
        Some(a)
    }

    fn span_with(&self, a: Atom, j: usize) -> Option<Atom> {
        let b = self.atom(j, true)?;
        if a.b.is_some() || b.b.is_some() {
            return None;
        }
        Some(Atom {
            s: a.s,
            e: b.e,
            a: a.a,
            b: Some(b.a),
        })
    }

    fn atom(&self, i: usize, relaxed: bool) -> Option<Atom> {
        match self.toks.get(i)?.kind {
            Tk::Iso { y, m, d } => return Some(Atom::new(i, i + 1, Ymd::day(y, m, d))),
            Tk::Num { .. } => {
                return self
                    .ago(i)
                    .or_else(|| self.day_first(i, i))
                    .or_else(|| self.bare_year(i, relaxed))
            }
            Tk::Punct(_) => return None,
            Tk::Word => {}
        }
        self.relative_day(i)
            .or_else(|| self.relative_period(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.modified(i))
            .or_else(|| self.related_month(i))
            .or_else(|| self.month_first(i, relaxed))
            .or_else(|| self.the_day_of(i))
            .or_else(|| self.ago(i))
    }

    /// "three days ago", "2 weeks ago", "a month ago", "two years ago".
    fn ago(&self, i: usize) -> Option<Atom> {
        const COUNTS: [&str; 14] = [
            "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve",
        ];
        let n = match self.toks.get(i)?.kind {
            Tk::Num {
                val,
                digits: 1..=2,
                ordinal: false,
                plain: true,
                poss: false,
            } => val,
            Tk::Word => {
                let w = self.word(i)?;
                let idx = COUNTS.iter().position(|c| w.eq_ignore_ascii_case(c))?;
                idx.saturating_sub(1).max(1) as u32
            }
            _ => return None,
        };
        if !self.is(i + 2, "ago") || n == 0 {
            return None;
        }
        let unit = Lower::new(self.word(i + 1)?);
        let (y, m) = (self.anchor.year(), self.anchor.month());
        let ymd = match unit.as_str().trim_end_matches('s') {
            "day" => Ymd::date(add_days(self.anchor, -(n as i64))),
            "week" => Ymd::date(add_days(self.anchor, -7 * n as i64)),
            "month" => {
                let (y2, m2) = shift_month(y, m, -(n as i32));
                Ymd::month(y2, m2).rel()
            }
            "year" => Ymd::year(y - n as i32).rel(),
            _ => return None,
        };
        Some(Atom::new(i, i + 3, ymd))
    }

    /// yesterday, today, tonight, tomorrow, the day before yesterday, the
    /// day after tomorrow.
    fn relative_day(&self, i: usize) -> Option<Atom> {
        if self.is(i, "the") && self.is(i + 1, "day") {
            let delta = match (self.word(i + 2)?, self.word(i + 3)?) {
                (b, y)
                    if b.eq_ignore_ascii_case("before") && y.eq_ignore_ascii_case("yesterday") =>
                {
                    -2
                }
                (a, t) if a.eq_ignore_ascii_case("after") && t.eq_ignore_ascii_case("tomorrow") => {
                    2
                }
                _ => return None,
            };
            return Some(Atom::new(i, i + 4, Ymd::date(add_days(self.anchor, delta))));
        }
        let delta = match Lower::new(self.word(i)?).as_str() {
            "yesterday" => -1,
            "today" | "tonight" => 0,
            "tomorrow" => 1,
            _ => return None,
        };
        if self.prev_is_any(i, &["USA"]) {
            return None;
        }
        Some(Atom::new(i, i + 1, Ymd::date(add_days(self.anchor, delta))))
    }

    /// this/last/next year, month or week.
    fn relative_period(&self, i: usize) -> Option<Atom> {
        let off = match Lower::new(self.word(i)?).as_str() {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        if self.prev_is_any(i, &["the"]) {
            return None;
        }
        let (y, m) = (self.anchor.year(), self.anchor.month());
        let ymd = if self.is(i + 1, "year") {
            Ymd::year(y + off).rel()
        } else if self.is(i + 1, "month") {
            let (y2, m2) = shift_month(y, m, off);
            Ymd::month(y2, m2).rel()
        } else if self.is(i + 1, "week") {
            // "last week": the week's month, when the week lies in one
            let monday = weekday_of_week(self.anchor, off.into(), chrono::Weekday::Mon);
            let sunday = weekday_of_week(self.anchor, off.into(), chrono::Weekday::Sun);
            if monday.month() != sunday.month() {
                return None;
            }
            Ymd::month(monday.year(), monday.month()).rel()
        } else {
            return None;
        };
        Some(Atom::new(i, i + 2, ymd))
    }

    /// Walks back from token `i` to the nearest tense cue: `Some(true)` for
    /// future, `Some(false)` for past, `None` when there is none.
    fn future_cue(&self, i: usize) -> Option<bool> {
        let span_follows =
            self.punct(i + 1, b'-') || self.is_any(i + 1, &["to", "until", "till", "through"]);
        if i >= 1 && self.is(i - 1, "from") && !span_follows {
            return Some(true);
        }
        for j in (0..i).rev() {
            if self.punct(j, b';') {
                return None;
            }
            let Some(w) = self.word(j) else { continue };
            let lower = Lower::new(w);
            let w = lower.as_str();
            let next = |k: usize, ws: &[&str]| self.is_any(j + k, ws);
            let future = match w {
                "will" | "shall" | "ll" | "scheduled" | "slated" | "due" | "expected"
                | "intends" | "upcoming" | "starting" | "effective" | "begins" => true,
                "set" | "plans" | "plan" | "planned" | "is" | "are" => next(1, &["to"]),
                "take" | "takes" | "taking" => next(1, &["effect"]),
                "come" | "comes" | "coming" => next(1, &["into", "in"]),
                _ => false,
            };
            if future {
                return Some(true);
            }
            let past = matches!(
                w,
                "said"
                    | "was"
                    | "were"
                    | "had"
                    | "did"
                    | "took"
                    | "came"
                    | "began"
                    | "went"
                    | "told"
            ) || (w.len() >= 4 && w.ends_with("ed"));
            if past {
                return Some(false);
            }
        }
        None
    }

    /// [last|next|this|past|coming] Monday [night], or "Monday, May 16".
    fn weekday(&self, i: usize) -> Option<Atom> {
        let w = Lower::new(self.word(i)?);
        let (lean, j) = match w.as_str() {
            "last" | "past" => (Some(Lean::Before), i + 1),
            "next" | "coming" => (Some(Lean::After), i + 1),
            "this" => (None, i + 1),
            _ => (None, i),
        };
        let wd = weekday_of(self.word(j)?)?;
        if j == i {
            if self.prev_is_any(i, &["black", "cyber", "good", "super", "ash"]) {
                return None;
            }
            let k = if self.punct(j + 1, b',') {
                j + 2
            } else {
                j + 1
            };
            if let Some(at) = self.month_first(k, false).or_else(|| self.day_first(k, k)) {
                if at.a.day.is_some() {
                    return Some(Atom { s: i, ..at });
                }
            }
        }
        let lean = lean.unwrap_or_else(|| match (j == i, self.future_cue(i)) {
            (_, Some(true)) | (false, None) => Lean::FutureOrToday,
            _ => Lean::PastOrToday,
        });
        let mut e = j + 1;
        if self.is_any(e, &["night", "morning", "afternoon", "evening"]) {
            e += 1;
        }
        Some(Atom::new(
            i,
            e,
            Ymd::date(weekday_near(self.anchor, wd, lean)),
        ))
    }

    /// early/mid/late/earlier/later, or [the] end/beginning/start/middle of,
    /// before a month, a year, this/last/next year or month, or a day word.
    fn modified(&self, i: usize) -> Option<Atom> {
        let w = Lower::new(self.word(i)?);
        let j = match w.as_str() {
            "early" | "earlier" | "late" | "later" => i + 1,
            "mid" => i + 1 + usize::from(self.punct(i + 1, b'-')),
            "the"
                if self.is_any(i + 1, &["end", "beginning", "start", "middle"])
                    && self.is(i + 2, "of") =>
            {
                i + 3
            }
            "end" | "beginning" | "start" | "middle" if self.is(i + 1, "of") => i + 2,
            _ => return None,
        };
        let inner = self
            .the_period(j)
            .or_else(|| self.relative_period(j))
            .or_else(|| self.relative_day(j))
            .or_else(|| self.related_month(j))
            .or_else(|| self.month_first(j, true))
            .or_else(|| self.bare_year(j, true))
            .or_else(|| {
                if matches!(w.as_str(), "early" | "late") {
                    self.weekday(j)
                } else {
                    None
                }
            })?;
        Some(Atom { s: i, ..inner })
    }

    /// "the year" / "the month" after a modifier ("by the end of the
    /// year"): the anchor's year or month.
    fn the_period(&self, i: usize) -> Option<Atom> {
        if !self.is(i, "the") {
            return None;
        }
        let ymd = if self.is(i + 1, "year") {
            Ymd::year(self.anchor.year())
        } else if self.is(i + 1, "month") {
            Ymd::month(self.anchor.year(), self.anchor.month())
        } else {
            return None;
        };
        Some(Atom::new(i, i + 2, ymd.rel()))
    }

    /// last/next/this June: the nearest such month strictly before or
    /// after the anchor's month, or the anchor's year.
    fn related_month(&self, i: usize) -> Option<Atom> {
        let w = Lower::new(self.word(i)?);
        let (m, e) = self.month(i + 1)?;
        let (ay, am) = (self.anchor.year(), self.anchor.month());
        let y = match w.as_str() {
            "last" | "past" => {
                if m < am {
                    ay
                } else {
                    ay - 1
                }
            }
            "next" | "coming" => {
                if m > am {
                    ay
                } else {
                    ay + 1
                }
            }
            "this" => ay,
            _ => return None,
        };
        if self.day(e).is_some() {
            return None;
        }
        Some(Atom::new(i, e, Ymd::month(y, m).rel()))
    }

    /// An optional year after a date: ", 2019", " 2019", "of 2019" (the
    /// last only when `of_ok`), "this/last/next year", "of this year".
    fn trailing_year(&self, k: usize, of_ok: bool) -> Option<(Ymd, usize)> {
        if let Some((y, _)) = self.year(k) {
            return Some((Ymd::year(y), k + 1));
        }
        if self.punct(k, b',') {
            if let Some((y, _)) = self.year(k + 1) {
                return Some((Ymd::year(y), k + 2));
            }
        }
        let k2 = if self.is(k, "of") { k + 1 } else { k };
        if k2 > k && !of_ok {
            return None;
        }
        if let Some((y, _)) = self.year(k2).filter(|_| k2 > k) {
            return Some((Ymd::year(y), k2 + 1));
        }
        let off = match Lower::new(self.word(k2)?).as_str() {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        self.is(k2 + 1, "year")
            .then(|| (Ymd::year(self.anchor.year() + off).rel(), k2 + 2))
    }

    /// June 10, June 10th, 2019, Sept. 5, May 16-17, June 2019, January of
    /// this year, and (with context) a bare month.
    fn month_first(&self, i: usize, relaxed: bool) -> Option<Atom> {
        let (m, j) = self.month(i)?;
        if let Some(d) = self.day(j) {
            let mut k = j + 1;
            let mut d2 = None;
            if self.punct(k, b'-') {
                if let Some(x) = self.day(k + 1).filter(|x| *x > d) {
                    d2 = Some(x);
                    k += 2;
                }
            }
            let (year, e) = match self
                .trailing_year(k, true)
                .or_else(|| self.trailing_year(self.after_legislative_day(k)?, true))
            {
                Some((y, e)) => (Some(y), e),
                None => (None, k),
            };
            let mk = |day: u32| match year {
                Some(y) => Ymd {
                    month: Some(m),
                    day: Some(day),
                    ..y
                },
                None => Ymd::yearless(m, Some(day)),
            };
            return Some(Atom {
                s: i,
                e,
                a: mk(d),
                b: d2.map(mk),
            });
        }
        if let Some((y, e)) = self.trailing_year(j, true) {
            return Some(Atom::new(
                i,
                e,
                Ymd {
                    month: Some(m),
                    ..y
                },
            ));
        }
        (relaxed || self.prev_is_any(i, &CONTEXT)).then(|| Atom::new(i, j, Ymd::yearless(m, None)))
    }

    /// "January 19 (legislative day, January 18), 2022": a Senate bill's
    /// calendar day, with the legislative day that the Senate's sitting
    /// still counts in brackets before the year. The token after the
    /// closing bracket, when `k` opens such an aside.
    fn after_legislative_day(&self, k: usize) -> Option<usize> {
        if !(self.punct(k, b'(') && self.is(k + 1, "legislative") && self.is(k + 2, "day")) {
            return None;
        }
        (k + 3..k + 12)
            .find(|&j| self.punct(j, b')'))
            .map(|j| j + 1)
    }

    /// 16 May 2019, 7 October, 16-17 May; `s` is where the atom starts.
    fn day_first(&self, s: usize, i: usize) -> Option<Atom> {
        let d = self.day(i)?;
        let (d2, mut k) = match self.day(i + 2) {
            Some(x) if self.punct(i + 1, b'-') && x > d && self.month(i + 3).is_some() => {
                (Some(x), i + 3)
            }
            _ => (None, i + 1),
        };
        if self.is(k, "of") && self.is(s, "the") {
            k += 1;
        }
        let (m, j) = self.month(k)?;
        let (year, e) = match self.trailing_year(j, false) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        let mk = |day: u32| match year {
            Some(y) => Ymd {
                month: Some(m),
                day: Some(day),
                ..y
            },
            None => Ymd::yearless(m, Some(day)),
        };
        Some(Atom {
            s,
            e,
            a: mk(d),
            b: d2.map(mk),
        })
    }

    /// "the 16th of May".
    fn the_day_of(&self, i: usize) -> Option<Atom> {
        if !self.is(i, "the") {
            return None;
        }
        self.day_first(i, i + 1)
    }

    /// A year alone: in/since/by/... 2019, 2019's, (2019).
    fn bare_year(&self, i: usize, relaxed: bool) -> Option<Atom> {
        let (y, poss) = self.year(i)?;
        // a number alone ("in 1500 cases") is taken for a year only when
        // it looks like a modern one
        if !(1900..=2099).contains(&y) {
            return None;
        }
        // "the third quarter of 2023" is a quarter, not a year.
        if i >= 2 && self.is(i - 1, "of") && self.is_any(i - 2, &["quarter", "half"]) {
            return None;
        }
        let parens = i >= 1
            && self.punct(i - 1, b'(')
            && self.punct(i + 1, b')')
            && (1990..=2039).contains(&y);
        // "in a 2024 report", "in its 2019 annual report": the year of
        // the document that says what the sentence reports.
        let document = i >= 2
            && self.is(i - 2, "in")
            && self.prev_is_any(i, &["a", "an", "its", "their", "his", "her", "the"])
            && (self.is_any(i + 1, &DOCUMENTS)
                || (self.is(i + 1, "annual") && self.is(i + 2, "report")));
        let ctx = relaxed
            || self.prev_is_any(i, &CONTEXT)
            || parens
            || document
            || (poss && !self.prev_is_any(i, &["the"]));
        ctx.then(|| Atom::new(i, i + 1, Ymd::year(y)))
    }
}
