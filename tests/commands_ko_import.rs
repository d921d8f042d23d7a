//! An import's reasons in Korean: every way a row or a file is refused, and why a row is
//! unchanged, said in the caller's language with the file's own column names and values; the
//! same file in English says what it always said.

mod binary;
mod common;

use binary::speaking::*;
use binary::*;
use common::assert_korean;

const DAY: &str = "2018-12-03";
const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";
const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc";
const ALPINE: &str = "200687a0-6bc8-46e7-bdb7-0ccbe2d6dcbc";
const SAKURA: &str = "24dc1531-9f15-41db-bc71-077987e5c994";
const MUELLER: &str = "1080f94f-e354-46a4-878b-1f4b3da02017";
const HEADER: &str = "TenantId,Domain,Date,First Name,Last Name,Phone,Email,Type";

/// Runs `pcenter --demo` as an Admin agent on `DAY` in `lang` (`None`: a Korean `LANG`).
fn run(demo: &Demo, lang: Option<&'static str>, args: &[&str]) -> Run {
    let options = ["--demo", "--today", DAY, "--agent", "Ann Agent"];
    let mut command = pcenter_at(demo.dir(), &options);
    let speaking = lang.map_or(KO_LOCALE, Speaking::Option);
    speaking.with_args(&mut command, args);
    Run::from(command.output().expect("run pcenter"))
}

/// What was said, without what the file and the demo name in their own words: the path, the
/// columns, values of the rows.
fn for_people(run: &Run, path: &str) -> String {
    let mut said = format!("{}{}", run.stdout, run.stderr).replace(path, "");
    for own in [
        "First Name",
        "Last Name",
        "TenantId",
        "Domain",
        "Date",
        "Phone",
        "Email",
        "Type",
        "nobody.example",
        "nobody",
        "Ada",
        "Lovelace",
        "'Cloud'",
        "AM",
        "UTF",
        "LE",
        "NUL",
        "MiB",
        "GiB",
        "Excel",
        "xlsx",
        "xls",
        "ods",
        "ZIP",
        "agreements export",
    ] {
        said = said.replace(own, "");
    }
    said
}

/// Imports `contents` as `name` in Korean and in English: the lines of both runs.
fn import_both(demo: &Demo, name: &str, contents: &[u8]) -> (Run, Run, String) {
    let file = demo.dir().join(name);
    std::fs::write(&file, contents).unwrap();
    let path = file.to_str().unwrap().to_string();
    let args = ["agreements", "import", &path, "--dry-run"];
    (
        run(demo, Some("ko"), &args),
        run(demo, Some("en"), &args),
        path,
    )
}

#[test]
fn every_reason_a_row_is_refused_is_korean_and_the_english_is_unchanged() {
    let demo = Demo::new();
    let ada = "2018-11-20,Ada,Lovelace,,ada@example.com";
    let rows = [
        format!("{NORTHWIND},\"northwind,{ada},"),
        "a,b".to_string(),
        ",,2018-11-20,Ada,,,,".to_string(),
        format!("nobody,,{ada},"),
        format!(",nobody.example,{ada},"),
        format!("{CONTOSO},northwindtraders.onmicrosoft.com,{ada},"),
        format!("{ALPINE},,{ada},"),
        format!("{ALPINE},,{ada},"),
        format!("{SAKURA},,{ada},Cloud"),
        format!("{MUELLER},,11/20/2018,Ada,Lovelace,,ada@example.com,"),
    ];
    let file = format!("{HEADER}\n{}\n", rows.join("\n")).into_bytes();
    let (korean, english, path) = import_both(&demo, "rows.csv", &file);
    // Rows were refused: the exit status says so, in either language.
    assert_eq!(
        (korean.code, english.code),
        (Some(11), Some(11)),
        "{korean:?}"
    );
    let expected = [
        (
            2,
            "따옴표가 닫히지 않았습니다",
            "a quote opened in this line is not closed",
        ),
        (
            3,
            "이 행의 필드는 2개인데 머리글의 열은 8개입니다",
            "the row has 2 fields where the header has 8",
        ),
        (
            4,
            "데이터가 부족합니다: TenantId 또는 Domain, Last Name, Email 값이 비어 있습니다",
            "insufficient data: TenantId or Domain, Last Name, Email empty",
        ),
        (
            5,
            "테넌트 ID가 nobody인 고객이 없습니다",
            "unknown customer: no customer has the tenant ID nobody",
        ),
        (
            6,
            "기본 도메인이 nobody.example인 고객이 없습니다",
            "no customer has the primary domain nobody.example",
        ),
        (
            7,
            "TenantId 열과 Domain 열이 서로 맞지 않습니다",
            "TenantId and Domain disagree",
        ),
        (
            8,
            "행이 파일에 둘 이상 있습니다(9행에도 있음)",
            "has more than one row in the file (also line 9)",
        ),
        (
            10,
            "Type: 'Cloud'은(는) 계약 유형이 아닙니다",
            "Type: 'Cloud' is not an agreement type",
        ),
        (
            11,
            "Date: '11/20/2018'은 스프레드시트가 화면에 표시하는 날짜입니다",
            "Date: '11/20/2018' is a date as a spreadsheet shows it",
        ),
    ];
    for (line, ko, en) in expected {
        let said_ko = korean
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{line}행: ")));
        let said_ko = said_ko.unwrap_or_else(|| panic!("line {line}:\n{}", korean.stdout));
        assert!(
            said_ko.contains("거부됨: ") && said_ko.contains(ko),
            "{said_ko}"
        );
        let said_en = english
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("line {line}: ")));
        let said_en = said_en.unwrap_or_else(|| panic!("line {line}:\n{}", english.stdout));
        assert!(
            said_en.contains("rejected: ") && said_en.contains(en),
            "{said_en}"
        );
    }
    assert_korean("an import's refused rows", &for_people(&korean, &path));
}

