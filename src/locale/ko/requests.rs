//! 명령의 옵션과 요청 본문을 받을 수 없을 때의 메시지와 바로잡는 방법. 옵션 이름, JSON 필드,
//! 코드와 경로는 그대로 둡니다.

use super::particles::{instrumental, object, subject, topic};
use super::problems::PROBLEMS;
use super::terms::TERMS;
use crate::domain::agreement::AgreementKind;
use crate::domain::characters::{quote, quote_path};
use crate::domain::field_problem::FieldProblem;
use crate::locale::words::{
    BodyProblem, BodySource, IoTrouble, RequestBody, RequestWords, NOT_AN_OBJECT,
};
use crate::store::IoProblem;
use std::io::ErrorKind;

/// Why a file could not be read or written; the system's own words when the kind is rare.
pub(super) fn trouble(trouble: &IoTrouble) -> String {
    match trouble.kind {
        ErrorKind::NotFound => "파일이 없습니다".into(),
        ErrorKind::PermissionDenied => "권한이 없습니다".into(),
        ErrorKind::IsADirectory => "파일이 아니라 디렉터리입니다".into(),
        ErrorKind::NotADirectory => "경로 중간에 디렉터리가 아닌 것이 있습니다".into(),
        ErrorKind::InvalidData => "UTF-8 텍스트가 아닙니다".into(),
        ErrorKind::StorageFull => "디스크 공간이 부족합니다".into(),
        _ => trouble.said.clone(),
    }
}

/// Why the store's files could not be used (`StoreError::Io`), inside the sentence about the
/// store; the system's words as `trouble` says them.
pub(super) fn store_problem(problem: &IoProblem) -> String {
    match problem {
        IoProblem::System(io) => trouble(io),
        IoProblem::FileInTheWay { file } => {
            let file = quote_path(file);
            format!("{file}{} 디렉터리가 아니라 파일입니다", topic(&file))
        }
        IoProblem::ListNotSaved(io) => format!(
            "고객 목록을 저장소 옆에 저장할 수 없습니다({})",
            trouble(io)
        ),
        IoProblem::IdentityNotWritten(io) => format!(
            "저장소 옆에 저장소의 식별자를 쓸 수 없습니다({})",
            trouble(io)
        ),
        IoProblem::NoCopyToCheck(io) => format!(
            "pcenter가 저장소를 닫은 뒤 파일이 바뀌었고, 이를 확인하려면 옆에 사본이 필요한데 사본을 만들 수 없습니다({}). 공간을 확보하고 다시 시도하십시오",
            trouble(io)
        ),
        IoProblem::NotEncoded(detail) => format!("기록을 인코딩할 수 없습니다({detail})"),
        IoProblem::EngineFailed(what) => format!("저장 엔진이 실패했습니다({what})"),
        IoProblem::NoDataDir => "데이터를 둘 홈 디렉터리를 찾을 수 없습니다".into(),
        IoProblem::DryRun => {
            "시험 실행은 확인만 기록하며 아무것도 보관하지 않습니다".into()
        }
    }
}

/// The JSON parser's detail; the one pcenter adds itself in Korean.
fn detail(detail: &str) -> String {
    if detail == NOT_AN_OBJECT {
        "본문이 JSON 개체 {…}가 아닙니다".into()
    } else {
        detail.to_string()
    }
}

/// `998b88de-…(MicrosoftCloudAgreement) 및 117a77b0-…(MicrosoftCustomerAgreement)`.
fn known_templates() -> String {
    let known: Vec<String> = AgreementKind::ALL
        .iter()
        .map(|kind| format!("{}({})", kind.template_id(), kind.type_name()))
        .collect();
    known.join(" 및 ")
}

const TEMPLATES_LISTED: &str =
    "`pcenter agreements templates --type '*'`로 템플릿 목록을 볼 수 있습니다.";

fn source(from: &BodySource) -> &str {
    match from {
        BodySource::StandardInput => "표준 입력",
        BodySource::File(path) => path,
        BodySource::Request => "요청",
    }
}

