use super::*;
use crate::assets;
use crate::clock::FixedClock;
use crate::domain::agreement::{Acceptance, Channel, Contact};
use crate::domain::role::Role;
use crate::store::MemoryStore;
use std::sync::mpsc;

const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";

fn core() -> Core {
    let store = MemoryStore::with_snapshot(assets::demo_snapshot());
    let day = "2018-11-14".parse().unwrap();
    let clock = FixedClock("2018-11-14T10:30:00Z".parse().unwrap());
    Core::with_directory(
        Box::new(store),
        Box::new(clock),
        day,
        "Partner".into(),
        Directory::new(),
        None,
    )
}

fn agent(name: &str) -> Actor {
    Actor {
        agent: name.into(),
        role: Role::AdminAgent,
        business_date: "2018-11-14".parse().unwrap(),
        access: Default::default(),
    }
}

fn acceptance(first_name: &str) -> Acceptance {
    Acceptance {
        accepted_by: Contact {
            first_name: first_name.into(),
            last_name: "Doe".into(),
            email: format!("{}@northwind.example", first_name.to_lowercase()),
            phone: None,
        },
        date_agreed: "2018-11-10".parse().unwrap(),
        agreement: crate::domain::agreement::AgreementKind::CloudAgreement,
    }
}

#[test]
fn a_change_is_told_to_every_listener_with_the_records_written() {
    let core = core();
    let (sender, notices) = mpsc::channel();
    let _listening = core.subscribe(move |notice| sender.send(notice).is_ok());
    let session = core.new_session_id();
    core.change(&agent("Ann Agent"), session, |ops| {
        ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Account)
    })
    .unwrap();
    let Notice::Changed(change) = notices.try_recv().unwrap() else {
        panic!("a change was expected");
    };
    assert_eq!(change.session, session);
    assert_eq!(change.agent, "Ann Agent");
    assert_eq!(change.dossier.confirmations.len(), 1);
    assert_eq!(
        change.row.status,
        crate::domain::status::AgreementStatus::Confirmed
    );
    assert_eq!(change.inserted_at, Some(0), "the directory had no row yet");
}

#[test]
fn a_second_confirmation_of_the_same_person_is_refused_on_the_stored_records() {
    let core = core();
    let ann = agent("Ann Agent");
    core.change(&ann, SessionId::COMMAND, |ops| {
        ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Account)
    })
    .unwrap();
    let again = core.change(&agent("Bob Agent"), SessionId::COMMAND, |ops| {
        ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Account)
    });
    assert_eq!(again.unwrap_err(), ServiceError::AlreadyConfirmed);
}

#[test]
fn a_dropped_subscription_is_told_nothing_more() {
    let core = core();
    let (sender, _notices) = mpsc::channel();
    let listening = core.subscribe(move |notice| sender.send(notice).is_ok());
    assert_eq!(core.listeners.count(), 1);
    drop(listening);
    assert_eq!(core.listeners.count(), 0);
}

/// Northwind read from the store, and the generation before it was read.
fn northwind_read(core: &Core) -> Seed {
    let generation = core.generation();
    let mut book = Book::default();
    book.insert_dossier(core.store().dossier(NORTHWIND).unwrap().unwrap());
    Seed { generation, book }
}

#[test]
fn records_read_with_no_change_since_are_what_a_seeded_change_starts_from() {
    let core = core();
    let mut seed = northwind_read(&core);
    // A mark the store does not have: only a change that starts from the seed sees it.
    let marked = acceptance("Mark").record(
        NORTHWIND,
        "Reader",
        core.now_on(core.business_date()),
        Channel::Import,
    );
    seed.book.add_confirmation(marked);
    let (seen, after) = core.change_seeded(&agent("Ann Agent"), SessionId::COMMAND, seed, |ops| {
        ops.load(NORTHWIND)?;
        Ok(ops.book.confirmations(NORTHWIND).len())
    });
    assert_eq!(seen, Ok(1));
    assert_eq!(after.generation, core.generation());
    assert_eq!(after.book.confirmations(NORTHWIND).len(), 1);
}

