//! From kube-rs errors to what the user reads: the API's own `Status` (reason and code decide,
//! never the message text) and, below HTTP, the I/O and TLS errors in the cause chain.

use crate::error::{Error, Kind};

/// Maps a client error for the cluster at `server`, whose certificate `ca_source` verifies.
pub fn from_kube(err: kube::Error, server: &str, ca_source: &str) -> Error {
    match &err {
        kube::Error::Api(status) => {
            // kube's Display of an API error ends in a debug dump of the Status; the cause
            // line says the same in words.
            let mut e = from_status(status, server);
            e.causes.push(format!(
                "the API server answered {} {}: {}",
                status.code, status.reason, status.message
            ));
            return e;
        }
        kube::Error::Auth(auth) => return from_auth(auth, server),
        kube::Error::ProxyProtocolUnsupported { proxy_url } => {
            return Error::general(format!(
                "requests to {server} would go through the proxy {proxy_url}, whose protocol devctl does not support (only http:// proxies)"
            ))
            .hint("the proxy comes from the cluster's proxy-url in the kubeconfig, else from HTTPS_PROXY; NO_PROXY can exempt the server");
        }
        _ => {}
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

/// The kubeconfig's credentials could not be turned into a request header: a credential
/// plugin that is missing or failed, an unreadable token file.
fn from_auth(err: &kube::client::AuthError, server: &str) -> Error {
    use kube::client::AuthError as Auth;
    let hint = match err {
        Auth::AuthExecStart(_) | Auth::MissingCommand => {
            "install the credential plugin that the kubeconfig's user entry names under exec.command"
        }
        Auth::AuthExecRun { .. } | Auth::AuthExec(_) | Auth::ExecPluginFailed => {
            "the credential plugin failed: run it by hand, or log in again with your provider's tool"
        }
        Auth::ReadTokenFile(..) => "check the tokenFile of the kubeconfig's user entry",
        _ => "check the user entry of the kubeconfig, or log in again",
    };
    // Never kube's own message: it includes the plugin's stdout, which may hold a token.
    // What the plugin said on stderr is meant for people.
    let causes = match err {
        Auth::AuthExecStart(io) | Auth::ReadTokenFile(io, _) => vec![io.to_string()],
        Auth::AuthExecRun { out, .. } => String::from_utf8_lossy(&out.stderr)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    let what = match err {
        Auth::AuthExecStart(io) => format!("cannot start the credential plugin: {io}"),
        Auth::AuthExecRun { cmd, out } => {
            format!("the credential plugin {cmd:?} failed ({})", out.status)
        }
        Auth::ReadTokenFile(io, path) => {
            format!("cannot read the token file {}: {io}", path.display())
        }
        Auth::MissingCommand => "the kubeconfig's exec entry names no command".to_string(),
        _ => "the kubeconfig's credentials cannot be used".to_string(),
    };
    let mut e = Error::new(
        Kind::Forbidden,
        format!("cannot authenticate to {server}: {what}"),
    )
    .hint(hint);
    e.causes = causes;
    e
}

enum Transport {
    Tls(String),
    TimedOut,
    Unreachable(String),
    Other,
}

/// Every error under `err`: its sources, and the payloads that `io::Error`s wrap (TLS
/// errors arrive as an io::Error inside an io::Error), outermost first.
pub(super) fn chain<'a>(
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

    fn io(kind: std::io::ErrorKind) -> std::io::Error {
        std::io::Error::new(kind, "io says no")
    }

    #[test]
    fn connection_refused_is_unreachable_and_names_the_server() {
        let err = kube::Error::Service(Box::new(io(std::io::ErrorKind::ConnectionRefused)));
        let err = from_kube(err, "https://127.0.0.1:1", "ca");
        assert_eq!(err.exit_code(), 7);
        assert!(
            err.message
                .starts_with("cannot reach the cluster at https://127.0.0.1:1"),
            "{}",
            err.message
        );
        assert_eq!(err.causes.last().map(String::as_str), Some("io says no"));
    }

    #[test]
    fn a_timeout_exits_6() {
        let err = kube::Error::Service(Box::new(io(std::io::ErrorKind::TimedOut)));
        assert_eq!(from_kube(err, "https://k", "ca").exit_code(), 6);
    }

    #[test]
    fn a_tls_failure_wrapped_in_io_errors_names_the_ca_source() {
        let tls = rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer);
        // How hyper-rustls reports it: an io::Error carrying the rustls error, inside another.
        let inner = std::io::Error::new(std::io::ErrorKind::InvalidData, tls);
        let outer = std::io::Error::other(inner);
        let err = kube::Error::Service(Box::new(outer));
        let err = from_kube(err, "https://k", "certificate-authority file /ca.crt");
        assert_eq!(err.exit_code(), 7);
        assert!(
            err.message
                .starts_with("TLS verification of https://k failed"),
            "{}",
            err.message
        );
        assert!(
            err.hints[0].contains("certificate-authority file /ca.crt"),
            "{:?}",
            err.hints
        );
    }

    #[test]
    fn a_missing_credential_plugin_is_unauthenticated() {
        let auth = kube::client::AuthError::AuthExecStart(io(std::io::ErrorKind::NotFound));
        let err = from_kube(kube::Error::Auth(auth), "https://k", "ca");
        assert_eq!(err.exit_code(), 5);
        assert!(err.message.contains("credential plugin"), "{}", err.message);
        assert!(err.hints[0].contains("exec.command"), "{:?}", err.hints);
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_plugin_shows_its_stderr_but_never_its_stdout() {
        use std::os::unix::process::ExitStatusExt;
        let out = std::process::Output {
            status: std::process::ExitStatus::from_raw(256),
            stdout: b"{\"status\":{\"token\":\"s3cret\"}}".to_vec(),
            stderr: b"session expired, run: sso login\n".to_vec(),
        };
        let auth = kube::client::AuthError::AuthExecRun {
            cmd: "sso-plugin".into(),
            out: Box::new(out),
        };
        let err = from_kube(kube::Error::Auth(auth), "https://k", "ca");
        assert_eq!(err.exit_code(), 5);
        assert_eq!(err.causes, ["session expired, run: sso login"]);
        assert!(!err.render(true).contains("s3cret"), "{}", err.render(true));
    }

    #[test]
    fn api_errors_carry_no_debug_dump() {
        let err = from_kube(status(409, "AlreadyExists", "x exists"), "https://k", "ca");
        assert_eq!(
            err.causes,
            ["the API server answered 409 AlreadyExists: x exists"]
        );
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
