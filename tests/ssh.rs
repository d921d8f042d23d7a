//! `pcenter serve --ssh` from the outside: the real server on 127.0.0.1 port 0 and OpenSSH's own
//! `ssh` in pseudo-terminals, as agents connect to it; keys made with `ssh-keygen`.
#![cfg(unix)]

mod binary;
mod pty;

use binary::served::Served;
use binary::*;
use pty::Dashboard;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// An SSH server of the demo store, stopped when dropped.
struct Server {
    served: Served,
    port: u16,
}

impl Server {
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let mut args = vec!["--ssh", "127.0.0.1:0"];
        args.extend(extra);
        let served = Served::start(dir, &args);
        let port = served.said_after("-p ", char::is_whitespace);
        let port = port
            .parse()
            .unwrap_or_else(|_| panic!("no port in {:?}", served.first_line));
        Server { served, port }
    }

    /// Ends the server as Ctrl-C does; its exit status.
    fn stop(self) -> Option<i32> {
        self.served.stop()
    }
}

/// A new ed25519 key pair in `dir`; the path of its private half.
fn new_key(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .expect("ssh-keygen is installed");
    assert!(made.success());
    path
}

/// Registers an agent with `role` who signs in with a new key; the key's path.
fn agent_with_key(dir: &Path, name: &str, role: &str) -> PathBuf {
    let key = new_key(dir, &name.replace(' ', "_"));
    let public = key.with_extension("pub");
    let added = pcenter_at(dir, &["--demo", "--today", MANDATORY_DAY])
        .args(["agents", "add", name, "--role", role, "--ssh-key"])
        .arg(&public)
        .output()
        .unwrap();
    assert_eq!(added.status.code(), Some(0), "{added:?}");
    key
}

/// OpenSSH's client with `key` on the server, in a terminal of `size`; `extra` before the host.
fn ssh(server: &Server, key: &Path, size: (u16, u16), extra: &[&str]) -> Dashboard {
    ssh_in(server, key, size, extra, &[])
}

/// `ssh` with the client's own environment `env` (its locale, sent with `SendEnv`).
fn ssh_in(
    server: &Server,
    key: &Path,
    size: (u16, u16),
    extra: &[&str],
    env: &[(&str, &str)],
) -> Dashboard {
    let port = server.port.to_string();
    let mut args: Vec<&OsStr> = vec![OsStr::new("-i"), key.as_os_str()];
    for arg in [
        "-p",
        &port,
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "BatchMode=yes",
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "PreferredAuthentications=publickey",
        "-o",
        "LogLevel=ERROR",
    ] {
        args.push(OsStr::new(arg));
    }
    let extra: Vec<&OsStr> = extra.iter().map(OsStr::new).collect();
    args.extend(extra);
    args.push(OsStr::new("anyone@127.0.0.1"));
    Dashboard::start_program(OsStr::new("ssh"), &args, env, size)
}

fn northwind_status(dashboard: &Dashboard) -> &'static str {
    let screen = dashboard.screen();
    let line = screen
        .lines()
        .find(|line| line.contains("Northwind Traders"))
        .unwrap_or("");
    if line.contains("Not confirmed") {
        "Not confirmed"
    } else if line.contains("Confirmed") {
        "Confirmed"
    } else {
        "not shown"
    }
}

