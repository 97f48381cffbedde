//! The small forms of the terminal timeline: correcting an event (`e`) and
//! adding one by hand (`A`). A form is plain state: fields, the one being
//! typed in, and the error of the last Enter, shown on the line of the
//! field it is about. Checking a form is a pure function, so the rules are
//! tested without a screen; saving is the app's business (a decision for
//! the background worker).

use crate::model::{name_list, DateSpan, Event, EventEdit, Kind};
use crate::timeline::decisions::Manual;

/// What a form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    /// Correct this event.
    Edit(Box<Event>),
    /// Add an event by hand; `evidence` is the sentence of the source it
    /// was opened on, if any, kept while the source URL is unchanged.
    Add { url: String, evidence: String },
}

/// One line of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub value: String,
    /// What goes in it, shown while it is being typed in.
    pub hint: &'static str,
}

/// Keys as the form sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormInput {
    Insert(char),
    Backspace,
    DeleteWord,
    Clear,
    Next,
    Prev,
    Submit,
    Cancel,
}

/// What a checked form asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Record this correction of the event (only the fields that changed;
    /// empty when nothing did).
    Edit { event_id: String, edit: EventEdit },
    /// Record this hand-made event, and its note when there is one.
    Add { manual: Manual, note: String },
}

/// An open form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The field the last Enter found wrong, and why.
    pub error: Option<(usize, String)>,
}

const DATE: usize = 0;
const END: usize = 1;
const KIND: usize = 2;
const ACTORS: usize = 3;
const TARGETS: usize = 4;
const TITLE: usize = 5;
const NOTE: usize = 6;
const SOURCE: usize = 7;

fn field(label: &'static str, value: String, hint: &'static str) -> Field {
    Field { label, value, hint }
}

fn common(
    date: String,
    end: String,
    kind: String,
    actors: String,
    targets: String,
    title: String,
) -> Vec<Field> {
    vec![
        field("Date", date, "YYYY, YYYY-MM or YYYY-MM-DD: as precise as known"),
        field("End", end, "last day of a span; empty for a single date"),
        field(
            "Kind",
            kind,
            "ban lawsuit ruling listing delisting sanction export_control tariff investigation accusation legislation other",
        ),
        field("Actors", actors, "who acted, comma-separated"),
        field("Targets", targets, "who it was done to, comma-separated"),
        field("Title", title, "the headline"),
    ]
}

impl Form {
    /// The edit form, filled with the event as it stands.
    pub fn edit(e: &Event) -> Form {
        Form {
            fields: common(
                e.span.start.to_string(),
                e.span.end.map(|d| d.to_string()).unwrap_or_default(),
                e.kind.as_str().to_string(),
                crate::text::clean_line(&e.actors.join(", ")),
                crate::text::clean_line(&e.targets.join(", ")),
                crate::text::clean_line(&e.title),
            ),
            kind: FormKind::Edit(Box::new(e.clone())),
            focus: 0,
            error: None,
        }
    }

