//! Snapshots of the rendered screens: the text of every cell (and, for the main screens, every
//! cell's style), on a demo session with a fixed clock, at 80x24 and, for the busiest screens,
//! at 140x40.

mod common;

use common::*;
use pcenter::app::session::Session;
use pcenter::domain::role::Role;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// A customer with two confirmations on record.
const ATELIER: &str = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976";

/// Snapshots the text of the screen.
fn snap(name: &str, backend: &TestBackend) {
    insta::assert_snapshot!(name, backend.to_string());
}

/// Snapshots every cell with its style (colours, bold, reverse focus).
fn snap_styled(name: &str, backend: &TestBackend) {
    insta::assert_debug_snapshot!(name, backend.buffer());
}

/// Snapshots the screen at 80x24 and at 140x40.
fn snap_both_sizes(name: &str, session: &mut Session) {
    snap(&format!("{name}_80x24"), &render(session, 80, 24));
    snap(&format!("{name}_140x40"), &render(session, 140, 40));
}

/// Erases the focused text field (the cursor is at its end).
fn clear_field(session: &mut Session) {
    for _ in 0..60 {
        press(session, KeyCode::Backspace);
    }
}

fn admin(date: &str) -> Session {
    session(date, Role::AdminAgent)
}

/// Opens the New customer wizard from Customers.
fn new_customer(date: &str) -> Session {
    let mut s = admin(date);
    press(&mut s, KeyCode::Char('n'));
    s
}

/// Fills the company and primary contact with valid values; focus ends on the field after
/// the phone number (the agreement checkbox, or Next when there is no agreement section).
fn fill_valid_account_info(s: &mut Session) {
    keys(
        s,
        "Tailspin Toys\ttailspintoys\tUS\t1 Microsoft Way\t\tRedmond\tWA\t98052\t",
    );
    keys(s, "Adele\tVance\tadele@tailspintoys.com\t+1 425 555 0100\t");
}

// ---------------------------------------------------------------------------------------------
// Customers

#[test]
fn customers_in_the_optional_phase() {
    let mut s = admin(OPTIONAL_DAY);
    snap_both_sizes("customers_optional", &mut s);
    snap_styled("customers_optional_80x24_styled", &render(&mut s, 80, 24));
}

#[test]
fn customers_while_a_million_customer_directory_loads() {
    let full = admin(OPTIONAL_DAY);
    // The first rows of the list, as the dashboard shows them before the rest has loaded.
    let first: Vec<_> = pcenter::core::read(&full.app.ctx.directory)
        .rows()
        .take(12)
        .map(|entry| entry.to_row())
        .collect();
    let app = pcenter::app::App::with_directory(
        full.app.ctx.actor.clone(),
        full.app.ctx.partner_name.clone(),
        pcenter::book::Book::default(),
        std::sync::Arc::new(std::sync::RwLock::new(
            pcenter::directory::Directory::from_rows(first),
        )),
        Some(pcenter::app::Indexing {
            loaded: 400_000,
            total: 1_000_000,
        }),
        (80, 24),
    );
    let store = pcenter::store::MemoryStore::with_snapshot(pcenter::assets::demo_snapshot());
    let clock = pcenter::clock::FixedClock("2018-09-14T10:30:00Z".parse().unwrap());
    let mut s = Session::new(app, Box::new(store), Box::new(clock));
    snap_both_sizes("customers_loading", &mut s);
}

#[test]
fn customers_filtered_while_typing() {
    let mut s = admin(MANDATORY_DAY);
    press(&mut s, KeyCode::Char('/'));
    type_text(&mut s, "caf");
    let mut backend = render(&mut s, 80, 24);
    assert!(backend.cursor_visible());
    // The cursor stands right after "Filter: caf".
    backend.assert_cursor_position((1 + 8 + 3, 2));
    snap("customers_filtered_caf_80x24", &backend);
    snap_styled("customers_filtered_caf_80x24_styled", &backend);
}

