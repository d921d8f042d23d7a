//! New order: the offers with quantities, then the review.

use crate::app::screens::order::{quantity_of, NewOrder, OrderStep, REVIEW_BUTTONS};
use crate::app::App;
use crate::domain::commerce::Billing;
use crate::ui::{text, theme};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App, order: &NewOrder) {
    let company = app
        .ctx
        .book
        .customer(&order.customer_id)
        .map(|c| c.company_name.as_str())
        .unwrap_or("");
    let mut lines = vec![];
    match order.step {
        OrderStep::Pick => pick(&mut lines, area.width as usize, company, order),
        OrderStep::Review => review(&mut lines, area.width as usize, company, order),
    }
    if let Some(notice) = &order.notice {
        lines.push(Line::raw(""));
        for l in text::wrap_marked("✗ ", notice, area.width as usize) {
            lines.push(Line::styled(l, theme::error()));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn pick(lines: &mut Vec<Line<'static>>, width: usize, company: &str, order: &NewOrder) {
    lines.push(Line::styled(
        format!("Choose offers for {company}"),
        theme::heading(),
    ));
    lines.push(Line::styled(
        "Space adds or removes an offer; type or use +/- for the number of seats.",
        theme::muted(),
    ));
    // "› [x] " before the name, then Billing, Max seats and Quantity.
    let name_columns = width.saturating_sub(6 + 15 + 12 + 8);
    lines.push(Line::styled(
        format!(
            "      {}{}{}{}",
            text::pad("Offer", name_columns),
            text::pad("Billing", 15),
            text::pad("Max seats", 12),
            "Quantity"
        ),
        theme::label(),
    ));
    for (index, line) in order.lines.iter().enumerate() {
        let focused = index == order.cursor;
        let style = if focused {
            theme::focused()
        } else {
            Style::new()
        };
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
            Billing::UsageBased => (
                "usage-based",
                "—".into(),
                if line.selected {
                    "1".into()
                } else {
                    String::new()
                },
            ),
        };
        lines.push(Line::from(vec![Span::styled(
            format!(
                "{}{} {}{}{}{}",
                if focused { "› " } else { "  " },
                if line.selected { "[x]" } else { "[ ]" },
                text::pad(&line.offer.name, name_columns),
                text::pad(billing, 15),
                text::pad(&max, 12),
                text::pad(&quantity, 8)
            ),
            style,
        )]));
        if let Some(error) = &line.error {
            for l in text::wrap_marked("✗ ", error, width.saturating_sub(6)) {
                lines.push(Line::styled(format!("      {l}"), theme::error()));
            }
        }
    }
    let chosen = order.selected_lines().count();
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::raw(format!("{chosen} selected   ")),
        Span::styled("[ Review ]", theme::key()),
        Span::styled(" Enter", theme::muted()),
    ]));
}

fn review(lines: &mut Vec<Line<'static>>, width: usize, company: &str, order: &NewOrder) {
    lines.push(Line::styled(
        format!("Review the order for {company}"),
        theme::heading(),
    ));
    lines.push(Line::raw(""));
    let name_columns = width.saturating_sub(2 + 20);
    lines.push(Line::styled(
        format!("  {}{}", text::pad("Offer", name_columns), "Quantity"),
        theme::label(),
    ));
    for line in order.selected_lines() {
        let quantity = match line.offer.billing {
            Billing::SeatBased => format!("{} seats", quantity_of(line)),
            Billing::UsageBased => "usage-based".into(),
        };
        lines.push(Line::raw(format!(
            "  {}{}",
            text::pad(&line.offer.name, name_columns),
            quantity
        )));
    }
    lines.push(Line::raw(""));
    // Focus is always on one of the buttons: the row carries the focus mark, as in forms.
    let mut buttons = vec![Span::styled("› ", theme::key())];
    for (button, label) in REVIEW_BUTTONS {
        let style = if button == order.review_focus {
            theme::focused()
        } else {
            theme::key()
        };
        buttons.push(Span::styled(format!("[ {label} ]"), style));
        buttons.push(Span::raw("  "));
    }
    lines.push(Line::from(buttons));
}
