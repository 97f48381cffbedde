//! Constructions that the plain rules (a trigger asserts an event; the
//! event takes the date of the trigger's clause) get wrong, kept apart from
//! the clause machinery in `dating.rs` and from the assembly in
//! `assemble.rs` so each can be read and tested on its own.
//!
//! - `dating`: which date an event takes — fronted when-clauses,
//!   coordinated dates, deadlines, "a day after", past-tense year-less
//!   dates, dated nouns ("New Delhi's June 29 ban").
//! - `reading`: whether a trigger reports an event and of what kind —
//!   elaborating participles ("filed suit, accusing it of …"), verb forms
//!   used as nouns ("the bans violated …"), measures already in place ("an
//!   order that bars …"), definite nouns that refer back ("announced the
//!   restrictions"), time clauses, lists of peers, embedded questions and
//!   dates inside relative clauses.
//! - `citation`: the date in a legal citation's closing parenthetical,
//!   for the act the sentence before it (or around it) describes.
//! - `issuer`: the body in an official document's heading, the actor of
//!   the decisions it states in its own voice.
//! - `documents`: Chinese official documents — statute articles quoted
//!   whole, appeals against a dated ruling.
//! - `heading`: a date on a line of its own dates the sentence after it
//!   (a printed bill's day of introduction).
//! - `signature`: a Chinese document's own day, from its signature's date
//!   line or a dated heading.
//! - `later`: a Chinese narrative's "三天后", "同月", "次年", dated from the
//!   act before.
//! - `goods`: the country whose goods a tariff hits ("on Chinese goods"),
//!   its target.
//! - `parties`: a Taiwanese judgment's role words (原告, 被上诉人) as the
//!   parties its caption names.

mod citation;
mod dating;
mod documents;
mod goods;
mod heading;
mod issuer;
mod later;
mod parties;
mod reading;
mod signature;

pub(crate) use citation::*;
pub(crate) use dating::*;
pub(crate) use documents::*;
pub(crate) use goods::goods_country;
pub(crate) use heading::*;
pub(crate) use issuer::*;
pub(crate) use later::*;
pub(crate) use parties::*;
pub(crate) use reading::*;
pub(crate) use signature::*;
