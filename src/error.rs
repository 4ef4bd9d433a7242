//! One error type for every command: what went wrong in one line, the kind that decides the
//! exit code (DESIGN §4), `hint:` lines that say what to do, and the cause chain that `-v`
//! shows.

use std::fmt;

/// The exit codes of DESIGN §4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 1: anything without a more specific code.
    General,
    /// 2: the command line or the configuration is wrong.
    Usage,
    /// 3: the named object does not exist.
    NotFound,
    /// 4: it already exists, or changed under us.
    Conflict,
    /// 5: the cluster refused our credentials or the action.
    Forbidden,
    /// 6: a wait or a request ran out of time.
    Timeout,
    /// 7: the cluster could not be reached.
    Unreachable,
    /// 130 or 143: Ctrl-C or SIGTERM stopped the command (after it cleaned up).
    Interrupted(crate::interrupt::Signal),
    /// 255: `ssh`, `exec` or `proxy` lost (or never made) the connection to the devserver, as
    /// OpenSSH's `ssh` says it.
    Connection,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::General => 1,
            Kind::Usage => 2,
            Kind::NotFound => 3,
            Kind::Conflict => 4,
            Kind::Forbidden => 5,
            Kind::Timeout => 6,
            Kind::Unreachable => 7,
            Kind::Interrupted(signal) => signal.exit_code(),
            Kind::Connection => 255,
        }
    }
}

/// A failure as the user sees it.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
    /// The chain of underlying errors, outermost first; shown with `-v`.
    pub causes: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
            causes: Vec::new(),
        }
    }

    pub fn general(message: impl Into<String>) -> Error {
        Error::new(Kind::General, message)
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(Kind::Usage, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Error {
        self.hints.push(hint.into());
        self
    }

    /// Records `source` and everything under it as the cause chain.
    pub fn caused_by(mut self, source: &(dyn std::error::Error + 'static)) -> Error {
        let mut next = Some(source);
        while let Some(err) = next {
            let text = err.to_string();
            if self.causes.last() != Some(&text) {
                self.causes.push(text);
            }
            next = err.source();
        }
        self
    }

    /// Puts what we were doing in front of the message: `creating the Secret: forbidden: ...`.
    pub fn prefix(mut self, doing: &str) -> Error {
        self.message = format!("{doing}: {}", self.message);
        self
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }

    /// The text for stderr: `error: ...`, then hints, then (verbose) the causes.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = format!("error: {}", self.message);
        for hint in &self.hints {
            out.push_str(&format!("\nhint: {hint}"));
        }
        if verbose {
            for cause in &self.causes {
                out.push_str(&format!("\ncaused by: {cause}"));
            }
        }
        out
    }
}

/// The candidate `word` was most likely meant to be, if one is close: for "did you mean"
/// hints on names the user typed (settings, contexts).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    // Small typos only: a third of the word, at most 3 edits.
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_puts_the_message_first_then_hints_then_causes_when_verbose() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        let err = Error::new(Kind::Unreachable, "cannot reach https://x")
            .hint("check the VPN")
            .caused_by(&io);
        assert_eq!(
            err.render(false),
            "error: cannot reach https://x\nhint: check the VPN"
        );
        assert_eq!(
            err.render(true),
            "error: cannot reach https://x\nhint: check the VPN\ncaused by: refused"
        );
        assert_eq!(err.exit_code(), 7);
    }

    #[test]
    fn closest_suggests_only_small_typos() {
        let keys = ["namespace", "context", "flavor", "ttl"];
        assert_eq!(closest("flavour", &keys), Some("flavor"));
        assert_eq!(closest("namespce", &keys), Some("namespace"));
        assert_eq!(closest("tl", &keys), Some("ttl"));
        assert_eq!(closest("colour", &keys), None);
        assert_eq!(closest("", &keys), None);
    }
}
