//! A small HTTP/1.1 server on loopback for the fetch tests and benchmark:
//! one thread per connection, canned replies chosen by a closure, and the
//! misbehaviours a feed reader meets in the wild (a body dripped a byte at a
//! time, an endless body, a server that never answers). No test reaches the
//! internet.
#![allow(dead_code)]

pub mod cli;

use dateline::config::FeedConfig;
use dateline::sources::fetch::{refresh, Backoff, FetchOptions, FetchSummary};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// One request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the server does with a request.
pub enum Reply {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// A 200 that promises a large body and sends one byte per interval.
    Drip(Duration),
    /// A 200 with no length whose body never ends.
    Endless,
    /// Reads the request and never answers.
    Silent,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: format!("status {status}").into_bytes(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Full { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server; stops when dropped.
pub struct Server {
    pub addr: SocketAddr,
    /// Requests served so far.
    pub hits: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_on("127.0.0.1", handler)
    }

    /// A server on another loopback address (any of 127.0.0.0/8), so that
    /// several servers count as several hosts.
    pub fn start_on(
        ip: &str,
        handler: impl Fn(&Request) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind((ip, 0)).expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let hits = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (h, s) = (hits.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (handler, hits, stop) = (handler.clone(), h.clone(), s.clone());
                std::thread::spawn(move || serve(conn, &*handler, &hits, &stop));
            }
        });
        Server { addr, hits, stop }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

fn read_request(conn: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = conn.read(&mut byte).ok()?;
        if n == 0 || buf.len() > 64 * 1024 {
            return None;
        }
        buf.extend_from_slice(&byte[..n]);
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let mut lines = head.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(Request { path, headers })
}

fn serve(mut conn: TcpStream, handler: &Handler, hits: &AtomicUsize, stop: &AtomicBool) {
    let Some(req) = read_request(&mut conn) else {
        return;
    };
    hits.fetch_add(1, Ordering::SeqCst);
    match handler(&req) {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (k, v) in &headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            if status != 304 {
                head.push_str(&format!("Content-Length: {}\r\n", body.len()));
            }
            head.push_str("Connection: close\r\n\r\n");
            let _ = conn.write_all(head.as_bytes());
            if status != 304 {
                let _ = conn.write_all(&body);
            }
        }
        Reply::Drip(every) => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n<";
            if conn.write_all(head.as_bytes()).is_err() {
                return;
            }
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(every);
                if conn.write_all(b" ").is_err() {
                    return;
                }
            }
        }
        Reply::Endless => {
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss><channel><title>";
            if conn.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = vec![b'a'; 64 * 1024];
            while !stop.load(Ordering::SeqCst) {
                if conn.write_all(&chunk).is_err() {
                    return;
                }
            }
        }
        Reply::Silent => {
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
                let mut b = [0u8; 1];
                conn.set_nonblocking(true).ok();
                if let Ok(0) = conn.read(&mut b) {
                    return;
                }
            }
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Other",
    }
}

/// An RSS 2.0 document; items are (link, title, html body, RFC 2822 date).
pub fn rss(title: &str, items: &[(String, String, String, String)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>{}</title><link>http://example.invalid/</link><description>test</description>\n",
        esc(title)
    );
    for (link, t, body, date) in items {
        out.push_str(&format!(
            "<item><title>{}</title><link>{}</link><guid>{}</guid><pubDate>{}</pubDate><description><![CDATA[{}]]></description></item>\n",
            esc(t),
            esc(link),
            esc(link),
            date,
            body
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A paragraph of made-up policy news, different for each `n`.
pub fn story(n: usize, paragraphs: usize) -> String {
    let firms = [
        "Northwind Semiconductor",
        "Lumen Robotics",
        "Harbor Telecom",
        "Quarry AI",
        "Tidewater Batteries",
    ];
    let acts = [
        "added to a trade restriction list",
        "sued by a state regulator",
        "fined for customs violations",
        "placed under a new investigation",
        "hit by an import tariff",
    ];
    (0..paragraphs)
        .map(|p| {
            let f = firms[(n + p) % firms.len()];
            let a = acts[(n * 3 + p) % acts.len()];
            format!(
                "<p>Report {n}, part {p}: officials said on Monday that {f} had been {a}, and the company said it would respond within thirty days after reviewing the notice with its lawyers.</p>"
            )
        })
        .collect()
}

/// Limits suited to tests: short timeouts, quick retries, no minimum
/// interval between fetches.
pub fn quick() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        retries: 1,
        retry_backoff: Duration::from_millis(20),
        max_retry_wait: Duration::from_secs(2),
        backoff: Backoff {
            min_interval: Duration::ZERO,
            ..Backoff::default()
        },
        ..FetchOptions::default()
    }
}

pub fn feed(url: String) -> FeedConfig {
    FeedConfig {
        url,
        ..Default::default()
    }
}

/// Runs a refresh to its end.
pub fn run(db: &Path, feeds: &[FeedConfig], opts: &FetchOptions) -> FetchSummary {
    let (tx, _rx) = std::sync::mpsc::channel();
    refresh(db, feeds, opts, &tx).expect("refresh runs")
}
