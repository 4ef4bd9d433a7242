//! `devctl admin user list`: every user `admin user add` made (a namespace labelled with
//! devserver.io/user), with the quota's use (used/hard, from the ResourceQuota's status) and
//! the devserver count. Namespaces, quotas and devservers are read at once.
//!
//! `-o json|yaml`: a `UserList` whose items are `{"name", "namespace", "devservers",
//! "cpu", "memory", "gpu", "createdAt"}`, each quota field `{"used", "hard"}` (`hard` null:
//! no limit, and then `used` null too, but for devservers, which are counted).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ResourceQuota;
use k8s_openapi::jiff::Timestamp;
use serde::Serialize;

use crate::cli::AdminUserListArgs;
use crate::cluster::users as cluster_users;
use crate::commands::{Context, ExitStatus};
use crate::devserver::admin::{QUOTA, USER_LABEL};
use crate::devserver::{quota, state, users};
use crate::error::Result;
use crate::output::{Cell, Format, Row};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct UserRow {
    name: String,
    namespace: String,
    devservers: Usage,
    cpu: Usage,
    memory: Usage,
    gpu: Usage,
    created_at: Option<String>,
    #[serde(skip)]
    age: String,
}

/// `used` null: the quota does not count it (it sets no limit); `hard` null: no limit.
#[derive(Debug, Serialize)]
struct Usage {
    used: Option<String>,
    hard: Option<String>,
}

impl Usage {
    fn cell(&self) -> String {
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        format!("{}/{}", dash(&self.used), dash(&self.hard))
    }
}

impl Row for UserRow {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec![
            "USER",
            "NAMESPACE",
            "DEVSERVERS",
            "CPU",
            "MEMORY",
            "GPU",
            "AGE",
        ]
    }

    fn cells(&self, _wide: bool) -> Vec<Cell> {
        [
            self.name.clone(),
            self.namespace.clone(),
            self.devservers.cell(),
            self.cpu.cell(),
            self.memory.cell(),
            self.gpu.cell(),
            self.age.clone(),
        ]
        .into_iter()
        .map(Cell::from)
        .collect()
    }

    fn name(&self) -> String {
        self.name.clone()
    }
}

pub async fn run(ctx: &Context<'_>, _args: AdminUserListArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "admin user list",
        &[Format::Table, Format::Json, Format::Yaml, Format::Name],
    )?;
    let cluster = ctx.cluster().await?;
    let (namespaces, quotas, sets) = cluster_users::list(cluster).await?;
    let mut devservers: BTreeMap<String, usize> = BTreeMap::new();
    for set in &sets {
        *devservers
            .entry(set.metadata.namespace.clone().unwrap_or_default())
            .or_default() += 1;
    }
    let quota_of = |ns: &str| {
        quotas.iter().find(|q| {
            q.metadata.namespace.as_deref() == Some(ns) && q.metadata.name.as_deref() == Some(QUOTA)
        })
    };
    let now = Timestamp::now();
    let mut rows: Vec<UserRow> = namespaces
        .iter()
        .filter_map(|ns| {
            let user = ns.metadata.labels.as_ref()?.get(USER_LABEL)?.clone();
            let namespace = ns.metadata.name.clone()?;
            let quota = quota_of(&namespace);
            let count = devservers.get(&namespace).copied().unwrap_or(0);
            let created = ns.metadata.creation_timestamp.as_ref().map(|t| t.0);
            Some(UserRow {
                devservers: Usage {
                    hard: usage(quota, users::DEVSERVERS).hard,
                    used: Some(count.to_string()),
                },
                cpu: usage(quota, users::CPU),
                memory: usage(quota, users::MEMORY),
                gpu: usage(quota, users::GPU),
                created_at: created.map(|t| t.to_string()),
                age: created
                    .map(|c| state::short_duration(now.duration_since(c)))
                    .unwrap_or_else(|| "-".into()),
                name: user,
                namespace,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    if rows.is_empty() && !printer.is_structured() {
        printer.info("no users (devctl admin user add USER makes one)");
    }
    printer.list("User", &rows)?;
    Ok(0)
}

/// What the quota counts of `key` (0 until its controller has counted) and its limit.
fn usage(quota: Option<&ResourceQuota>, key: &str) -> Usage {
    let (hard, used) = quota.map(quota::allowed_and_used).unwrap_or_default();
    let used = used.get(key).map(|q| q.0.clone());
    let hard = hard.get(key).map(|q| q.0.clone());
    Usage {
        used: used.or_else(|| hard.is_some().then(|| "0".into())),
        hard,
    }
}
