//! The TUI's background work, in the style of gitui's job queue: the
//! terminal thread never writes to the store nor rebuilds the timeline.
//! It hands a [`Job`] to the worker and carries on drawing; every result
//! comes back as a [`Report`] on ONE channel (refresh progress, decisions
//! saved, rebuilds, entity counts), folded in by `App::update`.
//!
//! Store jobs run in order on one thread that owns its own SQLite
//! connection; the queue keeps at most one waiting job of a coalescing kind
//! (a rebuild, a count of entities): a newer request replaces the waiting
//! one, so a burst of decisions costs one rebuild. The feed refresher runs
//! on a thread of its own (a refresh takes seconds; a decision must not
//! wait for it), reporting through the same channel.
//!
//! A store in memory (tests) has no second connection to give a thread,
//! so its jobs run in place on the app's connection, through the same
//! [`Runner`] and the same reports.
//!
//! Adding a job (an export, say): a [`Job`] variant, its arm in
//! [`Runner::run`] and [`Runner::fail`], and a [`Report`] variant the app
//! folds in.

use super::counts::{count, count_months};
pub use super::counts::{Counts, Month};
use super::refresh::{RefreshMsg, Refresher};
use crate::extract::SharedRules;
use crate::model::DecisionAction;
use crate::store::{EntityRow, Store};
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// One decision to record: action, event id, argument.
pub type NewDecision = (DecisionAction, String, Option<String>);

/// Which decisions an [`Job::Undo`] takes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoTarget {
    /// Those written by the job with this ticket (the "again: undo" of
    /// `c`/`x`, which must hit the event just changed).
    Ticket(u64),
    /// The latest decision still in force (`u`).
    Latest,
}

/// Work for the background.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Record decisions, all or none. `done` is the message shown when
    /// they are saved. A [`Job::Rebuild`] follows to show them.
    Decide {
        ticket: u64,
        decisions: Vec<NewDecision>,
        done: String,
    },
    /// Take back decisions by recording `undo` decisions.
    Undo { ticket: u64, target: UndoTarget },
    /// Rebuild the timeline from every mention and decision.
    Rebuild,
    /// Count the entities' events for the Entities view.
    Entities,
    /// Count the timeline around a window the app has just read: the
    /// events before its first key and from it on under `filter`, and the
    /// whole timeline (a count of up to
    /// [`crate::store::views::COUNT_CAP`] rows takes tens of
    /// milliseconds at a million events; the window is drawn without
    /// waiting for it).
    Count {
        ticket: u64,
        filter: Box<crate::store::EventFilter>,
        first: Option<crate::store::views::EventKey>,
        at_start: bool,
    },
    /// Count whole months of the filtered timeline: the headings at the
    /// ends of a window that moved.
    Months {
        ticket: u64,
        filter: Box<crate::store::EventFilter>,
        months: Vec<Month>,
    },
}

impl Job {
    /// True for jobs of which at most one waits: a newer one replaces it.
    fn coalesces(&self) -> bool {
        matches!(
            self,
            Job::Rebuild | Job::Entities | Job::Count { .. } | Job::Months { .. }
        )
    }
}

/// Everything the background reports, on one channel.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    Refresh(RefreshMsg),
    /// The refresh thread ended (after its last report).
    RefreshEnded,
    /// A [`Job::Decide`] or [`Job::Undo`] finished: the message to show,
    /// or why it failed.
    Decided {
        ticket: u64,
        result: Result<String, String>,
    },
    /// A rebuild finished: how many events, or why it failed.
    Rebuilt(Result<usize, String>),
    Entities(Result<Vec<EntityRow>, String>),
    /// A [`Job::Count`] finished, for the window whose first key it names.
    Counted {
        ticket: u64,
        first: Option<crate::store::views::EventKey>,
        result: Result<Counts, String>,
    },
    /// A [`Job::Months`] finished.
    Months {
        ticket: u64,
        result: Result<Vec<(Month, usize)>, String>,
    },
}

