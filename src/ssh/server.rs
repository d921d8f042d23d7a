//! The SSH face: each connection signs in one registered agent by public key and opens one
//! dashboard for it on the shared core (`remote`). Only public keys are offered; a session
//! needs a pseudo-terminal; the number of sessions is bounded; on stop every session is told,
//! its client's terminal restored, before the connections close.

use super::recording::Recording;
use super::remote::{self, Client, Ended, Out, Output, Wake, Watched};
use super::spectate::{self, Live, Spectator};
use super::stage::Stage;
use crate::app::session::Session;
use crate::core::Core;
use crate::domain::agent::Agent;
use crate::domain::role::Role;
use crate::locale::Lang;
use crate::service::Actor;
use crate::ui::Palette;
use russh::keys::HashAlg;
use russh::server::{Auth, ChannelOpenHandle, Msg, Session as SshSession, VerifiedPublicKey};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How the server treats its clients.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Sessions at once (spectators included); the next client is told so and closed.
    pub max_sessions: usize,
    /// A session without input for this long is closed.
    pub idle: Duration,
    /// A client with this many bytes of output not taken is not reading: it is closed.
    pub unsent: usize,
    /// Where each session is recorded (asciicast v2), when it is.
    pub record: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_sessions: 64,
            idle: Duration::from_secs(30 * 60),
            unsent: 1 << 20,
            record: None,
        }
    }
}

/// What every connection shares: the core, the settings, and the live sessions.
pub struct Shared {
    pub core: Arc<Core>,
    pub settings: Settings,
    /// Every open session's input, spectators' included: to tell them the server stops.
    sessions: Mutex<HashMap<u64, Sender<Wake>>>,
    /// The agents' sessions, as spectators see them, in the order they opened.
    stages: Mutex<BTreeMap<u64, Arc<Stage>>>,
    /// The spectators, told when a session opens or ends.
    spectators: Mutex<HashMap<u64, Sender<Wake>>>,
    next_session: AtomicU64,
}

