//! Tables for a person at a terminal, fitted to its width: shorter headers first, then the
//! columns a person needs least are left out, then long names are cut with "…". Written to a
//! pipe or a file, a table keeps every column whole.

use crate::domain::characters::escaped;
use crate::locale::words::CommandWords;
use crate::ui::text;
use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;

/// One column of a table for people.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    /// The header where the table must be narrowed ("Agreement" for "Microsoft cloud
    /// agreement").
    pub short: &'static str,
    /// Left out, in this order (1 first), where the table does not fit; `None`: always shown.
    pub drop: Option<u8>,
    /// Whether its values may be cut with "…" (names, addresses; never IDs, dates or counts).
    pub cut: bool,
}

/// The header of a table's agreement column on the business date `date`: from October 1, 2019
/// two agreements exist, and the column says which one counts.
pub fn agreement_header(words: &CommandWords, date: chrono::NaiveDate) -> &'static str {
    match crate::domain::timeline::AgreementEra::on(date) {
        crate::domain::timeline::AgreementEra::CloudAgreement => words.cloud_agreement,
        _ => words.agreement_confirmed,
    }
}

/// Once two agreements exist, a table names the agreement a confirmed customer is in force
/// with in a word ("Customer Agreement", under "Agreement confirmed"), as the dashboard's list
/// does, so that it fits 80 columns; JSON and CSV keep the whole status.
pub fn agreement_in_a_word(
    status: crate::domain::status::AgreementStatus,
    agreement: Option<crate::domain::agreement::AgreementKind>,
    as_of: chrono::NaiveDate,
    terms: &crate::locale::words::Terms,
) -> Option<&'static str> {
    crate::domain::status::confirmed_of(status, agreement, as_of)
        .map(|kind| terms.agreement_name_short(kind))
}

/// The agreement status in a cell: in a word in a table (`in_table`, the terms of its
/// language) when the customer is confirmed, else the whole status in `words`.
pub fn status_cell(
    status: crate::domain::status::AgreementStatus,
    agreement: Option<crate::domain::agreement::AgreementKind>,
    as_of: chrono::NaiveDate,
    words: &CommandWords,
    in_table: Option<&crate::locale::words::Terms>,
) -> String {
    in_table
        .and_then(|terms| agreement_in_a_word(status, agreement, as_of, terms))
        .map_or_else(|| (words.status)(status, agreement, as_of), str::to_string)
}

impl Column {
    /// A column always shown whole, under one header.
    pub const fn kept(header: &'static str) -> Column {
        Column {
            header,
            short: header,
            drop: None,
            cut: false,
        }
    }

    pub const fn short(self, short: &'static str) -> Column {
        Column { short, ..self }
    }

    pub const fn dropped(self, order: u8) -> Column {
        Column {
            drop: Some(order),
            ..self
        }
    }

    pub const fn cut(self) -> Column {
        Column { cut: true, ..self }
    }
}

/// The narrowest a cut column gets.
const MIN_CUT: usize = 12;
/// Columns between two columns.
const GAP: usize = 2;

/// The width of the terminal standard output writes to, or `None` for a pipe or a file (where
/// a table keeps every column). `COLUMNS` overrides the terminal's own width. For a command run
/// for another pcenter, its width, as that pcenter found it (see `caller`).
pub fn terminal_columns() -> Option<usize> {
    if let Some(callers) = crate::caller::stdout_columns() {
        return callers;
    }
    let stdout = io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<usize>().ok());
    from_env
        .or_else(|| {
            rustix::termios::tcgetwinsize(stdout.as_fd())
                .ok()
                .map(|size| usize::from(size.ws_col))
        })
        .filter(|&columns| columns > 0)
}

/// How a table is shown: which columns, how wide, under which headers.
#[derive(Debug, PartialEq, Eq)]
struct Layout {
    shown: Vec<usize>,
    widths: Vec<usize>,
    short: bool,
    cut: bool,
}

impl Layout {
    fn total(&self) -> usize {
        self.shown.iter().map(|&c| self.widths[c]).sum::<usize>()
            + GAP * self.shown.len().saturating_sub(1)
    }
}

