//! The wizard's transitions, one action at a time through `update`, with no store and no
//! terminal: what each step does with each key, what Submit asks the shell to do, and what the
//! outcome it reports leads to.

use super::*;
use crate::app::form::FormRow;
use crate::app::{update, Action, App, Completed, Effect, NewCustomerOrder, Request};
use crate::assets;
use crate::book::Book;
use crate::domain::commerce::{Billing, OrderLine};
use crate::domain::credentials::UserCredentials;
use crate::domain::gate::GateRefusal;
use crate::domain::role::Role;
use crate::service::{Access, Actor, ServiceError};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const OPTIONAL_DAY: &str = "2018-09-14";
const MANDATORY_DAY: &str = "2018-11-14";
/// A day either agreement satisfies the gate, except for offers such as Azure plan.
const OVERLAP_DAY: &str = "2019-11-15";
const NEW_ID: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

fn app(date: &str, access: Access) -> App {
    let actor = Actor {
        agent: "Megan Bowen".into(),
        role: Role::AdminAgent,
        business_date: date.parse().unwrap(),
        access,
    };
    let book = Book::from_snapshot(assets::demo_snapshot());
    App::new(actor, "Fabrikam".into(), book, (80, 24))
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Types text where `\t` is Tab; nothing typed asks the shell for anything.
fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        assert_eq!(press(app, code), vec![], "typing runs nothing");
    }
}

fn wizard(app: &App) -> &NewCustomer {
    match &app.screen {
        Screen::NewCustomer(wizard) => wizard,
        other => panic!(
            "expected the wizard, got {}",
            other.title(crate::locale::Lang::English.words())
        ),
    }
}

/// The wizard with Account info filled; focus on the box after the phone number (the
/// agreement checkbox).
fn filled(date: &str, access: Access) -> App {
    let mut app = app(date, access);
    press(&mut app, KeyCode::Char('n'));
    keys(
        &mut app,
        "Tailspin Toys\ttailspintoys\tUS\t1 Microsoft Way\t\tRedmond\tWA\t98052\t",
    );
    keys(
        &mut app,
        "Adele\tVance\tadele@tailspintoys.com\t+1 425 555 0100\t",
    );
    assert_eq!(wizard(&app).form.focus, Field::Accepted);
    app
}

/// Filled, the box ticked, then Next: on Subscriptions.
fn on_subscriptions(date: &str) -> App {
    let mut app = filled(date, Access::default());
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(ctrl(&mut app, 's'), vec![], "Next runs nothing");
    assert_eq!(wizard(&app).step, WizardStep::Subscriptions);
    app
}

/// The index of the first offer billed this way.
fn first_offer(app: &App, billing: Billing) -> usize {
    wizard(app)
        .offers
        .lines
        .iter()
        .position(|line| line.offer.billing == billing)
        .expect("an offer billed so")
}

/// Moves the offer cursor to `index`.
fn cursor_to(app: &mut App, index: usize) {
    press(app, KeyCode::Home);
    for _ in 0..index {
        press(app, KeyCode::Down);
    }
    assert_eq!(wizard(app).offers.cursor, index);
}

/// On Subscriptions: 25 seats of the first seat-based offer and the first usage-based one.
fn choose_two(app: &mut App) -> Vec<OrderLine> {
    let seats = first_offer(app, Billing::SeatBased);
    let usage = first_offer(app, Billing::UsageBased);
    cursor_to(app, seats);
    keys(app, " 25");
    cursor_to(app, usage);
    keys(app, " ");
    let offers = &wizard(app).offers.lines;
    vec![
        OrderLine {
            offer_id: offers[seats].offer.id.clone(),
            quantity: 25,
        },
        OrderLine {
            offer_id: offers[usage].offer.id.clone(),
            quantity: 1,
        },
    ]
}

fn created(order: NewCustomerOrder) -> Action {
    Action::Done(Ok(Completed::CustomerCreated {
        customer_id: NEW_ID.into(),
        credentials: UserCredentials::from_entropy(42),
        order,
    }))
}

