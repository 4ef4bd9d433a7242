//! `devctl completions SHELL`: generated from the command definitions, never by hand. The
//! scripts in the repository's `completions/` are these same scripts (tests/docs.rs checks).

use clap::CommandFactory;
use clap_complete::Shell;

use super::ExitStatus;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Result;
use crate::output::Printer;

/// Every shell with a script in `completions/`, and that file's name.
const FILES: &[(Shell, &str)] = &[
    (Shell::Bash, "devctl.bash"),
    (Shell::Zsh, "devctl.zsh"),
    (Shell::Fish, "devctl.fish"),
    (Shell::PowerShell, "devctl.ps1"),
    (Shell::Elvish, "devctl.elv"),
];

pub fn run(args: CompletionsArgs, printer: &Printer) -> Result<ExitStatus> {
    printer.out(&script(args.shell));
    Ok(0)
}

pub fn script(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "devctl", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The files of `completions/`: name and script, one per shell.
pub fn files() -> Vec<(String, String)> {
    FILES
        .iter()
        .map(|&(shell, name)| (name.to_string(), script(shell)))
        .collect()
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn every_shell_devctl_completes_has_a_file() {
        for shell in Shell::value_variants() {
            assert!(
                FILES.iter().any(|(s, _)| s == shell),
                "no file name for {shell} in completions::FILES"
            );
        }
    }
}
