//! Styles. The 16 ANSI colors carry meaning (they survive any terminal and SSH client); reverse
//! video marks focus so it shows even without color.

use ratatui::style::{Color, Modifier, Style};

pub fn header() -> Style {
    Style::new().fg(Color::White).bg(Color::Blue)
}

pub fn header_strong() -> Style {
    header().add_modifier(Modifier::BOLD)
}

pub fn breadcrumb() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn label() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn muted() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn focused() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn input() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn success() -> Style {
    Style::new().fg(Color::Green)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
