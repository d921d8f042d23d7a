//! The shape of a catalog: every word the dashboard says, area by area. Each language fills
//! every field (`en`, `ko`), so a message missing in one language does not compile. A field is
//! a fixed text, or a function for a message built around values (counts, names, dates).

use chrono::NaiveDate;

/// Every word of the dashboard in one language.
#[derive(Debug)]
pub struct Words {
    pub terms: Terms,
    pub chrome: Chrome,
    pub keys: Keys,
    pub customers: CustomersWords,
    pub account: AccountWords,
    pub acceptance: AcceptanceWords,
    pub new_customer: NewCustomerWords,
    pub order: OrderWords,
    pub problems: Problems,
    pub spectator: SpectatorWords,
    pub commands: CommandWords,
    pub import: ImportWords,
    pub requests: RequestWords,
    pub shell: ShellWords,
}

/// The names of Partner Center's things, wherever they show.
#[derive(Debug)]
pub struct Terms {
    /// A date in prose: "November 7, 2018", "2018년 11월 7일".
    pub long_date: fn(NaiveDate) -> String,
    /// "A or B": values of which one is wanted.
    pub or_list: fn(&[&str]) -> String,
    pub phase_not_yet_available: &'static str,
    pub phase_optional: &'static str,
    pub phase_mandatory: &'static str,
    pub status_confirmed: &'static str,
    pub status_not_confirmed: &'static str,
    pub status_not_supported: &'static str,
    /// Before confirmation existed: neither confirmed nor not.
    pub status_not_available: &'static str,
    /// "Confirmed: Microsoft Customer Agreement".
    pub status_confirmed_of: fn(agreement: &str) -> String,
    pub role_admin_agent: &'static str,
    pub role_sales_agent: &'static str,
    pub role_helpdesk_agent: &'static str,
    pub role_spectator: &'static str,
    pub environment_production: &'static str,
    pub environment_sandbox: &'static str,
    pub cloud_public: &'static str,
    pub cloud_germany: &'static str,
    pub cloud_china: &'static str,
    pub cloud_us_government: &'static str,
    pub cloud_public_short: &'static str,
    pub cloud_germany_short: &'static str,
    pub cloud_china_short: &'static str,
    pub cloud_us_government_short: &'static str,
    /// The cloud in a wide table's column.
    pub cloud_public_column: &'static str,
    pub cloud_germany_column: &'static str,
    pub cloud_china_column: &'static str,
    pub cloud_us_government_column: &'static str,
    pub cloud_agreement_name: &'static str,
    pub customer_agreement_name: &'static str,
    pub cloud_agreement_section: &'static str,
    pub customer_agreement_section: &'static str,
    pub cloud_agreement_checkbox: &'static str,
    pub customer_agreement_checkbox: &'static str,
    pub cloud_agreement_name_short: &'static str,
    pub customer_agreement_name_short: &'static str,
    pub cloud_agreement_short: &'static str,
    pub customer_agreement_short: &'static str,
    pub billing_seat_based: &'static str,
    pub billing_usage_based: &'static str,
    pub subscription_active: &'static str,
    pub subscription_suspended: &'static str,
    pub channel_new_customer: &'static str,
    pub channel_account: &'static str,
    pub channel_order_prompt: &'static str,
    pub channel_command: &'static str,
    pub channel_import: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub on: &'static str,
    pub off: &'static str,
}

/// Around every screen: the header, the trail, the footer, help, the unsaved-changes question
/// and the too-small message.
#[derive(Debug)]
pub struct Chrome {
    /// The header on a wide terminal: environment, business date, confirmation phase.
    pub header_wide: fn(environment: &str, date: NaiveDate, phase: &str) -> String,
    /// The same below 100 columns, where the partner's name keeps its room.
    pub header_narrow: fn(environment: &str, date: NaiveDate, phase: &str) -> String,
    pub signed_in: fn(agent: &str, role: &str) -> String,
    pub customers: &'static str,
    pub new_customer: &'static str,
    pub account: &'static str,
    pub new_order: &'static str,
    pub review: &'static str,
    pub too_small_title: &'static str,
    pub too_small_needs: fn(needed: (u16, u16), has: (u16, u16)) -> String,
    pub too_small_quit: fn(key: &str) -> String,
    pub help_title: fn(screen: &str) -> String,
    pub unsaved_changes: &'static str,
    pub leave_question_quit: &'static str,
    pub leave_question_leave: &'static str,
    pub leave_discard: &'static str,
    pub leave_keep_editing: &'static str,
    pub leave_hint: fn(discard_key: &str, keep_key: &str) -> String,
    /// How keys that are not a single key cap are written in the help and the footer.
    pub key_space: &'static str,
    /// A form taller than the screen: what lies beyond it, and the keys that go there.
    pub form_more_both: fn(next: &str, previous: &str) -> String,
    pub form_more_above: fn(previous: &str) -> String,
    pub form_more_below: fn(next: &str) -> String,
    pub key_characters: &'static str,
    pub demo_note: &'static str,
    /// What happened meanwhile in another session, told in this one.
    pub meanwhile_created: fn(agent: &str) -> String,
    pub meanwhile_confirmed: fn(agent: &str) -> String,
    pub meanwhile_ordered: fn(agent: &str) -> String,
    pub meanwhile_seats: fn(agent: &str) -> String,
    pub meanwhile_auto_renew: fn(agent: &str) -> String,
}

