//! Clients that do not play by the rules, and the answers they get: every error in Partner
//! Center's shape with the request's IDs, sign-in before any body, the throttle, and clients
//! too slow to send or to read cut off.

use super::connection::{Limits, WriteDeadline};
use super::tests::live::{core_with_agent, curl, Served, NORTHWIND};
use super::Settings;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

/// Status, headers and body of one request sent by curl with `args`.
fn curl_full(args: &[&str]) -> (String, String, String) {
    let output = Command::new("curl")
        .args([
            "-s",
            "-H",
            "Expect:",
            "-D",
            "-",
            "-o",
            "-",
            "-w",
            "\n%{http_code}",
        ])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let (rest, status) = text.rsplit_once('\n').unwrap();
    let (headers, body) = rest.split_once("\r\n\r\n").unwrap_or((rest, ""));
    (
        status.to_string(),
        headers.to_ascii_lowercase(),
        body.to_string(),
    )
}

/// A file of more bytes than the body limit, for curl's `--data-binary @FILE`.
fn oversized_body() -> (tempfile::TempDir, String) {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("big");
    std::fs::write(&path, "x".repeat(super::BODY_LIMIT + 10)).unwrap();
    let argument = format!("@{}", path.display());
    (directory, argument)
}

fn error_of(body: &str) -> serde_json::Value {
    let error: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("{body}"));
    assert!(error["code"].is_u64(), "{body}");
    assert!(
        error["description"].as_str().is_some_and(|d| !d.is_empty()),
        "{body}"
    );
    assert_eq!(error["data"], serde_json::json!([]), "{body}");
    assert_eq!(error["source"], "PartnerFD", "{body}");
    error
}

#[test]
fn errors_axum_makes_itself_have_partner_centers_shape_and_the_request_ids() {
    let (core, token) = core_with_agent();
    let served = Served::start(core);
    let base = format!("http://{}", served.address);
    let auth = format!("Authorization: Bearer {token}");
    // A method the path does not take.
    let (status, headers, body) = curl_full(&[
        "-X",
        "DELETE",
        "-H",
        &auth,
        "-H",
        "MS-RequestId: req-1",
        "-H",
        "MS-CorrelationId: cor-1",
        &format!("{base}/v1/customers/{NORTHWIND}"),
    ]);
    assert_eq!(status, "405");
    assert!(headers.contains("ms-requestid: req-1"), "{headers}");
    assert!(headers.contains("ms-correlationid: cor-1"), "{headers}");
    assert!(headers.contains("allow:"), "{headers}");
    error_of(&body);
    // A query it cannot read, and no IDs sent: made up.
    let (status, headers, body) =
        curl_full(&["-H", &auth, &format!("{base}/v1/customers?size=many")]);
    assert_eq!(status, "400");
    assert!(headers.contains("ms-requestid: "), "{headers}");
    assert!(
        error_of(&body)["description"]
            .as_str()
            .unwrap()
            .contains("size"),
        "{body}"
    );
    // A body over the limit.
    let (_directory, big) = oversized_body();
    let (status, headers, body) = curl_full(&[
        "-H",
        &auth,
        "-H",
        "MS-RequestId: big",
        "--data-binary",
        &big,
        &format!("{base}/v1/customers/{NORTHWIND}/agreements"),
    ]);
    assert_eq!(status, "413");
    assert!(headers.contains("ms-requestid: big"), "{headers}");
    error_of(&body);
    served.stop();
}

#[test]
fn without_a_token_nothing_is_read_and_the_answer_says_how_to_sign_in() {
    let (core, _) = core_with_agent();
    let served = Served::start(core);
    let url = format!(
        "http://{}/v1/customers/{NORTHWIND}/agreements",
        served.address
    );
    let (status, headers, body) = curl_full(&[&url]);
    assert_eq!(status, "401");
    assert!(headers.contains("www-authenticate: bearer"), "{headers}");
    assert!(error_of(&body)["description"]
        .as_str()
        .unwrap()
        .contains("Bearer"));
    // A body over the limit from a client who has not signed in: refused for who it is, not
    // for its size (the body was never read).
    let (_directory, big) = oversized_body();
    let (status, _, _) = curl_full(&["--data-binary", &big, &url]);
    assert_eq!(status, "401");
    let (status, _, _) = curl_full(&["-H", "Authorization: Bearer pcenter_nope", &url]);
    assert_eq!(status, "401");
    served.stop();
}

