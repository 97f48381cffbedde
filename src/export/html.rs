//! The timeline as one self-contained HTML page: inline CSS and a small
//! inline script, no external asset of any kind (a Content-Security-Policy
//! forbids loading one), so it works offline and as an email attachment.
//! Events are grouped by month, coloured by kind, with their parties,
//! status, note, and every source cited (docs/citations.md) with the
//! sentence it came from quoted. A search box filters the entries in the
//! page; without script every entry simply shows.
//!
//! All feed text is HTML-escaped; only sources' http(s) addresses become
//! links, plus in-page links to related events.

use super::citation::Citation;
use super::{Options, ProvenanceMap};
use crate::model::{Event, Kind, Status};
use crate::tui::format;
use std::collections::HashSet;
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A citation in HTML: escaped text, the url a link only when it is a web
/// address.
pub fn cite(c: &Citation) -> String {
    c.render(escape, |u| {
        if super::is_web_url(u) {
            format!(
                "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>",
                escape(u)
            )
        } else {
            escape(u)
        }
    })
}

/// The colour of a kind: the terminal timeline's palette, as CSS.
fn colour(k: Kind) -> &'static str {
    match k {
        Kind::Ban => "#c62828",
        Kind::Sanction => "#d84343",
        Kind::ExportControl => "#8e24aa",
        Kind::Tariff => "#b04fc0",
        Kind::Lawsuit => "#1565c0",
        Kind::Ruling => "#2f80c9",
        Kind::Listing => "#a66f00",
        Kind::Delisting => "#2e7d32",
        Kind::Investigation => "#00838f",
        Kind::Accusation => "#00798c",
        Kind::Legislation => "#43853f",
        Kind::Other => "#616161",
    }
}

