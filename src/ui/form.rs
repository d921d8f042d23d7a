//! Draws a form from its rows: labels, inputs with their cursor, checkboxes, buttons, and each
//! field's message right under it. Scrolls so the focused item is always in view.

use super::text;
use super::theme::Palette;
use crate::app::form::{FieldNote, Form, FormRow};
use crate::app::keys::{key_of, Command, FORM};
use crate::locale::Words;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use tui_input::Input;

/// Columns left of every row, where "›" marks the focused item.
const GUTTER: usize = 2;
/// Columns of the label column.
const LABEL_COLUMNS: usize = 27;
/// Widest an input box grows.
const INPUT_MAX_COLUMNS: usize = 48;

/// A field's message in the session's language.
pub fn said(note: &FieldNote, words: &Words) -> String {
    match note {
        FieldNote::Problem(problem) => (words.problems.field)(problem),
        FieldNote::Input(input) => (words.problems.input)(input),
        FieldNote::Said(text) => text.clone(),
    }
}

/// A laid-out line, and whether it belongs to the focused item.
struct Laid {
    line: Line<'static>,
    focused: bool,
    /// Where the cursor goes on this line (column), for the focused text input.
    cursor: Option<u16>,
}

pub fn render<F: Copy + PartialEq>(
    frame: &mut Frame,
    area: Rect,
    rows: &[FormRow<F>],
    form: &Form<F>,
    words: &Words,
    palette: Palette,
) {
    let width = (area.width as usize).saturating_sub(GUTTER);
    let mut laid: Vec<Laid> = vec![];
    let mut push = |line: Line<'static>, focused: bool, cursor: Option<u16>| {
        laid.push(Laid {
            line,
            focused,
            cursor,
        })
    };
    for (index, row) in rows.iter().enumerate() {
        match row {
            FormRow::Heading(title) => {
                if index > 0 && !matches!(rows[index - 1], FormRow::Blank) {
                    push(Line::raw(""), false, None);
                }
                push(Line::styled(title.clone(), palette.heading()), false, None);
            }
            FormRow::Text(body) => {
                for l in text::wrap(body, width) {
                    push(Line::raw(l), false, None);
                }
            }
            FormRow::Notice(body) => {
                for l in text::wrap_marked("✗ ", body, width) {
                    push(Line::styled(l, palette.error()), false, None);
                }
            }
            FormRow::Field { id, label } => {
                let focused = form.focus == *id;
                // Shown as the terminal may show it, the cursor at the same character.
                let input = form
                    .input(*id)
                    .map(|i| {
                        Input::new(text::visible(i.value()).into_owned()).with_cursor(i.cursor())
                    })
                    .unwrap_or_default();
                let (line, cursor) = field_line(label, &input, focused, width, palette);
                push(line, focused, focused.then_some(cursor));
                if let Some(note) = form.error(*id) {
                    let message = said(note, words);
                    for l in
                        text::wrap_marked("✗ ", &message, width.saturating_sub(LABEL_COLUMNS + 2))
                    {
                        let indent = " ".repeat(LABEL_COLUMNS + 2);
                        push(
                            Line::styled(format!("{indent}{l}"), palette.error()),
                            focused,
                            None,
                        );
                    }
                }
            }
            FormRow::Checkbox { id, label, checked } => {
                let focused = form.focus == *id;
                let mark = if *checked { "[x]" } else { "[ ]" };
                push(
                    Line::from(vec![Span::styled(
                        format!("{mark} {label}"),
                        palette.row(focused),
                    )]),
                    focused,
                    None,
                );
                if let Some(note) = form.error(*id) {
                    let message = said(note, words);
                    for l in text::wrap_marked("✗ ", &message, width.saturating_sub(4)) {
                        push(
                            Line::styled(format!("    {l}"), palette.error()),
                            focused,
                            None,
                        );
                    }
                }
            }
            FormRow::Buttons(buttons) => {
                let mut spans = vec![];
                let mut any_focused = false;
                for (id, label) in buttons {
                    let focused = form.focus == *id;
                    any_focused |= focused;
                    spans.push(Span::styled(
                        format!("[ {label} ]"),
                        palette.button(focused),
                    ));
                    spans.push(Span::raw("  "));
                }
                push(Line::from(spans), any_focused, None);
            }
            FormRow::Value { label, value } => {
                let columns = width.saturating_sub(LABEL_COLUMNS + 2);
                for (i, part) in text::wrap_list(value, " · ", columns)
                    .into_iter()
                    .enumerate()
                {
                    let label = text::pad(if i == 0 { label } else { "" }, LABEL_COLUMNS);
                    push(
                        Line::from(vec![
                            Span::styled(label, palette.label()),
                            Span::raw("  "),
                            Span::raw(part),
                        ]),
                        false,
                        None,
                    );
                }
            }
            FormRow::Blank => push(Line::raw(""), false, None),
        }
    }
    draw_scrolled(frame, area, laid, words, palette);
}

