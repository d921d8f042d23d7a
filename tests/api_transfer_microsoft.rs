//! `pcenter agreements export --format microsoft-sample` and `agreements import` of the CSV of
//! Microsoft's bulk sample (Partner-Center-DotNet-Samples, sdk/SdkSamples/Agreements:
//! GetAllCustomersAgreements.cs writes it, ImportCustomersAgreement.cs reads it), run as the
//! real binary on temporary data directories: the file known by its header, its US dates, its
//! Type column, the rows the sample refuses, and export → import round trips in both formats.

mod binary;

use pcenter::assets;
use pcenter::book::Book;
use pcenter::domain::agreement::{
    self, AgreementKind, Channel, Confirmation, Contact, CUSTOMER_AGREEMENT_TEMPLATE_ID,
    CUSTOMER_AGREEMENT_TYPE, MCA_TEMPLATE_ID, MCA_TYPE,
};
use pcenter::domain::cloud::Cloud;
use pcenter::store::{SledStore, Snapshot, Store, StoreError};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::thread::sleep;
use std::time::Duration;

/// Demo customers with known states.
const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc"; // Cloud Agreement, 2018-08-08
const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a"; // unconfirmed
const BAECKEREI: &str = "96312fd6-41dd-4f64-9850-432d9aefd04a"; // Microsoft Cloud Germany
const SAKURA: &str = "24dc1531-9f15-41db-bc71-077987e5c994"; // unconfirmed
const HANBIT: &str = "71f38dd5-9faf-45ed-95e8-75334d80b000"; // Cloud Agreement, 2018-09-03
const AZTECA: &str = "68bd28da-c4f0-4b43-b935-8bbee5c98afc"; // two Cloud Agreements

/// A business date when both agreements can be confirmed.
const TODAY: &str = "2019-12-02";
const AGENT: &str = "Megan Bowen";

/// The header line exactly as GetAllCustomersAgreements.cs writes it (with the space after
/// Email).
const SAMPLE_HEADER: &str = "TenantId,Domain,Date,First Name,Last Name,Phone,Email ";

fn run(data: &Path, args: &[&str]) -> Output {
    run_on(data, TODAY, args)
}

/// `run` on another business date.
fn run_on(data: &Path, today: &str, args: &[&str]) -> Output {
    for _ in 0..50 {
        let output = binary::pcenter_at(data, &["--today", today, "--agent", AGENT])
            .args(args)
            .output()
            .expect("run pcenter");
        if output.status.code() != Some(3) {
            return output;
        }
        sleep(Duration::from_millis(20));
    }
    panic!("the store under {} stayed locked", data.display());
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn open(data: &Path) -> SledStore {
    let path = data.join("store");
    for _ in 0..50 {
        match SledStore::open(&path) {
            Err(StoreError::Locked { .. }) => sleep(Duration::from_millis(20)),
            opened => return opened.expect("open the store"),
        }
    }
    panic!("{} stayed locked", path.display());
}

fn load(data: &Path) -> Snapshot {
    open(data).load().expect("load the store")
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write a test file");
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn confirmation(
    customer_id: &str,
    date: &str,
    names: [&str; 3],
    phone: Option<&str>,
    customer_agreement: bool,
) -> Confirmation {
    let (agreement_type, template_id) = match customer_agreement {
        true => (CUSTOMER_AGREEMENT_TYPE, CUSTOMER_AGREEMENT_TEMPLATE_ID),
        false => (MCA_TYPE, MCA_TEMPLATE_ID),
    };
    Confirmation {
        customer_id: customer_id.into(),
        accepted_by: Contact {
            first_name: names[0].into(),
            last_name: names[1].into(),
            email: names[2].into(),
            phone: phone.map(str::to_string),
        },
        date_agreed: date.parse().unwrap(),
        agreement_type: agreement_type.into(),
        template_id: template_id.into(),
        recorded_by: AGENT.into(),
        recorded_at: format!("{date}T09:00:00Z").parse().unwrap(),
        channel: Channel::Account,
    }
}

/// The demo data, where Contoso has also confirmed the Microsoft Customer Agreement (with a
/// comma and quotes in the name), in the real store under a new temporary directory.
fn demo_dir() -> (tempfile::TempDir, Snapshot) {
    demo_dir_with(Vec::new())
}

/// `demo_dir`, with more confirmations.
fn demo_dir_with(more: Vec<Confirmation>) -> (tempfile::TempDir, Snapshot) {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = assets::demo_snapshot();
    demo.confirmations.extend(more);
    demo.confirmations.push(confirmation(
        CONTOSO,
        "2019-11-04",
        ["Patti", "Fernandez, \"PF\"", "patti@contosoelectronics.com"],
        None,
        true,
    ));
    open(dir.path())
        .write_snapshot(&demo)
        .expect("seed the store");
    let snapshot = load(dir.path());
    (dir, snapshot)
}

/// How many customers `snapshot` has on `TODAY`, how many rows the sample writes for them
/// (one per agreement a customer has a confirmation of, or one without), and how many have one.
fn sample_rows(snapshot: &Snapshot) -> (usize, usize, usize) {
    let mut book = Book::from_snapshot(snapshot.clone());
    book.set_as_of(TODAY.parse().unwrap());
    let (mut rows, mut confirmed) = (0, 0);
    for customer in book.customers_by_name() {
        let agreements: HashSet<&str> = (book.confirmations(&customer.id).iter())
            .filter(|_| customer.cloud == Cloud::Public)
            .map(|c| c.template_id.as_str())
            .collect();
        rows += agreements.len().max(1);
        confirmed += usize::from(!agreements.is_empty());
    }
    (book.len(), rows, confirmed)
}

/// The confirmations of a customer that the store holds.
fn confirmations<'s>(snapshot: &'s Snapshot, customer_id: &str) -> Vec<&'s Confirmation> {
    (snapshot.confirmations.iter())
        .filter(|c| c.customer_id == customer_id)
        .collect()
}