#[test]
fn records_read_before_another_change_are_read_again() {
    let core = core();
    let seed = northwind_read(&core);
    core.change(&agent("Bob Agent"), SessionId::COMMAND, |ops| {
        ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Account)
    })
    .unwrap();
    // Written on what was read before Bob's change, Jane would be confirmed twice.
    let (again, after) = core.change_seeded(&agent("Ann Agent"), SessionId::COMMAND, seed, |ops| {
        ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Import)
    });
    assert_eq!(again.unwrap_err(), ServiceError::AlreadyConfirmed);
    assert!(
        after.book.is_empty(),
        "a failed change gives back nothing it held"
    );
    assert_eq!(
        core.store()
            .dossier(NORTHWIND)
            .unwrap()
            .unwrap()
            .confirmations
            .len(),
        1
    );
}

/// A core on a store on disk holding the demo, so that flushes take as long as they do.
fn core_on_disk(dir: &std::path::Path) -> Core {
    let store = crate::store::SledStore::open(dir).unwrap();
    store.write_snapshot(&assets::demo_snapshot()).unwrap();
    let mut core = core();
    core.store = Box::new(store);
    core.store.group_flushes();
    core
}

#[test]
fn changes_made_at_once_are_published_in_the_order_they_were_written_and_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let core = core_on_disk(dir.path());
    let (sender, notices) = mpsc::channel();
    let _listening = core.subscribe(move |notice| sender.send(notice).is_ok());
    let (threads, each) = (8u8, 20u8);
    std::thread::scope(|scope| {
        for thread in 0..threads {
            let core = &core;
            scope.spawn(move || {
                for n in 0..each {
                    let first_name = format!("Ann{}", char::from(b'a' + thread));
                    let last_name = format!("Doe{}", char::from(b'a' + n));
                    let acceptance = Acceptance {
                        accepted_by: Contact {
                            email: format!("{first_name}.{last_name}@northwind.example"),
                            first_name,
                            last_name,
                            phone: None,
                        },
                        date_agreed: "2018-11-10".parse().unwrap(),
                        agreement: crate::domain::agreement::AgreementKind::CloudAgreement,
                    };
                    core.change(&agent("Ann Agent"), SessionId::COMMAND, |ops| {
                        ops.confirm(NORTHWIND, acceptance, Channel::Account)
                    })
                    .unwrap();
                }
            });
        }
    });
    let total = usize::from(threads) * usize::from(each);
    let told: Vec<usize> = notices
        .try_iter()
        .filter_map(|notice| match notice {
            Notice::Changed(change) => Some(change.dossier.confirmations.len()),
            _ => None,
        })
        .collect();
    // Each notice carries the records as that change wrote them: told out of order, a session
    // would end up showing an older history than the store's.
    assert_eq!(told, (1..=total).collect::<Vec<_>>());
    let stored = core.store().dossier(NORTHWIND).unwrap().unwrap();
    assert_eq!(stored.confirmations.len(), total);
}

#[test]
fn a_change_told_later_is_told_only_by_flush_and_publish() {
    let core = core();
    let (sender, notices) = mpsc::channel();
    let _listening = core.subscribe(move |notice| sender.send(notice).is_ok());
    let (confirmed, after) = core.change_seeded_later(
        &agent("Ann Agent"),
        SessionId::COMMAND,
        Seed::default(),
        |ops| ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Account),
    );
    confirmed.unwrap();
    assert_eq!(after.book.confirmations(NORTHWIND).len(), 1);
    assert!(notices.try_recv().is_err(), "nothing told before the flush");
    // The rules already see it: the store holds it.
    // Started from what the first change ended with, current as nothing changed since.
    let again = core.change_seeded_later(&agent("Bob Agent"), SessionId::COMMAND, after, |ops| {
        ops.confirm(NORTHWIND, acceptance("Jane"), Channel::Account)
    });
    assert_eq!(again.0.unwrap_err(), ServiceError::AlreadyConfirmed);
    core.flush_and_publish().unwrap();
    let told: Vec<_> = notices.try_iter().collect();
    assert_eq!(told.len(), 1, "told once");
    core.flush_and_publish().unwrap();
    assert!(notices.try_recv().is_err(), "and never again");
}