/// What each key does, as the help lists it, and its short name in the footer.
#[derive(Debug)]
pub struct Keys {
    pub quit_now: &'static str,
    pub quit: &'static str,
    pub close_help: &'static str,
    pub close_help_short: &'static str,
    pub help: &'static str,
    pub help_short: &'static str,
    pub previous_row: &'static str,
    pub next_row: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub first_row: &'static str,
    pub last_row: &'static str,
    pub open_account: &'static str,
    pub account_short: &'static str,
    pub filter: &'static str,
    pub filter_short: &'static str,
    pub new_customer: &'static str,
    pub new_customer_short: &'static str,
    pub new_order_for_selected: &'static str,
    pub new_order: &'static str,
    pub new_order_short: &'static str,
    pub back_up: &'static str,
    pub back_up_short: &'static str,
    pub clear_filter: &'static str,
    pub clear_filter_short: &'static str,
    pub keep_filter: &'static str,
    pub done_short: &'static str,
    pub clear_short: &'static str,
    pub up_short: &'static str,
    pub down_short: &'static str,
    pub update_agreement: &'static str,
    pub update_short: &'static str,
    pub why_no_update: &'static str,
    pub change_seats: &'static str,
    pub seats_short: &'static str,
    pub auto_renew: &'static str,
    pub auto_renew_short: &'static str,
    pub show_history: &'static str,
    pub history_short: &'static str,
    pub previous_subscription: &'static str,
    pub next_subscription: &'static str,
    pub back_to_customers: &'static str,
    pub back_short: &'static str,
    pub hide_history: &'static str,
    pub subscriptions_short: &'static str,
    pub newer_confirmation: &'static str,
    pub older_confirmation: &'static str,
    pub next_field: &'static str,
    pub next_field_short: &'static str,
    pub previous_field: &'static str,
    pub next_to_subscriptions: &'static str,
    pub next_to_review: &'static str,
    pub next_short: &'static str,
    pub submit: &'static str,
    pub submit_short: &'static str,
    pub save_and_continue: &'static str,
    pub cancel_as_button: &'static str,
    pub cancel_short: &'static str,
    pub back_as_button: &'static str,
    pub help_in_text: &'static str,
    pub move_cursor: &'static str,
    pub to_start: &'static str,
    pub to_end: &'static str,
    pub erase_before: &'static str,
    pub erase_at: &'static str,
    pub erase_word: &'static str,
    pub erase_to_end: &'static str,
    pub erase_all: &'static str,
    pub put_back: &'static str,
    pub typed_into_box: &'static str,
    pub press_button: &'static str,
    pub press_short: &'static str,
    pub previous_button: &'static str,
    pub next_button: &'static str,
    pub tick: &'static str,
    pub tick_short: &'static str,
    pub discard_and_leave: &'static str,
    pub discard_short: &'static str,
    pub keep_editing: &'static str,
    pub keep_editing_short: &'static str,
    pub help_plain: &'static str,
    pub previous_offer: &'static str,
    pub next_offer: &'static str,
    pub first_offer: &'static str,
    pub last_offer: &'static str,
    pub select_offer: &'static str,
    pub select_short: &'static str,
    pub one_more_seat: &'static str,
    pub one_seat_fewer: &'static str,
    pub type_quantity: &'static str,
    pub erase_digit: &'static str,
    pub review_order: &'static str,
    pub review_short: &'static str,
    pub cancel_order: &'static str,
    pub to_buttons: &'static str,
    pub buttons_short: &'static str,
    pub to_buttons_from_cancel: &'static str,
    pub back_to_account_info: &'static str,
    pub done_to_customers: &'static str,
}

/// The Customers screen.
#[derive(Debug)]
pub struct CustomersWords {
    pub company_name: &'static str,
    pub primary_domain: &'static str,
    pub cloud: &'static str,
    pub agreement_confirmed: &'static str,
    pub cloud_agreement_status: &'static str,
    pub cloud_agreement: &'static str,
    pub agreement_narrow: &'static str,
    pub subscriptions: &'static str,
    pub subscriptions_narrow: &'static str,
    pub filter_label: &'static str,
    pub filter_hint: fn(key: &str) -> String,
    pub loading: fn(loaded: &str, total: &str) -> String,
    pub showing_page: fn(first: &str, last: &str, matching: &str, total: &str) -> String,
    pub showing: fn(matching: &str, total: &str) -> String,
    pub none_yet: fn(key: &str) -> String,
    pub none_match: fn(filter: &str, key: &str) -> String,
    pub filter_note: fn(note: &str) -> String,
    pub backing_up: &'static str,
    pub backed_up: fn(customers: &str, path: &str) -> String,
    pub no_customers_to_act_on: fn(key: &str) -> String,
    pub no_match_to_act_on: fn(key: &str) -> String,
}