#[test]
fn the_export_writes_the_samples_header_a_row_per_agreement_and_its_dates() {
    let (dir, demo) = demo_dir();
    let output = run(
        dir.path(),
        &["agreements", "export", "--format", "microsoft-sample"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let csv = stdout(&output);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], SAMPLE_HEADER);
    assert!(csv.ends_with('\n') && !csv.contains('\r'));
    // Contoso: its Cloud Agreement, then its Customer Agreement, each its own row, the Type
    // last; a value that a spreadsheet would run is written with a quote before it.
    let contoso = [
        format!("{CONTOSO},contosoelectronics.onmicrosoft.com,8/8/2018 12:00:00 AM,Patti,Fernandez,'+1 (425) 555-0100,patti.fernandez@contosoelectronics.com,MicrosoftCloudAgreement"),
        format!("{CONTOSO},contosoelectronics.onmicrosoft.com,11/4/2019 12:00:00 AM,Patti,\"Fernandez, \"\"PF\"\"\",,patti@contosoelectronics.com,MicrosoftCustomerAgreement"),
    ];
    let at = lines.iter().position(|l| *l == contoso[0]).expect(&csv);
    assert_eq!(lines[at + 1], contoso[1], "{csv}");
    // The latest of two Cloud Agreements only.
    let azteca = format!("{AZTECA},cafeazteca.onmicrosoft.com,10/29/2018 12:00:00 AM,Andrés,Morales,'+52 55 5555 0143,andres.morales@cafeazteca.com.mx,MicrosoftCloudAgreement");
    assert_eq!(lines.iter().filter(|l| l.starts_with(AZTECA)).count(), 1);
    assert!(lines.contains(&azteca.as_str()), "{csv}");
    // No confirmation, or a cloud without confirmations: the tenant, the domain, five empty
    // values.
    for empty in [
        format!("{NORTHWIND},northwindtraders.onmicrosoft.com,,,,,"),
        format!("{BAECKEREI},baeckereischroeder.onmicrosoft.com,,,,,"),
    ] {
        assert!(lines.contains(&empty.as_str()), "{empty} in {csv}");
    }
    // One row per customer without a confirmation, one per agreement with.
    assert_eq!(lines.len(), 1 + sample_rows(&demo).1, "{csv}");
    assert!(lines[1..].iter().all(|l| l.split(',').count() >= 7));
}

