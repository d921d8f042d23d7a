//! wrk, the HTTP load generator (Debian package `wrk`), run with the bench's Lua script
//! (`bench/wrk/pcenter.lua`) and read from the one line that script prints at the end.

use crate::report::Load;
use crate::targets::HTTP_CONNECTIONS;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The script wrk runs; the bench writes it beside the data it is run on.
pub const SCRIPT: &str = include_str!("../../../bench/wrk/pcenter.lua");
/// A request with no answer within this is counted as unanswered (wrk's own default is 2 s).
const TIMEOUT: &str = "5s";
/// Seconds of reads sent to a server before its first measured run, not counted: the first
/// seconds after a start are slower, and longer so on a store just copied (at 1M, a p99 of
/// 20-30 ms for 10-15 s, then 5-6 ms, at the same rate).
pub const WARM_UP_SECONDS: u64 = 15;
/// Seconds of confirmations sent before the measured ones, not counted, on customers of their
/// own.
pub const WRITE_WARM_UP_SECONDS: u64 = 2;

/// Whether wrk runs here.
pub fn works() -> bool {
    // `wrk -v` prints its version and exits with 1: that it ran is enough.
    Command::new("wrk")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// wrk with the script, ready to run: `threads` threads for [`HTTP_CONNECTIONS`] connections.
pub struct Wrk {
    pub script: PathBuf,
    pub threads: usize,
}

/// What a run of wrk measured, as the script reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Answers received.
    pub answers: u64,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Answers by HTTP status.
    pub statuses: BTreeMap<u16, u64>,
    /// Requests with no answer: connection, read and write errors, and timeouts.
    pub unanswered: u64,
}

impl Outcome {
    /// The rate of answers with the `wanted` status, and everything else.
    pub fn load(&self, wanted: u16) -> Load {
        let good = self.statuses.get(&wanted).copied().unwrap_or(0);
        Load {
            per_s: good as f64 / self.seconds.max(f64::EPSILON),
            p99_ms: self.p99_ms,
            other: self.answers - good.min(self.answers) + self.unanswered,
        }
    }

    /// The statuses as `200: 1,234` for a note.
    pub fn statuses_text(&self) -> String {
        let mut text: Vec<String> = self
            .statuses
            .iter()
            .map(|(status, n)| format!("{status}: {n}"))
            .collect();
        if self.unanswered > 0 {
            text.push(format!("unanswered: {}", self.unanswered));
        }
        text.join(", ")
    }
}

/// What to send.
pub enum Requests<'a> {
    /// GET of `path` with its `{id}` replaced by the IDs of `ids`, spread over the threads.
    Get { path: &'a str, ids: &'a Path },
    /// POST of an agreement to `path`, each ID of `ids` once, accepted on `date`.
    Confirm {
        path: &'a str,
        ids: &'a Path,
        date: &'a str,
    },
    /// GET of `path` as it is.
    Fixed { path: &'a str },
}

impl Wrk {
    /// Writes the script into `dir` and uses as many threads as the machine has cores.
    pub fn new(dir: &Path) -> Result<Wrk, String> {
        let script = dir.join("wrk-pcenter.lua");
        std::fs::write(&script, SCRIPT)
            .map_err(|e| format!("cannot write {}: {e}", script.display()))?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(Wrk {
            script,
            threads: cores.clamp(1, HTTP_CONNECTIONS),
        })
    }

    /// Runs wrk against `base` (`http://HOST:PORT`) for `seconds`, signed in with `token` when
    /// given (through the environment, not the command line).
    pub fn run(
        &self,
        base: &str,
        token: Option<&str>,
        requests: &Requests,
        seconds: u64,
    ) -> Result<Outcome, String> {
        let threads = self.threads.to_string();
        let mut command = Command::new("wrk");
        command
            .args(["-t", &threads, "-c", &HTTP_CONNECTIONS.to_string()])
            .args([
                "-d",
                &format!("{seconds}s"),
                "--timeout",
                TIMEOUT,
                "--latency",
            ])
            .arg("-s")
            .arg(&self.script)
            .arg(base)
            .arg("--");
        match requests {
            Requests::Get { path, ids } => {
                command.args(["get", path]).arg(ids).arg(&threads);
            }
            Requests::Confirm { path, ids, date } => {
                command
                    .args(["post", path])
                    .arg(ids)
                    .args([&threads, *date]);
            }
            Requests::Fixed { path } => {
                command.args(["fixed", path]);
            }
        }
        match token {
            Some(token) => command.env("PCENTER_BENCH_TOKEN", token),
            None => command.env_remove("PCENTER_BENCH_TOKEN"),
        };
        let output = command
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("wrk could not be run ({e})"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        parse(&stdout).ok_or_else(|| {
            let said = String::from_utf8_lossy(&output.stderr);
            let said = said.lines().chain(stdout.lines()).next().unwrap_or("");
            format!("wrk gave no result ({}): {}", output.status, said.trim())
        })
    }
}

/// The script's `pcenter-bench: key=value …` line.
fn parse(stdout: &str) -> Option<Outcome> {
    let line = stdout
        .lines()
        .find_map(|line| line.strip_prefix("pcenter-bench: "))?;
    let fields: BTreeMap<&str, &str> = line
        .split_whitespace()
        .filter_map(|field| field.split_once('='))
        .collect();
    let number = |key: &str| fields.get(key)?.parse::<u64>().ok();
    let ms = |key: &str| number(key).map(|us| us as f64 / 1_000.0);
    let mut statuses = BTreeMap::new();
    for pair in fields.get("status")?.split(',').filter(|p| !p.is_empty()) {
        let (status, n) = pair.split_once(':')?;
        statuses.insert(status.parse().ok()?, n.parse().ok()?);
    }
    let unanswered = ["connect", "read", "write", "timeout"]
        .into_iter()
        .map(number)
        .sum::<Option<u64>>()?;
    Some(Outcome {
        answers: number("requests")?,
        seconds: number("duration_us")? as f64 / 1e6,
        p50_ms: ms("p50_us")?,
        p99_ms: ms("p99_us")?,
        max_ms: ms("max_us")?,
        statuses,
        unanswered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_line_reads_back() {
        let stdout = "Running 10s test @ http://127.0.0.1:1\n  2 threads\npcenter-bench: requests=1000 duration_us=2000000 p50_us=1500 p99_us=9000 max_us=12000 status=201:990,409:10 connect=0 read=1 write=0 timeout=2\n";
        let outcome = parse(stdout).unwrap();
        assert_eq!(outcome.answers, 1000);
        assert_eq!(outcome.p99_ms, 9.0);
        assert_eq!(outcome.unanswered, 3);
        let load = outcome.load(201);
        assert_eq!(load.per_s, 495.0);
        assert_eq!(load.other, 13);
        assert_eq!(outcome.statuses_text(), "201: 990, 409: 10, unanswered: 3");
        assert_eq!(
            parse("pcenter-bench: requests=0 duration_us=1 p50_us=0 p99_us=0 max_us=0 status= connect=0 read=0 write=0 timeout=0")
                .unwrap()
                .load(200)
                .per_s,
            0.0
        );
        assert!(parse("Running 10s test").is_none());
    }
}
