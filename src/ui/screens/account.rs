//! Account: customer account info, the Microsoft cloud agreement section, and subscriptions (or
//! the confirmation history).

use crate::app::keys::{self, key_of, Command};
use crate::app::screens::account::Account;
use crate::app::screens::new_customer::describe_person;
use crate::app::App;
use crate::domain::agreement::AgreementKind;
use crate::domain::customer::Customer;
use crate::domain::eligibility::{check_can_confirm, check_confirmation_exists, ConfirmRefusal};
use crate::domain::phase::Phase;
use crate::domain::role::GatedAction;
use crate::domain::timeline::{dashboard_agreement, AgreementEra, CLOUD_AGREEMENT_VALID_UNTIL};
use crate::domain::{agreement, catalog};
use crate::locale::words::AccountWords;
use crate::ui::theme::Palette;
use crate::ui::{form, text};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};
use ratatui::Frame;

const LABEL: usize = 17;

fn pair(label: &str, value: String, width: usize, palette: Palette) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {}", text::pad(label, LABEL)), palette.label()),
        Span::raw(text::truncate(&value, width.saturating_sub(LABEL + 2))),
    ])
}

/// A label and a long value wrapped onto at most two lines (the second one cut if needed).
fn long_pair(label: &str, value: String, width: usize, palette: Palette) -> Vec<Line<'static>> {
    let room = width.saturating_sub(LABEL + 2);
    let (first, rest) = first_line(&text::visible(&value), room);
    let mut lines = vec![pair(label, first, width, palette)];
    if !rest.is_empty() {
        lines.push(pair("", rest, width, palette));
    }
    lines
}

/// A value's first line in `room` columns, and the rest: whole parts between " · " (a name, an
/// email address, a phone number) while they fit, word by word when the first part alone does
/// not.
fn first_line(value: &str, room: usize) -> (String, String) {
    const SEPARATOR: &str = " · ";
    let parts: Vec<&str> = value.split(SEPARATOR).collect();
    let fitting = (1..=parts.len())
        .take_while(|&n| text::width(&parts[..n].join(SEPARATOR)) <= room)
        .last();
    match fitting {
        Some(n) => (parts[..n].join(SEPARATOR), parts[n..].join(SEPARATOR)),
        None => {
            let mut wrapped = text::wrap(value, room).into_iter();
            let first = wrapped.next().unwrap_or_default();
            (first, wrapped.collect::<Vec<_>>().join(" "))
        }
    }
}

