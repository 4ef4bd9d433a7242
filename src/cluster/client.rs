//! The HTTP stack under the kube client. kube's default client speaks HTTP/1.1 only, so every
//! request issued while others are in flight opens its own TCP and TLS connection: `status`
//! would open one per permission it checks, and a wave of concurrent creates would wait for
//! handshakes. Like kubectl, devctl offers HTTP/2 (ALPN `h2`, falling back to HTTP/1.1 with a
//! server that does not speak it), so concurrent requests share one connection.
//!
//! Streams that need an HTTP/1.1 upgrade (exec, port-forward) go over HTTP/1.1 connections of
//! their own, as client-go keeps them; everything else shares one HTTP/2 connection, pinged
//! so that a silently dropped one is noticed in seconds.
//!
//! The layers are kube's own (base URI, credentials with exec-plugin refresh, extra headers),
//! plus `-v` logging and devctl's retry policy. An HTTP proxy is reached with `CONNECT`, chosen
//! as kubectl chooses it (kube's choice ignores `NO_PROXY`).

use base64::Engine as _;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connection as _, HttpConnector};
use hyper_util::rt::{TokioExecutor, TokioTimer};
use kube::client::ConfigExt;
use tower::{BoxError, ServiceBuilder};

use super::{http_log, retry};

/// An HTTP proxy that requests to the API server go through, with `CONNECT`.
pub struct Proxy {
    pub uri: http::Uri,
    pub auth: Option<http::HeaderValue>,
}

/// The proxy for `server`, as kubectl picks it: the kubeconfig's `proxy-url`, else
/// `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` (upper or lower case) unless `NO_PROXY` names the
/// server.
pub fn proxy_for(
    kubeconfig_proxy: Option<&str>,
    server: &http::Uri,
) -> Result<Option<Proxy>, kube::Error> {
    if let Some(url) = kubeconfig_proxy.filter(|u| !u.is_empty()) {
        let uri: http::Uri = url.parse().map_err(|e| {
            kube::Error::InferKubeconfig(kube::config::KubeconfigError::ParseProxyUrl(e))
        })?;
        return Ok(Some(without_credentials(uri)));
    }
    let matcher = hyper_util::client::proxy::matcher::Matcher::from_env();
    Ok(matcher.intercept(server).map(|found| {
        let mut proxy = without_credentials(found.uri().clone());
        proxy.auth = proxy.auth.or_else(|| found.basic_auth().cloned());
        proxy
    }))
}

/// Moves `user:password@` out of a proxy URL into a `Proxy-Authorization` value, so that the
/// URL can be shown.
fn without_credentials(uri: http::Uri) -> Proxy {
    let Some(authority) = uri.authority().cloned() else {
        return Proxy { uri, auth: None };
    };
    let Some((userinfo, host)) = authority.as_str().rsplit_once('@') else {
        return Proxy { uri, auth: None };
    };
    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let token = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        decode(user),
        decode(password)
    ));
    let auth = http::HeaderValue::from_str(&format!("Basic {token}"))
        .ok()
        .map(|mut v| {
            v.set_sensitive(true);
            v
        });
    let mut parts = uri.into_parts();
    parts.authority = host.parse().ok();
    let uri = http::Uri::from_parts(parts).unwrap_or_default();
    Proxy { uri, auth }
}

/// Builds a client for `config`, through `proxy` if one is given, logging requests at
/// `verbosity`, each request limited to `request_timeout` if given.
pub fn build(
    mut config: kube::Config,
    proxy: Option<Proxy>,
    verbosity: u8,
    request_timeout: Option<std::time::Duration>,
) -> Result<kube::Client, kube::Error> {
    // kube's own pick ignores NO_PROXY; `proxy_for` made the choice.
    config.proxy_url = None;
    let mut tcp = HttpConnector::new();
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    // The HTTP/1.1 streams (exec, port-forward) have no pings of their own: the kernel's
    // keepalive notices a peer that vanished.
    tcp.set_keepalive(Some(std::time::Duration::from_secs(15)));
    tcp.set_keepalive_interval(Some(std::time::Duration::from_secs(5)));
    tcp.set_keepalive_retries(Some(3));
    match proxy {
        None => with_connector(config, tcp, verbosity, request_timeout),
        Some(proxy) if proxy.uri.scheme_str() == Some("http") => {
            let mut tunnel = Tunnel::new(proxy.uri, tcp);
            if let Some(auth) = proxy.auth {
                tunnel = tunnel.with_auth(auth);
            }
            with_connector(config, tunnel, verbosity, request_timeout)
        }
        Some(proxy) => Err(kube::Error::ProxyProtocolUnsupported {
            proxy_url: Box::new(proxy.uri),
        }),
    }
}

