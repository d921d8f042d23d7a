//! `pcenter agreements import`: every kind of row, dry runs, the CSV dialects a spreadsheet
//! writes, and refusals before any row.

use crate::*;
use pcenter::assets;
use pcenter::book::Book;
use pcenter::domain::agreement::{Channel, Confirmation, Contact};
use pcenter::store::Snapshot;

/// The demo data in the real store under a new temporary directory.
fn demo_dir() -> (tempfile::TempDir, Snapshot) {
    let dir = tempfile::tempdir().unwrap();
    let demo = assets::demo_snapshot();
    seed(dir.path(), &demo);
    (dir, demo)
}

/// Public-cloud customers of the demo not otherwise used by these tests, one per bad row.
fn spare_customers(demo: &Snapshot) -> Vec<String> {
    let book = Book::from_snapshot(demo.clone());
    let used = [CONTOSO, NORTHWIND, BAECKEREI, SAKURA, HANBIT];
    book.customers_by_name()
        .filter(|c| c.cloud.supports_confirmation() && !used.contains(&c.id.as_str()))
        .map(|c| c.id.clone())
        .collect()
}

/// A file with two good rows, an unchanged one, an empty one, then one bad row of each kind,
/// and the reason expected for each bad row by line.
fn every_kind_of_row(demo: &Snapshot) -> (String, Vec<(usize, String)>) {
    let spare = spare_customers(demo);
    let s = |i: usize| spare[i].as_str();
    let (contoso, hanbit) = (domain(demo, CONTOSO), domain(demo, HANBIT));
    let rows = [
        format!("{NORTHWIND},,2018-11-01,Ada,\"Lovelace, \"\"Countess\"\"\",+44 20 7946 0000,ada@northwindtraders.com"),
        format!(",{},2018-10-15,Haruto,Sato,,haruto.sato@sakura.jp", domain(demo, SAKURA).to_uppercase()),
        format!("{CONTOSO},{contoso},2018-08-08,Patti,Fernandez,+1 (425) 555-0100,patti.fernandez@contosoelectronics.com"),
        format!("{},{},,,,,", s(0), domain(demo, s(0))),
        format!("{},,2018-11-01,Ada,,,", s(1)),
        format!("{},,2018-11-01,Ada,Lovelace,,ada.lovelace", s(2)),
        format!("{},,2018-11-01,Ada,Lovelace,555-CALL-NOW,ada@contoso.com", s(3)),
        format!("{},,14/09/2018,Ada,Lovelace,,ada@contoso.com", s(4)),
        format!("{},,2018-11-15,Ada,Lovelace,,ada@contoso.com", s(5)),
        "00000000-0000-4000-8000-000000000000,,2018-11-01,Ada,Lovelace,,ada@contoso.com".to_string(),
        format!("{BAECKEREI},,2018-11-01,Jonas,Bäcker,,jonas@baeckerei.de"),
        format!("{},{contoso},2018-11-01,Ada,Lovelace,,ada@contoso.com", s(6)),
        format!("{HANBIT},,2018-11-01,Ji-woo,Park,,jiwoo@hanbit.co.kr"),
        format!(",{hanbit},2018-11-02,Min-jun,Kim,,minjun@hanbit.co.kr"),
        format!("{},,2018-11-01,\"Ada,Lovelace,,ada@contoso.com", s(8)),
        format!("{},,2018-11-01,Ada,Lovelace", s(7)),
    ];
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let expected = [
        (6, "insufficient data: Last Name, Email empty".to_string()),
        (7, "Email: The email address needs an @.".into()),
        (8, "Phone: A phone number can hold only digits".into()),
        (9, "Date: '14/09/2018' is a date as a spreadsheet shows it; write the date as YYYY-MM-DD, e.g. 2018-11-01".into()),
        (10, "Date of agreement cannot be greater than the current date. (600002)".into()),
        (11, "unknown customer: no customer has the tenant ID 00000000-0000-4000-8000-000000000000".into()),
        (12, "Confirmation of customer acceptance is supported with Microsoft Public Cloud only; Bäckerei Schröder KG is in Microsoft Cloud Germany.".into()),
        (13, format!("TenantId and Domain disagree: {} is the tenant ID of {}, not of {contoso}", s(6), domain(demo, s(6)))),
        (14, "has more than one row in the file (also line 15); none of its rows is imported".into()),
        (15, "has more than one row in the file (also line 14); none of its rows is imported".into()),
        (16, "a quote opened in this line is not closed".into()),
        (17, "the row has 5 fields where the header has 7".into()),
    ];
    (text, expected.to_vec())
}

