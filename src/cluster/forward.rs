//! `port-forward`'s engine: local listeners, and for each accepted connection a port-forward
//! stream of its own to the devserver's pod. The pod is followed with a watch, so that a
//! restart makes new connections wait for the new pod, and a forward that breaks (a dropped
//! API connection) costs only its own connection. Nothing here prints: what happens is sent
//! to the caller as [`Event`]s.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use kube::runtime::WatchStreamExt;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};

use super::Cluster;
use super::access::Running;
use super::devservers::{self, LookupError};
use crate::devserver::state::{self, Phase};
use crate::error::{Error, Kind, Result};

/// One `[LOCAL:]REMOTE` of the command line: a port of the devserver and the local port for
/// it (0: a free one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ports {
    pub local: u16,
    pub remote: u16,
}

impl std::str::FromStr for Ports {
    type Err = String;

    /// `8888` (the same port locally), `9000:8888`, and `:8888` or `0:8888` (a free one).
    fn from_str(spec: &str) -> Result<Ports, String> {
        let port = |text: &str, what: &str| {
            text.parse::<u16>()
                .map_err(|_| format!("invalid {what} port {text:?} in {spec:?}: use 1-65535"))
        };
        let (local, remote) = match spec.split_once(':') {
            Some(("", remote)) => (0, port(remote, "remote")?),
            Some((local, remote)) => (port(local, "local")?, port(remote, "remote")?),
            None => {
                let remote = port(spec, "remote")?;
                (remote, remote)
            }
        };
        if remote == 0 {
            return Err(format!("invalid remote port 0 in {spec:?}: use 1-65535"));
        }
        Ok(Ports { local, remote })
    }
}

/// A `--address`: an IP address, or `localhost` (127.0.0.1).
pub fn parse_address(text: &str) -> Result<IpAddr, String> {
    if text == "localhost" {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    text.parse()
        .map_err(|_| format!("invalid address {text:?}: use an IP address or localhost"))
}

/// A bound local socket and the devserver port it forwards to.
#[derive(Debug)]
pub struct Listener {
    pub local: SocketAddr,
    pub remote: u16,
    socket: TcpListener,
}

/// Binds every port on every address, all or nothing: a port in use is an error, and the
/// sockets bound so far are closed with it. A local port 0 picks a free port on the first
/// address, and the same one on the others.
pub async fn listen(addresses: &[IpAddr], ports: &[Ports]) -> Result<Vec<Listener>> {
    let mut listeners: Vec<Listener> = Vec::new();
    for wanted in ports {
        let mut local = wanted.local;
        for address in addresses {
            let at = SocketAddr::new(*address, local);
            let socket = TcpListener::bind(at).await.map_err(|e| {
                Error::general(format!("cannot listen on {at}: {}", io_reason(&e))).hint(
                    match e.kind() {
                        std::io::ErrorKind::AddrInUse => {
                            "choose another local port (LOCAL:REMOTE), or :REMOTE for a free one"
                        }
                        _ => "choose another --address or local port",
                    },
                )
            })?;
            let bound = socket
                .local_addr()
                .map_err(|e| Error::general(format!("cannot listen on {at}: {}", io_reason(&e))))?;
            local = bound.port();
            listeners.push(Listener {
                local: bound,
                remote: wanted.remote,
                socket,
            });
        }
    }
    Ok(listeners)
}

/// An I/O error's reason without the OS error number.
fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.split_once(" (os error") {
        Some((reason, _)) => reason.to_lowercase(),
        None => text,
    }
}

/// What the forwarding went through, for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The pod is followed and every port listens: connections are forwarded from now on.
    Following,
    /// A connection's forward could not be opened, or broke while in use: that connection is
    /// closed, and the next one gets a new forward.
    Broke {
        local: SocketAddr,
        remote: u16,
        reason: String,
    },
    /// The first forward that worked after one broke.
    Reestablished { local: SocketAddr, remote: u16 },
    /// The pod answered a forward with an error (nothing listens on the port, say); the
    /// connection is closed.
    Refused {
        local: SocketAddr,
        remote: u16,
        reason: String,
    },
    /// The pod stopped serving (a restart), or one is starting after a stop: new connections
    /// wait for it to be Ready.
    PodGone { pod: String, phase: String },
    /// The devserver was stopped: new connections are closed until it is started again.
    Stopped,
    /// A Ready pod is back.
    PodReady { pod: String },
    /// A connection came while the devserver was stopped, or its pod did not get Ready in
    /// time: it is closed.
    NotServing {
        local: SocketAddr,
        remote: u16,
        reason: String,
    },
    /// Following the pod broke; the watch is opened again.
    WatchBroke { reason: String },
}

