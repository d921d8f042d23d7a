//! What a command may do, told from the store before it and its arguments alone: every rule
//! that applies to the call. A call that breaks a rule must be refused with that rule's exit
//! status (and Partner Center's code, where it has one); a call that breaks none must succeed.
//! Where the outcome depends on a choice the rules leave open, the rule is only possible.
//!
//! The business date decides what Partner Center did that day: commands are its API face,
//! whose gate started in March 2019 (`Phase::for_face`); which agreement can be confirmed and
//! which opens the gate follow the era (`AgreementEra`); offers are sold from their first day;
//! and nothing recorded after the business date exists on it (customers, confirmations,
//! subscriptions), though every customer's domain is taken whatever its date.

use crate::commands::*;
use crate::names::{customer_text, order_seats, person, resolve, set_seats_count, subscription_id};
use crate::rules::{confirmations_of, exists_on, gate_opens};
use chrono::NaiveDate;
use pcenter::assets;
use pcenter::domain::agreement::{current_of, AgreementKind, Confirmation};
use pcenter::domain::commerce::{Billing, SubscriptionStatus};
use pcenter::domain::customer::{domain_from_prefix, Customer};
use pcenter::domain::fields::{calendar_date, required_text, EARLIEST_ACCEPTANCE, NAME_MAX};
use pcenter::domain::phase::{long_date, Phase};
use pcenter::domain::timeline::{self, AgreementEra, Environment, Face};
use pcenter::store::Snapshot;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The command line's own refusal.
    Usage,
    Role,
    NotFound,
    /// Invalid input (400): what is wrong.
    Invalid(&'static str),
    FutureDate,
    UnknownOffer,
    /// An offer not sold yet on the business date (400), which says from when.
    NotYetSold,
    /// An agreement that cannot be confirmed in the era of the business date (400): the Cloud
    /// Agreement from February 1, 2020, the Customer Agreement before October 1, 2019.
    NotConfirmable(AgreementKind),
    AlreadyConfirmed,
    /// The gate (13605), which says what the customer lacks.
    Gate(Lacks),
    RowsRejected,
    OutputFile,
    /// The store was created for the other environment.
    OtherEnvironment,
}

/// What the gate finds missing, as its refusal says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lacks {
    /// A confirmation (of the Cloud Agreement), mandatory since the gate's first day.
    Confirmation { since: NaiveDate },
    /// The Customer Agreement, the only one that opens the gate from February 1, 2020.
    CustomerAgreement,
    /// The Customer Agreement an offer requires (Azure plan), whatever else is held.
    CustomerAgreementForOffer,
}

impl Lacks {
    /// What the refusal's description says.
    fn said(self) -> String {
        match self {
            Lacks::Confirmation { since } => format!(
                "Microsoft Cloud Agreement is mandatory since {}",
                long_date(since)
            ),
            Lacks::CustomerAgreement => format!(
                "Microsoft Customer Agreement is required since {}",
                long_date(timeline::CUSTOMER_AGREEMENT_ONLY_FROM)
            ),
            Lacks::CustomerAgreementForOffer => {
                "This offer requires confirmation of customer acceptance of the Microsoft Customer Agreement".into()
            }
        }
    }
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Usage,
    Finished(u8),
    Refused { exit: u8, code: u32 },
}

impl Rule {
    /// Whether the rule explains `outcome`, whose printed output and description are `said`.
    fn explains(self, outcome: Outcome, said: &str) -> bool {
        let refused = |exit, code| outcome == Outcome::Refused { exit, code };
        match self {
            Rule::Usage => outcome == Outcome::Usage,
            Rule::Role => refused(7, 403),
            Rule::NotFound => refused(8, 404),
            Rule::Invalid(_) => refused(6, 400),
            Rule::FutureDate => refused(6, 600002),
            Rule::UnknownOffer => refused(6, 800004),
            Rule::NotYetSold => refused(6, 400) && said.contains(" is sold from "),
            Rule::NotConfirmable(AgreementKind::CloudAgreement) => {
                refused(6, 400) && said.contains("is no longer supported")
            }
            Rule::NotConfirmable(AgreementKind::CustomerAgreement) => {
                let from = long_date(timeline::CUSTOMER_AGREEMENT_FROM);
                refused(6, 400) && said.contains(&format!("can be confirmed from {from}"))
            }
            Rule::AlreadyConfirmed => refused(9, 600061),
            Rule::Gate(lacks) => refused(10, 13605) && said.contains(&lacks.said()),
            Rule::RowsRejected => outcome == Outcome::Finished(11),
            Rule::OutputFile => matches!(outcome, Outcome::Refused { exit: 14, .. }),
            Rule::OtherEnvironment => refused(4, 500),
        }
    }
}

