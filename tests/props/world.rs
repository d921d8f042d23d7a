//! One demo store in a temporary directory, and calls run on it in this process through the
//! command line's own parser and `api::execute`, as the binary runs them. After each call the
//! store is opened as another pcenter would open it, and checked: `store::audit` finds nothing
//! wrong, the outcome is one the rules allow (see `expect`), a refused or read-only call
//! changed nothing, and a call that wrote wrote what it said.

use crate::commands::*;
use crate::expect::{expect, Outcome};
use crate::names::{customer_text, order_seats, person, resolve, set_seats_count, subscription_id};
use crate::rules::check_step;
use clap::FromArgMatches;
use pcenter::backup::BackupReader;
use pcenter::cli::Options;
use pcenter::domain::agreement::Channel;
use pcenter::domain::customer::domain_from_prefix;
use pcenter::service::Actor;
use pcenter::store::{audit, SledStore, Snapshot, Store};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

pub struct World {
    pub dir: tempfile::TempDir,
    /// What the store held after the last call.
    snapshot: Snapshot,
    /// Backups the calls wrote, with what the store held then.
    pub backups: Vec<(PathBuf, Snapshot)>,
    /// Where the call being rendered writes a backup, if it does.
    pub last_backup: Option<PathBuf>,
    /// Files written for the calls so far, for unique names.
    pub files: usize,
}

impl World {
    /// The demo store, seeded by a first command.
    pub fn new() -> World {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(dir.path().join("files")).expect("files");
        let mut world = World {
            dir,
            snapshot: Snapshot::default(),
            backups: Vec::new(),
            last_backup: None,
            files: 0,
        };
        let seed = ["--today", "2018-11-14", "customers", "list"];
        let (outcome, output) = world.execute(&seed.map(String::from));
        assert_eq!(outcome, Outcome::Finished(0), "{output}");
        world.snapshot = world.audited().expect("the demo store is sound");
        // A backup of the demo store, for the calls that restore one.
        let call = Call {
            today: "2018-11-14",
            role: "admin-agent",
            agent: "Megan Bowen",
            command: Cmd::Backup(Out::File),
        };
        world.run(&call).expect("a backup of the demo store");
        world
    }

    fn store_path(&self) -> PathBuf {
        self.dir.path().join("demo")
    }

    /// What the store holds, once `store::audit` found nothing wrong in it.
    fn audited(&self) -> Result<Snapshot, TestCaseError> {
        let store = SledStore::open(&self.store_path())
            .map_err(|e| TestCaseError::fail(format!("the store does not open: {e}")))?;
        let problems = audit(&store).expect("the store reads");
        let snapshot = store.load().expect("the store reads");
        store.close();
        prop_assert!(problems.is_empty(), "store::audit: {:?}", problems);
        Ok(snapshot)
    }

    /// Runs pcenter with `args` after `--data-dir DIR --demo`, in this process.
    fn execute(&self, args: &[String]) -> (Outcome, String) {
        let dir = self.dir.path().to_string_lossy().into_owned();
        let head = ["pcenter", "--data-dir", &dir, "--demo"].map(String::from);
        let line = head.into_iter().chain(args.iter().cloned());
        let parsed = pcenter::cli::command()
            .try_get_matches_from(line)
            .and_then(|matches| Options::from_arg_matches(&matches));
        let mut options = match parsed {
            Ok(options) => options,
            Err(error) => return (Outcome::Usage, error.to_string()),
        };
        let command = options.command.take().expect("a command");
        let mut out = Vec::new();
        let result = pcenter::api::execute(command, &options, &mut out);
        let printed = String::from_utf8_lossy(&out).into_owned();
        match result {
            Ok(status) => (Outcome::Finished(status), printed),
            Err(error) => (
                Outcome::Refused {
                    exit: error.exit,
                    code: error.code,
                },
                format!("{printed}{}", error.description),
            ),
        }
    }

    /// Runs one call and checks it.
    pub fn run(&mut self, call: &Call) -> Result<(), TestCaseError> {
        let before = std::mem::take(&mut self.snapshot);
        let expected = expect(call, &before, self.backups.len());
        let mut args: Vec<String> = [
            "--today", call.today, "--role", call.role, "--agent", call.agent,
        ]
        .map(String::from)
        .into();
        args.extend(self.render(&call.command, &before));
        let (outcome, output) = self.execute(&args);
        let written = self.last_backup.take();
        let after = self.audited()?;
        let context = format!("{call:#?}\nargs: {args:?}\nprinted: {output}");
        if let Err(why) = expected.check(outcome) {
            return Err(TestCaseError::fail(format!("{why}\n{context}")));
        }
        let changed = after != before;
        let may_write = outcome == Outcome::Finished(0) || outcome == Outcome::Finished(11);
        prop_assert!(
            !changed || may_write,
            "refused, yet the store changed\n{}",
            context
        );
        if outcome != Outcome::Usage {
            let actor = actor(call);
            if !matches!(call.command, Cmd::Restore { .. }) {
                check_step(&actor, &before, &before, &after)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{context}")))?;
            }
            if may_write {
                self.check_effects(call, &before, &after, written)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{context}")))?;
            }
        }
        self.snapshot = after;
        Ok(())
    }

