//! The HTTP API under load: `pcenter serve --http` on a scratch copy of a size's data, an agent
//! registered on it with a bearer token, and wrk on loopback sending requests spread over many
//! real customers (`bench/wrk/pcenter.lua`): reads of one customer by ID, then confirmations,
//! each of a different customer without one and flushed to disk before it is answered. At
//! [`JSON_SERVER_SIZE`] customers, also the first page of the list, and json-server serving the
//! same customers from a JSON file, for the same requests.

use crate::exports::{fields, CUSTOMER_COLUMNS};
use crate::report::{Load, ServedRequest, ServerComparison, SizeResult};
use crate::served::{self, JsonServer, Server};
use crate::targets::Metric::{self, *};
use crate::targets::{
    HTTP_CONFIRM_IDS, HTTP_CONFIRM_WARM_UP_IDS, HTTP_CONNECTIONS, HTTP_PAGE_SIZE, HTTP_READ_IDS,
    JSON_SERVER_SIZE,
};
use crate::workdir::{scratch_copy, Pcenter, SizeDir};
use crate::writes::DATE_AGREED;
use crate::wrk::{self, Outcome, Requests, Wrk};
use crate::Fallible;
use pcenter::book::AgreementStatus;
use pcenter::domain::cloud::Cloud;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// The agent the requests are signed in as, registered on the scratch copy.
const CLIENT: &str = "Bench Client";
const HTTP_METRICS: [Metric; 5] = [
    HttpReadRate,
    HttpReadP99,
    HttpConfirmRate,
    HttpConfirmP99,
    HttpConfirmOther,
];

/// What the HTTP rows need, found once for the run.
pub struct Tools {
    /// wrk, or why it cannot run.
    pub wrk: Result<(), String>,
    /// json-server, or why it cannot run; only looked for when the comparison's size is run.
    pub json_server: Result<JsonServer, String>,
    /// Seconds of each measured wrk run.
    pub seconds: u64,
}

impl Tools {
    /// Looks for wrk (installing it with apt when `install`) when a size of `sizes` has HTTP
    /// rows, and for json-server (installing it with npm under `work_dir`) when the
    /// comparison's size is one of them.
    pub fn find(sizes: &[usize], work_dir: &Path, install: bool, seconds: u64) -> Tools {
        use crate::targets::HTTP_FROM_SIZE;
        const NOT_NEEDED: &str = "not needed at these sizes";
        let wrk = if !sizes.iter().any(|&s| s >= HTTP_FROM_SIZE) {
            Err(NOT_NEEDED.to_string())
        } else if wrk::works() || (install && crate::compare::apt_install("wrk", wrk::works)) {
            Ok(())
        } else {
            Err("wrk not installed; apt-get install wrk".to_string())
        };
        let json_server = match &wrk {
            _ if !sizes.contains(&JSON_SERVER_SIZE) => Err(NOT_NEEDED.to_string()),
            Err(why) => Err(why.clone()),
            Ok(()) => served::find_json_server(&work_dir.join("json-server"), install),
        };
        Tools {
            wrk,
            json_server,
            seconds,
        }
    }
}

