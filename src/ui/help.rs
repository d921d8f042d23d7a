//! The help overlay: every key of the current screen, listed from the tables dispatch uses.

use super::{text, theme};
use crate::app::keys::{Command, KeyPattern};
use crate::app::App;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let mut rows: Vec<(String, String)> = vec![];
    // A key claimed by an earlier table never reaches a later one, so it is listed once.
    let mut claimed: Vec<KeyPattern> = vec![];
    for binding in app.bindings().iter().flat_map(|t| t.iter()) {
        let keys: Vec<KeyPattern> = binding
            .keys
            .iter()
            .copied()
            .filter(|k| !claimed.contains(k))
            .collect();
        if keys.is_empty() {
            continue;
        }
        claimed.extend(&keys);
        let label: Vec<String> = keys.iter().map(|k| k.label()).collect();
        let does = match (binding.command, super::primary_label(app)) {
            (Command::Primary, Some(label)) => format!("{}: {label}", binding.does),
            _ => binding.does.to_string(),
        };
        rows.push((label.join("/"), does));
    }
    // The key column is as wide as its widest entry, so no key is cut.
    let key_columns = rows
        .iter()
        .map(|(keys, _)| text::width(keys))
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, does)| {
            Line::from(vec![
                Span::styled(text::pad(&keys, key_columns), theme::key()),
                Span::raw(" "),
                Span::raw(does),
            ])
        })
        .collect();
    // The key that opened this help closes it too (? where no text field has focus, else F1).
    let help_key = app
        .bindings()
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| b.command == Command::Help)
        .map_or("?".to_string(), |b| b.first_key_label());
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Esc or {help_key} closes this help."),
        theme::muted(),
    ));
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = area.centered(
        // On a narrow terminal the help takes the whole width, leaving no cut-off text beside it.
        Constraint::Length(if area.width < 100 { area.width } else { 72 }),
        Constraint::Length(height),
    );
    frame.render_widget(Clear, popup);
    let title = if app.leave_prompt.is_some() {
        " Keys: Unsaved changes ".to_string()
    } else {
        format!(" Keys: {} ", app.screen.title())
    };
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(title)
                .padding(Padding::horizontal(1)),
        ),
        popup,
    );
    // The cursor leaves the field hidden behind the help for its closing line.
    let closing_row = popup.y + (height.saturating_sub(2));
    frame.set_cursor_position((
        popup.x + 2,
        closing_row.min(popup.bottom().saturating_sub(1)),
    ));
}