#[test]
fn customers_in_the_mandatory_phase() {
    let mut s = admin(MANDATORY_DAY);
    snap_both_sizes("customers_mandatory", &mut s);
    snap_styled("customers_mandatory_80x24_styled", &render(&mut s, 80, 24));
}

#[test]
fn customers_at_160_columns_take_partner_centers_full_titles() {
    let mut s = admin(MANDATORY_DAY);
    snap("customers_mandatory_160x40", &render(&mut s, 160, 40));
}

#[test]
fn customers_before_august_7_2018_read_not_available() {
    let mut s = admin("2018-08-01");
    snap("customers_not_yet_available_80x24", &render(&mut s, 80, 24));
}

#[test]
fn customers_with_a_filter_that_matches_nothing() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('/'));
    type_text(&mut s, "zzz");
    press(&mut s, KeyCode::Enter);
    snap(
        "customers_filter_matches_nothing_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn a_filter_longer_than_its_line_scrolls_with_the_cursor() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('/'));
    let long = "contoso electronics worldwide holdings and subsidiaries of the northern hemisphere";
    type_text(&mut s, long);
    let mut backend = render(&mut s, 80, 24);
    let line = backend.to_string().lines().nth(2).unwrap().to_string();
    assert!(
        line.contains("northern hemisphere"),
        "the end being typed shows: {line}"
    );
    assert!(
        !line.contains("Filter: contoso"),
        "the start scrolled away: {line}"
    );
    let cursor = ratatui::backend::Backend::get_cursor_position(&mut backend).unwrap();
    // The screen's lines are quoted: column x is at byte x + 1 (the text here is ASCII).
    let x = cursor.x as usize + 1;
    assert_eq!(
        &line[x - 10..x],
        "hemisphere",
        "the cursor follows the last character"
    );
    snap("customers_filter_scrolled_end_80x24", &backend);
    press(&mut s, KeyCode::Home);
    let backend = render(&mut s, 80, 24);
    let line = backend.to_string().lines().nth(2).unwrap().to_string();
    assert!(line.contains("Filter: contoso electronics"), "{line}");
    assert!(!line.contains("hemisphere"), "{line}");
    // The message repeats at most 40 characters of a filter that matches nothing.
    press(&mut s, KeyCode::Enter);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(
        screen.contains("No customer matches \"contoso electronics worldwide holdings …\""),
        "{screen}"
    );
    assert!(
        screen.contains("   clear the filter."),
        "wrapped, not cut: {screen}"
    );
}

#[test]
fn one_page_of_customers_is_exactly_the_rows_the_table_draws() {
    // The customers of the demo created by the business date.
    let day: chrono::NaiveDate = OPTIONAL_DAY.parse().unwrap();
    let customers = (pcenter::assets::demo_snapshot().customers.iter())
        .filter(|c| c.created_at.date_naive() <= day)
        .count();
    for height in [24, 25, 30, 36, 37, 40] {
        let mut s = admin(OPTIONAL_DAY);
        let screen = render(&mut s, 80, height).to_string();
        // Between the column names and the message line, every drawn row holds a customer.
        let body: Vec<&str> = screen.lines().collect();
        let drawn = body[4..body.len() - 2]
            .iter()
            .filter(|line| !line.trim_matches(['"', ' ']).is_empty())
            .count();
        let page = pcenter::app::screens::customers::page_rows((80, height));
        assert_eq!(drawn, page.min(customers), "at 80x{height}");
        // PgDn moves by one page and keeps the selected row on screen.
        press(&mut s, KeyCode::PageDown);
        assert_eq!(
            s.app.ctx.customers.selected,
            page.min(customers - 1),
            "at 80x{height}"
        );
        let screen = render(&mut s, 80, height).to_string();
        assert!(screen.contains(" › "), "the selection shows at 80x{height}");
    }
}

#[test]
fn customers_of_a_new_store_say_how_to_begin() {
    let mut s = new_store_session(MANDATORY_DAY);
    snap("customers_new_store_80x24", &render(&mut s, 80, 24));
    let screen = render(&mut s, 80, 24).to_string();
    assert!(
        screen.contains("(set --partner NAME)"),
        "the header says how to name the partner, uncut:\n{screen}"
    );
    assert!(screen.contains("pcenter --demo"), "{screen}");
}

