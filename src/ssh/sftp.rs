//! The devserver's file system over SFTP (russh-sftp's protocol layer on a channel of a
//! `session::Connection`): typed operations, pipelined reads and writes that keep many
//! requests in flight, and SHA-256 sums computed on the devserver next to the data.

use std::collections::VecDeque;

use futures::stream::{FuturesOrdered, FuturesUnordered, StreamExt as _};
use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _};
use tokio::sync::{mpsc, oneshot};

use super::session::Connection;
use crate::error::{Error, Kind, Result};

/// A SHA-256 digest.
pub type Digest = [u8; 32];

/// Bytes per read or write request when the server does not say what it takes; every
/// server must take 32 KiB.
const DEFAULT_CHUNK: u64 = 32 * 1024;
/// The largest request devctl sends, whatever the server allows.
const MAX_CHUNK: u64 = 255 * 1024;
/// Bytes of a file in flight at once: enough to fill a distant link, little enough that
/// one request never waits for long behind the others.
const IN_FLIGHT: u64 = 4 * 1024 * 1024;
/// How long one request may go unanswered, counted from when it is queued: what is in flight
/// for every file copied at once must get through within it even on a slow link. A dead
/// tunnel is noticed sooner, by the SSH keepalives, which end the channel.
const REQUEST_TIMEOUT_SECS: u64 = 600;
/// How long the checksum shell may take to say it is ready before files are checked by
/// reading them back instead.
const CHECKSUMS_START: std::time::Duration = std::time::Duration::from_secs(20);

/// What a path is on the devserver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    File,
    Dir,
    Symlink,
    Other,
}

/// The attributes `cp` keeps.
#[derive(Debug, Clone, Copy)]
pub struct Attrs {
    pub kind: FileKind,
    pub size: u64,
    /// Permission bits (with setuid, setgid and sticky).
    pub mode: u32,
    pub atime: u32,
    pub mtime: u32,
}

impl Attrs {
    fn from_sftp(attrs: &FileAttributes) -> Attrs {
        let mode = attrs.permissions.unwrap_or(0);
        let kind = match mode & 0o170000 {
            0o100000 => FileKind::File,
            0o040000 => FileKind::Dir,
            0o120000 => FileKind::Symlink,
            _ => FileKind::Other,
        };
        Attrs {
            kind,
            size: attrs.size.unwrap_or(0),
            mode: mode & 0o7777,
            atime: attrs.atime.unwrap_or(0),
            mtime: attrs.mtime.unwrap_or(0),
        }
    }
}

/// An SFTP session with one devserver, and a shell there that computes checksums.
pub struct Remote {
    sftp: RawSftpSession,
    chunk: u64,
    posix_rename: bool,
    checksums: Option<Checksums>,
    /// The devserver, for messages.
    name: String,
}

impl Remote {
    /// Starts SFTP and the checksum shell on `connection`, together.
    pub async fn open(connection: &Connection, name: &str) -> Result<Remote> {
        let (stream, checksums) = tokio::join!(connection.sftp(), Checksums::start(connection));
        let sftp = RawSftpSession::new_with_config(
            stream?,
            russh_sftp::client::Config {
                max_packet_len: (MAX_CHUNK + 1024) as u32,
                request_timeout_secs: REQUEST_TIMEOUT_SECS,
                ..russh_sftp::client::Config::default()
            },
        );
        let version = sftp
            .init()
            .await
            .map_err(|e| lost(name, "cannot start SFTP", e))?;
        let has = |extension: &str| version.extensions.contains_key(extension);
        let mut chunk = DEFAULT_CHUNK;
        if has(russh_sftp::extensions::LIMITS)
            && let Ok(limits) = sftp.limits().await
        {
            let allowed = limits.max_read_len.min(limits.max_write_len);
            if allowed > 0 {
                chunk = allowed.min(MAX_CHUNK);
            }
        }
        Ok(Remote {
            sftp,
            chunk,
            posix_rename: has(POSIX_RENAME),
            checksums: checksums?,
            name: name.to_string(),
        })
    }

