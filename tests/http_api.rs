//! `pcenter serve --http` from the outside: the real binary on 127.0.0.1 port 0, used with
//! curl as a script would, and stopped with SIGTERM at the end of each test.
#![cfg(unix)]

mod binary;

use binary::served::Served;
use binary::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// An HTTP server of the demo store, stopped when dropped.
struct Server {
    served: Served,
    base: String,
}

impl Server {
    fn start(dir: &Path) -> Server {
        Server::start_with(dir, MANDATORY_DAY, &[])
    }

    /// A server on the business date `today`, with more options of `serve`.
    fn start_with(dir: &Path, today: &str, options: &[&str]) -> Server {
        let mut args = vec!["--http", "127.0.0.1:0"];
        args.extend(options);
        let served = Served::start_on(dir, today, &args);
        let base = format!("http://{}", served.said_after("http://", |c| c == '/'));
        Server { served, base }
    }

    /// Ends the server as Ctrl-C does; its exit status.
    fn stop(self) -> Option<i32> {
        self.served.stop()
    }
}

/// The answer to one request: its status, headers and body.
struct Answer {
    status: u16,
    headers: String,
    body: Value,
}

fn curl(
    server: &Server,
    method: &str,
    path: &str,
    token: Option<&str>,
    extra: &[&str],
    body: Option<&str>,
) -> Answer {
    let mut command = Command::new("curl");
    command
        .args(["-s", "-D", "-", "-H", "Expect:", "-X", method])
        .arg(format!("{}{path}", server.base));
    if let Some(token) = token {
        command.args(["-H", &format!("Authorization: Bearer {token}")]);
    }
    for header in extra {
        command.args(["-H", header]);
    }
    if let Some(body) = body {
        command.args([
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            body,
        ]);
    }
    let output = command.output().expect("curl is installed");
    let text = String::from_utf8(output.stdout).unwrap();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text:?}"));
    Answer {
        status,
        headers: headers.to_lowercase(),
        body: serde_json::from_str(body).unwrap_or(Value::Null),
    }
}

/// Registers an agent with `role` and gives a token of it.
fn agent_token(dir: &Path, name: &str, role: &str) -> String {
    let run = |args: &[&str]| {
        let output = pcenter_at(dir, &["--demo", "--today", MANDATORY_DAY])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    run(&["agents", "add", name, "--role", role]);
    run(&["agents", "token", name]).trim().to_string()
}

const AGREEMENT: &str = r#"{"primaryContact":{"firstName":"Pat","lastName":"Lee","email":"pat@northwind.example"},"dateAgreed":"2018-11-10","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;

#[test]
fn only_a_registered_agents_token_signs_in_and_request_ids_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let token = agent_token(dir.path(), "Ann Agent", "sales-agent");
    let server = Server::start(dir.path());

    let health = curl(&server, "GET", "/_pcenter/health", None, &[], None);
    assert_eq!(health.status, 200);
    assert_eq!(health.body["status"], "ok");

    let fake = format!("pcenter_{}", "0".repeat(64));
    for (token, said) in [
        (None, "Sign in"),
        (Some("nonsense"), "not Bearer"),
        (Some(fake.as_str()), "not one of a registered agent"),
    ] {
        let refused = curl(&server, "GET", "/v1/offers", token, &[], None);
        assert_eq!(refused.status, 401, "{token:?}");
        assert_eq!(refused.body["code"], 401);
        assert!(
            refused.body["description"].as_str().unwrap().contains(said),
            "{}",
            refused.body
        );
        assert_eq!(refused.body["source"], "PartnerFD");
    }

    let offers = curl(
        &server,
        "GET",
        "/v1/offers",
        Some(&token),
        &["MS-RequestId: req-1", "MS-CorrelationId: cor-1"],
        None,
    );
    assert_eq!(offers.status, 200);
    assert!(offers.body["totalCount"].as_u64().unwrap() > 3);
    assert!(
        offers.headers.contains("ms-requestid: req-1"),
        "{}",
        offers.headers
    );
    assert!(offers.headers.contains("ms-correlationid: cor-1"));
    let made_up = curl(&server, "GET", "/v1/agreements", Some(&token), &[], None);
    assert_eq!(
        made_up.body["items"][0]["templateId"],
        "998b88de-aa99-4388-a42c-1b3517d49490"
    );
    assert!(
        made_up.headers.contains("ms-requestid: "),
        "an ID is made up when none is sent"
    );

    // A revoked token no longer signs in, without a restart.
    let revoked = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args(["agents", "token", "Ann Agent", "--revoke"])
        .output()
        .unwrap();
    assert_eq!(revoked.status.code(), Some(0), "{revoked:?}");
    assert_eq!(
        curl(&server, "GET", "/v1/offers", Some(&token), &[], None).status,
        401
    );
    assert_eq!(server.stop(), Some(0));
    assert!(!dir.path().join("demo.sock").exists(), "the socket is gone");
}