/// Queues `job`, replacing a waiting job of the same coalescing kind.
pub fn enqueue(waiting: &mut VecDeque<Job>, job: Job) {
    if job.coalesces() {
        waiting.retain(|w| std::mem::discriminant(w) != std::mem::discriminant(&job));
    }
    waiting.push_back(job);
}

/// Runs jobs against a store. Remembers which decisions each ticket wrote,
/// so an undo by ticket finds them.
#[derive(Debug, Default)]
pub struct Runner {
    tickets: HashMap<u64, Vec<i64>>,
}

impl Runner {
    /// Runs one job. The rules are read (and, the first time, waited
    /// for) only by a rebuild, so a count never waits for them to compile.
    pub fn run(&mut self, store: &mut Store, rules: &SharedRules, job: Job, tx: &Sender<Report>) {
        let report = match job {
            Job::Decide {
                ticket,
                decisions,
                done,
            } => Report::Decided {
                ticket,
                result: match store.add_decisions(&decisions) {
                    Ok(ids) => {
                        self.tickets.insert(ticket, ids);
                        Ok(done)
                    }
                    Err(e) => Err(format!("cannot save the decision: {e}")),
                },
            },
            Job::Undo { ticket, target } => Report::Decided {
                ticket,
                result: self.undo(store, &target),
            },
            Job::Rebuild => Report::Rebuilt(
                crate::pipeline::rebuild(store, rules)
                    .map_err(|e| format!("cannot rebuild the timeline: {e}")),
            ),
            Job::Entities => Report::Entities(
                store
                    .entities_fast()
                    .map_err(|e| format!("cannot read entities: {e}")),
            ),
            Job::Count {
                ticket,
                filter,
                first,
                at_start,
            } => Report::Counted {
                ticket,
                result: count(store, &filter, first.as_ref(), at_start)
                    .map_err(|e| format!("cannot count the timeline: {e}")),
                first,
            },
            Job::Months {
                ticket,
                filter,
                months,
            } => Report::Months {
                ticket,
                result: count_months(store, &filter, &months)
                    .map_err(|e| format!("cannot count the month: {e}")),
            },
        };
        let _ = tx.send(report);
    }

    /// The report a job gets when there is no store to run it on.
    pub fn fail(job: &Job, why: &str) -> Report {
        match job {
            Job::Decide { ticket, .. } | Job::Undo { ticket, .. } => Report::Decided {
                ticket: *ticket,
                result: Err(why.to_string()),
            },
            Job::Rebuild => Report::Rebuilt(Err(why.to_string())),
            Job::Entities => Report::Entities(Err(why.to_string())),
            Job::Count { ticket, first, .. } => Report::Counted {
                ticket: *ticket,
                first: first.clone(),
                result: Err(why.to_string()),
            },
            Job::Months { ticket, .. } => Report::Months {
                ticket: *ticket,
                result: Err(why.to_string()),
            },
        }
    }

    fn undo(&mut self, store: &mut Store, target: &UndoTarget) -> Result<String, String> {
        let err = |e: crate::store::StoreError| format!("cannot undo: {e}");
        let targets: Vec<crate::model::Decision> = match target {
            UndoTarget::Ticket(t) => {
                let ids = self.tickets.remove(t).unwrap_or_default();
                let mut found = Vec::new();
                for id in ids {
                    found.extend(store.decision(id).map_err(err)?);
                }
                found
            }
            UndoTarget::Latest => store
                .last_decision_in_force()
                .map_err(err)?
                .into_iter()
                .collect(),
        };
        let Some(first) = targets.first() else {
            return Err("nothing to undo".into());
        };
        let what = format!(
            "undone: {} of {}",
            first.action.as_str(),
            first.event_id.chars().take(8).collect::<String>()
        );
        let undos: Vec<NewDecision> = targets
            .iter()
            .rev()
            .map(|d| {
                (
                    DecisionAction::Undo,
                    d.event_id.clone(),
                    Some(d.id.to_string()),
                )
            })
            .collect();
        store.add_decisions(&undos).map_err(err)?;
        Ok(what)
    }
}