    /// The devserver, for messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether SHA-256 sums come from the devserver (else a file is read back to check it).
    pub fn sums_on_devserver(&self) -> bool {
        self.checksums.is_some()
    }

    /// The attributes of `path`, following a symbolic link; `None` when nothing is there.
    pub async fn stat(&self, path: &str) -> Result<Option<Attrs>> {
        match self.sftp.stat(path).await {
            Ok(attrs) => Ok(Some(Attrs::from_sftp(&attrs.attrs))),
            Err(e) if is_missing(&e) => Ok(None),
            Err(e) => Err(self.error(path, e)),
        }
    }

    /// The attributes of `path` itself (a symbolic link is not followed).
    pub async fn lstat(&self, path: &str) -> Result<Attrs> {
        let attrs = self
            .sftp
            .lstat(path)
            .await
            .map_err(|e| self.error(path, e))?;
        Ok(Attrs::from_sftp(&attrs.attrs))
    }

    /// The entries of directory `path` (without `.` and `..`), with their own attributes.
    pub async fn list(&self, path: &str) -> Result<Vec<(String, Attrs)>> {
        let handle = self
            .sftp
            .opendir(path)
            .await
            .map_err(|e| self.error(path, e))?
            .handle;
        let mut entries = Vec::new();
        let listed = loop {
            match self.sftp.readdir(handle.as_str()).await {
                Ok(name) => entries.extend(
                    name.files
                        .into_iter()
                        .filter(|f| f.filename != "." && f.filename != "..")
                        .map(|f| (f.filename, Attrs::from_sftp(&f.attrs))),
                ),
                Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => break Ok(()),
                Err(e) => break Err(self.error(path, e)),
            }
        };
        let _ = self.sftp.close(handle).await;
        listed.map(|()| entries)
    }

    /// Makes directory `path` (owner-only until `set_attrs`); one already there is fine.
    pub async fn mkdir(&self, path: &str) -> Result<()> {
        let attrs = FileAttributes {
            permissions: Some(0o700),
            ..FileAttributes::empty()
        };
        match self.sftp.mkdir(path, attrs).await {
            Ok(_) => Ok(()),
            Err(e) => match self.stat(path).await? {
                Some(Attrs {
                    kind: FileKind::Dir,
                    ..
                }) => Ok(()),
                Some(_) => Err(Error::general(format!(
                    "{}:{path} exists and is not a directory",
                    self.name
                ))),
                None => Err(self.error(path, e)),
            },
        }
    }

    /// The absolute form of `path`.
    pub async fn canonical(&self, path: &str) -> Result<String> {
        let name = self.sftp.realpath(path).await;
        self.first_name(path, name, "no such directory")
    }

    /// Where the symbolic link `path` points, as written.
    pub async fn read_link(&self, path: &str) -> Result<String> {
        let name = self.sftp.readlink(path).await;
        self.first_name(path, name, "no link target")
    }

    /// The one name an answer about `path` carries (`missing` when it has none).
    fn first_name(
        &self,
        path: &str,
        answer: std::result::Result<russh_sftp::protocol::Name, SftpError>,
        missing: &str,
    ) -> Result<String> {
        answer
            .map_err(|e| self.error(path, e))?
            .files
            .into_iter()
            .next()
            .map(|f| f.filename)
            .ok_or_else(|| Error::general(format!("{}:{path}: {missing}", self.name)))
    }

    /// Makes `path` a symbolic link to `target`.
    pub async fn symlink(&self, path: &str, target: &str) -> Result<()> {
        // OpenSSH's server takes the two paths in the opposite order to the draft's
        // (target first); every other common server follows OpenSSH here.
        self.sftp
            .symlink(target, path)
            .await
            .map(drop)
            .map_err(|e| self.error(path, e))
    }