fn texts(rows: &[FormRow<Field>]) -> String {
    rows.iter()
        .map(|row| match row {
            FormRow::Heading(t) | FormRow::Text(t) | FormRow::Notice(t) => t.clone(),
            FormRow::Value { label, value } => format!("{label}: {value}"),
            FormRow::Buttons(buttons) => buttons
                .iter()
                .map(|(_, label)| format!("[{label}]"))
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn next_on_account_info_opens_subscriptions_and_saves_nothing() {
    let mut app = filled(OPTIONAL_DAY, Access::default());
    assert!(wizard(&app).rows().contains(&FormRow::Buttons(vec![
        (Field::Next, "Next: Subscriptions"),
        (Field::Cancel, "Cancel"),
    ])));
    assert_eq!(ctrl(&mut app, 's'), vec![]);
    let wizard = wizard(&app);
    assert_eq!(wizard.step, WizardStep::Subscriptions);
    assert_eq!(wizard.form.focus, Field::Offers);
    assert_eq!(wizard.chosen().count(), 0, "no offer is chosen for you");
    let (profile, acceptance) = wizard.validated.as_ref().expect("validated");
    assert_eq!(profile.domain, "tailspintoys.onmicrosoft.com");
    assert_eq!(acceptance, &None);
}

#[test]
fn subscriptions_are_optional_next_goes_to_review_with_none() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    let wizard = wizard(&app);
    assert_eq!(wizard.step, WizardStep::Review);
    assert_eq!(wizard.form.focus, Field::Submit);
    assert!(texts(&wizard.rows()).contains("None chosen"));
    assert_eq!(wizard.order_warning, None);
}

#[test]
fn offers_are_chosen_and_counted_with_the_order_screens_keys() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    let lines = choose_two(&mut app);
    assert_eq!(wizard(&app).chosen_lines(), lines);
    assert_eq!(wizard(&app).chosen().count(), 2);
    let usage = first_offer(&app, Billing::UsageBased);
    cursor_to(&mut app, usage);
    press(&mut app, KeyCode::Char('7'));
    let line = &wizard(&app).offers.lines[usage];
    assert!(
        line.error
            .as_deref()
            .is_some_and(|e| e.contains("usage-based: it has no seat count")),
        "{line:?}"
    );
    assert_eq!(wizard(&app).chosen_lines(), lines, "nothing else changed");
}

#[test]
fn a_seat_count_the_offer_refuses_keeps_subscriptions_open_with_the_reason_by_the_offer() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    let seats = first_offer(&app, Billing::SeatBased);
    cursor_to(&mut app, seats);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Backspace);
    cursor_to(&mut app, seats + 1);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    let wizard = wizard(&app);
    assert_eq!(wizard.step, WizardStep::Subscriptions);
    assert_eq!(
        wizard.offers.cursor, seats,
        "the cursor is on the offer at fault"
    );
    assert_eq!(
        wizard.offers.lines[seats].error.as_deref(),
        Some("Enter at least 1 seat.")
    );
    assert_eq!(
        wizard.notice_text().as_deref(),
        Some("1 offer needs attention; it says what to fix.")
    );
}

#[test]
fn tab_moves_from_the_offers_to_the_buttons_and_round() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    for expected in [Field::Next, Field::Back, Field::Cancel, Field::Offers] {
        press(&mut app, KeyCode::Tab);
        assert_eq!(wizard(&app).form.focus, expected);
    }
    press(&mut app, KeyCode::BackTab);
    assert_eq!(wizard(&app).form.focus, Field::Cancel);
    // Back, pressed as a button, is Esc's.
    press(&mut app, KeyCode::Left);
    assert_eq!(wizard(&app).form.focus, Field::Back);
    press(&mut app, KeyCode::Enter);
    assert_eq!(wizard(&app).step, WizardStep::AccountInfo);
}

#[test]
fn back_to_account_info_keeps_every_value_and_every_offer_chosen() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    let lines = choose_two(&mut app);
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert!(
        app.leave_prompt.is_none(),
        "Back loses nothing, so asks nothing"
    );
    let wizard_now = wizard(&app);
    assert_eq!(wizard_now.step, WizardStep::AccountInfo);
    assert_eq!(wizard_now.form.focus, Field::Next);
    assert_eq!(
        wizard_now.form.value(Field::Customer(C::CompanyName)),
        "Tailspin Toys"
    );
    assert!(wizard_now.accepted);
    press(&mut app, KeyCode::Enter); // Next: Subscriptions
    assert_eq!(wizard(&app).step, WizardStep::Subscriptions);
    assert_eq!(wizard(&app).chosen_lines(), lines);
}

