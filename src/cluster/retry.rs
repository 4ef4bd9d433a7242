//! Retries of transient API failures (DESIGN §5), in place of kube's default retry, which
//! repeats any request, creates included, on 429, 503 and 504 up to fifteen times.
//!
//! A request is tried again only when repeating it cannot do anything twice, or report
//! something wrong: every method on a 429 (the server turned the request away before handling
//! it); reads (GET, HEAD, OPTIONS) also on 500, 502, 503, 504 and on a connection that broke
//! after it was made; replaces and deletes (PUT, DELETE) on a 503, the server saying it did not
//! handle them (a delete repeated after a lost answer would report "not found" for what it
//! deleted). A create or a patch that met any other failure may have been carried out, so its
//! error goes to the command, which knows what to clean up. Connection failures (refused, DNS,
//! TLS), timeouts and errors of the credential plugin are never retried: they fail at once.

use std::time::Duration;

use http::{Method, Request, Response, StatusCode};
use kube::client::Body;
use tower::BoxError;

/// Tries after the first one.
const MAX_RETRIES: u32 = 4;
/// The first backoff; it doubles with each retry.
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// No wait is longer, whatever a `Retry-After` header asks for.
const LONGEST_WAIT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Transient {
    retries: u32,
    verbosity: u8,
}

impl Transient {
    pub fn new(verbosity: u8) -> Transient {
        Transient {
            retries: 0,
            verbosity,
        }
    }
}

/// What one attempt's outcome means for the next.
#[derive(Debug, PartialEq)]
enum Verdict {
    Done,
    RetryAfter(Duration),
}

