//! What the app asks of the world outside the terminal: open a URL in the
//! browser (`$BROWSER` first, then the platform's opener), or copy it (OSC 52, which terminals and tmux pass to the
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
    open_with(url, std::env::var("BROWSER").ok().as_deref())
}

/// Opens `url` with the first command of [`browser_commands`] that starts.
fn open_with(url: &str, browser: Option<&str>) -> Result<(), String> {
    let mut last_err = String::new();
    for (program, args) in browser_commands(url, browser) {
        match Command::new(&program)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(_) => return Ok(()),
            Err(e) => last_err = format!("cannot run {program}: {e}"),
        }
    }
    Err(last_err)
}

/// The commands to try, in order, to open `url`: each entry of `$BROWSER`
/// (a colon-separated list of commands, the convention of xdg-utils and
/// Python's webbrowser; `%s` in an entry stands for the url, which is
/// otherwise appended; arguments are split on spaces and run without a
/// shell), then the platform's opener.
pub fn browser_commands(url: &str, browser: Option<&str>) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for entry in browser.unwrap_or("").split(':') {
        let mut words = entry.split_whitespace().map(str::to_string);
        let Some(program) = words.next() else {
            continue;
        };
        let mut args: Vec<String> = words.collect();
        if args.iter().any(|a| a.contains("%s")) {
            for a in &mut args {
                *a = a.replace("%s", url);
            }
        } else {
            args.push(url.to_string());
        }
        out.push((program, args));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    out.push((opener.to_string(), vec![url.to_string()]));
    out
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
    fn browser_variable_comes_first_then_the_platform_opener() {
        let url = "https://x.example/a";
        let cmds = browser_commands(url, Some("firefox --new-tab:w3m -o x=%s::"));
        assert_eq!(cmds[0].0, "firefox");
        assert_eq!(cmds[0].1, ["--new-tab", url]);
        assert_eq!(cmds[1].0, "w3m");
        assert_eq!(cmds[1].1, ["-o", "x=https://x.example/a"]);
        assert_eq!(cmds.len(), 3, "empty entries are skipped");
        let plain = browser_commands(url, None);
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].1, [url]);
        assert!(browser_commands(url, Some("")).len() == 1);
    }

    #[test]
    fn the_browser_variable_s_command_runs_with_the_url() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("opened");
        let script = dir.path().join("browser.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho \"$1\" > '{}'\n", log.display()),
        )
        .expect("script");
        let browser = format!("/no/such/browser:sh {}", script.display());
        open_with("https://x.example/a?b=1", Some(&browser)).expect("opened");
        let mut seen = String::new();
        for _ in 0..200 {
            seen = std::fs::read_to_string(&log).unwrap_or_default();
            if !seen.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(seen.trim(), "https://x.example/a?b=1");
    }

    #[test]
    fn only_web_and_file_urls_are_opened() {
        assert!(open("javascript:alert(1)").is_err());
    }
}
