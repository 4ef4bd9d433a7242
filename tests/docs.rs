//! The man page and completion scripts in the repository are generated from the command
//! definitions. This test fails when they are stale; `DEVCTL_UPDATE_DOCS=1 cargo test --test
//! docs` regenerates them.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

#[test]
fn the_command_tree_is_consistent() {
    devctl::cli::Cli::command().debug_assert();
}

#[test]
fn generated_docs_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![(
        root.join("man/devctl.1"),
        devctl::commands::man_page().unwrap(),
    )];
    for (shell, ext) in [
        (Shell::Bash, "bash"),
        (Shell::Zsh, "zsh"),
        (Shell::Fish, "fish"),
        (Shell::PowerShell, "ps1"),
        (Shell::Elvish, "elv"),
    ] {
        let script = devctl::commands::completion_script(shell).into_bytes();
        files.push((root.join(format!("completions/devctl.{ext}")), script));
    }
    let update = std::env::var_os("DEVCTL_UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for (path, want) in files {
        if std::fs::read(&path).ok().as_deref() == Some(want.as_slice()) {
            continue;
        }
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, want).unwrap();
        } else {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {}\nregenerate with: DEVCTL_UPDATE_DOCS=1 cargo test --test docs",
        stale.join(", ")
    );
}
