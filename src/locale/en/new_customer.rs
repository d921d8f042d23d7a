use crate::locale::words::NewCustomerWords;

pub const NEW_CUSTOMER: NewCustomerWords = NewCustomerWords {
    step_account_info: "Account info",
    step_subscriptions: "Subscriptions",
    step_review: "Review",
    step_confirmation: "Confirmation",
    company: "Company",
    company_name: "Company name",
    primary_domain: "Primary domain",
    domain_prefix_placeholder: "<prefix>",
    country: "Country/region",
    address_line1: "Address line 1",
    address_line2: "Address line 2 (optional)",
    city: "City",
    state: "State/province",
    postal_code: "Postal code",
    primary_contact: "Primary contact",
    first_name: "First name",
    last_name: "Last name",
    email: "Email address",
    phone: "Phone number (optional)",
    note_customer_agreement_required: |since| {
        format!("Confirmation of the Microsoft Customer Agreement is required since {since}: new customers cannot make a purchase until they accept.")
    },
    note_cloud_agreement_valid_until: |until| {
        format!("This agreement is valid until {until}. After that date, all customers, existing and new, must sign the new Microsoft Customer Agreement.")
    },
    note_mandatory_since: |since| format!("Confirmation is mandatory since {since}."),
    note_optional_until: |until| {
        format!("Until {until} you may skip confirmation by leaving this unselected and selecting Next.")
    },
    new_agreement_checkbox: "The customer has accepted the new Microsoft customer agreement",
    acceptance_date: "Agreement acceptance date",
    acceptor_intro: "The person who accepted the agreement:",
    accepted_by: "Accepted by",
    update: "Update",
    next_to_subscriptions: "Next: Subscriptions",
    next_to_review: "Next: Review",
    submit: "Submit",
    back: "Back",
    cancel: "Cancel",
    done: "Done",
    confirmation_required: |agreement, since| {
        format!("Confirmation of the {agreement} is mandatory since {since}: select this box and enter the acceptance details.")
    },
    fields_need_attention: |count| match count {
        1 => "1 field needs attention; it says what to fix.".to_string(),
        n => format!("{n} fields need attention; each says what to fix."),
    },
    choose_subscriptions: |company| format!("Choose subscriptions for {company} (optional)"),
    subscriptions_hint: |toggle, more, less, buttons| {
        format!("{toggle} selects an offer, digits or {more}/{less} set its seats, {buttons} goes to the buttons.")
    },
    offers_selected: |count| match count {
        0 => "none selected".to_string(),
        n => format!("{n} selected"),
    },
    offers_need_attention: |count| match count {
        1 => "1 offer needs attention; it says what to fix.".to_string(),
        n => format!("{n} offers need attention; each says what to fix."),
    },
    address: "Address",
    address_value: |street, city, state, postal_code, country_name, country_code| {
        format!("{street} · {city}, {state} {postal_code} · {country_name} ({country_code})")
    },
    acceptance_heading: |section| format!("{section} acceptance"),
    accepted: "Accepted",
    none_chosen: "None chosen: the customer is created without subscriptions.",
    chosen_offer: |offer, quantity| format!("{offer}: {quantity}"),
    created: |company| format!("{company} was created."),
    created_heading: |company| format!("{company} was created"),
    created_nothing: "Submit created nothing.",
    domain_taken_meanwhile: "Submit created nothing: the primary domain was taken meanwhile.",
    admin_account: "Admin account for the customer",
    user_name: "User name",
    temporary_password: "Temporary password",
    save_credentials: "Save these now: this is the only time the password is shown. Hand both to the customer, who signs in with them and then chooses a new password.",
    none_were_chosen: |open, new_order| {
        format!("None were chosen. Order them any time: open the customer's Account ({open}), then New order ({new_order}).")
    },
    ordered: |subscriptions| match subscriptions {
        1 => "Ordered, 1 subscription:".to_string(),
        n => format!("Ordered, {n} subscriptions:"),
    },
    order_later: |company, open, update, new_order| {
        let confirm = match update {
            Some(update) => format!(", confirm the customer's acceptance with Update ({update})"),
            None => String::new(),
        };
        format!("{company} was created all the same. To order the subscriptions below, select Done, open its Account ({open}){confirm}, then New order ({new_order}).")
    },
    nothing_ordered: "Nothing was ordered.",
    would_order_none: "Submit would create the customer but order none of these subscriptions.",
    confirm_first_or_take_out: "To order them with it, confirm the customer's acceptance first (Update beside Not confirmed); or take them out (Update under Subscriptions).",
    take_out_and_order_later: "Take them out (Update under Subscriptions), and order them from the customer's Account once the confirmation it needs is recorded.",
};
