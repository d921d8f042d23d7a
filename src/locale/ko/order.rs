use crate::domain::commerce::LineProblem;
use crate::locale::words::OrderWords;

/// What is wrong with an order line or a seat count, in Korean.
pub fn line_problem(problem: &LineProblem) -> String {
    match problem {
        LineProblem::NoSeatCount { offer } => {
            format!("{offer} 제품은 사용량 기반이므로 라이선스 수가 없습니다.")
        }
        LineProblem::NoSeats => "라이선스를 1개 이상 입력하십시오.".into(),
        LineProblem::TooManySeats { offer, max } => format!(
            "{offer} 제품은 구독 하나에 라이선스를 최대 {max}개까지 허용합니다. 수량을 줄이십시오."
        ),
        LineProblem::UsageBasedQuantity { offer } => {
            format!("{offer} 제품은 사용량 기반이므로 수량 1로 주문하십시오.")
        }
        LineProblem::Suspended { offer } => format!(
            "{offer} 구독은 일시 중단되었습니다. 다시 활성화되면 라이선스 수를 변경할 수 있습니다."
        ),
        LineProblem::NoOffers => "주문할 제품을 하나 이상 선택하십시오.".into(),
    }
}

pub const ORDER: OrderWords = OrderWords {
    line_problem,
    choose_offers: |company| format!("{company}의 제품 선택"),
    pick_hint: |toggle, more, less| {
        format!("{toggle} 키로 제품을 추가하거나 제거하고, 숫자나 {more}/{less} 키로 라이선스 수를 정합니다.")
    },
    offer: "제품",
    billing: "청구",
    max_seats: "최대 수량",
    quantity: "수량",
    seat_based: "사용자 수 기반",
    usage_based: "사용량 기반",
    selected: |count| format!("{count}개 선택됨"),
    review: "검토",
    review_heading: |company| format!("{company}의 주문 검토"),
    seats: |count| format!("라이선스 {count}개"),
    submit: "제출",
    back: "뒤로",
    cancel: "취소",
    select_one_first: |key| format!("{key} 키로 제품을 하나 이상 선택한 뒤 주문을 검토하십시오."),
    cancelled: "주문을 취소했습니다. 아무것도 주문하지 않았습니다.",
    submitted: |subscriptions| {
        format!("주문을 제출했습니다. 새 구독 {subscriptions}개를 만들었습니다.")
    },
    at_most_seats: |offer, max| {
        format!("{offer} 제품은 구독 하나에 라이선스를 최대 {max}개까지 허용합니다.")
    },
    not_a_seat_count: |pasted| {
        format!(
            "'{pasted}'은(는) 라이선스 수가 아닙니다. 25와 같은 정수를 붙여 넣거나 입력하십시오."
        )
    },
    too_many_digits: |max, has| {
        format!("라이선스 수는 최대 {max}자리입니다. 이 값은 {has}자리입니다.")
    },
};
