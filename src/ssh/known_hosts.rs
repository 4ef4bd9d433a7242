//! devctl's known_hosts file: the host key pinned at create (`devserver.io/host-key`) of each
//! devserver in devctl's ssh_config, one line per host key alias. The alias says whose a line
//! is (context, namespace, name), so a run replaces the lines of what it looked at and keeps
//! the rest; ssh never adds to the file (the blocks say `StrictHostKeyChecking yes`).

use super::config::{Entry, Scope, host_key_alias};

const PREAMBLE: &str = "\
# Kept by devctl ssh-config --write: the host keys devctl pinned when it created each devserver.
";

/// The file after a run that looked at `scope` (in `context`) and found `entries`: its lines
/// for devservers in the scope are replaced by those of `entries`, every other line is kept.
/// Lines ssh-config wrote come last, ordered by alias, so that the same devservers always give
/// the same bytes.
pub fn merge(existing: &str, scope: &Scope, entries: &[Entry]) -> String {
    let mut others = Vec::new();
    let mut ours: Vec<(String, String)> = Vec::new();
    for line in existing.lines() {
        if line.trim().is_empty() || PREAMBLE.lines().any(|p| p == line) {
            continue;
        }
        let mut fields = line.split_whitespace();
        let alias = fields.next().unwrap_or_default();
        let written_by_devctl = super::config::alias_parts(alias).is_some();
        match (written_by_devctl, scope.covers_alias(alias)) {
            (true, true) => {}
            (true, false) => ours.push((alias.to_string(), line.to_string())),
            (false, _) => others.push(line.to_string()),
        }
    }
    for entry in entries {
        let alias = host_key_alias(&scope.context, &entry.namespace, &entry.alias_name());
        let line = format!("{alias} {}", entry.host_key);
        ours.push((alias, line));
    }
    ours.sort();
    ours.dedup();
    let mut file = PREAMBLE.to_string();
    for line in others.into_iter().chain(ours.into_iter().map(|(_, l)| l)) {
        file.push_str(&line);
        file.push('\n');
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> (String, String) {
        let key = || {
            crate::ssh::keys::generate("x")
                .unwrap()
                .2
                .rsplit_once(' ')
                .unwrap()
                .0
                .to_string()
        };
        (key(), key())
    }

    fn entry(name: &str, namespace: &str, key: &str) -> Entry {
        Entry::new(name, namespace, Some(key)).unwrap()
    }

    fn scope(context: &str, namespace: Option<&str>) -> Scope {
        Scope {
            context: context.into(),
            namespace: namespace.map(Into::into),
        }
    }

    #[test]
    fn each_devserver_gets_one_line_under_its_alias() {
        let (ka, _) = keys();
        let file = merge(
            "",
            &scope("kind-dev", Some("ns")),
            &[entry("box", "ns", &ka)],
        );
        let alias = host_key_alias("kind-dev", "ns", "box");
        assert_eq!(file, format!("{PREAMBLE}{alias} {ka}\n"));
    }

    #[test]
    fn a_run_replaces_its_own_lines_and_keeps_the_others() {
        let (ka, kb) = keys();
        let first = merge(
            "",
            &scope("kind-dev", Some("a")),
            &[entry("gone", "a", &ka), entry("box", "a", &ka)],
        );
        let with_b = merge(
            &first,
            &scope("kind-dev", Some("b")),
            &[entry("box", "b", &kb)],
        );
        let with_prod = merge(
            &with_b,
            &scope("prod", Some("a")),
            &[entry("box", "a", &kb)],
        );
        let user_line = "other.example ssh-ed25519 AAAA";
        let edited = format!("{with_prod}{user_line}\n");
        let after = merge(
            &edited,
            &scope("kind-dev", Some("a")),
            &[entry("box", "a", &kb)],
        );
        assert!(
            !after.contains(&host_key_alias("kind-dev", "a", "gone")),
            "{after}"
        );
        assert!(after.contains(&format!("{} {kb}", host_key_alias("kind-dev", "a", "box"))));
        assert!(after.contains(&format!("{} {kb}", host_key_alias("kind-dev", "b", "box"))));
        assert!(after.contains(&format!("{} {kb}", host_key_alias("prod", "a", "box"))));
        assert!(
            after.contains(user_line),
            "a line devctl did not write is kept"
        );
        assert_eq!(after.matches(&ka).count(), 0, "{after}");
    }

    #[test]
    fn every_namespace_of_a_context_is_replaced_with_all_namespaces() {
        let (ka, kb) = keys();
        let file = merge("", &scope("kind-dev", Some("a")), &[entry("box", "a", &ka)]);
        let file = merge(&file, &scope("prod", Some("a")), &[entry("box", "a", &ka)]);
        let after = merge(&file, &scope("kind-dev", None), &[entry("x", "b", &kb)]);
        assert!(
            !after.contains(&host_key_alias("kind-dev", "a", "box")),
            "{after}"
        );
        assert!(after.contains(&host_key_alias("kind-dev", "b", "x")));
        assert!(after.contains(&host_key_alias("prod", "a", "box")));
    }

    #[test]
    fn the_same_devservers_give_the_same_bytes() {
        let (ka, kb) = keys();
        let entries = [entry("b", "ns", &kb), entry("a", "ns", &ka)];
        let once = merge("", &scope("kind-dev", Some("ns")), &entries);
        let twice = merge(&once, &scope("kind-dev", Some("ns")), &entries);
        assert_eq!(once, twice);
        let other = merge(&once, &scope("prod", Some("ns")), &entries);
        assert_eq!(merge(&other, &scope("prod", Some("ns")), &entries), other);
    }
}
