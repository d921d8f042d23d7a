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

/// `restore file` refused alike in Korean and English (see `refused_alike`), each saying
/// `korean` or `english` and that nothing was restored.
fn restore_refused(dir: &Path, file: &str, own: &[&str], korean: &str, english: &str) {
    let (ko, en) = refused_alike(dir, &["restore", file], own);
    assert!(
        ko.contains(korean) && ko.contains("아무것도 복원하지 않았습니다"),
        "{ko}"
    );
    assert!(
        en.contains(english) && en.contains("Nothing was restored"),
        "{en}"
    );
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
        let own = [file.as_str(), "pcenter-backup", "notes"];
        restore_refused(dir.path(), file, &own, korean, english);
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

/// A backup line as JSON, changed by `change`.
fn changed(line: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(line).unwrap();
    change(&mut value);
    value.to_string()
}

#[test]
fn a_record_that_breaks_the_stores_rules_is_refused_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("b.jsonl");
    let backup_path = backup.to_str().unwrap();
    let made = run(
        &dir.path().join("demo"),
        "en",
        &["--demo", "backup", "--out", backup_path],
    );
    assert_eq!(made.code, Some(0), "{made:?}");
    let text = std::fs::read_to_string(&backup).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The backup with line `at` (0 is the header) changed by `change`.
    let edited = |name: &str, at: usize, change: &dyn Fn(&mut Value)| {
        let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        edited[at] = changed(lines[at], change);
        let path = dir.path().join(name);
        std::fs::write(&path, edited.join("\n") + "\n").unwrap();
        path.to_str().unwrap().to_string()
    };
    let agent = |name: &str| {
        serde_json::json!([{
            "id": "26be5689-fe33-4007-9563-7e3c7344ed0c",
            "name": name,
            "role": "sales-agent",
            "addedAt": "2018-11-01T10:00:00Z"
        }])
    };
    let cases = [
        (
            edited("early.jsonl", 1, &|d| {
                d["confirmations"][0]["date_agreed"] = "2013-05-01".into()
            }),
            "동의 확인: 계약 동의 날짜 2013년 5월 1일은 Microsoft 클라우드 계약이 생긴 2014년 1월 1일보다 앞섭니다",
            "its acceptance date 2013-05-01 is before the Microsoft Cloud Agreement existed (2014-01-01)",
        ),
        (
            edited("spaced.jsonl", 2, &|d| {
                d["customer"]["company_name"] = " Contoso ".into()
            }),
            "값 ' Contoso '은(는) 정리된 형태인 'Contoso'로 저장해야 합니다",
            "' Contoso ' is not in its cleaned form 'Contoso'",
        ),
        (
            edited("seats.jsonl", 1, &|d| {
                d["subscriptions"][0]["quantity"] = 999_999.into()
            }),
            "Microsoft 365 E3 제품은 구독 하나에 라이선스를 최대 10000개까지 허용합니다. 수량을 줄이십시오. 아무것도",
            "Microsoft 365 E3 allows at most 10000 seats per subscription; lower the quantity. Nothing",
        ),
        (
            edited("nobody.jsonl", 3, &|d| d["customer"]["created_by"] = "".into()),
            "고객을 만든 에이전트: 에이전트 이름을 입력하십시오. 아무것도",
            "created by: Enter the agent name. Nothing",
        ),
        (
            edited("upper.jsonl", 3, &|d| {
                d["orders"][0]["id"] = "ORDER-1".into()
            }),
            "주문 ID 'ORDER-1'에 'O'이(가) 있습니다. ID에는 GUID처럼 영문 소문자 a-z, 숫자, 하이픈만 쓸 수 있습니다",
            "the order has the ID 'ORDER-1', which holds 'O'",
        ),
        (
            edited("partner.jsonl", 0, &|h| h["partner"] = "Fab\u{7}rikam".into()),
            "1행: 파트너 이름을 복원할 수 없습니다: 파트너 이름에는 제어 문자 U+0007을 넣을 수 없습니다. 지우십시오. 아무것도",
            "line 1: the partner's name cannot be restored: Partner name cannot contain the control character U+0007; remove it. Nothing",
        ),
        (
            edited("spaced-agent.jsonl", 0, &|h| h["agents"] = agent(" Bob Sales ")),
            "1행: 에이전트 ' Bob Sales '을(를) 복원할 수 없습니다: 이름 앞뒤에 공백이 있습니다. 아무것도",
            "line 1: the agent ' Bob Sales ' cannot be restored: its name has spaces around it. Nothing",
        ),
        (
            edited("no-agent.jsonl", 0, &|h| h["agents"] = agent("")),
            "복원할 수 없습니다: 에이전트 이름을 입력하십시오. 아무것도",
            "cannot be restored: Enter the agent name. Nothing",
        ),
    ];
    for (file, korean, english) in cases {
        let own = [
            file.as_str(),
            "Microsoft 365 E3",
            "Contoso",
            "ORDER-1",
            "Bob Sales",
        ];
        restore_refused(dir.path(), &file, &own, korean, english);
    }
}
