//! Snapshots of the screens that change with the agreement's era: the Account page, the Update
//! form and the prompt before a new order, and the Customers list, on a day when only the
//! Microsoft Cloud Agreement exists, while either agreement counts, and once only the Microsoft
//! Customer Agreement does.

mod common;

use common::*;
use pcenter::app::session::Session;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

/// While either agreement counts, and the first day only the Customer Agreement does.
const EITHER_DAY: &str = "2019-12-15";
const CUSTOMER_AGREEMENT_DAY: &str = "2020-02-01";

fn snap_both_sizes(name: &str, session: &mut Session) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(session, 80, 24).to_string());
    insta::assert_snapshot!(
        format!("{name}_120x40"),
        render(session, 120, 40).to_string()
    );
}

fn admin(date: &str) -> Session {
    session(date, Role::AdminAgent)
}

#[test]
fn customers_list_names_the_agreement_that_counts() {
    for (name, date) in [
        ("era_customers_either", EITHER_DAY),
        ("era_customers_customer_agreement", CUSTOMER_AGREEMENT_DAY),
    ] {
        let mut s = admin(date);
        snap_both_sizes(name, &mut s);
    }
}

#[test]
fn account_while_either_agreement_counts_warns_of_january_31_2020() {
    let mut s = admin(EITHER_DAY);
    open_account(&mut s, CONTOSO);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(
        screen.contains("This agreement is valid until January 31, 2020"),
        "{screen}"
    );
    snap_both_sizes("era_account_either_contoso", &mut s);
}

#[test]
fn account_once_only_the_customer_agreement_counts() {
    let mut s = admin(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, NORTHWIND);
    let screen = render(&mut s, 120, 40).to_string();
    assert!(screen.contains("Microsoft customer agreement"), "{screen}");
    assert!(!screen.contains("Microsoft cloud agreement"), "{screen}");
    snap_both_sizes("era_account_customer_agreement_northwind", &mut s);
    let mut s = admin(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, CONTOSO);
    snap_both_sizes("era_account_customer_agreement_contoso", &mut s);
}

