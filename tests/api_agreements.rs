//! `pcenter agreements templates|create|list` from the outside: the real binary on a demo store
//! in a temporary directory, its JSON read field by field, its refusals by code and exit status.

mod common;

#[path = "api_agreements/create.rs"]
mod create;
#[path = "api_agreements/dashboard.rs"]
mod dashboard;
#[path = "api_agreements/list.rs"]
mod list;
#[path = "api_agreements/refusals.rs"]
mod refusals;
#[path = "api_agreements/support.rs"]
mod support;
#[path = "api_agreements/templates.rs"]
mod templates;
