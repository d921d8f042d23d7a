//! Import reports and printed records: what came from a file or an older store never reaches
//! the terminal raw.

use crate::assert_printable;
use crate::binary::*;

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
fn values_stored_with_hidden_characters_print_escaped_in_json_and_in_tables() {
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
            .contains("Legacy\\u{202e} Corp\\u{7f}\\u{9b}2J\\u{1b}[31m"),
        "{}",
        table.stdout
    );
}

#[test]
fn import_lines_write_hidden_characters_of_stored_names_and_of_the_files_path_as_escapes() {
    let demo = Demo::new();
    let mut hostile = demo.snapshot_after_seeding().customers[0].clone();
    hostile.id = "0badc0de-0000-4000-8000-000000000002".into();
    hostile.domain = "legacy.onmicrosoft.com".into();
    hostile.cloud = pcenter::domain::cloud::Cloud::Public;
    hostile.company_name = "Legacy\u{202E} Corp\x1b[31m".into();
    demo.plant(&hostile);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("back\x1b]0;owned\x07log.csv");
    let row = format!("{},,2018-11-01,Ada,Lovelace,,ada@contoso.com", hostile.id);
    std::fs::write(
        &file,
        format!("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n{row}\n"),
    )
    .unwrap();
    let run = demo.run(
        MANDATORY_DAY,
        &["agreements", "import", file.to_str().unwrap()],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_printable(&run);
    assert!(
        run.stdout.contains(
            "line 2: created: Legacy\\u{202e} Corp\\u{1b}[31m (legacy.onmicrosoft.com)\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("back\\u{1b}]0;owned\\u{7}log.csv: 1 created, 0 unchanged"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_paths_that_backup_and_export_name_are_written_with_escapes() {
    let demo = Demo::new();
    let dir = tempfile::tempdir().unwrap();
    for (command, name) in [("backup", "b\x1b[2J.jsonl"), ("export", "e\x1b[2J.csv")] {
        let file = dir.path().join(name);
        let args: Vec<&str> = match command {
            "backup" => vec!["backup", "--out", file.to_str().unwrap()],
            _ => vec!["agreements", "export", "--out", file.to_str().unwrap()],
        };
        let run = demo.run(MANDATORY_DAY, &args);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert_printable(&run);
        assert!(run.stdout.contains("\\u{1b}[2J"), "{}", run.stdout);
    }
    // Restore and generate name their files and stores the same way.
    let backup = dir.path().join("b\x1b[2J.jsonl");
    let data = dir.path().join("data\u{202e}\x1b[2J");
    for args in [
        vec!["restore", backup.to_str().unwrap()],
        vec!["generate", "--customers", "3"],
    ] {
        let output = pcenter_at(&data.join(args[0]), &["--today", MANDATORY_DAY])
            .args(&args)
            .output()
            .unwrap();
        let run = Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        };
        assert_eq!(run.code, Some(0), "{run:?}");
        assert_printable(&run);
        assert!(
            run.stdout.contains("data\\u{202e}\\u{1b}[2J"),
            "{}",
            run.stdout
        );
    }
}
