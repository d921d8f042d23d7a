//! Hostile values given to the commands, as a script or a careless paste would: empty and
//! whitespace-only values, 100 KB of text, control characters and text-direction marks,
//! impossible dates, malformed emails. Each gets a plain message naming the field; nothing is
//! written; no output carries a hidden character to the terminal.

mod binary;

use binary::*;
use pcenter::domain::characters::is_hidden;
use serde_json::json;

/// 100 KB of pasted text.
fn pasted_page() -> String {
    "Lorem ipsum dolor sit amet. ".repeat(100 * 1024 / 28)
}

/// Asserts that no output of the run can act on a terminal.
fn assert_printable(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let bad = text.chars().find(|c| is_hidden(*c) && *c != '\n');
        assert_eq!(bad, None, "{name} carries a hidden character: {run:?}");
    }
}

fn create_agreement(demo: &Demo, flags: &[(&str, &str)]) -> Run {
    let mut args = vec![
        "agreements",
        "create",
        "--customer",
        "northwindtraders.onmicrosoft.com",
    ];
    for (flag, value) in flags {
        args.extend([*flag, *value]);
    }
    demo.run(MANDATORY_DAY, &args)
}

#[test]
fn hostile_agreement_flags_are_refused_field_by_field_and_nothing_is_written() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let page = pasted_page();
    let run = create_agreement(
        &demo,
        &[
            ("--first-name", "\x1b[31mAda\x1b[0m"),
            ("--last-name", "Love\u{202E}ecalvoL"),
            ("--email", "ada\u{7}@northwindtraders.com"),
            ("--phone", &page),
            ("--date", "2018-11-01\u{200B}"),
        ],
    );
    assert_printable(&run);
    let description = run.refused(6, 400);
    for expected in [
        "first-name: First name cannot contain the control character U+001B; remove it.",
        "last-name: Last name cannot contain the text-direction mark U+202E; remove it.",
        "email: An email address cannot contain the control character U+0007; remove it.",
        "phone: A phone number can be at most 25 characters; this one has",
        "date: '2018-11-01\\u{200b}' is not a date in the form YYYY-MM-DD",
    ] {
        assert!(description.contains(expected), "{expected}\n{description}");
    }
    assert!(description.len() < 1_000, "the page is not repeated back");
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn empty_and_whitespace_only_flags_say_what_to_enter() {
    let demo = Demo::new();
    let run = create_agreement(
        &demo,
        &[
            ("--first-name", ""),
            ("--last-name", "   "),
            ("--email", "\u{3000}"),
            ("--date", " "),
        ],
    );
    let description = run.refused(6, 400);
    for expected in [
        "first-name: Enter the first name.",
        "last-name: Enter the last name.",
        "email: Enter the email address.",
        "date: Enter the date as YYYY-MM-DD",
    ] {
        assert!(description.contains(expected), "{expected}\n{description}");
    }
}

#[test]
fn impossible_dates_and_malformed_emails_each_get_a_clear_message() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    for (date, email, expected) in [
        (
            "2018-02-30",
            "ada@northwind",
            "2018-02-30 is not a real date: that month has 28 days.",
        ),
        (
            "18-9-1",
            "ada@@northwind.com",
            "'18-9-1' is not a date in the form YYYY-MM-DD",
        ),
        (
            "0001-01-01",
            "ada.@northwind.com",
            "0001-01-01 is before the Microsoft Cloud Agreement existed",
        ),
    ] {
        let run = create_agreement(
            &demo,
            &[
                ("--first-name", "Ada"),
                ("--last-name", "Lovelace"),
                ("--email", email),
                ("--date", date),
            ],
        );
        let description = run.refused(6, 400);
        assert!(description.contains(expected), "{expected}\n{description}");
        assert!(description.contains("email: The "), "{description}");
    }
    let future = create_agreement(
        &demo,
        &[
            ("--first-name", "Ada"),
            ("--last-name", "Lovelace"),
            ("--email", "ada@northwind.com"),
            ("--date", "9999-12-31"),
        ],
    );
    assert!(future
        .refused(6, 600002)
        .contains("cannot be greater than the current date"));
    assert_eq!(demo.snapshot(), before);
}

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
            "dateAgreed": "2018-02-30"
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
        "agreement.primaryContact.email: The part before the @",
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
fn orders_and_seat_changes_refuse_hostile_ids_and_quantities_plainly() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let contoso = "contosoelectronics.onmicrosoft.com";
    let hidden_offer = format!("\u{202E}{E3}");
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            contoso,
            "--offer",
            &hidden_offer,
            "--quantity",
            "5",
        ],
    );
    assert_printable(&run);
    assert!(
        run.refused(6, 800004)
            .contains("No offer has the ID \\u{202e}8BBCEA40"),
        "{run:?}"
    );
    let page = pasted_page();
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            &page,
            "--offer",
            E3,
            "--quantity",
            "5",
        ],
    );
    let description = run.refused(8, 404);
    assert!(description.len() < 200, "{description}");
    for quantity in ["12\u{1b}[2J", "99999999999", "-3", "", "\u{202E}7"] {
        let run = demo.run(
            MANDATORY_DAY,
            &[
                "subscriptions",
                "set-seats",
                "--customer",
                contoso,
                "--subscription",
                CONTOSO_E3,
                &format!("--quantity={quantity}"),
            ],
        );
        assert_eq!(run.code, Some(2), "{quantity:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "one plain line: {run:?}");
        assert!(run.stderr.contains("--quantity"), "{run:?}");
        assert_printable(&run);
    }
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            contoso,
            "--subscription",
            CONTOSO_E3,
            "--quantity",
            "0",
        ],
    );
    assert!(run.refused(6, 400).contains("Enter at least 1 seat."));
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            contoso,
            "--subscription",
            "\x1b]0;owned\x07",
            "--quantity",
            "3",
        ],
    );
    assert_printable(&run);
    assert!(run
        .refused(8, 404)
        .contains("No subscription has the ID \\u{1b}]0;owned\\u{7}."));
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn a_usage_error_repeating_a_page_prints_one_short_line() {
    let demo = Demo::new();
    let page = format!("{}\u{202E}", pasted_page());
    let run = demo.run(
        MANDATORY_DAY,
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            "x",
            "--subscription",
            "y",
            "--quantity",
            &page,
        ],
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1);
    assert!(run.stderr.len() < 500, "{}", run.stderr.len());
    assert!(run.stderr.contains("--quantity"), "{}", run.stderr);
    assert!(run.stderr.contains(" … "), "{}", run.stderr);
    assert_printable(&run);
}

