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
        Screen::NewCustomer(s) => new_customer::render(frame, area, s, palette),
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
    let mut trail = vec!["Customers".to_string()];
    match &app.screen {
        Screen::Customers => {}
        Screen::NewCustomer(s) => {
            trail.push("New customer".into());
            trail.push(s.step.label().into());
        }
        Screen::Account(s) => {
            trail.push(company(&s.customer_id));
            trail.push("Account".into());
        }
        Screen::Acceptance(s) => {
            trail.push(company(&s.customer_id));
            if matches!(s.purpose, crate::app::screens::acceptance::Purpose::Update) {
                trail.push("Account".into());
            } else {
                trail.push("New order".into());
            }
            trail.push(s.agreement.section_label().into());
        }
        Screen::Order(s) => {
            trail.push(company(&s.customer_id));
            trail.push("New order".into());
            if s.step == crate::app::screens::order::OrderStep::Review {
                trail.push("Review".into());
            }
        }
    }
    trail
}
