//! The real dashboard in a pseudo-terminal that the test opens itself, so it runs where there is
//! no terminal at all: it draws, takes keys, quits, and leaves the terminal as it found it.
#![cfg(unix)]

mod pty;

use pty::{screen_text, Dashboard};

#[test]
fn q_quits_the_dashboard_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam", "of 19 (19 customers)"]);
    dashboard.type_bytes(b"q");
    let status = dashboard.wait_for_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    dashboard.assert_terminal_restored();
}

#[test]
fn ctrl_c_in_the_filter_quits_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    dashboard.type_bytes(b"/");
    dashboard.wait_for_screen(&["Filter:"]);
    dashboard.type_bytes(b"zz");
    dashboard.wait_for_screen(&["Filter: zz", "0 of 19 customers", "No customer matches"]);
    dashboard.type_bytes(&[0x03]);
    let status = dashboard.wait_for_exit();
    assert_eq!(
        status.code(),
        Some(0),
        "Ctrl-C is a key in raw mode, not a signal: {status:?}"
    );
    dashboard.assert_terminal_restored();
}

#[test]
fn bracketed_paste_lands_in_the_focused_box_on_one_line_without_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    assert!(
        dashboard.raw_output().contains("\x1b[?2004h"),
        "the dashboard asks the terminal for bracketed paste"
    );
    dashboard.type_bytes(b"/");
    dashboard.wait_for_screen(&["Filter:"]);
    // The terminal wraps a paste in ESC [200~ and ESC [201~; a line break and a bell inside.
    dashboard.type_bytes(b"\x1b[200~Contoso\r\n\x07\x1b[201~");
    dashboard.wait_for_screen(&["Filter: Contoso", "1 of 19 customers"]);
    dashboard.type_bytes(b"\x1b");
    dashboard.wait_for_screen(&["Press / to filter"]);
    dashboard.type_bytes(b"n");
    dashboard.wait_for_screen(&["Company name"]);
    dashboard.type_bytes(b"\x1b[200~Tailspin\r\nToys\x1b[31m!\x1b[201~");
    dashboard.wait_for_screen(&["[Tailspin Toys[31m!"]);
    dashboard.type_bytes(&[0x03]);
    let status = dashboard.wait_for_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    dashboard.assert_terminal_restored();
}

#[test]
fn the_screen_model_places_text_by_cursor_moves() {
    let output = b"\x1b[2J\x1b[1;1Hab\x1b[38;5;2mc\x1b[2;3Hxy\x1b]0;title\x07\x1b[1;2HZ";
    assert_eq!(screen_text(output, 5, 2), "aZc\n  xy");
}

#[test]
fn a_confirmation_made_by_a_command_shows_in_the_real_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let created = std::process::Command::new(env!("CARGO_BIN_EXE_pcenter"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--demo", "--today", "2018-09-14", "--agent", "Alex Wilber"])
        .args([
            "agreements",
            "create",
            "--customer",
            "northwindtraders.onmicrosoft.com",
        ])
        .args(["--first-name", "Ada", "--last-name", "Lovelace"])
        .args(["--email", "ada@northwindtraders.com"])
        .output()
        .unwrap();
    assert!(created.status.success(), "{created:?}");
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    dashboard.type_bytes(b"/northwind");
    dashboard.wait_for_screen(&["Filter: northwind", "1 of 19 customers"]);
    dashboard.type_bytes(b"\r\r");
    dashboard.wait_for_screen(&[
        "Confirmed: customer acceptance has been provided",
        "Ada Lovelace",
        "Alex Wilber on 2018-09-14",
        "(Command)",
    ]);
    dashboard.type_bytes(b"h");
    dashboard.wait_for_screen(&[
        "Confirmation history (1)",
        "Alex Wilber, 2018-09-14, Command",
    ]);
    dashboard.type_bytes(b"q");
    assert_eq!(dashboard.wait_for_exit().code(), Some(0));
    dashboard.assert_terminal_restored();
}

#[test]
fn a_korean_locale_opens_the_dashboard_in_korean_and_lc_all_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--demo", "--today", "2018-09-14"];
    let mut korean = Dashboard::start_in(dir.path(), &args, &[("LANG", "ko_KR.UTF-8")]);
    korean.wait_for_screen(&["고객", "로그인", "관리자 에이전트", "도움말"]);
    // A name typed as Hangul lands in the filter, and the list says it matches one customer.
    korean.type_bytes("/한빛".as_bytes());
    korean.wait_for_screen(&["필터: 한빛", "고객 19개 중 1개"]);
    // Enter keeps the filter and gives the keys back to the list, where q quits.
    korean.type_bytes(b"\r");
    korean.wait_for_screen(&["/ 필터"]);
    korean.type_bytes(b"q");
    assert_eq!(korean.wait_for_exit().code(), Some(0));
    korean.assert_terminal_restored();

    let env = [("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C.UTF-8")];
    let mut english = Dashboard::start_in(dir.path(), &args, &env);
    english.wait_for_screen(&["Customers", "Signed in"]);
    english.type_bytes(b"q");
    assert_eq!(english.wait_for_exit().code(), Some(0));

    let mut chosen = Dashboard::start_in(
        dir.path(),
        &["--demo", "--today", "2018-09-14", "--lang", "ko"],
        &[],
    );
    chosen.wait_for_screen(&["고객", "로그인"]);
    chosen.type_bytes(b"q");
    assert_eq!(chosen.wait_for_exit().code(), Some(0));
}
