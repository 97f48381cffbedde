//! Bytes to text: finds the charset (BOM, HTTP header, XML declaration,
//! `<meta charset>` or `http-equiv`), falls back to a detector (chardetng,
//! the one Firefox uses) for unlabelled bytes, and decodes with encoding_rs,
//! so GBK, GB18030, Big5, Shift_JIS and windows-1252 pages read correctly.

use encoding_rs::Encoding;

/// How much of the start of a document is searched for a declaration.
/// Browsers look at 1,024 bytes; many pages declare later than that.
const HEAD_BYTES: usize = 8192;

/// Decodes `bytes`, trusting in order: a BOM, the charset of an HTTP
/// `Content-Type` header, the document's own declaration, a detector.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let encoding = sniff(bytes, content_type);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The encoding [`decode`] would use.
pub fn sniff(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = content_type.and_then(charset_param).and_then(label) {
        return enc;
    }
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let head_text = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(enc) = declared(&head_text) {
        return enc;
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => return encoding_rs::UTF_8,
        // valid UTF-8 cut off mid-character, as a capped page may be
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() => {
            return encoding_rs::UTF_8;
        }
        Err(_) => {}
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(
        &bytes[..bytes.len().min(64 * 1024)],
        bytes.len() <= 64 * 1024,
    );
    det.guess(None, chardetng::Utf8Detection::Allow)
}

fn label(name: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(name.trim().trim_matches(['"', '\'']).as_bytes())?;
    // a page that says UTF-16 but reached us as bytes without a BOM is lying
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(enc)
}

fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then_some(v.trim())
    })
}

/// `<?xml encoding="…"?>`, `<meta charset="…">` or `http-equiv` content.
fn declared(head: &str) -> Option<&'static Encoding> {
    if head.trim_start().starts_with("<?xml") {
        let decl_end = head.find("?>")?;
        let decl = &head[..decl_end];
        let at = decl.find("encoding")?;
        let rest = decl[at + "encoding".len()..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        // the value is quoted with ' or "; anything else is no declaration
        // (and may be a multi-byte character, so never slice past it)
        let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let value = rest[quote.len_utf8()..].split(quote).next()?;
        return label(value);
    }
    let mut from = 0;
    while let Some(pos) = head[from..].find("charset") {
        let at = from + pos + "charset".len();
        from = at;
        let rest = head[at..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let value: String = rest
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(enc) = label(&value) {
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_sources_in_order_of_trust() {
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta charset=\"gbk\"></head><body>华为被列入实体清单</body></html>",
        );
        assert!(decode(&gbk, None).contains("华为被列入实体清单"));
        let (gbk_plain, _, _) = encoding_rs::GBK.encode("<p>制裁</p>");
        assert!(decode(&gbk_plain, Some("text/html; charset=GBK")).contains("制裁"));
        let (big5, _, _) =
            encoding_rs::BIG5.encode("<?xml version=\"1.0\" encoding=\"big5\"?><rss>臺灣</rss>");
        assert!(decode(&big5, None).contains("臺灣"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("ok".as_bytes());
        assert_eq!(decode(&bom, Some("text/html; charset=latin1")), "ok");
    }

    #[test]
    fn a_declaration_with_a_non_ascii_quote_is_no_declaration() {
        // found by the encoding fuzzer's predecessor: a panic slicing
        // inside the replacement character
        let mut doc = b"<?xmlencoding=".to_vec();
        doc.extend_from_slice(&[0xF8, b'?', b'>']);
        let _ = sniff(&doc, None);
        let mut quoted = b"<?xml version='1.0' encoding=".to_vec();
        quoted.extend_from_slice("\u{201c}gbk\u{201d}?><rss/>".as_bytes());
        assert_eq!(sniff(&quoted, None), encoding_rs::UTF_8);
    }

    #[test]
    fn bom_and_http_charset_outrank_the_declaration() {
        let doc = "<?xml version=\"1.0\" encoding=\"gbk\"?><rss>华为</rss>";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(doc.as_bytes());
        assert_eq!(sniff(&bom, None), encoding_rs::UTF_8);
        assert_eq!(
            sniff(doc.as_bytes(), Some("application/rss+xml; charset=utf-8")),
            encoding_rs::UTF_8
        );
        assert_eq!(sniff(doc.as_bytes(), None), encoding_rs::GBK);
    }

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let text = "<p>实体清单</p>".as_bytes();
        // cut inside the last Han character's three bytes
        let cut = &text[..text.len() - 6];
        assert_eq!(sniff(cut, None), encoding_rs::UTF_8);
        assert!(decode(cut, None).starts_with("<p>实体清"));
        // a stray invalid byte in the middle is not a cut: the detector decides
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<p>美国商务部将华为列入实体清单，中方坚决反对。</p>");
        assert_eq!(sniff(&gbk, None), encoding_rs::GBK);
    }
}
