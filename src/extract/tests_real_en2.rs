//! English constructions of reports, bill histories, court opinions and
//! wire copy (issue 12), each tested on sentences written for this file
//! with a near miss that must stay silent: whatever "became law", a vote
//! "in favor of" a bill, a bill's history lines, statutes named in title
//! case, official findings and criminal charges, licence requirements and
//! chip rules, and tariff rates that change.

use super::tests::{check, found, none_of};
use crate::model::Kind;

#[test]
fn whatever_became_law_is_legislation() {
    check(&[
        (
            "FARMA, which became law in August 2019, widened the committee's reach.",
            Kind::Legislation,
            "2019-08",
        ),
        (
            "The FY2022 NDAA became law on December 27, 2021, over the objections of the industry.",
            Kind::Legislation,
            "2021-12-27",
        ),
        (
            "In March 2021, the President signed the FY2021 NDAA.",
            Kind::Legislation,
            "2021-03",
        ),
    ]);
    none_of(
        "The bill could become law in July if the Senate acts.",
        Kind::Legislation,
    );
    none_of("The measure never became law in 2019.", Kind::Legislation);
}

#[test]
fn votes_in_favor_and_final_approval_pass_a_bill() {
    check(&[
        (
            "Members of the House voted 301-99 on Tuesday in favor of the bill.",
            Kind::Legislation,
            "2025-06-17",
        ),
        (
            "The Senate gave final approval to the package on Thursday.",
            Kind::Legislation,
            "2025-06-12",
        ),
        (
            "The chamber voted 70-29 on May 3, 2022, to approve the Safe Ports Act.",
            Kind::Legislation,
            "2022-05-03",
        ),
        (
            "The House approved the conference report on July 9, 2019.",
            Kind::Legislation,
            "2019-07-09",
        ),
    ]);
    none_of(
        "The Senate is expected to vote next week in favor of the bill.",
        Kind::Legislation,
    );
}

#[test]
fn a_bills_history_lines_date_its_steps() {
    check(&[
        (
            "Passed Senate (04/14/2021)",
            Kind::Legislation,
            "2021-04-14",
        ),
        (
            "Became Public Law No: 117-301 (10/02/2022)",
            Kind::Legislation,
            "2022-10-02",
        ),
        (
            "Agreed to by voice vote on 03/09/2023.",
            Kind::Legislation,
            "2023-03-09",
        ),
    ]);
}

#[test]
fn statutes_in_title_case_and_with_their_participle() {
    check(&[
        // "and" between title words joins no clauses
        (
            "Congress passed the Safe and Trusted Harbors Act in 2021.",
            Kind::Legislation,
            "2021",
        ),
        // "No" opening a title negates nothing
        (
            "The No Spyware on Agency Phones Act was enacted on March 2, 2023.",
            Kind::Legislation,
            "2023-03-02",
        ),
        (
            "The republic's Data Export Law, adopted in 2019, obliges firms to store records at home.",
            Kind::Legislation,
            "2019",
        ),
        (
            "Since early 2021, the government has adopted a series of laws on foreign sanctions.",
            Kind::Legislation,
            "2021",
        ),
    ]);
    none_of("No act was passed in 2021.", Kind::Legislation);
}

#[test]
fn official_findings_and_criminal_charges_are_accusations() {
    check(&[
        (
            "On July 2, 2021, the Treasury Department designated Freedonia a currency manipulator.",
            Kind::Accusation,
            "2021-07-02",
        ),
        (
            "In March 2019, the Justice Department indicted Ostrava Networks on fraud charges.",
            Kind::Accusation,
            "2019-03",
        ),
        (
            "The Justice Department unsealed an indictment against Ostrava Networks in May 2020.",
            Kind::Accusation,
            "2020-05",
        ),
        (
            "In April 2019, the USTR concluded that the Freedonian rules burden U.S. commerce.",
            Kind::Accusation,
            "2019-04",
        ),
        (
            "Beijing on Tuesday charged that the levies broke trade rules.",
            Kind::Accusation,
            "2025-06-17",
        ),
    ]);
    // an accusation needs someone who makes it
    none_of(
        "In March 2019, several executives were indicted.",
        Kind::Accusation,
    );
    none_of(
        "The firm has denied charges that it spied for Freedonia in 2019.",
        Kind::Accusation,
    );
}

