//! The commands' requests and options that cannot be taken, in Korean from the outside: with
//! `--lang ko` or a Korean locale (`LANG`) the description says what is wrong in Korean, with no
//! English word of pcenter's own; the exit status, the JSON's code and every other field are the
//! same as in English, and English (also `LC_ALL=C` over a Korean `LANG`) says it as before.

mod binary;
mod common;

use binary::speaking::*;
use binary::*;
use common::assert_korean;
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;

/// One command that is refused.
struct Case<'a> {
    /// `--role`, or none.
    role: Option<&'a str>,
    today: &'a str,
    args: Vec<String>,
    /// Standard input, when the command reads it.
    stdin: Option<&'a str>,
    exit: i32,
    /// The JSON error's code; none for a line `pcenter: …` (output and store errors).
    code: Option<u64>,
    /// In the English description.
    english: &'a [&'a str],
    /// In the Korean description.
    korean: &'a [&'a str],
    /// What the Korean description keeps as written: paths, JSON fields, values, commands.
    kept: Vec<String>,
}

impl<'a> Case<'a> {
    fn new(today: &'a str, args: &[&str], exit: i32, code: Option<u64>) -> Case<'a> {
        Case {
            role: Some("admin-agent"),
            today,
            args: args.iter().map(|a| a.to_string()).collect(),
            stdin: None,
            exit,
            code,
            english: &[],
            korean: &[],
            kept: vec![],
        }
    }

    fn invalid(today: &'a str, args: &[&str]) -> Case<'a> {
        Case::new(today, args, 6, Some(400))
    }

    fn says(mut self, english: &'a [&'a str], korean: &'a [&'a str]) -> Case<'a> {
        self.english = english;
        self.korean = korean;
        self
    }

    fn keeping(mut self, kept: &[&str]) -> Case<'a> {
        self.kept.extend(kept.iter().map(|k| k.to_string()));
        self
    }
}

