//! ssh_config for devservers: the `Host NAME.devctl` block of each (pure), devctl's own file of
//! them, in sections of one kubeconfig context and namespace each so that a run replaces only
//! what it looked at, the one `Include` line in `~/.ssh/config`, and writing a file whole.
//!
//! Some of what goes into these files comes from the cluster (names, namespaces, host keys) and
//! some from the kubeconfig (context names, which may hold any character). Each value is checked
//! or quoted so that it stays one word for ssh, for ssh's `%` tokens, and for the shell (the
//! user's `$SHELL`: sh, bash, zsh or fish) that runs the ProxyCommand.

use std::path::{Path, PathBuf};

/// The last label of every name ssh-config gives: `NAME.devctl`, `NAME.NS.devctl`.
pub const DOMAIN: &str = "devctl";

/// The user devservers log in as (DESIGN §2).
const LOGIN: &str = "dev";

/// The first lines of devctl's file.
const PREAMBLE: &str = "\
# Kept by devctl ssh-config --write and included from ~/.ssh/config. Each run replaces the
# section of the kubeconfig context and namespace it looked at (every namespace with -A) and
# keeps the others. Edits here are lost: put your own settings in ~/.ssh/config.
";

/// The start of a section's first line; the rest of the line says whose it is, in JSON.
const SECTION_MARK: &str = "# devctl ";

/// A devserver (or one further pod of a multi-node devserver) as ssh-config writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub namespace: String,
    /// The pod's index: 0 is the devserver's own entry `NAME.devctl`, I the entry
    /// `NAME-I.devctl` of pod `NAME-I`.
    pub node: u32,
    /// The host key pinned at create, `ssh-ed25519 AAAA...` (without its comment).
    pub host_key: String,
}

impl Entry {
    /// Checks what the cluster says of one devserver: a name devctl would give and a namespace
    /// name (so both are plain words for ssh and the shell), and a pinned key that is one
    /// OpenSSH public key. The error says why the devserver is left out.
    pub fn new(name: &str, namespace: &str, host_key: Option<&str>) -> Result<Entry, String> {
        Entry::of_node(name, namespace, 0, host_key)
    }

    /// [`Entry::new`] for pod `node` of a multi-node devserver, with that pod's pinned key.
    pub fn of_node(
        name: &str,
        namespace: &str,
        node: u32,
        host_key: Option<&str>,
    ) -> Result<Entry, String> {
        use crate::devserver::names;
        names::check_dns1035_label("devserver name", name, 40)?;
        names::check_label("namespace", namespace, 63)?;
        let whose = match node {
            0 => format!("devserver {name}"),
            i => format!("pod {name}-{i} of devserver {name}"),
        };
        let Some(pinned) = host_key else {
            return Err(format!(
                "{whose} in namespace {namespace} has no pinned host key (annotation {})",
                crate::devserver::state::host_key_annotation(node)
            ));
        };
        let pinned = pinned.trim();
        if pinned.chars().any(char::is_control) {
            return Err(format!(
                "the pinned host key of {whose} in namespace {namespace} is more than one line"
            ));
        }
        let host_key = russh::keys::ssh_key::PublicKey::from_openssh(pinned)
            .and_then(|key| {
                russh::keys::ssh_key::PublicKey::new(key.key_data().clone(), "").to_openssh()
            })
            .map_err(|e| {
                format!(
                    "the pinned host key of {whose} in namespace {namespace} is not an OpenSSH public key: {e}"
                )
            })?;
        Ok(Entry {
            name: name.to_string(),
            namespace: namespace.to_string(),
            node,
            host_key,
        })
    }

    /// The first label of the entry's host names: `NAME`, or `NAME-I` for pod I.
    pub fn host(&self) -> String {
        match self.node {
            0 => self.name.clone(),
            i => format!("{}-{i}", self.name),
        }
    }

    /// The devserver part of the entry's host key alias: `NAME`, or `NAME_I` for pod I. A
    /// devserver name has no `_`, so pod 1 of `box` never shares an alias (and a pinned key)
    /// with a devserver named `box-1`.
    pub fn alias_name(&self) -> String {
        match self.node {
            0 => self.name.clone(),
            i => format!("{}_{i}", self.name),
        }
    }
}

