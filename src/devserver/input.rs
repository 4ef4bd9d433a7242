//! What users type for `create`, read and checked before any API call: env lines, GPU
//! requests, the NodePort option, names, and the DevServer YAML of `-f`.

use serde::Deserialize;

use super::flavor::GPU_RESOURCES;
use super::names;

/// Devserver names stay short enough that every derived name (`NAME-0`, `home-NAME-0`,
/// revision hashes) is valid too.
pub const MAX_NAME: usize = 40;

/// A devserver's name also names its Service, so it must be a DNS-1035 label (start with a
/// letter): `1box` would make the StatefulSet and then fail at the Service.
pub fn check_name(name: &str) -> Result<(), String> {
    names::check_dns1035_label("devserver name", name, MAX_NAME)
}

/// The user part of an owner such as `alice@example.com` or `system:serviceaccount:ns:bot`,
/// as a name takes it: lowercase letters, digits and `-`, at most `max` characters, no `-` at
/// either end (empty when nothing is left).
pub fn user_of(owner: &str, max: usize) -> String {
    let user = owner.split('@').next().unwrap_or(owner);
    let user = user.rsplit(':').next().unwrap_or(user);
    let mut cleaned: String = user
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    cleaned.truncate(max);
    cleaned.trim_matches('-').to_string()
}

/// `<user>-dev` (`dev-<user>` when the user starts with a digit) from an owner such as `alice@example.com` or `system:serviceaccount:ns:bot`.
pub fn default_name(owner: &str) -> String {
    let cleaned = user_of(owner, MAX_NAME - 4);
    if cleaned.is_empty() {
        "devserver".into()
    } else if cleaned.starts_with(|c: char| c.is_ascii_digit()) {
        // A name starts with a letter (check_name).
        format!("dev-{cleaned}")
    } else {
        format!("{cleaned}-dev")
    }
}

/// `KEY=VALUE`, with KEY a C identifier (what a shell can export).
pub fn parse_env(line: &str) -> Result<(String, String), String> {
    let (key, value) = line
        .split_once('=')
        .ok_or_else(|| format!("invalid env {line:?}: expected KEY=VALUE"))?;
    let valid = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return Err(format!(
            "invalid env name {key:?}: use letters, digits and '_', not starting with a digit"
        ));
    }
    Ok((key.to_string(), value.to_string()))
}

/// An env file: `KEY=VALUE` lines; blank lines and `#` comments skipped. Errors name the line
/// but never quote it: its values are often tokens (a broken line may be one).
pub fn parse_env_file(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut vars = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let trimmed = trimmed.strip_prefix("export ").unwrap_or(trimmed);
        let var = parse_env(trimmed).map_err(|_| {
            format!(
                "line {}: expected KEY=VALUE, KEY of letters, digits and '_', not starting with a digit (the line is not shown: it may hold a secret)",
                i + 1
            )
        })?;
        vars.push(var);
    }
    Ok(vars)
}

/// `--gpu 2` (two of nvidia.com/gpu), `--gpu nvidia.com/mig-1g.10gb` (one of that resource)
/// or `--gpu nvidia.com/mig-1g.10gb=2`. Names outside the known list are returned as "needs
/// checking" so the caller can ask the nodes whether they advertise them.
pub fn parse_gpu(text: &str) -> Result<(String, String, bool), String> {
    let (resource, count) = match text.split_once('=') {
        Some((r, c)) => (r, c),
        None if text.contains('/') => (text, "1"),
        None => ("nvidia.com/gpu", text),
    };
    match count.parse::<u32>() {
        Ok(n) if n > 0 => {}
        _ => {
            return Err(format!(
                "invalid --gpu {text:?}: the count must be a whole number above 0"
            ));
        }
    }
    if !resource.contains('/') {
        return Err(format!(
            "invalid --gpu {text:?}: expected COUNT, RESOURCE or RESOURCE=COUNT, e.g. 1, nvidia.com/mig-1g.10gb or nvidia.com/gpu=2"
        ));
    }
    let known = GPU_RESOURCES.contains(&resource);
    Ok((resource.to_string(), count.to_string(), known))
}

