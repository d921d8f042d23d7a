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
        let served = Served::start(dir, &["--http", "127.0.0.1:0"]);
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
    let server = Server::start(dir.path());
    let northwind = format!("/v1/customers/{NORTHWIND}");

    // The gate is closed in the mandatory phase: 403 with 13605.
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
    let listed = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args(["agreements", "list", "--customer", "northwindtraders"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    // userId is the object ID of the agent whose token made the change, as agents list gives it.
    let agents = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
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
    let server = Server::start(dir.path());
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
            Some(r#"{"primaryContact":{"firstName":"Pat"},"dateAgreed":"2030-01-01"}"#),
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
        export.starts_with("TenantId,Domain,Date,First Name,Last Name,Phone,Email"),
        "{export}"
    );
    // Northwind confirmed in an edited export, and a row for nobody.
    let edited: String = export
        .lines()
        .map(|line| match line.starts_with(NORTHWIND) {
            true => format!("{NORTHWIND},,2018-11-10,Pat,Lee,,pat@northwind.example"),
            false => line.to_string(),
        })
        .chain([
            "00000000-0000-0000-0000-000000000000,,2018-11-10,No,Body,,no@body.example".to_string(),
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
