//! `dateline import PATH...`: every file is read on its own; one bad file
//! is reported on one line and the others are still imported.

use super::args::Context;
use crate::config::FeedConfig;
use crate::pipeline;
use crate::sources::import::{read_path, Input};
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(ctx: &Context, paths: &[PathBuf]) -> Result<ExitCode> {
    let rules = ctx.rules()?;
    let mut store = ctx.store()?;
    let mut articles = Vec::new();
    let mut feeds: Vec<FeedConfig> = Vec::new();
    let mut failed = 0usize;
    for path in paths {
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
                articles.extend(feed.items.into_iter().map(|i| i.article))
            }
            Ok(Input::Page(a)) => articles.push(a),
            Ok(Input::Opml(list)) => feeds.extend(list),
            Err(e) => {
                failed += 1;
                eprintln!(
                    "dateline: {}: {}",
                    path.display(),
                    crate::text::clean_line(&e.to_string())
                );
            }
        }
    }
    let mut report = pipeline::IngestReport::default();
    if let Err(e) = pipeline::ingest_counted(&mut store, &rules, &articles, &mut report) {
        let stored = report.stored_articles;
        let e = anyhow::Error::from(e);
        return Err(if stored == 0 {
            e
        } else if stored == articles.len() {
            e.context(format!(
                "all {stored} articles were stored; the timeline will be rebuilt by the next dateline command"
            ))
        } else {
            e.context(format!(
                "{stored} of {} articles were stored ({} new), the rest were not: run the import again to finish",
                articles.len(),
                report.new_articles
            ))
        });
    }
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
        crate::text::count(articles.len(), "article", "articles"),
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
