//! The SSH dashboards measured at the client: `pcenter serve --ssh 127.0.0.1:0` on a scratch
//! copy of a size's data, an agent registered on it with a key made by `ssh-keygen`, and
//! OpenSSH's `ssh` in pseudo-terminals of the bench's (`ssh_client`), over loopback. One
//! session counts the bytes of a move down the list and of ten seconds idle; then
//! [`SSH_SESSIONS`] sessions connect and press keys at a person's pace, each key timed from
//! its write to the end of the frame it caused, while the server's memory is sampled.

use crate::report::SizeResult;
use crate::served::{self, Server};
use crate::ssh_client::{first_frame_done, holds_after, Client, FRAME_END};
use crate::stats::{max, median, ms, percentile};
use crate::targets::Metric::{self, *};
use crate::targets::{
    SSH_IDLE_SECONDS, SSH_KEYS_PER_SESSION, SSH_MOVES, SSH_SCROLL_MOVES, SSH_SESSIONS,
};
use crate::workdir::{scratch_copy, Pcenter, SizeDir};
use crate::Fallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

const DOWN: &[u8] = b"\x1b[B";
const UP: &[u8] = b"\x1b[A";
/// The agent the sessions sign in as, registered on the scratch copy.
const AGENT: &str = "Bench SSH Agent";
/// Time given to bytes that would follow a move's frame, so that they are counted with it.
const SETTLE: Duration = Duration::from_millis(250);
/// The sessions connect one after another this far apart, as agents arriving, not at once.
const STAGGER: Duration = Duration::from_millis(40);
/// How long a frame may take before the measurement is abandoned.
const FRAME_PATIENCE: Duration = Duration::from_secs(30);
/// How long the server has to load the list before its first session shows it whole.
const READY_PATIENCE: Duration = Duration::from_secs(300);
pub const SSH_METRICS: [Metric; 12] = [
    SshMoveBytes,
    SshMoveBytesMax,
    SshScrollBytes,
    SshIdleBytes,
    SshKeyP99,
    SshKeyP50,
    SshMemory,
    SshMemoryAdded,
    SshFirstStartMemory,
    SshConnectP50,
    SshConnectP99,
    SshConnectAlone,
];

/// Measures the SSH rows into `result`; a measurement that fails marks them skipped, saying
/// why, but a server that cannot start is an error.
pub fn measure(dir: &SizeDir, pcenter: &Pcenter, result: &mut SizeResult) -> Fallible<()> {
    let say = |what: &str| eprintln!("[{}] {what}", dir.customers);
    say("SSH dashboards at the client, on a copy of the data");
    let key = match new_key(&dir.file("ssh-bench")) {
        Ok(key) => key,
        Err(why) => {
            skip(result, &why.to_string());
            return Ok(());
        }
    };
    let scratch = scratch_copy(dir)?;
    register_agent(pcenter, &scratch.data_dir, &key.with_extension("pub"))?;
    let log = dir.file("serve-ssh.log");
    // Adding the agent dropped the saved list: this first start builds the directory from the
    // store, as after any change of the registry, and saves the list when stopped. The start
    // measured is the next one, from the saved list, as the dashboard's memory is measured.
    let server = served::start_pcenter_ssh(pcenter, &scratch.data_dir, &log)?;
    let first_start = wait_loaded(&key, server.address)
        .and_then(|()| status_kb(server.pid().unwrap_or(0), "VmHWM"));
    stop(server, &say);
    match first_start {
        Ok(kb) => result.values.insert(SshFirstStartMemory, mb(kb)),
        Err(why) => {
            say(&format!("note: the SSH rows are skipped: {why}"));
            skip(result, &why);
            return Ok(());
        }
    };
    let server = served::start_pcenter_ssh(pcenter, &scratch.data_dir, &log)?;
    let measured = (|| -> Result<(), String> {
        wait_loaded(&key, server.address)?;
        say(&format!("server ready; load average {}", load_average()));
        one_session(&key, server.address, result)?;
        say(&format!(
            "{SSH_SESSIONS} sessions pressing keys; load average {}",
            load_average()
        ));
        many_sessions(&key, &server, result)?;
        say(&format!("done; load average {}", load_average()));
        Ok(())
    })();
    stop(server, &say);
    drop(scratch);
    if let Err(why) = measured {
        say(&format!("note: the SSH rows are skipped: {why}"));
        skip(result, &why);
    }
    Ok(())
}

fn skip(result: &mut SizeResult, why: &str) {
    for metric in SSH_METRICS {
        result.values.remove(&metric);
        result.skipped.insert(metric, why.to_string());
    }
}

/// Stops the server with SIGTERM by its PID, saying how it exited when not cleanly.
fn stop(server: Server, say: &dyn Fn(&str)) {
    match server.stop() {
        Ok(status) if status.success() => {}
        Ok(status) => say(&format!("note: pcenter serve --ssh exited with {status}")),
        Err(why) => say(&format!("note: {why}")),
    }
}