    /// What a call that ended well must have done to the store.
    fn check_effects(
        &mut self,
        call: &Call,
        before: &Snapshot,
        after: &Snapshot,
        backup: Option<PathBuf>,
    ) -> Result<(), TestCaseError> {
        let new_confirmations: Vec<_> = (after.confirmations.iter())
            .filter(|c| !before.confirmations.contains(c))
            .collect();
        let today = call.today.parse().expect("a business date");
        match &call.command {
            Cmd::CreateAgreement {
                customer,
                contact,
                date,
                ..
            } => {
                let named = resolve(&customer_text(*customer, before), before).expect("found");
                prop_assert_eq!(new_confirmations.len(), 1);
                let made = new_confirmations[0];
                prop_assert_eq!(&made.customer_id, &named.id);
                prop_assert_eq!(&made.accepted_by, &person(*contact));
                let dated = date.map_or(today, |d| d.parse().expect("a date"));
                prop_assert_eq!(made.date_agreed, dated);
                prop_assert_eq!(made.channel, Channel::Command);
                prop_assert_eq!(&made.recorded_by, call.agent);
                prop_assert_eq!(after.customers.len(), before.customers.len());
            }
            Cmd::CreateCustomer(body) => {
                prop_assert_eq!(after.customers.len(), before.customers.len() + 1);
                let domain = domain_from_prefix(body.prefix.0).expect("a prefix");
                prop_assert!(after.customers.iter().any(|c| c.domain == domain));
                prop_assert_eq!(
                    new_confirmations.len(),
                    usize::from(body.agreement.is_some())
                );
            }
            Cmd::CreateOrder { lines, .. } => {
                prop_assert_eq!(after.orders.len(), before.orders.len() + 1);
                let added = after.subscriptions.len() - before.subscriptions.len();
                prop_assert_eq!(added, lines.len());
                let seats: Vec<u32> = lines.iter().map(|(_, s)| order_seats(*s)).collect();
                let order = after
                    .orders
                    .iter()
                    .find(|o| !before.orders.contains(o))
                    .expect("new");
                let ordered: Vec<u32> = order.lines.iter().map(|l| l.quantity).collect();
                prop_assert_eq!(ordered, seats);
            }
            Cmd::SetSeats {
                customer,
                subscription,
                seats,
            } => {
                let named = resolve(&customer_text(*customer, before), before).expect("found");
                let id = subscription_id(named, *subscription, before);
                let was = before
                    .subscriptions
                    .iter()
                    .find(|s| s.id == id)
                    .expect("found");
                let count = set_seats_count(*seats, was.quantity);
                let now = after
                    .subscriptions
                    .iter()
                    .find(|s| s.id == id)
                    .expect("kept");
                prop_assert_eq!(now.quantity, Some(count));
                prop_assert_eq!(after.subscriptions.len(), before.subscriptions.len());
            }
            Cmd::Import { dry_run, file } => {
                prop_assert!(!dry_run || after == before, "a dry run wrote");
                prop_assert!(new_confirmations
                    .iter()
                    .all(|c| c.channel == Channel::Import));
                prop_assert!(new_confirmations.len() <= file.rows.len());
                prop_assert_eq!(after.customers.len(), before.customers.len());
            }
            Cmd::Backup(_) => {
                let path = backup.expect("a backup path");
                prop_assert_eq!(
                    &read_backup(&path),
                    before,
                    "the backup holds another store"
                );
                self.backups.push((path, before.clone()));
            }
            Cmd::Restore { file, .. } => {
                let BackupFile::Written(i) = file else {
                    return Err(TestCaseError::fail("only a whole backup restores"));
                };
                prop_assert_eq!(after, &self.backups[*i].1, "the store is not the backup's");
            }
            _ => prop_assert_eq!(after, before, "a command that only reads changed the store"),
        }
        Ok(())
    }
}

fn actor(call: &Call) -> Actor {
    Actor {
        agent: call.agent.to_string(),
        role: call.role.parse().expect("a role"),
        business_date: call.today.parse().expect("a business date"),
    }
}

/// What a backup file holds, as a snapshot.
fn read_backup(path: &Path) -> Snapshot {
    let file = std::fs::File::open(path).expect("the backup");
    let mut reader = BackupReader::open(std::io::BufReader::new(file)).expect("a backup");
    let mut dossiers = Vec::new();
    while let Some(dossier) = reader.next_dossier().expect("a whole backup") {
        dossiers.push(dossier);
    }
    Snapshot::of_dossiers(reader.header().partner.clone(), dossiers)
}