#[test]
fn a_row_of_microsofts_sample_is_refused_and_found_unchanged_in_korean() {
    let demo = Demo::new();
    let header = "TenantId,Domain,Date,First Name,Last Name,Phone,Email ";
    let export = run(
        &demo,
        Some("en"),
        &["agreements", "export", "--format", "microsoft-sample"],
    );
    assert_eq!(export.code, Some(0), "{export:?}");
    // Contoso's confirmation as the sample writes it, with the date changed.
    let contoso = export
        .stdout
        .lines()
        .find(|l| l.starts_with(CONTOSO) && l.contains("MicrosoftCloudAgreement"))
        .expect("Contoso's row")
        .to_string();
    let mut fields: Vec<&str> = contoso.split(',').collect();
    fields[2] = "1/2/2018 12:00:00 AM";
    let new_date = fields.join(",");
    let rows = [
        new_date.as_str(),
        &format!("{NORTHWIND},northwindtraders.onmicrosoft.com,14/11/2018,Ada,Lovelace,,a@b.io,MicrosoftCloudAgreement"),
        &format!("{ALPINE},alpineoutfitters.onmicrosoft.com,11/14/2018,Ada,Lovelace,,a@b.io"),
        &format!("{SAKURA},,11/14/2018,Ada,Lovelace,,a@b.io,MicrosoftCloudAgreement"),
        "a,b,c",
    ];
    let file = format!("{header}\n{}\n", rows.join("\n"));
    let (korean, english, path) = import_both(&demo, "sample.csv", file.as_bytes());
    assert_eq!(
        (korean.code, english.code),
        (Some(11), Some(11)),
        "{korean:?}"
    );
    for (ko, en) in [
        ("2행: 변경 없음: ", "line 2: unchanged: "),
        (
            "Microsoft 클라우드 계약에 대해 같은 연락처가 이미 확인되어 있습니다(기록된 날짜: ",
            "the same contact is already confirmed for the Microsoft Cloud Agreement (on ",
        ),
        (
            "날짜만 바꿔서는 새 확인이 기록되지 않습니다",
            "a new date alone records no new confirmation",
        ),
        (
            "'14/11/2018'에는 일이 먼저 쓰여 있지만",
            "'14/11/2018' puts the day first",
        ),
        (
            "Email 다음의 여덟 번째 값은 계약 유형(",
            "and the eighth, after Email, is the agreement's type",
        ),
        (
            "Phone 외의 모든 값이 필요합니다",
            "every value but Phone is needed",
        ),
        (
            "Microsoft 샘플의 행은 8개",
            "where a row of Microsoft's sample has 8",
        ),
    ] {
        assert!(korean.stdout.contains(ko), "{ko}:\n{}", korean.stdout);
        assert!(english.stdout.contains(en), "{en}:\n{}", english.stdout);
    }
    assert_korean("a sample's rows", &for_people(&korean, &path));
}

