//! A backend that moves the cursor less. crossterm's backend moves the cursor before every cell
//! that does not follow the cell before it, and after a wide character (Korean, Chinese,
//! Japanese) the next cell is two columns on, so it moves the cursor there, although printing
//! the wide character already put it there: 6 to 8 bytes more for each wide character of every
//! changed row, which an SSH session sends at every key.
//!
//! This backend hands the cells on with the columns after such a character drawn closer, so the
//! backend below sees them as following each other and writes no move. Only characters whose
//! width every terminal agrees on count (the East Asian wide blocks); after an emoji, whose
//! width terminals disagree on, the move stays.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

pub struct WideCells<B: Backend> {
    inner: B,
}

impl<B: Backend> WideCells<B> {
    pub fn new(inner: B) -> WideCells<B> {
        WideCells { inner }
    }
}

/// Where the cursor is known to be after a cell, in the screen's columns and in the columns
/// handed on.
#[derive(Clone, Copy)]
struct After {
    y: u16,
    /// The screen's column the cursor is at.
    cursor: u16,
    /// The column the cell was handed on at.
    handed: u16,
}

/// The cells of `content` with the column of each cell that starts where the cursor already
/// is, after a wide character, set to follow the column handed on before it. Any other cell
/// keeps its column: it never follows the one handed on before it (the columns handed on lag
/// behind the screen's), so the backend below moves the cursor to it.
fn drawn_closer<'a>(
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    let mut after: Option<After> = None;
    content.map(move |(x, y, cell)| {
        let handed = match after {
            Some(a) if a.y == y && a.cursor == x && a.handed + 1 < x => a.handed + 1,
            _ => x,
        };
        after = Some(After {
            y,
            cursor: x.saturating_add(agreed_width(cell.symbol())),
            handed,
        });
        (handed, y, cell)
    })
}

/// The columns `symbol` takes on every terminal: 2 for one character of the East Asian wide
/// blocks; 1 for anything else (after which a wider symbol is not followed without a move).
fn agreed_width(symbol: &str) -> u16 {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_east_asian_wide(c) => 2,
        _ => 1,
    }
}

fn is_east_asian_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'       // Hangul Jamo leading consonants
        | '\u{2E80}'..='\u{303E}'     // CJK radicals, punctuation
        | '\u{3041}'..='\u{33FF}'     // kana, CJK compatibility
        | '\u{3400}'..='\u{4DBF}'     // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK unified ideographs
        | '\u{A000}'..='\u{A4CF}'     // Yi
        | '\u{AC00}'..='\u{D7A3}'     // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'     // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'     // CJK compatibility forms
        | '\u{FF01}'..='\u{FF60}'     // fullwidth forms
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{2FFFD}'
        | '\u{30000}'..='\u{3FFFD}')
}

impl<B: Backend> Backend for WideCells<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(drawn_closer(content))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::text::Line;
    use ratatui::Terminal;

    /// The bytes of drawing `text` on the first row, after a frame of spaces.
    fn drawn(text: &str, wide_cells: bool) -> String {
        let mut bytes = Vec::new();
        {
            let backend = CrosstermBackend::new(&mut bytes);
            let area = ratatui::layout::Rect::new(0, 0, 20, 1);
            let options = ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(area),
            };
            let draw = |frame: &mut ratatui::Frame| {
                frame.render_widget(Line::raw(text), frame.area());
            };
            if wide_cells {
                Terminal::with_options(WideCells::new(backend), options)
                    .unwrap()
                    .draw(draw)
                    .unwrap();
            } else {
                Terminal::with_options(backend, options)
                    .unwrap()
                    .draw(draw)
                    .unwrap();
            }
        }
        String::from_utf8(bytes).unwrap()
    }

    fn moves(bytes: &str) -> usize {
        bytes.matches('H').count()
    }

    #[test]
    fn korean_text_is_written_with_one_cursor_move_and_the_same_cells() {
        // No spaces: a cell left as it was is a gap the cursor must move across anyway.
        let plain = drawn("한국고객ab", false);
        let closer = drawn("한국고객ab", true);
        assert!(
            moves(&plain) > 1,
            "crossterm alone moves after each: {plain:?}"
        );
        assert_eq!(moves(&closer), 1, "{closer:?}");
        let printed = |bytes: &str| bytes.replace(|c: char| c.is_ascii_control(), "");
        assert!(printed(&closer).contains("한국고객ab"), "{closer:?}");
        assert!(closer.len() < plain.len());
    }

    #[test]
    fn after_an_emoji_and_across_a_gap_the_cursor_still_moves() {
        let content = [
            (0, 0, Cell::new("😀")),
            (2, 0, Cell::new("a")),
            (5, 0, Cell::new("b")),
            (0, 1, Cell::new("가")),
            (2, 1, Cell::new("c")),
            (3, 1, Cell::new("d")),
            (9, 1, Cell::new("e")),
        ];
        let handed: Vec<(u16, u16)> = drawn_closer(content.iter().map(|(x, y, c)| (*x, *y, c)))
            .map(|(x, y, _)| (x, y))
            .collect();
        assert_eq!(
            handed,
            [(0, 0), (2, 0), (5, 0), (0, 1), (1, 1), (2, 1), (9, 1)]
        );
    }
}
