//! One port of a pod through the API server's `pods/portforward` WebSocket, as a byte stream.
//! devctl speaks the protocol itself (rather than through kube's forwarder, which sends what
//! it reads in 4 KiB messages, each flushed on its own, one direction at a time) so that bulk
//! transfers such as `cp` move in large messages, both directions at once.
//!
//! The protocol (`v4.channel.k8s.io`): binary messages whose first byte is the channel, 0 for
//! the port's data and 1 for its error; the first message on each channel from the server
//! starts with the port number (2 bytes, little-endian).

use bytes::Bytes;
use futures::{SinkExt as _, StreamExt as _};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message;

/// Bytes read from our side per message to the server.
const MESSAGE: usize = 128 * 1024;

/// Bytes from the server queued for our side at most.
const QUEUED: usize = 64 * 1024 * 1024;

const DATA: u8 = 0;
const ERROR: u8 = 1;

/// An open port-forward: the stream, and why it failed, if it did (the receiver gets nothing
/// when it just closed).
pub struct Tunnel {
    pub stream: tokio::io::DuplexStream,
    pub failure: oneshot::Receiver<Failure>,
}

/// How a port-forward failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// What the kubelet said on the error channel: it could not reach the port.
    Refused(String),
    /// The connection to the API server broke (its innermost cause).
    Broke(String),
}

/// How long the API server may take to answer our close before the forward is dropped.
const CLOSE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Opens the port-forward to `port` of `pod` in `namespace`.
pub async fn open(
    client: &kube::Client,
    namespace: &str,
    pod: &str,
    port: u16,
) -> Result<Tunnel, kube::Error> {
    let request = kube::core::Request::new(format!("/api/v1/namespaces/{namespace}/pods"))
        .portforward(pod, &[port])
        .map_err(kube::Error::BuildRequest)?;
    let socket = client.connect(request).await?.into_stream();
    Ok(carry(socket))
}

/// The port-forward protocol over an open WebSocket.
fn carry<S>(socket: tokio_tungstenite::WebSocketStream<S>) -> Tunnel
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut to_server, mut from_server) = socket.split();
    let (ours, theirs) = tokio::io::duplex(MESSAGE);
    let (mut from_us, mut to_us) = tokio::io::split(theirs);
    let (failed, failure) = oneshot::channel();

    // What the server sends is taken at once and queued, up to QUEUED bytes: reading it does
    // not wait on our side reading, so a transfer that fills both directions cannot stall
    // with each side waiting for the other to read (kube's forwarder and russh did), while a
    // reader that stops for good (a stalled app connection) stops the forward's reading
    // instead of filling memory. SSH keeps at most a window (8 MiB) per busy channel unread.
    let room = std::sync::Arc::new(tokio::sync::Semaphore::new(QUEUED));
    let (queue, mut queued) =
        mpsc::unbounded_channel::<(Bytes, tokio::sync::OwnedSemaphorePermit)>();
    let reading = tokio::spawn(async move {
        let mut failed = Some(failed);
        let mut started = [false; 2];
        while let Some(message) = from_server.next().await {
            let message = match message {
                Ok(message) => message,
                // The connection to the API server broke: as good as a refusal to go on.
                Err(e) => {
                    tracing::debug!("the port-forward's WebSocket broke: {e}");
                    if let Some(failed) = failed.take() {
                        let _ = failed.send(Failure::Broke(innermost(&e)));
                    }
                    break;
                }
            };
            let mut data = match message {
                Message::Binary(data) if !data.is_empty() => data,
                Message::Close(_) => break,
                _ => continue,
            };
            let channel = data[0];
            data = data.slice(1..);
            if let Some(started) = started.get_mut(usize::from(channel))
                && !*started
            {
                *started = true;
                data = data.slice(data.len().min(2)..);
            }
            if data.is_empty() {
                continue;
            }
            if channel == DATA {
                let wanted = data.len().min(QUEUED) as u32;
                let Ok(permit) = room.clone().acquire_many_owned(wanted).await else {
                    break;
                };
                if queue.send((data, permit)).is_err() {
                    break;
                }
            } else if channel == ERROR
                && let Some(failed) = failed.take()
            {
                let said = String::from_utf8_lossy(&data);
                let _ = failed.send(Failure::Refused(
                    said.split_whitespace().collect::<Vec<_>>().join(" "),
                ));
            }
        }
    });
    tokio::spawn(async move {
        while let Some((data, _room)) = queued.recv().await {
            if to_us.write_all(&data).await.is_err() {
                return;
            }
        }
        let _ = to_us.shutdown().await;
    });
    tokio::spawn(async move {
        let mut buffer = vec![0u8; MESSAGE + 1];
        loop {
            buffer[0] = DATA;
            let n = match from_us.read(&mut buffer[1..]).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let message = Message::binary(Bytes::copy_from_slice(&buffer[..=n]));
            if to_server.send(message).await.is_err() {
                // The connection is gone: the reading side learns it, and says so.
                break;
            }
        }
        // The protocol cannot half-close a port: our end is the end of the forward. The
        // server answers the close, which ends the reading side once what it sent is read;
        // one that does not answer in time is not left running.
        let _ = to_server.send(Message::Close(None)).await;
        let abort = reading.abort_handle();
        if tokio::time::timeout(CLOSE_TIMEOUT, reading).await.is_err() {
            abort.abort();
        }
    });
    Tunnel {
        stream: ours,
        failure,
    }
}