#[test]
fn an_import_reads_the_samples_file_and_says_what_is_wrong_with_each_refused_row() {
    let (dir, before) = demo_dir();
    let rows = [
        format!("{NORTHWIND},northwindtraders.onmicrosoft.com,11/1/2018 12:00:00 AM,Ada,\"Lovelace, Countess\",+44 20 7946 0000,ada@northwindtraders.com,MicrosoftCloudAgreement"),
        format!("{NORTHWIND},northwindtraders.onmicrosoft.com,11/20/2019 12:00:00 AM,Grace,Hopper,,grace@northwindtraders.com,MicrosoftCustomerAgreement"),
        format!("{SAKURA} , sakuradesign.onmicrosoft.com ,\"11/15/2019 12:00:00 AM\",Haruto,Sato,,haruto.sato@sakura.jp,MicrosoftCustomerAgreement"),
        format!("{CONTOSO},contosoelectronics.onmicrosoft.com,8/8/2018,Patti,Fernandez,+1 (425) 555-0100,patti.fernandez@contosoelectronics.com,MicrosoftCloudAgreement"),
        // The same contact as on record but for the case of the email: a new confirmation.
        format!("{HANBIT},hanbitlogistics.onmicrosoft.com,11/28/2019 12:00:00 PM,민준,김,+82 2 555 0100,MinJun.Kim@hanbit.co.kr,MicrosoftCloudAgreement"),
        "8bc396d5-a4f4-4b6d-b9cc-bb0f526002f1,transportesaraujo.onmicrosoft.com,11/1/2019 12:00:00 AM,Ana,,,ana@araujo.com.br,MicrosoftCustomerAgreement".into(),
        "69579559-c3a9-44b3-81e0-a7e834c51e13,hernandezasociados.onmicrosoft.com,11/1/2019 12:00:00 AM,Lucía,Hernández,,lucia@hernandez.es".into(),
        "429f45ae-6136-42a3-b57d-d97a73963163 ,kiwifarmsupplies.onmicrosoft.com,,,,,".into(),
        "6da1a041-c4dc-4462-8aa5-f8efed47c398,dublincraftbrewing.onmicrosoft.com,20/11/2019 00:00:00,Sean,Murphy,,sean@dublincraft.ie,MicrosoftCustomerAgreement".into(),
        "4ed30d00-c01d-4aa9-9bee-e481358fb697,mumbaitextiles.onmicrosoft.com,11/1/2019 12:00:00 AM,Priya,Shah,,priya@mumbaitextiles.in,MCA".into(),
        "3f6cc67d-758e-4abd-b073-24d1d8375dbf,,11/1/2019 12:00:00 AM,Thabo,Nkosi,,thabo@tablemountain.co.za,MicrosoftCustomerAgreement".into(),
        "c83ff6d3-3b44-4626-8bd8-6252266243cf,saigonxanh.onmicrosoft.com,12/25/2019 12:00:00 AM,Lan,Nguyễn,,lan@saigonxanh.vn,MicrosoftCustomerAgreement".into(),
    ];
    // As the sample writes it on Windows: CRLF.
    let text = format!("{SAMPLE_HEADER}\r\n{}\r\n", rows.join("\r\n"));
    let file = write(dir.path(), "agreements.csv", &text);
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let said = stdout(&output);
    let expected = [
        "line 2: created: Northwind Traders (northwindtraders.onmicrosoft.com)".to_string(),
        "line 3: created: Northwind Traders (northwindtraders.onmicrosoft.com)".into(),
        "line 4: created: 株式会社さくらデザイン (sakuradesign.onmicrosoft.com)".into(),
        "line 5: unchanged: Contoso Electronics (contosoelectronics.onmicrosoft.com), the same contact is already confirmed for the Microsoft Cloud Agreement".into(),
        "line 6: created: 한빛물류 (hanbitlogistics.onmicrosoft.com)".into(),
        "line 7: rejected: insufficient data: Last Name empty; every value but Phone is needed".into(),
        "line 8: rejected: insufficient data: Type empty; every value but Phone is needed, and the eighth, after Email, is the agreement's type: MicrosoftCloudAgreement or MicrosoftCustomerAgreement".into(),
        "line 9: skipped: no confirmation details".into(),
        "line 10: rejected: Date: '20/11/2019 00:00:00' puts the day first, and Microsoft's sample writes the month first (US English); write it as the sample does, month first: 11/14/2018 12:00:00 AM (or 11/14/2018, or 2018-11-14)".into(),
        "line 11: rejected: Type: 'MCA' is not an agreement type; write MicrosoftCloudAgreement or MicrosoftCustomerAgreement".into(),
        "line 12: rejected: insufficient data: Domain empty; every value but Phone is needed".into(),
        "line 13: rejected: Date of agreement cannot be greater than the current date. (600002)".into(),
        format!("Imported {}: 4 created, 1 unchanged, 1 skipped, 6 rejected", file.display()),
    ];
    assert_eq!(said.lines().collect::<Vec<_>>(), expected, "{said}");

    let after = load(dir.path());
    assert_eq!(after.confirmations.len(), before.confirmations.len() + 4);
    let northwind = confirmations(&after, NORTHWIND);
    let [cloud, customer] = northwind.as_slice() else {
        panic!("{northwind:?}");
    };
    assert_eq!(
        (cloud.agreement_type.as_str(), cloud.template_id.as_str()),
        (MCA_TYPE, MCA_TEMPLATE_ID)
    );
    assert_eq!(cloud.date_agreed.to_string(), "2018-11-01");
    assert_eq!(cloud.accepted_by.last_name, "Lovelace, Countess");
    assert_eq!(cloud.accepted_by.phone.as_deref(), Some("+44 20 7946 0000"));
    assert_eq!(
        (
            customer.agreement_type.as_str(),
            customer.template_id.as_str()
        ),
        (CUSTOMER_AGREEMENT_TYPE, CUSTOMER_AGREEMENT_TEMPLATE_ID)
    );
    assert_eq!(customer.date_agreed.to_string(), "2019-11-20");
    let sakura = confirmations(&after, SAKURA);
    assert_eq!(sakura.len(), 1);
    assert_eq!(sakura[0].template_id, CUSTOMER_AGREEMENT_TEMPLATE_ID);
    assert_eq!(sakura[0].date_agreed.to_string(), "2019-11-15");
    assert_eq!(sakura[0].channel, Channel::Import);
    let hanbit = confirmations(&after, HANBIT);
    assert_eq!(hanbit.len(), confirmations(&before, HANBIT).len() + 1);
    assert!(hanbit
        .iter()
        .any(|c| c.accepted_by.email == "MinJun.Kim@hanbit.co.kr"
            && c.date_agreed.to_string() == "2019-11-28"));

    // The same file again: what it created is now on record, so nothing more is written.
    let again = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(again.status.code(), Some(11), "{}", stderr(&again));
    let said = stdout(&again);
    assert!(!said.contains(": created:"), "{said}");
    assert!(
        said.ends_with(&format!(
            "Imported {}: 0 created, 5 unchanged, 1 skipped, 6 rejected\n",
            file.display()
        )),
        "{said}"
    );
    assert_eq!(load(dir.path()), after);
}

