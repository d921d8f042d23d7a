//! 명령이 사람에게 보여 주는 줄: 표의 머리글과 값, 개수, 가져오기와 내보내기의 줄, 표 아래
//! 안내. JSON과 CSV는 API의 것이므로 영어 그대로 둡니다.

use super::terms::TERMS;
use crate::domain::characters::quote;
use crate::locale::words::{CommandWords, ComplianceCounts, ImportCounts};

fn import_counts(counts: &ImportCounts) -> String {
    let created = if counts.dry_run {
        format!("만들 예정 {}개", counts.created)
    } else {
        format!("만듦 {}개", counts.created)
    };
    format!(
        "{created}, 변경 없음 {}개, 건너뜀 {}개, 거부됨 {}개",
        counts.unchanged, counts.skipped, counts.rejected
    )
}

fn compliance_summary(c: &ComplianceCounts) -> String {
    format!(
        "고객 {}개: 확인됨 {}개, 확인되지 않음 {}개, 지원되지 않음 {}개. {} 기준 차단됨 {}개({} 단계).",
        c.customers,
        c.confirmed,
        c.not_confirmed,
        c.not_supported,
        (TERMS.long_date)(c.date),
        c.blocked,
        TERMS.phase(c.phase)
    )
}

pub const COMMANDS: CommandWords = CommandWords {
    other_type_hint: |type_name| format!(" 이 파일에서는 Type 열에 {type_name}을(를) 쓰십시오."),
    status: |status, agreement, date| TERMS.status_with(status, agreement, date),
    cloud: |cloud| TERMS.cloud_short(cloud),
    no_such_customer: |named| {
        format!(
            "테넌트 ID, 기본 도메인 또는 도메인 접두사가 '{}'인 고객이 없습니다.",
            quote(named)
        )
    },
    tenant_id: "테넌트 ID",
    company_name: "회사 이름",
    primary_domain: "기본 도메인",
    cloud_column: "클라우드",
    cloud_agreement: "Microsoft 클라우드 계약",
    agreement_confirmed: "확인된 계약",
    agreement_short: "계약",
    subscriptions: "구독",
    subscriptions_short: "구독",
    customers_count: |n| format!("고객 {n}개"),
    no_customers_yet: "아직 고객이 없습니다. pcenter customers create --json FILE로 고객을 만들거나(assets/customer.sample.json 참조), --demo로 샘플 고객에서 모든 명령을 사용해 보십시오.",
    no_customers_match: "일치하는 고객이 없습니다.",
    subscription_id: "구독 ID",
    offer: "제품",
    seats: "라이선스 수",
    subscription_status: "상태",
    auto_renew: "자동 갱신",
    auto_renew_short: "갱신",
    offer_id: "제품 ID",
    subscription_state: |status| TERMS.subscription_status(status),
    on: "켜짐",
    off: "꺼짐",
    subscriptions_count: |n| format!("구독 {n}개"),
    no_subscriptions: "구독이 없습니다.",
    category: "범주",
    billing: "청구",
    max_seats: "최대 수량",
    seat_based: "사용자 수 기반",
    usage_based: "사용량 기반",
    offers_count: |n| format!("제품 {n}개"),
    no_offers: "제품이 없습니다.",
    accepted_by: "수락한 사람",
    email: "메일 주소",
    date_agreed: "계약 동의 날짜",
    date_short: "날짜",
    new_orders: "새 주문",
    new_orders_short: "주문",
    seat_changes: "라이선스 수 변경",
    seat_changes_short: "라이선스",
    api_gate: "API 주문 및 라이선스",
    api_gate_short: "API",
    blocked: "차단됨",
    allowed: "허용됨",
    orders_blocked: "주문 차단됨",
    seats_blocked: "라이선스 차단됨",
    compliance_summary,
    left_out: |names| format!("{} 열 생략", names.join(", ")),
    cut_short: "긴 값은 …로 줄임",
    fitted: |width, what| {
        format!(
            "터미널 너비 {width}열에 맞췄습니다({}). 모든 열을 온전히 보려면 터미널을 넓히거나, 출력을 파이프로 보내거나, --format=csv를 사용하십시오.",
            what.join(", ")
        )
    },
    agent_name: "이름",
    role: "역할",
    object_id: "개체 ID",
    added: "추가한 날짜",
    role_of: |role| TERMS.role(role),
    agents_count: |n| format!("에이전트 {n}명"),
    no_agents: "아직 에이전트가 없습니다. pcenter agents add NAME --role ROLE로 추가하십시오.",
    reading: |path| format!("{path} 읽는 중…"),
    import_created: |line, customer, dry_run| {
        let verb = if dry_run { "만들 예정" } else { "만듦" };
        format!("{line}행: {verb}: {customer}")
    },
    import_kept: |date| format!(", 기록에 보관됨: {date}의 확인이 계속 현재 확인입니다"),
    import_unchanged: |line, customer, why| format!("{line}행: 변경 없음: {customer}, {why}"),
    import_skipped: |line| format!("{line}행: 건너뜀: 확인 정보가 없습니다"),
    import_rejected: |line, reason| format!("{line}행: 거부됨: {reason}"),
    import_counts,
    imported: |path, counts| format!("{path}에서 가져옴: {counts}"),
    dry_run_of: |path, counts| format!("{path} 시험 실행: {counts}(아무것도 쓰지 않았습니다)"),
    stopped_reading: "파일 읽기를 중단했습니다. ",
    stopped_at: |line| format!("{line}행에서 중단했습니다. "),
    rows_done: |done, total| format!("{total}행 중 {done}행"),
    exported: |customers, confirmed, path| {
        format!("고객 {customers}개를 {path}에 내보냈습니다(확인이 있는 고객 {confirmed}개).")
    },
    no_cloud_agreement_template: |date| {
        format!(
            "{}에는 Microsoft 클라우드 계약 템플릿이 없습니다. 이 템플릿은 2020년 1월 31일 이후 사용 중지되었습니다. --type=MicrosoftCustomerAgreement를 지정하거나, 모든 유형을 보려면 --type='*'를 지정하십시오.",
            (TERMS.long_date)(date)
        )
    },
    backed_up: |customers, path| format!("고객 {customers}개를 {path}에 백업했습니다."),
    restored: |r| {
        format!(
            "{}의 고객 {}개(확인 {}개, 주문 {}개, 구독 {}개)를 {}에 복원했습니다.",
            r.from, r.customers, r.confirmations, r.orders, r.subscriptions, r.into
        )
    },
    kept_aside: |path| format!("원래 있던 저장소는 변경 없이 {path}에 보관되어 있습니다."),
    generated: |g| {
        format!(
            "{}에 고객 {}개(확인됨 {}개, 확인되지 않음 {}개, 국가별 클라우드 {}개, 구독 {}개)를 생성했습니다.",
            g.store, g.customers, g.confirmed, g.not_confirmed, g.national, g.subscriptions
        )
    },
    owner: |server, agent, pid, since| {
        let what = if server { "pcenter 서버" } else { "대시보드" };
        format!("{agent}님의 {what}(프로세스 {pid}, {since}부터)")
    },
    open_elsewhere: |store, owner, server| {
        let end = if server {
            "그 서버를 중지하거나"
        } else {
            "그 대시보드를 닫거나"
        };
        format!("{store}의 pcenter 저장소가 {owner}에 열려 있습니다. 먼저 {end} 다른 --data-dir을 선택하십시오.")
    },
    needs_alone: |store, owner, command, server| {
        let end = if server {
            "그 서버를 중지한 뒤"
        } else {
            "그 대시보드를 닫은 뒤"
        };
        format!("{store}의 pcenter 저장소가 {owner}에 열려 있는데, {command} 명령은 저장소를 단독으로 사용해야 합니다. 먼저 {end} {command} 명령을 다시 실행하십시오.")
    },
    needs_terminal: "대시보드에는 대화형 터미널이 필요합니다(표준 입력과 표준 출력이 모두 터미널이어야 합니다).",
};
