//! The servers the HTTP rows are measured on, each a child process on 127.0.0.1 stopped by its
//! PID: `pcenter serve --http` and json-server (npm). A server is stopped when its guard is
//! dropped, also when a measurement fails or panics, and is sent SIGTERM by the kernel should
//! the bench itself die first.

use crate::workdir::Pcenter;
use crate::Fallible;
use std::fs::File;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long a server has to stop once sent SIGTERM before it is killed.
const STOP_PATIENCE: Duration = Duration::from_secs(60);
/// How long a server has to say where it listens, and then to answer as ready.
const START_PATIENCE: Duration = Duration::from_secs(180);
const POLL: Duration = Duration::from_millis(50);

/// A server of the bench: stopped (SIGTERM, then SIGKILL after [`STOP_PATIENCE`]) when dropped.
pub struct Server {
    pub name: &'static str,
    pub address: SocketAddr,
    child: Option<Child>,
    /// Where its standard output and error go.
    pub log: PathBuf,
}

impl Server {
    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Stops the server with SIGTERM, as Ctrl-C would, and gives how it exited.
    pub fn stop(mut self) -> Result<ExitStatus, String> {
        let mut child = self.child.take().ok_or("the server was already stopped")?;
        end(&mut child, self.name)
    }

    /// The server's process ID, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    fn exited(&mut self) -> Option<String> {
        let child = self.child.as_mut()?;
        match child.try_wait() {
            Ok(Some(status)) => Some(format!(
                "{} exited ({status}): {}",
                self.name,
                tail(&self.log)
            )),
            _ => None,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Err(why) = end(&mut child, self.name) {
                eprintln!("{why}");
            }
        }
    }
}

/// SIGTERM to the child by its PID, then SIGKILL when it has not exited in time.
fn end(child: &mut Child, name: &str) -> Result<ExitStatus, String> {
    if let Ok(Some(status)) = child.try_wait() {
        return Ok(status);
    }
    let pid = child.id() as libc::pid_t;
    // SAFETY: kill(2) with the PID of a child not yet waited for, so not reused.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let asked = Instant::now();
    while asked.elapsed() < STOP_PATIENCE {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) => thread::sleep(POLL),
            Err(e) => return Err(format!("cannot wait for {name} (PID {pid}): {e}")),
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    Err(format!(
        "{name} (PID {pid}) did not stop within {} s of SIGTERM and was killed",
        STOP_PATIENCE.as_secs()
    ))
}

/// Starts `command` as a server writing to `log`; the kernel sends it SIGTERM if this thread
/// ends first.
fn spawn(mut command: Command, log: &Path) -> Fallible<Child> {
    let out = File::create(log)?;
    command
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out);
    // SAFETY: prctl(2) is async-signal-safe and touches nothing of the parent's.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    Ok(command.spawn()?)
}

fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join(" / ")
}

/// `pcenter serve --http 127.0.0.1:0` on `data_dir`, once it says where it listens.
pub fn start_pcenter(pcenter: &Pcenter, data_dir: &Path, log: &Path) -> Fallible<Server> {
    start_serving(pcenter, data_dir, log, "--http", listening_on)
}

/// `pcenter serve --ssh 127.0.0.1:0` on `data_dir`, once it says where it listens.
pub fn start_pcenter_ssh(pcenter: &Pcenter, data_dir: &Path, log: &Path) -> Fallible<Server> {
    start_serving(pcenter, data_dir, log, "--ssh", ssh_listening_on)
}

/// `pcenter serve FACE 127.0.0.1:0`, once `listening_on` finds its address in what it said.
fn start_serving(
    pcenter: &Pcenter,
    data_dir: &Path,
    log: &Path,
    face: &str,
    listening_on: fn(&str) -> Option<SocketAddr>,
) -> Fallible<Server> {
    let mut command = pcenter.command(data_dir);
    command.args(["serve", face, "127.0.0.1:0"]);
    let mut server = Server {
        name: "pcenter serve",
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        child: Some(spawn(command, log)?),
        log: log.to_path_buf(),
    };
    let started = Instant::now();
    loop {
        let said = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(address) = listening_on(&said) {
            server.address = address;
            return Ok(server);
        }
        if let Some(why) = server.exited() {
            return Err(why.into());
        }
        if started.elapsed() > START_PATIENCE {
            return Err(
                format!("pcenter serve did not say where it listens: {}", tail(log)).into(),
            );
        }
        thread::sleep(POLL);
    }
}

/// The address of `pcenter: Partner Center API at http://127.0.0.1:PORT/v1 on …`.
fn listening_on(said: &str) -> Option<SocketAddr> {
    let rest = said.split("http://").nth(1)?;
    let end = rest.find('/')?;
    rest[..end].parse().ok()
}

/// The address of `pcenter: SSH dashboards at ssh -t -p PORT 127.0.0.1 on …`.
fn ssh_listening_on(said: &str) -> Option<SocketAddr> {
    let rest = said.split("ssh -t -p ").nth(1)?;
    let mut words = rest.split_whitespace();
    let port: u16 = words.next()?.parse().ok()?;
    let ip: std::net::IpAddr = words.next()?.parse().ok()?;
    // The word after the address says the line was read whole.
    (words.next()? == "on").then_some(SocketAddr::new(ip, port))
}

/// json-server, installed by npm under a folder of its own.
pub struct JsonServer {
    pub node: PathBuf,
    /// Its command-line script.
    pub script: PathBuf,
    /// `json-server 0.17.4 (Node v20.…)`.
    pub version: String,
}

