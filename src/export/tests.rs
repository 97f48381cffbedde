//! Tests of every export format on hand-made events.

use super::{Format, Group, Options, ProvenanceMap};
use crate::model::{DateSpan, Event, Kind, PartialDate, Source, Status};
use crate::store::Provenance;
use serde_json::Value;

fn source(mention_id: i64, url: &str, evidence: &str) -> Source {
    Source {
        mention_id,
        url: url.into(),
        outlet: "Wire".into(),
        title: "Huawei added to list".into(),
        published: chrono::DateTime::parse_from_rfc3339("2019-05-16T09:00:00-04:00").ok(),
        evidence: evidence.into(),
        date: None,
    }
}

fn event(start: PartialDate, evidence: &str) -> Event {
    Event {
        id: "abc123".into(),
        kind: Kind::Listing,
        span: DateSpan::at(start),
        title: "Commerce adds Huawei to Entity List".into(),
        actors: vec!["Commerce Department".into()],
        targets: vec!["Huawei".into()],
        status: Status::Confirmed,
        note: Some("check the Federal Register notice".into()),
        sources: vec![source(1, "https://wire.example/a", evidence)],
        related: vec![],
        date_conflict: false,
        edited: vec![],
    }
}

fn day() -> PartialDate {
    PartialDate::day(2019, 5, 15).expect("date")
}

fn prov() -> ProvenanceMap {
    let mut p = ProvenanceMap::new();
    p.insert(
        1,
        Provenance {
            confidence: 0.875,
            accessed: Some("2026-01-02T03:04:05+00:00".into()),
        },
    );
    p
}

fn opts() -> Options {
    let now = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default();
    Options::new(now)
}

/// Three events at the three precisions, one a span, one with two sources.
fn three() -> Vec<Event> {
    let mut a = event(PartialDate::year(2018), "In 2018 the review began.");
    a.id = "e-year".into();
    a.kind = Kind::Investigation;
    a.targets = vec![];
    a.status = Status::Auto;
    a.note = None;
    let mut b = event(
        PartialDate::month(2019, 5).expect("date"),
        "In May, Commerce listed Huawei.",
    );
    b.id = "e-month".into();
    b.sources
        .push(source(2, "https://other.example/b", "华为被列入实体清单。"));
    let mut c = event(day(), "From April 22 to June 5 the ban applied.");
    c.id = "e-span".into();
    c.kind = Kind::Ban;
    c.span = DateSpan {
        start: PartialDate::day(2020, 4, 22).expect("date"),
        end: PartialDate::day(2020, 6, 5),
    };
    c.actors = vec![];
    c.targets = vec!["TikTok".into()];
    vec![a, b, c]
}

#[test]
fn citations_follow_the_one_style() {
    let c = super::citation::Citation::of(&source(1, "https://wire.example/a", "x"), &prov());
    assert_eq!(
        c.plain(),
        "Wire, “Huawei added to list”, 16 May 2019, https://wire.example/a (accessed 2 Jan 2026)."
    );
    let mut hand = source(0, "https://wire.example/a", "x");
    hand.published = None;
    hand.title.clear();
    hand.outlet.clear();
    assert_eq!(
        super::citation::Citation::of(&hand, &prov()).plain(),
        "wire.example, n.d., https://wire.example/a."
    );
}

#[test]
fn markdown_chronology_cites_every_source() {
    let md = super::markdown::chronology(
        "Huawei",
        &[event(day(), "Commerce added Huawei [to] the list")],
        &prov(),
    );
    assert!(md.contains("## 2019"));
    assert!(md.contains("- **2019-05-15** · listing · Commerce adds Huawei to Entity List ✓[^1]"));
    assert!(
        md.contains("[^1]: Wire, “Huawei added to list”, 16 May 2019, <https://wire.example/a> (accessed 2 Jan 2026). “Commerce added Huawei \\[to\\] the list”"),
        "{md}"
    );
    assert!(md.contains("  - Note: check the Federal Register notice"));
}

