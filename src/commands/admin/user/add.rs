//! `devctl admin user add USER`: checks the name, the limits and that the kubeconfig file can
//! be written, then (refusing unless `admin install` made the ClusterRoles) applies the
//! user's objects server-side, asks for a token and writes the kubeconfig, mode 0600.
//!
//! A second add of the same user applies the same objects again: the limits given replace
//! theirs (the others are kept) and a new kubeconfig is issued (earlier tokens stay valid
//! until they expire). A first add that fails half-way deletes the namespace and the
//! ClusterRoleBinding it made, and the kubeconfig file it created.
//!
//! `-o json|yaml`: `{"apiVersion": "devctl/v1", "kind": "User", "name", "namespace",
//! "kubeconfig", "tokenExpiresAt", "quota"}`. The token is never printed.

use std::fs::{File, OpenOptions};
use std::io::{Seek as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use k8s_openapi::jiff::Timestamp;

use crate::cli::AdminUserAddArgs;
use crate::cluster::users::{self as cluster_users, Existing};
use crate::commands::{Context, ExitStatus};
use crate::devserver::{admin, duration, state, users};
use crate::error::{Error, Kind, Result};
use crate::interrupt;
use crate::output::Format;

/// The shortest token the TokenRequest API issues.
const MIN_TTL: std::time::Duration = std::time::Duration::from_secs(600);

pub async fn run(ctx: &Context<'_>, args: AdminUserAddArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "admin user add",
        &[Format::Table, Format::Json, Format::Yaml],
    )?;
    let user = args.user.as_str();
    users::check_user(user).map_err(Error::usage)?;
    let given = users::limits(
        args.quota_cpu.as_deref(),
        args.quota_memory.as_deref(),
        args.quota_gpu.as_deref(),
        args.quota_devservers,
    )
    .map_err(Error::usage)?;
    if args.token_ttl < MIN_TTL {
        return Err(Error::usage(format!(
            "invalid --token-ttl {}: the API server issues tokens of 10m or longer",
            duration::format(args.token_ttl)
        )));
    }
    let path = args
        .kubeconfig_out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{user}.kubeconfig")));
    let mut out = KubeconfigFile::open(&path, args.overwrite)?;

    let result = add(ctx, &args, &given, &mut out).await;
    if result.is_err() {
        out.discard();
    }
    result
}

async fn add(
    ctx: &Context<'_>,
    args: &AdminUserAddArgs,
    given: &std::collections::BTreeMap<String, String>,
    out: &mut KubeconfigFile,
) -> Result<ExitStatus> {
    let printer = ctx.printer;
    let user = args.user.as_str();
    let ns = admin::user_namespace(user);
    let cluster = ctx.cluster().await?;
    let (existing, ()) = tokio::try_join!(
        cluster_users::existing(cluster, user),
        cluster_users::check_installed(cluster),
    )?;
    let server = cluster_users::admin_server(ctx.global, ctx.settings()?, cluster).await?;
    let hard = users::merged_limits(existing.quota.as_ref(), given);
    let objects = users::objects(user, &hard);

    // Ctrl-C or SIGTERM while the objects are made undoes them as a failure does.
    let interrupted = interrupt::listen()?;
    let made = async {
        cluster_users::apply(cluster, &objects).await?;
        cluster_users::token(cluster, user, args.token_ttl).await
    };
    tokio::pin!(made);
    let made = tokio::select! {
        made = &mut made => made,
        signal = interrupted => {
            // What is in flight lands first, so that the undo finds it.
            let _ = made.await;
            Err(Error::new(
                Kind::Interrupted(signal),
                format!("interrupted by {}", signal.name()),
            ))
        }
    };
    let (token, expires) = match made {
        Ok(made) => made,
        Err(err) => return Err(undo(cluster, user, &existing, err).await),
    };
    let kubeconfig = users::kubeconfig(user, &server, &token);
    if let Err(err) = out.write(&kubeconfig) {
        return Err(undo(cluster, user, &existing, err).await);
    }

    let verb = if existing.namespace {
        "updated"
    } else {
        "added"
    };
    printer.info(&format!(
        "user {user} {verb}: namespace {ns}, ServiceAccount {user}, quota {}",
        describe_quota(&hard)
    ));
    let now = Timestamp::now();
    match expires {
        Some(at) => {
            let lasts = at.duration_since(now);
            let asked = i64::try_from(args.token_ttl.as_secs()).unwrap_or(i64::MAX);
            let shortened = lasts.as_secs() + 60 < asked;
            // Issued a moment ago: as asked unless the API server cut it short.
            let valid = if shortened {
                state::relative(at, now)
            } else {
                format!("in {}", duration::format(args.token_ttl))
            };
            printer.info(&format!(
                "kubeconfig written to {} (mode 0600); its token expires at {at} ({valid})",
                out.path.display(),
            ));
            if shortened {
                printer.warn(&format!(
                    "the API server shortened the token: asked for {}, it lasts {}",
                    duration::format(args.token_ttl),
                    state::short_duration(lasts)
                ));
            }
        }
        None => printer.info(&format!(
            "kubeconfig written to {} (mode 0600)",
            out.path.display()
        )),
    }
    if printer.is_structured() {
        printer.structured(&serde_json::json!({
            "apiVersion": crate::output::API_VERSION, "kind": "User",
            "name": user, "namespace": ns,
            "kubeconfig": out.path.display().to_string(),
            "tokenExpiresAt": expires.map(|t| t.to_string()),
            "quota": hard,
        }))?;
    }
    Ok(0)
}