impl Shared {
    pub fn new(core: Arc<Core>, settings: Settings) -> Arc<Shared> {
        Arc::new(Shared {
            core,
            settings,
            sessions: Mutex::default(),
            stages: Mutex::default(),
            spectators: Mutex::default(),
            next_session: AtomicU64::new(1),
        })
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Sender<Wake>>> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How many sessions are open.
    pub fn live(&self) -> usize {
        self.sessions().len()
    }

    /// Counts a new session in, unless the server has its most already; its ID.
    pub(super) fn admit(&self, wakes: &Sender<Wake>) -> Option<u64> {
        let mut sessions = self.sessions();
        if sessions.len() >= self.settings.max_sessions {
            return None;
        }
        let id = self.next_session.fetch_add(1, Ordering::Relaxed);
        sessions.insert(id, wakes.clone());
        Some(id)
    }

    /// What a client beyond the most sessions is told.
    pub(super) fn full(&self) -> String {
        format!(
            "pcenter: this server already has its {} sessions open; try again later.",
            self.settings.max_sessions
        )
    }

    /// Tells every session that the server stops, and waits (a few seconds at most) for them
    /// to end.
    pub async fn stop_sessions(&self) {
        for wakes in self.sessions().values() {
            let _ = wakes.send(Wake::Stop);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.live() > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The agents' sessions, for spectators.
    fn stages(&self) -> Vec<Live> {
        lock(&self.stages)
            .iter()
            .map(|(id, stage)| Live {
                id: *id,
                stage: Arc::clone(stage),
            })
            .collect()
    }

    /// Tells every spectator that the list of sessions changed.
    fn tell_spectators(&self) {
        lock(&self.spectators).retain(|_, wakes| wakes.send(Wake::Notice).is_ok());
    }

    /// A session ended: it goes from every list.
    pub(super) fn ended(&self, id: u64) {
        self.sessions().remove(&id);
        lock(&self.spectators).remove(&id);
        if lock(&self.stages).remove(&id).is_some() {
            self.tell_spectators();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The server's configuration for russh: public keys only, keepalives so that a client that
/// vanished without closing its connection is let go.
pub fn config(host_key: russh::keys::PrivateKey) -> russh::server::Config {
    russh::server::Config {
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        keys: vec![host_key],
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        // The idle timeout is the session's own, measured from the last key: russh's would be
        // reset by the server's own writes.
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(2)),
        keepalive_max: 2,
        nodelay: true,
        ..Default::default()
    }
}

/// Serves SSH on `listener` until `stop`, then tells every session and waits for them (at
/// most a few seconds) before returning.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    stop: impl Future<Output = ()>,
) {
    let mut stop = std::pin::pin!(stop);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stop => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                tracing::warn!("SSH accept failed: {error}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        tokio::spawn(connection(
            stream,
            peer,
            Arc::clone(&shared),
            Arc::clone(&config),
        ));
    }
    drop(listener);
    shared.stop_sessions().await;
    // The farewells on their way out.
    tokio::time::sleep(Duration::from_millis(100)).await;
}

async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
) {
    tracing::info!("SSH connection from {peer}");
    let (kill, killed) = tokio::sync::oneshot::channel();
    let handler = Connection {
        shared,
        peer,
        agent: None,
        channel: None,
        pty: None,
        colour: ColourEnv::default(),
        wakes: None,
        kill: Some(kill),
        opened: Instant::now(),
    };
    match russh::server::run_stream(config, stream, handler).await {
        Ok(running) => {
            tokio::select! {
                _ = running => {}
                Ok(()) = killed => tracing::info!("SSH connection from {peer} cut off: it stopped reading"),
            }
        }
        Err(error) => tracing::info!("SSH connection from {peer} failed before sign-in: {error}"),
    }
}

/// The pseudo-terminal a client asked for.
#[derive(Debug, Clone)]
pub(super) struct Pty {
    pub term: String,
    pub size: (u16, u16),
}

/// What of the client's environment decides the colours.
#[derive(Debug, Clone, Default)]
struct ColourEnv {
    no_color: Option<String>,
    colorterm: Option<String>,
    /// The client's locale variables, in the order POSIX reads them for messages: they
    /// decide the session's language.
    lc_all: Option<String>,
    lc_messages: Option<String>,
    lang: Option<String>,
}

impl ColourEnv {
    /// The language the client's locale asks for (English when it sent none).
    fn language(&self) -> Lang {
        Lang::of_environment(|name| match name {
            "LC_ALL" => self.lc_all.clone(),
            "LC_MESSAGES" => self.lc_messages.clone(),
            "LANG" => self.lang.clone(),
            _ => None,
        })
    }
}

/// One connection: who signed in, its session channel and what was asked of it.
struct Connection {
    shared: Arc<Shared>,
    peer: SocketAddr,
    /// The agent and the fingerprint of the key that signed it in.
    agent: Option<(Agent, String)>,
    channel: Option<ChannelId>,
    pty: Option<Pty>,
    colour: ColourEnv,
    /// The running session's input, once the shell started.
    wakes: Option<Sender<Wake>>,
    /// Cuts the connection off (a client that stopped reading).
    kill: Option<tokio::sync::oneshot::Sender<()>>,
    opened: Instant,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.hang_up();
        let who = self
            .agent
            .as_ref()
            .map_or("nobody signed in".to_string(), |(agent, key)| {
                format!("{} ({key})", agent.name)
            });
        tracing::info!(
            "SSH disconnect: {who} from {} after {} s",
            self.peer,
            self.opened.elapsed().as_secs()
        );
    }
}

/// Terminal sizes a client may ask for: at least 1x1, at most what a screen could show.
fn size(columns: u32, rows: u32) -> (u16, u16) {
    let clamp = |value: u32| value.clamp(1, 1000) as u16;
    (clamp(columns), clamp(rows))
}

impl Connection {
    /// The client closed its side: its session ends.
    fn hang_up(&self) {
        if let Some(wakes) = &self.wakes {
            let _ = wakes.send(Wake::HungUp);
        }
    }

    /// Says `line` to the client and closes the channel with status 1.
    fn refuse(&self, session: &mut SshSession, channel: ChannelId, line: &str) {
        let _ = session.data(channel, format!("{line}\r\n").into_bytes());
        let _ = session.exit_status_request(channel, 1);
        let _ = session.eof(channel);
        let _ = session.close(channel);
    }