// ---------------------------------------------------------------------------------------------
// New customer: Account info

#[test]
fn new_customer_account_info_empty() {
    let mut s = new_customer(OPTIONAL_DAY);
    let mut backend = render(&mut s, 80, 24);
    assert!(backend.cursor_visible());
    // The cursor waits at the start of the Company name box.
    backend.assert_cursor_position((1 + 2 + 27 + 2, 5));
    snap("new_customer_empty_80x24", &backend);
    snap("new_customer_empty_140x40", &render(&mut s, 140, 40));
}

#[test]
fn new_customer_save_with_everything_empty_shows_each_message_by_its_field() {
    let mut s = new_customer(OPTIONAL_DAY);
    ctrl(&mut s, 's');
    snap_both_sizes("new_customer_all_empty_errors", &mut s);
}

#[test]
fn new_customer_mandatory_phase_next_without_the_box_focuses_the_checkbox() {
    let mut s = new_customer(MANDATORY_DAY);
    fill_valid_account_info(&mut s);
    ctrl(&mut s, 's');
    // Focus is on the checkbox, which has no text cursor.
    assert!(!render(&mut s, 80, 24).cursor_visible());
    snap_both_sizes("new_customer_mandatory_unticked_after_next", &mut s);
}

#[test]
fn new_customer_box_ticked_and_update_pressed_shows_the_acceptor_fields() {
    let mut s = new_customer(OPTIONAL_DAY);
    fill_valid_account_info(&mut s);
    // Tick the box, skip the date, press Update.
    keys(&mut s, " \t\t\n");
    snap_both_sizes("new_customer_acceptor_fields", &mut s);
}

#[test]
fn new_customer_box_ticked_shows_who_accepted() {
    let mut s = new_customer(MANDATORY_DAY);
    fill_valid_account_info(&mut s);
    press(&mut s, KeyCode::Char(' '));
    snap("new_customer_ticked_80x24", &render(&mut s, 80, 24));
}

#[test]
fn new_customer_korean_company_and_person_names_line_up() {
    let mut s = new_customer(OPTIONAL_DAY);
    type_text(&mut s, "한빛물류 테스트");
    let mut backend = render(&mut s, 80, 24);
    // 7 wide characters and a space: 15 columns after the box start.
    backend.assert_cursor_position((1 + 2 + 27 + 2 + 15, 5));
    snap("new_customer_korean_company_80x24", &backend);

    keys(
        &mut s,
        "\thanbittest\tKR\t서울특별시 중구 세종대로 110\t\t서울\t서울특별시\t04524\t",
    );
    type_text(&mut s, "민준");
    let backend = render(&mut s, 80, 24);
    assert_eq!(
        backend.cursor_position().x,
        1 + 2 + 27 + 2 + 4,
        "after two wide characters"
    );
    snap("new_customer_korean_person_80x24", &backend);
    snap(
        "new_customer_korean_person_140x40",
        &render(&mut s, 140, 40),
    );
}

#[test]
fn new_customer_future_acceptance_date_is_refused() {
    let mut s = new_customer(OPTIONAL_DAY);
    fill_valid_account_info(&mut s);
    keys(&mut s, " \t");
    clear_field(&mut s);
    type_text(&mut s, "2018-12-01");
    ctrl(&mut s, 's');
    snap_both_sizes("new_customer_future_acceptance_date", &mut s);
}

// ---------------------------------------------------------------------------------------------
// New customer: Review

#[test]
fn new_customer_review_after_valid_account_info() {
    let mut s = new_customer(OPTIONAL_DAY);
    fill_valid_account_info(&mut s);
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
    snap_both_sizes("new_customer_review", &mut s);
}

