//! The refusals of `restore` in Korean: a backup that cannot be restored (what is wrong, on
//! which line), and a store that already holds customers. Codes and exit statuses are those of
//! the English, and the English is what it always was.

mod binary;
mod common;

use binary::speaking::*;
use binary::*;
use common::assert_korean;
use serde_json::Value;
use std::path::Path;

/// Runs pcenter on `data` as Ann, an Admin agent, in `lang`.
fn run(data: &Path, lang: &'static str, args: &[&str]) -> Run {
    let mut command = pcenter_at(data, &["--agent", "Ann Agent"]);
    Speaking::Option(lang).with_args(&mut command, args);
    Run::from(command.output().expect("run pcenter"))
}

/// The refusal of `args` in Korean and in English, on fresh data directories under `dir`:
/// the same code and exit status; the Korean description, with `own` (paths, values) taken
/// out, has no English word of pcenter's own. Both descriptions.
fn refused_alike(dir: &Path, args: &[&str], own: &[&str]) -> (String, String) {
    let describe = |lang: &'static str| {
        let data = dir.join(format!("data-{lang}"));
        let _ = std::fs::remove_dir_all(&data);
        let run = run(&data, lang, args);
        assert_ne!(run.code, Some(0), "{run:?}");
        let error: Value = serde_json::from_str(run.stderr.trim()).expect("a JSON error");
        (
            run.code,
            error["code"].clone(),
            error["description"].as_str().unwrap().to_string(),
        )
    };
    let (korean, english) = (describe("ko"), describe("en"));
    assert_eq!(
        (&korean.0, &korean.1),
        (&english.0, &english.1),
        "{korean:?} {english:?}"
    );
    let mut said = korean.2.clone();
    for own in own {
        said = said.replace(own, "");
    }
    assert_korean(&format!("{args:?}"), &said);
    (korean.2, english.2)
}

#[test]
fn a_backup_that_cannot_be_restored_says_what_is_wrong_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let backup = dir.path().join("b.jsonl");
    let backup_path = backup.to_str().unwrap();
    let made = run(&demo, "ko", &["--demo", "backup", "--out", backup_path]);
    assert_eq!(made.code, Some(0), "{made:?}");
    let text = std::fs::read_to_string(&backup).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let write = |name: &str, contents: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_string()
    };
    let cut = write("cut.jsonl", &(lines[..5].join("\n") + "\n"));
    let empty = write("empty.jsonl", "");
    let notes = lines[0].replacen("pcenter-backup", "notes", 1) + "\n";
    let notes = write("notes.jsonl", &notes);
    let newer = write(
        "newer.jsonl",
        &text.replacen("\"version\":1", "\"version\":99", 1),
    );
    let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let last = edited.len() - 1;
    edited[last] = edited[last].replacen("34", "35", 1);
    let counted = write("counted.jsonl", &(edited.join("\n") + "\n"));
    for (file, korean, english) in [
        (
            &cut,
            "5행: 파일이 끝 표시 줄 없이 5행에서 끝나므로 완전하지 않습니다",
            "line 5: the file ends after line 5 without its closing line",
        ),
        (
            &empty,
            "1행: 파일이 비어 있으므로 pcenter 백업이 아닙니다",
            "line 1: the file is empty, so it is not a pcenter backup",
        ),
        (
            &notes,
            "형식이 'pcenter-backup'이(가) 아니라 'notes'입니다",
            "its format is 'notes', not 'pcenter-backup'",
        ),
        (
            &newer,
            "이 백업의 형식 버전은 99인데",
            "this backup is in format version 99",
        ),
        (
            &counted,
            "끝 표시 줄에는 고객이 35개로 적혀 있지만 파일에는 34개가 있으므로",
            "the closing line counts 35 customers, but the file holds 34",
        ),
    ] {
        let (ko, en) = refused_alike(
            dir.path(),
            &["restore", file],
            &[file, "pcenter-backup", "notes"],
        );
        assert!(
            ko.contains(korean) && ko.contains("아무것도 복원하지 않았습니다"),
            "{ko}"
        );
        assert!(
            en.contains(english) && en.contains("Nothing was restored"),
            "{en}"
        );
    }
    // A backup that is not there: the system's reason in Korean too.
    let missing = dir.path().join("missing.jsonl");
    let missing = missing.to_str().unwrap();
    let (ko, en) = refused_alike(dir.path(), &["restore", missing], &[missing]);
    assert!(ko.contains("읽을 수 없습니다(파일이 없습니다)"), "{ko}");
    assert!(
        en.contains("cannot be read (No such file or directory"),
        "{en}"
    );
    // Over a store that holds customers, without --replace.
    let full = dir.path().join("full");
    assert_eq!(run(&full, "en", &["restore", backup_path]).code, Some(0));
    let again = run(&full, "ko", &["restore", backup_path]);
    assert!(
        again.stderr.contains("저장소에 이미 고객이 34개 있으므로"),
        "{again:?}"
    );
    assert!(
        again.stderr.contains("--replace를 붙여 다시 실행하십시오"),
        "{again:?}"
    );
}
