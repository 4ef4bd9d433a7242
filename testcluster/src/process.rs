//! Child processes of the cluster. Every component runs in one process group led by a tiny
//! watchdog shell that holds a pipe from us: when this process ends for any reason (return,
//! panic, SIGKILL), the pipe closes, and the watchdog terminates the whole group. So no
//! etcd or kube-apiserver outlives the test that started it.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Error;

/// The watchdog: ignore the signals it sends, wait for its stdin to close, then stop the group
/// politely and, after a grace period, for good.
/// When our process died without stopping the cluster, the watchdog also removes the state
/// directory given as `$1` (if any), which nobody else is left to remove.
const WATCHDOG: &str = "trap '' TERM INT HUP; read _ignored; kill -TERM 0; sleep 5; \
                        if [ -n \"$1\" ]; then rm -rf -- \"$1\"; fi; kill -KILL 0";

/// The cleaner: outside the watchdog's group (its kill spares it), it waits on the same pipe,
/// then at once reads the clean-up script `$1` if it exists by then (the real node's, which
/// removes the node's bridge and cgroups once the node's processes are gone) and runs it. It
/// reads the script before the watchdog removes the state directory that holds it.
const CLEANER: &str = "trap '' TERM INT HUP; read _ignored; \
                       script=$(cat -- \"$1\" 2>/dev/null) || exit 0; exec sh -c \"$script\"";

pub struct Supervisor {
    watchdog: Child,
    cleaner: Option<Child>,
    watchdog_pipe: Option<std::io::PipeWriter>,
    group: i32,
    log_dir: PathBuf,
    components: Vec<Component>,
}

struct Component {
    name: String,
    child: Child,
    log: PathBuf,
}

impl Supervisor {
    /// `cleanup` is removed by the watchdog, and the script `abandon` run if it exists by
    /// then, if this process dies without calling [`Supervisor::stop`].
    pub fn new(
        log_dir: &Path,
        cleanup: Option<&Path>,
        abandon: Option<&Path>,
    ) -> Result<Supervisor, Error> {
        fs::create_dir_all(log_dir).map_err(|e| Error::io("creating the log directory", e))?;
        // One pipe, read by the watchdog and the cleaner: both see its end when we go.
        let (reader, writer) = std::io::pipe().map_err(|e| Error::io("making a pipe", e))?;
        let spawn = |script: &str, name: &str, arg: Option<&Path>| {
            let stdin = reader
                .try_clone()
                .map_err(|e| Error::io("making a pipe", e))?;
            Command::new("sh")
                .arg("-c")
                .arg(script)
                .arg(name)
                .arg(arg.map(|p| p.as_os_str()).unwrap_or_default())
                .stdin(stdin)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .map_err(|e| Error::io(&format!("starting the {name}"), e))
        };
        let watchdog = spawn(WATCHDOG, "testcluster-watchdog", cleanup)?;
        let cleaner = match abandon {
            Some(script) => Some(spawn(CLEANER, "testcluster-cleaner", Some(script))?),
            None => None,
        };
        drop(reader);
        let pipe = Some(writer);
        let group = i32::try_from(watchdog.id()).map_err(|_| Error::Start {
            component: "watchdog".into(),
            reason: "process id out of range".into(),
            log_tail: String::new(),
        })?;
        Ok(Supervisor {
            watchdog,
            cleaner,
            watchdog_pipe: pipe,
            group,
            log_dir: log_dir.to_path_buf(),
            components: Vec::new(),
        })
    }

    /// Starts a component in the group, its stdout and stderr going to `<log_dir>/<name>.log`.
    pub fn spawn(&mut self, name: &str, mut cmd: Command) -> Result<(), Error> {
        let log = self.log_dir.join(format!("{name}.log"));
        let out = File::create(&log).map_err(|e| Error::io("creating a log file", e))?;
        let err = out
            .try_clone()
            .map_err(|e| Error::io("creating a log file", e))?;
        let child = cmd
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(self.group)
            .spawn()
            .map_err(|e| Error::Start {
                component: name.into(),
                reason: format!("cannot run {}: {e}", cmd.get_program().to_string_lossy()),
                log_tail: String::new(),
            })?;
        self.components.push(Component {
            name: name.into(),
            child,
            log,
        });
        Ok(())
    }

    /// Fails with the component's last log lines if any component has exited.
    pub fn check(&mut self) -> Result<(), Error> {
        for c in &mut self.components {
            if let Ok(Some(status)) = c.child.try_wait() {
                return Err(Error::Start {
                    component: c.name.clone(),
                    reason: format!("exited ({status})"),
                    log_tail: log_tail(&c.log, 25),
                });
            }
        }
        Ok(())
    }

    /// The last lines of a component's log, for error messages.
    pub fn tail(&self, name: &str, lines: usize) -> String {
        self.components
            .iter()
            .find(|c| c.name == name)
            .map(|c| log_tail(&c.log, lines))
            .unwrap_or_default()
    }

    /// Process ids of every process we started, the watchdog included.
    pub fn pids(&self) -> Vec<u32> {
        std::iter::once(self.watchdog.id())
            .chain(self.components.iter().map(|c| c.child.id()))
            .collect()
    }

    /// Stops every component: the watchdog sends SIGTERM to the group; whatever has not
    /// exited after the grace period is killed. Returns once all are reaped.
    pub fn stop(&mut self) {
        // The cleaner is for a harness that died: whoever stops the supervisor cleans up after
        // it (as the cluster does for its node), so it goes before the pipe wakes it.
        if let Some(mut cleaner) = self.cleaner.take() {
            let _ = cleaner.kill();
            let _ = cleaner.wait();
        }
        self.watchdog_pipe.take();
        let deadline = Instant::now() + Duration::from_secs(10);
        for c in &mut self.components {
            loop {
                match c.child.try_wait() {
                    Ok(Some(_)) | Err(_) => break,
                    Ok(None) if Instant::now() >= deadline => {
                        let _ = c.child.kill();
                        let _ = c.child.wait();
                        break;
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        }
        let _ = self.watchdog.kill();
        let _ = self.watchdog.wait();
    }
}

impl Drop for Supervisor {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The last `lines` lines of a file (reads at most the last 64 KiB).
pub fn log_tail(path: &Path, lines: usize) -> String {
    let read = || -> io::Result<String> {
        let mut f = File::open(path)?;
        let len = f.metadata()?.len();
        f.seek(SeekFrom::Start(len.saturating_sub(64 * 1024)))?;
        let mut buf = Vec::new();
        f.read_to_end(&mut buf)?;
        Ok(String::from_utf8_lossy(&buf).into_owned())
    };
    let text = read().unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