fn with_connector<C>(
    config: kube::Config,
    connector: C,
    verbosity: u8,
    request_timeout: Option<std::time::Duration>,
) -> Result<kube::Client, kube::Error>
where
    C: tower::Service<http::Uri> + Clone + Send + Sync + 'static,
    C::Response: hyper::rt::Read
        + hyper::rt::Write
        + hyper_util::client::legacy::connect::Connection
        + Send
        + Unpin
        + 'static,
    C::Future: Send + 'static,
    C::Error: Into<BoxError>,
{
    // Built once: with an exec credential plugin, reading the client identity runs it.
    let rustls_config = config.rustls_client_config()?;
    let tls = || -> Result<_, kube::Error> {
        let mut tls = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(rustls_config.clone())
            .https_or_http();
        if let Some(name) = &config.tls_server_name {
            let name = name
                .clone()
                .try_into()
                .map_err(kube::client::RustlsTlsError::InvalidServerName)
                .map_err(kube::Error::RustlsTls)?;
            tls = tls.with_server_name_resolver(hyper_rustls::FixedServerNameResolver::new(name));
        }
        Ok(tls)
    };
    // A plain-HTTP server is spoken to in HTTP/1.1, as kubectl does; over TLS the server's
    // ALPN answer decides, learnt on the first connection.
    let protocol = Protocol::new(if config.cluster_url.scheme_str() == Some("http") {
        Known::Http1
    } else {
        Known::Unknown
    });
    // The timeout inside, so that a connect that times out is recorded as the failure the
    // waiting requests report.
    let mut timed = hyper_timeout::TimeoutConnector::new(
        tls()?
            .enable_http1()
            .enable_http2()
            .wrap_connector(connector.clone()),
    );
    timed.set_connect_timeout(config.connect_timeout);
    let h2_connector = RequireHttp2 {
        inner: timed,
        protocol: protocol.clone(),
    };
    let mut h1_connector =
        hyper_timeout::TimeoutConnector::new(tls()?.enable_http1().wrap_connector(connector));
    h1_connector.set_connect_timeout(config.connect_timeout);
    let dispatch = Dispatch::new(h2_connector, h1_connector, protocol);

    let service = ServiceBuilder::new()
        .layer(config.base_uri_layer())
        .layer(tower::retry::RetryLayer::new(retry::Transient::new(
            verbosity,
        )))
        .layer(http_log::HttpLog::new(verbosity))
        .layer(RequestTimeoutLayer {
            limit: request_timeout,
        })
        .option_layer(config.auth_layer()?)
        .layer(config.extra_headers_layer()?)
        .map_err(BoxError::from)
        .service(dispatch);
    Ok(kube::Client::new(service, config.default_namespace))
}

/// How often an HTTP/2 connection with requests open is pinged, and how long an answer may
/// take: a connection that a NAT or a dead peer dropped silently fails its watches and
/// streams within seconds, and they reconnect, instead of hanging until a `--timeout`.
const KEEPALIVE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);
const KEEPALIVE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// What the server speaks, as far as this client knows.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Known {
    Unknown,
    Http2,
    Http1,
}

/// The protocol the API server chose, shared by the connectors and the dispatcher, and why
/// the last HTTP/2 connect failed (until one succeeds).
#[derive(Clone)]
struct Protocol {
    known: std::sync::Arc<std::sync::Mutex<Known>>,
    connect_failure: std::sync::Arc<std::sync::Mutex<Option<SharedError>>>,
}

