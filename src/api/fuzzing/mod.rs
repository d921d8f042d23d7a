//! Entry points for the coverage-guided fuzz targets in `fuzz/` (see the README's Faults
//! section): each reads untrusted bytes whole, as a command would, and panics when something
//! that must hold of any input does not, so that the fuzzer reports it as a crash.
//! `tests/fuzz_seeds.rs` runs them on the inputs kept in `fuzz/seeds/`. Not an interface.

mod backup;
mod bodies;

pub use super::transfer::fuzzing::csv_import;
pub use backup::backup;
pub(crate) use bodies::assert_clean;
pub use bodies::json_bodies;
