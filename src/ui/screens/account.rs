//! Account: customer account info, the Microsoft cloud agreement section, and subscriptions (or
//! the confirmation history).

use crate::app::keys::{self, key_of, Command};
use crate::app::screens::account::Account;
use crate::app::screens::new_customer::describe_person;
use crate::app::App;
use crate::domain::agreement::AgreementKind;
use crate::domain::customer::Customer;
use crate::domain::eligibility::{check_can_confirm, check_confirmation_exists, ConfirmRefusal};
use crate::domain::phase::{long_date, Phase};
use crate::domain::role::GatedAction;
use crate::domain::timeline::{dashboard_agreement, AgreementEra, CLOUD_AGREEMENT_VALID_UNTIL};
use crate::domain::{agreement, catalog, country};
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
    let mut wrapped = text::wrap(&value, room).into_iter();
    let first = wrapped.next().unwrap_or_default();
    let rest: Vec<String> = wrapped.collect();
    let mut lines = vec![pair(label, first, width, palette)];
    if !rest.is_empty() {
        lines.push(pair("", rest.join(" "), width, palette));
    }
    lines
}

/// Company and contact details, the first part of the page.
fn account_info_lines(customer: &Customer, width: usize, palette: Palette) -> Vec<Line<'static>> {
    let address = &customer.address;
    let contact = &customer.primary_contact;
    let mut lines = vec![
        Line::styled("Customer account info", palette.heading()),
        pair(
            "Company name",
            customer.company_name.clone(),
            width,
            palette,
        ),
        pair("Microsoft ID", customer.id.clone(), width, palette),
        pair("Primary domain", customer.domain.clone(), width, palette),
    ];
    lines.extend(long_pair(
        "Address",
        [
            Some(address.line1.clone()),
            address.line2.clone(),
            Some(format!(
                "{}, {} {}",
                address.city, address.state, address.postal_code
            )),
            country::name(&address.country).map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
        width,
        palette,
    ));
    lines.extend(long_pair(
        "Primary contact",
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
    let width = area.width as usize;
    let can_see = ctx.actor.role.may(GatedAction::SeeConfirmation);
    // The history takes the rows of the customer's details, which the subscriptions view shows.
    let history_shown = account.show_history && can_see;
    let mut lines = if history_shown {
        vec![]
    } else {
        account_info_lines(customer, width, palette)
    };
    let date = ctx.actor.business_date;
    let era = AgreementEra::on(date);
    let section = dashboard_agreement(date);
    let mut title = vec![Span::styled(section.section_label(), palette.heading())];
    if check_can_confirm(ctx.actor.role, ctx.phase(), customer.cloud).is_ok() {
        title.push(Span::raw("   "));
        title.push(Span::styled("[ Update ]", palette.key()));
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
            format!(
                "This agreement is valid until {}. After that date, all customers, existing and new, must sign the new Microsoft Customer Agreement.",
                long_date(CLOUD_AGREEMENT_VALID_UNTIL)
            ),
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
        lines.extend(note(refusal.to_string(), palette.warning()));
    } else if let Err(
        refusal @ (ConfirmRefusal::NotSupported(_) | ConfirmRefusal::NotYetAvailable),
    ) = &eligibility
    {
        lines.extend(note(refusal.to_string(), palette.muted()));
    } else if let Some(current) = current {
        let by = &current.accepted_by;
        lines.push(pair(
            "Status",
            "Confirmed: customer acceptance has been provided".into(),
            width,
            palette,
        ));
        if era != AgreementEra::CloudAgreement {
            let name = current.kind().map_or("", AgreementKind::name);
            lines.push(pair("Agreement", name.into(), width, palette));
        }
        lines.extend(long_pair(
            "Accepted by",
            describe_person(&by.full_name(), &by.email, by.phone.as_deref()),
            width,
            palette,
        ));
        lines.push(pair(
            "Acceptance date",
            current.date_agreed.to_string(),
            width,
            palette,
        ));
        lines.push(pair(
            "Recorded by",
            format!(
                "{} on {} ({})",
                current.recorded_by,
                current.recorded_at.format("%Y-%m-%d %H:%M UTC"),
                current.channel.label()
            ),
            width,
            palette,
        ));
    } else {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", text::pad("Status", LABEL)), palette.label()),
            Span::styled(
                "Not confirmed: customer acceptance has not been provided",
                palette.warning(),
            ),
        ]));
        if let Some(old) = retired {
            lines.extend(note(
                format!(
                    "The Microsoft Cloud Agreement accepted on {} was valid until {}; the customer must accept the Microsoft Customer Agreement.",
                    old.date_agreed,
                    long_date(CLOUD_AGREEMENT_VALID_UNTIL)
                ),
                palette.muted(),
            ));
        }
        if ctx.phase() == Phase::Mandatory {
            lines.extend(note(
                format!(
                    "New orders and seat changes are blocked until you confirm. Press {} to Update.",
                    key_of(keys::ACCOUNT_UPDATE, Command::UpdateAgreement)
                ),
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
            .title(" Change seat count ")
            .padding(Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        form::render(
            frame,
            inner,
            &editor.rows(),
            &editor.form,
            app.ctx.words(),
            palette,
        );
    }
}

fn subscriptions(frame: &mut Frame, area: Rect, app: &App, account: &Account, palette: Palette) {
    let subs = app.ctx.book.subscriptions(&account.customer_id);
    let date = app.ctx.actor.business_date;
    // The heading and the column names take two rows; the selected subscription's details one
    // more where the page has room for a few subscriptions besides.
    let details_shown = area.height >= 6;
    let room = (area.height as usize)
        .saturating_sub(2 + details_shown as usize)
        .max(1);
    let offset = (account.selected + 1).saturating_sub(room);
    let mut heading = vec![Span::styled(
        format!("Subscriptions ({})", subs.len()),
        palette.heading(),
    )];
    if subs.len() > room {
        let last = (offset + room).min(subs.len());
        heading.push(Span::styled(
            format!(
                "  showing {}-{last}; {} scroll",
                offset + 1,
                scroll_keys(keys::ACCOUNT)
            ),
            palette.muted(),
        ));
    }
    let mut lines = vec![Line::from(heading)];
    if subs.is_empty() {
        lines.push(Line::styled(
            format!(
                "  No subscriptions yet. Press {} for a New order.",
                key_of(keys::ACCOUNT, Command::NewOrder)
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
            text::pad("Offer", offer_columns),
            text::pad("Seats", 14),
            text::pad("Status", 11),
            "Auto-renew"
        ),
        palette.label(),
    ));
    for (index, sub) in subs.iter().enumerate().skip(offset).take(room) {
        let selected = index == account.selected;
        let seats = sub
            .quantity
            .map_or("usage-based".to_string(), |q| q.to_string());
        lines.push(Line::styled(
            format!(
                "{}{}{}{}{}",
                if selected { "› " } else { "  " },
                text::pad(
                    catalog::offer_name_on(&sub.offer_id, date, &sub.offer_name),
                    offer_columns,
                ),
                text::pad(&seats, 14),
                text::pad(sub.status.label(), 11),
                text::pad(if sub.auto_renew { "On" } else { "Off" }, 10)
            ),
            palette.row(selected),
        ));
    }
    // What the columns leave out, and what a script needs to change its seats: the ID.
    if let Some(sub) = subs.get(account.selected).filter(|_| details_shown) {
        let details = format!(
            "ID {} · ordered {}",
            sub.id,
            sub.created_at.format("%Y-%m-%d")
        );
        lines.push(Line::styled(
            format!(
                "  Selected: {}",
                text::truncate(&details, (area.width as usize).saturating_sub(12))
            ),
            palette.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn history(frame: &mut Frame, area: Rect, app: &App, account: &Account, palette: Palette) {
    let all = agreement::sorted_newest_first(app.ctx.book.confirmations(&account.customer_id));
    let selected = account.history_selected.min(all.len().saturating_sub(1));
    // The heading, the column names and the selected confirmation's details take three rows.
    let room = (area.height as usize).saturating_sub(3).max(1);
    let offset = (selected + 1).saturating_sub(room);
    let mut heading = vec![Span::styled(
        format!("Confirmation history ({}), newest first", all.len()),
        palette.heading(),
    )];
    if all.len() > room {
        heading.push(Span::styled(
            format!(
                "  showing {}-{}; {} scroll",
                offset + 1,
                (offset + room).min(all.len()),
                scroll_keys(keys::ACCOUNT_HISTORY)
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
                    "  No confirmation on record yet. Press {} to Update.",
                    key_of(keys::ACCOUNT_UPDATE, Command::UpdateAgreement)
                )
            } else {
                "  No confirmation on record.".to_string()
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
            text::pad("Accepted", 12),
            text::pad("Accepted by", person),
            "Recorded by, when, channel"
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
                        c.channel.label()
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
            "  Selected: {}",
            text::truncate(&details, (area.width as usize).saturating_sub(12))
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