impl Protocol {
    fn new(known: Known) -> Protocol {
        Protocol {
            known: std::sync::Arc::new(std::sync::Mutex::new(known)),
            connect_failure: Default::default(),
        }
    }

    fn get(&self) -> Known {
        *self.known.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set(&self, known: Known) {
        *self.known.lock().unwrap_or_else(|p| p.into_inner()) = known;
    }

    fn connect_failed(&self, failure: Option<SharedError>) {
        *self
            .connect_failure
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = failure;
    }

    fn connect_failure(&self) -> Option<SharedError> {
        self.connect_failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// A connect failure that every request waiting for that connection reports: hyper tells
/// the waiters only that their request was canceled, and the cause (a TLS failure, a refused
/// connection) is what the user must see.
#[derive(Clone, Debug)]
struct SharedError(std::sync::Arc<dyn std::error::Error + Send + Sync>);

impl std::fmt::Display for SharedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for SharedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

/// The connector of the HTTP/2-only pool: a connection on which the server did not choose
/// `h2` is refused (and the server remembered as HTTP/1.1), so that the dispatcher sends the
/// request again over HTTP/1.1. Nothing was sent on it.
#[derive(Clone)]
struct RequireHttp2<C> {
    inner: C,
    protocol: Protocol,
}

#[derive(Debug, thiserror::Error)]
#[error("the API server does not speak HTTP/2")]
struct NotHttp2;

impl<C> tower::Service<http::Uri> for RequireHttp2<C>
where
    C: tower::Service<http::Uri> + Clone + Send + 'static,
    C::Response: hyper_util::client::legacy::connect::Connection + Send,
    C::Future: Send,
    C::Error: Into<BoxError>,
{
    type Response = C::Response;
    type Error = BoxError;
    type Future = futures::future::BoxFuture<'static, Result<C::Response, BoxError>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, uri: http::Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let protocol = self.protocol.clone();
        // What the waiting requests report is this connect's outcome, not an earlier one's.
        protocol.connect_failed(None);
        Box::pin(async move {
            let io = match connecting.await {
                Ok(io) => io,
                Err(e) => {
                    let failure = SharedError(std::sync::Arc::from(e.into()));
                    protocol.connect_failed(Some(failure.clone()));
                    return Err(failure.into());
                }
            };
            protocol.connect_failed(None);
            if io.connected().is_negotiated_h2() {
                protocol.set(Known::Http2);
                Ok(io)
            } else {
                protocol.set(Known::Http1);
                Err(NotHttp2.into())
            }
        })
    }
}

type Pool<C> = hyper_util::client::legacy::Client<C, kube::client::Body>;

/// Sends each request over the connection that can carry it: HTTP/1.1 upgrades (exec,
/// port-forward: an upgrade cannot ride an HTTP/2 stream) and everything with an HTTP/1.1
/// server over the HTTP/1.1 pool, the rest over the one shared HTTP/2 connection. Until the
/// first connection has told which the server speaks, requests try HTTP/2 and go again over
/// HTTP/1.1 when the server turns out not to speak it, so no spare connection is opened
/// either way.
#[derive(Clone)]
struct Dispatch<C2, C1> {
    h2: Pool<C2>,
    h1: Pool<C1>,
    protocol: Protocol,
}

impl<C2, C1> Dispatch<C2, C1>
where
    C2: hyper_util::client::legacy::connect::Connect + Clone + Send + Sync + 'static,
    C1: hyper_util::client::legacy::connect::Connect + Clone + Send + Sync + 'static,
{
    fn new(h2: C2, h1: C1, protocol: Protocol) -> Self {
        let h2 = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .timer(TokioTimer::new())
            .pool_timer(TokioTimer::new())
            // With HTTP/2 only, hyper makes one connection however many requests wait for it.
            .http2_only(true)
            .http2_keep_alive_interval(KEEPALIVE_INTERVAL)
            .http2_keep_alive_timeout(KEEPALIVE_TIMEOUT)
            .build(h2);
        let h1 = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .timer(TokioTimer::new())
            .pool_timer(TokioTimer::new())
            .build(h1);
        Dispatch { h2, h1, protocol }
    }
}

impl<C2, C1> tower::Service<http::Request<kube::client::Body>> for Dispatch<C2, C1>
where
    C2: hyper_util::client::legacy::connect::Connect + Clone + Send + Sync + 'static,
    C1: hyper_util::client::legacy::connect::Connect + Clone + Send + Sync + 'static,
{
    type Response = http::Response<hyper::body::Incoming>;
    type Error = BoxError;
    type Future = futures::future::BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<kube::client::Body>) -> Self::Future {
        let (h2, h1) = (self.h2.clone(), self.h1.clone());
        if is_upgrade(&request) {
            return Box::pin(async move {
                let answer = h1.request(request).await?;
                let chosen = answer
                    .headers()
                    .get(http::header::SEC_WEBSOCKET_PROTOCOL)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                *LAST_SUBPROTOCOL.lock().unwrap_or_else(|p| p.into_inner()) = chosen;
                Ok(answer)
            });
        }
        if self.protocol.get() == Known::Http1 {
            return Box::pin(async move { Ok(h1.request(request).await?) });
        }
        let protocol = self.protocol.clone();
        Box::pin(async move {
            let mut request = request;
            let mut abandoned = 0;
            loop {
                let again = copy(&request);
                match (h2.request(request).await, again) {
                    (Err(_), Some(again)) if protocol.get() == Known::Http1 => {
                        return Ok(h1.request(again).await?);
                    }
                    (Err(e), again) => match (protocol.connect_failure(), again) {
                        (Some(failure), _) => return Err(failure.into()),
                        // The connect this request waited for ended without failing: the
                        // request that made it was dropped (its own timeout, a caller that
                        // went away), and hyper tells the others only that they were
                        // canceled. Nothing was sent: go again, making the connect now.
                        (None, Some(again))
                            if e.is_connect() && abandoned < MAX_ABANDONED_CONNECTS =>
                        {
                            abandoned += 1;
                            request = again;
                        }
                        (None, _) => return Err(e.into()),
                    },
                    (Ok(answer), _) => return Ok(answer),
                }
            }
        })
    }
}

/// How many times a request goes again after the connect it waited for was given up by the
/// request that made it (each time, one of the waiters makes the next connect).
const MAX_ABANDONED_CONNECTS: u32 = 8;

/// The WebSocket subprotocol the API server chose for this process's latest upgrade. kube
/// keeps it to itself, and `exec -i` must know whether the end of its input can be passed on
/// (`v5.channel.k8s.io`) or not (`v4.channel.k8s.io`, before Kubernetes 1.30).
static LAST_SUBPROTOCOL: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// See [`LAST_SUBPROTOCOL`].
pub fn last_subprotocol() -> Option<String> {
    LAST_SUBPROTOCOL
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

fn is_upgrade<B>(request: &http::Request<B>) -> bool {
    request.headers().contains_key(http::header::UPGRADE)
}

/// A copy of a request whose body can be copied (kube's bodies are bytes, bar streams).
fn copy(request: &http::Request<kube::client::Body>) -> Option<http::Request<kube::client::Body>> {
    let mut copy = http::Request::new(request.body().try_clone()?);
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    Some(copy)
}

/// `--request-timeout`: the limit on each request until its answer's headers arrive, as
/// kubectl's. Watches, followed logs and upgraded streams (exec, port-forward) are exempt:
/// they are meant to stay open.
#[derive(Clone)]
struct RequestTimeoutLayer {
    limit: Option<std::time::Duration>,
}

impl<S> tower::Layer<S> for RequestTimeoutLayer {
    type Service = RequestTimeout<S>;

    fn layer(&self, inner: S) -> RequestTimeout<S> {
        RequestTimeout {
            inner,
            limit: self.limit,
        }
    }
}

#[derive(Clone)]
struct RequestTimeout<S> {
    inner: S,
    limit: Option<std::time::Duration>,
}

impl<S, B, R> tower::Service<http::Request<B>> for RequestTimeout<S>
where
    S: tower::Service<http::Request<B>, Response = R>,
    S::Error: Into<BoxError>,
    S::Future: Send + 'static,
{
    type Response = R;
    type Error = BoxError;
    type Future = futures::future::BoxFuture<'static, Result<R, BoxError>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let limit = self.limit.filter(|_| !stays_open(&request));
        let answer = self.inner.call(request);
        Box::pin(async move {
            let Some(limit) = limit else {
                return answer.await.map_err(Into::into);
            };
            match tokio::time::timeout(limit, answer).await {
                Ok(answered) => answered.map_err(Into::into),
                Err(_) => Err(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!(
                        "no answer within the request timeout of {}",
                        humantime_secs(limit)
                    ),
                )
                .into()),
            }
        })
    }
}

