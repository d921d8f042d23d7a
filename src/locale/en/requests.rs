use super::terms::TERMS;
use crate::domain::agreement::AgreementKind;
use crate::domain::characters::quote;
use crate::locale::words::{BodyProblem, BodySource, IoTrouble, RequestBody, RequestWords};
use std::io::ErrorKind;

/// `998b88de-… (MicrosoftCloudAgreement) and 117a77b0-… (MicrosoftCustomerAgreement)`.
fn known_templates() -> String {
    let known: Vec<String> = AgreementKind::ALL
        .iter()
        .map(|kind| format!("{} ({})", kind.template_id(), kind.type_name()))
        .collect();
    known.join(" and ")
}

fn source(from: &BodySource) -> &str {
    match from {
        BodySource::StandardInput => "standard input",
        BodySource::File(path) => path,
        BodySource::Request => "the request",
    }
}

fn body_field(problem: &BodyProblem) -> String {
    match problem {
        BodyProblem::Field(problem) => problem.to_string(),
        BodyProblem::OnlySupported(expected) => format!("Only {expected} is supported."),
        BodyProblem::OtherContactName => "A customer has one primary contact: give the same name as in billingProfile.defaultAddress, or leave this out.".into(),
        BodyProblem::NotDateNorTimestamp(value) => format!(
            "'{}' is neither a date nor a timestamp; use for example 2018-09-14 or 2018-09-14T00:00:00Z.",
            quote(value)
        ),
        BodyProblem::TypeMissing => format!(
            "The agreement type is missing: add \"type\": {}.",
            TERMS.quoted_types()
        ),
        BodyProblem::TypeUnknown(type_name) => format!(
            "'{}' is not an agreement type: use {}.",
            quote(type_name),
            TERMS.quoted_types()
        ),
        BodyProblem::TemplateMissing => format!(
            "The template ID is missing: add \"templateId\" with the template of the agreement accepted, {}; `pcenter agreements templates --type '*'` lists them.",
            known_templates()
        ),
        BodyProblem::TemplateUnknown(template_id) => format!(
            "No agreement template has the ID '{}'. The known templates are {}; `pcenter agreements templates --type '*'` lists them.",
            quote(template_id),
            known_templates()
        ),
    }
}

fn cannot_write_file(path: &str, parent: &str, trouble: &IoTrouble) -> String {
    let reason = match trouble.kind {
        ErrorKind::NotFound => format!("the directory {parent} does not exist"),
        ErrorKind::IsADirectory => "it is a directory".to_string(),
        ErrorKind::NotADirectory => format!("{parent} is not a directory"),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => trouble.said.clone(),
    };
    format!(
        "Cannot write {path}: {reason}. Name a file in an existing directory, or - for standard output."
    )
}

