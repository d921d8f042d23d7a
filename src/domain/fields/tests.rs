use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn names_are_required_and_trimmed() {
    assert_eq!(person_name("First name", "  Ada "), Ok("Ada".into()));
    assert_eq!(
        person_name("First name", "   ").map_err(String::from),
        Err("Enter the first name.".into())
    );
    assert_eq!(
        person_name("Last name", "").map_err(String::from),
        Err("Enter the last name.".into())
    );
}

#[test]
fn names_have_a_maximum_length_that_the_message_states() {
    let long = "x".repeat(NAME_MAX + 1);
    let err = person_name("First name", &long).unwrap_err().to_string();
    assert!(err.contains("at most 50"), "{err}");
    assert!(person_name("First name", &"x".repeat(NAME_MAX)).is_ok());
}

#[test]
fn names_keep_accents_and_wide_characters() {
    assert_eq!(person_name("Last name", "김민준"), Ok("김민준".into()));
    assert_eq!(person_name("First name", "Zoë"), Ok("Zoë".into()));
}

#[test]
fn well_formed_emails_are_accepted() {
    for ok in [
        "ada@contoso.com",
        "first.last+tag@mail.contoso.co.uk",
        "o'brien@fabrikam.ie",
        " padded@contoso.com ",
    ] {
        assert!(email(ok).is_ok(), "{ok}");
    }
    assert_eq!(email(" a@b.io "), Ok("a@b.io".into()));
}

#[test]
fn malformed_emails_are_rejected_with_a_reason() {
    for (bad, fragment) in [
        ("", "Enter the email"),
        ("ada.contoso.com", "needs an @"),
        ("ada@", "domain after the @"),
        ("@contoso.com", "before the @"),
        ("ada@contoso", "domain after the @"),
        ("ada@contoso.c", "domain after the @"),
        ("ada lovelace@contoso.com", "spaces"),
        ("ada..l@contoso.com", "before the @"),
        ("ada@-contoso.com", "domain after the @"),
        ("ada@contoso..com", "domain after the @"),
        ("ada@@contoso.com", "has one @; this one has 2"),
        ("a@b@contoso.com", "has one @; this one has 2"),
        ("ada@", "Enter the domain after the @"),
        ("@contoso.com", "Enter the name before the @"),
    ] {
        let err = email(bad).unwrap_err().to_string();
        assert!(err.contains(fragment), "{bad}: {err}");
    }
}

#[test]
fn phone_is_optional_but_checked_when_given() {
    assert_eq!(optional_phone(""), Ok(None));
    assert_eq!(optional_phone("   "), Ok(None));
    assert_eq!(
        optional_phone("+1 (425) 555-0100"),
        Ok(Some("+1 (425) 555-0100".into()))
    );
    assert_eq!(
        optional_phone("02.12.34.56.78"),
        Ok(Some("02.12.34.56.78".into()))
    );
}

#[test]
fn phone_rejects_letters_and_wrong_digit_counts() {
    assert!(optional_phone("555-CALL-NOW")
        .unwrap_err()
        .to_string()
        .contains("remove 'C'"));
    assert!(optional_phone("123456")
        .unwrap_err()
        .to_string()
        .contains("this one has 6"));
    assert!(optional_phone("1234567").is_ok());
    assert!(optional_phone("123456789012345").is_ok());
    assert!(optional_phone("1234567890123456")
        .unwrap_err()
        .to_string()
        .contains("16"));
}

#[test]
fn dates_must_be_real_and_in_iso_form() {
    assert_eq!(calendar_date("2018-09-14"), Ok(d("2018-09-14")));
    assert!(calendar_date("2018-02-30")
        .unwrap_err()
        .to_string()
        .contains("28 days"));
    assert!(calendar_date("2020-02-30")
        .unwrap_err()
        .to_string()
        .contains("29 days"));
    assert!(calendar_date("2018-13-01")
        .unwrap_err()
        .to_string()
        .contains("01 to 12"));
    assert!(calendar_date("18-9-1")
        .unwrap_err()
        .to_string()
        .contains("YYYY-MM-DD"));
    assert!(calendar_date("14/09/2018")
        .unwrap_err()
        .to_string()
        .contains("YYYY-MM-DD"));
    assert!(calendar_date("")
        .unwrap_err()
        .to_string()
        .contains("Enter the date"));
}

#[test]
fn acceptance_date_cannot_be_in_the_future() {
    let today = d("2018-09-14");
    assert_eq!(acceptance_date("2018-09-14", today), Ok(today));
    assert_eq!(acceptance_date("2018-01-02", today), Ok(d("2018-01-02")));
    let err = acceptance_date("2018-09-15", today)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("You cannot set this to a future date"),
        "{err}"
    );
    assert!(err.contains("2018-09-14"), "{err}");
}

