//! The question before leaving a screen with unsaved changes, drawn over that screen.

use super::text;
use super::theme::Palette;
use crate::app::keys::{key_of, Command, LEAVE};
use crate::app::leave::{LeavePrompt, Leaving, LEAVE_BUTTONS};
use crate::locale::Words;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};
use ratatui::Frame;

const WIDTH: u16 = 60;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    prompt: &LeavePrompt,
    words: &Words,
    palette: Palette,
) {
    let question = match prompt.leaving {
        Leaving::Quit => words.chrome.leave_question_quit,
        Leaving::To(_) => words.chrome.leave_question_leave,
    };
    let width = WIDTH.min(area.width);
    // Borders and padding take four columns.
    let mut lines: Vec<Line> = text::wrap(question, width.saturating_sub(4) as usize)
        .into_iter()
        .map(Line::raw)
        .collect();
    lines.push(Line::raw(""));
    let mut buttons = vec![];
    let mut focus_column = 0;
    for button in LEAVE_BUTTONS {
        let label = button.label(words);
        let focused = prompt.focus == button;
        if focused {
            focus_column = text::width(&Line::from(buttons.clone()).to_string()) + 2;
        }
        buttons.push(Span::styled(
            format!("[ {label} ]"),
            palette.button(focused),
        ));
        buttons.push(Span::raw("  "));
    }
    let buttons_row = lines.len() as u16;
    lines.push(Line::from(buttons));
    lines.push(Line::styled(
        (words.chrome.leave_hint)(
            &key_of(LEAVE, Command::Discard),
            &key_of(LEAVE, Command::KeepEditing),
        ),
        palette.muted(),
    ));
    let popup = area.centered(
        Constraint::Length(width),
        Constraint::Length((lines.len() as u16 + 2).min(area.height)),
    );
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", words.chrome.unsaved_changes))
                .padding(Padding::horizontal(1)),
        ),
        popup,
    );
    // The cursor stands on the focused button, not in the field hidden behind the question.
    frame.set_cursor_position((
        (popup.x + 2 + focus_column as u16).min(popup.right().saturating_sub(1)),
        (popup.y + 1 + buttons_row).min(popup.bottom().saturating_sub(1)),
    ));
}
