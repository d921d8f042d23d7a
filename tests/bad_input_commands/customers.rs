//! `customers create` given a body of hostile values.

use crate::binary::*;
use crate::{assert_printable, pasted_page};
use serde_json::json;

#[test]
fn a_customer_body_of_hostile_values_names_every_field_and_creates_nothing() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let page = pasted_page();
    let body = json!({
        "companyProfile": {"domain": "evil\u{202E}corp"},
        "billingProfile": {
            "companyName": page,
            "email": "  ",
            "defaultAddress": {
                "country": "U\u{7}S",
                "addressLine1": "1 Main St\r\nDROP",
                "addressLine2": "\t",
                "city": "",
                "state": "W\u{85}A",
                "postalCode": "98052\u{0}",
                "firstName": "山田",
                "lastName": "太郎\u{2066}",
                "phoneNumber": "+1 425 555 0100\u{1b}"
            }
        },
        "agreement": {
            "primaryContact": {"firstName": "Zoe\u{308}", "lastName": "🙂", "email": "zoe@@x.com"},
            "dateAgreed": "2018-02-30",
            "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
            "type": "MicrosoftCloudAgreement"
        }
    });
    let run = demo.run_with_input(
        MANDATORY_DAY,
        &["customers", "create", "--json", "-"],
        &body.to_string(),
    );
    assert_printable(&run);
    let description = run.refused(6, 400);
    for expected in [
        "companyProfile.domain: A domain prefix holds only letters a-z and digits 0-9; remove '\\u{202e}'.",
        "billingProfile.companyName: Company name can be at most 100 characters; this one has",
        "billingProfile.email: Enter the email address.",
        "billingProfile.defaultAddress.country: 'U\\u{7}S' is not a country/region code",
        "billingProfile.defaultAddress.addressLine1: Address line 1 cannot contain a line break (U+000D)",
        "billingProfile.defaultAddress.city: Enter the city.",
        "billingProfile.defaultAddress.state: State/province cannot contain a line break (U+0085)",
        "billingProfile.defaultAddress.postalCode: Postal code cannot contain the control character U+0000",
        "billingProfile.defaultAddress.lastName: Last name cannot contain the text-direction mark U+2066",
        "billingProfile.defaultAddress.phoneNumber: A phone number cannot contain the control character U+001B",
        "agreement.primaryContact.email: An email address has one @; this one has 2.",
        "agreement.dateAgreed: 2018-02-30 is not a real date",
    ] {
        assert!(description.contains(expected), "{expected}\n{description}");
    }
    for accepted in [
        "billingProfile.defaultAddress.firstName",
        "addressLine2",
        "agreement.primaryContact.firstName",
        "agreement.primaryContact.lastName",
    ] {
        assert!(
            !description.contains(accepted),
            "{accepted} is valid: {description}"
        );
    }
    assert!(description.len() < 2_000, "the page is not repeated back");
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn a_body_past_a_mebibyte_or_without_end_is_refused_without_being_read_whole() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    // One byte past the limit on standard input (all of it is read, so the pipe stays whole),
    // then a file of twice the limit.
    let past = " ".repeat((1 << 20) + 1);
    let create = ["customers", "create", "--json", "-"];
    let description = demo
        .run_with_input(MANDATORY_DAY, &create, &past)
        .refused(6, 400);
    assert!(description.contains("larger than 1 MiB"), "{description}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("body.json");
    std::fs::write(&file, " ".repeat(2 << 20)).unwrap();
    let from_file = ["customers", "create", "--json", file.to_str().unwrap()];
    let description = demo.run(MANDATORY_DAY, &from_file).refused(6, 400);
    assert!(description.contains("larger than 1 MiB"), "{description}");
    let endless = ["customers", "create", "--json", "/dev/zero"];
    let description = demo.run(MANDATORY_DAY, &endless).refused(6, 400);
    assert!(description.contains("larger than 1 MiB"), "{description}");
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep = demo.run_with_input(
        MANDATORY_DAY,
        &["customers", "create", "--json", "-"],
        &nested,
    );
    deep.refused(6, 400);
    assert_eq!(demo.snapshot(), before);
}
