//! `devctl admin user remove USER`: says how many devservers and volumes the namespace
//! `dev-USER` holds, asks (`--yes` off a terminal), then deletes the namespace, with all in
//! it, and the user's ClusterRoleBinding. The user's tokens stop working with their
//! ServiceAccount.

use crate::cli::AdminUserRemoveArgs;
use crate::cluster::users as cluster_users;
use crate::commands::{Context, ExitStatus};
use crate::devserver::{admin, users};
use crate::error::{Error, Kind, Result};

pub async fn run(ctx: &Context<'_>, args: AdminUserRemoveArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    let user = args.user.as_str();
    users::check_user(user).map_err(Error::usage)?;
    let ns = admin::user_namespace(user);
    let cluster = ctx.cluster().await?;
    let Some(census) = cluster_users::census(cluster, user).await? else {
        return Err(Error::new(
            Kind::NotFound,
            format!(
                "user {user} not found: there is no namespace {ns} made by devctl admin user add"
            ),
        )
        .hint("devctl admin user list shows the users"));
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let what = format!(
        "namespace {ns} with {} and {} (PVCs)",
        plural(census.devservers, "devserver", "devservers"),
        plural(census.volumes, "volume", "volumes")
    );
    if census.terminating {
        // Removed before: only the ClusterRoleBinding may be left to delete.
        cluster_users::remove(cluster, user).await?;
        printer.info(&format!(
            "user {user} is being removed already: namespace {ns} is being deleted"
        ));
        return Ok(0);
    }
    printer.info(&format!("removing user {user} deletes {what}"));
    if !args.yes && !printer.confirm(&format!("remove user {user} and delete {what}?"), "--yes")? {
        return Err(Error::general("nothing deleted"));
    }
    cluster_users::remove(cluster, user).await?;
    printer.info(&format!(
        "user {user} removed: namespace {ns} is being deleted with everything in it, and ClusterRoleBinding {} is gone",
        users::cluster_binding_name(user)
    ));
    Ok(0)
}