fn humantime_secs(d: std::time::Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

/// Whether a request is meant to stay open: a watch, a followed log, an upgrade.
fn stays_open<B>(request: &http::Request<B>) -> bool {
    if is_upgrade(request) {
        return true;
    }
    request.uri().query().is_some_and(|query| {
        query
            .split('&')
            .any(|pair| matches!(pair, "watch=true" | "watch=1" | "follow=true" | "follow=1"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::{Layer as _, Service as _};

    fn request(uri: &str) -> http::Request<()> {
        http::Request::get(uri).body(()).unwrap()
    }

    #[test]
    fn watches_followed_logs_and_upgrades_are_exempt_from_the_request_timeout() {
        for open in [
            "/api/v1/namespaces/a/pods?watch=true&resourceVersion=5",
            "/api/v1/namespaces/a/pods?fieldSelector=x&watch=1",
            "/api/v1/namespaces/a/pods/p/log?follow=true&container=devserver",
        ] {
            assert!(stays_open(&request(open)), "{open}");
        }
        let mut upgrade = request("/api/v1/namespaces/a/pods/p/exec?command=true");
        upgrade
            .headers_mut()
            .insert(http::header::UPGRADE, "websocket".parse().unwrap());
        assert!(stays_open(&upgrade));
        for closed in [
            "/api/v1/namespaces/a/pods",
            "/api/v1/namespaces/a/pods?labelSelector=watch%3Dtrue",
            "/api/v1/namespaces/a/pods/p/log?follow=false",
        ] {
            assert!(!stays_open(&request(closed)), "{closed}");
        }
    }

    #[test]
    fn a_request_with_a_body_is_copied_whole() {
        let mut original = http::Request::post("https://api.example/api/v1/namespaces/a/pods")
            .header("content-type", "application/json")
            .body(kube::client::Body::from(b"{}".to_vec()))
            .unwrap();
        *original.version_mut() = http::Version::HTTP_11;
        let copied = copy(&original).unwrap();
        assert_eq!(copied.method(), original.method());
        assert_eq!(copied.uri(), original.uri());
        assert_eq!(copied.headers(), original.headers());
        assert_eq!(copied.version(), original.version());
    }

    /// An in-process API server on one end of a pipe: answers every request with 200 and
    /// `ok`, and a watch with headers and a body that never ends.
    fn serve(io: tokio::io::DuplexStream, h2: bool) {
        let service = hyper::service::service_fn(
            |request: http::Request<hyper::body::Incoming>| async move {
                let body = if stays_open(&request) {
                    Answer::Forever
                } else {
                    Answer::Ok(Some(bytes::Bytes::from_static(b"ok")))
                };
                Ok::<_, std::convert::Infallible>(http::Response::new(body))
            },
        );
        let io = hyper_util::rt::TokioIo::new(io);
        tokio::spawn(async move {
            if h2 {
                let _ = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                    .timer(TokioTimer::new())
                    .serve_connection(io, service)
                    .await;
            } else {
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            }
        });
    }

    enum Answer {
        Ok(Option<bytes::Bytes>),
        Forever,
    }

    impl http_body::Body for Answer {
        type Data = bytes::Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, Self::Error>>> {
            match self.get_mut() {
                Answer::Ok(data) => {
                    std::task::Poll::Ready(data.take().map(|d| Ok(http_body::Frame::data(d))))
                }
                Answer::Forever => std::task::Poll::Pending,
            }
        }
    }

    /// The client's end of a pipe to `serve`; once `frozen`, it neither delivers nor sends a
    /// byte, as a connection that a NAT dropped silently.
    struct Pipe {
        io: tokio::io::DuplexStream,
        h2: bool,
        frozen: std::sync::Arc<std::sync::atomic::AtomicBool>,
    }

    impl hyper_util::client::legacy::connect::Connection for Pipe {
        fn connected(&self) -> hyper_util::client::legacy::connect::Connected {
            let connected = hyper_util::client::legacy::connect::Connected::new();
            if self.h2 {
                connected.negotiated_h2()
            } else {
                connected
            }
        }
    }

    impl tokio::io::AsyncRead for Pipe {
        fn poll_read(
            self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
            buf: &mut tokio::io::ReadBuf<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            let this = self.get_mut();
            if this.frozen.load(std::sync::atomic::Ordering::SeqCst) {
                return std::task::Poll::Pending;
            }
            std::pin::Pin::new(&mut this.io).poll_read(cx, buf)
        }
    }

    impl tokio::io::AsyncWrite for Pipe {
        fn poll_write(
            self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
            buf: &[u8],
        ) -> std::task::Poll<std::io::Result<usize>> {
            let this = self.get_mut();
            if this.frozen.load(std::sync::atomic::Ordering::SeqCst) {
                return std::task::Poll::Ready(Ok(buf.len()));
            }
            std::pin::Pin::new(&mut this.io).poll_write(cx, buf)
        }

        fn poll_flush(
            self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::pin::Pin::new(&mut self.get_mut().io).poll_flush(cx)
        }

        fn poll_shutdown(
            self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::pin::Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
        }
    }

    /// Connects to a fresh in-process server that speaks HTTP/2 if `h2`; counts its connects.
    #[derive(Clone)]
    struct InProcess {
        h2: bool,
        connects: std::sync::Arc<std::sync::atomic::AtomicUsize>,
        frozen: std::sync::Arc<std::sync::atomic::AtomicBool>,
    }

    impl InProcess {
        fn new(h2: bool) -> InProcess {
            InProcess {
                h2,
                connects: Default::default(),
                frozen: Default::default(),
            }
        }

        fn connects(&self) -> usize {
            self.connects.load(std::sync::atomic::Ordering::SeqCst)
        }
    }

    impl tower::Service<http::Uri> for InProcess {
        type Response = hyper_util::rt::TokioIo<Pipe>;
        type Error = std::io::Error;
        type Future = futures::future::BoxFuture<'static, Result<Self::Response, std::io::Error>>;

        fn poll_ready(
            &mut self,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Self::Error>> {
            std::task::Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: http::Uri) -> Self::Future {
            self.connects
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let (client, server) = tokio::io::duplex(64 * 1024);
            // The server speaks what the "ALPN" agreed on.
            serve(server, self.h2);
            let pipe = Pipe {
                io: client,
                h2: self.h2,
                frozen: self.frozen.clone(),
            };
            Box::pin(async move {
                // A handshake takes a moment, so that concurrent requests find it under way.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                Ok(hyper_util::rt::TokioIo::new(pipe))
            })
        }
    }

    /// A dispatcher over in-process servers, as `with_connector` builds it over TLS.
    fn dispatch(
        server: &InProcess,
        known: Known,
    ) -> (Dispatch<RequireHttp2<InProcess>, InProcess>, InProcess) {
        let protocol = Protocol::new(known);
        let h1_server = InProcess::new(false);
        let h2 = RequireHttp2 {
            inner: server.clone(),
            protocol: protocol.clone(),
        };
        (Dispatch::new(h2, h1_server.clone(), protocol), h1_server)
    }

    fn get(path: &str) -> http::Request<kube::client::Body> {
        http::Request::get(format!("http://api.example{path}"))
            .body(kube::client::Body::empty())
            .unwrap()
    }

    #[tokio::test]
    async fn concurrent_first_requests_share_one_http2_connection() {
        let server = InProcess::new(true);
        let (dispatch, h1_server) = dispatch(&server, Known::Unknown);
        let answers = futures::future::join_all(
            (0..20).map(|i| tower::ServiceExt::oneshot(dispatch.clone(), get(&format!("/{i}")))),
        )
        .await;
        assert!(
            answers
                .iter()
                .all(|a| a.as_ref().is_ok_and(|r| r.status() == 200))
        );
        assert_eq!(server.connects(), 1);
        assert_eq!(h1_server.connects(), 0);
    }

    /// A connector whose every connect fails after a moment, as a server with a certificate
    /// the client does not trust.
    #[derive(Clone)]
    struct Failing;

    impl tower::Service<http::Uri> for Failing {
        type Response = hyper_util::rt::TokioIo<Pipe>;
        type Error = std::io::Error;
        type Future = futures::future::BoxFuture<'static, Result<Self::Response, std::io::Error>>;

        fn poll_ready(
            &mut self,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Self::Error>> {
            std::task::Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: http::Uri) -> Self::Future {
            Box::pin(async {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                Err(std::io::Error::other("certificate not trusted"))
            })
        }
    }

    #[tokio::test]
    async fn requests_waiting_for_a_connection_that_fails_report_why_it_failed() {
        let protocol = Protocol::new(Known::Unknown);
        let h2 = RequireHttp2 {
            inner: Failing,
            protocol: protocol.clone(),
        };
        let dispatch = Dispatch::new(h2, Failing, protocol);
        let answers = futures::future::join_all(
            (0..5).map(|i| tower::ServiceExt::oneshot(dispatch.clone(), get(&format!("/{i}")))),
        )
        .await;
        for answer in answers {
            let err = answer.unwrap_err();
            let chain: Vec<String> = crate::cluster::errors::chain(&*err)
                .iter()
                .map(|e| e.to_string())
                .collect();
            assert!(
                chain.iter().any(|e| e.contains("certificate not trusted")),
                "{chain:?}"
            );
        }
    }

    #[tokio::test]
    async fn a_server_without_http2_is_asked_again_over_http1_and_remembered() {
        let server = InProcess::new(false);
        let (dispatch, h1_server) = dispatch(&server, Known::Unknown);
        let answers = futures::future::join_all(
            (0..3).map(|i| tower::ServiceExt::oneshot(dispatch.clone(), get(&format!("/{i}")))),
        )
        .await;
        assert!(
            answers
                .iter()
                .all(|a| a.as_ref().is_ok_and(|r| r.status() == 200)),
            "{answers:?}"
        );
        // One connection told that the server speaks HTTP/1.1; nothing was sent on it.
        assert_eq!(server.connects(), 1);
        assert_eq!(dispatch.protocol.get(), Known::Http1);
        let later = tower::ServiceExt::oneshot(dispatch.clone(), get("/later")).await;
        assert!(later.is_ok_and(|r| r.status() == 200));
        assert_eq!(
            server.connects(),
            1,
            "later requests go straight to HTTP/1.1"
        );
        assert!(h1_server.connects() >= 1);
    }

    #[tokio::test]
    async fn upgrades_go_over_http1_even_to_an_http2_server() {
        let server = InProcess::new(true);
        let (dispatch, h1_server) = dispatch(&server, Known::Http2);
        let mut upgrade = get("/api/v1/namespaces/a/pods/p/exec");
        upgrade
            .headers_mut()
            .insert(http::header::UPGRADE, "websocket".parse().unwrap());
        let answered = tower::ServiceExt::oneshot(dispatch.clone(), upgrade).await;
        assert!(answered.is_ok());
        assert_eq!((server.connects(), h1_server.connects()), (0, 1));
    }

    /// A connector whose connects never finish, as a server that takes the TCP connection and
    /// never answers the TLS handshake; counts its connects.
    #[derive(Clone, Default)]
    struct Silent {
        connects: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }

    impl tower::Service<http::Uri> for Silent {
        type Response = hyper_util::rt::TokioIo<Pipe>;
        type Error = std::io::Error;
        type Future = futures::future::BoxFuture<'static, Result<Self::Response, std::io::Error>>;

        fn poll_ready(
            &mut self,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Self::Error>> {
            std::task::Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: http::Uri) -> Self::Future {
            self.connects
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Box::pin(futures::future::pending())
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_whose_connect_was_given_up_by_another_times_out_on_its_own() {
        let silent = Silent::default();
        let protocol = Protocol::new(Known::Unknown);
        let h2 = RequireHttp2 {
            inner: silent.clone(),
            protocol: protocol.clone(),
        };
        let dispatch = Dispatch::new(h2, silent.clone(), protocol);
        let limited = |secs| {
            RequestTimeoutLayer {
                limit: Some(std::time::Duration::from_secs(secs)),
            }
            .layer(dispatch.clone())
        };
        // The first request makes the connection that the second one waits for, and gives
        // up on it first.
        let first = tokio::spawn(tower::ServiceExt::oneshot(limited(1), get("/first")));
        while silent.connects.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        let second = tower::ServiceExt::oneshot(limited(2), get("/second")).await;
        for (which, answer) in [("first", first.await.unwrap()), ("second", second)] {
            let err = answer.err().unwrap();
            let io = err.downcast_ref::<std::io::Error>();
            assert_eq!(
                io.map(|e| e.kind()),
                Some(std::io::ErrorKind::TimedOut),
                "{which}: {err}"
            );
        }
        assert_eq!(
            silent.connects.load(std::sync::atomic::Ordering::SeqCst),
            2,
            "the second request made a connect of its own"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_silently_dropped_http2_connection_fails_its_watch_within_seconds() {
        use http_body_util::BodyExt as _;
        let server = InProcess::new(true);
        let (dispatch, _) = dispatch(&server, Known::Unknown);
        let watch = tower::ServiceExt::oneshot(dispatch.clone(), get("/pods?watch=true"))
            .await
            .unwrap();
        server
            .frozen
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let started = tokio::time::Instant::now();
        let mut body = watch.into_body();
        let ended = tokio::time::timeout(std::time::Duration::from_secs(60), body.frame()).await;
        assert!(
            matches!(ended, Ok(Some(Err(_))) | Ok(None)),
            "the watch must fail, not hang: {ended:?}"
        );
        assert!(
            started.elapsed()
                <= KEEPALIVE_INTERVAL + KEEPALIVE_TIMEOUT + std::time::Duration::from_secs(1)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_request_timeout_ends_a_request_but_not_a_watch() {
        let server = InProcess::new(true);
        let (dispatch, _) = dispatch(&server, Known::Unknown);
        let mut timed = RequestTimeoutLayer {
            limit: Some(std::time::Duration::from_secs(2)),
        }
        .layer(dispatch);
        // The connection is made, then freezes: the plain request gets no answer.
        let watch = tower::ServiceExt::ready(&mut timed)
            .await
            .unwrap()
            .call(get("/pods?watch=true"))
            .await;
        assert!(
            watch.is_ok(),
            "a watch is answered and stays open past the limit"
        );
        server
            .frozen
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let plain = tower::ServiceExt::ready(&mut timed)
            .await
            .unwrap()
            .call(get("/pods"))
            .await;
        let err = plain.err().unwrap();
        let io = err.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::TimedOut);
        assert!(io.to_string().contains("2s"), "{io}");
    }

    #[test]
    fn proxy_credentials_leave_the_url_for_a_header() {
        let proxy = without_credentials("http://al%40ice:s3cret@proxy.corp:3128".parse().unwrap());
        assert_eq!(proxy.uri.to_string(), "http://proxy.corp:3128/");
        let auth = proxy.auth.unwrap();
        assert!(auth.is_sensitive());
        // base64 of "al@ice:s3cret"
        assert_eq!(auth.to_str().unwrap(), "Basic YWxAaWNlOnMzY3JldA==");
        let plain = without_credentials("http://proxy.corp:3128".parse().unwrap());
        assert!(plain.auth.is_none());
    }
}