#[test]
fn the_samples_header_keeps_its_space_before_a_type_column_and_the_exports_own_header_has_none() {
    let (dir, _) = demo_dir();
    // The sample's header, with its eighth column named: read as the sample's (the date in the
    // API's form, the Type in any case).
    let typed = format!(
        "{SAMPLE_HEADER},Type\n\
         {NORTHWIND},northwindtraders.onmicrosoft.com,2019-11-20T00:00:00.000Z,Grace,Hopper,,grace@northwindtraders.com,microsoftcustomeragreement\n"
    );
    let file = write(dir.path(), "typed.csv", &typed);
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("line 2: created: Northwind Traders"));
    let northwind = load(dir.path());
    let northwind = confirmations(&northwind, NORTHWIND);
    assert_eq!(northwind.len(), 1);
    assert_eq!(northwind[0].agreement_type, CUSTOMER_AGREEMENT_TYPE);
    assert_eq!(northwind[0].date_agreed.to_string(), "2019-11-20");

    // The same names without the space are pcenter's own header, as its export writes it:
    // dates as YYYY-MM-DD and a value in every column, so the sample's dates are refused...
    let own = format!(
        "TenantId,Domain,Date,First Name,Last Name,Phone,Email,Type\n\
         {SAKURA},sakuradesign.onmicrosoft.com,11/15/2019 12:00:00 AM,Haruto,Sato,,haruto.sato@sakura.jp,MicrosoftCustomerAgreement\n\
         {HANBIT},hanbitlogistics.onmicrosoft.com,,,,,\n"
    );
    let file = write(dir.path(), "own.csv", &own);
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(11));
    let said = stdout(&output);
    assert!(
        said.starts_with(
            "line 2: rejected: Date: '11/15/2019 12:00:00 AM' is a date as a spreadsheet shows it"
        ),
        "{said}"
    );
    assert!(
        said.contains("line 3: rejected: the row has 7 fields where the header has 8"),
        "{said}"
    );
    // ...and its rows confirm the agreement their Type names.
    let own = format!(
        "TenantId,Domain,Date,First Name,Last Name,Phone,Email,Type\n\
         {SAKURA},sakuradesign.onmicrosoft.com,2019-11-15,Haruto,Sato,,haruto.sato@sakura.jp,MicrosoftCustomerAgreement\n"
    );
    let file = write(dir.path(), "own.csv", &own);
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let sakura = load(dir.path());
    let sakura = confirmations(&sakura, SAKURA);
    assert_eq!(sakura.len(), 1);
    assert_eq!(sakura[0].agreement_type, CUSTOMER_AGREEMENT_TYPE);
}

