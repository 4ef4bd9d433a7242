//! `cp` between this machine and a devserver over SFTP: which path is where, what the copy
//! will make (a file, or a tree walked level by level), and the copy itself, several files
//! at once. Each file goes to a temporary name beside its final one, is checked with SHA-256
//! on both sides, and only then takes its final name with its mode and times.

use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::{StreamExt as _, TryStreamExt as _};

use super::sftp::{self, Attrs, FileKind, Remote};
use crate::error::{Error, Result};

/// One side of a copy, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Local(PathBuf),
    /// `NAME:PATH`: a path on devserver `name`, relative ones from the login's home.
    Devserver {
        name: String,
        path: String,
    },
}

impl Location {
    /// `NAME:PATH` is on a devserver when NAME holds no `/` (so `./a:b` and `/x:y` stay
    /// local paths, as scp and kubectl cp read them).
    pub fn parse(text: &str) -> Location {
        match text.split_once(':') {
            Some((name, path)) if !name.is_empty() && !name.contains('/') => Location::Devserver {
                name: name.to_string(),
                path: remote_path(path),
            },
            _ => Location::Local(PathBuf::from(text)),
        }
    }
}

/// A remote path as SFTP takes it: `~` and `~/...` are the home directory, where relative
/// paths start anyway; nothing at all is the home directory too.
fn remote_path(path: &str) -> String {
    let path = if path == "~" {
        ""
    } else {
        path.strip_prefix("~/").unwrap_or(path)
    };
    if path.is_empty() {
        ".".to_string()
    } else {
        path.to_string()
    }
}

/// Which way a copy goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Direction {
    Upload { local: PathBuf, path: String },
    Download { path: String, local: PathBuf },
}

/// The devserver and the direction of `cp SRC DST`.
pub fn direction(source: Location, destination: Location) -> Result<(String, Direction), String> {
    match (source, destination) {
        (Location::Local(local), Location::Devserver { name, path }) => {
            Ok((name, Direction::Upload { local, path }))
        }
        (Location::Devserver { name, path }, Location::Local(local)) => {
            Ok((name, Direction::Download { path, local }))
        }
        (Location::Local(_), Location::Local(_)) => Err(
            "neither SRC nor DST is on a devserver: write one as NAME:PATH (use cp for local copies)"
                .into(),
        ),
        (Location::Devserver { .. }, Location::Devserver { .. }) => Err(
            "both SRC and DST are on devservers: copy to a local directory first, then on".into(),
        ),
    }
}

/// Whether the copy goes inside the destination or becomes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// DST is a directory: SRC goes in it under its own name.
    Inside,
    /// SRC is copied to DST itself.
    As,
}

/// As cp decides: an existing directory receives the source, anything else is the target
/// (a directory cannot replace a file, and a name ending in `/` must be a directory).
pub fn placement(
    destination: Option<FileKind>,
    source_is_dir: bool,
    trailing_slash: bool,
) -> Result<Placement, &'static str> {
    match destination {
        Some(FileKind::Dir) => Ok(Placement::Inside),
        Some(_) if source_is_dir => Err("exists and is not a directory"),
        Some(_) if trailing_slash => Err("is not a directory"),
        Some(_) => Ok(Placement::As),
        None if trailing_slash => Err("no such directory"),
        None => Ok(Placement::As),
    }
}

/// The name a file is written under until it is checked: hidden, beside the final one, and
/// short enough for any file system (NAME_MAX is 255 bytes) whatever the final name's length:
/// at most its first 64 bytes are kept, the rest is unique by itself.
pub fn temporary_name(final_name: &str) -> String {
    let mut random = [0u8; 6];
    // Without randomness the name is still unique enough with the process id.
    let _ = getrandom::fill(&mut random);
    let tag: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let mut keep = final_name.len().min(64);
    while !final_name.is_char_boundary(keep) {
        keep -= 1;
    }
    format!(
        ".{}.devctl-{}-{tag}.part",
        &final_name[..keep],
        std::process::id()
    )
}

