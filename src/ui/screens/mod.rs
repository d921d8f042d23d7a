//! One render module per screen.

mod acceptance;
mod account;
mod customers;
mod new_customer;
mod order;

use crate::app::screens::Screen;
use crate::app::App;
use crate::ui::theme::Palette;
use ratatui::layout::Rect;
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    match &app.screen {
        Screen::Customers => customers::render(frame, area, app, palette),
        Screen::NewCustomer(s) => new_customer::render(frame, area, s, app.ctx.words(), palette),
        Screen::Account(s) => account::render(frame, area, app, s, palette),
        Screen::Acceptance(s) => acceptance::render(frame, area, s, palette),
        Screen::Order(s) => order::render(frame, area, app, s, palette),
    }
}

/// Where the agent is: "Customers › Contoso Electronics › Account".
pub fn breadcrumb(app: &App) -> Vec<String> {
    let company = |id: &str| {
        app.ctx
            .book
            .customer(id)
            .map(|c| c.company_name.clone())
            .unwrap_or_default()
    };
    let words = app.ctx.words();
    let chrome = &words.chrome;
    let mut trail = vec![chrome.customers.to_string()];
    match &app.screen {
        Screen::Customers => {}
        Screen::NewCustomer(s) => {
            trail.push(chrome.new_customer.into());
            trail.push(s.step.label(words).into());
        }
        Screen::Account(s) => {
            trail.push(company(&s.customer_id));
            trail.push(chrome.account.into());
        }
        Screen::Acceptance(s) => {
            trail.push(company(&s.customer_id));
            if matches!(s.purpose, crate::app::screens::acceptance::Purpose::Update) {
                trail.push(chrome.account.into());
            } else {
                trail.push(chrome.new_order.into());
            }
            trail.push(words.terms.agreement_section(s.agreement).into());
        }
        Screen::Order(s) => {
            trail.push(company(&s.customer_id));
            trail.push(chrome.new_order.into());
            if s.step == crate::app::screens::order::OrderStep::Review {
                trail.push(chrome.review.into());
            }
        }
    }
    trail
}
