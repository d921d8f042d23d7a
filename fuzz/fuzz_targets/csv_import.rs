//! A CSV file given to `agreements import`. The checks are in `pcenter::api::fuzzing::csv_import`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pcenter::api::fuzzing::csv_import(data));
