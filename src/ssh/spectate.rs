//! A spectator over SSH: a list of the live sessions to pick one, then that session's screen
//! as its agent sees it, live, centred in the spectator's own (cut at its edges when smaller).
//! Nothing a spectator types reaches the session watched. State, `key` and `render` are
//! pure; `run` is the loop of one spectator's thread.

use super::remote::{Client, Ended, Wake};
use super::stage::Stage;
use super::wait::{Then, Waiting, Woken};
use crate::app::keys::KeyPattern::{self, Ctrl, Plain};
use crate::app::Action;
use crate::classic_colors::ClassicColors;
use crate::domain::role::Role;
use crate::locale::words::SpectatorWords;
use crate::locale::Lang;
use crate::ui::text;
use crate::ui::Palette;
use crate::wide_cells::WideCells;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};
use std::sync::Arc;
use std::time::Duration;

/// A live session, as the list shows it.
#[derive(Clone)]
pub struct Live {
    pub id: u64,
    pub stage: Arc<Stage>,
}

/// What a spectator does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Up,
    Down,
    Watch,
    Back,
    Quit,
}

/// A key, its words in the footer, and what it does: one table per view feeds both.
struct Key {
    keys: &'static [KeyPattern],
    label: &'static str,
    does: Option<fn(&SpectatorWords) -> &'static str>,
    command: Command,
}

const LIST_KEYS: &[Key] = &[
    Key {
        keys: &[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))],
        label: "↑↓",
        does: Some(|w| w.select),
        command: Command::Up,
    },
    Key {
        keys: &[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))],
        label: "",
        does: None,
        command: Command::Down,
    },
    Key {
        keys: &[Plain(KeyCode::Enter)],
        label: "Enter",
        does: Some(|w| w.watch),
        command: Command::Watch,
    },
    Key {
        keys: &[Plain(KeyCode::Char('q')), Ctrl('c')],
        label: "q",
        does: Some(|w| w.quit),
        command: Command::Quit,
    },
];

const WATCH_KEYS: &[Key] = &[
    Key {
        keys: &[Plain(KeyCode::Esc)],
        label: "Esc",
        does: Some(|w| w.sessions),
        command: Command::Back,
    },
    Key {
        keys: &[Plain(KeyCode::Char('q')), Ctrl('c')],
        label: "q",
        does: Some(|w| w.quit),
        command: Command::Quit,
    },
];

fn command_of(table: &[Key], key: &KeyEvent) -> Option<Command> {
    table
        .iter()
        .find(|binding| binding.keys.iter().any(|pattern| pattern.matches(key)))
        .map(|binding| binding.command)
}

fn footer(table: &[Key], words: &SpectatorWords) -> String {
    table
        .iter()
        .filter_map(|binding| Some(format!("{} {}", binding.label, (binding.does?)(words))))
        .collect::<Vec<_>>()
        .join("  ")
}

/// A spectator's state.
pub struct Spectator {
    pub name: String,
    /// The live sessions, as last listed.
    pub sessions: Vec<Live>,
    selected: usize,
    /// The session watched.
    watching: Option<Live>,
    /// Said on the list: a session that ended while watched.
    note: Option<String>,
    quit: bool,
    /// The language of the spectator's client.
    pub lang: Lang,
}

impl Spectator {
    pub fn new(name: String, sessions: Vec<Live>) -> Spectator {
        Spectator {
            name,
            sessions,
            selected: 0,
            watching: None,
            note: None,
            quit: false,
            lang: Lang::default(),
        }
    }

    /// The list changed: the selection stays on the same session where it can.
    pub fn relist(&mut self, sessions: Vec<Live>) {
        let chosen = self.sessions.get(self.selected).map(|live| live.id);
        self.sessions = sessions;
        self.selected = chosen
            .and_then(|id| self.sessions.iter().position(|live| live.id == id))
            .unwrap_or(0)
            .min(self.sessions.len().saturating_sub(1));
    }

    /// A key typed by the spectator.
    pub fn key(&mut self, key: &KeyEvent) {
        let table = match self.watching {
            Some(_) => WATCH_KEYS,
            None => LIST_KEYS,
        };
        match command_of(table, key) {
            Some(Command::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Command::Down) => {
                self.selected = (self.selected + 1).min(self.sessions.len().saturating_sub(1))
            }
            Some(Command::Watch) => {
                self.watching = self.sessions.get(self.selected).cloned();
                self.note = None;
            }
            Some(Command::Back) => self.watching = None,
            Some(Command::Quit) => self.quit = true,
            None => {}
        }
    }

    /// The session watched, if it still goes on; back to the list, saying so, once it ended.
    pub fn watched(&mut self) -> Option<Arc<Stage>> {
        let live = self.watching.as_ref()?;
        if live.stage.frame().1 {
            let words = &self.lang.words().spectator;
            self.note = Some((words.session_ended)(&live.stage.agent));
            self.watching = None;
            return None;
        }
        Some(Arc::clone(&live.stage))
    }
}

/// Draws the spectator's view: the list, or the watched session's last frame.
pub fn render(frame: &mut Frame, spectator: &Spectator, palette: Palette) {
    let area = frame.area();
    let all_words = spectator.lang.words();
    let words = &all_words.spectator;
    match &spectator.watching {
        Some(live) => {
            let (shown, _) = live.stage.frame();
            let Some(shown) = shown else {
                frame.render_widget(Paragraph::new(words.waiting), area);
                return;
            };
            let room_below = area.height > shown.area.height;
            mirror(frame.buffer_mut(), &shown, room_below);
            if room_below {
                let line = Rect::new(0, area.height - 1, area.width, 1);
                let said = format!(
                    " {} · {}",
                    (words.watching)(&live.stage.agent, all_words.terms.role(live.stage.role)),
                    footer(WATCH_KEYS, words)
                );
                frame.render_widget(Paragraph::new(said).style(palette.muted()), line);
            }
        }
        None => render_list(frame, spectator, palette),
    }
}

