//! `dateline import PATH...`: every file is read on its own; one bad file
//! is reported on one line and the others are still imported. Files are
//! read as the ingest goes, a batch of them at a time, so an import of many
//! files holds only the batch being stored.

use super::args::Context;
use crate::config::FeedConfig;
use crate::model::Article;
use crate::pipeline;
use crate::sources::import::{read_path, Input};
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(ctx: &Context, paths: &[PathBuf]) -> Result<ExitCode> {
    let rules = ctx.rules()?;
    let mut store = ctx.store()?;
    let mut files = Files {
        paths: paths.iter(),
        feeds: Vec::new(),
        failed: 0,
        read: 0,
        done: false,
    };
    let mut report = pipeline::IngestReport::default();
    if let Err(e) = pipeline::ingest_counted(&mut store, &rules, &mut files, &mut report) {
        let stored = report.stored_articles;
        let e = anyhow::Error::from(e);
        return Err(if stored == 0 {
            e
        } else if files.done && stored == files.read {
            e.context(format!(
                "all {stored} articles were stored; the timeline will be rebuilt by the next dateline command"
            ))
        } else {
            e.context(format!(
                "{stored} articles were stored ({} new), the rest were not: run the import again to finish",
                report.new_articles
            ))
        });
    }
    let (articles, feeds, failed) = (files.read, files.feeds, files.failed);
    if !feeds.is_empty() {
        let added = crate::cli::feeds_added(ctx, &feeds)?;
        eprintln!(
            "{} added to {}",
            crate::text::count(added, "feed", "feeds"),
            ctx.config.display()
        );
    }
    eprintln!(
        "imported {} ({} new, {} updated); {} ({} new)",
        crate::text::count(articles, "article", "articles"),
        report.new_articles,
        report.updated_articles,
        crate::text::count(report.events_after, "event", "events"),
        report.new_events()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The input files, read one at a time as the ingest asks for articles: a
/// batch is a few whole files' articles, at least [`pipeline::BATCH`] of
/// them unless the files run out, so neither many small pages nor one big
/// feed makes the import hold more than a batch and one file. A bad file is
/// reported on one line as it is met.
struct Files<'a> {
    paths: std::slice::Iter<'a, PathBuf>,
    feeds: Vec<FeedConfig>,
    failed: usize,
    /// Articles read so far.
    read: usize,
    /// Every file has been read.
    done: bool,
}

impl Iterator for Files<'_> {
    type Item = Vec<Article>;

    fn next(&mut self) -> Option<Vec<Article>> {
        let mut batch = Vec::new();
        while batch.len() < pipeline::BATCH {
            let Some(path) = self.paths.next() else {
                self.done = true;
                break;
            };
            match read_path(path) {
                Ok(Input::Feed(feed)) => {
                    if feed.skipped > 0 {
                        eprintln!(
                            "dateline: {}: {} item{} without a link, title or text left out",
                            path.display(),
                            feed.skipped,
                            if feed.skipped == 1 { "" } else { "s" }
                        );
                    }
                    batch.extend(feed.items.into_iter().map(|i| i.article))
                }
                Ok(Input::Page(a)) => batch.push(a),
                Ok(Input::Opml(list)) => self.feeds.extend(list),
                Err(e) => {
                    self.failed += 1;
                    eprintln!(
                        "dateline: {}: {}",
                        path.display(),
                        crate::text::clean_line(&e.to_string())
                    );
                }
            }
        }
        self.read += batch.len();
        (!batch.is_empty()).then_some(batch)
    }
}
