//! What `agreements import` may do with a file, told row by row: a file that cannot be read
//! as the export's CSV is refused whole; otherwise some row certainly breaks a rule (and the
//! import ends with 11) or none does (and it ends with 0). The files are in the export's CSV as
//! written before its Type column, so their rows name no agreement: each confirms the one the
//! dashboard confirms on the business date, and names a customer that must exist on that date.

use crate::commands::*;
use crate::expect::{confirmable, Expected, Facts, Rule};
use crate::names::customer_text;
use pcenter::domain::customer::Customer;
use pcenter::domain::timeline;
use std::collections::HashMap;

/// The export's columns before Type, in their order: a file without Type still imports.
pub const COLUMNS: [&str; 7] = [
    "TenantId",
    "Domain",
    "Date",
    "First Name",
    "Last Name",
    "Phone",
    "Email",
];

pub fn import(e: &mut Expected, facts: &Facts, file: &CsvFile) {
    e.applies(Rule::Role, facts.helpdesk);
    let refused_whole = file.missing_column || file.encoding == Encoding::Utf16;
    e.applies(Rule::Invalid("not the export's CSV"), refused_whole);
    if refused_whole {
        return;
    }
    // For each row with confirmation details: the customer it names, and whether it breaks a rule.
    let mut judged: Vec<(Option<String>, bool)> = Vec::new();
    for row in &file.rows {
        match row {
            Row::Blank | Row::Empty(_) => {}
            Row::Unclosed | Row::TooFewFields => judged.push((None, true)),
            Row::Confirmation { .. } => {
                let values = row_values(row, facts.before).expect("a confirmation's values");
                judged.push(judge(facts, row, &values));
            }
        }
    }
    let mut rows_of: HashMap<&str, usize> = HashMap::new();
    for key in judged.iter().filter_map(|(key, _)| key.as_deref()) {
        *rows_of.entry(key).or_default() += 1;
    }
    let rejected = judged
        .iter()
        .any(|(key, broken)| *broken || key.as_deref().is_some_and(|key| rows_of[key] > 1));
    e.applies(Rule::RowsRejected, rejected);
}

/// The customer a row names (as the import tells rows of one customer apart), and whether the
/// row breaks a rule on its own.
fn judge(facts: &Facts, row: &Row, values: &[String; 7]) -> (Option<String>, bool) {
    let Row::Confirmation {
        key, contact, date, ..
    } = row
    else {
        unreachable!("only confirmations are judged");
    };
    let (tenant, domain) = (values[0].trim(), values[1].trim());
    let by_domain = |domain: &str| -> Option<&Customer> {
        let domain = domain.to_ascii_lowercase();
        facts.before.customers.iter().find(|c| c.domain == domain)
    };
    // Rows are told apart by the customer they name, whatever its date; only one that exists
    // on the business date can be confirmed.
    let (named, found) = if !tenant.is_empty() {
        let id = tenant.to_ascii_lowercase();
        let found = facts.before.customers.iter().find(|c| c.id == id);
        (Some(id), found)
    } else {
        let found = by_domain(domain);
        (found.map(|c| c.id.clone()), found)
    };
    let found = found.filter(|c| facts.exists(c));
    let disagree = *key == Key::Disagree
        && found.is_some_and(|c| !domain.is_empty() && !domain.eq_ignore_ascii_case(&c.domain));
    let mut rules = Expected::default();
    let kind = timeline::dashboard_agreement(facts.today);
    confirmable(&mut rules, facts, found, *contact, Some(date), Some(kind));
    // Same contact as the current confirmation: unchanged, not rejected.
    rules.certain.retain(|rule| *rule != Rule::AlreadyConfirmed);
    let broken = found.is_none() || disagree || !rules.certain.is_empty();
    (named, broken)
}

/// A row's values by column, as the file holds them; `None` for rows that are not values.
pub fn row_values(row: &Row, snapshot: &pcenter::store::Snapshot) -> Option<[String; 7]> {
    let (customer, key, contact, date) = match row {
        Row::Confirmation {
            customer,
            key,
            contact,
            date,
        } => (*customer, *key, Some(*contact), *date),
        Row::Empty(customer) => (*customer, Key::Both, None, ""),
        Row::Blank | Row::Unclosed | Row::TooFewFields => return None,
    };
    let id_form = match customer.form {
        Form::IdInCapitals | Form::DomainInCapitals => Form::IdInCapitals,
        _ => Form::Id,
    };
    let domain_form = match customer.form {
        Form::IdInCapitals | Form::DomainInCapitals => Form::DomainInCapitals,
        _ => Form::Domain,
    };
    let text = |form| customer_text(CustomerRef { form, ..customer }, snapshot);
    let (tenant, domain) = match key {
        Key::TenantId => (text(id_form), String::new()),
        Key::Domain => (String::new(), text(domain_form)),
        Key::Both => (text(id_form), text(domain_form)),
        Key::Disagree => {
            let other = match customer.named {
                Named::Demo(i) => Named::Demo((i + 1) % DEMO.len()),
                _ => Named::Demo(0),
            };
            let other = CustomerRef {
                named: other,
                form: Form::Domain,
            };
            (text(id_form), customer_text(other, snapshot))
        }
    };
    let (first, last, phone, email) = contact.map_or(("", "", "", ""), |c| {
        (c.first.0, c.last.0, c.phone.0, c.email.0)
    });
    Some([
        tenant,
        domain,
        date.into(),
        first.into(),
        last.into(),
        phone.into(),
        email.into(),
    ])
}
