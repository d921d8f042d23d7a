//! The commands in Korean, from the outside: `--lang ko`, or a Korean locale (`LANG`), makes the
//! tables, the import's lines and the refusals' descriptions Korean, with no English word of
//! pcenter's own; `LC_ALL=C` overrides a Korean `LANG` back to English. JSON, CSV, codes and exit
//! statuses are the same in every language.

mod binary;
mod common;

use binary::speaking::*;
use binary::*;
use common::assert_korean;
use serde_json::Value;

/// Runs `pcenter --demo` as `role` on `today`, speaking as told, with nothing else of the
/// environment's language.
fn run_in(demo: &Demo, speaking: Speaking, role: &str, today: &str, args: &[&str]) -> Run {
    let options = ["--demo", "--today", today, "--agent", AGENT, "--role", role];
    let mut command = pcenter_at(demo.dir(), &options);
    speaking.with_args(&mut command, args);
    Run::from(command.output().expect("run pcenter"))
}

fn run(demo: &Demo, speaking: Speaking, today: &str, args: &[&str]) -> Run {
    run_in(demo, speaking, "admin-agent", today, args)
}

fn succeeded(run: Run) -> String {
    assert_eq!(run.code, Some(0), "{run:?}");
    run.stdout
}

/// An order for Northwind, which is not confirmed: the API refuses it from March 22, 2019.
const ORDER_FOR_NORTHWIND: [&str; 8] = [
    "orders",
    "create",
    "--customer",
    NORTHWIND,
    "--offer",
    E3,
    "--quantity",
    "5",
];

/// The tables for people, each with the business date it is read on.
const TABLES: [(&str, &[&str]); 5] = [
    (API_DAY, &["customers", "list", "--format", "table"]),
    (
        "2019-10-01",
        &["customers", "list", "--format", "table", "--unconfirmed"],
    ),
    (
        MANDATORY_DAY,
        &[
            "subscriptions",
            "list",
            "--customer",
            CONTOSO,
            "--format",
            "table",
        ],
    ),
    (MANDATORY_DAY, &["offers", "list", "--format", "table"]),
    (API_DAY, &["report", "compliance", "--format", "table"]),
];

#[test]
fn the_tables_are_korean_with_the_lang_option_and_with_a_korean_locale() {
    let demo = Demo::new();
    for (today, args) in TABLES {
        let korean = succeeded(run(&demo, KO, today, args));
        assert_korean(&format!("{args:?}"), &korean);
        let english = succeeded(run(&demo, EN, today, args));
        assert_ne!(korean, english, "{args:?}");
        // The same rows, line for line: only the words differ.
        assert_eq!(korean.lines().count(), english.lines().count(), "{args:?}");
        assert_eq!(
            succeeded(run(&demo, KO_LOCALE, today, args)),
            korean,
            "LANG=ko_KR.UTF-8 {args:?}"
        );
        assert_eq!(
            succeeded(run(&demo, C_OVER_KO, today, args)),
            english,
            "LC_ALL=C over a Korean LANG {args:?}"
        );
    }
}

#[test]
fn korean_tables_use_partner_centers_korean_terms() {
    let demo = Demo::new();
    let customers = succeeded(run(&demo, KO, API_DAY, TABLES[0].1));
    let header = customers.lines().next().unwrap();
    for heading in [
        "테넌트 ID",
        "회사 이름",
        "기본 도메인",
        "Microsoft 클라우드 계약",
    ] {
        assert!(header.contains(heading), "{header}");
    }
    for status in ["확인됨", "확인되지 않음", "지원되지 않음"] {
        assert!(customers.contains(status), "{status}:\n{customers}");
    }
    assert!(customers.trim_end().ends_with("고객 31개"), "{customers}");
    let later = succeeded(run(
        &demo,
        KO,
        "2019-10-01",
        &["customers", "list", "--format", "table"],
    ));
    assert!(later.contains("확인된 계약"), "{later}");
    let subscriptions = succeeded(run(&demo, KO, MANDATORY_DAY, TABLES[2].1));
    for word in [
        "구독 ID",
        "라이선스 수",
        "자동 갱신",
        "사용량 기반",
        "활성",
        "켜짐",
    ] {
        assert!(subscriptions.contains(word), "{word}:\n{subscriptions}");
    }
    let offers = succeeded(run(&demo, KO, MANDATORY_DAY, TABLES[3].1));
    for word in ["제품 ID", "범주", "청구", "최대 수량", "사용자 수 기반"] {
        assert!(offers.contains(word), "{word}:\n{offers}");
    }
    let report = succeeded(run(&demo, KO, API_DAY, TABLES[4].1));
    for word in [
        "수락한 사람",
        "새 주문",
        "차단됨",
        "허용됨",
        "필수 단계",
        "2019년 3월 22일",
    ] {
        assert!(report.contains(word), "{word}:\n{report}");
    }
}