fn join(dir: &str, name: &str) -> String {
    match dir {
        "." => name.to_string(),
        d if d.ends_with('/') => format!("{d}{name}"),
        d => format!("{d}/{name}"),
    }
}

/// Splits a remote path into its directory and its last name (`.` for a bare name).
fn split(path: &str) -> (&str, &str) {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rsplit_once('/') {
        Some(("", name)) => ("/", name),
        Some((dir, name)) => (dir, name),
        None => (".", trimmed),
    }
}

/// One thing in a tree being copied, by its path below the tree's top ("" for the top).
#[derive(Debug, Clone)]
struct Entry {
    below: String,
    attrs: Attrs,
    /// Where a symbolic link points.
    link: Option<String>,
}

/// What a copy did, for the command to tell.
#[derive(Debug, Default)]
pub struct Report {
    pub files: u64,
    pub bytes: u64,
    /// Paths that were not copied because they are neither files, directories nor links.
    pub skipped: Vec<String>,
}

/// Files copied at once (each with many requests in flight itself): small files cost round
/// trips more than bytes.
const FILES_AT_ONCE: usize = 8;
/// How long removing the temporary files of an interrupted copy may take.
const CLEAN_UP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// Directories listed at once (each holds a handle open on the server).
const LISTINGS_AT_ONCE: usize = 16;

/// The total bytes of the files of a copy, known before it starts (for the progress bar),
/// and the copy. Progress is reported through `on_bytes`.
pub struct Transfer {
    remote: Remote,
    name: String,
    direction: Direction,
    entries: Vec<Entry>,
    /// The top of the tree on the devserver (the source or the target) and here.
    remote_top: String,
    local_top: PathBuf,
    pub total_bytes: u64,
    skipped: Vec<String>,
    /// The temporary files that exist now, for `clean_up` after an interruption.
    temporaries: Mutex<Vec<Temporary>>,
}

/// A file written under a temporary name, on one side or the other.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Temporary {
    Local(PathBuf),
    Devserver(String),
}

impl Transfer {
    /// Walks the source and decides the target: nothing is written yet.
    pub async fn plan(remote: Remote, name: &str, direction: Direction) -> Result<Transfer> {
        let (entries, skipped, remote_top, local_top) = match &direction {
            Direction::Upload { local, path } => {
                let walked = {
                    let local = local.clone();
                    tokio::task::spawn_blocking(move || walk_local(&local))
                };
                let (walked, destination) = tokio::join!(walked, remote.stat(path));
                let (entries, skipped) = walked.map_err(|e| {
                    Error::general(format!("cannot read {}: {e}", local.display()))
                })??;
                let top_is_dir = entries[0].attrs.kind == FileKind::Dir;
                let trailing = path.ends_with('/');
                let placed = placement(destination?.map(|a| a.kind), top_is_dir, trailing)
                    .map_err(|why| Error::general(format!("{name}:{path}: {why}")))?;
                let target = match placed {
                    Placement::As => path.trim_end_matches('/').to_string(),
                    Placement::Inside => join(path, &local_name(local)?),
                };
                let target = if target.is_empty() {
                    "/".into()
                } else {
                    target
                };
                (entries, skipped, target, PathBuf::new())
            }
            Direction::Download { path, local } => {
                let top = remote.stat(path).await?.ok_or_else(|| {
                    Error::general(format!("{name}:{path}: no such file or directory"))
                })?;
                let (entries, skipped) = walk_remote(&remote, path, top).await?;
                let destination = match std::fs::metadata(local) {
                    Ok(m) if m.is_dir() => Some(FileKind::Dir),
                    Ok(_) => Some(FileKind::File),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                    Err(e) => {
                        return Err(Error::general(format!("{}: {e}", local.display())));
                    }
                };
                let trailing = local.as_os_str().to_string_lossy().ends_with('/');
                let placed = placement(destination, top.kind == FileKind::Dir, trailing)
                    .map_err(|why| Error::general(format!("{}: {why}", local.display())))?;
                let local_target = match placed {
                    Placement::As => local.clone(),
                    Placement::Inside => local.join(remote_name(&remote, path).await?),
                };
                (entries, skipped, path.clone(), local_target)
            }
        };
        let total_bytes = entries
            .iter()
            .filter(|e| e.attrs.kind == FileKind::File)
            .map(|e| e.attrs.size)
            .sum();
        Ok(Transfer {
            remote,
            name: name.to_string(),
            direction,
            entries,
            remote_top,
            local_top,
            total_bytes,
            skipped,
            temporaries: Mutex::new(Vec::new()),
        })
    }