    fn start(&mut self, session: &mut SshSession, channel: ChannelId) {
        let Some((agent, _)) = self.agent.clone() else {
            return self.refuse(session, channel, "pcenter: not signed in.");
        };
        let Some(pty) = self.pty.clone() else {
            return self.refuse(
                session,
                channel,
                "pcenter: the dashboard needs a terminal; connect with ssh -t (not -T) and no command.",
            );
        };
        let shared = Arc::clone(&self.shared);
        let (wakes, woken) = std::sync::mpsc::channel();
        let Some(id) = shared.admit(&wakes) else {
            tracing::info!("SSH session refused for {}: the server is full", agent.name);
            return self.refuse(session, channel, &shared.full());
        };
        let (sender, mut outgoing) = tokio::sync::mpsc::unbounded_channel();
        let unsent = Arc::new(AtomicUsize::new(0));
        let handle = session.handle();
        let taken = Arc::clone(&unsent);
        tokio::spawn(async move {
            while let Some(out) = outgoing.recv().await {
                match out {
                    Out::Data(bytes) => {
                        let count = bytes.len();
                        if handle.data(channel, bytes).await.is_err() {
                            break;
                        }
                        taken.fetch_sub(count, Ordering::AcqRel);
                    }
                    Out::End(status) => {
                        let _ = handle.exit_status_request(channel, status).await;
                        let _ = handle.eof(channel).await;
                        let _ = handle.close(channel).await;
                        break;
                    }
                }
            }
        });
        let palette = Palette::from_env(
            self.colour.no_color.as_deref().map(std::ffi::OsStr::new),
            Some(&pty.term),
            self.colour.colorterm.as_deref(),
        );
        let opened = Opened {
            id,
            wakes: wakes.clone(),
            woken,
            output: Output::new(sender, unsent),
            palette,
            pty,
            kill: self.kill.take(),
            lang: self.colour.language(),
        };
        let started = match agent.role {
            Role::Spectator => self.spectate(opened, &agent),
            _ => self.dashboard(opened, &agent),
        };
        match started {
            Ok(()) => {
                self.wakes = Some(wakes);
                tracing::info!(
                    "SSH session of {} ({}) opened, language {} (LANG {})",
                    agent.name,
                    agent.role.label(),
                    self.colour.language(),
                    self.colour.lang.as_deref().unwrap_or("not sent")
                );
            }
            Err(error) => {
                self.shared.ended(id);
                self.refuse(
                    session,
                    channel,
                    &format!("pcenter: cannot open a session: {error}"),
                );
            }
        }
    }

    /// An agent's dashboard, on a thread of its own, watched by spectators and recorded.
    fn dashboard(&mut self, opened: Opened, agent: &Agent) -> std::io::Result<()> {
        let session = dashboard_session(&self.shared, &agent.name, agent.role, opened);
        std::thread::Builder::new()
            .name("pcenter-ssh".into())
            .spawn(session)
            .map(drop)
    }

    /// A spectator's list of sessions and the session it watches, on a thread of its own.
    fn spectate(&mut self, opened: Opened, agent: &Agent) -> std::io::Result<()> {
        let shared = Arc::clone(&self.shared);
        lock(&shared.spectators).insert(opened.id, opened.wakes.clone());
        let mut spectator = Spectator::new(agent.name.clone(), shared.stages());
        spectator.lang = opened.lang;
        let idle = shared.settings.idle;
        let name = agent.name.clone();
        std::thread::Builder::new()
            .name("pcenter-spectator".into())
            .spawn(move || {
                let Opened {
                    id,
                    wakes,
                    woken,
                    output,
                    palette,
                    pty,
                    ..
                } = opened;
                let list = {
                    let shared = Arc::clone(&shared);
                    move || shared.stages()
                };
                let client = Client {
                    wakes: woken,
                    output,
                    palette,
                    size: pty.size,
                };
                let ended = spectate::run(spectator, list, client, wakes, idle);
                shared.ended(id);
                tracing::info!("SSH spectator {name} left: {ended:?}");
            })
            .map(drop)
    }
}