/// The Account page: the customer's details, the agreement section with its banners, the
/// subscriptions (and their seat-count editor) or the confirmation history.
#[derive(Debug)]
pub struct AccountWords {
    pub account_info: &'static str,
    pub company_name: &'static str,
    pub microsoft_id: &'static str,
    pub primary_domain: &'static str,
    pub address: &'static str,
    pub primary_contact: &'static str,
    /// A country or region by its ISO 3166-1 code, as an address ends: "United States", "미국".
    pub country: fn(code: &str) -> Option<&'static str>,
    /// The section's button, shown inside "[ ]".
    pub update_button: &'static str,
    /// While either agreement counts: until when the Microsoft Cloud Agreement does.
    pub valid_until: fn(date: &str) -> String,
    pub status: &'static str,
    pub agreement: &'static str,
    pub accepted_by: &'static str,
    pub acceptance_date: &'static str,
    pub recorded_by: &'static str,
    pub status_confirmed: &'static str,
    pub status_not_confirmed: &'static str,
    /// "Megan Bowen on 2018-08-09 16:05 UTC (Account page)".
    pub recorded: fn(agent: &str, when: &str, channel: &str) -> String,
    /// Once only the Customer Agreement counts: the Cloud Agreement accepted before.
    pub retired: fn(accepted: &str, until: &str) -> String,
    /// In the mandatory phase, without a confirmation.
    pub blocked: fn(key: &str) -> String,
    pub subscriptions_heading: fn(count: &str) -> String,
    /// Which rows of a longer list show, and the keys that scroll it.
    pub showing: fn(first: &str, last: &str, keys: &str) -> String,
    pub no_subscriptions: fn(key: &str) -> String,
    pub offer: &'static str,
    pub seats: &'static str,
    pub subscription_status: &'static str,
    pub auto_renew: &'static str,
    /// In the Seats column of a usage-based subscription.
    pub usage_based: &'static str,
    pub selected: fn(details: &str) -> String,
    pub subscription_details: fn(id: &str, ordered: &str) -> String,
    pub history_heading: fn(count: &str) -> String,
    pub no_history_update: fn(key: &str) -> String,
    pub no_history: &'static str,
    pub history_accepted: &'static str,
    pub history_accepted_by: &'static str,
    pub history_recorded: &'static str,
    pub seat_editor_title: &'static str,
    pub seat_range: fn(subscription: &str, max: &str) -> String,
    pub subscription_id: fn(id: &str) -> String,
    pub quantity: &'static str,
    pub submit: &'static str,
    pub cancel: &'static str,
    pub no_subscriptions_to_act_on: fn(key: &str) -> String,
    pub seats_now: fn(subscription: &str, quantity: &str) -> String,
    pub auto_renew_now: fn(subscription: &str, on: bool) -> String,
    pub seats_unchanged: fn(subscription: &str, quantity: u32) -> String,
    pub not_a_seat_count: fn(typed: &str) -> String,
}

/// The Update form and the prompt before a new order.
#[derive(Debug)]
pub struct AcceptanceWords {
    /// "Microsoft cloud agreement: Contoso Electronics".
    pub update_heading: fn(section: &str, company: &str) -> String,
    pub before_order_heading: fn(company: &str) -> String,
    pub before_order_intro: fn(agreement: &str) -> String,
    /// Before the mandatory date: Cancel skips to the order.
    pub skippable: fn(date: &str) -> String,
    /// Once only the Customer Agreement counts: Cancel returns without an order.
    pub customer_agreement_required: fn(date: &str) -> String,
    /// From the mandatory date: Cancel returns without an order.
    pub mandatory: fn(date: &str) -> String,
    pub update_intro: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub date: &'static str,
    /// While either agreement counts, above the box that chooses the Customer Agreement.
    pub either_counts: fn(date: &str) -> String,
    pub customer_agreement_checkbox: &'static str,
    pub save_and_continue: &'static str,
    pub cancel: &'static str,
    pub no_such_customer: &'static str,
    pub skipped: fn(date: &str) -> String,
    /// Cancel in the mandatory phase, followed by why the order is refused.
    pub no_order: fn(refusal: &str) -> String,
    /// An earlier confirmation saved: the later one stays current.
    pub saved_in_history: fn(key: &str, later: &str) -> String,
    pub confirmed: fn(agreement: &str) -> String,
    pub confirmed_continue: &'static str,
    pub confirmed_meanwhile: &'static str,
}

/// The New customer wizard.
#[derive(Debug)]
pub struct NewCustomerWords {
    pub step_account_info: &'static str,
    pub step_subscriptions: &'static str,
    pub step_review: &'static str,
    pub step_confirmation: &'static str,
    // Account info: the company, its address and primary contact.
    pub company: &'static str,
    pub company_name: &'static str,
    pub primary_domain: &'static str,
    /// Under the domain box before anything is typed: "<prefix>" before the domain's suffix.
    pub domain_prefix_placeholder: &'static str,
    pub country: &'static str,
    pub address_line1: &'static str,
    pub address_line2: &'static str,
    pub city: &'static str,
    pub state: &'static str,
    pub postal_code: &'static str,
    pub primary_contact: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    // Account info: the agreement section.
    /// What the schedule asks, under the agreement heading (dates in prose).
    pub note_customer_agreement_required: fn(since: &str) -> String,
    pub note_cloud_agreement_valid_until: fn(until: &str) -> String,
    pub note_mandatory_since: fn(since: &str) -> String,
    pub note_optional_until: fn(until: &str) -> String,
    /// The second box while either agreement counts.
    pub new_agreement_checkbox: &'static str,
    pub acceptance_date: &'static str,
    pub acceptor_intro: &'static str,
    pub accepted_by: &'static str,
    pub update: &'static str,
    pub next_to_subscriptions: &'static str,
    pub next_to_review: &'static str,
    pub submit: &'static str,
    pub back: &'static str,
    pub cancel: &'static str,
    pub done: &'static str,
    /// By the unticked box when the phase requires it.
    pub confirmation_required: fn(agreement: &str, since: &str) -> String,
    pub fields_need_attention: fn(count: usize) -> String,
    // Subscriptions.
    pub choose_subscriptions: fn(company: &str) -> String,
    pub subscriptions_hint: fn(toggle: &str, more: &str, less: &str, buttons: &str) -> String,
    pub offers_selected: fn(count: usize) -> String,
    pub offers_need_attention: fn(count: usize) -> String,
    // Review.
    pub address: &'static str,
    /// The address on one line: street, city, state, postal code, country.
    pub address_value: fn(
        street: &str,
        city: &str,
        state: &str,
        postal_code: &str,
        country_name: &str,
        country_code: &str,
    ) -> String,
    /// "Microsoft cloud agreement acceptance".
    pub acceptance_heading: fn(section: &str) -> String,
    pub accepted: &'static str,
    pub none_chosen: &'static str,
    /// A subscription chosen: "Microsoft 365 E3: 25 seats".
    pub chosen_offer: fn(offer: &str, quantity: &str) -> String,
    // Submit and Confirmation.
    pub created: fn(company: &str) -> String,
    pub created_heading: fn(company: &str) -> String,
    pub created_nothing: &'static str,
    pub domain_taken_meanwhile: &'static str,
    pub admin_account: &'static str,
    pub user_name: &'static str,
    pub temporary_password: &'static str,
    pub save_credentials: &'static str,
    pub none_were_chosen: fn(open: &str, new_order: &str) -> String,
    pub ordered: fn(subscriptions: usize) -> String,
    /// After a refused order: how to order later; `update` when the acceptance needs confirming.
    pub order_later: fn(company: &str, open: &str, update: Option<&str>, new_order: &str) -> String,
    pub nothing_ordered: &'static str,
    /// After the gate's refusal, on Review: what Submit would do.
    pub would_order_none: &'static str,
    pub confirm_first_or_take_out: &'static str,
    pub take_out_and_order_later: &'static str,
}

