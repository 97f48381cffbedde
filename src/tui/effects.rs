//! What the app asks of the world outside the terminal: open a URL in the
//! browser, or copy it (OSC 52, which terminals and tmux pass to the
//! system clipboard, so no clipboard library or X server is needed).

use super::app::Effect;
use std::io::Write;
use std::process::{Command, Stdio};

pub fn perform(e: &Effect) -> Result<(), String> {
    match e {
        Effect::OpenUrl(url) => open(url),
        Effect::CopyUrl(url) => copy(url),
    }
}

fn open(url: &str) -> Result<(), String> {
    if !(url.starts_with("http://") || url.starts_with("https://") || url.starts_with("file://")) {
        return Err(format!("not opening '{url}': not a web or file address"));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("cannot run {opener}: {e}"))
}

fn copy(url: &str) -> Result<(), String> {
    let seq = format!("\x1b]52;c;{}\x07", base64(url.as_bytes()));
    let mut out = std::io::stdout().lock();
    out.write_all(seq.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot copy: {e}"))
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn only_web_and_file_urls_are_opened() {
        assert!(open("javascript:alert(1)").is_err());
    }
}
