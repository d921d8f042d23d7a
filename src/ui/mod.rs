//! Rendering: a pure function of the app's state onto any ratatui frame.

mod form;
mod help;
mod leave;
mod screens;
pub mod text;
pub mod theme;

use crate::app::keys::{Binding, Command};
use crate::app::screens::{new_customer::WizardStep, order::OrderStep, Screen};
use crate::app::App;
use crate::domain::characters::is_hidden;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub use crate::app::{BOTTOM_ROWS, MIN_HEIGHT, MIN_WIDTH, TOP_ROWS};

/// Draws the whole dashboard.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Sized by the frame itself, so the message shows even before a resize arrives.
        return too_small(frame, area);
    }
    // A message longer than a line takes rows from the body.
    let bottom_rows = BOTTOM_ROWS + flash_lines(app, area.width).len().saturating_sub(1) as u16;
    let [top_rows, body, bottom] = Layout::vertical([
        Constraint::Length(TOP_ROWS),
        Constraint::Fill(1),
        Constraint::Length(bottom_rows),
    ])
    .areas(area);
    let [top, crumbs] = Layout::vertical([Constraint::Length(1); 2]).areas(top_rows);
    let [flash, footer] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(bottom);
    header(frame, top, app);
    breadcrumb(frame, crumbs, app);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    screens::render(frame, body, app);
    frame.render_widget(Paragraph::new(flash_lines(app, area.width)), flash);
    frame.render_widget(
        Paragraph::new(footer_line(&app.bindings(), primary_label(app))),
        footer,
    );
    if let Some(prompt) = &app.leave_prompt {
        leave::render(frame, area, prompt);
    }
    if app.ctx.help_open {
        help::render(frame, area, app);
    }
    scrub(frame.buffer_mut());
}

/// The last guard before the terminal: a hidden character that reached a cell by any way the
/// text helpers do not see is taken out, so it can never move the cursor, ring the bell or
/// turn the text around.
fn scrub(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        if cell.symbol().chars().any(is_hidden) {
            let kept: String = cell.symbol().chars().filter(|c| !is_hidden(*c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let columns = area.width as usize;
    let mut lines: Vec<Line> = text::wrap("Terminal too small", columns)
        .into_iter()
        .map(|l| Line::styled(l, theme::error()))
        .collect();
    for sentence in [
        format!(
            "pcenter needs {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}.",
            area.width, area.height
        ),
        "Enlarge the window, or press Ctrl-C to quit.".to_string(),
    ] {
        lines.extend(text::wrap(&sentence, columns).into_iter().map(Line::raw));
    }
    let height = (lines.len() as u16).min(area.height);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).centered(), middle);
}

/// A line with `left` and `right` parts, `right` flush with the end and at least one column
/// between them; `left` gives way when narrow.
fn spread(left: &str, right: &str, width: u16) -> (String, String) {
    let room = (width as usize).saturating_sub(text::width(right) + 1);
    (format!("{} ", text::pad(left, room)), right.to_string())
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

/// Narrowest a company name in the breadcrumb gets before the trail is cut at its end.
const MIN_CRUMB_COLUMNS: usize = 12;

/// The trail on the left and the signed-in agent on the right. When both do not fit, the agent
/// part drops "Signed in:" (name and role always stay), then the company name in the trail is
/// shortened, then the trail is cut at its end.
fn breadcrumb(frame: &mut Frame, area: Rect, app: &App) {
    let actor = &app.ctx.actor;
    let role = actor.role.label();
    let width = area.width as usize;
    let mut trail = screens::breadcrumb(app);
    let left_of = |trail: &[String]| format!(" {}", trail.join(" › "));
    let room = |right: &str| width.saturating_sub(text::width(right) + 2);
    let agent = [
        format!("Signed in: {} ({role}) ", actor.agent),
        format!("{} ({role}) ", actor.agent),
    ];
    let right = agent
        .iter()
        .find(|right| text::width(&left_of(&trail)) <= room(right))
        .unwrap_or(&agent[1]);
    let excess = text::width(&left_of(&trail)).saturating_sub(room(right));
    if excess > 0 && trail.len() >= 3 {
        let keep = text::width(&trail[1])
            .saturating_sub(excess)
            .max(MIN_CRUMB_COLUMNS);
        trail[1] = text::truncate(&trail[1], keep);
    }
    let (left, right) = spread(&left_of(&trail), right, area.width);
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
    text::wrap_marked(mark, &flash.text, width.saturating_sub(2) as usize)
        .into_iter()
        .take(3)
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect()
}

/// The name of the button Ctrl-S presses on this screen, in Partner Center's words; `None`
/// where the key table's own name says it.
fn primary_label(app: &App) -> Option<&'static str> {
    match &app.screen {
        Screen::NewCustomer(wizard) => Some(match wizard.step {
            WizardStep::AccountInfo => "Next",
            WizardStep::Review => "Submit",
        }),
        Screen::Acceptance(_) => Some("Save and continue"),
        Screen::Account(account) if account.seat_editor.is_some() => Some("Submit"),
        Screen::Order(order) if order.step == OrderStep::Review => Some("Submit"),
        _ => None,
    }
}

/// The footer: the main keys of the current screen, from the same tables the keys use.
fn footer_line(tables: &[&'static [Binding]], primary: Option<&'static str>) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    let mut named = vec![];
    for binding in tables.iter().flat_map(|t| t.iter()) {
        let name = match (binding.command, primary) {
            (Command::Primary, Some(label)) => binding.footer.map(|_| label),
            _ => binding.footer,
        };
        if let Some(name) = name.filter(|n| !named.contains(n)) {
            named.push(name);
            spans.push(Span::styled(binding.first_key_label(), theme::key()));
            spans.push(Span::raw(format!(" {name}  ")));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_cell_keeps_a_hidden_character() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer[(0, 0)].set_symbol("a\u{202E}");
        buffer[(1, 0)].set_symbol("\x07");
        buffer[(2, 0)].set_symbol("e\u{308}");
        scrub(&mut buffer);
        let symbols: Vec<&str> = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(symbols, ["a", " ", "e\u{308}"]);
    }
}