/// The New order screen (its offer list is also the wizard's Subscriptions).
#[derive(Debug)]
pub struct OrderWords {
    /// What is wrong with an order line or a seat count, by its offer.
    pub line_problem: fn(&LineProblem) -> String,
    pub choose_offers: fn(company: &str) -> String,
    pub pick_hint: fn(toggle: &str, more: &str, less: &str) -> String,
    pub offer: &'static str,
    pub billing: &'static str,
    pub max_seats: &'static str,
    pub quantity: &'static str,
    pub seat_based: &'static str,
    pub usage_based: &'static str,
    pub selected: fn(count: usize) -> String,
    pub review: &'static str,
    pub review_heading: fn(company: &str) -> String,
    /// A seat count: "1 seat", "25 seats".
    pub seats: fn(count: u32) -> String,
    pub submit: &'static str,
    pub back: &'static str,
    pub cancel: &'static str,
    pub select_one_first: fn(key: &str) -> String,
    pub cancelled: &'static str,
    pub submitted: fn(subscriptions: usize) -> String,
    // The quantity editor.
    pub at_most_seats: fn(offer: &str, max: &str) -> String,
    pub not_a_seat_count: fn(pasted: &str) -> String,
    pub too_many_digits: fn(max: usize, has: usize) -> String,
}

/// A spectator's view over SSH: the live sessions, and the one watched.
#[derive(Debug)]
pub struct SpectatorWords {
    pub live_sessions: &'static str,
    pub no_agent: &'static str,
    /// When a session started: "since 14:03 UTC".
    pub since: fn(time: &str) -> String,
    pub session_ended: fn(agent: &str) -> String,
    pub waiting: &'static str,
    pub watching: fn(agent: &str, role: &str) -> String,
    pub select: &'static str,
    pub watch: &'static str,
    pub sessions: &'static str,
    pub quit: &'static str,
}

/// What is wrong with an input or a request, and how to put it right.
#[derive(Debug)]
pub struct Problems {
    /// A field's value, next to the field.
    pub field: fn(&FieldProblem) -> String,
    /// What a key or a paste left out of a box.
    pub input: fn(&InputNote) -> String,
    /// Why the rules or the store refused a request.
    pub refusal: fn(&ServiceError) -> String,
    /// Why this agent cannot confirm this customer's acceptance here and now.
    pub confirm: fn(&ConfirmRefusal) -> String,
    /// Why a backup was not restored.
    pub restore: fn(&RestoreError) -> String,
}

