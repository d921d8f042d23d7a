//! Tables for people: the rows, then how many there are; or one line saying there are none.

use super::output;
use std::io::{self, Write};

/// "1 customer", "3 customers".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a table counts, in the singular and the plural, and what it says when it is empty.
pub struct Counted {
    pub one: &'static str,
    pub many: &'static str,
    pub none: &'static str,
}

/// The table with a count line after it, or `what.none` alone when there are no rows.
pub fn counted_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    what: &Counted,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", what.none);
    }
    output::table(out, header, rows)?;
    writeln!(out, "{}", count(rows.len(), what.one, what.many))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERS: Counted = Counted {
        one: "offer",
        many: "offers",
        none: "No offers.",
    };

    #[test]
    fn a_table_ends_with_its_count_and_an_empty_one_says_so() {
        let mut out = Vec::new();
        counted_table(&mut out, &["Offer"], &[vec!["E3".into()]], &OFFERS).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "Offer\nE3\n1 offer\n");
        let mut out = Vec::new();
        counted_table(&mut out, &["Offer"], &[], &OFFERS).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "No offers.\n");
        assert_eq!(count(2, "offer", "offers"), "2 offers");
    }
}