#[test]
fn markdown_never_links_a_script_address() {
    let mut e = event(day(), "x");
    e.sources[0].url = "javascript:alert(1)".into();
    let md = super::markdown::chronology("T", &[e], &prov());
    assert!(!md.contains("<javascript:"), "{md}");
    assert!(md.contains("javascript:alert(1)"));
}

#[test]
fn csv_starts_with_a_bom_for_excel_and_quotes_and_defuses_formulas() {
    let csv = super::csv::rows(
        &[event(day(), "=HYPERLINK(\"x\"), said \"they\"")],
        &prov(),
        true,
    );
    assert!(csv.starts_with("\u{feff}event_id,start,end,kind"));
    let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    for col in [
        "note",
        "status",
        "date_precision",
        "date_conflict",
        "confidence",
        "citation",
    ] {
        assert!(header.contains(&col), "missing column {col}");
    }
    let row = lines.next().unwrap_or_default();
    assert!(row.starts_with("abc123,2019-05-15,,listing,Commerce adds Huawei to Entity List,"));
    assert!(
        row.contains(",\"'=HYPERLINK(\"\"x\"\"), said \"\"they\"\"\",check the Federal Register notice,day,no,0.88,"),
        "{row}"
    );
    assert!(row.ends_with("(accessed 2 Jan 2026).\""), "{row}");
    let plain = super::csv::rows(&[event(day(), "x")], &prov(), false);
    assert!(plain.starts_with("event_id,"));
}

#[test]
fn csv_keeps_an_event_without_sources_and_names_each_precision() {
    let mut events = three();
    events[0].sources.clear();
    let csv = super::csv::rows(&events, &ProvenanceMap::new(), false);
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 1 + 1 + 2 + 1, "{csv}");
    assert!(rows[1].starts_with("e-year,2018,,investigation,"));
    assert!(rows[1].contains(",,,,,,year,no,,"), "{}", rows[1]);
    assert!(rows[2].contains(",month,no,"));
    assert!(rows[4].contains(",day,no,"));
}

#[test]
fn ics_spans_month_precision_folds_lines_and_carries_note_and_status() {
    let month = PartialDate::month(2019, 5).expect("date");
    let long = "word ".repeat(40);
    let ics = super::ics::calendar(&[event(month, &long)], opts().now);
    assert!(ics.contains("DTSTART;VALUE=DATE:20190501\r\n"));
    assert!(ics.contains("DTEND;VALUE=DATE:20190601\r\n"));
    assert!(ics.lines().all(|l| l.len() <= 75), "unfolded line");
    assert!(ics
        .replace("\r\n ", "")
        .contains("Date as reported: 2019-05"));
    assert!(ics.contains("SUMMARY:[listing] Commerce adds Huawei to Entity List\r\n"));
    assert!(ics.contains("STATUS:CONFIRMED\r\n"));
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded
            .contains("DESCRIPTION:Status: confirmed\\nNote: check the Federal Register notice\\n"),
        "{unfolded}"
    );
    let mut auto = event(day(), "x");
    auto.status = Status::Auto;
    auto.note = None;
    let ics = super::ics::calendar(&[auto], opts().now);
    assert!(ics.contains("STATUS:TENTATIVE\r\n"));
    assert!(!ics.contains("Note:"));
}

/// The TimelineJS JSON format as Knight Lab documents it
/// (timeline.knightlab.com/docs/json-format.html): an object whose
/// `events` (required) is a list of slides and whose `title` (optional) is
/// a slide; a slide needs a `start_date` (except the title slide) and may
/// have `end_date`, `text`, `media`, `group`, `display_date`, `background`,
/// `autolink` and `unique_id`; a date object needs `year` and may have
/// `month`, `day`, `hour`, `minute`, `second`, `millisecond` (numbers or
/// numeric strings), `display_date` and `format` (strings); a text object
/// has a `headline` and a `text`, both strings.
fn check_timelinejs(doc: &Value) -> Result<(), String> {
    let top = doc.as_object().ok_or("the document is not an object")?;
    for k in top.keys() {
        if !["events", "title", "eras", "scale"].contains(&k.as_str()) {
            return Err(format!("unknown top-level key {k}"));
        }
    }
    let events = top
        .get("events")
        .and_then(Value::as_array)
        .ok_or("events is required and must be a list")?;
    if let Some(title) = top.get("title") {
        check_slide(title, true)?;
    }
    let mut ids = std::collections::HashSet::new();
    for e in events {
        check_slide(e, false)?;
        if let Some(id) = e.get("unique_id") {
            let id = id.as_str().ok_or("unique_id must be a string")?;
            if !ids.insert(id.to_string()) {
                return Err(format!("unique_id {id} is not unique"));
            }
        }
    }
    Ok(())
}