#[test]
fn new_customer_review_submit_refused_because_the_domain_was_taken_meanwhile() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    // Next: Review; then another session takes the domain while this one reviews.
    ctrl(&mut s, 's');
    let mut rival = pcenter::assets::demo_snapshot().customers[0].clone();
    rival.id = "7f3c9a10-0d7e-4b1e-9a2f-5b6c7d8e9f01".into();
    rival.domain = "proseware.onmicrosoft.com".into();
    s.core.store().create_customer(&rival, None).unwrap();
    ctrl(&mut s, 's');
    snap_both_sizes("new_customer_review_submit_refused", &mut s);
}

#[test]
fn new_customer_review_without_confirmation_in_the_optional_phase() {
    let mut s = new_customer(OPTIONAL_DAY);
    fill_valid_account_info(&mut s);
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
    snap(
        "new_customer_review_not_confirmed_80x24",
        &render(&mut s, 80, 24),
    );
}

// ---------------------------------------------------------------------------------------------
// New customer: Subscriptions, Review with subscriptions, Confirmation

/// Snapshots the screen at 80x24 and at 120x40.
fn snap_80_and_120(name: &str, session: &mut Session) {
    snap(&format!("{name}_80x24"), &render(session, 80, 24));
    snap(&format!("{name}_120x40"), &render(session, 120, 40));
}

/// A day either agreement satisfies the gate, except for offers such as Azure plan.
const OVERLAP_DAY: &str = "2019-11-15";

/// The wizard on Subscriptions after a valid Account info (of a company no demo customer's
/// domain stands in the way of) with the box ticked, its Submit handing out fixed credentials.
fn on_subscriptions(date: &str) -> Session {
    let mut s = new_customer(date);
    s.set_credentials(|| pcenter::domain::credentials::UserCredentials::from_entropy(20181114));
    keys(
        &mut s,
        "Proseware\tproseware\tUS\t1 Microsoft Way\t\tRedmond\tWA\t98052\t",
    );
    keys(
        &mut s,
        "Adele\tVance\tadele@proseware.com\t+1 425 555 0100\t",
    );
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's');
    s
}

/// On Subscriptions: moves to the first offer `is` picks and selects it.
fn choose_offer(s: &mut Session, is: impl Fn(&pcenter::domain::commerce::Offer) -> bool) {
    let index = match &s.app.screen {
        pcenter::app::screens::Screen::NewCustomer(wizard) => wizard
            .offers
            .lines
            .iter()
            .position(|line| is(line.offer))
            .expect("such an offer"),
        other => panic!(
            "expected the wizard, got {}",
            other.title(pcenter::locale::Lang::English.words())
        ),
    };
    press(s, KeyCode::Home);
    for _ in 0..index {
        press(s, KeyCode::Down);
    }
    press(s, KeyCode::Char(' '));
}

/// 25 seats of Microsoft 365 E3 and the first usage-based offer.
fn choose_two(s: &mut Session) {
    choose_offer(s, |o| o.name == "Microsoft 365 E3");
    type_text(s, "25");
    choose_offer(s, |o| {
        o.billing == pcenter::domain::commerce::Billing::UsageBased
    });
}

#[test]
fn new_customer_subscriptions_with_two_offers_chosen() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut s);
    snap_80_and_120("new_customer_subscriptions", &mut s);
    assert!(!render(&mut s, 80, 24).cursor_visible(), "no text box here");
}

#[test]
fn new_customer_subscriptions_with_a_seat_count_refused() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    choose_offer(&mut s, |o| o.name == "Microsoft 365 Business Basic");
    type_text(&mut s, "301");
    press(&mut s, KeyCode::Enter);
    snap(
        "new_customer_subscriptions_refused_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn new_customer_subscriptions_with_a_button_focused() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut s);
    press(&mut s, KeyCode::Tab);
    snap(
        "new_customer_subscriptions_button_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn new_customer_review_with_subscriptions() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut s);
    press(&mut s, KeyCode::Enter);
    snap_80_and_120("new_customer_review_subscriptions", &mut s);
}

#[test]
fn new_customer_review_warns_that_the_gate_would_refuse_the_order() {
    let mut s = on_subscriptions(OVERLAP_DAY);
    choose_offer(&mut s, |o| o.requires_customer_agreement);
    press(&mut s, KeyCode::Enter);
    snap_80_and_120("new_customer_review_gate_warning", &mut s);
}

#[test]
fn new_customer_confirmation_with_the_admin_credentials() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut s);
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Enter); // Submit
    snap_80_and_120("new_customer_confirmation", &mut s);
}

