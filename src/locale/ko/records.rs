//! 저장소가 기록을 거부하는 까닭(`RecordProblem`): 저장하려는 기록이나 복원하려는 백업의 기록이
//! 규칙에 맞지 않을 때 무엇이 잘못되었는지. 문장 끝의 마침표는 이 말을 인용하는 쪽이 붙입니다.

use super::order::line_problem;
use super::particles::{instrumental, object, subject, topic};
use super::problems::{field, field_named, hidden};
use super::refusals::{date, not_yet_available, public_cloud_only};
use super::terms::TERMS;
use crate::domain::agreement::AgreementKind;
use crate::domain::characters::{is_hidden, quote};
use crate::domain::commerce::Billing;
use crate::domain::customer::DOMAIN_SUFFIX;
use crate::domain::fields::{EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use crate::domain::record_problem::{
    History, IdProblem, Made, MadeBy, Record, RecordProblem, ID_MAX,
};

fn noun(record: Record) -> &'static str {
    match record {
        Record::Customer => "고객",
        Record::Confirmation => "동의 확인",
        Record::Order => "주문",
        Record::Subscription => "구독",
    }
}

fn history(history: History) -> &'static str {
    match history {
        History::Seats => "라이선스 수",
        History::AutoRenew => "자동 갱신",
    }
}

fn made(made: &Made) -> String {
    match made {
        Made::CustomerCreated => "고객을 만든 날짜".into(),
        Made::ConfirmationRecorded => "동의 확인을 기록한 날짜".into(),
        Made::OrderCreated(id) => format!("주문 {id}{} 만든 날짜", object(id)),
        Made::SubscriptionCreated(id) => format!("구독 {id}{} 만든 날짜", object(id)),
    }
}

/// `'x'`, quoted so that hidden characters show as escapes.
fn quoted(text: &str) -> String {
    format!("'{}'", quote(text))
}

/// A character an ID may not hold: named when it cannot be seen, else shown in quotes.
fn character(c: char) -> String {
    if c == ' ' {
        "공백".into()
    } else if is_hidden(c) || c.is_whitespace() {
        hidden(c)
    } else {
        format!("'{c}'")
    }
}

/// What is wrong with a value outside the forms (an agent's or the partner's name), that value
/// named in Korean.
fn named(problem: &RecordProblem, name: &'static str) -> String {
    match problem {
        RecordProblem::Field(problem) => field_named(problem, name),
        other => record(other),
    }
}

