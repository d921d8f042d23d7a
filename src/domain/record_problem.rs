//! What is wrong with a record the store is given or holds, as data: the store refuses a
//! record for it, a restore quotes it, `audit` lists it. `Display` gives the English sentence;
//! each other language says it in its catalog.

use super::agreement::AgreementKind;
use super::characters::{quote, shown};
use super::cloud::Cloud;
use super::commerce::LineProblem;
use super::customer::DOMAIN_SUFFIX;
use super::field_problem::FieldProblem;
use super::fields::{EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use super::phase::{long_date, OPTIONAL_FROM};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;

/// The longest record ID: a GUID has 36 characters; other IDs (tests, imports of other tools)
/// get some room, but no more than a screen line.
pub const ID_MAX: usize = 64;

/// A kind of stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Customer,
    Confirmation,
    Order,
    Subscription,
}

impl Record {
    fn noun(self) -> &'static str {
        match self {
            Record::Customer => "customer",
            Record::Confirmation => "confirmation",
            Record::Order => "order",
            Record::Subscription => "subscription",
        }
    }
}

/// What is wrong with a record's ID: IDs are compared as written, so they hold one case only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    /// Its length in characters, over [`ID_MAX`].
    TooLong(usize),
    /// The first character that is not a lower-case letter a-z, a digit or a hyphen.
    Character {
        id: String,
        character: char,
    },
}

/// The moment a record was made, which may not be after the last business date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Made {
    CustomerCreated,
    ConfirmationRecorded,
    /// The order's ID.
    OrderCreated(String),
    /// The subscription's ID.
    SubscriptionCreated(String),
}

/// Which record an agent's name is the maker of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MadeBy {
    /// The agent who created a customer.
    Customer,
    /// The agent who recorded a confirmation.
    Confirmation,
    /// The agent who created an order.
    Order,
}

/// A dated history of a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    Seats,
    AutoRenew,
}

/// What is wrong with a record, about the record itself (a subscription or order is named by
/// its ID; a customer's own fields are "its").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// A field the form would refuse.
    Field(FieldProblem),
    /// A value the form would take, but store otherwise.
    NotCleaned {
        value: String,
        clean: String,
    },
    Id {
        record: Record,
        problem: IdProblem,
    },
    AfterLastBusinessDate {
        made: Made,
        on: NaiveDate,
    },
    /// The name of the agent who made a record.
    Agent {
        of: MadeBy,
        problem: Box<RecordProblem>,
    },
    /// The partner organization's name, as `--partner` takes it.
    PartnerName(Box<RecordProblem>),
    /// A phone number stored as empty text, where no phone is stored as none.
    EmptyPhone,
    NotPrimaryDomain(String),
    PrimaryContact(Box<RecordProblem>),
    // A confirmation.
    UnknownAgreement,
    NotPublicCloud {
        company: String,
        cloud: Cloud,
    },
    RecordedBeforeConfirming(NaiveDate),
    AcceptedBeforeTheAgreement(NaiveDate),
    AcceptedAfterRecording {
        accepted: NaiveDate,
        recorded_at: DateTime<Utc>,
    },
    // An order.
    NoLineItems {
        order: String,
    },
    OrderLine {
        order: String,
        problem: LineProblem,
    },
    UnknownOffer(String),
    // A subscription.
    BilledOtherwise {
        subscription: String,
        offer: String,
    },
    Seats {
        subscription: String,
        problem: LineProblem,
    },
    NoSeatCount {
        subscription: String,
        offer: String,
    },
    SeatCountOfUsage {
        subscription: String,
        offer: String,
    },
    ChangesOutOfOrder {
        subscription: String,
        history: History,
    },
    ChangeNotAfterCreation {
        subscription: String,
        history: History,
        on: NaiveDate,
        created: NaiveDate,
    },
    ChangeAfterLastBusinessDate {
        subscription: String,
        history: History,
        on: NaiveDate,
    },
    SeatChangesWithoutSeats {
        subscription: String,
    },
    ChangeOfNothing {
        subscription: String,
        history: History,
    },
    SeatsBefore {
        subscription: String,
        on: NaiveDate,
        problem: LineProblem,
    },
    OfAnotherOrder {
        subscription: String,
        order: String,
    },
    OfNoStoredOrder {
        subscription: String,
    },
    FixedPartChanged {
        subscription: String,
    },
    // How a customer's records hold together.
    OfAnotherCustomer {
        record: Record,
        owner: String,
    },
    GivenTwice {
        record: Record,
        id: String,
    },
    /// A confirmation of the customer, named by who accepted.
    Confirmation {
        email: String,
        problem: Box<RecordProblem>,
    },
    LinesWithoutTheirSubscriptions {
        order: String,
        lines: usize,
        subscriptions: usize,
    },
    // What the store's own formats cannot hold.
    ControlCharacter(String),
    IndexEntryTooLong(usize),
    NotEncodable(String),
}

