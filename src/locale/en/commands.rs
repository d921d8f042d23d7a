//! The commands' lines for people, in English: exactly as pcenter printed them before it spoke
//! Korean, so scripts and tests that read them see no change.

use crate::domain::characters::quote;
use crate::domain::status::label_with;
use crate::locale::words::{CommandWords, ComplianceCounts, ImportCounts};

/// "Tenant ID", "Tenant ID and Subscriptions", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What to do to have the store back from its owner.
fn end_owner(server: bool) -> &'static str {
    if server {
        "Stop that server"
    } else {
        "Close that dashboard"
    }
}

fn import_counts(counts: &ImportCounts) -> String {
    let created = if counts.dry_run {
        format!("would create {}", counts.created)
    } else {
        format!("{} created", counts.created)
    };
    format!(
        "{created}, {} unchanged, {} skipped, {} rejected",
        counts.unchanged, counts.skipped, counts.rejected
    )
}

fn compliance_summary(c: &ComplianceCounts) -> String {
    format!(
        "{} customers: {} confirmed, {} not confirmed, {} not supported; {} blocked on {} ({} phase).",
        c.customers,
        c.confirmed,
        c.not_confirmed,
        c.not_supported,
        c.blocked,
        c.date,
        c.phase.label()
    )
}

pub const COMMANDS: CommandWords = CommandWords {
    other_type_hint: |type_name| format!(" In this file, that is the Type {type_name}."),
    status: label_with,
    cloud: |cloud| cloud.short_label(),
    no_such_customer: |named| {
        format!(
            "No customer has the tenant ID, primary domain or domain prefix '{}'.",
            quote(named)
        )
    },
    tenant_id: "Tenant ID",
    company_name: "Company name",
    primary_domain: "Primary domain",
    cloud_column: "Cloud",
    cloud_agreement: "Microsoft cloud agreement",
    agreement_confirmed: "Agreement confirmed",
    agreement_short: "Agreement",
    subscriptions: "Subscriptions",
    subscriptions_short: "Subs",
    customers_count: |n| plural(n, "customer", "customers"),
    no_customers_yet: "No customers yet. Create one with pcenter customers create --json FILE (see assets/customer.sample.json), or try every command on sample customers with --demo.",
    no_customers_match: "No customers match.",
    subscription_id: "Subscription ID",
    offer: "Offer",
    seats: "Seats",
    subscription_status: "Status",
    auto_renew: "Auto-renew",
    auto_renew_short: "Renew",
    offer_id: "Offer ID",
    subscription_state: |status| status.label(),
    on: "On",
    off: "Off",
    subscriptions_count: |n| plural(n, "subscription", "subscriptions"),
    no_subscriptions: "No subscriptions.",
    category: "Category",
    billing: "Billing",
    max_seats: "Max seats",
    seat_based: "seat-based",
    usage_based: "usage-based",
    offers_count: |n| plural(n, "offer", "offers"),
    no_offers: "No offers.",
    accepted_by: "Accepted by",
    email: "Email",
    date_agreed: "Date agreed",
    date_short: "Date",
    new_orders: "New orders",
    new_orders_short: "Orders",
    seat_changes: "Seat changes",
    seat_changes_short: "Seats",
    api_gate: "API orders and seats",
    api_gate_short: "API",
    blocked: "Blocked",
    allowed: "Allowed",
    orders_blocked: "Orders blocked",
    seats_blocked: "Seats blocked",
    compliance_summary,
    left_out: |names| format!("{} left out", and_list(names)),
    cut_short: "long values cut short with …",
    fitted: |width, what| {
        format!(
            "Fitted to {width} columns ({}): widen the terminal, or pipe the output or use --format csv, to see every column whole.",
            what.join(", ")
        )
    },
    agent_name: "Name",
    role: "Role",
    object_id: "Object ID",
    added: "Added",
    role_of: |role| role.cli_name(),
    agents_count: |n| plural(n, "agent", "agents"),
    no_agents: "No agents yet. Add one with pcenter agents add NAME --role ROLE.",
    reading: |path| format!("Reading {path}…"),
    import_created: |line, customer, dry_run| {
        let verb = if dry_run { "would be created" } else { "created" };
        format!("line {line}: {verb}: {customer}")
    },
    import_kept: |date| format!(", kept in the history: the confirmation of {date} stays current"),
    import_unchanged: |line, customer, why| format!("line {line}: unchanged: {customer}, {why}"),
    import_skipped: |line| format!("line {line}: skipped: no confirmation details"),
    import_rejected: |line, reason| format!("line {line}: rejected: {reason}"),
    import_counts,
    imported: |path, counts| format!("Imported {path}: {counts}"),
    dry_run_of: |path, counts| format!("Dry run of {path}: {counts} (nothing was written)"),
    stopped_reading: "Stopped reading the file. ",
    stopped_at: |line| format!("Stopped at line {line}. "),
    rows_done: |done, total| format!("{done} of {total} rows"),
    exported: |customers, confirmed, path| {
        format!("Exported {customers} customers ({confirmed} with a confirmation) to {path}")
    },
    no_cloud_agreement_template: |date| {
        format!("no Microsoft Cloud Agreement template on {date}: it was retired after January 31, 2020. Ask for --type MicrosoftCustomerAgreement, or --type '*' for every type.")
    },
    backed_up: |customers, path| format!("Backed up {customers} customers to {path}"),
    restored: |r| {
        format!(
            "Restored {} customers ({} confirmations, {} orders, {} subscriptions) from {} into {}",
            r.customers, r.confirmations, r.orders, r.subscriptions, r.from, r.into
        )
    },
    kept_aside: |path| format!("The store that was there is kept, unchanged, at {path}"),
    generated: |g| {
        format!(
            "Generated {} customers ({} confirmed, {} not confirmed, {} in national clouds, {} subscriptions) in {}",
            g.customers, g.confirmed, g.not_confirmed, g.national, g.subscriptions, g.store
        )
    },
    owner: |server, agent, pid, since| {
        let what = if server { "the pcenter server" } else { "the dashboard" };
        format!("{what} of {agent} (process {pid}, since {since})")
    },
    open_elsewhere: |store, owner, server| {
        format!(
            "The pcenter store at {store} is open in {owner}. {} first, or choose another --data-dir.",
            end_owner(server)
        )
    },
    needs_alone: |store, owner, command, server| {
        format!(
            "The pcenter store at {store} is open in {owner}, and {command} needs the store alone. {} first, then run {command} again.",
            end_owner(server)
        )
    },
    needs_terminal: "the dashboard needs an interactive terminal (stdin and stdout must be a tty).",
};