/// Measures the HTTP rows at this size into `result`, and gives the json-server comparison
/// at its size. Without wrk the rows are marked skipped; a tool that fails is noted the same
/// way, but a server of pcenter's that fails is an error.
pub fn measure(
    dir: &SizeDir,
    pcenter: &Pcenter,
    export: &Path,
    tools: &Tools,
    result: &mut SizeResult,
) -> Fallible<Option<ServerComparison>> {
    let compared = dir.customers == JSON_SERVER_SIZE;
    let say = |what: &str| eprintln!("[{}] {what}", dir.customers);
    if let Err(why) = &tools.wrk {
        skip(result, why);
        return Ok(compared.then(|| comparison(dir, tools, Err(why.clone()), None, "")));
    }
    let wrk = Wrk::new(&dir.root)?;
    let ids = Ids::write(dir, export)?;
    let json_file = match (&tools.json_server, compared) {
        (Ok(_), true) => Some(json_server_file(dir, pcenter)?),
        _ => None,
    };

    say("the HTTP API under wrk, on a copy of the data");
    let started = Instant::now();
    let scratch = scratch_copy(dir)?;
    let copied = started.elapsed().as_secs_f64();
    let token = register_client(pcenter, &scratch.data_dir)?;
    let registered = started.elapsed().as_secs_f64();
    let mut server = served::start_pcenter(pcenter, &scratch.data_dir, &dir.file("serve.log"))?;
    let first = served::wait_ready(
        &mut server,
        &format!("/v1/customers/{}", ids.first),
        Some(&token),
    )?;
    // The list's first page answers once the list is read.
    served::wait_ready(&mut server, "/v1/customers?size=1", Some(&token))?;
    say(&format!(
        "copied in {copied:.1} s, agent registered (the copy's first open checks it whole) after {registered:.1} s, server ready after {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    let session = Session {
        wrk: &wrk,
        server: &server,
        token: Some(&token),
        seconds: tools.seconds,
    };
    let read = Requests::Get {
        path: "/v1/customers/{id}",
        ids: &ids.read,
    };
    let measured = (|| -> Result<_, String> {
        session.warm_up(&read)?;
        let reads = session.run("GET /v1/customers/{id}", &read, 200)?;
        let page_path = format!("/v1/customers?size={HTTP_PAGE_SIZE}");
        let page = compared
            .then(|| session.run(&page_path, &Requests::Fixed { path: &page_path }, 200))
            .transpose()?;
        let confirm = |ids| Requests::Confirm {
            path: "/v1/customers/{id}/agreements",
            ids,
            date: DATE_AGREED,
        };
        session.outcome(&confirm(&ids.confirm_warm_up), wrk::WRITE_WARM_UP_SECONDS)?;
        let confirmations = session.run("POST …/agreements", &confirm(&ids.confirm), 201)?;
        Ok((reads, page, confirmations))
    })();
    let stopped = server.stop();
    match &stopped {
        Ok(status) if status.success() => {}
        Ok(status) => eprintln!(
            "[{}] note: pcenter serve exited with {status}",
            dir.customers
        ),
        Err(why) => eprintln!("[{}] note: {why}", dir.customers),
    }
    drop(scratch);
    let (reads, page, confirmations) = match measured {
        Ok(measured) => measured,
        Err(why) => {
            eprintln!("[{}] note: the HTTP rows are skipped: {why}", dir.customers);
            skip(result, &why);
            return Ok(compared.then(|| comparison(dir, tools, Err(why.clone()), None, "")));
        }
    };
    let values = &mut result.values;
    values.insert(HttpReadRate, reads.per_s);
    values.insert(HttpReadP99, reads.p99_ms);
    values.insert(HttpConfirmRate, confirmations.per_s);
    values.insert(HttpConfirmP99, confirmations.p99_ms);
    values.insert(HttpConfirmOther, confirmations.other as f64);
    if !compared {
        return Ok(None);
    }
    let ours = Ok((reads, page.expect("measured at the comparison's size")));
    let theirs = match (&tools.json_server, json_file) {
        (Ok(json_server), Some(file)) => {
            say("json-server under wrk, on the same customers");
            json_server_loads(dir, &wrk, json_server, &file, &ids, &first, tools.seconds)
        }
        (Err(why), _) => Err(why.clone()),
        (Ok(_), None) => Err("no JSON file".into()),
    };
    let same = match &theirs {
        Ok((_, true)) => "one customer read from each gave the same JSON",
        Ok((_, false)) => "**one customer read from each gave different JSON**",
        Err(_) => "",
    };
    Ok(Some(comparison(
        dir,
        tools,
        ours,
        Some(theirs.map(|(loads, _)| loads)),
        same,
    )))
}

fn skip(result: &mut SizeResult, why: &str) {
    for metric in HTTP_METRICS {
        result.skipped.insert(metric, why.to_string());
    }
}

/// The reads by ID and of a page, as each server took them.
type Loads = (Load, Load);

fn comparison(
    dir: &SizeDir,
    tools: &Tools,
    ours: Result<Loads, String>,
    theirs: Option<Result<Loads, String>>,
    same: &str,
) -> ServerComparison {
    let theirs = theirs.unwrap_or_else(|| match (&ours, &tools.json_server) {
        (Err(why), _) | (_, Err(why)) => Err(why.clone()),
        (Ok(_), Ok(_)) => Err("not measured".into()),
    });
    let pick = |loads: &Result<Loads, String>, page: bool| {
        loads
            .as_ref()
            .map(|(by_id, first_page)| if page { *first_page } else { *by_id })
            .map_err(Clone::clone)
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut how = format!(
        "wrk on loopback, {HTTP_CONNECTIONS} connections on {} threads, {} s a request after {} s of reads to warm up, one server at a time, the reads by ID spread over {} customers in a random order",
        threads.clamp(1, HTTP_CONNECTIONS),
        tools.seconds,
        wrk::WARM_UP_SECONDS,
        crate::report::thousands(HTTP_READ_IDS.min(dir.customers) as f64),
    );
    if !same.is_empty() {
        how.push_str("; ");
        how.push_str(same);
    }
    ServerComparison {
        customers: dir.customers,
        tool: tools
            .json_server
            .as_ref()
            .map(|j| j.version.clone())
            .map_err(Clone::clone),
        how,
        requests: vec![
            ServedRequest {
                request: "one customer by ID (`GET /v1/customers/{id}`; `GET /customers/{id}`)"
                    .into(),
                ours: pick(&ours, false),
                theirs: pick(&theirs, false),
            },
            ServedRequest {
                request: format!(
                    "the list's first page of {HTTP_PAGE_SIZE} (`GET /v1/customers?size={HTTP_PAGE_SIZE}`; `GET /customers?_page=1&_limit={HTTP_PAGE_SIZE}`)"
                ),
                ours: pick(&ours, true),
                theirs: pick(&theirs, true),
            },
        ],
    }
}

/// wrk against one server.
struct Session<'a> {
    wrk: &'a Wrk,
    server: &'a Server,
    token: Option<&'a str>,
    seconds: u64,
}

impl Session<'_> {
    fn outcome(&self, requests: &Requests, seconds: u64) -> Result<Outcome, String> {
        self.wrk
            .run(&self.server.base(), self.token, requests, seconds)
    }

    /// Requests for [`wrk::WARM_UP_SECONDS`], not counted.
    fn warm_up(&self, requests: &Requests) -> Result<(), String> {
        self.outcome(requests, wrk::WARM_UP_SECONDS).map(|_| ())
    }

    /// The requests for the session's seconds; `wanted` is the status of a success.
    fn run(&self, what: &str, requests: &Requests, wanted: u16) -> Result<Load, String> {
        let outcome = self.outcome(requests, self.seconds)?;
        let load = outcome.load(wanted);
        eprintln!(
            "    {} {what}: {:.0}/s answered {wanted}, p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms ({}); load average {}",
            self.server.name,
            load.per_s,
            outcome.p50_ms,
            outcome.p99_ms,
            outcome.max_ms,
            outcome.statuses_text(),
            load_average()
        );
        Ok(load)
    }
}

