//! Why a request was refused, in Korean: what is wrong and how to put it right.

use super::particles::{instrumental, subject, topic};
use super::terms::TERMS;
use crate::backup::{BackupError, ATTEMPTS};
use crate::domain::agreement::{AgreementKind, CUSTOMER_AGREEMENT_TEMPLATE_ID, MCA_TEMPLATE_ID};
use crate::domain::characters::{escaped, quote, quote_path};
use crate::domain::cloud::Cloud;
use crate::domain::eligibility::ConfirmRefusal;
use crate::domain::field_problem::FieldProblem;
use crate::domain::gate::{GateRefusal, Needed};
use crate::domain::phase::OPTIONAL_FROM;
use crate::domain::role::{GatedAction, RoleRefusal};
use crate::domain::timeline::{
    self, CLOUD_AGREEMENT_VALID_UNTIL, CUSTOMER_AGREEMENT_FROM, CUSTOMER_AGREEMENT_ONLY_FROM,
};
use crate::service::{required_since, ServiceError};
use crate::store::StoreError;

/// A date in prose: "2018년 11월 7일".
pub(super) fn date(day: chrono::NaiveDate) -> String {
    (TERMS.long_date)(day)
}

fn purpose(action: GatedAction) -> &'static str {
    match action {
        GatedAction::CreateCustomer => "고객을 만들려면",
        GatedAction::ConfirmAcceptance => "고객 동의를 확인하려면",
        GatedAction::SeeConfirmation => "고객 동의 확인을 보려면",
        GatedAction::CreateOrder => "새 주문을 만들려면",
        GatedAction::ChangeSeats => "라이선스 수를 변경하려면",
        GatedAction::ChangeAutoRenew => "자동 갱신을 켜거나 끄려면",
    }
}

/// What is missing and since when.
fn required(needed: Needed) -> String {
    match needed.agreement {
        AgreementKind::CloudAgreement => format!(
            "{}부터 Microsoft 클라우드 계약에 대한 고객 동의 확인이 필수입니다",
            date(needed.since)
        ),
        AgreementKind::CustomerAgreement if needed.since == CUSTOMER_AGREEMENT_ONLY_FROM => format!(
            "{}부터 Microsoft 고객 계약에 대한 고객 동의 확인이 필요합니다(Microsoft 클라우드 계약은 {}까지 유효했습니다)",
            date(needed.since),
            date(CLOUD_AGREEMENT_VALID_UNTIL)
        ),
        AgreementKind::CustomerAgreement => {
            "이 제품에는 Microsoft 고객 계약에 대한 고객 동의 확인이 필요합니다".to_string()
        }
    }
}

fn gate(refusal: &GateRefusal) -> String {
    match refusal {
        GateRefusal::NewOrder(needed) => format!(
            "{}. 이 고객의 새 주문을 만들기 전에 확인하십시오.",
            required(*needed)
        ),
        GateRefusal::SeatChange(needed) => format!(
            "{}. 이 고객 구독의 라이선스 수를 변경하기 전에 확인하십시오.",
            required(*needed)
        ),
        GateRefusal::UsageBasedHasNoSeats => {
            "이 구독은 사용량 기반이므로 변경할 라이선스 수가 없습니다.".into()
        }
    }
}

