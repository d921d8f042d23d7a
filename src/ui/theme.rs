//! Styles, from the palette of the session drawn for: what a terminal can show is a property of
//! the terminal a session draws on, so the palette travels with the session (as an argument to
//! rendering), never as a setting of the process.
//!
//! Colour only ever adds to what the text and the modifiers already say: focus is reverse
//! video, errors are bold and marked "✗", a status is written out. With no colour at all the
//! screens lose nothing but tint.

use ratatui::style::{Color, Modifier, Style};
use std::ffi::OsStr;

/// The colours a terminal gets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Palette {
    /// 256 colours (or more): Partner Center's blue header, greys and status colours chosen
    /// to read on light and dark backgrounds alike.
    Colors256,
    /// The 16 ANSI colours, which every colour terminal and SSH client shows.
    #[default]
    Colors16,
    /// No colour (`NO_COLOR`): bold, underline and reverse video only.
    NoColor,
}

/// Terminals known to show 256 colours (or more) whose `TERM` does not say so in its name.
const RICH_TERMINALS: [&str; 7] = [
    "alacritty",
    "contour",
    "foot",
    "ghostty",
    "kitty",
    "wezterm",
    "xterm-ghostty",
];

/// The colours a palette draws with.
struct Colors {
    header_fg: Color,
    header_bg: Color,
    heading: Color,
    label: Color,
    muted: Color,
    error: Color,
    success: Color,
    warning: Color,
    key: Color,
}

const ANSI_16: Colors = Colors {
    header_fg: Color::White,
    header_bg: Color::Blue,
    heading: Color::Cyan,
    label: Color::Gray,
    muted: Color::DarkGray,
    error: Color::Red,
    success: Color::Green,
    warning: Color::Yellow,
    key: Color::Cyan,
};

/// Indexed colours from the xterm 256-colour table: 32 is the nearest to Partner Center's blue
/// (#0078D4); the others keep a contrast of about 3:1 or more on both black and white.
const INDEXED_256: Colors = Colors {
    header_fg: Color::Indexed(231),
    header_bg: Color::Indexed(32),
    heading: Color::Indexed(32),
    label: Color::Indexed(245),
    muted: Color::Indexed(243),
    error: Color::Indexed(160),
    success: Color::Indexed(28),
    warning: Color::Indexed(136),
    key: Color::Indexed(32),
};

impl Palette {
    pub const ALL: [Palette; 3] = [Palette::Colors256, Palette::Colors16, Palette::NoColor];