#[test]
fn beyond_the_throttle_an_agent_gets_429_with_retry_after() {
    let (core, token) = core_with_agent();
    let settings = Settings {
        throttle: 2,
        ..Settings::default()
    };
    let served = Served::with(core, settings);
    let url = format!("http://{}/v1/offers", served.address);
    let auth = format!("Authorization: Bearer {token}");
    for _ in 0..2 {
        assert_eq!(curl_full(&["-H", &auth, &url]).0, "200");
    }
    let (status, headers, body) = curl_full(&["-H", &auth, &url]);
    assert_eq!(status, "429");
    assert!(headers.contains("retry-after: 30"), "{headers}");
    let error = error_of(&body);
    assert_eq!(error["code"], 429);
    assert_eq!(error["isRetryable"], true);
    // The health check is nobody's request and never throttled.
    let health = format!("http://{}/_pcenter/health", served.address);
    assert_eq!(curl_full(&[&health]).0, "200");
    served.stop();
}

fn short_limits() -> Settings {
    Settings {
        limits: Limits {
            head: Duration::from_millis(600),
            body: Duration::from_millis(600),
            write_stall: Duration::from_millis(600),
            ..Limits::default()
        },
        ..Settings::default()
    }
}

/// Reads until the server closes the connection; what it sent.
fn read_to_close(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut text = Vec::new();
    let _ = stream.read_to_end(&mut text);
    String::from_utf8_lossy(&text).into_owned()
}

#[test]
fn a_client_that_sends_its_head_too_slowly_is_cut_off() {
    let (core, _) = core_with_agent();
    let served = Served::with(core, short_limits());
    let mut stream = TcpStream::connect(served.address).unwrap();
    stream
        .write_all(b"GET /_pcenter/health HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let said = read_to_close(&mut stream);
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(5), "closed after {waited:?}");
    assert!(!said.contains("200 OK"), "{said}");
    served.stop();
}

#[test]
fn a_client_that_sends_its_body_too_slowly_is_answered_408_and_cut_off() {
    let (core, token) = core_with_agent();
    let served = Served::with(core, short_limits());
    let mut stream = TcpStream::connect(served.address).unwrap();
    let head = format!(
        "POST /v1/customers/{NORTHWIND}/agreements HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Length: 100\r\n\r\n{{\"primary"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let started = Instant::now();
    let said = read_to_close(&mut stream);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(said.starts_with("HTTP/1.1 408"), "{said}");
    assert!(said.contains("\"source\":\"PartnerFD\""), "{said}");
    served.stop();
}

#[test]
fn a_client_that_stops_reading_its_answer_is_cut_off() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        use tokio::io::AsyncWrite;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        // The client connects and never reads a byte.
        let client = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (stream, _) = listener.accept().await.unwrap();
        let mut stream = WriteDeadline::new(stream, Duration::from_millis(300));
        let chunk = vec![b'x'; 1 << 16];
        let started = Instant::now();
        let mut written = 0usize;
        let failure = loop {
            let wrote = std::future::poll_fn(|context| {
                std::pin::Pin::new(&mut stream).poll_write(context, &chunk)
            });
            match wrote.await {
                Ok(count) => written += count,
                Err(error) => break error,
            }
            assert!(
                written < 1 << 30,
                "a gigabyte went to a client that reads nothing"
            );
        };
        assert_eq!(failure.kind(), std::io::ErrorKind::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(10));
        drop(client);
    });
}

