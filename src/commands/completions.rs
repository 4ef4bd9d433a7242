//! `devctl completions SHELL`: generated from the command definitions, never by hand.

use clap::CommandFactory;

use super::ExitStatus;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Result;
use crate::output::Printer;

pub fn run(args: CompletionsArgs, printer: &Printer) -> Result<ExitStatus> {
    printer.out(&script(args.shell));
    Ok(0)
}

pub fn script(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "devctl", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