/// `Company (domain)`, as an import names a customer.
fn label(demo: &Snapshot, id: &str) -> String {
    let customer = demo.customers.iter().find(|c| c.id == id).unwrap();
    format!("{} ({})", customer.company_name, customer.domain)
}

/// Checks the per-row lines and the summary of an import of `every_kind_of_row`; `created` is
/// what a created row says: "created", or "would be created" in a dry run.
fn assert_reported(
    out: &str,
    demo: &Snapshot,
    created: &str,
    expected: &[(usize, String)],
    summary: &str,
) {
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4 + expected.len() + 1, "{out}");
    assert_eq!(
        lines[..4],
        [
            format!("line 2: {created}: Northwind Traders (northwindtraders.onmicrosoft.com)"),
            format!("line 3: {created}: {}", label(demo, SAKURA)),
            format!(
                "line 4: unchanged: {}, the same contact is already confirmed",
                label(demo, CONTOSO)
            ),
            "line 5: skipped: no confirmation details".to_string(),
        ],
        "{out}"
    );
    for ((line, reason), said) in expected.iter().zip(&lines[4..]) {
        let prefix = format!("line {line}: rejected: ");
        assert!(said.starts_with(&prefix), "{said}");
        assert!(said.contains(reason.as_str()), "line {line}: {said}");
    }
    assert_eq!(lines.last().unwrap(), &summary);
}

#[test]
fn each_bad_row_is_rejected_with_its_line_and_reason_and_the_good_rows_are_recorded() {
    let (dir, demo) = demo_dir();
    let (text, expected) = every_kind_of_row(&demo);
    let file = write(dir.path(), "rows.csv", text.as_bytes());
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let summary = format!(
        "Imported {}: 2 created, 1 unchanged, 1 skipped, 12 rejected",
        file.display()
    );
    assert_reported(&stdout(&output), &demo, "created", &expected, &summary);

    let after = load(dir.path());
    assert_eq!(after.customers, demo.customers);
    assert_eq!(after.orders, demo.orders);
    assert_eq!(after.subscriptions, demo.subscriptions);
    let added = added_confirmations(&demo, &after);
    assert_eq!(added.len(), 2);
    let northwind = &added[0];
    assert_eq!(northwind.customer_id, NORTHWIND);
    assert_eq!(
        northwind.accepted_by,
        Contact {
            first_name: "Ada".into(),
            last_name: "Lovelace, \"Countess\"".into(),
            email: "ada@northwindtraders.com".into(),
            phone: Some("+44 20 7946 0000".into()),
        }
    );
    assert_eq!(northwind.date_agreed.to_string(), "2018-11-01");
    assert_eq!(northwind.recorded_by, AGENT);
    assert_eq!(northwind.recorded_at.date_naive().to_string(), TODAY);
    assert_eq!(added[1].customer_id, SAKURA, "found by its domain");
    assert_eq!(added[1].accepted_by.phone, None);
    assert!(added.iter().all(|c| c.channel == Channel::Import));

    // The same file again: the recorded rows are now unchanged, and nothing more is written.
    let again = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(again.status.code(), Some(11));
    let said = stdout(&again);
    for (line, id) in [(2, NORTHWIND), (3, SAKURA), (4, CONTOSO)] {
        let unchanged = format!(
            "line {line}: unchanged: {}, the same contact is already confirmed\n",
            label(&demo, id)
        );
        assert!(said.contains(&unchanged), "{said}");
    }
    assert!(said.ends_with(" 0 created, 3 unchanged, 1 skipped, 12 rejected\n"));
    assert_eq!(load(dir.path()), after);
}

#[test]
fn a_dry_run_reports_the_same_outcome_and_writes_nothing() {
    let (dir, demo) = demo_dir();
    let (text, expected) = every_kind_of_row(&demo);
    let file = write(dir.path(), "rows.csv", text.as_bytes());
    let dry = run(
        dir.path(),
        &["agreements", "import", arg(&file), "--dry-run"],
    );
    assert_eq!(dry.status.code(), Some(11), "{}", stderr(&dry));
    let summary = format!(
        "Dry run of {}: would create 2, 1 unchanged, 1 skipped, 12 rejected (nothing was written)",
        file.display()
    );
    assert_reported(
        &stdout(&dry),
        &demo,
        "would be created",
        &expected,
        &summary,
    );
    assert_eq!(load(dir.path()), demo);

    let real = run(dir.path(), &["agreements", "import", arg(&file)]);
    let as_real = stdout(&dry)
        .replace(": would be created: ", ": created: ")
        .replace("Dry run of ", "Imported ")
        .replace("would create 2", "2 created")
        .replace(" (nothing was written)", "");
    assert_eq!(stdout(&real), as_real);
}