#[test]
fn a_filtered_list_keeps_its_filter_in_the_link_to_the_next_page() {
    let (core, token) = core_with_agent();
    let served = Served::start(core);
    let filter = r#"{"Field":"CompanyName","Value":"c","Operator":"starts_with"}"#;
    let query = super::super::api::uri::component(filter);
    let (status, body) = curl(
        served.address,
        "get",
        &format!("/v1/customers?size=1&filter={query}"),
        &token,
    );
    assert_eq!(status, "200", "{body}");
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    let total = page["totalCount"].as_u64().unwrap();
    assert!(
        total >= 2,
        "the demo has several companies starting with C: {body}"
    );
    let mut names = vec![page["items"][0]["companyProfile"]["companyName"].to_string()];
    let mut next = page["links"]["next"].clone();
    while next.is_object() {
        let uri = next["uri"].as_str().unwrap();
        assert!(uri.contains("filter="), "{uri}");
        let continuation = next["headers"][0]["value"].as_str().unwrap();
        let (status, headers, body) = curl_full(&[
            "-H",
            &format!("Authorization: Bearer {token}"),
            "-H",
            &format!("MS-ContinuationToken: {continuation}"),
            &format!("http://{}/v1{uri}", served.address),
        ]);
        assert_eq!(status, "200", "{headers}{body}");
        let page: serde_json::Value = serde_json::from_str(&body).unwrap();
        names.push(page["items"][0]["companyProfile"]["companyName"].to_string());
        next = page["links"]["next"].clone();
    }
    assert_eq!(names.len() as u64, total, "{names:?}");
    assert!(
        names
            .iter()
            .all(|name| name.to_lowercase().starts_with("\"c")),
        "{names:?}"
    );
    served.stop();
}

#[test]
fn an_error_inside_pcenter_is_logged_not_told() {
    let error =
        crate::api::error::ApiError::new(500, 4, "sled: /home/ann/.local/share/pcenter: I/O error");
    let response = super::answer::error_answer(error);
    assert_eq!(response.status(), 500);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let body = runtime
        .block_on(axum::body::to_bytes(response.into_body(), 4096))
        .unwrap();
    let body = String::from_utf8_lossy(&body);
    assert!(!body.contains("/home/ann"), "{body}");
    assert!(error_of(&body)["description"]
        .as_str()
        .unwrap()
        .contains("log"));
}

#[test]
fn beyond_the_connection_bound_clients_wait_for_a_free_one() {
    let (core, _) = core_with_agent();
    let settings = Settings {
        limits: Limits {
            connections: 1,
            ..Limits::default()
        },
        ..Settings::default()
    };
    let served = Served::with(core, settings);
    let health = format!("http://{}/_pcenter/health", served.address);
    let asked = |seconds: &str| {
        let output = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                seconds,
            ])
            .arg(&health)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(asked("5"), "200");
    // One client holds the only connection…
    let holder = TcpStream::connect(served.address).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(asked("1"), "000", "no answer while the bound is reached");
    // …and once it goes, the next is served.
    drop(holder);
    assert_eq!(asked("5"), "200");
    served.stop();
}

#[test]
fn a_spectator_has_no_part_in_the_api() {
    use crate::domain::agent::{token_text, Agent};
    use crate::domain::role::Role;
    use crate::store::agents::token_hash;
    let (core, _) = core_with_agent();
    let registry = core.store().registry().unwrap();
    registry
        .add_agent(&Agent {
            id: "a-sam".into(),
            name: "Sam Spectator".into(),
            role: Role::Spectator,
            added_at: "2018-11-01T10:00:00Z".parse().unwrap(),
            ssh_keys: vec![],
        })
        .unwrap();
    let token = token_text(&[9; 32]);
    registry.add_token("a-sam", &token_hash(&token)).unwrap();
    let served = Served::start(core);
    let (status, body) = curl(served.address, "get", "/v1/customers", &token);
    assert_eq!(status, "403", "{body}");
    assert!(error_of(&body)["description"]
        .as_str()
        .unwrap()
        .contains("spectator"));
    served.stop();
}