/// One input row: the label, then the value in an underlined box scrolled to show the cursor.
fn field_line(
    label: &str,
    input: &Input,
    focused: bool,
    width: usize,
    palette: Palette,
) -> (Line<'static>, u16) {
    let box_columns = width
        .saturating_sub(LABEL_COLUMNS + 4)
        .clamp(1, INPUT_MAX_COLUMNS);
    let (visible, cursor) = text::input_window(input, box_columns);
    // The box starts after the label and " [".
    let cursor = (LABEL_COLUMNS + 2 + cursor) as u16;
    let label_style = if focused {
        palette.breadcrumb()
    } else {
        palette.label()
    };
    let box_style = if focused {
        palette.input().patch(palette.focused())
    } else {
        palette.input()
    };
    let line = Line::from(vec![
        Span::styled(text::pad(label, LABEL_COLUMNS), label_style),
        Span::raw(" ["),
        Span::styled(text::pad(&visible, box_columns), box_style),
        Span::raw("]"),
    ]);
    (line, cursor)
}

/// Draws the lines, scrolled so every line of the focused item shows. When they do not all fit,
/// the last row says where more is.
fn draw_scrolled(frame: &mut Frame, area: Rect, laid: Vec<Laid>, words: &Words, palette: Palette) {
    let overflow = laid.len() > area.height as usize;
    let height = (area.height as usize).saturating_sub(overflow as usize);
    let first = laid.iter().position(|l| l.focused).unwrap_or(0);
    let last = laid.iter().rposition(|l| l.focused).unwrap_or(0);
    let mut offset = 0;
    if overflow {
        // Keep one line of context under the focused item when there is more below.
        let wanted_end = (last + 2).min(laid.len());
        offset = wanted_end.saturating_sub(height).min(first);
    }
    for (row, item) in laid.iter().enumerate().skip(offset).take(height) {
        let y = area.y + (row - offset) as u16;
        let mark = if row == first && item.focused {
            "› "
        } else {
            "  "
        };
        let mut line = item.line.clone();
        line.spans.insert(0, Span::styled(mark, palette.key()));
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        if let Some(column) = item.cursor {
            let x = area.x + GUTTER as u16 + column;
            frame.set_cursor_position((x.min(area.right().saturating_sub(1)), y));
        }
    }
    if overflow && area.height > 0 {
        let above = offset > 0;
        let below = offset + height < laid.len();
        let next = key_of(FORM, Command::NextField);
        let previous = key_of(FORM, Command::PreviousField);
        let chrome = &words.chrome;
        let hint = match (above, below) {
            (true, true) => (chrome.form_more_both)(&next, &previous),
            (true, false) => (chrome.form_more_above)(&previous),
            _ => (chrome.form_more_below)(&next),
        };
        let y = area.bottom() - 1;
        frame.render_widget(
            Paragraph::new(Span::styled(hint, palette.muted())),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}
