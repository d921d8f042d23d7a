//! One demo store in a temporary directory, created for one environment, and calls run on it
//! in this process through the command line's own parser and `api::execute`, as the binary
//! runs them. After each call the store is opened as another pcenter would open it, and
//! checked: `store::audit` finds nothing wrong, the outcome is one the rules allow (see
//! `expect`), a refused or read-only call changed nothing, a call that wrote wrote what it
//! said, the store kept its environment, and a list holds the customers of the business date.

use crate::commands::*;
use crate::expect::{agreement_of, environment_of, expect, Outcome};
use crate::names::{customer_text, order_seats, person, resolve, set_seats_count, subscription_id};
use crate::rules::{check_step, confirmations_of, exists_on, gate_opens};
use clap::FromArgMatches;
use pcenter::assets;
use pcenter::backup::BackupReader;
use pcenter::cli::Options;
use pcenter::domain::agreement::{AgreementKind, Channel, Confirmation};
use pcenter::domain::customer::{domain_from_prefix, CustomerFilter};
use pcenter::domain::timeline::{self, Environment};
use pcenter::service::{Access, Actor};
use pcenter::store::{audit, SledStore, Snapshot, Store};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

pub struct World {
    pub dir: tempfile::TempDir,
    /// What the store held after the last call.
    snapshot: Snapshot,
    /// The environment the store keeps (none: it does not say yet, as one just restored).
    environment: Option<Environment>,
    /// Backups the calls wrote, with what the store held then.
    pub backups: Vec<(PathBuf, Snapshot)>,
    /// Where the call being rendered writes a backup, if it does.
    pub last_backup: Option<PathBuf>,
    /// Files written for the calls so far, for unique names.
    pub files: usize,
}

impl World {
    /// The demo store for `environment`, seeded by a first command.
    pub fn new(environment: Environment) -> World {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(dir.path().join("files")).expect("files");
        let mut world = World {
            dir,
            snapshot: Snapshot::default(),
            environment: None,
            backups: Vec::new(),
            last_backup: None,
            files: 0,
        };
        let seed = [
            "--today",
            "2018-11-14",
            "--environment",
            environment.name(),
            "customers",
            "list",
        ];
        let (outcome, output) = world.execute(&seed.map(String::from));
        assert_eq!(outcome, Outcome::Finished(0), "{output}");
        (world.snapshot, world.environment) = world.audited().expect("the demo store is sound");
        assert_eq!(world.environment, Some(environment));
        // A backup of the demo store, for the calls that restore one.
        let call = Call {
            today: "2018-11-14",
            role: "admin-agent",
            agent: "Megan Bowen",
            environment: None,
            command: Cmd::Backup(Out::File),
        };
        world.run(&call).expect("a backup of the demo store");
        world
    }

    fn store_path(&self) -> PathBuf {
        self.dir.path().join("demo")
    }