#[test]
fn a_row_confirms_the_agreement_its_type_names_and_says_why_the_service_refuses_it() {
    let (dir, _) = demo_dir();
    let text = format!(
        "{SAMPLE_HEADER}\n\
         {NORTHWIND},northwindtraders.onmicrosoft.com,2/28/2020 12:00:00 AM,Ada,Lovelace,,ada@northwindtraders.com,MicrosoftCloudAgreement\n\
         {SAKURA},sakuradesign.onmicrosoft.com,2/28/2020 12:00:00 AM,Haruto,Sato,,haruto.sato@sakura.jp,MicrosoftCustomerAgreement\n"
    );
    let file = write(dir.path(), "2020.csv", &text);
    // After January 31, 2020 only the Customer Agreement can be confirmed.
    let output = run_on(
        dir.path(),
        "2020-03-02",
        &["agreements", "import", arg(&file)],
    );
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let said = stdout(&output);
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[0].starts_with("line 2: rejected: Microsoft Cloud Agreement Template ID '998b88de-aa99-4388-a42c-1b3517d49490' is no longer supported.")
            && lines[0].ends_with(" In this file, that is the Type MicrosoftCustomerAgreement."),
        "{said}"
    );
    assert_eq!(
        lines[1],
        "line 3: created: 株式会社さくらデザイン (sakuradesign.onmicrosoft.com)"
    );
    let after = load(dir.path());
    assert!(confirmations(&after, NORTHWIND).is_empty());
    assert_eq!(
        confirmations(&after, SAKURA)[0].agreement_type,
        CUSTOMER_AGREEMENT_TYPE
    );

    // Before October 1, 2019 the Customer Agreement cannot be confirmed yet.
    let early = format!(
        "{SAMPLE_HEADER}\n\
         {NORTHWIND},northwindtraders.onmicrosoft.com,9/2/2019 12:00:00 AM,Ada,Lovelace,,ada@northwindtraders.com,MicrosoftCustomerAgreement\n"
    );
    let file = write(dir.path(), "2019.csv", &early);
    let output = run_on(
        dir.path(),
        "2019-09-02",
        &["agreements", "import", arg(&file)],
    );
    let said = stdout(&output);
    assert!(
        said.starts_with(
            "line 2: rejected: The Microsoft Customer Agreement can be confirmed from"
        ) && said.contains(" In this file, that is the Type MicrosoftCloudAgreement.\n"),
        "{said}"
    );

    // A row of pcenter's own CSV names no agreement: it confirms the dashboard's of the day.
    let own = format!(
        "TenantId,Date,First Name,Last Name,Phone,Email\n{NORTHWIND},2020-03-01,Ada,Lovelace,,ada@northwindtraders.com\n"
    );
    let file = write(dir.path(), "own.csv", &own);
    let output = run_on(
        dir.path(),
        "2020-03-02",
        &["agreements", "import", arg(&file)],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let after = load(dir.path());
    let northwind = confirmations(&after, NORTHWIND);
    assert_eq!(northwind.len(), 1);
    assert_eq!(northwind[0].template_id, CUSTOMER_AGREEMENT_TEMPLATE_ID);
}

