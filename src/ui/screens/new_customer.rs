//! New customer wizard: Account info, then Review.

use crate::app::screens::new_customer::{NewCustomer, WizardStep};
use crate::ui::form;
use crate::ui::theme::Palette;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, wizard: &NewCustomer, palette: Palette) {
    let [steps, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let step = |label: &'static str, current: bool| {
        if current {
            Span::styled(format!("● {label}"), palette.heading())
        } else {
            Span::styled(format!("○ {label}"), palette.muted())
        }
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            step("1 Account info", wizard.step == WizardStep::AccountInfo),
            Span::raw("   "),
            step("2 Review", wizard.step == WizardStep::Review),
        ])),
        steps,
    );
    form::render(frame, body, &wizard.rows(), &wizard.form, palette);
}
