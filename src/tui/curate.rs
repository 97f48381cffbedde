//! The analyst's decisions from the terminal: confirm, reject, note, edit,
//! merge, split, add by hand and undo. Each becomes a job for the
//! background worker (the decision written, then one rebuild); the app
//! folds the worker's reports back in here, keeping the user's place.

use super::app::App;
use super::form::{Form, FormInput, Outcome};
use super::worker::{Job, NewDecision, Report, UndoTarget};
use crate::model::{DecisionAction, Status};
use crate::text::clean_line;

/// The last confirm or reject: what pressing the same key again undoes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastCurate {
    pub action: DecisionAction,
    pub event_id: String,
    pub ticket: u64,
}

fn short(id: &str) -> String {
    clean_line(&id.chars().take(8).collect::<String>())
}

impl App {
    /// Hands a store job to the background worker and folds in whatever
    /// has already come back (all of it, for a store in memory).
    pub(crate) fn submit(&mut self, job: Job) {
        self.worker.submit(&mut self.store, &self.rules, job);
        self.poll_background();
    }

    pub(crate) fn ticket(&mut self) -> u64 {
        self.next_ticket += 1;
        self.next_ticket
    }

    /// Records decisions in the background, then rebuilds; returns the
    /// ticket an undo can name.
    fn decide(&mut self, decisions: Vec<NewDecision>, done: String) -> u64 {
        let ticket = self.ticket();
        self.submit(Job::Decide {
            ticket,
            decisions,
            done,
        });
        self.submit(Job::Rebuild);
        ticket
    }

    /// Folds in one background report.
    pub(crate) fn report(&mut self, r: Report) {
        match r {
            Report::Refresh(m) => self.update(super::app::Msg::Refresh(m)),
            Report::RefreshEnded => {
                self.worker.refresh_ended();
                self.progress.running = false;
                if self.progress.pending {
                    self.progress.pending = false;
                    self.start_refresh();
                }
            }
            Report::Decided { ticket, result } => match result {
                Ok(done) => self.set_flash(&done, false),
                Err(e) => {
                    if self
                        .last_curate
                        .as_ref()
                        .is_some_and(|l| l.ticket == ticket)
                    {
                        self.last_curate = None;
                    }
                    self.set_flash(&e, true);
                }
            },
            Report::Rebuilt(Ok(_)) => {
                self.entities_stale = true;
                self.reload_keep();
                if let Some(id) = self.select_after.take() {
                    self.select_id(&id);
                }
            }
            Report::Rebuilt(Err(e)) => self.set_flash(&e, true),
            Report::Entities(r) => self.entities_arrived(r),
            Report::Counted {
                ticket,
                first,
                result,
            } => self.counts_arrived(ticket, first, result),
            Report::Months { ticket, result } => self.months_arrived(ticket, result),
        }
    }

    /// Confirms or rejects the current event; pressing the same key again
    /// at once undoes that decision, on the event it changed, even when
    /// the change moved the selection (a rejected row disappears).
    pub(crate) fn curate(&mut self, action: DecisionAction) {
        if let Some(last) = self.last_curate.take() {
            if last.action == action {
                // the undone event comes back under the cursor
                self.select_after = Some(last.event_id);
                let ticket = self.ticket();
                self.submit(Job::Undo {
                    ticket,
                    target: UndoTarget::Ticket(last.ticket),
                });
                self.submit(Job::Rebuild);
                return;
            }
        }
        let Some(ev) = self.current_event() else {
            self.set_flash("no event selected", true);
            return;
        };
        // On an event already confirmed (or rejected) the key clears it.
        let undo = matches!(
            (action, ev.status),
            (DecisionAction::Confirm, Status::Confirmed)
                | (DecisionAction::Reject, Status::Rejected)
        );
        let recorded = if undo { DecisionAction::Reset } else { action };
        let verb = match recorded {
            DecisionAction::Confirm => "confirmed",
            DecisionAction::Reject => "rejected",
            _ => "reset",
        };
        let ticket = self.decide(
            vec![(recorded, ev.id.clone(), None)],
            format!("{verb}: {}", short(&ev.id)),
        );
        self.last_curate = Some(LastCurate {
            action,
            event_id: ev.id,
            ticket,
        });
    }

    pub(crate) fn save_note(&mut self, note: &str) {
        let Some(ev) = self.current_event() else {
            return;
        };
        let note = clean_line(note);
        self.decide(
            vec![(DecisionAction::Note, ev.id.clone(), Some(note))],
            format!("note saved: {}", short(&ev.id)),
        );
    }

    /// `u`: takes back the latest decision still in force.
    pub(crate) fn undo_last(&mut self) {
        let ticket = self.ticket();
        self.submit(Job::Undo {
            ticket,
            target: UndoTarget::Latest,
        });
        self.submit(Job::Rebuild);
    }