    /// The add form, sourced by `url` and its sentence when there is one.
    pub fn add(url: &str, evidence: &str) -> Form {
        let mut fields = common(
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        );
        fields[TITLE].hint = "the headline; empty makes one from kind and names";
        fields.push(field("Note", String::new(), "optional"));
        fields.push(field(
            "Source",
            crate::text::clean_line(url),
            "the URL that reports it (http or https)",
        ));
        Form {
            kind: FormKind::Add {
                url: url.to_string(),
                evidence: crate::text::clean_line(evidence),
            },
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The form's title line.
    pub fn title(&self) -> String {
        match &self.kind {
            FormKind::Edit(e) => format!(
                "Edit event {}",
                crate::text::clean_line(&e.id.chars().take(8).collect::<String>())
            ),
            FormKind::Add { .. } => "Add an event by hand".into(),
        }
    }

    /// Applies a key; returns the outcome on a successful Enter. Esc is
    /// the app's to handle (it closes the form).
    pub fn input(&mut self, k: FormInput) -> Option<Outcome> {
        let n = self.fields.len();
        let value = &mut self.fields[self.focus].value;
        match k {
            FormInput::Insert(c) if !c.is_control() => value.push(c),
            FormInput::Insert(_) | FormInput::Cancel => {}
            FormInput::Backspace => {
                value.pop();
            }
            FormInput::DeleteWord => {
                let trimmed = value.trim_end().len();
                value.truncate(trimmed);
                let cut = value.rfind([' ', ',']).map(|i| i + 1).unwrap_or(0);
                value.truncate(cut);
            }
            FormInput::Clear => value.clear(),
            FormInput::Next => self.focus = (self.focus + 1) % n,
            FormInput::Prev => self.focus = (self.focus + n - 1) % n,
            FormInput::Submit => match self.check() {
                Ok(o) => return Some(o),
                Err((at, why)) => {
                    self.focus = at;
                    self.error = Some((at, why));
                }
            },
        }
        None
    }

    /// Checks the fields: what to record, or the field that is wrong and why.
    pub fn check(&self) -> Result<Outcome, (usize, String)> {
        let v = |i: usize| self.fields[i].value.trim();
        if v(DATE).is_empty() {
            return Err((DATE, "a date is needed".into()));
        }
        let span = DateSpan::parse(v(DATE), Some(v(END)))
            .map_err(|(is_end, e)| (if is_end { END } else { DATE }, e))?;
        if v(KIND).is_empty() {
            return Err((KIND, "a kind is needed".into()));
        }
        let kind: Kind = v(KIND).parse().map_err(|e| (KIND, e))?;
        let actors = name_list(v(ACTORS));
        let targets = name_list(v(TARGETS));
        let title = crate::text::clean_line(v(TITLE));
        match &self.kind {
            FormKind::Edit(e) => {
                if title.is_empty() {
                    return Err((TITLE, "a headline cannot be empty".into()));
                }
                let edit = EventEdit {
                    span: Some(span),
                    kind: Some(kind),
                    actors: Some(actors),
                    targets: Some(targets),
                    title: Some(title),
                }
                .changes_to(e);
                Ok(Outcome::Edit {
                    event_id: e.id.clone(),
                    edit,
                })
            }
            FormKind::Add { url, evidence } => {
                let source = v(SOURCE);
                let ok = url::Url::parse(source)
                    .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
                if !ok {
                    return Err((SOURCE, "an http or https URL is needed".into()));
                }
                let evidence = if source == crate::text::clean_line(url) {
                    evidence.clone()
                } else {
                    String::new()
                };
                Ok(Outcome::Add {
                    manual: Manual {
                        kind,
                        span,
                        title,
                        actors,
                        targets,
                        url: source.to_string(),
                        evidence,
                    },
                    note: crate::text::clean_line(v(NOTE)),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EditField, PartialDate};

    fn event() -> Event {
        let span = DateSpan::at(PartialDate::day(2024, 5, 16).unwrap_or(PartialDate::year(2024)));
        let url = "https://news.example/1";
        let mut e = Event::one_source(
            "abcdef0123456789",
            Kind::Sanction,
            span,
            "Treasury sanctions Russia",
            url,
        );
        e.sources[0].mention_id = 1;
        e.sources[0].outlet = "news.example".into();
        Event {
            actors: vec!["Department of the Treasury".into()],
            targets: vec!["Russia".into()],
            ..e
        }
    }

    fn type_in(f: &mut Form, at: usize, text: &str) {
        f.focus = at;
        f.input(FormInput::Clear);
        for c in text.chars() {
            f.input(FormInput::Insert(c));
        }
    }

    #[test]
    fn an_unchanged_edit_form_records_nothing_and_changes_are_fields() {
        let mut f = Form::edit(&event());
        assert_eq!(
            f.check(),
            Ok(Outcome::Edit {
                event_id: "abcdef0123456789".into(),
                edit: EventEdit::default()
            })
        );
        type_in(&mut f, TARGETS, "Acme Semi, Example Trading");
        type_in(&mut f, DATE, "2024-05");
        match f.input(FormInput::Submit) {
            Some(Outcome::Edit { edit, .. }) => {
                assert_eq!(edit.fields(), vec![EditField::Date, EditField::Targets]);
                assert_eq!(
                    edit.targets,
                    Some(vec!["Acme Semi".into(), "Example Trading".into()])
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_input_names_its_field() {
        let table = [
            (DATE, "May 2024", DATE, "not a date"),
            (DATE, "", DATE, "a date is needed"),
            (END, "2024-01", END, "before"),
            (KIND, "war", KIND, "unknown kind"),
            (TITLE, " ", TITLE, "cannot be empty"),
        ];
        for (at, text, want_at, want) in table {
            let mut f = Form::edit(&event());
            type_in(&mut f, at, text);
            f.focus = 0;
            assert_eq!(f.input(FormInput::Submit), None);
            let (got_at, why) = f.error.clone().unwrap_or_default();
            assert_eq!(got_at, want_at, "{text}: {why}");
            assert!(why.contains(want), "{text}: {why}");
            assert_eq!(f.focus, want_at, "the cursor goes to the bad field");
        }
    }

    #[test]
    fn the_add_form_needs_a_web_source_and_keeps_its_sentence() {
        let mut f = Form::add("https://court.example/case", "Complaint filed.");
        type_in(&mut f, DATE, "2026-06-24");
        type_in(&mut f, KIND, "lawsuit");
        type_in(&mut f, ACTORS, "Alibaba");
        type_in(&mut f, NOTE, "filed in D.C.");
        match f.check() {
            Ok(Outcome::Add { manual, note }) => {
                assert_eq!(manual.evidence, "Complaint filed.");
                assert_eq!(manual.actors, vec!["Alibaba".to_string()]);
                assert_eq!(note, "filed in D.C.");
            }
            other => panic!("{other:?}"),
        }
        type_in(&mut f, SOURCE, "javascript:alert(1)");
        assert_eq!(f.check().err().map(|e| e.0), Some(SOURCE));
        type_in(&mut f, SOURCE, "https://other.example/x");
        match f.check() {
            Ok(Outcome::Add { manual, .. }) => assert_eq!(manual.evidence, ""),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn tab_walks_the_fields_round() {
        let mut f = Form::edit(&event());
        for _ in 0..6 {
            f.input(FormInput::Next);
        }
        assert_eq!(f.focus, 0);
        f.input(FormInput::Prev);
        assert_eq!(f.focus, TITLE);
    }
}
