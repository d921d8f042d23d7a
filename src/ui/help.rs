//! The help overlay: every key of the current screen, listed from the tables dispatch uses.

use super::{text, theme};
use crate::app::App;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let mut lines = vec![];
    let mut seen = vec![];
    for binding in app.bindings().iter().flat_map(|t| t.iter()) {
        if seen.contains(&binding.shown) {
            continue;
        }
        seen.push(binding.shown);
        lines.push(Line::from(vec![
            Span::styled(text::pad(binding.shown, 11), theme::key()),
            Span::raw(binding.does),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc or ? closes this help.", theme::muted()));
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = area.centered(
        Constraint::Length(72.min(area.width)),
        Constraint::Length(height),
    );
    frame.render_widget(Clear, popup);
    let title = format!(" Keys: {} ", app.screen.title());
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(title)),
        popup,
    );
}
