//! The agents tree: `a/ID` holds an agent (JSON), `t/HASH` the ID of the agent a token hash
//! signs in. One tree, so that removing an agent and its tokens is one atomic write.

use super::SledStore;
use crate::domain::agent::Agent;
use crate::domain::record_problem::RecordProblem;
use crate::store::agents::{self, AgentRegistry};
use crate::store::StoreError;
use sled::transaction::{ConflictableTransactionError, TransactionError};

/// The tree's name.
pub(super) const AGENTS: &str = "agents";
const AGENT: &[u8] = b"a/";
const TOKEN: &[u8] = b"t/";

fn key(prefix: &[u8], rest: &str) -> Vec<u8> {
    [prefix, rest.as_bytes()].concat()
}

impl SledStore {
    /// The tree, made if there is none yet: for writes.
    fn agents_tree(&self) -> Result<sled::Tree, StoreError> {
        self.db.open_tree(AGENTS).map_err(|e| self.fail(e))
    }

    /// The tree when there is one: a read makes nothing, so a store only read stays as it was.
    fn agents_tree_if_any(&self) -> Result<Option<sled::Tree>, StoreError> {
        let exists = self
            .db
            .tree_names()
            .iter()
            .any(|name| name == AGENTS.as_bytes());
        exists.then(|| self.agents_tree()).transpose()
    }

    /// Writes an agent's record, new or again, and flushes it.
    fn write_agent(&self, agent: &Agent) -> Result<(), StoreError> {
        let value = serde_json::to_vec(agent).map_err(|e| StoreError::Unstorable {
            what: RecordProblem::NotEncodable(e.to_string()),
        })?;
        self.agents_tree()?
            .insert(key(AGENT, &agent.id), value)
            .map_err(|e| self.fail(e))?;
        self.flush()
    }

    fn decode_agent(&self, bytes: &[u8]) -> Result<Agent, StoreError> {
        serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("an agent's record is not readable ({e})"),
        })
    }
}

// The registry's writes leave the saved copy of the Customers list alone: the list holds
// nothing of the agents, and the store's generation, which the copy is stamped with, counts
// only changes to the customers and their records.
impl AgentRegistry for SledStore {
    fn agents(&self) -> Result<Vec<Agent>, StoreError> {
        let Some(tree) = self.agents_tree_if_any()? else {
            return Ok(Vec::new());
        };
        let mut agents = Vec::new();
        for entry in tree.scan_prefix(AGENT) {
            let (_, value) = entry.map_err(|e| self.fail(e))?;
            agents.push(self.decode_agent(&value)?);
        }
        Ok(agents::in_added_order(agents))
    }

    fn add_agent(&self, agent: &Agent) -> Result<(), StoreError> {
        // The names are checked while no other change is written: the core's write lock, or a
        // command's own store, holds every other writer off.
        agents::check_new_agent(&self.agents()?, agent)?;
        self.write_agent(agent)
    }

    fn remove_agent(&self, id: &str) -> Result<(), StoreError> {
        let tree = self.agents_tree()?;
        let mut tokens = Vec::new();
        for entry in tree.scan_prefix(TOKEN) {
            let (token, owner) = entry.map_err(|e| self.fail(e))?;
            if owner.as_ref() == id.as_bytes() {
                tokens.push(token);
            }
        }
        tree.transaction(|tx| {
            tx.remove(key(AGENT, id))?;
            for token in &tokens {
                tx.remove(token.clone())?;
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        })
        .map_err(|e| match e {
            TransactionError::Storage(e) => self.fail(e),
            TransactionError::Abort(()) => unreachable!("nothing aborts"),
        })?;
        self.flush()
    }

    fn add_token(&self, agent_id: &str, token_hash: &str) -> Result<(), StoreError> {
        self.agents_tree()?
            .insert(key(TOKEN, token_hash), agent_id.as_bytes())
            .map_err(|e| self.fail(e))?;
        self.flush()
    }

    fn revoke_tokens(&self, agent_id: &str) -> Result<usize, StoreError> {
        let tree = self.agents_tree()?;
        let mut revoked = 0;
        for entry in tree.scan_prefix(TOKEN) {
            let (token, owner) = entry.map_err(|e| self.fail(e))?;
            if owner.as_ref() == agent_id.as_bytes() {
                tree.remove(token).map_err(|e| self.fail(e))?;
                revoked += 1;
            }
        }
        self.flush()?;
        Ok(revoked)
    }

    fn replace_agent(&self, agent: &Agent) -> Result<(), StoreError> {
        self.write_agent(agent)
    }

    fn agent_of_token(&self, token_hash: &str) -> Result<Option<Agent>, StoreError> {
        let Some(tree) = self.agents_tree_if_any()? else {
            return Ok(None);
        };
        let Some(id) = tree.get(key(TOKEN, token_hash)).map_err(|e| self.fail(e))? else {
            return Ok(None);
        };
        match tree
            .get([AGENT, id.as_ref()].concat())
            .map_err(|e| self.fail(e))?
        {
            Some(value) => self.decode_agent(&value).map(Some),
            None => Ok(None),
        }
    }
}