/// The rules that apply to a call for certain, and those that may.
#[derive(Debug, Default)]
pub struct Expected {
    pub certain: Vec<Rule>,
    pub possible: Vec<Rule>,
}

impl Expected {
    pub fn applies(&mut self, rule: Rule, when: bool) {
        if when {
            self.certain.push(rule);
        }
    }

    pub fn may_apply(&mut self, rule: Rule, when: bool) {
        if when {
            self.possible.push(rule);
        }
    }

    /// Whether `outcome`, whose printed output and description are `said`, is what these rules
    /// allow; if not, why.
    pub fn check(&self, outcome: Outcome, said: &str) -> Result<(), String> {
        if outcome == Outcome::Finished(0) {
            return match self.certain.as_slice() {
                [] => Ok(()),
                rules => Err(format!("it succeeded though {rules:?} apply")),
            };
        }
        let mut rules = self.certain.iter().chain(&self.possible);
        if rules.any(|rule| rule.explains(outcome, said)) {
            Ok(())
        } else {
            Err(format!(
                "it ended {outcome:?}, which none of {:?} (certain) or {:?} (possible) explains",
                self.certain, self.possible
            ))
        }
    }
}

/// Everything the rules look at for one call.
pub struct Facts<'a> {
    pub before: &'a Snapshot,
    pub today: NaiveDate,
    /// The environment the command runs in: the store's, or the one it takes now.
    pub environment: Environment,
    pub helpdesk: bool,
    pub backups: usize,
}

impl Facts<'_> {
    /// Where the business date falls in the schedule of the API, the commands' face.
    fn phase(&self) -> Phase {
        Phase::for_face(self.today, Face::Api, self.environment)
    }

    /// Whether the customer exists on the business date.
    pub fn exists(&self, customer: &Customer) -> bool {
        exists_on(customer, self.today)
    }

    /// The customer's confirmations, whatever their dates: the domain's functions tell which
    /// count on the business date.
    fn confirmations(&self, customer: &Customer) -> Vec<Confirmation> {
        confirmations_of(self.before, &customer.id)
    }

    /// Whether the customer's confirmations open the gate for an order of offers that do
    /// (`true`) or do not require the Microsoft Customer Agreement.
    fn opens(&self, customer: &Customer, requires_customer_agreement: bool) -> bool {
        gate_opens(
            &self.confirmations(customer),
            self.today,
            requires_customer_agreement,
        )
    }
}

/// The environment a call runs in: the one the store keeps, else the one the call names, else
/// production.
pub fn environment_of(call: &Call, stored: Option<Environment>) -> Environment {
    stored.or(asked_environment(call)).unwrap_or_default()
}

/// `--environment`, if the call gives it.
fn asked_environment(call: &Call) -> Option<Environment> {
    (call.environment).map(|e| Environment::parse(e).expect("an environment"))
}