    /// Copies everything, stopping at the first failure (the files in flight then finish or
    /// remove their temporary copies).
    pub async fn run(&self, on_bytes: &(dyn Fn(u64) + Sync)) -> Result<Report> {
        let copy = self;
        let upload = matches!(self.direction, Direction::Upload { .. });
        let dirs: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.attrs.kind == FileKind::Dir)
            .collect();
        // Parents before children: the walk is level by level.
        for level in levels(&dirs) {
            let made = futures::future::join_all(level.iter().map(|dir| async move {
                if upload {
                    copy.remote.mkdir(&copy.remote_at(&dir.below)).await
                } else {
                    make_local_dir(&copy.local_at(&dir.below))
                }
            }))
            .await;
            made.into_iter().collect::<Result<Vec<()>>>()?;
        }

        let failed = AtomicBool::new(false);
        let first_error: Mutex<Option<Error>> = Mutex::new(None);
        let report = Mutex::new(Report::default());
        let others = self
            .entries
            .iter()
            .filter(|e| matches!(e.attrs.kind, FileKind::File | FileKind::Symlink));
        futures::stream::iter(others)
            .for_each_concurrent(FILES_AT_ONCE, |entry| {
                let (failed, first_error, report) = (&failed, &first_error, &report);
                async move {
                    if failed.load(Ordering::SeqCst) {
                        return;
                    }
                    let copied = match (entry.attrs.kind, upload) {
                        (FileKind::Symlink, true) => copy.upload_link(entry).await,
                        (FileKind::Symlink, false) => copy.download_link(entry),
                        (_, true) => copy.upload_file(entry, on_bytes).await,
                        (_, false) => copy.download_file(entry, on_bytes).await,
                    };
                    match copied {
                        Ok(()) => {
                            let mut report = report.lock().unwrap_or_else(|p| p.into_inner());
                            if entry.attrs.kind == FileKind::File {
                                report.files += 1;
                                report.bytes += entry.attrs.size;
                            }
                        }
                        Err(e) => {
                            failed.store(true, Ordering::SeqCst);
                            first_error
                                .lock()
                                .unwrap_or_else(|p| p.into_inner())
                                .get_or_insert(e);
                        }
                    }
                }
            })
            .await;
        if let Some(e) = first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
            return Err(e);
        }

        // A directory's time is set once nothing more is written in it: children first.
        for level in levels(&dirs).into_iter().rev() {
            let set = futures::future::join_all(level.iter().map(|dir| async move {
                if upload {
                    copy.remote
                        .set_attrs(&copy.remote_at(&dir.below), &dir.attrs)
                        .await
                } else {
                    set_local_attrs(&copy.local_at(&dir.below), &dir.attrs)
                }
            }))
            .await;
            set.into_iter().collect::<Result<Vec<()>>>()?;
        }
        let mut report = report.into_inner().unwrap_or_else(|p| p.into_inner());
        report.skipped = self.skipped.clone();
        Ok(report)
    }

    /// Removes the temporary files of a copy that was stopped in its middle (its future
    /// dropped), so that nothing but whole, checked files is left.
    pub async fn clean_up(&self) {
        let left = std::mem::take(&mut *self.temporaries.lock().unwrap_or_else(|p| p.into_inner()));
        let mut remote = Vec::new();
        for temporary in left {
            match temporary {
                Temporary::Local(path) => {
                    let _ = std::fs::remove_file(path);
                }
                Temporary::Devserver(path) => remote.push(path),
            }
        }
        // All at once, and not for long: a connection that no longer answers is not waited on.
        let removals = remote.iter().map(|path| self.remote.remove(path));
        let _ = tokio::time::timeout(CLEAN_UP_TIMEOUT, futures::future::join_all(removals)).await;
    }

    fn hold(&self, temporary: Temporary) {
        self.temporaries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(temporary);
    }

    fn release(&self, temporary: &Temporary) {
        self.temporaries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|t| t != temporary);
    }

    fn remote_at(&self, below: &str) -> String {
        if below.is_empty() {
            self.remote_top.clone()
        } else {
            join(&self.remote_top, below)
        }
    }

    fn local_at(&self, below: &str) -> PathBuf {
        if below.is_empty() {
            self.local_top.clone()
        } else {
            self.local_top.join(below)
        }
    }

    fn local_source(&self, below: &str) -> PathBuf {
        match &self.direction {
            Direction::Upload { local, .. } if below.is_empty() => local.clone(),
            Direction::Upload { local, .. } => local.join(below),
            Direction::Download { .. } => PathBuf::new(),
        }
    }

    async fn upload_file(&self, entry: &Entry, on_bytes: &(dyn Fn(u64) + Sync)) -> Result<()> {
        let source = self.local_source(&entry.below);
        let target = self.remote_at(&entry.below);
        let (dir, base) = split(&target);
        let temporary = join(dir, &temporary_name(base));
        let read_error =
            |e: std::io::Error| Error::general(format!("cannot read {}: {e}", source.display()));
        let mut file = tokio::fs::File::open(&source).await.map_err(read_error)?;
        // The file as it is when its reading starts: its mode and times go with it, and it
        // must be the same when the reading ends.
        let before = file.metadata().await.map_err(read_error)?;
        let attrs = attrs_of(&before);
        let shown = format!("{}:{target}", self.name);
        let held = Temporary::Devserver(temporary.clone());
        self.hold(held.clone());
        let copied = async {
            let uploaded = self
                .remote
                .upload(&mut file, &temporary, &target, &attrs, on_bytes)
                .await?;
            // What was read must be the file as it was found: one that changed meanwhile
            // would arrive torn, however well the bytes sent are checked.
            let after = file.metadata().await.map_err(read_error)?;
            if uploaded.bytes != before.len() || stamp(&after) != stamp(&before) {
                return Err(Error::general(format!(
                    "{} changed while it was copied; nothing was left under {shown}",
                    source.display()
                ))
                .hint("copy it again once nothing writes to it"));
            }
            if let Some(differs) = self
                .remote
                .check_upload(&temporary, &target, uploaded)
                .await?
            {
                let from = match differs.range {
                    Some((start, end)) => format!("{} (bytes {start} to {end})", source.display()),
                    None => source.display().to_string(),
                };
                return Err(mismatch(&from, &shown, &differs.sent, &differs.there));
            }
            self.remote.rename_over(&temporary, &target).await
        }
        .await;
        if copied.is_err() {
            let _ = self.remote.remove(&temporary).await;
        }
        self.release(&held);
        copied
    }

    async fn download_file(&self, entry: &Entry, on_bytes: &(dyn Fn(u64) + Sync)) -> Result<()> {
        let source = self.remote_at(&entry.below);
        let target = self.local_at(&entry.below);
        let base = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temporary = target.with_file_name(temporary_name(&base));
        let write_error =
            |e: std::io::Error| Error::general(format!("cannot write {}: {e}", target.display()));
        let held = Temporary::Local(temporary.clone());
        self.hold(held.clone());
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temporary)
            .map(tokio::fs::File::from_std);
        let mut file = match opened {
            Ok(file) => file,
            Err(e) => {
                self.release(&held);
                return Err(write_error(e));
            }
        };
        let copied = async {
            let (received, there) = tokio::try_join!(
                async {
                    let received = self
                        .remote
                        .download(&source, entry.attrs.size, &mut file, on_bytes)
                        .await?;
                    tokio::io::AsyncWriteExt::flush(&mut file)
                        .await
                        .map_err(write_error)?;
                    Ok::<_, Error>(received)
                },
                self.remote.sha256(&source, entry.attrs.size)
            )?;
            if there != received {
                return Err(mismatch(
                    &format!("{}:{source}", self.name),
                    &target.display().to_string(),
                    &there,
                    &received,
                ));
            }
            drop(file);
            set_local_attrs(&temporary, &entry.attrs)?;
            std::fs::rename(&temporary, &target).map_err(write_error)
        }
        .await;
        if copied.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        self.release(&held);
        copied
    }

    async fn upload_link(&self, entry: &Entry) -> Result<()> {
        let target = self.remote_at(&entry.below);
        let link = entry.link.as_deref().unwrap_or_default();
        if self.remote.lstat(&target).await.is_ok() {
            self.remote.remove(&target).await?;
        }
        self.remote.symlink(&target, link).await
    }

    fn download_link(&self, entry: &Entry) -> Result<()> {
        let target = self.local_at(&entry.below);
        let link = entry.link.as_deref().unwrap_or_default();
        if target.symlink_metadata().is_ok() {
            std::fs::remove_file(&target)
                .map_err(|e| Error::general(format!("cannot replace {}: {e}", target.display())))?;
        }
        std::os::unix::fs::symlink(link, &target)
            .map_err(|e| Error::general(format!("cannot write {}: {e}", target.display())))
    }
}