/// `--cpu`, `--memory` and `--gpu` as resource name -> quantity (requests = limits), and the
/// `--gpu` resource when it is outside the known list (the nodes must advertise it).
pub fn resource_overrides(
    cpu: Option<&str>,
    memory: Option<&str>,
    gpu: Option<&str>,
) -> Result<(std::collections::BTreeMap<String, String>, Option<String>), String> {
    let mut overrides = std::collections::BTreeMap::new();
    for (flag, resource, value) in [("--cpu", "cpu", cpu), ("--memory", "memory", memory)] {
        if let Some(q) = value {
            check_quantity(flag, q)?;
            overrides.insert(resource.to_string(), q.to_string());
        }
    }
    let mut unknown_gpu = None;
    if let Some(gpu) = gpu {
        let (resource, count, known) = parse_gpu(gpu)?;
        if !known {
            unknown_gpu = Some(resource.clone());
        }
        overrides.insert(resource, count);
    }
    Ok((overrides, unknown_gpu))
}

/// `--expose nodeport`, or `nodeport:30022` to choose SSH's node port.
pub fn parse_expose(text: &str) -> Result<Option<u16>, String> {
    match text.split_once(':') {
        None if text == "nodeport" => Ok(None),
        Some(("nodeport", port)) => match port.parse::<u16>() {
            Ok(p) if (30000..=32767).contains(&p) => Ok(Some(p)),
            _ => Err(format!(
                "invalid --expose {text:?}: the port must be in 30000-32767"
            )),
        },
        _ => Err(format!(
            "invalid --expose {text:?}: expected nodeport or nodeport:PORT"
        )),
    }
}

/// The `--port`s: none is SSH's port, none is given twice (the Services could not be made).
pub fn check_ports(ports: &[u16]) -> Result<(), String> {
    for (i, port) in ports.iter().enumerate() {
        if i32::from(*port) == super::manifests::SSH_PORT {
            return Err(format!(
                "invalid --port {port}: it is SSH's port, which every devserver has"
            ));
        }
        if ports[..i].contains(port) {
            return Err(format!("invalid --port {port}: given twice"));
        }
    }
    Ok(())
}

/// A quantity such as `500m`, `4`, `16Gi`: digits (with an optional fraction) and an optional
/// Kubernetes suffix. The server checks the rest; this catches typos before any call.
pub fn check_quantity(what: &str, text: &str) -> Result<(), String> {
    let number_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(number_end);
    let suffixes = [
        "", "m", "k", "M", "G", "T", "P", "Ki", "Mi", "Gi", "Ti", "Pi",
    ];
    if number.is_empty() || number.parse::<f64>().is_err() || !suffixes.contains(&suffix) {
        return Err(format!(
            "invalid {what} {text:?}: expected a quantity such as 500m, 4, 16Gi"
        ));
    }
    Ok(())
}

