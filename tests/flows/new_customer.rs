//! The New customer wizard: Account info → Next → Review → Submit, with and without the
//! confirmation, in each phase.

use crate::common::*;
use crate::support::*;
use pcenter::app::screens::new_customer::{Field, WizardStep};
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::book::AgreementStatus;
use pcenter::domain::agreement::{AcceptanceField, Channel};
use pcenter::domain::customer::{Customer, CustomerField};
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

const DOMAIN: &str = "tailspintoys.onmicrosoft.com";

/// Opens the wizard and fills Company and Primary contact, Enter moving from field to field.
/// Focus ends on the agreement checkbox when the date shows it, else on Next.
fn fill_account_info(s: &mut Session, domain_prefix: &str) {
    press(s, KeyCode::Char('n'));
    assert_eq!(wizard(s).step, WizardStep::AccountInfo);
    for value in [
        "Tailspin Toys",
        domain_prefix,
        "us",
        "1 Microsoft Way",
        "",
        "Redmond",
        "WA",
        "98052",
        "Ada",
        "Lovelace",
        "ada.lovelace@tailspintoys.com",
        "+1 425 555 0100",
    ] {
        type_text(s, value);
        press(s, KeyCode::Enter);
    }
}

fn created(s: &Session) -> Customer {
    stored(s)
        .customers
        .into_iter()
        .find(|c| c.domain == DOMAIN)
        .expect("the new customer is stored")
}

#[test]
fn the_happy_path_with_the_box_ticked_creates_the_customer_and_its_confirmation() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "TailspinToys");
    assert_eq!(wizard(&s).form.focus, Field::Accepted);
    press(&mut s, KeyCode::Char(' '));
    assert!(wizard(&s).accepted);
    keys(&mut s, "\t\t\t"); // acceptance date → Update → Next
    assert_eq!(wizard(&s).form.focus, Field::Next);
    press(&mut s, KeyCode::Enter);
    let review = wizard(&s);
    assert_eq!(review.step, WizardStep::Review);
    assert_eq!(review.form.focus, Field::Submit);
    press(&mut s, KeyCode::Enter);

    let customer = created(&s);
    assert_eq!(account(&s).customer_id, customer.id);
    assert_eq!(flash(&s).text, "Tailspin Toys was created.");
    assert_eq!(customer.company_name, "Tailspin Toys");
    assert_eq!(customer.address.country, "US");
    assert_eq!(customer.primary_contact.full_name(), "Ada Lovelace");
    assert_eq!(customer.created_by, "Megan Bowen");
    let snapshot = stored(&s);
    assert_eq!(
        snapshot.customers.len(),
        assets::demo_snapshot().customers.len() + 1
    );
    let confirmations: Vec<_> = snapshot
        .confirmations
        .iter()
        .filter(|c| c.customer_id == customer.id)
        .collect();
    assert_eq!(confirmations.len(), 1);
    let confirmation = confirmations[0];
    assert_eq!(confirmation.channel, Channel::NewCustomer);
    assert_eq!(confirmation.accepted_by, customer.primary_contact);
    assert_eq!(confirmation.date_agreed.to_string(), MANDATORY_DAY);
    assert_eq!(confirmation.recorded_by, "Megan Bowen");
    assert_eq!(
        s.app
            .ctx
            .book
            .status(&customer, s.app.ctx.actor.business_date),
        AgreementStatus::Confirmed
    );
}

#[test]
fn mandatory_phase_next_with_the_box_unticked_stays_with_the_error_on_the_checkbox() {
    let mut s = session(MANDATORY_DAY, Role::SalesAgent);
    fill_account_info(&mut s, "tailspintoys");
    ctrl(&mut s, 's'); // Next
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    assert_eq!(wizard.form.focus, Field::Accepted);
    assert!(wizard
        .form
        .error(Field::Accepted)
        .is_some_and(|m| m.contains("mandatory since November 7, 2018")));
    assert_eq!(
        wizard
            .form
            .error(Field::Customer(CustomerField::DomainPrefix)),
        None
    );
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn optional_phase_next_with_the_box_unticked_creates_a_customer_without_confirmation() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "tailspintoys");
    assert!(!wizard(&s).accepted);
    ctrl(&mut s, 's');
    let review = wizard(&s);
    assert_eq!(review.step, WizardStep::Review);
    let (profile, acceptance) = review.validated.as_ref().expect("validated");
    assert_eq!(profile.domain, DOMAIN);
    assert_eq!(acceptance, &None);
    ctrl(&mut s, 's'); // Submit

    let customer = created(&s);
    assert_eq!(account(&s).customer_id, customer.id);
    let snapshot = stored(&s);
    assert!(snapshot
        .confirmations
        .iter()
        .all(|c| c.customer_id != customer.id));
    assert_eq!(
        snapshot.confirmations,
        assets::demo_snapshot().confirmations
    );
    assert_eq!(
        s.app
            .ctx
            .book
            .status(&customer, s.app.ctx.actor.business_date),
        AgreementStatus::NotConfirmed
    );
}

