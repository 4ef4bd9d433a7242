//! The local terminal during an interactive session: raw mode while the session runs, put back
//! on every way out (the session's end, an error, a panic, a second signal that ends the
//! process at once), the window size, and OpenSSH's `~.` escape.

use std::io::IsTerminal as _;
use std::sync::Mutex;

use rustix::termios::{self, OptionalActions, Termios};

/// The terminal's settings before raw mode, while it is on.
static SAVED: Mutex<Option<Termios>> = Mutex::new(None);

/// Raw mode on standard input until dropped.
pub struct RawMode(());

impl RawMode {
    /// Puts the terminal in raw mode, if standard input is one.
    pub fn enable() -> std::io::Result<Option<RawMode>> {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Ok(None);
        }
        let before = termios::tcgetattr(&stdin)?;
        let mut raw = before.clone();
        raw.make_raw();
        install_panic_hook();
        *SAVED.lock().unwrap_or_else(|p| p.into_inner()) = Some(before);
        termios::tcsetattr(&stdin, OptionalActions::Now, &raw)?;
        Ok(Some(RawMode(())))
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts back the terminal's settings if raw mode is on; anything that ends the process
/// without unwinding calls it first.
pub fn restore() {
    let saved = SAVED.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Some(saved) = saved {
        let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &saved);
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The terminal's size as columns and rows, if standard output (else input) is a terminal.
pub fn size() -> Option<(u32, u32)> {
    let size = termios::tcgetwinsize(std::io::stdout())
        .or_else(|_| termios::tcgetwinsize(std::io::stdin()))
        .ok()?;
    (size.ws_col > 0 && size.ws_row > 0).then(|| (u32::from(size.ws_col), u32::from(size.ws_row)))
}

/// The next delivery of a signal that may not be listened for (then never).
pub async fn next(signal: &mut Option<tokio::signal::unix::Signal>) -> Option<()> {
    match signal {
        Some(signal) => signal.recv().await,
        None => std::future::pending().await,
    }
}

/// What the escape filter found in a chunk of typed input.
#[derive(Debug, PartialEq, Eq)]
pub enum Typed {
    /// Bytes to send on.
    Send(Vec<u8>),
    /// `~.` at the start of a line: close the connection (with the bytes typed before it).
    Disconnect(Vec<u8>),
}

/// OpenSSH's escape: `~` at the start of a line is held back; `~.` then disconnects, `~~`
/// sends one `~`, and `~` before anything else sends both.
#[derive(Debug)]
pub struct Escape {
    at_line_start: bool,
    held: bool,
}

impl Default for Escape {
    fn default() -> Self {
        Escape {
            at_line_start: true,
            held: false,
        }
    }
}

impl Escape {
    pub fn filter(&mut self, input: &[u8]) -> Typed {
        let mut out = Vec::with_capacity(input.len());
        for &byte in input {
            if self.held {
                self.held = false;
                match byte {
                    b'.' => return Typed::Disconnect(out),
                    b'~' => {
                        out.push(b'~');
                        self.at_line_start = false;
                        continue;
                    }
                    _ => out.push(b'~'),
                }
            } else if byte == b'~' && self.at_line_start {
                self.held = true;
                continue;
            }
            out.push(byte);
            self.at_line_start = matches!(byte, b'\r' | b'\n');
        }
        Typed::Send(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(chunks: &[&[u8]]) -> Vec<Typed> {
        let mut escape = Escape::default();
        chunks.iter().map(|c| escape.filter(c)).collect()
    }

    #[test]
    fn tilde_dot_at_the_start_of_a_line_disconnects() {
        assert_eq!(typed(&[b"~."]), [Typed::Disconnect(vec![])]);
        assert_eq!(
            typed(&[b"ls\r~.rest"]),
            [Typed::Disconnect(b"ls\r".to_vec())]
        );
        // Split over two reads, as a terminal delivers keystrokes.
        assert_eq!(
            typed(&[b"x\n~", b"."]),
            [Typed::Send(b"x\n".to_vec()), Typed::Disconnect(vec![])]
        );
    }

    #[test]
    fn a_tilde_elsewhere_or_doubled_is_sent() {
        assert_eq!(typed(&[b"a~."]), [Typed::Send(b"a~.".to_vec())]);
        assert_eq!(typed(&[b"~~."]), [Typed::Send(b"~.".to_vec())]);
        assert_eq!(typed(&[b"~x"]), [Typed::Send(b"~x".to_vec())]);
        assert_eq!(
            typed(&[b"\r~", b"/"]),
            [Typed::Send(b"\r".to_vec()), Typed::Send(b"~/".to_vec())]
        );
    }
}
