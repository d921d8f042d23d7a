//! The New customer wizard: Account info → Next: Subscriptions → Next: Review → Submit →
//! Confirmation → Done, with and without the confirmation, in each phase, with and without
//! subscriptions, through the real session and core.

use crate::common::*;
use crate::support::*;
use pcenter::app::screens::new_customer::{Field, WizardStep};
use pcenter::app::session::Session;
use pcenter::app::NewCustomerOrder;
use pcenter::assets;
use pcenter::book::AgreementStatus;
use pcenter::domain::agreement::{AcceptanceField, Channel};
use pcenter::domain::commerce::Billing;
use pcenter::domain::credentials::UserCredentials;
use pcenter::domain::customer::{Customer, CustomerField};
use pcenter::domain::role::Role;
use pcenter::service::ServiceError;
use ratatui::crossterm::event::KeyCode;

const DOMAIN: &str = "proseware.onmicrosoft.com";
/// A day either agreement satisfies the gate, except for offers such as Azure plan.
const OVERLAP_DAY: &str = "2019-11-15";

/// Opens the wizard and fills Company and Primary contact, Enter moving from field to field.
/// Focus ends on the agreement checkbox when the date shows it, else on Next.
fn fill_account_info(s: &mut Session, domain_prefix: &str) {
    press(s, KeyCode::Char('n'));
    assert_eq!(wizard(s).step, WizardStep::AccountInfo);
    for value in [
        "Proseware",
        domain_prefix,
        "us",
        "1 Microsoft Way",
        "",
        "Redmond",
        "WA",
        "98052",
        "Ada",
        "Lovelace",
        "ada.lovelace@proseware.com",
        "+1 425 555 0100",
    ] {
        type_text(s, value);
        press(s, KeyCode::Enter);
    }
}

/// The customer the wizard's Confirmation says it created.
fn confirmed_id(s: &Session) -> String {
    let wizard = wizard(s);
    assert_eq!(wizard.step, WizardStep::Confirmation);
    wizard
        .created
        .as_ref()
        .expect("created")
        .customer_id
        .clone()
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
    fill_account_info(&mut s, "Proseware");
    assert_eq!(wizard(&s).form.focus, Field::Accepted);
    press(&mut s, KeyCode::Char(' '));
    assert!(wizard(&s).accepted);
    keys(&mut s, "\t\t\t"); // acceptance date → Update → Next
    assert_eq!(wizard(&s).form.focus, Field::Next);
    press(&mut s, KeyCode::Enter);
    assert_eq!(wizard(&s).step, WizardStep::Subscriptions);
    assert_eq!(wizard(&s).form.focus, Field::Offers);
    press(&mut s, KeyCode::Enter); // Next: Review, no subscription chosen
    let review = wizard(&s);
    assert_eq!(review.step, WizardStep::Review);
    assert_eq!(review.form.focus, Field::Submit);
    assert_eq!(
        stored(&s),
        assets::demo_snapshot(),
        "nothing saved before Submit"
    );
    press(&mut s, KeyCode::Enter);

    let customer = created(&s);
    assert_eq!(confirmed_id(&s), customer.id);
    assert_eq!(flash(&s).text, "Proseware was created.");
    assert_eq!(customer.company_name, "Proseware");
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
    fill_account_info(&mut s, "proseware");
    ctrl(&mut s, 's'); // Next
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    assert_eq!(wizard.form.focus, Field::Accepted);
    assert!(wizard
        .form
        .message(Field::Accepted)
        .is_some_and(|m| m.contains("mandatory since November 7, 2018")));
    assert_eq!(
        wizard
            .form
            .message(Field::Customer(CustomerField::DomainPrefix)),
        None
    );
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn optional_phase_next_with_the_box_unticked_creates_a_customer_without_confirmation() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "proseware");
    assert!(!wizard(&s).accepted);
    ctrl(&mut s, 's');
    assert_eq!(wizard(&s).step, WizardStep::Subscriptions);
    ctrl(&mut s, 's');
    let review = wizard(&s);
    assert_eq!(review.step, WizardStep::Review);
    let (profile, acceptance) = review.validated.as_ref().expect("validated");
    assert_eq!(profile.domain, DOMAIN);
    assert_eq!(acceptance, &None);
    ctrl(&mut s, 's'); // Submit

    let customer = created(&s);
    assert_eq!(confirmed_id(&s), customer.id);
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
            .message(Field::Customer(CustomerField::DomainPrefix))
            .as_deref(),
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
    fill_account_info(&mut s, "proseware");
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
    retype(&mut s, "grace.hopper@proseware.com");
    press(&mut s, KeyCode::Tab);
    clear_field(&mut s);
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
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
    assert_eq!(confirmation.accepted_by.email, "grace.hopper@proseware.com");
    assert_eq!(confirmation.accepted_by.phone, None);
    assert_eq!(confirmation.channel, Channel::NewCustomer);
}

