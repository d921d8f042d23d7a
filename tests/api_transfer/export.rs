//! `pcenter agreements export`: the CSV of Microsoft's export sample.

use crate::*;
use pcenter::assets;
use pcenter::book::Book;
use pcenter::domain::agreement::{Channel, Confirmation, Contact, MCA_TEMPLATE_ID, MCA_TYPE};
use pcenter::store::Snapshot;

fn confirmation(
    customer_id: &str,
    date: &str,
    recorded_at: &str,
    names: [&str; 3],
) -> Confirmation {
    Confirmation {
        customer_id: customer_id.into(),
        accepted_by: Contact {
            first_name: names[0].into(),
            last_name: names[1].into(),
            email: names[2].into(),
            phone: None,
        },
        date_agreed: date.parse().unwrap(),
        agreement_type: MCA_TYPE.into(),
        template_id: MCA_TEMPLATE_ID.into(),
        recorded_by: AGENT.into(),
        recorded_at: recorded_at.parse().unwrap(),
        channel: Channel::Account,
    }
}

/// The demo data, with more history: Hanbit's latest acceptance was recorded before an older
/// one; Sakura has two acceptances on one day.
fn demo_with_history() -> Snapshot {
    let mut demo = assets::demo_snapshot();
    demo.confirmations.extend([
        confirmation(
            HANBIT,
            "2018-11-10",
            "2018-11-10T09:00:00Z",
            ["Ji-woo", "Park, \"JW\"", "jiwoo.park@hanbit.co.kr"],
        ),
        confirmation(
            HANBIT,
            "2018-09-01",
            "2018-11-12T09:00:00Z",
            ["Older", "Acceptance", "older@hanbit.co.kr"],
        ),
        confirmation(
            SAKURA,
            "2018-10-05",
            "2018-10-06T09:00:00Z",
            ["Yui", "Tanaka", "yui@sakura.jp"],
        ),
        confirmation(
            SAKURA,
            "2018-10-05",
            "2018-10-05T09:00:00Z",
            ["Haruto", "Sato", "haruto@sakura.jp"],
        ),
    ]);
    demo
}

#[test]
fn every_customer_has_one_row_in_name_order_with_its_current_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_with_history();
    seed(dir.path(), &demo);
    let output = run(dir.path(), &["agreements", "export"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], EXPORT_HEADER);
    assert_eq!(lines.len(), 1 + 31);
    assert!(text.ends_with('\n'));

    let mut book = Book::from_snapshot(demo.clone());
    book.set_as_of(TODAY.parse().unwrap());
    let ids: Vec<&str> = lines[1..].iter().map(|l| &l[..36]).collect();
    let by_name: Vec<&str> = book.customers_by_name().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, by_name);

    let row = |id: &str| *lines.iter().find(|l| l.starts_with(id)).unwrap();
    assert_eq!(
        row(CONTOSO),
        format!("{CONTOSO},contosoelectronics.onmicrosoft.com,2018-08-08,Patti,Fernandez,'+1 (425) 555-0100,patti.fernandez@contosoelectronics.com,MicrosoftCloudAgreement")
    );
    assert_eq!(
        row(NORTHWIND),
        format!("{NORTHWIND},northwindtraders.onmicrosoft.com,,,,,,")
    );
    assert_eq!(
        row(BAECKEREI),
        format!("{BAECKEREI},baeckereischroeder.onmicrosoft.com,,,,,,"),
        "a national-cloud customer has no confirmation to export"
    );
    assert_eq!(
        row(HANBIT),
        format!(
            "{HANBIT},{},2018-11-10,Ji-woo,\"Park, \"\"JW\"\"\",,jiwoo.park@hanbit.co.kr,MicrosoftCloudAgreement",
            domain(&demo, HANBIT)
        ),
        "the latest acceptance date wins, whenever it was recorded"
    );
    assert_eq!(
        row(SAKURA),
        format!(
            "{SAKURA},{},2018-10-05,Yui,Tanaka,,yui@sakura.jp,MicrosoftCloudAgreement",
            domain(&demo, SAKURA)
        ),
        "on the same date, the later recording wins"
    );
}

#[test]
fn an_export_to_a_file_is_for_its_owner_only_and_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &assets::demo_snapshot());
    let file = dir.path().join("agreements.csv");
    let output = run(dir.path(), &["agreements", "export", "--out", arg(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "Exported 31 customers (18 with a confirmation) to {}\n",
            file.display()
        )
    );
    let to_stdout = stdout(&run(dir.path(), &["agreements", "export"]));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), to_stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let before = load(dir.path());
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 31 + 1, "one line per row, then the summary");
    for (i, line) in lines[..31].iter().enumerate() {
        let unchanged = format!("line {}: unchanged: ", i + 2);
        let skipped = format!("line {}: skipped: no confirmation details", i + 2);
        assert!(
            line.starts_with(&unchanged)
                && line.ends_with(", the same contact is already confirmed")
                || *line == skipped,
            "{line}"
        );
    }
    assert_eq!(
        lines[31],
        format!(
            "Imported {}: 0 created, 18 unchanged, 13 skipped, 0 rejected",
            file.display()
        )
    );
    assert_eq!(load(dir.path()), before);
}

#[test]
fn a_helpdesk_agent_may_not_export_and_no_file_is_made() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &assets::demo_snapshot());
    let file = dir.path().join("agreements.csv");
    for args in [
        &["agreements", "export", "--role", "helpdesk-agent"][..],
        &[
            "agreements",
            "export",
            "--out",
            arg(&file),
            "--role",
            "helpdesk-agent",
        ],
    ] {
        let output = run(dir.path(), args);
        assert_eq!(output.status.code(), Some(7), "{args:?}");
        assert_eq!(stdout(&output), "");
        assert_eq!(
            stderr(&output),
            "{\"code\":403,\"description\":\"You must be an Admin agent or Sales agent to see the confirmation of customer acceptance.\",\"data\":[],\"source\":\"PartnerFD\"}\n"
        );
    }
    assert!(!file.exists());
}
