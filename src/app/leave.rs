//! The question asked before a key would leave a screen with unsaved changes (Esc, Cancel, or
//! `q`): Discard changes, or Keep editing. Ctrl-C still quits at once.

use super::keys::Command;
use super::screens::Screen;
use super::{apply, App, Effect, Flash, Step};
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaveButton {
    Discard,
    KeepEditing,
}

pub const LEAVE_BUTTONS: [LeaveButton; 2] = [LeaveButton::Discard, LeaveButton::KeepEditing];

impl LeaveButton {
    pub fn label(self, words: &crate::locale::Words) -> &'static str {
        match self {
            LeaveButton::Discard => words.chrome.leave_discard,
            LeaveButton::KeepEditing => words.chrome.leave_keep_editing,
        }
    }
}

/// Where the key that asked would have gone.
#[derive(Debug)]
pub enum Leaving {
    To(Box<Screen>),
    Quit,
}

#[derive(Debug)]
pub struct LeavePrompt {
    pub leaving: Leaving,
    /// Keep editing has focus first, so a stray Enter loses nothing.
    pub focus: LeaveButton,
    /// The message the leaving key left for the next screen, shown once it is reached.
    flash: Option<Flash>,
}

impl LeavePrompt {
    pub fn new(leaving: Leaving, flash: Option<Flash>) -> LeavePrompt {
        LeavePrompt {
            leaving,
            focus: LeaveButton::KeepEditing,
            flash,
        }
    }
}

/// Runs a screen command; a step that would leave the screen with unsaved changes waits for
/// the answer to the question instead.
pub fn command(app: &mut App, command: Command, key: KeyEvent) -> Vec<Effect> {
    if command == Command::Quit {
        if app.screen.unsaved_changes() {
            app.leave_prompt = Some(LeavePrompt::new(Leaving::Quit, None));
            return vec![];
        }
        return vec![Effect::Quit];
    }
    let unsaved = app.screen.unsaved_changes();
    let step = app.screen.command(&mut app.ctx, command, key);
    match step.next {
        Some(next) if unsaved && step.effects.is_empty() => {
            let flash = app.ctx.flash.take();
            app.leave_prompt = Some(LeavePrompt::new(Leaving::To(Box::new(next)), flash));
            vec![]
        }
        next => apply(
            app,
            Step {
                next,
                effects: step.effects,
            },
        ),
    }
}

/// The command of a key (from `keys::LEAVE`) while the question shows.
pub fn on_key(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    // Ctrl-C never reaches here: `app::on_key` quits on it first.
    let Some(prompt) = app.leave_prompt.as_mut() else {
        return vec![];
    };
    let choice = match command {
        Some(Command::Help) => {
            app.ctx.help_open = true;
            return vec![];
        }
        Some(Command::NextField | Command::PreviousField) => {
            prompt.focus = match prompt.focus {
                LeaveButton::Discard => LeaveButton::KeepEditing,
                LeaveButton::KeepEditing => LeaveButton::Discard,
            };
            return vec![];
        }
        Some(Command::Press) => prompt.focus,
        Some(Command::Discard) => LeaveButton::Discard,
        Some(Command::KeepEditing) => LeaveButton::KeepEditing,
        _ => return vec![],
    };
    let Some(LeavePrompt { leaving, flash, .. }) = app.leave_prompt.take() else {
        return vec![];
    };
    match (choice, leaving) {
        (LeaveButton::KeepEditing, _) => vec![],
        (LeaveButton::Discard, Leaving::Quit) => vec![Effect::Quit],
        (LeaveButton::Discard, Leaving::To(next)) => {
            app.ctx.flash = flash;
            apply(app, Step::go(*next))
        }
    }
}