    /// Sets the mode and the access and modification times of `path`.
    pub async fn set_attrs(&self, path: &str, attrs: &Attrs) -> Result<()> {
        self.sftp
            .setstat(path, wanted(attrs))
            .await
            .map(drop)
            .map_err(|e| self.error(path, e))
    }

    /// Renames `from` to `to`, replacing what is there in one step where the server can.
    pub async fn rename_over(&self, from: &str, to: &str) -> Result<()> {
        if self.posix_rename {
            let mut data = Vec::with_capacity(8 + from.len() + to.len());
            for path in [from, to] {
                data.extend_from_slice(&(path.len() as u32).to_be_bytes());
                data.extend_from_slice(path.as_bytes());
            }
            return match self.sftp.extended(POSIX_RENAME, data).await {
                Ok(russh_sftp::protocol::Packet::Status(s)) if s.status_code == StatusCode::Ok => {
                    Ok(())
                }
                Ok(russh_sftp::protocol::Packet::Status(s)) => {
                    Err(self.error(to, SftpError::Status(s)))
                }
                Ok(_) => Err(self.error(to, SftpError::UnexpectedPacket)),
                Err(e) => Err(self.error(to, e)),
            };
        }
        // The plain rename of SFTP v3 refuses to replace: the old file goes first.
        if self.stat(to).await?.is_some() {
            self.remove(to).await?;
        }
        self.sftp
            .rename(from, to)
            .await
            .map(drop)
            .map_err(|e| self.error(to, e))
    }

    /// Removes file `path`.
    pub async fn remove(&self, path: &str) -> Result<()> {
        self.sftp
            .remove(path)
            .await
            .map(drop)
            .map_err(|e| self.error(path, e))
    }

    /// Writes all of `local` to a new file `path` (made owner-only, failing if it exists),
    /// with many writes in flight, then gives it `attrs` (mode and times, set once nothing
    /// more is written, in the same round trip as the close); what was sent is the result,
    /// to check with `check_upload`. Errors name `shown` (the final name, not `path`).
    pub async fn upload(
        &self,
        local: &mut tokio::fs::File,
        path: &str,
        shown: &str,
        attrs: &Attrs,
        on_bytes: &(dyn Fn(u64) + Sync),
    ) -> Result<Uploaded> {
        let private = FileAttributes {
            permissions: Some(0o600),
            ..FileAttributes::empty()
        };
        let flags = OpenFlags::CREATE | OpenFlags::EXCLUDE | OpenFlags::WRITE;
        let handle = self
            .sftp
            .open(path, flags, private)
            .await
            .map_err(|e| self.error(shown, e))?
            .handle;
        let written = self.write_all(local, &handle, path, shown, on_bytes).await;
        if written.is_err() {
            let _ = self.sftp.close(handle).await;
            return written;
        }
        // The server answers requests in order: the length is read, then the attributes set,
        // before the close. The length is the one thing the segments' sums do not cover.
        let (stat, set, closed) = tokio::join!(
            self.sftp.fstat(handle.as_str()),
            self.sftp.fsetstat(handle.as_str(), wanted(attrs)),
            self.sftp.close(handle.as_str())
        );
        let size = stat.map_err(|e| self.error(shown, e))?.attrs.size;
        set.map_err(|e| self.error(shown, e))?;
        closed.map_err(|e| self.error(shown, e))?;
        let written = written?;
        if size != Some(written.bytes) {
            return Err(Error::general(format!(
                "{}:{shown} holds {} bytes after the copy, not the {} sent; nothing was left under its name",
                self.name,
                size.map_or_else(|| "an unknown number of".to_string(), |s| s.to_string()),
                written.bytes
            )));
        }
        Ok(written)
    }

