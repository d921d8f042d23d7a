//! `pcenter agreements export|import`: every customer's current confirmation as the CSV of
//! Microsoft's own export sample (`TenantId,Domain,Date,First Name,Last Name,Phone,Email`), and
//! that CSV read back, each row recorded through the same service operation as the dashboard.

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
mod plan;
pub(super) mod progress;
mod report;
mod rows;
mod source;

pub use export::export;
pub use import::import;
