//! From kube-rs errors to what the user reads: the API's own `Status` (reason and code decide,
//! never the message text) and, below HTTP, the I/O and TLS errors in the cause chain.

use crate::error::{Error, Kind};

/// Maps a client error for the cluster at `server`, whose certificate `ca_source` verifies.
pub fn from_kube(err: kube::Error, server: &str, ca_source: &str) -> Error {
    if let kube::Error::Api(status) = &err {
        return from_status(status, server).caused_by(&err);
    }
    match transport_failure(&err) {
        Transport::Tls(detail) => Error::new(
            Kind::Unreachable,
            format!("TLS verification of {server} failed: {detail}"),
        )
        .hint(format!(
            "the server's certificate is not trusted by {ca_source}; check the kubeconfig's cluster entry"
        )),
        Transport::TimedOut => Error::new(Kind::Timeout, format!("timed out talking to {server}"))
            .hint("the cluster may be overloaded or far away; try again, or check your network"),
        Transport::Unreachable(detail) => Error::new(
            Kind::Unreachable,
            format!("cannot reach the cluster at {server}: {detail}"),
        )
        .hint("check that the cluster is up, the server address in your kubeconfig, and your network or VPN"),
        Transport::Other => Error::general(format!("request to {server} failed: {err}")),
    }
    .caused_by(&err)
}

fn from_status(status: &kube::core::Status, server: &str) -> Error {
    let message = if status.message.is_empty() {
        status.reason.clone()
    } else {
        status.message.clone()
    };
    match status.code {
        401 => Error::new(
            Kind::Forbidden,
            format!("{server} rejected your credentials (401 Unauthorized)"),
        )
        .hint("they may have expired: log in again or refresh the kubeconfig (for example your cloud's get-credentials command)"),
        403 => Error::new(Kind::Forbidden, format!("forbidden: {message}"))
            .hint("ask a cluster admin for access; `devctl status` shows every permission devctl needs"),
        404 => Error::new(Kind::NotFound, message),
        409 => Error::new(Kind::Conflict, message),
        408 | 504 => Error::new(Kind::Timeout, message),
        429 => Error::general(format!("the API server is overloaded (429): {message}"))
            .hint("try again in a moment"),
        _ => Error::general(format!("the API server answered {}: {message}", status.code)),
    }
}

enum Transport {
    Tls(String),
    TimedOut,
    Unreachable(String),
    Other,
}

/// Every error under `err`: its sources, and the payloads that `io::Error`s wrap (TLS
/// errors arrive as an io::Error inside an io::Error), outermost first.
fn chain<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> Vec<&'a (dyn std::error::Error + 'static)> {
    let mut all = Vec::new();
    let mut next = Some(err);
    while let Some(e) = next {
        all.push(e);
        next = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    all
}

/// Looks through the cause chain for what broke below HTTP.
fn transport_failure(err: &(dyn std::error::Error + 'static)) -> Transport {
    let mut connect_failed = false;
    let mut innermost = String::new();
    for e in chain(err) {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Transport::Tls(tls.to_string());
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::*;
            match io.kind() {
                TimedOut => return Transport::TimedOut,
                ConnectionRefused | ConnectionReset | ConnectionAborted | NotConnected
                | AddrNotAvailable | HostUnreachable | NetworkUnreachable | NetworkDown => {
                    connect_failed = true
                }
                _ => {}
            }
        }
        if let Some(hyper) = e.downcast_ref::<hyper_util::client::legacy::Error>()
            && hyper.is_connect()
        {
            connect_failed = true;
        }
        innermost = e.to_string();
    }
    if connect_failed {
        Transport::Unreachable(innermost)
    } else {
        Transport::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, reason: &str, message: &str) -> kube::Error {
        let status: kube::core::Status = serde_json::from_value(serde_json::json!({
            "status": "Failure", "code": code, "reason": reason, "message": message
        }))
        .unwrap_or_default();
        kube::Error::Api(Box::new(status))
    }

    #[test]
    fn forbidden_names_the_verb_and_resource_from_the_server() {
        let msg = "statefulsets.apps is forbidden: User \"eve\" cannot create resource \"statefulsets\" in API group \"apps\" in the namespace \"dev\"";
        let err = from_kube(status(403, "Forbidden", msg), "https://k", "ca");
        assert_eq!(err.kind, Kind::Forbidden);
        assert_eq!(err.exit_code(), 5);
        assert!(
            err.message
                .contains("cannot create resource \"statefulsets\""),
            "{}",
            err.message
        );
        assert!(!err.hints.is_empty());
    }

    #[test]
    fn status_codes_map_to_exit_codes() {
        let code =
            |c: u16, reason: &str| from_kube(status(c, reason, "m"), "https://k", "ca").exit_code();
        assert_eq!(code(401, "Unauthorized"), 5);
        assert_eq!(code(404, "NotFound"), 3);
        assert_eq!(code(409, "AlreadyExists"), 4);
        assert_eq!(code(504, "Timeout"), 6);
        assert_eq!(code(500, "InternalError"), 1);
    }
}
