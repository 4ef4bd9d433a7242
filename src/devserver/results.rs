//! Reading a job's results back (JOBS.md): which pod of each index holds them, the short-lived
//! reader pod that mounts its claim, the one sh program that runs in it (a walker with SHA-256
//! sums, and `cat`), what that program prints, and where each file goes here. Pure: no I/O.

use std::path::{Path, PathBuf};

use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::Pod;

use super::job;

/// Annotation on the Job: the image its command runs in, which the reader uses too.
pub use super::job::IMAGE_ANNOTATION;
/// The reader's container.
pub const READER_CONTAINER: &str = "reader";
/// Where the reader mounts the results claim (read-only).
pub const MOUNT: &str = "/devctl/results";
/// `$0` of the program, as `ps` in the reader shows it.
const PROGRAM_NAME: &str = "devctl-results";
/// The program's exit code when the image has none of the SHA-256 tools.
pub const NO_HASHER_EXIT: u8 = 90;
/// The program's exit code when the directory to list is not there (an index of a gang whose
/// pod never started).
pub const NO_DIR_EXIT: u8 = 91;
/// The program's exit code when a listed file is no longer a plain file.
pub const NOT_A_FILE_EXIT: u8 = 93;

/// The one program the reader runs, in `sh -c PROGRAM devctl-results MODE ROOT [PATH]`: the
/// paths only ever arrive as arguments. `list` walks ROOT (symbolic links are listed, never
/// followed) and prints each entry as NUL-ended fields: `d PATH`, `f PATH SIZE X|- SHA256SUM`,
/// `l PATH`, `o PATH` (neither file, directory nor link), `e PATH MESSAGE` (unreadable), then
/// `end`. `cat` sends the bytes of the file PATH, which comes as one octal escape per byte so
/// that any name (not UTF-8, with newlines) passes through the exec API's text arguments.
pub const PROGRAM: &str = r#"export LC_ALL=C
mode=$1 root=$2
walk() {
  for p in "$1"/* "$1"/.[!.]* "$1"/..?*; do
    [ -e "$p" ] || [ -L "$p" ] || continue
    r=${p#"$root"/}
    if [ -L "$p" ]; then
      printf 'l\0%s\0' "$r"
    elif [ -d "$p" ]; then
      [ "$1" = "$root" ] && [ "$r" = lost+found ] && continue
      printf 'd\0%s\0' "$r"
      if [ -r "$p" ] && [ -x "$p" ]; then
        walk "$p"
      else
        printf 'e\0%s\0%s\0' "$r" "cannot read this directory"
      fi
    elif [ -f "$p" ]; then
      x=-
      [ -x "$p" ] && x=x
      if ! s=$(wc -c 2>&1 <"$p"); then
        printf 'e\0%s\0%s\0' "$r" "$s"
      elif ! h=$($hasher 2>&1 <"$p"); then
        printf 'e\0%s\0%s\0' "$r" "$h"
      else
        printf 'f\0%s\0%s\0%s\0%s\0' "$r" "$s" "$x" "$h"
      fi
    else
      printf 'o\0%s\0' "$r"
    fi
  done
}
case $mode in
list)
  if command -v sha256sum >/dev/null 2>&1; then hasher=sha256sum
  elif command -v shasum >/dev/null 2>&1; then hasher='shasum -a 256'
  elif command -v openssl >/dev/null 2>&1; then hasher='openssl dgst -sha256 -r'
  else echo "devctl: no sha256sum, shasum or openssl in the image" >&2; exit 90
  fi
  [ -d "$root" ] || { echo "devctl: $root is not a directory" >&2; exit 91; }
  walk "$root"
  printf 'end\0'
  ;;
cat)
  f=$(printf "$3"; printf x) || exit 92
  f=$root/${f%x}
  if [ -L "$f" ] || [ ! -f "$f" ]; then
    echo "devctl: no longer a file" >&2
    exit 93
  fi
  exec cat <"$f"
  ;;
*)
  echo "devctl: unknown mode $mode" >&2
  exit 2
  ;;
esac
"#;

/// The directory in the reader with one index's results: the mount, or its directory `dir`
/// (an index of a gang).
pub fn reader_root(dir: Option<&str>) -> String {
    match dir {
        Some(dir) => format!("{MOUNT}/{dir}"),
        None => MOUNT.to_string(),
    }
}

/// The reader's command that lists everything below `root`, with sizes and sums.
pub fn list_command(root: &str) -> Vec<String> {
    program_command(&["list", root])
}

/// The reader's command that sends the bytes of `path` below `root`.
pub fn cat_command(root: &str, path: &RelPath) -> Vec<String> {
    program_command(&["cat", root, &octal(path.as_bytes())])
}

fn program_command(args: &[&str]) -> Vec<String> {
    ["sh", "-c", PROGRAM, PROGRAM_NAME]
        .iter()
        .chain(args)
        .map(|s| s.to_string())
        .collect()
}

/// `\ooo` for every byte: what printf turns back into the same bytes, whatever they are.
fn octal(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:03o}")).collect()
}

/// A path below the results directory, as bytes (names need not be UTF-8): never empty,
/// never absolute, no `.` or `..` component.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RelPath(Vec<u8>);

impl RelPath {
    pub fn new(bytes: &[u8]) -> Result<RelPath, String> {
        let plain = !bytes.is_empty()
            && !bytes.contains(&0)
            && bytes
                .split(|b| *b == b'/')
                .all(|c| !c.is_empty() && c != b"." && c != b"..");
        if plain {
            Ok(RelPath(bytes.to_vec()))
        } else {
            Err(format!(
                "the reader listed {}, which is not a path below the results directory",
                display(bytes)
            ))
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// How deep it is: 1 for a name at the top.
    pub fn depth(&self) -> usize {
        self.0.iter().filter(|b| **b == b'/').count() + 1
    }

    /// For people: UTF-8 as it is, with `\n`, `\\`, other control characters and bytes that
    /// are not UTF-8 escaped, so that every path reads as one unambiguous line.
    pub fn display(&self) -> String {
        display(&self.0)
    }

    /// The path here, below `top`.
    pub fn below(&self, top: &Path) -> PathBuf {
        use std::os::unix::ffi::OsStrExt as _;
        top.join(std::ffi::OsStr::from_bytes(&self.0))
    }
}

fn display(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// A SHA-256 sum.
pub type Digest = [u8; 32];

/// One file of the results, as the reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: RelPath,
    pub size: u64,
    pub executable: bool,
    /// Computed in the reader, beside the data, before the copy.
    pub sha256: Digest,
}

/// What the reader listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// Directories, parents before children.
    pub dirs: Vec<RelPath>,
    pub files: Vec<File>,
    /// Symbolic links: listed, never followed nor copied.
    pub links: Vec<RelPath>,
    /// Neither file, directory nor link (a FIFO, a socket): not copied.
    pub others: Vec<RelPath>,
    /// What the reader could not read, and why.
    pub unreadable: Vec<(RelPath, String)>,
}

impl Listing {
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// Reads what `PROGRAM list` printed; an output that was cut short or is not the program's
/// is an error.
pub fn parse_listing(out: &[u8]) -> Result<Listing, String> {
    let mut fields = out.split(|b| *b == 0);
    let mut listing = Listing::default();
    let mut next = |what: &str| {
        fields
            .next()
            .ok_or_else(|| format!("the reader's listing ended inside an entry (no {what})"))
    };
    loop {
        let kind = next("entry")?;
        if kind == b"end" {
            break;
        }
        let path = RelPath::new(next("path")?)?;
        match kind {
            b"d" => listing.dirs.push(path),
            b"l" => listing.links.push(path),
            b"o" => listing.others.push(path),
            b"e" => {
                let message = String::from_utf8_lossy(next("message")?).trim().to_string();
                listing.unreadable.push((path, message));
            }
            b"f" => {
                let size = String::from_utf8_lossy(next("size")?);
                let size: u64 = size
                    .trim()
                    .parse()
                    .map_err(|_| format!("the reader gave {} the size {size:?}", path.display()))?;
                let executable = next("mode")? == b"x";
                let sum = String::from_utf8_lossy(next("sum")?).into_owned();
                let sha256 = parse_sum(&sum).ok_or_else(|| {
                    format!(
                        "the reader's SHA-256 of {} is not one: {:?}",
                        path.display(),
                        sum.trim()
                    )
                })?;
                listing.files.push(File {
                    path,
                    size,
                    executable,
                    sha256,
                });
            }
            other => {
                return Err(format!(
                    "the reader printed {:?}, which is no entry of devctl's listing",
                    String::from_utf8_lossy(other)
                ));
            }
        }
    }
    // What follows the last NUL byte: nothing, in a whole listing.
    let after: Vec<&[u8]> = fields.collect();
    if after != [b""] {
        return Err("the reader printed more after the end of its listing".into());
    }
    listing.dirs.sort_by_key(|d| (d.depth(), d.clone()));
    Ok(listing)
}

/// The first word of a `sha256sum`-style line (`HASH  -`, `HASH *stdin`), as 32 bytes.
fn parse_sum(line: &str) -> Option<Digest> {
    let hex = line.split_whitespace().next()?;
    if hex.len() != 64 {
        return None;
    }
    let mut digest = [0u8; 32];
    for (i, byte) in digest.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(digest)
}

pub fn hex(digest: &Digest) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where index `index`'s results go: DEST itself when the job has one index or one was
/// picked, DEST/I otherwise.
pub fn index_dir(dest: &Path, index: u32, split_by_index: bool) -> PathBuf {
    if split_by_index {
        dest.join(index.to_string())
    } else {
        dest.to_path_buf()
    }
}

/// The mode a copied file gets once it is checked: executable or not, readable by all.
pub fn file_mode(executable: bool) -> u32 {
    if executable { 0o755 } else { 0o644 }
}

/// How far a Job is from final results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Its pods may still write.
    Running,
    /// It has failed (FailureTarget) and the Job controller is stopping its other pods, which
    /// may still write until they are gone (Failed).
    Stopping,
    /// Complete or Failed, or every index succeeded (SuccessCriteriaMet, which comes before
    /// Complete while the controller finishes its accounting): nothing writes any more.
    Final,
}

pub fn progress(job: &Job) -> Progress {
    let conditions: Vec<&str> = job
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .into_iter()
        .flatten()
        .filter(|c| c.status == "True")
        .map(|c| c.type_.as_str())
        .collect();
    let has = |t: &str| conditions.contains(&t);
    if has("Complete") || has("Failed") || has("SuccessCriteriaMet") {
        Progress::Final
    } else if has("FailureTarget") {
        Progress::Stopping
    } else {
        Progress::Running
    }
}

/// What a reader pod is made from.
#[derive(Debug, Clone)]
pub struct ReaderSpec {
    /// The pod's name, chosen here ([`reader_name`]) so that it is known before the create
    /// is answered.
    pub name: String,
    /// The job's name.
    pub job: String,
    /// The Job's uid, to own the reader, while the Job exists.
    pub job_uid: Option<String>,
    pub owner: String,
    pub image: String,
    pub claim: String,
    /// A node the job's pods ran on, when known: preferred, never required (that node may be
    /// gone, or a costly GPU node; a local volume's own node affinity steers the scheduler).
    pub node: Option<String>,
    /// The scheduling and security settings of the job's pod template.
    pub template: Option<k8s_openapi::api::core::v1::PodSpec>,
    /// How long the reader may live at most, in seconds.
    pub deadline_seconds: i64,
}

/// The node labels of a job's node selector the reader keeps: what the job's image (which it
/// runs too) needs of a node.
const IMAGE_NODE_LABELS: [&str; 2] = ["kubernetes.io/arch", "kubernetes.io/os"];

/// A reader pod's name: `JOB-results-` and a random `suffix`.
pub fn reader_name(job: &str, suffix: &str) -> String {
    format!("{job}-results-{suffix}")
}

/// The reader pod: the claim mounted read-only, a `sleep` for the exec API to run in, the
/// job's tolerations and security context (so it may read what the command wrote), and a
/// preference for the node the job ran on.
pub fn reader_pod(spec: &ReaderSpec) -> Pod {
    let template = spec.template.as_ref();
    let container_security = template
        .and_then(|t| t.containers.iter().find(|c| c.name == job::CONTAINER))
        .and_then(|c| c.security_context.clone());
    let affinity = spec.node.as_ref().map(|node| {
        serde_json::json!({"nodeAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [{
            "weight": 100,
            "preference": {"matchFields": [
                {"key": "metadata.name", "operator": "In", "values": [node]}
            ]}
        }]}})
    });
    let image_selector: Option<std::collections::BTreeMap<String, String>> = template
        .and_then(|t| t.node_selector.as_ref())
        .map(|selector| {
            selector
                .iter()
                .filter(|(k, _)| IMAGE_NODE_LABELS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .filter(|s: &std::collections::BTreeMap<String, String>| !s.is_empty());
    let owner_references = spec.job_uid.as_ref().map(|uid| {
        serde_json::json!([{
            "apiVersion": "batch/v1", "kind": "Job", "name": spec.job, "uid": uid,
            "blockOwnerDeletion": false
        }])
    });
    let value = serde_json::json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": spec.name,
            "labels": job::reader_labels(&spec.job, &spec.owner),
            "annotations": {super::manifests::OWNER: spec.owner},
            "ownerReferences": owner_references,
        },
        "spec": {
            "restartPolicy": "Never",
            "activeDeadlineSeconds": spec.deadline_seconds,
            // sleep as PID 1 ignores SIGTERM: nothing to wait for once devctl is done.
            "terminationGracePeriodSeconds": 1,
            "automountServiceAccountToken": false,
            "enableServiceLinks": false,
            // Of the job's node selector only what its image needs (the architecture and the
            // system): the reader needs no GPU, only the claim, and the tolerations let it run
            // on the job's tainted pool all the same.
            "nodeSelector": image_selector,
            "tolerations": template.and_then(|t| t.tolerations.clone()),
            "securityContext": template.and_then(|t| t.security_context.clone()),
            "affinity": affinity,
            "containers": [{
                "name": READER_CONTAINER,
                "image": spec.image,
                "command": ["sleep", spec.deadline_seconds.to_string()],
                "securityContext": container_security,
                "resources": {
                    "requests": {"cpu": "100m", "memory": "64Mi"},
                    "limits": {"memory": "256Mi"},
                },
                "volumeMounts": [{"name": job::RESULTS_VOLUME, "mountPath": MOUNT, "readOnly": true}],
            }],
            "volumes": [{
                "name": job::RESULTS_VOLUME,
                "persistentVolumeClaim": {"claimName": spec.claim, "readOnly": true},
            }],
        },
    });
    // Every field above is a Pod's; the conversion cannot fail.
    serde_json::from_value(strip_nulls(value)).unwrap_or_default()
}

fn strip_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(strip_nulls).collect())
        }
        other => other,
    }
}

/// Where a reader pod is on its way to running the exec API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderState {
    Starting,
    /// Not scheduled (yet): the scheduler's message.
    Unschedulable(String),
    Running,
    /// It will not run: why.
    Failed(String),
}

pub fn reader_state(pod: &Pod) -> ReaderState {
    let Some(status) = &pod.status else {
        return ReaderState::Starting;
    };
    match status.phase.as_deref() {
        Some("Failed") | Some("Succeeded") => {
            let why = status
                .message
                .clone()
                .or_else(|| status.reason.clone())
                .or_else(|| {
                    status
                        .container_statuses
                        .iter()
                        .flatten()
                        .filter_map(|c| c.state.as_ref()?.terminated.as_ref())
                        .map(|t| {
                            format!(
                                "its container ended with {} ({})",
                                t.exit_code,
                                t.message.clone().or(t.reason.clone()).unwrap_or_default()
                            )
                        })
                        .next()
                })
                .unwrap_or_else(|| "it ended".into());
            return ReaderState::Failed(why);
        }
        _ => {}
    }
    for c in status.container_statuses.iter().flatten() {
        if let Some(state) = &c.state {
            if state.running.is_some() {
                return ReaderState::Running;
            }
            if let Some(waiting) = &state.waiting {
                let reason = waiting.reason.as_deref().unwrap_or_default();
                if matches!(
                    reason,
                    "ErrImagePull"
                        | "ImagePullBackOff"
                        | "InvalidImageName"
                        | "CreateContainerError"
                        | "CreateContainerConfigError"
                        | "RunContainerError"
                        | "CrashLoopBackOff"
                ) {
                    let message = waiting.message.as_deref().unwrap_or_default();
                    return ReaderState::Failed(format!("{reason}: {message}"));
                }
            }
            if let Some(t) = &state.terminated {
                return ReaderState::Failed(format!(
                    "its container ended with {} ({})",
                    t.exit_code,
                    t.message.clone().or(t.reason.clone()).unwrap_or_default()
                ));
            }
        }
    }
    let unschedulable = status
        .conditions
        .iter()
        .flatten()
        .find(|c| c.type_ == "PodScheduled" && c.status == "False");
    match unschedulable {
        Some(c) if c.reason.as_deref() == Some("Unschedulable") => {
            ReaderState::Unschedulable(c.message.clone().unwrap_or_default())
        }
        _ => ReaderState::Starting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> RelPath {
        RelPath::new(s.as_bytes()).unwrap()
    }

    /// Runs the program with `/bin/sh` here, as the reader's sh would.
    fn run(args: &[&[u8]]) -> std::process::Output {
        use std::os::unix::ffi::OsStrExt as _;
        std::process::Command::new("sh")
            .arg("-c")
            .arg(PROGRAM)
            .arg(PROGRAM_NAME)
            .args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a)))
            .output()
            .unwrap()
    }

    fn sha256(bytes: &[u8]) -> Digest {
        let d = ring::digest::digest(&ring::digest::SHA256, bytes);
        d.as_ref().try_into().unwrap()
    }

    #[test]
    fn the_walker_lists_every_name_with_sizes_sums_and_the_executable_bit() {
        use std::os::unix::ffi::OsStrExt as _;
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        std::fs::create_dir_all(top.join("a/b/c")).unwrap();
        std::fs::create_dir(top.join("empty dir")).unwrap();
        std::fs::write(top.join("a/b/c/deep.txt"), b"deep\n").unwrap();
        std::fs::write(top.join("with space"), b"x").unwrap();
        std::fs::write(top.join("new\nline"), b"nl").unwrap();
        std::fs::write(top.join(".hidden"), b"").unwrap();
        std::fs::write(top.join("..dots"), b"..").unwrap();
        let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9");
        std::fs::write(top.join(latin1), b"\xff\x00\x01").unwrap();
        std::fs::write(top.join("run.sh"), b"#!/bin/sh\n").unwrap();
        std::fs::set_permissions(top.join("run.sh"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        std::os::unix::fs::symlink("/etc/passwd", top.join("link")).unwrap();
        std::os::unix::fs::symlink("a", top.join("dirlink")).unwrap();

        let out = run(&[b"list", top.as_os_str().as_bytes()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let listing = parse_listing(&out.stdout).unwrap();
        let dirs: Vec<String> = listing.dirs.iter().map(RelPath::display).collect();
        assert_eq!(dirs, ["a", "empty dir", "a/b", "a/b/c"]);
        let mut files: Vec<(String, u64, bool)> = listing
            .files
            .iter()
            .map(|f| (f.path.display(), f.size, f.executable))
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                ("..dots".to_string(), 2, false),
                (".hidden".to_string(), 0, false),
                ("a/b/c/deep.txt".to_string(), 5, false),
                ("caf\\xe9".to_string(), 3, false),
                ("new\\nline".to_string(), 2, false),
                ("run.sh".to_string(), 10, true),
                ("with space".to_string(), 1, false),
            ]
        );
        let latin = listing
            .files
            .iter()
            .find(|f| f.path.as_bytes() == b"caf\xe9")
            .unwrap();
        assert_eq!(latin.sha256, sha256(b"\xff\x00\x01"));
        let mut links: Vec<String> = listing.links.iter().map(RelPath::display).collect();
        links.sort();
        assert_eq!(links, ["dirlink", "link"], "listed, not followed");
        assert!(listing.unreadable.is_empty() && listing.others.is_empty());
    }

    #[test]
    fn an_empty_results_directory_lists_nothing() {
        use std::os::unix::ffi::OsStrExt as _;
        let dir = tempfile::tempdir().unwrap();
        let out = run(&[b"list", dir.path().as_os_str().as_bytes()]);
        assert_eq!(parse_listing(&out.stdout).unwrap(), Listing::default());
    }

    #[test]
    fn a_missing_index_directory_is_its_own_exit_code() {
        use std::os::unix::ffi::OsStrExt as _;
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("1");
        let out = run(&[b"list", missing.as_os_str().as_bytes()]);
        assert_eq!(out.status.code(), Some(i32::from(NO_DIR_EXIT)));
        assert_eq!(reader_root(Some("1")), format!("{MOUNT}/1"));
        assert_eq!(reader_root(None), MOUNT);
    }

    #[test]
    fn cat_sends_the_bytes_of_any_name_given_as_octal_escapes() {
        use std::os::unix::ffi::OsStrExt as _;
        let dir = tempfile::tempdir().unwrap();
        let name: &[u8] = b"sub/odd \n name \xe9 $(x) '\"\\%s\n";
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let body: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
        std::fs::write(rel_bytes(name).below(dir.path()), &body).unwrap();
        let root = dir.path().as_os_str().as_bytes();
        let command = cat_command(&dir.path().to_string_lossy(), &rel_bytes(name));
        assert_eq!(command[..4], ["sh", "-c", PROGRAM, PROGRAM_NAME]);
        assert_eq!(command[5].as_bytes(), root);
        let out = run(&[b"cat", root, command[6].as_bytes()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, body);

        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("link")).unwrap();
        let out = run(&[b"cat", root, cat_command(MOUNT, &rel("link"))[6].as_bytes()]);
        assert_eq!(out.status.code(), Some(i32::from(NOT_A_FILE_EXIT)));
        assert!(out.stdout.is_empty(), "a link is never followed");
    }

    fn rel_bytes(b: &[u8]) -> RelPath {
        RelPath::new(b).unwrap()
    }

    #[test]
    fn a_listing_cut_short_or_foreign_is_refused() {
        let sum = "a".repeat(64);
        let whole = format!("d\0x\0f\0x/y\x005\0-\0{sum}  -\0end\0");
        let listing = parse_listing(whole.as_bytes()).unwrap();
        assert_eq!(listing.files[0].size, 5);
        assert_eq!(listing.files[0].sha256, [0xaa; 32]);
        let cut = &whole[..whole.len() - 4];
        assert!(parse_listing(cut.as_bytes()).is_err(), "no end");
        assert!(parse_listing(b"f\0x\0").is_err());
        assert!(parse_listing(b"z\0x\0end\0").is_err());
        assert!(parse_listing(b"f\0x\x001\0-\0nothex\0end\0").is_err());
        assert!(parse_listing(b"end\0more\0").is_err());
    }

    #[test]
    fn only_paths_below_the_results_directory_are_taken() {
        for bad in [
            &b""[..],
            b"/etc/passwd",
            b"../x",
            b"a/../b",
            b"a//b",
            b".",
            b"a/",
        ] {
            assert!(RelPath::new(bad).is_err(), "{bad:?}");
        }
        for good in [&b"a"[..], b"a/b", b"..dots", b".hidden", b"x\xff"] {
            assert!(RelPath::new(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn paths_display_on_one_unambiguous_line() {
        assert_eq!(rel_bytes(b"a\nb\\c\xe9d").display(), "a\\nb\\\\c\\xe9d");
        assert_eq!(rel("ünï code").display(), "ünï code");
    }

    #[test]
    fn several_indexes_go_to_their_own_directories() {
        let dest = Path::new("out");
        assert_eq!(index_dir(dest, 1, true), Path::new("out/1"));
        assert_eq!(index_dir(dest, 1, false), Path::new("out"));
        assert_eq!(
            rel("a/b").below(&index_dir(dest, 0, true)),
            Path::new("out/0/a/b")
        );
    }

    fn pod(name: &str, index: &str, phase: &str, created: &str) -> Pod {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": name, "creationTimestamp": created,
                         "labels": {job::COMPLETION_INDEX_LABEL: index}},
            "status": {"phase": phase},
        }))
        .unwrap()
    }

    #[test]
    fn each_index_reads_its_newest_succeeded_pod_else_its_newest() {
        let pods = [
            pod("j-0-a", "0", "Succeeded", "2026-01-01T00:00:00Z"),
            pod("j-0-b", "0", "Failed", "2026-01-01T00:05:00Z"),
            pod("j-1-a", "1", "Failed", "2026-01-01T00:00:00Z"),
            pod("j-1-b", "1", "Failed", "2026-01-01T00:05:00Z"),
            pod("j-1-c", "1", "Succeeded", "2026-01-01T00:01:00Z"),
            pod("j-1-d", "1", "Succeeded", "2026-01-01T00:02:00Z"),
            pod("j-2-a", "2", "Failed", "2026-01-01T00:00:00Z"),
            pod("j-2-b", "2", "Failed", "2026-01-01T00:03:00Z"),
        ];
        let chosen: Vec<(u32, String)> = job::newest_pod_per_index(&pods)
            .into_iter()
            .map(|(i, p)| (i, p.metadata.name.clone().unwrap()))
            .collect();
        assert_eq!(
            chosen,
            [
                (0, "j-0-a".into()),
                (1, "j-1-d".into()),
                (2, "j-2-b".into())
            ]
        );
    }

    #[test]
    fn the_reader_mounts_the_claim_read_only_as_the_job_ran_and_only_prefers_its_node() {
        let template: k8s_openapi::api::core::v1::PodSpec =
            serde_json::from_value(serde_json::json!({
                "nodeSelector": {"pool": "gpu", "kubernetes.io/arch": "arm64"},
                "tolerations": [{"key": "gpu", "operator": "Exists"}],
                "securityContext": {"runAsUser": 1000, "fsGroup": 2000},
                "containers": [{"name": "job", "securityContext": {"runAsNonRoot": true}}],
            }))
            .unwrap();
        let pod = reader_pod(&ReaderSpec {
            name: reader_name("sim", "x7k2p"),
            job: "sim".into(),
            job_uid: Some("uid-1".into()),
            owner: "alice@example.com".into(),
            image: "debian:12".into(),
            claim: "sim-0-abcde-results".into(),
            node: Some("node-7".into()),
            template: Some(template),
            deadline_seconds: 1860,
        });
        let v = serde_json::to_value(&pod).unwrap();
        assert_eq!(v["metadata"]["name"], "sim-results-x7k2p");
        assert_eq!(
            v["metadata"]["labels"]["app.kubernetes.io/name"],
            job::READER_KIND_VALUE
        );
        assert_eq!(v["metadata"]["ownerReferences"][0]["uid"], "uid-1");
        let spec = &v["spec"];
        assert_eq!(spec["activeDeadlineSeconds"], 1860);
        // No GPU node is started to read files, and a node that is gone is no obstacle; the
        // image still needs its architecture.
        assert_eq!(
            spec["nodeSelector"],
            serde_json::json!({"kubernetes.io/arch": "arm64"})
        );
        assert_eq!(spec["tolerations"][0]["key"], "gpu");
        assert_eq!(spec["securityContext"]["runAsUser"], 1000);
        assert_eq!(spec["automountServiceAccountToken"], false);
        let affinity = &spec["affinity"]["nodeAffinity"];
        assert!(
            affinity
                .get("requiredDuringSchedulingIgnoredDuringExecution")
                .is_none()
        );
        assert_eq!(
            affinity["preferredDuringSchedulingIgnoredDuringExecution"][0]["preference"]["matchFields"]
                [0]["values"][0],
            "node-7"
        );
        let c = &spec["containers"][0];
        assert_eq!(c["image"], "debian:12");
        assert_eq!(c["securityContext"]["runAsNonRoot"], true);
        assert_eq!(c["volumeMounts"][0]["readOnly"], true);
        assert_eq!(c["volumeMounts"][0]["mountPath"], MOUNT);
        assert_eq!(
            spec["volumes"][0]["persistentVolumeClaim"],
            serde_json::json!({"claimName": "sim-0-abcde-results", "readOnly": true})
        );

        let kept = reader_pod(&ReaderSpec {
            job_uid: None,
            node: None,
            template: None,
            ..ReaderSpec {
                name: "r".into(),
                job: "sim".into(),
                job_uid: None,
                owner: "a".into(),
                image: "i".into(),
                claim: "c".into(),
                node: None,
                template: None,
                deadline_seconds: 60,
            }
        });
        let v = serde_json::to_value(&kept).unwrap();
        assert!(v["metadata"].get("ownerReferences").is_none());
        assert!(v["spec"].get("affinity").is_none());
    }

    #[test]
    fn a_reader_that_cannot_run_says_why() {
        let pod = |status: serde_json::Value| -> Pod {
            serde_json::from_value(serde_json::json!({"status": status})).unwrap()
        };
        assert_eq!(
            reader_state(&pod(serde_json::json!({}))),
            ReaderState::Starting
        );
        assert_eq!(
            reader_state(&pod(serde_json::json!({"phase": "Running",
                "containerStatuses": [{"name": "reader", "image": "", "imageID": "", "ready": true,
                    "restartCount": 0, "state": {"running": {}}}]}))),
            ReaderState::Running
        );
        assert!(matches!(
            reader_state(&pod(serde_json::json!({"phase": "Pending",
                "containerStatuses": [{"name": "reader", "image": "", "imageID": "", "ready": false,
                    "restartCount": 0, "state": {"waiting": {"reason": "ErrImagePull", "message": "not found"}}}]}))),
            ReaderState::Failed(m) if m.contains("ErrImagePull")
        ));
        assert!(matches!(
            reader_state(&pod(serde_json::json!({"phase": "Pending",
                "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": "0/3 nodes"}]}))),
            ReaderState::Unschedulable(m) if m == "0/3 nodes"
        ));
        assert!(matches!(
            reader_state(&pod(
                serde_json::json!({"phase": "Failed", "reason": "DeadlineExceeded"})
            )),
            ReaderState::Failed(_)
        ));
    }

    #[test]
    fn a_jobs_results_are_final_once_nothing_can_write_them() {
        let job = |conditions: serde_json::Value| -> Job {
            serde_json::from_value(serde_json::json!({"status": {"conditions": conditions}}))
                .unwrap()
        };
        let of = |conditions| progress(&job(conditions));
        assert_eq!(of(serde_json::json!([])), Progress::Running);
        assert_eq!(
            of(serde_json::json!([{"type": "Suspended", "status": "True"}])),
            Progress::Running
        );
        for done in ["Complete", "Failed", "SuccessCriteriaMet"] {
            assert_eq!(
                of(serde_json::json!([{"type": done, "status": "True"}])),
                Progress::Final,
                "{done}"
            );
        }
        assert_eq!(
            of(serde_json::json!([{"type": "FailureTarget", "status": "True"}])),
            Progress::Stopping
        );
        assert_eq!(
            of(serde_json::json!([
                {"type": "FailureTarget", "status": "True"},
                {"type": "Failed", "status": "True"}
            ])),
            Progress::Final
        );
        assert_eq!(
            of(serde_json::json!([{"type": "Failed", "status": "False"}])),
            Progress::Running
        );
    }
}
