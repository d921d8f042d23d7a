//! Reading CSV (RFC 4180) one line at a time: a UTF-8 byte order mark, any line end (CRLF, LF,
//! or CR alone as old Mac spreadsheets write it, mixed in one file or not), and quoted fields
//! holding commas and doubled quotes. A record is one line: a quoted field may not hold a line
//! break here (an export never writes one), so a quote left open spoils its own line only, not
//! every line after it.
//!
//! Lenient where spreadsheets are: a quote inside an unquoted field, or text after a closing
//! quote, is kept as it stands.
//!
//! Memory stays bounded whatever the file: a line longer than `LINE_MAX` is not kept, only
//! reported, and reading goes on at the next line.

use super::problem::RowProblem;
use std::io::{self, BufRead};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The longest line read, in bytes: far more than a row of the export's columns (a few hundred
/// bytes) and any columns a spreadsheet adds to it.
pub const LINE_MAX: usize = 1 << 20;

/// One record and its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Record {
    /// A line with nothing on it.
    pub fn is_blank(&self) -> bool {
        self.fields.len() == 1 && self.fields[0].is_empty()
    }
}

/// A record that cannot be read; the records after it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// A quoted field opened on `line` is still open at its end.
    Unclosed { line: usize },
    /// The record on `line` is not UTF-8 text.
    NotUtf8 { line: usize },
    /// The line is longer than `LINE_MAX` bytes.
    TooLong { line: usize },
}

impl Malformed {
    pub fn line(&self) -> usize {
        match self {
            Malformed::Unclosed { line }
            | Malformed::NotUtf8 { line }
            | Malformed::TooLong { line } => *line,
        }
    }

    /// Why the record cannot be imported.
    pub fn problem(&self) -> RowProblem {
        match self {
            Malformed::Unclosed { .. } => RowProblem::UnclosedQuote,
            Malformed::NotUtf8 { .. } => RowProblem::NotUtf8,
            Malformed::TooLong { .. } => RowProblem::TooLong,
        }
    }
}

/// What reading one record gives.
#[derive(Debug)]
pub enum Read {
    Record(Record),
    Malformed(Malformed),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first of two quotes.
    QuoteInQuoted,
}

pub struct Reader<R> {
    input: R,
    /// The physical line the next read starts on.
    next_line: usize,
    line: Vec<u8>,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input,
            next_line: 1,
            line: Vec::new(),
        }
    }

    /// The next record, `None` at the end of the input; an `Err` only when reading fails.
    pub fn read(&mut self) -> io::Result<Option<Read>> {
        let line = self.next_line;
        let Some(complete) = self.read_line()? else {
            return Ok(None);
        };
        self.next_line += 1;
        if !complete {
            return Ok(Some(Read::Malformed(Malformed::TooLong { line })));
        }
        let mut text = self.line.as_slice();
        if line == 1 {
            text = text.strip_prefix(BOM).unwrap_or(text);
        }
        let mut fields: Vec<Vec<u8>> = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut state = State::FieldStart;
        for &byte in text {
            state = step(state, byte, &mut field, &mut fields);
        }
        if state == State::Quoted {
            return Ok(Some(Read::Malformed(Malformed::Unclosed { line })));
        }
        fields.push(field);
        let fields: Result<Vec<String>, _> = fields.into_iter().map(String::from_utf8).collect();
        Ok(Some(match fields {
            Ok(fields) => Read::Record(Record { line, fields }),
            Err(_) => Read::Malformed(Malformed::NotUtf8 { line }),
        }))
    }
}

