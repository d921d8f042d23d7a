//! Files as spreadsheets and editors save them: every line end (CR alone, as old Mac Excel
//! writes, CRLF, LF, mixed), UTF-16 and UTF-32 with and without a byte order mark, workbooks,
//! streams, and a line of a gigabyte's kind.

use crate::*;
use pcenter::assets;
use pcenter::store::Snapshot;
use std::process::Stdio;

fn demo_dir() -> (tempfile::TempDir, Snapshot) {
    let dir = tempfile::tempdir().unwrap();
    let demo = assets::demo_snapshot();
    seed(dir.path(), &demo);
    (dir, demo)
}

fn rows() -> [String; 2] {
    [
        format!("{NORTHWIND},,2018-11-01,Ada,Lovelace,,ada@northwindtraders.com"),
        format!("{SAKURA},,2018-11-02,Haruto,Sato,,haruto@sakura.jp"),
    ]
}

fn confirmed(snapshot: &Snapshot, customer: &str) -> usize {
    let of = |c: &&pcenter::domain::agreement::Confirmation| c.customer_id == customer;
    snapshot.confirmations.iter().filter(of).count()
}

#[test]
fn every_line_end_is_read_cr_alone_crlf_lf_and_mixed() {
    let [first, second] = rows();
    for (name, text) in [
        ("cr", format!("{HEADER}\r{first}\r{second}\r")),
        ("crlf", format!("{HEADER}\r\n{first}\r\n{second}")),
        ("lf", format!("{HEADER}\n{first}\n{second}\n")),
        ("mixed", format!("{HEADER}\r{first}\r\n{second}\n")),
        ("blank", format!("\r\n{HEADER}\r\r{first}\n\n{second}\r")),
    ] {
        let (dir, demo) = demo_dir();
        let file = write(dir.path(), "backlog.csv", text.as_bytes());
        let output = run(dir.path(), &["agreements", "import", arg(&file)]);
        let out = stdout(&output);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {out}{}",
            stderr(&output)
        );
        assert!(
            out.ends_with(": 2 created, 0 unchanged, 0 skipped, 0 rejected\n"),
            "{name}: {out}"
        );
        let after = load(dir.path());
        for customer in [NORTHWIND, SAKURA] {
            assert_eq!(confirmed(&after, customer), confirmed(&demo, customer) + 1);
        }
    }
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let unit = |u: u16| {
        if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        }
    };
    text.encode_utf16().flat_map(unit).collect()
}

fn utf32(text: &str, little: bool) -> Vec<u8> {
    let unit = |c: char| {
        let c = c as u32;
        if little {
            c.to_le_bytes()
        } else {
            c.to_be_bytes()
        }
    };
    text.chars().flat_map(unit).collect()
}

/// Asserts a refusal before any row, exit 6, whose description contains each of `expected`.
fn assert_refused(dir: &Path, file: &Path, demo: &Snapshot, expected: &[&str]) {
    let output = run(dir, &["agreements", "import", arg(file)]);
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let error: serde_json::Value = serde_json::from_str(&stderr(&output)).unwrap();
    let description = error["description"].as_str().unwrap();
    for part in expected {
        assert!(description.contains(part), "{part:?} in {description}");
    }
    assert_eq!(&load(dir), demo);
}

#[test]
fn utf16_and_utf32_files_are_named_before_any_row_with_or_without_a_byte_order_mark() {
    let (dir, demo) = demo_dir();
    let [first, second] = rows();
    let plain = format!("{HEADER}\r\n{first}\r\n{second}\r\n");
    for (marked, text) in [(false, plain.clone()), (true, format!("\u{feff}{plain}"))] {
        for (encoding, bytes) in [
            ("UTF-16 LE", utf16(&text, true)),
            ("UTF-16 BE", utf16(&text, false)),
            ("UTF-32 LE", utf32(&text, true)),
            ("UTF-32 BE", utf32(&text, false)),
        ] {
            let file = write(dir.path(), "unicode.txt", &bytes);
            let seen = if marked {
                format!("it starts with the byte order mark of {encoding}")
            } else {
                format!("its bytes have the pattern of {encoding}")
            };
            let is = format!("{} is {encoding} text ({seen}), not UTF-8", file.display());
            assert_refused(
                dir.path(),
                &file,
                &demo,
                &[&is, "CSV UTF-8 (Comma delimited)"],
            );
        }
    }
}

#[test]
fn a_workbook_or_a_binary_file_is_named_as_such() {
    let (dir, demo) = demo_dir();
    let xlsx = write(
        dir.path(),
        "backlog.xlsx",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00",
    );
    assert_refused(dir.path(), &xlsx, &demo, &["a spreadsheet workbook (.xlsx"]);
    let xls = write(
        dir.path(),
        "backlog.xls",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
    );
    assert_refused(
        dir.path(),
        &xls,
        &demo,
        &["an Excel 97-2003 workbook (.xls)"],
    );
    // A device without end is refused by its first bytes, not read.
    assert_refused(
        dir.path(),
        Path::new("/dev/zero"),
        &demo,
        &["not a text file"],
    );
}

#[test]
fn a_file_from_a_pipe_is_read_twice_as_a_file_is() {
    let (dir, demo) = demo_dir();
    let [first, second] = rows();
    let mut child = pcenter(dir.path())
        .args(["agreements", "import", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let text = format!("{HEADER}\r{first}\r{second}\r");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(": 2 created"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        confirmed(&load(dir.path()), SAKURA),
        confirmed(&demo, SAKURA) + 1
    );
}

#[test]
fn a_line_longer_than_a_mebibyte_is_rejected_alone_and_the_others_are_imported() {
    let (dir, demo) = demo_dir();
    let [first, second] = rows();
    let mut text = format!("{HEADER}\n{first}\n").into_bytes();
    text.extend(std::iter::repeat_n(b'x', 3 << 20));
    text.extend(format!("\n{second}\n").into_bytes());
    let file = write(dir.path(), "long.csv", &text);
    let output = run(dir.path(), &["agreements", "import", arg(&file)]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(11), "{out}");
    assert!(
        out.contains("line 3: rejected: the line is longer than 1 MiB"),
        "{out}"
    );
    assert!(
        out.ends_with(": 2 created, 0 unchanged, 0 skipped, 1 rejected\n"),
        "{out}"
    );
    assert!(out.len() < 1000, "the line is not repeated back");
    assert_eq!(
        confirmed(&load(dir.path()), SAKURA),
        confirmed(&demo, SAKURA) + 1
    );
}
