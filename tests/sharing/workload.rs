//! What the threads of the concurrency test do: random operations on a few customers, each run
//! as one change of the core, with a journal of what the change saw in the store and what it
//! decided, noted inside the change itself (so in write order).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use pcenter::clock::Clock;
use pcenter::core::{Core, SessionId};
use pcenter::domain::agreement::{Acceptance, Channel, Confirmation, Contact};
use pcenter::domain::commerce::{Order, OrderLine, Subscription};
use pcenter::domain::customer::{Address, Customer, CustomerProfile};
use pcenter::domain::role::Role;
use pcenter::service::{Actor, Changed, Operations, ServiceError};
use pcenter::store::Dossier;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

/// A clock one millisecond further at each reading. The core reads it once per change, with
/// its write lock held, so records written later are stamped later.
pub struct TickingClock {
    start: DateTime<Utc>,
    ticks: AtomicI64,
}

impl TickingClock {
    pub fn new(start: DateTime<Utc>) -> TickingClock {
        TickingClock {
            start,
            ticks: AtomicI64::new(0),
        }
    }
}

impl Clock for TickingClock {
    fn now_on(&self, _: NaiveDate) -> DateTime<Utc> {
        self.start + Duration::milliseconds(self.ticks.fetch_add(1, Ordering::Relaxed))
    }
}

/// splitmix64: a small, fixed generator, so that a seed replays a run's choices.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Three people who may accept the agreement for any customer.
pub fn person(index: usize) -> Contact {
    let (first, last) = [("Ana", "Silva"), ("Ben", "Okafor"), ("Chen", "Wei")][index % 3];
    Contact {
        first_name: first.into(),
        last_name: last.into(),
        email: format!("{}@example.com", first.to_lowercase()),
        phone: None,
    }
}

/// Seat-based with a high maximum, seat-based with a low one (300), usage-based (Microsoft
/// Azure: Azure plan is not sold in 2018).
const OFFERS: [&str; 3] = [
    "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72",
    "9A2B630F-B3A0-4368-AFD8-2039FCBC5F24",
    "712C9177-476A-4535-8E4D-EAA4F4B5E0C5",
];

/// Prefixes of new customers: few, so that threads often want the same one.
const NEW_PREFIXES: usize = 24;

#[derive(Debug, Clone)]
pub enum Op {
    Confirm {
        customer: usize,
        person: usize,
        date: NaiveDate,
    },
    Order {
        customer: usize,
        offer: &'static str,
        quantity: u32,
    },
    /// The `pick`th subscription of the customer as it is when the change runs.
    Seats {
        customer: usize,
        pick: usize,
        quantity: u32,
    },
    AutoRenew {
        customer: usize,
        pick: usize,
        on: bool,
    },
    Create {
        prefix: usize,
        confirmed: bool,
    },
}

impl Op {
    pub fn random(rng: &mut Rng, customers: usize, today: NaiveDate) -> Op {
        let customer = rng.below(customers);
        match rng.below(10) {
            0..=1 => Op::Confirm {
                customer,
                person: rng.below(3),
                // Today, a few days ago, or long ago: not every new one becomes current.
                date: today - Duration::days([0, 4, 40][rng.below(3)]),
            },
            2 => {
                let offer = OFFERS[rng.below(OFFERS.len())];
                // A usage-based offer is ordered with quantity 1.
                let seats = 1 + rng.below(20) as u32;
                let quantity = if offer == OFFERS[2] { 1 } else { seats };
                Op::Order {
                    customer,
                    offer,
                    quantity,
                }
            }
            3..=5 => Op::Seats {
                customer,
                pick: rng.below(8),
                quantity: 1 + rng.below(400) as u32,
            },
            6..=8 => Op::AutoRenew {
                customer,
                pick: rng.below(8),
                on: rng.below(2) == 0,
            },
            _ => Op::Create {
                prefix: rng.below(NEW_PREFIXES),
                confirmed: rng.below(2) == 0,
            },
        }
    }

    pub fn customer(&self) -> Option<usize> {
        match self {
            Op::Confirm { customer, .. }
            | Op::Order { customer, .. }
            | Op::Seats { customer, .. }
            | Op::AutoRenew { customer, .. } => Some(*customer),
            Op::Create { .. } => None,
        }
    }
}

/// What a change that went through made.
#[derive(Debug, Clone)]
pub enum Made {
    Confirmation(Confirmation),
    Order(Order, Vec<Subscription>),
    /// The subscription as the change left it (written, or already so).
    Subscription(Subscription),
    Customer(Box<Customer>, Option<Confirmation>),
}

