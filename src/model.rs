//! The values that flow between pipeline stages: articles, partial dates,
//! mentions and events. Every stage speaks these types, so they live apart
//! from any one stage and carry no I/O.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kinds of event of `eval/SCHEMA.md`, plus `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Ban,
    Lawsuit,
    Ruling,
    Listing,
    Delisting,
    Sanction,
    ExportControl,
    Tariff,
    Investigation,
    Accusation,
    Legislation,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Ban,
        Kind::Lawsuit,
        Kind::Ruling,
        Kind::Listing,
        Kind::Delisting,
        Kind::Sanction,
        Kind::ExportControl,
        Kind::Tariff,
        Kind::Investigation,
        Kind::Accusation,
        Kind::Legislation,
        Kind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Ban => "ban",
            Kind::Lawsuit => "lawsuit",
            Kind::Ruling => "ruling",
            Kind::Listing => "listing",
            Kind::Delisting => "delisting",
            Kind::Sanction => "sanction",
            Kind::ExportControl => "export_control",
            Kind::Tariff => "tariff",
            Kind::Investigation => "investigation",
            Kind::Accusation => "accusation",
            Kind::Legislation => "legislation",
            Kind::Other => "other",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind '{s}' (one of: {})", names.join(", "))
            })
    }
}

/// An ISO partial date: a year, a month of a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }
    /// The same month, or month and day, in another year; `None` for a
    /// bare year or a day the other year lacks (29 February).
    pub fn with_year(&self, year: i32) -> Option<Self> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => PartialDate::day(year, m, d),
            (Some(m), None) => PartialDate::month(year, m),
            (None, _) => None,
        }
    }
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }
    pub fn from_naive(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
    /// The day this date names, when it names one.
    pub fn as_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
    /// 1 for a year, 2 for a month, 3 for a day.
    pub fn precision(&self) -> u8 {
        match (self.month, self.day) {
            (None, _) => 1,
            (Some(_), None) => 2,
            (Some(_), Some(_)) => 3,
        }
    }
    /// The first day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }
    /// The last day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MAX)
            }
            (Some(m), None) => {
                let (y, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }
    /// True when `other` lies within the days this date covers (a month
    /// contains its days, a year its months).
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }
    /// True when one of the two contains the other.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        self.contains(other) || other.contains(self)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::year(num(y, 4)? as i32)),
            [y, m] => PartialDate::month(num(y, 4)? as i32, num(m, 2)?).ok_or_else(bad),
            [y, m, d] => {
                PartialDate::day(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date or a stated span ("between April 22 and June 5").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

impl DateSpan {
    pub fn at(start: PartialDate) -> Self {
        DateSpan { start, end: None }
    }
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// A date and an optional last day as typed (an empty end is none).
    /// The error says which of the two is wrong: `(true, _)` for the end.
    pub fn parse(date: &str, end: Option<&str>) -> Result<DateSpan, (bool, String)> {
        let start: PartialDate = date.parse().map_err(|e| (false, e))?;
        let end: Option<PartialDate> = end
            .filter(|e| !e.trim().is_empty())
            .map(|e| e.parse())
            .transpose()
            .map_err(|e| (true, e))?;
        if let Some(end) = end {
            if end.last_day() < start.first_day() {
                return Err((true, format!("{end} is before {start}")));
            }
        }
        Ok(DateSpan { start, end })
    }
}

/// One article, as every source (feed item, page, file) delivers it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The link the article was found under.
    pub url: String,
    /// `<link rel=canonical>` or the feed's permalink, when known.
    pub canonical_url: Option<String>,
    /// The feed's item id (guid, Atom id), when known.
    pub guid: Option<String>,
    pub outlet: String,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    /// `en`, `zh`, or another BCP 47 primary tag; empty when unknown.
    pub lang: String,
    /// Clean story text, paragraphs separated by a blank line.
    pub text: String,
    /// The feed the article came from, when it came from one.
    pub feed_url: Option<String>,
}

impl Article {
    /// The url that identifies the article to users and scorers.
    pub fn best_url(&self) -> &str {
        self.canonical_url.as_deref().unwrap_or(&self.url)
    }
}

/// One sentence's event, as the extractor finds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub kind: Kind,
    pub span: DateSpan,
    /// Canonical entity names of who acted.
    pub actors: Vec<String>,
    /// Canonical entity names of who had it done to them.
    pub targets: Vec<String>,
    /// The sentence (or clause) the event was read from.
    pub evidence: String,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// 0..1, how sure the extractor is.
    pub confidence: f32,
    /// Cue phrases that tie this event to another ("in response to").
    #[serde(default)]
    pub cues: Vec<String>,
}