#[test]
fn bad_acceptor_fields_are_refused_next_to_those_fields() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "proseware");
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "2018-09-15");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Enter); // Update
    keys(&mut s, "\t\t");
    retype(&mut s, "grace at proseware");
    ctrl(&mut s, 's');
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    assert!(wizard
        .form
        .message(Field::Acceptor(AcceptanceField::Date))
        .is_some_and(|m| m.contains("future date")));
    assert!(wizard
        .form
        .message(Field::Acceptor(AcceptanceField::Email))
        .is_some());
    assert_eq!(
        wizard.form.message(Field::Customer(CustomerField::Email)),
        None
    );
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn before_august_7_2018_the_wizard_has_no_agreement_section() {
    let mut s = session("2018-08-06", Role::AdminAgent);
    fill_account_info(&mut s, "proseware");
    assert!(!wizard(&s).agreement_section);
    assert_eq!(wizard(&s).form.focus, Field::Next);
    press(&mut s, KeyCode::Enter);
    assert_eq!(wizard(&s).step, WizardStep::Subscriptions);
    press(&mut s, KeyCode::Enter);
    assert_eq!(wizard(&s).step, WizardStep::Review);
    press(&mut s, KeyCode::Enter);
    let customer = created(&s);
    assert_eq!(confirmed_id(&s), customer.id);
    assert!(s.app.ctx.book.confirmations(&customer.id).is_empty());
}

#[test]
fn esc_then_discard_leaves_the_wizard_for_customers_and_creates_nothing() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    fill_account_info(&mut s, "proseware");
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
        .message(Field::Customer(CustomerField::DomainPrefix))
        .is_some());
    assert_eq!(preview(&s), None, "the message by the field says it once");
}

/// On Subscriptions: moves the offer cursor to the first offer that `is` picks and selects it.
fn choose(s: &mut Session, is: impl Fn(&pcenter::domain::commerce::Offer) -> bool) -> usize {
    let index = wizard(s)
        .offers
        .lines
        .iter()
        .position(|line| is(line.offer))
        .expect("such an offer on this date");
    press(s, KeyCode::Home);
    for _ in 0..index {
        press(s, KeyCode::Down);
    }
    press(s, KeyCode::Char(' '));
    index
}