    async fn write_all(
        &self,
        local: &mut tokio::fs::File,
        handle: &str,
        path: &str,
        shown: &str,
        on_bytes: &(dyn Fn(u64) + Sync),
    ) -> Result<Uploaded> {
        let sha256 = || ring::digest::Context::new(&ring::digest::SHA256);
        let mut whole = sha256();
        let mut segment = sha256();
        let mut segments: Vec<Segment> = Vec::new();
        // Bytes acknowledged per segment: a segment whose every write is acknowledged is
        // whole on the devserver, and its sum is asked for while the rest goes on.
        let mut acked: Vec<u64> = Vec::new();
        let mut in_flight = FuturesUnordered::new();
        let most = (IN_FLIGHT / self.chunk).max(1) as usize;
        let mut offset = 0u64;
        let acknowledge = |at: u64, n: u64, segments: &mut Vec<Segment>, acked: &mut Vec<u64>| {
            let index = (at / SEGMENT) as usize;
            if acked.len() <= index {
                acked.resize(index + 1, 0);
            }
            acked[index] += n;
            if acked[index] == SEGMENT
                && let Some(segment) = segments.get_mut(index)
            {
                segment.ask(self.checksums.as_ref(), path);
            }
            on_bytes(n);
        };
        loop {
            // A chunk never straddles two segments.
            let room = SEGMENT - offset % SEGMENT;
            let mut chunk = Vec::with_capacity(self.chunk.min(room) as usize);
            let n = (&mut *local)
                .take(self.chunk.min(room))
                .read_to_end(&mut chunk)
                .await
                .map_err(|e| Error::general(format!("cannot read the local file: {e}")))?;
            if n == 0 {
                break;
            }
            whole.update(&chunk);
            segment.update(&chunk);
            let at = offset;
            offset += n as u64;
            if offset.is_multiple_of(SEGMENT) {
                let done = std::mem::replace(&mut segment, sha256());
                segments.push(Segment::new(offset - SEGMENT, SEGMENT, finish(done)));
            }
            in_flight.push(async move {
                self.sftp
                    .write(handle, at, chunk)
                    .await
                    .map(|_| (at, n as u64))
            });
            while in_flight.len() >= most {
                if let Some(sent) = in_flight.next().await {
                    let (at, n) = sent.map_err(|e| self.error(shown, e))?;
                    acknowledge(at, n, &mut segments, &mut acked);
                }
            }
        }
        while let Some(sent) = in_flight.next().await {
            let (at, n) = sent.map_err(|e| self.error(shown, e))?;
            acknowledge(at, n, &mut segments, &mut acked);
        }
        // The last, partial segment (or the only one of an empty file) is whole now.
        let tail = offset % SEGMENT;
        if tail > 0 || offset == 0 {
            let mut last = Segment::new(offset - tail, tail, finish(segment));
            last.ask(self.checksums.as_ref(), path);
            segments.push(last);
        }
        Ok(Uploaded {
            bytes: offset,
            digest: finish(whole),
            segments,
        })
    }

    /// Whether file `path` holds exactly what `uploaded` says was sent: each segment's
    /// SHA-256 as the devserver computed it (most while the upload went on), or, where the
    /// devserver cannot, the whole file read back. `Some` tells what differs.
    pub async fn check_upload(
        &self,
        path: &str,
        shown: &str,
        uploaded: Uploaded,
    ) -> Result<Option<Mismatch>> {
        if self.checksums.is_none() || path.contains('\n') {
            let there = self.sha256(path, uploaded.bytes).await?;
            return Ok((there != uploaded.digest).then_some(Mismatch {
                sent: uploaded.digest,
                there,
                range: None,
            }));
        }
        for segment in uploaded.segments {
            let Some(asked) = segment.there else {
                return Err(self.no_sum(shown));
            };
            let there = answer(asked, segment.len)
                .await
                .ok_or_else(|| self.no_sum(shown))?;
            if there != segment.sent {
                return Ok(Some(Mismatch {
                    sent: segment.sent,
                    there,
                    range: Some((segment.start, segment.start + segment.len)),
                }));
            }
        }
        Ok(None)
    }

    fn no_sum(&self, path: &str) -> Error {
        Error::general(format!(
            "cannot compute the SHA-256 of {}:{path} on the devserver",
            self.name
        ))
    }

