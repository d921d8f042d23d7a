//! The checks of the fuzz targets (`fuzz/`, see the README's Faults section) on every input
//! kept in `fuzz/seeds/`: the samples they start from, and any input that once made one fail.
//! So they run, and stay built, with every `cargo test`, where the fuzzer is not installed.

use pcenter::api::fuzzing;
use std::path::Path;

/// Runs `check` on every file of `fuzz/seeds/<target>`, and on a few inputs of every kind.
fn every_seed(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a seed").path())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    for seed in seeds {
        let data = std::fs::read(&seed).expect("a seed");
        println!("{}", seed.display());
        check(&data);
    }
    for data in [
        &b""[..],
        b"\xef\xbb\xbf",
        b"\n",
        b"\r\n\r\n",
        b"\xff\xfe",
        b"{}",
        b"\0",
    ] {
        check(data);
    }
}

#[test]
fn the_import_reads_every_csv_seed_within_its_rules() {
    every_seed("csv_import", fuzzing::csv_import);
}

#[test]
fn every_json_body_seed_is_read_within_the_rules() {
    every_seed("json_bodies", fuzzing::json_bodies);
}

#[test]
fn every_backup_seed_is_read_within_the_rules() {
    every_seed("backup", fuzzing::backup);
}
