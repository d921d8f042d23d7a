//! Snapshots of screens holding text of every kind, at a fixed size and clock: Japanese names,
//! "Zoë" written with one character and with a combining mark, emoji, right-to-left text, and
//! values stored before the forms refused control characters and text-direction marks. The
//! cursor stands where the text ends on screen, columns line up, and nothing hidden is drawn.

mod common;
mod legacy;

use common::*;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::assets;
use pcenter::domain::characters::is_hidden;
use pcenter::domain::role::Role;
use pcenter::store::{SledStore, Snapshot};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn snap(name: &str, backend: &TestBackend) {
    insta::assert_snapshot!(name, backend.to_string());
}

/// Asserts that no cell of the screen holds a character that would act on the terminal.
fn assert_nothing_hidden(backend: &TestBackend) {
    for cell in backend.buffer().content.iter() {
        assert!(
            !cell.symbol().chars().any(is_hidden),
            "a cell holds {:?}",
            cell.symbol()
        );
    }
}

/// The cursor column after typing `text` into the focused field, minus the column before.
fn columns_typed(s: &mut Session, text: &str) -> u16 {
    let before = render(s, 80, 24).cursor_position().x;
    type_text(s, text);
    render(s, 80, 24).cursor_position().x - before
}

/// A legacy company name: written before the forms refused hidden characters.
const LEGACY_NAME: &str = "Evil\u{202E}Corp\x1b[31m Ltd\x07";

/// Six demo customers, renamed: Japanese, Zoë twice (one character, and e with a combining
/// diaeresis), emoji, right-to-left, and a legacy name with control characters. Contoso keeps
/// its confirmation, now accepted by a person with a Japanese name.
fn many_scripts() -> Snapshot {
    let mut demo = assets::demo_snapshot();
    let mut keep: Vec<String> = demo
        .customers
        .iter()
        .take(6)
        .map(|c| c.id.clone())
        .collect();
    if !keep.iter().any(|id| id == CONTOSO) {
        keep[0] = CONTOSO.to_string();
    }
    demo.customers.retain(|c| keep.contains(&c.id));
    demo.confirmations.retain(|c| keep.contains(&c.customer_id));
    demo.orders.retain(|o| keep.contains(&o.customer_id));
    demo.subscriptions.retain(|s| keep.contains(&s.customer_id));
    let names = [
        "Zoë Bakery",
        "Zoe\u{308} Bakery Two",
        "Ana 🙂 Studio",
        "שלום Systems",
    ];
    let others = demo
        .customers
        .iter_mut()
        .filter(|c| c.id != CONTOSO && c.id != NORTHWIND);
    for (customer, name) in others.zip(names) {
        customer.company_name = name.to_string();
    }
    for customer in demo.customers.iter_mut() {
        if customer.id == CONTOSO {
            customer.company_name = "山田太郎商事".into();
        } else if customer.id == NORTHWIND {
            // Unconfirmed, so Update offers its primary contact.
            customer.company_name = LEGACY_NAME.into();
            customer.primary_contact.first_name = "Bell\x07".into();
            customer.address.city = "Oslo\tNorway".into();
        }
    }
    for confirmation in demo
        .confirmations
        .iter_mut()
        .filter(|c| c.customer_id == CONTOSO)
    {
        confirmation.accepted_by.first_name = "太郎".into();
        confirmation.accepted_by.last_name = "山田".into();
    }
    demo
}

/// A session over `snapshot` kept as an older pcenter stored it, its values unchecked.
fn session_of(snapshot: Snapshot, date: &str) -> Session {
    // Kept for the whole test run: the session owns the store in it.
    let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
    let path = dir.path().join("store");
    legacy::write_layout_1(&path, &snapshot);
    let store = SledStore::open(&path).expect("open a store left by an older pcenter");
    session_over(Box::new(store), date, Role::AdminAgent)
}