    /// Reads `size` bytes of file `path` into `local`, with many reads in flight; the
    /// SHA-256 of what was received is the result. A file shorter than `size` is an error
    /// (it changed while it was copied).
    pub async fn download(
        &self,
        path: &str,
        size: u64,
        local: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
        on_bytes: &(dyn Fn(u64) + Sync),
    ) -> Result<Digest> {
        let handle = self
            .sftp
            .open(path, OpenFlags::READ, FileAttributes::empty())
            .await
            .map_err(|e| self.error(path, e))?
            .handle;
        let read = self.read_all(&handle, path, size, local, on_bytes).await;
        let _ = self.sftp.close(handle).await;
        read
    }

    async fn read_all(
        &self,
        handle: &str,
        path: &str,
        size: u64,
        local: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
        on_bytes: &(dyn Fn(u64) + Sync),
    ) -> Result<Digest> {
        let mut digest = ring::digest::Context::new(&ring::digest::SHA256);
        let mut in_flight = FuturesOrdered::new();
        let most = (IN_FLIGHT / self.chunk).max(1) as usize;
        let mut asked = 0u64;
        let mut received = 0u64;
        let shrank = || {
            Error::general(format!(
                "{}:{path} changed while it was copied (it got shorter)",
                self.name
            ))
        };
        while received < size {
            while in_flight.len() < most && asked < size {
                let at = asked;
                let len = self.chunk.min(size - at) as u32;
                asked += u64::from(len);
                in_flight
                    .push_back(async move { (at, len, self.sftp.read(handle, at, len).await) });
            }
            let Some((at, len, data)) = in_flight.next().await else {
                break;
            };
            let mut data = match data {
                Ok(data) => data.data,
                Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => {
                    return Err(shrank());
                }
                Err(e) => return Err(self.error(path, e)),
            };
            // A server may answer with less than asked; the rest is asked for again.
            while data.len() < len as usize {
                let more = self
                    .sftp
                    .read(handle, at + data.len() as u64, len - data.len() as u32)
                    .await;
                match more {
                    Ok(more) if !more.data.is_empty() => data.extend_from_slice(&more.data),
                    Ok(_) => return Err(shrank()),
                    Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => {
                        return Err(shrank());
                    }
                    Err(e) => return Err(self.error(path, e)),
                }
            }
            digest.update(&data);
            local
                .write_all(&data)
                .await
                .map_err(|e| Error::general(format!("cannot write the local file: {e}")))?;
            received += u64::from(len);
            on_bytes(u64::from(len));
        }
        Ok(finish(digest))
    }

    /// The SHA-256 of file `path` of `size` bytes: computed on the devserver, or, where it
    /// cannot be (no sha256sum there, a newline in the name), by reading the file back.
    pub async fn sha256(&self, path: &str, size: u64) -> Result<Digest> {
        if let Some(checksums) = &self.checksums
            && !path.contains('\n')
        {
            return answer(checksums.ask(format!("- - {path}")), size)
                .await
                .ok_or_else(|| self.no_sum(path));
        }
        self.download(path, size, &mut tokio::io::sink(), &|_| {})
            .await
    }

    /// The error for `path`: what the server said, or a lost connection (exit 255).
    fn error(&self, path: &str, e: SftpError) -> Error {
        match e {
            SftpError::Status(status) => {
                let why = match status.status_code {
                    StatusCode::NoSuchFile => "no such file or directory".to_string(),
                    StatusCode::PermissionDenied => "permission denied".to_string(),
                    _ if !status.error_message.is_empty() => status.error_message.to_lowercase(),
                    code => code.to_string(),
                };
                Error::general(format!("{}:{path}: {why}", self.name))
            }
            e => lost(&self.name, &format!("SFTP failed at {path}"), e),
        }
    }
}