pub(super) fn store(error: &StoreError) -> String {
    match error {
        StoreError::Locked { path } => format!(
            "{}의 pcenter 저장소를 다른 pcenter 프로세스가 사용하고 있습니다. 그 프로세스를 닫거나 다른 --data-dir을 선택한 뒤 다시 시도하십시오.",
            quote_path(path)
        ),
        StoreError::NewerSchema {
            path,
            found,
            supported,
        } => format!(
            "{}의 pcenter 저장소는 더 새로운 pcenter가 썼습니다(스키마 버전 {found}, 이 pcenter는 {supported}까지 읽습니다). pcenter를 업그레이드하여 여십시오.",
            quote_path(path)
        ),
        StoreError::Corrupt { path, detail } => format!(
            "{}의 pcenter 저장소를 읽을 수 없습니다: {detail}. 아무것도 바뀌지 않았습니다. 백업에서 복원하거나 다른 --data-dir을 선택하십시오.",
            quote_path(path)
        ),
        StoreError::OtherEnvironment { store, asked } => {
            let (store_name, asked_name) = (TERMS.environment(*store), TERMS.environment(*asked));
            format!(
                "이 저장소는 Partner Center {store_name} 환경용으로 만들어졌습니다({asked_name} 아님). --environment {store}{} 실행하거나(또는 --environment 없이), {asked_name}용으로 다른 --data-dir을 선택하십시오.",
                instrumental(store.name())
            )
        }
        // No store path at all: what to do is the whole of it.
        StoreError::Io {
            detail: crate::store::IoProblem::NoDataDir,
            ..
        } => super::shell::SHELL.no_data_dir.to_string(),
        StoreError::Io { path, detail } => format!(
            "{}의 pcenter 저장소를 사용할 수 없습니다({}). 쓸 수 있는 디렉터리인지 확인하거나 다른 --data-dir을 선택하십시오.",
            quote_path(path),
            super::requests::store_problem(detail)
        ),
        StoreError::DomainTaken { domain } => {
            super::problems::field(&FieldProblem::DomainTaken(escaped(domain).into_owned()))
        }
        StoreError::UnknownCustomer { id } => format!("ID가 {}인 고객이 없습니다.", quote(id)),
        StoreError::UnknownSubscription { id } => {
            format!("ID가 {}인 구독이 없습니다.", quote(id))
        }
        StoreError::IdTaken { id } => format!(
            "ID {}{} 이미 사용 중입니다. 아무것도 쓰지 않았습니다.",
            quote(id),
            topic(&quote(id))
        ),
        StoreError::NotEmpty { path } => format!(
            "{}의 pcenter 저장소에 이미 고객이 있습니다. 채우기는 빈 저장소에만 할 수 있습니다. 다른 --data-dir을 선택하십시오.",
            quote_path(path)
        ),
        StoreError::Unstorable { what } => format!(
            "이 기록은 저장할 수 없습니다: {}. 아무것도 쓰지 않았습니다.",
            super::records::record(what)
        ),
        StoreError::AgentTaken { name } => format!(
            "'{}'(이)라는 에이전트가 이미 등록되어 있습니다. 다른 이름을 선택하거나 그 에이전트를 먼저 제거하십시오.",
            quote(name)
        ),
        StoreError::UnknownAgent { name } => format!(
            "'{}'(이)라는 에이전트가 없습니다. pcenter agents list를 참조하십시오.",
            quote(name)
        ),
        StoreError::NoAgents => "이 저장소에는 에이전트가 없습니다.".into(),
    }
}

fn role(refusal: &RoleRefusal) -> String {
    format!(
        "{} 관리자 에이전트 또는 판매 에이전트여야 합니다.",
        purpose(refusal.action)
    )
}

pub(super) fn not_yet_available() -> String {
    format!(
        "고객 동의 확인은 {}부터 사용할 수 있습니다.",
        date(OPTIONAL_FROM)
    )
}

/// Why this agent cannot confirm this customer's acceptance here and now.
pub fn confirm(refusal: &ConfirmRefusal) -> String {
    match refusal {
        ConfirmRefusal::Role(refusal) => role(refusal),
        ConfirmRefusal::NotYetAvailable => not_yet_available(),
        ConfirmRefusal::NotSupported(cloud) => format!(
            "고객 동의 확인은 Microsoft 공용 클라우드에서만 지원됩니다. 이 고객은 {}에 있습니다.",
            TERMS.cloud(*cloud)
        ),
    }
}

fn backup(error: &BackupError) -> String {
    match error {
        BackupError::Store(error) => store(error),
        BackupError::Write { path, detail, .. } => format!(
            "백업을 {}에 쓸 수 없습니다({detail}). 저장소는 바뀌지 않았습니다. 쓸 수 있고 공간이 넉넉한 곳을 선택하여 다시 시도하십시오.",
            quote_path(path)
        ),
        BackupError::KeptChanging => format!(
            "백업을 쓰는 동안 저장소가 {ATTEMPTS}번 연달아 바뀌었습니다. 아무것도 쓰지 않았습니다. 저장소가 한가할 때 다시 시도하십시오."
        ),
        BackupError::ChangedWhileStreamed { path } => format!(
            "{}에 백업을 쓰는 동안 저장소가 바뀌었고, 그곳에는 다시 쓸 수 없습니다. 받은 내용은 마지막 줄 없이 끝나므로 복원이 거부합니다. 파일로 백업하거나 저장소가 한가할 때 다시 시도하십시오.",
            quote_path(path)
        ),
        BackupError::NotOnDisk => {
            "이 저장소는 메모리에만 있으므로 디스크에 백업할 것이 없습니다.".into()
        }
    }
}