#[test]
fn a_file_giving_one_agreement_of_a_customer_twice_is_refused_whole() {
    let (dir, before) = demo_dir();
    let text = format!(
        "{SAMPLE_HEADER}\n\
         {SAKURA},sakuradesign.onmicrosoft.com,11/15/2019 12:00:00 AM,Haruto,Sato,,haruto.sato@sakura.jp,MicrosoftCustomerAgreement\n\
         {NORTHWIND},northwindtraders.onmicrosoft.com,11/1/2018 12:00:00 AM,Ada,Lovelace,,ada@northwindtraders.com,MicrosoftCloudAgreement\n\
         {NORTHWIND},northwindtraders.onmicrosoft.com,11/2/2018 12:00:00 AM,Ada,Byron,,ada@northwindtraders.com,microsoftcloudagreement\n"
    );
    let file = write(dir.path(), "twice.csv", &text);
    for dry_run in [true, false] {
        let mut args = vec!["agreements", "import", arg(&file)];
        if dry_run {
            args.push("--dry-run");
        }
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(6), "{}", stdout(&output));
        assert_eq!(stdout(&output), "");
        let error: serde_json::Value = serde_json::from_str(&stderr(&output)).unwrap();
        let description = error["description"].as_str().unwrap();
        assert_eq!(
            description,
            format!(
                "{} cannot be imported: it gives the same agreement of a customer more than once, which Microsoft's sample refuses as duplicate or contradicting agreement data: the tenant {NORTHWIND} has 2 rows of type MicrosoftCloudAgreement (lines 3, 4). Keep one row per tenant and Type (the latest confirmation), then import the file again; nothing was imported.",
                file.display()
            )
        );
    }
    assert_eq!(load(dir.path()), before);
}

/// Northwind's confirmations of both agreements, by different people, with a name that a
/// spreadsheet would take for a formula.
fn northwind_with_both_agreements() -> Vec<Confirmation> {
    vec![
        confirmation(
            NORTHWIND,
            "2018-11-01",
            ["Ada", "O'Brien", "ada@northwindtraders.com"],
            Some("+44 20 7946 0000"),
            false,
        ),
        confirmation(
            NORTHWIND,
            "2019-10-01",
            ["Grace", "=Hopper", "grace@northwindtraders.com"],
            None,
            true,
        ),
    ]
}

#[test]
fn an_export_in_the_samples_format_imports_back_without_changing_anything() {
    // Northwind has both agreements, by different people.
    let (dir, before) = demo_dir_with(northwind_with_both_agreements());
    let file = dir.path().join("sample.csv");
    let output = run(
        dir.path(),
        &[
            "agreements",
            "export",
            "--format",
            "microsoft-sample",
            "--out",
            arg(&file),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "Exported {} customers ({} with a confirmation) to {}\n",
            sample_rows(&before).0,
            sample_rows(&before).2,
            file.display()
        )
    );
    let csv = std::fs::read_to_string(&file).unwrap();
    let data_rows = csv
        .lines()
        .skip(1)
        .filter(|l| !l.ends_with(",,,,,"))
        .count();
    let empty_rows = csv.lines().skip(1).count() - data_rows;
    assert_eq!(data_rows + empty_rows, sample_rows(&before).1, "{csv}");
    for dry_run in [true, false] {
        let mut args = vec!["agreements", "import", arg(&file)];
        if dry_run {
            args.push("--dry-run");
        }
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        let said = stdout(&output);
        let summary = said.lines().last().unwrap();
        let created = if dry_run {
            "would create 0"
        } else {
            "0 created"
        };
        assert!(
            summary.contains(&format!(
                ": {created}, {data_rows} unchanged, {empty_rows} skipped, 0 rejected"
            )),
            "{said}"
        );
        assert_eq!(load(dir.path()), before);
    }
}

#[test]
fn the_help_names_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let export = run(dir.path(), &["agreements", "export", "--help"]);
    let help = stdout(&export);
    assert!(help.contains("--format <FORMAT>"), "{help}");
    assert!(help.contains("microsoft-sample"), "{help}");
    assert!(help.contains("pcenter"), "{help}");
    let import = run(dir.path(), &["agreements", "import", "--help"]);
    let help = stdout(&import);
    assert!(help.contains("GetAllCustomersAgreements"), "{help}");
}