/// An agent's dashboard session, watched by spectators and recorded, ready to run on the
/// thread that will drive it (its own for SSH, the attached terminal's for a local one).
pub(super) fn dashboard_session(
    shared: &Arc<Shared>,
    name: &str,
    role: Role,
    opened: Opened,
) -> impl FnOnce() + Send + 'static {
    let shared = Arc::clone(shared);
    let actor = Actor {
        agent: name.to_string(),
        role,
        business_date: shared.core.business_date(),
        access: shared.core.dashboard_access(),
    };
    let mut dashboard = Session::open(Arc::clone(&shared.core), actor, opened.pty.size);
    dashboard.app.ctx.lang = opened.lang;
    let notices = opened.wakes.clone();
    dashboard.set_waker(move || {
        let _ = notices.send(Wake::Notice);
    });
    let now = shared.core.now_on(shared.core.business_date());
    let stage = Arc::new(Stage::new(name.to_string(), role, chrono::Utc::now()));
    lock(&shared.stages).insert(opened.id, Arc::clone(&stage));
    shared.tell_spectators();
    let recording = shared.settings.record.as_deref().and_then(|dir| {
        Recording::create(dir, name, opened.id, opened.pty.size, &opened.pty.term, now)
            .map_err(|e| tracing::warn!("cannot record the session of {name}: {e}"))
            .inspect(|r| {
                tracing::info!("recording the session of {name} in {}", r.path().display())
            })
            .ok()
    });
    let limits = remote::Limits {
        idle: shared.settings.idle,
        unsent: shared.settings.unsent,
    };
    let name = name.to_string();
    move || {
        let watched = Watched {
            recording,
            stage: Some(stage),
        };
        let Opened {
            id,
            woken,
            output,
            palette,
            pty,
            kill,
            ..
        } = opened;
        let client = Client {
            wakes: woken,
            output,
            palette,
            size: pty.size,
        };
        let ended = remote::run(dashboard, client, limits, watched);
        shared.ended(id);
        tracing::info!("session of {name} ended: {ended:?}");
        if ended == Ended::NotReading {
            if let Some(kill) = kill {
                let _ = kill.send(());
            }
        }
    }
}

/// A session just opened: what its thread needs.
pub(super) struct Opened {
    pub id: u64,
    pub wakes: Sender<Wake>,
    pub woken: std::sync::mpsc::Receiver<Wake>,
    pub output: Output,
    pub palette: Palette,
    pub pty: Pty,
    pub kill: Option<tokio::sync::oneshot::Sender<()>>,
    /// The session's language, from the client's locale.
    pub lang: Lang,
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let fingerprint = key.public_key.fingerprint(HashAlg::Sha256).to_string();
        let found = self
            .shared
            .core
            .store()
            .registry()
            .map(|registry| registry.agent_of_key(&fingerprint));
        match found {
            Some(Ok(Some(agent))) => {
                tracing::info!(
                    "SSH sign-in: {} by key {fingerprint} from {} (user name {:?} ignored)",
                    agent.name,
                    self.peer,
                    crate::domain::characters::escaped(user)
                );
                self.agent = Some((agent, fingerprint));
                Ok(Auth::Accept)
            }
            Some(Err(error)) => {
                tracing::warn!("SSH sign-in failed on the store: {error}");
                Ok(Auth::reject())
            }
            Some(Ok(None)) | None => {
                tracing::info!(
                    "SSH sign-in refused: key {fingerprint} of no agent, from {}",
                    self.peer
                );
                Ok(Auth::reject())
            }
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        // One dashboard per connection.
        if self.channel.is_some() || self.agent.is_none() {
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.pty = Some(Pty {
            term: term.to_string(),
            size: size(columns, rows),
        });
        session.channel_success(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        match name {
            "NO_COLOR" => self.colour.no_color = Some(value.to_string()),
            "COLORTERM" => self.colour.colorterm = Some(value.to_string()),
            "LC_ALL" => self.colour.lc_all = Some(value.to_string()),
            "LC_MESSAGES" => self.colour.lc_messages = Some(value.to_string()),
            "LANG" => self.colour.lang = Some(value.to_string()),
            _ => {}
        }
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)?;
        self.start(session, channel);
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)?;
        self.refuse(
            session,
            channel,
            "pcenter: this server runs the dashboard only; connect with ssh -t and no command (commands run on the server's machine).",
        );
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        if let Some(wakes) = &self.wakes {
            let _ = wakes.send(Wake::Input(data.to_vec()));
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        let (width, height) = size(columns, rows);
        if let Some(pty) = &mut self.pty {
            pty.size = (width, height);
        }
        if let Some(wakes) = &self.wakes {
            let _ = wakes.send(Wake::Resize(width, height));
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.hang_up();
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.hang_up();
        Ok(())
    }
}
