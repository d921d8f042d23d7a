use crate::locale::words::AccountWords;

pub const ACCOUNT: AccountWords = AccountWords {
    account_info: "Customer account info",
    company_name: "Company name",
    microsoft_id: "Microsoft ID",
    primary_domain: "Primary domain",
    address: "Address",
    primary_contact: "Primary contact",
    country: crate::domain::country::name,
    update_button: "Update",
    valid_until: |date| {
        format!("This agreement is valid until {date}. After that date, all customers, existing and new, must sign the new Microsoft Customer Agreement.")
    },
    status: "Status",
    agreement: "Agreement",
    accepted_by: "Accepted by",
    acceptance_date: "Acceptance date",
    recorded_by: "Recorded by",
    status_confirmed: "Confirmed: customer acceptance has been provided",
    status_not_confirmed: "Not confirmed: customer acceptance has not been provided",
    recorded: |agent, when, channel| format!("{agent} on {when} ({channel})"),
    retired: |accepted, until| {
        format!("The Microsoft Cloud Agreement accepted on {accepted} was valid until {until}; the customer must accept the Microsoft Customer Agreement.")
    },
    blocked: |key| {
        format!("New orders and seat changes are blocked until you confirm. Press {key} to Update.")
    },
    subscriptions_heading: |count| format!("Subscriptions ({count})"),
    showing: |first, last, keys| format!("showing {first}-{last}; {keys} scroll"),
    no_subscriptions: |key| format!("No subscriptions yet. Press {key} for a New order."),
    offer: "Offer",
    seats: "Seats",
    subscription_status: "Status",
    auto_renew: "Auto-renew",
    usage_based: "usage-based",
    selected: |details| format!("Selected: {details}"),
    subscription_details: |id, ordered| format!("ID {id} · ordered {ordered}"),
    history_heading: |count| format!("Confirmation history ({count}), newest first"),
    no_history_update: |key| format!("No confirmation on record yet. Press {key} to Update."),
    no_history: "No confirmation on record.",
    history_accepted: "Accepted",
    history_accepted_by: "Accepted by",
    history_recorded: "Recorded by, when, channel",
    seat_editor_title: "Change seat count",
    seat_range: |subscription, max| format!("{subscription}: 1 to {max} seats."),
    subscription_id: |id| format!("Subscription ID {id}"),
    quantity: "Quantity",
    submit: "Submit",
    cancel: "Cancel",
    no_subscriptions_to_act_on: |key| {
        format!("This customer has no subscriptions yet: press {key} for a New order.")
    },
    seats_now: |subscription, quantity| {
        format!("{subscription}: the seat count is now {quantity}.")
    },
    auto_renew_now: |subscription, on| {
        format!(
            "{subscription}: auto-renew is now {}.",
            if on { "On" } else { "Off" }
        )
    },
    seats_unchanged: |subscription, quantity| {
        format!(
            "{subscription} already has {quantity} seat{}; nothing changed.",
            if quantity == 1 { "" } else { "s" }
        )
    },
    not_a_seat_count: |typed| {
        format!("'{typed}' is not a seat count: enter a whole number such as 25.")
    },
};