/// The commands' lines for people: the tables' headings and words, their counts, the import's
/// and export's lines, and the notes beside them. JSON, CSV and `--help` are not here: they
/// stay the API's and the command line's English.
#[derive(Debug)]
pub struct CommandWords {
    /// After an import row's refused agreement: the Type that would be taken that day.
    pub other_type_hint: fn(type_name: &str) -> String,
    /// The agreement status in a table: "Confirmed: Microsoft Customer Agreement".
    pub status: fn(AgreementStatus, Option<AgreementKind>, NaiveDate) -> String,
    /// The cloud in a table's narrow column: "Public", "US Gov".
    pub cloud: fn(Cloud) -> &'static str,
    /// No customer is named so (by tenant ID, primary domain or domain prefix).
    pub no_such_customer: fn(named: &str) -> String,
    // `customers list`.
    pub tenant_id: &'static str,
    pub company_name: &'static str,
    pub primary_domain: &'static str,
    pub cloud_column: &'static str,
    /// The agreement column while only the Microsoft Cloud Agreement exists, and after.
    pub cloud_agreement: &'static str,
    pub agreement_confirmed: &'static str,
    pub agreement_short: &'static str,
    pub subscriptions: &'static str,
    pub subscriptions_short: &'static str,
    pub customers_count: fn(usize) -> String,
    pub no_customers_yet: &'static str,
    pub no_customers_match: &'static str,
    // `subscriptions list`.
    pub subscription_id: &'static str,
    pub offer: &'static str,
    pub seats: &'static str,
    pub subscription_status: &'static str,
    pub auto_renew: &'static str,
    pub auto_renew_short: &'static str,
    pub offer_id: &'static str,
    pub subscription_state: fn(SubscriptionStatus) -> &'static str,
    pub on: &'static str,
    pub off: &'static str,
    pub subscriptions_count: fn(usize) -> String,
    pub no_subscriptions: &'static str,
    // `offers list`.
    pub category: &'static str,
    pub billing: &'static str,
    pub max_seats: &'static str,
    pub seat_based: &'static str,
    pub usage_based: &'static str,
    pub offers_count: fn(usize) -> String,
    pub no_offers: &'static str,
    // `report compliance`.
    pub accepted_by: &'static str,
    pub email: &'static str,
    pub date_agreed: &'static str,
    pub date_short: &'static str,
    pub new_orders: &'static str,
    pub new_orders_short: &'static str,
    pub seat_changes: &'static str,
    pub seat_changes_short: &'static str,
    pub api_gate: &'static str,
    pub api_gate_short: &'static str,
    pub blocked: &'static str,
    pub allowed: &'static str,
    pub orders_blocked: &'static str,
    pub seats_blocked: &'static str,
    pub compliance_summary: fn(&ComplianceCounts) -> String,
    // A table fitted to a narrow terminal.
    /// The headings of the columns left out, joined: "Tenant ID and Subscriptions".
    pub left_out: fn(&[&str]) -> String,
    pub cut_short: &'static str,
    pub fitted: fn(width: usize, what: &[String]) -> String,
    // `agents list`.
    pub agent_name: &'static str,
    pub role: &'static str,
    pub object_id: &'static str,
    pub added: &'static str,
    /// An agent's role in the table: the option's value in English, the term in Korean.
    pub role_of: fn(Role) -> &'static str,
    pub agents_count: fn(usize) -> String,
    pub no_agents: &'static str,
    // `agreements import`.
    pub reading: fn(path: &str) -> String,
    pub import_created: fn(line: usize, customer: &str, dry_run: bool) -> String,
    /// After "created": an earlier confirmation, kept in the history.
    pub import_kept: fn(current: NaiveDate) -> String,
    pub import_unchanged: fn(line: usize, customer: &str, why: &str) -> String,
    pub import_skipped: fn(line: usize) -> String,
    pub import_rejected: fn(line: usize, reason: &str) -> String,
    pub import_counts: fn(&ImportCounts) -> String,
    pub imported: fn(path: &str, counts: &str) -> String,
    pub dry_run_of: fn(path: &str, counts: &str) -> String,
    pub stopped_reading: &'static str,
    pub stopped_at: fn(line: usize) -> String,
    /// The progress bar's count: "1000 of 3000 rows".
    pub rows_done: fn(done: usize, total: usize) -> String,
    // `agreements export` and `templates`.
    pub exported: fn(customers: usize, confirmed: usize, path: &str) -> String,
    pub no_cloud_agreement_template: fn(date: NaiveDate) -> String,
    // `backup`, `restore` and `generate` (counts written with thousands separators).
    pub backed_up: fn(customers: &str, path: &str) -> String,
    pub restored: fn(&Restored<'_>) -> String,
    /// After a restore with `--replace`: where the store that was there is kept.
    pub kept_aside: fn(path: &str) -> String,
    pub generated: fn(&Generated<'_>) -> String,
    // A store another pcenter has open (its owner: a dashboard or a server).
    /// The owner: "the dashboard of Ann Agent (process 4242, since 2026-12-04 10:32 UTC)".
    pub owner: fn(server: bool, agent: &str, pid: u32, since: &str) -> String,
    /// A second dashboard on the store.
    pub open_elsewhere: fn(store: &str, owner: &str, server: bool) -> String,
    /// `restore` or `generate` (`command`), which make the store anew.
    pub needs_alone: fn(store: &str, owner: &str, command: &str, server: bool) -> String,
    // The dashboard started without a terminal.
    pub needs_terminal: &'static str,
}

/// `agreements import`'s reasons: why a file or a row is refused, and why a row is unchanged.
/// The file's column names and values stay as the file writes them.
#[derive(Debug)]
pub struct ImportWords {
    // A row that cannot be read.
    pub unclosed_quote: &'static str,
    pub row_not_utf8: &'static str,
    pub line_too_long: fn(mib: usize) -> String,
    pub field_count: fn(count: usize, header: usize) -> String,
    pub sample_field_count: fn(count: usize) -> String,
    // A row that cannot be imported.
    /// Required values left empty, named by their columns.
    pub insufficient: fn(columns: &[String]) -> String,
    /// The same in Microsoft's sample; `types` when the Type is what is missing.
    pub sample_insufficient: fn(columns: &[String], types: Option<&str>) -> String,
    pub unknown_tenant: fn(tenant: &str) -> String,
    pub unknown_domain: fn(domain: &str) -> String,
    pub disagree: fn(tenant: &str, domain_of_tenant: &str, domain: &str) -> String,
    pub more_than_one_row: fn(customer: &str, other_lines: &[usize]) -> String,
    pub not_a_type: fn(value: &str, types: &str) -> String,
    pub spreadsheet_date: fn(value: &str) -> String,
    pub day_first: fn(value: &str) -> String,
    pub not_sample_date: fn(value: &str) -> String,
    /// A value's problem after its column's name.
    pub value_problem: fn(column: &str, problem: &str) -> String,
    // Why a row is unchanged.
    pub same_as_current: &'static str,
    pub same_as_current_of: fn(AgreementKind) -> String,
    pub same_as_earlier: &'static str,
    /// After "the same contact is already confirmed": the date on record differs from the row's.
    pub new_date_alone: fn(on_record: NaiveDate) -> String,
    // A file that cannot be imported.
    pub column_twice: fn(column: &str) -> String,
    pub no_column: fn(columns: &[String]) -> String,
    pub empty_file: &'static str,
    pub header_at: fn(line: usize, problem: &str) -> String,
    pub header_unreadable: fn(line: usize, problem: &str) -> String,
    pub cannot_be_imported: fn(file: &str, why: &str) -> String,
    pub file_not_utf8: fn(file: &str, line: usize) -> String,
    pub wide_encoding: fn(file: &str, encoding: &str, by_bom: bool) -> String,
    /// A workbook: `legacy` for Excel 97-2003's `.xls`, else `.xlsx` or `.ods`.
    pub workbook: fn(file: &str, legacy: bool) -> String,
    pub not_text: fn(file: &str) -> String,
    pub cannot_read: fn(file: &str, error: &std::io::Error) -> String,
    pub no_temporary_file: fn(file: &str, error: &std::io::Error) -> String,
    pub stream_too_big: fn(file: &str, gib: u64) -> String,
    /// A file of Microsoft's sample that gives an agreement of a customer more than once: the
    /// first few (their values quoted), then how many more.
    pub repeated_agreements: fn(file: &str, named: &[Repeated<'_>], more: usize) -> String,
}

/// An agreement of a customer given on more than one row.
#[derive(Debug, Clone, Copy)]
pub struct Repeated<'a> {
    pub tenant: &'a str,
    pub type_name: &'a str,
    pub lines: &'a [usize],
}

/// The counts of `report compliance`'s summary.
#[derive(Debug, Clone, Copy)]
pub struct ComplianceCounts {
    pub customers: usize,
    pub confirmed: usize,
    pub not_confirmed: usize,
    pub not_supported: usize,
    pub blocked: usize,
    pub date: NaiveDate,
    pub phase: Phase,
}

/// What a restore wrote, and from where into where.
#[derive(Debug, Clone, Copy)]
pub struct Restored<'a> {
    pub customers: &'a str,
    pub confirmations: &'a str,
    pub orders: &'a str,
    pub subscriptions: &'a str,
    pub from: &'a str,
    pub into: &'a str,
}

/// What `generate` made, and in which store.
#[derive(Debug, Clone, Copy)]
pub struct Generated<'a> {
    pub customers: usize,
    pub confirmed: usize,
    pub not_confirmed: usize,
    pub national: usize,
    pub subscriptions: usize,
    pub store: &'a str,
}

/// The counts of an import's summary.
#[derive(Debug, Clone, Copy)]
pub struct ImportCounts {
    pub created: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub rejected: usize,
    pub dry_run: bool,
}

use crate::backup::RestoreError;
use crate::domain::agreement::{AgreementKind, Channel};
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{Billing, LineProblem, SubscriptionStatus};
use crate::domain::eligibility::ConfirmRefusal;
use crate::domain::field_problem::{FieldProblem, InputNote};
use crate::domain::phase::Phase;
use crate::domain::role::Role;
use crate::domain::status::AgreementStatus;
use crate::domain::timeline::Environment;
use crate::service::ServiceError;

/// The terms of the domain's values, so no screen matches on them itself.
impl Terms {
    /// `"MicrosoftCloudAgreement" or "MicrosoftCustomerAgreement"`: the agreement types a
    /// request may name, quoted.
    pub fn quoted_types(&self) -> String {
        let names: Vec<String> = (AgreementKind::ALL.iter())
            .map(|kind| format!("\"{}\"", kind.type_name()))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        (self.or_list)(&names)
    }

