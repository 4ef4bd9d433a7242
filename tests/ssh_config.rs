//! `devctl ssh-config` against the real test cluster, read back by the real OpenSSH client:
//! `ssh -G` shows the options devctl meant, `ssh-keygen -F` finds the pinned host key, and the
//! ProxyCommand reaches its program with exactly the arguments devctl meant, through each shell
//! installed here, however odd the context's name and the binary's path. `--write` leaves the
//! user's own `~/.ssh/config` byte for byte below one Include line, changes nothing the second
//! time, and replaces only the entries of the context and namespace it looked at.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::ns::Ns;
use common::{Env, stderr, stdout};
use devctl::ssh::config::{self, Entry, Setup, host_key_alias};
use k8s_openapi::api::apps::v1::StatefulSet;

/// The test cluster's kubeconfig context.
const CONTEXT: &str = "testcluster";

/// Whether OpenSSH's client is here; a test without it says so and passes.
fn openssh() -> bool {
    let found = Command::new("ssh").arg("-V").output().is_ok();
    if !found {
        eprintln!("skipped: no OpenSSH client (ssh) on PATH");
    }
    found
}

/// `ssh -G HOST -F CONFIG`: the options ssh would use, each with its values.
fn effective(config: &Path, host: &str) -> BTreeMap<String, Vec<String>> {
    let out = Command::new("ssh")
        .args(["-G", host, "-F"])
        .arg(config)
        .output()
        .unwrap();
    assert!(out.status.success(), "ssh -G: {}", stderr(&out));
    let mut options: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in stdout(&out).lines() {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        options
            .entry(key.to_string())
            .or_default()
            .push(value.to_string());
    }
    options
}

fn one<'a>(options: &'a BTreeMap<String, Vec<String>>, key: &str) -> &'a str {
    options
        .get(key)
        .and_then(|v| v.first())
        .map(String::as_str)
        .unwrap_or_else(|| panic!("ssh -G shows no {key}"))
}