/// Each customer's confirmations on `TODAY` as an export carries them: who accepted, when,
/// and which agreement (who recorded them, when and how are the import's own).
fn as_exported(snapshot: &Snapshot, sample: bool) -> Vec<(String, String, Contact, String)> {
    let mut book = Book::from_snapshot(snapshot.clone());
    let today = TODAY.parse().unwrap();
    book.set_as_of(today);
    let mut exported = Vec::new();
    for customer in book.customers_by_name() {
        let all = book.confirmations(&customer.id);
        let kept: Vec<&Confirmation> = match sample {
            true => (AgreementKind::ALL.iter())
                .filter_map(|kind| agreement::current_of(all, *kind, today))
                .collect(),
            false => agreement::confirmation_in_force(all, today)
                .into_iter()
                .collect(),
        };
        exported.extend(kept.into_iter().map(|c| {
            (
                c.customer_id.clone(),
                c.agreement_type.clone(),
                c.accepted_by.clone(),
                c.date_agreed.to_string(),
            )
        }));
    }
    exported
}

#[test]
fn an_export_in_either_format_restores_its_confirmations_of_both_agreements_in_a_store_without_any()
{
    // Contoso's Customer Agreement is its latest; Northwind has both, by different people.
    let more = northwind_with_both_agreements();
    for (format, sample) in [("pcenter", false), ("microsoft-sample", true)] {
        let (dir, before) = demo_dir_with(more.clone());
        let file = dir.path().join("agreements.csv");
        let export = run(
            dir.path(),
            &[
                "agreements",
                "export",
                "--format",
                format,
                "--out",
                arg(&file),
            ],
        );
        assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
        let csv = std::fs::read_to_string(&file).unwrap();
        if !sample {
            let contoso = csv.lines().find(|l| l.starts_with(CONTOSO)).unwrap();
            assert!(
                contoso.ends_with(",patti@contosoelectronics.com,MicrosoftCustomerAgreement"),
                "{contoso}"
            );
        }

        // The same customers, orders and subscriptions, without a confirmation.
        let empty = tempfile::tempdir().unwrap();
        let without = Snapshot {
            confirmations: Vec::new(),
            ..before.clone()
        };
        open(empty.path())
            .write_snapshot(&without)
            .expect("seed the store");
        let import = run(empty.path(), &["agreements", "import", arg(&file)]);
        assert_eq!(
            import.status.code(),
            Some(0),
            "{format}: {}",
            stdout(&import)
        );
        let after = load(empty.path());
        let expected = as_exported(&before, sample);
        assert!(
            expected
                .iter()
                .any(|(id, kind, ..)| id == CONTOSO && kind == CUSTOMER_AGREEMENT_TYPE),
            "{expected:?}"
        );
        assert_eq!(as_exported(&after, sample), expected, "{format}");
        for c in &after.confirmations {
            assert_eq!(c.channel, Channel::Import, "{c:?}");
            let template = match c.agreement_type.as_str() {
                CUSTOMER_AGREEMENT_TYPE => CUSTOMER_AGREEMENT_TEMPLATE_ID,
                _ => MCA_TEMPLATE_ID,
            };
            assert_eq!(c.template_id, template, "{c:?}");
        }
    }
}

#[test]
fn a_file_exported_before_the_type_column_still_imports_confirming_the_agreement_of_the_day() {
    let (dir, before) = demo_dir();
    let export = run(dir.path(), &["agreements", "export"]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    // The export as it was written before: the first seven columns.
    let old: String = stdout(&export)
        .lines()
        .map(|line| {
            let end = line.rfind(',').unwrap();
            format!("{}\n", &line[..end])
        })
        .collect();
    assert!(old.starts_with("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n"));
    let empty = tempfile::tempdir().unwrap();
    let without = Snapshot {
        confirmations: Vec::new(),
        ..before.clone()
    };
    open(empty.path())
        .write_snapshot(&without)
        .expect("seed the store");
    let file = write(empty.path(), "old.csv", &old);
    let import = run(empty.path(), &["agreements", "import", arg(&file)]);
    assert_eq!(import.status.code(), Some(0), "{}", stdout(&import));
    let after = load(empty.path());
    let confirmed: Vec<&str> = after
        .confirmations
        .iter()
        .map(|c| c.customer_id.as_str())
        .collect();
    let expected: Vec<String> = as_exported(&before, false)
        .into_iter()
        .map(|(id, ..)| id)
        .collect();
    assert_eq!(confirmed.len(), expected.len());
    // Without a Type, each row confirms the agreement the dashboard confirms on the business
    // date: until January 31, 2020 the Microsoft Cloud Agreement.
    assert!(
        after
            .confirmations
            .iter()
            .all(|c| c.agreement_type == MCA_TYPE),
        "{:?}",
        after.confirmations
    );
}
