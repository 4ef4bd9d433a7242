//! The in-cluster reaper that `admin install --reaper-image` sets up: a CronJob in
//! devctl-system running `devctl reap -A` under its own ServiceAccount, whose ClusterRole is
//! generated from what `reap -A` calls. Pure builders, and the checks of the image reference
//! and the cron schedule that run before any request.

use k8s_openapi::api::batch::v1::CronJob;
use k8s_openapi::api::core::v1::{Namespace, ServiceAccount};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use serde_json::json;

use super::admin::{REAPER, SYSTEM_NAMESPACE, labels};
use crate::cluster::permissions::{self, Command, Scope};

/// The uid and gid the reaper runs as: not root, and not a user of the image.
pub const RUN_AS: i64 = 65532;

/// What `devctl reap -A` calls in every namespace, and nothing else.
pub fn reap_rules() -> Vec<permissions::Rule> {
    permissions::needs(Command::Reap)
        .iter()
        .filter(|r| r.scope == Scope::AllNamespaces)
        .copied()
        .collect()
}

fn parse<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    // Literals of the types' own shape; the unit tests build every one of them.
    serde_json::from_value(value).expect("the literal has the shape of the type")
}

pub fn namespace() -> Namespace {
    parse(json!({
        "apiVersion": "v1", "kind": "Namespace",
        "metadata": {"name": SYSTEM_NAMESPACE, "labels": labels("system")},
    }))
}

pub fn service_account() -> ServiceAccount {
    parse(json!({
        "apiVersion": "v1", "kind": "ServiceAccount",
        "metadata": {"name": REAPER, "namespace": SYSTEM_NAMESPACE, "labels": labels("reaper")},
    }))
}

/// List and delete StatefulSets in every namespace: `reap -A`, generated from the table.
pub fn cluster_role() -> ClusterRole {
    let (_, every_namespace) = permissions::policy_rules(&reap_rules());
    parse(json!({
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
        "metadata": {"name": REAPER, "labels": labels("reaper")},
        "rules": every_namespace,
    }))
}

pub fn cluster_role_binding() -> ClusterRoleBinding {
    parse(json!({
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
        "metadata": {"name": REAPER, "labels": labels("reaper")},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": REAPER},
        "subjects": [{"kind": "ServiceAccount", "name": REAPER, "namespace": SYSTEM_NAMESPACE}],
    }))
}

/// The CronJob: one run at a time (a slow run is never overlapped), no retries of a failed
/// run (the next one comes soon), a non-root container with a read-only root filesystem and
/// no privileges. The image's entrypoint must be devctl, as the repository's Dockerfile makes.
pub fn cron_job(image: &str, schedule: &str) -> CronJob {
    parse(json!({
        "apiVersion": "batch/v1", "kind": "CronJob",
        "metadata": {"name": REAPER, "namespace": SYSTEM_NAMESPACE, "labels": labels("reaper")},
        "spec": {
            "schedule": schedule,
            "concurrencyPolicy": "Forbid",
            "startingDeadlineSeconds": 300,
            "successfulJobsHistoryLimit": 3,
            "failedJobsHistoryLimit": 3,
            "jobTemplate": {
                "metadata": {"labels": labels("reaper")},
                "spec": {
                    "backoffLimit": 0,
                    "activeDeadlineSeconds": 600,
                    "ttlSecondsAfterFinished": 86400,
                    "template": {
                        "metadata": {"labels": labels("reaper")},
                        "spec": {
                            "serviceAccountName": REAPER,
                            "restartPolicy": "Never",
                            "securityContext": {
                                "runAsNonRoot": true,
                                "runAsUser": RUN_AS,
                                "runAsGroup": RUN_AS,
                                "seccompProfile": {"type": "RuntimeDefault"},
                            },
                            "containers": [{
                                "name": "reap",
                                "image": image,
                                "args": ["reap", "-A"],
                                // devctl reads its config from HOME; nothing is written there.
                                "env": [{"name": "HOME", "value": "/tmp"}],
                                "resources": {
                                    "requests": {"cpu": "10m", "memory": "32Mi"},
                                    "limits": {"cpu": "500m", "memory": "128Mi"},
                                },
                                "securityContext": {
                                    "allowPrivilegeEscalation": false,
                                    "readOnlyRootFilesystem": true,
                                    "capabilities": {"drop": ["ALL"]},
                                },
                                "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
                            }],
                            "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "16Mi"}}],
                        },
                    },
                },
            },
        },
    }))
}

