//! The printer: the one place that writes to the terminal. Data goes to stdout as a table,
//! JSON, YAML or names; everything for people (progress, warnings, errors, `-v` detail) goes
//! to stderr. Colour only when stdout is a terminal and neither `NO_COLOR` nor `--no-color`
//! says otherwise; spinners only when stderr is a terminal.
//!
//! JSON and YAML output is a stable interface: every document has `apiVersion: devctl/v1`
//! and a `kind`, fields are camelCase, and fields are only ever added.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the printer is where output happens"
)]

use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::ValueEnum;
use comfy_table::{ColumnConstraint, ContentArrangement, Table};
use serde::Serialize;

use crate::error::{Error, Result};

/// `-o`: how data is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Plain columns, like kubectl
    #[default]
    Table,
    /// Plain columns with more of them
    Wide,
    /// JSON, stable schema
    Json,
    /// YAML, the same schema as JSON
    Yaml,
    /// Names only, one per line
    Name,
}

/// Colours the printer knows.
#[derive(Clone, Copy)]
pub enum Style {
    Good,
    Bad,
    Dim,
    Bold,
}

pub struct Printer {
    pub format: Format,
    color: bool,
    quiet: bool,
    verbosity: u8,
    stderr_tty: bool,
}

impl Printer {
    pub fn new(format: Format, verbosity: u8, quiet: bool, no_color: bool) -> Printer {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Printer {
            format,
            color: std::io::stdout().is_terminal() && !no_color && !no_color_env,
            quiet,
            verbosity,
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }

    pub fn verbosity(&self) -> u8 {
        self.verbosity
    }

    /// Writes data to stdout. A closed pipe (`devctl list | head`) ends the program quietly.
    pub fn out(&self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        let result = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush());
        if let Err(e) = result {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("error: cannot write to stdout: {e}");
            std::process::exit(1);
        }
    }

    /// Prints `value` as JSON or YAML; callers use it for those two formats.
    pub fn structured<T: Serialize>(&self, value: &T) -> Result<()> {
        let text = match self.format {
            Format::Yaml => {
                serde_yaml::to_string(value).map_err(|e| Error::general(e.to_string()))?
            }
            _ => {
                let mut s = serde_json::to_string_pretty(value)
                    .map_err(|e| Error::general(e.to_string()))?;
                s.push('\n');
                s
            }
        };
        self.out(&text);
        Ok(())
    }

    pub fn is_structured(&self) -> bool {
        matches!(self.format, Format::Json | Format::Yaml)
    }

    /// A table in kubectl's style: a header in capitals, columns separated by three spaces,
    /// no borders.
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) -> String {
        let mut table = Table::new();
        table
            .load_style(comfy_table::presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled)
            // Plain text in cells: ANSI escapes would throw the column widths off.
            .set_header(headers.iter().copied());
        for row in rows {
            table.add_row(row);
        }
        for column in table.column_iter_mut() {
            column.set_padding((0, 3));
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
        let mut out: String = table
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        out.push('\n');
        out
    }

    /// Wraps `text` in ANSI colour when colour is on.
    pub fn paint(&self, text: &str, style: Style) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match style {
            Style::Good => "32",
            Style::Bad => "31",
            Style::Dim => "2",
            Style::Bold => "1",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A note for people, on stderr; `-q` silences it.
    pub fn info(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    pub fn warn(&self, text: &str) {
        if !self.quiet {
            eprintln!("warning: {text}");
        }
    }

    /// Detail shown at `-v` level `level` and above.
    pub fn debug(&self, level: u8, text: &str) {
        if self.verbosity >= level {
            eprintln!("{text}");
        }
    }

    pub fn error(&self, err: &Error) {
        eprintln!("{}", err.render(self.verbosity > 0));
    }

    /// A spinner on stderr naming what we wait for, with the elapsed time; hidden when
    /// stderr is not a terminal or with `-q`.
    pub fn spinner(&self, message: &str) -> indicatif::ProgressBar {
        if !self.stderr_tty || self.quiet {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Printer {
        Printer {
            format: Format::Table,
            color: false,
            quiet: false,
            verbosity: 0,
            stderr_tty: false,
        }
    }

    #[test]
    fn tables_look_like_kubectl() {
        let rows = vec![
            vec!["alice-dev".to_string(), "Running".to_string()],
            vec!["b".to_string(), "Pending (Unschedulable)".to_string()],
        ];
        assert_eq!(
            plain().table(&["NAME", "STATUS"], &rows),
            "NAME        STATUS\nalice-dev   Running\nb           Pending (Unschedulable)\n"
        );
    }

    #[test]
    fn no_colour_means_no_escapes() {
        assert_eq!(plain().paint("yes", Style::Good), "yes");
        let coloured = Printer {
            color: true,
            ..plain()
        };
        assert_eq!(coloured.paint("yes", Style::Good), "\x1b[32myes\x1b[0m");
    }
}