#[test]
fn a_byte_order_mark_crlf_and_quoted_fields_are_read_and_lines_counted_in_the_file() {
    let (dir, demo) = demo_dir();
    let text = format!(
        "\u{feff}email,FIRST NAME,last name,Notes,Phone,date,tenantid\r\n\
         \"ada@northwindtraders.com\",\"Ada\",\"Lovelace, \"\"Countess\"\"\",\"call first, then write\",+44 20 7946 0000,2018-11-01,{NORTHWIND}\r\n\
         \r\n\
         not-an-email,Haruto,Sato,,,2018-11-01,{SAKURA}\r\n"
    );
    let file = write(dir.path(), "excel.csv", text.as_bytes());
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("line 2: created: Northwind Traders"),
        "{out}"
    );
    assert!(lines[1].starts_with("line 4: rejected: Email: "), "{out}");
    assert!(
        lines[2].ends_with(": 1 created, 0 unchanged, 0 skipped, 1 rejected"),
        "{out}"
    );
    let after = load(dir.path());
    let added = added_confirmations(&demo, &after);
    assert_eq!(added.len(), 1);
    let added = &added[0];
    assert_eq!(added.accepted_by.last_name, "Lovelace, \"Countess\"");
    assert_eq!(added.accepted_by.email, "ada@northwindtraders.com");
}

#[test]
fn an_earlier_acceptance_is_kept_in_the_history_and_a_second_import_adds_no_duplicate() {
    let (dir, demo) = demo_dir();
    // Hanbit's current confirmation is of 2018-09-03; this row's acceptance came before it.
    let text = format!("{HEADER}\n{HANBIT},,2018-08-20,Ji-woo,Park,,jiwoo@hanbit.co.kr\n");
    let file = write(dir.path(), "earlier.csv", text.as_bytes());
    let hanbit = label(&demo, HANBIT);
    let kept = "kept in the history: the confirmation of 2018-09-03 stays current";

    let dry = run(
        dir.path(),
        &["agreements", "import", arg(&file), "--dry-run"],
    );
    let first = stdout(&dry);
    assert_eq!(
        first.lines().next(),
        Some(format!("line 2: would be created: {hanbit}, {kept}").as_str()),
        "{first}"
    );
    assert_eq!(load(dir.path()), demo);

    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "line 2: created: {hanbit}, {kept}\nImported {}: 1 created, 0 unchanged, 0 skipped, 0 rejected\n",
            file.display()
        )
    );
    let after = load(dir.path());
    assert_eq!(added_confirmations(&demo, &after).len(), 1);

    for args in [
        &["agreements", "import", arg(&file)][..],
        &["agreements", "import", arg(&file), "--dry-run"],
    ] {
        let again = run(dir.path(), args);
        assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
        let said = stdout(&again);
        assert_eq!(
            said.lines().next(),
            Some(format!("line 2: unchanged: {hanbit}, the same contact and date are already on record, in the history").as_str()),
            "{said}"
        );
        assert!(
            said.contains(": 0 created, 1 unchanged,")
                || said.contains(": would create 0, 1 unchanged,"),
            "{said}"
        );
    }
    assert_eq!(load(dir.path()), after, "no duplicate");
}

#[test]
fn an_unclosed_quote_rejects_its_line_only_and_the_next_lines_are_imported() {
    let (dir, demo) = demo_dir();
    let text = format!(
        "{HEADER}\n\
         {NORTHWIND},,2018-11-01,\"Ada,Lovelace,,ada@northwindtraders.com\n\
         {SAKURA},,2018-11-01,Haruto,Sato,,haruto.sato@sakura.jp\n"
    );
    let file = write(dir.path(), "quote.csv", text.as_bytes());
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "line 2: rejected: a quote opened in this line is not closed: end the quoted value with \" (a quote inside a value is written twice: \"\")"
    );
    assert!(lines[1].starts_with("line 3: created: "), "{out}");
    assert!(lines[2].ends_with(": 1 created, 0 unchanged, 0 skipped, 1 rejected"));
    let added = added_confirmations(&demo, &load(dir.path()));
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].customer_id, SAKURA);
}

