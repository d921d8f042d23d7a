//! The dashboard in Korean: snapshots of the screens around every other (Customers, help, the
//! unsaved-changes question, the too-small message) at 80x24 and 120x40, each checked for
//! English words of the dashboard's own.

mod common;

use common::*;
use pcenter::app::session::Session;
use pcenter::domain::role::Role;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Snapshots the screen at 80x24 and 120x40, text only, after checking it speaks Korean.
fn snap_ko(name: &str, session: &mut Session) {
    for (width, height) in [(80, 24), (120, 40)] {
        let backend = render(session, width, height);
        let text = screen_text(&backend);
        assert_korean(&format!("{name} at {width}x{height}"), &text);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

/// Snapshots every cell's style too, where Korean text changes what is styled.
fn snap_ko_styled(name: &str, backend: &TestBackend) {
    insta::assert_debug_snapshot!(name, backend.buffer());
}

#[test]
fn customers_in_each_phase_and_era() {
    for (name, date) in [
        ("ko_customers_optional", OPTIONAL_DAY),
        ("ko_customers_mandatory", MANDATORY_DAY),
        ("ko_customers_both_agreements", "2019-11-20"),
        ("ko_customers_customer_agreement", "2020-06-01"),
    ] {
        let mut s = session_ko(date, Role::AdminAgent);
        snap_ko(name, &mut s);
    }
}

#[test]
fn customers_styled() {
    let mut s = session_ko(MANDATORY_DAY, Role::AdminAgent);
    snap_ko_styled("ko_customers_styled_80x24", &render(&mut s, 80, 24));
}

#[test]
fn customers_filtered_to_nothing_and_loading() {
    let mut s = session_ko(MANDATORY_DAY, Role::AdminAgent);
    keys(&mut s, "/없는회사");
    snap_ko("ko_customers_no_match", &mut s);
    press(&mut s, KeyCode::Enter);
    snap_ko("ko_customers_no_match_enter", &mut s);
}

#[test]
fn help_of_customers() {
    let mut s = session_ko(MANDATORY_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('?'));
    snap_ko("ko_help_customers", &mut s);
}

#[test]
fn a_sales_agent_and_a_helpdesk_agent() {
    let mut s = session_ko(MANDATORY_DAY, Role::SalesAgent);
    snap_ko("ko_customers_sales_agent", &mut s);
    let mut s = session_ko(MANDATORY_DAY, Role::HelpdeskAgent);
    snap_ko("ko_customers_helpdesk_agent", &mut s);
}

#[test]
fn too_small() {
    let mut s = session_ko(MANDATORY_DAY, Role::AdminAgent);
    let text = screen_text(&render(&mut s, 60, 20));
    assert_korean("the too-small message", &text);
    insta::assert_snapshot!("ko_too_small_60x20", text);
}

/// Where the terminal's cursor is after the frame: an input method shows its composition there.
fn cursor(backend: &mut TestBackend) -> (u16, u16) {
    use ratatui::backend::Backend;
    let position = backend.get_cursor_position().expect("the cursor");
    (position.x, position.y)
}

#[test]
fn the_cursor_sits_right_after_typed_hangul_in_the_filter_and_in_a_form() {
    let mut s = session_ko(MANDATORY_DAY, Role::AdminAgent);
    keys(&mut s, "/한빛");
    let mut backend = render(&mut s, 80, 24);
    // " 필터: " then two wide syllables: 1 + 6 + 4 columns.
    assert_eq!(cursor(&mut backend), (11, 2));
    press(&mut s, KeyCode::Esc);
    open_account(&mut s, HANBIT);
    press(&mut s, KeyCode::Char('u'));
    ctrl(&mut s, 'u');
    // 민준 as separate jamo, as macOS sends it: stored and shown as two syllables.
    type_text(&mut s, "\u{1106}\u{1175}\u{11AB}\u{110C}\u{116E}\u{11AB}");
    let mut backend = render(&mut s, 80, 24);
    let text = screen_text(&backend);
    let row = text
        .lines()
        .position(|line| line.contains("[민준"))
        .expect("the first name box holds the composed name");
    let line = text.lines().nth(row).unwrap();
    let box_start = pcenter::ui::text::width(&line[..line.find("[민준").unwrap()]) as u16 + 1;
    assert_eq!(cursor(&mut backend), (box_start + 4, row as u16));
}

#[test]
fn a_backup_that_cannot_be_written_says_so_in_korean() {
    // The test's store is kept in memory only: there is nothing on disk to back up.
    let mut s = session_ko(MANDATORY_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('b'));
    assert!(
        s.run_after_frame(),
        "the backup runs once its message is drawn"
    );
    let flash = s.app.ctx.flash.as_ref().expect("a message").clone();
    assert!(flash.is_error, "{flash:?}");
    assert_eq!(
        flash.text,
        "이 저장소는 메모리에만 있으므로 디스크에 백업할 것이 없습니다."
    );
}

#[test]
fn the_header_of_a_store_without_a_partner_name_says_how_to_give_it_one_in_korean() {
    let mut s = new_store_session("2018-11-14");
    s.app.ctx.lang = pcenter::locale::Lang::Korean;
    let screen = screen_text(&render(&mut s, 80, 24));
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("Partner Center · (--partner로 이름 지정)"),
        "{header}"
    );
    assert_korean("the header", header);
}