/// Why a record cannot be stored, in Korean; no full stop at the end.
pub fn record(problem: &RecordProblem) -> String {
    use RecordProblem as P;
    let said = match problem {
        P::Field(problem) => field(problem),
        P::NotCleaned { value, clean } => {
            let (value, clean) = (quoted(value), quoted(clean));
            format!(
                "값 {value}{} 정리된 형태인 {clean}{} 저장해야 합니다",
                topic(&value),
                instrumental(&clean)
            )
        }
        P::Id { record, problem } => {
            let record = noun(*record);
            match problem {
                IdProblem::Empty => format!("{record} ID가 비어 있습니다"),
                IdProblem::TooLong(length) => format!(
                    "{record} ID가 {length}자입니다. ID는 {ID_MAX}자 이하여야 합니다"
                ),
                IdProblem::Character { id, character: c } => {
                    let c = character(*c);
                    format!(
                        "{record} ID {}에 {c}{} 있습니다. ID에는 GUID처럼 영문 소문자 a-z, 숫자, 하이픈만 쓸 수 있습니다",
                        quoted(id),
                        subject(&c)
                    )
                }
            }
        }
        P::AfterLastBusinessDate { made: what, on } => {
            // The particle follows the noun, not the date in brackets after it.
            let what = made(what);
            format!(
                "{what}({}){} 기준일이 될 수 있는 마지막 날({})보다 뒤입니다",
                date(*on),
                subject(&what),
                date(LATEST_BUSINESS_DATE)
            )
        }
        P::Agent { of, problem } => {
            let by = match of {
                MadeBy::Customer => "고객을 만든 에이전트",
                MadeBy::Confirmation => "동의 확인을 기록한 에이전트",
                MadeBy::Order => "주문을 만든 에이전트",
            };
            format!("{by}: {}", named(problem, "에이전트 이름"))
        }
        P::PartnerName(problem) => named(problem, "파트너 이름"),
        P::EmptyPhone => {
            "전화 번호가 빈 값으로 저장되어 있습니다. 전화 번호가 없으면 값을 저장하지 않아야 합니다".into()
        }
        P::NotPrimaryDomain(domain) => {
            let domain = quoted(domain);
            format!(
                "도메인 {domain}{} 기본 도메인이 아닙니다. 영문 소문자 a-z와 숫자로 된 접두사 뒤에 {DOMAIN_SUFFIX}{} 붙이십시오",
                topic(&domain),
                object(DOMAIN_SUFFIX)
            )
        }
        P::PrimaryContact(problem) => format!("기본 연락처: {}", record(problem)),
        P::UnknownAgreement => {
            let agreements: Vec<String> = AgreementKind::ALL
                .iter()
                .map(|kind| format!("유형 {}, 템플릿 {}", kind.type_name(), kind.template_id()))
                .collect();
            format!(
                "알려진 계약의 동의 확인이 아닙니다({})",
                agreements.join(" 또는 ")
            )
        }
        P::NotPublicCloud { company, cloud } => public_cloud_only(&quoted(company), *cloud),
        P::RecordedBeforeConfirming(on) => {
            format!("{}에 기록되었습니다. {}", date(*on), not_yet_available())
        }
        P::AcceptedBeforeTheAgreement(accepted) => {
            let accepted = date(*accepted);
            format!(
                "계약 동의 날짜 {accepted}{} Microsoft 클라우드 계약이 생긴 {}보다 앞섭니다",
                topic(&accepted),
                date(EARLIEST_ACCEPTANCE)
            )
        }
        P::AcceptedAfterRecording {
            accepted,
            recorded_at,
        } => {
            let accepted = date(*accepted);
            format!(
                "계약 동의 날짜 {accepted}{} 기록한 시각({})보다 뒤입니다",
                topic(&accepted),
                recorded_at.format("%Y-%m-%dT%H:%M:%SZ")
            )
        }
        P::NoLineItems { order } => format!("주문 {order}에 품목이 없습니다"),
        P::OrderLine { order, problem } => format!("주문 {order}: {}", line_problem(problem)),
        P::UnknownOffer(offer) => {
            let offer = quoted(offer);
            format!(
                "제품 {offer}{} 카탈로그에 없습니다(pcenter offers list를 참조하십시오)",
                topic(&offer)
            )
        }
        P::BilledOtherwise {
            subscription,
            offer,
        } => format!("구독 {subscription}의 청구 방식이 제품 {offer}의 청구 방식과 다릅니다"),
        P::Seats {
            subscription,
            problem,
        } => format!("구독 {subscription}: {}", line_problem(problem)),
        P::NoSeatCount {
            subscription,
            offer,
        } => format!(
            "구독 {subscription}에 라이선스 수가 없지만 {offer} 제품은 {}입니다",
            TERMS.billing(Billing::SeatBased)
        ),
        P::SeatCountOfUsage {
            subscription,
            offer,
        } => format!(
            "구독 {subscription}에 라이선스 수가 있지만 {offer} 제품은 {}입니다",
            TERMS.billing(Billing::UsageBased)
        ),
        P::ChangesOutOfOrder {
            subscription,
            history: h,
        } => format!(
            "구독 {subscription}의 {} 변경 내역이 날짜순이 아니거나 같은 날에 두 번 이상 있습니다",
            history(*h)
        ),
        P::ChangeNotAfterCreation {
            subscription,
            history: h,
            on,
            created,
        } => format!(
            "구독 {subscription}의 {} 변경({})은 구독을 만든 날({}) 이후여야 합니다",
            history(*h),
            date(*on),
            date(*created)
        ),
        P::ChangeAfterLastBusinessDate {
            subscription,
            history: h,
            on,
        } => format!(
            "구독 {subscription}의 {} 변경({})이 기준일이 될 수 있는 마지막 날({})보다 뒤입니다",
            history(*h),
            date(*on),
            date(LATEST_BUSINESS_DATE)
        ),
        P::SeatChangesWithoutSeats { subscription } => format!(
            "구독 {subscription}에 라이선스 수 변경 내역은 있지만 라이선스 수가 없습니다"
        ),
        P::ChangeOfNothing {
            subscription,
            history: History::Seats,
        } => format!(
            "구독 {subscription}의 라이선스 수 변경 중에 수를 바꾸지 않은 변경이 있습니다"
        ),
        P::ChangeOfNothing {
            subscription,
            history: History::AutoRenew,
        } => format!(
            "구독 {subscription}의 자동 갱신 변경 중에 설정을 바꾸지 않은 변경이 있습니다"
        ),
        P::SeatsBefore {
            subscription,
            on,
            problem,
        } => format!(
            "구독 {subscription}의 {} 이전 라이선스 수: {}",
            date(*on),
            line_problem(problem)
        ),
        P::OfAnotherOrder {
            subscription,
            order,
        } => format!(
            "구독 {subscription}{} 주문 {order}의 구독이 아닙니다",
            topic(subscription)
        ),
        P::OfNoStoredOrder { subscription } => format!(
            "구독 {subscription}{} 저장된 어느 주문의 구독도 아닙니다",
            topic(subscription)
        ),
        P::FixedPartChanged { subscription } => format!(
            "구독 {subscription}의 주문, 제품, 청구 방식 또는 만든 시각을 바꾸려 합니다. 이 값들은 바꿀 수 없습니다"
        ),
        P::OfAnotherCustomer { record, owner } => {
            let record = noun(*record);
            format!(
                "다른 고객 {}의 {record}{} 담고 있습니다",
                quoted(owner),
                object(record)
            )
        }
        P::GivenTwice { record, id } => {
            let record = noun(*record);
            let id = quoted(id);
            format!(
                "{record} ID {id}{} 이 고객의 {record} 두 개에 쓰였습니다",
                subject(&id)
            )
        }
        P::Confirmation { email, problem } => {
            format!("{}의 동의 확인: {}", quoted(email), record(problem))
        }
        P::LinesWithoutTheirSubscriptions {
            order,
            lines,
            subscriptions,
        } => format!(
            "주문 {order}에는 품목이 {lines}개 있지만 그 제품의 구독은 {subscriptions}개입니다"
        ),
        P::ControlCharacter(text) => format!("{}에 제어 문자가 있습니다", quoted(text)),
        P::IndexEntryTooLong(bytes) => {
            format!("색인 항목이 {bytes}바이트입니다. 최대 65,535바이트까지 저장할 수 있습니다")
        }
        P::NotEncodable(detail) => detail.clone(),
    };
    said.trim_end_matches('.').to_string()
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;