fn mismatch(from: &str, to: &str, sent: &sftp::Digest, got: &sftp::Digest) -> Error {
    Error::general(format!(
        "{to} does not match {from} after the copy (SHA-256 {} sent, {} received); nothing was left under its name",
        sftp::hex(sent),
        sftp::hex(got)
    ))
    .hint("run the copy again; if it keeps failing, the file changes while it is copied")
}

/// Whether `name` is what devctl writes while a file is being copied: never copied itself.
fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.contains(".devctl-") && name.ends_with(".part")
}

/// A name the devserver listed, refused unless it is one plain name: a server that sends
/// `..`, a path, or an absolute name must not get a download to write outside its target.
fn plain_name(name: &str, dir: &str) -> Result<()> {
    let unsafe_name =
        name.is_empty() || name == "." || name == ".." || name.contains('/') || name.contains('\0');
    if unsafe_name {
        return Err(Error::general(format!(
            "the devserver listed {name:?} in {dir}, which is not a file name; nothing more was copied"
        )));
    }
    not_lossy(name, dir)
}

/// Names and link targets that were not UTF-8 arrive with U+FFFD in place of their bytes:
/// refused rather than copied under another name or pointing elsewhere.
fn not_lossy(text: &str, dir: &str) -> Result<()> {
    if text.contains('\u{FFFD}') {
        return Err(Error::general(format!(
            "{dir} holds a name that is not UTF-8 ({text:?}), which devctl cannot copy exactly"
        )));
    }
    Ok(())
}

