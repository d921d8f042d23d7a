//! What a command may do, told from the store before it and its arguments alone: every rule
//! that applies to the call. A call that breaks a rule must be refused with that rule's exit
//! status (and Partner Center's code, where it has one); a call that breaks none must succeed.
//! Where the outcome depends on a choice the rules leave open, the rule is only possible.

use crate::commands::*;
use crate::names::{customer_text, order_seats, person, resolve, set_seats_count, subscription_id};
use chrono::NaiveDate;
use pcenter::assets;
use pcenter::domain::agreement::{current_on, Confirmation};
use pcenter::domain::commerce::{Billing, SubscriptionStatus};
use pcenter::domain::customer::{domain_from_prefix, Customer};
use pcenter::domain::fields::{calendar_date, required_text, EARLIEST_ACCEPTANCE, NAME_MAX};
use pcenter::domain::phase::Phase;
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
    AlreadyConfirmed,
    Gate,
    RowsRejected,
    OutputFile,
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Usage,
    Finished(u8),
    Refused { exit: u8, code: u32 },
}

impl Rule {
    fn explains(self, outcome: Outcome) -> bool {
        let refused = |exit, code| outcome == Outcome::Refused { exit, code };
        match self {
            Rule::Usage => outcome == Outcome::Usage,
            Rule::Role => refused(7, 403),
            Rule::NotFound => refused(8, 404),
            Rule::Invalid(_) => refused(6, 400),
            Rule::FutureDate => refused(6, 600002),
            Rule::UnknownOffer => refused(6, 800004),
            Rule::AlreadyConfirmed => refused(9, 600061),
            Rule::Gate => refused(10, 13605),
            Rule::RowsRejected => outcome == Outcome::Finished(11),
            Rule::OutputFile => matches!(outcome, Outcome::Refused { exit: 14, .. }),
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

    /// Whether `outcome` is what these rules allow; if not, why.
    pub fn check(&self, outcome: Outcome) -> Result<(), String> {
        if outcome == Outcome::Finished(0) {
            return match self.certain.as_slice() {
                [] => Ok(()),
                rules => Err(format!("it succeeded though {rules:?} apply")),
            };
        }
        let mut rules = self.certain.iter().chain(&self.possible);
        if rules.any(|rule| rule.explains(outcome)) {
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
    pub helpdesk: bool,
    pub backups: usize,
}

impl Facts<'_> {
    fn phase(&self) -> Phase {
        Phase::on(self.today)
    }

    fn confirmations(&self, customer: &Customer) -> Vec<Confirmation> {
        let of = |c: &&Confirmation| c.customer_id == customer.id;
        self.before
            .confirmations
            .iter()
            .filter(of)
            .cloned()
            .collect()
    }
}

/// The rules for `call` on the store `before`.
pub fn expect(call: &Call, before: &Snapshot, backups: usize) -> Expected {
    let mut expected = Expected::default();
    // The business dates the command line takes: from 2014-01-01 to 2100-12-31.
    let latest = NaiveDate::from_ymd_opt(2100, 12, 31).expect("a date");
    let today = calendar_date(call.today)
        .ok()
        .filter(|today| (EARLIEST_ACCEPTANCE..=latest).contains(today));
    let usage = call.role == "owner"
        || required_text("Name", call.agent, NAME_MAX).is_err()
        || matches!(call.command, Cmd::Malformed(_))
        || malformed_numbers(&call.command);
    let Some(today) = today.filter(|_| !usage) else {
        expected.applies(Rule::Usage, true);
        return expected;
    };
    let facts = Facts {
        before,
        today,
        helpdesk: call.role == "helpdesk-agent",
        backups,
    };
    let e = &mut expected;
    match &call.command {
        Cmd::CreateAgreement {
            customer,
            contact,
            date,
            body,
        } => {
            let found = find(e, *customer, before);
            e.applies(Rule::Role, facts.helpdesk);
            confirmable(e, &facts, found, *contact, *date);
            if let Some(Some(template)) = body {
                e.applies(
                    Rule::Invalid("template"),
                    !template.eq_ignore_ascii_case(MCA_TEMPLATE),
                );
            }
        }
        Cmd::ListAgreements {
            customer,
            agreement_type,
        } => {
            find(e, *customer, before);
            e.applies(Rule::Role, facts.helpdesk);
            e.applies(Rule::Invalid("type"), *agreement_type == Some("Nope"));
        }
        Cmd::ListCustomers { filter, .. } => {
            // The Customers filter box's limits: past them, the command line refuses it.
            let hostile = filter.is_some_and(|f| f.chars().count() > 100 || f.contains('\u{1b}'));
            e.applies(Rule::Usage, hostile);
        }
        Cmd::ShowCustomer(customer) | Cmd::ListSubscriptions(customer) => {
            find(e, *customer, before);
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
        Cmd::Report(_) | Cmd::Malformed(_) => {}
    }
    expected
}

/// The customer a call names, if there is one; no such customer (a name no customer can have,
/// empty or with a control character, included) is a rule of its own.
fn find<'s>(e: &mut Expected, customer: CustomerRef, before: &'s Snapshot) -> Option<&'s Customer> {
    let text = customer_text(customer, before);
    let found = resolve(&text, before);
    e.applies(Rule::NotFound, found.is_none());
    found
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

/// The rules of a confirmation of `found` by `contact` on `date` (none: the business date).
pub fn confirmable(
    e: &mut Expected,
    facts: &Facts,
    found: Option<&Customer>,
    contact: Contact,
    date: Option<&str>,
) {
    e.applies(
        Rule::Invalid("not yet available"),
        facts.phase() == Phase::NotYetAvailable,
    );
    e.applies(
        Rule::Invalid("national cloud"),
        found.is_some_and(|c| !c.cloud.supports_confirmation()),
    );
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
        Ok(_) => {}
    }
    let Some(customer) = found.filter(|_| valid) else {
        return;
    };
    // The confirmation in force on the business date: one accepted later does not count yet.
    let all = facts.confirmations(customer);
    let person = person(contact);
    let same = current_on(&all, facts.today).is_some_and(|c| c.accepted_by.same_person(&person));
    e.applies(Rule::AlreadyConfirmed, same);
}

/// The gate of `customer` on the business date, for a new order or a seat change.
fn gate(e: &mut Expected, facts: &Facts, customer: &Customer) {
    if facts.phase() != Phase::Mandatory || !customer.cloud.supports_confirmation() {
        return;
    }
    // A confirmation accepted after the business date does not count on it.
    let all = facts.confirmations(customer);
    let by_then = all.iter().any(|c| c.date_agreed <= facts.today);
    e.applies(Rule::Gate, !by_then);
}

fn new_customer(e: &mut Expected, facts: &Facts, body: &CustomerBody) {
    e.applies(Rule::Role, facts.helpdesk);
    let valid = body.prefix.1 && body.company.1 && body.email.1 && !body.twice;
    e.applies(Rule::Invalid("customer"), !valid);
    let taken = domain_from_prefix(body.prefix.0)
        .is_ok_and(|domain| facts.before.customers.iter().any(|c| c.domain == domain));
    e.applies(Rule::Invalid("domain taken"), taken);
    if let Some((contact, date)) = body.agreement {
        confirmable(e, facts, None, contact, date);
    }
}

fn order(
    e: &mut Expected,
    facts: &Facts,
    customer: CustomerRef,
    lines: &[(usize, Seats)],
    one_quantity_short: bool,
) {
    let found = find(e, customer, facts.before);
    e.applies(Rule::Role, facts.helpdesk);
    if let Some(customer) = found {
        gate(e, facts, customer);
    }
    e.applies(Rule::Invalid("offers and quantities"), one_quantity_short);
    for &(offer, seats) in lines {
        let count = order_seats(seats);
        match assets::offer(OFFERS[offer]) {
            None => e.applies(Rule::UnknownOffer, true),
            Some(offer) => {
                let wrong = match offer.billing {
                    Billing::SeatBased => count == 0 || offer.max_seats.is_some_and(|m| count > m),
                    Billing::UsageBased => count != 1,
                };
                e.applies(Rule::Invalid("quantity"), wrong);
            }
        }
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
    let found = find(e, customer, before);
    e.applies(Rule::Role, facts.helpdesk);
    let Some(customer) = found else {
        return;
    };
    let id = subscription_id(customer, subscription, before);
    let own = (before.subscriptions.iter()).find(|s| s.customer_id == customer.id && s.id == id);
    e.applies(Rule::NotFound, own.is_none());
    let Some(own) = own else {
        return;
    };
    let count = set_seats_count(seats, own.quantity);
    if own.quantity == Some(count) {
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
