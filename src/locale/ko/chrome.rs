use crate::locale::words::Chrome;

pub const CHROME: Chrome = Chrome {
    header_wide: |environment, date, phase| format!("{environment} · 기준일 {date} · 확인: {phase}"),
    // "필수" alone does not say what is mandatory.
    header_narrow: |environment, date, phase| format!("{environment} · {date} · 확인: {phase}"),
    signed_in: |agent, role| format!("로그인: {agent} ({role})"),
    customers: "고객",
    new_customer: "새 고객",
    account: "계정",
    new_order: "새 주문",
    review: "검토",
    too_small_title: "터미널이 너무 작습니다",
    too_small_needs: |(need_w, need_h), (w, h)| {
        format!("pcenter를 쓰려면 최소 {need_w}x{need_h} 크기가 필요합니다. 현재 크기는 {w}x{h}입니다.")
    },
    too_small_quit: |key| format!("창을 키우거나 {key} 키를 눌러 종료하십시오."),
    help_title: |screen| format!(" 키: {screen} "),
    unsaved_changes: "저장되지 않은 변경 내용",
    leave_question_quit: "이 화면에 저장되지 않은 변경 내용이 있습니다. 변경 내용을 버리고 종료하시겠습니까?",
    leave_question_leave: "이 화면에 저장되지 않은 변경 내용이 있습니다. 변경 내용을 버리고 나가시겠습니까?",
    leave_discard: "변경 내용 버리기",
    leave_keep_editing: "계속 편집",
    leave_hint: |discard, keep| format!("{discard} 키는 변경 내용을 버리고, {keep} 키는 계속 편집합니다."),
    form_more_both: |next, previous| format!("  ▲▼ 위아래에 더 있습니다: {next}, {previous} 키로 이동"),
    form_more_above: |previous| format!("  ▲ 위에 더 있습니다: {previous} 키로 위로 이동"),
    form_more_below: |next| format!("  ▼ 아래에 더 있습니다: {next} 키로 아래로 이동"),
    key_space: "스페이스",
    key_characters: "문자",
    demo_note: "데모: 기준일은 확인이 필수가 된 첫 주인 2018년 11월 14일입니다. 다른 날을 보려면 --today YYYY-MM-DD로 시작하십시오.",
    meanwhile_created: |agent| format!("그사이 {agent}님이 이 고객을 만들었습니다."),
    meanwhile_confirmed: |agent| format!("그사이 {agent}님이 고객 동의를 확인했습니다."),
    meanwhile_ordered: |agent| format!("그사이 {agent}님이 주문했습니다."),
    meanwhile_seats: |agent| format!("그사이 {agent}님이 라이선스 수를 변경했습니다."),
    meanwhile_auto_renew: |agent| format!("그사이 {agent}님이 자동 갱신을 변경했습니다."),
};
