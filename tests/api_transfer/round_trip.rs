//! Export, then import of that export, on 10,000 customers: every row is unchanged or skipped,
//! and the store is exactly as it was.

use crate::*;
use binary::csv_fields;
use chrono::{DateTime, NaiveDate, Utc};
use pcenter::domain::agreement::{Channel, Confirmation, Contact, MCA_TEMPLATE_ID, MCA_TYPE};
use pcenter::domain::cloud::Cloud;
use pcenter::domain::customer::{Address, Customer};
use pcenter::store::{format_guid, mix64, Snapshot};

const CUSTOMERS: usize = 10_000;

const FIRST_NAMES: [&str; 6] = ["Ada", "Zoë", "민준", "O'Brien", "José María", "Ngozi"];
const LAST_NAMES: [&str; 5] = [
    "Lovelace",
    "Müller, Jr.",
    "\"Kiki\" Okafor",
    "van der Berg",
    "김",
];

fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

fn contact(i: usize, variant: usize) -> Contact {
    Contact {
        first_name: FIRST_NAMES[(i + variant) % FIRST_NAMES.len()].to_string(),
        last_name: LAST_NAMES[(i / 7 + variant) % LAST_NAMES.len()].to_string(),
        email: format!("user{i}.{variant}@tenant{i:05}.com"),
        phone: i
            .is_multiple_of(2)
            .then(|| format!("+1 (425) 555-{:04}", i % 10_000)),
    }
}

fn confirmation(
    id: &str,
    who: Contact,
    date: NaiveDate,
    recorded_at: DateTime<Utc>,
) -> Confirmation {
    Confirmation {
        customer_id: id.to_string(),
        accepted_by: who,
        date_agreed: date,
        agreement_type: MCA_TYPE.to_string(),
        template_id: MCA_TEMPLATE_ID.to_string(),
        recorded_by: "Megan Bowen".to_string(),
        recorded_at,
        channel: Channel::Account,
    }
}

/// Customers with mixed-language names; 70% confirmed, some with older or same-day earlier
/// acceptances; every 97th in a national cloud, never confirmed. Returns the snapshot and how many rows the export fills.
fn many_customers() -> (Snapshot, usize) {
    let base = NaiveDate::from_ymd_opt(2018, 8, 7).unwrap();
    let mut snapshot = Snapshot::default();
    let mut exported = 0;
    for i in 0..CUSTOMERS {
        let id = format_guid(mix64(i as u64), mix64(!(i as u64)));
        let cloud = if i.is_multiple_of(97) {
            Cloud::Germany
        } else {
            Cloud::Public
        };
        let created = at(base, 9);
        snapshot.customers.push(Customer {
            id: id.clone(),
            company_name: format!("{} {i:05}, Ltd.", LAST_NAMES[i % LAST_NAMES.len()]),
            domain: format!("tenant{i:05}.onmicrosoft.com"),
            cloud,
            address: Address {
                country: "US".into(),
                line1: "1 Microsoft Way".into(),
                line2: None,
                city: "Redmond".into(),
                state: "WA".into(),
                postal_code: "98052".into(),
            },
            primary_contact: contact(i, 0),
            created_at: created,
            created_by: "Megan Bowen".into(),
        });
        // A customer in a national cloud cannot be confirmed.
        if i % 10 >= 7 || cloud != Cloud::Public {
            continue;
        }
        let day = base + chrono::Days::new((i % 90) as u64);
        if i.is_multiple_of(3) {
            // An older acceptance, recorded after the current one.
            let older = day - chrono::Days::new(1);
            let late = at(day, 23);
            snapshot
                .confirmations
                .push(confirmation(&id, contact(i, 1), older, late));
        }
        if i.is_multiple_of(5) {
            // The same day, recorded earlier: the later recording is current.
            snapshot
                .confirmations
                .push(confirmation(&id, contact(i, 2), day, at(day, 8)));
        }
        snapshot
            .confirmations
            .push(confirmation(&id, contact(i, 0), day, at(day, 12)));
        exported += 1;
    }
    (snapshot, exported)
}

#[test]
fn export_then_import_of_10000_customers_leaves_the_store_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (snapshot, confirmed) = many_customers();
    seed(dir.path(), &snapshot);
    let before = load(dir.path());
    assert_eq!(before, snapshot);

    let file = dir.path().join("agreements.csv");
    let export = run(dir.path(), &["agreements", "export", "--out", arg(&file)]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), 1 + CUSTOMERS);
    let row = text
        .lines()
        .find(|l| l.contains(",tenant00015.onmicrosoft.com,"))
        .unwrap();
    assert!(
        row.ends_with(",2018-08-22,O'Brien,\"\"\"Kiki\"\" Okafor\",,user15.0@tenant00015.com,MicrosoftCloudAgreement"),
        "{row}"
    );

    let import = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    assert_eq!(stderr(&import), "", "no progress bar without a terminal");
    let said = stdout(&import);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines.len(),
        CUSTOMERS + 1,
        "one line per row, then the summary"
    );
    let (mut unchanged, mut skipped) = (0, 0);
    for (i, (line, row)) in lines.iter().zip(text.lines().skip(1)).enumerate() {
        let domain = &csv_fields(row)[1];
        if line.starts_with(&format!("line {}: unchanged: ", i + 2)) {
            assert!(
                line.ends_with(&format!(
                    " ({domain}), the same contact is already confirmed"
                )),
                "{line}"
            );
            unchanged += 1;
        } else {
            assert_eq!(
                *line,
                format!("line {}: skipped: no confirmation details", i + 2)
            );
            skipped += 1;
        }
    }
    assert_eq!((unchanged, skipped), (confirmed, CUSTOMERS - confirmed));
    assert_eq!(
        lines[CUSTOMERS],
        format!(
            "Imported {}: 0 created, {confirmed} unchanged, {} skipped, 0 rejected",
            file.display(),
            CUSTOMERS - confirmed
        )
    );
    assert!(confirmed > CUSTOMERS * 6 / 10, "{confirmed}");
    assert_eq!(load(dir.path()), before);
}