fn check_slide(s: &Value, title: bool) -> Result<(), String> {
    let s = s.as_object().ok_or("a slide is not an object")?;
    const KEYS: [&str; 9] = [
        "start_date",
        "end_date",
        "text",
        "media",
        "group",
        "display_date",
        "background",
        "autolink",
        "unique_id",
    ];
    for k in s.keys() {
        if !KEYS.contains(&k.as_str()) {
            return Err(format!("unknown slide key {k}"));
        }
    }
    match s.get("start_date") {
        Some(d) => check_date(d)?,
        None if title => {}
        None => return Err("a slide has no start_date".into()),
    }
    if let Some(d) = s.get("end_date") {
        check_date(d)?;
    }
    if let Some(t) = s.get("text") {
        let t = t.as_object().ok_or("text is not an object")?;
        for (k, v) in t {
            if !["headline", "text"].contains(&k.as_str()) || !v.is_string() {
                return Err(format!("text.{k} is not a headline or text string"));
            }
        }
    }
    for k in ["group", "display_date", "unique_id"] {
        if s.get(k).is_some_and(|v| !v.is_string()) {
            return Err(format!("{k} must be a string"));
        }
    }
    if s.get("autolink").is_some_and(|v| !v.is_boolean()) {
        return Err("autolink must be true or false".into());
    }
    Ok(())
}

fn check_date(d: &Value) -> Result<(), String> {
    let d = d.as_object().ok_or("a date is not an object")?;
    let numeric = |v: &Value| {
        v.is_i64()
            || v.as_str()
                .is_some_and(|s| s.trim_start_matches('-').parse::<u32>().is_ok())
    };
    if !d.get("year").is_some_and(numeric) {
        return Err("a date needs a numeric year".into());
    }
    for (k, v) in d {
        match k.as_str() {
            "year" | "month" | "day" | "hour" | "minute" | "second" | "millisecond" => {
                if !numeric(v) {
                    return Err(format!("date.{k} is not a number"));
                }
            }
            "display_date" | "format" => {
                if !v.is_string() {
                    return Err(format!("date.{k} is not a string"));
                }
            }
            _ => return Err(format!("unknown date key {k}")),
        }
    }
    Ok(())
}

