//! An import through the core while other agents confirm the same customers: each group of the
//! import is decided on what it read and judged again as it is written, so no person is
//! confirmed twice in a row however the writes interleave, and the store stays sound.

use crate::common::*;
use crate::workload::TickingClock;
use clap::FromArgMatches;
use pcenter::cli::Options;
use pcenter::core::{Core, SessionId};
use pcenter::domain::agreement::{current_on, Acceptance, Channel, Confirmation, Contact};
use pcenter::domain::role::Role;
use pcenter::service::ServiceError;
use pcenter::store::{audit, MemoryStore};
use std::path::Path;
use std::sync::Arc;

const IMPORTS: usize = 8;
const CONFIRMING_ROUNDS: usize = 60;

fn contact(first_name: &str) -> Contact {
    Contact {
        first_name: first_name.into(),
        last_name: "Racer".into(),
        email: format!("{}.racer@example.com", first_name.to_lowercase()),
        phone: None,
    }
}

/// `pcenter agreements import FILE` run on `core` as Ida Import; its exit status.
fn import(core: &Arc<Core>, file: &Path) -> u8 {
    let args = [
        "pcenter",
        "--today",
        MANDATORY_DAY,
        "--agent",
        "Ida Import",
        "agreements",
        "import",
    ];
    let matches = pcenter::cli::command()
        .try_get_matches_from(args.iter().copied().chain([file.to_str().unwrap()]))
        .expect("valid arguments");
    let mut options = Options::from_arg_matches(&matches).expect("options");
    let command = options.command.take().expect("a command");
    let mut out = Vec::new();
    match pcenter::api::execute_on(Arc::clone(core), command, &options, &mut out) {
        Ok(status) => status,
        Err(error) => panic!("the import failed: {}", error.description),
    }
}

/// The confirmations recorded before `moment` (the clock ticks at every change).
fn before(history: &[Confirmation], moment: &Confirmation) -> Vec<Confirmation> {
    history
        .iter()
        .filter(|c| c.recorded_at < moment.recorded_at)
        .cloned()
        .collect()
}

#[test]
fn an_import_racing_other_agents_never_confirms_a_person_twice_in_a_row() {
    let start = demo_on(MANDATORY_DAY);
    let clock = TickingClock::new(fixed_clock(MANDATORY_DAY).0);
    let core = core_over(
        Box::new(MemoryStore::with_snapshot(start.clone())),
        MANDATORY_DAY,
        Box::new(clock),
    );
    let confirmable: Vec<_> = start
        .customers
        .iter()
        .filter(|c| c.cloud.supports_confirmation())
        .collect();
    // Import i names person i, accepted on November 10; Ann confirms those same people in
    // turn, accepted a day earlier, and Bob someone else: whichever write comes first, the
    // next is judged on it.
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..IMPORTS)
        .map(|run| {
            let file = dir.path().join(format!("run{run}.csv"));
            let person = contact(&format!("Pat{run}"));
            let mut csv = String::from("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n");
            for customer in &confirmable {
                csv += &format!(
                    "{},{},2018-11-10,{},{},,{}\n",
                    customer.id, customer.domain, person.first_name, person.last_name, person.email
                );
            }
            std::fs::write(&file, csv).unwrap();
            file
        })
        .collect();

    std::thread::scope(|scope| {
        scope.spawn(|| {
            for file in &files {
                let status = import(&core, file);
                assert!(status == 0 || status == 11, "exit {status}");
            }
        });
        for agent in ["Ann Agent", "Bob Agent"] {
            let (core, confirmable) = (&core, &confirmable);
            scope.spawn(move || {
                let actor = actor(agent, Role::AdminAgent, MANDATORY_DAY);
                for round in 0..CONFIRMING_ROUNDS {
                    for customer in confirmable {
                        let first_name = match agent {
                            "Ann Agent" => format!("Pat{}", round % IMPORTS),
                            _ => "Quinn".to_string(),
                        };
                        let acceptance = Acceptance {
                            accepted_by: contact(&first_name),
                            date_agreed: "2018-11-09".parse().unwrap(),
                            agreement: pcenter::domain::agreement::AgreementKind::CloudAgreement,
                        };
                        let result = core.change(&actor, SessionId::COMMAND, |ops| {
                            ops.confirm(&customer.id, acceptance, Channel::Account)
                        });
                        match result {
                            Ok(_) | Err(ServiceError::AlreadyConfirmed) => {}
                            Err(other) => panic!("{agent}: {other}"),
                        }
                    }
                }
            });
        }
    });

    let end = core.store().load().unwrap();
    let today = MANDATORY_DAY.parse().unwrap();
    let mut imported = 0;
    for c in end
        .confirmations
        .iter()
        .filter(|c| !start.confirmations.contains(c))
    {
        imported += usize::from(c.recorded_by == "Ida Import");
        let history: Vec<Confirmation> = end
            .confirmations
            .iter()
            .filter(|o| o.customer_id == c.customer_id)
            .cloned()
            .collect();
        if let Some(current) = current_on(&before(&history, c), today) {
            assert!(
                !current.accepted_by.same_person(&c.accepted_by),
                "{c:?} confirms again the person of {current:?}"
            );
        }
    }
    assert!(imported > 0, "the imports recorded nothing");
    let problems = audit(core.store()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}