/// The rules for `call` on the store `before`, created for `stored` (none: the store does not
/// say, as one just restored).
pub fn expect(
    call: &Call,
    before: &Snapshot,
    stored: Option<Environment>,
    backups: usize,
) -> Expected {
    let mut expected = Expected::default();
    // The business dates the command line takes: from 2014-01-01 to 2100-12-31.
    let latest = NaiveDate::from_ymd_opt(2100, 12, 31).expect("a date");
    let today = calendar_date(call.today)
        .ok()
        .filter(|today| (EARLIEST_ACCEPTANCE..=latest).contains(today));
    let usage = call.role == "owner"
        || required_text("Name", call.agent, NAME_MAX).is_err()
        || matches!(call.command, Cmd::Malformed(_))
        || malformed_numbers(&call.command)
        || hostile_filter(&call.command);
    let Some(today) = today.filter(|_| !usage) else {
        expected.applies(Rule::Usage, true);
        return expected;
    };
    // A store keeps the environment it was created for and refuses the other, before anything
    // else; a restore makes a new store.
    let other = matches!(
        (stored, asked_environment(call)),
        (Some(kept), Some(asked)) if kept != asked
    );
    if other && !matches!(call.command, Cmd::Restore { .. }) {
        expected.applies(Rule::OtherEnvironment, true);
        return expected;
    }
    let facts = Facts {
        before,
        today,
        environment: environment_of(call, stored),
        helpdesk: call.role == "helpdesk-agent",
        backups,
    };
    let e = &mut expected;
    match &call.command {
        Cmd::CreateAgreement {
            customer,
            contact,
            date,
            terms,
            json,
        } => {
            let found = find(e, &facts, *customer);
            e.applies(Rule::Role, facts.helpdesk);
            let kind = asked_agreement(e, &facts, *terms, *json);
            confirmable(e, &facts, found, *contact, *date, kind);
        }
        Cmd::ListAgreements {
            customer,
            agreement_type,
        } => {
            find(e, &facts, *customer);
            e.applies(Rule::Role, facts.helpdesk);
            e.applies(Rule::Invalid("type"), *agreement_type == Some("Nope"));
        }
        Cmd::ShowCustomer(customer) | Cmd::ListSubscriptions(customer) => {
            find(e, &facts, *customer);
        }
        Cmd::CreateCustomer(body) => new_customer(e, &facts, body),
        Cmd::CreateOrder {
            customer,
            lines,
            one_quantity_short,
        } => order(e, &facts, *customer, lines, *one_quantity_short),
        Cmd::SetSeats {
            customer,
            subscription,
            seats,
        } => set_seats(e, &facts, *customer, *subscription, *seats),
        Cmd::Export(out) | Cmd::Backup(out) => {
            e.applies(Rule::Role, facts.helpdesk);
            e.applies(
                Rule::OutputFile,
                matches!(out, Out::Directory | Out::NoSuchDirectory),
            );
        }
        Cmd::Import { file, .. } => crate::expect_import::import(e, &facts, file),
        Cmd::Restore { file, replace } => {
            e.applies(Rule::Role, facts.helpdesk);
            let readable = matches!(file, BackupFile::Written(i) if *i < facts.backups);
            e.applies(Rule::Invalid("not a whole backup"), !readable);
            let holds_customers = !before.customers.is_empty();
            e.applies(
                Rule::Invalid("store not empty"),
                holds_customers && !replace,
            );
        }
        // Which customers are unconfirmed, and the report of every status, are confirmations
        // to see.
        Cmd::ListCustomers { unconfirmed, .. } => {
            e.applies(Rule::Role, facts.helpdesk && *unconfirmed)
        }
        Cmd::Report(_) => e.applies(Rule::Role, facts.helpdesk),
        Cmd::Malformed(_) => {}
    }
    expected
}

/// The customer a call names, if it exists on the business date; no such customer (one
/// created later, and a name no customer can have, empty or with a control character,
/// included) is a rule of its own.
fn find<'s>(e: &mut Expected, facts: &Facts<'s>, customer: CustomerRef) -> Option<&'s Customer> {
    let text = customer_text(customer, facts.before);
    let found = resolve(&text, facts.before).filter(|c| facts.exists(c));
    e.applies(Rule::NotFound, found.is_none());
    found
}

/// A filter past the Customers filter box's limits, which the command line refuses.
fn hostile_filter(command: &Cmd) -> bool {
    matches!(command, Cmd::ListCustomers { filter: Some(f), .. }
        if f.chars().count() > 100 || f.contains('\u{1b}'))
}

/// Seat counts the command line refuses, and a --quantity missing from a one-line order.
fn malformed_numbers(command: &Cmd) -> bool {
    let text = |seats: &Seats| matches!(seats, Seats::Text(_));
    match command {
        Cmd::CreateOrder {
            lines,
            one_quantity_short,
            ..
        } => {
            let given = lines.len() - usize::from(*one_quantity_short);
            given == 0 || lines[..given].iter().any(|(_, seats)| text(seats))
        }
        Cmd::SetSeats { seats, .. } => text(seats),
        _ => false,
    }
}

