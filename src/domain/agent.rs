//! The agents registered in a store, who sign in to it when it is served (a bearer token over
//! HTTP): each a name, a role and a stable object ID, which is the `userId` of what they record.
//! The local user, who owns the data directory, is trusted without registering (`--agent`).

use super::compare;
use super::field_problem::FieldProblem;
use super::fields::required_text;
use super::role::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest agent name, in characters.
pub const AGENT_NAME_MAX: usize = 100;

/// A bearer token starts with this, so that a leaked one is recognised for what it is.
pub const TOKEN_PREFIX: &str = "pcenter_";

/// The random bytes of a token: 256 bits, as hard to guess as any key.
pub const TOKEN_BYTES: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    /// The agent's object ID, a GUID that never changes.
    pub id: String,
    pub name: String,
    pub role: Role,
    pub added_at: DateTime<Utc>,
    /// The public keys the agent signs in with over SSH.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ssh_keys: Vec<SshKey>,
}

/// An OpenSSH public key of an agent: its SHA-256 fingerprint (`SHA256:…`, as `ssh-keygen -l`
/// prints it), which signs the agent in, and the key's line as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SshKey {
    pub fingerprint: String,
    pub public_key: String,
}

impl Agent {
    /// Whether the key of this fingerprint signs the agent in.
    pub fn has_key(&self, fingerprint: &str) -> bool {
        self.ssh_keys
            .iter()
            .any(|key| key.fingerprint == fingerprint)
    }
}

/// An agent's name as given: trimmed, visible characters only, at most [`AGENT_NAME_MAX`].
pub fn agent_name(value: &str) -> Result<String, String> {
    checked_agent_name(value).map_err(String::from)
}

/// [`agent_name`], what is wrong kept as data for each language to say.
pub fn checked_agent_name(value: &str) -> Result<String, FieldProblem> {
    required_text("Agent name", value, AGENT_NAME_MAX)
}

/// The object ID of the agent of this name: a GUID made from the name as [`same_name`] compares
/// it, so that an agent has one ID in every store and at every time, registered or local, and
/// the `userId` of what it recorded stays the same when it is removed and added again.
pub fn object_id(name: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"pcenter agent\0")
        .chain_update(compare::folded(name.trim()).as_bytes())
        .finalize();
    let high = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    let low = u64::from_be_bytes(digest[8..16].try_into().expect("8 bytes"));
    super::guid::format_guid(high, low)
}

/// Whether two names are one agent's: names are told apart without regard to case or
/// Unicode normal form, so "Ann Agent" and "ann agent" cannot be two agents.
pub fn same_name(a: &str, b: &str) -> bool {
    compare::folded(a.trim()) == compare::folded(b.trim())
}

/// A token's text from its random bytes: the prefix, then the bytes in lower-case hex.
pub fn token_text(random: &[u8; TOKEN_BYTES]) -> String {
    let mut text = String::with_capacity(TOKEN_PREFIX.len() + 2 * TOKEN_BYTES);
    text.push_str(TOKEN_PREFIX);
    for byte in random {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

/// Whether a text has the shape of a token (prefix and 64 hex digits): anything else is
/// refused before any lookup.
pub fn is_token_shaped(text: &str) -> bool {
    text.strip_prefix(TOKEN_PREFIX).is_some_and(|hex| {
        hex.len() == 2 * TOKEN_BYTES && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_visible_and_bounded() {
        assert_eq!(agent_name("  Ann Agent "), Ok("Ann Agent".to_string()));
        assert_eq!(agent_name("  "), Err("Enter the agent name.".to_string()));
        assert!(agent_name(&"x".repeat(AGENT_NAME_MAX + 1))
            .unwrap_err()
            .contains("at most 100 characters"));
        assert!(agent_name("Ann\u{7}Agent").is_err());
    }

    #[test]
    fn an_agents_object_id_is_a_guid_of_its_name_as_names_compare() {
        let id = object_id("Ann Agent");
        assert_eq!(id.len(), 36);
        assert_eq!(id.matches('-').count(), 4);
        assert_eq!(object_id(" ann agent"), id);
        assert_ne!(object_id("Anna Agent"), id);
    }

    #[test]
    fn names_differing_only_in_case_or_form_are_the_same_agent() {
        assert!(same_name("Ann Agent", "ann agent "));
        assert!(same_name("Zoë", "Zoe\u{308}"));
        assert!(!same_name("Ann Agent", "Anna Agent"));
    }

    #[test]
    fn a_token_is_the_prefix_and_its_bytes_in_hex() {
        let token = token_text(&[0xab; TOKEN_BYTES]);
        assert_eq!(token.len(), TOKEN_PREFIX.len() + 64);
        assert!(token.ends_with("abab"));
        assert!(is_token_shaped(&token));
        assert!(!is_token_shaped(&token.to_uppercase()));
        assert!(!is_token_shaped(&token[..token.len() - 1]));
        assert!(!is_token_shaped("Bearer pcenter_00"));
    }
}
