use crate::backup::{BackupReader, Damage};
use crate::domain::{agreement::Channel, cloud::Cloud};
use crate::store::test_data::{confirmation, customer_in, seat_order, seat_subscription};
use crate::store::Dossier;

const HEADER: &str = r#"{"format":"pcenter-backup","version":1,"schema":3,"partner":"Fabrikam","customers":2,"written":"2018-11-14T10:30:00Z"}"#;
const CLOSING: &str = r#"{"end":"pcenter-backup","customers":2}"#;

fn line_of(dossier: &Dossier) -> String {
    serde_json::to_string(dossier).unwrap()
}

fn two_customers() -> [String; 2] {
    let mut first = Dossier::new(customer_in("c1", "alpha", Cloud::Public));
    first
        .confirmations
        .push(confirmation("c1", "2018-09-14T09:30:00Z", Channel::Account));
    let order = seat_order("o1", "c1");
    first.subscriptions.push(seat_subscription("s1", &order, 5));
    first.orders.push(order);
    let second = Dossier::new(customer_in("c2", "beta", Cloud::Public));
    [line_of(&first), line_of(&second)]
}

/// Reads a whole backup; the first problem, if any.
fn read(text: &str) -> Result<Vec<Dossier>, Damage> {
    let mut reader = BackupReader::open(text.as_bytes())?;
    let mut dossiers = vec![];
    while let Some(dossier) = reader.next_dossier()? {
        dossiers.push(dossier);
    }
    Ok(dossiers)
}

fn refusal(text: &str) -> (u64, String) {
    let damage = read(text).unwrap_err();
    (damage.line, damage.what())
}