impl<R: BufRead> Reader<R> {
    /// Reads one line into `self.line`, without its line end (CRLF, LF or CR). `None` at the
    /// end of the input; `Some(false)` when the line was longer than `LINE_MAX`, whose bytes
    /// past the limit were read and dropped.
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        self.line.clear();
        let (mut any, mut complete) = (false, true);
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buffer.is_empty() {
                return Ok(any.then_some(complete));
            }
            any = true;
            let end = memchr::memchr2(b'\n', b'\r', buffer);
            let content = &buffer[..end.unwrap_or(buffer.len())];
            if self.line.len() + content.len() <= LINE_MAX {
                self.line.extend_from_slice(content);
            } else {
                complete = false;
            }
            let Some(end) = end else {
                let used = buffer.len();
                self.input.consume(used);
                continue;
            };
            let carriage_return = buffer[end] == b'\r';
            self.input.consume(end + 1);
            if carriage_return && self.next_byte_is(b'\n')? {
                self.input.consume(1);
            }
            return Ok(Some(complete));
        }
    }

    fn next_byte_is(&mut self, wanted: u8) -> io::Result<bool> {
        loop {
            match self.input.fill_buf() {
                Ok(buffer) => return Ok(buffer.first() == Some(&wanted)),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

fn step(state: State, byte: u8, field: &mut Vec<u8>, fields: &mut Vec<Vec<u8>>) -> State {
    use State::*;
    match (state, byte) {
        (FieldStart, b'"') => Quoted,
        (FieldStart | Unquoted | QuoteInQuoted, b',') => {
            fields.push(std::mem::take(field));
            FieldStart
        }
        (Quoted, b'"') => QuoteInQuoted,
        (QuoteInQuoted, b'"') => {
            field.push(b'"');
            Quoted
        }
        (Quoted, _) => {
            field.push(byte);
            Quoted
        }
        (FieldStart | Unquoted | QuoteInQuoted, _) => {
            field.push(byte);
            Unquoted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> Vec<Read> {
        let mut reader = Reader::new(input);
        let mut all = Vec::new();
        while let Some(read) = reader.read().unwrap() {
            all.push(read);
        }
        all
    }

    /// Every record as (line, fields); panics on a malformed one.
    fn records(input: &str) -> Vec<(usize, Vec<String>)> {
        read_all(input.as_bytes())
            .into_iter()
            .map(|read| match read {
                Read::Record(r) => (r.line, r.fields),
                Read::Malformed(m) => panic!("malformed: {m:?}"),
            })
            .collect()
    }

    fn row(line: usize, fields: &[&str]) -> (usize, Vec<String>) {
        (line, fields.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn plain_records_split_on_commas_with_lf_or_crlf() {
        assert_eq!(
            records("a,b,c\n1,,3\r\nx,y,z"),
            vec![
                row(1, &["a", "b", "c"]),
                row(2, &["1", "", "3"]),
                row(3, &["x", "y", "z"])
            ]
        );
        assert_eq!(records(""), vec![]);
        assert_eq!(records("a,\n"), vec![row(1, &["a", ""])]);
    }

    #[test]
    fn every_line_end_ends_a_record_cr_alone_too_and_mixed() {
        let expected = vec![
            row(1, &["h", "i"]),
            row(2, &["a", "b"]),
            row(3, &["c", "d"]),
        ];
        for input in [
            "h,i\ra,b\rc,d\r",
            "h,i\ra,b\rc,d",
            "h,i\r\na,b\nc,d\r",
            "h,i\na,b\r\nc,d",
        ] {
            assert_eq!(records(input), expected, "{input:?}");
        }
        // A blank line between two CRs, as between two LFs.
        let lines: Vec<usize> = records("h\r\ra\r").into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, vec![1, 2, 3]);
    }

    #[test]
    fn a_line_end_split_across_reads_is_one_line_end() {
        // A reader that hands out one byte at a time splits CRLF between two reads.
        let input = b"h,i\r\na,b\r\n";
        let mut reader = Reader::new(io::BufReader::with_capacity(1, &input[..]));
        let mut lines = Vec::new();
        while let Some(Read::Record(record)) = reader.read().unwrap() {
            lines.push((record.line, record.fields));
        }
        assert_eq!(lines, vec![row(1, &["h", "i"]), row(2, &["a", "b"])]);
    }

    #[test]
    fn a_line_past_the_limit_is_reported_without_being_kept_and_reading_goes_on() {
        let mut input = b"h\n".to_vec();
        input.resize(input.len() + LINE_MAX + 10, b'x');
        input.extend_from_slice(b"\rnext,row\n");
        let mut reader = Reader::new(io::BufReader::with_capacity(4096, input.as_slice()));
        assert!(matches!(reader.read().unwrap(), Some(Read::Record(_))));
        assert!(matches!(
            reader.read().unwrap(),
            Some(Read::Malformed(Malformed::TooLong { line: 2 }))
        ));
        assert!(reader.line.len() <= LINE_MAX);
        assert!(
            matches!(reader.read().unwrap(), Some(Read::Record(r)) if r.line == 3 && r.fields == ["next", "row"])
        );
        assert!(reader.read().unwrap().is_none());
        let exactly = "x".repeat(LINE_MAX);
        assert_eq!(records(&exactly), vec![row(1, &[exactly.as_str()])]);
    }

    #[test]
    fn a_byte_order_mark_is_dropped_from_the_first_field_only() {
        let input = "\u{feff}TenantId,Domain\r\n\u{feff}x,y\r\n";
        assert_eq!(
            records(input),
            vec![row(1, &["TenantId", "Domain"]), row(2, &["\u{feff}x", "y"])]
        );
    }

    #[test]
    fn quoted_fields_hold_commas_and_quotes() {
        let input = "\"Müller, Söhne\",\"say \"\"hi\"\"\"\r\nnext,\"\"\n";
        assert_eq!(
            records(input),
            vec![
                row(1, &["Müller, Söhne", "say \"hi\""]),
                row(2, &["next", ""]),
            ]
        );
    }

    #[test]
    fn records_name_their_line() {
        let input = "h\na\n\ne\n";
        let lines: Vec<usize> = records(input).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, vec![1, 2, 3, 4]);
        let blank = read_all(input.as_bytes());
        assert!(matches!(&blank[2], Read::Record(r) if r.is_blank()));
    }

    #[test]
    fn stray_quotes_are_kept_as_they_stand() {
        assert_eq!(
            records("O\"Brien,\"Jr\"x,a\"b\"\n"),
            vec![row(1, &["O\"Brien", "Jrx", "a\"b\""])]
        );
    }

    #[test]
    fn an_unclosed_quote_spoils_its_own_line_only() {
        let reads = read_all(b"h\n\"open,\nnext,\"two\"\"\"\nok,\"open");
        assert_eq!(reads.len(), 4);
        assert!(matches!(
            &reads[1],
            Read::Malformed(Malformed::Unclosed { line: 2 })
        ));
        assert!(
            matches!(&reads[2], Read::Record(r) if r.line == 3 && r.fields == ["next", "two\""])
        );
        assert!(matches!(
            &reads[3],
            Read::Malformed(Malformed::Unclosed { line: 4 })
        ));
    }

    #[test]
    fn a_record_that_is_not_utf8_is_reported_and_reading_goes_on() {
        let reads = read_all(b"h\nM\xfcller,x\nok,y\n");
        assert!(matches!(
            &reads[1],
            Read::Malformed(Malformed::NotUtf8 { line: 2 })
        ));
        assert!(matches!(&reads[2], Read::Record(r) if r.line == 3 && r.fields == ["ok", "y"]));
    }
}
