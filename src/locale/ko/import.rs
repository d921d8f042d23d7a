//! `agreements import`의 이유: 파일이나 행을 가져오지 않는 까닭과 그 해결 방법, 행이 변경되지
//! 않은 까닭. 파일의 열 이름과 값은 파일에 쓰인 그대로 보여 줍니다.

use super::particles::{object, topic};
use super::terms::TERMS;
use crate::locale::words::{ImportWords, IoTrouble};
use std::io;

const SAME_AS_CURRENT: &str = "같은 연락처가 이미 확인되어 있습니다";

/// 가져오기가 받는 파일로 저장하는 방법.
const SAVE_AS_CSV: &str = "스프레드시트에서 \"CSV UTF-8\"로 저장한 뒤(Excel: 다른 이름으로 저장 → CSV UTF-8(쉼표로 분리)) 그 파일을 가져오십시오.";

/// Microsoft 샘플의 날짜를 쓰는 방법.
const SAMPLE_DATE: &str =
    "샘플처럼 월을 먼저 쓰십시오: 11/14/2018 12:00:00 AM(또는 11/14/2018, 2018-11-14)";

/// 머리글에 있어야 하는 열.
const EXPECTED: &str = "첫 줄에는 TenantId(또는 Domain), Date, First Name, Last Name, Phone, Email 열과, 행에 계약을 적는 경우 Type 열을 agreements export가 쓰는 대로 적어야 합니다(순서와 대소문자는 상관없습니다).";

/// 운영 체제의 오류 가운데 흔한 것은 한국어로, 나머지는 운영 체제의 말 그대로.
fn io_error(error: &io::Error) -> String {
    super::requests::trouble(&IoTrouble::from(error))
}