    /// The palette for a terminal described by the variables `NO_COLOR`, `TERM` and
    /// `COLORTERM`. `NO_COLOR` set and not empty means no colour (no-color.org); else
    /// `COLORTERM=truecolor|24bit`, a `TERM` naming 256 colours or direct colour, or a terminal
    /// known to have them means 256; anything else (`linux`, `vt100`, `xterm`, `screen`, no
    /// `TERM` at all) gets the 16 that every colour terminal has.
    pub fn from_env(
        no_color: Option<&OsStr>,
        term: Option<&str>,
        colorterm: Option<&str>,
    ) -> Palette {
        if no_color.is_some_and(|value| !value.is_empty()) {
            return Palette::NoColor;
        }
        let colorterm = colorterm.unwrap_or("").trim().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            return Palette::Colors256;
        }
        let term = term.unwrap_or("").trim().to_ascii_lowercase();
        let named_rich = ["256color", "256colour", "-direct", "-truecolor", "-24bit"]
            .iter()
            .any(|suffix| term.ends_with(suffix));
        // "foot-extra", "alacritty-direct": a known terminal with a variant after its name.
        let known_rich = RICH_TERMINALS
            .iter()
            .any(|name| term == *name || term.starts_with(&format!("{name}-")))
            || term == "xterm-kitty";
        if named_rich || known_rich {
            Palette::Colors256
        } else {
            Palette::Colors16
        }
    }

    /// The palette of the terminal this process was started in, from its own environment;
    /// only for the local terminal shell (a remote session brings its own variables).
    pub fn from_process_env() -> Palette {
        Palette::from_env(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var("TERM").ok().as_deref(),
            std::env::var("COLORTERM").ok().as_deref(),
        )
    }

    fn colors(self) -> Option<&'static Colors> {
        match self {
            Palette::Colors256 => Some(&INDEXED_256),
            Palette::Colors16 => Some(&ANSI_16),
            Palette::NoColor => None,
        }
    }

    /// The foreground `pick` chooses, or no style at all without colour.
    fn fg(self, pick: fn(&Colors) -> Color) -> Style {
        self.colors()
            .map_or(Style::new(), |colors| Style::new().fg(pick(colors)))
    }

    /// The top bar: Partner Center's blue, or reverse video without colour.
    pub fn header(self) -> Style {
        match self.colors() {
            Some(colors) => Style::new().fg(colors.header_fg).bg(colors.header_bg),
            None => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    pub fn header_strong(self) -> Style {
        self.header().add_modifier(Modifier::BOLD)
    }

    pub fn breadcrumb(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.fg(|c| c.heading).add_modifier(Modifier::BOLD)
    }

    pub fn label(self) -> Style {
        self.fg(|c| c.label)
    }

    /// Hints and secondary text; plain without colour, since it only ever repeats or adds.
    pub fn muted(self) -> Style {
        self.fg(|c| c.muted)
    }

    /// What has focus: the selected row, the focused button, box or checkbox. Reverse video in
    /// every palette, and bold too without colour, where neighbours may be bold already.
    pub fn focused(self) -> Style {
        let style = Style::new().add_modifier(Modifier::REVERSED);
        match self {
            Palette::NoColor => style.add_modifier(Modifier::BOLD),
            Palette::Colors256 | Palette::Colors16 => style,
        }
    }

    /// A row of a list: focused when selected, plain otherwise.
    pub fn row(self, selected: bool) -> Style {
        if selected {
            self.focused()
        } else {
            Style::new()
        }
    }

    /// A button: focused, or drawn as a key one can press.
    pub fn button(self, focused: bool) -> Style {
        if focused {
            self.focused()
        } else {
            self.key()
        }
    }

    pub fn input(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// Errors stay bold in every palette, so they stand out without colour.
    pub fn error(self) -> Style {
        self.fg(|c| c.error).add_modifier(Modifier::BOLD)
    }

    pub fn success(self) -> Style {
        self.fg(|c| c.success)
    }

    pub fn warning(self) -> Style {
        self.fg(|c| c.warning)
    }

    pub fn key(self) -> Style {
        self.fg(|c| c.key).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(term: &str) -> Palette {
        Palette::from_env(None, Some(term), None)
    }

    #[test]
    fn no_color_set_and_not_empty_wins_over_everything() {
        for value in ["1", "0", "yes", " "] {
            assert_eq!(
                Palette::from_env(
                    Some(OsStr::new(value)),
                    Some("xterm-256color"),
                    Some("truecolor")
                ),
                Palette::NoColor,
                "NO_COLOR={value:?}"
            );
        }
        // Set but empty does not count (no-color.org).
        assert_eq!(
            Palette::from_env(Some(OsStr::new("")), Some("xterm-256color"), None),
            Palette::Colors256
        );
        assert_eq!(
            Palette::from_env(Some(OsStr::new("")), Some("linux"), None),
            Palette::Colors16
        );
    }

    #[test]
    fn terminals_with_fewer_than_256_colours_get_16() {
        for term in [
            "linux", "vt100", "vt220", "xterm", "screen", "ansi", "dumb", "rxvt", "tmux", "cons25",
            "",
        ] {
            assert_eq!(of(term), Palette::Colors16, "TERM={term}");
        }
        assert_eq!(Palette::from_env(None, None, None), Palette::Colors16);
        // A COLORTERM that names no depth leaves it to TERM.
        assert_eq!(
            Palette::from_env(None, Some("xterm"), Some("yes")),
            Palette::Colors16
        );
    }

    #[test]
    fn terminals_with_256_colours_or_more_get_256() {
        for term in [
            "xterm-256color",
            "screen-256color",
            "tmux-256color",
            "rxvt-unicode-256color",
            "screen.xterm-256color",
            "XTERM-256COLOR",
            "xterm-direct",
            "xterm-24bit",
            "xterm-kitty",
            "alacritty",
            "alacritty-direct",
            "foot",
            "foot-extra",
            "wezterm",
            "xterm-ghostty",
        ] {
            assert_eq!(of(term), Palette::Colors256, "TERM={term}");
        }
        for colorterm in ["truecolor", "24bit", "TrueColor"] {
            assert_eq!(
                Palette::from_env(None, Some("xterm"), Some(colorterm)),
                Palette::Colors256,
                "COLORTERM={colorterm}"
            );
        }
    }

    #[test]
    fn a_name_that_only_starts_like_a_rich_terminal_is_not_one() {
        assert_eq!(of("footer"), Palette::Colors16);
        assert_eq!(of("kittyhawk"), Palette::Colors16);
    }

    #[test]
    fn without_colour_no_style_has_a_colour_and_focus_and_errors_keep_modifiers() {
        let p = Palette::NoColor;
        let all = [
            p.header(),
            p.header_strong(),
            p.breadcrumb(),
            p.heading(),
            p.label(),
            p.muted(),
            p.focused(),
            p.input(),
            p.error(),
            p.success(),
            p.warning(),
            p.key(),
        ];
        for style in all {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(p.focused().add_modifier.contains(Modifier::REVERSED));
        assert!(p.error().add_modifier.contains(Modifier::BOLD));
        // A focused button differs from the others, which are bold.
        assert_ne!(p.button(true), p.button(false));
    }

    #[test]
    fn the_16_colour_palette_uses_only_the_16_colours_and_the_256_one_only_indexed_ones() {
        let colors = |p: Palette| {
            [
                p.header(),
                p.heading(),
                p.label(),
                p.muted(),
                p.error(),
                p.success(),
                p.warning(),
                p.key(),
            ]
            .into_iter()
            .flat_map(|s| [s.fg, s.bg])
            .flatten()
            .collect::<Vec<Color>>()
        };
        assert!(colors(Palette::Colors16)
            .iter()
            .all(|c| !matches!(c, Color::Indexed(_) | Color::Rgb(..))));
        assert!(colors(Palette::Colors256)
            .iter()
            .all(|c| matches!(c, Color::Indexed(_))));
    }
}
