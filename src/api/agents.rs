//! `pcenter agents add|list|remove|token`: the agents who sign in when the store is served.
//! Only the local user, who owns the data directory, runs these; each change is made under the
//! core's write lock, as every other change is.

use super::error::{code, exit, ApiError};
use super::fit::{terminal_columns, Column};
use super::output::{self, Format};
use super::plain::{counted_table, Counted};
use super::ssh_keys::keys_of_file;
use super::{write_error, Api};
use crate::domain::agent::{self, checked_agent_name, same_name, Agent, SshKey, TOKEN_BYTES};
use crate::domain::role::Role;
use crate::locale::words::CommandWords;
use crate::locale::Lang;
use crate::store::agents::token_hash;
use crate::store::{AgentRegistry, Store, StoreError};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

fn columns(words: &CommandWords) -> [Column; 4] {
    [
        Column::kept(words.agent_name).cut(),
        Column::kept(words.role),
        Column::kept(words.object_id).dropped(1),
        Column::kept(words.added).dropped(2),
    ]
}
const CSV_HEADER: [&str; 4] = ["Name", "Role", "ObjectId", "Added"];

fn registry(store: &dyn Store) -> Result<&dyn AgentRegistry, ApiError> {
    store.registry().ok_or_else(|| StoreError::NoAgents.into())
}

/// The registered agent with this name, whatever its case.
fn named(store: &dyn Store, name: &str) -> Result<Agent, ApiError> {
    registry(store)?
        .agents()?
        .into_iter()
        .find(|agent| same_name(&agent.name, name))
        .ok_or_else(|| {
            StoreError::UnknownAgent {
                name: name.trim().to_string(),
            }
            .into()
        })
}

/// Registers an agent with its object ID and its SSH keys; prints it.
pub fn add(
    api: &mut Api,
    name: &str,
    role: Option<Role>,
    key_files: &[PathBuf],
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let name = checked_agent_name(name).map_err(|problem| {
        ApiError::invalid_said(move |words| (words.requests.agent_name)(&problem))
    })?;
    let mut ssh_keys = Vec::new();
    for file in key_files {
        add_keys(&mut ssh_keys, keys_of_file(file)?);
    }
    let role = role.ok_or_else(|| {
        let name = name.clone();
        ApiError::invalid_said(move |words| (words.requests.agent_role_missing)(&name))
    })?;
    let added_at = api.now();
    let agent = api.core.exclusive(|store| -> Result<Agent, ApiError> {
        let agent = Agent {
            id: crate::domain::agent::object_id(&name),
            name,
            role,
            added_at,
            ssh_keys,
        };
        let registry = registry(store)?;
        refuse_keys_of_others(registry, &agent)?;
        registry.add_agent(&agent)?;
        Ok(agent)
    })?;
    tracing::info!("agent added: {} ({})", agent.name, agent.role.label());
    output::json(out, &agent).map_err(write_error)?;
    Ok(0)
}

/// Every registered agent, in the order they were added.
pub fn list(api: &mut Api, format: Format, out: &mut dyn Write) -> Result<u8, ApiError> {
    let agents = registry(api.store())?.agents()?;
    let words = api.words();
    // The CSV's values are the API's, in English whatever the language of the table.
    let cells = |agent: &Agent, words: &CommandWords| {
        [
            agent.name.clone(),
            (words.role_of)(agent.role).to_string(),
            agent.id.clone(),
            agent.added_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        ]
    };
    match format {
        Format::Json => {
            let collection = super::json::Collection::of(agents);
            output::json(out, &collection).map_err(write_error)?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = agents.iter().map(|a| cells(a, words).to_vec()).collect();
            let what = Counted {
                count: words.agents_count,
                none: words.no_agents,
            };
            counted_table(
                out,
                &columns(words),
                &rows,
                &what,
                words,
                terminal_columns(),
            )
            .map_err(write_error)?;
        }
        Format::Csv => {
            output::csv_record(out, &CSV_HEADER).map_err(write_error)?;
            for agent in &agents {
                let cells = cells(agent, &Lang::English.words().commands);
                let fields = cells.each_ref().map(String::as_str);
                output::csv_record(out, &fields).map_err(write_error)?;
            }
        }
    }
    Ok(0)
}

/// Adds `new` to `keys`, each key once.
fn add_keys(keys: &mut Vec<SshKey>, new: Vec<SshKey>) {
    for key in new {
        if !keys.iter().any(|kept| kept.fingerprint == key.fingerprint) {
            keys.push(key);
        }
    }
}

