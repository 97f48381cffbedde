//! Chinese constructions of real news text (probe C), sixth set, each
//! tested on sentences written for this file, in both scripts, with a near
//! miss that must not fire: a bare day in numerals (八日, 十二日, 廿三日) and
//! 廿/卅 in counts; a rate cut by points in numerals (降低十个百分点); a list's
//! additions as 新增至/增至, after 对, or with a bracketed gloss after the
//! list's name; a long enumerated object before 列为; a further act of the
//! same occasion opened by 同时将; a prosecution brought by the Justice
//! Department (an accusation) and a civil suit (a lawsuit); an anti-dumping
//! or countervailing determination (初裁……存在倾销), a duty.

use super::tests::{check, found, none_of};
use crate::model::Kind;

// Every document of these tests is published on Wednesday 2025-06-18.

#[test]
fn a_bare_day_in_numerals() {
    check(&[
        (
            "美國商務部當地時間十二日將北岭公司等卅二家企業列入實體清單。",
            Kind::Listing,
            "2025-06-12",
        ),
        (
            "南川商务部八日宣布对北岭公司实施出口管制。",
            Kind::ExportControl,
            "2025-06-08",
        ),
        (
            "南川廿三日起對北岭商品加徵百分之十關稅。",
            Kind::Tariff,
            "2025-06-23",
        ),
    ]);
    // a count of days dates nothing
    none_of("南川三日後將北岭公司列入實體清單。", Kind::Listing);
    none_of("北岭公司被列入实体清单已有三日。", Kind::Listing);
}

#[test]
fn a_rate_cut_by_points_in_numerals() {
    check(&[(
        "南川十一月初將對北岭商品的關稅降低十個百分點。",
        Kind::Tariff,
        "2025-11",
    )]);
    // points of something else than a duty
    none_of("南川10日宣布出口额降低十个百分点。", Kind::Tariff);
}

#[test]
fn a_list_s_additions_in_other_frames() {
    check(&[
        (
            "美國商務部10日將北岭公司等29個實體新增至實體清單。",
            Kind::Listing,
            "2025-06-10",
        ),
        (
            "南川商务部10日宣布对北岭地区的十九个实体增至出口管制清单。",
            Kind::Listing,
            "2025-06-10",
        ),
        (
            "南川商务部周五发布声明说，将在实体清单（黑名单）中增加24个北岭机构。",
            Kind::Listing,
            "2025-06-13",
        ),
    ]);
    // a number raised, a list named in another clause
    none_of(
        "北岭公司10日將員工人數增至三千人，名單另行公佈。",
        Kind::Listing,
    );
}

#[test]
fn a_long_enumerated_object_before_lie_wei() {
    check(&[(
        "北岭商務部11日宣布，將南川無人機技術公司、南川半導體研究機構TechLab、南川航太科技集團等十四家外國實體列為不可靠實體清單。",
        Kind::Listing,
        "2025-06-11",
    )]);
    // a long stretch across a comma is two clauses
    none_of(
        "北岭11日將對南川無人機技術公司、南川半導體研究機構、南川航太科技集團等十四家企業加強出口審查，其中部分企業被列為重點名單。",
        Kind::Listing,
    );
}

#[test]
fn a_further_act_opened_by_tong_shi_jiang() {
    let got = found(
        "南川商務部10日宣布禁止北岭公司獲取南川技術。同時將北岭公司的三十八家子公司加入實體清單。",
    );
    assert!(
        got.contains(&(Kind::Listing, "2025-06-10".into())),
        "{got:?}"
    );
    // with no dated act before it, nothing dates it
    none_of(
        "同時將北岭公司的三十八家子公司加入實體清單。",
        Kind::Listing,
    );
}

#[test]
fn a_prosecution_is_an_accusation_and_a_civil_suit_a_lawsuit() {
    check(&[
        (
            "美國司法部10日以詐欺罪起訴北岭公司。",
            Kind::Accusation,
            "2025-06-10",
        ),
        (
            "美国司法部10日起诉北岭公司，罪名包括共谋洗钱。",
            Kind::Accusation,
            "2025-06-10",
        ),
        (
            "北岭公司10日对南川公司提起民事诉讼。",
            Kind::Lawsuit,
            "2025-06-10",
        ),
    ]);
    none_of("美國司法部10日以詐欺罪起訴北岭公司。", Kind::Lawsuit);
    // the Justice Department's civil suit stays a lawsuit
    check(&[(
        "美国司法部10日对北岭公司提起反垄断诉讼。",
        Kind::Lawsuit,
        "2025-06-10",
    )]);
    none_of("美国司法部10日对北岭公司提起反垄断诉讼。", Kind::Accusation);
}

#[test]
fn a_dumping_determination_is_a_duty() {
    check(&[
        (
            "南川商務部10日公布初裁結果，認定從北岭進口的鋁箔產品存在傾銷行為。",
            Kind::Tariff,
            "2025-06-10",
        ),
        (
            "南川商务部已于6月8日初裁认定上述产品存在补贴行为。",
            Kind::Tariff,
            "2025-06-08",
        ),
    ]);
    none_of(
        "南川商務部10日公布初裁結果，認定從北岭進口的鋁箔產品存在傾銷行為。",
        Kind::Ruling,
    );
    // an open question of dumping is no determination
    none_of(
        "南川商务部10日表示，北岭产品是否存在倾销仍在调查中。",
        Kind::Tariff,
    );
}
