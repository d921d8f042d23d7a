//! One agent's dashboard over SSH: a thread of its own that feeds the session what the client
//! sends, draws a frame when something changed (a key, a resize, news from the core), and
//! hands the bytes to the connection. It ends on quit, on the client's hang-up, after the idle
//! timeout, when the client stops reading, or when the server stops; the client's terminal is
//! put back as it was each time.

use super::recording::Recording;
use super::stage::Stage;
use super::wait::{Then, Waiting, Woken};
use crate::app::session::Session;
use crate::app::Action;
use crate::classic_colors::ClassicColors;
use crate::ui;
use crate::wide_cells::WideCells;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// What reaches a remote session from its connection and from the server.
#[derive(Debug)]
pub enum Wake {
    Input(Vec<u8>),
    Resize(u16, u16),
    /// The core has news for the session.
    Notice,
    /// The client closed its channel or its connection ended.
    HungUp,
    /// The server is stopping.
    Stop,
}

/// What the connection is asked to send.
#[derive(Debug)]
pub enum Out {
    Data(Vec<u8>),
    /// The session ended: its exit status, then the channel is closed.
    End(u32),
}

/// The bytes of a session on their way to the client. Frames are held until the flush that
/// ends them, then sent as one packet; what is sent but not yet taken by the client is counted.
pub struct Output {
    pending: Vec<u8>,
    sender: tokio::sync::mpsc::UnboundedSender<Out>,
    /// Bytes handed to the connection and not yet sent: a client that stops reading makes this
    /// grow (its window is full).
    pub unsent: Arc<AtomicUsize>,
    recording: Option<Arc<Mutex<Recording>>>,
}

impl Output {
    pub fn new(
        sender: tokio::sync::mpsc::UnboundedSender<Out>,
        unsent: Arc<AtomicUsize>,
    ) -> Output {
        Output {
            pending: Vec::new(),
            sender,
            unsent,
            recording: None,
        }
    }

    /// Another output to the same client, for what is sent outside frames.
    pub fn sibling(&self) -> Output {
        Output {
            pending: Vec::new(),
            sender: self.sender.clone(),
            unsent: Arc::clone(&self.unsent),
            recording: self.recording.clone(),
        }
    }

    /// Sends `bytes` at once, as they are.
    pub fn send(&self, bytes: Vec<u8>) {
        if let Some(recording) = &self.recording {
            lock(recording).output(&bytes);
        }
        self.unsent.fetch_add(bytes.len(), Ordering::AcqRel);
        let _ = self.sender.send(Out::Data(bytes));
    }
}

fn lock(recording: &Mutex<Recording>) -> std::sync::MutexGuard<'_, Recording> {
    recording.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        // Once the connection has ended, frames go nowhere: the session learns of the end
        // from its wakes (`HungUp`), not from a failed draw.
        let bytes = std::mem::take(&mut self.pending);
        self.send(bytes);
        Ok(())
    }
}

/// How the session is let go of.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Without input for this long, the session is closed (after one line saying so).
    pub idle: Duration,
    /// A client with this many bytes not yet taken is not reading: its session is closed.
    pub unsent: usize,
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Quit,
    HungUp,
    Idle,
    NotReading,
    Stopped,
}

/// Puts the client's terminal in the dashboard's modes: the alternate screen, bracketed paste.
pub const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l";
/// Puts it back: bracketed paste off, attributes reset, the normal screen, the cursor shown.
const LEAVE_TEXT: &str = "\x1b[?2004l\x1b[0m\x1b[?1049l\x1b[?25h";
const LEAVE: &[u8] = LEAVE_TEXT.as_bytes();

type Screen = Terminal<WideCells<CrosstermBackend<ClassicColors<Output>>>>;

/// A client's side of a session: what it sends, where its output goes, how it shows colour,
/// and its terminal's size when the session opens.
pub struct Client {
    pub wakes: Receiver<Wake>,
    pub output: Output,
    pub palette: ui::Palette,
    pub size: (u16, u16),
}

/// What a session is watched by: a recording, spectators.
#[derive(Default)]
pub struct Watched {
    pub recording: Option<Recording>,
    pub stage: Option<Arc<Stage>>,
}

