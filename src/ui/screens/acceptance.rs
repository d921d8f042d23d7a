//! The confirmation form (Update, or the prompt before a new order).

use crate::app::screens::acceptance::{AcceptanceForm, Purpose};
use crate::ui::theme::Palette;
use crate::ui::{form, text};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(frame: &mut Frame, area: Rect, screen: &AcceptanceForm, palette: Palette) {
    let [title, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let company = text::visible(&screen.company_name);
    let words = screen.words();
    let heading = match screen.purpose {
        Purpose::Update => (words.acceptance.update_heading)(
            words.terms.agreement_section(screen.agreement),
            &company,
        ),
        Purpose::BeforeOrder { .. } => (words.acceptance.before_order_heading)(&company),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(heading, palette.heading())),
        title,
    );
    form::render(frame, body, &screen.rows(), &screen.form, words, palette);
}