#[test]
fn licence_requirements_and_chip_rules_are_export_controls() {
    check(&[
        (
            "On March 3, 2023, the bureau imposed new license requirements on exports of memory chips to Freedonia.",
            Kind::ExportControl,
            "2023-03-03",
        ),
        (
            "The bureau issued an interim final rule on May 9, 2024, restricting shipments of advanced chips to Freedonia.",
            Kind::ExportControl,
            "2024-05-09",
        ),
        (
            "The bureau released its AI diffusion rule on January 10, 2025.",
            Kind::ExportControl,
            "2025-01-10",
        ),
        (
            "In June 2021, the department restricted Ostrava Networks' access to chips made with U.S. technology.",
            Kind::ExportControl,
            "2021-06",
        ),
        (
            "Beginning September 1, 2023, exporters must obtain licenses to ship the two metals abroad.",
            Kind::ExportControl,
            "2023-09-01",
        ),
    ]);
    none_of(
        "The bureau may impose new license requirements on chips in 2026.",
        Kind::ExportControl,
    );
}

#[test]
fn tariff_rates_that_change_are_tariffs() {
    check(&[
        (
            "The rate on those goods rose to 25% on June 1, 2019.",
            Kind::Tariff,
            "2019-06-01",
        ),
        (
            "The tariff on List 2 products was halved to 5% on March 1, 2020.",
            Kind::Tariff,
            "2020-03-01",
        ),
        (
            "On April 3, 2018, the President proclaimed tariffs of 20% on imported washers.",
            Kind::Tariff,
            "2018-04-03",
        ),
        (
            "The trade office released the final list of goods subject to the 10% tariff on July 2, 2018.",
            Kind::Tariff,
            "2018-07-02",
        ),
    ]);
    // tariffs that raised prices were not themselves raised
    none_of(
        "Economists said tariffs raised prices in 2019.",
        Kind::Tariff,
    );
    none_of(
        "The rate on mortgages rose to 7% on May 2, 2023.",
        Kind::Tariff,
    );
}

#[test]
fn orders_to_app_stores_and_restricted_purchases_are_bans() {
    check(&[
        (
            "The department on August 2, 2021, ordered app stores to remove the Velka app.",
            Kind::Ban,
            "2021-08-02",
        ),
        (
            "The Navy restricted the purchase of Freedonian drones in October 2022.",
            Kind::Ban,
            "2022-10",
        ),
    ]);
    none_of(
        "The department could order app stores to remove the Velka app in 2026.",
        Kind::Ban,
    );
}

#[test]
fn a_written_out_year_carries_to_the_dates_after_it() {
    // published 2025-06-18: in the same sentence, a later year-less date
    // is in the year just written
    check(&[(
        "On March 2, 2021, the department said it would prohibit downloads of the Velka app starting March 9.",
        Kind::Ban,
        "2021-03-09",
    )]);
    // across sentences only where publication's year would put a past act
    // after publication
    let text = "On July 1, 2020, the agency opened a review of the Velka app. On September 3, the agency banned the app.";
    check(&[(text, Kind::Ban, "2020-09-03")]);
    // news copy: a background year, then this year's day
    let text = "The firm was fined in July 2021. On March 3, the agency banned the Velka app.";
    check(&[(text, Kind::Ban, "2025-03-03")]);
}

#[test]
fn what_a_suit_claims_is_no_event_of_its_own() {
    let text = "On May 5, Ostrava Networks sued the agency, alleging it had been unlawfully banned from federal contracts.";
    check(&[(text, Kind::Lawsuit, "2025-05-05")]);
    none_of(text, Kind::Ban);
    // unless the claim dates what it names
    check(&[(
        "Ostrava Networks sued on May 5, arguing that the executive order of March 2 exceeded the President's powers.",
        Kind::Legislation,
        "2025-03-02",
    )]);
}

