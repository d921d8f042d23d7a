//! Snapshots of what a spectator sees: the list of live sessions, empty and with three, and a
//! session watched on a screen larger than its own; at fixed sizes, the sessions opened at
//! fixed times and the presenter's dashboard on the demo core with its fixed clock.

use super::*;
use crate::domain::role::Role;
use crate::testing::{demo_session, DAY};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyModifiers;

/// A live session of `agent`, opened at `time` (UTC) on the demo date.
fn live(id: u64, agent: &str, role: Role, time: &str) -> Live {
    let since = format!("{DAY}T{time}:00Z").parse().unwrap();
    Live {
        id,
        stage: Arc::new(Stage::new(agent.into(), role, since)),
    }
}

fn three_sessions() -> Vec<Live> {
    vec![
        live(1, "Ann Agent", Role::AdminAgent, "09:05"),
        live(2, "Bob Agent", Role::SalesAgent, "09:40"),
        live(3, "Hal Desk", Role::HelpdeskAgent, "10:12"),
    ]
}

fn press(spectator: &mut Spectator, code: KeyCode) {
    spectator.key(&KeyEvent::new(code, KeyModifiers::NONE));
}

/// The spectator's screen at `width` x `height`.
fn shown(spectator: &Spectator, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| render(frame, spectator, Palette::Colors256))
        .unwrap();
    terminal.backend().clone()
}

/// Snapshots the text of the spectator's screen at 80x24 and at 120x40.
fn snap_both_sizes(name: &str, spectator: &Spectator) {
    for (width, height) in [(80, 24), (120, 40)] {
        let backend = shown(spectator, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), backend.to_string());
    }
}

#[test]
fn the_list_with_no_session_says_so() {
    let spectator = Spectator::new("Sam Spectator".into(), vec![]);
    snap_both_sizes("spectator_list_empty", &spectator);
}

#[test]
fn the_list_shows_each_live_session_and_the_one_selected() {
    let mut spectator = Spectator::new("Sam Spectator".into(), three_sessions());
    press(&mut spectator, KeyCode::Down);
    snap_both_sizes("spectator_list_second_selected", &spectator);
    insta::assert_debug_snapshot!(
        "spectator_list_second_selected_80x24_styled",
        shown(&spectator, 80, 24).buffer()
    );
}

#[test]
fn a_session_that_ended_while_watched_is_named_on_the_list() {
    let sessions = three_sessions();
    let mut spectator = Spectator::new("Sam Spectator".into(), sessions.clone());
    press(&mut spectator, KeyCode::Enter);
    sessions[0].stage.end();
    assert!(spectator.watched().is_none(), "back on the list");
    spectator.relist(sessions[1..].to_vec());
    let backend = shown(&spectator, 80, 24);
    insta::assert_snapshot!("spectator_list_session_ended_80x24", backend.to_string());
}

#[test]
fn a_smaller_presenters_screen_is_centred_in_the_spectators() {
    let mut session = demo_session("Ann Agent", Role::AdminAgent);
    session.handle(Action::Resize(80, 24));
    session.follow();
    let mut presenter = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let frame = presenter
        .draw(|frame| crate::ui::render_in(frame, &session.app, Palette::Colors256))
        .unwrap();
    let sessions = three_sessions();
    sessions[0].stage.publish(frame.buffer);

    let mut spectator = Spectator::new("Sam Spectator".into(), sessions);
    press(&mut spectator, KeyCode::Enter);
    assert!(spectator.watched().is_some());
    let backend = shown(&spectator, 120, 40);
    insta::assert_snapshot!("spectator_watching_80x24_in_120x40", backend.to_string());
}

#[test]
fn a_korean_spectator_reads_the_list_in_korean() {
    let mut spectator = Spectator::new("Sam Spectator".into(), three_sessions());
    spectator.lang = Lang::Korean;
    press(&mut spectator, KeyCode::Down);
    snap_both_sizes("spectator_list_korean", &spectator);
    let mut empty = Spectator::new("Sam Spectator".into(), vec![]);
    empty.lang = Lang::Korean;
    let text = shown(&empty, 80, 24).to_string();
    assert!(text.contains("로그인한 에이전트가 없습니다"), "{text}");
    assert!(text.contains("로그인: Sam Spectator (참관자)"), "{text}");
}
