//! The local terminal shell: raw mode and the alternate screen, restored on every way out
//! (quit, error, panic), and the event loop that feeds the session.

use crate::app::session::Session;
use crate::app::Action;
use crate::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::Terminal;
use std::io::{self, Stdout};

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

/// Runs the dashboard on this process's terminal until the user quits.
pub fn run(session: &mut Session) -> io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    let _guard = Guard;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    session.handle(Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| ui::render(frame, &session.app))?;
        if session.quit {
            return Ok(());
        }
        let action = match event::read()? {
            Event::Key(key) => Action::Key(key),
            Event::Paste(text) => Action::Paste(text),
            Event::Resize(width, height) => Action::Resize(width, height),
            _ => continue,
        };
        session.handle(action);
    }
}
