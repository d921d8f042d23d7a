//! What the crate's own tests share: a core over the demo data in memory, on the
//! mandatory-phase date with a fixed clock, its whole directory read from the store, as a
//! server's core is once loaded; and a session of such a core.

use crate::app::session::Session;
use crate::assets;
use crate::clock::FixedClock;
use crate::core::Core;
use crate::directory::Directory;
use crate::domain::role::Role;
use crate::service::Actor;
use crate::store::{MemoryStore, Store};
use std::sync::Arc;

/// The business date of the demo core: in the mandatory phase.
pub const DAY: &str = "2018-11-14";

/// A core over the demo data in memory, on `DAY` at 10:30 UTC.
pub fn demo_core() -> Arc<Core> {
    let store = MemoryStore::with_snapshot(assets::demo_snapshot());
    let day = DAY.parse().unwrap();
    let rows = crate::directory::rows_on(&store, day).unwrap();
    let clock = FixedClock(format!("{DAY}T10:30:00Z").parse().unwrap());
    let partner = store.partner_name().unwrap().unwrap_or_default();
    Arc::new(Core::with_directory(
        Box::new(store),
        Box::new(clock),
        day,
        partner,
        Directory::from_rows(rows),
        None,
    ))
}

/// A session of a new demo core for `agent` with `role`, on the Customers list at 80x24.
pub fn demo_session(agent: &str, role: Role) -> Session {
    let actor = Actor {
        agent: agent.into(),
        role,
        business_date: DAY.parse().unwrap(),
        access: Default::default(),
    };
    Session::open(demo_core(), actor, (80, 24))
}
