//! New customer wizard: the step indicator, then Account info, Subscriptions, Review or
//! Confirmation.

use super::order::{name_columns, offer_rows, offers_page};
use crate::app::keys::{key_of, Command, NEW_CUSTOMER_OFFERS, OFFER_LIST};
use crate::app::screens::new_customer::{Field, NewCustomer, WizardStep};
use crate::locale::Words;
use crate::ui::theme::Palette;
use crate::ui::{form, text};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    wizard: &NewCustomer,
    words: &Words,
    palette: Palette,
) {
    let [steps, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(step_indicator(wizard.step, words, palette)),
        steps,
    );
    match wizard.step {
        WizardStep::Subscriptions => subscriptions(frame, body, wizard, palette),
        _ => form::render(frame, body, &wizard.rows(), &wizard.form, words, palette),
    }
}

/// "✓ 1 Account info › ● 2 Subscriptions › ○ 3 Review › ○ 4 Confirmation": the steps done, the
/// current one, and those ahead.
fn step_indicator(current: WizardStep, words: &Words, palette: Palette) -> Line<'static> {
    let at = WizardStep::ALL.iter().position(|s| *s == current);
    let mut spans = vec![];
    for (index, step) in WizardStep::ALL.into_iter().enumerate() {
        if index > 0 {
            spans.push(Span::styled(" › ", palette.muted()));
        }
        let label = format!("{} {}", index + 1, step.label(words));
        spans.push(match at.map(|at| index.cmp(&at)) {
            Some(std::cmp::Ordering::Equal) => {
                Span::styled(format!("● {label}"), palette.heading())
            }
            Some(std::cmp::Ordering::Less) => Span::styled(format!("✓ {label}"), palette.muted()),
            _ => Span::styled(format!("○ {label}"), palette.muted()),
        });
    }
    Line::from(spans)
}

/// Subscriptions: the offers as on the New order screen, then the step's buttons.
fn subscriptions(frame: &mut Frame, area: Rect, wizard: &NewCustomer, palette: Palette) {
    let width = area.width as usize;
    let company = wizard
        .validated
        .as_ref()
        .map(|(profile, _)| profile.company_name.as_str())
        .unwrap_or("");
    let mut header: Vec<Line> = [
        Line::styled(
            format!(
                "Choose subscriptions for {} (optional)",
                text::visible(company)
            ),
            palette.heading(),
        ),
        Line::styled(
            format!(
                "{} selects an offer, digits or {}/{} set its seats, {} goes to the buttons.",
                key_of(OFFER_LIST, Command::Toggle),
                key_of(OFFER_LIST, Command::More),
                key_of(OFFER_LIST, Command::Less),
                key_of(NEW_CUSTOMER_OFFERS, Command::NextField),
            ),
            palette.muted(),
        ),
    ]
    .into_iter()
    .flat_map(|line| wrap_line(line, width))
    .collect();
    // The column names, over the columns of the offer rows.
    header.push(Line::styled(
        format!(
            "      {}{}{}{}",
            text::pad("Offer", name_columns(width)),
            text::pad("Billing", 15),
            text::pad("Max seats", 12),
            "Quantity"
        ),
        palette.label(),
    ));
    // While a button has focus the offers show no cursor: one thing has focus at a time.
    let offers_focused = wizard.form.focus == Field::Offers;
    let (rows, focused) = if offers_focused {
        offer_rows(width, &wizard.offers, palette)
    } else {
        let mut shown = wizard.offers.clone();
        shown.cursor = usize::MAX;
        offer_rows(width, &shown, palette)
    };
    let mut footer = vec![];
    if let Some(notice) = &wizard.notice {
        for l in text::wrap_marked("✗ ", notice, width) {
            footer.push(Line::styled(l, palette.error()));
        }
    }
    footer.push(Line::raw(""));
    footer.push(buttons(wizard, palette));
    offers_page(frame, area, [header, rows, footer], focused, offers_focused);
}

/// A styled line wrapped to the width, keeping its style.
fn wrap_line(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    let style = line.style;
    text::wrap(&line.to_string(), width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// "› [ Next: Review ]  [ Back ]  [ Cancel ]   2 selected".
fn buttons(wizard: &NewCustomer, palette: Palette) -> Line<'static> {
    let focused = wizard.form.focus;
    let mark = if focused == Field::Offers {
        "  "
    } else {
        "› "
    };
    let mut spans = vec![Span::styled(mark, palette.key())];
    for (field, label) in [
        (Field::Next, "Next: Review"),
        (Field::Back, "Back"),
        (Field::Cancel, "Cancel"),
    ] {
        spans.push(Span::styled(
            format!("[ {label} ]"),
            palette.button(focused == field),
        ));
        spans.push(Span::raw("  "));
    }
    let chosen = wizard.chosen().count();
    spans.push(Span::styled(
        match chosen {
            0 => " none selected".to_string(),
            n => format!(" {n} selected"),
        },
        palette.muted(),
    ));
    Line::from(spans)
}
