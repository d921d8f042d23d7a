//! Store operations on generated stores of 10k and 100k customers (and 1M when `pcenter-bench`
//! has already built it): reading one customer's dossier, adding a confirmation (flushed to
//! disk before it returns), and streaming the whole list.
//!
//! The stores are the ones `pcenter-bench` uses, under `target/bench-data`, generated here by
//! the real `pcenter generate` when missing; confirmations are added to a copy.

#[allow(dead_code)]
#[path = "../src/bin/pcenter_bench/workdir.rs"]
mod workdir;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pcenter::domain::agreement::{Channel, Confirmation, Contact, MCA_TEMPLATE_ID, MCA_TYPE};
use pcenter::domain::cloud::Cloud;
use pcenter::store::{SledStore, Store};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use workdir::{ensure_generated, scratch_copy, Pcenter, SizeDir, AGENT, TODAY};

const GENERATED: [usize; 2] = [10_000, 100_000];
const ONLY_WHEN_BUILT: usize = 1_000_000;
/// Customers the reads and writes go round, spread over the list.
const SPREAD: usize = 1_024;

fn work_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

/// The stores to measure, generated when missing (1M only when already built).
fn stores() -> Vec<SizeDir> {
    let pcenter = Pcenter {
        binary: env!("CARGO_BIN_EXE_pcenter").into(),
    };
    let mut dirs = Vec::new();
    for size in GENERATED {
        let dir = SizeDir::new(&work_dir(), size);
        ensure_generated(&dir, &pcenter).expect("generate the bench data");
        dirs.push(dir);
    }
    let large = SizeDir::new(&work_dir(), ONLY_WHEN_BUILT);
    if large.marker().is_some() {
        dirs.push(large);
    } else {
        eprintln!(
            "note: no 1M store in {}; run `cargo run --release --bin pcenter-bench -- --customers 1000000` first to measure it too",
            large.root.display()
        );
    }
    dirs
}

/// Public-cloud customer IDs spread evenly over the list.
fn spread_ids(store: &SledStore) -> Vec<String> {
    let ids: Vec<String> = store
        .listing()
        .expect("listing")
        .map(|row| row.expect("row"))
        .filter(|row| row.cloud == Cloud::Public)
        .map(|row| row.id)
        .collect();
    let step = (ids.len() / SPREAD).max(1);
    ids.into_iter().step_by(step).take(SPREAD).collect()
}

fn confirmation(customer_id: &str, n: usize) -> Confirmation {
    Confirmation {
        customer_id: customer_id.to_string(),
        accepted_by: Contact {
            first_name: "Chloé".into(),
            last_name: "Dubois".into(),
            email: format!("criterion.{n}@example.com"),
            phone: None,
        },
        date_agreed: "2019-02-01".parse().expect("a date"),
        agreement_type: MCA_TYPE.into(),
        template_id: MCA_TEMPLATE_ID.into(),
        recorded_by: AGENT.into(),
        recorded_at: format!("{TODAY}T10:00:00Z").parse().expect("a time"),
        channel: Channel::Account,
    }
}

fn benches(c: &mut Criterion) {
    for dir in stores() {
        let store = SledStore::open(&dir.store_dir()).expect("open the store");
        let ids = spread_ids(&store);
        let mut group = c.benchmark_group("store");
        let size = dir.customers;
        let mut next = 0;
        group.bench_function(BenchmarkId::new("dossier", size), |b| {
            b.iter(|| {
                next = (next + 1) % ids.len();
                black_box(store.dossier(&ids[next]).expect("dossier"))
            })
        });
        // Writes go to a copy, so the generated data stays as it was.
        let scratch = scratch_copy(&dir).expect("copy the data");
        let copy = SledStore::open(&scratch.store_dir()).expect("open the copy");
        let mut written = 0;
        group.bench_function(BenchmarkId::new("add_confirmation", size), |b| {
            b.iter(|| {
                written += 1;
                let customer = &ids[written % ids.len()];
                copy.add_confirmation(&confirmation(customer, written))
                    .expect("add a confirmation")
            })
        });
        drop(copy);
        drop(scratch);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_function(BenchmarkId::new("listing", size), |b| {
            b.iter(|| store.listing().expect("listing").count())
        });
        group.finish();
    }
}

criterion_group! {
    name = store;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(store);