impl Event {
    /// Something broke (a warning), as opposed to good news.
    pub fn is_trouble(&self) -> bool {
        !matches!(
            self,
            Event::Following | Event::Reestablished { .. } | Event::PodReady { .. }
        )
    }

    /// One line for stderr.
    pub fn describe(&self, devserver: &str) -> String {
        match self {
            Event::Following => format!("forwarding to devserver {devserver}"),
            Event::Broke {
                local,
                remote,
                reason,
            } => format!(
                "the port-forward {local} -> {remote} broke ({reason}); closed that connection, new connections get a new forward"
            ),
            Event::Reestablished { local, remote } => {
                format!("re-established the port-forward {local} -> {remote}")
            }
            Event::Refused {
                local,
                remote,
                reason,
            } => format!(
                "{local} -> {remote}: devserver {devserver} refused the connection: {reason}"
            ),
            Event::PodGone { pod, phase } => format!(
                "pod {pod} of devserver {devserver} is not ready ({phase}); new connections wait for it"
            ),
            Event::Stopped => format!(
                "devserver {devserver} was stopped; new connections are closed until it is started (devctl start {devserver})"
            ),
            Event::PodReady { pod } => {
                format!("pod {pod} of devserver {devserver} is ready; forwarding to it again")
            }
            Event::NotServing {
                local,
                remote,
                reason,
            } => format!("{local} -> {remote}: connection closed: {reason}"),
            Event::WatchBroke { reason } => {
                format!("lost the watch on devserver {devserver} ({reason}); re-establishing it")
            }
        }
    }
}

/// Where the devserver's pod is, as the forwarding sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Serving {
    /// Ready: a forward goes to it.
    Ready,
    /// Starting, restarting or going away: connections wait.
    Waiting(String),
    /// Scaled to zero: connections are closed.
    Stopped,
}

/// Forwards connections on `listeners` to the devserver until it is deleted (an error), or
/// for ever; a refusal of the API server (401, 403) ends it too. [`Event::Following`] comes
/// first, once the watch on the pod has its first answer (so that a refused watch is found
/// before the user is told to connect). `patience` bounds how long a connection waits for a
/// pod that is not ready.
pub async fn serve(
    cluster: &Cluster,
    devserver: &Running,
    listeners: Vec<Listener>,
    patience: Duration,
    events: mpsc::UnboundedSender<Event>,
) -> Result<()> {
    let (serving_tx, serving) = watch::channel(Serving::Ready);
    let follow = follow(cluster, devserver, serving_tx, events.clone());
    tokio::pin!(follow);
    let mut accepts = futures::stream::select_all(listeners.into_iter().map(|listener| {
        Box::pin(futures::stream::unfold(listener, |listener| async move {
            let accepted = listener.socket.accept().await;
            let addrs = (listener.local, listener.remote);
            Some(((accepted, addrs), listener))
        }))
    }));
    let shared = Shared {
        cluster,
        pod: devserver.pod_name(),
        serving,
        patience,
        events,
        broken: std::sync::Mutex::new(std::collections::BTreeSet::new()),
    };
    let mut connections = FuturesUnordered::new();
    loop {
        tokio::select! {
            ended = &mut follow => return ended,
            Some((accepted, (local, remote))) = accepts.next() => {
                let Ok((tcp, _peer)) = accepted else {
                    // Out of file descriptors, say: accepting again at once would spin.
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                };
                let _ = tcp.set_nodelay(true);
                connections.push(shared.connection(tcp, local, remote));
            }
            Some(outcome) = connections.next(), if !connections.is_empty() => outcome?,
        }
    }
}

/// What every connection of one `serve` shares.
struct Shared<'a> {
    cluster: &'a Cluster,
    pod: &'a str,
    serving: watch::Receiver<Serving>,
    patience: Duration,
    events: mpsc::UnboundedSender<Event>,
    /// The remote ports whose last forward broke, so that the next one that works says so.
    broken: std::sync::Mutex<std::collections::BTreeSet<u16>>,
}