/// The agreement of a template ID, case and surrounding spaces aside.
pub fn template_kind(template: &str) -> Option<AgreementKind> {
    let template = template.trim();
    if template.eq_ignore_ascii_case(MCA_TEMPLATE) {
        Some(AgreementKind::CloudAgreement)
    } else if template.eq_ignore_ascii_case(CA_TEMPLATE) {
        Some(AgreementKind::CustomerAgreement)
    } else {
        None
    }
}

/// The agreement a confirmation asks for: its template's; without one, with the flags, the one
/// the dashboard confirms on the business date (the Cloud Agreement until January 31, 2020,
/// then the Customer Agreement). A body must name both its template and a real type (which the
/// template overrules).
pub fn agreement_of(terms: Terms, body: bool, today: NaiveDate) -> Option<AgreementKind> {
    match terms.template.map(str::trim).filter(|t| !t.is_empty()) {
        Some(template) => template_kind(template),
        None if body => None,
        None => Some(timeline::dashboard_agreement(today)),
    }
}

/// The rules of a confirmation's template and type; the agreement it asks for, if any.
fn asked_agreement(
    e: &mut Expected,
    facts: &Facts,
    terms: Terms,
    body: bool,
) -> Option<AgreementKind> {
    let kind = agreement_of(terms, body, facts.today);
    e.applies(Rule::Invalid("template"), kind.is_none());
    if body {
        let known = terms.agreement_type.is_some_and(|t| {
            [MCA_TYPE, CA_TYPE]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(t.trim()))
        });
        e.applies(Rule::Invalid("type"), !known);
    }
    kind
}

/// The rules of a confirmation of `kind` (none: the template is refused) for `found` by
/// `contact` on `date` (none: the business date).
pub fn confirmable(
    e: &mut Expected,
    facts: &Facts,
    found: Option<&Customer>,
    contact: Contact,
    date: Option<&str>,
    kind: Option<AgreementKind>,
) {
    e.applies(
        Rule::Invalid("not yet available"),
        facts.phase() == Phase::NotYetAvailable,
    );
    e.applies(
        Rule::Invalid("national cloud"),
        found.is_some_and(|c| !c.cloud.supports_confirmation()),
    );
    // The Customer Agreement from October 1, 2019; the Cloud Agreement until January 31, 2020.
    if let Some(kind) = kind {
        e.applies(
            Rule::NotConfirmable(kind),
            !AgreementEra::on(facts.today).offers(kind),
        );
    }
    let valid = [contact.first, contact.last, contact.email, contact.phone]
        .iter()
        .all(|(_, valid)| *valid);
    e.applies(Rule::Invalid("contact"), !valid);
    let dated = date.map_or(Ok(facts.today), calendar_date);
    match dated {
        Err(_) => e.applies(Rule::Invalid("date"), true),
        Ok(date) if date < EARLIEST_ACCEPTANCE => e.applies(Rule::Invalid("date"), true),
        Ok(date) if date > facts.today => {
            e.applies(Rule::FutureDate, true);
            e.may_apply(Rule::Invalid("future date"), true);
        }
        // No one accepted the Customer Agreement before it existed.
        Ok(date) => e.applies(
            Rule::Invalid("accepted before the agreement existed"),
            kind == Some(AgreementKind::CustomerAgreement)
                && date < timeline::CUSTOMER_AGREEMENT_FROM
                && AgreementEra::on(facts.today).offers(AgreementKind::CustomerAgreement),
        ),
    }
    let (Some(customer), Some(kind)) = (found.filter(|_| valid), kind) else {
        return;
    };
    // The confirmation of that agreement in force on the business date: one recorded or
    // accepted later does not count yet.
    let all = facts.confirmations(customer);
    let person = person(contact);
    let same =
        current_of(&all, kind, facts.today).is_some_and(|c| c.accepted_by.same_person(&person));
    e.applies(Rule::AlreadyConfirmed, same);
}