/// The machine's load average over the last minute, as `uptime` shows it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// The ID files wrk reads, made from the size's export.
struct Ids {
    /// Customers to read, up to [`HTTP_READ_IDS`], in a random order.
    read: PathBuf,
    /// Public-cloud customers without a confirmation, up to [`HTTP_CONFIRM_IDS`], in a random
    /// order: the first few to warm up with, the rest to measure.
    confirm_warm_up: PathBuf,
    confirm: PathBuf,
    /// The first customer to read.
    first: String,
}

impl Ids {
    fn write(dir: &SizeDir, export: &Path) -> Fallible<Ids> {
        let text = std::fs::read_to_string(export)?;
        let position = |name| CUSTOMER_COLUMNS.iter().position(|c| *c == name);
        let (Some(id), Some(cloud), Some(status)) = (
            position("TenantId"),
            position("Cloud"),
            position("AgreementStatus"),
        ) else {
            unreachable!("the columns are constants");
        };
        let (mut all, mut unconfirmed) = (Vec::new(), Vec::new());
        for line in text.lines().skip(1) {
            let f = fields(line);
            if f.len() != CUSTOMER_COLUMNS.len() {
                continue;
            }
            if f[cloud] == Cloud::Public.short_label()
                && f[status] == AgreementStatus::NotConfirmed.label()
            {
                unconfirmed.push(f[id].clone());
            }
            all.push(f[id].clone());
        }
        shuffle(&mut all, 1);
        shuffle(&mut unconfirmed, 2);
        all.truncate(HTTP_READ_IDS);
        unconfirmed.truncate(HTTP_CONFIRM_IDS);
        if all.is_empty() || unconfirmed.len() < 2 {
            return Err(format!(
                "{} has no customers to read or too few to confirm",
                export.display()
            )
            .into());
        }
        let warm_up = HTTP_CONFIRM_WARM_UP_IDS.min(unconfirmed.len() / 5).max(1);
        let (warm_up, measured) = unconfirmed.split_at(warm_up);
        let write = |name: &str, ids: &[String]| -> Fallible<PathBuf> {
            let file = dir.file(name);
            std::fs::write(&file, ids.join("\n") + "\n")?;
            Ok(file)
        };
        Ok(Ids {
            read: write("wrk-read-ids.txt", &all)?,
            confirm_warm_up: write("wrk-confirm-warm-up-ids.txt", warm_up)?,
            confirm: write("wrk-confirm-ids.txt", measured)?,
            first: all[0].clone(),
        })
    }
}