#[test]
fn confirming_ordering_and_changing_seats_follow_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "sales-agent");
    let helpdesk = agent_token(dir.path(), "Hal Desk", "helpdesk-agent");
    let server = Server::start_with(dir.path(), API_DAY, &[]);
    let northwind = format!("/v1/customers/{NORTHWIND}");

    // The gate of the API is closed from March 22, 2019: 403 with 13605.
    let order =
        r#"{"lineItems":[{"offerId":"8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72","quantity":3}]}"#;
    let blocked = curl(
        &server,
        "POST",
        &format!("{northwind}/orders"),
        Some(&ann),
        &[],
        Some(order),
    );
    assert_eq!(
        (blocked.status, blocked.body["code"].as_u64()),
        (403, Some(13605)),
        "{}",
        blocked.body
    );

    let refused = curl(
        &server,
        "POST",
        &format!("{northwind}/agreements"),
        Some(&helpdesk),
        &[],
        Some(AGREEMENT),
    );
    assert_eq!(refused.status, 403, "{}", refused.body);

    let confirmed = curl(
        &server,
        "POST",
        &format!("{northwind}/agreements"),
        Some(&ann),
        &[],
        Some(AGREEMENT),
    );
    assert_eq!(confirmed.status, 201, "{}", confirmed.body);
    assert_eq!(confirmed.body["primaryContact"]["firstName"], "Pat");
    let again = curl(
        &server,
        "POST",
        &format!("{northwind}/agreements"),
        Some(&ann),
        &[],
        Some(AGREEMENT),
    );
    assert_eq!(
        (again.status, again.body["code"].as_u64()),
        (409, Some(600061))
    );
    assert_eq!(again.body["data"], serde_json::json!([]));

    let ordered = curl(
        &server,
        "POST",
        &format!("{northwind}/orders"),
        Some(&ann),
        &[],
        Some(order),
    );
    assert_eq!(ordered.status, 201, "{}", ordered.body);
    let orders = curl(
        &server,
        "GET",
        &format!("{northwind}/orders"),
        Some(&helpdesk),
        &[],
        None,
    );
    assert_eq!(orders.status, 200, "{}", orders.body);
    let placed = orders.body["items"].as_array().unwrap();
    assert_eq!(
        placed.last().unwrap()["id"],
        ordered.body["id"],
        "the new order comes last"
    );
    assert_eq!(placed.last().unwrap()["lineItems"][0]["quantity"], 3);
    let new_subscription = ordered.body["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{northwind}/subscriptions/{new_subscription}");
    let changed = curl(
        &server,
        "PATCH",
        &path,
        Some(&ann),
        &[],
        Some(r#"{"Quantity": 7, "autoRenewEnabled": false}"#),
    );
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(
        (
            changed.body["quantity"].as_u64(),
            changed.body["autoRenewEnabled"].as_bool()
        ),
        (Some(7), Some(false))
    );
    let read = curl(&server, "GET", &path, Some(&helpdesk), &[], None);
    assert_eq!(
        read.body["quantity"], 7,
        "every role may read subscriptions"
    );

    // The same store, through a command run meanwhile: the API's change is there.
    let listed = pcenter_at(dir.path(), &["--demo", "--today", API_DAY])
        .args(["agreements", "list", "--customer", "northwindtraders"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    // userId is the object ID of the agent whose token made the change, as agents list gives it.
    let agents = pcenter_at(dir.path(), &["--demo", "--today", API_DAY])
        .args(["agents", "list"])
        .output()
        .unwrap();
    let agents: Value = serde_json::from_slice(&agents.stdout).unwrap();
    let ann = agents["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|agent| agent["name"] == "Ann Agent")
        .unwrap();
    assert_eq!(listed["items"][0]["userId"], ann["id"]);
    assert_eq!(listed["items"][0]["recordedBy"], "Ann Agent");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn bad_requests_are_answered_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start_with(dir.path(), API_DAY, &[]);
    let northwind = format!("/v1/customers/{NORTHWIND}");
    let cases = [
        (
            "GET",
            "/v1/customers/no-such-customer".to_string(),
            None,
            404,
        ),
        ("GET", "/v1/no/such/path".to_string(), None, 404),
        (
            "POST",
            format!("{northwind}/agreements"),
            Some("{not json"),
            400,
        ),
        (
            "POST",
            format!("{northwind}/agreements"),
            Some(
                r#"{"primaryContact":{"firstName":"Pat"},"dateAgreed":"2030-01-01","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#,
            ),
            400,
        ),
        (
            "PATCH",
            format!("{northwind}/subscriptions/nope"),
            Some(r#"{"quantity":"many"}"#),
            400,
        ),
        (
            "POST",
            format!("{northwind}/orders"),
            Some(r#"{"lineItems":[]}"#),
            400,
        ),
    ];
    for (method, path, body, status) in cases {
        let answer = curl(&server, method, &path, Some(&ann), &[], body);
        assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
        assert!(
            !answer.body["description"].as_str().unwrap_or("").is_empty(),
            "{method} {path}"
        );
    }
    // A seat change refused at the closed gate takes the auto-renew change of the same body
    // with it: nothing is written.
    let premium = format!("{northwind}/subscriptions/{NORTHWIND_PREMIUM}");
    let both = r#"{"quantity": 50, "autoRenewEnabled": false}"#;
    let refused = curl(&server, "PATCH", &premium, Some(&ann), &[], Some(both));
    assert_eq!(
        (refused.status, refused.body["code"].as_u64()),
        (403, Some(13605)),
        "{}",
        refused.body
    );
    let unchanged = curl(&server, "GET", &premium, Some(&ann), &[], None);
    assert_eq!(unchanged.body["autoRenewEnabled"], true);
    assert_eq!(unchanged.body["quantity"], 45);
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(2 << 20));
    let file = dir.path().join("huge.json");
    std::fs::write(&file, huge).unwrap();
    let at = format!("@{}", file.display());
    let too_large = curl(
        &server,
        "POST",
        &format!("{northwind}/agreements"),
        Some(&ann),
        &[],
        Some(&at),
    );
    assert_eq!(too_large.status, 413);
    let agreements = curl(
        &server,
        "GET",
        &format!("{northwind}/agreements"),
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(agreements.body["totalCount"], 0, "nothing was written");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn the_customers_come_in_pages_linked_by_continuation_tokens_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path());
    let mut seen: Vec<String> = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let header = token.as_ref().map(|t| format!("MS-ContinuationToken: {t}"));
        let extra: Vec<&str> = header.iter().map(String::as_str).collect();
        let page = curl(
            &server,
            "GET",
            "/v1/customers?size=10",
            Some(&ann),
            &extra,
            None,
        );
        if page.status == 503 {
            assert!(page.headers.contains("retry-after: 1"));
            std::thread::sleep(std::time::Duration::from_millis(100));
            continue;
        }
        assert_eq!(page.status, 200, "{}", page.body);
        assert_eq!(page.body["totalCount"], 31);
        assert_eq!(page.body["attributes"]["objectType"], "Collection");
        let items = page.body["items"].as_array().unwrap();
        assert!(items.len() <= 10);
        seen.extend(items.iter().map(|c| {
            c["companyProfile"]["companyName"]
                .as_str()
                .unwrap()
                .to_string()
        }));
        let next = &page.body["links"]["next"];
        if next.is_null() {
            break;
        }
        assert_eq!(next["headers"][0]["key"], "MS-ContinuationToken");
        token = Some(next["headers"][0]["value"].as_str().unwrap().to_string());
    }
    assert_eq!(seen.len(), 31, "every customer once: {seen:?}");
    let mut sorted = seen.clone();
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(seen, sorted, "in list order");

    let filter = "%7B%22Field%22%3A%22Domain%22%2C%22Value%22%3A%22north%22%2C%22Operator%22%3A%22starts_with%22%7D";
    let found = curl(
        &server,
        "GET",
        &format!("/v1/customers?filter={filter}"),
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(found.body["totalCount"], 1, "{}", found.body);
    assert_eq!(found.body["items"][0]["id"], NORTHWIND);
    let bad = curl(
        &server,
        "GET",
        "/v1/customers?filter=%7B%22Field%22%3A%22Phone%22%7D",
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(bad.status, 400);
    assert!(bad.body["description"]
        .as_str()
        .unwrap()
        .contains("use CompanyName or Domain"));
    let forged = curl(
        &server,
        "GET",
        "/v1/customers",
        Some(&ann),
        &["MS-ContinuationToken: zz"],
        None,
    );
    assert_eq!(forged.status, 400);
    assert_eq!(server.stop(), Some(0));
}

/// Status, content type and text of one request, its body (if any) sent from a file.
fn curl_text(
    server: &Server,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&Path>,
) -> (u16, String, String) {
    let mut command = Command::new("curl");
    command
        .args(["-s", "-H", "Expect:", "-X", method])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["-w", "\n%{http_code} %{content_type}"])
        .arg(format!("{}{path}", server.base));
    if let Some(body) = body {
        command.args(["-H", "Content-Type: text/csv", "--data-binary"]);
        command.arg(format!("@{}", body.display()));
    }
    let output = command.output().expect("curl is installed");
    let text = String::from_utf8(output.stdout).unwrap();
    let (body, last) = text.rsplit_once('\n').unwrap();
    let (status, kind) = last.split_once(' ').unwrap_or((last, ""));
    (status.parse().unwrap(), kind.to_string(), body.to_string())
}

#[test]
fn a_value_of_the_wrong_type_is_named_by_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path());
    let northwind = format!("/v1/customers/{NORTHWIND}");
    let cases = [
        (
            "POST",
            format!("{northwind}/agreements"),
            r#"{"primaryContact":{"firstName":1}}"#,
            "primaryContact.firstName",
        ),
        (
            "POST",
            format!("{northwind}/agreements"),
            r#"{"PrimaryContact":{"firstName":"A","lastName":"B","email":"a@b.example"},"dateAgreed":true}"#,
            "dateAgreed",
        ),
        (
            "POST",
            format!("{northwind}/orders"),
            r#"{"lineItems":[{"offerId":"x","quantity":"two"}]}"#,
            "lineItems[0].quantity",
        ),
        (
            "PATCH",
            format!("{northwind}/subscriptions/{NORTHWIND_PREMIUM}"),
            r#"{"autoRenewEnabled":"no"}"#,
            "autoRenewEnabled",
        ),
        (
            "POST",
            "/v1/customers".to_string(),
            r#"{"companyProfile":5}"#,
            "companyProfile",
        ),
        (
            "POST",
            format!("{northwind}/agreements"),
            "[1]",
            "JSON object",
        ),
    ];
    for (method, path, body, field) in cases {
        let answer = curl(&server, method, &path, Some(&ann), &[], Some(body));
        let description = answer.body["description"].as_str().unwrap_or_default();
        assert_eq!(
            answer.status, 400,
            "{method} {path} {body}: {}",
            answer.body
        );
        assert!(description.contains(field), "{body}: {description}");
    }
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn the_report_the_export_and_the_import_are_served_as_their_commands_make_them() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let helpdesk = agent_token(dir.path(), "Hal Desk", "helpdesk-agent");
    let server = Server::start(dir.path());
    let (status, kind, report) = curl_text(&server, "GET", "/_pcenter/report", &ann, None);
    assert_eq!((status, kind.as_str()), (200, "application/json"));
    let report: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["businessDate"], MANDATORY_DAY);
    assert!(report["summary"]["customers"].as_u64().unwrap() > 10);
    let (status, kind, csv) = curl_text(&server, "GET", "/_pcenter/report?format=csv", &ann, None);
    assert_eq!(
        (status, kind.starts_with("text/csv")),
        (200, true),
        "{kind}"
    );
    assert!(csv.starts_with("TenantId,CompanyName,"), "{csv}");
    let (status, _, export) = curl_text(&server, "GET", "/_pcenter/export", &ann, None);
    assert_eq!(status, 200);
    assert!(
        export.starts_with("TenantId,Domain,Date,First Name,Last Name,Phone,Email,Type\n"),
        "{export}"
    );
    // Northwind confirmed in an edited export, and a row for nobody.
    let edited: String = export
        .lines()
        .map(|line| match line.starts_with(NORTHWIND) {
            true => format!("{NORTHWIND},,2018-11-10,Pat,Lee,,pat@northwind.example,"),
            false => line.to_string(),
        })
        .chain([
            "00000000-0000-0000-0000-000000000000,,2018-11-10,No,Body,,no@body.example,MicrosoftCloudAgreement".to_string(),
        ])
        .collect::<Vec<_>>()
        .join("\n");
    let upload = dir.path().join("edited.csv");
    std::fs::write(&upload, edited).unwrap();
    let (status, _, lines) = curl_text(
        &server,
        "POST",
        "/_pcenter/import?dryRun=true",
        &ann,
        Some(&upload),
    );
    assert_eq!(status, 422, "{lines}");
    assert!(
        lines.contains("Dry run of upload.csv: would create 1,"),
        "{lines}"
    );
    let northwind = format!("/v1/customers/{NORTHWIND}/agreements");
    assert_eq!(
        curl(&server, "GET", &northwind, Some(&ann), &[], None).body["totalCount"],
        0
    );
    let (status, _, lines) = curl_text(&server, "POST", "/_pcenter/import", &ann, Some(&upload));
    assert_eq!(status, 422, "{lines}");
    assert!(lines.contains("Imported upload.csv: 1 created,"), "{lines}");
    assert!(lines.contains("1 rejected"), "{lines}");
    assert_eq!(
        curl(&server, "GET", &northwind, Some(&ann), &[], None).body["totalCount"],
        1
    );
    // A helpdesk agent may see neither who accepted nor import confirmations.
    for (method, path, body) in [
        ("GET", "/_pcenter/export", None),
        ("POST", "/_pcenter/import", Some(upload.as_path())),
    ] {
        let (status, _, said) = curl_text(&server, method, path, &helpdesk, body);
        assert_eq!(status, 403, "{path}: {said}");
    }
    let (status, _, _) = curl_text(&server, "GET", "/_pcenter/report?format=xml", &ann, None);
    assert_eq!(status, 400);
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_client_stuck_mid_request_does_not_hold_the_server_at_stop() {
    use std::io::Write;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path());
    let address = server.base.trim_start_matches("http://").to_string();
    // A request whose body never comes whole.
    let mut stuck = std::net::TcpStream::connect(&address).unwrap();
    let head = format!(
        "POST /v1/customers/{NORTHWIND}/agreements HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ann}\r\nContent-Length: 500\r\n\r\n{{\"primaryContact\":"
    );
    stuck.write_all(head.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let stopping = Instant::now();
    assert_eq!(server.stop(), Some(0), "the server stops cleanly");
    let took = stopping.elapsed();
    assert!(took < Duration::from_secs(20), "stopping took {took:?}");
    // The store was closed whole: a command opens it at once.
    let listed = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args(["agreements", "list", "--customer", NORTHWIND])
        .output()
        .unwrap();
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        listed["totalCount"], 0,
        "nothing of the stuck request was written"
    );
}

const CLOUD_TEMPLATE: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
const CUSTOMER_TEMPLATE: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

/// The Agreement body of Pat Lee with `fields` after the contact and the date.
fn agreement_with(date: &str, fields: &str) -> String {
    format!(
        r#"{{"primaryContact":{{"firstName":"Pat","lastName":"Lee","email":"pat@northwind.example"}},"dateAgreed":"{date}"{fields}}}"#
    )
}

#[test]
fn the_agreement_body_needs_its_template_and_its_type_and_the_template_decides() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path());
    let path = format!("/v1/customers/{NORTHWIND}/agreements");
    let post = |fields: &str| {
        let body = agreement_with("2018-11-10", fields);
        curl(&server, "POST", &path, Some(&ann), &[], Some(&body))
    };
    let refusals = [
        (
            format!(r#","templateId":"{CLOUD_TEMPLATE}""#),
            r#"type: The agreement type is missing: add "type": "MicrosoftCloudAgreement" or "MicrosoftCustomerAgreement"."#,
        ),
        (
            r#","type":"MicrosoftCloudAgreement""#.to_string(),
            "templateId: The template ID is missing: add \"templateId\" with the template of the agreement accepted",
        ),
        (
            format!(r#","templateId":"{CLOUD_TEMPLATE}","type":"MicrosoftAgreement""#),
            r#"type: 'MicrosoftAgreement' is not an agreement type: use "MicrosoftCloudAgreement" or "MicrosoftCustomerAgreement"."#,
        ),
        (
            r#","templateId":"nope","type":"MicrosoftCloudAgreement""#.to_string(),
            "templateId: No agreement template has the ID 'nope'.",
        ),
    ];
    for (fields, says) in refusals {
        let refused = post(&fields);
        assert_eq!(
            (refused.status, refused.body["code"].as_u64()),
            (400, Some(400)),
            "{fields}: {}",
            refused.body
        );
        let description = refused.body["description"].as_str().unwrap();
        assert!(description.starts_with(says), "{fields}: {description}");
        assert_eq!(refused.body["data"], serde_json::json!([]));
        assert_eq!(refused.body["source"], "PartnerFD");
    }
    let listed = curl(&server, "GET", &path, Some(&ann), &[], None);
    assert_eq!(listed.body["totalCount"], 0, "nothing was written");
    // The Cloud Agreement's template with the other type: a Cloud Agreement, as the real
    // server records it.
    let created = post(&format!(
        r#","templateId":"{CLOUD_TEMPLATE}","type":"MicrosoftCustomerAgreement""#
    ));
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["type"], "MicrosoftCloudAgreement");
    assert_eq!(created.body["templateId"], CLOUD_TEMPLATE);
    assert_eq!(
        created.body["agreementLink"],
        "https://docs.microsoft.com/partner-center/agreements"
    );
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn the_customer_agreement_is_confirmed_with_its_own_template_from_october_2019() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start_with(dir.path(), "2020-03-01", &[]);
    let path = format!("/v1/customers/{NORTHWIND}/agreements");
    let body = agreement_with(
        "2020-02-20T00:00:00Z",
        &format!(r#","templateId":"{CUSTOMER_TEMPLATE}","type":"MicrosoftCustomerAgreement""#),
    );
    let created = curl(&server, "POST", &path, Some(&ann), &[], Some(&body));
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["type"], "MicrosoftCustomerAgreement");
    assert_eq!(created.body["templateId"], CUSTOMER_TEMPLATE);
    assert_eq!(
        created.body["agreementLink"],
        "https://aka.ms/customeragreement"
    );
    assert_eq!(created.body["dateAgreed"], "2020-02-20T00:00:00Z");
    // Read back: each confirmation with its own agreement's type, template and link.
    let every = curl(
        &server,
        "GET",
        &format!("{path}?agreementType=*"),
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(every.body["totalCount"], 1, "{}", every.body);
    assert_eq!(every.body["items"][0], created.body);
    let of_type = curl(
        &server,
        "GET",
        &format!("{path}?agreementType=MicrosoftCustomerAgreement"),
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(of_type.body["items"][0], created.body);
    assert_eq!(server.stop(), Some(0));
}

/// The keys of a JSON object, sorted.
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .unwrap_or_else(|| panic!("an object: {value}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn an_order_is_answered_as_the_real_order_and_as_the_command_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path());
    let orders = format!("/v1/customers/{CONTOSO}/orders");
    let body = format!(
        r#"{{"referenceCustomerId":"{CONTOSO}","billingCycle":"Monthly","lineItems":[{{"lineItemNumber":0,"offerId":"{E3}","quantity":3,"friendlyName":"E3 for sales"}},{{"lineItemNumber":1,"offerId":"{BUSINESS_BASIC}","quantity":2}}]}}"#
    );
    let placed = curl(&server, "POST", &orders, Some(&ann), &[], Some(&body));
    assert_eq!(placed.status, 201, "{}", placed.body);
    let order = &placed.body;
    assert_eq!(
        keys(order),
        [
            "attributes",
            "billingCycle",
            "creationDate",
            "id",
            "lineItems",
            "referenceCustomerId",
            "status"
        ]
    );
    assert_eq!(order["referenceCustomerId"], CONTOSO);
    assert_eq!(order["billingCycle"], "monthly");
    assert_eq!(order["status"], "completed");
    assert_eq!(
        order["attributes"],
        serde_json::json!({"objectType": "Order"})
    );
    assert!(
        order["creationDate"]
            .as_str()
            .unwrap()
            .starts_with(MANDATORY_DAY),
        "{order}"
    );
    let lines = order["lineItems"].as_array().unwrap();
    assert_eq!(
        keys(&lines[0]),
        [
            "friendlyName",
            "lineItemNumber",
            "offerId",
            "quantity",
            "subscriptionId"
        ]
    );
    assert_eq!(lines[0]["friendlyName"], "E3 for sales");
    assert_eq!(
        (
            &lines[0]["lineItemNumber"],
            &lines[0]["offerId"],
            &lines[0]["quantity"]
        ),
        (
            &serde_json::json!(0),
            &serde_json::json!(E3),
            &serde_json::json!(3)
        )
    );
    assert_eq!(
        keys(&lines[1]),
        ["lineItemNumber", "offerId", "quantity", "subscriptionId"]
    );
    // Provisioned at once: each line's subscription is there to read.
    for line in lines {
        let subscription = line["subscriptionId"].as_str().unwrap();
        let read = curl(
            &server,
            "GET",
            &format!("/v1/customers/{CONTOSO}/subscriptions/{subscription}"),
            Some(&ann),
            &[],
            None,
        );
        assert_eq!(read.status, 200, "{}", read.body);
        assert_eq!(read.body["orderId"], order["id"]);
        assert_eq!(read.body["quantity"], line["quantity"]);
    }
    // Read back in the list, in the same shape.
    let listed = curl(&server, "GET", &orders, Some(&ann), &[], None);
    let last = listed.body["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["id"], order["id"]);
    assert_eq!(last["billingCycle"], "monthly");
    assert_eq!(last["status"], "completed");
    assert_eq!(
        last["lineItems"][0]["subscriptionId"],
        lines[0]["subscriptionId"]
    );
    // The command prints the same resource.
    let printed = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args([
            "orders",
            "create",
            "--customer",
            CONTOSO,
            "--offer",
            E3,
            "--quantity",
            "4",
        ])
        .output()
        .unwrap();
    assert_eq!(printed.status.code(), Some(0), "{printed:?}");
    let printed: Value = serde_json::from_slice(&printed.stdout).unwrap();
    assert_eq!(keys(&printed), keys(order));
    assert_eq!(keys(&printed["lineItems"][0]), keys(&lines[1]));
    assert_eq!(
        (
            &printed["billingCycle"],
            &printed["status"],
            &printed["attributes"]
        ),
        (
            &order["billingCycle"],
            &order["status"],
            &order["attributes"]
        )
    );
    // A billing cycle the offers are not billed in, and lines numbered out of order.
    let annual = body.replace("Monthly", "annual");
    let refused = curl(&server, "POST", &orders, Some(&ann), &[], Some(&annual));
    assert_eq!(
        (refused.status, refused.body["code"].as_u64()),
        (400, Some(400))
    );
    assert!(
        refused.body["description"]
            .as_str()
            .unwrap()
            .starts_with("billingCycle: 'annual' cannot be ordered"),
        "{}",
        refused.body
    );
    let misnumbered = body.replace(r#""lineItemNumber":1"#, r#""lineItemNumber":5"#);
    let refused = curl(
        &server,
        "POST",
        &orders,
        Some(&ann),
        &[],
        Some(&misnumbered),
    );
    assert_eq!(
        (refused.status, refused.body["code"].as_u64()),
        (400, Some(800071)),
        "{}",
        refused.body
    );
    let after = curl(&server, "GET", &orders, Some(&ann), &[], None);
    assert_eq!(
        after.body["totalCount"],
        listed.body["totalCount"].as_u64().unwrap() + 1,
        "only the command's order was added"
    );
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_created_customer_comes_with_its_admin_credentials_once_and_a_stable_commerce_id() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path());
    let body = r#"{"companyProfile":{"domain":"fabrikamwest"},"billingProfile":{"companyName":"Fabrikam West","email":"ada@fabrikamwest.example","culture":"en-US","language":"en","defaultAddress":{"country":"US","addressLine1":"1 Main St","city":"Redmond","state":"WA","postalCode":"98052","firstName":"Ada","lastName":"Lovelace"}}}"#;
    let created = curl(
        &server,
        "POST",
        "/v1/customers",
        Some(&ann),
        &[],
        Some(body),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let customer = &created.body;
    let id = customer["id"].as_str().unwrap();
    let commerce_id = customer["commerceId"].as_str().unwrap();
    assert_eq!(commerce_id.len(), 36, "{customer}");
    assert_ne!(commerce_id, id);
    assert_eq!(customer["companyProfile"]["tenantId"], id);
    assert_eq!(
        customer["companyProfile"]["domain"],
        "fabrikamwest.onmicrosoft.com"
    );
    assert_eq!(customer["companyProfile"]["companyName"], "Fabrikam West");
    assert_eq!(
        customer["billingProfile"]["email"],
        "ada@fabrikamwest.example"
    );
    assert_eq!(customer["relationshipToPartner"], "reseller");
    let credentials = &customer["userCredentials"];
    assert_eq!(keys(credentials), ["password", "userName"]);
    assert_eq!(credentials["userName"], "admin");
    let password = credentials["password"].as_str().unwrap();
    assert_eq!(password.chars().count(), 8, "{password}");
    // Read back: the same commerce ID, the relationship, and no credentials.
    let read = curl(
        &server,
        "GET",
        &format!("/v1/customers/{id}"),
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.body["commerceId"], commerce_id);
    assert_eq!(read.body["relationshipToPartner"], "reseller");
    assert!(read.body.get("userCredentials").is_none(), "{}", read.body);
    let mut without = customer.clone();
    without.as_object_mut().unwrap().remove("userCredentials");
    assert_eq!(read.body, without, "the same resource but the credentials");
    let filter = r#"{"Field":"Domain","Value":"fabrikamwest","Operator":"starts_with"}"#;
    let page = curl(
        &server,
        "GET",
        &format!(
            "/v1/customers?filter={}",
            pcenter::api::uri::component(filter)
        ),
        Some(&ann),
        &[],
        None,
    );
    assert_eq!(
        page.body["items"][0]["commerceId"], commerce_id,
        "{}",
        page.body
    );
    assert!(page.body["items"][0].get("userCredentials").is_none());
    assert_eq!(server.stop(), Some(0));
}

/// `code`, `description`, `data` (empty) and `source` ("PartnerFD"), and nothing else but
/// `errorName` and `isRetryable`.
fn assert_partner_center_error(answer: &Answer, status: u16, what: &str) {
    assert_eq!(answer.status, status, "{what}: {}", answer.body);
    let body = &answer.body;
    assert!(body["code"].is_u64(), "{what}: {body}");
    assert!(
        body["description"].as_str().is_some_and(|d| !d.is_empty()),
        "{what}: {body}"
    );
    assert_eq!(body["data"], serde_json::json!([]), "{what}: {body}");
    assert_eq!(body["source"], "PartnerFD", "{what}: {body}");
    for key in keys(body) {
        assert!(
            [
                "code",
                "description",
                "data",
                "source",
                "errorName",
                "isRetryable"
            ]
            .contains(&key.as_str()),
            "{what}: {body}"
        );
    }
    assert!(
        answer.headers.contains("content-type: application/json"),
        "{what}: {}",
        answer.headers
    );
}

/// A request that is refused: method, path, token, body, the status it gets, and what it is.
type ErrorCase<'a> = (
    &'a str,
    String,
    Option<&'a str>,
    Option<&'a str>,
    u16,
    &'a str,
);

#[test]
fn every_error_has_partner_centers_shape_whoever_made_it() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_token(dir.path(), "Ann Agent", "admin-agent");
    let helpdesk = agent_token(dir.path(), "Hal Desk", "helpdesk-agent");
    // A day the API's gate is closed for unconfirmed customers (from March 22, 2019 in
    // production), under the Microsoft Cloud Agreement.
    let today = "2019-06-03";
    let server = Server::start_with(dir.path(), today, &[]);
    let northwind = format!("/v1/customers/{NORTHWIND}");
    let agreement = agreement_with(
        "2019-06-01",
        &format!(r#","templateId":"{CLOUD_TEMPLATE}","type":"MicrosoftCloudAgreement""#),
    );
    let order = format!(r#"{{"lineItems":[{{"offerId":"{E3}","quantity":3}}]}}"#);
    let big = dir.path().join("big.json");
    std::fs::write(&big, format!("{{\"x\":\"{}\"}}", "a".repeat(2 << 20))).unwrap();
    let big = format!("@{}", big.display());
    let agreements = format!("{northwind}/agreements");
    let cases: Vec<ErrorCase> = vec![
        ("GET", "/v1/offers".into(), None, None, 401, "no token"),
        (
            "GET",
            "/v1/no/such/path".into(),
            Some(&ann),
            None,
            404,
            "no such path",
        ),
        (
            "GET",
            "/nothing".into(),
            None,
            None,
            404,
            "no such path, no token",
        ),
        (
            "GET",
            "/v1/customers/nobody".into(),
            Some(&ann),
            None,
            404,
            "no such customer",
        ),
        (
            "DELETE",
            northwind.clone(),
            Some(&ann),
            None,
            405,
            "a method the path does not take",
        ),
        (
            "GET",
            "/v1/customers?size=many".into(),
            Some(&ann),
            None,
            400,
            "a query it cannot read",
        ),
        (
            "POST",
            agreements.clone(),
            Some(&ann),
            Some("{not json"),
            400,
            "not JSON",
        ),
        (
            "POST",
            agreements.clone(),
            Some(&ann),
            Some("{}"),
            400,
            "no template nor type",
        ),
        (
            "POST",
            agreements.clone(),
            Some(&ann),
            Some(big.as_str()),
            413,
            "a body over the limit",
        ),
        (
            "POST",
            agreements.clone(),
            Some(&helpdesk),
            Some(&agreement),
            403,
            "a role that may not",
        ),
        (
            "POST",
            format!("{northwind}/orders"),
            Some(&ann),
            Some(&order),
            403,
            "the gate",
        ),
    ];
    for (method, path, token, body, status, what) in cases {
        let answer = curl(&server, method, &path, token, &[], body);
        assert_partner_center_error(&answer, status, what);
    }
    let confirmed = curl(
        &server,
        "POST",
        &agreements,
        Some(&ann),
        &[],
        Some(&agreement),
    );
    assert_eq!(confirmed.status, 201, "{}", confirmed.body);
    let again = curl(
        &server,
        "POST",
        &agreements,
        Some(&ann),
        &[],
        Some(&agreement),
    );
    assert_partner_center_error(&again, 409, "the same contact again");
    assert_eq!(
        again.body["errorName"],
        "PartnerConfirmedAgreementAlreadyExists"
    );
    assert_eq!(again.body["isRetryable"], false);
    assert_eq!(server.stop(), Some(0));

    // The throttle: one request a minute.
    let throttled = Server::start_with(dir.path(), today, &["--throttle", "1"]);
    let first = curl(&throttled, "GET", "/v1/offers", Some(&ann), &[], None);
    assert_eq!(first.status, 200);
    let second = curl(&throttled, "GET", "/v1/offers", Some(&ann), &[], None);
    assert_partner_center_error(&second, 429, "over the throttle");
    assert_eq!(second.body["errorName"], "TooManyRequests");
    assert_eq!(second.body["isRetryable"], true);
    assert!(
        second.headers.contains("retry-after:"),
        "{}",
        second.headers
    );
    assert_eq!(throttled.stop(), Some(0));
}
