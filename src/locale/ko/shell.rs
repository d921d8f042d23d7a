//! 프로세스 자신의 줄: 사용할 수 없는 명령줄과 옵션 값, 셸·서버·저장소 소유자가 사람에게
//! 하는 말. 옵션 이름, 값, 코드, 경로는 입력한 그대로 둡니다.

use super::particles::{object, subject, topic};
use super::problems::PROBLEMS;
use crate::cli::UsageProblem;
use crate::domain::characters::quote;
use crate::domain::field_problem::{FieldProblem, Subject};
use crate::domain::fields::{EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use crate::domain::limits::QUANTITY_DIGITS;
use crate::invocation::{ValueProblem, MOST_CUSTOMERS};
use crate::locale::words::ShellWords;

fn usage(problem: &UsageProblem, command: &str) -> String {
    use UsageProblem as U;
    let see = format!("자세한 내용은 {command} --help를 참조하십시오.");
    let suggested = |suggestion: &Option<String>| {
        suggestion
            .as_ref()
            .map(|s| {
                let s = format!("'{s}'");
                format!(" {s}{} 입력하려고 하셨습니까?", object(&s))
            })
            .unwrap_or_default()
    };
    match problem {
        U::Needs { who, missing } => {
            let missing = missing.join(", ");
            format!(
                "{who} 명령에는 {missing}{} 필요합니다. {see}",
                subject(&missing)
            )
        }
        U::NeedsValue { option } => format!("{option} 옵션에는 값이 필요합니다. {see}"),
        U::CannotBe {
            option,
            value,
            choices,
        } => {
            let value = format!("'{value}'");
            let refused = format!(
                "{option} 옵션에는 {value}{} 쓸 수 없습니다.",
                object(&value)
            );
            match choices.as_slice() {
                [] => refused,
                [one] => format!("{refused} {one}{} 사용하십시오.", object(one)),
                many => format!("{refused} {} 중 하나를 사용하십시오.", many.join(", ")),
            }
        }
        U::Refused { option, why } => format!("{option}: {}", value(why)),
        // A check that gave its reason in English only: the reason is left out.
        U::RefusedSaying { option, .. } => {
            format!("{option} 옵션의 값을 사용할 수 없습니다. {see}")
        }
        U::RefusedValue { option, value } => {
            let value = format!("'{value}'");
            format!(
                "{option} 옵션에는 {value}{} 쓸 수 없습니다.",
                object(&value)
            )
        }
        U::UnknownArgument {
            who,
            argument,
            suggestion,
        } => {
            let argument = format!("'{argument}'");
            let refused = match who {
                None => format!("{argument}{} 알 수 없는 옵션입니다.", topic(&argument)),
                Some(who) => {
                    format!(
                        "{who} 명령에는 {argument}{} 쓸 수 없습니다.",
                        object(&argument)
                    )
                }
            };
            format!("{refused}{} {see}", suggested(suggestion))
        }
        U::UnknownCommand {
            who,
            name,
            suggestion,
        } => {
            let name = format!("'{name}'");
            let refused = match who {
                None => format!("{name}{} 알 수 없는 명령입니다.", topic(&name)),
                Some(who) => format!("{who}에는 {name} 명령이 없습니다."),
            };
            format!("{refused}{} {see}", suggested(suggestion))
        }
        U::OnlyOnce { option } => format!("{option} 옵션은 한 번만 지정할 수 있습니다. {see}"),
        U::Conflict { option, other } => {
            format!("{option} 옵션은 {other} 옵션과 함께 사용할 수 없습니다. {see}")
        }
        U::NothingAfter { who, value, option } => {
            let value = format!("'{value}'");
            format!(
                "{who} 명령에서 {option} 옵션 뒤에는 {value}{} 쓸 수 없습니다. {see}",
                object(&value)
            )
        }
        U::NotText { .. } => format!("인수 중에 UTF-8 텍스트가 아닌 것이 있습니다. {see}"),
        U::Other { .. } => format!("명령줄을 해석할 수 없습니다. {see}"),
    }
}

/// A name's or a filter's problem, the value named in Korean.
fn text(problem: &FieldProblem) -> String {
    let korean = |subject: Subject| match subject {
        Subject::Named(crate::invocation::NAME) => Subject::Named("이름"),
        Subject::Named(crate::invocation::FILTER) => Subject::Named("필터"),
        other => other,
    };
    let problem = match problem.clone() {
        FieldProblem::Missing(of) => FieldProblem::Missing(korean(of)),
        FieldProblem::TooLong {
            subject,
            max,
            length,
        } => FieldProblem::TooLong {
            subject: korean(subject),
            max,
            length,
        },
        FieldProblem::Hidden { subject, character } => FieldProblem::Hidden {
            subject: korean(subject),
            character,
        },
        other => other,
    };
    (PROBLEMS.field)(&problem)
}

const FIX_USER: &str = "--agent NAME으로 에이전트 이름을 지정할 수도 있습니다.";

fn value(problem: &ValueProblem) -> String {
    use ValueProblem as V;
    let range =
        format!("{EARLIEST_ACCEPTANCE}부터 {LATEST_BUSINESS_DATE}까지의 날짜를 사용하십시오.");
    let quoted = |value: &str| {
        let quoted = format!("'{}'", quote(value));
        let particle = topic(&quoted);
        format!("{quoted}{particle}")
    };
    match problem {
        V::Date(problem) => (PROBLEMS.field)(problem),
        V::Text(problem) => text(problem),
        V::DateBefore(date) => {
            let date = date.to_string();
            format!(
                "{date}{} Microsoft 클라우드 계약이 생기기 전이므로 이날에는 어떤 수락도 확인할 수 없습니다. {range}",
                topic(&date)
            )
        }
        V::DateAfter(date) => {
            let date = date.to_string();
            format!("{date}{} 너무 먼 날짜입니다. {range}", topic(&date))
        }
        V::DurationShape(typed) => format!(
            "{} 시간 길이가 아닙니다. 분(30)이나 초, 분, 시간(90s, 2m, 1h)으로 지정하십시오.",
            quoted(typed)
        ),
        V::DurationRange(typed) => format!(
            "{} 1초부터 1주일까지의 시간이 아닙니다(예: 30, 90s, 2h).",
            quoted(typed)
        ),
        V::Role(typed) => format!(
            "{} 알 수 없는 역할입니다. admin-agent, sales-agent 또는 helpdesk-agent를 사용하십시오.",
            quoted(typed)
        ),
        V::Lang(typed) => format!(
            "{} pcenter가 지원하는 언어가 아닙니다. en(영어) 또는 ko(한국어)를 사용하십시오.",
            quoted(typed)
        ),
        V::Environment(typed) => format!(
            "{} 환경이 아닙니다. production 또는 sandbox를 사용하십시오.",
            quoted(typed)
        ),
        V::SeatCount(typed) => format!(
            "{} 라이선스 수가 아닙니다. 최대 {QUANTITY_DIGITS}자리의 정수를 사용하십시오(예: 25).",
            quoted(typed)
        ),
        V::NotWhole(typed) => format!(
            "{} 정수가 아닙니다. 숫자만 입력하십시오(예: 1000).",
            quoted(typed)
        ),
        V::TooManyCustomers(digits) => {
            let digits = quote(digits);
            format!(
                "{digits}{} generate 명령이 만들 수 있는 수보다 많습니다. 고객은 최대 {}개까지 만들 수 있습니다(저장소 약 20GB).",
                topic(&digits),
                crate::domain::count::thousands(MOST_CUSTOMERS)
            )
        }
        V::SeedTooBig(digits) => {
            let digits = quote(digits);
            format!(
                "{digits}{} 시드로 쓸 수 있는 수보다 큽니다. 최대 {}입니다.",
                topic(&digits),
                u64::MAX
            )
        }
        V::UserNotText => format!(
            "$USER 값이 UTF-8 텍스트가 아니어서 에이전트 이름으로 쓸 수 없습니다. {FIX_USER}"
        ),
        V::UserCannotName { user, why } => format!(
            "$USER 값('{}')은 에이전트 이름으로 쓸 수 없습니다. {} {FIX_USER}",
            quote(user),
            text(why)
        ),
    }
}

pub const SHELL: ShellWords = ShellWords {
    usage,
    value,
    no_data_dir: "데이터를 둘 홈 디렉터리를 찾을 수 없습니다. --data-dir DIR로 지정하십시오.",
    terminal_error: |error| format!("터미널 오류: {error}"),
    server_went_away: "서버가 종료되었습니다. 저장된 내용은 그대로 저장되어 있습니다.",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    /// The runs of two or more Latin letters of `text` that are not `code`.
    fn english(text: &str, code: &[&str]) -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| word.len() >= 2 && !code.contains(word))
            .map(str::to_string)
            .collect()
    }

    const CODE: &[&str] = &[
        "pcenter",
        "Microsoft",
        "YYYY",
        "MM",
        "DD",
        "USER",
        "UTF",
        "agent",
        "NAME",
        "data",
        "dir",
        "DIR",
        "admin",
        "sales",
        "helpdesk",
        "production",
        "sandbox",
        "en",
        "ko",
        "generate",
        "GB",
        "Ctrl",
        "log",
    ];

    #[test]
    fn every_refused_value_is_said_in_korean() {
        let date = |text: &str| text.parse().unwrap();
        let problems = [
            ValueProblem::Date(FieldProblem::DateMissing),
            ValueProblem::DateBefore(date("2013-01-01")),
            ValueProblem::DateAfter(date("2101-01-01")),
            ValueProblem::DurationShape("9분".into()),
            ValueProblem::DurationRange("0".into()),
            ValueProblem::Text(FieldProblem::Missing(Subject::Named(
                crate::invocation::NAME,
            ))),
            ValueProblem::Text(FieldProblem::TooLong {
                subject: Subject::Named(crate::invocation::FILTER),
                max: 100,
                length: 101,
            }),
            ValueProblem::Role("보스".into()),
            ValueProblem::Lang("프".into()),
            ValueProblem::Environment("운영".into()),
            ValueProblem::SeatCount("12".into()),
            ValueProblem::NotWhole("12".into()),
            ValueProblem::TooManyCustomers("99999999999".into()),
            ValueProblem::SeedTooBig("99999999999999999999999".into()),
            ValueProblem::UserNotText,
            ValueProblem::UserCannotName {
                user: "a".into(),
                why: FieldProblem::Hidden {
                    subject: Subject::Named(crate::invocation::NAME),
                    character: '\u{7}',
                },
            },
        ];
        for problem in problems {
            let korean = problem.said_in(Lang::Korean);
            assert_ne!(korean, problem.said_in(Lang::English));
            assert_eq!(problem.said_in(Lang::English), problem.to_string());
            assert!(english(&korean, CODE).is_empty(), "{korean}");
            assert!(
                korean.chars().any(|c| ('가'..='힣').contains(&c)),
                "{korean}"
            );
        }
    }

    #[test]
    fn the_shells_lines_are_korean() {
        let lines = [
            SHELL.no_data_dir.to_string(),
            (SHELL.terminal_error)("(5)"),
            SHELL.server_went_away.to_string(),
        ];
        for line in lines {
            assert!(english(&line, CODE).is_empty(), "{line}");
            assert!(line.chars().any(|c| ('가'..='힣').contains(&c)), "{line}");
        }
        assert_eq!(
            (Lang::English.words().shell.terminal_error)("os error 5"),
            "terminal error: os error 5"
        );
    }
}
