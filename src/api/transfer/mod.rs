//! `pcenter agreements export|import`: every customer's current confirmation as CSV in the
//! columns of Microsoft's own export sample (`TenantId,Domain,Date,First Name,Last Name,Phone,Email`)
//! and its agreement's `Type`, or exactly as that sample writes it (`--format microsoft-sample`: a row per agreement, its
//! type last, US dates), and either CSV read back, each row recorded through the same service
//! operation as the dashboard.

mod csv;
mod decide;
mod dry_run;
mod encoding;
mod export;
#[doc(hidden)]
pub mod fuzzing;
mod habits;
mod import;
mod lookup;
mod microsoft;
mod plan;
mod problem;
pub(super) mod progress;
mod report;
mod rows;
mod source;

pub use export::{export, export_as};
pub use import::import;