/// A mention together with the article it came from, as the timeline
/// stage receives it from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRecord {
    pub id: i64,
    pub article_id: i64,
    pub url: String,
    pub outlet: String,
    pub article_title: String,
    pub published: Option<DateTime<FixedOffset>>,
    pub lang: String,
    pub mention: Mention,
}

/// The analyst's view of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Auto,
    Confirmed,
    Rejected,
    Manual,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Auto => "auto",
            Status::Confirmed => "confirmed",
            Status::Rejected => "rejected",
            Status::Manual => "manual",
        }
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Status::Auto),
            "confirmed" => Ok(Status::Confirmed),
            "rejected" => Ok(Status::Rejected),
            "manual" => Ok(Status::Manual),
            _ => Err(format!(
                "unknown status '{s}' (auto, confirmed, rejected or manual)"
            )),
        }
    }
}

/// One article's report of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The mention this source came from (0 for hand-made sources).
    #[serde(skip)]
    pub mention_id: i64,
    pub url: String,
    pub outlet: String,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    pub evidence: String,
    /// This source's own reading of the date, when it disagrees with the event's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateSpan>,
}

/// One real-world incident, merged from the mentions that report it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Derived from what the event is, stable across machines and re-runs.
    pub id: String,
    pub kind: Kind,
    pub span: DateSpan,
    pub title: String,
    pub actors: Vec<String>,
    pub targets: Vec<String>,
    pub status: Status,
    pub note: Option<String>,
    pub sources: Vec<Source>,
    /// Ids of linked events.
    pub related: Vec<String>,
    /// True when the sources disagree on the date.
    pub date_conflict: bool,
    /// The fields the analyst corrected (`event edit`), in
    /// [`EditField::ALL`] order; empty when none.
    pub edited: Vec<EditField>,
}

/// What the analyst decided about an event. The store persists decisions
/// (as their names); the timeline replays them over every rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionAction {
    Confirm,
    Reject,
    /// Clear a confirm or reject.
    Reset,
    Note,
    /// Merge `arg` (another event id) into the event.
    Merge,
    /// Split the source with url `arg` out of the event.
    Split,
    /// A hand-made event; `arg` is its JSON.
    Add,
    /// Correct fields of the event; `arg` is an [`EventEdit`] as JSON.
    Edit,
    /// Drop every edit of the event: it shows what its sources say again.
    Revert,
    /// Cancel the decision whose id is `arg`, as if it was never taken.
    Undo,
}

impl DecisionAction {
    pub const ALL: [DecisionAction; 10] = [
        DecisionAction::Confirm,
        DecisionAction::Reject,
        DecisionAction::Reset,
        DecisionAction::Note,
        DecisionAction::Merge,
        DecisionAction::Split,
        DecisionAction::Add,
        DecisionAction::Edit,
        DecisionAction::Revert,
        DecisionAction::Undo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionAction::Confirm => "confirm",
            DecisionAction::Reject => "reject",
            DecisionAction::Reset => "reset",
            DecisionAction::Note => "note",
            DecisionAction::Merge => "merge",
            DecisionAction::Split => "split",
            DecisionAction::Add => "add",
            DecisionAction::Edit => "edit",
            DecisionAction::Revert => "revert",
            DecisionAction::Undo => "undo",
        }
    }
}

impl FromStr for DecisionAction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        DecisionAction::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown decision '{s}'"))
    }
}

/// One decision, in the order it was taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: i64,
    pub at: String,
    pub action: DecisionAction,
    pub event_id: String,
    pub arg: Option<String>,
}

/// The fields of an event the analyst can correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EditField {
    Date,
    Kind,
    Actors,
    Targets,
    Title,
}

