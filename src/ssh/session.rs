//! devctl's SSH client (russh) over a stream that `cluster::access` opened: the host key is
//! checked against the one pinned at create time (never trusted on first use), the user's
//! keys authenticate (files, or the agent for a passphrase-protected one), and one session
//! runs a shell or a command with the local terminal, `-A` agent forwarding and `-L` local
//! forwards. Keepalives notice a dead tunnel; the remote exit status is the result.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::ChannelMsg;
use russh::client::{self, DisconnectReason, Handle};
use russh::keys::{HashAlg, PrivateKeyWithHashAlg, PublicKey};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

use super::terminal::{self, Escape, RawMode, Typed, next};
use crate::error::{Error, Kind, Result};

/// Nothing heard from the server for this long sends a keepalive; this many unanswered in a
/// row end the connection (about 25 s for a tunnel that died silently).
const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(5);
const KEEPALIVES_UNANSWERED: usize = 4;

/// How many bytes the server may send on a channel before we have read them.
const WINDOW_SIZE: u32 = 8 * 1024 * 1024;

/// russh's algorithms, with AES-GCM first where the processor does AES and carry-less
/// multiplication in hardware: there it costs both ends less CPU per byte than ChaCha20 (bulk
/// copies are CPU-bound when the API server, the kubelet and sshd share the machine).
fn preferred() -> russh::Preferred {
    use russh::cipher;
    #[cfg(target_arch = "x86_64")]
    let hardware_aes = std::arch::is_x86_feature_detected!("aes")
        && std::arch::is_x86_feature_detected!("pclmulqdq");
    #[cfg(target_arch = "aarch64")]
    let hardware_aes = std::arch::is_aarch64_feature_detected!("aes")
        && std::arch::is_aarch64_feature_detected!("pmull");
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    let hardware_aes = false;
    if !hardware_aes {
        return russh::Preferred::default();
    }
    const AES_FIRST: &[cipher::Name] = &[
        cipher::AES_256_GCM,
        cipher::CHACHA20_POLY1305,
        cipher::AES_256_CTR,
        cipher::AES_192_CTR,
        cipher::AES_128_CTR,
    ];
    russh::Preferred {
        cipher: std::borrow::Cow::Borrowed(AES_FIRST),
        ..russh::Preferred::default()
    }
}

/// A local forward, `-L [BIND:]PORT:HOST:HOSTPORT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forward {
    pub bind: String,
    pub port: u16,
    pub host: String,
    pub host_port: u16,
}

impl std::str::FromStr for Forward {
    type Err = String;

    fn from_str(spec: &str) -> Result<Forward, String> {
        let bad = || format!("invalid forward {spec:?}: use [BIND:]PORT:HOST:HOSTPORT");
        // An IPv6 address is written in brackets, as OpenSSH takes it.
        let mut parts = Vec::new();
        let mut rest = spec;
        while !rest.is_empty() {
            if let Some(inner) = rest.strip_prefix('[') {
                let (addr, after) = inner.split_once(']').ok_or_else(bad)?;
                parts.push(addr.to_string());
                rest = after.strip_prefix(':').unwrap_or(after);
            } else {
                let (part, after) = rest.split_once(':').unwrap_or((rest, ""));
                parts.push(part.to_string());
                rest = after;
            }
        }
        let port = |p: &str| p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(bad);
        let (bind, local, host, remote) = match parts.as_slice() {
            [local, host, remote] => ("127.0.0.1".to_string(), local, host, remote),
            [bind, local, host, remote] if !bind.is_empty() => (bind.clone(), local, host, remote),
            _ => return Err(bad()),
        };
        if host.is_empty() {
            return Err(bad());
        }
        Ok(Forward {
            bind,
            port: port(local)?,
            host: host.clone(),
            host_port: port(remote)?,
        })
    }
}

/// What the session does.
#[derive(Debug, Clone)]
pub struct Options {
    /// The remote command (a shell when `None`).
    pub command: Option<String>,
    /// Ask for a PTY (and put the local terminal in raw mode).
    pub pty: bool,
    pub forward_agent: bool,
    pub forwards: Vec<Forward>,
}