#[test]
fn new_customer_confirmation_when_the_order_was_refused() {
    let mut s = on_subscriptions(OVERLAP_DAY);
    choose_offer(&mut s, |o| o.requires_customer_agreement);
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Enter); // Submit
    snap_80_and_120("new_customer_confirmation_order_refused", &mut s);
}

#[test]
fn help_on_new_customer_subscriptions_lists_the_offer_keys() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('?'));
    snap(
        "help_new_customer_subscriptions_80x24",
        &render(&mut s, 80, 24),
    );
}

// ---------------------------------------------------------------------------------------------
// Account

#[test]
fn account_of_a_confirmed_customer() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    snap_both_sizes("account_confirmed_contoso", &mut s);
    snap_styled(
        "account_confirmed_contoso_80x24_styled",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn account_of_an_unconfirmed_customer_in_the_mandatory_phase() {
    let mut s = admin(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    snap_both_sizes("account_unconfirmed_mandatory_northwind", &mut s);
    snap_styled(
        "account_unconfirmed_mandatory_northwind_80x24_styled",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn account_of_a_customer_in_a_national_cloud() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, BAECKEREI);
    snap(
        "account_national_cloud_baeckerei_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn account_of_a_customer_in_azure_china() {
    const YUNFAN: &str = "3b1f6e2a-7c4d-4e8b-9a51-2d6c0f8e4b17";
    let mut s = admin(MANDATORY_DAY);
    open_account(&mut s, YUNFAN);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Azure China 21Vianet"), "{screen}");
    assert!(!screen.contains("[ Update ]"), "{screen}");
    snap(
        "account_national_cloud_china_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn account_of_a_korean_company() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, HANBIT);
    snap("account_korean_hanbit_80x24", &render(&mut s, 80, 24));
}

#[test]
fn account_seen_by_a_helpdesk_agent() {
    let mut s = session(OPTIONAL_DAY, Role::HelpdeskAgent);
    open_account(&mut s, CONTOSO);
    snap("account_helpdesk_agent_80x24", &render(&mut s, 80, 24));
}

#[test]
fn account_update_refused_to_a_helpdesk_agent() {
    let mut s = session(OPTIONAL_DAY, Role::HelpdeskAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('u'));
    snap(
        "account_helpdesk_agent_update_refused_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn account_with_the_confirmation_history() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, ATELIER);
    press(&mut s, KeyCode::Char('h'));
    snap_both_sizes("account_history", &mut s);
}

#[test]
fn a_history_longer_than_the_screen_scrolls_with_its_selection() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, ATELIER);
    for i in 1..=10 {
        press(&mut s, KeyCode::Char('u'));
        clear_field(&mut s);
        keys(&mut s, &format!("Signer{i}"));
        ctrl(&mut s, 's');
    }
    press(&mut s, KeyCode::Char('h'));
    let screen = render(&mut s, 80, 24).to_string();
    // One confirmation on record by September 14 (the other was recorded in October), and ten.
    assert!(screen.contains("Confirmation history (11)"), "{screen}");
    assert!(
        screen.contains("showing 1-"),
        "says that more is below: {screen}"
    );
    press(&mut s, KeyCode::End);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(
        screen.contains("› 2018-08-21  François Lefèvre"),
        "{screen}"
    );
    assert!(
        screen.contains("francois.lefevre@atelier-lumiere.fr"),
        "{screen}"
    );
    snap_both_sizes("account_history_scrolled", &mut s);
}

#[test]
fn account_with_an_empty_history() {
    let mut s = admin(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('h'));
    snap("account_history_empty_80x24", &render(&mut s, 80, 24));
}

#[test]
fn account_with_the_seat_editor_open() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    let mut backend = render(&mut s, 80, 24);
    // After "45" in the Quantity box (under the offer and its subscription ID): border, padding,
    // focus gutter, label, " [".
    backend.assert_cursor_position((1 + 1 + 1 + 2 + 27 + 2 + 2, 11));
    snap_both_sizes("account_seat_editor", &mut s);
}

#[test]
fn account_seat_editor_refuses_more_than_the_maximum() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    clear_field(&mut s);
    type_text(&mut s, "500");
    ctrl(&mut s, 's');
    snap_both_sizes("account_seat_editor_over_max", &mut s);
}

#[test]
fn account_seat_change_blocked_in_the_mandatory_phase() {
    let mut s = admin(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    snap("account_seat_change_blocked_80x24", &render(&mut s, 80, 24));
}

// ---------------------------------------------------------------------------------------------
// Update (Microsoft cloud agreement)

#[test]
fn update_form_prefilled_from_the_current_confirmation() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('u'));
    let mut backend = render(&mut s, 80, 24);
    // After "Patti" in the First name box.
    backend.assert_cursor_position((1 + 2 + 27 + 2 + 5, 6));
    snap_both_sizes("update_form", &mut s);
}