/// An error's innermost cause, which says what happened (a reset, a TLS connection cut short),
/// without the links some libraries append.
fn innermost(e: &(dyn std::error::Error + 'static)) -> String {
    let mut innermost = e;
    while let Some(source) = innermost.source() {
        innermost = source;
    }
    let text = innermost.to_string();
    text.split(": https://")
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio_tungstenite::WebSocketStream;
    use tokio_tungstenite::tungstenite::protocol::Role;

    /// Our side of a forward and the server's WebSocket, over an in-memory pipe.
    async fn pair() -> (Tunnel, WebSocketStream<tokio::io::DuplexStream>) {
        let (client, server) = tokio::io::duplex(1 << 20);
        let client = WebSocketStream::from_raw_socket(client, Role::Client, None).await;
        let server = WebSocketStream::from_raw_socket(server, Role::Server, None).await;
        (carry(client), server)
    }

    fn frame(channel: u8, data: &[u8]) -> Message {
        let mut bytes = vec![channel];
        bytes.extend_from_slice(data);
        Message::binary(bytes)
    }

    #[tokio::test]
    async fn data_after_the_port_prefix_reaches_us_and_ours_reaches_the_server() {
        let (mut tunnel, mut server) = pair().await;
        server
            .send(frame(DATA, &22u16.to_le_bytes()))
            .await
            .expect("sent");
        server
            .send(frame(ERROR, &22u16.to_le_bytes()))
            .await
            .expect("sent");
        server.send(frame(DATA, b"hello")).await.expect("sent");
        let mut got = [0u8; 5];
        tunnel.stream.read_exact(&mut got).await.expect("read");
        assert_eq!(&got, b"hello");

        tunnel.stream.write_all(b"abc").await.expect("written");
        let message = server.next().await.expect("a message").expect("no error");
        assert_eq!(message.into_data().as_ref(), b"\0abc");
        // The end of ours closes the forward.
        tunnel.stream.shutdown().await.expect("shut down");
        let message = server.next().await.expect("a message").expect("no error");
        assert!(message.is_close(), "{message:?}");
    }

    #[tokio::test]
    async fn the_error_channel_is_a_refusal_and_a_close_is_no_failure() {
        let (tunnel, mut server) = pair().await;
        server
            .send(frame(DATA, &22u16.to_le_bytes()))
            .await
            .expect("sent");
        server
            .send(frame(ERROR, &22u16.to_le_bytes()))
            .await
            .expect("sent");
        server
            .send(frame(
                ERROR,
                b"error forwarding port 22:\n  connection refused",
            ))
            .await
            .expect("sent");
        assert_eq!(
            tunnel.failure.await,
            Ok(Failure::Refused(
                "error forwarding port 22: connection refused".into()
            ))
        );

        let (mut tunnel, mut server) = pair().await;
        server
            .send(frame(DATA, &22u16.to_le_bytes()))
            .await
            .expect("sent");
        server.close(None).await.expect("closed");
        let mut rest = Vec::new();
        tunnel.stream.read_to_end(&mut rest).await.expect("read");
        assert!(rest.is_empty());
        assert!(tunnel.failure.await.is_err(), "a close is not a failure");
    }

    #[tokio::test]
    async fn a_connection_that_breaks_is_a_failure_that_says_so() {
        let (tunnel, server) = pair().await;
        drop(server);
        assert!(matches!(tunnel.failure.await, Ok(Failure::Broke(_))));
    }
}