/// What the handler learnt, for the messages after the session.
#[derive(Default)]
struct Learnt {
    /// The host key the server offered, when it was not the pinned one.
    offered: Option<PublicKey>,
    /// Why the connection ended, when it ended with an error.
    ended: Option<String>,
    keepalive_timeout: bool,
}

struct Client {
    pinned: PublicKey,
    learnt: Arc<Mutex<Learnt>>,
    agent: bool,
}

impl Client {
    fn learn(&self) -> std::sync::MutexGuard<'_, Learnt> {
        self.learnt.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        offered: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, russh::Error> {
        let key = match offered {
            russh::keys::PublicKeyOrCertificate::PublicKey { key, .. } => key.clone(),
            // A certificate is not what devctl pinned.
            russh::keys::PublicKeyOrCertificate::Certificate(cert) => {
                cert.public_key().clone().into()
            }
        };
        let same = key.key_data() == self.pinned.key_data();
        if !same {
            self.learn().offered = Some(key);
        }
        Ok(same)
    }

    async fn server_channel_open_agent_forward(
        &mut self,
        channel: russh::Channel<client::Msg>,
        reply: client::ChannelOpenHandle,
        _: &mut client::Session,
    ) -> Result<(), russh::Error> {
        let socket = std::env::var_os("SSH_AUTH_SOCK");
        let (true, Some(socket)) = (self.agent, socket) else {
            // Not asked for: refused, whatever the server wants.
            drop(reply);
            return Ok(());
        };
        reply.accept().await;
        tokio::spawn(async move {
            if let Ok(mut agent) = tokio::net::UnixStream::connect(socket).await {
                let mut stream = channel.into_stream();
                let _ = tokio::io::copy_bidirectional(&mut stream, &mut agent).await;
            }
        });
        Ok(())
    }

    async fn disconnected(
        &mut self,
        reason: DisconnectReason<russh::Error>,
    ) -> Result<(), russh::Error> {
        match reason {
            DisconnectReason::ReceivedDisconnect(info) => {
                self.learn().ended = Some(format!("the server disconnected: {}", info.message));
                Ok(())
            }
            DisconnectReason::Error(e) => {
                let mut learnt = self.learn();
                learnt.keepalive_timeout = matches!(e, russh::Error::KeepaliveTimeout);
                learnt.ended = Some(e.to_string());
                Err(e)
            }
        }
    }
}

/// An authenticated SSH connection to one devserver.
pub struct Connection {
    handle: Arc<Handle<Client>>,
    learnt: Arc<Mutex<Learnt>>,
    /// The devserver, for messages.
    name: String,
}

fn connection_error(message: impl Into<String>) -> Error {
    Error::new(Kind::Connection, message)
}

