//! What is wrong with a backup, as data: said in English here (`Display`) and in the other
//! languages by the catalogs. Details that come from elsewhere (a JSON parser's message) are
//! kept as they were given.

use super::{FORMAT, VERSION};
use crate::domain::characters::quote;
use crate::domain::field_problem::FieldProblem;
use crate::domain::record_problem::RecordProblem;
use crate::store::SCHEMA_VERSION;

/// What is wrong with a backup, and on which line (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub line: u64,
    pub problem: DamageProblem,
}

impl Damage {
    /// What is wrong, in English.
    pub fn what(&self) -> String {
        self.problem.to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DamageProblem {
    #[error("the file is empty, so it is not a pcenter backup")]
    Empty,
    #[error("the file ends after line {0} without its closing line, so it is incomplete (perhaps cut short while it was written or copied)")]
    NoClosingLine(u64),
    /// The parser's message.
    #[error("this is not a customer record: {0}")]
    NotACustomer(String),
    /// The store's rule broken. Said without the store's "nothing was written": the message
    /// goes on to say that nothing was restored.
    #[error("the customer {} cannot be restored: {}", quote(.id), .why.to_string().trim_end_matches('.'))]
    CustomerRefused { id: String, why: RecordProblem },
    #[error("this closing line is not a pcenter backup's")]
    ClosingNotOurs,
    #[error("the closing line counts {counted} customers, but the file holds {held}, so it was changed after it was written")]
    ClosingCount { counted: u64, held: u64 },
    #[error("the header announces {announced} customers, but the file holds {held}, so it was changed after it was written")]
    HeaderCount { announced: u64, held: u64 },
    #[error("text follows the closing line, so the file was changed after it was written")]
    TextAfterClosing,
    #[error("this line is not UTF-8 text")]
    NotUtf8,
    /// The system's reason.
    #[error("the file could not be read ({0})")]
    Unreadable(String),
    #[error("this line is longer than 64 MiB, so it is not a record of a backup")]
    TooLong,
    #[error("this is not a pcenter backup: its first line is not a backup header ({0})")]
    NotABackup(NotAHeader),
    #[error("this backup is in format version {0}, and this pcenter reads up to version {VERSION}; restore it with a newer pcenter")]
    NewerFormat(u32),
    #[error("format version 0 does not exist")]
    VersionZero,
    /// The store's rule broken.
    #[error("the partner's name cannot be restored: {}", .0.to_string().trim_end_matches('.'))]
    PartnerRefused(RecordProblem),
    #[error("this backup holds records of store schema version {0}, and this pcenter reads up to version {SCHEMA_VERSION}; restore it with a newer pcenter")]
    NewerSchema(u32),
    #[error("the agent '{}' cannot be restored: {why}", quote(.name))]
    AgentRefused { name: String, why: AgentProblem },
    #[error("{what} is already held by the customer on line {first}")]
    AlreadyHeld { what: Shared, first: u64 },
    #[error("{what} is held by two customers of this backup")]
    HeldByTwo { what: Shared },
}

/// Why a first line is not a backup's header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAHeader {
    /// The parser's message.
    #[error("{0}")]
    Json(String),
    #[error("its format is '{0}', not '{FORMAT}'")]
    Format(String),
}

/// Why an agent of the header cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgentProblem {
    /// The rule of names broken.
    #[error("{}", .0.to_string().trim_end_matches('.'))]
    Name(FieldProblem),
    #[error("its name has spaces around it")]
    SpacesAround,
    #[error("this backup names an agent '{}' before it, and one name is one agent", quote(.0))]
    NameTaken(String),
    #[error("its object ID {} is another agent's of this backup", quote(.0))]
    IdTaken(String),
}

/// What two customers of a backup cannot share.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Shared {
    #[error("the ID {0}")]
    Id(String),
    #[error("the primary domain {0}")]
    Domain(String),
}
