use super::particles::{object, topic};
use crate::domain::characters::{is_direction_mark, is_line_break, quote, shown};
use crate::domain::customer::DOMAIN_PREFIX_MAX;
use crate::domain::field_problem::{FieldProblem, InputNote, PasteNote, Subject};
use crate::domain::fields::EARLIEST_ACCEPTANCE;
use crate::locale::words::Problems;

pub const PROBLEMS: Problems = Problems {
    field,
    input,
    refusal: super::refusals::refusal,
    confirm: super::refusals::confirm,
    restore: super::restore::restore,
};

const EMAIL_EXAMPLE: &str = "name@example.com 형식으로 입력하십시오.";

/// The field's label in Korean; a value outside the dashboard keeps its English name.
pub fn label(of: Subject) -> &'static str {
    match of {
        Subject::FirstName => "이름",
        Subject::LastName => "성",
        Subject::Email => "메일 주소",
        Subject::Phone => "전화 번호",
        Subject::CompanyName => "회사 이름",
        Subject::Line1 => "주소 1",
        Subject::Line2 => "주소 2",
        Subject::City => "시/군/구",
        Subject::State => "시/도",
        Subject::PostalCode => "우편 번호",
        Subject::Named(label) => label,
    }
}

/// "탭", "제어 문자 U+001B": a hidden character, said so that it can be found and removed.
pub fn hidden(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    if c == '\t' {
        "탭".into()
    } else if is_line_break(c) {
        format!("줄 바꿈 문자({code})")
    } else if c.is_control() {
        format!("제어 문자 {code}")
    } else if is_direction_mark(c) {
        format!("텍스트 방향 표시 {code}")
    } else {
        format!("보이지 않는 문자 {code}")
    }
}

/// What is wrong with a value outside the forms, named `name` (an agent's name, say).
pub(super) fn field_named(problem: &FieldProblem, name: &'static str) -> String {
    field(&problem.clone().renamed(|subject| match subject {
        Subject::Named(_) => Subject::Named(name),
        form_field => form_field,
    }))
}