#[test]
fn the_shape_check_refuses_what_the_format_does_not_allow() {
    let bad = [
        r#"{"title": {"text": {"headline": "x"}}}"#,
        r#"{"events": [{"text": {"headline": "no date"}}]}"#,
        r#"{"events": [{"start_date": {"month": "5"}}]}"#,
        r#"{"events": [{"start_date": {"year": "May"}}]}"#,
        r#"{"events": [{"start_date": {"year": 2019}, "text": {"headline": 3}}]}"#,
        r#"{"events": [{"start_date": {"year": 2019}, "unique_id": "a"}, {"start_date": {"year": 2019}, "unique_id": "a"}]}"#,
        r#"{"events": [{"start_date": {"year": 2019}, "date": "x"}]}"#,
    ];
    for raw in bad {
        let v: Value = serde_json::from_str(raw).expect("json");
        assert!(check_timelinejs(&v).is_err(), "accepted {raw}");
    }
    let good: Value =
        serde_json::from_str(r#"{"events": [{"start_date": {"year": 2019, "month": "5"}}]}"#)
            .expect("json");
    assert_eq!(check_timelinejs(&good), Ok(()));
}

#[test]
fn timelinejs_has_the_documented_shape_at_each_event_s_precision() {
    let events = three();
    let doc = super::timelinejs::document("US–China", &events, &prov(), &opts());
    let v: Value = serde_json::from_str(&doc).expect("valid JSON");
    assert_eq!(check_timelinejs(&v), Ok(()));
    let slides = v["events"].as_array().expect("events");
    assert_eq!(slides.len(), 3);
    let year = &slides[0];
    assert_eq!(year["unique_id"], "e-year");
    assert_eq!(year["start_date"]["year"], "2018");
    assert!(year["start_date"].get("month").is_none());
    assert!(year.get("end_date").is_none());
    assert_eq!(year["group"], "investigation");
    let month = &slides[1];
    assert_eq!(month["start_date"]["month"], "5");
    assert!(month["start_date"].get("day").is_none());
    assert_eq!(month["display_date"], "May 2019");
    let text = month["text"]["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("<a href=\"https://wire.example/a\""),
        "{text}"
    );
    assert!(
        text.contains("<a href=\"https://other.example/b\""),
        "{text}"
    );
    assert!(text.contains("华为被列入实体清单。"));
    assert!(text.contains("check the Federal Register notice"));
    let span = &slides[2];
    assert_eq!(span["start_date"]["day"], "22");
    assert_eq!(span["end_date"]["month"], "6");
    assert_eq!(span["end_date"]["day"], "5");
    assert_eq!(span["display_date"], "22 Apr – 5 Jun 2020");
    assert_eq!(v["title"]["text"]["headline"], "US–China");
}

#[test]
fn timelinejs_groups_by_entity_and_escapes_feed_text() {
    let mut events = three();
    events[1].title = "<img src=x onerror=alert(1)>".into();
    events[1].sources[0].url = "javascript:alert(1)".into();
    let mut o = opts();
    o.group = Group::Entity;
    let doc = super::timelinejs::document("T", &events, &prov(), &o);
    let v: Value = serde_json::from_str(&doc).expect("valid JSON");
    assert_eq!(check_timelinejs(&v), Ok(()));
    let groups: Vec<&str> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|s| s["group"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(groups, ["Commerce Department", "Huawei", "TikTok"]);
    let slide = &v["events"][1];
    assert_eq!(
        slide["text"]["headline"],
        "&lt;img src=x onerror=alert(1)&gt;"
    );
    let text = slide["text"]["text"].as_str().unwrap_or_default();
    assert!(!text.contains("href=\"javascript"), "{text}");
    assert_eq!(slide["autolink"], false);
}

/// Every `src=` and `href=` value of a page.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let pat = format!(" {name}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            rest[..rest.find('"').unwrap_or(rest.len())].to_string()
        })
        .collect()
}

#[test]
fn html_page_has_one_entry_an_event_grouped_by_month() {
    let mut events = three();
    events[1].related = vec!["e-span".into(), "not-in-page".into()];
    let html = super::html::page("US–China", &events, &prov(), &opts());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<article class=\"event").count(), 3);
    assert_eq!(html.matches("<section class=\"month\">").count(), 3);
    for heading in [
        "<h2>2018 (month unknown)</h2>",
        "<h2>May 2019</h2>",
        "<h2>April 2020</h2>",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    assert!(html.contains("<time datetime=\"2020-04-22\">22 Apr – 5 Jun 2020</time>"));
    assert!(html.contains("class=\"event k-ban\""));
    assert!(html.contains("<blockquote>华为被列入实体清单。</blockquote>"));
    assert!(html.contains("<p class=\"note\"><b>Note:</b> check the Federal Register notice</p>"));
    assert!(html.contains("✓ confirmed"));
    assert!(html.contains("<a href=\"#ev-e-span\">"));
    assert!(!html.contains("not-in-page"));
    assert!(html.contains("<input id=\"q\" type=\"search\""));
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
    );
}