/// Leaves out the entries whose host name another devserver's entry in the same namespace
/// has too (pod 1 of `box` and a devserver `box-1` are both `box-1.devctl`): ssh would take
/// whichever block came first, so neither gets one. Returns what is kept and, for each
/// clash, why it was left out.
pub fn without_host_clashes(entries: Vec<Entry>) -> (Vec<Entry>, Vec<String>) {
    let mut owners = std::collections::BTreeMap::<(String, String), Vec<&Entry>>::new();
    for entry in &entries {
        owners
            .entry((entry.namespace.clone(), entry.host()))
            .or_default()
            .push(entry);
    }
    let mut why = Vec::new();
    let mut clashing = std::collections::BTreeSet::new();
    for ((namespace, host), users) in &owners {
        if users.len() < 2 {
            continue;
        }
        let whose: Vec<String> = users
            .iter()
            .map(|e| match e.node {
                0 => format!("devserver {}", e.name),
                i => format!("pod {i} of devserver {}", e.name),
            })
            .collect();
        why.push(format!(
            "{host}.{DOMAIN} would name both {} in namespace {namespace}; neither gets an entry (devctl ssh reaches each: NAME, or NAME --node I)",
            whose.join(" and ")
        ));
        clashing.insert((namespace.clone(), host.clone()));
    }
    let kept = entries
        .into_iter()
        .filter(|e| !clashing.contains(&(e.namespace.clone(), e.host())))
        .collect();
    (kept, why)
}

/// What every block of a run shares.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The devctl binary the ProxyCommand runs (this one).
    pub devctl: PathBuf,
    /// The kubeconfig context the devservers are in (`in-cluster` for a pod's ServiceAccount).
    pub context: String,
    /// Whether the cluster is reached with the pod's ServiceAccount: then the ProxyCommand names
    /// no context (there is no kubeconfig to find one in).
    pub in_cluster: bool,
    /// The kubeconfig the ProxyCommand names with `--kubeconfig`, when this run was given one.
    pub kubeconfig: Option<PathBuf>,
    /// Private key files (or public ones whose private key is in the agent) for ssh to offer.
    pub identities: Vec<PathBuf>,
    /// devctl's known_hosts file.
    pub known_hosts: PathBuf,
}

/// A value that cannot be written into an ssh_config file so that ssh reads it back as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value:?} cannot be written into an ssh_config file: {why}")]
pub struct Unsayable {
    pub what: String,
    pub value: String,
    pub why: &'static str,
}

fn unsayable(what: &str, value: &str, why: &'static str) -> Unsayable {
    Unsayable {
        what: what.to_string(),
        value: value.to_string(),
        why,
    }
}

/// The name ssh checks the host key under: unique per context, namespace and devserver, and a
/// plain lowercase word (`box.dev-alice.kind-dev-fe20b551.devctl`). The context part is the
/// context's name reduced to letters, digits and `-`, then a hash of the whole name, so two
/// contexts whose names differ only in other characters get different aliases.
pub fn host_key_alias(context: &str, namespace: &str, name: &str) -> String {
    format!("{name}.{namespace}.{}.{DOMAIN}", context_id(context))
}

/// The `(name, namespace, context id)` of an alias [`host_key_alias`] made.
pub fn alias_parts(alias: &str) -> Option<(&str, &str, &str)> {
    let mut parts = alias.split('.');
    let found = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    match (found, parts.next()) {
        ((name, namespace, context, DOMAIN), None) => Some((name, namespace, context)),
        _ => None,
    }
}

/// The context part of a host key alias.
pub fn context_id(context: &str) -> String {
    let mut readable = String::new();
    for c in context.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            readable.push(c);
        } else if !readable.is_empty() && !readable.ends_with('-') {
            readable.push('-');
        }
    }
    readable.truncate(24);
    let readable = readable.trim_end_matches('-');
    // FNV-1a: stable across versions and platforms, which is all an alias needs.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in context.bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    if readable.is_empty() {
        format!("ctx-{hash:08x}")
    } else {
        format!("{readable}-{hash:08x}")
    }
}

/// What a run looked at: one context and one namespace, or every namespace of the context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub context: String,
    /// `None`: every namespace (`-A`).
    pub namespace: Option<String>,
}

impl Scope {
    pub fn covers(&self, context: &str, namespace: &str) -> bool {
        self.context == context && self.namespace.as_deref().is_none_or(|ns| ns == namespace)
    }

    /// Whether the host key alias `alias` is one of this run's.
    pub fn covers_alias(&self, alias: &str) -> bool {
        alias_parts(alias).is_some_and(|(_, namespace, context)| {
            context == context_id(&self.context)
                && self.namespace.as_deref().is_none_or(|ns| ns == namespace)
        })
    }
}

