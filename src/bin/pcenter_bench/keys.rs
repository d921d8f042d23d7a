//! Keys on the Customers list of a dashboard whose directory is complete: each key goes
//! through the session (app core and store) and is followed by a frame, and the pair is timed.

use crate::dash::{draw, press, terminal};
use crate::stats::ms;
use crate::Fallible;
use pcenter::app::session::Session;
use ratatui::crossterm::event::KeyCode;
use std::time::Instant;

/// Typed into the filter one key at a time, each erased again with Backspace: common and rare
/// text, one letter that matches most customers, and words in other scripts.
pub const FILTER_WORDS: [&str; 6] = ["contoso", "bäckerei", "a", "e", "山田", "co"];

/// Times the filter words are typed and erased, so the p99 is not just the slowest key.
const FILTER_ROUNDS: usize = 3;

/// Milliseconds of each key and the frame after it.
pub struct KeyTimes {
    pub samples: Vec<f64>,
}

/// Whether the session follows the core's notices between keys, drawing a frame when there
/// were any, as the shell does when it is woken (untimed: the keys are what is measured).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notices {
    Ignored,
    Followed,
}

fn key_and_frame(session: &mut Session, codes: &[KeyCode], notices: Notices) -> Fallible<KeyTimes> {
    let mut terminal = terminal()?;
    draw(&mut terminal, &session.app)?;
    let mut samples = Vec::with_capacity(codes.len());
    for &code in codes {
        if notices == Notices::Followed && session.follow() {
            draw(&mut terminal, &session.app)?;
        }
        let started = Instant::now();
        press(session, code);
        draw(&mut terminal, &session.app)?;
        samples.push(ms(started.elapsed()));
    }
    Ok(KeyTimes { samples })
}

/// `/`, then each of [`FILTER_WORDS`] typed and erased ([`FILTER_ROUNDS`] times), then Esc
/// to leave the filter.
pub fn filter_keys() -> Vec<KeyCode> {
    let mut codes = vec![KeyCode::Char('/')];
    for _ in 0..FILTER_ROUNDS {
        for word in FILTER_WORDS {
            codes.extend(word.chars().map(KeyCode::Char));
            codes.extend(word.chars().map(|_| KeyCode::Backspace));
        }
    }
    codes.push(KeyCode::Esc);
    codes
}

/// PageDown ×200, End, Home, Down ×100, with no filter.
pub fn scroll_keys() -> Vec<KeyCode> {
    let mut codes = vec![KeyCode::PageDown; 200];
    codes.extend([KeyCode::End, KeyCode::Home]);
    codes.extend([KeyCode::Down; 100]);
    codes
}

/// Types the filter words; the filter is empty and closed again at the end.
pub fn filter(session: &mut Session, notices: Notices) -> Fallible<KeyTimes> {
    let times = key_and_frame(session, &filter_keys(), notices)?;
    let list = &session.app.ctx.customers;
    if list.filtering || !list.filter.value().is_empty() {
        return Err("the filter did not close after the filter keys".into());
    }
    Ok(times)
}

/// Scrolls the whole list; starts from the top with no filter.
pub fn scroll(session: &mut Session) -> Fallible<KeyTimes> {
    key_and_frame(session, &scroll_keys(), Notices::Ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_keys_open_type_erase_and_close() {
        let keys = filter_keys();
        let typed: usize = FILTER_WORDS.iter().map(|w| w.chars().count()).sum();
        assert_eq!(keys.len(), 1 + FILTER_ROUNDS * 2 * typed + 1);
        assert_eq!(keys[0], KeyCode::Char('/'));
        assert_eq!(keys.last(), Some(&KeyCode::Esc));
        assert_eq!(scroll_keys().len(), 302);
    }
}