/// Uploads are checked in segments of this many bytes (a multiple of the MiB that the
/// checksum shell counts in), each as soon as it is whole on the devserver, so that hashing
/// there goes on while the rest is sent instead of after it; small, so that little is left
/// to hash once the last byte is sent.
const SEGMENT: u64 = 8 * 1024 * 1024;

/// What an upload sent, to check it against what arrived.
pub struct Uploaded {
    pub bytes: u64,
    digest: Digest,
    segments: Vec<Segment>,
}

struct Segment {
    start: u64,
    len: u64,
    sent: Digest,
    /// The devserver's sum, once asked.
    there: Option<oneshot::Receiver<Option<Digest>>>,
}

impl Segment {
    fn new(start: u64, len: u64, sent: Digest) -> Segment {
        Segment {
            start,
            len,
            sent,
            there: None,
        }
    }

    fn ask(&mut self, checksums: Option<&Checksums>, path: &str) {
        if let Some(checksums) = checksums
            && self.there.is_none()
            && !path.contains('\n')
        {
            const MIB: u64 = 1024 * 1024;
            let (skip, count) = (self.start / MIB, self.len.div_ceil(MIB));
            self.there = Some(checksums.ask(format!("{skip} {count} {path}")));
        }
    }
}

/// Where an upload differs from what arrived.
pub struct Mismatch {
    pub sent: Digest,
    pub there: Digest,
    /// The bytes the digests cover, when a segment (not the whole file) differs.
    pub range: Option<(u64, u64)>,
}

/// The extension that renames over an existing file atomically.
const POSIX_RENAME: &str = "posix-rename@openssh.com";

/// The checksum shell's answer for `len` bytes, given time for a slow disk (10 MB/s) and for
/// the sums asked before it (ten minutes): a shell that never answers fails the check rather
/// than hanging the copy.
async fn answer(asked: oneshot::Receiver<Option<Digest>>, len: u64) -> Option<Digest> {
    let patience = std::time::Duration::from_secs(600 + len / 10_000_000);
    tokio::time::timeout(patience, asked)
        .await
        .ok()
        .and_then(Result::ok)
        .flatten()
}

/// The attributes `cp` sets: mode and times.
fn wanted(attrs: &Attrs) -> FileAttributes {
    FileAttributes {
        permissions: Some(attrs.mode),
        atime: Some(attrs.atime),
        mtime: Some(attrs.mtime),
        ..FileAttributes::empty()
    }
}

fn is_missing(e: &SftpError) -> bool {
    matches!(e, SftpError::Status(s) if s.status_code == StatusCode::NoSuchFile)
}

fn lost(name: &str, what: &str, e: SftpError) -> Error {
    Error::new(Kind::Connection, format!("{what} on devserver {name}: {e}"))
}

fn finish(digest: ring::digest::Context) -> Digest {
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.finish().as_ref());
    out
}

/// A shell on the devserver that answers each line written to it, `- - PATH` for a whole
/// file or `SKIP COUNT PATH` for COUNT MiB from SKIP MiB on, with the line `sha256sum`
/// prints for it (or `-` when it cannot read it), in order. The script is constant: paths
/// only ever reach it as data on its input, and relative ones get a `./` so that a file
/// named `-` is not read as standard input (its own requests).
const CHECKSUM_SCRIPT: &str = "for tool in sha256sum dd; do \
       command -v $tool >/dev/null 2>&1 || { echo none; exit 0; }; \
     done; \
     echo ready; \
     while IFS= read -r line; do \
       s=${line%% *}; r=${line#* }; c=${r%% *}; p=${r#* }; \
       case $p in /*) ;; *) p=./$p;; esac; \
       if [ \"$s\" = - ]; then sha256sum -- \"$p\"; \
       else dd if=\"$p\" bs=1048576 skip=\"$s\" count=\"$c\" | sha256sum; fi 2>/dev/null || echo -; \
     done";

type Answer = oneshot::Sender<Option<Digest>>;