fn layout(columns: &[Column], rows: &[Vec<String>], width: Option<usize>) -> Layout {
    let natural = |short: bool| -> Vec<usize> {
        columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let header = if short { column.short } else { column.header };
                rows.iter()
                    .filter_map(|row| row.get(i))
                    .map(|cell| text::width(cell))
                    .chain([text::width(header)])
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    };
    let mut fitted = Layout {
        shown: (0..columns.len()).collect(),
        widths: natural(false),
        short: false,
        cut: false,
    };
    let Some(width) = width else {
        return fitted;
    };
    if fitted.total() <= width {
        return fitted;
    }
    fitted.widths = natural(true);
    fitted.short = true;
    let mut droppable: Vec<(u8, usize)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, column)| column.drop.map(|order| (order, i)))
        .collect();
    droppable.sort();
    for (_, column) in droppable {
        if fitted.total() <= width {
            break;
        }
        fitted.shown.retain(|&c| c != column);
    }
    while fitted.total() > width {
        // The widest cut column gives a column, until each is at its narrowest.
        let widest = fitted
            .shown
            .iter()
            .copied()
            .filter(|&c| columns[c].cut && fitted.widths[c] > MIN_CUT)
            .max_by_key(|&c| (fitted.widths[c], std::cmp::Reverse(c)));
        match widest {
            Some(column) => {
                fitted.widths[column] -= 1;
                fitted.cut = true;
            }
            None => break,
        }
    }
    fitted
}

/// Writes the table, fitted to `width` columns when given; returns what a person should know
/// when it was narrowed (which columns were left out, and how to see them), to print after it.
pub fn write(
    out: &mut dyn Write,
    columns: &[Column],
    rows: &[Vec<String>],
    words: &CommandWords,
    width: Option<usize>,
) -> io::Result<Option<String>> {
    // A hidden character of a cell is written as its escape (`\u{1b}`), as in every line of
    // the commands, and measured as such.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| escaped(cell).into_owned()).collect())
        .collect();
    let rows = rows.as_slice();
    let fitted = layout(columns, rows, width);
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = fitted
            .shown
            .iter()
            .map(|&c| {
                let cell = cells.get(c).copied().unwrap_or("");
                text::pad(&text::truncate(cell, fitted.widths[c]), fitted.widths[c])
            })
            .collect();
        padded.join(&" ".repeat(GAP)).trim_end().to_string()
    };
    let headers: Vec<&str> = columns
        .iter()
        .map(|c| if fitted.short { c.short } else { c.header })
        .collect();
    writeln!(out, "{}", line(headers))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    let left_out: Vec<&str> = (0..columns.len())
        .filter(|c| !fitted.shown.contains(c))
        .map(|c| columns[c].header)
        .collect();
    if left_out.is_empty() && !fitted.cut {
        return Ok(None);
    }
    let mut narrowed = vec![];
    if !left_out.is_empty() {
        narrowed.push((words.left_out)(&left_out));
    }
    if fitted.cut {
        narrowed.push(words.cut_short.to_string());
    }
    let width = width.unwrap_or(0);
    let note = (words.fitted)(width, &narrowed);
    Ok(Some(wrapped(&note, Some(width))))
}