/// The gate of `customer` on the business date, for a new order or a seat change: through the
/// API, from its own first day, for public-cloud customers whose confirmations do not satisfy
/// the era; from February 1, 2020 it asks for the Customer Agreement.
fn gate(e: &mut Expected, facts: &Facts, customer: &Customer) {
    let checked = facts.phase() == Phase::Mandatory && customer.cloud.supports_confirmation();
    let lacks = match AgreementEra::on(facts.today) {
        AgreementEra::CustomerAgreement => Lacks::CustomerAgreement,
        _ => Lacks::Confirmation {
            since: timeline::mandatory_from(Face::Api, facts.environment),
        },
    };
    e.applies(Rule::Gate(lacks), checked && !facts.opens(customer, false));
}

fn new_customer(e: &mut Expected, facts: &Facts, body: &CustomerBody) {
    e.applies(Rule::Role, facts.helpdesk);
    let valid = body.prefix.1 && body.company.1 && body.email.1 && !body.twice;
    e.applies(Rule::Invalid("customer"), !valid);
    // Every customer of the store holds its domain, whatever the business date.
    let taken = domain_from_prefix(body.prefix.0)
        .is_ok_and(|domain| facts.before.customers.iter().any(|c| c.domain == domain));
    e.applies(Rule::Invalid("domain taken"), taken);
    if let Some((contact, date, terms)) = body.agreement {
        let kind = asked_agreement(e, facts, terms, true);
        confirmable(e, facts, None, contact, date, kind);
    }
}

fn order(
    e: &mut Expected,
    facts: &Facts,
    customer: CustomerRef,
    lines: &[(usize, Seats)],
    one_quantity_short: bool,
) {
    let found = find(e, facts, customer);
    e.applies(Rule::Role, facts.helpdesk);
    if let Some(customer) = found {
        gate(e, facts, customer);
    }
    e.applies(Rule::Invalid("offers and quantities"), one_quantity_short);
    let mut requires_customer_agreement = false;
    for &(offer, seats) in lines {
        let count = order_seats(seats);
        match assets::offer(OFFERS[offer]) {
            None => e.applies(Rule::UnknownOffer, true),
            Some(offer) => {
                e.applies(Rule::NotYetSold, !offer.sold_on(facts.today));
                let wrong = match offer.billing {
                    Billing::SeatBased => count == 0 || offer.max_seats.is_some_and(|m| count > m),
                    Billing::UsageBased => count != 1,
                };
                e.applies(Rule::Invalid("quantity"), wrong);
                requires_customer_agreement |= offer.requires_customer_agreement;
            }
        }
    }
    // Azure plan needs the Customer Agreement, whatever else the customer holds.
    if let Some(customer) = found {
        e.applies(
            Rule::Gate(Lacks::CustomerAgreementForOffer),
            requires_customer_agreement
                && customer.cloud.supports_confirmation()
                && !facts.opens(customer, true),
        );
    }
}

fn set_seats(
    e: &mut Expected,
    facts: &Facts,
    customer: CustomerRef,
    subscription: SubscriptionRef,
    seats: Seats,
) {
    let before = facts.before;
    let found = find(e, facts, customer);
    e.applies(Rule::Role, facts.helpdesk);
    let Some(customer) = found else {
        return;
    };
    let id = subscription_id(customer, subscription, before);
    // A subscription created after the business date does not exist on it.
    let own = (before.subscriptions.iter()).find(|s| {
        s.customer_id == customer.id && s.id == id && s.created_at.date_naive() <= facts.today
    });
    e.applies(Rule::NotFound, own.is_none());
    let Some(own) = own else {
        return;
    };
    // Seat changes are dated: the count of the business date is the one the command changes.
    let then = own.quantity_on(facts.today);
    let count = set_seats_count(seats, then);
    if then == Some(count) {
        return; // Nothing changes: nothing else is checked.
    }
    e.applies(
        Rule::Invalid("suspended"),
        own.status == SubscriptionStatus::Suspended,
    );
    e.applies(
        Rule::Invalid("usage-based"),
        own.billing == Billing::UsageBased,
    );
    if own.billing == Billing::SeatBased {
        gate(e, facts, customer);
    }
    let max = assets::offer(&own.offer_id).and_then(|offer| offer.max_seats);
    e.applies(
        Rule::Invalid("seats"),
        count == 0 || max.is_some_and(|m| count > m),
    );
}