/// The DevServer resource of DESIGN §1, as `create -f` reads it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DevServerFile {
    pub api_version: String,
    pub kind: String,
    pub metadata: FileMetadata,
    #[serde(default)]
    pub spec: FileSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMetadata {
    pub name: String,
    #[serde(default)]
    pub namespace: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileSpec {
    pub owner: Option<String>,
    pub flavor: Option<String>,
    pub image: Option<String>,
    pub ssh: Option<FileSsh>,
    pub lifecycle: Option<FileLifecycle>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileSsh {
    pub public_key: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileLifecycle {
    pub time_to_live: Option<String>,
}

/// Parses `-f` YAML; errors name the field and give its line and column, on one line.
pub fn parse_devserver_file(text: &str) -> Result<DevServerFile, String> {
    let options = serde_saphyr::options! { with_snippet: false };
    let file: DevServerFile = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let parents = e
            .location()
            .map(|l| parents_at(text, l.line() as usize, l.column() as usize))
            .unwrap_or_default();
        if parents.is_empty() {
            e.to_string()
        } else {
            format!("{}: {e}", parents.join("."))
        }
    })?;
    if file.api_version != "devserver.io/v1" || file.kind != "DevServer" {
        return Err(format!(
            "expected apiVersion devserver.io/v1 and kind DevServer, got {} {}",
            file.api_version, file.kind
        ));
    }
    Ok(file)
}

/// The keys of the mappings that hold the node at `line`:`column` (1-based) in block-style
/// YAML, outermost first: `["spec"]` for a misspelt field under `spec:`. The parser gives a
/// position; this names it the way the DevServer resource is documented.
fn parents_at(text: &str, line: usize, column: usize) -> Vec<String> {
    // A line's indentation counts a sequence's `- ` as indentation.
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '-']).len();
    let key = |l: &str| {
        let rest = l.trim_start_matches([' ', '-']);
        let (key, after) = rest.split_once(':')?;
        let key = key.trim().trim_matches(['"', '\'']);
        ((after.is_empty() || after.starts_with(' ')) && !key.is_empty()).then(|| key.to_string())
    };
    let lines: Vec<&str> = text.lines().collect();
    let Some(here) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return Vec::new();
    };
    let mut parents = Vec::new();
    // The node is a value on its key's line (`lifecycle: [8h]`, `metadata: {nmae: x}`).
    let mut limit = indent(here);
    if limit < column.saturating_sub(1)
        && let Some(k) = key(here)
    {
        parents.push(k);
    }
    for l in lines[..line - 1].iter().rev() {
        if l.trim().is_empty() || l.trim_start().starts_with('#') || indent(l) >= limit {
            continue;
        }
        limit = indent(l);
        if let Some(k) = key(l) {
            parents.push(k);
        }
        if limit == 0 {
            break;
        }
    }
    parents.reverse();
    parents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_come_from_the_owner() {
        assert_eq!(default_name("alice@example.com"), "alice-dev");
        assert_eq!(
            default_name("system:serviceaccount:ns:ci.bot"),
            "ci-bot-dev"
        );
        assert_eq!(default_name("@@"), "devserver");
        assert_eq!(default_name("1337@example.com"), "dev-1337");
        assert!(check_name(&default_name(&"1".repeat(80))).is_ok());
        assert!(check_name("1box").is_err());
        assert!(check_name("box1").is_ok());
        assert!(check_name(&default_name(&"x".repeat(80))).is_ok());
    }

    #[test]
    fn env_lines() {
        assert_eq!(parse_env("A_1=x=y"), Ok(("A_1".into(), "x=y".into())));
        for bad in ["A", "1A=x", "A-B=x", "=x"] {
            assert!(parse_env(bad).is_err(), "{bad}");
        }
        let file = parse_env_file("# c\n\nA=1\nexport B=two words\n").unwrap();
        assert_eq!(
            file,
            vec![("A".into(), "1".into()), ("B".into(), "two words".into())]
        );
        assert!(
            parse_env_file("A=1\nnot a line\n")
                .unwrap_err()
                .starts_with("line 2:")
        );
        let broken = parse_env_file("A=\"one\nsk-live-SUPERSECRET\"\n").unwrap_err();
        assert!(broken.starts_with("line 2:"), "{broken}");
        assert!(!broken.contains("SUPERSECRET"), "{broken}");
    }

    #[test]
    fn gpus() {
        assert_eq!(
            parse_gpu("2"),
            Ok(("nvidia.com/gpu".into(), "2".into(), true))
        );
        assert_eq!(
            parse_gpu("nvidia.com/gpu=2"),
            Ok(("nvidia.com/gpu".into(), "2".into(), true))
        );
        assert!(parse_gpu("nvidia.com/mig-1g.10gb=1").unwrap().2);
        assert!(!parse_gpu("amd.com/gpu=1").unwrap().2);
        for bad in [
            "0",
            "x",
            "gpu=1",
            "nvidia.com/gpu=-1",
            "nvidia.com/gpu=",
            "=1",
        ] {
            assert!(parse_gpu(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_gpu_resource_without_a_count_means_one_of_it() {
        assert_eq!(
            parse_gpu("nvidia.com/mig-1g.10gb"),
            Ok(("nvidia.com/mig-1g.10gb".into(), "1".into(), true))
        );
        assert_eq!(
            parse_gpu("amd.com/gpu"),
            Ok(("amd.com/gpu".into(), "1".into(), false))
        );
    }

    #[test]
    fn error_positions_are_named_by_their_parent_keys() {
        let text = "a: 1\nspec:\n  ssh:\n    # a comment\n\n    publicKey: x\n    bad: y\n  lifecycle: [1]\nlist:\n- name: n\n  bad: 1\n";
        assert_eq!(parents_at(text, 7, 5), ["spec", "ssh"]);
        assert_eq!(parents_at(text, 8, 14), ["spec", "lifecycle"]);
        assert_eq!(parents_at(text, 8, 3), ["spec"]);
        assert_eq!(parents_at(text, 11, 3), ["list"]);
        assert!(parents_at(text, 1, 1).is_empty());
        assert!(parents_at(text, 99, 1).is_empty());
    }

    #[test]
    fn expose_and_quantities() {
        assert_eq!(parse_expose("nodeport"), Ok(None));
        assert_eq!(parse_expose("nodeport:30022"), Ok(Some(30022)));
        assert!(parse_expose("nodeport:22").is_err());
        assert!(parse_expose("loadbalancer").is_err());
        assert_eq!(check_ports(&[8888, 6006]), Ok(()));
        assert!(check_ports(&[22]).unwrap_err().contains("SSH"));
        assert!(check_ports(&[8888, 8888]).unwrap_err().contains("twice"));
        assert!(check_quantity("--memory", "16Gi").is_ok());
        assert!(check_quantity("--cpu", "500m").is_ok());
        assert!(check_quantity("--memory", "16GB").is_err());
        assert!(check_quantity("--cpu", "lots").is_err());
    }

    #[test]
    fn devserver_files_reject_unknown_fields_with_their_path() {
        let ok = "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: my-dev-server, namespace: default}\nspec:\n  owner: user@example.com\n  flavor: cpu-small\n  image: ubuntu:22.04\n  ssh: {publicKey: \"ssh-ed25519 AAAA\"}\n  lifecycle: {timeToLive: \"8h\"}\n";
        let file = parse_devserver_file(ok).unwrap();
        assert_eq!(file.metadata.name, "my-dev-server");
        assert_eq!(
            file.spec.lifecycle.unwrap().time_to_live.as_deref(),
            Some("8h")
        );
        let err = parse_devserver_file(&ok.replace("flavor:", "flavour:")).unwrap_err();
        assert!(
            err.starts_with("spec: ")
                && err.contains("flavour")
                && err.contains("line 6, column 3"),
            "{err}"
        );
        assert!(!err.contains('\n'), "{err}");
        let err =
            parse_devserver_file(&ok.replace("lifecycle: {timeToLive: \"8h\"}", "lifecycle: [8h]"))
                .unwrap_err();
        assert!(
            err.starts_with("spec.lifecycle: ") && err.contains("line 9"),
            "{err}"
        );
        let err = parse_devserver_file(&ok.replace("name: my-dev-server", "nmae: x")).unwrap_err();
        assert!(
            err.starts_with("metadata: ") && err.contains("nmae"),
            "{err}"
        );
        let err = parse_devserver_file(&ok.replace("kind: DevServer", "kind: Pod")).unwrap_err();
        assert!(err.contains("kind DevServer"), "{err}");
    }
}
