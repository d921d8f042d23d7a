//! The dashboard's backup key: the file it writes beside the store, and what the status line
//! says.

use crate::common::{press, render, session_over};
use crate::*;
use pcenter::assets;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

/// A dashboard on a sled store holding the demo customers, under `data`.
fn dashboard(data: &Path, role: Role) -> pcenter::app::session::Session {
    let store = SledStore::open(&data.join("store")).unwrap();
    store.write_snapshot(&assets::demo_snapshot()).unwrap();
    session_over(Box::new(store), "2018-11-14", role)
}

#[test]
fn b_on_customers_writes_a_backup_beside_the_store_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = dashboard(dir.path(), Role::AdminAgent);
    press(&mut session, KeyCode::Char('b'));
    // The screen says what is coming before the backup runs, after the next frame.
    let flash = session.app.ctx.flash.clone().expect("a status line");
    assert_eq!(
        flash.text,
        "Backing up every customer of the store; the dashboard waits until it is written."
    );
    assert!(!dir.path().join("backups").exists());
    assert!(session.run_after_frame());
    assert!(!session.run_after_frame(), "a backup runs once");

    let path = dir
        .path()
        .join("backups")
        .join("store-20181114T103000Z.jsonl");
    let flash = session.app.ctx.flash.clone().expect("a status line");
    assert!(!flash.is_error, "{flash:?}");
    assert_eq!(
        flash.text,
        format!("Backed up 34 customers to {}", path.display())
    );
    let screen = render(&mut session, 80, 24).to_string();
    assert!(screen.contains("✓ Backed up 34 customers to"), "{screen}");

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(r#"{"format":"pcenter-backup","version":1,"schema":5,"partner":"Fabrikam CSP Partners","customers":34,"written":"2018-11-14T10:30:00Z"}"#));
    assert_eq!(text.lines().count(), 36);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);

    // The next one does not take the place of the first.
    press(&mut session, KeyCode::Char('b'));
    session.run_after_frame();
    let second = dir
        .path()
        .join("backups")
        .join("store-20181114T103000Z-2.jsonl");
    assert_eq!(std::fs::read_to_string(second).unwrap(), text);
}

#[test]
fn the_status_line_names_a_long_or_hostile_path_by_its_end_with_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir
        .path()
        .join("x".repeat(120))
        .join("data\x1b]0;owned\x07");
    std::fs::create_dir_all(&data).unwrap();
    let mut session = dashboard(&data, Role::AdminAgent);
    press(&mut session, KeyCode::Char('b'));
    assert!(session.run_after_frame());
    let flash = session.app.ctx.flash.clone().expect("a status line");
    assert!(
        flash.text.starts_with("Backed up 34 customers to …"),
        "{flash:?}"
    );
    assert!(
        flash
            .text
            .ends_with("xx/data\\u{1b}]0;owned\\u{7}/backups/store-20181114T103000Z.jsonl"),
        "{flash:?}"
    );
}

#[test]
fn a_helpdesk_agent_is_told_why_there_is_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = dashboard(dir.path(), Role::HelpdeskAgent);
    press(&mut session, KeyCode::Char('b'));
    assert!(
        !session.run_after_frame(),
        "nothing waits for a Helpdesk agent"
    );
    let flash = session.app.ctx.flash.clone().expect("a status line");
    assert!(flash.is_error);
    assert_eq!(
        flash.text,
        "You must be an Admin agent or Sales agent to see the confirmation of customer acceptance."
    );
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn a_backup_that_cannot_be_written_is_a_plain_error_and_the_dashboard_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = dashboard(dir.path(), Role::AdminAgent);
    std::fs::write(
        dir.path().join("backups"),
        "a file where the directory would go",
    )
    .unwrap();
    press(&mut session, KeyCode::Char('b'));
    session.run_after_frame();
    let flash = session.app.ctx.flash.clone().expect("a status line");
    assert!(flash.is_error);
    assert!(
        flash.text.starts_with(&format!(
            "The backup could not be written to {}",
            dir.path().join("backups").display()
        )),
        "{}",
        flash.text
    );
    press(&mut session, KeyCode::Char('j'));
    assert_eq!(session.app.ctx.flash, None);
}