#[test]
fn a_helpdesk_agent_is_told_in_korean_why_the_report_is_not_theirs() {
    let demo = Demo::new();
    let args = ["report", "compliance", "--format", "table"];
    let run = run_in(&demo, KO, "helpdesk-agent", API_DAY, &args);
    let refused = run.refused(7, 403);
    assert_korean("the helpdesk agent's report", &refused);
    assert!(
        refused.contains("관리자 에이전트 또는 판매 에이전트여야 합니다"),
        "{refused}"
    );
}

#[test]
fn json_and_csv_are_the_same_in_every_language() {
    let demo = Demo::new();
    let outputs: [(&str, &[&str]); 11] = [
        (API_DAY, &["customers", "list"]),
        (API_DAY, &["customers", "list", "--format", "csv"]),
        (API_DAY, &["customers", "show", CONTOSO]),
        (API_DAY, &["agreements", "list", "--customer", CONTOSO]),
        (API_DAY, &["subscriptions", "list", "--customer", CONTOSO]),
        (
            API_DAY,
            &[
                "subscriptions",
                "list",
                "--customer",
                CONTOSO,
                "--format",
                "csv",
            ],
        ),
        (API_DAY, &["offers", "list"]),
        (API_DAY, &["offers", "list", "--format", "csv"]),
        (API_DAY, &["report", "compliance", "--format", "json"]),
        (API_DAY, &["report", "compliance", "--format", "csv"]),
        (API_DAY, &["agreements", "export"]),
    ];
    for (today, args) in outputs {
        let english = succeeded(run(&demo, EN, today, args));
        assert!(!english.is_empty(), "{args:?}");
        for speaking in [KO, KO_LOCALE] {
            assert_eq!(
                succeeded(run(&demo, speaking, today, args)),
                english,
                "{speaking:?} {args:?}"
            );
        }
    }
    // The report's CSV holds rows only: its summary, for a person, goes to stderr in Korean.
    let csv = run(
        &demo,
        KO,
        API_DAY,
        &["report", "compliance", "--format", "csv"],
    );
    assert!(csv.stderr.starts_with("pcenter: 고객 31개: "), "{csv:?}");
    assert_korean("the report's summary", &csv.stderr);
}

/// A refusal in both languages: the same code, exit status and fields; the Korean description
/// has no English word of pcenter's own.
fn refused_alike(demo: &Demo, role: &str, today: &str, args: &[&str], exit: i32, code: u64) {
    let english = run_in(demo, EN, role, today, args);
    let said = english.refused(exit, code);
    for speaking in [KO, KO_LOCALE] {
        let korean = run_in(demo, speaking, role, today, args);
        let description = korean.refused(exit, code);
        assert_korean(&format!("{speaking:?} {args:?}"), &description);
        assert_ne!(description, said);
        let mut json: Value = serde_json::from_str(korean.stderr.trim()).unwrap();
        let mut english_json: Value = serde_json::from_str(english.stderr.trim()).unwrap();
        json["description"] = Value::Null;
        english_json["description"] = Value::Null;
        assert_eq!(json, english_json, "only the description differs");
    }
    let c = run_in(demo, C_OVER_KO, role, today, args);
    assert_eq!(c.refused(exit, code), said, "LC_ALL=C over a Korean LANG");
}

#[test]
fn refusals_are_said_in_korean_with_their_codes_and_exit_statuses() {
    let demo = Demo::new();
    // The role: a Helpdesk agent may not see confirmations.
    let list = ["agreements", "list", "--customer", CONTOSO];
    refused_alike(&demo, "helpdesk-agent", API_DAY, &list, 7, 403);
    // The gate: from March 22, 2019 the API refuses orders without a confirmation.
    let order = ORDER_FOR_NORTHWIND;
    refused_alike(&demo, "admin-agent", API_DAY, &order, 10, 13605);
    let korean = run(&demo, KO, API_DAY, &order).refused(10, 13605);
    assert!(korean.contains("2019년 3월 22일"), "{korean}");
    // A field: an acceptance dated after the business date.
    let mut future = CONFIRM_NORTHWIND.to_vec();
    future.extend(["--date", "2018-12-01"]);
    refused_alike(&demo, "admin-agent", MANDATORY_DAY, &future, 6, 600002);
    // Nothing was written by any of them.
    let agreements = run(
        &demo,
        EN,
        API_DAY,
        &["agreements", "list", "--customer", NORTHWIND],
    );
    assert_eq!(agreements.json()["totalCount"], 0);
}

