use crate::*;
use pcenter::store::{SledStore, Store};

#[test]
fn the_log_tells_each_command_its_writes_and_refusals_with_contacts_masked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let confirm = [
        "agreements",
        "create",
        "--customer",
        "sakuradesign.onmicrosoft.com",
        "--first-name",
        "山田",
        "--last-name",
        "太郎",
        "--email",
        "taro.yamada@sakura.jp",
        "--phone",
        "+81 3-1234-5678",
    ];
    assert_eq!(run(&data, &confirm).status.code(), Some(0));
    assert_eq!(
        run(&data, &confirm).status.code(),
        Some(9),
        "the same contact again"
    );
    let order = [
        "orders",
        "create",
        "--customer",
        "sakuradesign.onmicrosoft.com",
        "--offer",
        "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72",
        "--quantity",
        "12",
    ];
    assert_eq!(run(&data, &order).status.code(), Some(0));

    let log = log(&data);
    let lines: Vec<&str> = log.lines().collect();
    let has = |text: &str| lines.iter().any(|l| l.contains(text));
    let sakura = "24dc1531-9f15-41db-bc71-077987e5c994";
    for expected in [
        " INFO command started: agreements create, as Megan Bowen (Admin agent), business date 2018-11-14",
        " INFO store write: 34 customers, 26 confirmations, 40 orders and 61 subscriptions at once",
        &format!(" INFO store write: customer {sakura} confirmation dated 2018-11-14, accepted by t***@sakura.jp (+** *-****-**78), recorded by Megan Bowen through command"),
        " INFO command finished: agreements create, exit code 0",
        " WARN command refused: agreements create, exit code 9, code 600061: PartnerConfirmedAgreementAlreadyExists",
        &format!(" INFO store write: customer {sakura} order "),
        "(12 x 8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72) with 1 subscriptions",
        " INFO command finished: orders create, exit code 0",
    ] {
        assert!(has(expected), "no line has {expected:?}:\n{log}");
    }

    // Not one email address or phone number of the store is in the log whole.
    let store = SledStore::open(&data.join("demo")).unwrap();
    let snapshot = store.load().unwrap();
    let contacts = (snapshot.customers.iter().map(|c| &c.primary_contact))
        .chain(snapshot.confirmations.iter().map(|c| &c.accepted_by));
    let mut checked = 0;
    for contact in contacts {
        assert!(
            !log.contains(&contact.email),
            "{} is in the log",
            contact.email
        );
        if let Some(phone) = &contact.phone {
            assert!(!log.contains(phone.as_str()), "{phone} is in the log");
        }
        checked += 1;
    }
    assert!(checked > 50);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("pcenter.log"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_store_that_cannot_be_used_is_logged_with_the_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("demo"), "a file where the store would be").unwrap();
    let output = run(&data, &["customers", "list"]);
    assert_eq!(output.status.code(), Some(4));
    let log = log(&data);
    assert!(
        log.contains(" INFO command started: customers list"),
        "{log}"
    );
    assert!(
        log.contains(
            " WARN command refused: customers list, exit code 4, code 500: The pcenter store at"
        ),
        "{log}"
    );
}

#[test]
fn each_row_an_import_refuses_is_logged_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let csv = dir.path().join("rows.csv");
    std::fs::write(
        &csv,
        "TenantId,Domain,Date,First Name,Last Name,Phone,Email\n\
         24dc1531-9f15-41db-bc71-077987e5c994,,2018-09-01,Zoë,Wright,+44 20 7946 0321,zoe.wright\n",
    )
    .unwrap();
    let output = run(&data, &["agreements", "import", csv.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(11));
    let log = log(&data);
    assert!(
        log.contains(" WARN import refused line 2: Email: The email address needs an @."),
        "{log}"
    );
    assert!(log.contains(" INFO command finished: agreements import, exit code 11"));
}
