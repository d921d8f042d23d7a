//! The import's progress on a terminal, run in a pseudo-terminal the test opens itself: it says
//! it is reading the file first, and its bar is on screen after every block of row lines.

use crate::pty::{open_pty, Dashboard};
use crate::*;
use std::fs::File;
use std::io::Read as _;
use std::process::Stdio;

/// Rows of a file whose every row prints a line: 2,500 rows make two whole blocks and a part.
const ROWS: usize = 2_500;

/// A file of rows without confirmation details: each is skipped, with a line of its own.
fn skipped_rows(dir: &Path) -> PathBuf {
    let rows = vec![",,,,,,"; ROWS].join("\n");
    write(dir, "many.csv", format!("{HEADER}\n{rows}\n").as_bytes())
}

/// What a terminal is sent, in the order sent.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sent {
    /// `\r` and erase the line.
    Clear,
    /// The bar, drawn over the line.
    Bar(String),
    /// Text left on the line without a line break.
    Note(String),
    Line(String),
}

fn sent(raw: &str) -> Vec<Sent> {
    let text = raw.replace("\r\n", "\n");
    let mut rest = text.as_str();
    let mut sent = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\r\x1b[2K") {
            sent.push(Sent::Clear);
            rest = after;
        } else if let Some(after) = rest.strip_prefix('\r') {
            let end = after.find(['\r', '\n']).unwrap_or(after.len());
            sent.push(Sent::Bar(after[..end].to_string()));
            rest = &after[end..];
        } else {
            let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
            if rest[end..].starts_with('\n') {
                sent.push(Sent::Line(rest[..end].to_string()));
                rest = &rest[end + 1..];
            } else {
                sent.push(Sent::Note(rest[..end].to_string()));
                rest = &rest[end..];
            }
        }
    }
    sent
}

#[test]
fn on_a_terminal_the_import_says_it_reads_then_keeps_its_bar_below_the_row_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = skipped_rows(dir.path());
    let args = [
        "--demo",
        "--today",
        TODAY,
        "agreements",
        "import",
        arg(&file),
    ];
    let mut import = Dashboard::start_with(dir.path(), &args);
    let status = import.wait_for_exit();
    assert_eq!(status.code(), Some(0), "{}", import.raw_output());
    let sent = sent(&import.raw_output());

    let reading = format!("Reading {}…", file.display());
    assert_eq!(sent[..3], [Sent::Clear, Sent::Note(reading), Sent::Clear]);
    let summary = format!(
        "Imported {}: 0 created, 0 unchanged, {ROWS} skipped, 0 rejected",
        file.display()
    );
    assert_eq!(sent.last(), Some(&Sent::Line(summary)));
    // Each block of row lines starts on a cleared line and is followed by the bar.
    let mut blocks = 0;
    for (i, token) in sent.iter().enumerate().skip(3) {
        let Sent::Line(line) = token else {
            assert!(!matches!(token, Sent::Note(_)), "{token:?} at {i}");
            continue;
        };
        if !matches!(sent[i - 1], Sent::Line(_)) {
            assert_eq!(
                sent[i - 1],
                Sent::Clear,
                "a block starts on a clear line: {line}"
            );
        }
        let last_row = sent.len() - 2;
        if i < last_row && !matches!(sent[i + 1], Sent::Line(_)) {
            blocks += 1;
            assert!(
                matches!(&sent[i + 1], Sent::Bar(bar) if bar.ends_with(&format!(" of {ROWS} rows"))),
                "after the block ending with {line}: {:?}",
                sent[i + 1]
            );
        }
    }
    assert_eq!(blocks, ROWS / 1_000, "the bar after every whole block");
    let lines = sent.iter().filter(|t| matches!(t, Sent::Line(_))).count();
    assert_eq!(lines, ROWS + 1);
}

#[test]
fn with_standard_output_in_a_file_the_terminal_still_shows_the_bar_and_only_the_bar() {
    let dir = tempfile::tempdir().unwrap();
    let file = skipped_rows(dir.path());
    let (master, slave) = open_pty(80, 24);
    let mut command = pcenter(dir.path());
    command
        .args(["--demo", "agreements", "import", arg(&file)])
        .stdout(Stdio::piped())
        .stderr(Stdio::from(slave));
    let output = command.output().expect("run pcenter");
    drop(command);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).lines().count(), ROWS + 1);
    let mut terminal = File::from(master);
    let mut drawn = Vec::new();
    let _ = terminal.read_to_end(&mut drawn);
    let drawn = String::from_utf8_lossy(&drawn);
    assert!(
        drawn.contains(&format!("Reading {}…", file.display())),
        "{drawn}"
    );
    assert!(drawn.contains(&format!(" of {ROWS} rows")), "{drawn}");
    assert!(
        !drawn.contains("line "),
        "row lines go to the file only: {drawn}"
    );
    assert!(
        drawn.ends_with("\r\x1b[2K"),
        "the bar is cleared at the end: {drawn:?}"
    );
}

#[test]
fn the_reading_note_writes_hidden_characters_of_the_files_path_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "back\x1b]0;owned\x07log.csv",
        format!("{HEADER}\n").as_bytes(),
    );
    let (master, slave) = open_pty(80, 24);
    let mut command = pcenter(dir.path());
    command
        .args(["--demo", "agreements", "import", arg(&file)])
        .stdout(Stdio::piped())
        .stderr(Stdio::from(slave));
    let output = command.output().expect("run pcenter");
    drop(command);
    assert_eq!(output.status.code(), Some(0));
    let mut terminal = File::from(master);
    let mut drawn = Vec::new();
    let _ = terminal.read_to_end(&mut drawn);
    let drawn = String::from_utf8_lossy(&drawn);
    assert!(
        drawn.contains("back\\u{1b}]0;owned\\u{7}log.csv…"),
        "{drawn:?}"
    );
    assert!(!drawn.contains("\x1b]0;"), "{drawn:?}");
}
