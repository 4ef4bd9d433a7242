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
    // The regenerating command also removes the snapshots of commands that are gone, and the
    // `.snap.new` files that earlier failing runs left (insta keeps them when it updates).
    if matches!(
        std::env::var("INSTA_UPDATE").as_deref(),
        Ok("always" | "force")
    ) {
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().file_name().to_string_lossy().into_owned();
            if left_over.contains(&file)
                || (file.starts_with("help__") && file.ends_with(".snap.new"))
            {
                std::fs::remove_file(dir.join(file)).unwrap();
            }
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

/// Every command and every argument has help of its own, in one voice: a first line that
/// starts with a capital letter and has no trailing period, and no two commands with the same
/// one-line summary (a user picks a command by it).
#[test]
fn every_command_and_argument_has_its_own_help_in_one_voice() {
    fn first_line(text: &str) -> &str {
        text.lines().next().unwrap_or_default()
    }
    fn check(text: Option<String>, what: &str, problems: &mut Vec<String>) {
        let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
            problems.push(format!("{what} has no help"));
            return;
        };
        let line = first_line(&text);
        if line.ends_with('.') {
            problems.push(format!(
                "{what}: the first line ends with a period: {line:?}"
            ));
        }
        if !line.starts_with(|c: char| c.is_uppercase()) {
            problems.push(format!("{what}: the first line starts lowercase: {line:?}"));
        }
    }
    fn walk(
        cmd: &clap::Command,
        name: &str,
        problems: &mut Vec<String>,
        abouts: &mut Vec<(String, String)>,
    ) {
        let about = cmd.get_about().map(|a| a.to_string());
        check(about.clone(), name, problems);
        if let Some(about) = about {
            abouts.push((first_line(&about).to_string(), name.to_string()));
        }
        for arg in cmd.get_arguments() {
            // clap's own --help and --version speak clap's voice, the same everywhere.
            if arg.is_hide_set() || ["help", "version"].contains(&arg.get_id().as_str()) {
                continue;
            }
            let help = arg
                .get_help()
                .or_else(|| arg.get_long_help())
                .map(|h| h.to_string());
            check(help, &format!("{name} {}", arg.get_id()), problems);
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, &format!("{name} {}", sub.get_name()), problems, abouts);
        }
    }
    let mut cli = devctl::cli::Cli::command();
    cli.build();
    let mut problems = Vec::new();
    let mut abouts = Vec::new();
    walk(&cli, "devctl", &mut problems, &mut abouts);
    abouts.sort();
    for pair in abouts.windows(2) {
        if pair[0].0 == pair[1].0 {
            problems.push(format!(
                "{} and {} share their help: {:?}",
                pair[0].1, pair[1].1, pair[0].0
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "help text to fix in src/cli.rs:\n{}",
        problems.join("\n")
    );
}