/// What one run printed and how it ended.
#[derive(Debug)]
struct Said {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `pcenter --demo` on `dir` as the case says, speaking as told, with nothing else of the
/// environment's language; standard output goes to `stdout` when given.
fn run_case(dir: &Path, case: &Case, speaking: Speaking, stdout: Option<&Path>) -> Said {
    let mut options = vec!["--demo", "--today", case.today, "--agent", AGENT];
    if let Some(role) = case.role {
        options.extend(["--role", role]);
    }
    let mut command = pcenter_at(dir, &options);
    let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
    speaking.with_args(&mut command, &args);
    command.stderr(Stdio::piped());
    match stdout {
        Some(path) => {
            let file = std::fs::OpenOptions::new().write(true).open(path);
            command.stdout(file.expect("open the output"));
        }
        None => {
            command.stdout(Stdio::piped());
        }
    }
    if case.stdin.is_some() {
        command.stdin(Stdio::piped());
    }
    let mut child = command.spawn().expect("run pcenter");
    if let Some(input) = case.stdin {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write stdin");
    }
    let output = child.wait_with_output().expect("wait for pcenter");
    Said {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// The refusal's description, after checking its exit status and shape; the JSON error too.
fn refusal(said: &Said, case: &Case) -> (String, Option<Value>) {
    assert_eq!(said.code, Some(case.exit), "{:?}: {said:?}", case.args);
    assert_eq!(said.stdout, "", "{:?}: {said:?}", case.args);
    let line = said.stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "{:?}: {said:?}", case.args);
    match case.code {
        Some(code) => {
            let json: Value = serde_json::from_str(line).expect("a JSON error on stderr");
            assert_eq!(json["code"], code, "{said:?}");
            let description = json["description"].as_str().unwrap().to_string();
            (description, Some(json))
        }
        None => {
            let description = line.strip_prefix("pcenter: ").expect("pcenter: …");
            (description.to_string(), None)
        }
    }
}

/// The case in English, then in Korean by the option and by the locale, then in English again by
/// `LC_ALL=C` over a Korean `LANG`: the same exit status and JSON but for the description, which
/// holds the words expected in each language and, in Korean, no English word of pcenter's own.
/// Returns the English and the Korean descriptions.
fn refused_alike(dir: &Path, case: &Case) -> (String, String) {
    refused_alike_to(dir, case, None)
}

fn refused_alike_to(dir: &Path, case: &Case, stdout: Option<&Path>) -> (String, String) {
    let what = format!("{:?}", case.args);
    let (english, english_json) = refusal(&run_case(dir, case, EN, stdout), case);
    for words in case.english {
        assert!(english.contains(words), "{what}: {words}\n{english}");
    }
    let (korean, korean_json) = refusal(&run_case(dir, case, KO, stdout), case);
    for words in case.korean {
        assert!(korean.contains(words), "{what}: {words}\n{korean}");
    }
    assert_ne!(korean, english, "{what}");
    let mut shown = korean.clone();
    for kept in &case.kept {
        shown = shown.replace(kept.as_str(), " ");
    }
    assert_korean(&what, &shown);
    if let (Some(mut korean_json), Some(mut english_json)) = (korean_json, english_json) {
        korean_json["description"] = Value::Null;
        english_json["description"] = Value::Null;
        assert_eq!(
            korean_json, english_json,
            "{what}: only the description differs"
        );
    }
    let (by_locale, _) = refusal(&run_case(dir, case, KO_LOCALE, stdout), case);
    assert_eq!(by_locale, korean, "LANG=ko_KR.UTF-8 {what}");
    let (c, _) = refusal(&run_case(dir, case, C_OVER_KO, stdout), case);
    assert_eq!(c, english, "LC_ALL=C over a Korean LANG {what}");
    (english, korean)
}

/// A file of the demo's directory holding `text`; its path.
fn file(demo: &Demo, name: &str, text: &[u8]) -> String {
    let path = demo.dir().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const TEMPLATES: &str = "`pcenter agreements templates --type '*'`";
const CLOUD_TEMPLATE: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
const CUSTOMER_TEMPLATE: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

#[test]
fn an_order_with_more_offers_than_quantities_is_refused_in_korean() {
    let demo = Demo::new();
    let order = [
        "orders",
        "create",
        "--customer",
        CONTOSO,
        "--offer",
        E3,
        "--offer",
        BUSINESS_BASIC,
        "--quantity",
        "5",
    ];
    let (english, _) = refused_alike(
        demo.dir(),
        &Case::invalid(API_DAY, &order).says(
            &["Give one --quantity for each --offer: this order has 2 offer(s) and 1 quantity(ies)."],
            &["--offer마다 --quantity를 하나씩 지정하십시오.", "--offer가 2개, --quantity가 1개"],
        ),
    );
    assert!(english.starts_with("Give one --quantity"), "{english}");
}

#[test]
fn an_unknown_agreement_type_is_refused_in_korean() {
    let demo = Demo::new();
    for args in [
        &[
            "agreements",
            "list",
            "--customer",
            CONTOSO,
            "--type",
            "Cloud",
        ][..],
        &["agreements", "templates", "--type", "Cloud"][..],
    ] {
        refused_alike(
            demo.dir(),
            &Case::invalid(API_DAY, args)
                .says(
                    &["Unknown agreement type 'Cloud': use MicrosoftCloudAgreement or MicrosoftCustomerAgreement, or '*' for every type."],
                    &["'Cloud'은(는) 알 수 없는 계약 유형입니다.", "모든 유형을 보려면 '*'를 쓰십시오."],
                )
                .keeping(&["'Cloud'"]),
        );
    }
}

#[test]
fn the_agreement_bodys_problems_are_said_in_korean() {
    let demo = Demo::new();
    let create = |json: &str| {
        let mut args = vec!["agreements", "create", "--customer", NORTHWIND, "--json"];
        args.push(json);
        args.iter().map(|a| a.to_string()).collect::<Vec<_>>()
    };
    // Neither the template nor the type.
    let untyped = file(
        &demo,
        "untyped.json",
        br#"{"primaryContact":{"firstName":"Diego","lastName":"Siciliani","email":"diego@northwindtraders.com"},"dateAgreed":"2019-03-22"}"#,
    );
    let case = Case {
        args: create(&untyped),
        ..Case::invalid(API_DAY, &[])
    };
    refused_alike(
        demo.dir(),
        &case
            .says(
                &[
                    "templateId: The template ID is missing: add \"templateId\"",
                    " type: The agreement type is missing: add \"type\": \"MicrosoftCloudAgreement\" or \"MicrosoftCustomerAgreement\".",
                ],
                &[
                    "templateId: 템플릿 ID가 없습니다.",
                    "type: 계약 유형이 없습니다.",
                    "\"MicrosoftCloudAgreement\" 또는 \"MicrosoftCustomerAgreement\"",
                    "로 템플릿 목록을 볼 수 있습니다.",
                ],
            )
            .keeping(&[TEMPLATES, CLOUD_TEMPLATE, CUSTOMER_TEMPLATE, "templateId", "type"]),
    );
    // An unknown template and type, and a date that is not one.
    let unknown = file(
        &demo,
        "unknown.json",
        br#"{"primaryContact":{"firstName":"Diego","lastName":"Siciliani","email":"diego@northwindtraders.com"},"dateAgreed":"2019-03-22Tnoon","templateId":"x","type":"Cloud"}"#,
    );
    let case = Case {
        args: create(&unknown),
        ..Case::invalid(API_DAY, &[])
    };
    refused_alike(
        demo.dir(),
        &case
            .says(
                &[
                    "dateAgreed: '2019-03-22Tnoon' is neither a date nor a timestamp",
                    "templateId: No agreement template has the ID 'x'.",
                    "type: 'Cloud' is not an agreement type",
                ],
                &[
                    "dateAgreed: '2019-03-22Tnoon'은(는) 날짜도 타임스탬프도 아닙니다.",
                    "templateId: ID가 'x'인 계약 템플릿이 없습니다.",
                    "type: 'Cloud'은(는) 계약 유형이 아닙니다.",
                ],
            )
            .keeping(&[
                TEMPLATES,
                CLOUD_TEMPLATE,
                CUSTOMER_TEMPLATE,
                "2018-09-14T00:00:00Z",
                "'2019-03-22Tnoon'",
                "'Cloud'",
                "dateAgreed",
                "templateId",
                "type",
            ]),
    );
    // A body that is not an object, read from a file.
    let array = file(&demo, "array.json", b"[1]");
    let case = Case {
        args: create(&array),
        ..Case::invalid(API_DAY, &[])
    };
    refused_alike(
        demo.dir(),
        &case
            .says(
                &["is not a valid Agreement: the body is not a JSON object {…}."],
                &["의 계약 본문이 올바른 계약이 아닙니다: 본문이 JSON 개체 {…}가 아닙니다."],
            )
            .keeping(&[&array]),
    );
    // An empty body on standard input.
    let case = Case {
        args: create("-"),
        stdin: Some(" \n"),
        ..Case::invalid(API_DAY, &[])
    };
    refused_alike(
        demo.dir(),
        &case
            .says(
                &["The Agreement body from standard input is empty"],
                &["표준 입력의 계약 본문이 비어 있습니다."],
            )
            .keeping(&["{primaryContact, templateId, dateAgreed, type}"]),
    );
    // Nothing was written.
    let list = demo.run(API_DAY, &["agreements", "list", "--customer", NORTHWIND]);
    assert_eq!(list.json()["totalCount"], 0);
}

#[test]
fn a_json_body_that_cannot_be_read_is_said_in_korean() {
    let demo = Demo::new();
    let missing = demo.dir().join("missing.json");
    let missing = missing.to_str().unwrap();
    let large = file(&demo, "large.json", &vec![b' '; (1 << 20) + 1]);
    let latin1 = file(&demo, "latin1.json", b"{\"x\": \"Stra\xdfe\"}");
    let cases = [
        (
            missing,
            &["Cannot read the JSON body from "][..],
            &["에서 JSON 본문을 읽을 수 없습니다: 파일이 없습니다."][..],
        ),
        (
            large.as_str(),
            &["is larger than 1 MiB; a body is a few KB."][..],
            &["의 JSON 본문이 1MiB보다 큽니다."][..],
        ),
        (
            latin1.as_str(),
            &["is not UTF-8 text; save it as UTF-8."][..],
            &["의 JSON 본문이 UTF-8 텍스트가 아닙니다. UTF-8로 저장하십시오."][..],
        ),
    ];
    for (path, english, korean) in cases {
        let case = Case::invalid(API_DAY, &["customers", "create", "--json", path])
            .says(english, korean)
            .keeping(&[path, "MiB", "KB", "UTF-8"]);
        refused_alike(demo.dir(), &case);
    }
}

#[test]
fn the_customer_bodys_fields_are_named_and_said_in_korean() {
    let demo = Demo::new();
    let before = demo.run(API_DAY, &["customers", "list"]).json();
    let body = file(
        &demo,
        "customer.json",
        br#"{"companyProfile": {"domain": "Fab rikam"},
 "billingProfile": {"companyName": "Fabrikam", "email": "ada@fabrikam.com", "culture": "fr-FR", "language": "en", "firstName": "Grace",
   "defaultAddress": {"country": "US", "addressLine1": "1 Main St", "city": "Redmond", "state": "WA", "postalCode": "98052", "firstName": "Ada", "lastName": "Lovelace"}},
 "agreement": {"primaryContact": {"firstName": "", "lastName": "Lovelace", "email": "ada@fabrikam.com"}, "templateId": "x", "type": "MicrosoftCloudAgreement"}}"#,
    );
    let case = Case::invalid(API_DAY, &["customers", "create", "--json", &body])
        .says(
            &[
                "billingProfile.culture: Only en-US is supported. ",
                "billingProfile.firstName: A customer has one primary contact: give the same name as in billingProfile.defaultAddress, or leave this out. ",
                "companyProfile.domain: A domain prefix holds only letters a-z and digits 0-9",
                "agreement.primaryContact.firstName: Enter the first name. ",
                "agreement.templateId: No agreement template has the ID 'x'.",
            ],
            &[
                "billingProfile.culture: en-US만 지원됩니다. ",
                "billingProfile.firstName: 고객의 기본 연락처는 한 명입니다.",
                "companyProfile.domain: 도메인 접두사에는 영문자 a-z와 숫자 0-9만 쓸 수 있습니다.",
                "agreement.primaryContact.firstName: 이름을 입력하십시오. ",
                "agreement.templateId: ID가 'x'인 계약 템플릿이 없습니다.",
            ],
        )
        .keeping(&[
            TEMPLATES,
            CLOUD_TEMPLATE,
            CUSTOMER_TEMPLATE,
            "billingProfile.culture",
            "billingProfile.firstName",
            "billingProfile.defaultAddress",
            "companyProfile.domain",
            "agreement.primaryContact.firstName",
            "agreement.templateId",
            "en-US",
        ]);
    refused_alike(demo.dir(), &case);
    // A field given twice, in two cases.
    let twice = file(
        &demo,
        "twice.json",
        br#"{"billingProfile":{"companyName":"A"},"BillingProfile":{}}"#,
    );
    let case = Case::invalid(API_DAY, &["customers", "create", "--json", &twice])
        .says(
            &["The body gives 'billingProfile' twice in one object ('billingProfile' and 'BillingProfile'); keep one."],
            &["본문의 한 개체에 'billingProfile'이(가) 두 번 있습니다('billingProfile'와(과) 'BillingProfile'). 하나만 남기십시오."],
        )
        .keeping(&["'billingProfile'", "'BillingProfile'"]);
    refused_alike(demo.dir(), &case);
    // Not an object.
    let array = file(&demo, "array.json", b"[]");
    let case = Case::invalid(API_DAY, &["customers", "create", "--json", &array]).says(
        &["The Customer body is not valid JSON: the body is not a JSON object {…}."],
        &["고객 본문이 올바른 JSON이 아닙니다: 본문이 JSON 개체 {…}가 아닙니다."],
    );
    refused_alike(demo.dir(), &case);
    // No customer was created.
    let after = demo.run(API_DAY, &["customers", "list"]).json();
    assert_eq!(after["totalCount"], before["totalCount"], "{after}");
}

#[test]
fn an_out_file_that_cannot_be_written_is_said_in_korean() {
    let demo = Demo::new();
    let nowhere = demo.dir().join("nowhere").join("export.csv");
    let nowhere = nowhere.to_str().unwrap();
    let parent = demo.dir().join("nowhere");
    let directory = demo.dir().to_str().unwrap();
    let case = Case::new(MANDATORY_DAY, &["agreements", "export", "--out", nowhere], 14, None)
        .says(
            &["Cannot write ", ": the directory ", " does not exist. Name a file in an existing directory, or - for standard output."],
            &["에 쓸 수 없습니다: 디렉터리 ", "이(가) 없습니다. 있는 디렉터리의 파일을 지정하거나, 표준 출력에 쓰려면 -를 지정하십시오."],
        )
        .keeping(&[nowhere, parent.to_str().unwrap()]);
    refused_alike(demo.dir(), &case);
    let case = Case::new(
        MANDATORY_DAY,
        &["agreements", "export", "--out", directory],
        14,
        None,
    )
    .says(
        &[": it is a directory. "],
        &["에 쓸 수 없습니다: 디렉터리입니다."],
    )
    .keeping(&[directory]);
    refused_alike(demo.dir(), &case);
}

/// Standard output on a full disk: what the command printed is lost, and said so.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_said_in_korean() {
    let demo = Demo::new();
    let case = Case::new(API_DAY, &["customers", "list"], 14, None).says(
        &[
            "Cannot write the output: ",
            "Whatever the command saved in the store is saved",
        ],
        &[
            "출력을 쓸 수 없습니다: 디스크 공간이 부족합니다.",
            "출력한 내용만 잃었습니다.",
        ],
    );
    refused_alike_to(demo.dir(), &case, Some(Path::new("/dev/full")));
}

/// An OpenSSH public key line (the one of `ssh_keys`' tests) and its fingerprint.
const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2CPa6yri2I8Si9Lzidan/ITLJ+COxVnGvrBLXTRZjM ann@example";
const FINGERPRINT: &str = "SHA256:gA0hsJb60FmT1738qk+p9F/p8LZVJBcNKvmbZC5kcNs";

#[test]
fn the_agents_commands_refuse_in_korean() {
    let demo = Demo::new();
    let key = file(&demo, "ann.pub", format!("{KEY}\n").as_bytes());
    let added = demo.run(
        MANDATORY_DAY,
        &["agents", "add", "Ann Agent", "--ssh-key", &key],
    );
    assert_eq!(added.code, Some(0), "{added:?}");
    // No role given.
    let case = Case {
        role: None,
        ..Case::invalid(MANDATORY_DAY, &["agents", "add", "Bea Agent"])
    };
    refused_alike(
        demo.dir(),
        &case
            .says(
                &["Give the role of Bea Agent: --role admin-agent, sales-agent or helpdesk-agent."],
                &["Bea Agent의 역할을 지정하십시오: --role admin-agent, sales-agent 또는 helpdesk-agent."],
            )
            .keeping(&["Bea Agent", "admin-agent", "sales-agent", "helpdesk-agent"]),
    );
    // No name.
    let case = Case::invalid(MANDATORY_DAY, &["agents", "add", "  "]).says(
        &["Enter the agent name."],
        &["에이전트 이름을 입력하십시오."],
    );
    refused_alike(demo.dir(), &case);
    // A key that signs in another agent.
    let taken =
        format!("The key {FINGERPRINT} already signs in Ann Agent; a key signs in one agent only.");
    let taken = [taken.as_str()];
    let case = Case::invalid(MANDATORY_DAY, &["agents", "add", "Bea Agent", "--ssh-key", &key])
        .says(
            &taken,
            &["이미 Ann Agent의 로그인에 쓰입니다. 키 하나로는 에이전트 한 명만 로그인할 수 있습니다."],
        )
        .keeping(&[FINGERPRINT, "Ann Agent"]);
    refused_alike(demo.dir(), &case);
    // Nothing to change.
    let case = Case::invalid(MANDATORY_DAY, &["agents", "keys", "Ann Agent"]).says(
        &["Say what to change: --add FILE (a public key file) or --remove FILE|FINGERPRINT."],
        &["바꿀 것을 지정하십시오: --add 파일(공개 키 파일) 또는 --remove 파일|지문."],
    );
    refused_alike(demo.dir(), &case);
    // A key the agent does not have.
    let other = "SHA256:nothing";
    let case = Case::new(
        MANDATORY_DAY,
        &["agents", "keys", "Ann Agent", "--remove", other],
        8,
        Some(404),
    )
    .says(
        &["Ann Agent has no key SHA256:nothing; pcenter agents list --format table shows its keys' count"],
        &["Ann Agent에게는 키 SHA256:nothing이(가) 없습니다."],
    )
    .keeping(&[other, "Ann Agent", "pcenter agents list"]);
    refused_alike(demo.dir(), &case);
    // Key files that cannot be read, that hold something else, or no key.
    let missing = demo.dir().join("missing.pub");
    let missing = missing.to_str().unwrap();
    let case = Case::invalid(
        MANDATORY_DAY,
        &["agents", "add", "Bea Agent", "--ssh-key", missing],
    )
    .says(
        &["Cannot read the key file "],
        &["을(를) 읽을 수 없습니다: 파일이 없습니다."],
    )
    .keeping(&[missing]);
    refused_alike(demo.dir(), &case);
    let private = file(
        &demo,
        "id_ed25519",
        b"-----BEGIN OPENSSH PRIVATE KEY-----\n",
    );
    let case = Case::invalid(
        MANDATORY_DAY,
        &["agents", "add", "Bea Agent", "--ssh-key", &private],
    )
    .says(
        &[
            "Line 1 of ",
            ": it is not an OpenSSH public key line",
            "Give the public key (.pub), never the private one.",
        ],
        &[
            "의 1행: OpenSSH 공개 키 줄(ssh-ed25519 AAAA… 주석)이 아닙니다: ",
            "개인 키가 아니라 공개 키(.pub)를 지정하십시오.",
        ],
    )
    .keeping(&[&private, "OpenSSH", "ssh-ed25519 AAAA…", "(.pub)"]);
    let english = run_case(demo.dir(), &case, EN, None);
    let (english, _) = refusal(&english, &case);
    // The key reader's own words stay as it says them.
    let detail = english
        .split_once("comment): ")
        .and_then(|(_, rest)| rest.split_once(". Give the public key"))
        .map(|(detail, _)| detail.to_string())
        .expect("the key reader's words");
    let case = case.keeping(&[&detail]);
    let (_, korean) = refused_alike(demo.dir(), &case);
    assert!(korean.contains(&detail), "{korean}");
    let empty = file(&demo, "empty.pub", b"# no key here\n");
    let case = Case::invalid(
        MANDATORY_DAY,
        &["agents", "add", "Bea Agent", "--ssh-key", &empty],
    )
    .says(
        &[" holds no public key; give an OpenSSH .pub file (ssh-keygen -t ed25519 makes one)."],
        &["에 공개 키가 없습니다. OpenSSH .pub 파일을 지정하십시오"],
    )
    .keeping(&[&empty, "OpenSSH .pub", "ssh-keygen -t ed25519"]);
    refused_alike(demo.dir(), &case);
    // Only Ann is registered, with her one key.
    let agents = demo.run(MANDATORY_DAY, &["agents", "list"]).json();
    assert_eq!(agents["totalCount"], 1, "{agents}");
}

/// A command run while a server owns the store may not rename the partner, said in the
/// caller's language.
#[cfg(unix)]
#[test]
fn another_partner_name_while_the_store_is_served_is_refused_in_korean() {
    let demo = Demo::new();
    let seeded = demo.run(MANDATORY_DAY, &["customers", "list"]);
    assert_eq!(seeded.code, Some(0), "{seeded:?}");
    let served = served::Served::start(demo.dir(), &["--http", "127.0.0.1:0"]);
    let case = Case::new(
        MANDATORY_DAY,
        &["--partner", "Other Partners", "customers", "list"],
        3,
        None,
    )
    .says(
        &["The partner's name can be changed only when the store is not open elsewhere: it is 'Fabrikam CSP Partners' while the store is open."],
        &["파트너 이름은 저장소가 다른 곳에 열려 있지 않을 때만 바꿀 수 있습니다.", "'Fabrikam CSP Partners'입니다."],
    )
    .keeping(&["Fabrikam CSP Partners"]);
    refused_alike(demo.dir(), &case);
    served.stop();
}

#[test]
fn generate_into_a_store_that_holds_customers_is_refused_in_korean() {
    let demo = Demo::new();
    let seeded = demo.run(MANDATORY_DAY, &["customers", "list"]);
    assert_eq!(seeded.code, Some(0), "{seeded:?}");
    let case = Case::invalid(MANDATORY_DAY, &["generate", "--customers", "5"]).says(
        &["already holds customers; generated customers go only into an empty store. Choose another --data-dir."],
        &["의 pcenter 저장소에 이미 고객이 있습니다. 생성한 고객은 빈 저장소에만 넣을 수 있습니다."],
    );
    let (english, _) = refusal(&run_case(demo.dir(), &case, EN, None), &case);
    let store = english
        .strip_prefix("The store at ")
        .and_then(|rest| rest.split_once(" already holds customers"))
        .map(|(store, _)| store.to_string())
        .expect("the store's path");
    refused_alike(demo.dir(), &case.keeping(&[&store]));
}

/// A data directory that is a file, and a directory where the store keeps a file: the store
/// cannot be used, and the system's reason is said in Korean too.
#[test]
fn a_store_that_cannot_be_used_says_why_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    std::fs::write(&file, "notes").unwrap();
    let store = file.join("demo");
    let (file, store) = (file.to_str().unwrap(), store.to_str().unwrap());
    let english = format!("The pcenter store at {store} could not be used ({file} is a file, not a directory). Check that the path is a directory you may write to, or choose another --data-dir.");
    let korean = format!("{store}의 pcenter 저장소를 사용할 수 없습니다({file}은(는) 디렉터리가 아니라 파일입니다). 쓸 수 있는 디렉터리인지 확인하거나 다른 --data-dir을 선택하십시오.");
    let (in_english, in_korean) = ([english.as_str()], [korean.as_str()]);
    for args in [&["customers", "list"][..], &[]] {
        let case = Case::new(MANDATORY_DAY, args, 4, None)
            .says(&in_english, &in_korean)
            .keeping(&[store, file]);
        let (said_in_english, said_in_korean) = refused_alike(Path::new(file), &case);
        assert_eq!(
            (said_in_english, said_in_korean),
            (english.clone(), korean.clone())
        );
    }
    assert_eq!(std::fs::read_to_string(file).unwrap(), "notes");

    // The saved Customers list's file is a directory: the store's first change cannot remove it.
    let demo = Demo::new();
    let list = demo.dir().join("demo").join("customers.list");
    std::fs::create_dir_all(&list).unwrap();
    let list = list.to_str().unwrap();
    let case = Case::new(MANDATORY_DAY, &["customers", "list"], 4, None)
        .says(
            &[" could not be used (Is a directory (os error 21)). "],
            &["의 pcenter 저장소를 사용할 수 없습니다(파일이 아니라 디렉터리입니다). "],
        )
        .keeping(&[list]);
    refused_alike(demo.dir(), &case);
}
