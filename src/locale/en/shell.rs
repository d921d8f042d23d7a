//! The process's own lines: refused command lines and values, and what the shell, the server
//! and the owner of a store say.

use crate::locale::words::{ShellWords, SshAt};
use crate::owner::OwnerError;

fn ssh_at(at: &SshAt<'_>) -> String {
    let made = if at.made { ", made now" } else { "" };
    format!(
        "SSH dashboards at ssh -t -p {} {} on {} (host key {}{made}; Ctrl-C to stop)",
        at.port, at.host, at.store, at.fingerprint
    )
}

pub const SHELL: ShellWords = ShellWords {
    usage: crate::cli::usage_english,
    value: |problem| problem.to_string(),
    no_data_dir: "cannot find a home directory for the data; pass --data-dir DIR",
    terminal_error: |error| format!("terminal error: {error}"),
    server_went_away: "the server went away; what was saved stays saved.",
    no_partner_name: crate::dashboard::NO_PARTNER_NAME,
    caller_went_away: "the pcenter the command runs for went away",
    owner_went_away: |owner| {
        format!(
            "The command ran in {owner}, which ended before the command finished. What the command reported saved is saved; run it again to finish."
        )
    },
    other_version: |owner, server, owners, commands| {
        let end = if server {
            "stop that server"
        } else {
            "close that dashboard"
        };
        format!(
            "The store is open in {owner}, which is pcenter {owners}, and this is pcenter {commands}: run the command with the same pcenter, or {end} first."
        )
    },
    other_server_version: |servers, ours| {
        format!(
            "The server that has this store open is pcenter {servers}, and this is {ours}: start the dashboard with the server's pcenter."
        )
    },
    takes_no_second: "The store is open in another dashboard, which takes no second one.",
    request_refused: |process, why| {
        let from = process.map_or("another process".to_string(), |pid| {
            format!("process {pid}")
        });
        format!("The command sent by {from} cannot be run: {why}.")
    },
    failed_inside:
        "The command failed inside the pcenter that has the store open, and was stopped; \
                    see pcenter.log in the data directory. What it reported saved is saved.",
    owner_closing:
        "The pcenter that holds this store is closing; run the command again in a moment.",
    owner_error: |error: &OwnerError| error.to_string(),
    serve_what: "say what to serve: --http ADDR (the REST API), --ssh ADDR (dashboards), or both",
    not_an_address: |typed| {
        format!("'{typed}' is not an address to listen on: give HOST:PORT, for example 127.0.0.1:8080 (port 0 picks a free one)")
    },
    cannot_listen: |address, error| format!("cannot listen on {address}: {error}"),
    server_failed: |error| format!("the server failed: {error}"),
    no_commands_through_server: |error| format!("commands cannot run through this server: {error}"),
    api_at: |url, store| format!("Partner Center API at {url} on {store} (Ctrl-C to stop)"),
    ssh_at,
    reachable: |address, api| {
        let why = if api {
            "this API has no TLS: its tokens cross the network in clear"
        } else {
            "anyone who can reach it may try to sign in"
        };
        format!("warning: {address} is reachable from other machines; {why}.")
    },
};