#[test]
fn each_update_of_review_goes_back_to_its_step_and_keeps_what_was_entered() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    let lines = choose_two(&mut app);
    press(&mut app, KeyCode::Enter);
    let focus_on = |app: &mut App, field: Field| {
        while wizard(app).form.focus != field {
            press(app, KeyCode::Tab);
        }
    };
    for (update, step, focus) in [
        (
            Field::UpdateAccountInfo,
            WizardStep::AccountInfo,
            Field::Customer(C::CompanyName),
        ),
        (
            Field::UpdateAgreement,
            WizardStep::AccountInfo,
            Field::Accepted,
        ),
        (
            Field::UpdateSubscriptions,
            WizardStep::Subscriptions,
            Field::Offers,
        ),
    ] {
        assert_eq!(wizard(&app).step, WizardStep::Review);
        focus_on(&mut app, update);
        assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
        let wizard_now = wizard(&app);
        assert_eq!((wizard_now.step, wizard_now.form.focus), (step, focus));
        assert_eq!(
            wizard_now.form.value(Field::Customer(C::Email)),
            "adele@tailspintoys.com"
        );
        assert!(wizard_now.accepted);
        assert_eq!(wizard_now.chosen_lines(), lines);
        // On to Review again.
        if step == WizardStep::AccountInfo {
            ctrl(&mut app, 's');
        }
        ctrl(&mut app, 's');
    }
    assert_eq!(wizard(&app).step, WizardStep::Review);
    // Back from Review is Subscriptions, on its Next.
    press(&mut app, KeyCode::Esc);
    assert_eq!(wizard(&app).step, WizardStep::Subscriptions);
    assert_eq!(wizard(&app).form.focus, Field::Next);
}

#[test]
fn review_shows_each_section_with_its_update() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut app);
    press(&mut app, KeyCode::Enter);
    let rows = wizard(&app).rows();
    let said = texts(&rows);
    for part in [
        "Account info",
        "Company name: Tailspin Toys",
        "Primary domain: tailspintoys.onmicrosoft.com",
        "Microsoft cloud agreement acceptance",
        "Agreement acceptance date: 2018-09-14",
        "Subscriptions",
        ": 25 seats",
        ": usage-based",
        "[Submit] [Back] [Cancel]",
    ] {
        assert!(said.contains(part), "{part} in\n{said}");
    }
    let order = focus_order(&rows);
    assert_eq!(
        order,
        vec![
            Field::UpdateAccountInfo,
            Field::UpdateAgreement,
            Field::UpdateSubscriptions,
            Field::Submit,
            Field::Back,
            Field::Cancel
        ]
    );
}

#[test]
fn submit_asks_for_the_customer_and_its_subscriptions_in_one_request() {
    let mut app = on_subscriptions(MANDATORY_DAY);
    let lines = choose_two(&mut app);
    press(&mut app, KeyCode::Enter);
    let (profile, acceptance) = wizard(&app).validated.clone().unwrap();
    assert!(acceptance.is_some());
    let effects = ctrl(&mut app, 's');
    assert_eq!(
        effects,
        vec![Effect::Run(Request::CreateCustomer {
            profile: Box::new(profile),
            acceptance,
            lines,
        })]
    );
    assert_eq!(
        wizard(&app).step,
        WizardStep::Review,
        "nothing is shown as done before the shell reports it"
    );
    assert_eq!(wizard(&app).created, None);
}

