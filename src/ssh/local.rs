//! A local `pcenter` dashboard started on a data directory that a server owns: it joins the
//! server as one more session, through the owner's socket. The server runs and draws it as it
//! does an SSH session (spectators see it, it is recorded); the local process only passes its
//! terminal's keys and sizes, and the screen back.

use super::remote::{Out, Output, Wake};
use super::server::{dashboard_session, Opened, Pty, Shared};
use crate::owner::{Attach, AttachedTerminal, Attacher, Typed};
use crate::ui::Palette;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The owner's attacher: each local dashboard a session of `shared`.
pub fn attacher(shared: Arc<Shared>) -> Attacher {
    Arc::new(move |attach, terminal| run(&shared, attach, terminal))
}

fn run(shared: &Arc<Shared>, attach: Attach, mut terminal: AttachedTerminal) {
    let (wakes, woken) = std::sync::mpsc::channel();
    let Some(id) = shared.admit(&wakes) else {
        let _ = terminal.show(format!("{}\r\n", shared.full()).as_bytes());
        return terminal.end(1);
    };
    let (Ok(mut keys), Ok(mut screen)) = (terminal.try_clone(), terminal.try_clone()) else {
        shared.ended(id);
        return terminal.end(1);
    };
    let typing = wakes.clone();
    std::thread::spawn(move || {
        while let Some(typed) = keys.typed() {
            let wake = match typed {
                Typed::Keys(bytes) => Wake::Input(bytes),
                Typed::Size(width, height) => Wake::Resize(width.max(1), height.max(1)),
            };
            if typing.send(wake).is_err() {
                return;
            }
        }
        let _ = typing.send(Wake::HungUp);
    });
    let (sender, mut outgoing) = tokio::sync::mpsc::unbounded_channel();
    let unsent = Arc::new(AtomicUsize::new(0));
    let taken = Arc::clone(&unsent);
    let writer = std::thread::spawn(move || {
        while let Some(out) = outgoing.blocking_recv() {
            match out {
                Out::Data(bytes) => {
                    if screen.show(&bytes).is_err() {
                        return;
                    }
                    taken.fetch_sub(bytes.len(), Ordering::AcqRel);
                }
                Out::End(status) => return screen.end(u8::try_from(status).unwrap_or(1)),
            }
        }
    });
    let term = attach.term.clone().unwrap_or_default();
    let palette = Palette::from_env(
        attach.no_color.as_deref().map(std::ffi::OsStr::new),
        Some(&term),
        attach.colorterm.as_deref(),
    );
    let opened = Opened {
        id,
        wakes,
        woken,
        output: Output::new(sender, unsent),
        palette,
        pty: Pty {
            term,
            size: (attach.size.0.max(1), attach.size.1.max(1)),
        },
        kill: None,
        lang: attach.lang,
    };
    dashboard_session(shared, &attach.agent, attach.role, opened)();
    let _ = writer.join();
}