#[test]
fn update_form_with_validation_errors() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('u'));
    clear_field(&mut s);
    keys(&mut s, "\t\t");
    clear_field(&mut s);
    type_text(&mut s, "not-an-email");
    keys(&mut s, "\t\t");
    clear_field(&mut s);
    type_text(&mut s, "2019-01-01");
    ctrl(&mut s, 's');
    snap_both_sizes("update_form_errors", &mut s);
}

// ---------------------------------------------------------------------------------------------
// Acceptance prompt before a new order

#[test]
fn acceptance_prompt_before_an_order_in_the_optional_phase() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    snap("acceptance_prompt_optional_80x24", &render(&mut s, 80, 24));
}

#[test]
fn acceptance_prompt_before_an_order_in_the_mandatory_phase() {
    let mut s = admin(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    snap("acceptance_prompt_mandatory_80x24", &render(&mut s, 80, 24));
}

#[test]
fn acceptance_prompt_cancelled_in_the_mandatory_phase_says_why() {
    let mut s = admin(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    press(&mut s, KeyCode::Esc);
    snap(
        "acceptance_prompt_mandatory_cancelled_80x24",
        &render(&mut s, 80, 24),
    );
}

#[test]
fn acceptance_prompt_skipped_in_the_optional_phase() {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    press(&mut s, KeyCode::Esc);
    snap(
        "acceptance_prompt_optional_skipped_80x24",
        &render(&mut s, 80, 24),
    );
}

// ---------------------------------------------------------------------------------------------
// New order

/// Opens a new order for Contoso (confirmed, so no prompt) and picks Microsoft 365 E3 x 25 and
/// Microsoft 365 E5 x 10.
fn order_with_two_offers() -> Session {
    let mut s = admin(OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('o'));
    keys(&mut s, " 25j 10");
    s
}

#[test]
fn new_order_with_two_offers_picked() {
    let mut s = order_with_two_offers();
    snap_both_sizes("new_order_two_offers", &mut s);
}

#[test]
fn new_order_quantity_above_the_maximum() {
    let mut s = order_with_two_offers();
    // Microsoft 365 Business Basic allows 300 seats.
    keys(&mut s, "j 350");
    press(&mut s, KeyCode::Enter);
    snap("new_order_over_max_80x24", &render(&mut s, 80, 24));
}

#[test]
fn new_order_scrolls_to_the_last_offer_when_messages_fill_the_screen() {
    let mut s = order_with_two_offers();
    // Every seat-based offer gets a quantity far above its maximum, so each shows a message.
    for _ in 0..10 {
        keys(&mut s, " 99999j");
    }
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::End);
    let screen = render(&mut s, 80, 24);
    snap("new_order_scrolled_to_the_end_80x24", &screen);
    let text = screen.to_string();
    // Before Azure plan was sold (October 1, 2019), Microsoft Azure is the last offer.
    assert!(text.contains("Microsoft Azure      "), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("› [") && l.contains("Microsoft Azure")),
        "{text}"
    );
}