/// Company and contact details, the first part of the page.
fn account_info_lines(
    customer: &Customer,
    words: &AccountWords,
    width: usize,
    palette: Palette,
) -> Vec<Line<'static>> {
    let address = &customer.address;
    let contact = &customer.primary_contact;
    let mut lines = vec![
        Line::styled(words.account_info, palette.heading()),
        pair(
            words.company_name,
            customer.company_name.clone(),
            width,
            palette,
        ),
        pair(words.microsoft_id, customer.id.clone(), width, palette),
        pair(
            words.primary_domain,
            customer.domain.clone(),
            width,
            palette,
        ),
    ];
    lines.extend(long_pair(
        words.address,
        [
            Some(address.line1.clone()),
            address.line2.clone(),
            Some(format!(
                "{}, {} {}",
                address.city, address.state, address.postal_code
            )),
            (words.country)(&address.country).map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
        width,
        palette,
    ));
    lines.extend(long_pair(
        words.primary_contact,
        describe_person(
            &contact.full_name(),
            &contact.email,
            contact.phone.as_deref(),
        ),
        width,
        palette,
    ));
    lines.push(Line::raw(""));
    lines
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, account: &Account, palette: Palette) {
    let ctx = &app.ctx;
    let Some(customer) = ctx.book.customer(&account.customer_id) else {
        return;
    };
    let all_words = ctx.words();
    let terms = &all_words.terms;
    let words = &all_words.account;
    let long_date = terms.long_date;
    let width = area.width as usize;
    let can_see = ctx.actor.role.may(GatedAction::SeeConfirmation);
    // The history takes the rows of the customer's details, which the subscriptions view shows.
    let history_shown = account.show_history && can_see;
    let mut lines = if history_shown {
        vec![]
    } else {
        account_info_lines(customer, words, width, palette)
    };
    let date = ctx.actor.business_date;
    let era = AgreementEra::on(date);
    let section = dashboard_agreement(date);
    let mut title = vec![Span::styled(
        terms.agreement_section(section),
        palette.heading(),
    )];
    if check_can_confirm(ctx.actor.role, ctx.phase(), customer.cloud).is_ok() {
        title.push(Span::raw("   "));
        title.push(Span::styled(
            format!("[ {} ]", words.update_button),
            palette.key(),
        ));
        title.push(Span::styled(
            format!(
                " {}",
                key_of(keys::ACCOUNT_UPDATE, Command::UpdateAgreement)
            ),
            palette.muted(),
        ));
    }
    lines.push(Line::from(title));
    // Notes wrap: each is a sentence the agent needs whole.
    let note = |text: String, style: Style| -> Vec<Line<'static>> {
        text::wrap(&text, width.saturating_sub(2))
            .into_iter()
            .map(|l| Line::styled(format!("  {l}"), style))
            .collect()
    };
    if era == AgreementEra::Both && can_see {
        lines.extend(note(
            (words.valid_until)(&long_date(CLOUD_AGREEMENT_VALID_UNTIL)),
            palette.muted(),
        ));
    }
    let confirmations = ctx.book.confirmations(&customer.id);
    // The confirmation the section shows: of its own agreement, or in the months when either
    // counted, of the other one.
    let current = agreement::current_of(confirmations, section, date).or_else(|| {
        (era == AgreementEra::Both)
            .then(|| agreement::current_on(confirmations, date))
            .flatten()
    });
    let retired = (era == AgreementEra::CustomerAgreement)
        .then(|| agreement::current_of(confirmations, AgreementKind::CloudAgreement, date))
        .flatten();
    let eligibility = check_can_confirm(ctx.actor.role, ctx.phase(), customer.cloud);
    if !can_see {
        let refusal = ctx
            .actor
            .role
            .require(GatedAction::SeeConfirmation)
            .unwrap_err();
        lines.extend(note(ctx.refusal_text(&refusal.into()), palette.warning()));
    } else if let Err(
        refusal @ (ConfirmRefusal::NotSupported(_) | ConfirmRefusal::NotYetAvailable),
    ) = &eligibility
    {
        lines.extend(note((all_words.problems.confirm)(refusal), palette.muted()));
    } else if let Some(current) = current {
        let by = &current.accepted_by;
        lines.push(pair(
            words.status,
            words.status_confirmed.into(),
            width,
            palette,
        ));
        if era != AgreementEra::CloudAgreement {
            let name = current.kind().map_or("", |kind| terms.agreement_name(kind));
            lines.push(pair(words.agreement, name.into(), width, palette));
        }
        lines.extend(long_pair(
            words.accepted_by,
            describe_person(&by.full_name(), &by.email, by.phone.as_deref()),
            width,
            palette,
        ));
        lines.push(pair(
            words.acceptance_date,
            current.date_agreed.to_string(),
            width,
            palette,
        ));
        lines.push(pair(
            words.recorded_by,
            (words.recorded)(
                &current.recorded_by,
                &current.recorded_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                terms.channel(current.channel),
            ),
            width,
            palette,
        ));
    } else {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}", text::pad(words.status, LABEL)),
                palette.label(),
            ),
            Span::styled(words.status_not_confirmed, palette.warning()),
        ]));
        if let Some(old) = retired {
            lines.extend(note(
                (words.retired)(
                    &old.date_agreed.to_string(),
                    &long_date(CLOUD_AGREEMENT_VALID_UNTIL),
                ),
                palette.muted(),
            ));
        }
        if ctx.phase() == Phase::Mandatory {
            lines.extend(note(
                (words.blocked)(&key_of(keys::ACCOUNT_UPDATE, Command::UpdateAgreement)),
                palette.error(),
            ));
        }
    }
    lines.push(Line::raw(""));
    let top_height = lines.len() as u16;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), top);
    if history_shown {
        history(frame, bottom, app, account, palette);
    } else {
        subscriptions(frame, bottom, app, account, palette);
    }
    if let Some(editor) = &account.seat_editor {
        // On a narrow terminal the editor takes the whole width, leaving no cut-off text beside it.
        let popup_width = if area.width < 100 { area.width } else { 70 };
        let popup = area.centered(Constraint::Length(popup_width), Constraint::Length(9));
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", words.seat_editor_title))
            .padding(Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        form::render(
            frame,
            inner,
            &editor.rows(all_words),
            &editor.form,
            all_words,
            palette,
        );
    }
}

