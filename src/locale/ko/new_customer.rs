use crate::locale::words::NewCustomerWords;

pub const NEW_CUSTOMER: NewCustomerWords = NewCustomerWords {
    step_account_info: "계정 정보",
    step_subscriptions: "구독",
    step_review: "검토",
    step_confirmation: "확인",
    company: "회사",
    company_name: "회사 이름",
    primary_domain: "기본 도메인",
    domain_prefix_placeholder: "<접두사>",
    country: "국가/지역",
    address_line1: "주소 1",
    address_line2: "주소 2(선택 사항)",
    city: "시/군/구",
    state: "시/도",
    postal_code: "우편 번호",
    primary_contact: "기본 연락처",
    first_name: "이름",
    last_name: "성",
    email: "메일 주소",
    phone: "전화 번호(선택 사항)",
    note_customer_agreement_required: |since| {
        format!("{since}부터 Microsoft 고객 계약 확인이 필수입니다. 새 고객은 계약을 수락해야 구매할 수 있습니다.")
    },
    note_cloud_agreement_valid_until: |until| {
        format!("이 계약은 {until}까지 유효합니다. 그 이후에는 기존 고객과 새 고객 모두 새 Microsoft 고객 계약에 서명해야 합니다.")
    },
    note_mandatory_since: |since| format!("{since}부터 확인이 필수입니다."),
    note_optional_until: |until| {
        format!("{until} 전까지는 이 확인란을 선택하지 않고 다음을 선택하여 확인을 건너뛸 수 있습니다.")
    },
    new_agreement_checkbox: "고객이 새 Microsoft 고객 계약을 수락했습니다",
    acceptance_date: "계약 동의 날짜",
    acceptor_intro: "계약을 수락한 사람:",
    accepted_by: "수락한 사람",
    update: "업데이트",
    next_to_subscriptions: "다음: 구독",
    next_to_review: "다음: 검토",
    submit: "제출",
    back: "뒤로",
    cancel: "취소",
    done: "완료",
    confirmation_required: |agreement, since| {
        format!("{since}부터 {agreement} 확인이 필수입니다. 이 확인란을 선택하고 수락 세부 정보를 입력하십시오.")
    },
    fields_need_attention: |count| {
        format!("필드 {count}개를 확인해야 합니다. 각 필드 아래에 고칠 내용이 있습니다.")
    },
    choose_subscriptions: |company| format!("{company}의 구독(선택 사항)"),
    subscriptions_hint: |toggle, more, less, buttons| {
        format!("{toggle} 키로 제품을 선택하고, 숫자나 {more}/{less} 키로 라이선스 수를 정하고, {buttons} 키로 단추로 이동합니다.")
    },
    offers_selected: |count| match count {
        0 => "선택한 제품 없음".to_string(),
        n => format!("{n}개 선택됨"),
    },
    offers_need_attention: |count| {
        format!("제품 {count}개를 확인해야 합니다. 각 제품 아래에 고칠 내용이 있습니다.")
    },
    address: "주소",
    address_value: |street, city, state, postal_code, _country_name, country_code| {
        format!("{street} · {city}, {state} {postal_code} · {country_code}")
    },
    acceptance_heading: |section| format!("{section} 수락"),
    accepted: "수락",
    none_chosen: "선택한 구독이 없습니다. 구독 없이 고객을 만듭니다.",
    chosen_offer: |offer, quantity| format!("{offer}: {quantity}"),
    created: |company| format!("{company} 고객을 만들었습니다."),
    created_heading: |company| format!("{company} 고객을 만들었습니다"),
    created_nothing: "제출했지만 아무것도 만들지 않았습니다.",
    domain_taken_meanwhile:
        "제출했지만 아무것도 만들지 않았습니다. 그사이 다른 고객이 이 기본 도메인을 사용하게 되었습니다.",
    admin_account: "고객의 관리자 계정",
    user_name: "사용자 이름",
    temporary_password: "임시 암호",
    save_credentials: "지금 저장하십시오. 암호는 이번 한 번만 표시됩니다. 두 정보를 고객에게 전달하면 고객이 이 정보로 로그인한 뒤 새 암호를 정합니다.",
    none_were_chosen: |open, new_order| {
        format!("선택한 구독이 없습니다. 언제든지 주문할 수 있습니다. 고객의 계정({open})을 연 뒤 새 주문({new_order})을 선택하십시오.")
    },
    ordered: |subscriptions| format!("구독 {subscriptions}개를 주문했습니다:"),
    order_later: |company, open, update, new_order| match update {
        Some(update) => format!("{company} 고객은 만들었습니다. 아래 구독을 주문하려면 완료를 선택하고 계정({open})을 열어 업데이트({update})로 고객의 수락을 확인한 뒤 새 주문({new_order})을 선택하십시오."),
        None => format!("{company} 고객은 만들었습니다. 아래 구독을 주문하려면 완료를 선택하고 계정({open})을 연 뒤 새 주문({new_order})을 선택하십시오."),
    },
    nothing_ordered: "아무것도 주문하지 않았습니다.",
    would_order_none: "제출하면 고객은 만들어지지만 이 구독은 하나도 주문되지 않습니다.",
    confirm_first_or_take_out: "함께 주문하려면 먼저 고객 동의를 확인하거나(확인되지 않음 옆의 업데이트), 구독을 빼십시오(구독 아래의 업데이트).",
    take_out_and_order_later: "구독을 빼고(구독 아래의 업데이트), 필요한 확인을 기록한 뒤 고객의 계정에서 주문하십시오.",
};
