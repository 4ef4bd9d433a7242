//! The HTTP stack under the kube client. kube's default client speaks HTTP/1.1 only, so every
//! request issued while others are in flight opens its own TCP and TLS connection: `status`
//! would open one per permission it checks, and a wave of concurrent creates would wait for
//! handshakes. Like kubectl, devctl offers HTTP/2 (ALPN `h2`, falling back to HTTP/1.1 with a
//! server that does not speak it), so concurrent requests share one connection.
//!
//! Streams that need an HTTP/1.1 upgrade (exec, port-forward) need a client of their own
//! without `h2`, as client-go keeps one; none of today's commands opens one.
//!
//! The layers are kube's own (base URI, credentials with exec-plugin refresh, extra headers),
//! plus `-v` logging and devctl's retry policy. An HTTP proxy is reached with `CONNECT`, chosen
//! as kubectl chooses it (kube's choice ignores `NO_PROXY`).

use base64::Engine as _;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connection as _, HttpConnector};
use hyper_util::rt::TokioExecutor;
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
/// `verbosity`.
pub fn build(
    mut config: kube::Config,
    proxy: Option<Proxy>,
    verbosity: u8,
) -> Result<kube::Client, kube::Error> {
    // kube's own pick ignores NO_PROXY; `proxy_for` made the choice.
    config.proxy_url = None;
    let mut tcp = HttpConnector::new();
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    match proxy {
        None => with_connector(config, tcp, verbosity),
        Some(proxy) if proxy.uri.scheme_str() == Some("http") => {
            let mut tunnel = Tunnel::new(proxy.uri, tcp);
            if let Some(auth) = proxy.auth {
                tunnel = tunnel.with_auth(auth);
            }
            with_connector(config, tunnel, verbosity)
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
    let mut tls = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(config.rustls_client_config()?)
        .https_or_http();
    if let Some(name) = &config.tls_server_name {
        let name = name
            .clone()
            .try_into()
            .map_err(kube::client::RustlsTlsError::InvalidServerName)
            .map_err(kube::Error::RustlsTls)?;
        tls = tls.with_server_name_resolver(hyper_rustls::FixedServerNameResolver::new(name));
    }
    let https = tls.enable_http1().enable_http2().wrap_connector(connector);

    let mut connector = hyper_timeout::TimeoutConnector::new(FirstConnectionAlone::new(https));
    connector.set_connect_timeout(config.connect_timeout);
    connector.set_read_timeout(config.read_timeout);
    connector.set_write_timeout(config.write_timeout);
    let http = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
        .build::<_, kube::client::Body>(connector);

    let service = ServiceBuilder::new()
        .layer(config.base_uri_layer())
        .layer(tower::retry::RetryLayer::new(retry::Transient::new(
            verbosity,
        )))
        .layer(http_log::HttpLog::new(verbosity))
        .option_layer(config.auth_layer()?)
        .layer(config.extra_headers_layer()?)
        .map_err(BoxError::from)
        .service(http);
    Ok(kube::Client::new(service, config.default_namespace))
}

/// Where the first connection of a client stands.
#[derive(Clone, Copy, PartialEq)]
enum First {
    NotYet,
    Connecting,
    /// Made; whether the server chose HTTP/2.
    Made {
        h2: bool,
    },
}

/// The requests of a command's first wave all find the pool empty, and hyper starts a
/// connection for each before it can know that the server speaks HTTP/2 (a TLS handshake
/// each: 41 for `status`). This connector lets the first connection be made alone: the others
/// wait for it; when it turned out HTTP/2, they stay pending, so that hyper hands their
/// requests the shared connection; otherwise (HTTP/1.1, or it failed) they connect themselves.
#[derive(Clone)]
struct FirstConnectionAlone<C> {
    inner: C,
    first: std::sync::Arc<tokio::sync::watch::Sender<First>>,
}

/// How long a waiting connect stays pending before it connects after all, in case the shared
/// connection never reaches the pool (a failed HTTP/2 handshake).
const SHARED_CONNECTION_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

impl<C> FirstConnectionAlone<C> {
    fn new(inner: C) -> Self {
        FirstConnectionAlone {
            inner,
            first: std::sync::Arc::new(tokio::sync::watch::Sender::new(First::NotYet)),
        }
    }
}

impl<C> tower::Service<http::Uri> for FirstConnectionAlone<C>
where
    C: tower::Service<http::Uri> + Clone + Send + 'static,
    C::Response: hyper_util::client::legacy::connect::Connection + Send,
    C::Future: Send,
    C::Error: Send,
{
    type Response = C::Response;
    type Error = C::Error;
    type Future = futures::future::BoxFuture<'static, Result<C::Response, C::Error>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, uri: http::Uri) -> Self::Future {
        let mut before = First::NotYet;
        self.first.send_if_modified(|state| {
            before = *state;
            if before == First::NotYet {
                *state = First::Connecting;
            }
            before == First::NotYet
        });
        let leads = before == First::NotYet;
        let first = self.first.clone();
        let mut waiting = first.subscribe();
        let inner = self.inner.clone();
        // Only connects that arrive while the first is being made wait for it; later ones (a
        // dropped connection replaced, HTTP/1.1 connections) go ahead.
        let connecting = (before != First::Connecting).then(|| self.inner.call(uri.clone()));
        Box::pin(async move {
            if let Some(connecting) = connecting {
                // The lead tells the waiters how it went when it ends, also when it is
                // dropped half-way (a timeout, a cancelled request).
                let mut lead = leads.then(|| Lead {
                    first: first.clone(),
                    h2: false,
                });
                let made = connecting.await;
                if let Some(lead) = &mut lead {
                    lead.h2 = made
                        .as_ref()
                        .is_ok_and(|io| io.connected().is_negotiated_h2());
                }
                return made;
            }
            let state = waiting
                .wait_for(|s| *s != First::Connecting)
                .await
                .map(|s| *s)
                .unwrap_or(First::Made { h2: false });
            if state == (First::Made { h2: true }) {
                tokio::time::sleep(SHARED_CONNECTION_GRACE).await;
            }
            tower::ServiceExt::oneshot(inner, uri).await
        })
    }
}

/// The leading connect: when it ends, finished or dropped, the waiters learn whether the
/// server chose HTTP/2 (a connect that did not finish counts as not).
struct Lead {
    first: std::sync::Arc<tokio::sync::watch::Sender<First>>,
    h2: bool,
}

impl Drop for Lead {
    fn drop(&mut self) {
        self.first.send_replace(First::Made { h2: self.h2 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use hyper_util::client::legacy::connect::Connected;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tower::ServiceExt as _;

    struct FakeIo {
        h2: bool,
    }

    impl hyper_util::client::legacy::connect::Connection for FakeIo {
        fn connected(&self) -> Connected {
            let connected = Connected::new();
            if self.h2 {
                connected.negotiated_h2()
            } else {
                connected
            }
        }
    }

    /// Connects after `release` is notified, with the protocol given; counts its connects.
    #[derive(Clone)]
    struct FakeConnector {
        h2: bool,
        connects: Arc<AtomicUsize>,
        release: Arc<tokio::sync::Semaphore>,
    }

    impl tower::Service<http::Uri> for FakeConnector {
        type Response = FakeIo;
        type Error = std::io::Error;
        type Future = futures::future::BoxFuture<'static, Result<FakeIo, std::io::Error>>;

        fn poll_ready(
            &mut self,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Self::Error>> {
            std::task::Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: http::Uri) -> Self::Future {
            self.connects.fetch_add(1, Ordering::SeqCst);
            let (h2, release) = (self.h2, self.release.clone());
            Box::pin(async move {
                release.acquire().await.map(|p| p.forget()).ok();
                Ok(FakeIo { h2 })
            })
        }
    }

    fn fake(h2: bool) -> (FirstConnectionAlone<FakeConnector>, FakeConnector) {
        let inner = FakeConnector {
            h2,
            connects: Arc::new(AtomicUsize::new(0)),
            release: Arc::new(tokio::sync::Semaphore::new(0)),
        };
        (FirstConnectionAlone::new(inner.clone()), inner)
    }

    const SHORT: std::time::Duration = std::time::Duration::from_millis(100);

    #[tokio::test]
    async fn with_http2_the_first_wave_makes_one_connection() {
        let (gate, inner) = fake(true);
        let uri = http::Uri::from_static("https://api.example:6443");
        let lead = tokio::spawn(gate.clone().oneshot(uri.clone()));
        let waiters: Vec<_> = (0..3)
            .map(|_| tokio::spawn(gate.clone().oneshot(uri.clone())))
            .collect();
        // Every connect is asked for while the first is still being made.
        tokio::task::yield_now().await;
        inner.release.add_permits(10);
        assert!(lead.await.unwrap().is_ok());
        for waiter in waiters {
            // Still pending: hyper gives their requests the shared connection meanwhile.
            assert!(tokio::time::timeout(SHORT, waiter).await.is_err());
        }
        assert_eq!(inner.connects.load(Ordering::SeqCst), 1);
        // A connect after the first one is made (a dropped connection replaced) goes ahead.
        assert!(gate.clone().oneshot(uri).await.is_ok());
        assert_eq!(inner.connects.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn with_http1_the_waiters_connect_themselves() {
        let (gate, inner) = fake(false);
        let uri = http::Uri::from_static("https://api.example:6443");
        let lead = tokio::spawn(gate.clone().oneshot(uri.clone()));
        let waiter = tokio::spawn(gate.clone().oneshot(uri));
        tokio::task::yield_now().await;
        inner.release.add_permits(10);
        assert!(lead.await.unwrap().is_ok());
        let waited = tokio::time::timeout(SHORT * 10, waiter).await;
        assert!(waited.is_ok_and(|r| r.is_ok_and(|r| r.is_ok())));
        assert_eq!(inner.connects.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn an_abandoned_first_connect_releases_the_waiters() {
        let (gate, inner) = fake(true);
        let uri = http::Uri::from_static("https://api.example:6443");
        let lead = tokio::spawn(gate.clone().oneshot(uri.clone()));
        tokio::task::yield_now().await;
        let waiter = tokio::spawn(gate.clone().oneshot(uri));
        tokio::task::yield_now().await;
        lead.abort();
        let _ = lead.await;
        inner.release.add_permits(10);
        let waited = tokio::time::timeout(SHORT * 10, waiter).await;
        assert!(waited.is_ok_and(|r| r.is_ok_and(|r| r.is_ok())));
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