/// What a person can paste or type into any text field.
const HOSTILE: [&str; 9] = [
    "\x1b[31mRed\x1b[0m",
    "Bell\x07",
    "Carriage\rReturn",
    "Tab\tbed",
    "Nul\0",
    "Del\x7f",
    "C1\u{9b}31m",
    "Evil\u{202E}gnp.exe",
    "Zero\u{200B}width",
];

#[test]
fn every_text_check_refuses_hidden_characters_naming_them() {
    for value in HOSTILE {
        for result in [
            person_name("First name", value).map(drop),
            required_text("City", value, 100).map(drop),
            optional_text("Address line 2", value, 200).map(drop),
            email(&format!("{value}@contoso.com")).map(drop),
            optional_phone(&format!("425{value}5550100")).map(drop),
        ] {
            let message = result.expect_err(value).to_string();
            assert!(
                message.contains("U+") || message.contains("a tab"),
                "{value:?}: {message}"
            );
            assert!(
                !message.chars().any(crate::domain::characters::is_hidden),
                "the message repeats a hidden character: {message:?}"
            );
        }
    }
}

#[test]
fn empty_and_whitespace_only_values_are_missing() {
    for blank in ["", " ", "   \u{3000}", "\u{a0}"] {
        assert_eq!(
            person_name("First name", blank).map_err(String::from),
            Err("Enter the first name.".into()),
            "{blank:?}"
        );
        assert_eq!(optional_text("Address line 2", blank, 200), Ok(None));
        assert_eq!(optional_phone(blank), Ok(None));
        assert!(email(blank)
            .unwrap_err()
            .to_string()
            .starts_with("Enter the email"));
        assert!(calendar_date(blank)
            .unwrap_err()
            .to_string()
            .starts_with("Enter the date"));
    }
}

#[test]
fn a_hundred_kilobytes_of_text_gets_the_limit_and_not_the_text_back() {
    let pasted = "Lorem ipsum ".repeat(100 * 1024 / 12);
    for message in [
        person_name("First name", &pasted).unwrap_err().to_string(),
        required_text("Company name", &pasted, 100)
            .unwrap_err()
            .to_string(),
        email(&pasted).unwrap_err().to_string(),
        optional_phone(&pasted).unwrap_err().to_string(),
        calendar_date(&pasted).unwrap_err().to_string(),
    ] {
        assert!(message.len() < 200, "{message}");
        assert!(
            message.contains("at most") || message.contains("YYYY-MM-DD"),
            "{message}"
        );
    }
    assert!(person_name("First name", &pasted)
        .unwrap_err()
        .to_string()
        .contains("at most 50 characters; this one has"));
}

#[test]
fn names_of_every_script_are_kept_as_typed() {
    for name in [
        "山田太郎",
        "Zoë",
        "Zoe\u{308}",
        "שרה",
        "محمد",
        "Ana 🙂",
        "Nguyễn",
    ] {
        assert_eq!(person_name("First name", name), Ok(name.to_string()));
    }
}

#[test]
fn invalid_dates_each_get_a_clear_message() {
    let today = d("2018-09-14");
    for (typed, fragment) in [
        ("2018-02-30", "that month has 28 days"),
        ("18-9-1", "not a date in the form YYYY-MM-DD"),
        ("2018-9-01", "not a date in the form YYYY-MM-DD"),
        ("2018-00-10", "months run from 01 to 12"),
        ("0001-01-01", "before the Microsoft Cloud Agreement existed"),
        ("0000-01-01", "use a date from 2014-01-01 on"),
        ("2013-12-31", "before the Microsoft Cloud Agreement existed"),
        ("9999-12-31", "cannot set this to a future date"),
        ("2018-09-15", "Use 2018-09-14 or earlier"),
        ("２０１８-09-01", "YYYY-MM-DD"),
        ("2018-09-01\x1b[2J", "2018-09-01\\u{1b}[2J"),
    ] {
        let message = acceptance_date(typed, today).unwrap_err().to_string();
        assert!(message.contains(fragment), "{typed:?}: {message}");
    }
    assert_eq!(acceptance_date("2014-01-01", today), Ok(d("2014-01-01")));
}

#[test]
fn a_phone_with_a_letter_names_it_and_a_hidden_one_as_an_escape() {
    assert!(optional_phone("425 555 01OO")
        .unwrap_err()
        .to_string()
        .contains("remove 'O'"));
    assert!(optional_phone("425 555 0100\u{7}")
        .unwrap_err()
        .to_string()
        .contains("U+0007"));
}
