//! Tables for people: the rows, then how many there are; or one line saying there are none.

use super::fit::{self, Column};
use crate::locale::words::CommandWords;
use std::io::{self, Write};

/// What a table counts ("3 customers"), and what it says when it is empty.
pub struct Counted<'a> {
    pub count: fn(usize) -> String,
    pub none: &'a str,
}

/// The table, fitted to `width` columns when given (see `fit`), with a count line after it;
/// or `what.none` alone when there are no rows.
pub fn counted_table(
    out: &mut dyn Write,
    columns: &[Column],
    rows: &[Vec<String>],
    what: &Counted,
    words: &CommandWords,
    width: Option<usize>,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", what.none);
    }
    let narrowed = fit::write(out, columns, rows, words, width)?;
    writeln!(out, "{}", (what.count)(rows.len()))?;
    match narrowed {
        Some(note) => writeln!(out, "{note}"),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    #[test]
    fn a_table_ends_with_its_count_and_an_empty_one_says_so() {
        let words = &Lang::English.words().commands;
        let offers = Counted {
            count: words.offers_count,
            none: words.no_offers,
        };
        let mut out = Vec::new();
        let columns = [Column::kept("Offer")];
        counted_table(
            &mut out,
            &columns,
            &[vec!["E3".into()]],
            &offers,
            words,
            None,
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "Offer\nE3\n1 offer\n");
        let mut out = Vec::new();
        counted_table(&mut out, &columns, &[], &offers, words, Some(80)).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "No offers.\n");
        assert_eq!((words.offers_count)(2), "2 offers");
    }
}