/// Copies `shown` into `into`, centred; cut at the edges when `into` is smaller. With
/// `room_below`, one row is kept free at the bottom for the spectator's own line.
fn mirror(into: &mut Buffer, shown: &Buffer, room_below: bool) {
    let area = into.area;
    let height = area.height.saturating_sub(u16::from(room_below));
    let left = area.width.saturating_sub(shown.area.width) / 2;
    let top = height.saturating_sub(shown.area.height) / 2;
    for y in 0..shown.area.height.min(height) {
        for x in 0..shown.area.width.min(area.width) {
            if let (Some(cell), Some(target)) = (
                shown.cell(Position::new(x, y)),
                into.cell_mut(Position::new(left + x, top + y)),
            ) {
                *target = cell.clone();
            }
        }
    }
}

fn render_list(frame: &mut Frame, spectator: &Spectator, palette: Palette) {
    let area = frame.area();
    let all_words = spectator.lang.words();
    let words = &all_words.spectator;
    let terms = &all_words.terms;
    // The header bar as the dashboard's: what this is on the left, who is signed in on the
    // right (it gives way when narrow).
    let bar = Rect::new(0, 0, area.width, area.height.min(1));
    let signed_in = format!(
        "{} ",
        (all_words.chrome.signed_in)(&spectator.name, terms.role(Role::Spectator))
    );
    frame.render_widget(
        Paragraph::new(signed_in)
            .style(palette.header())
            .right_aligned(),
        bar,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" Partner Center · {} ", words.live_sessions),
            palette.header_strong(),
        )),
        bar,
    );
    let mut lines = vec![Line::raw("")];
    if let Some(note) = &spectator.note {
        lines.push(Line::styled(format!(" {note}"), palette.warning()));
        lines.push(Line::raw(""));
    }
    if spectator.sessions.is_empty() {
        lines.push(Line::raw(format!(" {}", words.no_agent)));
    }
    // As wide as the widest role in this language, so no role is cut.
    let role_columns = Role::ALL
        .iter()
        .map(|role| text::width(terms.role(*role)))
        .fold(15, usize::max);
    for (index, live) in spectator.sessions.iter().enumerate() {
        let selected = index == spectator.selected;
        let marker = if selected { "›" } else { " " };
        let text = format!(
            " {marker} {} {} {}",
            text::pad(&live.stage.agent, 30),
            text::pad(terms.role(live.stage.role), role_columns),
            (words.since)(&live.stage.since.format("%H:%M UTC").to_string())
        );
        lines.push(Line::styled(text, palette.row(selected)));
    }
    let list_area = Rect::new(0, 1, area.width, area.height.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines), list_area);
    let footer_area = Rect::new(0, area.height.saturating_sub(1), area.width, 1);
    frame.render_widget(
        Paragraph::new(format!(" {}", footer(LIST_KEYS, words))).style(palette.muted()),
        footer_area,
    );
}

/// Runs one spectator until it quits, hangs up, goes idle or the server stops. `list` gives
/// the live sessions; `Wake::Notice` means a frame or the list changed.
pub fn run(
    mut spectator: Spectator,
    list: impl Fn() -> Vec<Live>,
    client: Client,
    watcher: std::sync::mpsc::Sender<Wake>,
    idle: Duration,
) -> Ended {
    let Client {
        wakes,
        output,
        palette,
        size: (width, height),
    } = client;
    let closing = output.sibling();
    let mut screen = match Terminal::with_options(
        WideCells::new(CrosstermBackend::new(ClassicColors::new(output))),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    ) {
        Ok(screen) => screen,
        Err(_) => return Ended::HungUp,
    };
    closing.send(super::remote::ENTER.to_vec());
    let mut waiting = Waiting::new(idle);
    let mut watched_id = None;
    let ended = loop {
        let watched = spectator.watched();
        // A newly watched stage tells this spectator of its frames.
        let id = spectator.watching.as_ref().map(|live| live.id);
        if id != watched_id {
            if let Some(stage) = &watched {
                stage.watch(watcher.clone());
            }
            watched_id = id;
        }
        if screen
            .draw(|frame| render(frame, &spectator, palette))
            .is_err()
        {
            break Ended::HungUp;
        }
        if spectator.quit {
            break Ended::Quit;
        }
        let woke = waiting.next(&wakes, |woken| {
            match woken {
                Woken::Input(_, actions) | Woken::Held(actions) => keys(&mut spectator, actions),
                Woken::Resize(width, height) => {
                    if screen.resize(Rect::new(0, 0, width, height)).is_err() {
                        return Err(Ended::HungUp);
                    }
                }
                Woken::Notice => spectator.relist(list()),
            }
            Ok(Then::Next)
        });
        if let Err(ended) = woke {
            break ended;
        }
    };
    drop(screen);
    super::remote::close(&closing, ended, idle);
    ended
}

fn keys(spectator: &mut Spectator, actions: Vec<Action>) {
    for action in actions {
        if let Action::Key(key) = action {
            spectator.key(&key);
        }
    }
}

#[cfg(test)]
mod tests;
