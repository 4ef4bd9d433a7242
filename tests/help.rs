//! `--help` of every command and subcommand, as the real binary prints it, against the
//! snapshots checked in as `tests/snapshots/help__devctl-<command>.snap`. The commands come
//! from the clap tree, so a new command is covered (and fails until its snapshot is accepted).
//! After changing help text, regenerate with `INSTA_UPDATE=always cargo test --test help` and
//! review the change with `git diff tests/snapshots`.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use clap::CommandFactory;
use common::{Env, stderr, stdout};

const REGENERATE: &str = "INSTA_UPDATE=always cargo test --test help";

/// The arguments that reach every command: `[]`, `["create"]`, ..., `["config", "set"]`, ...
/// (clap's `help` subcommand prints the same help as `--help` and is left out).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, paths: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() != "help" && !sub.is_hide_set() {
                let mut sub_path = path.clone();
                sub_path.push(sub.get_name().to_string());
                walk(sub, sub_path, paths);
            }
        }
        paths.push(path);
    }
    let mut paths = Vec::new();
    walk(&devctl::cli::Cli::command(), Vec::new(), &mut paths);
    paths.sort();
    paths
}

/// `devctl`, `devctl-create`, `devctl-config-set`: the man page's name, without `.1`.
fn snapshot_name(path: &[String]) -> String {
    std::iter::once("devctl")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

#[test]
fn help_of_every_command_matches_its_snapshot() {
    let env = Env::new();
    let mut settings = insta::Settings::clone_current();
    // Nothing in the help should name the user's files; if a temp HOME ever shows, it is masked.
    settings.add_filter(&regex_escape(&env.home().display().to_string()), "[HOME]");
    settings.set_omit_expression(true);
    let mut mismatched = Vec::new();
    for path in command_paths() {
        let out = env
            .devctl()
            .args(&path)
            .arg("--help")
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        let command = format!("devctl {} --help", path.join(" ")).replace("  ", " ");
        assert!(out.status.success(), "{command}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{command} writes its help to stdout only");
        let name = snapshot_name(&path);
        let help = stdout(&out);
        settings.set_description(command);
        let matched = catch_unwind(AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(name.as_str(), help));
        }));
        if matched.is_err() {
            mismatched.push(name);
        }
    }
    assert!(
        mismatched.is_empty(),
        "--help differs from its snapshot (or has none) for: {}\nif the change is meant, \
         regenerate with: {REGENERATE}",
        mismatched.join(", ")
    );
}

#[test]
fn every_help_snapshot_belongs_to_a_command() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let commands: BTreeSet<String> = command_paths().iter().map(|p| snapshot_name(p)).collect();
    let left_over: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|file| {
            let name = file.strip_prefix("help__")?.strip_suffix(".snap")?;
            (!commands.contains(name)).then(|| file.clone())
        })
        .collect();
    // The regenerating command also removes the snapshots of commands that are gone.
    if matches!(
        std::env::var("INSTA_UPDATE").as_deref(),
        Ok("always" | "force")
    ) {
        for file in &left_over {
            std::fs::remove_file(dir.join(file)).unwrap();
        }
        return;
    }
    assert!(
        left_over.is_empty(),
        "snapshots of commands that no longer exist: {}\nremove them with: {REGENERATE}",
        left_over.join(", ")
    );
}

/// `text` as a regular expression that matches exactly it.
fn regex_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