pub const IMPORT: ImportWords = ImportWords {
    unclosed_quote: "이 줄에서 연 따옴표가 닫히지 않았습니다. 따옴표로 묶은 값은 \"로 끝내십시오(값 안의 따옴표는 \"\"처럼 두 번 씁니다)",
    row_not_utf8: "이 행은 UTF-8 텍스트가 아닙니다. 파일을 CSV UTF-8로 저장하십시오",
    line_too_long: |mib| {
        format!("이 줄은 {mib}MiB보다 길어 행일 수 없습니다. 파일이 내보내기로 만든 CSV인지 확인하십시오")
    },
    field_count: |count, header| {
        format!("이 행의 필드는 {count}개인데 머리글의 열은 {header}개입니다. 값 안에 쉼표가 있으면 값을 큰따옴표로 묶으십시오")
    },
    sample_field_count: |count| {
        format!("이 행의 필드는 {count}개인데 Microsoft 샘플의 행은 8개(TenantId, Domain, Date, First Name, Last Name, Phone, Email, 그리고 계약의 Type)이고, 확인이 없는 고객의 행은 7개입니다. 값 안에 쉼표가 있으면 값을 큰따옴표로 묶으십시오")
    },
    insufficient: |columns| format!("데이터가 부족합니다: {} 값이 비어 있습니다", columns.join(", ")),
    sample_insufficient: |columns, types| {
        let mut reason = format!(
            "데이터가 부족합니다: {} 값이 비어 있습니다. Phone 외의 모든 값이 필요합니다",
            columns.join(", ")
        );
        if let Some(types) = types {
            reason.push_str(&format!(
                ". Email 다음의 여덟 번째 값은 계약 유형({types})입니다"
            ));
        }
        reason
    },
    unknown_tenant: |tenant| format!("알 수 없는 고객: 테넌트 ID가 {tenant}인 고객이 없습니다"),
    unknown_domain: |domain| format!("알 수 없는 고객: 기본 도메인이 {domain}인 고객이 없습니다"),
    disagree: |tenant, domain_of_tenant, domain| {
        format!(
            "TenantId 열과 Domain 열이 서로 맞지 않습니다: {tenant}{} {domain_of_tenant}의 테넌트 ID이며, {domain}의 테넌트 ID가 아닙니다",
            topic(tenant)
        )
    },
    more_than_one_row: |customer, others| {
        let others: Vec<String> = others.iter().map(usize::to_string).collect();
        format!(
            "{customer}의 행이 파일에 둘 이상 있습니다({}행에도 있음). 이 고객의 행은 하나도 가져오지 않습니다",
            others.join(", ")
        )
    },
    not_a_type: |value, types| {
        format!("Type: '{value}'{} 계약 유형이 아닙니다. {types}{} 쓰십시오", topic(value), object(types))
    },
    spreadsheet_date: |value| {
        format!("'{value}'{} 스프레드시트가 화면에 표시하는 날짜입니다. 날짜를 YYYY-MM-DD 형식(예: 2018-11-01)으로 쓰십시오(저장하기 전에 열 서식을 텍스트나 YYYY-MM-DD로 지정하십시오)", topic(value))
    },
    day_first: |value| {
        format!("'{value}'에는 일이 먼저 쓰여 있지만 Microsoft 샘플은 월을 먼저 씁니다(미국 영어). {SAMPLE_DATE}")
    },
    not_sample_date: |value| {
        format!("'{value}'{} Microsoft 샘플이 쓰는 날짜가 아닙니다. {SAMPLE_DATE}", topic(value))
    },
    value_problem: |column, problem| format!("{column}: {problem}"),
    same_as_current: SAME_AS_CURRENT,
    same_as_current_of: |kind| {
        format!("{}에 대해 {SAME_AS_CURRENT}", TERMS.agreement_name(kind))
    },
    same_as_earlier: "같은 연락처와 날짜가 이미 확인 기록에 있습니다",
    new_date_alone: |date| {
        format!(
            "(기록된 날짜: {}. 날짜만 바꿔서는 새 확인이 기록되지 않습니다. 새로 기록하려면 연락처를 바꾸십시오)",
            (TERMS.long_date)(date)
        )
    },
    column_twice: |column| format!("{column} 열이 두 번 있습니다"),
    no_column: |columns| format!("{} 열이 없습니다", columns.join(", ")),
    empty_file: "파일이 비어 있습니다",
    header_at: |line, problem| format!("머리글({line}행)에 {problem}"),
    header_unreadable: |line, problem| format!("머리글({line}행)을 읽을 수 없습니다: {problem}"),
    cannot_be_imported: |file, why| {
        format!("{file}{} 가져올 수 없습니다: {why}. {EXPECTED}", object(file))
    },
    file_not_utf8: |file, line| {
        format!("{file}{} UTF-8 텍스트가 아니므로({line}행이 처음으로 UTF-8이 아닌 줄입니다) 아무것도 가져오지 않았습니다. 스프레드시트에서 \"CSV UTF-8\"로 저장한 뒤 그 파일을 가져오십시오.", topic(file))
    },
    wide_encoding: |file, encoding, by_bom| {
        let seen = if by_bom {
            format!("{encoding}의 바이트 순서 표시로 시작합니다")
        } else {
            format!("바이트가 {encoding}의 패턴입니다")
        };
        format!("{file}{} UTF-8이 아닌 {encoding} 텍스트이므로({seen}) 아무것도 가져오지 않았습니다. {SAVE_AS_CSV}", topic(file))
    },
    workbook: |file, legacy| {
        let what = if legacy {
            "Excel 97-2003 통합 문서(.xls)"
        } else {
            "스프레드시트 통합 문서(.xlsx 또는 .ods, ZIP 압축 파일)"
        };
        format!("{file}{} CSV 파일이 아니라 {what}이므로 아무것도 가져오지 않았습니다. {SAVE_AS_CSV}", topic(file))
    },
    not_text: |file| {
        format!("{file}{} 텍스트 파일이 아니므로(시작 부분에 NUL 바이트가 있습니다) 아무것도 가져오지 않았습니다. {SAVE_AS_CSV}", topic(file))
    },
    cannot_read: |file, error| format!("{file}{} 읽을 수 없습니다: {}.", object(file), io_error(error)),
    no_temporary_file: |file, error| {
        format!("{file}{} 읽을 수 없습니다: 일반 파일이 아니며, 내용을 담을 임시 파일도 만들 수 없었습니다({}). 파일로 저장한 뒤 그 파일을 가져오십시오.", object(file), io_error(error))
    },
    repeated_agreements: |file, named, more| {
        let mut named: Vec<String> = (named.iter())
            .map(|r| {
                let lines: Vec<String> = r.lines.iter().map(usize::to_string).collect();
                format!(
                    "테넌트 {}에 유형 {}의 행이 {}개 있습니다({}행)",
                    r.tenant,
                    r.type_name,
                    r.lines.len(),
                    lines.join(", ")
                )
            })
            .collect();
        if more > 0 {
            named.push(format!("그 밖에 {more}개"));
        }
        format!(
            "{file}{} 가져올 수 없습니다. 한 고객의 같은 계약을 두 번 이상 적었으며, Microsoft 샘플은 이를 중복되거나 모순된 계약 데이터로 거부합니다: {}. 테넌트와 Type마다 행을 하나(최신 확인)만 남기고 파일을 다시 가져오십시오. 아무것도 가져오지 않았습니다.",
            object(file),
            named.join("; ")
        )
    },
    stream_too_big: |file, gib| {
        format!("{file}{} {gib}GiB가 넘는 스트림이어서 가져오기가 스트림에서 받을 수 있는 양보다 큽니다. 파일로 저장한 뒤 그 파일을 가져오십시오.", topic(file))
    },
};