fn file(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn a_whole_backup_reads_back_with_its_tally() {
    let [a, b] = two_customers();
    let text = file(&[HEADER, &a, &b, CLOSING]);
    let mut reader = BackupReader::open(text.as_bytes()).unwrap();
    assert_eq!(reader.header().partner.as_deref(), Some("Fabrikam"));
    let mut ids = vec![];
    while let Some(dossier) = reader.next_dossier().unwrap() {
        ids.push(dossier.customer.id);
    }
    assert_eq!(ids, ["c1", "c2"]);
    let tally = reader.tally();
    assert_eq!(
        (
            tally.customers,
            tally.confirmations,
            tally.orders,
            tally.subscriptions
        ),
        (2, 1, 1, 1)
    );
    // Read to the end, it stays at the end; CRLF line breaks and a final blank line are fine.
    assert_eq!(reader.next_dossier(), Ok(None));
    assert_eq!(read(&text.replace('\n', "\r\n")).unwrap().len(), 2);
    assert_eq!(read(&format!("{text}\n")).unwrap().len(), 2);
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_on_line_1() {
    let (line, what) = refusal("");
    assert_eq!(
        (line, what.as_str()),
        (1, "the file is empty, so it is not a pcenter backup")
    );
    let (line, what) = refusal("TenantId,Domain,Date\n");
    assert_eq!(line, 1);
    assert!(what.starts_with("this is not a pcenter backup"), "{what}");
    assert!(what.contains("column 1"), "{what}");
    let other = HEADER.replace("pcenter-backup", "other-backup");
    let (_, what) = refusal(&file(&[&other, CLOSING]));
    assert!(what.contains("its format is 'other-backup'"), "{what}");
}

#[test]
fn a_partner_name_the_store_would_refuse_is_refused_on_line_1() {
    let hostile = HEADER.replace("Fabrikam", "Fabrikam\\u001b]0;owned\\u0007");
    let (line, what) = refusal(&file(&[&hostile, CLOSING]));
    assert_eq!(line, 1);
    assert!(
        what.contains("partner's name") && what.contains("U+001B"),
        "{what}"
    );
}

#[test]
fn a_newer_format_or_schema_is_refused_with_what_to_do() {
    let (line, what) = refusal(&file(
        &[&HEADER.replace(r#""version":1"#, r#""version":2"#)],
    ));
    assert_eq!(line, 1);
    assert_eq!(what, "this backup is in format version 2, and this pcenter reads up to version 1; restore it with a newer pcenter");
    let (_, what) = refusal(&file(&[&HEADER.replace(r#""schema":3"#, r#""schema":6"#)]));
    assert!(what.contains("store schema version 6"), "{what}");
    assert!(what.ends_with("restore it with a newer pcenter"), "{what}");
    let (_, what) = refusal(&file(
        &[&HEADER.replace(r#""version":1"#, r#""version":0"#)],
    ));
    assert_eq!(what, "format version 0 does not exist");
}

#[test]
fn a_damaged_record_is_refused_with_its_line_and_column() {
    let [a, b] = two_customers();
    let cut = &b[..b.len() / 2];
    let (line, what) = refusal(&file(&[HEADER, &a, cut, CLOSING]));
    assert_eq!(line, 3);
    assert!(
        what.starts_with("this is not a customer record: EOF while parsing"),
        "{what}"
    );
    assert!(what.contains("(at column "), "{what}");
    let (line, what) = refusal(&file(&[HEADER, &a, "", &b, CLOSING]));
    assert_eq!(line, 3);
    assert!(what.contains("EOF while parsing a value"), "{what}");
    let mut bytes = file(&[HEADER, &a, &b, CLOSING]).into_bytes();
    let at = bytes.iter().position(|&c| c == b'\n').unwrap() + 10;
    bytes[at] = 0xff;
    let damage = BackupReader::open(&bytes[..])
        .unwrap()
        .next_dossier()
        .unwrap_err();
    assert_eq!(
        (damage.line, damage.what().as_str()),
        (2, "this line is not UTF-8 text")
    );
}

#[test]
fn a_record_that_breaks_the_stores_rules_is_refused() {
    let [a, b] = two_customers();
    // A confirmation of another customer inside this one's record.
    let foreign = b.replacen(
        r#""confirmations":[]"#,
        &format!(
            r#""confirmations":[{}]"#,
            serde_json::to_string(&confirmation(
                "c1",
                "2018-09-14T09:30:00Z",
                Channel::Account
            ))
            .unwrap()
        ),
        1,
    );
    let (line, what) = refusal(&file(&[HEADER, &a, &foreign, CLOSING]));
    assert_eq!(
        (line, what.as_str()),
        (
            3,
            "the customer c2 cannot be restored: it holds a confirmation of another customer, c1"
        )
    );
    // Two subscriptions with one ID.
    let mut twice: Dossier = serde_json::from_str(&a).unwrap();
    twice.subscriptions.push(twice.subscriptions[0].clone());
    let (line, what) = refusal(&file(&[HEADER, &line_of(&twice), &b, CLOSING]));
    assert_eq!(line, 2);
    assert!(
        what.contains("the subscription ID s1 is given to two of its subscriptions"),
        "{what}"
    );
}

#[test]
fn a_file_cut_short_or_changed_after_writing_is_refused() {
    let [a, b] = two_customers();
    let (line, what) = refusal(&file(&[HEADER, &a, &b]));
    assert_eq!(line, 3);
    assert!(
        what.starts_with("the file ends after line 3 without its closing line"),
        "{what}"
    );
    let (line, what) = refusal(&file(&[HEADER, &a, CLOSING]));
    assert_eq!(line, 3);
    assert!(
        what.starts_with("the closing line counts 2 customers, but the file holds 1"),
        "{what}"
    );
    let one = CLOSING.replace(":2}", ":1}");
    let (_, what) = refusal(&file(&[HEADER, &a, &one]));
    assert!(
        what.starts_with("the header announces 2 customers, but the file holds 1"),
        "{what}"
    );
    let (line, what) = refusal(&file(&[HEADER, &a, &b, CLOSING, "", &a]));
    assert_eq!(line, 6);
    assert!(what.starts_with("text follows the closing line"), "{what}");
    let (line, what) = refusal(&file(&[
        HEADER,
        &a,
        &b,
        &CLOSING.replace("pcenter-backup", "x"),
    ]));
    assert_eq!(
        (line, what.as_str()),
        (4, "this closing line is not a pcenter backup's")
    );
}
