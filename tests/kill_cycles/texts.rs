//! What the commands take and what they print.

use super::workload::AGREED;
use serde_json::json;
use std::collections::HashSet;

/// The line numbers an import reported as created, from whole lines of its output.
pub fn created_lines(stdout: &str) -> HashSet<usize> {
    stdout
        .split_inclusive('\n')
        .filter(|line| line.ends_with('\n'))
        .filter_map(|line| {
            let rest = line.strip_prefix("line ")?;
            let (number, what) = rest.split_once(": ")?;
            what.starts_with("created: ").then(|| number.parse().ok())?
        })
        .collect()
}

/// A new customer with its confirmation, as `customers create` takes it.
pub fn customer_body(tag: &str, cycle: usize, email: &str) -> String {
    json!({
        "companyProfile": {"domain": format!("killcycle{tag}n{cycle}.onmicrosoft.com")},
        "billingProfile": {
            "companyName": format!("Kill Cycle {cycle} Ltd."),
            "email": format!("owner.{cycle}@killcycles.example"),
            "culture": "en-US",
            "language": "en",
            "firstName": "Ada",
            "lastName": "Lovelace",
            "defaultAddress": {
                "country": "GB",
                "addressLine1": "1 Cycle Street",
                "city": "London",
                "state": "London",
                "postalCode": "N1 9GU",
                "firstName": "Ada",
                "lastName": "Lovelace",
                "phoneNumber": "+44 20 7946 0000"
            }
        },
        "agreement": {
            "primaryContact": {"firstName": "Grace", "lastName": "Hopper", "email": email},
            "dateAgreed": format!("{AGREED}T00:00:00Z"),
            "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
            "type": "MicrosoftCloudAgreement"
        }
    })
    .to_string()
}
