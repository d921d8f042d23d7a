//! Customers: filter line and the table.

use crate::app::keys::{self, key_of, Command};
use crate::app::screens::customers::TABLE_HEAD_ROWS;
use crate::app::App;
use crate::book::AgreementStatus;
use crate::domain::cloud::Cloud;
use crate::domain::phase::Phase;
use crate::domain::role::GatedAction;
use crate::domain::timeline::AgreementEra;
use crate::locale::words::{CustomersWords, Terms};
use crate::ui::text;
use crate::ui::theme::Palette;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The most of the filter the "no customer matches" message repeats.
const QUOTED_FILTER_COLUMNS: usize = 40;

struct Column {
    title: &'static str,
    columns: usize,
}

/// At this width and wider the columns take Partner Center's full titles.
const WIDE: usize = 120;
/// And from this width the agreement column's title says "status" too.
const WIDEST: usize = 150;

fn columns(width: usize, era: AgreementEra, words: &CustomersWords) -> [Column; 5] {
    let wide = width >= WIDE;
    let (cloud, status, subs) = match width {
        WIDEST.. => (15, 33, 13),
        WIDE.. => (15, 27, 13),
        _ => (8, 13, 5),
    };
    let rest = width.saturating_sub(cloud + status + subs + 4 + 2);
    let company = rest / 2;
    [
        Column {
            title: words.company_name,
            columns: company,
        },
        Column {
            title: words.primary_domain,
            columns: rest - company,
        },
        Column {
            title: words.cloud,
            columns: cloud,
        },
        Column {
            // From October 1, 2019 two agreements exist, and the column says which one counts.
            title: match (width, era) {
                (_, AgreementEra::Both | AgreementEra::CustomerAgreement) if width >= WIDE => {
                    words.agreement_confirmed
                }
                (WIDEST.., _) => words.cloud_agreement_status,
                (WIDE.., _) => words.cloud_agreement,
                _ => words.agreement_narrow,
            },
            columns: status,
        },
        Column {
            title: if wide {
                words.subscriptions
            } else {
                words.subscriptions_narrow
            },
            columns: subs,
        },
    ]
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let ctx = &app.ctx;
    let all_words = ctx.words();
    let words = &all_words.customers;
    let list = &ctx.customers;
    let [head_area, rows_area] =
        Layout::vertical([Constraint::Length(TABLE_HEAD_ROWS), Constraint::Fill(1)]).areas(area);
    let [filter_area, header_area] = Layout::vertical([Constraint::Length(1); 2]).areas(head_area);

    let height = rows_area.height as usize;
    // The stored offset follows the page size of the last resize; never hide the selection.
    let offset = list.offset.max((list.selected + 1).saturating_sub(height));
    // Says which rows show when they do not all fit, so the agent knows there are more.
    let total = ctx
        .indexing
        .map_or(crate::core::read(&ctx.directory).len(), |i| i.total);
    let count = match ctx.indexing {
        // The list is usable while the rest loads; the count says how far that has come.
        Some(indexing) => (words.loading)(
            &text::thousands(indexing.loaded),
            &text::thousands(indexing.total),
        ),
        None if list.matches.len() > height => (words.showing_page)(
            &text::thousands(offset + 1),
            &text::thousands((offset + height).min(list.matches.len())),
            &text::thousands(list.matches.len()),
            &text::thousands(total),
        ),
        None => (words.showing)(
            &text::thousands(list.matches.len()),
            &text::thousands(total),
        ),
    };
    let room = (area.width as usize).saturating_sub(text::width(&count) + 1);
    let (filter_text, cursor) = if list.filtering || !list.filter.value().is_empty() {
        // A filter longer than the line scrolls sideways with the cursor, as a form's box does.
        let label = words.filter_label;
        let (shown, cursor) =
            text::input_window(&list.filter, room.saturating_sub(text::width(label)));
        (format!("{label}{shown}"), text::width(label) + cursor)
    } else {
        (
            (words.filter_hint)(&key_of(keys::CUSTOMERS, Command::Filter)),
            0,
        )
    };
    let filter_style = if list.filtering {
        palette.focused()
    } else {
        palette.muted()
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(text::pad(&filter_text, room), filter_style),
            Span::raw(" "),
            Span::styled(count, palette.label()),
        ])),
        filter_area,
    );
    if list.filtering {
        frame.set_cursor_position((filter_area.x + cursor.min(room) as u16, filter_area.y));
    }

    let era = AgreementEra::on(ctx.actor.business_date);
    let cols = columns(area.width as usize, era, words);
    let header: Vec<Span> = cols
        .iter()
        .map(|c| {
            Span::styled(
                format!("{} ", text::pad(c.title, c.columns)),
                palette.heading(),
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from([vec![Span::raw("  ")], header].concat())),
        header_area,
    );

    if list.matches.is_empty() {
        let message = if crate::core::read(&ctx.directory).is_empty() {
            (words.none_yet)(&key_of(keys::CUSTOMERS, Command::NewCustomer))
        } else {
            (words.none_match)(
                &text::truncate(list.filter.value(), QUOTED_FILTER_COLUMNS),
                &key_of(keys::CUSTOMERS_FILTERED, Command::Back),
            )
        };
        let lines: Vec<Line> = text::wrap(&message, (rows_area.width as usize).saturating_sub(2))
            .into_iter()
            .map(|line| Line::styled(format!("  {line}"), palette.muted()))
            .collect();
        frame.render_widget(Paragraph::new(lines), rows_area);
        return;
    }
    let mandatory = ctx.phase() == Phase::Mandatory;
    // Whether confirmation was provided is itself part of the confirmation (Admin and Sales only).
    let may_see_status = ctx.actor.role.may(GatedAction::SeeConfirmation);
    // Only the rows on screen are read: drawing costs the same for ten customers or a million.
    let directory = crate::core::read(&ctx.directory);
    for row in offset..(offset + height).min(list.matches.len()) {
        let Some(customer) = list.matches.rank(row).and_then(|r| directory.get(r)) else {
            continue;
        };
        let status = customer.status;
        let phase = ctx.phase();
        // That a national cloud has no confirmation is a fact of the cloud, not a detail of a
        // confirmation, so every role sees it.
        let (status_text, status_style) =
            if !may_see_status && status != AgreementStatus::NotSupported {
                ("—", palette.muted())
            } else {
                let style = match status {
                    _ if !phase.confirmation_available() => palette.muted(),
                    AgreementStatus::Confirmed => palette.success(),
                    AgreementStatus::NotConfirmed if mandatory => palette.error(),
                    AgreementStatus::NotConfirmed => palette.warning(),
                    AgreementStatus::NotSupported => palette.muted(),
                };
                let terms = &all_words.terms;
                let label = match (era, customer.agreement) {
                    (AgreementEra::CloudAgreement, _) | (_, None) => terms.status_on(status, phase),
                    (_, Some(agreement)) if area.width as usize >= WIDE => {
                        terms.agreement_name_short(agreement)
                    }
                    (_, Some(agreement)) => terms.agreement_short(agreement),
                };
                (label, style)
            };
        let selected = row == list.selected;
        let base = palette.row(selected);
        let cell = |value: &str, column: &Column, style: Style| {
            Span::styled(format!("{} ", text::pad(value, column.columns)), style)
        };
        let subscriptions = customer.subscriptions.to_string();
        let line = Line::from(vec![
            Span::styled(if selected { "› " } else { "  " }, base),
            cell(customer.company_name, &cols[0], base),
            cell(customer.domain(), &cols[1], base),
            cell(
                cloud_name(
                    customer.cloud,
                    area.width as usize >= WIDE,
                    &all_words.terms,
                ),
                &cols[2],
                base,
            ),
            cell(status_text, &cols[3], base.patch(status_style)),
            cell(&subscriptions, &cols[4], base),
        ]);
        let y = rows_area.y + (row - offset) as u16;
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                y,
                height: 1,
                ..rows_area
            },
        );
    }
}

/// The cloud as the list names it: in a word where columns are narrow, else more fully.
fn cloud_name(cloud: Cloud, wide: bool, terms: &Terms) -> &'static str {
    match (cloud, wide) {
        (_, false) => terms.cloud_short(cloud),
        (cloud, true) => terms.cloud_column(cloud),
    }
}