/// Directories grouped by depth, shallowest first.
fn levels<'a>(dirs: &[&'a Entry]) -> Vec<Vec<&'a Entry>> {
    let mut levels: Vec<Vec<&Entry>> = Vec::new();
    for dir in dirs {
        let depth = if dir.below.is_empty() {
            0
        } else {
            dir.below.matches('/').count() + 1
        };
        if levels.len() <= depth {
            levels.resize_with(depth + 1, Vec::new);
        }
        levels[depth].push(dir);
    }
    levels
}

fn local_name(path: &Path) -> Result<String> {
    let named = match path.file_name() {
        Some(name) => Some(name.to_os_string()),
        // `.`, `..` and `/` have no name of their own: the directory's real one.
        None => std::fs::canonicalize(path)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_os_string())),
    };
    let named = named.ok_or_else(|| {
        Error::general(format!(
            "{} has no name to copy it under: name the target, e.g. NAME:/path/dir",
            path.display()
        ))
    })?;
    utf8(Path::new(&named), path)
}

async fn remote_name(remote: &Remote, path: &str) -> Result<String> {
    let (_, base) = split(path);
    if !matches!(base, "." | ".." | "" | "/") {
        return Ok(base.to_string());
    }
    let canonical = remote.canonical(path).await?;
    let (_, base) = split(&canonical);
    let base = match base {
        "" | "/" => "root",
        base => base,
    };
    // The server's answer names a local directory: only a plain name will do.
    plain_name(base, path)?;
    Ok(base.to_string())
}

