//! New order: the offers with quantities, then the review.

use crate::app::keys::{key_of, Command, OFFER_LIST, ORDER_PICK};
use crate::app::screens::order::{quantity_of, NewOrder, OrderStep, REVIEW_BUTTONS};
use crate::app::App;
use crate::domain::commerce::Billing;
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
    let mut notice = vec![];
    if let Some(text) = &order.notice {
        notice.push(Line::raw(""));
        for l in text::wrap_marked("✗ ", text, width) {
            notice.push(Line::styled(l, palette.error()));
        }
    }
    if order.step == OrderStep::Review {
        let mut lines = vec![];
        review(&mut lines, width, company, order, palette);
        lines.extend(notice);
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let mut header = vec![];
    pick_header(&mut header, width, company, palette);
    let (rows, focused) = offer_rows(width, order, palette);
    let mut footer = pick_footer(order, palette);
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

fn pick_header(lines: &mut Vec<Line<'static>>, width: usize, company: &str, palette: Palette) {
    lines.push(Line::styled(
        format!("Choose offers for {}", text::visible(company)),
        palette.heading(),
    ));
    lines.push(Line::styled(
        format!(
            "{} adds or removes an offer; type or use {}/{} for the number of seats.",
            key_of(OFFER_LIST, Command::Toggle),
            key_of(OFFER_LIST, Command::More),
            key_of(OFFER_LIST, Command::Less)
        ),
        palette.muted(),
    ));
    let name_columns = name_columns(width);
    lines.push(Line::styled(
        format!(
            "      {}{}{}{}",
            text::pad("Offer", name_columns),
            text::pad("Billing", 15),
            text::pad("Max seats", 12),
            "Quantity"
        ),
        palette.label(),
    ));
}

/// The offer rows, and which of them belong to the focused offer (also the offers of the New
/// customer wizard's Subscriptions).
pub(super) fn offer_rows(
    width: usize,
    order: &NewOrder,
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
                "seat-based",
                line.offer.max_seats.map_or("—".into(), |m| m.to_string()),
                if line.selected {
                    line.quantity.clone()
                } else {
                    String::new()
                },
            ),
            // Usage-based offers have no seat count to show.
            Billing::UsageBased => ("usage-based", "—".into(), String::new()),
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
pub(super) fn name_columns(width: usize) -> usize {
    width.saturating_sub(6 + 15 + 12 + 8)
}

fn pick_footer(order: &NewOrder, palette: Palette) -> Vec<Line<'static>> {
    let chosen = order.selected_lines().count();
    vec![
        Line::raw(""),
        Line::from(vec![
            Span::raw(format!("{chosen} selected   ")),
            Span::styled("[ Review ]", palette.key()),
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
    palette: Palette,
) {
    lines.push(Line::styled(
        format!("Review the order for {}", text::visible(company)),
        palette.heading(),
    ));
    lines.push(Line::raw(""));
    let name_columns = width.saturating_sub(2 + 20);
    lines.push(Line::styled(
        format!("  {}{}", text::pad("Offer", name_columns), "Quantity"),
        palette.label(),
    ));
    for line in order.selected_lines() {
        let quantity = match line.offer.billing {
            Billing::SeatBased => match quantity_of(line) {
                1 => "1 seat".to_string(),
                seats => format!("{seats} seats"),
            },
            Billing::UsageBased => "usage-based".into(),
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
    for (button, label) in REVIEW_BUTTONS {
        buttons.push(Span::styled(
            format!("[ {label} ]"),
            palette.button(button == order.review_focus),
        ));
        buttons.push(Span::raw("  "));
    }
    lines.push(Line::from(buttons));
}
