//! 복원이 백업을 거부하는 까닭: 어느 줄에 무엇이 잘못되었는지와 해결 방법. 다른 곳에서 온
//! 세부 내용(JSON 파서의 메시지)은 받은 그대로 둡니다.

use super::particles::{object, topic};
use super::refusals::store;
use crate::backup::{
    AgentProblem, DamageProblem, NotAHeader, RestoreError, Shared, FORMAT, VERSION,
};
use crate::domain::characters::{quote, quote_path};
use crate::locale::words::IoTrouble;
use crate::store::SCHEMA_VERSION;

fn shared(what: &Shared) -> String {
    match what {
        Shared::Id(id) => format!("ID {id}"),
        Shared::Domain(domain) => format!("기본 도메인 {domain}"),
    }
}

fn agent(why: &AgentProblem) -> String {
    match why {
        AgentProblem::Name(why) => super::requests::agent_name(why)
            .trim_end_matches('.')
            .to_string(),
        AgentProblem::SpacesAround => "이름 앞뒤에 공백이 있습니다".into(),
        AgentProblem::NameTaken(name) => format!(
            "이 백업의 앞쪽에 이름이 '{}'인 에이전트가 이미 있습니다. 에이전트 이름은 서로 달라야 합니다",
            quote(name)
        ),
        AgentProblem::IdTaken(id) => {
            let id = quote(id);
            format!("개체 ID {id}{} 이 백업의 다른 에이전트의 것입니다", topic(&id))
        }
    }
}

fn damage(problem: &DamageProblem) -> String {
    use DamageProblem as P;
    match problem {
        P::Empty => "파일이 비어 있으므로 pcenter 백업이 아닙니다".into(),
        P::NoClosingLine(line) => format!(
            "파일이 끝 표시 줄 없이 {line}행에서 끝나므로 완전하지 않습니다(쓰거나 복사하는 도중에 잘렸을 수 있습니다)"
        ),
        P::NotACustomer(detail) => format!("고객 레코드가 아닙니다: {detail}"),
        P::CustomerRefused { id, why } => {
            let id = quote(id);
            format!(
                "고객 {id}{} 복원할 수 없습니다: {}",
                object(&id),
                super::records::record(why)
            )
        }
        P::ClosingNotOurs => "이 줄은 pcenter 백업의 끝 표시 줄이 아닙니다".into(),
        P::ClosingCount { counted, held } => format!(
            "끝 표시 줄에는 고객이 {counted}개로 적혀 있지만 파일에는 {held}개가 있으므로, 파일이 쓰인 뒤에 바뀌었습니다"
        ),
        P::HeaderCount { announced, held } => format!(
            "머리글에는 고객이 {announced}개로 적혀 있지만 파일에는 {held}개가 있으므로, 파일이 쓰인 뒤에 바뀌었습니다"
        ),
        P::TextAfterClosing => {
            "끝 표시 줄 뒤에 텍스트가 있으므로, 파일이 쓰인 뒤에 바뀌었습니다".into()
        }
        P::NotUtf8 => "이 줄은 UTF-8 텍스트가 아닙니다".into(),
        P::Unreadable(detail) => format!("파일을 읽을 수 없습니다({detail})"),
        P::TooLong => "이 줄은 64MiB보다 길어 백업의 레코드일 수 없습니다".into(),
        P::NotABackup(why) => {
            let why = match why {
                NotAHeader::Json(detail) => detail.clone(),
                NotAHeader::Format(format) => {
                    format!("형식이 '{FORMAT}'이(가) 아니라 '{format}'입니다")
                }
            };
            format!("pcenter 백업이 아닙니다. 첫 줄이 백업 머리글이 아닙니다({why})")
        }
        P::NewerFormat(version) => format!(
            "이 백업의 형식 버전은 {version}인데 이 pcenter는 버전 {VERSION}까지 읽습니다. 더 새로운 pcenter로 복원하십시오"
        ),
        P::VersionZero => "형식 버전 0은 없습니다".into(),
        P::PartnerRefused(why) => {
            format!("파트너 이름을 복원할 수 없습니다: {}", super::records::record(why))
        }
        P::NewerSchema(schema) => format!(
            "이 백업의 레코드는 저장소 스키마 버전 {schema}인데 이 pcenter는 버전 {SCHEMA_VERSION}까지 읽습니다. 더 새로운 pcenter로 복원하십시오"
        ),
        P::AgentRefused { name, why } => {
            let name = format!("'{}'", quote(name));
            format!("에이전트 {name}{} 복원할 수 없습니다: {}", object(&name), agent(why))
        }
        P::AlreadyHeld { what, first } => {
            let what = shared(what);
            format!("{what}{} 이미 {first}행의 고객이 사용합니다", topic(&what))
        }
        P::HeldByTwo { what } => {
            let what = shared(what);
            format!("이 백업의 두 고객이 {what}{} 함께 사용합니다", object(&what))
        }
    }
}

pub fn restore(error: &RestoreError) -> String {
    match error {
        RestoreError::Store(error) => store(error),
        RestoreError::Unreadable { path, detail, kind } => format!(
            "{}{} 읽을 수 없습니다({}). 아무것도 복원하지 않았습니다. 백업의 경로와 읽기 권한을 확인하십시오.",
            quote_path(path),
            object(&quote_path(path)),
            super::requests::trouble(&IoTrouble {
                kind: *kind,
                said: detail.clone()
            })
        ),
        RestoreError::Damaged {
            path,
            line,
            problem,
        } => format!(
            "{}, {line}행: {}. 아무것도 복원하지 않았습니다. 저장소는 그대로입니다.",
            quote_path(path),
            damage(problem)
        ),
        RestoreError::NotEmpty { path, customers } => format!(
            "{}의 저장소에 이미 고객이 {customers}개 있으므로 아무것도 복원하지 않았습니다. 그 위에 복원하려면 --replace를 붙여 다시 실행하십시오. 그러면 그 저장소는 삭제되지 않고 옆으로 옮겨집니다. 또는 빈 --data-dir을 선택하십시오.",
            quote_path(path)
        ),
        RestoreError::NotPlaced { path, detail } => format!(
            "복원한 저장소를 {}에 둘 수 없었습니다({detail}). 원래 있던 저장소는 바뀌지 않았습니다.",
            quote_path(path)
        ),
    }
}
