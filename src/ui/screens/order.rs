//! New order: the offers with quantities, then the review.

use crate::app::keys::{key_of, Command, OFFER_LIST, ORDER_PICK};
use crate::app::screens::order::{quantity_of, NewOrder, OrderStep, REVIEW_BUTTONS};
use crate::app::App;
use crate::domain::commerce::Billing;
use crate::locale::Words;
use crate::ui::text;
use crate::ui::theme::Palette;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App, order: &NewOrder, palette: Palette) {
    let company = app
        .ctx
        .book
        .customer(&order.customer_id)
        .map(|c| c.company_name.as_str())
        .unwrap_or("");
    let width = area.width as usize;
    let words = app.ctx.words();
    let mut notice = vec![];
    if let Some(text) = &order.notice {
        notice.push(Line::raw(""));
        for l in text::wrap_marked("✗ ", text, width) {
            notice.push(Line::styled(l, palette.error()));
        }
    }
    if order.step == OrderStep::Review {
        let mut lines = vec![];
        review(&mut lines, width, company, order, words, palette);
        lines.extend(notice);
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let mut header = vec![];
    pick_header(&mut header, width, company, words, palette);
    let (rows, focused) = offer_rows(width, order, words, palette);
    let mut footer = pick_footer(order, words, palette);
    footer.extend(notice);
    offers_page(frame, area, [header, rows, footer], focused, true);
}

/// A page of offers: the header, the offers between, scrolled so that the focused one (with its
/// message) stays in view when `follow` is set, and the footer.
pub(super) fn offers_page(
    frame: &mut Frame,
    area: Rect,
    [header, rows, footer]: [Vec<Line<'static>>; 3],
    focused: std::ops::Range<usize>,
    follow: bool,
) {
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(header.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(footer.len() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header), top);
    let height = middle.height as usize;
    let offset = if follow && rows.len() > height {
        (focused.end + 1)
            .min(rows.len())
            .saturating_sub(height)
            .min(focused.start)
    } else {
        0
    };
    frame.render_widget(Paragraph::new(rows).scroll((offset as u16, 0)), middle);
    frame.render_widget(Paragraph::new(footer), bottom);
}

fn pick_header(
    lines: &mut Vec<Line<'static>>,
    width: usize,
    company: &str,
    words: &Words,
    palette: Palette,
) {
    let order = &words.order;
    lines.push(Line::styled(
        (order.choose_offers)(&text::visible(company)),
        palette.heading(),
    ));
    let hint = (order.pick_hint)(
        &key_of(OFFER_LIST, Command::Toggle),
        &key_of(OFFER_LIST, Command::More),
        &key_of(OFFER_LIST, Command::Less),
    );
    lines.extend(wrap_line(Line::styled(hint, palette.muted()), width));
    lines.push(column_names(width, words, palette));
}

/// A styled line wrapped to the width, keeping its style.
pub(super) fn wrap_line(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    let style = line.style;
    text::wrap(&line.to_string(), width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// The column names, over the columns of the offer rows.
pub(super) fn column_names(width: usize, words: &Words, palette: Palette) -> Line<'static> {
    let order = &words.order;
    Line::styled(
        format!(
            "      {}{}{}{}",
            text::pad(order.offer, name_columns(width)),
            text::pad(order.billing, 15),
            text::pad(order.max_seats, 12),
            order.quantity
        ),
        palette.label(),
    )
}

/// The offer rows, and which of them belong to the focused offer (also the offers of the New
/// customer wizard's Subscriptions).
pub(super) fn offer_rows(
    width: usize,
    order: &NewOrder,
    words: &Words,
    palette: Palette,
) -> (Vec<Line<'static>>, std::ops::Range<usize>) {
    let name_columns = name_columns(width);
    let mut lines = vec![];
    let mut focused_lines = 0..0;
    for (index, line) in order.lines.iter().enumerate() {
        let first = lines.len();
        let focused = index == order.cursor;
        let style = palette.row(focused);
        let (billing, max, quantity) = match line.offer.billing {
            Billing::SeatBased => (
                words.order.seat_based,
                line.offer.max_seats.map_or("—".into(), |m| m.to_string()),
                if line.selected {
                    line.quantity.clone()
                } else {
                    String::new()
                },
            ),
            // Usage-based offers have no seat count to show.
            Billing::UsageBased => (words.order.usage_based, "—".into(), String::new()),
        };
        lines.push(Line::from(vec![Span::styled(
            format!(
                "{}{} {}{}{}{}",
                if focused { "› " } else { "  " },
                if line.selected { "[x]" } else { "[ ]" },
                text::pad(line.offer.name_on(order.business_date), name_columns),
                text::pad(billing, 15),
                text::pad(&max, 12),
                text::pad(&quantity, 8)
            ),
            style,
        )]));
        if let Some(error) = &line.error {
            for l in text::wrap_marked("✗ ", error, width.saturating_sub(6)) {
                lines.push(Line::styled(format!("      {l}"), palette.error()));
            }
        }
        if focused {
            focused_lines = first..lines.len();
        }
    }
    (lines, focused_lines)
}

/// Columns of the offer name: "› [x] " before it, then Billing, Max seats and Quantity.
fn name_columns(width: usize) -> usize {
    width.saturating_sub(6 + 15 + 12 + 8)
}

fn pick_footer(order: &NewOrder, words: &Words, palette: Palette) -> Vec<Line<'static>> {
    let chosen = order.selected_lines().count();
    vec![
        Line::raw(""),
        Line::from(vec![
            Span::raw(format!("{}   ", (words.order.selected)(chosen))),
            Span::styled(format!("[ {} ]", words.order.review), palette.key()),
            Span::styled(
                format!(" {}", key_of(ORDER_PICK, Command::Primary)),
                palette.muted(),
            ),
        ]),
    ]
}

fn review(
    lines: &mut Vec<Line<'static>>,
    width: usize,
    company: &str,
    order: &NewOrder,
    words: &Words,
    palette: Palette,
) {
    let order_words = &words.order;
    lines.push(Line::styled(
        (order_words.review_heading)(&text::visible(company)),
        palette.heading(),
    ));
    lines.push(Line::raw(""));
    let name_columns = width.saturating_sub(2 + 20);
    lines.push(Line::styled(
        format!(
            "  {}{}",
            text::pad(order_words.offer, name_columns),
            order_words.quantity
        ),
        palette.label(),
    ));
    for line in order.selected_lines() {
        let quantity = match line.offer.billing {
            Billing::SeatBased => (order_words.seats)(quantity_of(line)),
            Billing::UsageBased => order_words.usage_based.into(),
        };
        lines.push(Line::raw(format!(
            "  {}{}",
            text::pad(line.offer.name_on(order.business_date), name_columns),
            quantity
        )));
    }
    lines.push(Line::raw(""));
    // Focus is always on one of the buttons: the row carries the focus mark, as in forms.
    let mut buttons = vec![Span::styled("› ", palette.key())];
    for button in REVIEW_BUTTONS {
        buttons.push(Span::styled(
            format!("[ {} ]", button.label(order_words)),
            palette.button(button == order.review_focus),
        ));
        buttons.push(Span::raw("  "));
    }
    lines.push(Line::from(buttons));
}
