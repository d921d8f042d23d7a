//! What a session writes to a sled store is there, exactly, after the store is closed and
//! opened again.

use crate::common::*;
use crate::support::*;
use pcenter::assets;
use pcenter::domain::agreement::Channel;
use pcenter::domain::role::Role;
use pcenter::store::{copy_into, SledStore, Store};
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_confirmation_and_an_order_made_with_keys_survive_reopening_the_sled_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let demo = assets::demo_snapshot();
    let store = SledStore::open(&path).unwrap();
    copy_into(&store, &demo).unwrap();

    let mut s = session_over(Box::new(store), MANDATORY_DAY, Role::AdminAgent);
    select_customer(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    ctrl(&mut s, 's'); // Save and continue
    press(&mut s, KeyCode::Char(' '));
    type_text(&mut s, "12");
    press(&mut s, KeyCode::Enter);
    ctrl(&mut s, 's'); // Submit
    assert_eq!(account(&s).customer_id, NORTHWIND);
    let subscriptions = s.app.ctx.book.subscriptions(NORTHWIND).len();
    assert_eq!(
        account(&s).selected,
        subscriptions - 1,
        "the new one is selected"
    );
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Char('s'));
    retype(&mut s, "50");
    ctrl(&mut s, 's');
    assert!(account(&s).seat_editor.is_none(), "{:?}", s.app.ctx.flash);
    let written = stored(&s);
    drop(s);

    let reopened = SledStore::open(&path).unwrap().load().unwrap();
    assert_eq!(reopened, written);
    let confirmation = only_new(&demo.confirmations, &reopened.confirmations);
    assert_eq!(confirmation.customer_id, NORTHWIND);
    assert_eq!(confirmation.channel, Channel::OrderPrompt);
    let order = only_new(&demo.orders, &reopened.orders);
    assert_eq!(order.customer_id, NORTHWIND);
    assert_eq!(order.lines[0].quantity, 12);
    assert_eq!(reopened.subscriptions.len(), demo.subscriptions.len() + 1);
    let premium = reopened
        .subscriptions
        .iter()
        .find(|sub| {
            sub.customer_id == NORTHWIND && sub.offer_id == "9A2B630F-B3A0-4368-AFD8-2039FCBC5F24"
        })
        .unwrap();
    assert_eq!(premium.quantity, Some(50));
}