#[test]
fn the_customers_list_lines_up_names_of_every_script_and_hides_nothing() {
    let mut s = session_of(many_scripts(), OPTIONAL_DAY);
    let backend = render(&mut s, 80, 24);
    assert_nothing_hidden(&backend);
    let screen = backend.to_string();
    // Every row's domain starts in the same column, whatever the name before it.
    let columns: Vec<usize> = screen
        .lines()
        .filter(|l| l.contains(".onm"))
        .map(|l| {
            let at = l.find(".onm").unwrap();
            let start = l[..at].rfind(' ').unwrap() + 1;
            pcenter::ui::text::width(&l[..start])
        })
        .collect();
    assert_eq!(columns.len(), 6, "{screen}");
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{screen}"
    );
    snap("bad_input_customers_many_scripts_80x24", &backend);
}

#[test]
fn an_account_with_a_japanese_name_and_acceptor() {
    let mut s = session_of(many_scripts(), OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    let backend = render(&mut s, 80, 24);
    assert!(backend.to_string().contains("山田太郎 ·"), "{backend}");
    snap("bad_input_account_japanese_80x24", &backend);
}

#[test]
fn an_account_stored_with_control_characters_shows_them_as_replacement_marks() {
    let mut s = session_of(many_scripts(), OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    let backend = render(&mut s, 80, 24);
    assert_nothing_hidden(&backend);
    let screen = backend.to_string();
    assert!(screen.contains("Evil�Corp�[31m Ltd�"), "{screen}");
    assert!(
        screen.contains("Oslo Norway"),
        "a tab shows as a space: {screen}"
    );
    snap("bad_input_account_legacy_controls_80x24", &backend);
}

#[test]
fn the_update_form_prefilled_with_a_stored_control_character_shows_it_and_refuses_it() {
    let mut s = session_of(many_scripts(), OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    ctrl(&mut s, 's');
    let backend = render(&mut s, 80, 24);
    assert_nothing_hidden(&backend);
    let screen = backend.to_string();
    assert!(screen.contains("Bell�"), "{screen}");
    assert!(
        screen.contains("✗ First name cannot contain the control")
            && screen.contains("character U+0007; remove it."),
        "{screen}"
    );
    snap("bad_input_update_form_legacy_control_80x24", &backend);
}

#[test]
fn typing_japanese_combining_marks_and_emoji_keeps_the_cursor_at_the_text_end() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(columns_typed(&mut s, "山田太郎"), 8, "four wide characters");
    keys(
        &mut s,
        "\tyamada\tJP\t1-1 Chiyoda\t\tTokyo\tTokyo\t100-0001\t",
    );
    assert_eq!(
        columns_typed(&mut s, "Zoe\u{308}"),
        3,
        "e and its mark share a column"
    );
    press(&mut s, KeyCode::Tab);
    assert_eq!(
        columns_typed(&mut s, "Lee 🙂"),
        6,
        "the emoji takes two columns"
    );
    let backend = render(&mut s, 80, 24);
    snap("bad_input_new_customer_many_scripts_80x24", &backend);

    // "Zoë" typed as one character puts the cursor in the same place.
    let mut precomposed = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut precomposed, KeyCode::Char('n'));
    let mut combining = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut combining, KeyCode::Char('n'));
    assert_eq!(
        columns_typed(&mut precomposed, "Zoë"),
        columns_typed(&mut combining, "Zoe\u{308}")
    );
    // Right-to-left letters take one column each, in the order they were typed.
    let mut hebrew = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut hebrew, KeyCode::Char('n'));
    assert_eq!(columns_typed(&mut hebrew, "שלום"), 4);
}

#[test]
fn a_page_pasted_into_a_field_is_cut_at_its_limit_with_a_note_under_it() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    let page = format!("{}\x1b[2J", "Contoso Pharmaceuticals ".repeat(4_300));
    s.handle(Action::Paste(page));
    let backend = render(&mut s, 80, 24);
    assert_nothing_hidden(&backend);
    snap("bad_input_new_customer_page_pasted_80x24", &backend);
}
