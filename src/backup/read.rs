//! Reading a backup line by line, checking as it goes: the header's format and versions, each
//! customer's record against the store's rules, and the closing line's count. Every problem is
//! reported with its line number.

use super::damage::{AgentProblem, Damage, DamageProblem as Problem, NotAHeader};
use super::{Closing, Header, FORMAT, VERSION};
use crate::domain::agent::{checked_agent_name, Agent};
use crate::store::agents::check_new_agent;
use crate::store::{
    check_partner_name, check_restored_dossier, Dossier, StoreError, SCHEMA_VERSION,
};
use std::io::{BufRead, Read};

/// Lines longer than this are refused rather than read into memory: no real customer is that
/// large, and a file without line breaks must not exhaust the memory.
const LINE_LIMIT: u64 = 64 * 1024 * 1024;

fn damage(line: u64, problem: Problem) -> Damage {
    Damage { line, problem }
}

/// How many records of each kind were read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub customers: u64,
    pub confirmations: u64,
    pub orders: u64,
    pub subscriptions: u64,
}

pub struct BackupReader<R> {
    input: R,
    /// The number of the line last read.
    line: u64,
    text: String,
    header: Header,
    tally: Tally,
    finished: bool,
}

impl<R: BufRead> BackupReader<R> {
    /// Reads and checks the header.
    pub fn open(mut input: R) -> Result<BackupReader<R>, Damage> {
        let mut text = String::new();
        if !read_line(&mut input, &mut text, 1)? {
            return Err(damage(1, Problem::Empty));
        }
        Ok(BackupReader {
            header: check_header(&text)?,
            input,
            line: 1,
            text,
            tally: Tally::default(),
            finished: false,
        })
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// The number of the line last read.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The next customer, checked; `None` once the closing line is read and found right.
    pub fn next_dossier(&mut self) -> Result<Option<Dossier>, Damage> {
        if self.finished {
            return Ok(None);
        }
        if !self.next_line()? {
            return Err(damage(self.line, Problem::NoClosingLine(self.line)));
        }
        let line = self.line;
        let dossier = match serde_json::from_str::<Dossier>(&self.text) {
            Ok(dossier) => dossier,
            Err(not_a_customer) => {
                return match serde_json::from_str::<Closing>(&self.text) {
                    Ok(closing) => self.finish(&closing).map(|()| None),
                    Err(_) => Err(damage(
                        line,
                        Problem::NotACustomer(json_problem(&not_a_customer)),
                    )),
                };
            }
        };
        check_restored_dossier(&dossier).map_err(|why| {
            let id = dossier.customer.id.clone();
            damage(line, Problem::CustomerRefused { id, why })
        })?;
        let tally = &mut self.tally;
        tally.customers += 1;
        tally.confirmations += dossier.confirmations.len() as u64;
        tally.orders += dossier.orders.len() as u64;
        tally.subscriptions += dossier.subscriptions.len() as u64;
        Ok(Some(dossier))
    }

    /// Checks the closing line's counts and that nothing follows it.
    fn finish(&mut self, closing: &Closing) -> Result<(), Damage> {
        let (line, read) = (self.line, self.tally.customers);
        if closing.end != FORMAT {
            return Err(damage(line, Problem::ClosingNotOurs));
        }
        if closing.customers != read {
            let counted = closing.customers;
            return Err(damage(
                line,
                Problem::ClosingCount {
                    counted,
                    held: read,
                },
            ));
        }
        if self.header.customers != read {
            let announced = self.header.customers;
            return Err(damage(
                line,
                Problem::HeaderCount {
                    announced,
                    held: read,
                },
            ));
        }
        while self.next_line()? {
            if !self.text.trim().is_empty() {
                return Err(damage(self.line, Problem::TextAfterClosing));
            }
        }
        self.finished = true;
        Ok(())
    }

    /// Reads the next line into `text`; false at the end of the file.
    fn next_line(&mut self) -> Result<bool, Damage> {
        let read = read_line(&mut self.input, &mut self.text, self.line + 1)?;
        if read {
            self.line += 1;
        }
        Ok(read)
    }
}

/// Reads line number `line` into `text`, without its line break; false at the end of the file.
fn read_line(input: &mut impl BufRead, text: &mut String, line: u64) -> Result<bool, Damage> {
    text.clear();
    let read = input
        .take(LINE_LIMIT)
        .read_line(text)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => damage(line, Problem::NotUtf8),
            _ => damage(line, Problem::Unreadable(e.to_string())),
        })?;
    if read == 0 {
        return Ok(false);
    }
    if read as u64 == LINE_LIMIT && !text.ends_with('\n') {
        return Err(damage(line, Problem::TooLong));
    }
    let end = text.trim_end_matches(['\n', '\r']).len();
    text.truncate(end);
    Ok(true)
}

/// The first line, if it is the header of a backup this build can read.
fn check_header(text: &str) -> Result<Header, Damage> {
    let not_a_backup = |why: NotAHeader| damage(1, Problem::NotABackup(why));
    let header: Header =
        serde_json::from_str(text).map_err(|e| not_a_backup(NotAHeader::Json(json_problem(&e))))?;
    if header.format != FORMAT {
        return Err(not_a_backup(NotAHeader::Format(header.format.clone())));
    }
    if header.version > VERSION {
        return Err(damage(1, Problem::NewerFormat(header.version)));
    }
    if header.version == 0 {
        return Err(damage(1, Problem::VersionZero));
    }
    if let Some(Err(why)) = header.partner.as_deref().map(check_partner_name) {
        return Err(damage(1, Problem::PartnerRefused(why)));
    }
    if header.schema > SCHEMA_VERSION {
        return Err(damage(1, Problem::NewerSchema(header.schema)));
    }
    check_agents(&header.agents)?;
    Ok(header)
}

/// The header's agents, as `agents add` would take them: valid names, one agent per name and
/// per ID.
fn check_agents(agents: &[Agent]) -> Result<(), Damage> {
    for (at, agent) in agents.iter().enumerate() {
        let refused = |why: AgentProblem| {
            let name = agent.name.clone();
            damage(1, Problem::AgentRefused { name, why })
        };
        match checked_agent_name(&agent.name) {
            Err(problem) => return Err(refused(AgentProblem::Name(problem))),
            Ok(name) if name != agent.name => return Err(refused(AgentProblem::SpacesAround)),
            Ok(_) => {}
        }
        match check_new_agent(&agents[..at], agent) {
            Err(StoreError::AgentTaken { name }) => {
                return Err(refused(AgentProblem::NameTaken(name)))
            }
            Err(_) => return Err(refused(AgentProblem::IdTaken(agent.id.clone()))),
            Ok(()) => {}
        }
    }
    Ok(())
}

/// serde_json's message without its "at line 1", which would be wrong here: each line is
/// parsed on its own; a value it repeats is cut like any refused value.
fn json_problem(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let cut = text.rfind(" at line ").unwrap_or(text.len());
    let message = crate::domain::characters::cut_quoted(&text[..cut]);
    format!("{message} (at column {})", error.column())
}