    /// What the store holds and the environment it keeps, once `store::audit` found nothing
    /// wrong in it.
    fn audited(&self) -> Result<(Snapshot, Option<Environment>), TestCaseError> {
        let store = SledStore::open(&self.store_path())
            .map_err(|e| TestCaseError::fail(format!("the store does not open: {e}")))?;
        let problems = audit(&store).expect("the store reads");
        let snapshot = store.load().expect("the store reads");
        let environment = store.environment().expect("the store reads");
        store.close();
        prop_assert!(problems.is_empty(), "store::audit: {:?}", problems);
        Ok((snapshot, environment))
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
        let expected = expect(call, &before, self.environment, self.backups.len());
        let mut args: Vec<String> = [
            "--today", call.today, "--role", call.role, "--agent", call.agent,
        ]
        .map(String::from)
        .into();
        if let Some(environment) = call.environment {
            args.extend(["--environment".to_string(), environment.to_string()]);
        }
        args.extend(self.render(&call.command, &before, call.today));
        let (outcome, output) = self.execute(&args);
        let written = self.last_backup.take();
        let (after, environment) = self.audited()?;
        let context = format!(
            "{call:#?}\nstore's environment: {:?}\nargs: {args:?}\nprinted: {output}",
            self.environment
        );
        if let Err(why) = expected.check(outcome, &output) {
            return Err(TestCaseError::fail(format!("{why}\n{context}")));
        }
        // The store keeps its environment; one that does not say takes the call's (a restore
        // makes a new store).
        if outcome != Outcome::Usage && !matches!(call.command, Cmd::Restore { .. }) {
            let kept = environment_of(call, self.environment);
            prop_assert_eq!(
                environment,
                Some(kept),
                "the store's environment\n{}",
                context
            );
        }
        let ran_in = environment_of(call, self.environment);
        self.environment = environment;
        let changed = after != before;
        let may_write = outcome == Outcome::Finished(0) || outcome == Outcome::Finished(11);
        prop_assert!(
            !changed || may_write,
            "refused, yet the store changed\n{}",
            context
        );
        if outcome != Outcome::Usage {
            let actor = actor(call, ran_in);
            if !matches!(call.command, Cmd::Restore { .. }) {
                check_step(&actor, &before, &before, &after)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{context}")))?;
            }
            if may_write {
                self.check_effects(call, &before, &after, written)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{context}")))?;
            }
            if let (Cmd::ListCustomers { .. }, Outcome::Finished(0)) = (&call.command, outcome) {
                check_listing(call, &before, &output)
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
                terms,
                json,
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
                let kind = agreement_of(*terms, *json, today).expect("an agreement");
                of_agreement(made, kind)?;
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
                if let Some((_, _, terms)) = body.agreement {
                    let kind = agreement_of(terms, true, today).expect("an agreement");
                    of_agreement(new_confirmations[0], kind)?;
                }
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
                // Each subscription under its offer's name of the business date.
                for subscription in (after.subscriptions.iter()).filter(|s| s.order_id == order.id)
                {
                    let offer = assets::offer(&subscription.offer_id).expect("an offer");
                    prop_assert_eq!(&subscription.offer_name, offer.name_on(today));
                }
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
                // Dated: the count changes from the business date on; a later change keeps
                // its own count from its day on.
                let count = set_seats_count(*seats, was.quantity_on(today));
                let now = after
                    .subscriptions
                    .iter()
                    .find(|s| s.id == id)
                    .expect("kept");
                prop_assert_eq!(now.quantity_on(today), Some(count));
                let later = (was.seat_changes.iter().chain(&now.seat_changes))
                    .map(|change| change.on)
                    .filter(|on| *on > today);
                for on in later {
                    prop_assert_eq!(
                        now.quantity_on(on),
                        was.quantity_on(on),
                        "the count changed later, on {}, is no longer that day's",
                        on
                    );
                }
                prop_assert_eq!(after.subscriptions.len(), before.subscriptions.len());
            }
            Cmd::Import { dry_run, file } => {
                prop_assert!(!dry_run || after == before, "a dry run wrote");
                prop_assert!(new_confirmations
                    .iter()
                    .all(|c| c.channel == Channel::Import));
                // The files' rows name no agreement: the business date's is confirmed.
                for made in &new_confirmations {
                    of_agreement(made, timeline::dashboard_agreement(today))?;
                }
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

/// Who a call acts as: through the API, in the environment it ran in.
fn actor(call: &Call, environment: Environment) -> Actor {
    Actor {
        agent: call.agent.to_string(),
        role: call.role.parse().expect("a role"),
        business_date: call.today.parse().expect("a business date"),
        access: Access::api(environment),
    }
}

/// A confirmation of `kind`, with its template and type.
fn of_agreement(made: &Confirmation, kind: AgreementKind) -> Result<(), TestCaseError> {
    prop_assert_eq!(made.kind(), Some(kind), "{:?}", made);
    prop_assert_eq!(&made.template_id, kind.template_id());
    prop_assert_eq!(&made.agreement_type, kind.type_name());
    Ok(())
}

/// The customers a JSON or CSV list printed are those that exist on the business date (every
/// customer of the store created by then) that the filter keeps, and with `--unconfirmed`
/// only the public-cloud ones whose confirmations do not open the gate then.
fn check_listing(call: &Call, before: &Snapshot, output: &str) -> Result<(), TestCaseError> {
    let Cmd::ListCustomers {
        filter,
        unconfirmed,
        format,
    } = &call.command
    else {
        return Ok(());
    };
    let mut listed: Vec<String> = match *format {
        "json" => {
            let value: serde_json::Value = serde_json::from_str(output).expect("JSON");
            (value["items"].as_array().expect("items").iter())
                .map(|item| item["id"].as_str().expect("an id").to_string())
                .collect()
        }
        "csv" => (output.lines().skip(1))
            .map(|line| line.split(',').next().unwrap_or("").to_string())
            .collect(),
        _ => return Ok(()),
    };
    listed.sort();
    let today = call.today.parse().expect("a business date");
    let kept = CustomerFilter::new(filter.unwrap_or("").trim());
    let mut expected: Vec<String> = (before.customers.iter())
        .filter(|c| exists_on(c, today))
        .filter(|c| kept.matches_text(&c.company_name, &c.domain))
        .filter(|c| {
            !unconfirmed
                || (c.cloud.supports_confirmation()
                    && !gate_opens(&confirmations_of(before, &c.id), today, false))
        })
        .map(|c| c.id.clone())
        .collect();
    expected.sort();
    prop_assert_eq!(listed, expected, "the customers listed");
    Ok(())
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
