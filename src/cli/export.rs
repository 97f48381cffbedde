//! `dateline export FORMAT`: the filtered timeline written in one of the
//! formats of `crate::export`, to a file or standard output.

use super::args::{Context, ExportCmd, ExportOut, GroupBy, TitleArg};
use crate::export::{self, Format, Group, Options};
use anyhow::{anyhow, Result};
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Context, cmd: &ExportCmd) -> Result<ExitCode> {
    let mut opts = Options::new(chrono::Utc::now());
    let (format, out, title) = match cmd {
        ExportCmd::Md { title, out } => (Format::Markdown, out, Some(title)),
        ExportCmd::Csv { no_bom, out } => {
            opts.bom = !no_bom;
            (Format::Csv, out, None)
        }
        ExportCmd::Ics { out } => (Format::Ics, out, None),
        ExportCmd::Timelinejs { group, title, out } => {
            opts.group = match group {
                GroupBy::Kind => Group::Kind,
                GroupBy::Entity => Group::Entity,
            };
            (Format::TimelineJs, out, Some(title))
        }
        ExportCmd::Html { title, out } => (Format::Html, out, Some(title)),
    };
    opts.title = document_title(title, out);
    let store = ctx.store()?;
    let filter = super::query::filter(&store, &out.filters)?;
    // written as it is read (Markdown streams): nothing holds the whole
    // export
    match &out.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow!("{}: cannot write: {e}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let n = export::export_to(&store, &filter, format, &opts, &mut w)
                .and_then(|n| Ok(w.flush().map(|_| n)?))
                .map_err(|e| match e {
                    export::WriteError::Io(e) => anyhow!("{}: cannot write: {e}", path.display()),
                    other => anyhow!(other),
                })?;
            eprintln!(
                "{} written to {}",
                crate::text::count(n, "event", "events"),
                path.display()
            );
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            export::export_to(&store, &filter, format, &opts, &mut w)?;
            w.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn document_title(title: Option<&TitleArg>, out: &ExportOut) -> String {
    if let Some(t) = title.and_then(|t| t.title.as_deref()) {
        return t.to_string();
    }
    if out.filters.entity.is_empty() {
        "Timeline".into()
    } else {
        format!("{}: timeline", out.filters.entity.join(", "))
    }
}