/// The version json-server is installed at: 0.17 is the last that serves a JSON file with
/// `_page` and `_limit`, and runs on Node 12 and later.
pub const JSON_SERVER_PACKAGE: &str = "json-server@0.17";

/// json-server under `prefix` (`npm install --prefix PREFIX json-server@0.17`), installed there
/// first when `install` allows it; or why it cannot be run.
pub fn find_json_server(prefix: &Path, install: bool) -> Result<JsonServer, String> {
    let node_version = Command::new("node")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .ok_or("node not found")?;
    let package = prefix.join("node_modules/json-server");
    let script = package.join("lib/cli/bin.js");
    if !script.exists() {
        if !install {
            return Err(format!("not installed under {}", prefix.display()));
        }
        eprintln!(
            "json-server is missing: npm install --prefix {} {JSON_SERVER_PACKAGE}",
            prefix.display()
        );
        std::fs::create_dir_all(prefix).map_err(|e| e.to_string())?;
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(prefix)
            .arg(JSON_SERVER_PACKAGE)
            .stdout(Stdio::null())
            .status()
            .map_err(|_| "npm not found".to_string())?;
        if !status.success() || !script.exists() {
            return Err(format!(
                "npm install {JSON_SERVER_PACKAGE} failed ({status})"
            ));
        }
    }
    let manifest = std::fs::read_to_string(package.join("package.json")).unwrap_or_default();
    let version = serde_json::from_str::<serde_json::Value>(&manifest)
        .ok()
        .and_then(|m| m["version"].as_str().map(str::to_string))
        .unwrap_or_else(|| "?".into());
    Ok(JsonServer {
        node: PathBuf::from("node"),
        script,
        version: format!("json-server {version} (Node {node_version})"),
    })
}

/// A port free on loopback now (json-server cannot be told to pick one and say it).
fn free_port() -> Fallible<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// json-server serving `file` on 127.0.0.1, once it has started listening.
pub fn start_json_server(json_server: &JsonServer, file: &Path, log: &Path) -> Fallible<Server> {
    let port = free_port()?;
    let mut command = Command::new(&json_server.node);
    command
        .arg(&json_server.script)
        .args([
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--quiet",
        ])
        .arg(file);
    Ok(Server {
        name: "json-server",
        address: SocketAddr::from(([127, 0, 0, 1], port)),
        child: Some(spawn(command, log)?),
        log: log.to_path_buf(),
    })
}

/// Asks `server` for `path` until it answers 200, and gives that answer's body.
pub fn wait_ready(server: &mut Server, path: &str, token: Option<&str>) -> Fallible<Vec<u8>> {
    let started = Instant::now();
    loop {
        match get(server.address, path, token) {
            Ok((200, body)) => return Ok(body),
            // 503 while pcenter still reads the list; refused before json-server listens.
            Ok(_) | Err(_) if started.elapsed() < START_PATIENCE => {}
            Ok((status, body)) => {
                return Err(format!(
                    "{} answered {path} with {status}: {}",
                    server.name,
                    String::from_utf8_lossy(&body)
                )
                .into())
            }
            Err(why) => return Err(format!("{} did not answer {path}: {why}", server.name).into()),
        }
        if let Some(why) = server.exited() {
            return Err(why.into());
        }
        thread::sleep(Duration::from_millis(100));
    }
}

/// One GET over a connection of its own: the status and the body.
pub fn get(address: SocketAddr, path: &str, token: Option<&str>) -> Result<(u16, Vec<u8>), String> {
    let mut stream =
        TcpStream::connect_timeout(&address, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let authorization = token
        .map(|token| format!("Authorization: Bearer {token}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\n{authorization}Accept: application/json\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    parse_answer(&answer).ok_or_else(|| "not an HTTP answer".to_string())
}

/// The status and body of a whole HTTP/1.1 answer, its body de-chunked when it was sent so.
fn parse_answer(answer: &[u8]) -> Option<(u16, Vec<u8>)> {
    let split = memchr::memmem::find(answer, b"\r\n\r\n")?;
    let head = std::str::from_utf8(&answer[..split]).ok()?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let body = &answer[split + 4..];
    let chunked = head.lines().any(|line| {
        let line = line.to_ascii_lowercase();
        line.starts_with("transfer-encoding:") && line.contains("chunked")
    });
    if !chunked {
        return Some((status, body.to_vec()));
    }
    let (mut rest, mut whole) = (body, Vec::new());
    loop {
        let end = memchr::memmem::find(rest, b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[end + 2..];
        if size == 0 {
            return Some((status, whole));
        }
        whole.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_addresses_are_read() {
        let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        assert_eq!(parse_answer(plain), Some((200, b"{}".to_vec())));
        let chunked =
            b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(parse_answer(chunked), Some((404, b"abcde".to_vec())));
        assert_eq!(parse_answer(b"nonsense"), None);
        let said = "pcenter: Partner Center API at http://127.0.0.1:46773/v1 on /tmp/store (Ctrl-C to stop)\n";
        assert_eq!(
            listening_on(said),
            Some(SocketAddr::from(([127, 0, 0, 1], 46773)))
        );
        assert_eq!(listening_on("pcenter: starting"), None);
        let said = "pcenter: SSH dashboards at ssh -t -p 40123 127.0.0.1 on /tmp/store (host key SHA256:x; Ctrl-C to stop)\n";
        assert_eq!(
            ssh_listening_on(said),
            Some(SocketAddr::from(([127, 0, 0, 1], 40123)))
        );
        assert_eq!(
            ssh_listening_on("pcenter: SSH dashboards at ssh -t -p 40123 127.0"),
            None
        );
    }
}
