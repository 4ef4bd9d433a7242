//! The printer: the one place that writes to the terminal. Data goes to stdout as a table,
//! JSON, YAML or names; everything for people (progress, warnings, errors, `-v` detail) goes
//! to stderr. Colour only when stdout is a terminal and neither `NO_COLOR` nor `--no-color`
//! says otherwise; spinners only when stderr is a terminal.
//!
//! JSON and YAML output is a stable interface: every document has `apiVersion: devctl/v1`
//! and a `kind`, fields are camelCase, and fields are only ever added. A listing is
//! `{"apiVersion": "devctl/v1", "kind": "<Kind>List", "items": [...]}`.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the printer is where output happens"
)]

pub mod yaml;

/// Draws the `tracing` events of devctl's lower layers (the `-v` request lines, retries,
/// connection details) on stderr: debug events from `-v`, trace events from `-vv`. Events of
/// the libraries below devctl are not shown.
pub fn init_log(verbosity: u8) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::prelude::*;
    let level = match verbosity {
        0 => return,
        1 => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    };
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .without_time()
        .with_target(false)
        .with_level(false)
        .with_ansi(false)
        .with_filter(Targets::new().with_target("devctl", level));
    // Only main installs it; a second call (a test) keeps the first.
    let _ = tracing_subscriber::registry().with(layer).try_init();
}

use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::ValueEnum;
use comfy_table::{ColumnConstraint, ContentArrangement, Table};
use serde::Serialize;

use crate::error::{Error, Result};

/// The `apiVersion` of every JSON and YAML document devctl prints.
pub const API_VERSION: &str = "devctl/v1";

/// One item of a listing: what `-o table`, `-o wide` and `-o name` show of it. With `-o json`
/// and `-o yaml` the item's serde form goes into the `items` of a `<Kind>List` document.
pub trait Row: Serialize {
    /// Column headers, in capitals; `wide` adds columns at the end.
    fn headers(wide: bool) -> Vec<&'static str>;
    /// The cells of this item's row, one per header.
    fn cells(&self, wide: bool) -> Vec<Cell>;
    /// What `-o name` prints for it: a name other devctl commands accept.
    fn name(&self) -> String;
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct List<'a, T> {
    api_version: &'static str,
    kind: String,
    items: &'a [T],
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Good,
    Bad,
    Dim,
    Bold,
}

/// A table cell: its text, and its colour when colour is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub style: Option<Style>,
}

