//! The man pages in `man/` and the completion scripts in `completions/` are generated from the
//! command definitions. These tests fail when a file is stale, missing, or left over from a
//! command or shell that no longer exists; `DEVCTL_UPDATE_DOCS=1 cargo test --test docs`
//! regenerates them and removes the left-overs.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::collections::BTreeSet;
use std::path::Path;

use clap::CommandFactory;

const REGENERATE: &str = "DEVCTL_UPDATE_DOCS=1 cargo test --test docs";

#[test]
fn the_command_tree_is_consistent() {
    devctl::cli::Cli::command().debug_assert();
}

#[test]
fn man_pages_are_up_to_date() {
    check_dir("man", devctl::commands::man_pages().unwrap());
}

#[test]
fn completion_scripts_are_up_to_date() {
    let files = devctl::commands::completion_files()
        .into_iter()
        .map(|(name, script)| (name, script.into_bytes()))
        .collect();
    check_dir("completions", files);
}

#[test]
fn every_command_and_subcommand_has_a_man_page() {
    let pages: BTreeSet<String> = devctl::commands::man_pages()
        .unwrap()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let mut cli = devctl::cli::Cli::command();
    cli.build();
    let mut want = BTreeSet::new();
    command_pages(&cli, "devctl", &mut want);
    assert_eq!(pages, want);
    assert!(pages.contains("devctl-config-set.1"), "{pages:?}");
}

/// `devctl.1`, `devctl-create.1`, ... for `cmd` and everything under it but clap's `help`.
fn command_pages(cmd: &clap::Command, name: &str, pages: &mut BTreeSet<String>) {
    pages.insert(format!("{name}.1"));
    for sub in cmd.get_subcommands() {
        if sub.get_name() != "help" && !sub.is_hide_set() {
            command_pages(sub, &format!("{name}-{}", sub.get_name()), pages);
        }
    }
}

#[test]
fn a_changed_a_missing_and_a_left_over_file_are_all_stale() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("same.1"), "same").unwrap();
    std::fs::write(dir.path().join("changed.1"), "old").unwrap();
    std::fs::write(
        dir.path().join("devctl-removed.1"),
        "a command that is gone",
    )
    .unwrap();
    let want = vec![
        ("same.1".to_string(), b"same".to_vec()),
        ("changed.1".to_string(), b"new".to_vec()),
        ("missing.1".to_string(), b"new".to_vec()),
    ];
    assert_eq!(
        stale_files(dir.path(), &want),
        ["changed.1", "devctl-removed.1", "missing.1"]
    );

    update(dir.path(), &want);
    assert!(stale_files(dir.path(), &want).is_empty());
    assert!(!dir.path().join("devctl-removed.1").exists());
}

/// Compares `files` (name and contents) with the repository's directory `dir`, every file of
/// which must be one of them; with DEVCTL_UPDATE_DOCS, rewrites it instead.
fn check_dir(dir: &str, files: Vec<(String, Vec<u8>)>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    if std::env::var_os("DEVCTL_UPDATE_DOCS").is_some() {
        update(&dir, &files);
    }
    let stale = stale_files(&dir, &files);
    assert!(
        stale.is_empty(),
        "stale generated files in {}/: {}\nregenerate with: {REGENERATE}",
        dir.display(),
        stale.join(", ")
    );
}

/// The names of the files that differ from `want`, are missing, or are not in `want` at all,
/// sorted.
fn stale_files(dir: &Path, want: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut stale: BTreeSet<String> = present(dir)
        .into_iter()
        .filter(|name| !want.iter().any(|(w, _)| w == name))
        .collect();
    for (name, contents) in want {
        if std::fs::read(dir.join(name)).ok().as_deref() != Some(contents.as_slice()) {
            stale.insert(name.clone());
        }
    }
    stale.into_iter().collect()
}

fn update(dir: &Path, want: &[(String, Vec<u8>)]) {
    std::fs::create_dir_all(dir).unwrap();
    for name in present(dir) {
        if !want.iter().any(|(w, _)| *w == name) {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
    }
    for (name, contents) in want {
        if std::fs::read(dir.join(name)).ok().as_deref() != Some(contents.as_slice()) {
            std::fs::write(dir.join(name), contents).unwrap();
        }
    }
}

/// The names of the files in `dir` (none when it does not exist).
fn present(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}