impl RecordProblem {
    /// The problem of a stored value a check refuses, or would store as `clean`.
    pub fn of_value<E: Into<RecordProblem>>(
        check: Result<String, E>,
        value: &str,
    ) -> Option<RecordProblem> {
        match check {
            Ok(clean) if clean == value => None,
            Ok(clean) => Some(RecordProblem::NotCleaned {
                value: value.to_string(),
                clean,
            }),
            Err(problem) => Some(problem.into()),
        }
    }
}

impl From<FieldProblem> for RecordProblem {
    fn from(problem: FieldProblem) -> RecordProblem {
        RecordProblem::Field(problem)
    }
}

impl fmt::Display for Made {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Made::CustomerCreated => write!(f, "it was created"),
            Made::ConfirmationRecorded => write!(f, "it was recorded"),
            Made::OrderCreated(id) => write!(f, "the order {id} was created"),
            Made::SubscriptionCreated(id) => write!(f, "the subscription {id} was created"),
        }
    }
}

impl History {
    /// "a seat", "an auto-renew".
    fn with_article(self) -> &'static str {
        match self {
            History::Seats => "a seat",
            History::AutoRenew => "an auto-renew",
        }
    }
}

impl fmt::Display for History {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            History::Seats => "seat",
            History::AutoRenew => "auto-renew",
        })
    }
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RecordProblem as P;
        match self {
            P::Field(problem) => write!(f, "{problem}"),
            P::NotCleaned { value, clean } => write!(
                f,
                "'{}' is not in its cleaned form '{}'",
                quote(value),
                quote(clean)
            ),
            P::Id { record, problem } => {
                let record = record.noun();
                match problem {
                    IdProblem::Empty => write!(f, "the {record} has an empty ID"),
                    IdProblem::TooLong(length) => write!(
                        f,
                        "the {record} has an ID of {length} characters; at most {ID_MAX}"
                    ),
                    IdProblem::Character { id, character } => write!(
                        f,
                        "the {record} has the ID '{}', which holds '{}': an ID holds only lower-case letters a-z, digits and hyphens, as a GUID does",
                        quote(id),
                        shown(*character)
                    ),
                }
            }
            P::AfterLastBusinessDate { made, on } => write!(
                f,
                "{made} on {on}, after {LATEST_BUSINESS_DATE}, the last business date there can be"
            ),
            P::Agent { of, problem } => {
                let by = match of {
                    MadeBy::Customer => "created by",
                    MadeBy::Confirmation => "recorded by",
                    MadeBy::Order => "the order was created by",
                };
                write!(f, "{by}: {problem}")
            }
            P::PartnerName(problem) => write!(f, "{problem}"),
            P::EmptyPhone => write!(
                f,
                "the phone number is stored empty; a contact without one has none"
            ),
            P::NotPrimaryDomain(domain) => write!(
                f,
                "the domain '{}' is not a primary domain: use a lower-case prefix of letters a-z and digits, then {DOMAIN_SUFFIX}",
                quote(domain)
            ),
            P::PrimaryContact(problem) => write!(f, "its primary contact: {problem}"),
            P::UnknownAgreement => {
                let agreements: Vec<String> = AgreementKind::ALL
                    .iter()
                    .map(|kind| format!("type {}, template {}", kind.type_name(), kind.template_id()))
                    .collect();
                write!(
                    f,
                    "it is not a confirmation of a known agreement ({})",
                    agreements.join("; or ")
                )
            }
            P::NotPublicCloud { company, cloud } => write!(
                f,
                "{} is in {}, and confirmation of customer acceptance is supported in the Microsoft Public Cloud only",
                quote(company),
                cloud.label()
            ),
            P::RecordedBeforeConfirming(on) => write!(
                f,
                "it was recorded on {on}, before confirming customer acceptance existed ({})",
                long_date(OPTIONAL_FROM)
            ),
            P::AcceptedBeforeTheAgreement(accepted) => write!(
                f,
                "its acceptance date {accepted} is before the Microsoft Cloud Agreement existed ({EARLIEST_ACCEPTANCE})"
            ),
            P::AcceptedAfterRecording {
                accepted,
                recorded_at,
            } => write!(
                f,
                "its acceptance date {accepted} is after the moment it was recorded ({})",
                recorded_at.format("%Y-%m-%dT%H:%M:%SZ")
            ),
            P::NoLineItems { order } => write!(f, "the order {order} has no line items"),
            P::OrderLine { order, problem } => write!(f, "the order {order}: {problem}"),
            P::UnknownOffer(offer) => write!(
                f,
                "the offer '{}' is not in the catalog (see pcenter offers list)",
                quote(offer)
            ),
            P::BilledOtherwise {
                subscription,
                offer,
            } => write!(
                f,
                "the subscription {subscription} is billed otherwise than its offer {offer}"
            ),
            P::Seats {
                subscription,
                problem,
            } => write!(f, "the subscription {subscription}: {problem}"),
            P::NoSeatCount {
                subscription,
                offer,
            } => write!(
                f,
                "the subscription {subscription} has no seat count, but {offer} is seat-based"
            ),
            P::SeatCountOfUsage {
                subscription,
                offer,
            } => write!(
                f,
                "the subscription {subscription} has a seat count, but {offer} is usage-based"
            ),
            P::ChangesOutOfOrder {
                subscription,
                history,
            } => write!(
                f,
                "the subscription {subscription} has {history} changes out of date order, or two on one day"
            ),
            P::ChangeNotAfterCreation {
                subscription,
                history,
                on,
                created,
            } => write!(
                f,
                "the subscription {subscription} has {} change on {on}, not after the day it was created ({created})",
                history.with_article()
            ),
            P::ChangeAfterLastBusinessDate {
                subscription,
                history,
                on,
            } => write!(
                f,
                "the subscription {subscription} has {} change on {on}, after {LATEST_BUSINESS_DATE}, the last business date there can be",
                history.with_article()
            ),
            P::SeatChangesWithoutSeats { subscription } => write!(
                f,
                "the subscription {subscription} has seat count changes, but no seat count"
            ),
            P::ChangeOfNothing {
                subscription,
                history: History::Seats,
            } => write!(
                f,
                "the subscription {subscription} has a seat count change that leaves the count as it was"
            ),
            P::ChangeOfNothing {
                subscription,
                history: History::AutoRenew,
            } => write!(
                f,
                "the subscription {subscription} has an auto-renew change that leaves it as it was"
            ),
            P::SeatsBefore {
                subscription,
                on,
                problem,
            } => write!(
                f,
                "the subscription {subscription}: its seat count before {on}: {problem}"
            ),
            P::OfAnotherOrder {
                subscription,
                order,
            } => write!(
                f,
                "the subscription {subscription} belongs to another order than {order}"
            ),
            P::OfNoStoredOrder { subscription } => write!(
                f,
                "the subscription {subscription} belongs to no stored order"
            ),
            P::FixedPartChanged { subscription } => write!(
                f,
                "the subscription {subscription} would change its order, offer, billing or creation time, which never change"
            ),
            P::OfAnotherCustomer { record, owner } => {
                let article = if *record == Record::Order { "an" } else { "a" };
                write!(
                    f,
                    "it holds {article} {} of another customer, {}",
                    record.noun(),
                    quote(owner)
                )
            }
            P::GivenTwice { record, id } => {
                let kind = record.noun();
                write!(
                    f,
                    "the {kind} ID {} is given to two of its {kind}s",
                    quote(id)
                )
            }
            P::Confirmation { email, problem } => {
                write!(f, "its confirmation by {}: {problem}", quote(email))
            }
            P::LinesWithoutTheirSubscriptions {
                order,
                lines,
                subscriptions,
            } => write!(
                f,
                "the order {order} has {lines} line items but {subscriptions} subscriptions of their offers"
            ),
            P::ControlCharacter(text) => write!(f, "{text:?} holds a control character"),
            P::IndexEntryTooLong(bytes) => write!(f, "an index entry of {bytes} bytes"),
            P::NotEncodable(detail) => write!(f, "{detail}"),
        }
    }
}

#[cfg(test)]
#[path = "record_problem_tests.rs"]
mod tests;