fn utf8(name: &Path, whole: &Path) -> Result<String> {
    name.to_str().map(str::to_string).ok_or_else(|| {
        Error::general(format!(
            "{}: devctl copies only UTF-8 names, and this one is not",
            whole.display()
        ))
    })
}

/// What changes whenever a file's content does: its length, and its modification and
/// change times to the nanosecond.
fn stamp(meta: &std::fs::Metadata) -> (u64, i64, i64, i64, i64) {
    (
        meta.len(),
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
    )
}

fn attrs_of(meta: &std::fs::Metadata) -> Attrs {
    let kind = if meta.file_type().is_symlink() {
        FileKind::Symlink
    } else if meta.is_dir() {
        FileKind::Dir
    } else if meta.is_file() {
        FileKind::File
    } else {
        FileKind::Other
    };
    Attrs {
        kind,
        size: meta.len(),
        mode: meta.mode() & 0o7777,
        atime: meta.atime().clamp(0, i64::from(u32::MAX)) as u32,
        mtime: meta.mtime().clamp(0, i64::from(u32::MAX)) as u32,
    }
}

/// The local tree at `top`, level by level (the top itself followed if it is a link).
fn walk_local(top: &Path) -> Result<(Vec<Entry>, Vec<String>)> {
    let read = |path: &Path, e: std::io::Error| {
        Error::general(format!("cannot read {}: {e}", path.display()))
    };
    let meta = std::fs::metadata(top).map_err(|e| read(top, e))?;
    let root = Entry {
        below: String::new(),
        attrs: attrs_of(&meta),
        link: None,
    };
    let mut skipped = Vec::new();
    match root.attrs.kind {
        FileKind::File | FileKind::Dir => {}
        _ => {
            return Err(Error::general(format!(
                "{} is neither a file nor a directory",
                top.display()
            )));
        }
    }
    let mut entries = vec![root];
    let mut next = 0;
    while next < entries.len() {
        let entry = entries[next].clone();
        next += 1;
        if entry.attrs.kind != FileKind::Dir {
            continue;
        }
        let dir = if entry.below.is_empty() {
            top.to_path_buf()
        } else {
            top.join(&entry.below)
        };
        let mut children: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| read(&dir, e))?
            .collect::<std::io::Result<_>>()
            .map_err(|e| read(&dir, e))?;
        children.sort_by_key(|c| c.file_name());
        for child in children {
            let path = child.path();
            let name = utf8(Path::new(&child.file_name()), &path)?;
            if is_temporary(&name) {
                continue;
            }
            let below = if entry.below.is_empty() {
                name
            } else {
                format!("{}/{name}", entry.below)
            };
            let meta = std::fs::symlink_metadata(&path).map_err(|e| read(&path, e))?;
            let attrs = attrs_of(&meta);
            let link = match attrs.kind {
                FileKind::Symlink => {
                    let target = std::fs::read_link(&path).map_err(|e| read(&path, e))?;
                    Some(utf8(&target, &path)?)
                }
                FileKind::Other => {
                    skipped.push(path.display().to_string());
                    continue;
                }
                _ => None,
            };
            entries.push(Entry { below, attrs, link });
        }
    }
    Ok((entries, skipped))
}

