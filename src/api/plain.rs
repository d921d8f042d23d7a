//! Tables for people: the rows, then how many there are; or one line saying there are none.

use super::fit::{self, Column};
use std::io::{self, Write};

/// "1 customer", "3 customers".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a table counts, in the singular and the plural, and what it says when it is empty.
pub struct Counted<'a> {
    pub one: &'a str,
    pub many: &'a str,
    pub none: &'a str,
}

/// The table, fitted to `width` columns when given (see `fit`), with a count line after it;
/// or `what.none` alone when there are no rows.
pub fn counted_table(
    out: &mut dyn Write,
    columns: &[Column],
    rows: &[Vec<String>],
    what: &Counted,
    width: Option<usize>,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", what.none);
    }
    let narrowed = fit::write(out, columns, rows, width)?;
    writeln!(out, "{}", count(rows.len(), what.one, what.many))?;
    match narrowed {
        Some(note) => writeln!(out, "{note}"),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERS: Counted<'static> = Counted {
        one: "offer",
        many: "offers",
        none: "No offers.",
    };

    #[test]
    fn a_table_ends_with_its_count_and_an_empty_one_says_so() {
        let mut out = Vec::new();
        let columns = [Column::kept("Offer")];
        counted_table(&mut out, &columns, &[vec!["E3".into()]], &OFFERS, None).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "Offer\nE3\n1 offer\n");
        let mut out = Vec::new();
        counted_table(&mut out, &columns, &[], &OFFERS, Some(80)).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "No offers.\n");
        assert_eq!(count(2, "offer", "offers"), "2 offers");
    }
}