impl Connection {
    /// The SSH handshake over `stream` with the devserver `name`, whose host key must be
    /// `pinned` (an OpenSSH public key line), then authentication as `user` with the first of
    /// `identities` that the server takes.
    pub async fn open<S>(
        stream: S,
        name: &str,
        pinned: &str,
        user: &str,
        identities: &[PathBuf],
        forward_agent: bool,
    ) -> Result<Connection>
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let pinned = PublicKey::from_openssh(pinned.trim()).map_err(|e| {
            Error::general(format!(
                "the host key pinned for devserver {name} is not a valid public key: {e}"
            ))
            .hint("devctl describe NAME shows it; the devserver.io/host-key annotation must not be edited")
        })?;
        let config = Arc::new(client::Config {
            // Room for what `cp` keeps in flight on a distant link (the default is 2 MiB).
            window_size: WINDOW_SIZE,
            preferred: preferred(),
            keepalive_interval: Some(KEEPALIVE_INTERVAL),
            keepalive_max: KEEPALIVES_UNANSWERED,
            ..client::Config::default()
        });
        let learnt = Arc::new(Mutex::new(Learnt::default()));
        let client = Client {
            pinned: pinned.clone(),
            learnt: learnt.clone(),
            agent: forward_agent,
        };
        let mut handle = client::connect_stream(config, stream, client)
            .await
            .map_err(|e| {
                let learnt = learnt.lock().unwrap_or_else(|p| p.into_inner());
                match &learnt.offered {
                    Some(offered) => connection_error(format!(
                        "host key mismatch for devserver {name}: expected {} {}, the server offered {} {}",
                        pinned.algorithm(),
                        pinned.fingerprint(HashAlg::Sha256),
                        offered.algorithm(),
                        offered.fingerprint(HashAlg::Sha256),
                    ))
                    .hint("devctl refuses to connect: the server is not the devserver devctl created, or its key was replaced"),
                    None => connection_error(format!("cannot connect to devserver {name}: {e}"))
                        .caused_by(&e),
                }
            })?;
        authenticate(&mut handle, name, user, identities).await?;
        Ok(Connection {
            handle: Arc::new(handle),
            learnt,
            name: name.to_string(),
        })
    }

    /// Runs one session as `options` say; its exit status is the result (255 when the
    /// connection ends without one, as OpenSSH's).
    pub async fn run(self, options: &Options) -> Result<u8> {
        let forwarders = self.listen(&options.forwards).await?;
        let outcome = self.session(options).await;
        for forwarder in forwarders {
            forwarder.abort();
        }
        outcome
    }

    /// Listens for every `-L` forward before the session starts, so a port in use fails at
    /// once; each accepted connection gets a direct-tcpip channel of its own.
    async fn listen(&self, forwards: &[Forward]) -> Result<Vec<tokio::task::JoinHandle<()>>> {
        let mut tasks = Vec::new();
        for forward in forwards {
            let listener = tokio::net::TcpListener::bind((forward.bind.as_str(), forward.port))
                .await
                .map_err(|e| {
                    Error::general(format!(
                        "cannot listen on {}:{} for -L: {e}",
                        forward.bind, forward.port
                    ))
                })?;
            let handle = self.handle.clone();
            let forward = forward.clone();
            tasks.push(tokio::spawn(async move {
                while let Ok((mut socket, peer)) = listener.accept().await {
                    let handle = handle.clone();
                    let forward = forward.clone();
                    tokio::spawn(async move {
                        let opened = handle
                            .channel_open_direct_tcpip(
                                forward.host.clone(),
                                u32::from(forward.host_port),
                                peer.ip().to_string(),
                                u32::from(peer.port()),
                            )
                            .await;
                        match opened {
                            Ok(channel) => {
                                let mut stream = channel.into_stream();
                                let _ =
                                    tokio::io::copy_bidirectional(&mut socket, &mut stream).await;
                            }
                            Err(e) => {
                                use std::io::{IsTerminal as _, Write as _};
                                let mut stderr = std::io::stderr();
                                // A terminal in raw mode needs the carriage return.
                                let end = if stderr.is_terminal() { "\r\n" } else { "\n" };
                                let line = format!("warning: {}{end}", refused(&forward, e));
                                let _ = stderr.write_all(line.as_bytes());
                            }
                        }
                    });
                }
            }));
        }
        Ok(tasks)
    }

    async fn session(&self, options: &Options) -> Result<u8> {
        let lost = |what: &str, e: russh::Error| {
            connection_error(format!("{what} on devserver {}: {e}", self.name)).caused_by(&e)
        };
        let channel = self
            .handle
            .channel_open_session()
            .await
            .map_err(|e| self.ended_error(Some(e)))?;
        // Reading and writing apart: a remote that stops reading its input (its window full)
        // must not stop us from reading its output, its exit, or the connection's end.
        let (mut reader, writer) = channel.split();
        let writer = Arc::new(writer);
        if options.forward_agent {
            writer
                .agent_forward(false)
                .await
                .map_err(|e| lost("cannot ask for agent forwarding", e))?;
        }
        let raw = if options.pty {
            let term = std::env::var("TERM").unwrap_or_else(|_| "xterm-256color".into());
            let (cols, rows) = terminal::size().unwrap_or((80, 24));
            writer
                .request_pty(false, &term, cols, rows, 0, 0, &[])
                .await
                .map_err(|e| lost("cannot get a terminal", e))?;
            RawMode::enable()
                .map_err(|e| Error::general(format!("cannot set the terminal to raw mode: {e}")))?
        } else {
            None
        };
        match &options.command {
            Some(command) => writer.exec(true, command.as_bytes()).await,
            None => writer.request_shell(true).await,
        }
        .map_err(|e| lost("cannot start the session", e))?;

        // Standard input goes on in a task of its own; `~.` comes back as a request to close.
        let (escaped, mut escape_requested) = tokio::sync::mpsc::channel::<()>(1);
        let typing = {
            let writer = writer.clone();
            let mut escape = raw.as_ref().map(|_| Escape::default());
            tokio::spawn(async move {
                let mut stdin = tokio::io::stdin();
                let mut input = vec![0u8; 32 * 1024];
                loop {
                    let n = match stdin.read(&mut input).await {
                        Ok(0) | Err(_) => {
                            let _ = writer.eof().await;
                            return;
                        }
                        Ok(n) => n,
                    };
                    let typed = match &mut escape {
                        Some(escape) => escape.filter(&input[..n]),
                        None => Typed::Send(input[..n].to_vec()),
                    };
                    match typed {
                        Typed::Send(bytes) if bytes.is_empty() => {}
                        Typed::Send(bytes) => {
                            if writer.data_bytes(bytes).await.is_err() {
                                return;
                            }
                        }
                        Typed::Disconnect(bytes) => {
                            if !bytes.is_empty() {
                                let _ = writer.data_bytes(bytes).await;
                            }
                            let _ = escaped.send(()).await;
                            return;
                        }
                    }
                }
            })
        };
        let outcome = self
            .follow(
                &mut reader,
                &writer,
                options,
                raw.is_some(),
                &mut escape_requested,
            )
            .await;
        typing.abort();
        drop(raw);
        outcome
    }

    /// Reads the session to its end: output, the exit status, `~.`, window changes, and the
    /// signals that must not leave the terminal raw.
    async fn follow(
        &self,
        reader: &mut russh::ChannelReadHalf,
        writer: &russh::ChannelWriteHalf<client::Msg>,
        options: &Options,
        raw: bool,
        escape_requested: &mut tokio::sync::mpsc::Receiver<()>,
    ) -> Result<u8> {
        use tokio::signal::unix::{SignalKind, signal};
        let mut stdout = tokio::io::stdout();
        let mut stderr = tokio::io::stderr();
        let mut resized = signal(SignalKind::window_change()).ok();
        // In raw mode Ctrl-C is a byte for the remote; a signal from elsewhere ends the
        // session, and the terminal is put back before devctl exits.
        let mut terminated = signal(SignalKind::terminate()).ok().filter(|_| raw);
        let mut hung_up = signal(SignalKind::hangup()).ok().filter(|_| raw);
        let mut status: Option<u32> = None;
        let mut signalled: Option<String> = None;
        loop {
            tokio::select! {
                message = reader.wait() => match message {
                    Some(ChannelMsg::Data { data }) => {
                        let written = match stdout.write_all(&data).await {
                            Ok(()) => stdout.flush().await,
                            failed => failed,
                        };
                        match written {
                            // Our reader went away (`| head -1`). As OpenSSH: not a word,
                            // the session ends, and the exit code is the remote's if it has
                            // given one, else 255.
                            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                                let _ = self.handle.disconnect(russh::Disconnect::ByApplication, "", "en").await;
                                return Ok(status.map_or(255, |code| (code & 0xff) as u8));
                            }
                            written => written.map_err(write_error)?,
                        }
                    }
                    Some(ChannelMsg::ExtendedData { data, .. }) => {
                        stderr.write_all(&data).await.map_err(write_error)?;
                        stderr.flush().await.map_err(write_error)?;
                    }
                    Some(ChannelMsg::ExitStatus { exit_status }) => status = Some(exit_status),
                    Some(ChannelMsg::ExitSignal { signal_name, .. }) => {
                        signalled = Some(format!("{signal_name:?}"));
                    }
                    Some(ChannelMsg::Failure) => {
                        return Err(connection_error(format!(
                            "devserver {} refused to start the {}",
                            self.name,
                            if options.command.is_some() { "command" } else { "shell" }
                        )));
                    }
                    Some(ChannelMsg::Close) | None => break,
                    Some(_) => {}
                },
                Some(()) = escape_requested.recv() => {
                    let _ = self.handle.disconnect(russh::Disconnect::ByApplication, "", "en").await;
                    let _ = stderr.write_all(format!("\r\nConnection to {} closed.\r\n", self.name).as_bytes()).await;
                    return Ok(255);
                }
                Some(()) = next(&mut resized) => {
                    if options.pty && let Some((cols, rows)) = terminal::size() {
                        let _ = writer.window_change(cols, rows, 0, 0).await;
                    }
                }
                Some(()) = next(&mut terminated) => {
                    let _ = self.handle.disconnect(russh::Disconnect::ByApplication, "", "en").await;
                    return Ok(143);
                }
                Some(()) = next(&mut hung_up) => {
                    let _ = self.handle.disconnect(russh::Disconnect::ByApplication, "", "en").await;
                    return Ok(129);
                }
            }
        }
        match (status, signalled) {
            // Exit statuses above 255 wrap, as a shell's do.
            (Some(code), _) => Ok((code & 0xff) as u8),
            (None, Some(signal)) => {
                let _ = stderr
                    .write_all(
                        format!("devctl: the remote command was killed by {signal}\n").as_bytes(),
                    )
                    .await;
                Ok(255)
            }
            (None, None) => Err(self.ended_error(None)),
        }
    }

    /// The error for a connection that ended before the session did.
    fn ended_error(&self, cause: Option<russh::Error>) -> Error {
        let learnt = self.learnt.lock().unwrap_or_else(|p| p.into_inner());
        if learnt.keepalive_timeout {
            return connection_error(format!(
                "lost the connection to devserver {}: no answer for {}s",
                self.name,
                KEEPALIVE_INTERVAL.as_secs() * (KEEPALIVES_UNANSWERED as u64 + 1)
            ))
            .hint("the tunnel or the network dropped; run the command again");
        }
        let why = learnt
            .ended
            .clone()
            .or_else(|| cause.map(|e| e.to_string()))
            .unwrap_or_else(|| "the connection closed".into());
        connection_error(format!(
            "lost the connection to devserver {}: {why}",
            self.name
        ))
    }
}