/// Why a customer of another cloud (`company`, as it is to be shown) has no confirmation.
pub(super) fn public_cloud_only(company: &str, cloud: Cloud) -> String {
    format!(
        "고객 동의 확인은 Microsoft 공용 클라우드에서만 지원됩니다. {company}{} {}에 있습니다.",
        topic(company),
        TERMS.cloud(cloud)
    )
}

pub fn refusal(error: &ServiceError) -> String {
    match error {
        ServiceError::Role(refusal) => role(refusal),
        ServiceError::Gate(refusal) => gate(refusal),
        ServiceError::NotSupported { company, cloud } => public_cloud_only(company, *cloud),
        ServiceError::NotYetAvailable => not_yet_available(),
        ServiceError::FutureDate { business_date } => format!(
            "계약 동의 날짜는 기준일({business_date})보다 늦을 수 없습니다."
        ),
        ServiceError::AlreadyConfirmed => "같은 연락처로 파트너가 확인한 계약이 이미 있습니다. 새 확인을 기록하려면 이름, 성, 메일 주소 또는 전화 번호를 바꾸십시오.".into(),
        ServiceError::ConfirmationRequired { business_date } => {
            let agreement = timeline::dashboard_agreement(*business_date);
            format!(
                "{}부터 {}에 대한 고객 동의 확인이 필수입니다. '{}'을(를) 선택하고 수락 정보를 입력하십시오.",
                date(required_since(*business_date)),
                TERMS.agreement_name(agreement),
                TERMS.agreement_checkbox(agreement)
            )
        }
        ServiceError::UnknownOffer { id } => format!("ID가 {}인 제품이 없습니다.", quote(id)),
        ServiceError::OfferNotYetSold { name, from } => format!(
            "{name}{} {}부터 판매됩니다. 다른 제품을 선택하거나 기준일(--today)을 그날 이후로 옮기십시오.",
            topic(name),
            date(*from)
        ),
        ServiceError::TemplateRetired => format!(
            "Microsoft 클라우드 계약 템플릿 ID '{MCA_TEMPLATE_ID}'은(는) 더 이상 지원되지 않습니다. {}부터는 Microsoft 고객 계약만 확인할 수 있습니다. 템플릿 {CUSTOMER_AGREEMENT_TEMPLATE_ID}을(를) 사용하십시오.",
            date(CUSTOMER_AGREEMENT_ONLY_FROM)
        ),
        ServiceError::AgreementNotYetAvailable => format!(
            "Microsoft 고객 계약은 {}부터 확인할 수 있습니다. 그때까지는 Microsoft 클라우드 계약(템플릿 {MCA_TEMPLATE_ID})을 확인하십시오.",
            date(CUSTOMER_AGREEMENT_FROM)
        ),
        ServiceError::AcceptedBeforeTheAgreement { date_agreed } => format!(
            "Microsoft 고객 계약은 {}부터 있었으므로 {date_agreed}에 수락한 고객은 없습니다. {CUSTOMER_AGREEMENT_FROM} 이후의 계약 동의 날짜를 입력하십시오.",
            date(CUSTOMER_AGREEMENT_FROM)
        ),
        ServiceError::DomainTakenLater { domain, created } => format!(
            "{domain}{} 기준일 이후인 {created}에 만들어진 고객이 사용하므로 아직 어느 목록에도 보이지 않습니다. 다른 도메인 접두사를 선택하십시오.",
            subject(domain)
        ),
        ServiceError::Line(problem) => super::order::line_problem(problem),
        ServiceError::Backup(error) => backup(error),
        ServiceError::Store(error) => store(error),
    }
}