/// The tree at `top` on the devserver, level by level, each level's directories listed at
/// once.
async fn walk_remote(
    remote: &Remote,
    top: &str,
    attrs: Attrs,
) -> Result<(Vec<Entry>, Vec<String>)> {
    if !matches!(attrs.kind, FileKind::File | FileKind::Dir) {
        return Err(Error::general(format!(
            "{top} on the devserver is neither a file nor a directory"
        )));
    }
    let at = |below: &str| {
        if below.is_empty() {
            top.to_string()
        } else {
            join(top, below)
        }
    };
    let mut entries = vec![Entry {
        below: String::new(),
        attrs,
        link: None,
    }];
    let mut skipped = Vec::new();
    let mut level: Vec<String> = match attrs.kind {
        FileKind::Dir => vec![String::new()],
        _ => Vec::new(),
    };
    while !level.is_empty() {
        // Each listing holds a directory handle open on the server, whose number is limited.
        let listed: Vec<Vec<(String, Attrs)>> = futures::stream::iter(level.iter().map(|below| {
            let path = at(below);
            async move { remote.list(&path).await }
        }))
        .buffered(LISTINGS_AT_ONCE)
        .try_collect()
        .await?;
        let mut next = Vec::new();
        let mut links = Vec::new();
        for (below, mut children) in level.iter().zip(listed) {
            children.sort_by(|a, b| a.0.cmp(&b.0));
            for (name, attrs) in children {
                plain_name(&name, &at(below))?;
                if is_temporary(&name) {
                    continue;
                }
                let below = if below.is_empty() {
                    name
                } else {
                    format!("{below}/{name}")
                };
                match attrs.kind {
                    FileKind::Dir => next.push(below.clone()),
                    FileKind::Symlink => links.push(entries.len()),
                    FileKind::File => {}
                    FileKind::Other => {
                        skipped.push(format!("{}:{}", remote.name(), at(&below)));
                        continue;
                    }
                }
                entries.push(Entry {
                    below,
                    attrs,
                    link: None,
                });
            }
        }
        let targets: Vec<String> = futures::stream::iter(links.iter().map(|&i| {
            let path = at(&entries[i].below);
            async move { remote.read_link(&path).await }
        }))
        .buffered(LISTINGS_AT_ONCE)
        .try_collect()
        .await?;
        for (i, target) in links.into_iter().zip(targets) {
            not_lossy(&target, &at(&entries[i].below))?;
            entries[i].link = Some(target);
        }
        level = next;
    }
    Ok((entries, skipped))
}

/// Makes a directory owner-only until its own mode is set at the end (so a copy that fails
/// leaves nothing readable that the source kept private); one already there is used, but
/// never through a symbolic link.
pub(crate) fn make_local_dir(path: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    match std::fs::DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => Ok(()),
        Err(e)
            if e.kind() == std::io::ErrorKind::AlreadyExists
                && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) =>
        {
            Ok(())
        }
        Err(e) => Err(Error::general(format!(
            "cannot make {}: {e}",
            path.display()
        ))),
    }
}