#[test]
fn an_agent_confirms_over_ssh_and_another_agents_list_shows_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let bob = agent_with_key(dir.path(), "Bob Agent", "sales-agent");
    let server = Server::start(dir.path(), &[]);
    assert!(
        server.served.first_line.contains("host key SHA256:"),
        "{}",
        server.served.first_line
    );

    let mut watcher = ssh(&server, &bob, (80, 24), &["-tt"]);
    watcher.wait_for_screen(&["Customers", "Signed in: Bob Agent (Sales agent)"]);
    watcher.type_bytes(b"/northwind");
    watcher.wait_for_screen(&["1 of 31 customers"]);
    assert_eq!(northwind_status(&watcher), "Not confirmed");

    let mut agent = ssh(&server, &ann, (80, 24), &["-tt"]);
    agent.wait_for_screen(&["Signed in: Ann Agent (Admin agent)"]);
    agent.type_bytes(b"/northwind\r");
    agent.wait_for_screen(&["Northwind Traders"]);
    agent.type_bytes(b"\r");
    agent.wait_for_screen(&["Account", "Microsoft cloud agreement"]);
    agent.type_bytes(b"u");
    agent.wait_for_screen(&["Agreement acceptance date", "Save and continue"]);
    agent.type_bytes(&[0x13]); // Ctrl-S: Save and continue
    agent.wait_for_screen(&["Confirmed"]);

    // No key pressed by Bob: his list shows it.
    let shown = watcher.read_until(|d| northwind_status(d) == "Confirmed");
    assert!(shown, "the change never showed:\n{}", watcher.screen());

    for mut client in [agent, watcher] {
        client.type_bytes(b"\x1b\x1bq");
        assert_eq!(client.wait_for_exit().code(), Some(0));
        client.assert_terminal_restored();
    }
    assert_eq!(server.stop(), Some(0));
    let listed = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args(["agreements", "list", "--customer", "northwindtraders"])
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed["items"][0]["recordedBy"], "Ann Agent", "{listed}");
}

#[test]
fn a_key_of_no_agent_is_refused_and_a_session_without_a_terminal_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let stranger = new_key(dir.path(), "stranger");
    let server = Server::start(dir.path(), &[]);

    let mut refused = ssh(&server, &stranger, (80, 24), &["-tt"]);
    let status = refused.wait_for_exit();
    assert_eq!(status.code(), Some(255));
    assert!(
        refused
            .raw_output()
            .contains("Permission denied (publickey)"),
        "{}",
        refused.raw_output()
    );

    let mut no_terminal = ssh(&server, &ann, (80, 24), &["-T"]);
    assert_eq!(no_terminal.wait_for_exit().code(), Some(1));
    let said = no_terminal.raw_output();
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(
        said.contains("needs a terminal") && said.contains("ssh -t"),
        "{said}"
    );

    // A key added while the server runs signs in at once; removed, it no longer does.
    let carol = new_key(dir.path(), "carol");
    let added = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args([
            "agents",
            "add",
            "Carol Agent",
            "--role",
            "helpdesk-agent",
            "--ssh-key",
        ])
        .arg(carol.with_extension("pub"))
        .output()
        .unwrap();
    assert_eq!(added.status.code(), Some(0), "{added:?}");
    let mut session = ssh(&server, &carol, (80, 24), &["-tt"]);
    session.wait_for_screen(&["Signed in: Carol Agent (Helpdesk agent)"]);
    session.type_bytes(b"q");
    assert_eq!(session.wait_for_exit().code(), Some(0));
    let removed = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args(["agents", "keys", "Carol Agent", "--remove"])
        .arg(carol.with_extension("pub"))
        .output()
        .unwrap();
    assert_eq!(removed.status.code(), Some(0), "{removed:?}");
    let mut gone = ssh(&server, &carol, (80, 24), &["-tt"]);
    assert_eq!(gone.wait_for_exit().code(), Some(255));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_resized_window_is_drawn_at_its_new_size() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path(), &[]);
    let mut client = ssh(&server, &ann, (80, 24), &["-tt"]);
    client.wait_for_screen(&["Production · 2018-11-14 · Mandatory"]);
    client.resize(120, 40);
    // Only a wide screen has room for the words "Business date".
    client.wait_for_screen(&["Business date 2018-11-14", "31 of 31 customers"]);
    client.type_bytes(b"q");
    assert_eq!(client.wait_for_exit().code(), Some(0));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_client_killed_mid_form_leaves_the_others_served_and_the_store_clean() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let bob = agent_with_key(dir.path(), "Bob Agent", "sales-agent");
    // Two sessions at most: the killed client's must be let go for a new one to open.
    let server = Server::start(dir.path(), &["--max-sessions", "2"]);
    let mut other = ssh(&server, &bob, (80, 24), &["-tt"]);
    other.wait_for_screen(&["Signed in: Bob Agent"]);

    let mut killed = ssh(&server, &ann, (80, 24), &["-tt"]);
    killed.wait_for_screen(&["Signed in: Ann Agent"]);
    killed.type_bytes(b"/northwind\r\ru");
    killed.wait_for_screen(&["Save and continue"]);
    killed.type_bytes(b"\x15Half typed"); // Ctrl-U clears, then a name half typed
    killed.signal(libc::SIGKILL);
    let _ = killed.wait_for_exit();
    let killed_at = Instant::now();
    let mut next = ssh(&server, &ann, (80, 24), &["-tt"]);
    next.wait_for_screen(&["Signed in: Ann Agent"]);
    assert!(
        killed_at.elapsed() < Duration::from_secs(5),
        "{:?}",
        killed_at.elapsed()
    );
    next.type_bytes(b"q");
    assert_eq!(next.wait_for_exit().code(), Some(0));

    // The other agent goes on: its list answers a key.
    other.type_bytes(b"/contoso");
    other.wait_for_screen(&["1 of 31 customers", "Contoso Electronics"]);
    // Esc alone, then q: sent together they would be Alt-q.
    other.type_bytes(b"\x1b");
    other.wait_for_screen(&["Press / to filter"]);
    other.type_bytes(b"q");
    assert_eq!(other.wait_for_exit().code(), Some(0));
    assert_eq!(server.stop(), Some(0));
    // Nothing of the form was saved; the store opens and reads clean.
    let listed = pcenter_at(dir.path(), &["--demo", "--today", MANDATORY_DAY])
        .args(["agreements", "list", "--customer", "northwindtraders"])
        .output()
        .unwrap();
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed["totalCount"], 0, "{listed}");
}