#[test]
fn update_form_while_either_counts_offers_the_customer_agreement() {
    let mut s = admin(EITHER_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    snap_both_sizes("era_update_either_northwind", &mut s);
}

#[test]
fn update_form_once_only_the_customer_agreement_counts() {
    let mut s = admin(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Microsoft customer agreement"), "{screen}");
    snap_both_sizes("era_update_customer_agreement_northwind", &mut s);
}

#[test]
fn prompt_before_an_order_in_each_era() {
    for (name, date) in [
        ("era_prompt_either_northwind", EITHER_DAY),
        (
            "era_prompt_customer_agreement_northwind",
            CUSTOMER_AGREEMENT_DAY,
        ),
    ] {
        let mut s = admin(date);
        open_account(&mut s, NORTHWIND);
        press(&mut s, KeyCode::Char('o'));
        snap_both_sizes(name, &mut s);
    }
}

#[test]
fn the_customer_agreement_confirmed_in_the_dashboard_while_either_counts_opens_azure_plan() {
    let mut s = admin(EITHER_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    // Down to the checkbox, tick it, save.
    for _ in 0..5 {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's');
    let stored = s.core.store().dossier(NORTHWIND).unwrap().unwrap();
    let last = stored.confirmations.last().unwrap();
    assert_eq!(
        last.agreement_type, "MicrosoftCustomerAgreement",
        "{last:?}"
    );
    assert_eq!(last.template_id, "117a77b0-9360-443b-8795-c6dedc750cf9");
}

/// Fills the company and primary contact with valid values; focus ends on the agreement box.
fn fill_account_info(s: &mut Session) {
    keys(
        s,
        "Proseware\tproseware\tUS\t1 Microsoft Way\t\tRedmond\tWA\t98052\t",
    );
    keys(s, "Adele\tVance\tadele@proseware.com\t+1 425 555 0100\t");
}

#[test]
fn the_new_customer_wizard_names_the_agreement_of_its_era() {
    for (name, date, section) in [
        (
            "era_new_customer_either",
            EITHER_DAY,
            "Microsoft cloud agreement",
        ),
        (
            "era_new_customer_customer_agreement",
            CUSTOMER_AGREEMENT_DAY,
            "Microsoft customer agreement",
        ),
    ] {
        let mut s = admin(date);
        press(&mut s, KeyCode::Char('n'));
        fill_account_info(&mut s);
        press(&mut s, KeyCode::Char(' '));
        let screen = render(&mut s, 120, 40).to_string();
        assert!(screen.contains(section), "{date}: {screen}");
        snap_both_sizes(name, &mut s);
    }
}

#[test]
fn the_wizard_refuses_to_go_on_without_the_customer_agreement_and_says_which() {
    let mut s = admin(CUSTOMER_AGREEMENT_DAY);
    press(&mut s, KeyCode::Char('n'));
    fill_account_info(&mut s);
    ctrl(&mut s, 's');
    let screen = render(&mut s, 120, 40).to_string();
    assert!(
        screen.contains(
            "Confirmation of the Microsoft Customer Agreement is mandatory since February 1, 2020"
        ),
        "{screen}"
    );
}

#[test]
fn the_review_of_the_wizard_names_the_customer_agreement() {
    let mut s = admin(CUSTOMER_AGREEMENT_DAY);
    press(&mut s, KeyCode::Char('n'));
    fill_account_info(&mut s);
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
    let screen = render(&mut s, 120, 40).to_string();
    assert!(screen.contains("Microsoft customer agreement"), "{screen}");
    snap_both_sizes("era_new_customer_review_customer_agreement", &mut s);
}

#[test]
fn the_header_shows_the_sandbox() {
    let store = pcenter::store::MemoryStore::with_snapshot(pcenter::assets::demo_snapshot());
    let mut s = session_over(Box::new(store), "2019-03-11", Role::AdminAgent);
    s.app.ctx.actor.access =
        pcenter::service::Access::dashboard(pcenter::domain::timeline::Environment::Sandbox);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(
        screen.contains("Sandbox · 2019-03-11 · Mandatory"),
        "{screen}"
    );
    let wide = render(&mut s, 120, 40).to_string();
    assert!(
        wide.contains("Sandbox · Business date 2019-03-11 · Confirmation: Mandatory"),
        "{wide}"
    );
}

#[test]
fn while_either_counts_the_wizard_confirms_the_customer_agreement_and_azure_plan_is_ordered() {
    let mut s = admin(EITHER_DAY);
    press(&mut s, KeyCode::Char('n'));
    fill_account_info(&mut s);
    press(&mut s, KeyCode::Char(' ')); // the agreement was accepted
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Char(' ')); // the new Microsoft Customer Agreement
    let screen = render(&mut s, 120, 40).to_string();
    assert!(
        screen.contains("[x] The customer has accepted the new Microsoft customer agreement"),
        "{screen}"
    );
    ctrl(&mut s, 's'); // Next: Subscriptions
    press(&mut s, KeyCode::End);
    press(&mut s, KeyCode::Char('k'));
    press(&mut s, KeyCode::Char(' ')); // Azure plan
    ctrl(&mut s, 's'); // Next: Review
    ctrl(&mut s, 's'); // Submit
    let stored = s.core.store().load().unwrap();
    let created = stored
        .customers
        .iter()
        .find(|c| c.company_name == "Proseware")
        .expect("the customer is created");
    let confirmation = stored
        .confirmations
        .iter()
        .find(|c| c.customer_id == created.id)
        .expect("with its confirmation");
    assert_eq!(confirmation.agreement_type, "MicrosoftCustomerAgreement");
    let ordered: Vec<&str> = stored
        .subscriptions
        .iter()
        .filter(|sub| sub.customer_id == created.id)
        .map(|sub| sub.offer_name.as_str())
        .collect();
    assert_eq!(ordered, ["Azure plan"]);
}
