//! The local terminal shell: raw mode and the alternate screen, restored on every way out
//! (quit, error, panic), and the event loop that feeds the session.

use crate::app::session::Session;
use crate::app::{Action, App};
use crate::classic_colors::ClassicColors;
use crate::signals::Stop;
use crate::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::mem::ManuallyDrop;
use std::sync::mpsc::{Receiver, TryRecvError};
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
    terminal: ManuallyDrop<Terminal<CrosstermBackend<ClassicColors<Stdout>>>>,
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
            terminal: ManuallyDrop::new(Terminal::new(CrosstermBackend::new(ClassicColors::new(
                io::stdout(),
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

    /// Runs the session until the user quits, or until a signal asks to stop (its exit status
    /// is returned). `background` brings actions from other threads (the directory loading),
    /// handled between keys.
    pub fn run(
        &mut self,
        session: &mut Session,
        background: &Receiver<Action>,
        stop: &Stop,
    ) -> io::Result<Option<u8>> {
        match self.serve(session, background, stop) {
            // A terminal that hung up fails, and its SIGHUP may come a moment later.
            Err(error) => stop.after_terminal_failure().map(Some).ok_or(error),
            ended => ended,
        }
    }

    fn serve(
        &mut self,
        session: &mut Session,
        background: &Receiver<Action>,
        stop: &Stop,
    ) -> io::Result<Option<u8>> {
        let (width, height) = self.size()?;
        session.handle(Action::Resize(width, height));
        let mut pending_background = true;
        loop {
            // Checked first: after a hang-up the terminal can no longer be drawn on.
            if let Some(status) = stop.requested() {
                return Ok(Some(status));
            }
            self.draw(&session.app)?;
            if session.run_after_frame() {
                continue;
            }
            if session.quit {
                return Ok(None);
            }
            // Waits for a key; wakes up now and then for news from other threads and signals.
            let wait = if pending_background {
                POLL
            } else {
                SIGNAL_POLL
            };
            if event::poll(wait)? {
                let action = match event::read()? {
                    Event::Key(key) => Action::Key(key),
                    Event::Paste(text) => Action::Paste(text),
                    Event::Resize(width, height) => Action::Resize(width, height),
                    _ => continue,
                };
                session.handle(action);
            }
            loop {
                match background.try_recv() {
                    Ok(action) => session.handle(action),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        pending_background = false;
                        break;
                    }
                }
            }
        }
    }
}

/// How often the loop looks for news from other threads while they work.
const POLL: Duration = Duration::from_millis(50);
/// How often an idle loop looks for a signal asking it to stop.
const SIGNAL_POLL: Duration = Duration::from_millis(100);