/// Fisher-Yates with a fixed xorshift sequence: the same order on every run.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64 ^ seed;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

/// Registers [`CLIENT`] on the copy and gives a new bearer token of it.
fn register_client(pcenter: &Pcenter, data_dir: &Path) -> Fallible<String> {
    let mut add = pcenter.command(data_dir);
    add.args(["agents", "add", CLIENT]);
    pcenter.run(add, Stdio::null(), &[0])?;
    let mut token = pcenter.command(data_dir);
    token.args(["agents", "token", CLIENT]);
    let (output, _) = pcenter.run(token, Stdio::piped(), &[0])?;
    Ok(String::from_utf8(output.stdout)?.trim().to_string())
}

/// The size's customers as json-server serves them, `{"customers": [...]}`, each as
/// `GET /v1/customers/{id}` answers it: the items of `pcenter customers list --format json`.
/// Made again on every run: the resources' shape may have changed with the binary.
fn json_server_file(dir: &SizeDir, pcenter: &Pcenter) -> Fallible<PathBuf> {
    let file = dir.file("json-server.json");
    let mut command = pcenter.command(&dir.data_dir());
    command.args(["customers", "list", "--format", "json"]);
    let (output, _) = pcenter.run(command, Stdio::piped(), &[0])?;
    let mut list: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let items = list
        .get_mut("items")
        .map(serde_json::Value::take)
        .ok_or("customers list --format json printed no items")?;
    let partial = dir.file("json-server.json.partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
    serde_json::to_writer(&mut out, &serde_json::json!({ "customers": items }))?;
    out.flush()?;
    drop(out);
    std::fs::rename(&partial, &file)?;
    Ok(file)
}

/// json-server's reads by ID and of the first page, and whether it answered the first
/// customer with the JSON pcenter answered (`first`).
fn json_server_loads(
    dir: &SizeDir,
    wrk: &Wrk,
    json_server: &JsonServer,
    file: &Path,
    ids: &Ids,
    first: &[u8],
    seconds: u64,
) -> Result<(Loads, bool), String> {
    let log = dir.file("json-server.log");
    let mut server =
        served::start_json_server(json_server, file, &log).map_err(|e| e.to_string())?;
    let theirs = served::wait_ready(&mut server, &format!("/customers/{}", ids.first), None)
        .map_err(|e| e.to_string())?;
    let json = |body: &[u8]| serde_json::from_slice::<serde_json::Value>(body).ok();
    let same = json(&theirs).is_some() && json(&theirs) == json(first);
    let session = Session {
        wrk,
        server: &server,
        token: None,
        seconds,
    };
    let read = Requests::Get {
        path: "/customers/{id}",
        ids: &ids.read,
    };
    let page_path = format!("/customers?_page=1&_limit={HTTP_PAGE_SIZE}");
    let measured = (|| -> Result<Loads, String> {
        session.warm_up(&read)?;
        let reads = session.run("GET /customers/{id}", &read, 200)?;
        let page = session.run(&page_path, &Requests::Fixed { path: &page_path }, 200)?;
        Ok((reads, page))
    })();
    if let Err(why) = server.stop() {
        eprintln!("[{}] note: {why}", dir.customers);
    }
    measured.map(|loads| (loads, same))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shuffle_keeps_every_item_in_an_order_of_its_own() {
        let mut items: Vec<u32> = (0..1_000).collect();
        shuffle(&mut items, 1);
        let mut again: Vec<u32> = (0..1_000).collect();
        shuffle(&mut again, 1);
        assert_eq!(items, again);
        assert_ne!(items, (0..1_000).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..1_000).collect::<Vec<_>>());
    }
}