#[test]
fn a_store_that_cannot_be_opened_is_said_in_korean() {
    let demo = Demo::new();
    let args = ["--environment", "sandbox", "customers", "list"];
    succeeded(run(&demo, EN, API_DAY, &args));
    let args = ["--environment", "production", "customers", "list"];
    let english = run(&demo, EN, API_DAY, &args);
    let korean = run(&demo, KO, API_DAY, &args);
    assert_eq!(korean.code, english.code);
    assert_eq!(korean.code, Some(4), "{korean:?}");
    assert!(korean.stderr.starts_with("pcenter: "), "{korean:?}");
    // The option to give is code, its value too.
    let said = korean.stderr.replace("--environment sandbox", "");
    assert_korean("a store of another environment", &said);
}

/// The demo's export with Northwind's row given a confirmation by Diego Siciliani.
fn backlog(demo: &Demo) -> String {
    let export = succeeded(run(demo, EN, MANDATORY_DAY, &["agreements", "export"]));
    let mut lines: Vec<String> = export.lines().map(str::to_string).collect();
    let header = csv_fields(&lines[0]);
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    let row = lines
        .iter()
        .position(|line| line.starts_with(NORTHWIND))
        .expect("Northwind's row");
    let mut fields = csv_fields(&lines[row]);
    fields[at("Date")] = MANDATORY_DAY.into();
    fields[at("First Name")] = "Diego".into();
    fields[at("Last Name")] = "Siciliani".into();
    fields[at("Email")] = "diego@northwindtraders.com".into();
    lines[row] = fields
        .iter()
        .map(|f| {
            if f.contains(',') {
                format!("\"{f}\"")
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    lines.join("\n") + "\n"
}

#[test]
fn an_imports_lines_and_summary_are_korean() {
    let demo = Demo::new();
    let file = demo.dir().join("backlog.csv");
    std::fs::write(&file, backlog(&demo)).unwrap();
    let path = file.to_str().unwrap();
    let dry = succeeded(run(
        &demo,
        KO,
        MANDATORY_DAY,
        &["agreements", "import", path, "--dry-run"],
    ));
    assert_korean("a dry run", &dry.replace(path, ""));
    assert!(dry.contains("행: 만들 예정: "), "{dry}");
    assert!(dry.contains("(아무것도 쓰지 않았습니다)"), "{dry}");
    let imported = run(
        &demo,
        KO_LOCALE,
        MANDATORY_DAY,
        &["agreements", "import", path],
    );
    assert_eq!(imported.code, Some(0), "{imported:?}");
    let said = imported.stdout.replace(path, "");
    assert_korean("an import", &said);
    for words in [
        "행: 만듦: ",
        "행: 변경 없음: ",
        "행: 건너뜀: ",
        "에서 가져옴: 만듦 1개, 변경 없음 ",
    ] {
        assert!(said.contains(words), "{words}:\n{said}");
    }
    // Again: every row is on record now, said so in English under LC_ALL=C.
    let again = succeeded(run(
        &demo,
        C_OVER_KO,
        MANDATORY_DAY,
        &["agreements", "import", path],
    ));
    assert!(again.contains(": 0 created, "), "{again}");
    assert!(
        again.contains(", the same contact is already confirmed"),
        "{again}"
    );
    // The export to a file says so in Korean; the file is the same CSV as in English.
    let out = demo.dir().join("out.csv");
    let out_path = out.to_str().unwrap();
    let exported = succeeded(run(
        &demo,
        KO,
        MANDATORY_DAY,
        &["agreements", "export", "--out", out_path],
    ));
    assert_korean("an export", &exported.replace(out_path, ""));
    assert!(exported.contains("에 내보냈습니다"), "{exported}");
}

#[test]
fn snapshots_of_korean_tables() {
    let demo = Demo::new();
    insta::assert_snapshot!(
        "customers_list_ko",
        succeeded(run(&demo, KO, API_DAY, TABLES[0].1))
    );
    insta::assert_snapshot!(
        "subscriptions_list_ko",
        succeeded(run(&demo, KO, MANDATORY_DAY, TABLES[2].1))
    );
    insta::assert_snapshot!(
        "report_compliance_ko",
        succeeded(run(&demo, KO, API_DAY, TABLES[4].1))
    );
}

/// A command run through the server that owns the store speaks the caller's language, whatever
/// the server's: the caller resolves `--lang` and its locale before sending its options.
#[cfg(unix)]
#[test]
fn through_the_owner_of_the_store_the_callers_language_counts() {
    let demo = Demo::new();
    // The store is seeded before the server takes it.
    succeeded(run(&demo, EN, MANDATORY_DAY, &["customers", "list"]));
    let alone = |speaking| succeeded(run(&demo, speaking, MANDATORY_DAY, TABLES[2].1));
    let (korean, english) = (alone(KO_LOCALE), alone(C_OVER_KO));
    let served = served::Served::start(demo.dir(), &["--http", "127.0.0.1:0"]);
    let owned = |speaking| run(&demo, speaking, MANDATORY_DAY, TABLES[2].1);
    for (speaking, expected) in [
        (KO_LOCALE, &korean),
        (KO, &korean),
        (C_OVER_KO, &english),
        (EN, &english),
    ] {
        let run = owned(speaking);
        assert_eq!(&succeeded(run), expected, "{speaking:?}");
    }
    let order = ORDER_FOR_NORTHWIND;
    let refused = run(&demo, KO_LOCALE, API_DAY, &order).refused(10, 13605);
    assert_korean("a refusal through the owner", &refused);
    served.stop();
}

#[test]
fn a_backup_says_where_it_went_in_korean() {
    let demo = Demo::new();
    let file = demo.dir().join("backup.jsonl");
    let path = file.to_str().unwrap();
    let said = succeeded(run(&demo, KO, MANDATORY_DAY, &["backup", "--out", path]));
    let said = said.replace(path, "");
    assert_korean("a backup", &said);
    assert!(said.starts_with("고객 3"), "{said}");
    assert!(said.contains("백업했습니다."), "{said}");
}

/// `restore`, which makes the store anew, is refused while a server owns the store, in the
/// language of the pcenter that asked.
#[cfg(unix)]
#[test]
fn a_command_that_needs_the_store_alone_is_refused_in_the_callers_language() {
    let demo = Demo::new();
    succeeded(run(&demo, EN, MANDATORY_DAY, &["customers", "list"]));
    let served = served::Served::start(demo.dir(), &["--http", "127.0.0.1:0"]);
    let restore = ["restore", "backup.jsonl"];
    let english = run(&demo, EN, MANDATORY_DAY, &restore);
    let korean = run(&demo, KO_LOCALE, MANDATORY_DAY, &restore);
    served.stop();
    assert_eq!(english.code, Some(3), "{english:?}");
    assert_eq!(korean.code, english.code, "{korean:?}");
    assert!(
        english.stderr.contains("needs the store alone"),
        "{english:?}"
    );
    assert!(
        korean.stderr.contains("저장소를 단독으로 사용해야 합니다"),
        "{korean:?}"
    );
    assert!(korean.stderr.contains("pcenter 서버"), "{korean:?}");
}

#[test]
fn an_import_row_of_the_retired_agreement_is_refused_in_korean_with_the_type_to_write() {
    let demo = Demo::new();
    let export = succeeded(run(&demo, EN, "2020-06-01", &["agreements", "export"]));
    let header = export.lines().next().unwrap();
    let file = demo.dir().join("retired.csv");
    let row = format!(
        "{NORTHWIND},northwindtraders.onmicrosoft.com,2020-05-20,Diego,Siciliani,,diego@northwindtraders.com,MicrosoftCloudAgreement"
    );
    std::fs::write(&file, format!("{header}\n{row}\n")).unwrap();
    let path = file.to_str().unwrap();
    let imported = run(&demo, KO, "2020-06-01", &["agreements", "import", path]);
    let said = format!("{}{}", imported.stdout, imported.stderr).replace(path, "");
    assert_korean("a refused row of the retired agreement", &said);
    assert!(said.contains("더 이상 지원되지 않습니다"), "{said}");
    assert!(
        said.contains("Type 열에 MicrosoftCustomerAgreement"),
        "{said}"
    );
}