/// A failed add: a first add deletes what it made; the error says what is left.
async fn undo(
    cluster: &crate::cluster::Cluster,
    user: &str,
    existing: &Existing,
    err: Error,
) -> Error {
    if existing.namespace && existing.cluster_binding {
        return err.hint(format!(
            "user {user} existed before: what was applied stays; run the add again"
        ));
    }
    let left = cluster_users::undo(cluster, user, existing).await;
    if left.is_empty() {
        err.prefix(&format!(
            "user {user} was not added (nothing was left behind)"
        ))
    } else {
        Error {
            kind: Kind::General,
            ..err.prefix(&format!(
                "user {user} was not added (could not delete {} again)",
                left.join(", ")
            ))
        }
        .hint(format!("kubectl delete {}", left.join(" ")))
    }
}

fn describe_quota(hard: &std::collections::BTreeMap<String, String>) -> String {
    if hard.is_empty() {
        return "none (no --quota-* given)".into();
    }
    hard.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The kubeconfig's file, opened before anything is made so that a path that cannot be
/// written fails first; removed again if the add fails and this run created it.
struct KubeconfigFile {
    path: PathBuf,
    file: Option<File>,
    created: bool,
}

impl KubeconfigFile {
    fn open(path: &Path, overwrite: bool) -> Result<KubeconfigFile> {
        let cannot = |e: std::io::Error| {
            Error::usage(format!(
                "cannot write the kubeconfig {}: {e}",
                path.display()
            ))
        };
        let exists = path.exists();
        if exists && !overwrite {
            return Err(Error::new(
                Kind::Conflict,
                format!("{} exists already; nothing was made", path.display()),
            )
            .hint("pass --overwrite to replace it, or --kubeconfig-out FILE to write another"));
        }
        if exists && !path.is_file() {
            // A device or a directory: never chmod or truncate that.
            return Err(Error::usage(format!(
                "cannot write the kubeconfig {}: not a regular file",
                path.display()
            )));
        }
        let mut options = OpenOptions::new();
        options.write(true).mode(0o600);
        if exists {
            options.create(false);
        } else {
            options.create_new(true);
        }
        let file = options.open(path).map_err(cannot)?;
        Ok(KubeconfigFile {
            path: path.to_path_buf(),
            file: Some(file),
            created: !exists,
        })
    }

    /// Replaces the file's content with `kubeconfig`, mode 0600.
    fn write(&mut self, kubeconfig: &serde_json::Value) -> Result<()> {
        use std::os::unix::fs::PermissionsExt as _;
        let text = crate::output::yaml::to_string(kubeconfig)
            .map_err(|e| Error::general(format!("cannot write the kubeconfig: {e}")))?;
        let cannot = |e: std::io::Error| {
            Error::general(format!(
                "cannot write the kubeconfig {}: {e}",
                self.path.display()
            ))
        };
        let Some(file) = self.file.as_mut() else {
            return Err(Error::general("the kubeconfig was written already"));
        };
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(cannot)?;
        file.set_len(0).map_err(cannot)?;
        file.rewind().map_err(cannot)?;
        file.write_all(text.as_bytes()).map_err(cannot)?;
        file.sync_all().map_err(cannot)?;
        self.file = None;
        Ok(())
    }

    /// The add failed: a file this run created goes again.
    fn discard(&mut self) {
        self.file = None;
        if self.created {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