/// A key signs in one agent only: refused when another agent has one of `agent`'s keys.
fn refuse_keys_of_others(registry: &dyn AgentRegistry, agent: &Agent) -> Result<(), ApiError> {
    for other in registry.agents()? {
        if other.id == agent.id {
            continue;
        }
        if let Some(key) = agent
            .ssh_keys
            .iter()
            .find(|key| other.has_key(&key.fingerprint))
        {
            let (fingerprint, agent) = (key.fingerprint.clone(), other.name);
            return Err(ApiError::invalid_said(move |words| {
                (words.requests.key_of_another)(&fingerprint, &agent)
            }));
        }
    }
    Ok(())
}

/// Adds and removes SSH keys of an agent; prints the agent. The next connection uses them.
pub fn keys(
    api: &mut Api,
    name: &str,
    add: &[PathBuf],
    remove: &[String],
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    if add.is_empty() && remove.is_empty() {
        return Err(ApiError::invalid_said(|words| {
            words.requests.keys_change_nothing.into()
        }));
    }
    let mut added = Vec::new();
    for file in add {
        add_keys(&mut added, keys_of_file(file)?);
    }
    // A key to remove is named by its fingerprint, or by its file.
    let mut removed = Vec::new();
    for named in remove {
        if named.starts_with("SHA256:") {
            removed.push(named.trim().to_string());
        } else {
            let keys = keys_of_file(std::path::Path::new(named))?;
            removed.extend(keys.into_iter().map(|key| key.fingerprint));
        }
    }
    let agent = api.core.exclusive(|store| -> Result<Agent, ApiError> {
        let mut agent = named(store, name)?;
        for fingerprint in &removed {
            if !agent.has_key(fingerprint) {
                let (agent, fingerprint) = (agent.name.clone(), fingerprint.clone());
                return Err(ApiError::said(
                    code::NOT_FOUND,
                    exit::NOT_FOUND,
                    move |words| (words.requests.agent_has_no_key)(&agent, &fingerprint),
                ));
            }
        }
        agent
            .ssh_keys
            .retain(|key| !removed.contains(&key.fingerprint));
        add_keys(&mut agent.ssh_keys, added);
        let registry = registry(store)?;
        refuse_keys_of_others(registry, &agent)?;
        registry.replace_agent(&agent)?;
        Ok(agent)
    })?;
    tracing::info!(
        "SSH keys of {} changed: {} now",
        agent.name,
        agent.ssh_keys.len()
    );
    output::json(out, &agent).map_err(write_error)?;
    Ok(0)
}

/// Removes an agent and its tokens; prints the agent removed. What it recorded stays.
pub fn remove(api: &mut Api, name: &str, out: &mut dyn Write) -> Result<u8, ApiError> {
    let agent = api.core.exclusive(|store| -> Result<Agent, ApiError> {
        let agent = named(store, name)?;
        registry(store)?.remove_agent(&agent.id)?;
        Ok(agent)
    })?;
    tracing::info!("agent removed: {}", agent.name);
    output::json(out, &agent).map_err(write_error)?;
    Ok(0)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Revoked {
    name: String,
    tokens_revoked: usize,
}

/// Makes a new bearer token for an agent and prints it, alone on its line: it is shown this
/// once, as only its hash is kept. With `revoke`, removes every token of the agent instead.
pub fn token(api: &mut Api, name: &str, revoke: bool, out: &mut dyn Write) -> Result<u8, ApiError> {
    if revoke {
        let revoked = api.core.exclusive(|store| -> Result<Revoked, ApiError> {
            let agent = named(store, name)?;
            let tokens_revoked = registry(store)?.revoke_tokens(&agent.id)?;
            Ok(Revoked {
                name: agent.name,
                tokens_revoked,
            })
        })?;
        tracing::info!(
            "tokens revoked: {} of {}",
            revoked.tokens_revoked,
            revoked.name
        );
        output::json(out, &revoked).map_err(write_error)?;
        return Ok(0);
    }
    let mut random = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut random).map_err(|e| {
        let detail = e.to_string();
        ApiError::said(code::STORE, exit::STORE, move |words| {
            (words.requests.no_random_bytes)(&detail)
        })
    })?;
    let token = agent::token_text(&random);
    let owner = api.core.exclusive(|store| -> Result<Agent, ApiError> {
        let agent = named(store, name)?;
        registry(store)?.add_token(&agent.id, &token_hash(&token))?;
        Ok(agent)
    })?;
    tracing::info!("token made for {}", owner.name);
    writeln!(out, "{token}").map_err(write_error)?;
    Ok(0)
}
