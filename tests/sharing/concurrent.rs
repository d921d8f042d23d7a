//! Many agents at once through one core: threads, each its own agent, make random changes on
//! the same 20 customers of a sled store, in the mandatory phase. Afterwards, on the store and
//! on the journal each change kept of what it saw (see `workload`):
//!
//! - every change reported done is in the store, and nothing else is: the store is exactly the
//!   starting records with every change replayed in write order (no seat or auto-renew change
//!   lost to another written over it);
//! - no person is confirmed twice in a row: no confirmation names the same person as the
//!   customer's confirmation current (on the business date) just before it was written, which
//!   is the 600061 rule of `service::confirm`; and a confirmation was refused as 600061 exactly
//!   when that was so in the store at that moment;
//! - no order and no seat change passed a closed gate: each one went through only when the
//!   store held a confirmation for the customer (or it is outside the public cloud) at that
//!   moment, and each order is dated after that confirmation; and none was refused at an open
//!   gate;
//! - `store::audit` finds nothing wrong, before the store is closed and after it is opened again;
//! - every listener was told every change, in write order, and sessions that followed show the
//!   store as it is.

use crate::common::*;
use crate::concurrent_checks::*;
use crate::workload::*;
use pcenter::app::session::Session;
use pcenter::domain::role::Role;
use pcenter::service::Actor;
use pcenter::store::{audit, SledStore, Snapshot, Store};
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::AtomicU64;
use std::sync::{mpsc, Arc};

const THREADS: usize = 8;
const OPERATIONS: usize = 1_000;
const CUSTOMERS: usize = 20;

// One test per seed, so that they run side by side.

#[test]
fn eight_agents_at_once_never_break_a_rule_nor_lose_a_change_seed_20181114() {
    run_with_seed(20_181_114);
}

#[test]
fn eight_agents_at_once_never_break_a_rule_nor_lose_a_change_seed_7() {
    run_with_seed(7);
}

/// The demo customers without a confirmation (three of them outside the public cloud), and
/// confirmed ones up to 20, with their records.
fn twenty_customers() -> Snapshot {
    let demo = demo_on(MANDATORY_DAY);
    let confirmed: HashSet<&str> = demo
        .confirmations
        .iter()
        .map(|c| c.customer_id.as_str())
        .collect();
    let mut chosen: Vec<&str> = demo
        .customers
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| !confirmed.contains(id))
        .collect();
    let confirmed_ones = demo.customers.iter().map(|c| c.id.as_str());
    let more: Vec<&str> = confirmed_ones.filter(|id| confirmed.contains(id)).collect();
    chosen.extend(&more[..CUSTOMERS - chosen.len()]);
    let kept = |id: &String| chosen.contains(&id.as_str());
    Snapshot {
        partner_name: demo.partner_name.clone(),
        customers: demo
            .customers
            .iter()
            .filter(|c| kept(&c.id))
            .cloned()
            .collect(),
        confirmations: (demo.confirmations.iter())
            .filter(|c| kept(&c.customer_id))
            .cloned()
            .collect(),
        orders: (demo.orders.iter())
            .filter(|o| kept(&o.customer_id))
            .cloned()
            .collect(),
        subscriptions: (demo.subscriptions.iter())
            .filter(|s| kept(&s.customer_id))
            .cloned()
            .collect(),
    }
}

fn run_with_seed(seed: u64) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("store");
    let start = twenty_customers();
    let store = SledStore::open(&path).expect("a new store");
    pcenter::store::copy_into(&store, &start).expect("the customers");
    let clock = TickingClock::new(fixed_clock(MANDATORY_DAY).0);
    let core = core_over(Box::new(store), MANDATORY_DAY, Box::new(clock));
    let customers: Vec<String> = start.customers.iter().map(|c| c.id.clone()).collect();

    // Listeners of every kind: raw ones, and sessions (one with an Account open).
    let (listeners, heard): (Vec<_>, Vec<_>) = (0..3)
        .map(|_| {
            let (sender, notices) = mpsc::channel();
            let subscription = core.subscribe(move |notice| sender.send(notice).is_ok());
            (subscription, notices)
        })
        .unzip();
    let actor_of = |agent: &str, role| actor(agent, role, MANDATORY_DAY);
    let on_list = Session::open(
        Arc::clone(&core),
        actor_of("Lisa", Role::AdminAgent),
        (80, 24),
    );
    let mut on_account = Session::open(
        Arc::clone(&core),
        actor_of("Otto", Role::SalesAgent),
        (80, 24),
    );
    open_account(&mut on_account, NORTHWIND);

    let writes = AtomicU64::new(0);
    let journals: Vec<Vec<Entry>> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..THREADS)
            .map(|thread| {
                let (core, customers, writes) = (&core, &customers, &writes);
                scope.spawn(move || {
                    let actor = Actor {
                        agent: format!("Agent {thread}"),
                        role: role_of_thread(thread),
                        business_date: core.business_date(),
                        access: Default::default(),
                    };
                    let session = core.new_session_id();
                    let mut rng = Rng::new(seed ^ (thread as u64).wrapping_mul(0x9e37_79b9));
                    let mut journal = Vec::with_capacity(OPERATIONS);
                    for _ in 0..OPERATIONS {
                        let op = Op::random(&mut rng, CUSTOMERS, actor.business_date);
                        run(core, &actor, session, customers, op, writes, &mut journal);
                    }
                    journal
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("a thread"))
            .collect()
    });
    let mut journal: Vec<Entry> = journals.into_iter().flatten().collect();
    journal.sort_by_key(|entry| entry.seq);
    let context = format!("seed {seed}");
    assert_eq!(journal.len(), THREADS * OPERATIONS, "{context}");
    assert!(
        journal.iter().enumerate().all(|(i, e)| e.seq == i as u64),
        "{context}: every change ran once, one at a time"
    );

    let end = core.store().load().expect("the store reads");
    check_replay(&start, &journal, &end, &context);
    check_duplicates(&start, &journal, &end, &context);
    check_gate(&start, &journal, &end, &context);
    check_refusals(&journal, &context);
    let problems = audit(core.store()).expect("the store reads");
    assert!(problems.is_empty(), "{context}: {problems:?}");
    check_told(&core, &journal, heard, &context);
    check_sessions(&core, &mut [on_list, on_account], &context);
    eprintln!("{context}: {}", summary(&journal));

    drop(listeners);
    let core = Arc::try_unwrap(core).unwrap_or_else(|_| panic!("the sessions are gone"));
    core.close();
    let reopened = SledStore::open(&path).expect("the store opens again");
    assert_eq!(
        reopened.load().expect("reads"),
        end,
        "{context}: all of it was durable"
    );
    let problems = audit(&reopened).expect("the store reads");
    assert!(problems.is_empty(), "{context}: reopened: {problems:?}");
    reopened.close();
}

/// How many changes went through, and how many were refused, by kind.
fn summary(journal: &[Entry]) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for entry in journal {
        let kind = format!("{:?}", entry.op);
        let kind = kind.split(' ').next().unwrap_or_default().to_string();
        let count = counts.entry(kind).or_default();
        if entry.outcome.is_ok() {
            count.0 += 1;
        } else {
            count.1 += 1;
        }
    }
    format!("(done, refused) {counts:?}")
}
