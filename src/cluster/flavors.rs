//! Changes to the cluster's DevServerFlavors: making one the default.

use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams};

use super::Cluster;
use super::devservers::flavor_resource;
use crate::devserver::admin::FIELD_MANAGER;
use crate::error::{Error, Kind, Result};

/// How often set-default lists again when someone made another flavor the default meanwhile.
const ROUNDS: usize = 3;

/// Makes `name` the one default flavor; returns the flavors that were default before. The
/// others are cleared first (all at once), then `name` set, then the list is read again and
/// anything made default meanwhile (another admin, a GitOps apply) is cleared too, so two
/// concurrent runs end with one default, never two.
pub async fn set_default(cluster: &Cluster, name: &str) -> Result<Vec<String>> {
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &flavor_resource());
    let params = PatchParams {
        field_manager: Some(FIELD_MANAGER.into()),
        ..PatchParams::default()
    };
    let mut cleared: Vec<String> = Vec::new();
    // Each round reads the defaults; the last one only checks that they settled.
    for round in 0..=ROUNDS {
        let (target_is_default, others) = defaults(cluster, &api, name).await?;
        if others.is_empty() && target_is_default {
            return Ok(cleared);
        }
        if round == ROUNDS {
            break;
        }
        let clear = Patch::Merge(serde_json::json!({"spec": {"default": false}}));
        let done =
            futures::future::join_all(others.iter().map(|other| api.patch(other, &params, &clear)))
                .await;
        for (other, result) in others.iter().zip(done) {
            result.map_err(|e| {
                cluster
                    .error(e)
                    .prefix(&format!("clearing the default of {other}"))
            })?;
            if !cleared.contains(other) {
                cleared.push(other.clone());
            }
        }
        let set = Patch::Merge(serde_json::json!({"spec": {"default": true}}));
        api.patch(name, &params, &set).await.map_err(|e| {
            let hint = match cleared.is_empty() {
                true => "nothing was changed".to_string(),
                false => format!(
                    "the cluster now has no default flavor ({} cleared): run it again",
                    cleared.join(", ")
                ),
            };
            cluster
                .error(e)
                .prefix(&format!("making {name} the default"))
                .hint(hint)
        })?;
    }
    Err(Error::new(
        Kind::Conflict,
        format!("other flavors kept becoming the default while {name} was made the default"),
    )
    .hint("something else sets default: true (a GitOps apply?); devctl flavors shows the defaults"))
}

/// Whether `name` is a default, and which other flavors are; `name` must exist.
async fn defaults(
    cluster: &Cluster,
    api: &Api<DynamicObject>,
    name: &str,
) -> Result<(bool, Vec<String>)> {
    let list = match api.list(&ListParams::default()).await {
        Ok(list) => list,
        Err(kube::Error::Api(s)) if s.code == 404 => {
            return Err(
                Error::new(Kind::NotFound, "the cluster has no DevServerFlavor CRD")
                    .hint("devctl admin install puts it there, with the built-in flavors"),
            );
        }
        Err(e) => return Err(cluster.error(e)),
    };
    let named = |o: &DynamicObject| o.metadata.name.clone().unwrap_or_default();
    let is_default = |o: &DynamicObject| o.data["spec"]["default"].as_bool() == Some(true);
    let Some(target) = list.items.iter().find(|o| named(o) == name) else {
        let names: Vec<String> = list.items.iter().map(named).collect();
        let hint = match names.is_empty() {
            true => "the cluster has no flavors: kubectl apply -f examples/flavors/".to_string(),
            false => format!("the cluster's flavors: {}", names.join(", ")),
        };
        return Err(Error::new(Kind::NotFound, format!("flavor {name:?} not found")).hint(hint));
    };
    let others = list
        .items
        .iter()
        .filter(|o| is_default(o) && named(o) != name)
        .map(named)
        .collect();
    Ok((is_default(target), others))
}
