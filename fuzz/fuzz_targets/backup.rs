//! A backup file given to `restore`. The checks are in `pcenter::api::fuzzing::backup`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pcenter::api::fuzzing::backup(data));
