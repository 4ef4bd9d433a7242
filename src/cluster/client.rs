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
//! plus `-v` logging and devctl's retry policy.

use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use kube::client::ConfigExt;
use tower::{BoxError, ServiceBuilder};

use super::{http_log, retry};

/// Builds a client for `config`, logging requests at `verbosity`.
pub fn build(config: kube::Config, verbosity: u8) -> Result<kube::Client, kube::Error> {
    if let Some(proxy) = &config.proxy_url {
        return Err(kube::Error::ProxyProtocolUnsupported {
            proxy_url: Box::new(proxy.clone()),
        });
    }
    let mut tcp = HttpConnector::new();
    tcp.enforce_http(false);
    tcp.set_nodelay(true);

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
    let https = tls.enable_http1().enable_http2().wrap_connector(tcp);

    let mut connector = hyper_timeout::TimeoutConnector::new(https);
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
