//! `agreements create` given hostile flags.

use crate::binary::*;
use crate::{assert_printable, create_agreement, pasted_page};

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
        assert!(description.contains("email: "), "{description}");
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
