//! One agent at the client end of an SSH dashboard: OpenSSH's own `ssh` in a pseudo-terminal
//! the bench opens. With `-tt`, ssh puts its terminal in raw mode and writes what the server
//! sends through unchanged, so the bytes read from the master side are the bytes the client
//! received, at the moment it received them; keys written to it are sent as a person's are.

use crate::Fallible;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What ends every frame of a session on the Customers list: ratatui hides the cursor after
/// writing a frame's cells, and the server sends the frame with it as one packet
/// (`ssh::remote::Output`). The dashboard's modes, sent once before the first frame, end with
/// it too.
pub const FRAME_END: &[u8] = b"\x1b[?25l";
/// The terminal's size: the dashboard's 80x24.
pub const SIZE: (u16, u16) = (80, 24);

/// `ssh` in a pseudo-terminal, killed by its PID when dropped.
pub struct Client {
    child: Child,
    master: File,
    /// When `ssh` was started: the time to the first frame counts from here.
    pub started: Instant,
    /// What was received since it was last cleared.
    pub received: Vec<u8>,
}

impl Client {
    /// `ssh -tt` to `address` signed in with `key`, in an 80x24 terminal of its own.
    pub fn connect(key: &Path, address: SocketAddr) -> Fallible<Client> {
        let (master, slave) = pcenter::pty::open_pty(SIZE.0, SIZE.1)?;
        let port = address.port().to_string();
        let mut command = Command::new("ssh");
        command
            .args(["-F", "/dev/null", "-tt", "-e", "none", "-p", &port, "-i"])
            .arg(key);
        for option in [
            "StrictHostKeyChecking=no",
            "UserKnownHostsFile=/dev/null",
            "BatchMode=yes",
            "IdentitiesOnly=yes",
            "PreferredAuthentications=publickey",
            "LogLevel=ERROR",
            "ConnectTimeout=60",
        ] {
            command.args(["-o", option]);
        }
        command
            .arg(format!("bench@{}", address.ip()))
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("COLORTERM")
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave));
        // SAFETY: setsid, ioctl and prctl are async-signal-safe. ssh gets its own session with
        // the pseudo-terminal as its controlling terminal, as under a terminal emulator, and
        // SIGTERM should the bench die first.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1
                    || libc::ioctl(0, libc::TIOCSCTTY as _, 0) == -1
                    || libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) == -1
                {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let started = Instant::now();
        let child = command.spawn()?;
        // The command holds the copies of the slave side; closed now, the master reads EIO
        // once ssh exits.
        drop(command);
        Ok(Client {
            child,
            master: File::from(master),
            started,
            received: Vec::new(),
        })
    }

    /// Writes `bytes` to the terminal, as typed.
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.master.write_all(bytes)
    }

    /// Reads until `done` holds for what was received since the last clear; the moment of the
    /// read that made it hold.
    pub fn read_until(
        &mut self,
        deadline: Instant,
        done: impl Fn(&[u8]) -> bool,
    ) -> Result<Instant, String> {
        loop {
            if done(&self.received) {
                return Ok(Instant::now());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(format!(
                    "the frame did not come in time; received: {:?}",
                    tail(&self.received)
                ));
            }
            match self.read_some(left) {
                Ok(Some(0)) => {
                    return Err(format!(
                        "ssh ended ({}); received: {:?}",
                        self.exit(),
                        tail(&self.received)
                    ))
                }
                Ok(_) => {}
                Err(e) => return Err(format!("cannot read the terminal: {e}")),
            }
        }
    }

    /// Reads everything that arrives within `time`; how many bytes.
    pub fn read_for(&mut self, time: Duration) -> Result<usize, String> {
        let before = self.received.len();
        let until = Instant::now() + time;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.read_some(left) {
                Ok(Some(0)) => return Err(format!("ssh ended ({})", self.exit())),
                Ok(Some(_)) if !left.is_zero() => {}
                Ok(_) => return Ok(self.received.len() - before),
                Err(e) => return Err(format!("cannot read the terminal: {e}")),
            }
        }
    }

    /// Waits up to `timeout` for bytes and appends what one read gives: `None` when nothing
    /// came, `Some(0)` when ssh has ended.
    fn read_some(&mut self, timeout: Duration) -> io::Result<Option<usize>> {
        let mut poll = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = timeout.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: poll(2) on one descriptor this client owns.
        let ready = unsafe { libc::poll(&raw mut poll, 1, millis) };
        if ready < 0 {
            let error = io::Error::last_os_error();
            return match error.kind() {
                io::ErrorKind::Interrupted => Ok(None),
                _ => Err(error),
            };
        }
        if ready == 0 {
            return Ok(None);
        }
        let mut chunk = [0u8; 16 * 1024];
        match self.master.read(&mut chunk) {
            Ok(n) => {
                self.received.extend_from_slice(&chunk[..n]);
                Ok(Some(n))
            }
            // The slave side closed: ssh has exited.
            Err(e) if e.raw_os_error() == Some(libc::EIO) => Ok(Some(0)),
            Err(e) => Err(e),
        }
    }

    fn exit(&mut self) -> String {
        match self.child.try_wait() {
            Ok(Some(status)) => status.to_string(),
            _ => "still running".into(),
        }
    }
}

impl Drop for Client {
    /// SIGTERM to ssh by its PID (the server sees the connection end), SIGKILL if it lingers.
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        // SAFETY: kill(2) on a child not yet waited for, so its PID is not reused.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The last bytes received, for an error message.
fn tail(received: &[u8]) -> String {
    let from = received.len().saturating_sub(200);
    String::from_utf8_lossy(&received[from..]).into_owned()
}

/// Whether `received` holds `what` somewhere after `from`.
pub fn holds_after(received: &[u8], from: usize, what: &[u8]) -> Option<usize> {
    let start = from.min(received.len());
    memchr::memmem::find(&received[start..], what).map(|at| start + at)
}

/// Whether `received` holds a whole first frame of a loaded list: the count of its rows
/// (`1-20 of 1,000,000 (1,000,000 customers)`, not `Loading … customers`), then the end of
/// that frame.
pub fn first_frame_done(received: &[u8]) -> bool {
    holds_after(received, 0, b" customers)")
        .and_then(|at| holds_after(received, at, FRAME_END))
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_frame_is_done_at_the_end_after_the_loaded_count() {
        let enter = b"\x1b[?1049h\x1b[?2004h\x1b[?25l".to_vec();
        assert!(!first_frame_done(&enter));
        let mut loading = enter.clone();
        loading.extend_from_slice(b"Loading 5 of 9 customers\x1b[0m\x1b[?25l");
        assert!(!first_frame_done(&loading));
        let mut loaded = loading.clone();
        loaded.extend_from_slice(b"1-20 of 9 (9 customers)\x1b[0m");
        assert!(!first_frame_done(&loaded));
        loaded.extend_from_slice(FRAME_END);
        assert!(first_frame_done(&loaded));
    }
}