    pub fn phase(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::NotYetAvailable => self.phase_not_yet_available,
            Phase::Optional => self.phase_optional,
            Phase::Mandatory => self.phase_mandatory,
        }
    }

    pub fn status(&self, status: AgreementStatus) -> &'static str {
        match status {
            AgreementStatus::Confirmed => self.status_confirmed,
            AgreementStatus::NotConfirmed => self.status_not_confirmed,
            AgreementStatus::NotSupported => self.status_not_supported,
        }
    }

    /// The status as it reads on a business date (see `AgreementStatus::label_on`).
    pub fn status_on(&self, status: AgreementStatus, phase: Phase) -> &'static str {
        status
            .on(phase)
            .map_or(self.status_not_available, |status| self.status(status))
    }

    /// The status naming the agreement that counts, once two exist (see `status::label_with`).
    pub fn status_with(
        &self,
        status: AgreementStatus,
        agreement: Option<AgreementKind>,
        date: NaiveDate,
    ) -> String {
        match crate::domain::status::confirmed_of(status, agreement, date) {
            Some(agreement) => (self.status_confirmed_of)(self.agreement_name(agreement)),
            None => self.status_on(status, Phase::on(date)).to_string(),
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::AdminAgent => self.role_admin_agent,
            Role::SalesAgent => self.role_sales_agent,
            Role::HelpdeskAgent => self.role_helpdesk_agent,
            Role::Spectator => self.role_spectator,
        }
    }

    pub fn environment(&self, environment: Environment) -> &'static str {
        match environment {
            Environment::Production => self.environment_production,
            Environment::Sandbox => self.environment_sandbox,
        }
    }

    pub fn cloud(&self, cloud: Cloud) -> &'static str {
        match cloud {
            Cloud::Public => self.cloud_public,
            Cloud::Germany => self.cloud_germany,
            Cloud::China21Vianet => self.cloud_china,
            Cloud::UsGovernment => self.cloud_us_government,
        }
    }

    pub fn cloud_short(&self, cloud: Cloud) -> &'static str {
        match cloud {
            Cloud::Public => self.cloud_public_short,
            Cloud::Germany => self.cloud_germany_short,
            Cloud::China21Vianet => self.cloud_china_short,
            Cloud::UsGovernment => self.cloud_us_government_short,
        }
    }

    pub fn cloud_column(&self, cloud: Cloud) -> &'static str {
        match cloud {
            Cloud::Public => self.cloud_public_column,
            Cloud::Germany => self.cloud_germany_column,
            Cloud::China21Vianet => self.cloud_china_column,
            Cloud::UsGovernment => self.cloud_us_government_column,
        }
    }

    /// The name in prose: "Microsoft Cloud Agreement".
    pub fn agreement_name(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::CloudAgreement => self.cloud_agreement_name,
            AgreementKind::CustomerAgreement => self.customer_agreement_name,
        }
    }

    /// The dashboard's section heading: "Microsoft cloud agreement".
    pub fn agreement_section(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::CloudAgreement => self.cloud_agreement_section,
            AgreementKind::CustomerAgreement => self.customer_agreement_section,
        }
    }

    pub fn agreement_checkbox(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::CloudAgreement => self.cloud_agreement_checkbox,
            AgreementKind::CustomerAgreement => self.customer_agreement_checkbox,
        }
    }

    /// A name for wide tables: "Cloud Agreement".
    pub fn agreement_name_short(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::CloudAgreement => self.cloud_agreement_name_short,
            AgreementKind::CustomerAgreement => self.customer_agreement_name_short,
        }
    }

    /// A word for narrow tables: "Cloud".
    pub fn agreement_short(&self, kind: AgreementKind) -> &'static str {
        match kind {
            AgreementKind::CloudAgreement => self.cloud_agreement_short,
            AgreementKind::CustomerAgreement => self.customer_agreement_short,
        }
    }

    pub fn billing(&self, billing: Billing) -> &'static str {
        match billing {
            Billing::SeatBased => self.billing_seat_based,
            Billing::UsageBased => self.billing_usage_based,
        }
    }

    pub fn subscription_status(&self, status: SubscriptionStatus) -> &'static str {
        match status {
            SubscriptionStatus::Active => self.subscription_active,
            SubscriptionStatus::Suspended => self.subscription_suspended,
        }
    }

    pub fn channel(&self, channel: Channel) -> &'static str {
        match channel {
            Channel::NewCustomer => self.channel_new_customer,
            Channel::Account => self.channel_account,
            Channel::OrderPrompt => self.channel_order_prompt,
            Channel::Command => self.channel_command,
            Channel::Import => self.channel_import,
        }
    }

    pub fn on_off(&self, on: bool) -> &'static str {
        if on {
            self.on
        } else {
            self.off
        }
    }

    pub fn yes_no(&self, yes: bool) -> &'static str {
        if yes {
            self.yes
        } else {
            self.no
        }
    }
}