impl EditField {
    pub const ALL: [EditField; 5] = [
        EditField::Date,
        EditField::Kind,
        EditField::Actors,
        EditField::Targets,
        EditField::Title,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EditField::Date => "date",
            EditField::Kind => "kind",
            EditField::Actors => "actors",
            EditField::Targets => "targets",
            EditField::Title => "title",
        }
    }
}

impl FromStr for EditField {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        EditField::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == s.trim())
            .ok_or_else(|| format!("unknown field '{s}'"))
    }
}

/// A correction of an event: each field set replaces what the sources
/// say. Edits of one event add up, a later one winning field by field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<DateSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actors: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl EventEdit {
    /// The fields this edit sets, in [`EditField::ALL`] order.
    pub fn fields(&self) -> Vec<EditField> {
        let mut out = Vec::new();
        if self.span.is_some() {
            out.push(EditField::Date);
        }
        if self.kind.is_some() {
            out.push(EditField::Kind);
        }
        if self.actors.is_some() {
            out.push(EditField::Actors);
        }
        if self.targets.is_some() {
            out.push(EditField::Targets);
        }
        if self.title.is_some() {
            out.push(EditField::Title);
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.fields().is_empty()
    }

    /// `later` on top of this one, field by field.
    pub fn then(&mut self, later: EventEdit) {
        if later.span.is_some() {
            self.span = later.span;
        }
        if later.kind.is_some() {
            self.kind = later.kind;
        }
        if later.actors.is_some() {
            self.actors = later.actors;
        }
        if later.targets.is_some() {
            self.targets = later.targets;
        }
        if later.title.is_some() {
            self.title = later.title;
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// Reads an `edit` decision's payload; `None` when it is not one.
    pub fn from_json(s: &str) -> Option<EventEdit> {
        serde_json::from_str(s).ok()
    }

    /// Only what differs from `e`: saving a form unchanged records nothing.
    pub fn changes_to(mut self, e: &Event) -> EventEdit {
        if self.span == Some(e.span) {
            self.span = None;
        }
        if self.kind == Some(e.kind) {
            self.kind = None;
        }
        if self.actors.as_ref() == Some(&e.actors) {
            self.actors = None;
        }
        if self.targets.as_ref() == Some(&e.targets) {
            self.targets = None;
        }
        if self.title.as_deref() == Some(e.title.as_str()) {
            self.title = None;
        }
        self
    }
}

/// A comma-separated list of names, trimmed, empty ones dropped.
pub fn name_list(s: &str) -> Vec<String> {
    s.split([',', '，', '、'])
        .map(|n| crate::text::clean_line(n).trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// An event of one source, for tests: automatic, unlinked, unedited, with
/// no actors or targets (set them with struct update syntax).
#[cfg(test)]
impl Event {
    pub(crate) fn one_source(
        id: &str,
        kind: Kind,
        span: DateSpan,
        title: &str,
        url: &str,
    ) -> Event {
        Event {
            id: id.into(),
            kind,
            span,
            title: title.into(),
            actors: vec![],
            targets: vec![],
            status: Status::Auto,
            note: None,
            sources: vec![Source {
                mention_id: 0,
                url: url.into(),
                outlet: "X".into(),
                title: "t".into(),
                published: None,
                evidence: "e".into(),
                date: None,
            }],
            related: vec![],
            date_conflict: false,
            edited: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip_and_nest() {
        for s in ["2026", "2026-06", "2026-06-24"] {
            assert_eq!(
                s.parse::<PartialDate>().map(|d| d.to_string()),
                Ok(s.to_string())
            );
        }
        let june: PartialDate = "2026-06".parse().unwrap_or(PartialDate::year(0));
        let day: PartialDate = "2026-06-24".parse().unwrap_or(PartialDate::year(0));
        assert!(june.contains(&day));
        assert!(!day.contains(&june));
        assert!(day.compatible(&june));
        assert_eq!(june.last_day().to_string(), "2026-06-30");
        assert!("2026-02-30".parse::<PartialDate>().is_err());
        assert!("26-02".parse::<PartialDate>().is_err());
    }

    #[test]
    fn kinds_parse_from_their_names() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        assert_eq!("export-control".parse::<Kind>(), Ok(Kind::ExportControl));
        assert!("war".parse::<Kind>().is_err());
    }
}