/// The blocks of `entries`, one blank line apart.
pub fn blocks(entries: &[Entry], setup: &Setup) -> Result<String, Unsayable> {
    let words = Words::of(setup)?;
    let blocks: Vec<String> = entries.iter().map(|e| block(e, setup, &words)).collect();
    Ok(blocks.join("\n"))
}

/// The parts of a block that come from the setup, quoted once.
struct Words {
    known_hosts: String,
    identities: Vec<String>,
    /// The ProxyCommand after `devctl`'s path: `-n NS` goes between.
    devctl: String,
    cluster_flags: String,
}

impl Words {
    fn of(setup: &Setup) -> Result<Words, Unsayable> {
        let devctl = shell_word("devctl's path", utf8("devctl's path", &setup.devctl)?)?;
        let mut cluster_flags = String::new();
        if !setup.in_cluster {
            let context = shell_word("context", &setup.context)?;
            // `--context=-x`: a context that looks like a flag is still the flag's value.
            let sep = if setup.context.starts_with('-') {
                "="
            } else {
                " "
            };
            cluster_flags.push_str(&format!(" --context{sep}{context}"));
        }
        if let Some(kubeconfig) = &setup.kubeconfig {
            let path = shell_word("kubeconfig", utf8("kubeconfig", kubeconfig)?)?;
            cluster_flags.push_str(&format!(" --kubeconfig {path}"));
        }
        Ok(Words {
            known_hosts: config_path("known_hosts file", &setup.known_hosts, true)?,
            identities: setup
                .identities
                .iter()
                .map(|p| config_path("identity file", p, true))
                .collect::<Result<_, _>>()?,
            devctl,
            cluster_flags,
        })
    }
}

fn block(entry: &Entry, setup: &Setup, words: &Words) -> String {
    let (host, ns) = (entry.host(), &entry.namespace);
    let alias = host_key_alias(&setup.context, ns, &entry.alias_name());
    let mut lines = vec![
        format!("Host {host}.{DOMAIN} {host}.{ns}.{DOMAIN}"),
        format!("  HostName {alias}"),
        format!("  User {LOGIN}"),
        format!("  HostKeyAlias {alias}"),
        format!("  UserKnownHostsFile {}", words.known_hosts),
        "  StrictHostKeyChecking yes".to_string(),
    ];
    for identity in &words.identities {
        lines.push(format!("  IdentityFile {identity}"));
    }
    if !words.identities.is_empty() {
        lines.push("  IdentitiesOnly yes".to_string());
    }
    // ssh expands `%` tokens in the whole command before the shell sees it.
    let node = match entry.node {
        0 => String::new(),
        i => format!(" --node {i}"),
    };
    let command = format!(
        "{} proxy {}{node} -n {}{}",
        words.devctl, entry.name, entry.namespace, words.cluster_flags
    );
    lines.push(format!("  ProxyCommand {}", command.replace('%', "%%")));
    lines.join("\n") + "\n"
}

fn utf8<'a>(what: &str, path: &'a Path) -> Result<&'a str, Unsayable> {
    path.to_str()
        .ok_or_else(|| unsayable(what, &path.to_string_lossy(), "it is not UTF-8"))
}

fn no_control_characters(what: &str, value: &str) -> Result<(), Unsayable> {
    if value.chars().any(char::is_control) {
        return Err(unsayable(
            what,
            value,
            "it holds a control character (a line break would end the line)",
        ));
    }
    Ok(())
}

/// `word` as one word for the shell that runs a ProxyCommand: bare when it is made only of
/// characters that no shell treats specially, else in single quotes, with each quote and
/// backslash written outside them and escaped (`'\''`, `'\\'`), the one form that sh, bash,
/// zsh and fish all read back as the same word.
pub fn shell_word(what: &str, word: &str) -> Result<String, Unsayable> {
    no_control_characters(what, word)?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:@+,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return Ok(word.to_string());
    }
    let mut quoted = String::from("'");
    for c in word.chars() {
        match c {
            '\'' => quoted.push_str("'\\''"),
            '\\' => quoted.push_str("'\\\\'"),
            c => quoted.push(c),
        }
    }
    quoted.push('\'');
    Ok(quoted)
}