#[test]
fn a_file_that_cannot_be_imported_is_refused_in_korean_with_its_code_and_exit_status() {
    let demo = Demo::new();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEADER.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let twice = format!("{NORTHWIND},northwindtraders.onmicrosoft.com,11/14/2018,Ada,Lovelace,,a@b.io,MicrosoftCloudAgreement\n");
    let sample_twice =
        format!("TenantId,Domain,Date,First Name,Last Name,Phone,Email \n{twice}{twice}");
    let cases: [(&str, Vec<u8>, &str, &str); 8] = [
        (
            "twice_sample.csv",
            sample_twice.into_bytes(),
            "한 고객의 같은 계약을 두 번 이상 적었으며",
            "it gives the same agreement of a customer more than once",
        ),
        ("empty.csv", vec![], "파일이 비어 있습니다", "it is empty"),
        (
            "twice.csv",
            b"TenantId,Email,EMAIL\n".to_vec(),
            "머리글(1행)에 Email 열이 두 번 있습니다",
            "its header (line 1) names the column Email twice",
        ),
        (
            "columns.csv",
            b"Tenant,Date,First Name,Email\n".to_vec(),
            "머리글(1행)에 TenantId 또는 Domain, Last Name, Phone 열이 없습니다",
            "its header (line 1) has no column TenantId or Domain, Last Name, Phone",
        ),
        (
            "latin1.csv",
            [format!("{HEADER}\n,x").as_bytes(), &[0xe9], b"\n"].concat(),
            "UTF-8 텍스트가 아니므로(2행이 처음으로 UTF-8이 아닌 줄입니다)",
            "is not UTF-8 text (line 2 is the first that is not)",
        ),
        (
            "utf16.csv",
            utf16,
            "UTF-8이 아닌 UTF-16 LE 텍스트이므로(UTF-16 LE의 바이트 순서 표시로 시작합니다)",
            "is UTF-16 LE text (it starts with the byte order mark of UTF-16 LE)",
        ),
        (
            "book.csv",
            b"PK\x03\x04\x14\x00\x06\x00".to_vec(),
            "CSV 파일이 아니라 스프레드시트 통합 문서(",
            "is a spreadsheet workbook (.xlsx or .ods, a ZIP archive), not a CSV file",
        ),
        (
            "quote.csv",
            b"TenantId,\"Domain\n".to_vec(),
            "머리글(1행)을 읽을 수 없습니다: 이 줄에서 연 따옴표가 닫히지 않았습니다",
            "its header (line 1) cannot be read: a quote opened in this line is not closed",
        ),
    ];
    for (name, contents, ko, en) in cases {
        let (korean, english, path) = import_both(&demo, name, &contents);
        assert_eq!(korean.code, english.code, "{name}");
        assert_ne!(korean.code, Some(0), "{name}: {korean:?}");
        let error: serde_json::Value = serde_json::from_str(korean.stderr.trim()).expect(name);
        let english_error: serde_json::Value =
            serde_json::from_str(english.stderr.trim()).expect(name);
        assert_eq!(error["code"], english_error["code"], "{name}");
        let said = error["description"].as_str().unwrap();
        assert!(said.contains(ko), "{name}: {ko}\n{said}");
        let english_said = english_error["description"].as_str().unwrap();
        assert!(english_said.contains(en), "{name}: {en}\n{english_said}");
        let json_path = path.replace('\\', "\\\\");
        let people = for_people(
            &Run {
                code: None,
                stdout: said.into(),
                stderr: String::new(),
            },
            &json_path,
        );
        assert_korean(name, &people);
    }
    // A file that is not there: the system's reason is said in Korean too.
    let missing = demo.dir().join("missing.csv");
    let missing = missing.to_str().unwrap();
    let korean = run(&demo, None, &["agreements", "import", missing]);
    assert!(
        korean.stderr.contains("읽을 수 없습니다: 파일이 없습니다."),
        "{korean:?}"
    );
    assert_korean(
        "a missing file",
        &for_people(&korean, missing)
            .replace("description", "")
            .replace("code", "")
            .replace("source", "")
            .replace("PartnerFD", "")
            .replace("data", ""),
    );
}