#[test]
fn html_page_links_only_its_sources_and_loads_nothing() {
    let mut events = three();
    events[0].sources[0].url = "javascript:alert(1)".into();
    let html = super::html::page("T", &events, &prov(), &opts());
    assert!(attributes(&html, "src").is_empty(), "something is loaded");
    let sources: Vec<&str> = events
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.url.as_str()))
        .collect();
    for href in attributes(&html, "href") {
        assert!(
            href.starts_with("#ev-")
                || (sources.contains(&href.as_str()) && href.starts_with("https://")),
            "unexpected link {href}"
        );
    }
    assert!(
        html.contains("javascript:alert(1) (accessed"),
        "shown as text"
    );
    assert!(!html.contains("@import") && !html.contains("url("));
}

#[test]
fn html_page_escapes_all_feed_text() {
    let mut e = event(day(), "<script>alert('e')</script> & \"q\"");
    e.title = "<b onmouseover=x>t</b>".into();
    e.note = Some("</article><script>n()</script>".into());
    e.actors = vec!["<i>A</i>".into()];
    e.sources[0].outlet = "Out<let>".into();
    e.sources[0].title = "\"><svg onload=x>".into();
    e.sources[0].url = "https://x.example/?a=1&b=\"2\"".into();
    let html = super::html::page("<title>", &[e], &prov(), &opts());
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(!html.contains("<b onmouseover"));
    assert!(!html.contains("<svg"));
    assert!(!html.contains("<i>A</i>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;e&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
    assert!(html.contains("<title>&lt;title&gt;</title>"));
    assert!(html.contains("Out&lt;let&gt;, “&quot;&gt;&lt;svg onload=x&gt;”"));
    assert_eq!(html.matches("<article ").count(), 1);
    assert_eq!(html.matches("</article>").count(), 1);
}

#[test]
fn exports_to_a_new_file_and_never_overwrites() {
    let mut store = crate::store::Store::open_in_memory().expect("store");
    let articles = crate::tui::demo::articles().expect("demo corpus");
    crate::pipeline::ingest(&mut store, &crate::extract::Rules::builtin(), &articles)
        .expect("ingest");
    let dir = tempfile::tempdir().expect("tempdir");
    let f = crate::store::EventFilter::default();
    let a =
        super::export_to_dir(&store, &f, super::Format::Html, &opts(), dir.path()).expect("export");
    let b =
        super::export_to_dir(&store, &f, super::Format::Html, &opts(), dir.path()).expect("export");
    assert_ne!(a.path, b.path);
    assert!(a.path.ends_with("dateline-20260101-000000.html"));
    assert!(b.path.ends_with("dateline-20260101-000000-2.html"));
    let n = store.events(&f).expect("events").len();
    assert!(n > 0);
    assert_eq!(a.events, n);
    let html = std::fs::read_to_string(&a.path).expect("read");
    assert_eq!(html.matches("<article class=\"event").count(), n);
    let missing = dir.path().join("no/such/dir");
    let err = super::export_to_dir(&store, &f, super::Format::Csv, &opts(), &missing)
        .expect_err("no directory");
    assert!(
        err.contains("no/such/dir") && err.contains("cannot create"),
        "{err}"
    );
}

#[test]
fn only_web_links_reach_the_exports() {
    assert_eq!(
        super::web_link(" https://a.example/x ").as_deref(),
        Some("https://a.example/x")
    );
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "vbscript:x",
        "//a.example",
        "urn:dateline:item:1",
    ] {
        assert_eq!(super::web_link(bad), None, "{bad}");
    }
    let mut e = event(day(), "evidence");
    e.sources[0].url = "javascript:alert(document.cookie)".into();
    let events = std::slice::from_ref(&e);
    for format in [
        Format::Markdown,
        Format::Csv,
        Format::Ics,
        Format::Html,
        Format::TimelineJs,
    ] {
        let out =
            String::from_utf8(super::render(format, events, &prov(), &opts())).expect("utf-8");
        // a script address may be quoted as inert text, never as a target
        let lower = out.to_ascii_lowercase();
        for target in [
            "<javascript:",
            "](javascript:",
            "href=\"javascript:",
            "href=\\\"javascript:",
            "url:javascript:",
            ",javascript:",
        ] {
            assert!(!lower.contains(target), "{format:?}: {target} in {out}");
        }
    }
}
