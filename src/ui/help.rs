//! The help overlay: every key of the current screen, listed from the tables dispatch uses.

use super::text;
use super::theme::Palette;
use crate::app::keys::{self, KeyPattern};
use crate::app::App;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let words = app.ctx.words();
    let mut rows: Vec<(String, String)> = vec![];
    // A key claimed by an earlier table never reaches a later one, so it is listed once.
    let mut claimed: Vec<KeyPattern> = vec![];
    for binding in app.screen_bindings().iter().flat_map(|t| t.iter()) {
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
        let label: Vec<String> = keys.iter().map(|k| k.label_in(words)).collect();
        rows.push((label.join("/"), binding.does_in(words).to_string()));
    }
    // How to close it, from the table in force while it shows.
    let closing: Vec<(String, String)> = keys::HELP
        .iter()
        .map(|b| (b.keys_label(words), b.does_in(words).to_string()))
        .collect();
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
                Span::styled(text::pad(&keys, key_columns), palette.key()),
                Span::raw(" "),
                Span::raw(does),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    for (keys, does) in closing {
        lines.push(Line::styled(format!("{keys}: {does}"), palette.muted()));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = area.centered(
        // On a narrow terminal the help takes the whole width, leaving no cut-off text beside it.
        Constraint::Length(if area.width < 100 { area.width } else { 72 }),
        Constraint::Length(height),
    );
    frame.render_widget(Clear, popup);
    let title = (words.chrome.help_title)(if app.leave_prompt.is_some() {
        words.chrome.unsaved_changes
    } else {
        app.screen.title(words)
    });
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