/// One change, as noted inside it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its place in the order of writes.
    pub seq: u64,
    pub agent: String,
    pub op: Op,
    /// The customer's records in the store when the change began (read past any book).
    pub seen: Option<Dossier>,
    /// Whether the new customer's domain was taken when the change began.
    pub domain_taken: bool,
    pub outcome: Result<Made, ServiceError>,
    /// What the change reported as written, to be told to every listener.
    pub told: Vec<Changed>,
}

fn profile(prefix: usize) -> CustomerProfile {
    CustomerProfile {
        company_name: format!("New Company {prefix}"),
        domain: format!("newcompany{prefix}.onmicrosoft.com"),
        address: Address {
            country: "US".into(),
            line1: "1 Main St".into(),
            line2: None,
            city: "Redmond".into(),
            state: "WA".into(),
            postal_code: "98052".into(),
        },
        primary_contact: person(prefix),
    }
}

pub fn role_of_thread(thread: usize) -> Role {
    // One agent of each role that may change things, and one that may not.
    [Role::AdminAgent, Role::SalesAgent, Role::HelpdeskAgent][thread % 3]
}

/// Runs `op` as one change of `core`, noting what it saw and did in the journal.
pub fn run(
    core: &Core,
    actor: &Actor,
    session: SessionId,
    customers: &[String],
    op: Op,
    writes: &AtomicU64,
    journal: &mut Vec<Entry>,
) {
    let _ = core.change(actor, session, |ops| {
        // The write lock is held: this is the change's place among all writes.
        let seq = writes.fetch_add(1, Ordering::SeqCst);
        let customer_id = op.customer().map(|c| customers[c].clone());
        let seen = match &customer_id {
            // As the business date sees it: records of later days are not there yet.
            Some(id) => (ops.store.dossier(id).expect("the store reads"))
                .and_then(|dossier| dossier.as_of(actor.business_date)),
            None => None,
        };
        let domain_taken = match &op {
            Op::Create { prefix, .. } => ops
                .store
                .customer_id_by_domain(&profile(*prefix).domain)
                .expect("the store reads")
                .is_some(),
            _ => false,
        };
        let told_before = ops.changes.len();
        let outcome = act(ops, &op, customer_id.as_deref(), seen.as_ref());
        journal.push(Entry {
            seq,
            agent: actor.agent.clone(),
            op,
            seen,
            domain_taken,
            outcome: outcome.clone(),
            told: ops.changes[told_before..].to_vec(),
        });
        outcome.map(|_| ())
    });
}

fn act(
    ops: &mut Operations<'_>,
    op: &Op,
    customer_id: Option<&str>,
    seen: Option<&Dossier>,
) -> Result<Made, ServiceError> {
    let id = customer_id.unwrap_or_default();
    // A subscription of the customer, or an ID it has none of (refused, writing nothing).
    let subscription = |pick: usize| {
        let subscriptions = seen.map(|d| d.subscriptions.as_slice()).unwrap_or(&[]);
        match subscriptions.len() {
            0 => "00000000-0000-4000-8000-000000000000".to_string(),
            n => subscriptions[pick % n].id.clone(),
        }
    };
    match op {
        Op::Confirm {
            person: p, date, ..
        } => {
            let acceptance = Acceptance {
                accepted_by: person(*p),
                date_agreed: *date,
                agreement: pcenter::domain::agreement::AgreementKind::CloudAgreement,
            };
            ops.confirm(id, acceptance, Channel::Command)
                .map(Made::Confirmation)
        }
        Op::Order {
            offer, quantity, ..
        } => {
            let line = OrderLine {
                offer_id: offer.to_string(),
                quantity: *quantity,
            };
            ops.create_order(id, vec![line])
                .map(|(order, subscriptions)| Made::Order(order, subscriptions))
        }
        Op::Seats { pick, quantity, .. } => ops
            .change_seats(id, &subscription(*pick), *quantity)
            .map(Made::Subscription),
        Op::AutoRenew { pick, on, .. } => ops
            .set_auto_renew(id, &subscription(*pick), *on)
            .map(Made::Subscription),
        Op::Create { prefix, confirmed } => {
            let acceptance = confirmed.then(|| Acceptance {
                accepted_by: person(*prefix),
                date_agreed: ops.actor.business_date,
                agreement: pcenter::domain::agreement::AgreementKind::CloudAgreement,
            });
            // Without an acceptance the wizard is refused in the mandatory phase; a command
            // is not.
            let channel = if *confirmed || prefix % 2 == 0 {
                Channel::NewCustomer
            } else {
                Channel::Command
            };
            let customer = ops.create_customer(profile(*prefix), acceptance, channel)?;
            let confirmation = ops.book.confirmations(&customer.id).first().cloned();
            Ok(Made::Customer(Box::new(customer), confirmation))
        }
    }
}
