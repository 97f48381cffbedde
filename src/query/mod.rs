//! The one query language, parsed by one pure function for the CLI's
//! `events` and `search` and the TUI's `/` alike: free words and "quoted
//! phrases" go to the full-text index, and filters narrow the result:
//! `kind:lawsuit,ban entity:alibaba since:2025-06 until:2026 lang:zh
//! source:reuters status:confirmed`. A malformed filter never fails the
//! parse: it is left out and reported as a [`Problem`], so the TUI keeps
//! narrowing while the user types and shows a hint, while the CLI refuses
//! the query with the same one-line message. The CLI's flags (`--kind`,
//! `--entity`, …) go through [`apply`], the same value parser.

mod filter;

pub use filter::{EventFilter, NewFilter};

use crate::model::PartialDate;

/// The filter names the parser knows, for hints and the help overlay.
pub const FILTERS: &[&str] = &[
    "kind", "entity", "since", "until", "lang", "source", "status", "new", "feed",
];

/// Short spellings accepted for filter names.
const ALIASES: &[(&str, &str)] = &[("e", "entity"), ("src", "source")];

/// Something wrong with a query, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    /// True when a filter was left out (a bad value); false when the query
    /// still means what was typed (an unknown `key:` searched as text).
    pub dropped: bool,
}

/// A parsed query. `filter.entities` holds names as typed; the caller
/// resolves them to canonical names through the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub filter: EventFilter,
    /// What was wrong with the query, if anything, as one line (the first
    /// of `problems`).
    pub hint: Option<String>,
    /// Everything that was wrong, in the order typed.
    pub problems: Vec<Problem>,
}

impl Query {
    /// The first problem that dropped a filter, for callers that refuse a
    /// malformed query rather than run what is left of it.
    pub fn error(&self) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.dropped)
            .map(|p| p.message.as_str())
    }
}

/// Splits the input into words, keeping `"quoted phrases"` (also after a
/// `key:`) together. An unclosed quote runs to the end.
fn words(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in input.chars() {
        if c == '"' {
            quoted = !quoted;
            cur.push(c);
        } else if c.is_whitespace() && !quoted {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn unquote(s: &str) -> String {
    s.trim_matches('"').trim().to_string()
}

/// The canonical filter name for `key` (any case, short spellings
/// accepted), if it is one.
pub fn filter_name(key: &str) -> Option<&'static str> {
    let key = key.to_ascii_lowercase();
    FILTERS
        .iter()
        .copied()
        .find(|f| *f == key)
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == key).map(|(_, f)| *f))
}

