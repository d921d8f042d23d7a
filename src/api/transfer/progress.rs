//! A one-line progress bar for long imports, redrawn in place with `\r` each time the
//! percentage changes (at most 101 times however large the file), and cleared at the end.
//! Before it starts, the same line can say what is being done (`Reading FILE…`). It is drawn on
//! the standard error of the pcenter the command runs for (see `caller`): never on the screen
//! of a dashboard that runs the command for another pcenter.

use crate::caller;
use crate::locale::words::CommandWords;
use crate::locale::Lang;
use std::io::Write;

/// Files with more rows than this show a bar; smaller ones finish before it would help.
pub const LARGE: usize = 1_000;

const WIDTH: usize = 30;

pub struct Progress {
    sink: Option<Box<dyn Write>>,
    total: usize,
    done: usize,
    /// The percentage last drawn.
    shown: Option<usize>,
    /// Whether the bar is on screen now.
    visible: bool,
    /// The words of its count of rows.
    words: &'static CommandWords,
}

impl Progress {
    /// A bar on standard error when it is a terminal and the file is large; otherwise silent.
    /// Its count of rows in `words`.
    pub fn on_stderr(total: usize, words: &'static CommandWords) -> Progress {
        let show = total > LARGE && caller::stderr_is_terminal();
        let mut progress = Progress::to(show.then(caller::stderr), total);
        progress.words = words;
        progress
    }

    /// A bar on standard error, when it is a terminal, for a command that prints lines on
    /// standard output while it runs, as an import does: cleared before each block of lines
    /// and drawn again after it, so that on one screen the two never mix. Its total is set by
    /// `start`.
    pub fn beside_stdout(words: &'static CommandWords) -> Progress {
        let show = caller::stderr_is_terminal();
        let mut progress = Progress::to(show.then(caller::stderr), 0);
        progress.words = words;
        progress
    }

    pub fn to(sink: Option<Box<dyn Write>>, total: usize) -> Progress {
        Progress {
            sink,
            total,
            done: 0,
            shown: None,
            visible: false,
            words: &Lang::English.words().commands,
        }
    }

    /// Says what is being done on the bar's line until the bar starts (or it is cleared).
    pub fn note(&mut self, text: &str) {
        self.draw(&format!("\r\x1b[2K{text}"));
        self.visible = true;
    }

    /// Starts the bar for `total` rows, in place of the note; a bar for few rows is not shown.
    pub fn start(&mut self, total: usize) {
        self.clear();
        self.total = total;
        if total <= LARGE {
            self.sink = None;
        }
    }

    /// Draws the bar again after other output (which `clear` made room for), so that it stays
    /// on screen below that output; nothing before the first row.
    pub fn redraw(&mut self) {
        if !self.visible && self.shown.is_some() {
            self.draw(&format!("\r{}", line_in(self.done, self.total, self.words)));
            self.visible = true;
        }
    }

    /// One more row done.
    pub fn advance(&mut self) {
        self.done += 1;
        let percent = self.done * 100 / self.total.max(1);
        if self.shown != Some(percent) {
            self.draw(&format!("\r{}", line_in(self.done, self.total, self.words)));
            self.shown = Some(percent);
            self.visible = true;
        }
    }

    /// Takes the bar (or the note) off the screen, before other output and at the end.
    pub fn clear(&mut self) {
        if self.visible {
            self.draw("\r\x1b[2K");
            self.visible = false;
        }
    }

    fn draw(&mut self, text: &str) {
        if let Some(sink) = &mut self.sink {
            // A progress bar that cannot be drawn is not worth stopping an import for.
            let _ = sink.write_all(text.as_bytes()).and_then(|_| sink.flush());
        }
    }
}

/// An import stopped by an error leaves no bar behind.
impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

/// `[##########                    ]  33% 1000 of 3000 rows`
#[cfg(test)]
pub fn line(done: usize, total: usize) -> String {
    line_in(done, total, &Lang::English.words().commands)
}

/// The bar with its count of rows in `words`.
fn line_in(done: usize, total: usize, words: &CommandWords) -> String {
    let total = total.max(1);
    let filled = done.min(total) * WIDTH / total;
    format!(
        "[{}{}] {:>3}% {}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        done * 100 / total,
        (words.rows_done)(done, total)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Screen(Arc<Mutex<Vec<u8>>>);

    impl Write for Screen {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_line_shows_the_share_done() {
        assert_eq!(
            line(1000, 3000),
            "[##########                    ]  33% 1000 of 3000 rows"
        );
        assert_eq!(line(0, 0), format!("[{}]   0% 0 of 1 rows", " ".repeat(30)));
    }

    #[test]
    fn a_bar_on_standard_error_counts_rows_in_the_words_it_is_given() {
        let korean = &Lang::Korean.words().commands;
        let progress = Progress::on_stderr(3000, korean);
        assert!(std::ptr::eq(progress.words, korean));
        assert!(line_in(1000, 3000, progress.words).ends_with(" 33% 3000행 중 1000행"));
    }

    #[test]
    fn the_bar_is_redrawn_once_per_percent_and_cleared_at_the_end() {
        let screen = Screen::default();
        let mut progress = Progress::to(Some(Box::new(screen.clone())), 5_000);
        for _ in 0..5_000 {
            progress.advance();
        }
        progress.clear();
        progress.clear();
        let text = String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text.matches('\r').count(), 101 + 1, "{text}");
        assert!(text.ends_with("100% 5000 of 5000 rows\r\x1b[2K"), "{text}");
        assert!(text.starts_with("\r[                              ]   0% 1 of 5000"));
    }

    #[test]
    fn output_between_rows_does_not_add_redraws() {
        let screen = Screen::default();
        let mut progress = Progress::to(Some(Box::new(screen.clone())), 2_000);
        for _ in 0..2_000 {
            progress.clear(); // as before printing a row's line
            progress.advance();
        }
        progress.clear();
        let text = String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text.matches("\r[").count(), 101, "one draw per percent");
        assert_eq!(text.matches("\x1b[2K").count(), 101, "one clear per draw");
    }

    #[test]
    fn the_bar_is_the_last_thing_drawn_after_each_block_of_output() {
        let screen = Screen::default();
        let mut progress = Progress::to(Some(Box::new(screen.clone())), 0);
        progress.note("Reading rows.csv…");
        progress.start(200_000);
        let text = || String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text(), "\r\x1b[2KReading rows.csv…\r\x1b[2K");
        for block in 1..=200 {
            for _ in 0..1_000 {
                progress.advance();
            }
            progress.clear();
            screen
                .0
                .lock()
                .unwrap()
                .extend_from_slice(b"line: printed\n");
            progress.redraw();
            let done = block * 1_000;
            let bar = format!("\r{}", line(done, 200_000));
            assert!(
                text().ends_with(&format!("printed\n{bar}")),
                "block {block}"
            );
        }
        progress.clear();
        assert!(text().ends_with("200000 of 200000 rows\r\x1b[2K"));
    }

    #[test]
    fn a_bar_for_few_rows_is_not_shown_but_the_note_is_cleared() {
        let screen = Screen::default();
        let mut progress = Progress::to(Some(Box::new(screen.clone())), 0);
        progress.note("Reading");
        progress.start(LARGE);
        progress.advance();
        progress.redraw();
        progress.clear();
        let text = String::from_utf8(screen.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text, "\r\x1b[2KReading\r\x1b[2K");
    }

    #[test]
    fn a_silent_bar_writes_nothing() {
        let mut progress = Progress::to(None, 10);
        progress.advance();
        progress.clear();
        assert_eq!(progress.done, 1);
    }
}
