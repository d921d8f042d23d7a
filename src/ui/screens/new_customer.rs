//! New customer wizard: the step indicator, then Account info, Subscriptions, Review or
//! Confirmation.

use super::order::{column_names, offer_rows, offers_page, wrap_line};
use crate::app::keys::{key_of, Command, NEW_CUSTOMER_OFFERS, OFFER_LIST};
use crate::app::screens::new_customer::{Field, NewCustomer, WizardStep};
use crate::locale::words::NewCustomerWords;
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
        WizardStep::Subscriptions => subscriptions(frame, body, wizard, words, palette),
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
fn subscriptions(
    frame: &mut Frame,
    area: Rect,
    wizard: &NewCustomer,
    words: &Words,
    palette: Palette,
) {
    let width = area.width as usize;
    let wizard_words = &words.new_customer;
    let company = wizard
        .validated
        .as_ref()
        .map(|(profile, _)| profile.company_name.as_str())
        .unwrap_or("");
    let mut header: Vec<Line> = [
        Line::styled(
            (wizard_words.choose_subscriptions)(&text::visible(company)),
            palette.heading(),
        ),
        Line::styled(
            (wizard_words.subscriptions_hint)(
                &key_of(OFFER_LIST, Command::Toggle),
                &key_of(OFFER_LIST, Command::More),
                &key_of(OFFER_LIST, Command::Less),
                &key_of(NEW_CUSTOMER_OFFERS, Command::NextField),
            ),
            palette.muted(),
        ),
    ]
    .into_iter()
    .flat_map(|line| wrap_line(line, width))
    .collect();
    header.push(column_names(width, words, palette));
    // While a button has focus the offers show no cursor: one thing has focus at a time.
    let offers_focused = wizard.form.focus == Field::Offers;
    let (rows, focused) = if offers_focused {
        offer_rows(width, &wizard.offers, words, palette)
    } else {
        let mut shown = wizard.offers.clone();
        shown.cursor = usize::MAX;
        offer_rows(width, &shown, words, palette)
    };
    let mut footer = vec![];
    if let Some(notice) = wizard.notice_text() {
        for l in text::wrap_marked("✗ ", &notice, width) {
            footer.push(Line::styled(l, palette.error()));
        }
    }
    footer.push(Line::raw(""));
    footer.push(buttons(wizard, wizard_words, palette));
    offers_page(frame, area, [header, rows, footer], focused, offers_focused);
}

/// "› [ Next: Review ]  [ Back ]  [ Cancel ]   2 selected".
fn buttons(wizard: &NewCustomer, words: &NewCustomerWords, palette: Palette) -> Line<'static> {
    let focused = wizard.form.focus;
    let mark = if focused == Field::Offers {
        "  "
    } else {
        "› "
    };
    let mut spans = vec![Span::styled(mark, palette.key())];
    for (field, label) in [
        (Field::Next, words.next_to_review),
        (Field::Back, words.back),
        (Field::Cancel, words.cancel),
    ] {
        spans.push(Span::styled(
            format!("[ {label} ]"),
            palette.button(focused == field),
        ));
        spans.push(Span::raw("  "));
    }
    let chosen = wizard.chosen().count();
    spans.push(Span::styled(
        format!(" {}", (words.offers_selected)(chosen)),
        palette.muted(),
    ));
    Line::from(spans)
}
