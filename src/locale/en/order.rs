use crate::locale::words::OrderWords;

pub const ORDER: OrderWords = OrderWords {
    line_problem: |problem| problem.to_string(),
    choose_offers: |company| format!("Choose offers for {company}"),
    pick_hint: |toggle, more, less| {
        format!(
            "{toggle} adds or removes an offer; type or use {more}/{less} for the number of seats."
        )
    },
    offer: "Offer",
    billing: "Billing",
    max_seats: "Max seats",
    quantity: "Quantity",
    seat_based: "seat-based",
    usage_based: "usage-based",
    selected: |count| format!("{count} selected"),
    review: "Review",
    review_heading: |company| format!("Review the order for {company}"),
    seats: |count| match count {
        1 => "1 seat".to_string(),
        n => format!("{n} seats"),
    },
    submit: "Submit",
    back: "Back",
    cancel: "Cancel",
    select_one_first: |key| format!("Select at least one offer with {key}, then review the order."),
    cancelled: "The order was cancelled; nothing was ordered.",
    submitted: |subscriptions| match subscriptions {
        1 => "The order was submitted: 1 new subscription.".to_string(),
        n => format!("The order was submitted: {n} new subscriptions."),
    },
    at_most_seats: |offer, max| format!("{offer} allows at most {max} seats per subscription."),
    not_a_seat_count: |pasted| {
        format!("'{pasted}' is not a seat count: paste or type a whole number such as 25.")
    },
    too_many_digits: |max, has| {
        format!("A seat count has at most {max} digits; this one has {has}.")
    },
};
