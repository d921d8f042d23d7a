//! Rendering: a pure function of the app's state onto any ratatui frame.

mod form;
mod help;
mod screens;
pub mod text;
pub mod theme;

use crate::app::{keys::Binding, App};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole dashboard.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small(frame, area);
    }
    let flash_rows = flash_lines(app, area.width).len().max(1) as u16;
    let [top, crumbs, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(flash_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    header(frame, top, app);
    breadcrumb(frame, crumbs, app);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    screens::render(frame, body, app);
    frame.render_widget(Paragraph::new(flash_lines(app, area.width)), flash);
    frame.render_widget(Paragraph::new(footer_line(&app.bindings())), footer);
    if app.ctx.help_open {
        help::render(frame, area, app);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled("Terminal too small", theme::error()),
        Line::raw(format!(
            "pcenter needs {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}.",
            area.width, area.height
        )),
        Line::raw("Enlarge the window, or press Ctrl-C to quit."),
    ];
    let height = (lines.len() as u16).min(area.height);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).centered(), middle);
}

/// A line with `left` and `right` parts, `right` flush with the end; `left` gives way when narrow.
fn spread(left: &str, right: &str, width: u16) -> (String, String) {
    let room = (width as usize).saturating_sub(text::width(right));
    (text::pad(left, room), right.to_string())
}

fn header(frame: &mut Frame, area: Rect, app: &App) {
    let ctx = &app.ctx;
    let (left, right) = spread(
        &format!(" Partner Center · {}", ctx.partner_name),
        &format!(
            "{}{} · Confirmation: {} ",
            if area.width >= 100 {
                "Business date "
            } else {
                ""
            },
            ctx.actor.business_date,
            ctx.phase().label()
        ),
        area.width,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, theme::header_strong()),
            Span::styled(right, theme::header()),
        ])),
        area,
    );
}

fn breadcrumb(frame: &mut Frame, area: Rect, app: &App) {
    let actor = &app.ctx.actor;
    let (left, right) = spread(
        &format!(" {}", screens::breadcrumb(app).join(" › ")),
        &format!(
            "{}{} ({}) ",
            if area.width >= 100 { "Signed in: " } else { "" },
            actor.agent,
            actor.role.label()
        ),
        area.width,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, theme::breadcrumb()),
            Span::styled(right, theme::label()),
        ])),
        area,
    );
}

fn flash_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(flash) = &app.ctx.flash else {
        return vec![];
    };
    let (mark, style) = if flash.is_error {
        ("✗ ", theme::error())
    } else {
        ("✓ ", theme::success())
    };
    text::wrap(
        &format!("{mark}{}", flash.text),
        width.saturating_sub(2) as usize,
    )
    .into_iter()
    .take(3)
    .map(|l| Line::styled(format!(" {l}"), style))
    .collect()
}

/// The footer: the main keys of the current screen, from the same tables the keys use.
fn footer_line(tables: &[&'static [Binding]]) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    let mut named = vec![];
    for binding in tables.iter().flat_map(|t| t.iter()) {
        if let Some(name) = binding.footer.filter(|n| !named.contains(n)) {
            named.push(name);
            spans.push(Span::styled(binding.shown, theme::key()));
            spans.push(Span::raw(format!(" {name}  ")));
        }
    }
    Line::from(spans)
}