/// Checks an image reference as the container runtimes read it: `[host[:port]/]path[:tag]
/// [@algorithm:digest]`, lower-case path components.
pub fn check_image(image: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("invalid --reaper-image {image:?}: {why}"));
    if image.is_empty() || image.len() > 4096 {
        return bad("expected e.g. devctl:0.1 or example/devctl@sha256:...");
    }
    if image.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it contains white space");
    }
    let (rest, digest) = match image.split_once('@') {
        Some((rest, digest)) => (rest, Some(digest)),
        None => (image, None),
    };
    if let Some(digest) = digest {
        let ok = digest.split_once(':').is_some_and(|(algo, hex)| {
            !algo.is_empty()
                && algo
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+._-".contains(c))
                && hex.len() >= 32
                && hex.chars().all(|c| c.is_ascii_hexdigit())
        });
        if !ok {
            return bad("the digest must look like sha256:<hex>");
        }
    }
    // A tag follows the last ':' after the last '/' (a ':' before it is a registry port).
    let (name, tag) = match rest.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => (name, Some(tag)),
        _ => (rest, None),
    };
    if let Some(tag) = tag {
        let ok = tag.len() <= 128
            && tag.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            && tag
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
        if !ok {
            return bad("the tag may hold letters, digits, '_', '.' and '-'");
        }
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    if parts.len() > 1 && (parts[0].contains(['.', ':']) || parts[0] == "localhost") {
        let host = parts.remove(0);
        let (domain, port) = host.split_once(':').unwrap_or((host, "0"));
        let domain_ok = !domain.is_empty()
            && domain
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        if !domain_ok || port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) {
            return bad("the registry host is malformed");
        }
    }
    let component_ok = |c: &str| {
        let bytes = c.as_bytes();
        !c.is_empty()
            && bytes[0].is_ascii_lowercase() | bytes[0].is_ascii_digit()
            && bytes[bytes.len() - 1].is_ascii_lowercase() | bytes[bytes.len() - 1].is_ascii_digit()
            && c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || "._-".contains(ch))
            && !c.contains("..")
    };
    if !parts.iter().all(|c| component_ok(c)) {
        return bad("repository names are lower-case letters, digits and '.', '_', '-'");
    }
    Ok(())
}