impl Connection {
    /// A channel running the SFTP subsystem, for `cp`.
    pub async fn sftp(&self) -> Result<russh::ChannelStream<client::Msg>> {
        let channel = self.open_channel().await?;
        channel
            .request_subsystem(true, "sftp")
            .await
            .map_err(|e| self.ended_error(Some(e)))?;
        self.started(channel).await?.ok_or_else(|| {
            connection_error(format!(
                "devserver {} refused to start its SFTP server",
                self.name
            ))
            .hint("its sshd_config needs a Subsystem sftp line; devctl's has one")
        })
    }

    /// A channel running `command` (devctl's own, never a user's words) without a terminal:
    /// its standard input and output as a stream (its standard error is dropped); `None` when
    /// the server refused to run it.
    pub async fn command(
        &self,
        command: &str,
    ) -> Result<Option<russh::ChannelStream<client::Msg>>> {
        let channel = self.open_channel().await?;
        channel
            .exec(true, command.as_bytes())
            .await
            .map_err(|e| self.ended_error(Some(e)))?;
        self.started(channel).await
    }

    async fn open_channel(&self) -> Result<russh::Channel<client::Msg>> {
        self.handle
            .channel_open_session()
            .await
            .map_err(|e| self.ended_error(Some(e)))
    }

    /// The channel once the server said that it started what was asked (`None`: it refused).
    async fn started(
        &self,
        mut channel: russh::Channel<client::Msg>,
    ) -> Result<Option<russh::ChannelStream<client::Msg>>> {
        loop {
            match channel.wait().await {
                Some(ChannelMsg::Success) => return Ok(Some(channel.into_stream())),
                Some(ChannelMsg::Failure) => return Ok(None),
                // Nothing is sent before the answer (we have not written yet).
                Some(_) => {}
                None => return Err(self.ended_error(None)),
            }
        }
    }
}

