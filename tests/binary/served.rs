//! `pcenter serve` as a child of the test: on the demo store of a data directory, on the
//! mandatory-phase date, read up to the first line it prints (where it listens), stopped as
//! Ctrl-C stops it, killed when dropped.

use super::{pcenter_at, MANDATORY_DAY};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

pub struct Served {
    child: Child,
    /// The first line the server printed: its addresses.
    pub first_line: String,
}

impl Served {
    /// `pcenter serve` with `args` (its faces and options) on the demo store in `dir`, once it
    /// printed its first line.
    pub fn start(dir: &Path, args: &[&str]) -> Served {
        Served::start_on(dir, MANDATORY_DAY, args)
    }

    /// `start` on the business date `today`.
    pub fn start_on(dir: &Path, today: &str, args: &[&str]) -> Served {
        let mut child = pcenter_at(dir, &["--demo", "--today", today])
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pcenter serve");
        let mut first_line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first_line)
            .unwrap();
        Served { child, first_line }
    }

    /// The word of the first line that follows `before`, up to `end`; the test fails without.
    pub fn said_after(&self, before: &str, end: impl Fn(char) -> bool) -> &str {
        self.first_line
            .split(before)
            .nth(1)
            .and_then(|rest| rest.split(end).next())
            .unwrap_or_else(|| panic!("nothing after {before:?} in {:?}", self.first_line))
    }

    /// Ends the server as Ctrl-C does; its exit status. The test fails if it takes 20 s.
    pub fn stop(mut self) -> Option<i32> {
        // SAFETY: kill(2) on the child this test started.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