    /// `e`: the edit form over the current event.
    pub(crate) fn open_edit_form(&mut self) {
        match self.current_event() {
            Some(e) => self.form = Some(Form::edit(&e)),
            None => self.set_flash("no event selected", true),
        }
    }

    /// `A`: the add form, sourced by the source under the detail's cursor,
    /// the selected event's first source, or the article in the reader.
    pub(crate) fn open_add_form(&mut self) {
        let source = match (self.view, &self.detail, &self.reader) {
            (super::app::View::Reader, _, Some(r)) => Some((r.url.clone(), r.evidence.clone())),
            (super::app::View::Timeline, Some(d), _) => d
                .event
                .sources
                .get(d.cursor)
                .or_else(|| d.event.sources.first())
                .map(|s| (s.url.clone(), s.evidence.clone())),
            _ => self.current_event().and_then(|e| {
                e.sources
                    .first()
                    .map(|s| (s.url.clone(), s.evidence.clone()))
            }),
        };
        let (url, evidence) = source.unwrap_or_default();
        self.form = Some(Form::add(&url, &evidence));
    }

    pub(crate) fn form_input(&mut self, i: FormInput) {
        if i == FormInput::Cancel {
            self.form = None;
            return;
        }
        let Some(form) = &mut self.form else {
            return;
        };
        let Some(outcome) = form.input(i) else {
            return;
        };
        self.form = None;
        match outcome {
            Outcome::Edit { edit, .. } if edit.is_empty() => {
                self.set_flash("nothing changed", false)
            }
            Outcome::Edit { event_id, edit } => {
                let fields: Vec<&str> = edit.fields().iter().map(|f| f.as_str()).collect();
                let done = format!("edited {}: {}", fields.join(", "), short(&event_id));
                self.decide(
                    vec![(DecisionAction::Edit, event_id, Some(edit.to_json()))],
                    done,
                );
            }
            Outcome::Add { manual, note } => {
                let payload = manual.payload();
                let id = crate::timeline::manual_id(&payload);
                let mut decisions = vec![(DecisionAction::Add, id.clone(), Some(payload))];
                if !note.is_empty() {
                    decisions.push((DecisionAction::Note, id.clone(), Some(note)));
                }
                self.select_after = Some(id.clone());
                self.decide(decisions, format!("added: {}", short(&id)));
            }
        }
    }

    /// `m`: marks the current event for merging, or unmarks it.
    pub(crate) fn toggle_mark(&mut self) {
        let Some(e) = self.current_event() else {
            self.set_flash("no event selected", true);
            return;
        };
        if let Some(i) = self.marked.iter().position(|m| *m == e.id) {
            self.marked.remove(i);
        } else {
            self.marked.push(e.id);
        }
        let n = self.marked.len();
        let msg = match n {
            0 => "no event marked".to_string(),
            1 => "1 event marked · select another and press M to merge it there".to_string(),
            n => format!("{n} events marked · M merges them into the selected event"),
        };
        self.set_flash(&msg, false);
    }

    /// `M`: merges the marked events into the current one.
    pub(crate) fn merge_marked(&mut self) {
        let Some(into) = self.current_event() else {
            self.set_flash("no event selected", true);
            return;
        };
        let others: Vec<String> = self
            .marked
            .iter()
            .filter(|m| **m != into.id)
            .cloned()
            .collect();
        if others.is_empty() {
            self.set_flash(
                "mark the events to merge with m first, then select the one to keep",
                true,
            );
            return;
        }
        let n = others.len();
        let decisions = others
            .into_iter()
            .map(|o| (DecisionAction::Merge, into.id.clone(), Some(o)))
            .collect();
        self.marked.clear();
        self.decide(
            decisions,
            format!(
                "merged {n} event{} into {}",
                if n == 1 { "" } else { "s" },
                short(&into.id)
            ),
        );
    }

    /// `S` in the detail view: the source under the cursor becomes an
    /// event of its own.
    pub(crate) fn split_selected_source(&mut self) {
        let Some(d) = &self.detail else {
            self.set_flash("open an event and select a source to split it off", true);
            return;
        };
        let e = &d.event;
        let Some(s) = e.sources.get(d.cursor) else {
            self.set_flash("select a source to split it off", true);
            return;
        };
        if e.sources.len() < 2 {
            self.set_flash("an event with one source cannot be split", true);
            return;
        }
        let (id, url, outlet) = (e.id.clone(), s.url.clone(), clean_line(&s.outlet));
        self.decide(
            vec![(DecisionAction::Split, id, Some(url))],
            format!("split off: {outlet}"),
        );
    }
}