#[test]
fn new_order_review() {
    let mut s = order_with_two_offers();
    keys(&mut s, "jjjjjjjjj ");
    press(&mut s, KeyCode::Enter);
    snap_both_sizes("new_order_review", &mut s);
}

#[test]
fn account_after_an_order_shows_the_success_message() {
    let mut s = order_with_two_offers();
    press(&mut s, KeyCode::Enter);
    ctrl(&mut s, 's');
    snap("account_after_order_created_80x24", &render(&mut s, 80, 24));
}

// ---------------------------------------------------------------------------------------------
// Help

#[test]
fn help_on_customers() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('?'));
    snap("help_customers_80x24", &render(&mut s, 80, 24));
}

#[test]
fn help_on_a_form_with_a_text_field_focused() {
    let mut s = new_customer(OPTIONAL_DAY);
    press(&mut s, KeyCode::F(1));
    let mut backend = render(&mut s, 80, 24);
    snap("help_new_customer_text_field_80x24", &backend);
    assert!(backend.cursor_visible());
    assert_eq!(
        text_at_cursor(&mut backend, 10),
        "Esc/?/F1/q",
        "the cursor leaves the field behind the help"
    );
}

#[test]
fn help_while_asking_about_unsaved_changes_lists_the_questions_keys() {
    let mut s = new_customer(OPTIONAL_DAY);
    keys(&mut s, "Tailspin Toys");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('?'));
    snap("help_unsaved_changes_80x24", &render(&mut s, 80, 24));
}

// ---------------------------------------------------------------------------------------------
// Unsaved changes

#[test]
fn leaving_a_filled_wizard_asks_whether_to_discard_the_changes() {
    let mut s = new_customer(OPTIONAL_DAY);
    fill_valid_account_info(&mut s);
    press(&mut s, KeyCode::Esc);
    snap_both_sizes("new_customer_unsaved_changes", &mut s);
    let mut backend = render(&mut s, 80, 24);
    assert_eq!(text_at_cursor(&mut backend, 14), "Keep editing ]");
    press(&mut s, KeyCode::Tab);
    let mut backend = render(&mut s, 80, 24);
    assert_eq!(text_at_cursor(&mut backend, 15), "Discard changes");
}

/// The text from the cursor on, `len` columns of it (ASCII screens only).
fn text_at_cursor(backend: &mut TestBackend, len: usize) -> String {
    let cursor = ratatui::backend::Backend::get_cursor_position(backend).unwrap();
    let line = backend
        .to_string()
        .lines()
        .nth(cursor.y as usize)
        .unwrap()
        .to_string();
    // The screen's lines are quoted: column x is at char x + 1.
    line.chars().skip(cursor.x as usize + 1).take(len).collect()
}

#[test]
fn quitting_from_a_picked_order_asks_whether_to_discard_it() {
    let mut s = order_with_two_offers();
    press(&mut s, KeyCode::Char('q'));
    snap(
        "new_order_quit_unsaved_changes_80x24",
        &render(&mut s, 80, 24),
    );
}

// ---------------------------------------------------------------------------------------------
// Terminal too small

#[test]
fn too_small_terminals_say_so_without_panicking() {
    for (width, height) in [(79, 24), (80, 23), (40, 10), (1, 1)] {
        let mut s = admin(OPTIONAL_DAY);
        snap(
            &format!("too_small_{width}x{height}"),
            &render(&mut s, width, height),
        );
    }
}

#[test]
fn too_small_terminal_on_a_form_does_not_panic() {
    let mut s = new_customer(OPTIONAL_DAY);
    for (width, height) in [(79, 24), (1, 1), (0, 0)] {
        render(&mut s, width, height);
    }
}
