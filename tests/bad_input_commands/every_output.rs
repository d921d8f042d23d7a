//! A store holding control and format characters in every text of a customer, as an older
//! version could have written: every output of every command (JSON, tables, CSV, import
//! lines, summaries, backups, error lines, paths) writes them as escapes, and the CSVs give
//! the stored values back exactly.

use crate::assert_printable;
use crate::binary::*;
use pcenter::api::csv_escape::unescape;
use pcenter::api::output::unneutralised;
use pcenter::domain::customer::Customer;
use pcenter::store::Snapshot;

/// Every kind of hidden character: C0, DEL, C1, line breaks of every kind, direction marks,
/// isolates, zero-width and tag characters, the byte order mark.
const HIDDEN: &str =
    "\x1b[31m\x07\x7f\u{9b}\u{202e}\u{200b}\u{2066}\u{feff}\u{e0041}\t\r\n\u{85}\u{2028}\0";
const ID: &str = "0badc0de-0000-4000-8000-00000000000a";

fn hostile(text: &str) -> String {
    format!("{text}{HIDDEN}{text}")
}

/// For the company name and the domain, which the customer list stores in rows of text: all
/// but the line feed, which the store itself refuses there.
fn hostile_listed(text: &str) -> String {
    hostile(text).replace('\n', "")
}

/// Plants a public-cloud customer with hidden characters in every text, its confirmation, and
/// an order of one subscription with such a name. Returns the customer.
fn plant_everywhere(demo: &Demo) -> Customer {
    let seeded = demo.snapshot_after_seeding();
    let mut customer = seeded
        .customers
        .iter()
        .find(|c| c.id == CONTOSO)
        .unwrap()
        .clone();
    customer.id = ID.into();
    customer.company_name = hostile_listed("Legacy");
    customer.domain = hostile_listed("legacy") + ".onmicrosoft.com";
    let address = &mut customer.address;
    for field in [
        &mut address.line1,
        &mut address.city,
        &mut address.state,
        &mut address.postal_code,
    ] {
        *field = hostile(field);
    }
    address.line2 = Some(hostile("Suite"));
    let contact = &mut customer.primary_contact;
    contact.first_name = hostile("Ada");
    contact.last_name = hostile("Lovelace");
    contact.email = hostile("ada@contoso.com");
    contact.phone = Some(hostile("+1 425"));
    customer.created_by = hostile("Agent");

    let mut confirmation = seeded
        .confirmations
        .iter()
        .find(|c| c.customer_id == CONTOSO)
        .unwrap()
        .clone();
    confirmation.customer_id = ID.into();
    confirmation.accepted_by = customer.primary_contact.clone();
    confirmation.recorded_by = hostile("Recorder");

    // An Office offer: lists name it as the catalog did on the business date, "Office 365 E1".
    let mut subscription = seeded
        .subscriptions
        .iter()
        .find(|s| s.id == BAECKEREI_E1)
        .unwrap()
        .clone();
    let mut order = seeded
        .orders
        .iter()
        .find(|o| o.id == subscription.order_id)
        .unwrap()
        .clone();
    order.id = "0badc0de-0000-4000-8000-00000000000b".into();
    order.customer_id = ID.into();
    order.created_by = hostile("Agent");
    order.lines.truncate(1);
    subscription.id = "0badc0de-0000-4000-8000-00000000000c".into();
    subscription.customer_id = ID.into();
    subscription.order_id = order.id.clone();
    subscription.offer_name = hostile("Office");

    demo.plant_records(Snapshot {
        partner_name: None,
        customers: vec![customer.clone()],
        confirmations: vec![confirmation],
        orders: vec![order],
        subscriptions: vec![subscription],
    });
    customer
}

/// Runs `args` and checks that nothing it wrote carries a hidden character.
fn printable(demo: &Demo, args: &[&str]) -> Run {
    let run = demo.run(MANDATORY_DAY, args);
    assert_printable(&run);
    run
}

/// The CSV line of `ID` in `csv`, its fields as they were stored.
fn stored_fields(csv: &str) -> Vec<String> {
    let line = csv.lines().find(|l| l.starts_with(ID)).expect("the row");
    csv_fields(line)
        .iter()
        .map(|f| unescape(unneutralised(f.trim())).into_owned())
        .collect()
}

