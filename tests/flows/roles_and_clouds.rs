//! Who may act and where: Helpdesk agents are refused every change, and the confirmation exists
//! in the public cloud only.

use crate::common::*;
use crate::support::*;
use pcenter::app::session::Session;
use pcenter::domain::role::{Role, ROLE_REQUIRED};
use ratatui::crossterm::event::KeyCode;

fn assert_role_refusal(s: &Session, what: &str) {
    let flash = flash(s);
    assert!(flash.is_error, "{what}: {flash:?}");
    assert!(
        flash
            .text
            .starts_with("You must be an Admin agent or Sales agent"),
        "{what}: {flash:?}"
    );
}

#[test]
fn a_helpdesk_agent_is_refused_every_change_and_nothing_is_written() {
    let mut s = session(MANDATORY_DAY, Role::HelpdeskAgent);
    let before = stored(&s);

    press(&mut s, KeyCode::Char('n'));
    assert!(on_customers(&s));
    assert_role_refusal(&s, "n on Customers");
    assert!(flash(&s).text.ends_with("to create a customer."));

    select_customer(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    assert!(on_customers(&s));
    assert_role_refusal(&s, "o on Customers");
    assert!(flash(&s).text.ends_with("to create a new order."));

    press(&mut s, KeyCode::Enter);
    assert_eq!(account(&s).customer_id, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    assert_eq!(account(&s).customer_id, NORTHWIND);
    assert_role_refusal(&s, "o on Account");

    press(&mut s, KeyCode::Char('u'));
    assert_eq!(account(&s).customer_id, NORTHWIND);
    assert_role_refusal(&s, "u on Account");
    assert!(flash(&s).text.ends_with("to confirm customer acceptance."));

    press(&mut s, KeyCode::Char('s'));
    assert!(account(&s).seat_editor.is_none());
    assert_role_refusal(&s, "s on Account");
    assert!(flash(&s).text.ends_with("to change the seat count."));

    assert_eq!(stored(&s), before);
}

#[test]
fn a_helpdesk_agent_on_a_confirmed_customer_is_refused_too() {
    let mut s = session(OPTIONAL_DAY, Role::HelpdeskAgent);
    let before = stored(&s);
    open_account(&mut s, CONTOSO);
    for key in ['o', 'u', 's'] {
        press(&mut s, KeyCode::Char(key));
        assert_eq!(account(&s).customer_id, CONTOSO, "{key}");
        assert!(account(&s).seat_editor.is_none(), "{key}");
        assert_role_refusal(&s, &format!("{key} on Contoso"));
    }
    assert_eq!(stored(&s), before);
}

#[test]
fn the_account_shows_a_helpdesk_agent_the_role_message_instead_of_the_confirmation() {
    let mut admin = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut admin, CONTOSO);
    let screen = render(&mut admin, 120, 30).to_string();
    assert!(
        screen.contains("Confirmed: customer acceptance"),
        "{screen}"
    );
    assert!(screen.contains("Acceptance date"), "{screen}");
    assert!(screen.contains("Recorded by"), "{screen}");

    let mut helpdesk = session(OPTIONAL_DAY, Role::HelpdeskAgent);
    open_account(&mut helpdesk, CONTOSO);
    let screen = render(&mut helpdesk, 120, 30).to_string();
    assert!(
        screen.contains(&format!(
            "{ROLE_REQUIRED} to see the confirmation of customer acceptance."
        )),
        "{screen}"
    );
    for hidden in [
        "Confirmed: customer acceptance",
        "Accepted by",
        "Acceptance date",
        "Recorded by",
        "[ Update ]",
    ] {
        assert!(!screen.contains(hidden), "{hidden} shown:\n{screen}");
    }
    assert!(screen.contains("Contoso Electronics"), "{screen}");
}

#[test]
fn update_on_a_national_cloud_customer_is_refused_as_public_cloud_only() {
    for (customer, cloud) in [
        (BAECKEREI, "Microsoft Cloud Germany"),
        (LAKEVIEW, "Microsoft Cloud for US Government"),
    ] {
        let mut s = session(MANDATORY_DAY, Role::AdminAgent);
        open_account(&mut s, customer);
        press(&mut s, KeyCode::Char('u'));
        assert_eq!(account(&s).customer_id, customer);
        assert!(flash(&s).is_error);
        assert_eq!(
            flash(&s).text,
            format!(
                "Confirmation of customer acceptance is supported with Microsoft Public Cloud only; this customer is in {cloud}."
            )
        );
    }
}

#[test]
fn a_national_cloud_customer_may_change_seats_in_the_mandatory_phase() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, BAECKEREI);
    press(&mut s, KeyCode::Char('s'));
    let editor = account(&s).seat_editor.as_ref().expect("seat editor");
    assert_eq!(editor.subscription_name, "Office 365 E1");
}

#[test]
fn update_before_august_7_2018_is_refused_as_not_yet_available() {
    let mut s = session("2018-08-06", Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(account(&s).customer_id, NORTHWIND);
    assert_eq!(
        flash(&s).text,
        "Confirmation of customer acceptance becomes available on August 7, 2018."
    );
}

#[test]
fn a_helpdesk_agent_sees_no_confirmation_status_in_the_customers_table() {
    let mut s = session(MANDATORY_DAY, Role::HelpdeskAgent);
    let screen = render(&mut s, 140, 40).to_string();
    assert!(screen.contains("Contoso Electronics"), "{screen}");
    for status in ["Confirmed", "Not confirmed"] {
        assert!(!screen.contains(status), "{status} shown:\n{screen}");
    }
    // A national cloud's lack of confirmation is a fact of the cloud, shown to every role.
    let baeckerei = screen
        .lines()
        .find(|l| l.contains("Bäckerei Schröder"))
        .unwrap();
    assert!(baeckerei.contains("Not supported"), "{baeckerei}");
    let mut admin = session(MANDATORY_DAY, Role::AdminAgent);
    let screen = render(&mut admin, 140, 40).to_string();
    assert!(screen.contains("Not confirmed"), "{screen}");
}

#[test]
fn a_national_cloud_account_offers_no_update_in_its_footer_or_its_empty_history() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, BAECKEREI);
    let screen = render(&mut s, 80, 24).to_string();
    let footer = screen.lines().last().unwrap();
    assert!(!footer.contains("Update"), "{footer}");
    press(&mut s, KeyCode::Char('h'));
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("No confirmation on record."), "{screen}");
    assert!(!screen.contains("Press u"), "{screen}");
}
