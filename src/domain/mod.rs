//! Pure rules of the product: no IO, no terminal, no clock.

pub mod agent;
pub mod agreement;
pub mod catalog;
pub mod characters;
pub mod cloud;
pub mod command_line;
pub mod commerce;
pub mod compare;
pub mod count;
pub mod country;
pub mod credentials;
pub mod customer;
pub mod eligibility;
pub mod field_problem;
pub mod fields;
pub mod gate;
pub mod guid;
pub mod host_key;
pub mod io_trouble;
pub mod limits;
pub mod phase;
pub mod record_problem;
pub mod role;
pub mod status;
pub mod timeline;