#[test]
fn a_customer_with_subscriptions_is_created_with_both_in_the_store_and_done_selects_it() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    s.set_credentials(|| UserCredentials::from_entropy(20181114));
    fill_account_info(&mut s, "proseware");
    press(&mut s, KeyCode::Char(' '));
    keys(&mut s, "\t\t\t\n"); // acceptance date → Update → Next: Subscriptions
    assert_eq!(wizard(&s).step, WizardStep::Subscriptions);
    let seats = choose(&mut s, |o| o.billing == Billing::SeatBased);
    type_text(&mut s, "25");
    let usage = choose(&mut s, |o| o.billing == Billing::UsageBased);
    let offers: Vec<_> = wizard(&s)
        .offers
        .lines
        .iter()
        .map(|line| line.offer.clone())
        .collect();
    press(&mut s, KeyCode::Enter); // Next: Review
    assert_eq!(wizard(&s).step, WizardStep::Review);
    assert_eq!(wizard(&s).order_warning, None);
    assert_eq!(
        stored(&s),
        assets::demo_snapshot(),
        "nothing saved before Submit"
    );
    press(&mut s, KeyCode::Enter); // Submit

    let customer = created(&s);
    let confirmation = &wizard(&s).created.as_ref().unwrap();
    assert_eq!(confirmation.customer_id, customer.id);
    assert_eq!(
        confirmation.order,
        NewCustomerOrder::Ordered { subscriptions: 2 }
    );
    let credentials = UserCredentials::from_entropy(20181114);
    assert_eq!(confirmation.credentials, credentials);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(
        screen.contains("admin@proseware.onmicrosoft.com"),
        "{screen}"
    );
    assert!(screen.contains(&credentials.password), "{screen}");

    let snapshot = stored(&s);
    assert!(snapshot
        .confirmations
        .iter()
        .any(|c| c.customer_id == customer.id));
    let orders: Vec<_> = snapshot
        .orders
        .iter()
        .filter(|o| o.customer_id == customer.id)
        .collect();
    assert_eq!(orders.len(), 1, "one order for both");
    let ordered: Vec<(String, u32)> = orders[0]
        .lines
        .iter()
        .map(|l| (l.offer_id.clone(), l.quantity))
        .collect();
    assert_eq!(
        ordered,
        [
            (offers[seats].id.clone(), 25),
            (offers[usage].id.clone(), 1)
        ]
    );
    let subscriptions: Vec<_> = snapshot
        .subscriptions
        .iter()
        .filter(|sub| sub.customer_id == customer.id)
        .map(|sub| (sub.offer_id.clone(), sub.quantity))
        .collect();
    assert_eq!(
        subscriptions,
        [
            (offers[seats].id.clone(), Some(25)),
            (offers[usage].id.clone(), None)
        ]
    );
    assert_eq!(s.app.ctx.book.subscriptions(&customer.id).len(), 2);

    press(&mut s, KeyCode::Enter); // Done
    assert!(on_customers(&s));
    let ctx = &s.app.ctx;
    let directory = pcenter::core::read(&ctx.directory);
    let selected = ctx.customers.selected_entry(&directory).expect("a row");
    assert_eq!(selected.domain(), DOMAIN);
    assert_eq!(selected.subscriptions, 2);
}

#[test]
fn an_order_the_gate_refuses_leaves_the_customer_created_and_the_confirmation_says_so() {
    // Between October 1, 2019 and January 31, 2020 the wizard confirms the Microsoft Cloud
    // Agreement, and Azure plan needs the Microsoft Customer Agreement.
    let mut s = session(OVERLAP_DAY, Role::AdminAgent);
    s.set_credentials(|| UserCredentials::from_entropy(20181114));
    fill_account_info(&mut s, "proseware");
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's'); // Next: Subscriptions
    choose(&mut s, |o| o.requires_customer_agreement);
    press(&mut s, KeyCode::Enter); // Next: Review
    let warning = wizard(&s)
        .order_warning
        .clone()
        .expect("Review warns first");
    assert!(
        warning.contains("Submit would create the customer but order none"),
        "{warning}"
    );
    press(&mut s, KeyCode::Enter); // Submit: the service decides

    let customer = created(&s);
    let outcome = &wizard(&s).created.as_ref().unwrap().order;
    assert!(
        matches!(outcome, NewCustomerOrder::Refused(ServiceError::Gate(_))),
        "{outcome:?}"
    );
    let snapshot = stored(&s);
    assert!(
        snapshot
            .confirmations
            .iter()
            .any(|c| c.customer_id == customer.id),
        "the customer and its confirmation are written"
    );
    assert!(snapshot.orders.iter().all(|o| o.customer_id != customer.id));
    assert!(snapshot
        .subscriptions
        .iter()
        .all(|sub| sub.customer_id != customer.id));
    let screen = render(&mut s, 120, 40).to_string();
    for said in [
        "Nothing was ordered.",
        "Microsoft Customer Agreement",
        "Proseware was created all the same.",
        "admin@proseware.onmicrosoft.com",
    ] {
        assert!(screen.contains(said), "{said}:\n{screen}");
    }
    press(&mut s, KeyCode::Enter); // Done
    assert!(on_customers(&s));
}