/// kB as MB (10^6 bytes).
fn mb(kb: u64) -> f64 {
    kb as f64 * 1024.0 / 1e6
}

/// A new ed25519 key pair in `folder` (made anew); the path of its private half.
fn new_key(folder: &Path) -> Fallible<PathBuf> {
    if folder.exists() {
        std::fs::remove_dir_all(folder)?;
    }
    std::fs::create_dir_all(folder)?;
    let key = folder.join("id_ed25519");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "pcenter-bench", "-f"])
        .arg(&key)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run ssh-keygen: {e}"))?;
    if !made.success() {
        return Err(format!("ssh-keygen failed ({made})").into());
    }
    Ok(key)
}

fn register_agent(pcenter: &Pcenter, data_dir: &Path, public: &Path) -> Fallible<()> {
    let mut add = pcenter.command(data_dir);
    add.args(["agents", "add", AGENT, "--role", "admin-agent", "--ssh-key"])
        .arg(public);
    pcenter.run(add, Stdio::null(), &[0])?;
    Ok(())
}

/// Connects one session and waits until its screen shows the whole list, loaded: the server
/// says where it listens before its directory is loaded.
fn wait_loaded(key: &Path, address: SocketAddr) -> Result<(), String> {
    let mut client = Client::connect(key, address).map_err(|e| format!("cannot run ssh: {e}"))?;
    client.read_until(Instant::now() + READY_PATIENCE, first_frame_done)?;
    Ok(())
}

/// The bytes of one session: idle after its first frame, then Down moves within the page and
/// Down moves that scroll the list.
fn one_session(key: &Path, address: SocketAddr, result: &mut SizeResult) -> Result<(), String> {
    let mut client = Client::connect(key, address).map_err(|e| format!("cannot run ssh: {e}"))?;
    let shown = client.read_until(Instant::now() + FRAME_PATIENCE, first_frame_done)?;
    let alone_ms = ms(shown - client.started);
    client.received.clear();
    let idle = client.read_for(Duration::from_secs(SSH_IDLE_SECONDS))?;
    if idle > 0 {
        eprintln!(
            "    idle bytes: {:?}",
            String::from_utf8_lossy(&client.received)
        );
    }
    // Down ten rows and back up, five times: every move stays within the first page.
    let mut within = Vec::with_capacity(SSH_MOVES);
    while within.len() < SSH_MOVES {
        for _ in 0..10 {
            within.push(move_bytes(&mut client, DOWN, SETTLE)? as f64);
            show_bytes(
                "a Down move within the page",
                &client.received,
                within.len(),
            );
        }
        for _ in 0..10 {
            move_bytes(&mut client, UP, Duration::ZERO)?;
        }
    }
    // Once past the terminal's rows (more than the list shows), every Down scrolls a row.
    for _ in 0..usize::from(crate::ssh_client::SIZE.1) {
        move_bytes(&mut client, DOWN, Duration::ZERO)?;
    }
    let mut scrolling = Vec::with_capacity(SSH_SCROLL_MOVES);
    for _ in 0..SSH_SCROLL_MOVES {
        scrolling.push(move_bytes(&mut client, DOWN, SETTLE)? as f64);
        show_bytes(
            "a Down move that scrolls",
            &client.received,
            scrolling.len(),
        );
    }
    eprintln!(
        "    bytes of a Down move: within the page {within:?}, scrolling {scrolling:?}; idle {idle}; first frame of a session alone {alone_ms:.1} ms"
    );
    let values = &mut result.values;
    values.insert(SshIdleBytes, idle as f64);
    values.insert(SshMoveBytes, median(&within));
    values.insert(SshMoveBytesMax, max(&within));
    values.insert(SshScrollBytes, median(&scrolling));
    values.insert(SshConnectAlone, alone_ms);
    Ok(())
}

/// The bytes of the first move of a kind, for the log: what a move costs, and why.
fn show_bytes(what: &str, received: &[u8], nth: usize) {
    if nth == 1 {
        eprintln!("    {what}: {:?}", String::from_utf8_lossy(received));
    }
}

/// Presses `key` and gives the bytes received for it: its frame, and whatever follows within
/// `settle`.
fn move_bytes(client: &mut Client, key: &[u8], settle: Duration) -> Result<usize, String> {
    client.received.clear();
    client.send(key).map_err(|e| e.to_string())?;
    client.read_until(Instant::now() + FRAME_PATIENCE, |r| {
        holds_after(r, 0, FRAME_END).is_some()
    })?;
    client.read_for(settle)?;
    Ok(client.received.len())
}

/// What one of the many sessions measured.
struct Measured {
    connect_ms: f64,
    keys_ms: Vec<f64>,
    /// Bytes that came when no key had been pressed.
    unasked: usize,
    /// Kept open until every session is done.
    client: Client,
}

