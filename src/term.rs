//! The local terminal shell: raw mode and the alternate screen, restored on every way out
//! (quit, error, panic), and the event loop that feeds the session.

use crate::app::session::Session;
use crate::app::{Action, App};
use crate::classic_colors::ClassicColors;
use crate::signals::Stop;
use crate::ui;
use crate::wide_cells::WideCells;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restores the terminal when dropped, so `?` and early returns leave it clean too.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// This process's terminal, in raw mode on the alternate screen until dropped.
pub struct Screen {
    /// Never dropped: ratatui's drop shows the cursor and, should that fail (the terminal
    /// hung up), panics printing about it. `restore` shows the cursor instead.
    terminal: ManuallyDrop<Terminal<WideCells<CrosstermBackend<ClassicColors<Stdout>>>>>,
    palette: ui::Palette,
    _guard: Guard,
}

impl Screen {
    pub fn open() -> io::Result<Screen> {
        install_panic_hook();
        enable_raw_mode()?;
        let guard = Guard;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        // The palette alone decides about colour, NO_COLOR included: crossterm's own handling
        // of it turns colour changes into resets that drop the reverse video of the focus.
        ratatui::crossterm::style::Colored::set_ansi_color_disabled(false);
        Ok(Screen {
            terminal: ManuallyDrop::new(Terminal::new(WideCells::new(CrosstermBackend::new(
                ClassicColors::new(io::stdout()),
            )))?),
            palette: ui::Palette::from_process_env(),
            _guard: guard,
        })
    }

    pub fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.terminal.size()?;
        Ok((size.width, size.height))
    }

    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        let palette = self.palette;
        self.terminal
            .draw(|frame| ui::render_in(frame, app, palette))
            .map(drop)
    }

    /// Runs the session until the user quits, the terminal hangs up, or a signal asks to stop
    /// (its exit status is returned). A frame is drawn only when something changed: a key, a
    /// paste, a resize, or news from the core (a change made anywhere, the directory loading).
    pub fn run(&mut self, session: &mut Session, stop: &Stop) -> io::Result<Option<u8>> {
        let (wake, woken) = mpsc::channel();
        let notices = wake.clone();
        session.set_waker(move || {
            let _ = notices.send(Wake::Notice);
        });
        let reading = Arc::new(AtomicBool::new(true));
        input::spawn(wake, Arc::clone(&reading));
        let ended = self.serve(session, &woken, stop);
        reading.store(false, Ordering::Release);
        match ended {
            // A terminal that hung up fails, and its SIGHUP may come a moment later.
            Err(error) => stop.after_terminal_failure().map(Some).ok_or(error),
            ended => ended,
        }
    }

    fn serve(
        &mut self,
        session: &mut Session,
        woken: &Receiver<Wake>,
        stop: &Stop,
    ) -> io::Result<Option<u8>> {
        let (width, height) = self.size()?;
        session.handle(Action::Resize(width, height));
        // News that came while the session was made.
        session.follow();
        let mut changed = true;
        loop {
            // Checked first: after a hang-up the terminal can no longer be drawn on.
            if let Some(status) = stop.requested() {
                return Ok(Some(status));
            }
            if changed {
                self.draw(&session.app)?;
                changed = false;
                if session.run_after_frame() {
                    changed = true;
                    continue;
                }
            }
            if session.quit {
                return Ok(None);
            }
            // Sleeps until something happens; wakes now and then only to look for a signal.
            let first = match woken.recv_timeout(SIGNAL_POLL) {
                Ok(wake) => wake,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ok(Some(hang_up(stop))),
            };
            // Everything already waiting is handled before the next frame (a paste, fast
            // typing, many changes at once).
            for wake in std::iter::once(first).chain(woken.try_iter().take(BATCH)) {
                match wake {
                    Wake::Input(action) => {
                        session.handle(action);
                        changed = true;
                    }
                    Wake::Notice => changed |= session.follow(),
                    Wake::HungUp => return Ok(Some(hang_up(stop))),
                }
                if session.quit {
                    break;
                }
            }
        }
    }
}

/// This terminal as one session of a server that draws it (`owner::attach`): raw mode here,
/// every key and size sent, every byte of the screen written, until the session ends; its
/// exit status. The server puts the terminal's modes back itself; the guard does so again
/// should the connection break. A server that goes away is said so in `lang`.
#[cfg(unix)]
pub fn relay(link: crate::owner::Attached, lang: crate::locale::Lang) -> io::Result<u8> {
    use crate::owner::Shown;
    use std::io::Write;
    install_panic_hook();
    enable_raw_mode()?;
    let _guard = Guard;
    let reading = Arc::new(AtomicBool::new(true));
    let mut keys = link.try_clone()?;
    let still = Arc::clone(&reading);
    std::thread::spawn(move || relay_keys(&mut keys, &still));
    let mut link = link;
    let mut stdout = io::stdout();
    let status = loop {
        match link.shown() {
            Some(Shown::Screen(bytes)) => {
                if stdout
                    .write_all(&bytes)
                    .and_then(|()| stdout.flush())
                    .is_err()
                {
                    link.hang_up();
                    break HANG_UP_STATUS;
                }
            }
            Some(Shown::Ended(status)) => break status,
            None => {
                restore();
                // Not eprintln!, which panics when the terminal has gone too.
                let said = lang.words().shell.server_went_away;
                let _ = writeln!(io::stderr(), "pcenter: {said}");
                break HANG_UP_STATUS;
            }
        }
    };
    reading.store(false, Ordering::Release);
    Ok(status)
}

