//! Running the binary, and killing it.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

pub fn pcenter() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pcenter"));
    for var in [
        "PCENTER_DATA_DIR",
        "PCENTER_TODAY",
        "PCENTER_AGENT",
        "PCENTER_ROLE",
        "PCENTER_PARTNER",
    ] {
        command.env_remove(var);
    }
    command
}
/// How a command ended.
pub struct Finished {
    /// The exit code, or `None` when it was killed first.
    pub code: Option<i32>,
    pub stdout: String,
    pub elapsed: Duration,
}

/// Runs `pcenter ARGS…` with its output in `stdout_path`, killing it with SIGKILL once
/// `kill_after` has passed.
pub fn run_killed(args: &[String], stdout_path: &Path, kill_after: Duration) -> Finished {
    let mut child = pcenter()
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(stdout_path).expect("stdout file"))
        .stderr(Stdio::null())
        .spawn()
        .expect("start pcenter");
    let started = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait for pcenter") {
            break status.code();
        }
        if started.elapsed() >= kill_after {
            child.kill().expect("kill pcenter");
            let status = child.wait().expect("wait for pcenter");
            break status.code();
        }
        thread::sleep(Duration::from_millis(1));
    };
    Finished {
        code,
        stdout: std::fs::read_to_string(stdout_path).unwrap_or_default(),
        elapsed: started.elapsed(),
    }
}
