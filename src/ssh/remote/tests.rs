//! A remote session driven without a connection: its ends, and what it sends the client.

use super::*;
use crate::domain::role::Role;
use crate::testing::demo_session;
use std::sync::mpsc;

fn session() -> Session {
    demo_session("Ann Agent", Role::AdminAgent)
}

fn limits(idle: Duration, unsent: usize) -> Limits {
    Limits { idle, unsent }
}

/// Everything the session sent, as text.
fn sent(outgoing: &mut tokio::sync::mpsc::UnboundedReceiver<Out>) -> (String, Option<u32>) {
    let mut text = Vec::new();
    let mut status = None;
    while let Ok(out) = outgoing.try_recv() {
        match out {
            Out::Data(bytes) => text.extend(bytes),
            Out::End(code) => status = Some(code),
        }
    }
    (String::from_utf8_lossy(&text).into_owned(), status)
}

#[test]
fn a_client_that_takes_nothing_is_let_go_once_its_bytes_pass_the_bound() {
    let (_wake, wakes) = mpsc::channel();
    let (sender, mut outgoing) = tokio::sync::mpsc::unbounded_channel();
    // Nothing is ever taken: the counter only grows.
    let unsent = Arc::new(AtomicUsize::new(0));
    let output = Output::new(sender, Arc::clone(&unsent));
    let ended = run(
        session(),
        Client {
            wakes,
            output,
            palette: ui::Palette::Colors256,
            size: (80, 24),
        },
        limits(Duration::from_secs(60), 1000),
        Watched::default(),
    );
    assert_eq!(ended, Ended::NotReading);
    let (text, status) = sent(&mut outgoing);
    assert!(text.contains("Customers"), "the first frame was drawn");
    assert_eq!(status, Some(0), "the channel is closed");
}

#[test]
fn an_idle_session_says_why_it_closes_and_restores_the_terminal() {
    let (_wake, wakes) = mpsc::channel();
    let (sender, mut outgoing) = tokio::sync::mpsc::unbounded_channel();
    let output = Output::new(sender, Arc::new(AtomicUsize::new(0)));
    let ended = run(
        session(),
        Client {
            wakes,
            output,
            palette: ui::Palette::Colors16,
            size: (80, 24),
        },
        limits(Duration::from_millis(50), usize::MAX),
        Watched::default(),
    );
    assert_eq!(ended, Ended::Idle);
    let (text, _) = sent(&mut outgoing);
    let left = text.rfind(LEAVE_TEXT).expect("the terminal is put back");
    let farewell = &text[left..];
    assert!(
        farewell.contains("pcenter: closed after") && farewell.contains("without input"),
        "{farewell:?}"
    );
    assert!(
        text.starts_with("\x1b[?1049h"),
        "the alternate screen first"
    );
}

#[test]
fn keys_reach_the_session_and_quit_ends_it() {
    let (wake, wakes) = mpsc::channel();
    let (sender, mut outgoing) = tokio::sync::mpsc::unbounded_channel();
    let output = Output::new(sender, Arc::new(AtomicUsize::new(0)));
    let session = session();
    let running = std::thread::spawn(move || {
        run(
            session,
            Client {
                wakes,
                output,
                palette: ui::Palette::NoColor,
                size: (80, 24),
            },
            limits(Duration::from_secs(60), usize::MAX),
            Watched::default(),
        )
    });
    // As a person types: Esc, then q a moment later (together they would be Alt-q).
    for (bytes, pause) in [(&b"/contoso"[..], 0), (b"\x1b", 100), (b"q", 0)] {
        wake.send(Wake::Input(bytes.to_vec())).unwrap();
        std::thread::sleep(Duration::from_millis(pause));
    }
    let ended = running.join().unwrap();
    assert_eq!(ended, Ended::Quit);
    let (text, status) = sent(&mut outgoing);
    assert!(text.contains("contoso"), "the filter was typed");
    assert!(
        text.ends_with(LEAVE_TEXT),
        "{:?}",
        &text[text.len().saturating_sub(40)..]
    );
    assert_eq!(status, Some(0));
}

#[test]
fn spans_are_said_in_whole_units() {
    assert_eq!(span(Duration::from_secs(1800)), "30 minutes");
    assert_eq!(span(Duration::from_secs(60)), "1 minute");
    assert_eq!(span(Duration::from_secs(90)), "90 seconds");
}