fn read(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The wait before retry number `retry` (1-based): doubling backoff, or what the server asked
/// for in `Retry-After` (seconds), never beyond [`LONGEST_WAIT`].
fn backoff(retry: u32, retry_after: Option<&http::HeaderValue>) -> Duration {
    let asked = retry_after
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let doubling = FIRST_BACKOFF.saturating_mul(1 << retry.saturating_sub(1).min(16));
    asked.unwrap_or(doubling).min(LONGEST_WAIT)
}

fn verdict_for_status(
    method: &Method,
    status: StatusCode,
    retry_after: Option<&http::HeaderValue>,
    retry: u32,
) -> Verdict {
    let transient = match status {
        StatusCode::TOO_MANY_REQUESTS => true,
        StatusCode::SERVICE_UNAVAILABLE => {
            read(method) || matches!(*method, Method::PUT | Method::DELETE)
        }
        StatusCode::INTERNAL_SERVER_ERROR
        | StatusCode::BAD_GATEWAY
        | StatusCode::GATEWAY_TIMEOUT => read(method),
        _ => false,
    };
    if transient {
        Verdict::RetryAfter(backoff(retry, retry_after))
    } else {
        Verdict::Done
    }
}

/// A connection that broke after it was made; not one that could not be made, not a timeout
/// (the user's `--request-timeout` is a limit, not a hint), and nothing that is not known to be
/// the network's doing, such as a failed credential plugin (which may prompt the user).
fn broken_connection(err: &(dyn std::error::Error + 'static)) -> bool {
    let chain = super::errors::chain(err);
    let not_transient = chain.iter().any(|e| {
        e.downcast_ref::<hyper_util::client::legacy::Error>()
            .is_some_and(|h| h.is_connect())
            || e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
            || e.downcast_ref::<rustls::Error>().is_some()
            || e.downcast_ref::<kube::client::AuthError>().is_some()
    });
    let broken = chain.iter().any(|e| {
        e.downcast_ref::<hyper::Error>()
            .is_some_and(|h| h.is_incomplete_message() || h.is_closed() || h.is_canceled())
            || e.downcast_ref::<std::io::Error>().is_some_and(|io| {
                use std::io::ErrorKind::*;
                matches!(
                    io.kind(),
                    ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof
                )
            })
    });
    broken && !not_transient
}

impl<Res> tower::retry::Policy<Request<Body>, Response<Res>, BoxError> for Transient {
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        req: &mut Request<Body>,
        result: &mut Result<Response<Res>, BoxError>,
    ) -> Option<Self::Future> {
        if self.retries >= MAX_RETRIES {
            return None;
        }
        let retry = self.retries + 1;
        let (verdict, what) = match result {
            Ok(res) => (
                verdict_for_status(
                    req.method(),
                    res.status(),
                    res.headers().get(http::header::RETRY_AFTER),
                    retry,
                ),
                res.status().as_u16().to_string(),
            ),
            Err(err) if read(req.method()) && broken_connection(err.as_ref()) => (
                Verdict::RetryAfter(backoff(retry, None)),
                "a broken connection".to_string(),
            ),
            Err(_) => (Verdict::Done, String::new()),
        };
        let Verdict::RetryAfter(wait) = verdict else {
            return None;
        };
        self.retries = retry;
        if self.verbosity >= 1 {
            tracing::debug!(
                "{} {}: {what}, retry {retry} of {MAX_RETRIES} in {} ms",
                req.method(),
                req.uri().path(),
                wait.as_millis()
            );
        }
        Some(tokio::time::sleep(wait))
    }

    fn clone_request(&mut self, req: &Request<Body>) -> Option<Request<Body>> {
        // A streamed body cannot be sent twice; kube's request bodies are whole.
        let body = req.body().try_clone()?;
        let mut copy = Request::builder()
            .method(req.method().clone())
            .uri(req.uri().clone())
            .version(req.version())
            .body(body)
            .ok()?;
        *copy.headers_mut() = req.headers().clone();
        *copy.extensions_mut() = req.extensions().clone();
        Some(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(method: Method, status: u16) -> Verdict {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
        verdict_for_status(&method, status, None, 1)
    }

    #[test]
    fn reads_are_retried_on_server_errors_and_creates_are_not() {
        for status in [500, 502, 503, 504] {
            assert_ne!(verdict(Method::GET, status), Verdict::Done, "{status}");
            assert_eq!(verdict(Method::POST, status), Verdict::Done, "{status}");
            assert_eq!(verdict(Method::PATCH, status), Verdict::Done, "{status}");
        }
    }

    #[test]
    fn deletes_are_retried_only_when_the_server_did_not_handle_them() {
        assert_ne!(verdict(Method::DELETE, 503), Verdict::Done);
        assert_ne!(verdict(Method::PUT, 503), Verdict::Done);
        for status in [500, 502, 504] {
            assert_eq!(verdict(Method::DELETE, status), Verdict::Done, "{status}");
        }
    }

    #[test]
    fn a_429_is_retried_for_every_method() {
        assert_ne!(verdict(Method::POST, 429), Verdict::Done);
        assert_ne!(verdict(Method::PATCH, 429), Verdict::Done);
    }

    #[test]
    fn answers_that_are_not_transient_are_final() {
        for status in [200, 201, 400, 401, 403, 404, 409, 422, 501] {
            assert_eq!(verdict(Method::GET, status), Verdict::Done, "{status}");
        }
    }

    #[test]
    fn retry_after_is_honoured_up_to_a_limit() {
        let two = http::HeaderValue::from_static("2");
        assert_eq!(backoff(1, Some(&two)), Duration::from_secs(2));
        let hour = http::HeaderValue::from_static("3600");
        assert_eq!(backoff(1, Some(&hour)), LONGEST_WAIT);
        assert_eq!(backoff(1, None), FIRST_BACKOFF);
        assert_eq!(backoff(3, None), FIRST_BACKOFF * 4);
        assert_eq!(backoff(40, None), LONGEST_WAIT);
    }

    #[test]
    fn only_connections_that_broke_are_retried() {
        let timeout = std::io::Error::new(std::io::ErrorKind::TimedOut, "slow");
        assert!(!broken_connection(&timeout));
        let reset = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset");
        assert!(broken_connection(&reset));
        let eof = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "no close_notify");
        assert!(broken_connection(&eof));
        // A credential plugin that could not be run is not the network's doing.
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        assert!(!broken_connection(&missing));
        let plugin = kube::client::AuthError::AuthExecStart(missing);
        assert!(!broken_connection(&plugin));
        let other = std::io::Error::other("something else");
        assert!(!broken_connection(&other));
    }
}
