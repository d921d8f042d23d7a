use crate::locale::words::AcceptanceWords;

pub const ACCEPTANCE: AcceptanceWords = AcceptanceWords {
    update_heading: |section, company| format!("{section}: {company}"),
    before_order_heading: |company| format!("새 주문 전 고객 동의 확인: {company}"),
    // 두 계약의 이름이 모두 '계약'으로 끝나므로 조사는 '을'입니다.
    before_order_intro: |agreement| {
        format!("이 고객이 {agreement}을 수락했음을 아직 확인하지 않았습니다. 새 주문을 계속하려면 확인을 완료하십시오.")
    },
    skippable: |date| format!("{date} 전에는 취소를 선택하여 확인을 건너뛸 수 있습니다."),
    customer_agreement_required: |date| {
        format!("{date}부터 Microsoft 고객 계약 확인이 필요합니다. 취소하면 주문 없이 돌아갑니다.")
    },
    mandatory: |date| format!("{date}부터 확인이 필수입니다. 취소하면 주문 없이 돌아갑니다."),
    update_intro: "계약을 수락한 사용자의 세부 정보를 입력하십시오.",
    first_name: "이름",
    last_name: "성",
    email: "메일 주소",
    phone: "전화 번호(선택 사항)",
    date: "계약 동의 날짜",
    either_counts: |date| {
        format!("{date}까지는 두 계약 중 하나를 수락하면 되고, 그 이후에는 Microsoft 고객 계약만 인정됩니다. 고객이 이 계약을 수락했으면 확인란을 선택하십시오.")
    },
    customer_agreement_checkbox: "고객이 새 Microsoft 고객 계약을 수락했습니다",
    save_and_continue: "저장하고 계속",
    cancel: "취소",
    no_such_customer: "해당 고객이 없습니다.",
    skipped: |date| format!("확인을 건너뛰었습니다. {date} 전까지는 선택 사항입니다."),
    no_order: |refusal| {
        format!("주문이 만들어지지 않았습니다. {refusal}")
            .trim_end()
            .to_string()
    },
    saved_in_history: |key, later| {
        format!("기록({key})에 저장했습니다. {later}에 수락한 확인이 더 나중이므로 계속 현재 확인입니다.")
    },
    confirmed: |agreement| format!("{agreement}에 대한 고객 동의가 확인되었습니다."),
    confirmed_continue: "고객 동의가 확인되었습니다. 새 주문을 계속하십시오.",
    confirmed_meanwhile: "그사이 이 연락처로 고객 동의가 확인되었습니다. 새 주문을 계속하십시오.",
};