fn write_error(e: std::io::Error) -> Error {
    Error::general(format!("cannot write the session's output: {e}"))
}

/// Why the devserver opened no channel for a connection to the `-L` forward.
fn refused(forward: &Forward, e: russh::Error) -> String {
    use russh::ChannelOpenFailure as Why;
    let to = format!("{}:{}", forward.host, forward.host_port);
    let why = match e {
        russh::Error::ChannelOpenFailure(Why::ConnectFailed) => {
            format!("the devserver could not connect to {to}")
        }
        russh::Error::ChannelOpenFailure(Why::AdministrativelyProhibited) => {
            format!("the devserver's sshd does not allow forwarding to {to}")
        }
        e => format!("the devserver refused the forward to {to}: {e}"),
    };
    format!("-L {}:{}: {why}", forward.bind, forward.port)
}

/// Tries `identities` in order: a key file as it is, or through the agent when the file is
/// protected by a passphrase and the agent holds it.
async fn authenticate(
    handle: &mut Handle<Client>,
    name: &str,
    user: &str,
    identities: &[PathBuf],
) -> Result<()> {
    if identities.is_empty() {
        return Err(
            connection_error(format!("no key to log in to devserver {name} with"))
                .hint("pass -i with the private key whose public key devctl create authorized"),
        );
    }
    let rsa_hash = handle
        .best_supported_rsa_hash()
        .await
        .ok()
        .flatten()
        .flatten();
    let mut unusable = Vec::new();
    for path in identities {
        let accepted = match russh::keys::load_secret_key(path, None) {
            Ok(key) => {
                let key = PrivateKeyWithHashAlg::new(Arc::new(key), rsa_hash);
                handle
                    .authenticate_publickey(user, key)
                    .await
                    .map_err(|e| {
                        connection_error(format!("cannot log in to devserver {name}: {e}"))
                    })?
                    .success()
            }
            Err(russh::keys::Error::KeyIsEncrypted) => {
                match through_agent(handle, user, path, rsa_hash).await {
                    Some(accepted) => accepted,
                    None => {
                        unusable.push(format!(
                            "{} is protected by a passphrase and not in ssh-agent",
                            path.display()
                        ));
                        false
                    }
                }
            }
            Err(e) => {
                unusable.push(format!("{}: {e}", path.display()));
                false
            }
        };
        if accepted {
            return Ok(());
        }
    }
    let tried: Vec<String> = identities.iter().map(|p| p.display().to_string()).collect();
    let mut err = connection_error(format!(
        "devserver {name} refused the keys for {user} (tried {})",
        tried.join(", ")
    ));
    for why in unusable {
        err = err.hint(why);
    }
    Err(err.hint("pass -i with the private key whose public key devctl create authorized"))
}