/// Makes `path` a program that writes the arguments it gets to `PATH.argv`, one per line.
fn recorder(path: &Path) {
    let script = "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$0.argv\"\n";
    std::fs::write(path, script).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The arguments the ProxyCommand of `host` in `config` starts the recorder at `program` with,
/// when ssh runs it through `shell` (ssh runs it with `$SHELL -c`) in the directory `cwd`.
fn proxy_argv(config: &Path, host: &str, shell: &Path, program: &Path, cwd: &Path) -> Vec<String> {
    let record = PathBuf::from(format!("{}.argv", program.display()));
    let _ = std::fs::remove_file(&record);
    let out = Command::new("ssh")
        .args(["-o", "BatchMode=yes", "-F"])
        .arg(config)
        .args([host, "true"])
        .env("SHELL", shell)
        .current_dir(cwd)
        .output()
        .unwrap();
    let argv = std::fs::read_to_string(&record).unwrap_or_else(|e| {
        panic!(
            "the ProxyCommand did not start {} through {}: {e}\n{}",
            program.display(),
            shell.display(),
            stderr(&out)
        )
    });
    argv.lines().map(String::from).collect()
}

/// The shells of this machine that a user's `$SHELL` may be.
fn shells() -> Vec<PathBuf> {
    [
        "/bin/sh",
        "/bin/bash",
        "/bin/dash",
        "/bin/zsh",
        "/usr/bin/zsh",
        "/usr/bin/fish",
    ]
    .iter()
    .map(PathBuf::from)
    .filter(|p| p.exists())
    .collect()
}

#[test]
fn the_proxy_command_reaches_devctl_with_the_arguments_meant_in_every_shell() {
    if !openssh() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("my tools 'n' \\ %h $(touch pwned) `id`");
    std::fs::create_dir(&bin).unwrap();
    let devctl = bin.join("devctl");
    recorder(&devctl);
    let kubeconfig = dir.path().join("kube config's %d");
    let key = devctl::ssh::keys::generate("k").unwrap().2;
    let entry = Entry::new("box", "team-a", Some(&key)).unwrap();
    for context in [
        "kind-dev",
        "arn:aws:eks:eu-west-1:123456789012:cluster/dev",
        "gke_proj_europe-west1_dev",
        "alice@prod",
        "it's \"odd\" $(touch pwned) `id` ; # %h %% \\ \\\\ ~ * ? { } !x é",
        "-x",
        "--kubeconfig=/elsewhere",
    ] {
        let setup = Setup {
            devctl: devctl.clone(),
            context: context.into(),
            in_cluster: false,
            kubeconfig: Some(kubeconfig.clone()),
            identities: vec![],
            known_hosts: dir.path().join("known_hosts"),
        };
        let path = dir.path().join("config");
        std::fs::write(
            &path,
            config::blocks(std::slice::from_ref(&entry), &setup).unwrap(),
        )
        .unwrap();
        let context_args: Vec<String> = if context.starts_with('-') {
            vec![format!("--context={context}")]
        } else {
            vec!["--context".into(), context.into()]
        };
        let mut expected: Vec<String> = ["proxy", "box", "-n", "team-a"].map(String::from).into();
        expected.extend(context_args);
        expected.extend(["--kubeconfig".into(), kubeconfig.display().to_string()]);
        for shell in shells() {
            for host in ["box.devctl", "box.team-a.devctl"] {
                let argv = proxy_argv(&path, host, &shell, &devctl, dir.path());
                assert_eq!(argv, expected, "{context:?} through {}", shell.display());
            }
        }
    }
    assert!(
        !dir.path().join("pwned").exists(),
        "a shell ran part of a word"
    );
}

/// A devserver of the namespace's: created, its StatefulSet there at once (ssh-config needs no
/// pod).
fn create(ns: &Ns, name: &str) {
    ns.ok(&["create", name]);
}

fn pinned_key(ns: &Ns, name: &str) -> String {
    let set = ns.get::<StatefulSet>(name).unwrap();
    set.metadata.annotations.unwrap()["devserver.io/host-key"].clone()
}

struct Files {
    ssh_dir: PathBuf,
    user_config: PathBuf,
    devctl_config: PathBuf,
    known_hosts: PathBuf,
    data: PathBuf,
}

fn files(env: &Env) -> Files {
    let data = env.home().join(".local/share/devctl");
    Files {
        ssh_dir: env.home().join(".ssh"),
        user_config: env.home().join(".ssh/config"),
        devctl_config: env.home().join(".ssh/devctl/config"),
        known_hosts: data.join("known_hosts"),
        data,
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The bytes and modification time of each file, to tell that nothing was written.
fn snapshot(paths: &[&Path]) -> Vec<(Vec<u8>, std::time::SystemTime)> {
    paths
        .iter()
        .map(|p| {
            (
                std::fs::read(p).unwrap(),
                std::fs::metadata(p).unwrap().modified().unwrap(),
            )
        })
        .collect()
}

/// `devctl -n NAMESPACE ARGS` in `ns`'s HOME (for a second namespace of the same user).
fn devctl_in(ns: &Ns, namespace: &str, args: &[&str]) -> Output {
    ns.env
        .devctl_at(ns.cluster.kubeconfig())
        .args(["-n", namespace])
        .args(args)
        .output()
        .unwrap()
}

/// Whether `ssh-keygen -F ALIAS -f KNOWN_HOSTS` finds `key` for `alias`.
fn known(known_hosts: &Path, alias: &str) -> Option<String> {
    let out = Command::new("ssh-keygen")
        .args(["-F", alias, "-f"])
        .arg(known_hosts)
        .output()
        .unwrap();
    out.status.success().then(|| stdout(&out))
}

fn same_key(line: &str, key: &str) -> bool {
    let base64 = key.split_whitespace().nth(1).unwrap();
    line.contains(base64)
}

#[test]
fn print_shows_a_block_per_devserver_that_openssh_reads_as_meant() {
    let Some(ns) = Ns::new("sshcfg-print") else {
        return;
    };
    create(&ns, "box");
    create(&ns, "idle");
    ns.ok(&["stop", "idle"]);
    let out = ns.ok(&["ssh-config"]);
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("Host box.devctl box.{}.devctl\n", ns.name)),
        "{text}"
    );
    assert!(
        text.contains(&format!("Host idle.devctl idle.{}.devctl\n", ns.name)),
        "a stopped one stays: {text}"
    );
    assert!(
        !ns.env.home().join(".ssh").exists(),
        "printing writes nothing"
    );
    if !openssh() {
        return;
    }
    let printed = ns.env.home().join("printed");
    std::fs::write(&printed, &text).unwrap();
    let f = files(&ns.env);
    let alias = host_key_alias(CONTEXT, &ns.name, "box");
    for host in ["box.devctl".to_string(), format!("box.{}.devctl", ns.name)] {
        let options = effective(&printed, &host);
        assert_eq!(one(&options, "user"), "dev");
        assert_eq!(one(&options, "hostname"), alias);
        assert_eq!(one(&options, "hostkeyalias"), alias);
        assert_eq!(one(&options, "stricthostkeychecking"), "true");
        assert_eq!(
            one(&options, "userknownhostsfile"),
            f.known_hosts.display().to_string()
        );
        // create made devctl's own pair (the HOME has no key): its private half is offered.
        assert_eq!(
            one(&options, "identityfile"),
            f.data.join("id_ed25519").display().to_string()
        );
        assert_eq!(one(&options, "identitiesonly"), "yes");
        assert_eq!(
            one(&options, "proxycommand"),
            format!(
                "{} proxy box -n {} --context {CONTEXT} --kubeconfig {}",
                env!("CARGO_BIN_EXE_devctl"),
                ns.name,
                ns.cluster.kubeconfig().display()
            )
        );
    }
}

#[test]
fn write_makes_a_private_ssh_config_with_only_the_include_and_pins_the_host_key() {
    let Some(ns) = Ns::new("sshcfg-write") else {
        return;
    };
    create(&ns, "box");
    let out = ns.ok(&["ssh-config", "--write"]);
    let f = files(&ns.env);
    assert!(
        stderr(&out).contains("added an Include"),
        "{}",
        stderr(&out)
    );
    assert_eq!(mode(&f.ssh_dir), 0o700);
    assert_eq!(mode(&f.user_config), 0o600);
    assert_eq!(
        std::fs::read_to_string(&f.user_config).unwrap(),
        format!("Include {}\n", f.devctl_config.display())
    );
    assert_eq!(mode(&f.devctl_config), 0o600);
    let devctl_config = std::fs::read_to_string(&f.devctl_config).unwrap();
    assert!(devctl_config.contains(&format!("Host box.devctl box.{}.devctl\n", ns.name)));

    // The second run is a no-op: no file is written.
    let paths = [
        f.user_config.as_path(),
        f.devctl_config.as_path(),
        f.known_hosts.as_path(),
    ];
    let before = snapshot(&paths);
    let again = ns.ok(&["ssh-config", "--write"]);
    assert!(
        stderr(&again).contains("nothing to change"),
        "{}",
        stderr(&again)
    );
    assert!(
        before == snapshot(&paths),
        "the second --write wrote a file"
    );

    if !openssh() {
        return;
    }
    let alias = host_key_alias(CONTEXT, &ns.name, "box");
    let options = effective(&f.user_config, "box.devctl");
    assert_eq!(one(&options, "hostkeyalias"), alias);
    assert_eq!(one(&options, "user"), "dev");
    let found = known(&f.known_hosts, &alias).expect("ssh-keygen finds the alias");
    assert!(same_key(&found, &pinned_key(&ns, "box")), "{found}");
}

#[test]
fn write_keeps_an_existing_config_byte_for_byte_below_the_include() {
    let Some(ns) = Ns::new("sshcfg-keep") else {
        return;
    };
    create(&ns, "box");
    let f = files(&ns.env);
    std::fs::create_dir(&f.ssh_dir).unwrap();
    // CRLF line ends, a Match block, an Include of the user's own and no last line break.
    let mine = "# mine\r\nInclude ~/.ssh/config.d/*\r\nHost *\r\n  User someone\r\n  StrictHostKeyChecking no\r\n\r\nMatch host *.corp\r\n  User corp";
    std::fs::write(&f.user_config, mine).unwrap();
    std::fs::set_permissions(&f.user_config, std::fs::Permissions::from_mode(0o644)).unwrap();
    ns.ok(&["ssh-config", "--write"]);
    let after = std::fs::read_to_string(&f.user_config).unwrap();
    assert_eq!(
        after,
        format!("Include {}\r\n{mine}", f.devctl_config.display())
    );
    assert_eq!(mode(&f.user_config), 0o644, "the file keeps its mode");
    let before = snapshot(&[&f.user_config]);
    ns.ok(&["ssh-config", "--write"]);
    assert!(
        before == snapshot(&[&f.user_config]),
        "the Include is added once"
    );

    if !openssh() {
        return;
    }
    // devctl's blocks come first, so the user's Host * cannot override them; their own
    // settings still apply to their hosts.
    let options = effective(&f.user_config, "box.devctl");
    assert_eq!(one(&options, "user"), "dev");
    assert_eq!(one(&options, "stricthostkeychecking"), "true");
    let theirs = effective(&f.user_config, "x.corp");
    assert_eq!(one(&theirs, "user"), "someone");
    assert_eq!(one(&theirs, "stricthostkeychecking"), "false");
}

#[test]
fn a_deleted_devserver_goes_on_the_next_write_and_other_namespaces_stay() {
    let Some(ns) = Ns::new("sshcfg-del") else {
        return;
    };
    let other = ns.cluster.namespace("sshcfg-other").unwrap();
    for name in ["box", "gone", "idle"] {
        create(&ns, name);
    }
    let made = devctl_in(&ns, &other, &["create", "elsewhere"]);
    assert!(made.status.success(), "{}", stderr(&made));
    ns.ok(&["ssh-config", "--write"]);
    let wrote = devctl_in(&ns, &other, &["ssh-config", "--write"]);
    assert!(wrote.status.success(), "{}", stderr(&wrote));

    ns.ok(&["delete", "gone", "--yes", "--wait", "--timeout", "2m"]);
    ns.ok(&["stop", "idle"]);
    ns.ok(&["ssh-config", "--write"]);
    let f = files(&ns.env);
    let text = std::fs::read_to_string(&f.devctl_config).unwrap();
    assert!(!text.contains("Host gone.devctl"), "{text}");
    assert!(text.contains("Host box.devctl"), "{text}");
    assert!(
        text.contains("Host idle.devctl"),
        "a stopped devserver stays: {text}"
    );
    assert!(
        text.contains(&format!("Host elsewhere.devctl elsewhere.{other}.devctl")),
        "{text}"
    );

    if !openssh() {
        return;
    }
    assert_eq!(
        known(&f.known_hosts, &host_key_alias(CONTEXT, &ns.name, "gone")),
        None
    );
    for (namespace, name) in [(&ns.name, "box"), (&ns.name, "idle"), (&other, "elsewhere")] {
        let alias = host_key_alias(CONTEXT, namespace, name);
        assert!(known(&f.known_hosts, &alias).is_some(), "{alias} lost");
    }
    let options = effective(&f.user_config, "elsewhere.devctl");
    assert!(one(&options, "proxycommand").contains(&format!(" -n {other} ")));
}

#[test]
fn diff_shows_what_write_would_change_and_writes_nothing() {
    let Some(ns) = Ns::new("sshcfg-diff") else {
        return;
    };
    create(&ns, "box");
    // Nothing written yet: each file would be new.
    let out = ns.ok(&["ssh-config", "--diff"]);
    let f = files(&ns.env);
    let diff = stdout(&out);
    assert!(diff.contains("--- /dev/null\n"), "{diff}");
    assert!(
        diff.contains(&format!("+++ {}\n", f.user_config.display())),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("+Include {}\n", f.devctl_config.display())),
        "{diff}"
    );
    assert!(
        !f.ssh_dir.exists() && !f.known_hosts.exists(),
        "--diff wrote"
    );

    ns.ok(&["ssh-config", "--write"]);
    create(&ns, "new");
    let paths = [
        f.user_config.as_path(),
        f.devctl_config.as_path(),
        f.known_hosts.as_path(),
    ];
    let before = snapshot(&paths);
    let out = ns.ok(&["ssh-config", "--diff"]);
    let diff = stdout(&out);
    assert!(
        diff.contains(&format!(
            "--- {}\n+++ {}\n",
            f.devctl_config.display(),
            f.devctl_config.display()
        )),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("+Host new.devctl new.{}.devctl\n", ns.name)),
        "{diff}"
    );
    let new_key = pinned_key(&ns, "new");
    let added = format!(
        "+{} {}",
        host_key_alias(CONTEXT, &ns.name, "new"),
        new_key
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert!(diff.contains(&added), "{diff}");
    assert!(
        !diff.contains(&format!("+++ {}", f.user_config.display())),
        "the Include is there: {diff}"
    );
    assert!(before == snapshot(&paths), "--diff wrote a file");

    ns.ok(&["ssh-config", "--write"]);
    let none = ns.ok(&["ssh-config", "--diff"]);
    assert_eq!(stdout(&none), "");
    assert!(
        stderr(&none).contains("nothing to change"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn an_unwritable_ssh_directory_is_a_one_line_error_and_bad_flags_are_usage_errors() {
    let Some(ns) = Ns::new("sshcfg-err") else {
        return;
    };
    create(&ns, "box");
    let f = files(&ns.env);
    // Not a directory (permissions would not stop a test run as root).
    std::fs::write(&f.ssh_dir, "").unwrap();
    let out = ns.devctl(&["ssh-config", "--write"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: cannot ") && err.contains(".ssh"),
        "{err}"
    );
    assert!(
        !f.known_hosts.exists(),
        "nothing is written when a file cannot be"
    );

    // A ~/.ssh/config that cannot be written (a link into a read-only place, as some dotfile
    // managers make): the error says which line to add by hand.
    std::fs::remove_file(&f.ssh_dir).unwrap();
    std::fs::create_dir(&f.ssh_dir).unwrap();
    std::os::unix::fs::symlink("/proc/version", &f.user_config).unwrap();
    let out = ns.devctl(&["ssh-config", "--write"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let cannot = format!("error: cannot write {}: ", f.user_config.display());
    assert!(err.starts_with(&cannot), "{err}");
    let hint = format!(
        "hint: add this line at the top of it yourself: Include {}\n",
        f.devctl_config.display()
    );
    assert!(err.ends_with(&hint), "{err}");

    for (args, code) in [
        (&["ssh-config", "--write", "--diff"][..], 2),
        (&["ssh-config", "-o", "json"], 2),
        (&["ssh-config", "-i", "/nonexistent/key"], 2),
    ] {
        let out = ns.devctl(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn an_odd_context_and_binary_path_reach_the_proxy_intact_through_the_written_config() {
    let Some(ns) = Ns::new("sshcfg-odd") else {
        return;
    };
    if !openssh() {
        return;
    }
    create(&ns, "box");
    let home = ns.env.home();
    let context = "it's \"odd\" $(touch pwned) %h \\ ;#";
    let yaml_context = format!("'{}'", context.replace('\'', "''"));
    let kubeconfig =
        common::edited_kubeconfig(home, ns.cluster.kubeconfig(), "odd kube'config", |t| {
            t.replace(
                "- name: testcluster\n  context:",
                &format!("- name: {yaml_context}\n  context:"),
            )
            .replace(
                "current-context: testcluster",
                &format!("current-context: {yaml_context}"),
            )
        });
    let bin = home.join("my tools 'n' $(touch pwned)");
    std::fs::create_dir(&bin).unwrap();
    let devctl = bin.join("devctl");
    // The name it is started by: a link to the binary (as package managers install it).
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_devctl"), &devctl).unwrap();
    let out = ns
        .env
        .process()
        .arg0(&devctl)
        .args([std::ffi::OsStr::new("--kubeconfig"), kubeconfig.as_os_str()])
        .args(["-n", &ns.name, "ssh-config", "--write"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let f = files(&ns.env);
    let options = effective(&f.user_config, "box.devctl");
    assert_eq!(
        one(&options, "hostkeyalias"),
        host_key_alias(context, &ns.name, "box")
    );

    // Now the program at that path records what it is started with.
    std::fs::remove_file(&devctl).unwrap();
    recorder(&devctl);
    let expected = [
        "proxy",
        "box",
        "-n",
        &ns.name,
        "--context",
        context,
        "--kubeconfig",
        &kubeconfig.display().to_string(),
    ];
    for shell in shells() {
        assert_eq!(
            proxy_argv(&f.user_config, "box.devctl", &shell, &devctl, home),
            expected
        );
    }
    assert!(!home.join("pwned").exists(), "a shell ran part of a word");
}

#[test]
fn two_writes_at_once_for_two_namespaces_keep_both_sections() {
    let Some(ns) = Ns::new("sshcfg-race") else {
        return;
    };
    let other = ns.cluster.namespace("sshcfg-race-b").unwrap();
    create(&ns, "box");
    let made = devctl_in(&ns, &other, &["create", "elsewhere"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let f = files(&ns.env);
    for _ in 0..5 {
        let _ = std::fs::remove_file(&f.devctl_config);
        let _ = std::fs::remove_file(&f.known_hosts);
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| devctl_in(&ns, &ns.name, &["ssh-config", "--write"]));
            let b = s.spawn(|| devctl_in(&ns, &other, &["ssh-config", "--write"]));
            (a.join().unwrap(), b.join().unwrap())
        });
        assert!(
            a.status.success() && b.status.success(),
            "{}{}",
            stderr(&a),
            stderr(&b)
        );
        let text = std::fs::read_to_string(&f.devctl_config).unwrap();
        assert!(
            text.contains("Host box.devctl") && text.contains("Host elsewhere.devctl"),
            "{text}"
        );
        let known = std::fs::read_to_string(&f.known_hosts).unwrap();
        assert_eq!(
            known.lines().filter(|l| l.contains(".devctl ")).count(),
            2,
            "{known}"
        );
    }
}
