//! The real dashboard in a pseudo-terminal that the test opens itself, so it runs where there is
//! no terminal at all: the test types keys, reads the screen, sends signals, and can hang up.
#![allow(dead_code)]

mod screen;

pub use screen::screen_text;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a whole test may take before the dashboard is declared stuck.
const TIME_LIMIT: Duration = Duration::from_secs(20);

pub const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
pub const DISABLE_BRACKETED_PASTE: &str = "\x1b[?2004l";
pub const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";

/// Opens a pseudo-terminal of the given size: (master, slave), both closed on exec.
pub fn open_pty(columns: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    pcenter::pty::open_pty(columns, rows).expect("openpty")
}

/// The dashboard running on the slave side of a pseudo-terminal, watched from the master side.
pub struct Dashboard {
    child: Child,
    /// The master side, for typing; `None` once hung up.
    keyboard: Option<File>,
    chunks: Receiver<Vec<u8>>,
    reader: Option<JoinHandle<()>>,
    hanging_up: Arc<AtomicBool>,
    output: Vec<u8>,
    deadline: Instant,
    /// The terminal's size: columns, rows.
    size: (u16, u16),
}

impl Dashboard {
    /// `pcenter --demo` on the optional-phase business date, with its data in `data_dir`.
    pub fn start(data_dir: &Path) -> Dashboard {
        Dashboard::start_with(data_dir, &["--demo", "--today", "2018-09-14"])
    }

    /// `pcenter --data-dir DATA_DIR ARGS…` in an 80x24 terminal.
    pub fn start_with(data_dir: &Path, args: &[&str]) -> Dashboard {
        Dashboard::start_in(data_dir, args, &[])
    }