const STYLE: &str = "
:root{color-scheme:light dark}
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1d1d1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e8e8e8;background:#161618}a{color:#8ab4f8}.event{background:#202024}blockquote{color:#c8c8c8}}
h1{margin:.2rem 0}
.meta,.count,footer{color:#777;font-size:.9rem}
#searchbar{position:sticky;top:0;padding:.5rem 0;background:inherit;z-index:1}
#q{width:100%;box-sizing:border-box;font:inherit;padding:.4rem .6rem;border:1px solid #999;border-radius:.3rem}
h2{border-bottom:1px solid #ccc;margin:1.6rem 0 .6rem;font-size:1.2rem}
.event{border-left:.35rem solid var(--k);padding:.4rem .8rem;margin:.7rem 0;background:#fafafa;border-radius:.2rem}
.event h3{margin:.1rem 0;font-size:1.05rem}
.when{font-weight:600}
.kind{display:inline-block;background:var(--k);color:#fff;border-radius:.2rem;padding:0 .4rem;font-size:.8rem;margin-left:.4rem;vertical-align:1px}
.status{font-size:.85rem;margin-left:.4rem}
.s-confirmed{color:#2e7d32}.s-manual{color:#00838f}
.conflict{font-size:.85rem;margin-left:.4rem;color:#b26a00}
.who,.note,.related{margin:.2rem 0}
.sources{margin:.3rem 0;padding-left:1.4rem}
.sources li{margin:.3rem 0}
blockquote{margin:.1rem 0;color:#444;font-style:italic}
cite{font-style:normal;font-size:.9rem;overflow-wrap:anywhere}
[hidden]{display:none!important}
";

const SCRIPT: &str = "
(function(){
var q=document.getElementById('q'),shown=document.getElementById('shown');
var items=[].slice.call(document.querySelectorAll('article.event'));
var texts=items.map(function(a){return a.textContent.toLowerCase();});
var groups=[].slice.call(document.querySelectorAll('section.month'));
function plural(n){return n+(n===1?' event':' events');}
function apply(){
var words=q.value.toLowerCase().split(/\\s+/).filter(function(w){return w.length>0;});
var n=0;
items.forEach(function(a,i){
var ok=words.every(function(w){return texts[i].indexOf(w)>=0;});
a.hidden=!ok;if(ok){n++;}
});
groups.forEach(function(g){g.hidden=!g.querySelector('article.event:not([hidden])');});
shown.textContent=words.length?n+' of '+plural(items.length):plural(items.length);
document.body.setAttribute('data-shown',String(n));
}
q.addEventListener('input',apply);
var h=/^#q=(.*)$/.exec(location.hash);
if(h){try{q.value=decodeURIComponent(h[1]);}catch(e){q.value=h[1];}}
document.getElementById('searchbar').hidden=false;
apply();
})();
";

/// The whole page.
pub fn page(title: &str, events: &[Event], prov: &ProvenanceMap, opts: &Options) -> String {
    let title = escape(&crate::text::clean_line(title));
    let n = events.len();
    let count = format!("{n} event{}", if n == 1 { "" } else { "s" });
    let mut out = String::with_capacity(2048 + n * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<meta name=\"generator\" content=\"dateline\">\n\
<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body data-events=\"{n}\">\n\
<header>\n<h1>{title}</h1>\n<p class=\"meta\">{count} · exported by dateline on {}</p>\n\
<div id=\"searchbar\" hidden><input id=\"q\" type=\"search\" placeholder=\"Search: words, names, outlets, 华为…\" aria-label=\"Search the timeline\" autocomplete=\"off\"> <span id=\"shown\" class=\"count\">{count}</span></div>\n\
</header>\n<main>\n",
        opts.now.format("%-d %B %Y")
    );
    let present: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let titles: std::collections::HashMap<&str, &str> = events
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str()))
        .collect();
    let mut group = None;
    for e in events {
        let g = format::group_of(&e.span);
        if group != Some(g) {
            if group.is_some() {
                out.push_str("</section>\n");
            }
            group = Some(g);
            let _ = writeln!(
                out,
                "<section class=\"month\">\n<h2>{}</h2>",
                escape(&format::group_heading(g.0, g.1))
            );
        }
        entry(&mut out, e, prov, &present, &titles);
    }
    if group.is_some() {
        out.push_str("</section>\n");
    }
    if events.is_empty() {
        out.push_str("<p>No events match.</p>\n");
    }
    let _ = write!(
        out,
        "</main>\n<footer>\n<p>Sources are cited as: outlet, “headline”, publication date, address (accessed: the day dateline read the article). \
Each quote is the sentence the event was read from.</p>\n</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

fn entry(
    out: &mut String,
    e: &Event,
    prov: &ProvenanceMap,
    present: &HashSet<&str>,
    titles: &std::collections::HashMap<&str, &str>,
) {
    let clean = crate::text::clean_line;
    let kind = e.kind.as_str();
    let _ = write!(
        out,
        "<article class=\"event k-{kind}\" id=\"ev-{}\" style=\"--k:{}\">\n<p class=\"when\"><time datetime=\"{}\">{}</time><span class=\"kind\">{}</span>",
        escape(&e.id),
        colour(e.kind),
        e.span.start,
        escape(&format::span(&e.span)),
        escape(&super::kind_label(e.kind)),
    );
    match e.status {
        Status::Confirmed => out.push_str("<span class=\"status s-confirmed\">✓ confirmed</span>"),
        Status::Manual => out.push_str("<span class=\"status s-manual\">✎ added by hand</span>"),
        Status::Rejected => out.push_str("<span class=\"status s-rejected\">✗ rejected</span>"),
        Status::Auto => {}
    }
    if e.date_conflict {
        out.push_str("<span class=\"conflict\">≠ sources disagree on the date</span>");
    }
    let _ = write!(out, "</p>\n<h3>{}</h3>\n", escape(&clean(&e.title)));
    let names = |v: &[String]| {
        v.iter()
            .map(|n| escape(&clean(n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let who = match (e.actors.is_empty(), e.targets.is_empty()) {
        (false, false) => format!("{} → {}", names(&e.actors), names(&e.targets)),
        (false, true) => names(&e.actors),
        (true, false) => format!("→ {}", names(&e.targets)),
        (true, true) => String::new(),
    };
    if !who.is_empty() {
        let _ = writeln!(out, "<p class=\"who\">{who}</p>");
    }
    if let Some(note) = e.note.as_deref().filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(
            out,
            "<p class=\"note\"><b>Note:</b> {}</p>",
            escape(&clean(note))
        );
    }
    out.push_str("<ol class=\"sources\">\n");
    for s in &e.sources {
        let _ = writeln!(
            out,
            "<li><blockquote>{}</blockquote><cite>{}</cite></li>",
            escape(&clean(&s.evidence)),
            cite(&Citation::of(s, prov))
        );
    }
    out.push_str("</ol>\n");
    let related: Vec<String> = e
        .related
        .iter()
        .filter(|r| present.contains(r.as_str()))
        .map(|r| {
            format!(
                "<a href=\"#ev-{}\">{}</a>",
                escape(r),
                escape(&clean(titles.get(r.as_str()).copied().unwrap_or(r)))
            )
        })
        .collect();
    if !related.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"related\">Related: {}</p>",
            related.join(" · ")
        );
    }
    out.push_str("</article>\n");
}