#[test]
fn twenty_clients_at_once_each_get_a_dashboard_and_the_next_beyond_the_bound_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path(), &["--max-sessions", "20"]);
    let mut clients: Vec<Dashboard> = (0..20)
        .map(|_| ssh(&server, &ann, (80, 24), &["-tt"]))
        .collect();
    for client in &mut clients {
        client.allow(Duration::from_secs(20));
        client.wait_for_screen(&["Signed in: Ann Agent", "31 customers"]);
    }
    let mut one_more = ssh(&server, &ann, (80, 24), &["-tt"]);
    assert_eq!(one_more.wait_for_exit().code(), Some(1));
    assert!(
        one_more.raw_output().contains("20 sessions open"),
        "{}",
        one_more.raw_output()
    );
    for client in &mut clients {
        client.type_bytes(b"q");
    }
    for client in &mut clients {
        assert_eq!(client.wait_for_exit().code(), Some(0));
    }
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn on_stop_every_session_is_told_and_its_terminal_restored() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path(), &[]);
    let mut client = ssh(&server, &ann, (80, 24), &["-tt"]);
    client.wait_for_screen(&["Signed in: Ann Agent"]);
    assert_eq!(server.stop(), Some(0));
    let _ = client.wait_for_exit();
    client.assert_terminal_restored();
    assert!(
        client.raw_output().contains("the server is stopping"),
        "{}",
        client.raw_output()
    );
}

