//! Rendering: a pure function of the app's state onto any ratatui frame.

mod form;
mod help;
mod leave;
mod screens;
pub mod text;
pub mod theme;

use crate::app::keys::{self, Binding, Command};
use crate::app::App;
use crate::domain::characters::is_hidden;
use crate::domain::role::Role;
use crate::locale::Words;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub use crate::app::{BOTTOM_ROWS, MIN_HEIGHT, MIN_WIDTH, TOP_ROWS};
pub use theme::Palette;

/// Draws the whole dashboard in the default palette (the 16 ANSI colours).
pub fn render(frame: &mut Frame, app: &App) {
    render_in(frame, app, Palette::default());
}

/// Draws the whole dashboard in the palette of the terminal it is drawn for.
pub fn render_in(frame: &mut Frame, app: &App, palette: Palette) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Sized by the frame itself, so the message shows even before a resize arrives.
        return too_small(frame, area, app, palette);
    }
    let flash = flash_lines(app, area.width, palette);
    // A message longer than a line takes rows from the body.
    let bottom_rows = BOTTOM_ROWS + flash.len().saturating_sub(1) as u16;
    let [top_rows, body, bottom] = Layout::vertical([
        Constraint::Length(TOP_ROWS),
        Constraint::Fill(1),
        Constraint::Length(bottom_rows),
    ])
    .areas(area);
    let [top, crumbs] = Layout::vertical([Constraint::Length(1); 2]).areas(top_rows);
    let [flash_area, footer] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(bottom);
    header(frame, top, app, palette);
    breadcrumb(frame, crumbs, app, palette);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    screens::render(frame, body, app, palette);
    frame.render_widget(Paragraph::new(flash), flash_area);
    frame.render_widget(
        Paragraph::new(footer_line(
            &app.bindings(),
            app.ctx.words(),
            app.ctx.actor.role,
            area.width,
            palette,
        )),
        footer,
    );
    if let Some(prompt) = &app.leave_prompt {
        leave::render(frame, area, prompt, app.ctx.words(), palette);
    }
    if app.ctx.help_open {
        help::render(frame, area, app, palette);
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

fn too_small(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let columns = area.width as usize;
    let chrome = &app.ctx.words().chrome;
    let mut lines: Vec<Line> = text::wrap(chrome.too_small_title, columns)
        .into_iter()
        .map(|l| Line::styled(l, palette.error()))
        .collect();
    for sentence in [
        (chrome.too_small_needs)((MIN_WIDTH, MIN_HEIGHT), (area.width, area.height)),
        (chrome.too_small_quit)(&keys::key_of(keys::ALWAYS, keys::Command::QuitNow)),
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

fn header(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let ctx = &app.ctx;
    let words = ctx.words();
    let environment = words.terms.environment(ctx.actor.access.environment);
    let phase = words.terms.phase(ctx.phase());
    let date = ctx.actor.business_date;
    // The store's placeholder for no partner name, in the session's language.
    let partner = if ctx.partner_name == crate::dashboard::NO_PARTNER_NAME {
        words.shell.no_partner_name
    } else {
        &ctx.partner_name
    };
    let (left, right) = spread(
        &format!(" Partner Center · {partner}"),
        &if area.width >= 100 {
            format!("{} ", (words.chrome.header_wide)(environment, date, phase))
        } else {
            format!(
                "{} ",
                (words.chrome.header_narrow)(environment, date, phase)
            )
        },
        area.width,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, palette.header_strong()),
            Span::styled(right, palette.header()),
        ])),
        area,
    );
}

/// Narrowest a company name in the breadcrumb gets before the trail is cut at its end.
const MIN_CRUMB_COLUMNS: usize = 12;

/// The trail on the left and the signed-in agent on the right. When both do not fit, the agent
/// part drops "Signed in:" (name and role always stay), then the company name in the trail is
/// shortened, then the trail is cut at its end.
fn breadcrumb(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let actor = &app.ctx.actor;
    let words = app.ctx.words();
    let role = words.terms.role(actor.role);
    let width = area.width as usize;
    let mut trail = screens::breadcrumb(app);
    let left_of = |trail: &[String]| format!(" {}", trail.join(" › "));
    let room = |right: &str| width.saturating_sub(text::width(right) + 2);
    let agent = [
        format!("{} ", (words.chrome.signed_in)(&actor.agent, role)),
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
            Span::styled(left, palette.breadcrumb()),
            Span::styled(right, palette.label()),
        ])),
        area,
    );
}

fn flash_lines(app: &App, width: u16, palette: Palette) -> Vec<Line<'static>> {
    let Some(flash) = &app.ctx.flash else {
        return vec![];
    };
    let (mark, style) = if flash.is_error {
        ("✗ ", palette.error())
    } else {
        ("✓ ", palette.success())
    };
    text::wrap_marked(mark, &flash.text, width.saturating_sub(2) as usize)
        .into_iter()
        .take(3)
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect()
}

/// The footer: the main keys in force that `role` may use, from the same tables the keys use,
/// in their order. Where they do not all fit the width, the last ones give way, except Help,
/// which lists them all.
fn footer_line(
    tables: &[&'static [Binding]],
    words: &Words,
    role: Role,
    width: u16,
    palette: Palette,
) -> Line<'static> {
    let mut entries: Vec<(&Binding, &'static str)> = vec![];
    let usable = tables.iter().flat_map(|t| t.iter());
    for binding in usable.filter(|binding| binding.command.allowed_to(role)) {
        if let Some(name) = binding
            .footer_in(words)
            .filter(|n| !entries.iter().any(|(_, e)| e == n))
        {
            entries.push((binding, name));
        }
    }
    let columns = |entries: &[(&Binding, &str)]| -> usize {
        entries
            .iter()
            .map(|(binding, name)| {
                1 + text::width(&binding.first_key_label()) + 1 + text::width(name) + 1
            })
            .sum()
    };
    let is_help = |binding: &Binding| matches!(binding.command, Command::Help | Command::CloseHelp);
    while columns(&entries) > width as usize + 1 {
        match entries.iter().rposition(|(binding, _)| !is_help(binding)) {
            Some(last) => entries.remove(last),
            None => break,
        };
    }
    let mut spans = vec![Span::raw(" ")];
    for (index, (binding, name)) in entries.into_iter().enumerate() {
        if index > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(binding.first_key_label(), palette.key()));
        spans.push(Span::raw(format!(" {name}")));
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

    #[test]
    fn the_footer_fits_the_width_and_always_keeps_help() {
        use crate::app::keys;
        let tables = [
            keys::ACCOUNT_UPDATE,
            keys::ACCOUNT,
            keys::LIST,
            keys::GENERAL,
        ];
        let english = crate::locale::Lang::English.words();
        let wide =
            footer_line(&tables, english, Role::AdminAgent, 120, Palette::default()).to_string();
        assert_eq!(
            wide,
            " u Update  o New order  s Seats  a Auto-renew  h History  Esc Back  ? Help  q Quit"
        );
        assert_eq!(
            footer_line(&tables, english, Role::AdminAgent, 80, Palette::default()).to_string(),
            " u Update  o New order  s Seats  a Auto-renew  h History  Esc Back  ? Help"
        );
        assert_eq!(
            footer_line(&tables, english, Role::AdminAgent, 30, Palette::default()).to_string(),
            " u Update  o New order  ? Help"
        );
        // A Helpdesk agent is offered only what it may do.
        assert_eq!(
            footer_line(
                &tables,
                english,
                Role::HelpdeskAgent,
                120,
                Palette::default()
            )
            .to_string(),
            " Esc Back  ? Help  q Quit"
        );
    }
}