/// Authenticates with the agent's copy of the key at `path` (by its `.pub`), if the agent
/// has it: `None` when it cannot be tried.
async fn through_agent(
    handle: &mut Handle<Client>,
    user: &str,
    path: &Path,
    rsa_hash: Option<HashAlg>,
) -> Option<bool> {
    let public = std::fs::read_to_string(path.with_extension("pub")).ok()?;
    let public = PublicKey::from_openssh(public.trim()).ok()?;
    let mut agent = russh::keys::agent::client::AgentClient::connect_env()
        .await
        .ok()?;
    let held = agent.request_identities().await.ok()?;
    held.iter()
        .any(|identity| identity.public_key().key_data() == public.key_data())
        .then_some(())?;
    let hash = public.algorithm().is_rsa().then_some(rsa_hash).flatten();
    handle
        .authenticate_publickey_with(user, public, hash, &mut agent)
        .await
        .ok()
        .map(|r| r.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwards_are_read_as_openssh_reads_them() {
        assert_eq!(
            "8888:localhost:8888".parse::<Forward>(),
            Ok(Forward {
                bind: "127.0.0.1".into(),
                port: 8888,
                host: "localhost".into(),
                host_port: 8888
            })
        );
        assert_eq!(
            "0.0.0.0:80:web:8080"
                .parse::<Forward>()
                .map(|f| (f.bind, f.port)),
            Ok(("0.0.0.0".into(), 80))
        );
        assert_eq!(
            "[::1]:80:[fe80::1]:8080"
                .parse::<Forward>()
                .map(|f| (f.bind, f.host)),
            Ok(("::1".into(), "fe80::1".into()))
        );
        for bad in [
            "8888",
            "8888:host",
            "x:host:1",
            "1:host:0",
            ":1:h:2",
            "1::2",
            "1:2:3:4:5",
        ] {
            assert!(bad.parse::<Forward>().is_err(), "{bad}");
        }
    }
}
