//! 프로세스 자신의 줄: 사용할 수 없는 명령줄과 옵션 값, 셸·서버·저장소 소유자가 사람에게
//! 하는 말. 옵션 이름, 값, 코드, 경로는 입력한 그대로 둡니다.

use super::particles::{object, subject, topic};
use super::problems::PROBLEMS;
use crate::domain::characters::quote;
use crate::domain::command_line::{UsageProblem, ValueProblem, FILTER, NAME};
use crate::domain::field_problem::{FieldProblem, Subject};
use crate::domain::fields::{EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use crate::domain::limits::QUANTITY_DIGITS;
use crate::locale::words::{ShellWords, SshAt};

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
                "{option} 옵션에는 {value}{} 사용할 수 없습니다.",
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
                "{option} 옵션에는 {value}{} 사용할 수 없습니다.",
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
                        "{who} 명령에는 {argument}{} 사용할 수 없습니다.",
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
                "{who} 명령에서 {option} 옵션 뒤에는 {value}{} 사용할 수 없습니다. {see}",
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
        Subject::Named(NAME) => Subject::Named("이름"),
        Subject::Named(FILTER) => Subject::Named("필터"),
        other => other,
    };
    (PROBLEMS.field)(&problem.clone().renamed(korean))
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
        V::TooManyCustomers { digits, most } => {
            let digits = quote(digits);
            format!(
                "{digits}{} generate 명령이 만들 수 있는 수보다 많습니다. 고객은 최대 {}개까지 만들 수 있습니다(저장소 약 20GB).",
                topic(&digits),
                crate::domain::count::thousands(*most)
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

fn ssh_at(at: &SshAt<'_>) -> String {
    let made = if at.made { ", 방금 만듦" } else { "" };
    format!(
        "{}의 SSH 대시보드: ssh -t -p {} {} (호스트 키 {}{made}; 중지하려면 Ctrl-C)",
        at.store, at.port, at.host, at.fingerprint
    )
}

pub const SHELL: ShellWords = ShellWords {
    host_key: |problem| {
        use crate::domain::host_key::HostKeyProblem as P;
        match problem {
            P::NotAKey { path, detail } => format!(
                "SSH 호스트 키 {path}{} 읽을 수 없습니다({detail}). 옮겨 두면 새 키를 만듭니다(그러면 클라이언트가 호스트 키가 바뀌었다고 경고합니다).",
                object(path)
            ),
            P::Unreadable { path, detail } => {
                format!("SSH 호스트 키 {path}{} 읽을 수 없습니다: {detail}", object(path))
            }
            P::NoRandomBytes(detail) => {
                format!("시스템이 난수를 주지 않았습니다({detail}).")
            }
            P::CannotEncode(detail) => format!("SSH 호스트 키를 쓸 수 없습니다: {detail}"),
            P::CannotWrite { path, detail } => {
                format!("SSH 호스트 키를 {path}에 쓸 수 없습니다: {detail}")
            }
        }
    },
    usage,
    value,
    no_data_dir: "데이터를 둘 홈 디렉터리를 찾을 수 없습니다. --data-dir DIR로 지정하십시오.",
    terminal_error: |error| format!("터미널 오류: {error}"),
    server_went_away: "서버가 종료되었습니다. 저장된 내용은 그대로 저장되어 있습니다.",
    no_partner_name: "(--partner로 이름 지정)",
    caller_went_away: "명령을 요청한 pcenter가 종료되었습니다",
    owner_went_away: |owner| {
        format!(
            "명령을 실행하던 {owner}{} 명령이 끝나기 전에 종료되었습니다. 명령이 저장했다고 알린 내용은 저장되어 있습니다. 마저 하려면 명령을 다시 실행하십시오.",
            subject(owner)
        )
    },
    other_version: |owner, server, owners, commands| {
        let end = if server {
            "그 서버를 중지하십시오"
        } else {
            "그 대시보드를 닫으십시오"
        };
        format!(
            "저장소가 {owner}에 열려 있는데, 그쪽은 pcenter {owners}이고 이쪽은 pcenter {commands}입니다. 같은 pcenter로 명령을 실행하거나 먼저 {end}."
        )
    },
    other_server_version: |servers, ours| {
        format!(
            "이 저장소를 연 서버는 pcenter {servers}이고 이쪽은 {ours}입니다. 서버와 같은 pcenter로 대시보드를 시작하십시오."
        )
    },
    takes_no_second: "저장소가 다른 대시보드에 열려 있으며, 그 대시보드에는 다른 대시보드가 함께 연결할 수 없습니다.",
    request_refused: |process, why| {
        let from = process.map_or("다른 프로세스".to_string(), |pid| format!("프로세스 {pid}"));
        format!("{from}에서 보낸 명령은 실행할 수 없습니다. {why}")
    },
    command_twice: "명령이 두 번 주어졌습니다.",
    relative_directory: "디렉터리가 상대 경로입니다.",
    failed_inside: "저장소를 연 pcenter 안에서 명령이 실패하여 중지되었습니다. 데이터 디렉터리의 pcenter.log를 참조하십시오. 명령이 저장했다고 알린 내용은 저장되어 있습니다.",
    owner_closing: "이 저장소를 연 pcenter가 닫히는 중입니다. 잠시 후 명령을 다시 실행하십시오.",
    socket_unreachable: |path, detail| {
        format!(
            "명령이 {path}{} 통해 이 pcenter에 닿을 수 없습니다: {detail}.",
            object(path)
        )
    },
    socket_in_the_way: |path| {
        format!(
            "명령이 이 pcenter에 닿는 소켓 자리에 {path}{} 있는데 소켓이 아닙니다. 다른 곳으로 옮기십시오.",
            subject(path)
        )
    },
    socket_not_private: |path| {
        format!(
            "소켓 {path}{} 소유자만 쓸 수 있게 만들 수 없었습니다.",
            object(path)
        )
    },
    serve_what: "무엇을 제공할지 지정하십시오: --http ADDR(REST API), --ssh ADDR(대시보드) 또는 둘 다.",
    not_an_address: |typed| {
        let typed = format!("'{typed}'");
        format!(
            "{typed}{} 수신할 주소가 아닙니다. HOST:PORT 형식으로 지정하십시오(예: 127.0.0.1:8080, 포트 0은 빈 포트를 고릅니다).",
            topic(&typed)
        )
    },
    cannot_listen: |address, error| format!("{address}에서 수신할 수 없습니다: {error}"),
    server_failed: |error| format!("서버가 실패했습니다: {error}"),
    api_not_started: |error| format!("HTTP API를 시작할 수 없습니다({error})"),
    no_commands_through_server: |error| format!("이 서버를 통해서는 명령을 실행할 수 없습니다: {error}"),
    api_at: |url, store| format!("{store}의 Partner Center API: {url} (중지하려면 Ctrl-C)"),
    ssh_at,
    reachable: |address, api| {
        let why = if api {
            "이 API에는 TLS가 없어 토큰이 암호화되지 않은 채 네트워크를 지나갑니다"
        } else {
            "연결할 수 있는 누구나 로그인을 시도할 수 있습니다"
        };
        format!("경고: 다른 컴퓨터에서 {address}에 연결할 수 있습니다. {why}.")
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    /// The runs of two or more Latin letters of `text` that are not `code`, an option
    /// (`--data-dir`) or a command's name; a particle
    /// after a code is the sentence's.
    fn english(text: &str, code: &[&str]) -> Vec<String> {
        let tokens: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || "()'\",.;:".contains(c))
            .filter(|token| !token.is_empty())
            .collect();
        // "pcenter generate", "generate 명령": a command's name.
        let commands: Vec<&str> = (tokens.windows(2))
            .filter(|pair| pair[0] == "pcenter" || pair[1].starts_with("명령"))
            .map(|pair| {
                if pair[0] == "pcenter" {
                    pair[1]
                } else {
                    pair[0]
                }
            })
            .collect();
        tokens
            .iter()
            .filter(|token| !commands.contains(token))
            .map(|token| token.trim_end_matches(|c: char| ('가'..='힣').contains(&c)))
            .filter(|token| !token.starts_with("--") && !code.contains(token))
            .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|word| word.len() >= 2 && !code.contains(word))
            .map(str::to_string)
            .collect()
    }

    const CODE: &[&str] = &[
        "pcenter",
        "ADDR",
        "REST",
        "http",
        "HTTP",
        "ssh",
        "API",
        "SSH",
        "TLS",
        "Partner",
        "Center",
        "HOST",
        "PORT",
        "sock",
        "Microsoft",
        "YYYY",
        "MM",
        "DD",
        "USER",
        "UTF",
        "NAME",
        "DIR",
        "admin-agent",
        "sales-agent",
        "helpdesk-agent",
        "production",
        "sandbox",
        "en",
        "ko",
        "GB",
        "Ctrl",
    ];

    #[test]
    fn the_check_lets_options_commands_and_codes_through_and_nothing_else() {
        let said = "--data-dir를 지정하거나 pcenter generate를 실행하십시오. generate 명령은 sales-agent를 씁니다.";
        assert_eq!(english(said, CODE), Vec::<String>::new());
        assert_eq!(
            english("에이전트(agent)의 data 폴더", CODE),
            ["agent", "data"]
        );
    }

    #[test]
    fn every_refused_value_is_said_in_korean() {
        let date = |text: &str| text.parse().unwrap();
        let problems = [
            ValueProblem::Date(FieldProblem::DateMissing),
            ValueProblem::DateBefore(date("2013-01-01")),
            ValueProblem::DateAfter(date("2101-01-01")),
            ValueProblem::DurationShape("9분".into()),
            ValueProblem::DurationRange("0".into()),
            ValueProblem::Text(FieldProblem::Missing(Subject::Named(NAME))),
            ValueProblem::Text(FieldProblem::TooLong {
                subject: Subject::Named(FILTER),
                max: 100,
                length: 101,
            }),
            ValueProblem::Role("보스".into()),
            ValueProblem::Lang("프".into()),
            ValueProblem::Environment("운영".into()),
            ValueProblem::SeatCount("12".into()),
            ValueProblem::NotWhole("12".into()),
            ValueProblem::TooManyCustomers {
                digits: "99999999999".into(),
                most: 10_000_000,
            },
            ValueProblem::SeedTooBig("99999999999999999999999".into()),
            ValueProblem::UserNotText,
            ValueProblem::UserCannotName {
                user: "a".into(),
                why: FieldProblem::Hidden {
                    subject: Subject::Named(NAME),
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
        let path = "/데이터/저장소.sock";
        let at = SshAt {
            port: 2222,
            host: "127.0.0.1",
            store: "/데이터/저장소",
            fingerprint: "0123",
            made: true,
        };
        let lines = [
            SHELL.no_data_dir.to_string(),
            (SHELL.terminal_error)("(5)"),
            SHELL.server_went_away.to_string(),
            SHELL.caller_went_away.to_string(),
            (SHELL.owner_went_away)("안나님의 대시보드"),
            (SHELL.other_version)("안나님의 대시보드", false, "0.2.0", "0.0.9"),
            (SHELL.other_server_version)("0.2.0", "0.0.9"),
            SHELL.takes_no_second.to_string(),
            (SHELL.request_refused)(None, SHELL.command_twice),
            (SHELL.request_refused)(Some(42), SHELL.relative_directory),
            SHELL.failed_inside.to_string(),
            SHELL.owner_closing.to_string(),
            (SHELL.socket_unreachable)(path, "(5)"),
            (SHELL.socket_in_the_way)(path),
            (SHELL.socket_not_private)(path),
            SHELL.serve_what.to_string(),
            (SHELL.not_an_address)("9"),
            (SHELL.cannot_listen)("127.0.0.1:80", "(13)"),
            (SHELL.server_failed)("(5)"),
            (SHELL.api_not_started)("(11)"),
            (SHELL.no_commands_through_server)("(5)"),
            (SHELL.api_at)("http://127.0.0.1:8080/v1", "/데이터/저장소"),
            ssh_at(&at),
            (SHELL.reachable)("0.0.0.0:80", true),
            (SHELL.reachable)("0.0.0.0:22", false),
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