impl Shared<'_> {
    fn send(&self, event: Event) {
        let _ = self.events.send(event);
    }

    fn broke(&self, remote: u16) {
        self.broken
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(remote);
    }

    /// Whether a forward to `remote` had broken before this one worked.
    fn worked(&self, remote: u16) -> bool {
        self.broken
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&remote)
    }

    /// One accepted connection: wait for a Ready pod, open its forward, carry the bytes. Only
    /// a refusal by the API server is an error (it ends the command); anything else closes
    /// this connection and is reported.
    async fn connection(&self, tcp: TcpStream, local: SocketAddr, remote: u16) -> Result<()> {
        let mut serving = self.serving.clone();
        let waited = tokio::time::timeout(
            self.patience,
            serving.wait_for(|s| !matches!(s, Serving::Waiting(_))),
        )
        .await;
        let reason = match waited {
            Ok(Ok(now)) if *now == Serving::Stopped => Some("the devserver is stopped".into()),
            Ok(Ok(_)) => None,
            // Following ended: so does serve.
            Ok(Err(_)) => return Ok(()),
            Err(_) => Some(format!(
                "its pod did not get ready within {}s",
                self.patience.as_secs()
            )),
        };
        if let Some(reason) = reason {
            self.send(Event::NotServing {
                local,
                remote,
                reason,
            });
            return Ok(());
        }
        let opened = tokio::time::timeout(OPEN_TIMEOUT, open(self.cluster, self.pod, remote))
            .await
            .unwrap_or_else(|_| {
                Err(Error::new(
                    Kind::Connection,
                    format!("no answer within {}s", OPEN_TIMEOUT.as_secs()),
                ))
            });
        let forward = match opened {
            Ok(forward) => forward,
            Err(e) if e.kind == Kind::Forbidden => return Err(e),
            Err(e) => {
                self.broke(remote);
                self.send(Event::Broke {
                    local,
                    remote,
                    reason: e.message,
                });
                return Ok(());
            }
        };
        if self.worked(remote) {
            self.send(Event::Reestablished { local, remote });
        }
        match forward.carry(tcp).await {
            Outcome::Done => {}
            Outcome::Refused(reason) => self.send(Event::Refused {
                local,
                remote,
                reason,
            }),
            Outcome::Broke(reason) => {
                self.broke(remote);
                self.send(Event::Broke {
                    local,
                    remote,
                    reason,
                });
            }
        }
        Ok(())
    }
}

/// One port-forward stream with what tells how it ended.
struct Forward {
    stream: tokio::io::DuplexStream,
    failure: tokio::sync::oneshot::Receiver<super::portforward::Failure>,
}

enum Outcome {
    /// Either side closed.
    Done,
    /// The pod's side answered with an error.
    Refused(String),
    /// The WebSocket to the API server broke.
    Broke(String),
}

/// Opens the port-forward to `port` of `pod`.
async fn open(cluster: &Cluster, pod: &str, port: u16) -> Result<Forward> {
    let tunnel = super::portforward::open(&cluster.client, &cluster.namespace, pod, port)
        .await
        .map_err(|e| cluster.error(e))?;
    Ok(Forward {
        stream: tunnel.stream,
        failure: tunnel.failure,
    })
}

/// How long a finished forward may take to close its WebSocket before it is dropped.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long opening one forward may take (the upgrade is exempt from --request-timeout).
const OPEN_TIMEOUT: Duration = Duration::from_secs(30);
/// The pause after a failed accept.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

impl Forward {
    /// Carries bytes between `tcp` and the pod until the pod's side ends (then the local
    /// connection is closed too, as the server closed it) or either side fails.
    async fn carry(self, tcp: TcpStream) -> Outcome {
        let Forward { stream, failure } = self;
        bridge(tcp, stream).await;
        // A failure is known once the forward's WebSocket has ended, which the end of our side
        // brings about (and which is bounded: see cluster::portforward).
        match tokio::time::timeout(CLOSE_TIMEOUT, failure).await {
            Ok(Ok(super::portforward::Failure::Refused(reason))) => Outcome::Refused(reason),
            Ok(Ok(super::portforward::Failure::Broke(why))) => {
                Outcome::Broke(format!("lost the connection to the API server: {why}"))
            }
            _ => Outcome::Done,
        }
    }
}