#[test]
fn every_command_writes_stored_hidden_characters_as_escapes() {
    let demo = Demo::new();
    let customer = plant_everywhere(&demo);
    let sub = "0badc0de-0000-4000-8000-00000000000c";
    let reads: &[&[&str]] = &[
        &["customers", "list"],
        &["customers", "list", "--format", "table"],
        &[
            "customers",
            "list",
            "--filter",
            "Legacy",
            "--format",
            "table",
        ],
        &["customers", "list", "--filter", "Legacy", "--format", "csv"],
        &["customers", "show", ID],
        &["agreements", "list", "--customer", ID],
        &["subscriptions", "list", "--customer", ID],
        &[
            "subscriptions",
            "list",
            "--customer",
            ID,
            "--format",
            "table",
        ],
        &["subscriptions", "list", "--customer", ID, "--format", "csv"],
        &["report", "compliance"],
        &["report", "compliance", "--format", "json"],
        &["report", "compliance", "--format", "csv"],
        &["backup", "--out", "-"],
    ];
    for args in reads {
        let run = printable(&demo, args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        let shows_it = ["Legacy", "Ada", "Office"]
            .iter()
            .any(|t| run.stdout.contains(t));
        assert!(shows_it, "{args:?}: {}", run.stdout);
    }

    let json = printable(&demo, &["customers", "show", ID]).json();
    assert_eq!(
        json["companyProfile"]["companyName"], customer.company_name,
        "the JSON means the same"
    );
    let table = printable(&demo, &["customers", "list", "--format", "table"]);
    assert!(table
        .stdout
        .contains("Legacy\\u{1b}[31m\\u{7}\\u{7f}\\u{9b}\\u{202e}"));

    let csv = printable(&demo, &["customers", "list", "--format", "csv"]);
    let fields = stored_fields(&csv.stdout);
    assert_eq!(fields[1], customer.company_name, "the CSV gives it back");
    assert_eq!(fields[2], customer.domain);

    let writes: &[&[&str]] = &[
        &[
            "subscriptions",
            "set-seats",
            "--customer",
            ID,
            "--subscription",
            sub,
            "--quantity",
            "7",
        ],
        &[
            "orders",
            "create",
            "--customer",
            ID,
            "--offer",
            E3,
            "--quantity",
            "2",
        ],
        &[
            "agreements",
            "create",
            "--customer",
            ID,
            "--first-name",
            "Grace",
            "--last-name",
            "Hopper",
            "--email",
            "grace@contoso.com",
        ],
    ];
    for args in writes {
        let run = printable(&demo, args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
    }
}

#[test]
fn an_export_of_stored_hidden_characters_imports_back_unchanged() {
    let demo = Demo::new();
    let customer = plant_everywhere(&demo);
    let dir = tempfile::tempdir().unwrap();
    let file = dir
        .path()
        .join(format!("back{HIDDEN}log.csv").replace(['\0', '/'], ""));
    let export = printable(
        &demo,
        &["agreements", "export", "--out", file.to_str().unwrap()],
    );
    assert_eq!(export.code, Some(0), "{export:?}");
    let csv = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        csv.chars()
            .find(|c| pcenter::domain::characters::is_hidden(*c) && *c != '\n'),
        None
    );
    let fields = stored_fields(&csv);
    let contact = &customer.primary_contact;
    assert_eq!(
        fields[3..].to_vec(),
        [
            contact.first_name.clone(),
            contact.last_name.clone(),
            contact.phone.clone().unwrap(),
            contact.email.clone(),
            "MicrosoftCloudAgreement".to_string(),
        ]
    );

    let before = demo.snapshot();
    for dry_run in [true, false] {
        let mut args = vec!["agreements", "import", file.to_str().unwrap()];
        if dry_run {
            args.push("--dry-run");
        }
        let import = printable(&demo, &args);
        assert_eq!(import.code, Some(0), "{import:?}");
        let line = import
            .stdout
            .lines()
            .find(|l| l.contains("Legacy"))
            .unwrap();
        assert!(
            line.contains(": unchanged: Legacy\\u{1b}[31m")
                && line.ends_with("the same contact is already confirmed"),
            "{line}"
        );
        assert!(
            import.stdout.contains("back\\u{1b}[31m\\u{7}"),
            "{}",
            import.stdout
        );
        assert!(
            !import.stdout.contains(": created:") && !import.stdout.contains("would be created"),
            "{}",
            import.stdout
        );
    }
    assert_eq!(demo.snapshot(), before, "nothing written");
}

#[test]
fn refusals_and_paths_write_hidden_characters_as_escapes_and_cut_floods() {
    let demo = Demo::new();
    plant_everywhere(&demo);
    let flood = format!("{}{HIDDEN}", "x".repeat(100_000)).replace('\0', "");
    let hostile_path =
        format!("/nonexistent/{}{HIDDEN}.csv", "dir/".repeat(1_000)).replace('\0', "");
    let runs: Vec<Vec<&str>> = vec![
        vec!["customers", "show", &flood],
        vec!["agreements", "list", "--customer", &flood],
        vec!["agreements", "export", "--out", &hostile_path],
        vec!["backup", "--out", &hostile_path],
        vec!["agreements", "import", &hostile_path],
        vec!["customers", "create", "--json", &hostile_path],
        vec![
            "agreements",
            "create",
            "--customer",
            ID,
            "--json",
            &hostile_path,
        ],
        vec!["generate", "--customers", "1"],
        vec![
            "subscriptions",
            "set-seats",
            "--customer",
            ID,
            "--subscription",
            &flood,
            "--quantity",
            "1",
        ],
        vec![
            "orders",
            "create",
            "--customer",
            ID,
            "--offer",
            &flood,
            "--quantity",
            "1",
        ],
    ];
    for args in &runs {
        let run = printable(&demo, args);
        assert_ne!(run.code, Some(0), "{run:?}");
        // A value repeated is cut at 40 characters, a path at its last 100.
        assert!(
            run.stdout.len() + run.stderr.len() < 700,
            "{args:?} floods: {run:?}"
        );
    }
    // Whatever a message says, no line of it floods the terminal.
    let run = printable(&demo, &["restore", &hostile_path]);
    assert_eq!(run.code, Some(6), "{run:?}");
    assert!(run.stderr.len() < 3_000, "{run:?}");
    // A value of the wrong type, which the JSON parser repeats in its message.
    let body = format!(r#"{{"companyProfile": "{}\u001b"}}"#, "x".repeat(100_000));
    let run = demo.run_with_input(
        MANDATORY_DAY,
        &["customers", "create", "--json", "-"],
        &body,
    );
    assert_printable(&run);
    assert!(run.stderr.len() < 1_000, "{run:?}");
}