fn body_field(problem: &BodyProblem) -> String {
    match problem {
        BodyProblem::Field(problem) => (PROBLEMS.field)(problem),
        BodyProblem::OnlySupported(expected) => format!("{expected}만 지원됩니다."),
        BodyProblem::OtherContactName => "고객의 기본 연락처는 한 명입니다. billingProfile.defaultAddress와 같은 이름을 쓰거나 이 값을 빼십시오.".into(),
        BodyProblem::NotDateNorTimestamp(value) => {
            let value = format!("'{}'", quote(value));
            format!(
                "{value}{} 날짜도 타임스탬프도 아닙니다. 2018-09-14나 2018-09-14T00:00:00Z처럼 쓰십시오.",
                topic(&value)
            )
        }
        BodyProblem::TypeMissing => {
            let types = TERMS.quoted_types();
            format!(
                "계약 유형이 없습니다. \"type\": {types}{} 추가하십시오.",
                object(&types)
            )
        }
        BodyProblem::TypeUnknown(type_name) => {
            let (typed, types) = (format!("'{}'", quote(type_name)), TERMS.quoted_types());
            format!(
                "{typed}{} 계약 유형이 아닙니다. {types}{} 쓰십시오.",
                topic(&typed),
                object(&types)
            )
        }
        BodyProblem::TemplateMissing => format!(
            "템플릿 ID가 없습니다. 수락한 계약의 템플릿 ID를 \"templateId\"에 넣으십시오. 템플릿은 {}입니다. {TEMPLATES_LISTED}",
            known_templates()
        ),
        BodyProblem::TemplateUnknown(template_id) => format!(
            "ID가 '{}'인 계약 템플릿이 없습니다. 알려진 템플릿은 {}입니다. {TEMPLATES_LISTED}",
            quote(template_id),
            known_templates()
        ),
    }
}

fn cannot_write_file(path: &str, parent: &str, io: &IoTrouble) -> String {
    let reason = match io.kind {
        ErrorKind::NotFound => format!("디렉터리 {parent}{} 없습니다", subject(parent)),
        ErrorKind::IsADirectory => "디렉터리입니다".to_string(),
        ErrorKind::NotADirectory => format!("{parent}{} 디렉터리가 아닙니다", topic(parent)),
        _ => trouble(io),
    };
    format!(
        "{path}에 쓸 수 없습니다: {reason}. 있는 디렉터리의 파일을 지정하거나, 표준 출력에 쓰려면 -를 지정하십시오."
    )
}

/// An agent's name that cannot be taken, said as the dashboard says a field's problem.
pub(super) fn agent_name(problem: &FieldProblem) -> String {
    super::problems::field_named(problem, "에이전트 이름")
}

