//! `dateline page [--json] PATH...`: what dateline reads from article
//! pages, through the same code `import` and full-text fetching use.

use crate::sources::page::{read_page, MAX_PAGE_BYTES};
use anyhow::Result;
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Serialize)]
struct PageJson<'a> {
    path: String,
    url: Option<&'a str>,
    title: &'a str,
    published: Option<String>,
    site_name: Option<&'a str>,
    lang: &'a str,
    text: &'a str,
}

/// The first [`MAX_PAGE_BYTES`] of a file: the rest would be cut off
/// anyway, so a huge file is never held in memory whole.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_PAGE_BYTES as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

pub fn run(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let mut failed = false;
    for path in paths {
        let page = read_capped(path)
            .map_err(crate::sources::SourceError::from)
            .and_then(|b| {
                crate::guard::catch(|| read_page(&b, None))
                    .unwrap_or_else(|e| Err(crate::sources::SourceError::Internal(e)))
            });
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
                site_name: page.site_name.as_deref(),
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
            super::out(&format!(
                "site:      {}",
                page.site_name.as_deref().unwrap_or("-")
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