pub const REQUESTS: RequestWords = RequestWords {
    quantities_per_offer: |offers, quantities| {
        format!("Give one --quantity for each --offer: this order has {offers} offer(s) and {quantities} quantity(ies).")
    },
    unknown_agreement_type: |typed, types| {
        format!(
            "Unknown agreement type '{}': use {}, or '*' for every type.",
            quote(typed),
            (TERMS.or_list)(types)
        )
    },
    filter_not_shaped: |shape| format!("The filter is not {shape}."),
    filter_field: |field| {
        format!(
            "The filter's Field is '{}': use CompanyName or Domain.",
            quote(field)
        )
    },
    filter_operator: |operator| {
        format!(
            "The filter's Operator is '{}': use starts_with.",
            quote(operator)
        )
    },
    filter_no_value: |shape| format!("The filter has no Value: {shape}."),
    page_too_large: |max| {
        format!("A page holds at most {max} customers; ask for size={max} or less and follow links.next.")
    },
    unknown_continuation_token:
        "The MS-ContinuationToken is not one this server gave; start again without it.",
    body_unreadable: |from, trouble| {
        format!("Cannot read the JSON body from {from}: {}.", trouble.said)
    },
    body_too_large: |from, mib| {
        format!("The JSON body from {from} is larger than {mib} MiB; a body is a few KB. Check that {from} is the body.")
    },
    body_not_utf8: |from| format!("The JSON body from {from} is not UTF-8 text; save it as UTF-8."),
    key_twice: |name, first, again| {
        let both = if first == again {
            format!("'{}' both times", quote(again))
        } else {
            format!("'{}' and '{}'", quote(first), quote(again))
        };
        format!("The body gives '{name}' twice in one object ({both}); keep one.")
    },
    customer_body_not_json: |detail| format!("The Customer body is not valid JSON: {detail}."),
    agreement_body_empty: |from| {
        format!(
            "The Agreement body from {} is empty; send an Agreement object {{primaryContact, templateId, dateAgreed, type}}.",
            source(from)
        )
    },
    agreement_body_invalid: |from, valid_json, detail| {
        let what = if valid_json {
            "is not a valid Agreement"
        } else {
            "is not valid JSON"
        };
        format!("The Agreement body from {} {what}: {detail}.", source(from))
    },
    request_body_invalid: |body, valid_json, detail| {
        let what = match body {
            RequestBody::Order => "Order",
            RequestBody::Subscription => "Subscription",
        };
        let kind = if valid_json {
            format!("is not a valid {what}")
        } else {
            "is not valid JSON".to_string()
        };
        format!("The {what} body of the request {kind}: {detail}.")
    },
    no_line_items: "The Order body has no line items; give lineItems [{offerId, quantity}, …].",
    line_item_number: |at, number| {
        format!("lineItems[{at}].lineItemNumber is {number}: number the line items 0, 1, 2 … in the order they are given, or leave the numbers out.")
    },
    friendly_name_control: |at| {
        format!("lineItems[{at}].friendlyName: A friendly name is one line of text; this one holds a control character.")
    },
    friendly_name_too_long: |at, max, length| {
        format!("lineItems[{at}].friendlyName: A friendly name has at most {max} characters; this one has {length}.")
    },
    billing_cycle_not_monthly: |cycle, monthly| {
        format!(
            "billingCycle: '{}' cannot be ordered: the offers here are billed monthly: give \"{monthly}\" or leave billingCycle out.",
            quote(cycle)
        )
    },
    billing_cycle_unknown: |cycle, known| {
        format!(
            "billingCycle: '{}' cannot be ordered: Partner Center's billing cycles are {}, and the offers here are billed monthly.",
            quote(cycle),
            known.join(", ")
        )
    },
    subscription_changes_nothing:
        "The Subscription body changes nothing; give quantity, autoRenewEnabled or both.",
    body_field,
    cannot_write_file,
    cannot_write_output: |trouble| {
        format!(
            "Cannot write the output: {}. Whatever the command saved in the store is saved; only what it printed is lost.",
            trouble.said
        )
    },
    partner_while_open: |partner| {
        format!(
            "The partner's name can be changed only when the store is not open elsewhere: it is '{}' while the store is open. Run the command without --partner, or close the dashboard first and run it again.",
            quote(partner)
        )
    },
    agent_name: |problem| problem.to_string(),
    agent_role_missing: |name| {
        format!("Give the role of {name}: --role admin-agent, sales-agent or helpdesk-agent.")
    },
    key_of_another: |fingerprint, agent| {
        format!("The key {fingerprint} already signs in {agent}; a key signs in one agent only.")
    },
    keys_change_nothing:
        "Say what to change: --add FILE (a public key file) or --remove FILE|FINGERPRINT.",
    agent_has_no_key: |agent, fingerprint| {
        format!("{agent} has no key {fingerprint}; pcenter agents list --format table shows its keys' count, agents list its keys.")
    },
    no_random_bytes: |detail| {
        format!("The system gave no random bytes for a token ({detail}); try again.")
    },
    key_file_unreadable: |file, trouble| {
        format!("Cannot read the key file {file}: {}.", trouble.said)
    },
    key_file_line: |line, file, detail| {
        format!("Line {line} of {file}: it is not an OpenSSH public key line (ssh-ed25519 AAAA… comment): {detail}. Give the public key (.pub), never the private one.")
    },
    key_file_empty: |file| {
        format!("{file} holds no public key; give an OpenSSH .pub file (ssh-keygen -t ed25519 makes one).")
    },
    generate_too_many: |most| format!("generate makes at most {most} customers; ask for fewer."),
    generate_store_not_empty: |store| {
        format!("The store at {store} already holds customers; generated customers go only into an empty store. Choose another --data-dir.")
    },
};