pub const REQUESTS: RequestWords = RequestWords {
    quantities_per_offer: |offers, quantities| {
        format!("--offer마다 --quantity를 하나씩 지정하십시오. 이 주문에는 --offer가 {offers}개, --quantity가 {quantities}개 있습니다.")
    },
    unknown_agreement_type: |typed, types| {
        let typed = format!("'{}'", quote(typed));
        let types = (TERMS.or_list)(types);
        format!(
            "{typed}{} 알 수 없는 계약 유형입니다. {types}{} 쓰거나, 모든 유형을 보려면 '*'를 쓰십시오.",
            topic(&typed),
            object(&types)
        )
    },
    filter_not_shaped: |shape| format!("필터가 {shape} 형식이 아닙니다."),
    filter_field: |field| {
        format!(
            "필터의 Field가 '{}'입니다. CompanyName 또는 Domain을 쓰십시오.",
            quote(field)
        )
    },
    filter_operator: |operator| {
        format!(
            "필터의 Operator가 '{}'입니다. starts_with를 쓰십시오.",
            quote(operator)
        )
    },
    filter_no_value: |shape| format!("필터에 Value가 없습니다. {shape} 형식으로 쓰십시오."),
    page_too_large: |max| {
        format!("한 페이지에는 고객이 최대 {max}개 들어갑니다. size={max} 이하로 요청하고 links.next를 따라가십시오.")
    },
    unknown_continuation_token:
        "이 MS-ContinuationToken은 이 서버가 준 것이 아닙니다. 토큰 없이 처음부터 다시 요청하십시오.",
    body_unreadable: |from, io| {
        format!("{from}에서 JSON 본문을 읽을 수 없습니다: {}.", trouble(io))
    },
    body_too_large: |from, mib| {
        format!("{from}의 JSON 본문이 {mib}MiB보다 큽니다. 본문은 보통 몇 KB입니다. {from}{} 본문 파일인지 확인하십시오.", subject(from))
    },
    body_not_utf8: |from| {
        format!("{from}의 JSON 본문이 UTF-8 텍스트가 아닙니다. UTF-8로 저장하십시오.")
    },
    key_twice: |name, first, again| {
        let both = if first == again {
            format!("두 번 모두 '{}'", quote(again))
        } else {
            format!("'{}'와(과) '{}'", quote(first), quote(again))
        };
        format!(
            "본문의 한 개체에 '{name}'{} 두 번 있습니다({both}). 하나만 남기십시오.",
            subject(name)
        )
    },
    customer_body_not_json: |found| {
        format!("고객 본문이 올바른 JSON이 아닙니다: {}.", detail(found))
    },
    agreement_body_empty: |from| {
        format!(
            "{}의 계약 본문이 비어 있습니다. 계약 개체 {{primaryContact, templateId, dateAgreed, type}}를 보내십시오.",
            source(from)
        )
    },
    agreement_body_invalid: |from, valid_json, found| {
        let what = if valid_json {
            "올바른 계약이"
        } else {
            "올바른 JSON이"
        };
        format!(
            "{}의 계약 본문이 {what} 아닙니다: {}.",
            source(from),
            detail(found)
        )
    },
    request_body_invalid: |body, valid_json, found| {
        let (name, valid) = match body {
            RequestBody::Order => ("주문", "올바른 주문이"),
            RequestBody::Subscription => ("구독", "올바른 구독이"),
        };
        let what = if valid_json { valid } else { "올바른 JSON이" };
        format!("요청의 {name} 본문이 {what} 아닙니다: {}.", detail(found))
    },
    no_line_items: "주문 본문에 품목이 없습니다. lineItems [{offerId, quantity}, …]를 지정하십시오.",
    line_item_number: |at, number| {
        format!("lineItems[{at}].lineItemNumber가 {number}입니다. 품목에 주어진 순서대로 0, 1, 2 … 번호를 매기거나 번호를 빼십시오.")
    },
    friendly_name_control: |at| {
        format!("lineItems[{at}].friendlyName: 친숙한 이름은 한 줄 텍스트여야 하는데, 이 이름에는 제어 문자가 있습니다.")
    },
    friendly_name_too_long: |at, max, length| {
        format!("lineItems[{at}].friendlyName: 친숙한 이름은 최대 {max}자입니다. 이 이름은 {length}자입니다.")
    },
    billing_cycle_not_monthly: |cycle, monthly| {
        let particle = instrumental(cycle);
        let cycle = format!("'{}'", quote(cycle));
        format!(
            "billingCycle: {cycle}{particle}는 주문할 수 없습니다. 여기의 제품은 매월 청구됩니다. \"{monthly}\"를 지정하거나 billingCycle을 빼십시오."
        )
    },
    billing_cycle_unknown: |cycle, known| {
        let particle = instrumental(cycle);
        let cycle = format!("'{}'", quote(cycle));
        format!(
            "billingCycle: {cycle}{particle}는 주문할 수 없습니다. Partner Center의 청구 주기는 {}이며, 여기의 제품은 매월 청구됩니다.",
            known.join(", ")
        )
    },
    subscription_changes_nothing:
        "구독 본문에 바꿀 것이 없습니다. quantity, autoRenewEnabled 또는 둘 다 지정하십시오.",
    body_field,
    cannot_write_file,
    cannot_write_output: |io| {
        format!(
            "출력을 쓸 수 없습니다: {}. 명령이 저장소에 저장한 것은 그대로 있고, 출력한 내용만 잃었습니다.",
            trouble(io)
        )
    },
    partner_while_open: |partner| {
        format!(
            "파트너 이름은 저장소가 다른 곳에 열려 있지 않을 때만 바꿀 수 있습니다. 저장소가 열려 있는 동안에는 '{}'입니다. --partner 없이 명령을 실행하거나, 먼저 대시보드를 닫고 다시 실행하십시오.",
            quote(partner)
        )
    },
    agent_name,
    agent_role_missing: |name| {
        format!("{name}의 역할을 지정하십시오: --role admin-agent, sales-agent 또는 helpdesk-agent.")
    },
    key_of_another: |fingerprint, agent| {
        format!("키 {fingerprint}{} 이미 {agent}의 로그인에 쓰입니다. 키 하나로는 에이전트 한 명만 로그인할 수 있습니다.", topic(fingerprint))
    },
    keys_change_nothing:
        "바꿀 것을 지정하십시오: --add 파일(공개 키 파일) 또는 --remove 파일|지문.",
    agent_has_no_key: |agent, fingerprint| {
        format!("{agent}에게는 키 {fingerprint}{} 없습니다. 에이전트마다 키 개수는 pcenter agents list --format table로, 키는 pcenter agents list로 볼 수 있습니다.", subject(fingerprint))
    },
    no_random_bytes: |detail| {
        format!("시스템이 토큰에 쓸 난수를 주지 않았습니다({detail}). 다시 시도하십시오.")
    },
    key_file_unreadable: |file, io| {
        format!("키 파일 {file}{} 읽을 수 없습니다: {}.", object(file), trouble(io))
    },
    key_file_line: |line, file, detail| {
        format!("{file}의 {line}행: OpenSSH 공개 키 줄(ssh-ed25519 AAAA… 주석)이 아닙니다: {detail}. 개인 키가 아니라 공개 키(.pub)를 지정하십시오.")
    },
    key_file_empty: |file| {
        format!("{file}에 공개 키가 없습니다. OpenSSH .pub 파일을 지정하십시오(ssh-keygen -t ed25519로 만들 수 있습니다).")
    },
    generate_too_many: |most| {
        format!("한 번에 만들 수 있는 고객은 최대 {most}개입니다. 더 적게 지정하십시오.")
    },
    generate_store_not_empty: |store| {
        format!("{store}의 pcenter 저장소에 이미 고객이 있습니다. 생성한 고객은 빈 저장소에만 넣을 수 있습니다. 다른 --data-dir을 선택하십시오.")
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agent::checked_agent_name;

    #[test]
    fn an_agents_name_is_said_as_a_field_of_the_dashboard() {
        let said = |value: &str| agent_name(&checked_agent_name(value).unwrap_err());
        assert_eq!(said("  "), "에이전트 이름을 입력하십시오.");
        assert!(said(&"가".repeat(500)).starts_with("에이전트 이름"));
        assert!(said("Ann\u{7}Agent").starts_with("에이전트 이름"));
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why_in_korean_or_in_the_systems_words() {
        let of = |kind: ErrorKind| trouble(&IoTrouble::from(&std::io::Error::from(kind)));
        assert_eq!(of(ErrorKind::NotFound), "파일이 없습니다");
        assert_eq!(of(ErrorKind::PermissionDenied), "권한이 없습니다");
        assert_eq!(of(ErrorKind::StorageFull), "디스크 공간이 부족합니다");
        assert_eq!(of(ErrorKind::TimedOut), "timed out");
        assert_eq!(detail(NOT_AN_OBJECT), "본문이 JSON 개체 {…}가 아닙니다");
        assert_eq!(detail("EOF while parsing"), "EOF while parsing");
    }

    /// A store whose files cannot be used, said in each language; the English as it always was.
    fn said_of(problem: IoProblem) -> (String, String) {
        use crate::locale::Lang;
        use crate::service::ServiceError;
        let refusal = ServiceError::Store(crate::store::StoreError::Io {
            path: "/데이터/store".into(),
            detail: problem,
        });
        let in_words = |lang: Lang| (lang.words().problems.refusal)(&refusal);
        assert_eq!(in_words(Lang::English), refusal.to_string());
        (in_words(Lang::English), in_words(Lang::Korean))
    }

    #[test]
    fn a_store_whose_files_cannot_be_used_says_why_in_korean() {
        let system = |kind: ErrorKind| IoTrouble::from(&std::io::Error::from(kind));
        let korean = |detail: &str| {
            format!("/데이터/store의 pcenter 저장소를 사용할 수 없습니다({detail}). 쓸 수 있는 디렉터리인지 확인하거나 다른 --data-dir을 선택하십시오.")
        };
        let english = |detail: &str| {
            format!("The pcenter store at /데이터/store could not be used ({detail}). Check that the path is a directory you may write to, or choose another --data-dir.")
        };
        let full = std::io::Error::from(ErrorKind::StorageFull).to_string();
        let cases = [
            (
                IoProblem::system(&std::io::Error::from(ErrorKind::NotFound)),
                std::io::Error::from(ErrorKind::NotFound).to_string(),
                "파일이 없습니다".to_string(),
            ),
            (
                IoProblem::System(IoTrouble {
                    kind: ErrorKind::PermissionDenied,
                    said: "permission denied".into(),
                }),
                "permission denied".into(),
                "권한이 없습니다".into(),
            ),
            (
                IoProblem::FileInTheWay {
                    file: "/데이터".into(),
                },
                "/데이터 is a file, not a directory".into(),
                "/데이터는 디렉터리가 아니라 파일입니다".into(),
            ),
            (
                IoProblem::FileInTheWay {
                    file: "/data".into(),
                },
                "/data is a file, not a directory".into(),
                "/data은(는) 디렉터리가 아니라 파일입니다".into(),
            ),
            (
                IoProblem::ListNotSaved(system(ErrorKind::IsADirectory)),
                format!(
                    "the list could not be saved beside the store ({})",
                    std::io::Error::from(ErrorKind::IsADirectory)
                ),
                "고객 목록을 저장소 옆에 저장할 수 없습니다(파일이 아니라 디렉터리입니다)".into(),
            ),
            (
                IoProblem::IdentityNotWritten(system(ErrorKind::StorageFull)),
                format!("its identity could not be written beside it ({full})"),
                "저장소 옆에 저장소의 식별자를 쓸 수 없습니다(디스크 공간이 부족합니다)".into(),
            ),
            (
                IoProblem::NoCopyToCheck(system(ErrorKind::StorageFull)),
                format!("its files changed since pcenter closed it, and checking them needs a copy beside it, which could not be made ({full}); free some space and try again"),
                "pcenter가 저장소를 닫은 뒤 파일이 바뀌었고, 이를 확인하려면 옆에 사본이 필요한데 사본을 만들 수 없습니다(디스크 공간이 부족합니다). 공간을 확보하고 다시 시도하십시오".into(),
            ),
            (
                IoProblem::NotEncoded("(5)".into()),
                "a record could not be encoded ((5))".into(),
                "기록을 인코딩할 수 없습니다((5))".into(),
            ),
            (
                IoProblem::EngineFailed("(5)".into()),
                "the storage engine failed ((5))".into(),
                "저장 엔진이 실패했습니다((5))".into(),
            ),
            (
                IoProblem::DryRun,
                "a dry run records confirmations only, and keeps none".into(),
                "시험 실행은 확인만 기록하며 아무것도 보관하지 않습니다".into(),
            ),
        ];
        for (problem, in_english, in_korean) in cases {
            assert_eq!(said_of(problem), (english(&in_english), korean(&in_korean)));
        }
    }

    #[test]
    fn no_home_for_the_data_is_said_in_korean_as_the_shell_says_it() {
        let (english, korean) = said_of(IoProblem::NoDataDir);
        assert_eq!(
            english,
            "The pcenter store at /데이터/store could not be used (cannot find a home directory for the data; pass --data-dir DIR). Check that the path is a directory you may write to, or choose another --data-dir."
        );
        assert_eq!(
            korean,
            "데이터를 둘 홈 디렉터리를 찾을 수 없습니다. --data-dir DIR로 지정하십시오."
        );
    }
}