/// Checksums computed on the devserver, many asked at once on one channel.
struct Checksums {
    ask: mpsc::UnboundedSender<(String, Answer)>,
}

impl Checksums {
    /// `None` when the devserver has no `sha256sum`.
    async fn start(connection: &Connection) -> Result<Option<Checksums>> {
        // A devserver that will not run it (a refused channel, a login shell that never gets
        // to the script) is checked by reading back; only a lost connection is an error.
        let Some(stream) = connection.command(CHECKSUM_SCRIPT).await? else {
            return Ok(None);
        };
        let (from, mut to) = tokio::io::split(stream);
        let mut lines = tokio::io::BufReader::new(from).lines();
        // What a login prints before the script runs (a noisy shell profile) is skipped.
        let ready = tokio::time::timeout(CHECKSUMS_START, async {
            loop {
                match lines.next_line().await {
                    Ok(Some(line)) if line == "ready" => return true,
                    Ok(Some(line)) if line != "none" => continue,
                    _ => return false,
                }
            }
        });
        if !ready.await.unwrap_or(false) {
            return Ok(None);
        }
        let (ask, mut asked) = mpsc::unbounded_channel::<(String, Answer)>();
        tokio::spawn(async move {
            let mut waiting: VecDeque<Answer> = VecDeque::new();
            loop {
                tokio::select! {
                    next = asked.recv() => {
                        let Some((path, answer)) = next else { break };
                        waiting.push_back(answer);
                        if to.write_all(format!("{path}\n").as_bytes()).await.is_err() {
                            break;
                        }
                    }
                    line = lines.next_line(), if !waiting.is_empty() => {
                        let Ok(Some(line)) = line else { break };
                        if let Some(answer) = waiting.pop_front() {
                            let _ = answer.send(parse_sum_line(&line));
                        }
                    }
                }
            }
            // Whoever still waits learns that there is no answer (their sender is dropped).
        });
        Ok(Some(Checksums { ask }))
    }

    /// Asks for one line's sum; the answer comes when the ones asked before it are done.
    fn ask(&self, line: String) -> oneshot::Receiver<Option<Digest>> {
        let (answer, answered) = oneshot::channel();
        // A closed shell drops the answer, which the receiver then reports.
        let _ = self.ask.send((line, answer));
        answered
    }
}

/// The digest in a line of `sha256sum` output: 64 hex digits, after the `\` that GNU's
/// prefixes when it escaped the name.
fn parse_sum_line(line: &str) -> Option<Digest> {
    let hex = line.strip_prefix('\\').unwrap_or(line).get(..64)?;
    let mut digest = [0u8; 32];
    for (i, byte) in digest.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(digest)
}

/// A digest as hex, for messages.
pub fn hex(digest: &Digest) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_lines_are_read_as_gnu_and_busybox_print_them() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let digest = parse_sum_line(&format!("{empty}  some file")).expect("a digest");
        assert_eq!(hex(&digest), empty);
        assert_eq!(
            parse_sum_line(&format!("\\{empty}  back\\\\slash")).map(|d| hex(&d)),
            Some(empty.to_string())
        );
        assert_eq!(parse_sum_line("-"), None);
        assert_eq!(parse_sum_line(""), None);
        assert_eq!(parse_sum_line(&format!("{}zz  x", &empty[..62])), None);
    }

    #[test]
    fn modes_say_what_a_path_is() {
        let attrs = |mode| {
            Attrs::from_sftp(&FileAttributes {
                permissions: Some(mode),
                ..FileAttributes::empty()
            })
        };
        assert_eq!(attrs(0o100644).kind, FileKind::File);
        assert_eq!(attrs(0o100644).mode, 0o644);
        assert_eq!(attrs(0o040755).kind, FileKind::Dir);
        assert_eq!(attrs(0o120777).kind, FileKind::Symlink);
        assert_eq!(attrs(0o010644).kind, FileKind::Other);
        assert_eq!(attrs(0o104755).mode, 0o4755);
    }
}
