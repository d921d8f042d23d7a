use crate::locale::words::CustomersWords;

pub const CUSTOMERS: CustomersWords = CustomersWords {
    company_name: "Company name",
    primary_domain: "Primary domain",
    cloud: "Cloud",
    agreement_confirmed: "Agreement confirmed",
    cloud_agreement_status: "Microsoft cloud agreement status",
    cloud_agreement: "Microsoft cloud agreement",
    agreement_narrow: "Agreement",
    subscriptions: "Subscriptions",
    subscriptions_narrow: "Subs",
    filter_label: "Filter: ",
    filter_hint: |key| format!("Press {key} to filter by company name or domain"),
    loading: |loaded, total| format!("Loading {loaded} of {total} customers"),
    showing_page: |first, last, matching, total| {
        format!("{first}-{last} of {matching} ({total} customers)")
    },
    showing: |matching, total| format!("{matching} of {total} customers"),
    none_yet: |key| {
        format!("No customers yet. Press {key} for New customer, or quit and start pcenter --demo to try it on sample customers.")
    },
    none_match: |filter, key| {
        format!("No customer matches \"{filter}\". Press {key} to clear the filter.")
    },
    filter_note: |note| format!("Filter: {note}"),
    backing_up: "Backing up every customer of the store; the dashboard waits until it is written.",
    backed_up: |customers, path| format!("Backed up {customers} customers to {path}"),
    no_customers_to_act_on: |key| {
        format!("There are no customers yet: press {key} for New customer.")
    },
    no_match_to_act_on: |key| format!("No customer matches the filter: press {key} to clear it."),
};
