//! A Customer body (`customers create --json`) and an Agreement body (`agreements create --json`). The checks are in `pcenter::api::fuzzing::json_bodies`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pcenter::api::fuzzing::json_bodies(data));