#[test]
fn submit_without_subscriptions_orders_nothing() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    press(&mut app, KeyCode::Enter);
    match press(&mut app, KeyCode::Enter).as_slice() {
        [Effect::Run(Request::CreateCustomer { lines, .. })] => assert!(lines.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn confirmation_shows_only_after_the_customer_is_created() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut app);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    // A refusal of the customer itself: still Review, which says why.
    let refusal = ServiceError::Store(crate::store::StoreError::UnknownCustomer { id: "x".into() });
    assert_eq!(update(&mut app, Action::Done(Err(refusal))), vec![]);
    let wizard_now = wizard(&app);
    assert_eq!(wizard_now.step, WizardStep::Review);
    assert_eq!(
        wizard_now.notice_text().as_deref(),
        Some("Submit created nothing. No customer has the ID x.")
    );
    assert_eq!(wizard_now.created, None);

    ctrl(&mut app, 's');
    update(
        &mut app,
        created(NewCustomerOrder::Ordered { subscriptions: 2 }),
    );
    let wizard_now = wizard(&app);
    assert_eq!(wizard_now.step, WizardStep::Confirmation);
    assert_eq!(wizard_now.form.focus, Field::Done);
    assert!(!app.screen.unsaved_changes(), "everything is saved now");
    let said = texts(&wizard_now.rows());
    let password = UserCredentials::from_entropy(42).password;
    for part in [
        "Tailspin Toys was created",
        "User name: admin@tailspintoys.onmicrosoft.com",
        &format!("Temporary password: {password}"),
        "this is the only time the password is shown",
        "Ordered, 2 subscriptions:",
        ": 25 seats",
        "[Done]",
    ] {
        assert!(said.contains(part), "{part} in\n{said}");
    }
    assert_eq!(
        app.ctx.flash.as_ref().map(|f| f.text.as_str()),
        Some("Tailspin Toys was created.")
    );
}

#[test]
fn a_taken_domain_goes_back_to_its_field_and_shows_no_confirmation() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let taken = crate::store::StoreError::DomainTaken {
        domain: "tailspintoys.onmicrosoft.com".into(),
    };
    update(&mut app, Action::Done(Err(ServiceError::Store(taken))));
    let wizard = wizard(&app);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    assert_eq!(wizard.form.focus, Field::Customer(C::DomainPrefix));
    assert_eq!(
        wizard
            .form
            .message(Field::Customer(C::DomainPrefix))
            .as_deref(),
        Some("tailspintoys.onmicrosoft.com is already taken; choose another prefix.")
    );
}

/// The gate's refusal of a new order, as the service gives it for an unconfirmed customer in
/// the mandatory phase.
fn gate_refusal() -> ServiceError {
    const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a"; // unconfirmed
    let app = app(MANDATORY_DAY, Access::default());
    let book = &app.ctx.book;
    let northwind = book.customer(NORTHWIND).unwrap();
    let refusal: GateRefusal = book
        .gate_facts(northwind, app.ctx.actor.business_date)
        .check_new_order()
        .unwrap_err();
    ServiceError::Gate(refusal)
}

#[test]
fn a_refused_order_still_confirms_the_customer_and_says_what_happened_and_what_to_do() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut app);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let refusal = gate_refusal();
    update(
        &mut app,
        created(NewCustomerOrder::Refused(refusal.clone())),
    );
    let wizard = wizard(&app);
    assert_eq!(wizard.step, WizardStep::Confirmation);
    let rows = wizard.rows();
    assert!(rows.contains(&FormRow::Notice(format!("Nothing was ordered. {refusal}"))));
    let said = texts(&rows);
    for part in [
        "User name: admin@tailspintoys.onmicrosoft.com",
        "Tailspin Toys was created all the same. To order the subscriptions below, select \
         Done, open its Account (Enter), confirm the customer's acceptance with Update (u), \
         then New order (o).",
        ": 25 seats",
    ] {
        assert!(said.contains(part), "{part} in\n{said}");
    }
}