/// The commands' requests and options that cannot be taken, and how to put them right: options
/// given together, the JSON bodies, the `--out` files, the agents' keys. Option names, JSON
/// fields, codes and paths stay as written in every language.
#[derive(Debug)]
pub struct RequestWords {
    // `orders create`.
    pub quantities_per_offer: fn(offers: usize, quantities: usize) -> String,
    // `agreementType` (`agreements list --type`, `agreements templates --type`).
    pub unknown_agreement_type: fn(typed: &str, types: &[&str]) -> String,
    // The customers' page: its `filter`, its `size` and its continuation token.
    pub filter_not_shaped: fn(shape: &str) -> String,
    pub filter_field: fn(field: &str) -> String,
    pub filter_operator: fn(operator: &str) -> String,
    pub filter_no_value: fn(shape: &str) -> String,
    pub page_too_large: fn(max: usize) -> String,
    pub unknown_continuation_token: &'static str,
    // A JSON body read from a file or standard input (`from`, its path quoted, or `-`).
    pub body_unreadable: fn(from: &str, &IoTrouble) -> String,
    pub body_too_large: fn(from: &str, mib: u64) -> String,
    pub body_not_utf8: fn(from: &str) -> String,
    // A JSON body that cannot be read as the request's; `detail` is the JSON parser's.
    /// One field given twice in one object, the second time as `again`.
    pub key_twice: fn(name: &str, first: &str, again: &str) -> String,
    pub customer_body_not_json: fn(detail: &str) -> String,
    pub agreement_body_empty: fn(from: &BodySource) -> String,
    pub agreement_body_invalid: fn(from: &BodySource, valid_json: bool, detail: &str) -> String,
    pub request_body_invalid: fn(RequestBody, valid_json: bool, detail: &str) -> String,
    pub no_line_items: &'static str,
    pub line_item_number: fn(at: usize, number: u64) -> String,
    pub friendly_name_control: fn(at: usize) -> String,
    pub friendly_name_too_long: fn(at: usize, max: usize, length: usize) -> String,
    /// A billing cycle of Partner Center's that the offers here are not billed in (`monthly`).
    pub billing_cycle_not_monthly: fn(cycle: &str, monthly: &str) -> String,
    pub billing_cycle_unknown: fn(cycle: &str, known: &[&str]) -> String,
    pub subscription_changes_nothing: &'static str,
    /// A field of a Customer or an Agreement body, after its name in the body.
    pub body_field: fn(&BodyProblem) -> String,
    // What cannot be written: the `--out` file (`parent`, its directory), or the output.
    pub cannot_write_file: fn(path: &str, parent: &str, &IoTrouble) -> String,
    pub cannot_write_output: fn(&IoTrouble) -> String,
    // A command run while the store is open elsewhere.
    pub partner_while_open: fn(partner: &str) -> String,
    // `agents add|keys|token`.
    pub agent_name: fn(&FieldProblem) -> String,
    pub agent_role_missing: fn(name: &str) -> String,
    pub key_of_another: fn(fingerprint: &str, agent: &str) -> String,
    pub keys_change_nothing: &'static str,
    pub agent_has_no_key: fn(agent: &str, fingerprint: &str) -> String,
    pub no_random_bytes: fn(detail: &str) -> String,
    pub key_file_unreadable: fn(file: &str, &IoTrouble) -> String,
    /// A line of a key file that is not a public key; `detail` is the key reader's.
    pub key_file_line: fn(line: usize, file: &str, detail: &str) -> String,
    pub key_file_empty: fn(file: &str) -> String,
    // `generate`: how many (`most`, with thousands separators), and into which store.
    pub generate_too_many: fn(most: &str) -> String,
    pub generate_store_not_empty: fn(store: &str) -> String,
}