#[test]
fn dates_as_a_spreadsheet_shows_them_are_refused_without_guessing_their_order() {
    let (dir, demo) = demo_dir();
    let spare = spare_customers(&demo);
    let dates = ["11/1/2018", "1.11.2018", "2018/11/01", "01-11-2018 00:00"];
    let rows: Vec<String> = dates
        .iter()
        .zip(&spare)
        .map(|(date, id)| format!("{id},,{date},Ada,Lovelace,,ada@contoso.com"))
        .collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let file = write(dir.path(), "dates.csv", text.as_bytes());
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let out = stdout(&output);
    for (i, date) in dates.iter().enumerate() {
        let expected = format!(
            "line {}: rejected: Date: '{date}' is a date as a spreadsheet shows it; write the date as YYYY-MM-DD, e.g. 2018-11-01 (format the column as text or as YYYY-MM-DD before saving)",
            i + 2
        );
        assert_eq!(out.lines().nth(i), Some(expected.as_str()), "{out}");
    }
    assert_eq!(load(dir.path()), demo);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_before_any_row_saying_how_to_save_it() {
    let (dir, demo) = demo_dir();
    let latin1 = [
        format!("{HEADER}\n{NORTHWIND},,2018-11-01,Ada,Lovelace,,ada@northwindtraders.com\n")
            .into_bytes(),
        format!("{SAKURA},,2018-11-01,J").into_bytes(),
        b"\xfcrgen,M\xfcller,,juergen@sakura.jp\n".to_vec(),
    ]
    .concat();
    let cut_short = [
        format!("{HEADER}\n{SAKURA},,2018-11-01,J").into_bytes(),
        b"\xc3".to_vec(),
    ]
    .concat();
    for (bytes, line) in [(latin1, 3), (cut_short, 2)] {
        let file = write(dir.path(), "latin1.csv", &bytes);
        let output = run(dir.path(), &["agreements", "import", arg(&file)]);
        assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
        assert_eq!(stdout(&output), "");
        let error: serde_json::Value = serde_json::from_str(&stderr(&output)).unwrap();
        assert_eq!(
            error["description"],
            format!(
                "{} is not UTF-8 text (line {line} is the first that is not), so nothing was imported. Save it from the spreadsheet as \"CSV UTF-8\" and import that file.",
                file.display()
            )
        );
    }
    assert_eq!(load(dir.path()), demo);
}

#[test]
fn a_helpdesk_agent_may_not_import() {
    let (dir, demo) = demo_dir();
    let (text, _) = every_kind_of_row(&demo);
    let file = write(dir.path(), "rows.csv", text.as_bytes());
    for dry_run in [false, true] {
        let mut args = vec![
            "agreements",
            "import",
            arg(&file),
            "--role",
            "helpdesk-agent",
        ];
        args.extend(dry_run.then_some("--dry-run"));
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(7));
        assert_eq!(stdout(&output), "");
        assert_eq!(
            stderr(&output),
            "{\"code\":403,\"description\":\"You must be an Admin agent or Sales agent to confirm customer acceptance.\",\"data\":[],\"source\":\"PartnerFD\"}\n"
        );
    }
    assert_eq!(load(dir.path()), demo);
}

#[test]
fn a_file_without_the_required_columns_is_refused_before_any_row() {
    let (dir, demo) = demo_dir();
    let cases: [(&str, &str); 3] = [
        ("", "is empty"),
        (
            "Tenant,Date,First Name,Last Name,Email\nx,2018-11-01,A,B,a@b.co\n",
            "its header (line 1) has no column TenantId or Domain, Phone.",
        ),
        (
            "\n\nTenantId,Date,First Name,Last Name,Phone,Email,email\n",
            "its header (line 3) names the column Email twice.",
        ),
    ];
    for (text, says) in cases {
        let file = write(dir.path(), "odd.csv", text.as_bytes());
        let output = run(dir.path(), &["agreements", "import", arg(&file)]);
        assert_eq!(output.status.code(), Some(6), "{text:?}");
        assert_eq!(stdout(&output), "");
        let error: serde_json::Value = serde_json::from_str(&stderr(&output)).unwrap();
        assert_eq!(error["code"], 400);
        let description = error["description"].as_str().unwrap();
        assert!(description.contains(says), "{description}");
        assert!(description.contains("First Name, Last Name, Phone and Email"));
    }
    let missing = dir.path().join("missing.csv");
    let output = run(dir.path(), &["agreements", "import", arg(&missing)]);
    assert_eq!(output.status.code(), Some(6));
    assert!(
        stderr(&output).contains("Cannot read"),
        "{}",
        stderr(&output)
    );
    assert_eq!(load(dir.path()), demo);
}

/// The confirmations `after` holds beyond `before`'s, which it must all still hold, in order.
fn added_confirmations(before: &Snapshot, after: &Snapshot) -> Vec<Confirmation> {
    let kept: Vec<&Confirmation> = after
        .confirmations
        .iter()
        .filter(|c| before.confirmations.contains(c))
        .collect();
    assert_eq!(
        kept,
        before.confirmations.iter().collect::<Vec<_>>(),
        "every earlier confirmation is kept"
    );
    after
        .confirmations
        .iter()
        .filter(|c| !before.confirmations.contains(c))
        .cloned()
        .collect()
}