    /// `pcenter --data-dir DATA_DIR ARGS…` in an 80x24 terminal that `env` describes (by
    /// default `TERM=xterm-256color`, without `NO_COLOR` or `COLORTERM`).
    pub fn start_in(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Dashboard {
        let mut all: Vec<&OsStr> = vec![OsStr::new("--data-dir"), data_dir.as_os_str()];
        all.extend(args.iter().map(OsStr::new));
        Dashboard::start_program(
            OsStr::new(env!("CARGO_BIN_EXE_pcenter")),
            &all,
            env,
            (80, 24),
        )
    }

    /// Any program (`ssh`, for one) in a terminal of `size` that `env` describes.
    pub fn start_program(
        program: &OsStr,
        args: &[&OsStr],
        env: &[(&str, &str)],
        size: (u16, u16),
    ) -> Dashboard {
        let (master, slave) = open_pty(size.0, size.1);
        let mut command = Command::new(program);
        command
            .args(args)
            .env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        for var in [
            "PCENTER_DATA_DIR",
            "PCENTER_TODAY",
            "PCENTER_ROLE",
            "PCENTER_AGENT",
            "PCENTER_PARTNER",
            "PCENTER_ENVIRONMENT",
            "PCENTER_LANG",
            "NO_COLOR",
            "COLORTERM",
            // The language comes from the test, whatever locale runs it.
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
        ] {
            command.env_remove(var);
        }
        command.envs(env.iter().copied());
        // SAFETY: setsid and ioctl are async-signal-safe. They give the dashboard its own
        // session with the pseudo-terminal as its controlling terminal, as a terminal emulator
        // would, so it never reaches the terminal the tests were started from, and a hang-up
        // of this one reaches it.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("start pcenter");
        // The command holds our copies of the slave; once they are closed, reading the master
        // ends when the dashboard exits.
        drop(command);

        let screen = File::from(master.try_clone().unwrap());
        let hanging_up = Arc::new(AtomicBool::new(false));
        let (sender, chunks) = mpsc::channel();
        let stop = Arc::clone(&hanging_up);
        let reader = thread::spawn(move || read_output(screen, &sender, &stop));
        Dashboard {
            child,
            keyboard: Some(File::from(master)),
            chunks,
            reader: Some(reader),
            hanging_up,
            output: Vec::new(),
            deadline: Instant::now() + TIME_LIMIT,
            size,
        }
    }

    /// Resizes the terminal, as a terminal emulator does when its window changes: the program
    /// gets SIGWINCH.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        let keyboard = self.keyboard.as_ref().expect("the terminal is open");
        let size = libc::winsize {
            ws_row: rows,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCSWINSZ on the master this test opened, with a valid winsize.
        let set = unsafe { libc::ioctl(keyboard.as_raw_fd(), libc::TIOCSWINSZ, &raw const size) };
        assert_eq!(set, 0, "TIOCSWINSZ: {}", io::Error::last_os_error());
        self.size = (columns, rows);
        self.signal(libc::SIGWINCH);
    }

    /// More time for a test that does more.
    pub fn allow(&mut self, more: Duration) {
        self.deadline += more;
    }

    pub fn pid(&self) -> libc::pid_t {
        self.child.id() as libc::pid_t
    }

    /// Sends `signal` to the dashboard.
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill only sends a signal to the process this test started.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0, "kill");
    }

    /// Closes the terminal, as a terminal emulator or SSH does when its window or connection
    /// goes: the dashboard's session gets SIGHUP and its terminal reads nothing more.
    pub fn hang_up(&mut self) {
        self.hanging_up.store(true, Ordering::Release);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.keyboard = None;
    }

    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.output).into_owned()
    }

    pub fn screen(&self) -> String {
        screen_text(&self.output, self.size.0.into(), self.size.1.into())
    }

    /// Takes output until `done` holds; false once the output has ended or time ran out.
    pub fn read_until(&mut self, done: impl Fn(&Dashboard) -> bool) -> bool {
        while !done(self) {
            let left = self.deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// Takes whatever the dashboard writes for `time`, and says how many bytes that was.
    pub fn output_during(&mut self, time: Duration) -> usize {
        let before = self.output.len();
        let until = Instant::now() + time;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => thread::sleep(left),
            }
        }
        self.output.len() - before
    }

    /// Waits until the screen shows every one of `texts`.
    pub fn wait_for_screen(&mut self, texts: &[&str]) {
        let shown = self.read_until(|d| {
            let screen = d.screen();
            texts.iter().all(|t| screen.contains(t))
        });
        assert!(
            shown,
            "the screen never showed {texts:?}; it shows:\n{}",
            self.screen()
        );
    }

    pub fn type_bytes(&mut self, bytes: &[u8]) {
        let keyboard = self.keyboard.as_mut().expect("the terminal is open");
        keyboard.write_all(bytes).expect("write to the terminal");
        keyboard.flush().unwrap();
    }

    /// Waits for the dashboard to exit and takes the rest of its output.
    pub fn wait_for_exit(&mut self) -> ExitStatus {
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for pcenter") {
                break status;
            }
            if Instant::now() >= self.deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "pcenter did not exit in time and was killed; the screen showed:\n{}",
                    self.screen()
                );
            }
            match self.chunks.recv_timeout(Duration::from_millis(20)) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Disconnected) => thread::sleep(Duration::from_millis(20)),
                Err(RecvTimeoutError::Timeout) => {}
            }
        };
        self.read_until(|_| false); // to the end of the output
        status
    }

    pub fn assert_terminal_restored(&self) {
        let output = self.raw_output();
        let entered = output
            .find(ENTER_ALTERNATE_SCREEN)
            .expect("the dashboard used the alternate screen");
        let left = output
            .rfind(LEAVE_ALTERNATE_SCREEN)
            .expect("the alternate screen was left");
        assert!(left > entered);
        assert!(
            output.contains(DISABLE_BRACKETED_PASTE),
            "bracketed paste was not disabled"
        );
    }
}

/// Sends what the dashboard writes, in chunks, until it exits or the test hangs up.
fn read_output(mut screen: File, sender: &mpsc::Sender<Vec<u8>>, hanging_up: &AtomicBool) {
    let mut buffer = [0u8; 4096];
    while !hanging_up.load(Ordering::Acquire) {
        let mut ready = libc::pollfd {
            fd: screen.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll reads and writes the one pollfd it is given.
        if unsafe { libc::poll(&raw mut ready, 1, 50) } <= 0 {
            continue;
        }
        match screen.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                if sender.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break, // EIO once the dashboard has exited
        }
    }
}

impl Drop for Dashboard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