/// Why a file could not be read or written: its kind, which each language says, and the
/// system's own words, which English gives as they are.
pub use crate::domain::io_trouble::IoTrouble;

/// The detail of a JSON body that is not an object `{…}`, after what it should have been; any
/// other detail is the JSON parser's.
pub const NOT_AN_OBJECT: &str = "the body is not a JSON object {…}";

/// Where an Agreement body came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodySource {
    StandardInput,
    /// A file, its path quoted.
    File(String),
    /// The body of an HTTP request.
    Request,
}

/// The bodies of the requests that change orders and subscriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestBody {
    Order,
    Subscription,
}

/// What is wrong with one field of a Customer or an Agreement body, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyProblem {
    /// The rule of the field in the dashboard's form.
    Field(FieldProblem),
    /// `billingProfile.culture` or `.language`: only this value is taken.
    OnlySupported(&'static str),
    /// A name in the billing profile that is not the one in its address.
    OtherContactName,
    /// `dateAgreed`, as given, neither a date nor a timestamp.
    NotDateNorTimestamp(String),
    TypeMissing,
    TypeUnknown(String),
    TemplateMissing,
    TemplateUnknown(String),
}

/// The lines of the process itself: a command line that cannot be run, an option's refused
/// value, and what the shell, the server and the owner of a store say to people. `--help` and
/// `--version` are not here: they stay the command line's English.
#[derive(Debug)]
pub struct ShellWords {
    /// A refused command line, after "pcenter: "; `command` is the command as `--help` takes
    /// it ("pcenter customers list").
    pub usage: fn(&crate::domain::command_line::UsageProblem, command: &str) -> String,
    /// An option's refused value (or `$USER`'s).
    pub value: fn(&crate::domain::command_line::ValueProblem) -> String,
    /// No data directory without `--data-dir`.
    pub no_data_dir: &'static str,
    /// The terminal failed under the dashboard: the system's words follow.
    pub terminal_error: fn(error: &str) -> String,
    /// The server a dashboard of this terminal joined ended.
    pub server_went_away: &'static str,
    /// The header's partner name for a store that has none yet: how to give it one, short
    /// enough to stay whole at 80 columns.
    pub no_partner_name: &'static str,
    /// The owner's side: the pcenter a command ran for is gone.
    pub caller_went_away: &'static str,
    /// The owner of the store (`owner`, described) ended before the command did.
    pub owner_went_away: fn(owner: &str) -> String,
    /// The owner of the store (`owner`, described; a server or a dashboard) is pcenter
    /// `owners`, the command pcenter `commands`.
    pub other_version: fn(owner: &str, server: bool, owners: &str, commands: &str) -> String,
    /// A dashboard joining a server of pcenter `servers` from pcenter `ours`.
    pub other_server_version: fn(servers: &str, ours: &str) -> String,
    /// A dashboard joining an owner that is a dashboard.
    pub takes_no_second: &'static str,
    /// A request the command line could not have made (`process`: its id when known), and
    /// why (a refused value, or one of the two below).
    pub request_refused: fn(process: Option<u32>, why: &str) -> String,
    pub command_twice: &'static str,
    pub relative_directory: &'static str,
    /// A command that failed (panicked) inside the owner.
    pub failed_inside: &'static str,
    /// A command sent while the owner closes the store.
    pub owner_closing: &'static str,
    /// Why the socket of the store's owner (at `path`) cannot be listened on: the system's
    /// words, something else in its place, or its mode.
    pub socket_unreachable: fn(path: &str, detail: &str) -> String,
    pub socket_in_the_way: fn(path: &str) -> String,
    pub socket_not_private: fn(path: &str) -> String,
    /// `serve`'s lines.
    pub serve_what: &'static str,
    pub not_an_address: fn(typed: &str) -> String,
    pub cannot_listen: fn(address: &str, error: &str) -> String,
    pub server_failed: fn(error: &str) -> String,
    /// The HTTP API's writing thread could not be started: the system's words follow.
    pub api_not_started: fn(error: &str) -> String,
    pub no_commands_through_server: fn(owner_error: &str) -> String,
    pub api_at: fn(url: &str, store: &str) -> String,
    pub ssh_at: fn(&SshAt<'_>) -> String,
    pub reachable: fn(address: &str, api: bool) -> String,
    /// Why `serve --ssh` has no host key.
    pub host_key: fn(&crate::domain::host_key::HostKeyProblem) -> String,
}

/// Where `serve` takes SSH dashboards.
#[derive(Debug, Clone, Copy)]
pub struct SshAt<'a> {
    pub port: u16,
    pub host: &'a str,
    pub store: &'a str,
    pub fingerprint: &'a str,
    pub made: bool,
}