#[test]
fn import_rows_of_hostile_values_are_rejected_by_line_and_the_report_stays_plain() {
    let demo = Demo::new();
    let before = demo.snapshot_after_seeding();
    let long_name = "x".repeat(100 * 1024);
    // One customer per row: a second row for the same customer is refused for that alone.
    let ids: Vec<&str> = before
        .customers
        .iter()
        .filter(|c| c.cloud.supports_confirmation())
        .map(|c| c.id.as_str())
        .collect();
    let rows = [
        "TenantId,Domain,Date,First Name,Last Name,Phone,Email".to_string(),
        format!(
            "{},,2018-11-01,\x1b[2JAda,Lovelace,,ada@contoso.com",
            ids[0]
        ),
        format!(
            "{},,2018-11-01,Ada,Love\u{202E}lace,,ada@contoso.com",
            ids[1]
        ),
        format!(
            "{},,2018-11-01,{long_name},Lovelace,,ada@contoso.com",
            ids[2]
        ),
        format!("{},,2018-02-30,Ada,Lovelace,,ada@contoso.com", ids[3]),
        format!("{},,0001-01-01,Ada,Lovelace,,ada@contoso.com", ids[4]),
        format!("{},,2018-11-01,Ada,Lovelace,,ada at contoso.com", ids[5]),
        ",\x1b]0;owned\x07.onmicrosoft.com,2018-11-01,Ada,Lovelace,,ada@contoso.com".to_string(),
    ];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.csv");
    std::fs::write(&file, rows.join("\r\n")).unwrap();
    let run = demo.run(
        MANDATORY_DAY,
        &["agreements", "import", file.to_str().unwrap()],
    );
    assert_eq!(run.code, Some(11), "{run:?}");
    assert_printable(&run);
    for expected in [
        "line 2: rejected: First Name: First name cannot contain the control character U+001B",
        "line 3: rejected: Last Name: Last name cannot contain the text-direction mark U+202E",
        "line 4: rejected: First Name: First name can be at most 50 characters; this one has 102400.",
        "line 5: rejected: Date: 2018-02-30 is not a real date",
        "line 6: rejected: Date: 0001-01-01 is before the Microsoft Cloud Agreement existed",
        "line 7: rejected: Email: An email address cannot contain spaces.",
        "line 8: rejected: unknown customer: no customer has the primary domain \\u{1b}]0;owned\\u{7}.onmicrosoft.com",
    ] {
        assert!(run.stdout.contains(expected), "{expected}\n{}", run.stdout);
    }
    assert!(
        run.stdout.len() < 4_000,
        "the long name is not repeated back"
    );
    assert_eq!(demo.snapshot(), before);
}

#[test]
fn values_stored_with_hidden_characters_print_escaped_in_json_and_replaced_in_tables() {
    let demo = Demo::new();
    let mut hostile = demo.snapshot_after_seeding().customers[0].clone();
    hostile.id = "0badc0de-0000-4000-8000-000000000001".into();
    hostile.domain = "legacy.onmicrosoft.com".into();
    hostile.company_name = "Legacy\u{202E} Corp\u{7f}\u{9b}2J\x1b[31m".into();
    hostile.primary_contact.first_name = "Bell\u{7}".into();
    demo.plant(&hostile);
    let show = demo.run(
        MANDATORY_DAY,
        &["customers", "show", "legacy.onmicrosoft.com"],
    );
    assert_printable(&show);
    let json = show.json();
    assert_eq!(
        json["companyProfile"]["companyName"], hostile.company_name,
        "the JSON means the same"
    );
    let table = demo.run(
        MANDATORY_DAY,
        &[
            "customers",
            "list",
            "--filter",
            "legacy",
            "--format",
            "table",
        ],
    );
    assert_printable(&table);
    assert!(
        table
            .stdout
            .contains("Legacy\u{FFFD} Corp\u{FFFD}\u{FFFD}2J\u{FFFD}[31m"),
        "{}",
        table.stdout
    );
}