#[test]
fn a_session_without_input_is_closed_after_the_idle_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path(), &["--idle-timeout", "2s"]);
    let mut client = ssh(&server, &ann, (80, 24), &["-tt"]);
    client.wait_for_screen(&["Signed in: Ann Agent"]);
    let started = Instant::now();
    assert_eq!(client.wait_for_exit().code(), Some(0));
    assert!(started.elapsed() < Duration::from_secs(10));
    client.assert_terminal_restored();
    assert!(
        client.raw_output().contains("without input"),
        "{}",
        client.raw_output()
    );
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_frozen_client_is_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let server = Server::start(dir.path(), &["--max-sessions", "1"]);
    let mut frozen = ssh(&server, &ann, (80, 24), &["-tt"]);
    frozen.wait_for_screen(&["Signed in: Ann Agent"]);
    frozen.signal(libc::SIGSTOP);
    let stopped_at = Instant::now();
    // The only session is held until the server notices the client answers nothing.
    let next = loop {
        let mut next = ssh(&server, &ann, (80, 24), &["-tt"]);
        next.allow(Duration::from_secs(20));
        if next.read_until(|d| {
            d.screen().contains("Signed in") || d.raw_output().contains("sessions open")
        }) && next.screen().contains("Signed in")
        {
            break next;
        }
        let _ = next.wait_for_exit();
        assert!(
            stopped_at.elapsed() < Duration::from_secs(20),
            "the frozen client was never let go"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    let mut next = next;
    next.type_bytes(b"q");
    assert_eq!(next.wait_for_exit().code(), Some(0));
    frozen.signal(libc::SIGKILL);
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_spectator_picks_a_live_session_and_watches_it_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let sam = agent_with_key(dir.path(), "Sam Spectator", "spectator");
    let server = Server::start(dir.path(), &[]);
    let mut presenter = ssh(&server, &ann, (80, 24), &["-tt"]);
    presenter.wait_for_screen(&["Signed in: Ann Agent"]);

    let mut spectator = ssh(&server, &sam, (100, 30), &["-tt"]);
    spectator.wait_for_screen(&["Live sessions", "Ann Agent", "Admin agent"]);
    spectator.type_bytes(b"\r");
    spectator.wait_for_screen(&["Signed in: Ann Agent (Admin agent)", "Watching Ann Agent"]);

    // The presenter types; the spectator sees it, with no key of its own.
    presenter.type_bytes(b"/contoso");
    presenter.wait_for_screen(&["Filter: contoso"]);
    spectator.wait_for_screen(&["Filter: contoso", "1 of 31 customers"]);

    // What the spectator types never reaches the presenter.
    spectator.type_bytes(b"zz");
    std::thread::sleep(Duration::from_millis(300));
    presenter.output_during(Duration::from_millis(200));
    assert!(
        !presenter.screen().contains("contosozz"),
        "{}",
        presenter.screen()
    );

    // Back to the list, then the presenter leaves: the list says so.
    spectator.type_bytes(b"\x1b");
    spectator.wait_for_screen(&["Live sessions"]);
    presenter.type_bytes(b"\x1b");
    presenter.wait_for_screen(&["Press / to filter"]);
    presenter.type_bytes(b"q");
    assert_eq!(presenter.wait_for_exit().code(), Some(0));
    spectator.wait_for_screen(&["No agent is signed in"]);
    spectator.type_bytes(b"q");
    assert_eq!(spectator.wait_for_exit().code(), Some(0));
    spectator.assert_terminal_restored();

    // A spectator has no part in the API or the dashboard's actions.
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_recorded_session_is_an_asciicast_that_ends_with_the_quit() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let record = dir.path().join("recordings");
    let server = Server::start(dir.path(), &["--record", record.to_str().unwrap()]);
    let mut client = ssh(&server, &ann, (80, 24), &["-tt"]);
    client.wait_for_screen(&["Signed in: Ann Agent"]);
    client.type_bytes(b"/north");
    client.wait_for_screen(&["Filter: north"]);
    client.resize(100, 30);
    client.wait_for_screen(&["Business date"]);
    client.type_bytes(b"\x1b");
    client.wait_for_screen(&["Press / to filter"]);
    client.type_bytes(b"q");
    assert_eq!(client.wait_for_exit().code(), Some(0));
    assert_eq!(server.stop(), Some(0));

    let files: Vec<PathBuf> = std::fs::read_dir(&record)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.ends_with(".cast") && name.contains("Ann-Agent"),
        "{name}"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
        .collect();
    assert_eq!(lines[0]["version"], 2);
    assert_eq!(lines[0]["width"], 80);
    let events = &lines[1..];
    let kinds: Vec<&str> = events.iter().map(|e| e[1].as_str().unwrap()).collect();
    assert!(
        kinds.contains(&"o") && kinds.contains(&"i") && kinds.contains(&"r"),
        "{kinds:?}"
    );
    assert!(events.iter().any(|e| e[1] == "r" && e[2] == "100x30"));
    let times: Vec<f64> = events.iter().map(|e| e[0].as_f64().unwrap()).collect();
    assert!(
        times.windows(2).all(|pair| pair[0] <= pair[1]),
        "in time order"
    );
    let last_input = events.iter().rev().find(|e| e[1] == "i").unwrap();
    assert_eq!(last_input[2], "q", "the last key is the quit");
    let last = events.last().unwrap();
    assert!(
        last[2].as_str().unwrap().contains("\u{1b}[?1049l"),
        "it ends by restoring the terminal: {last}"
    );
}

#[test]
fn a_local_dashboard_on_a_served_store_joins_the_server_as_one_more_session() {
    let dir = tempfile::tempdir().unwrap();
    let sam = agent_with_key(dir.path(), "Sam Spectator", "spectator");
    let server = Server::start(dir.path(), &[]);
    let mut local = Dashboard::start_with(
        dir.path(),
        &["--demo", "--today", MANDATORY_DAY, "--agent", "Lou Local"],
    );
    local.wait_for_screen(&["Signed in: Lou Local (Admin agent)", "31 customers"]);
    // Served by the server: a spectator sees it among the live sessions.
    let mut spectator = ssh(&server, &sam, (80, 24), &["-tt"]);
    spectator.wait_for_screen(&["Live sessions", "Lou Local"]);
    spectator.type_bytes(b"\r");
    local.type_bytes(b"/north");
    local.wait_for_screen(&["Filter: north"]);
    spectator.wait_for_screen(&["Filter: north"]);
    local.resize(100, 30);
    local.wait_for_screen(&["Business date 2018-11-14"]);
    // The server stops: the local dashboard is told, its terminal put back.
    assert_eq!(server.stop(), Some(0));
    assert_eq!(local.wait_for_exit().code(), Some(0));
    local.assert_terminal_restored();
    assert!(
        local.raw_output().contains("the server is stopping"),
        "{}",
        local.raw_output()
    );
    let _ = spectator.wait_for_exit();
}

#[test]
fn two_agents_of_one_server_read_two_languages_at_once_from_their_clients_locale() {
    let dir = tempfile::tempdir().unwrap();
    let ann = agent_with_key(dir.path(), "Ann Agent", "admin-agent");
    let bob = agent_with_key(dir.path(), "Bob Agent", "sales-agent");
    let server = Server::start(dir.path(), &[]);
    let send_lang = ["-tt", "-o", "SendEnv=LANG"];
    let mut korean = ssh_in(
        &server,
        &ann,
        (80, 24),
        &send_lang,
        &[("LANG", "ko_KR.UTF-8")],
    );
    korean.wait_for_screen(&["고객", "로그인: Ann Agent (관리자 에이전트)"]);
    let mut english = ssh_in(
        &server,
        &bob,
        (80, 24),
        &send_lang,
        &[("LANG", "en_US.UTF-8")],
    );
    english.wait_for_screen(&["Customers", "Signed in: Bob Agent (Sales agent)"]);

    // Ann confirms Northwind in Korean; Bob's English list shows it, in English.
    korean.type_bytes(b"/northwind\r");
    korean.wait_for_screen(&["Northwind Traders"]);
    korean.type_bytes(b"\r");
    korean.wait_for_screen(&["계정", "Microsoft 클라우드 계약"]);
    korean.type_bytes(b"u");
    korean.wait_for_screen(&["계약 동의 날짜", "저장하고 계속"]);
    korean.type_bytes(&[0x13]); // Ctrl-S: 저장하고 계속
    korean.wait_for_screen(&["확인됨"]);
    english.type_bytes(b"/northwind");
    let shown = english.read_until(|d| northwind_status(d) == "Confirmed");
    assert!(shown, "the change never showed:\n{}", english.screen());
    assert!(!english.screen().contains("고객"), "{}", english.screen());

    for mut client in [korean, english] {
        client.type_bytes(b"\x1b\x1bq");
        assert_eq!(client.wait_for_exit().code(), Some(0));
        client.assert_terminal_restored();
    }
    assert_eq!(server.stop(), Some(0));
}