#[derive(Default)]
struct QueueState {
    waiting: VecDeque<Job>,
    busy: bool,
    closed: bool,
}

struct Queue {
    state: Mutex<QueueState>,
    changed: Condvar,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, QueueState> {
        // A panicking job must not take the queue down with it.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The store thread: its own connection, jobs in order.
struct StoreThread {
    queue: Arc<Queue>,
    handle: Option<JoinHandle<()>>,
}

impl StoreThread {
    fn spawn(
        path: PathBuf,
        rules: SharedRules,
        tx: Sender<Report>,
    ) -> std::io::Result<StoreThread> {
        let queue = Arc::new(Queue {
            state: Mutex::new(QueueState::default()),
            changed: Condvar::new(),
        });
        let q = Arc::clone(&queue);
        let handle = std::thread::Builder::new()
            .name("dateline-store".into())
            .spawn(move || {
                let mut store = Store::open(&path).map_err(|e| e.to_string());
                let mut runner = Runner::default();
                loop {
                    let job = {
                        let mut s = q.lock();
                        while s.waiting.is_empty() && !s.closed {
                            s = q.changed.wait(s).unwrap_or_else(|p| p.into_inner());
                        }
                        let Some(job) = s.waiting.pop_front() else {
                            break;
                        };
                        s.busy = true;
                        job
                    };
                    match &mut store {
                        Ok(store) => runner.run(store, &rules, job, &tx),
                        Err(e) => {
                            let _ = tx.send(Runner::fail(&job, e));
                        }
                    }
                    q.lock().busy = false;
                    q.changed.notify_all();
                }
            })?;
        Ok(StoreThread {
            queue,
            handle: Some(handle),
        })
    }

    fn push(&self, job: Job) {
        enqueue(&mut self.queue.lock().waiting, job);
        self.queue.changed.notify_all();
    }

    fn idle(&self) -> bool {
        let s = self.queue.lock();
        s.waiting.is_empty() && !s.busy
    }

    fn wait_idle(&self) {
        let mut s = self.queue.lock();
        while !s.waiting.is_empty() || s.busy {
            s = self
                .queue
                .changed
                .wait(s)
                .unwrap_or_else(|p| p.into_inner());
        }
    }
}

impl Drop for StoreThread {
    /// Finishes the queued jobs (a decision is never left half shown),
    /// then ends the thread.
    fn drop(&mut self) {
        self.queue.lock().closed = true;
        self.queue.changed.notify_all();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// The app's side of the background: the one report channel, the store
/// thread (started on the first job) and the refresh thread.
pub struct Worker {
    tx: Sender<Report>,
    rx: Receiver<Report>,
    refresher: Option<Arc<Refresher>>,
    refresh: Option<JoinHandle<()>>,
    store: Option<StoreThread>,
    /// Runs jobs in place for a store in memory.
    inline: Runner,
}

impl Worker {
    pub fn new(refresher: Option<Refresher>) -> Worker {
        let (tx, rx) = std::sync::mpsc::channel();
        Worker {
            tx,
            rx,
            refresher: refresher.map(Arc::new),
            refresh: None,
            store: None,
            inline: Runner::default(),
        }
    }

    /// True when refreshing is possible at all.
    pub fn can_refresh(&self) -> bool {
        self.refresher.is_some()
    }

    /// True while a refresh thread runs.
    pub fn refreshing(&self) -> bool {
        self.refresh.is_some()
    }

    /// Starts a refresh; false when no refresher or no thread. The caller
    /// checks [`Worker::refreshing`] first. Its reports, then
    /// [`Report::RefreshEnded`], arrive on the channel.
    pub fn start_refresh(&mut self, mode: super::refresh::Mode) -> bool {
        let Some(r) = self.refresher.clone() else {
            return false;
        };
        let out = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("dateline-refresh".into())
            .spawn(move || {
                let (tx, rx) = std::sync::mpsc::channel();
                std::thread::scope(|s| {
                    s.spawn(move || r(tx, mode));
                    for m in rx {
                        let _ = out.send(Report::Refresh(m));
                    }
                });
                let _ = out.send(Report::RefreshEnded);
            });
        match spawned {
            Ok(h) => {
                self.refresh = Some(h);
                true
            }
            Err(_) => false,
        }
    }

    /// Called on [`Report::RefreshEnded`]: the thread is done.
    pub fn refresh_ended(&mut self) {
        if let Some(h) = self.refresh.take() {
            let _ = h.join();
        }
    }

    /// Hands a store job to the background: the store thread for a
    /// database file, in place for one in memory.
    pub fn submit(&mut self, store: &mut Store, rules: &SharedRules, job: Job) {
        if self.store.is_none() {
            if let Some(path) = store.file_path() {
                match StoreThread::spawn(path, rules.clone(), self.tx.clone()) {
                    Ok(t) => self.store = Some(t),
                    Err(e) => {
                        let why = format!("cannot start the background thread: {e}");
                        let _ = self.tx.send(Runner::fail(&job, &why));
                        return;
                    }
                }
            }
        }
        match &self.store {
            Some(t) => t.push(job),
            None => self.inline.run(store, rules, job, &self.tx),
        }
    }

    /// Reports that have arrived, without waiting.
    pub fn drain(&self) -> Vec<Report> {
        self.rx.try_iter().collect()
    }

    /// True when no store job is queued or running.
    pub fn store_idle(&self) -> bool {
        self.store.as_ref().is_none_or(StoreThread::idle)
    }

    /// Waits until the store jobs queued so far are done (tests, quit).
    pub fn wait_store(&self) {
        if let Some(t) = &self.store {
            t.wait_idle();
        }
    }

    /// Waits for the running refresh thread to end (tests, quit).
    pub fn wait_refresh(&mut self) {
        if let Some(h) = self.refresh.take() {
            let _ = h.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Rules;

    fn decide(ticket: u64) -> Job {
        Job::Decide {
            ticket,
            decisions: vec![(DecisionAction::Reject, "e1".into(), None)],
            done: "rejected".into(),
        }
    }

    #[test]
    fn at_most_one_rebuild_waits_and_the_newer_replaces_it() {
        let mut q = VecDeque::new();
        for job in [
            Job::Rebuild,
            decide(1),
            Job::Entities,
            Job::Rebuild,
            decide(2),
            Job::Rebuild,
        ] {
            enqueue(&mut q, job);
        }
        assert_eq!(
            q.into_iter().collect::<Vec<_>>(),
            vec![decide(1), Job::Entities, decide(2), Job::Rebuild],
            "decisions are never dropped; one rebuild, after them"
        );
    }

    #[test]
    fn undo_by_ticket_takes_back_what_that_job_wrote() {
        let mut store = Store::open_in_memory().expect("db");
        let rules = SharedRules::ready(Rules::builtin());
        let (tx, rx) = std::sync::mpsc::channel();
        let mut r = Runner::default();
        r.run(&mut store, &rules, decide(7), &tx);
        let other = Job::Decide {
            ticket: 8,
            decisions: vec![(DecisionAction::Confirm, "e2".into(), None)],
            done: "confirmed".into(),
        };
        r.run(&mut store, &rules, other, &tx);
        r.run(
            &mut store,
            &rules,
            Job::Undo {
                ticket: 9,
                target: UndoTarget::Ticket(7),
            },
            &tx,
        );
        let reports: Vec<Report> = rx.try_iter().collect();
        assert_eq!(
            reports.last(),
            Some(&Report::Decided {
                ticket: 9,
                result: Ok("undone: reject of e1".into())
            })
        );
        let all = store.decisions().expect("decisions");
        let undo = all.last().expect("an undo");
        assert_eq!(
            (undo.action, undo.event_id.as_str()),
            (DecisionAction::Undo, "e1")
        );
        // A ticket is undone once.
        r.run(
            &mut store,
            &rules,
            Job::Undo {
                ticket: 10,
                target: UndoTarget::Ticket(7),
            },
            &tx,
        );
        assert!(matches!(
            rx.try_iter().last(),
            Some(Report::Decided { result: Err(_), .. })
        ));
    }
}