/// Adds each part of a comma list that parses and is not there yet; the
/// first part that does not parse is kept as the error.
fn add_each<T>(value: &str, into: &mut Vec<T>, first_error: &mut Option<String>)
where
    T: std::str::FromStr<Err = String> + PartialEq,
{
    for part in value.split(',').filter(|p| !p.trim().is_empty()) {
        match part.parse::<T>() {
            Ok(v) if !into.contains(&v) => into.push(v),
            Ok(_) => {}
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
}

/// Adds one `key:value` to a filter: the value parser behind both the
/// query line and the CLI's flags. `key` must be one of [`FILTERS`] (or a
/// short spelling). On error nothing is added, except the good parts of a
/// comma list (`kind:ban,war` keeps `ban`); the message is one line.
pub fn apply(f: &mut EventFilter, key: &str, value: &str) -> Result<(), String> {
    let Some(key) = filter_name(key) else {
        return Err(format!("'{key}:' is not a filter ({})", FILTERS.join(", ")));
    };
    let value = value.trim();
    if value.is_empty() {
        return Err(format!("{key}: needs a value{}", example(key)));
    }
    let mut first_error: Option<String> = None;
    match key {
        "kind" => add_each(value, &mut f.kinds, &mut first_error),
        "status" => add_each(value, &mut f.statuses, &mut first_error),
        "entity" => {
            if !f.entities.iter().any(|e| e == value) {
                f.entities.push(value.to_string());
            }
        }
        "since" | "until" => match value.parse::<PartialDate>() {
            Ok(d) if key == "since" => f.since = Some(d),
            Ok(d) => f.until = Some(d),
            Err(e) => first_error = Some(format!("{key}: {e}")),
        },
        "lang" => {
            let l = value.to_ascii_lowercase();
            if (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()) {
                f.lang = Some(l);
            } else {
                first_error = Some(format!("lang: '{value}' is not a language code (en, zh)"));
            }
        }
        "new" => match parse_new(value) {
            Ok(n) => f.new = Some(n),
            Err(e) => first_error = Some(e),
        },
        "feed" => f.feed = Some(value.to_string()),
        _ => f.source = Some(value.to_string()),
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Parses a query line. Pure: no store, no clock.
pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    let mut text: Vec<String> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for word in words(input) {
        let Some((key, value)) = word.split_once(':').filter(|(k, _)| {
            !k.is_empty() && !k.starts_with('"') && k.chars().all(|c| c.is_ascii_alphabetic())
        }) else {
            text.push(word);
            continue;
        };
        if filter_name(key).is_none() {
            problems.push(Problem {
                message: format!(
                    "'{}:' is not a filter ({}); searched as text",
                    key.to_ascii_lowercase(),
                    FILTERS.join(", ")
                ),
                dropped: false,
            });
            text.push(word);
            continue;
        }
        if let Err(message) = apply(&mut q.filter, key, &unquote(value)) {
            problems.push(Problem {
                message,
                dropped: true,
            });
        }
    }
    if let Some(p) = range_problem(&q.filter) {
        problems.push(p);
    }
    let joined = text.join(" ");
    // the store's own check, so the search line, `events` and `search`
    // refuse the same texts with the same words
    if !joined.trim().is_empty() {
        match crate::store::cjk::check_text(&joined) {
            Ok(()) => q.filter.text = Some(joined),
            Err(message) => problems.push(Problem {
                message,
                dropped: true,
            }),
        }
    }
    q.hint = problems.first().map(|p| p.message.clone());
    q.problems = problems;
    q
}

/// A since after the until: nothing can match (reported, not dropped).
pub fn range_problem(f: &EventFilter) -> Option<Problem> {
    let (s, u) = (f.since?, f.until?);
    (s.first_day() > u.last_day()).then(|| Problem {
        message: format!("since:{s} is after until:{u}; nothing can match"),
        dropped: false,
    })
}

/// The value of `new:`: `yes` (not seen yet), `last` (since the last
/// refresh) or a day (first seen on or after it, UTC).
pub fn parse_new(value: &str) -> Result<NewFilter, String> {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "unseen" | "true" => Ok(NewFilter::Unseen),
        "last" => Ok(NewFilter::LastRefresh),
        v => match v.parse::<PartialDate>() {
            Ok(d) => Ok(NewFilter::Since(d.first_day().to_string())),
            Err(_) => Err(format!(
                "new: '{value}' is not yes, last or a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            )),
        },
    }
}

fn example(key: &str) -> &'static str {
    match key {
        "kind" => " (ban, lawsuit, ruling, listing, sanction, export_control, …)",
        "since" | "until" => " (YYYY, YYYY-MM or YYYY-MM-DD)",
        "lang" => " (en, zh)",
        "status" => " (auto, confirmed, rejected, manual)",
        "entity" => " (a name in either language, e.g. alibaba or 华为)",
        "new" => " (yes, last, or a date: YYYY, YYYY-MM or YYYY-MM-DD)",
        "feed" => " (a feed's url, as in feeds.toml)",
        _ => " (part of an outlet's name or url)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Status};

    fn date(s: &str) -> Option<PartialDate> {
        s.parse().ok()
    }

    /// One row of the table: input, then what the filter must hold.
    struct Case {
        input: &'static str,
        text: Option<&'static str>,
        kinds: &'static [Kind],
        entities: &'static [&'static str],
        since: Option<&'static str>,
        until: Option<&'static str>,
        lang: Option<&'static str>,
        source: Option<&'static str>,
        statuses: &'static [Status],
        hint: Option<&'static str>,
    }

    const NONE: Case = Case {
        input: "",
        text: None,
        kinds: &[],
        entities: &[],
        since: None,
        until: None,
        lang: None,
        source: None,
        statuses: &[],
        hint: None,
    };

    fn cases() -> Vec<Case> {
        vec![
            Case { input: "", ..NONE },
            Case { input: "   ", ..NONE },
            Case { input: "Alibaba", text: Some("Alibaba"), ..NONE },
            Case { input: "  Alibaba   sues ", text: Some("Alibaba sues"), ..NONE },
            Case { input: "\"entity list\"", text: Some("\"entity list\""), ..NONE },
            Case { input: "华为", text: Some("华为"), ..NONE },
            Case { input: "华为 制裁", text: Some("华为 制裁"), ..NONE },
            Case { input: "kind:lawsuit", kinds: &[Kind::Lawsuit], ..NONE },
            Case { input: "KIND:Lawsuit", kinds: &[Kind::Lawsuit], ..NONE },
            Case { input: "kind:lawsuit,ban", kinds: &[Kind::Lawsuit, Kind::Ban], ..NONE },
            Case { input: "kind:ban kind:ban", kinds: &[Kind::Ban], ..NONE },
            Case { input: "kind:export-control", kinds: &[Kind::ExportControl], ..NONE },
            Case { input: "kind:war", hint: Some("unknown kind 'war' (one of: ban, lawsuit, ruling, listing, delisting, sanction, export_control, tariff, investigation, accusation, legislation, other)"), ..NONE },
            Case { input: "kind:", hint: Some("kind: needs a value (ban, lawsuit, ruling, listing, sanction, export_control, …)"), ..NONE },
            Case { input: "kind:ban,war", kinds: &[Kind::Ban], hint: Some("unknown kind 'war' (one of: ban, lawsuit, ruling, listing, delisting, sanction, export_control, tariff, investigation, accusation, legislation, other)"), ..NONE },
            Case { input: "entity:alibaba", entities: &["alibaba"], ..NONE },
            Case { input: "e:华为", entities: &["华为"], ..NONE },
            Case { input: "entity:\"Department of Defense\"", entities: &["Department of Defense"], ..NONE },
            Case { input: "entity:\"Department of", entities: &["Department of"], ..NONE },
            Case { input: "entity:a entity:b", entities: &["a", "b"], ..NONE },
            Case { input: "since:2025-06", since: Some("2025-06"), ..NONE },
            Case { input: "until:2026", until: Some("2026"), ..NONE },
            Case { input: "since:2025-06-01 until:2026-01-31", since: Some("2025-06-01"), until: Some("2026-01-31"), ..NONE },
            Case { input: "since:2025-13", hint: Some("since: '2025-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), ..NONE },
            Case { input: "since:20", hint: Some("since: '20' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), ..NONE },
            Case { input: "until:yesterday", hint: Some("until: 'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), ..NONE },
            Case { input: "since:2026 until:2025", since: Some("2026"), until: Some("2025"), hint: Some("since:2026 is after until:2025; nothing can match"), ..NONE },
            Case { input: "since:", hint: Some("since: needs a value (YYYY, YYYY-MM or YYYY-MM-DD)"), ..NONE },
            Case { input: "lang:zh", lang: Some("zh"), ..NONE },
            Case { input: "lang:EN", lang: Some("en"), ..NONE },
            Case { input: "lang:chinese", hint: Some("lang: 'chinese' is not a language code (en, zh)"), ..NONE },
            Case { input: "source:reuters", source: Some("reuters"), ..NONE },
            Case { input: "src:\"South China\"", source: Some("South China"), ..NONE },
            Case { input: "status:confirmed", statuses: &[Status::Confirmed], ..NONE },
            Case { input: "status:confirmed,manual", statuses: &[Status::Confirmed, Status::Manual], ..NONE },
            Case { input: "status:done", hint: Some("unknown status 'done' (auto, confirmed, rejected or manual)"), ..NONE },
            Case { input: "foo:bar", text: Some("foo:bar"), hint: Some("'foo:' is not a filter (kind, entity, since, until, lang, source, status, new, feed); searched as text"), ..NONE },
            Case { input: "https://example.org/x", text: Some("https://example.org/x"), hint: Some("'https:' is not a filter (kind, entity, since, until, lang, source, status, new, feed); searched as text"), ..NONE },
            Case { input: "10:30", text: Some("10:30"), ..NONE },
            Case { input: ":alone", text: Some(":alone"), ..NONE },
            Case { input: "\"a:b\"", text: Some("\"a:b\""), ..NONE },
            Case { input: "--- !!", hint: Some("nothing to search for in '--- !!'"), ..NONE },
            Case { input: ":", hint: Some("nothing to search for in ':'"), ..NONE },
            Case {
                input: "kind:lawsuit entity:alibaba since:2025-06 until:2026 lang:zh source:NAME status:confirmed 起诉",
                text: Some("起诉"),
                kinds: &[Kind::Lawsuit],
                entities: &["alibaba"],
                since: Some("2025-06"),
                until: Some("2026"),
                lang: Some("zh"),
                source: Some("NAME"),
                statuses: &[Status::Confirmed],
                ..NONE
            },
            Case { input: "Alibaba kind:lawsuit sues", text: Some("Alibaba sues"), kinds: &[Kind::Lawsuit], ..NONE },
            Case { input: "kind:ruling \"Entity List\" since:2019", text: Some("\"Entity List\""), kinds: &[Kind::Ruling], since: Some("2019"), ..NONE },
        ]
    }

    #[test]
    fn query_table() {
        for c in cases() {
            let q = parse(c.input);
            let f = &q.filter;
            let ctx = c.input;
            assert_eq!(f.text.as_deref(), c.text, "text of {ctx:?}");
            assert_eq!(f.kinds, c.kinds, "kinds of {ctx:?}");
            let ents: Vec<&str> = f.entities.iter().map(String::as_str).collect();
            assert_eq!(ents, c.entities, "entities of {ctx:?}");
            assert_eq!(f.since, c.since.and_then(date), "since of {ctx:?}");
            assert_eq!(f.until, c.until.and_then(date), "until of {ctx:?}");
            assert_eq!(f.lang.as_deref(), c.lang, "lang of {ctx:?}");
            assert_eq!(f.source.as_deref(), c.source, "source of {ctx:?}");
            assert_eq!(f.statuses, c.statuses, "statuses of {ctx:?}");
            assert_eq!(q.hint.as_deref(), c.hint, "hint of {ctx:?}");
            assert!(!f.newest_first && f.limit.is_none() && !f.include_rejected);
        }
    }

    #[test]
    fn dropped_filters_are_errors_and_unknown_keys_are_notes() {
        let q = parse("foo:bar kind:war");
        assert_eq!(q.problems.len(), 2);
        assert!(!q.problems[0].dropped && q.problems[1].dropped);
        assert!(q
            .error()
            .is_some_and(|e| e.starts_with("unknown kind 'war'")));
        assert_eq!(parse("foo:bar").error(), None);
        assert_eq!(parse("since:2026 until:2025").error(), None);
    }

    #[test]
    fn flags_and_words_share_one_value_parser() {
        let mut f = EventFilter::default();
        assert_eq!(apply(&mut f, "KIND", "lawsuit,ban"), Ok(()));
        assert_eq!(apply(&mut f, "e", "华为"), Ok(()));
        assert_eq!(apply(&mut f, "src", "reuters"), Ok(()));
        assert_eq!(apply(&mut f, "status", "rejected"), Ok(()));
        let typed = parse("kind:lawsuit,ban e:华为 src:reuters status:rejected").filter;
        assert_eq!(f, typed);
        assert!(apply(&mut f, "lang", "chinese").is_err());
        assert!(apply(&mut f, "nope", "x").is_err());
        assert!(apply(&mut f, "since", " ").is_err());
        assert_eq!(f, typed, "a failed value adds nothing");
    }

    #[test]
    fn new_and_feed_filters() {
        let table = [
            ("new:yes", Some(NewFilter::Unseen), None),
            ("new:UNSEEN", Some(NewFilter::Unseen), None),
            ("new:last", Some(NewFilter::LastRefresh), None),
            (
                "new:2026-12-01",
                Some(NewFilter::Since("2026-12-01".into())),
                None,
            ),
            (
                "new:2026-12",
                Some(NewFilter::Since("2026-12-01".into())),
                None,
            ),
            (
                "new:soon",
                None,
                Some("new: 'soon' is not yes, last or a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            ),
            (
                "new:",
                None,
                Some("new: needs a value (yes, last, or a date: YYYY, YYYY-MM or YYYY-MM-DD)"),
            ),
        ];
        for (input, new, hint) in table {
            let q = parse(input);
            assert_eq!(q.filter.new, new, "{input}");
            assert_eq!(q.hint.as_deref(), hint, "{input}");
        }
        let q = parse("feed:\"https://a.example/rss?x=1\" kind:ban");
        assert_eq!(q.filter.feed.as_deref(), Some("https://a.example/rss?x=1"));
        assert_eq!(q.filter.kinds, vec![Kind::Ban]);
    }

    #[test]
    fn every_prefix_of_a_query_parses_without_panicking() {
        let full =
            "kind:lawsuit entity:\"Department of Defense\" since:2025-06 华为 \"entity list\"";
        let chars: Vec<char> = full.chars().collect();
        for n in 0..=chars.len() {
            let prefix: String = chars[..n].iter().collect();
            let q = parse(&prefix);
            if let Some(h) = &q.hint {
                assert!(!h.contains('\n'), "hint is one line: {h}");
            }
        }
    }
}