/// `path` as one ssh_config word: bare when plain, else in double quotes. `percent`: ssh expands
/// `%` tokens in this option, so `%` is written `%%`; where it does not (Include), a `%` is
/// refused, as later OpenSSH versions may expand it there too. ssh expands `${VAR}` in paths and
/// has no escape for it, and old versions have none for `"` and `\` either: those are refused.
pub fn config_path(what: &str, path: &Path, percent: bool) -> Result<String, Unsayable> {
    let text = utf8(what, path)?;
    no_control_characters(what, text)?;
    if text.contains('"') || text.contains('\\') {
        return Err(unsayable(what, text, "it holds a quote or a backslash"));
    }
    if text.contains("${") {
        return Err(unsayable(what, text, "ssh would expand the ${...} in it"));
    }
    let text = match (percent, text.contains('%')) {
        (true, _) => text.replace('%', "%%"),
        (false, true) => return Err(unsayable(what, text, "it holds a %")),
        (false, false) => text.to_string(),
    };
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:@+,=".contains(c);
    if text.chars().all(plain) {
        Ok(text)
    } else {
        Ok(format!("\"{text}\""))
    }
}

/// One section of devctl's file: the blocks of one context and namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub context: String,
    pub namespace: String,
    /// The blocks, ending with a line break.
    pub body: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Owner {
    context: String,
    namespace: String,
}

impl Section {
    /// The section's first line, a comment saying whose it is, in JSON so that any context
    /// name fits on it and reads back exactly.
    fn header(&self) -> String {
        let owner = Owner {
            context: self.context.clone(),
            namespace: self.namespace.clone(),
        };
        let json = serde_json::to_string(&owner).unwrap_or_default();
        format!("{SECTION_MARK}{json}")
    }
}

/// The sections of devctl's file; what is before the first one (the preamble) is not kept.
pub fn parse(file: &str) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for line in file.lines() {
        let owner = line
            .strip_prefix(SECTION_MARK)
            .and_then(|json| serde_json::from_str::<Owner>(json).ok());
        match (owner, sections.last_mut()) {
            (Some(owner), _) => sections.push(Section {
                context: owner.context,
                namespace: owner.namespace,
                body: String::new(),
            }),
            (None, Some(section)) => {
                section.body.push_str(line);
                section.body.push('\n');
            }
            (None, None) => {}
        }
    }
    for section in &mut sections {
        let kept = section.body.trim_end().len();
        section.body.truncate(kept);
        section.body.push('\n');
    }
    sections.retain(|s| !s.body.trim().is_empty());
    sections
}

/// devctl's file with `sections`, ordered by context and namespace.
pub fn render(sections: &[Section]) -> String {
    let mut sorted: Vec<&Section> = sections.iter().collect();
    sorted.sort_by(|a, b| (&a.context, &a.namespace).cmp(&(&b.context, &b.namespace)));
    let mut file = PREAMBLE.to_string();
    for section in sorted {
        file.push('\n');
        file.push_str(&section.header());
        file.push('\n');
        file.push_str(&section.body);
    }
    file
}

/// devctl's file after a run that looked at `scope` and found `fresh`: the sections the run
/// covers are replaced by `fresh` (a namespace where it found nothing loses its section), the
/// others are kept as they were.
pub fn merge(existing: &str, scope: &Scope, fresh: Vec<Section>) -> String {
    let mut sections: Vec<Section> = parse(existing)
        .into_iter()
        .filter(|s| !scope.covers(&s.context, &s.namespace))
        .collect();
    sections.extend(fresh.into_iter().filter(|s| !s.body.trim().is_empty()));
    render(&sections)
}

/// Host names given to more than one devserver in `file` (one name in two namespaces, or two
/// contexts): ssh uses the first block that matches.
pub fn shared_host_names(file: &str) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for line in file.lines() {
        if let Some(patterns) = line.strip_prefix("Host ") {
            for pattern in patterns.split_whitespace() {
                *seen.entry(pattern).or_default() += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(name, _)| name.to_string())
        .collect()
}

/// `~/.ssh/config` (`config`, as bytes: it need not be UTF-8) with `Include PATH` added as its
/// first line, in the file's own line ending; the rest is left byte for byte. `None` when it
/// includes `include` already, wherever: a user who moved the line keeps it where they put it.
/// At the top the Include is outside any Host or Match block, and its blocks come before the
/// user's own, so that a `Host *` of theirs cannot override what devservers need.
pub fn with_include(
    config: &[u8],
    include: &Path,
    home: &Path,
) -> Result<Option<Vec<u8>>, Unsayable> {
    if includes(config, include, home) {
        return Ok(None);
    }
    let eol: &[u8] = match config.iter().position(|b| *b == b'\n') {
        Some(i) if i > 0 && config[i - 1] == b'\r' => b"\r\n",
        _ => b"\n",
    };
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let (bom, rest) = match config.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => (&b""[..], config),
    };
    let line = format!("Include {}", config_path("Include path", include, false)?);
    let mut out = Vec::with_capacity(config.len() + line.len() + 2);
    out.extend_from_slice(bom);
    out.extend_from_slice(line.as_bytes());
    out.extend_from_slice(eol);
    out.extend_from_slice(rest);
    Ok(Some(out))
}