/// Checks a CronJob schedule as Kubernetes reads it: five fields (minute, hour, day of month,
/// month, day of week) of `*`, numbers, ranges, lists and `/steps`, month and day names, `?`
/// in the day fields; or one of `@yearly`, `@monthly`, `@weekly`, `@daily`, `@hourly`, ...
pub fn check_schedule(schedule: &str) -> Result<(), String> {
    let bad = |why: String| Err(format!("invalid --reaper-schedule {schedule:?}: {why}"));
    let descriptors = [
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@daily",
        "@midnight",
        "@hourly",
    ];
    if schedule.starts_with('@') {
        if descriptors.contains(&schedule) {
            return Ok(());
        }
        return bad(format!("expected one of {}", descriptors.join(", ")));
    }
    if schedule.contains("TZ") {
        return bad(
            "a time zone is not part of the schedule; the CronJob uses the cluster's".into(),
        );
    }
    let fields: Vec<&str> = schedule.split_whitespace().collect();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let specs: [(&str, u32, u32, &[&str]); 5] = [
        ("minute", 0, 59, &[]),
        ("hour", 0, 23, &[]),
        ("day of month", 1, 31, &[]),
        ("month", 1, 12, &MONTHS),
        ("day of week", 0, 7, &DAYS),
    ];
    if fields.len() != specs.len() {
        return bad(format!(
            "expected 5 fields (minute hour day-of-month month day-of-week), got {}",
            fields.len()
        ));
    }
    for (field, (what, low, high, names)) in fields.iter().zip(specs) {
        let base = if names == MONTHS { 1 } else { 0 };
        let value = |text: &str| -> Option<u32> {
            if let Ok(n) = text.parse::<u32>() {
                return (low..=high).contains(&n).then_some(n);
            }
            let lower = text.to_ascii_lowercase();
            names
                .iter()
                .position(|n| *n == lower)
                .map(|i| i as u32 + base)
        };
        let day_field = what.starts_with("day");
        for part in field.split(',') {
            let (range, step) = match part.split_once('/') {
                Some((range, step)) => (range, Some(step)),
                None => (part, None),
            };
            let range_ok = match range {
                "*" => true,
                "?" => day_field,
                r => match r.split_once('-') {
                    Some((a, b)) => matches!((value(a), value(b)), (Some(a), Some(b)) if a <= b),
                    None => value(r).is_some(),
                },
            };
            let step_ok = step.is_none_or(|s| s.parse::<u32>().is_ok_and(|n| n >= 1 && n <= high));
            if !range_ok || !step_ok {
                return bad(format!(
                    "{what} {part:?} is out of range {low}-{high} or malformed"
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reaper_role_grants_list_and_delete_of_statefulsets_everywhere_and_nothing_else() {
        let role = cluster_role();
        let rules = role.rules.unwrap();
        assert_eq!(rules.len(), 1, "{rules:?}");
        assert_eq!(
            rules[0].api_groups.as_deref(),
            Some(&["apps".to_string()][..])
        );
        assert_eq!(
            rules[0].resources.as_deref(),
            Some(&["statefulsets".to_string()][..])
        );
        assert_eq!(rules[0].verbs, ["delete", "list"]);
    }

    #[test]
    fn the_binding_gives_the_reaper_role_to_the_reaper_service_account() {
        let binding = cluster_role_binding();
        assert_eq!(binding.role_ref.kind, "ClusterRole");
        assert_eq!(binding.role_ref.name, REAPER);
        let subjects = binding.subjects.unwrap();
        assert_eq!(subjects.len(), 1);
        assert_eq!(subjects[0].kind, "ServiceAccount");
        assert_eq!(subjects[0].name, REAPER);
        assert_eq!(subjects[0].namespace.as_deref(), Some(SYSTEM_NAMESPACE));
        assert_eq!(
            service_account().metadata.namespace.as_deref(),
            Some(SYSTEM_NAMESPACE)
        );
        assert_eq!(namespace().metadata.name.as_deref(), Some(SYSTEM_NAMESPACE));
    }

    #[test]
    fn the_cron_job_runs_reap_all_once_at_a_time_as_non_root_with_a_read_only_root() {
        let job = cron_job("devctl:0.1", "*/5 * * * *");
        let spec = job.spec.unwrap();
        assert_eq!(spec.schedule, "*/5 * * * *");
        assert_eq!(spec.concurrency_policy.as_deref(), Some("Forbid"));
        assert!(spec.successful_jobs_history_limit.is_some());
        assert!(spec.failed_jobs_history_limit.is_some());
        let pod = spec.job_template.spec.unwrap().template.spec.unwrap();
        assert_eq!(pod.service_account_name.as_deref(), Some(REAPER));
        let security = pod.security_context.unwrap();
        assert_eq!(security.run_as_non_root, Some(true));
        assert_ne!(security.run_as_user, Some(0));
        let [container] = pod.containers.as_slice() else {
            panic!("one container")
        };
        assert_eq!(container.image.as_deref(), Some("devctl:0.1"));
        assert_eq!(
            container.args.as_deref(),
            Some(&["reap".to_string(), "-A".to_string()][..])
        );
        assert!(
            container.command.is_none(),
            "the image's entrypoint is devctl"
        );
        let resources = container.resources.as_ref().unwrap();
        assert!(resources.requests.is_some() && resources.limits.is_some());
        let security = container.security_context.as_ref().unwrap();
        assert_eq!(security.read_only_root_filesystem, Some(true));
        assert_eq!(security.allow_privilege_escalation, Some(false));
    }

    #[test]
    fn image_references_are_checked_before_any_request() {
        for good in [
            "devctl",
            "devctl:0.1",
            "example/devctl:v0.1.0-rc_1",
            "host.example:5000/team/devctl:1",
            "localhost/devctl",
            "devctl@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(check_image(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "Devctl",
            "dev ctl",
            "devctl:",
            "devctl:-x",
            "devctl@sha256:xyz",
            "/devctl",
            "team//devctl",
            "host:port/devctl",
        ] {
            let err = check_image(bad).unwrap_err();
            assert!(err.starts_with("invalid --reaper-image"), "{bad}: {err}");
        }
    }

    #[test]
    fn schedules_are_checked_as_kubernetes_reads_them() {
        for good in [
            "*/10 * * * *",
            "0 3 * * *",
            "0,30 8-18 * * mon-fri",
            "15 2 1 JAN ?",
            "0 0 * * 7",
            "@hourly",
        ] {
            assert_eq!(check_schedule(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "* * * *",
            "* * * * * *",
            "60 * * * *",
            "* 24 * * *",
            "* * 0 * *",
            "* * * 13 *",
            "*/0 * * * *",
            "5-1 * * * *",
            "? * * * *",
            "@often",
            "TZ=UTC 0 * * * *",
            "every hour",
        ] {
            let err = check_schedule(bad).unwrap_err();
            assert!(err.starts_with("invalid --reaper-schedule"), "{bad}: {err}");
        }
    }
}