impl Cell {
    pub fn new(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style: Some(style),
        }
    }

    fn styled(self) -> comfy_table::Cell {
        use comfy_table::{Attribute, Color};
        let cell = comfy_table::Cell::new(self.text);
        match self.style {
            None => cell,
            Some(Style::Good) => cell.fg(Color::Green),
            Some(Style::Bad) => cell.fg(Color::Red),
            Some(Style::Dim) => cell.add_attribute(Attribute::Dim),
            Some(Style::Bold) => cell.add_attribute(Attribute::Bold),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, style: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

pub struct Printer {
    pub format: Format,
    color: bool,
    quiet: bool,
    verbosity: u8,
    stderr_tty: bool,
    stdin_tty: bool,
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
            stdin_tty: std::io::stdin().is_terminal(),
        }
    }

    /// A printer for tests: no colour, no terminal.
    #[cfg(test)]
    pub(crate) fn plain(format: Format) -> Printer {
        Printer {
            format,
            color: false,
            quiet: false,
            verbosity: 0,
            stderr_tty: false,
            stdin_tty: false,
        }
    }

    pub fn verbosity(&self) -> u8 {
        self.verbosity
    }

    /// Writes data to stdout. A closed pipe (`devctl list | head`) ends the program quietly.
    pub fn out(&self, text: &str) {
        self.out_bytes(text.as_bytes());
    }

    /// Writes bytes to stdout as they are (a container's log need not be text), flushed at
    /// once so that a follower sees them as they come.
    pub fn out_bytes(&self, bytes: &[u8]) {
        let mut stdout = std::io::stdout().lock();
        let result = stdout.write_all(bytes).and_then(|()| stdout.flush());
        if let Err(e) = result {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                crate::ssh::terminal::restore();
                std::process::exit(0);
            }
            eprintln!("error: cannot write to stdout: {e}");
            crate::ssh::terminal::restore();
            std::process::exit(1);
        }
    }

    /// Prints `value` as JSON or YAML; callers use it for those two formats.
    pub fn structured<T: Serialize>(&self, value: &T) -> Result<()> {
        let text = match self.format {
            Format::Yaml => yaml::to_string(value).map_err(|e| Error::general(e.to_string()))?,
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

    /// Refuses an `-o` format that `command` cannot print, before it does any work.
    pub fn accept(&self, command: &str, formats: &[Format]) -> Result<()> {
        if formats.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<String> = formats
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        let given = self
            .format
            .to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        Err(Error::usage(format!("{command} cannot print -o {given}"))
            .hint(format!("use -o {}", names.join(", -o "))))
    }

    /// Prints a listing in the chosen format. An empty table prints nothing on stdout; the
    /// caller says so on stderr, as kubectl does.
    pub fn list<T: Row>(&self, kind: &str, items: &[T]) -> Result<()> {
        match self.format {
            Format::Json | Format::Yaml => self.structured(&List {
                api_version: API_VERSION,
                kind: format!("{kind}List"),
                items,
            }),
            Format::Name => {
                let names: String = items.iter().map(|i| i.name() + "\n").collect();
                self.out(&names);
                Ok(())
            }
            Format::Table | Format::Wide => {
                if !items.is_empty() {
                    self.out(&self.rows(items));
                }
                Ok(())
            }
        }
    }

    /// The table of `items`, wide with `-o wide`, for commands that print more around it.
    pub fn rows<T: Row>(&self, items: &[T]) -> String {
        let wide = self.format == Format::Wide;
        let rows: Vec<Vec<Cell>> = items.iter().map(|i| i.cells(wide)).collect();
        self.styled_table(&T::headers(wide), rows)
    }

    /// A table in kubectl's style: a header in capitals, columns separated by three spaces,
    /// no borders.
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) -> String {
        let cells = rows
            .iter()
            .map(|row| row.iter().map(|text| Cell::from(text.as_str())).collect())
            .collect();
        self.styled_table(headers, cells)
    }

    /// A table whose cells may be coloured (when colour is on).
    pub fn styled_table(&self, headers: &[&str], rows: Vec<Vec<Cell>>) -> String {
        let mut table = Table::new();
        table
            .load_style(comfy_table::presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(headers.iter().copied());
        // comfy-table colours a cell after measuring it, so colour keeps columns aligned.
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        for row in rows {
            table.add_row(row.into_iter().map(Cell::styled));
        }
        for column in table.column_iter_mut() {
            column.set_padding((0, 3));
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
        let mut out: String = table
            .lines()
            .map(|l| trim_line(&l))
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

    /// Asks a yes/no question on the terminal (default no). Off a terminal nobody can
    /// answer, so that is an error naming the flag that answers it, e.g. `--yes`.
    pub fn confirm(&self, question: &str, flag: &str) -> Result<bool> {
        if !(self.stdin_tty && self.stderr_tty) {
            return Err(
                Error::usage(format!("{question} (cannot ask: not a terminal)"))
                    .hint(format!("pass {flag} to go ahead without asking")),
            );
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact_on(&dialoguer::console::Term::stderr())
            .map_err(|e| Error::general(format!("cannot ask {question:?}: {e}")))
    }

    /// A spinner on stderr naming what we wait for, with the elapsed time; hidden when
    /// stderr is not a terminal, with `-q`, and with `-v` (whose request lines would tear it).
    pub fn spinner(&self, message: &str) -> indicatif::ProgressBar {
        if !self.stderr_tty || self.quiet || self.verbosity > 0 {
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

    /// A progress bar on stderr for `total` bytes, with the rate and the time left; hidden
    /// where the spinner is.
    pub fn bytes_bar(&self, message: &str, total: u64) -> indicatif::ProgressBar {
        if !self.stderr_tty || self.quiet || self.verbosity > 0 {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message.to_string());
        bar
    }
}

/// A table line without trailing blanks. comfy-table colours a cell's padding with its text
/// (`\x1b[38;5;10myes   \x1b[39m`), so blanks before the final colour codes go too.
fn trim_line(line: &str) -> String {
    let mut body = line.trim_end();
    let mut codes = String::new();
    while let Some(start) = body.rfind('\x1b') {
        let code = &body[start..];
        let params = code.strip_prefix("\x1b[").and_then(|c| c.strip_suffix('m'));
        if !params.is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit() || b == b';')) {
            break;
        }
        codes.insert_str(0, code);
        body = body[..start].trim_end();
    }
    format!("{body}{codes}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Printer {
        Printer::plain(Format::Table)
    }

    #[derive(Serialize)]
    struct Fruit {
        name: &'static str,
        colour: &'static str,
    }

    impl Row for Fruit {
        fn headers(wide: bool) -> Vec<&'static str> {
            if wide {
                vec!["NAME", "COLOUR"]
            } else {
                vec!["NAME"]
            }
        }
        fn cells(&self, wide: bool) -> Vec<Cell> {
            let mut cells = vec![Cell::from(self.name)];
            if wide {
                cells.push(Cell::new(self.colour, Style::Bold));
            }
            cells
        }
        fn name(&self) -> String {
            self.name.to_string()
        }
    }

    const FRUIT: [Fruit; 2] = [
        Fruit {
            name: "apple",
            colour: "red",
        },
        Fruit {
            name: "kiwi",
            colour: "green",
        },
    ];

    #[test]
    fn wide_tables_add_columns() {
        assert_eq!(
            Printer::plain(Format::Table).rows(&FRUIT),
            "NAME\napple\nkiwi\n"
        );
        assert_eq!(
            Printer::plain(Format::Wide).rows(&FRUIT),
            "NAME    COLOUR\napple   red\nkiwi    green\n"
        );
    }

    #[test]
    fn listings_in_json_have_a_stable_envelope() {
        let list = List {
            api_version: API_VERSION,
            kind: "FruitList".into(),
            items: &FRUIT,
        };
        assert_eq!(
            serde_json::to_value(&list).unwrap(),
            serde_json::json!({
                "apiVersion": "devctl/v1",
                "kind": "FruitList",
                "items": [{"name": "apple", "colour": "red"}, {"name": "kiwi", "colour": "green"}]
            })
        );
    }

    #[test]
    fn unsupported_formats_are_usage_errors_naming_the_good_ones() {
        let err = Printer::plain(Format::Name)
            .accept("status", &[Format::Table, Format::Json])
            .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(err.message, "status cannot print -o name");
        assert_eq!(err.hints, ["use -o table, -o json"]);
        assert!(
            Printer::plain(Format::Json)
                .accept("status", &[Format::Json])
                .is_ok()
        );
    }

    #[test]
    fn prompts_off_a_terminal_name_the_flag() {
        let err = plain().confirm("delete alice-dev?", "--yes").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(err.hints, ["pass --yes to go ahead without asking"]);
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

    #[test]
    fn trailing_blanks_inside_colour_codes_go() {
        assert_eq!(
            trim_line("a   \x1b[32myes   \x1b[39m  "),
            "a   \x1b[32myes\x1b[39m"
        );
        assert_eq!(trim_line("plain   "), "plain");
        assert_eq!(trim_line("\x1b[1m"), "\x1b[1m");
    }

    #[test]
    fn coloured_cells_keep_columns_aligned() {
        let coloured = Printer {
            color: true,
            ..Printer::plain(Format::Wide)
        };
        let table = coloured.rows(&FRUIT);
        assert!(table.contains('\x1b'), "{table:?}");
        assert!(
            !table.contains(" \x1b[0m"),
            "no padding before a reset: {table:?}"
        );
        let visible: String = strip_ansi(&table);
        assert_eq!(visible, "NAME    COLOUR\napple   red\nkiwi    green\n");
        assert!(!Printer::plain(Format::Wide).rows(&FRUIT).contains('\x1b'));
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
