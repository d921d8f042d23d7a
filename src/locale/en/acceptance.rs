use crate::locale::words::AcceptanceWords;

pub const ACCEPTANCE: AcceptanceWords = AcceptanceWords {
    update_heading: |section, company| format!("{section}: {company}"),
    before_order_heading: |company| {
        format!("Confirm customer acceptance before a new order: {company}")
    },
    before_order_intro: |agreement| {
        format!("You have not confirmed that this customer accepted the {agreement}. Complete the confirmation to continue with the new order.")
    },
    skippable: |date| format!("Before {date} you may skip confirmation by selecting Cancel."),
    customer_agreement_required: |date| {
        format!("Confirmation of the Microsoft Customer Agreement is required since {date}: Cancel returns without an order.")
    },
    mandatory: |date| {
        format!("Confirmation is mandatory since {date}: Cancel returns without an order.")
    },
    update_intro: "Enter the details of the user who accepted the agreement.",
    first_name: "First name",
    last_name: "Last name",
    email: "Email address",
    phone: "Phone number (optional)",
    date: "Agreement acceptance date",
    either_counts: |date| {
        format!("Either agreement counts until {date}; after that date, only the Microsoft Customer Agreement. Tick the box if the customer accepted it.")
    },
    customer_agreement_checkbox: "The customer has accepted the new Microsoft customer agreement",
    save_and_continue: "Save and continue",
    cancel: "Cancel",
    no_such_customer: "No such customer.",
    skipped: |date| format!("Confirmation skipped: it is optional until {date}."),
    no_order: |refusal| {
        format!("No order was created. {refusal}")
            .trim_end()
            .to_string()
    },
    saved_in_history: |key, later| {
        format!("Saved in the history ({key}). The confirmation accepted on {later} stays current because it is later.")
    },
    confirmed: |agreement| format!("Customer acceptance of the {agreement} is confirmed."),
    confirmed_continue: "Customer acceptance confirmed. Continue with the new order.",
    confirmed_meanwhile: "Customer acceptance was confirmed meanwhile with this contact. Continue with the new order.",
};
