//! Whether a tariff report tells of duties eased (suspended, excluded,
//! delayed, removed, reduced; not "lifted", which may mean raised) rather
//! than imposed. On one day a government may
//! impose one tariff and suspend another; the two are different
//! incidents even when they share every name and the date. Other kinds
//! are not read: a suspension is itself a ban ("suspended downloads of
//! the app"), and a court halting a measure is its ruling.

use crate::model::Kind;

/// Words that ease a measure, lower-cased; Chinese in both scripts.
const RELIEF: &[&str] = &[
    "suspend",
    "suspension",
    "exclusion",
    "exempt",
    "waive",
    "delayed",
    "delay the",
    "postpone",
    "paused",
    "roll back",
    "rolled back",
    "removed",
    "reduc",
    "lowered",
    "eliminat",
    "halved",
    "暂不",
    "暫不",
    "暂停",
    "暫停",
    "暂缓",
    "暫緩",
    "不再加征",
    "不再加徵",
    "继续不加征",
    "繼續不加徵",
    "繼續不加征",
    "排除",
    "豁免",
    "取消加征",
    "取消加徵",
    "停止加征",
    "停止加徵",
    "降低",
    "下调",
    "下調",
];

/// True when a tariff report's sentence tells of duties eased.
pub fn eases(kind: Kind, sentence: &str) -> bool {
    if kind != Kind::Tariff {
        return false;
    }
    let lower = sentence.to_lowercase();
    RELIEF.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easing_and_imposing_read_apart() {
        for s in [
            "The ministry suspended the extra duties on farm goods for a year.",
            "自下月1日起，暂不实施对部分商品的加征关税措施。",
            "對清單所列商品，繼續不加徵關稅。",
            "Officials delayed the start of the levy to June.",
            "The retaliatory duties were removed in May.",
            "Both sides agreed to reduce the tariffs to 10%.",
            "自下月1日起，将关税税率降低至10%。",
        ] {
            assert!(eases(Kind::Tariff, s), "{s}");
        }
        for s in [
            "The ministry imposed extra duties of 15% on farm goods.",
            "自下月1日起，对部分商品恢复加征25%关税。",
        ] {
            assert!(!eases(Kind::Tariff, s), "{s}");
        }
        assert!(!eases(
            Kind::Ban,
            "The regulator suspended downloads of the app."
        ));
    }
}
