//! Taking the timeline elsewhere: `json` is the `events --json` contract of
//! DESIGN.md that scripts rely on; `markdown` a sourced chronology for a
//! story or a brief; `csv` rows for a spreadsheet; `ics` a calendar.

pub mod csv;
pub mod ics;
pub mod json;
pub mod markdown;

#[cfg(test)]
mod tests {
    use crate::model::{DateSpan, Event, Kind, PartialDate, Source, Status};

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
            sources: vec![Source {
                mention_id: 1,
                url: "https://wire.example/a".into(),
                outlet: "Wire".into(),
                title: "T".into(),
                published: chrono::DateTime::parse_from_rfc3339("2019-05-16T09:00:00-04:00").ok(),
                evidence: evidence.into(),
                date: None,
            }],
            related: vec![],
            date_conflict: false,
            edited: vec![],
        }
    }

    #[test]
    fn markdown_chronology_cites_every_source() {
        let day = PartialDate::day(2019, 5, 15).expect("date");
        let md = super::markdown::chronology(
            "Huawei",
            &[event(day, "Commerce added Huawei [to] the list")],
        );
        assert!(md.contains("## 2019"));
        assert!(
            md.contains("- **2019-05-15** · listing · Commerce adds Huawei to Entity List ✓[^1]")
        );
        assert!(md.contains("[^1]: Wire, 16 May 2019, “Commerce added Huawei \\[to\\] the list” <https://wire.example/a>"));
        assert!(md.contains("  - Note: check the Federal Register notice"));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let day = PartialDate::day(2019, 5, 15).expect("date");
        let csv = super::csv::rows(&[event(day, "=HYPERLINK(\"x\"), said \"they\"")]);
        let mut lines = csv.split("\r\n");
        assert!(lines
            .next()
            .is_some_and(|h| h.starts_with("event_id,start,end,kind")));
        let row = lines.next().unwrap_or_default();
        assert!(row.starts_with("abc123,2019-05-15,,listing,Commerce adds Huawei to Entity List,"));
        assert!(
            row.ends_with(",\"'=HYPERLINK(\"\"x\"\"), said \"\"they\"\"\""),
            "{row}"
        );
    }

    #[test]
    fn ics_spans_month_precision_and_folds_lines() {
        let month = PartialDate::month(2019, 5).expect("date");
        let long = "word ".repeat(40);
        let stamp = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .map(|t| t.to_utc())
            .unwrap_or_default();
        let ics = super::ics::calendar(&[event(month, &long)], stamp);
        assert!(ics.contains("DTSTART;VALUE=DATE:20190501\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20190601\r\n"));
        assert!(ics.contains("Date as reported: 2019-05"));
        assert!(ics.lines().all(|l| l.len() <= 75), "unfolded line");
        assert!(ics.contains("SUMMARY:[listing] Commerce adds Huawei to Entity List\r\n"));
    }
}