pub(super) fn field(problem: &FieldProblem) -> String {
    use FieldProblem as P;
    match problem {
        P::Missing(of) => {
            let name = label(*of);
            format!("{name}{} 입력하십시오.", object(name))
        }
        P::TooLong {
            subject: of,
            max,
            length,
        } => {
            let name = label(*of);
            format!(
                "{name}{} 최대 {max}자까지 입력할 수 있습니다. 지금은 {length}자입니다.",
                topic(name)
            )
        }
        P::Hidden {
            subject: of,
            character,
        } => {
            let what = hidden(*character);
            format!(
                "{}에는 {what}{} 넣을 수 없습니다. 지우십시오.",
                label(*of),
                object(&what)
            )
        }
        P::EmailSpaces => format!("메일 주소에는 공백을 넣을 수 없습니다. {EMAIL_EXAMPLE}"),
        P::EmailNoAt => format!("메일 주소에 @가 있어야 합니다. {EMAIL_EXAMPLE}"),
        P::EmailAts(ats) => {
            format!("메일 주소에는 @가 하나만 있어야 합니다. 지금은 {ats}개입니다. {EMAIL_EXAMPLE}")
        }
        P::EmailNoLocalPart => format!("@ 앞에 이름을 입력하십시오. {EMAIL_EXAMPLE}"),
        P::EmailNoDomain => {
            format!("@ 뒤에 도메인을 입력하십시오(예: contoso.com). {EMAIL_EXAMPLE}")
        }
        P::EmailBadLocalPart => {
            format!("@ 앞부분은 메일 주소에 쓸 수 없는 형식입니다. {EMAIL_EXAMPLE}")
        }
        P::EmailBadDomain => {
            format!("@ 뒤의 도메인이 올바르지 않습니다(예: contoso.com). {EMAIL_EXAMPLE}")
        }
        P::PhoneCharacter(bad) => {
            let bad = shown(*bad);
            format!(
                "전화 번호에는 숫자, 공백과 + - ( ) .만 넣을 수 있습니다. '{bad}'{} 지우십시오.",
                object(&bad)
            )
        }
        P::PhoneDigits(digits) => {
            format!("전화 번호는 숫자 7~15자리입니다. 지금은 {digits}자리입니다.")
        }
        P::DateMissing => "날짜를 YYYY-MM-DD 형식으로 입력하십시오(예: 2018-09-14).".into(),
        P::DateShape(value) => format!(
            "'{}'은(는) YYYY-MM-DD 형식의 날짜가 아닙니다(예: 2018-09-14).",
            quote(value)
        ),
        P::DateMonth(value) => {
            format!(
                "{value}{} 없는 날짜입니다. 월은 01부터 12까지입니다.",
                topic(value)
            )
        }
        P::DateDay { value, days } => format!(
            "{value}{} 없는 날짜입니다. 그달은 {days}일까지입니다.",
            topic(value)
        ),
        P::BeforeTheAgreement(date) => {
            let date = date.to_string();
            format!(
                "{date}{} Microsoft 클라우드 계약이 생기기 전입니다. {EARLIEST_ACCEPTANCE} 이후 날짜를 사용하십시오. 연도를 확인하십시오.",
                topic(&date)
            )
        }
        P::FutureDate { business_date } => format!(
            "미래 날짜로 설정할 수 없습니다. {business_date} 또는 그 이전 날짜를 사용하십시오."
        ),
        P::DomainPrefixMissing => {
            "도메인 접두사를 입력하십시오. 영문자 a-z와 숫자 0-9를 쓸 수 있습니다.".into()
        }
        P::DomainPrefixCharacter(bad) => {
            let bad = shown(*bad);
            format!(
                "도메인 접두사에는 영문자 a-z와 숫자 0-9만 쓸 수 있습니다. '{bad}'{} 지우십시오.",
                object(&bad)
            )
        }
        P::DomainPrefixTooLong(length) => {
            format!("도메인 접두사는 최대 {DOMAIN_PREFIX_MAX}자입니다. 지금은 {length}자입니다.")
        }
        P::DomainTaken(domain) => {
            format!("{domain} 도메인은 이미 사용 중입니다. 다른 접두사를 선택하십시오.")
        }
        P::CountryMissing => "국가/지역을 두 글자 코드로 입력하십시오(예: US).".into(),
        P::CountryUnknown {
            typed,
            meant: Some((code, name)),
        } => {
            let typed = quote(typed);
            format!(
                "'{typed}'{} 국가/지역 코드가 아닙니다. {name}{} {code}{} 입력하십시오.",
                topic(&typed),
                "이면",
                object(code)
            )
        }
        P::CountryUnknown { typed, meant: None } => {
            let typed = quote(typed);
            format!(
                "'{typed}'{} 국가/지역 코드가 아닙니다. 영문 두 글자 코드로 입력하십시오(예: KR, US, DE).",
                topic(&typed)
            )
        }
    }
}

fn input(note: &InputNote) -> String {
    match note {
        InputNote::Pasted { .. } => {
            let notes: Vec<String> = (PasteNote::of(note).into_iter())
                .map(|part| match part {
                    PasteNote::Cut { max, kept, offered } => format!(
                        "이 상자에는 최대 {max}자까지 들어갑니다. 붙여 넣은 {offered}자 중 {kept}자만 넣었습니다."
                    ),
                    PasteNote::HiddenLeftOut(dropped) => format!(
                        "숨은 문자(제어 문자나 텍스트 방향 표시) {dropped}개를 뺐습니다."
                    ),
                })
                .collect();
            notes.join(" ")
        }
        InputNote::TypedPastLimit { max } => format!("이 상자에는 최대 {max}자까지 들어갑니다."),
        InputNote::HiddenTyped(c) => {
            let what = hidden(*c);
            format!("{what}{} 여기에 입력할 수 없습니다.", topic(&what))
        }
    }
}