/// [`SSH_SESSIONS`] sessions connecting [`STAGGER`] apart, then, once all are in, pressing
/// keys 100-200 ms apart each; the server's memory sampled meanwhile.
fn many_sessions(key: &Path, server: &Server, result: &mut SizeResult) -> Result<(), String> {
    let pid = server.pid().ok_or("the server has stopped")?;
    let before_kb = status_kb(pid, "VmRSS")?;
    let connected = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicBool::new(false));
    let mut threads = Vec::with_capacity(SSH_SESSIONS);
    for n in 0..SSH_SESSIONS {
        let (key, address) = (key.to_path_buf(), server.address);
        let (connected, failed) = (Arc::clone(&connected), Arc::clone(&failed));
        threads.push(thread::spawn(move || {
            let measured = session(n, &key, address, &connected, &failed);
            if measured.is_err() {
                failed.store(true, Ordering::Release);
            }
            measured
        }));
        thread::sleep(STAGGER);
    }
    let mut peak_rss_kb = before_kb;
    while !threads.iter().all(|t| t.is_finished()) {
        if let Ok(kb) = status_kb(pid, "VmRSS") {
            peak_rss_kb = peak_rss_kb.max(kb);
        }
        thread::sleep(Duration::from_millis(50));
    }
    let hwm_kb = status_kb(pid, "VmHWM")?;
    let mut all = Vec::with_capacity(SSH_SESSIONS);
    for thread in threads {
        all.push(thread.join().map_err(|_| "a session's thread panicked")??);
    }
    let connect: Vec<f64> = all.iter().map(|m| m.connect_ms).collect();
    let keys: Vec<f64> = all.iter().flat_map(|m| m.keys_ms.iter().copied()).collect();
    let unasked: usize = all.iter().map(|m| m.unasked).sum();
    drop(all.into_iter().map(|m| m.client).collect::<Vec<_>>());
    eprintln!(
        "    connect to first frame p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} keys: p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms; bytes with no key pressed: {unasked}; server VmHWM {} kB, VmRSS {before_kb} kB before the sessions, {peak_rss_kb} kB at most with them",
        median(&connect),
        percentile(&connect, 99.0),
        max(&connect),
        keys.len(),
        median(&keys),
        percentile(&keys, 99.0),
        max(&keys),
        hwm_kb,
    );
    let values = &mut result.values;
    values.insert(SshConnectP50, median(&connect));
    values.insert(SshConnectP99, percentile(&connect, 99.0));
    values.insert(SshKeyP50, median(&keys));
    values.insert(SshKeyP99, percentile(&keys, 99.0));
    values.insert(SshMemory, mb(hwm_kb));
    values.insert(SshMemoryAdded, mb(peak_rss_kb.saturating_sub(before_kb)));
    Ok(())
}

/// Session `n`: connects, waits for the others, then presses Down twenty times and Up twenty
/// times, over and over, each key timed to the end of its frame.
fn session(
    n: usize,
    key: &Path,
    address: SocketAddr,
    connected: &AtomicUsize,
    failed: &AtomicBool,
) -> Result<Measured, String> {
    let mut client = Client::connect(key, address).map_err(|e| format!("cannot run ssh: {e}"))?;
    let shown = client.read_until(Instant::now() + READY_PATIENCE, first_frame_done)?;
    let connect_ms = ms(shown - client.started);
    connected.fetch_add(1, Ordering::AcqRel);
    while connected.load(Ordering::Acquire) < SSH_SESSIONS {
        if failed.load(Ordering::Acquire) {
            return Err("another session failed".into());
        }
        thread::sleep(Duration::from_millis(5));
    }
    let mut random = Random(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1));
    thread::sleep(Duration::from_millis(random.below(150)));
    let mut keys_ms = Vec::with_capacity(SSH_KEYS_PER_SESSION);
    let mut unasked = 0;
    for k in 0..SSH_KEYS_PER_SESSION {
        client.received.clear();
        unasked += client.read_for(Duration::ZERO)?;
        client.received.clear();
        let key = if k % 40 < 20 { DOWN } else { UP };
        let pressed = Instant::now();
        client.send(key).map_err(|e| e.to_string())?;
        let framed = client.read_until(pressed + FRAME_PATIENCE, |r| {
            holds_after(r, 0, FRAME_END).is_some()
        })?;
        keys_ms.push(ms(framed - pressed));
        thread::sleep(Duration::from_millis(100 + random.below(100)));
    }
    Ok(Measured {
        connect_ms,
        keys_ms,
        unasked,
        client,
    })
}

/// A xorshift sequence: the same pauses on every run.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

/// A line of the server's `/proc/PID/status` in kB (`VmHWM` its peak resident memory, `VmRSS`
/// its resident memory now).
fn status_kb(pid: u32, key: &str) -> Result<u64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("cannot read the server's memory: {e}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or(format!("/proc/{pid}/status has no {key} line"))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}
