//! `dateline page [--json] PATH...`: what dateline reads from article
//! pages, through the same code `import` and full-text fetching use.

use crate::sources::page::read_page;
use anyhow::Result;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Serialize)]
struct PageJson<'a> {
    path: String,
    url: Option<&'a str>,
    title: &'a str,
    published: Option<String>,
    lang: &'a str,
    text: &'a str,
}

pub fn run(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let mut failed = false;
    for path in paths {
        let page = std::fs::read(path)
            .map_err(crate::sources::SourceError::from)
            .and_then(|b| read_page(&b, None));
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                failed = true;
                eprintln!("dateline: {}: {e}", path.display());
                continue;
            }
        };
        if json {
            let v = PageJson {
                path: path.display().to_string(),
                url: page.url.as_deref(),
                title: &page.title,
                published: page.published.map(|t| t.to_rfc3339()),
                lang: &page.lang,
                text: &page.text,
            };
            super::out(&serde_json::to_string(&v)?)?;
        } else {
            super::out(&format!("── {}", path.display()))?;
            super::out(&format!("title:     {}", page.title))?;
            super::out(&format!(
                "url:       {}",
                page.url.as_deref().unwrap_or("-")
            ))?;
            super::out(&format!(
                "published: {}",
                page.published
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_else(|| "-".into())
            ))?;
            super::out(&format!("language:  {}\n", page.lang))?;
            super::out(&page.text)?;
            super::out("")?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
