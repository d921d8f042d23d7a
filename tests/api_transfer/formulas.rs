//! CSV written for spreadsheets: a value a spreadsheet would run as a formula gets a leading
//! single quote, and an import takes it off again, so an export imports back exactly.

use crate::*;
use binary::csv_fields;
use pcenter::assets;
use pcenter::domain::agreement::{Channel, Confirmation, Contact, MCA_TEMPLATE_ID, MCA_TYPE};
use pcenter::store::Snapshot;

const FORMULAS: &str = "5f0e8a3c-1b2d-4e6f-8a9b-0c1d2e3f4a5b";

/// The demo data and a customer whose values start like formulas: `=`, `-`, `+`, `@`, and a
/// value that already starts with a quote before `+`.
fn demo_with_formulas() -> Snapshot {
    let mut demo = assets::demo_snapshot();
    let mut customer = demo.customers[0].clone();
    customer.id = FORMULAS.into();
    customer.company_name = "=HYPERLINK(\"http://example.com\",\"Open\")".into();
    customer.domain = "formulas.onmicrosoft.com".into();
    demo.customers.push(customer);
    demo.confirmations.push(Confirmation {
        customer_id: FORMULAS.into(),
        accepted_by: Contact {
            first_name: "@Ada".into(),
            last_name: "'+Lovelace".into(),
            email: "=1+1@formulas.com".into(),
            phone: Some("+1 (425) 555-0100".into()),
        },
        date_agreed: "2018-10-01".parse().unwrap(),
        agreement_type: MCA_TYPE.into(),
        template_id: MCA_TEMPLATE_ID.into(),
        recorded_by: AGENT.into(),
        recorded_at: "2018-10-01T09:00:00Z".parse().unwrap(),
        channel: Channel::Account,
    });
    demo
}

/// No field of the CSV starts as a formula would.
fn assert_no_formula(csv: &str) {
    for line in csv.lines() {
        for field in csv_fields(line) {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{field:?} in {line}"
            );
        }
    }
}

#[test]
fn an_export_neutralises_formulas_and_imports_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &demo_with_formulas());
    let before = load(dir.path());
    let file = dir.path().join("agreements.csv");
    let export = run(dir.path(), &["agreements", "export", "--out", arg(&file)]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_no_formula(&text);
    let row = text.lines().find(|l| l.starts_with(FORMULAS)).unwrap();
    assert_eq!(
        row,
        format!("{FORMULAS},formulas.onmicrosoft.com,2018-10-01,'@Ada,''+Lovelace,'+1 (425) 555-0100,'=1+1@formulas.com,MicrosoftCloudAgreement")
    );
    let contoso = text.lines().find(|l| l.starts_with(CONTOSO)).unwrap();
    assert!(contoso.contains(",'+1 (425) 555-0100,"), "{contoso}");

    let import = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(import.status.code(), Some(0), "{}", stdout(&import));
    let summary = stdout(&import);
    assert!(
        summary.ends_with(": 0 created, 19 unchanged, 13 skipped, 0 rejected\n"),
        "{summary}"
    );
    assert_eq!(load(dir.path()), before);
}

#[test]
fn every_csv_output_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &demo_with_formulas());
    for args in [
        &["customers", "list", "--format", "csv"][..],
        &["report", "compliance", "--format", "csv"],
    ] {
        let output = run(dir.path(), args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let csv = stdout(&output);
        assert_no_formula(&csv);
        let row = csv.lines().find(|l| l.contains(FORMULAS)).unwrap();
        assert!(
            row.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Open\"\")\""),
            "{args:?}: {row}"
        );
    }
}