#[test]
fn review_warns_before_submit_when_the_gate_would_refuse_the_order() {
    // Between October 1, 2019 and January 31, 2020 the wizard confirms the Microsoft Cloud
    // Agreement, which Azure plan does not take.
    let mut app = on_subscriptions(OVERLAP_DAY);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        wizard(&app).order_warning,
        None,
        "no subscriptions, nothing to refuse"
    );
    press(&mut app, KeyCode::Esc);
    // Back comes to Next: Shift-Tab goes back to the offers.
    assert_eq!(wizard(&app).form.focus, Field::Next);
    press(&mut app, KeyCode::BackTab);
    let azure_plan = wizard(&app)
        .offers
        .lines
        .iter()
        .position(|line| line.offer.requires_customer_agreement)
        .expect("an offer that requires the Microsoft Customer Agreement");
    cursor_to(&mut app, azure_plan);
    keys(&mut app, " ");
    let lines = wizard(&app).chosen_lines();
    press(&mut app, KeyCode::Enter);
    let wizard_now = wizard(&app);
    assert_eq!(wizard_now.step, WizardStep::Review);
    let warning = wizard_now.order_warning.clone().expect("a warning");
    for part in [
        "requires confirmation of customer acceptance of the Microsoft Customer Agreement",
        "Submit would create the customer but order none of these subscriptions.",
        "Take them out (Update under Subscriptions)",
    ] {
        assert!(warning.contains(part), "{part} in {warning}");
    }
    assert!(wizard_now.rows().contains(&FormRow::Notice(warning)));
    // The service decides: Submit still asks for both.
    match ctrl(&mut app, 's').as_slice() {
        [Effect::Run(Request::CreateCustomer { lines: asked, .. })] => assert_eq!(asked, &lines),
        other => panic!("{other:?}"),
    }
}

#[test]
fn done_returns_to_customers_at_once() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    update(&mut app, created(NewCustomerOrder::NoneChosen));
    assert!(texts(&wizard(&app).rows()).contains("None were chosen."));
    // Esc has no meaning here: the password would be lost with a stray key.
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert_eq!(wizard(&app).step, WizardStep::Confirmation);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(app.screen, Screen::Customers));
    assert!(app.leave_prompt.is_none());
    assert_eq!(
        app.ctx.flash.as_ref().map(|f| f.text.as_str()),
        Some("Tailspin Toys was created.")
    );
}

#[test]
fn an_offer_chosen_alone_counts_as_unsaved_and_cancel_asks() {
    let mut app = app(OPTIONAL_DAY, Access::default());
    press(&mut app, KeyCode::Char('n'));
    let wizard_now = match &mut app.screen {
        Screen::NewCustomer(wizard) => wizard,
        _ => unreachable!(),
    };
    wizard_now.offers.lines[0].selected = true;
    assert!(app.screen.unsaved_changes());
    press(&mut app, KeyCode::Esc);
    assert!(app.leave_prompt.is_some());
}

#[test]
fn the_steps_are_named_as_partner_center_names_them() {
    let labels: Vec<&str> = WizardStep::ALL
        .iter()
        .map(|s| s.label(crate::locale::Lang::English.words()))
        .collect();
    assert_eq!(
        labels,
        ["Account info", "Subscriptions", "Review", "Confirmation"]
    );
}

#[test]
fn cancel_on_review_asks_before_discarding_and_keep_editing_keeps_everything() {
    let mut app = on_subscriptions(OPTIONAL_DAY);
    let lines = choose_two(&mut app);
    press(&mut app, KeyCode::Enter);
    while wizard(&app).form.focus != Field::Cancel {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(
        app.leave_prompt.is_some(),
        "typed values and offers would be lost"
    );
    press(&mut app, KeyCode::Esc); // Keep editing
    assert!(app.leave_prompt.is_none());
    assert_eq!(wizard(&app).step, WizardStep::Review);
    assert_eq!(wizard(&app).chosen_lines(), lines);
}

#[test]
fn the_count_of_fields_to_fix_follows_the_fields_and_goes_when_none_is_left() {
    let mut app = filled(MANDATORY_DAY, Access::default());
    // Unticked on a mandatory date, and an email made wrong: two fields to fix.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    keys(&mut app, "@");
    assert_eq!(ctrl(&mut app, 's'), vec![]);
    let said = |app: &App| wizard(app).notice_text();
    assert_eq!(
        said(&app).as_deref(),
        Some("2 fields need attention; each says what to fix.")
    );
    assert_eq!(wizard(&app).form.focus, Field::Customer(C::Email));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        said(&app).as_deref(),
        Some("1 field needs attention; it says what to fix.")
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(said(&app), None, "no field is wrong any more");
    let rows = texts(&wizard(&app).rows());
    assert!(!rows.contains("need"), "{rows}");
}
