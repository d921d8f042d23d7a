//! The writing commands of the cycles, run through the real binary on one store, and what each
//! one acknowledged before it ended or was killed.

use super::ledger::Write;
use super::process::{pcenter, run_killed, Finished};
use super::random::Random;
use super::texts::{created_lines, customer_body};
use pcenter::domain::cloud::Cloud;
use pcenter::store::{SledStore, Store};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A business date in the mandatory phase: orders need a confirmation first.
const TODAY: &str = "2019-03-01";
pub const AGREED: &str = "2019-02-01";
const AGENT: &str = "Kill Cycles";
const E3: &str = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72";
const BUSINESS_BASIC: &str = "7BC7829D-9AAE-460E-9E59-99B0F862663A";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Confirm,
    Order,
    Import,
    NewCustomer,
}

/// One command to run, and what it would write.
pub struct Planned {
    pub kind: Kind,
    args: Vec<String>,
    /// For an import: the customer and email of each CSV line, by line number.
    rows: Vec<(usize, String, String)>,
    /// For a single write: the customer (when known beforehand) and the email.
    customer: Option<String>,
    email: String,
}

impl Planned {
    /// How much work the command does, for guessing how long it runs.
    pub fn size(&self) -> usize {
        self.rows.len().max(1)
    }
}

/// The store's customers, as far as the commands need them.
pub struct Workload {
    data_dir: PathBuf,
    work: PathBuf,
    /// Public-cloud customers (ID, domain): they can be confirmed.
    public: Vec<(String, String)>,
    /// Customers that can take an order: confirmed, or in a national cloud.
    orderable: Vec<String>,
    tag: String,
}

impl Workload {
    /// Fills a new store in `dir` with `customers` generated customers.
    pub fn new(dir: &Path, customers: usize, seed: u64) -> Workload {
        let data_dir = dir.join("data");
        let output = pcenter()
            .arg("--data-dir")
            .arg(&data_dir)
            .args(["--today", TODAY, "generate", "--customers"])
            .arg(customers.to_string())
            .args(["--seed", &seed.to_string()])
            .output()
            .expect("run pcenter generate");
        assert!(output.status.success(), "generate: {output:?}");
        let snapshot = SledStore::open(&data_dir.join("store"))
            .and_then(|store| store.load())
            .expect("the generated store");
        let confirmed: HashSet<&str> = (snapshot.confirmations.iter())
            .map(|c| c.customer_id.as_str())
            .collect();
        let public = (snapshot.customers.iter())
            .filter(|c| c.cloud == Cloud::Public)
            .map(|c| (c.id.clone(), c.domain.clone()))
            .collect();
        let orderable = (snapshot.customers.iter())
            .filter(|c| c.cloud != Cloud::Public || confirmed.contains(c.id.as_str()))
            .map(|c| c.id.clone())
            .collect();
        Workload {
            data_dir,
            work: dir.to_path_buf(),
            public,
            orderable,
            tag: format!("{:x}", seed & 0xffff),
        }
    }

    pub fn store_path(&self) -> PathBuf {
        self.data_dir.join("store")
    }

    /// A command of a random kind with unique, recognisable values.
    pub fn plan(&self, random: &mut Random, cycle: usize) -> Planned {
        let email = format!("kc{}.{cycle}@killcycles.example", self.tag);
        let single = |kind, customer: Option<String>, args: Vec<String>| Planned {
            kind,
            args,
            rows: vec![],
            customer,
            email: email.clone(),
        };
        match random.between(0, 9) {
            0..=2 => {
                let (id, _) = random.pick(&self.public).clone();
                let args = [
                    "agreements",
                    "create",
                    "--customer",
                    &id,
                    "--first-name",
                    "Cycle",
                    "--last-name",
                    &format!("Number {cycle}"),
                    "--email",
                    &email,
                    "--date",
                    AGREED,
                ];
                single(Kind::Confirm, Some(id.clone()), strings(&args))
            }
            3..=5 => {
                let id = random.pick(&self.orderable).clone();
                let mut args = strings(&["orders", "create", "--customer", &id]);
                for offer in [E3, BUSINESS_BASIC]
                    .iter()
                    .take(random.between(1, 2) as usize)
                {
                    let quantity = random.between(1, 40).to_string();
                    args.extend(strings(&["--offer", offer, "--quantity", &quantity]));
                }
                single(Kind::Order, Some(id), args)
            }
            6..=8 => self.import(random, cycle),
            _ => {
                let body =
                    self.write_file("customer.json", &customer_body(&self.tag, cycle, &email));
                let args = strings(&["customers", "create", "--json", &body]);
                single(Kind::NewCustomer, None, args)
            }
        }
    }