#[test]
fn a_taken_domain_prefix_is_refused_next_to_the_primary_domain_field() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    let contoso = s.app.ctx.book.customer(CONTOSO).unwrap().domain.clone();
    let prefix = contoso.strip_suffix(".onmicrosoft.com").unwrap();
    fill_account_info(&mut s, &prefix.to_uppercase());
    ctrl(&mut s, 's');
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    assert_eq!(
        wizard
            .form
            .error(Field::Customer(CustomerField::DomainPrefix)),
        Some(format!("{contoso} is already taken; choose another prefix.").as_str())
    );
    assert_eq!(
        wizard.form.focus,
        Field::Customer(CustomerField::DomainPrefix)
    );
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn update_in_the_agreement_section_records_a_different_acceptor() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "tailspintoys");
    press(&mut s, KeyCode::Char(' '));
    keys(&mut s, "\t\t"); // acceptance date → Update
    assert_eq!(wizard(&s).form.focus, Field::UpdateAcceptor);
    press(&mut s, KeyCode::Enter);
    let editable = wizard(&s);
    assert!(editable.acceptor_editable);
    assert_eq!(
        editable.form.focus,
        Field::Acceptor(AcceptanceField::FirstName)
    );
    assert_eq!(
        editable
            .form
            .value(Field::Acceptor(AcceptanceField::FirstName)),
        "Ada",
        "starts from the primary contact"
    );
    retype(&mut s, "Grace");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "Hopper");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "grace.hopper@tailspintoys.com");
    press(&mut s, KeyCode::Tab);
    clear_field(&mut s);
    ctrl(&mut s, 's'); // Next
    assert_eq!(wizard(&s).step, WizardStep::Review);
    ctrl(&mut s, 's'); // Submit

    let customer = created(&s);
    assert_eq!(customer.primary_contact.full_name(), "Ada Lovelace");
    let confirmation = stored(&s)
        .confirmations
        .into_iter()
        .find(|c| c.customer_id == customer.id)
        .expect("confirmation");
    assert_eq!(confirmation.accepted_by.full_name(), "Grace Hopper");
    assert_eq!(
        confirmation.accepted_by.email,
        "grace.hopper@tailspintoys.com"
    );
    assert_eq!(confirmation.accepted_by.phone, None);
    assert_eq!(confirmation.channel, Channel::NewCustomer);
}

#[test]
fn bad_acceptor_fields_are_refused_next_to_those_fields() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "tailspintoys");
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "2018-09-15");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Enter); // Update
    keys(&mut s, "\t\t");
    retype(&mut s, "grace at tailspintoys");
    ctrl(&mut s, 's');
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    assert!(wizard
        .form
        .error(Field::Acceptor(AcceptanceField::Date))
        .is_some_and(|m| m.contains("future date")));
    assert!(wizard
        .form
        .error(Field::Acceptor(AcceptanceField::Email))
        .is_some());
    assert_eq!(
        wizard.form.error(Field::Customer(CustomerField::Email)),
        None
    );
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn before_august_7_2018_the_wizard_has_no_agreement_section() {
    let mut s = session("2018-08-06", Role::AdminAgent);
    fill_account_info(&mut s, "tailspintoys");
    assert!(!wizard(&s).agreement_section);
    assert_eq!(wizard(&s).form.focus, Field::Next);
    press(&mut s, KeyCode::Enter);
    assert_eq!(wizard(&s).step, WizardStep::Review);
    press(&mut s, KeyCode::Enter);
    let customer = created(&s);
    assert!(s.app.ctx.book.confirmations(&customer.id).is_empty());
}

#[test]
fn esc_then_discard_leaves_the_wizard_for_customers_and_creates_nothing() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "tailspintoys");
    press(&mut s, KeyCode::Esc);
    assert!(s.app.leave_prompt.is_some(), "a filled wizard asks first");
    press(&mut s, KeyCode::Char('d'));
    assert!(on_customers(&s));
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn the_domain_preview_follows_the_prefix_as_typed() {
    use pcenter::app::form::FormRow;
    let preview = |s: &Session| {
        let rows = wizard(s).rows();
        let at = rows
            .iter()
            .position(|r| {
                matches!(
                    r,
                    FormRow::Field {
                        id: Field::Customer(CustomerField::DomainPrefix),
                        ..
                    }
                )
            })
            .unwrap();
        match &rows[at + 1] {
            FormRow::Value { value, .. } => Some(value.clone()),
            _ => None,
        }
    };
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    press(&mut s, KeyCode::Tab);
    assert_eq!(preview(&s).as_deref(), Some("<prefix>.onmicrosoft.com"));
    type_text(&mut s, "NewCo.onmicrosoft.com");
    assert_eq!(preview(&s).as_deref(), Some("newco.onmicrosoft.com"));
    clear_field(&mut s);
    type_text(&mut s, "my-co");
    let said = preview(&s).expect("the problem, as typed");
    assert!(said.contains("remove '-'"), "{said}");
    ctrl(&mut s, 's');
    assert!(wizard(&s)
        .form
        .error(Field::Customer(CustomerField::DomainPrefix))
        .is_some());
    assert_eq!(preview(&s), None, "the message by the field says it once");
}