/// Copies both ways; ends when the far side has finished sending (or a copy fails). The
/// local side finishing first half-closes the far side and waits for its end.
async fn bridge(
    local: impl AsyncRead + AsyncWrite + Unpin,
    far: impl AsyncRead + AsyncWrite + Unpin,
) {
    let (mut local_read, mut local_write) = tokio::io::split(local);
    let (mut far_read, mut far_write) = tokio::io::split(far);
    let down = async {
        let _ = tokio::io::copy(&mut far_read, &mut local_write).await;
        let _ = local_write.shutdown().await;
    };
    let up = async {
        if tokio::io::copy(&mut local_read, &mut far_write)
            .await
            .is_ok()
        {
            let _ = far_write.shutdown().await;
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        () = down => {}
        () = up => {}
    }
}

/// Follows the devserver's pod, telling the connections whether it serves; ends with an error
/// when the devserver is deleted (or replaced by another of the same name), or the API server
/// refuses the watch.
async fn follow(
    cluster: &Cluster,
    devserver: &Running,
    serving: watch::Sender<Serving>,
    events: mpsc::UnboundedSender<Event>,
) -> Result<()> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let name = &devserver.name;
    let pod_name = devserver.pod_name().to_string();
    let set_uid = devserver.set.metadata.uid.clone().unwrap_or_default();
    let stream = kube::runtime::watcher::watch_object(pods, &pod_name).default_backoff();
    futures::pin_mut!(stream);
    // Whether the last thing the watch gave was an error, so that a run of them is one line.
    let mut failing = false;
    let mut following = false;
    while let Some(next) = stream.next().await {
        let pod = match next {
            Ok(pod) => {
                failing = false;
                if !following {
                    following = true;
                    let _ = events.send(Event::Following);
                }
                pod
            }
            Err(e) => {
                if let Some(refusal) = refusal(cluster, &e) {
                    return Err(refusal.prefix(&format!("following devserver {name}")));
                }
                if !failing {
                    let _ = events.send(Event::WatchBroke {
                        reason: watch_reason(&e),
                    });
                }
                failing = true;
                continue;
            }
        };
        let now = match pod.filter(|p| p.metadata.deletion_timestamp.is_none()) {
            Some(pod) if !state::owned_by(&pod.metadata, &set_uid) => return Err(gone(name)),
            Some(pod) => match state::phase(&pod) {
                Phase::Ready => Serving::Ready,
                other => Serving::Waiting(other.describe().to_string()),
            },
            None => match devservers::get(cluster, name).await {
                Err(LookupError::NotFound { .. }) => return Err(gone(name)),
                Ok(set) if set.metadata.uid.as_deref() != Some(set_uid.as_str()) => {
                    return Err(gone(name));
                }
                Ok(set) if state::stopped(&set) => Serving::Stopped,
                Ok(_) => Serving::Waiting("being recreated".into()),
                Err(e) => {
                    let e = Error::from(e);
                    if e.kind == Kind::Forbidden {
                        return Err(e);
                    }
                    Serving::Waiting("being recreated".into())
                }
            },
        };
        let before = serving.send_replace(now.clone());
        match (&before, &now) {
            (Serving::Ready | Serving::Stopped, Serving::Waiting(phase)) => {
                let _ = events.send(Event::PodGone {
                    pod: pod_name.clone(),
                    phase: phase.clone(),
                });
            }
            (Serving::Ready | Serving::Waiting(_), Serving::Stopped) => {
                let _ = events.send(Event::Stopped);
            }
            (Serving::Waiting(_) | Serving::Stopped, Serving::Ready) => {
                let _ = events.send(Event::PodReady {
                    pod: pod_name.clone(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

fn gone(name: &str) -> Error {
    Error::new(
        Kind::NotFound,
        format!("devserver {name} was deleted; stopped forwarding"),
    )
    .hint(format!("devctl create {name} makes a new one"))
}

/// The API server's refusal of the watch (401, 403), which waiting will not change.
fn refusal(cluster: &Cluster, e: &kube::runtime::watcher::Error) -> Option<Error> {
    use kube::runtime::watcher::Error as Watch;
    let status = match e {
        Watch::InitialListFailed(kube::Error::Api(s))
        | Watch::WatchStartFailed(kube::Error::Api(s))
        | Watch::WatchFailed(kube::Error::Api(s)) => s.clone(),
        Watch::WatchError(s) => s.clone(),
        _ => return None,
    };
    matches!(status.code, 401 | 403).then(|| cluster.error(kube::Error::Api(status)))
}

fn watch_reason(e: &kube::runtime::watcher::Error) -> String {
    use kube::runtime::watcher::Error as Watch;
    match e {
        Watch::InitialListFailed(e) | Watch::WatchStartFailed(e) | Watch::WatchFailed(e) => {
            e.to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_spec_names_the_remote_port_and_optionally_the_local_one() {
        let ports = |s: &str| s.parse::<Ports>();
        assert_eq!(
            ports("8888"),
            Ok(Ports {
                local: 8888,
                remote: 8888
            })
        );
        assert_eq!(
            ports("9000:8888"),
            Ok(Ports {
                local: 9000,
                remote: 8888
            })
        );
        assert_eq!(
            ports(":8888"),
            Ok(Ports {
                local: 0,
                remote: 8888
            })
        );
        assert_eq!(
            ports("0:8888"),
            Ok(Ports {
                local: 0,
                remote: 8888
            })
        );
        assert!(ports("0").is_err());
        assert!(ports("8888:").is_err());
        assert!(ports("x:1").is_err());
        assert!(ports("70000").is_err());
        assert!(ports("1:2:3").is_err());
    }

    #[test]
    fn an_address_is_an_ip_or_localhost() {
        assert_eq!(
            parse_address("localhost"),
            Ok(IpAddr::V4(Ipv4Addr::LOCALHOST))
        );
        assert_eq!(parse_address("0.0.0.0"), Ok("0.0.0.0".parse().unwrap()));
        assert_eq!(parse_address("::1"), Ok("::1".parse().unwrap()));
        assert!(parse_address("example.com").is_err());
    }

    #[tokio::test]
    async fn a_port_in_use_fails_and_leaves_nothing_listening() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let first = free.local_addr().unwrap().port();
        drop(free);
        let err = listen(
            &[IpAddr::V4(Ipv4Addr::LOCALHOST)],
            &[
                Ports {
                    local: first,
                    remote: 1,
                },
                Ports {
                    local: port,
                    remote: 2,
                },
            ],
        )
        .await
        .unwrap_err();
        assert_eq!(
            err.message,
            format!("cannot listen on 127.0.0.1:{port}: address already in use")
        );
        assert!(std::net::TcpListener::bind(("127.0.0.1", first)).is_ok());
    }

    #[tokio::test]
    async fn the_bridge_ends_when_the_far_side_ends_and_closes_the_local_side() {
        use tokio::io::AsyncReadExt;
        let (local, mut client) = tokio::io::duplex(64);
        let (far, mut pod) = tokio::io::duplex(64);
        let bridged = tokio::spawn(bridge(local, far));
        client.write_all(b"up").await.unwrap();
        let mut buf = [0u8; 2];
        pod.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"up");
        pod.write_all(b"down").await.unwrap();
        drop(pod);
        let mut rest = Vec::new();
        client.read_to_end(&mut rest).await.unwrap();
        assert_eq!(rest, b"down", "what the pod sent, then the end");
        bridged.await.unwrap();
    }

    #[tokio::test]
    async fn the_local_side_ending_first_passes_the_end_on_and_waits_for_the_far_side() {
        use tokio::io::AsyncReadExt;
        let (local, mut client) = tokio::io::duplex(64);
        let (far, mut pod) = tokio::io::duplex(64);
        let bridged = tokio::spawn(bridge(local, far));
        client.write_all(b"last").await.unwrap();
        client.shutdown().await.unwrap();
        let mut got = Vec::new();
        pod.read_to_end(&mut got).await.unwrap();
        assert_eq!(got, b"last");
        assert!(!bridged.is_finished());
        pod.write_all(b"answer").await.unwrap();
        drop(pod);
        let mut answer = Vec::new();
        client.read_to_end(&mut answer).await.unwrap();
        assert_eq!(answer, b"answer");
        bridged.await.unwrap();
    }

    #[tokio::test]
    async fn every_port_listens_on_every_address_with_one_free_port_for_zero() {
        let addresses: Vec<IpAddr> =
            vec!["127.0.0.1".parse().unwrap(), "127.0.0.2".parse().unwrap()];
        let listeners = listen(
            &addresses,
            &[
                Ports {
                    local: 0,
                    remote: 8888,
                },
                Ports {
                    local: 0,
                    remote: 6006,
                },
            ],
        )
        .await
        .unwrap();
        let bound: Vec<(IpAddr, u16)> =
            listeners.iter().map(|l| (l.local.ip(), l.remote)).collect();
        assert_eq!(
            bound,
            [
                (addresses[0], 8888),
                (addresses[1], 8888),
                (addresses[0], 6006),
                (addresses[1], 6006)
            ]
        );
        assert_eq!(listeners[0].local.port(), listeners[1].local.port());
        assert_eq!(listeners[2].local.port(), listeners[3].local.port());
        assert_ne!(listeners[0].local.port(), listeners[2].local.port());
    }

    #[tokio::test]
    async fn port_zero_picks_one_free_port_for_every_address() {
        let listeners = listen(
            &[IpAddr::V4(Ipv4Addr::LOCALHOST)],
            &[Ports {
                local: 0,
                remote: 8888,
            }],
        )
        .await
        .unwrap();
        assert_eq!(listeners.len(), 1);
        assert_ne!(listeners[0].local.port(), 0);
        assert_eq!(listeners[0].remote, 8888);
    }
}