/// Whether an `Include` line of `config` names `include`: as an absolute path, as `~/...`, or
/// relative to `~/.ssh` (where ssh looks for relative ones).
fn includes(config: &[u8], include: &Path, home: &Path) -> bool {
    String::from_utf8_lossy(config).lines().any(|line| {
        let line = line.trim();
        let keyword_end = line
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(line.len());
        let (keyword, rest) = line.split_at(keyword_end);
        if !keyword.eq_ignore_ascii_case("include") {
            return false;
        }
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('=').unwrap_or(rest);
        words(rest).iter().any(|word| {
            let path = match word.strip_prefix("~/") {
                Some(under_home) => home.join(under_home),
                None => home.join(".ssh").join(word),
            };
            path == include
        })
    })
}

/// The words of an ssh_config value, with double or single quotes around some.
fn words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut in_word = false;
    for c in value.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                }
                in_word = false;
            }
            (None, '#') if !in_word => break,
            (_, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Writes `contents` to `path` whole: into a new file beside it, then renamed over it, so that
/// ssh reads the old file or the new one, never half of either. An existing file keeps its mode
/// (a new one gets `new_mode`), and a symbolic link stays one (dotfile managers keep
/// `~/.ssh/config` as one): the file it points at is replaced.
pub fn write_whole(path: &Path, contents: &[u8], new_mode: u32) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let mode = match std::fs::metadata(&target) {
        Ok(meta) => meta.permissions().mode() & 0o7777,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => new_mode,
        Err(e) => return Err(e),
    };
    let mut aside = target.file_name().unwrap_or_default().to_os_string();
    aside.push(format!(".devctl-{}.tmp", std::process::id()));
    let aside = target.with_file_name(aside);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&aside)?;
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&aside, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&aside);
    }
    written?;
    // The rename itself reaches the disk with the directory.
    if let Some(dir) = target.parent() {
        std::fs::File::open(dir).and_then(|d| d.sync_all())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> String {
        crate::ssh::keys::generate("devctl host key of box")
            .unwrap()
            .2
    }

    fn setup() -> Setup {
        Setup {
            devctl: "/usr/local/bin/devctl".into(),
            context: "kind-dev".into(),
            in_cluster: false,
            kubeconfig: None,
            identities: vec!["/home/alice/.ssh/id_ed25519".into()],
            known_hosts: "/home/alice/.local/share/devctl/known_hosts".into(),
        }
    }

    fn entry(name: &str, namespace: &str) -> Entry {
        Entry::new(name, namespace, Some(&key())).unwrap()
    }

    #[test]
    fn a_pod_and_a_devserver_of_one_host_name_both_lose_their_entry() {
        let pod =
            |name: &str, ns: &str, node| Entry::of_node(name, ns, node, Some(&key())).unwrap();
        let entries = vec![
            pod("box", "ns", 0),
            pod("box", "ns", 1),
            pod("box", "ns", 2),
            entry("box-1", "ns"),
            // Another namespace's box-1 has a name of its own there.
            entry("box-1", "other"),
        ];
        let (kept, why) = without_host_clashes(entries);
        let hosts: Vec<(String, String)> = kept
            .iter()
            .map(|e| (e.namespace.clone(), e.host()))
            .collect();
        assert_eq!(
            hosts,
            [
                ("ns".to_string(), "box".to_string()),
                ("ns".into(), "box-2".into()),
                ("other".into(), "box-1".into())
            ]
        );
        assert_eq!(why.len(), 1, "{why:?}");
        assert!(
            why[0].starts_with(
                "box-1.devctl would name both pod 1 of devserver box and devserver box-1 in namespace ns;"
            ),
            "{}",
            why[0]
        );
    }

    fn section(context: &str, namespace: &str, names: &[&str]) -> Section {
        let setup = Setup {
            context: context.into(),
            ..setup()
        };
        let entries: Vec<Entry> = names.iter().map(|n| entry(n, namespace)).collect();
        Section {
            context: context.into(),
            namespace: namespace.into(),
            body: blocks(&entries, &setup).unwrap(),
        }
    }

    fn scope(context: &str, namespace: Option<&str>) -> Scope {
        Scope {
            context: context.into(),
            namespace: namespace.map(Into::into),
        }
    }

    #[test]
    fn a_block_names_the_proxy_the_pinned_key_and_the_identity() {
        let alias = host_key_alias("kind-dev", "dev-alice", "box");
        let expected = format!(
            "Host box.devctl box.dev-alice.devctl
  HostName {alias}
  User dev
  HostKeyAlias {alias}
  UserKnownHostsFile /home/alice/.local/share/devctl/known_hosts
  StrictHostKeyChecking yes
  IdentityFile /home/alice/.ssh/id_ed25519
  IdentitiesOnly yes
  ProxyCommand /usr/local/bin/devctl proxy box -n dev-alice --context kind-dev
"
        );
        assert_eq!(
            blocks(&[entry("box", "dev-alice")], &setup()).unwrap(),
            expected
        );
    }

    #[test]
    fn a_further_node_gets_its_own_host_alias_and_proxies_to_its_pod() {
        let node = Entry::of_node("box", "dev-alice", 1, Some(&key())).unwrap();
        let alias = host_key_alias("kind-dev", "dev-alice", "box_1");
        let text = blocks(&[node], &setup()).unwrap();
        assert!(
            text.starts_with(&format!(
                "Host box-1.devctl box-1.dev-alice.devctl\n  HostName {alias}\n"
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!("  HostKeyAlias {alias}\n")),
            "{text}"
        );
        assert!(
            text.contains(
                "  ProxyCommand /usr/local/bin/devctl proxy box --node 1 -n dev-alice --context kind-dev\n"
            ),
            "{text}"
        );
        assert_ne!(
            alias,
            host_key_alias("kind-dev", "dev-alice", "box-1"),
            "never the alias of a devserver named box-1"
        );
        let missing = Entry::of_node("box", "ns", 2, None).unwrap_err();
        assert_eq!(
            missing,
            "pod box-2 of devserver box in namespace ns has no pinned host key (annotation devserver.io/host-key-2)"
        );
    }

    #[test]
    fn without_an_identity_ssh_picks_its_own_and_in_a_pod_no_context_is_named() {
        let setup = Setup {
            identities: vec![],
            in_cluster: true,
            context: "in-cluster".into(),
            kubeconfig: None,
            ..setup()
        };
        let text = blocks(&[entry("box", "ns")], &setup).unwrap();
        assert!(!text.contains("IdentityFile"), "{text}");
        assert!(!text.contains("IdentitiesOnly"), "{text}");
        assert!(
            text.contains("  ProxyCommand /usr/local/bin/devctl proxy box -n ns\n"),
            "{text}"
        );
    }

    #[test]
    fn odd_contexts_and_paths_are_quoted_for_the_shell_and_for_percent_tokens() {
        let setup = Setup {
            devctl: "/Applications/My Tools/dev'ctl".into(),
            context: "arn:aws:eks:eu-west-1:1234:cluster/a b%h\\$(x)".into(),
            kubeconfig: Some("/home/a/kube config".into()),
            identities: vec!["/Users/a/Library/Application Support/devctl/id_ed25519".into()],
            known_hosts: "/home/a/100%/known_hosts".into(),
            ..setup()
        };
        let text = blocks(&[entry("box", "ns")], &setup).unwrap();
        assert!(
            text.contains(
                "  ProxyCommand '/Applications/My Tools/dev'\\''ctl' proxy box -n ns \
                 --context 'arn:aws:eks:eu-west-1:1234:cluster/a b%%h'\\\\'$(x)' \
                 --kubeconfig '/home/a/kube config'\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "  IdentityFile \"/Users/a/Library/Application Support/devctl/id_ed25519\"\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("  UserKnownHostsFile \"/home/a/100%%/known_hosts\"\n"),
            "{text}"
        );
    }

    #[test]
    fn a_context_that_looks_like_a_flag_is_passed_as_the_flags_value() {
        let setup = Setup {
            context: "--kubeconfig=/evil".into(),
            ..setup()
        };
        let text = blocks(&[entry("box", "ns")], &setup).unwrap();
        assert!(text.contains(" --context='--kubeconfig=/evil'\n"), "{text}");
    }

    #[test]
    fn a_value_with_a_line_break_is_refused_not_written() {
        let setup = Setup {
            context: "dev\n  ProxyCommand evil".into(),
            ..setup()
        };
        let err = blocks(&[entry("box", "ns")], &setup).unwrap_err();
        assert_eq!(err.what, "context");
        assert!(err.to_string().contains("control character"), "{err}");
        for bad in ["/a\"b", "/a\\b", "/a/${HOME}/b", "/a\nb"] {
            assert!(
                config_path("identity file", Path::new(bad), true).is_err(),
                "{bad:?}"
            );
        }
        assert!(config_path("Include path", Path::new("/a%b"), false).is_err());
    }

    #[test]
    fn what_the_cluster_says_is_checked_before_it_goes_into_a_file() {
        let key = key();
        assert!(
            Entry::new("box", "ns", None)
                .unwrap_err()
                .contains("no pinned host key")
        );
        for (name, ns) in [("a.b", "ns"), ("-x", "ns"), ("box", "a b"), ("box", "ns\n")] {
            assert!(Entry::new(name, ns, Some(&key)).is_err(), "{name:?} {ns:?}");
        }
        let injected = format!("{key}\n* ssh-ed25519 AAAA");
        assert!(Entry::new("box", "ns", Some(&injected)).is_err());
        let bare = key.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let commented = Entry::new("box", "ns", Some(&format!(" {key}\n")));
        assert_eq!(commented.unwrap().host_key, bare, "the comment is dropped");
    }

    #[test]
    fn host_key_aliases_are_unique_per_context_namespace_and_name() {
        let a = host_key_alias("kind-dev", "ns", "box");
        assert!(
            a.starts_with("box.ns.kind-dev-") && a.ends_with(".devctl"),
            "{a}"
        );
        // Users' known_hosts files hold these: they must not change from version to version.
        assert_eq!(a, "box.ns.kind-dev-fe20b551.devctl");
        let others = [
            host_key_alias("kind-dev", "ns2", "box"),
            host_key_alias("kind-dev", "ns", "box2"),
            host_key_alias("kind_dev", "ns", "box"),
            host_key_alias("Kind-Dev", "ns", "box"),
        ];
        for other in &others {
            assert_ne!(&a, other);
        }
        let odd = host_key_alias("arn:aws:eks:eu-west-1:1234:cluster/A b", "ns", "box");
        assert!(
            odd.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
            "{odd}"
        );
        assert_eq!(
            alias_parts(&odd).map(|(n, ns, _)| (n, ns)),
            Some(("box", "ns"))
        );
        assert!(host_key_alias("???", "ns", "box").contains(".ctx-"));
    }

    #[test]
    fn a_run_replaces_only_its_own_section() {
        let old = render(&[
            section("kind-dev", "team-a", &["old", "kept"]),
            section("kind-dev", "team-b", &["other"]),
            section("prod", "team-a", &["elsewhere"]),
        ]);
        let new = merge(
            &old,
            &scope("kind-dev", Some("team-a")),
            vec![section("kind-dev", "team-a", &["kept", "new"])],
        );
        let sections = parse(&new);
        let names: Vec<(&str, &str)> = sections
            .iter()
            .map(|s| (s.context.as_str(), s.namespace.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("kind-dev", "team-a"),
                ("kind-dev", "team-b"),
                ("prod", "team-a")
            ]
        );
        assert!(!new.contains("Host old.devctl"), "{new}");
        assert!(new.contains("Host new.devctl") && new.contains("Host kept.devctl"));
        assert!(new.contains("Host other.devctl") && new.contains("Host elsewhere.devctl"));
    }

    #[test]
    fn every_namespace_replaces_all_sections_of_the_context_and_none_of_another() {
        let old = render(&[
            section("kind-dev", "team-a", &["a"]),
            section("kind-dev", "team-b", &["b"]),
            section("prod", "team-a", &["p"]),
        ]);
        let new = merge(
            &old,
            &scope("kind-dev", None),
            vec![section("kind-dev", "team-c", &["c"])],
        );
        let owners: Vec<String> = parse(&new)
            .iter()
            .map(|s| format!("{}/{}", s.context, s.namespace))
            .collect();
        assert_eq!(owners, ["kind-dev/team-c", "prod/team-a"]);
    }

    #[test]
    fn a_namespace_with_nothing_left_loses_its_section_and_merging_again_changes_nothing() {
        let old = render(&[section("kind-dev", "team-a", &["a"])]);
        let emptied = merge(&old, &scope("kind-dev", Some("team-a")), vec![]);
        assert_eq!(emptied, PREAMBLE);
        let once = merge(
            &old,
            &scope("kind-dev", Some("team-b")),
            vec![section("kind-dev", "team-b", &["b"])],
        );
        let twice = merge(
            &once,
            &scope("kind-dev", Some("team-b")),
            vec![section("kind-dev", "team-b", &["b"])],
        );
        assert_eq!(once, twice);
        assert_eq!(render(&parse(&once)), once);
    }

    #[test]
    fn contexts_with_any_character_read_back_as_the_same_section() {
        let context = "we\"ird # ctx\\ \u{e9}";
        let old = render(&[section(context, "ns", &["a"])]);
        assert!(old.lines().all(|l| !l.contains('\r')));
        let sections = parse(&old);
        assert_eq!(sections[0].context, context);
        let replaced = merge(&old, &scope(context, Some("ns")), vec![]);
        assert!(!replaced.contains("Host a.devctl"));
    }

    #[test]
    fn a_name_in_two_sections_is_reported() {
        let file = render(&[
            section("kind-dev", "a", &["box"]),
            section("kind-dev", "b", &["box", "x"]),
        ]);
        assert_eq!(shared_host_names(&file), ["box.devctl"]);
    }

    const INCLUDE: &str = "/home/alice/.ssh/devctl/config";

    fn include(config: &[u8]) -> Option<Vec<u8>> {
        with_include(config, Path::new(INCLUDE), Path::new("/home/alice")).unwrap()
    }

    #[test]
    fn an_empty_config_gets_only_the_include() {
        assert_eq!(
            include(b"").unwrap(),
            b"Include /home/alice/.ssh/devctl/config\n"
        );
    }

    #[test]
    fn the_include_goes_first_and_the_rest_stays_byte_for_byte() {
        let user = b"# my config\nHost *\n  ServerAliveInterval 30\n\nMatch host *.corp exec \"test -f /x\"\n  User corp\n";
        let out = include(user).unwrap();
        let (first, rest) = out.split_at(out.iter().position(|b| *b == b'\n').unwrap() + 1);
        assert_eq!(first, b"Include /home/alice/.ssh/devctl/config\n");
        assert_eq!(rest, user);
    }

    #[test]
    fn crlf_files_get_a_crlf_include_and_a_missing_last_newline_stays_missing() {
        let crlf = b"Host a\r\n  User b";
        let out = include(crlf).unwrap();
        assert_eq!(
            out,
            b"Include /home/alice/.ssh/devctl/config\r\nHost a\r\n  User b"
        );
        let bare = b"Host a\n  User b";
        let out = include(bare).unwrap();
        assert_eq!(
            out,
            b"Include /home/alice/.ssh/devctl/config\nHost a\n  User b"
        );
        let bom = b"\xef\xbb\xbfHost a\n";
        let out = include(bom).unwrap();
        assert_eq!(
            out,
            b"\xef\xbb\xbfInclude /home/alice/.ssh/devctl/config\nHost a\n"
        );
    }

    #[test]
    fn an_include_that_is_there_already_in_any_spelling_changes_nothing() {
        for config in [
            "Include /home/alice/.ssh/devctl/config\nHost *\n",
            "Host *\n  User x\n\nInclude ~/.ssh/devctl/config\n",
            "include=devctl/config\n",
            "  INCLUDE = \"/home/alice/.ssh/devctl/config\" # mine\n",
            "Match all\n  Include config.d/* devctl/config\n",
        ] {
            assert_eq!(include(config.as_bytes()), None, "{config:?}");
        }
    }

    #[test]
    fn another_include_or_a_comment_naming_ours_does_not_count() {
        for config in [
            "Include ~/.ssh/config.d/*\nHost *\n",
            "# Include ~/.ssh/devctl/config\n",
            "Host x\n  IdentityFile /home/alice/.ssh/devctl/config\n",
        ] {
            let out = include(config.as_bytes()).expect("ours is added");
            assert!(out.starts_with(b"Include /home/alice/.ssh/devctl/config\n"));
            assert!(out.ends_with(config.as_bytes()));
        }
    }

    #[test]
    fn an_include_path_with_a_space_is_quoted() {
        let out = with_include(
            b"",
            Path::new("/Users/A B/.ssh/devctl/config"),
            Path::new("/Users/A B"),
        )
        .unwrap()
        .unwrap();
        assert_eq!(out, b"Include \"/Users/A B/.ssh/devctl/config\"\n");
        let again = with_include(
            &out,
            Path::new("/Users/A B/.ssh/devctl/config"),
            Path::new("/Users/A B"),
        );
        assert_eq!(again.unwrap(), None);
    }

    #[test]
    fn writing_whole_keeps_the_mode_and_a_symlink() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("config");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_whole(&link, b"new", 0o600).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let fresh = dir.path().join("fresh");
        write_whole(&fresh, b"x", 0o600).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 3, "nothing left aside: {names:?}");
    }
}