/// Runs `session` for one SSH client until it ends; says why. Every way out restores the
/// client's terminal and asks the connection to close the channel.
pub fn run(mut session: Session, client: Client, limits: Limits, watched: Watched) -> Ended {
    let Client {
        wakes,
        mut output,
        palette,
        size,
    } = client;
    let recording = watched.recording.map(|r| Arc::new(Mutex::new(r)));
    output.recording = recording.clone();
    let _ = output.write_all(ENTER).and_then(|()| output.flush());
    let unsent = Arc::clone(&output.unsent);
    let closing = output.sibling();
    let seen = Seen {
        recording,
        stage: watched.stage.clone(),
    };
    let ended = match screen(output, size) {
        Ok(mut screen) => serve(
            &mut session,
            &mut screen,
            &wakes,
            palette,
            size,
            limits,
            &unsent,
            &seen,
        ),
        Err(_) => Ended::HungUp,
    };
    if let Some(stage) = &watched.stage {
        stage.end();
    }
    close(&closing, ended, limits.idle);
    ended
}

/// Ends a session's output: the client's terminal put back (unless it is gone or not
/// reading), one line saying why when the client did not choose to leave, and the channel
/// closed.
pub fn close(output: &Output, ended: Ended, idle: Duration) {
    let farewell = match ended {
        Ended::Idle => Some(format!(
            "pcenter: closed after {} without input; what you saved stays saved.",
            span(idle)
        )),
        Ended::Stopped => {
            Some("pcenter: the server is stopping; what you saved stays saved.".to_string())
        }
        Ended::Quit | Ended::HungUp | Ended::NotReading => None,
    };
    if ended != Ended::NotReading && ended != Ended::HungUp {
        let mut bytes = LEAVE.to_vec();
        if let Some(line) = farewell {
            bytes.extend_from_slice(line.as_bytes());
            bytes.extend_from_slice(b"\r\n");
        }
        output.send(bytes);
    }
    let _ = output.sender.send(Out::End(0));
}

/// Who else sees what the session does.
struct Seen {
    recording: Option<Arc<Mutex<Recording>>>,
    stage: Option<Arc<Stage>>,
}

impl Seen {
    fn input(&self, bytes: &[u8]) {
        if let Some(recording) = &self.recording {
            lock(recording).input(bytes);
        }
    }

    fn resize(&self, size: (u16, u16)) {
        if let Some(recording) = &self.recording {
            lock(recording).resize(size);
        }
    }
}

fn screen(output: Output, (width, height): (u16, u16)) -> io::Result<Screen> {
    Terminal::with_options(
        WideCells::new(CrosstermBackend::new(ClassicColors::new(output))),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
}

#[allow(clippy::too_many_arguments)]
fn serve(
    session: &mut Session,
    screen: &mut Screen,
    wakes: &Receiver<Wake>,
    palette: ui::Palette,
    (width, height): (u16, u16),
    limits: Limits,
    unsent: &AtomicUsize,
    seen: &Seen,
) -> Ended {
    session.handle(Action::Resize(width, height));
    session.follow();
    let mut waiting = Waiting::new(limits.idle);
    let mut changed = true;
    loop {
        if changed {
            match screen.draw(|frame| ui::render_in(frame, &session.app, palette)) {
                Ok(frame) => {
                    if let Some(stage) = &seen.stage {
                        stage.publish(frame.buffer);
                    }
                }
                Err(_) => return Ended::HungUp,
            }
            changed = false;
            if session.run_after_frame() {
                changed = true;
                continue;
            }
        }
        if session.quit {
            return Ended::Quit;
        }
        if unsent.load(Ordering::Acquire) > limits.unsent {
            return Ended::NotReading;
        }
        let woke = waiting.next(wakes, |woken| {
            match woken {
                Woken::Input(bytes, actions) => {
                    seen.input(bytes);
                    changed |= apply(session, actions);
                }
                Woken::Held(actions) => changed |= apply(session, actions),
                Woken::Resize(width, height) => {
                    if screen.resize(Rect::new(0, 0, width, height)).is_err() {
                        return Err(Ended::HungUp);
                    }
                    session.handle(Action::Resize(width, height));
                    seen.resize((width, height));
                    changed = true;
                }
                Woken::Notice => changed |= session.follow(),
            }
            Ok(match session.quit {
                true => Then::Draw,
                false => Then::Next,
            })
        });
        if let Err(ended) = woke {
            return ended;
        }
    }
}

/// `30 minutes`, `1 minute`, `90 seconds`.
fn span(time: Duration) -> String {
    let seconds = time.as_secs();
    let (count, unit) = match seconds.is_multiple_of(60) && seconds > 0 {
        true => (seconds / 60, "minute"),
        false => (seconds, "second"),
    };
    match count {
        1 => format!("1 {unit}"),
        _ => format!("{count} {unit}s"),
    }
}

/// Applies actions to the session; whether there were any.
fn apply(session: &mut Session, actions: Vec<Action>) -> bool {
    let any = !actions.is_empty();
    for action in actions {
        session.handle(action);
        if session.quit {
            break;
        }
    }
    any
}

#[cfg(test)]
mod tests;
