use super::particles::comitative;
use crate::locale::words::CustomersWords;

pub const CUSTOMERS: CustomersWords = CustomersWords {
    company_name: "회사 이름",
    primary_domain: "기본 도메인",
    cloud: "클라우드",
    agreement_confirmed: "확인된 계약",
    cloud_agreement_status: "Microsoft 클라우드 계약 상태",
    cloud_agreement: "Microsoft 클라우드 계약",
    agreement_narrow: "계약 상태",
    subscriptions: "구독",
    subscriptions_narrow: "구독",
    filter_label: "필터: ",
    filter_hint: |key| format!("{key} 키를 눌러 회사 이름이나 도메인으로 필터링합니다"),
    loading: |loaded, total| format!("고객 {total}개 중 {loaded}개 읽는 중"),
    showing_page: |first, last, matching, total| {
        format!("{matching}개 중 {first}-{last} (고객 {total}개)")
    },
    showing: |matching, total| format!("고객 {total}개 중 {matching}개"),
    none_yet: |key| {
        format!("아직 고객이 없습니다. {key} 키를 눌러 새 고객을 만들거나, 종료한 뒤 pcenter --demo로 시작하여 샘플 고객으로 사용해 보십시오.")
    },
    none_match: |filter, key| {
        let filter = format!("'{filter}'");
        format!(
            "{filter}{} 일치하는 고객이 없습니다. {key} 키를 눌러 필터를 지우십시오.",
            comitative(&filter)
        )
    },
    filter_note: |note| format!("필터: {note}"),
    backing_up:
        "저장소의 모든 고객을 백업하는 중입니다. 백업 파일을 다 쓸 때까지 대시보드가 기다립니다.",
    backed_up: |customers, path| format!("고객 {customers}개를 {path}에 백업했습니다."),
    no_customers_to_act_on: |key| {
        format!("아직 고객이 없습니다. {key} 키를 눌러 새 고객을 만드십시오.")
    },
    no_match_to_act_on: |key| {
        format!("필터와 일치하는 고객이 없습니다. {key} 키를 눌러 필터를 지우십시오.")
    },
};