    /// An import of many rows, each for another public-cloud customer.
    fn import(&self, random: &mut Random, cycle: usize) -> Planned {
        let count = random.between(50, 1500) as usize;
        let mut csv = String::from("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n");
        let mut rows = Vec::new();
        for (i, (id, domain)) in random.sample(&self.public, count).into_iter().enumerate() {
            let line = i + 2;
            let email = format!("kc{}.{cycle}.{line}@killcycles.example", self.tag);
            csv.push_str(&format!(
                "{id},{domain},{AGREED},Row,Line {line},,{email}\n"
            ));
            rows.push((line, id, email));
        }
        let file = self.write_file("import.csv", &csv);
        Planned {
            kind: Kind::Import,
            args: strings(&["agreements", "import", &file]),
            rows,
            customer: None,
            email: String::new(),
        }
    }

    fn write_file(&self, name: &str, text: &str) -> String {
        let path = self.work.join(name);
        std::fs::write(&path, text).expect("write the command's input");
        path.to_string_lossy().into_owned()
    }

    /// Runs the command, killing it with SIGKILL once `kill_after` has passed.
    pub fn run(&self, planned: &Planned, kill_after: Duration) -> Finished {
        let mut args = vec![
            "--data-dir".to_string(),
            self.data_dir.display().to_string(),
        ];
        args.extend(strings(&["--today", TODAY, "--agent", AGENT]));
        args.extend(planned.args.iter().cloned());
        run_killed(&args, &self.work.join("stdout"), kill_after)
    }

    /// What the command acknowledged: everything when it exited 0, and for an import each row
    /// it reported as created (on a whole line) before it ended.
    pub fn acknowledged(&mut self, planned: &Planned, finished: &Finished) -> Vec<Write> {
        let confirmation = |customer: &str, email: &str| Write::Confirmation {
            customer: customer.to_string(),
            email: email.to_string(),
        };
        if planned.kind == Kind::Import {
            let created = created_lines(&finished.stdout);
            let writes: Vec<Write> = (planned.rows.iter())
                .filter(|(line, _, _)| created.contains(line))
                .map(|(_, customer, email)| confirmation(customer, email))
                .collect();
            for (line, customer, _) in &planned.rows {
                if created.contains(line) {
                    self.orderable.push(customer.clone());
                }
            }
            return writes;
        }
        if finished.code != Some(0) {
            return vec![];
        }
        let json: Value = serde_json::from_str(&finished.stdout).expect("JSON of a command");
        match planned.kind {
            Kind::Confirm => {
                let customer = planned.customer.clone().expect("a customer");
                self.orderable.push(customer.clone());
                vec![confirmation(&customer, &planned.email)]
            }
            Kind::Order => vec![Write::Order {
                customer: planned.customer.clone().expect("a customer"),
                id: text(&json["id"]),
                subscriptions: (json["lineItems"].as_array().expect("line items").iter())
                    .map(|item| text(&item["subscriptionId"]))
                    .collect(),
            }],
            Kind::NewCustomer => {
                let id = text(&json["id"]);
                let domain = text(&json["companyProfile"]["domain"]);
                self.orderable.push(id.clone());
                self.public.push((id.clone(), domain.clone()));
                vec![
                    Write::Customer {
                        id: id.clone(),
                        domain,
                    },
                    confirmation(&id, &planned.email),
                ]
            }
            Kind::Import => unreachable!("handled above"),
        }
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn text(value: &Value) -> String {
    value.as_str().expect("a text value").to_string()
}
