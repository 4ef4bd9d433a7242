//! devctl: personal development servers on Kubernetes. `main` parses the command line, runs
//! one command on a tokio runtime and turns the outcome into an exit code.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod cluster;
pub mod commands;
pub mod devserver;
pub mod error;
pub mod interrupt;
pub mod output;
pub mod settings;
pub mod ssh;

use std::process::ExitCode;

use clap::Parser;

/// Runs devctl with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and --version print to stdout and exit 0; usage errors exit 2.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let printer = output::Printer::new(
        cli.global.output,
        cli.global.verbose,
        cli.global.quiet,
        cli.global.no_color,
    );
    output::init_log(cli.global.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            printer.error(&error::Error::general(format!(
                "cannot start the async runtime: {e}"
            )));
            return ExitCode::from(1);
        }
    };
    let outcome = runtime.block_on(commands::run(cli, &printer));
    // A read of standard input that never ends (ssh, exec, proxy) runs on a blocking thread
    // that the runtime would wait for: the command is over, so it is left behind.
    runtime.shutdown_background();
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            printer.error(&err);
            ExitCode::from(err.exit_code())
        }
    }
}
