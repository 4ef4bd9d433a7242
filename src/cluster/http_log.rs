//! `-v` shows each HTTP request with its status and duration; `-vv` adds the request and
//! response headers, with the value of `Authorization` (and any other credential) redacted.
//! The lines are `tracing` events (debug, and trace for headers) that the printer's log
//! draws on stderr; nothing here writes to the terminal.
//!
//! The layer sits outside kube's auth layer, so the credentials it adds never pass through
//! here, and inside the retry layer, so each attempt is a line of its own.

use std::task::{Context, Poll};
use std::time::Instant;

use futures::future::BoxFuture;
use http::{Request, Response};
use tower::{Layer, Service};

#[derive(Clone)]
pub struct HttpLog {
    verbosity: u8,
}

impl HttpLog {
    pub fn new(verbosity: u8) -> HttpLog {
        HttpLog { verbosity }
    }
}

impl<S> Layer<S> for HttpLog {
    type Service = HttpLogService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        HttpLogService {
            inner,
            verbosity: self.verbosity,
        }
    }
}

#[derive(Clone)]
pub struct HttpLogService<S> {
    inner: S,
    verbosity: u8,
}

const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];

/// A header value as it may be shown.
pub fn shown_value(name: &str, value: &http::HeaderValue) -> String {
    if SECRET_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        "<redacted>".to_string()
    } else {
        value.to_str().unwrap_or("<binary>").to_string()
    }
}

impl<S, B, R> Service<Request<B>> for HttpLogService<S>
where
    S: Service<Request<B>, Response = Response<R>>,
    S::Future: Send + 'static,
    S::Error: AsRef<dyn std::error::Error + Send + Sync>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<S::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<B>) -> Self::Future {
        let verbosity = self.verbosity;
        // The path as the server sees it (with any prefix of the server URL), without the
        // scheme and host that every request shares; kube leaves an empty query on some
        // requests: `/apis/...?`.
        let uri = req
            .uri()
            .path_and_query()
            .map_or_else(|| req.uri().to_string(), |p| p.to_string());
        let line = format!("{} {}", req.method(), uri.trim_end_matches('?'));
        if verbosity >= 2 {
            // Requests run concurrently: every line names its request.
            for (name, value) in req.headers() {
                tracing::trace!("> {line}  {name}: {}", shown_value(name.as_str(), value));
            }
        }
        let start = Instant::now();
        let fut = self.inner.call(req);
        Box::pin(async move {
            let result = fut.await;
            if verbosity >= 1 {
                let ms = start.elapsed().as_millis();
                match &result {
                    Ok(res) => {
                        tracing::debug!("{line} -> {} in {ms} ms", res.status().as_u16());
                        if verbosity >= 2 {
                            for (name, value) in res.headers() {
                                let value = shown_value(name.as_str(), value);
                                tracing::trace!("< {line}  {name}: {value}");
                            }
                        }
                    }
                    Err(err) => {
                        // Never kube's text of a failed credential plugin: it has its stdout.
                        let err: &(dyn std::error::Error + 'static) = err.as_ref();
                        let text = super::errors::request_failure_text(err);
                        tracing::debug!("{line} -> failed in {ms} ms: {text}");
                    }
                }
            }
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_never_shown() {
        let token = http::HeaderValue::from_static("Bearer secret-token");
        assert_eq!(shown_value("Authorization", &token), "<redacted>");
        let accept = http::HeaderValue::from_static("application/json");
        assert_eq!(shown_value("accept", &accept), "application/json");
    }
}