/// A sentence said after a table, wrapped to the terminal's width when there is one.
pub fn wrapped(sentence: &str, width: Option<usize>) -> String {
    match width {
        Some(width) => text::wrap(sentence, width).join("\n"),
        None => sentence.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static CommandWords {
        &crate::locale::Lang::English.words().commands
    }

    const COLUMNS: [Column; 4] = [
        Column::kept("Tenant ID").dropped(1),
        Column::kept("Company name").cut(),
        Column::kept("Microsoft cloud agreement").short("Agreement"),
        Column::kept("Subscriptions").short("Subs").dropped(2),
    ];

    fn rows() -> Vec<Vec<String>> {
        vec![
            vec![
                "fe0e4530-e0ad-4129-a988-c58b08a08918".into(),
                "Adventure Works Cycles International".into(),
                "Not confirmed".into(),
                "3".into(),
            ],
            vec![
                "71f38dd5-9faf-45ed-95e8-75334d80b000".into(),
                "한빛물류 주식회사 부산 지점".into(),
                "Confirmed".into(),
                "12".into(),
            ],
        ]
    }

    #[test]
    fn hidden_characters_in_cells_are_written_as_escapes_and_aligned() {
        let columns = [Column::kept("Company"), Column::kept("Status")];
        let rows = [
            vec!["Evil\u{202E}Corp\x1b[2J".into(), "x".into()],
            vec!["Zoë".into(), "y".into()],
        ];
        let mut out = Vec::new();
        write(&mut out, &columns, &rows, english(), None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Company                    Status\nEvil\\u{202e}Corp\\u{1b}[2J  x\nZoë                        y\n"
        );
    }

    fn written(width: Option<usize>) -> (String, Option<String>) {
        let mut out = Vec::new();
        let note = write(&mut out, &COLUMNS, &rows(), english(), width).unwrap();
        (String::from_utf8(out).unwrap(), note)
    }

    #[test]
    fn tables_align_wide_characters() {
        let mut out = Vec::new();
        let columns = [Column::kept("Company"), Column::kept("Status")];
        let rows = [
            vec!["한빛물류".into(), "Confirmed".into()],
            vec!["Zoë".into(), "Not confirmed".into()],
        ];
        write(&mut out, &columns, &rows, english(), None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Company   Status\n한빛물류  Confirmed\nZoë       Not confirmed\n"
        );
    }

    #[test]
    fn without_a_width_every_column_is_whole() {
        let (table, note) = written(None);
        assert!(table.starts_with("Tenant ID  "), "{table}");
        assert!(table.contains("Microsoft cloud agreement  Subscriptions"));
        assert!(table.contains("Adventure Works Cycles International"));
        assert_eq!(note, None);
        assert_eq!(
            written(Some(500)),
            (table, None),
            "a wide terminal changes nothing"
        );
    }

    #[test]
    fn a_narrow_terminal_shortens_headers_then_leaves_columns_out_then_cuts_names() {
        let (table, note) = written(Some(60));
        assert_eq!(
            table,
            "Company name                          Agreement      Subs\n\
             Adventure Works Cycles International  Not confirmed  3\n\
             한빛물류 주식회사 부산 지점           Confirmed      12\n"
        );
        assert_eq!(
            note.as_deref(),
            Some(
                "Fitted to 60 columns (Tenant ID left out): widen the\n\
                 terminal, or pipe the output or use --format csv, to see\n\
                 every column whole."
            )
        );
        let (table, note) = written(Some(40));
        assert_eq!(
            table,
            "Company name               Agreement\n\
             Adventure Works Cycles I…  Not confirmed\n\
             한빛물류 주식회사 부산 …   Confirmed\n"
        );
        let note = note.unwrap();
        assert!(
            note.replace('\n', " ").starts_with(
                "Fitted to 40 columns (Tenant ID and Subscriptions left out, long values cut short with …): "
            ),
            "{note}"
        );
        assert!(note.lines().all(|line| text::width(line) <= 40), "{note}");
    }

    #[test]
    fn a_korean_table_is_fitted_under_korean_headings_and_says_so_in_korean() {
        let words = &crate::locale::Lang::Korean.words().commands;
        let columns = [
            Column::kept(words.tenant_id).dropped(1),
            Column::kept(words.company_name).cut(),
            Column::kept(words.cloud_agreement).short(words.agreement_short),
        ];
        let mut out = Vec::new();
        let note = write(&mut out, &columns, &rows(), words, Some(30)).unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(table.starts_with("회사 이름"), "{table}");
        assert!(table.contains("계약"), "{table}");
        let note = note.unwrap().replace('\n', " ");
        assert!(
            note.starts_with("터미널 너비 30열에 맞췄습니다(테넌트 ID 열 생략, 긴 값은 …로 줄임)."),
            "{note}"
        );
    }

    #[test]
    fn wide_characters_are_cut_whole_and_every_line_fits() {
        for width in [27, 30, 45, 59, 61, 80] {
            let (table, _) = written(Some(width));
            for line in table.lines() {
                assert!(text::width(line) <= width, "{width}: {line:?}");
            }
        }
        let (table, _) = written(Some(30));
        assert!(table.contains("\n한빛물류 주식…   Confirmed\n"), "{table}");
    }

    #[test]
    fn a_table_that_cannot_fit_keeps_its_uncut_columns_whole() {
        let (table, _) = written(Some(10));
        assert!(table.contains("Not confirmed"), "{table}");
        assert!(
            table.contains("Adventure W…"),
            "cut no narrower than 12: {table}"
        );
    }
}