fn set_local_attrs(path: &Path, attrs: &Attrs) -> Result<()> {
    let fail = |e: std::io::Error| {
        Error::general(format!(
            "cannot set the mode and times of {}: {e}",
            path.display()
        ))
    };
    let time = |secs: u32| std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::from(secs));
    let times = std::fs::FileTimes::new()
        .set_accessed(time(attrs.atime))
        .set_modified(time(attrs.mtime));
    std::fs::File::open(path)
        .and_then(|f| f.set_times(times))
        .map_err(fail)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(attrs.mode)).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_name_fits_a_file_system_whatever_the_final_name() {
        let long = "é".repeat(127) + "x";
        assert_eq!(long.len(), 255);
        let temporary = temporary_name(&long);
        assert!(temporary.len() <= 255, "{} bytes", temporary.len());
        assert!(temporary.starts_with(&format!(".{}", "é".repeat(32))));
        assert_ne!(temporary_name(&long), temporary, "unique");
        let short = temporary_name("model.pt");
        assert!(short.starts_with(".model.pt.devctl-") && short.ends_with(".part"));
    }

    #[test]
    fn a_name_before_a_colon_is_a_devserver_and_paths_stay_local() {
        assert_eq!(
            Location::parse("mydev:/tmp/x"),
            Location::Devserver {
                name: "mydev".into(),
                path: "/tmp/x".into()
            }
        );
        assert_eq!(
            Location::parse("mydev:"),
            Location::Devserver {
                name: "mydev".into(),
                path: ".".into()
            }
        );
        assert_eq!(
            Location::parse("mydev:~/src"),
            Location::Devserver {
                name: "mydev".into(),
                path: "src".into()
            }
        );
        for local in ["./a:b", "/x:y", "file", ":x", "dir/sub:z"] {
            assert_eq!(
                Location::parse(local),
                Location::Local(local.into()),
                "{local}"
            );
        }
    }

    #[test]
    fn one_side_must_be_a_devserver() {
        let local = || Location::Local("f".into());
        let remote = || Location::Devserver {
            name: "d".into(),
            path: "p".into(),
        };
        assert!(matches!(
            direction(local(), remote()),
            Ok((_, Direction::Upload { .. }))
        ));
        assert!(matches!(
            direction(remote(), local()),
            Ok((_, Direction::Download { .. }))
        ));
        assert!(direction(local(), local()).is_err());
        assert!(direction(remote(), remote()).is_err());
    }

    #[test]
    fn the_target_is_decided_as_cp_decides() {
        use FileKind::*;
        assert_eq!(placement(Some(Dir), false, false), Ok(Placement::Inside));
        assert_eq!(placement(Some(Dir), true, true), Ok(Placement::Inside));
        assert_eq!(placement(Some(File), false, false), Ok(Placement::As));
        assert_eq!(placement(None, true, false), Ok(Placement::As));
        assert_eq!(placement(None, false, false), Ok(Placement::As));
        assert!(placement(Some(File), true, false).is_err());
        assert!(placement(Some(File), false, true).is_err());
        assert!(placement(None, false, true).is_err());
    }

    #[test]
    fn temporary_names_are_hidden_beside_the_final_one_and_differ() {
        let one = temporary_name("data.bin");
        assert!(
            one.starts_with(".data.bin.devctl-") && one.ends_with(".part"),
            "{one}"
        );
        assert_ne!(one, temporary_name("data.bin"));
    }

    #[test]
    fn only_plain_names_from_the_devserver_are_taken() {
        for bad in [
            "",
            ".",
            "..",
            "../x",
            "/etc/passwd",
            "a/b",
            "nul\0",
            "lossy\u{FFFD}",
        ] {
            assert!(plain_name(bad, "dir").is_err(), "{bad:?}");
        }
        for good in ["file", ".hidden", "..dots", "with space", "ünï"] {
            assert!(plain_name(good, "dir").is_ok(), "{good:?}");
        }
        assert!(is_temporary(&temporary_name("x")));
        assert!(!is_temporary(".x.part"));
    }

    #[test]
    fn remote_paths_split_into_directory_and_name() {
        assert_eq!(split("/a/b"), ("/a", "b"));
        assert_eq!(split("/a/b/"), ("/a", "b"));
        assert_eq!(split("/x"), ("/", "x"));
        assert_eq!(split("name"), (".", "name"));
        assert_eq!(join(".", "n"), "n");
        assert_eq!(join("/", "n"), "/n");
        assert_eq!(join("/a", "n"), "/a/n");
    }

    #[test]
    fn directories_are_grouped_by_depth() {
        let dir = |below: &str| Entry {
            below: below.into(),
            attrs: Attrs {
                kind: FileKind::Dir,
                size: 0,
                mode: 0o755,
                atime: 0,
                mtime: 0,
            },
            link: None,
        };
        let dirs = [dir(""), dir("a"), dir("a/b"), dir("c")];
        let refs: Vec<&Entry> = dirs.iter().collect();
        let depths: Vec<Vec<&str>> = levels(&refs)
            .iter()
            .map(|l| l.iter().map(|e| e.below.as_str()).collect())
            .collect();
        assert_eq!(depths, vec![vec![""], vec!["a", "c"], vec!["a/b"]]);
    }
}
