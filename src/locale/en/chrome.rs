use crate::locale::words::Chrome;

pub const CHROME: Chrome = Chrome {
    header_wide: |environment, date, phase| {
        format!("{environment} · Business date {date} · Confirmation: {phase}")
    },
    header_narrow: |environment, date, phase| format!("{environment} · {date} · {phase}"),
    signed_in: |agent, role| format!("Signed in: {agent} ({role})"),
    customers: "Customers",
    new_customer: "New customer",
    account: "Account",
    new_order: "New order",
    review: "Review",
    too_small_title: "Terminal too small",
    too_small_needs: |(need_w, need_h), (w, h)| {
        format!("pcenter needs {need_w}x{need_h}; this one is {w}x{h}.")
    },
    too_small_quit: |key| format!("Enlarge the window, or press {key} to quit."),
    help_title: |screen| format!(" Keys: {screen} "),
    unsaved_changes: "Unsaved changes",
    leave_question_quit: "You have unsaved changes on this screen. Quit and discard them?",
    leave_question_leave: "You have unsaved changes on this screen. Leave and discard them?",
    leave_discard: "Discard changes",
    leave_keep_editing: "Keep editing",
    leave_hint: |discard, keep| format!("{discard} discards, {keep} keeps editing."),
    form_more_both: |next, previous| format!("  ▲▼ more above and below: {next} and {previous} move"),
    form_more_above: |previous| format!("  ▲ more above: {previous} moves up"),
    form_more_below: |next| format!("  ▼ more below: {next} moves down"),
    key_space: "Space",
    key_characters: "Characters",
    demo_note: "Demo: business date 2018-11-14, the first week of mandatory confirmation. Start with --today YYYY-MM-DD to see another day.",
    meanwhile_created: |agent| format!("Created meanwhile by {agent}."),
    meanwhile_confirmed: |agent| format!("Confirmed meanwhile by {agent}."),
    meanwhile_ordered: |agent| format!("An order was placed meanwhile by {agent}."),
    meanwhile_seats: |agent| format!("Seats changed meanwhile by {agent}."),
    meanwhile_auto_renew: |agent| format!("Auto-renew changed meanwhile by {agent}."),
};