#[test]
fn attributions_and_denunciations_are_accusations() {
    check(&[
        (
            "On July 9, 2021, the White House attributed the hack of the mail servers to hackers tied to Freedonia.",
            Kind::Accusation,
            "2021-07-09",
        ),
        (
            "Beijing on Tuesday denounced the new controls as economic bullying.",
            Kind::Accusation,
            "2025-06-17",
        ),
    ]);
    none_of(
        "Beijing on Tuesday denounced the visit by the delegation.",
        Kind::Accusation,
    );
}

#[test]
fn a_span_after_an_earlier_event_dates_the_main_clause() {
    // the court's order was November 2023: "several months after" it can
    // only be 2024
    let text = "On November 28, 2023, a federal court blocked the state's ban on the Velka app. Several months after the court enjoined the ban, Congress passed the Safe Apps Act.";
    check(&[(text, Kind::Legislation, "2024")]);
    // the after-clause's own event takes no date from the span
    let got = found(text);
    assert_eq!(
        got.iter().filter(|(k, _)| *k == Kind::Ruling).count(),
        1,
        "{got:?}"
    );
    // within a month: the month
    let text = "On March 3, 2022, the House passed the Safe Apps Act. Two weeks later, the Senate passed the bill.";
    check(&[(text, Kind::Legislation, "2022-03")]);
    // a span that may cross a year dates nothing
    let text = "On June 20, 2022, the House passed the Safe Apps Act. Several months later, the Senate passed the bill.";
    let got = found(text);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn measures_that_become_effective_and_later_steps() {
    check(&[
        (
            "Duties of 20% on imported washers became effective February 7, 2018.",
            Kind::Tariff,
            "2018-02-07",
        ),
        (
            "The safeguard tariffs, effective February 7, 2018, cover most suppliers.",
            Kind::Tariff,
            "2018-02-07",
        ),
        (
            "Levies on Freedonian goods reached 80% in April 2025.",
            Kind::Tariff,
            "2025-04",
        ),
        (
            "The President imposed a 10% tariff on Freedonian goods in May 2021, and raised it to 25% in July.",
            Kind::Tariff,
            "2021-07",
        ),
        (
            "Export controls on memory chips, first imposed in March 2021 and tightened in May 2022, limit sales to Freedonia.",
            Kind::ExportControl,
            "2022-05",
        ),
        (
            "The March 2021 rule restricted shipments of memory chips to Freedonia.",
            Kind::ExportControl,
            "2021-03",
        ),
    ]);
    // tariff revenue is no tariff; a law taking effect was reported when
    // it was enacted
    none_of(
        "Tariff revenue reached $20 billion in April 2025.",
        Kind::Tariff,
    );
    let text =
        "In 2019, Congress enacted the Safe Ports Act, which became effective on May 3, 2019.";
    let got = found(text);
    assert_eq!(got, vec![(Kind::Legislation, "2019".to_string())]);
}

#[test]
fn a_comma_list_of_dates_dates_one_event_each() {
    let got =
        found("The department imposed duties on May 2, 2019, June 9, 2019, and August 1, 2019.");
    for d in ["2019-05-02", "2019-06-09", "2019-08-01"] {
        assert!(got.contains(&(Kind::Tariff, d.to_string())), "{d}: {got:?}");
    }
}

#[test]
fn unnamed_accusers_by_their_role_accuse() {
    check(&[
        (
            "In May 2021, federal prosecutors accused two engineers of stealing chip designs.",
            Kind::Accusation,
            "2021-05",
        ),
        (
            "In May 2021, lawmakers accused the Velka app of sending data abroad.",
            Kind::Accusation,
            "2021-05",
        ),
    ]);
    // nobody who accuses
    none_of(
        "In May 2021, two engineers were accused of stealing chip designs.",
        Kind::Accusation,
    );
}

#[test]
fn executive_orders_by_number_abbreviation_and_date() {
    check(&[
        (
            "The President issued E.O. 14555 on March 4, 2022, declaring a national emergency.",
            Kind::Legislation,
            "2022-03-04",
        ),
        (
            "Executive Order 14555 (March 4, 2022) declared a national emergency over drones.",
            Kind::Legislation,
            "2022-03-04",
        ),
        (
            "E.O. 14555, signed on March 4, 2022, barred purchases of Freedonian drones.",
            Kind::Legislation,
            "2022-03-04",
        ),
        (
            "The March 4, 2022, executive order directs the department to list the firms.",
            Kind::Legislation,
            "2022-03-04",
        ),
        (
            "On May 9, 2023, the President revoked the two drone orders.",
            Kind::Legislation,
            "2023-05-09",
        ),
    ]);
    // an order cited by number with no date of its own
    none_of(
        "The department relied on E.O. 14555 to justify the listing.",
        Kind::Legislation,
    );
}

#[test]
fn regulators_orders_denials_and_the_courts_that_review_them() {
    check(&[
        (
            "The commission's March 3, 2023, order prohibits authorization of new radios from Ostrava Networks.",
            Kind::Ban,
            "2023-03-03",
        ),
        (
            "In June 2020, the commission denied Velka Telecom's application to provide service in the country.",
            Kind::Ban,
            "2020-06",
        ),
        (
            "On June 4, 2020, the commission voted unanimously to deny Velka Telecom's application.",
            Kind::Ban,
            "2020-06-04",
        ),
        (
            "On March 1, 2021, the commission adopted rules requiring carriers to remove and replace Ostrava Networks equipment.",
            Kind::Ban,
            "2021-03-01",
        ),
        (
            "The agency added Velka, Ostrava Networks, and Zephyr Labs to the Covered List on April 2, 2022.",
            Kind::Listing,
            "2022-04-02",
        ),
        (
            "The Safe Radios Act of 2022, signed on May 5, 2022, directed the commission to stop approving the devices.",
            Kind::Legislation,
            "2022-05-05",
        ),
        (
            "The court vacated the designation on May 2, 2021.",
            Kind::Ruling,
            "2021-05-02",
        ),
        (
            "On June 3, 2024, Velka petitioned the D.C. Circuit to review the law.",
            Kind::Lawsuit,
            "2024-06-03",
        ),
    ]);
    none_of(
        "The commission may deny Velka Telecom's application in 2026.",
        Kind::Ban,
    );
}

#[test]
fn dated_nouns_of_laws_tariffs_and_findings() {
    check(&[
        (
            "The 2019 law widened the committee's reach over small stakes.",
            Kind::Legislation,
            "2019",
        ),
        (
            "The March 2021 omnibus included the Safe Radios Act.",
            Kind::Legislation,
            "2021-03",
        ),
        (
            "The July 2, 2019, tariffs covered $20 billion of goods.",
            Kind::Tariff,
            "2019-07-02",
        ),
        (
            "The May 2023 tariff increases pushed rates to 60%.",
            Kind::Tariff,
            "2023-05",
        ),
        (
            "Treasury's July 2021 designation of Freedonia as a currency manipulator was lifted a year later.",
            Kind::Accusation,
            "2021-07",
        ),
    ]);
    // a number that is no year names nothing
    none_of("The 2500 tariffs lines were reviewed.", Kind::Tariff);
}

#[test]
fn legal_citations_neither_end_sentences_nor_negate() {
    check(&[
        (
            "In Velka Inc. v. Roe, No. 21-cv-3344, the court enjoined the ban on May 4, 2021.",
            Kind::Ruling,
            "2021-05-04",
        ),
        (
            "The act (Pub. L. No. 117-301) was signed into law on October 2, 2022.",
            Kind::Legislation,
            "2022-10-02",
        ),
        (
            "The governor signed SB 1022 on May 9, 2023.",
            Kind::Legislation,
            "2023-05-09",
        ),
    ]);
    none_of(
        "No court has enjoined the ban since May 4, 2021.",
        Kind::Ruling,
    );
}

#[test]
fn a_hedge_inside_an_aside_does_not_block_the_verb() {
    check(&[
        (
            "In May 2020, the agency, which said Ostrava Networks could pose risks, added it to the Entity List.",
            Kind::Listing,
            "2020-05",
        ),
        (
            "In April 2022, the legislature, concerned that the Velka app might share data, enacted the Safe Apps Act.",
            Kind::Legislation,
            "2022-04",
        ),
        (
            "Citing concerns that the app could leak data, the commission banned the Velka app on June 2, 2021.",
            Kind::Ban,
            "2021-06-02",
        ),
    ]);
    // a hedge outside the aside still blocks
    none_of(
        "The commission, citing risks, could ban the Velka app on June 2, 2026.",
        Kind::Ban,
    );
}

#[test]
fn a_date_in_a_parenthetical_aside_dates_the_aside() {
    check(&[(
        "Once in effect on May 9, 2021 (a delay from the first date of May 2), the order will prohibit any U.S. person from transacting with Velka.",
        Kind::Ban,
        "2021-05-09",
    )]);
    let got = found(
        "Once in effect on May 9, 2021 (a delay from the first date of May 2), the order will prohibit any U.S. person from transacting with Velka.",
    );
    assert!(
        !got.contains(&(Kind::Ban, "2021-05-02".to_string())),
        "{got:?}"
    );
}

#[test]
fn later_that_month_and_the_following_year_date_by_the_last_date() {
    let text = "On March 3, 2022, the House passed the Safe Apps Act. Later that month, the Senate passed the bill.";
    check(&[(text, Kind::Legislation, "2022-03")]);
    let text = "In 2019, the House passed the Safe Apps Act. The following year, Congress enacted the Safe Apps Act.";
    check(&[(text, Kind::Legislation, "2020")]);
    let text = "On December 2, 2021, the agency banned the Velka app, and the following month it added Ostrava Networks to the Entity List.";
    check(&[(text, Kind::Listing, "2022-01")]);
    // with no date before it, the phrase dates nothing
    none_of(
        "Later that month, the Senate passed the bill.",
        Kind::Legislation,
    );
}

#[test]
fn year_less_days_coordinated_with_a_dated_one_take_its_year() {
    check(&[
        (
            "The administration raised duties on Chinese steel on March 4 and October 9, 2020.",
            Kind::Tariff,
            "2020-03-04",
        ),
        (
            "Officials added the firms to the Entity List on January 14, February 2 and April 30, 2021.",
            Kind::Listing,
            "2021-01-14",
        ),
        (
            "Officials added the firms to the Entity List on January 14, February 2 and April 30, 2021.",
            Kind::Listing,
            "2021-02-02",
        ),
        // "and again on": both days are events, the first in the second's year
        (
            "Commerce added the lab to the Entity List on May 16 and again on August 19, 2019.",
            Kind::Listing,
            "2019-08-19",
        ),
        (
            "Commerce added the lab to the Entity List on May 16 and again on August 19, 2019.",
            Kind::Listing,
            "2019-05-16",
        ),
        // a day after the written one belongs to the year before
        (
            "The regulator fined the carrier on December 5 and January 3, 2023.",
            Kind::Sanction,
            "2022-12-05",
        ),
    ]);
    // a day that is not in the list keeps the publication's year
    let got =
        found("On March 4, the agency said the duties imposed on October 9, 2020 would stay.");
    assert!(got.iter().all(|(_, d)| d != "2020-03-04"), "{got:?}");
    let got =
        found("The administration raised duties on Chinese steel on March 4 and October 9, 2020.");
    assert!(got.iter().all(|(_, d)| d != "2025-03-04"), "{got:?}");
}