/// Sends what is typed here, and the terminal's size when it changes, until told to stop or
/// the terminal hangs up (then the server sees the session hang up).
#[cfg(unix)]
fn relay_keys(link: &mut crate::owner::Attached, reading: &AtomicBool) {
    let mut size = ratatui::crossterm::terminal::size().ok();
    let mut buffer = [0u8; 4096];
    while reading.load(Ordering::Acquire) {
        let mut poll = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the length given.
        let ready = unsafe { libc::poll(&mut poll, 1, SIGNAL_POLL.as_millis() as libc::c_int) };
        let now = ratatui::crossterm::terminal::size().ok();
        if now.is_some() && now != size {
            size = now;
            if link.send_size(now.unwrap_or((80, 24))).is_err() {
                return;
            }
        }
        if ready <= 0 {
            continue;
        }
        // SAFETY: reads into a buffer of the length given.
        let read = unsafe { libc::read(0, buffer.as_mut_ptr().cast(), buffer.len()) };
        if read < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        if read <= 0 {
            return link.hang_up();
        }
        if link.send_keys(&buffer[..read as usize]).is_err() {
            return;
        }
    }
}

/// The exit status after the terminal went away: that of its SIGHUP, which usually comes with
/// it, or the same status when only the end of input was seen.
fn hang_up(stop: &Stop) -> u8 {
    stop.after_terminal_failure().unwrap_or(HANG_UP_STATUS)
}

/// 128 + SIGHUP, as a shell reports a process ended by a hang-up.
const HANG_UP_STATUS: u8 = 129;

/// What wakes the loop.
enum Wake {
    Input(Action),
    /// The core sent the session news.
    Notice,
    /// The terminal hung up, or its input ended.
    HungUp,
}

/// How often an idle loop looks for a signal asking it to stop (nothing is drawn then).
const SIGNAL_POLL: Duration = Duration::from_millis(100);
/// Events handled at most before a frame is drawn.
const BATCH: usize = 256;

mod input {
    //! The only reader of this process's terminal: a thread that turns its input into actions
    //! and notices a hang-up (the end of its input) instead of spinning on it.

    use super::Wake;
    use crate::app::Action;
    use ratatui::crossterm::event::{self, Event};
    use std::os::fd::AsRawFd;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::sync::Arc;
    use std::time::Duration;

    /// How long the thread waits for input before it looks for a resize, which comes as a
    /// signal that the terminal library notices only when asked.
    const LOOK: Duration = Duration::from_millis(100);

    pub(super) fn spawn(wake: Sender<Wake>, reading: Arc<AtomicBool>) {
        std::thread::spawn(move || {
            let ended = read(&wake, &reading);
            if reading.load(Ordering::Acquire) && ended {
                let _ = wake.send(Wake::HungUp);
            }
        });
    }

    /// Reads until told to stop (false) or until the terminal hangs up (true).
    fn read(wake: &Sender<Wake>, reading: &AtomicBool) -> bool {
        let stdin = std::io::stdin();
        while reading.load(Ordering::Acquire) {
            match readable(stdin.as_raw_fd(), LOOK) {
                Readiness::HungUp => return true,
                Readiness::Readable | Readiness::Quiet => {}
            }
            // Everything the library has (or has parsed already) is taken now.
            loop {
                match event::poll(Duration::ZERO) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(_) => return true,
                }
                let action = match event::read() {
                    Ok(Event::Key(key)) => Action::Key(key),
                    Ok(Event::Paste(text)) => Action::Paste(text),
                    Ok(Event::Resize(width, height)) => Action::Resize(width, height),
                    Ok(_) => continue,
                    Err(_) => return true,
                };
                if wake.send(Wake::Input(action)).is_err() {
                    return false;
                }
            }
        }
        false
    }

    enum Readiness {
        Readable,
        Quiet,
        HungUp,
    }

    /// Waits up to `timeout` for input on `fd`; a hang-up shows as such, not as input.
    fn readable(fd: i32, timeout: Duration) -> Readiness {
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the length given.
        let ready = unsafe { libc::poll(&mut poll, 1, timeout.as_millis() as libc::c_int) };
        if ready <= 0 {
            return Readiness::Quiet;
        }
        if poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Readiness::HungUp;
        }
        Readiness::Readable
    }
}
