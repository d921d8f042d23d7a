//! The agents registered in a store and the hashes of their bearer tokens: a token itself is
//! shown once when it is made and never kept, so a copy of the store signs nobody in.

use super::StoreError;
use crate::domain::agent::{same_name, Agent};
use sha2::{Digest, Sha256};

/// What a store keeps of the agents who sign in to it when served.
pub trait AgentRegistry {
    /// Every agent, in the order they were added.
    fn agents(&self) -> Result<Vec<Agent>, StoreError>;
    /// Adds an agent; refused when another has its name (whatever the case) or its ID.
    fn add_agent(&self, agent: &Agent) -> Result<(), StoreError>;
    /// Removes an agent and every token of it.
    fn remove_agent(&self, id: &str) -> Result<(), StoreError>;
    /// Keeps the hash of a new token of an agent.
    fn add_token(&self, agent_id: &str, token_hash: &str) -> Result<(), StoreError>;
    /// Forgets every token of an agent; how many there were.
    fn revoke_tokens(&self, agent_id: &str) -> Result<usize, StoreError>;
    /// The agent whose token has this hash.
    fn agent_of_token(&self, token_hash: &str) -> Result<Option<Agent>, StoreError>;
    /// Writes an agent again, its name and ID unchanged (its keys changed).
    fn replace_agent(&self, agent: &Agent) -> Result<(), StoreError>;

    /// The agent with the SSH key of this fingerprint. Agents are few: they are all read.
    fn agent_of_key(&self, fingerprint: &str) -> Result<Option<Agent>, StoreError> {
        Ok(self
            .agents()?
            .into_iter()
            .find(|agent| agent.has_key(fingerprint)))
    }
}

/// The hash a token is kept and looked up by: SHA-256, in lower-case hex. A token holds 256
/// random bits, so no salt or slow hash is needed to keep it from being guessed back.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The refusal of an agent whose name or ID another agent of `agents` has.
pub fn check_new_agent(agents: &[Agent], agent: &Agent) -> Result<(), StoreError> {
    // The name first: an agent's ID is made from its name, so a name taken is the reason.
    if let Some(other) = agents
        .iter()
        .find(|other| same_name(&other.name, &agent.name))
    {
        return Err(StoreError::AgentTaken {
            name: other.name.clone(),
        });
    }
    match agents.iter().any(|other| other.id == agent.id) {
        true => Err(StoreError::IdTaken {
            id: agent.id.clone(),
        }),
        false => Ok(()),
    }
}

/// Agents in the order they were added (then by ID, for two added in the same instant).
pub fn in_added_order(mut agents: Vec<Agent>) -> Vec<Agent> {
    agents.sort_by(|a, b| a.added_at.cmp(&b.added_at).then_with(|| a.id.cmp(&b.id)));
    agents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_hash_is_sha256_in_hex() {
        // The SHA-256 of "abc", from FIPS 180-2.
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