fn subscriptions(frame: &mut Frame, area: Rect, app: &App, account: &Account, palette: Palette) {
    let subs = app.ctx.book.subscriptions(&account.customer_id);
    let date = app.ctx.actor.business_date;
    let terms = &app.ctx.words().terms;
    let words = &app.ctx.words().account;
    // The heading and the column names take two rows; the selected subscription's details one
    // more where the page has room for a few subscriptions besides.
    let details_shown = area.height >= 6;
    let room = (area.height as usize)
        .saturating_sub(2 + details_shown as usize)
        .max(1);
    let offset = (account.selected + 1).saturating_sub(room);
    let mut heading = vec![Span::styled(
        (words.subscriptions_heading)(&subs.len().to_string()),
        palette.heading(),
    )];
    if subs.len() > room {
        let last = (offset + room).min(subs.len());
        heading.push(Span::styled(
            format!(
                "  {}",
                (words.showing)(
                    &(offset + 1).to_string(),
                    &last.to_string(),
                    &scroll_keys(keys::ACCOUNT)
                )
            ),
            palette.muted(),
        ));
    }
    let mut lines = vec![Line::from(heading)];
    if subs.is_empty() {
        lines.push(Line::styled(
            format!(
                "  {}",
                (words.no_subscriptions)(&key_of(keys::ACCOUNT, Command::NewOrder))
            ),
            palette.muted(),
        ));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let offer_columns = (area.width as usize)
        .saturating_sub(2 + 14 + 11 + 10)
        .min(48);
    lines.push(Line::styled(
        format!(
            "  {}{}{}{}",
            text::pad(words.offer, offer_columns),
            text::pad(words.seats, 14),
            text::pad(words.subscription_status, 11),
            words.auto_renew
        ),
        palette.label(),
    ));
    for (index, sub) in subs.iter().enumerate().skip(offset).take(room) {
        let selected = index == account.selected;
        let seats = sub
            .quantity
            .map_or(words.usage_based.to_string(), |q| q.to_string());
        lines.push(Line::styled(
            format!(
                "{}{}{}{}{}",
                if selected { "› " } else { "  " },
                text::pad(
                    catalog::offer_name_on(&sub.offer_id, date, &sub.offer_name),
                    offer_columns,
                ),
                text::pad(&seats, 14),
                text::pad(terms.subscription_status(sub.status), 11),
                text::pad(terms.on_off(sub.auto_renew), 10)
            ),
            palette.row(selected),
        ));
    }
    // What the columns leave out, and what a script needs to change its seats: the ID.
    if let Some(sub) = subs.get(account.selected).filter(|_| details_shown) {
        let details =
            (words.subscription_details)(&sub.id, &sub.created_at.format("%Y-%m-%d").to_string());
        lines.push(Line::styled(
            format!(
                "  {}",
                (words.selected)(&text::truncate(
                    &details,
                    (area.width as usize).saturating_sub(12)
                ))
            ),
            palette.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn history(frame: &mut Frame, area: Rect, app: &App, account: &Account, palette: Palette) {
    let all = agreement::sorted_newest_first(app.ctx.book.confirmations(&account.customer_id));
    let terms = &app.ctx.words().terms;
    let words = &app.ctx.words().account;
    let selected = account.history_selected.min(all.len().saturating_sub(1));
    // The heading, the column names and the selected confirmation's details take three rows.
    let room = (area.height as usize).saturating_sub(3).max(1);
    let offset = (selected + 1).saturating_sub(room);
    let mut heading = vec![Span::styled(
        (words.history_heading)(&all.len().to_string()),
        palette.heading(),
    )];
    if all.len() > room {
        heading.push(Span::styled(
            format!(
                "  {}",
                (words.showing)(
                    &(offset + 1).to_string(),
                    &(offset + room).min(all.len()).to_string(),
                    &scroll_keys(keys::ACCOUNT_HISTORY)
                )
            ),
            palette.muted(),
        ));
    }
    let mut lines = vec![Line::from(heading)];
    if all.is_empty() {
        let customer = app.ctx.book.customer(&account.customer_id);
        let offers_update =
            customer.is_some_and(|c| check_confirmation_exists(app.ctx.phase(), c.cloud).is_ok());
        lines.push(Line::styled(
            if offers_update {
                format!(
                    "  {}",
                    (words.no_history_update)(&key_of(
                        keys::ACCOUNT_UPDATE,
                        Command::UpdateAgreement
                    ))
                )
            } else {
                format!("  {}", words.no_history)
            },
            palette.muted(),
        ));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    // The last column takes what the names leave, and at least 34 columns.
    let rest = (area.width as usize).saturating_sub(2 + 12);
    let person = rest.saturating_sub(34).min(26);
    let recorded = rest - person;
    lines.push(Line::styled(
        format!(
            "  {}{}{}",
            text::pad(words.history_accepted, 12),
            text::pad(words.history_accepted_by, person),
            words.history_recorded
        ),
        palette.label(),
    ));
    for (index, c) in all.iter().enumerate().skip(offset).take(room) {
        let is_selected = index == selected;
        lines.push(Line::styled(
            format!(
                "{}{}{}{}",
                if is_selected { "› " } else { "  " },
                text::pad(&c.date_agreed.to_string(), 12),
                text::pad(&c.accepted_by.full_name(), person),
                text::truncate(
                    &format!(
                        "{}, {}, {}",
                        c.recorded_by,
                        c.recorded_at.format("%Y-%m-%d"),
                        terms.channel(c.channel)
                    ),
                    recorded
                )
            ),
            palette.row(is_selected),
        ));
    }
    // What the columns leave out of the selected one: how to reach the person.
    let by = &all[selected].accepted_by;
    let details = describe_person(&by.full_name(), &by.email, by.phone.as_deref());
    lines.push(Line::styled(
        format!(
            "  {}",
            (words.selected)(&text::truncate(
                &details,
                (area.width as usize).saturating_sub(12)
            ))
        ),
        palette.muted(),
    ));
    frame.render_widget(Paragraph::new(lines), area);
}

/// "↑/↓": the keys that move through the list on show.
fn scroll_keys(table: &[keys::Binding]) -> String {
    format!(
        "{}/{}",
        key_of(table, Command::Up),
        key_of(table, Command::Down)
    )
}

#[cfg(test)]
mod tests {
    use super::first_line;

    #[test]
    fn a_long_value_breaks_between_its_parts_and_keeps_each_whole() {
        let contact = "Nestor Wilke · nestor.wilke@adventureworks.com · +1 (425) 555-0177";
        assert_eq!(
            first_line(contact, 61),
            (
                "Nestor Wilke · nestor.wilke@adventureworks.com".to_string(),
                "+1 (425) 555-0177".to_string()
            )
        );
        assert_eq!(
            first_line(contact, 80),
            (contact.to_string(), String::new())
        );
        // A first part wider than the line is cut between its words.
        assert_eq!(
            first_line("2200 Bothell Everett Highway, Bothell", 20),
            (
                "2200 Bothell Everett".to_string(),
                "Highway, Bothell".to_string()
            )
        );
    }
}
