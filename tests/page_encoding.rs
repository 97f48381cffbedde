//! Bytes to text on fixture pages in each encoding dateline must read:
//! declared by `<meta charset>`, `http-equiv` or a BOM, and unlabelled
//! (left to the detector).

use dateline::sources::encoding::sniff;
use dateline::sources::page::read_page;

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).expect("fixture exists")
}

const ZH_TITLE: &str = "商务部对进口光纤发起反倾销调查";
const ZH_FIRST: &str =
    "商务部周二表示，已对进口光纤发起反倾销调查，这是双方市场准入争端持续数月后的最新一步。";

fn assert_simplified_chinese(name: &str, encoding: &str) {
    let b = bytes(name);
    assert_eq!(sniff(&b, None).name(), encoding, "{name}");
    let p = read_page(&b, None).expect("fixture reads");
    assert_eq!(p.title, ZH_TITLE, "{name}");
    assert_eq!(p.lang, "zh", "{name}");
    let paras: Vec<&str> = p.text.split("\n\n").collect();
    assert_eq!(paras.len(), 3, "{name}: {}", p.text);
    assert_eq!(paras[0], ZH_FIRST, "{name}");
    for clutter in ["广告", "相关新闻", "版权所有", "首页"] {
        assert!(!p.text.contains(clutter), "{name}: {clutter} leaked");
    }
    assert!(
        !p.text.contains('\u{fffd}'),
        "{name}: replacement characters"
    );
}

#[test]
fn gbk_by_meta_charset() {
    assert_simplified_chinese("enc-gbk.html", "GBK");
}

#[test]
fn gb18030_by_http_equiv() {
    assert_simplified_chinese("enc-gb18030.html", "gb18030");
}

#[test]
fn unlabelled_gbk_by_detector() {
    assert_simplified_chinese("enc-unlabelled-gbk.html", "GBK");
}

#[test]
fn utf8_bom_beats_a_wrong_declaration() {
    // the page says gbk, but its BOM says UTF-8 and the BOM is right
    assert_simplified_chinese("enc-utf8-bom.html", "UTF-8");
}

#[test]
fn utf16_with_bom() {
    assert_simplified_chinese("enc-utf16le-bom.html", "UTF-16LE");
}

#[test]
fn big5_traditional_chinese() {
    let b = bytes("enc-big5.html");
    assert_eq!(sniff(&b, None).name(), "Big5");
    let p = read_page(&b, None).expect("fixture reads");
    assert_eq!(p.title, "經濟部對進口光纖展開反傾銷調查");
    assert!(p.text.starts_with("經濟部週二表示"), "{}", p.text);
    assert_eq!(p.lang, "zh");
}

#[test]
fn shift_jis_by_http_equiv() {
    let b = bytes("enc-shift_jis.html");
    assert_eq!(sniff(&b, None).name(), "Shift_JIS");
    let p = read_page(&b, None).expect("fixture reads");
    assert_eq!(p.lang, "ja");
    assert!(p.text.starts_with("経済産業省は火曜日"), "{}", p.text);
    assert_eq!(p.text.split("\n\n").count(), 2);
}

#[test]
fn windows_1252_declared_and_detected() {
    for name in ["enc-windows-1252.html", "enc-unlabelled-1252.html"] {
        let b = bytes(name);
        assert_eq!(sniff(&b, None).name(), "windows-1252", "{name}");
        let p = read_page(&b, None).expect("fixture reads");
        assert!(
            p.text
                .starts_with("The na\u{ef}ve \u{201c}trade\u{201d} ministry"),
            "{name}: {}",
            p.text
        );
    }
}

#[test]
fn http_header_charset_is_trusted_over_the_detector() {
    let b = bytes("enc-unlabelled-gbk.html");
    let p = read_page(&b, Some("text/html; charset=GB18030")).expect("reads");
    assert!(p.text.starts_with(ZH_FIRST));
}
