//! From kube-rs errors to what the user reads: the API's own `Status` (reason and code decide,
//! never the message text), credential failures (never with what a plugin printed on stdout)
//! and, below HTTP, the I/O and TLS errors in the cause chain.

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
        // A credential plugin that fails while kube refreshes a token during a request comes
        // back as a middleware failure, with the same AuthError (and the plugin's stdout) in it.
        kube::Error::Service(_) => {
            if let Some(auth) = auth_error_in(&err) {
                return from_auth(auth, server);
            }
        }
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

/// The credential failure in `err`'s cause chain, if there is one.
pub fn auth_error_in<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a kube::client::AuthError> {
    chain(err)
        .into_iter()
        .find_map(|e| e.downcast_ref::<kube::client::AuthError>())
}

/// What may be shown of a failed request (the `-v` log): kube's own text, except for a
/// credential failure, whose text includes the plugin's stdout.
pub fn request_failure_text(err: &(dyn std::error::Error + 'static)) -> String {
    match auth_error_in(err) {
        Some(auth) => auth_failure_text(auth),
        None => err.to_string(),
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
    let what = auth_failure_text(err);
    let mut e = Error::new(
        Kind::Forbidden,
        format!("cannot authenticate to {server}: {what}"),
    )
    .hint(hint);
    e.causes = causes;
    e
}

/// One line on what failed, from the parts of `err` that hold no credential: never kube's
/// Display (the plugin's stdout), nor the command line as kube prints it (with the
/// environment the kubeconfig gives the plugin, where people put API keys).
fn auth_failure_text(err: &kube::client::AuthError) -> String {
    use kube::client::AuthError as Auth;
    match err {
        Auth::AuthExecStart(io) => format!("cannot start the credential plugin: {io}"),
        Auth::AuthExecRun { cmd, out } => match plugin_program(cmd) {
            Some(program) => format!("the credential plugin {program:?} failed ({})", out.status),
            None => format!("the credential plugin failed ({})", out.status),
        },
        Auth::ReadTokenFile(io, path) => {
            format!("cannot read the token file {}: {io}", path.display())
        }
        Auth::MissingCommand => "the kubeconfig's exec entry names no command".to_string(),
        Auth::ExecPluginFailed => "the credential plugin gave no credential".to_string(),
        _ => "the kubeconfig's credentials cannot be used".to_string(),
    }
}

/// The program of a plugin command line as kube writes it (a `Command`'s Debug: the
/// environment as `KEY="value"`, then the program and its arguments, each quoted).
fn plugin_program(cmd: &str) -> Option<String> {
    let mut chars = cmd.chars();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut quoted = String::new();
            let mut escaped = false;
            for c in chars.by_ref() {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => break,
                    (_, c) => {
                        quoted.push(c);
                        escaped = false;
                    }
                }
            }
            // A quote after a space opens the program; after `=`, an environment value.
            if previous == ' ' {
                return Some(quoted);
            }
            previous = '"';
        } else {
            previous = c;
        }
    }
    None
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
        let err = from_kube(kube::Error::Auth(failed_plugin_run()), "https://k", "ca");
        assert_eq!(err.exit_code(), 5);
        assert_eq!(err.causes, ["session expired, run: sso login"]);
        let shown = err.render(true);
        assert!(
            !shown.contains("s3cret") && !shown.contains("k3y"),
            "{shown}"
        );
    }

    /// A plugin run as kube reports it: exit 1, a credential on stdout, a word on stderr, and
    /// the command line with the environment the kubeconfig gives the plugin.
    #[cfg(unix)]
    fn failed_plugin_run() -> kube::client::AuthError {
        use std::os::unix::process::ExitStatusExt;
        let out = std::process::Output {
            status: std::process::ExitStatus::from_raw(256),
            stdout: b"{\"status\":{\"token\":\"s3cret\"}}".to_vec(),
            stderr: b"session expired, run: sso login\n".to_vec(),
        };
        kube::client::AuthError::AuthExecRun {
            cmd: r#"API_KEY="k3y" KUBERNETES_EXEC_INFO="{\"kind\":\"ExecCredential\"}" "/usr/bin/sso-plugin" "get-token""#.into(),
            out: Box::new(out),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_plugin_failing_during_a_refresh_is_unauthenticated_and_hides_its_stdout() {
        // How kube's client returns a failure of its auth layer in the middle of a request.
        let err = kube::Error::Service(Box::new(failed_plugin_run()));
        let err = from_kube(err, "https://k", "ca");
        assert_eq!(err.exit_code(), 5);
        assert_eq!(
            err.message,
            "cannot authenticate to https://k: the credential plugin \"/usr/bin/sso-plugin\" failed (exit status: 1)"
        );
        assert_eq!(err.causes, ["session expired, run: sso login"]);
        let shown = err.render(true);
        assert!(
            !shown.contains("s3cret") && !shown.contains("k3y"),
            "{shown}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_request_log_shows_a_failed_plugin_without_its_stdout() {
        let boxed: tower::BoxError = Box::new(failed_plugin_run());
        let text = request_failure_text(boxed.as_ref());
        assert_eq!(
            text,
            "the credential plugin \"/usr/bin/sso-plugin\" failed (exit status: 1)"
        );
        let other: tower::BoxError = Box::new(io(std::io::ErrorKind::ConnectionReset));
        assert_eq!(request_failure_text(other.as_ref()), "io says no");
    }

    #[test]
    fn the_plugin_is_named_by_its_program_alone() {
        assert_eq!(
            plugin_program(r#"A="x \" \"y\"" "/bin/p" "arg""#).as_deref(),
            Some("/bin/p")
        );
        assert_eq!(plugin_program(r#""p""#).as_deref(), Some("p"));
        assert_eq!(plugin_program("gcloud config config-helper"), None);
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
