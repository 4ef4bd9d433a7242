//! A devserver's events as devctl shows them, without any I/O: which objects' events belong to
//! it, one line per event (when, what, about which object), and their order: warnings first,
//! then the rest, each oldest first, so that what went wrong is read first.

use k8s_openapi::api::core::v1::Event;
use k8s_openapi::jiff::Timestamp;
use serde::Serialize;

use super::state;

/// An object a devserver is made of whose events are its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The kind as the API spells it in `involvedObject.kind`.
    pub kind: &'static str,
    pub name: String,
}

/// The objects whose events are devserver `name`'s: its StatefulSet, its pod, its home claim.
pub fn subjects(name: &str) -> [Subject; 3] {
    [
        Subject {
            kind: "StatefulSet",
            name: name.to_string(),
        },
        Subject {
            kind: "Pod",
            name: state::pod_name(name),
        },
        Subject {
            kind: "PersistentVolumeClaim",
            name: state::home_claim(name),
        },
    ]
}

/// One event, as `devctl events` prints it. With `-o json|yaml` its serde form is an item of a
/// `DevServerEventList` (or, with `--watch`, a `DevServerEvent` document of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventLine {
    /// `Normal` or `Warning`.
    #[serde(rename = "type")]
    pub type_: String,
    pub reason: String,
    /// `pod/NAME-0`, `statefulset/NAME`, `persistentvolumeclaim/home-NAME-0`.
    pub object: String,
    pub message: String,
    /// How often it happened (the cluster folds repeats into one event).
    pub count: i32,
    /// RFC 3339; null when the cluster recorded no time.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The component that reported it: `default-scheduler`, `kubelet`, ...
    pub source: String,
    /// The event's uid and resource version: a repeat of one already shown changes the
    /// version, a second delivery of the same does not.
    #[serde(skip)]
    pub key: (String, String),
    #[serde(skip)]
    last: Option<Timestamp>,
    #[serde(skip)]
    first: Option<Timestamp>,
    /// LAST SEEN as the table shows it, relative to when the line was made.
    #[serde(skip)]
    age: String,
}

fn stamp(t: Timestamp) -> String {
    // Whole seconds, as the API writes Time; sub-second parts only add noise here.
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl EventLine {
    /// The line of `event`, its age taken at `now`.
    pub fn new(event: &Event, now: Timestamp) -> EventLine {
        let created = event.metadata.creation_timestamp.as_ref().map(|t| t.0);
        let event_time = event.event_time.as_ref().map(|t| t.0);
        // Events of the events.k8s.io API (the scheduler's) keep their repeats in a series.
        let series = event.series.as_ref();
        let last = series
            .and_then(|s| s.last_observed_time.as_ref())
            .map(|t| t.0)
            .or_else(|| event.last_timestamp.as_ref().map(|t| t.0))
            .or(event_time)
            .or(created);
        let first = event
            .first_timestamp
            .as_ref()
            .map(|t| t.0)
            .or(event_time)
            .or(created);
        let object = &event.involved_object;
        let source = event
            .reporting_component
            .clone()
            .filter(|c| !c.is_empty())
            .or_else(|| event.source.as_ref().and_then(|s| s.component.clone()))
            .unwrap_or_default();
        EventLine {
            type_: event.type_.clone().unwrap_or_default(),
            reason: event.reason.clone().unwrap_or_default(),
            object: format!(
                "{}/{}",
                object.kind.as_deref().unwrap_or_default().to_lowercase(),
                object.name.as_deref().unwrap_or_default()
            ),
            message: event
                .message
                .as_deref()
                .unwrap_or_default()
                .trim()
                .replace('\n', " "),
            count: series
                .and_then(|s| s.count)
                .or(event.count)
                .unwrap_or(1)
                .max(1),
            first_seen: first.map(stamp),
            last_seen: last.map(stamp),
            source,
            key: (
                event.metadata.uid.clone().unwrap_or_default(),
                event.metadata.resource_version.clone().unwrap_or_default(),
            ),
            last,
            first,
            age: last
                .map(|t| state::short_duration(now.duration_since(t)))
                .unwrap_or_else(|| "<unknown>".into()),
        }
    }

    pub fn is_warning(&self) -> bool {
        self.type_ == "Warning"
    }

    /// LAST SEEN as a table shows it: `1m30s`, relative to when the line was made.
    pub fn age(&self) -> &str {
        &self.age
    }
}

/// Warnings first, then the rest; each oldest first (by when it last happened). Most events
/// carry whole seconds only, so within a second the order the cluster wrote them in decides:
/// their resource versions, where those are numbers (as etcd's are).
pub fn sort(lines: &mut [EventLine]) {
    let order = |l: &EventLine| {
        (
            !l.is_warning(),
            l.last.map(|t| t.as_second()),
            l.key.1.parse::<u64>().ok(),
            l.first.map(|t| t.as_second()),
        )
    };
    lines.sort_by(|a, b| {
        order(a)
            .cmp(&order(b))
            .then_with(|| (&a.object, &a.reason).cmp(&(&b.object, &b.reason)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-25T10:00:00Z".parse().unwrap()
    }

    fn event(value: serde_json::Value) -> Event {
        serde_json::from_value(value).unwrap()
    }

    fn core(kind: &str, name: &str, type_: &str, reason: &str, last: &str) -> Event {
        event(serde_json::json!({
            "metadata": { "name": format!("{name}.{reason}"), "uid": format!("{name}-{reason}"),
                          "resourceVersion": "7", "creationTimestamp": "2026-11-25T09:00:00Z" },
            "involvedObject": { "kind": kind, "name": name },
            "type": type_, "reason": reason, "message": format!("{reason} happened"),
            "count": 3, "firstTimestamp": "2026-11-25T09:00:00Z", "lastTimestamp": last,
            "source": { "component": "kubelet" },
        }))
    }

    #[test]
    fn the_objects_of_a_devserver_are_its_statefulset_pod_and_home_claim() {
        let names: Vec<(&str, String)> = subjects("box")
            .into_iter()
            .map(|s| (s.kind, s.name))
            .collect();
        assert_eq!(
            names,
            [
                ("StatefulSet", "box".to_string()),
                ("Pod", "box-0".to_string()),
                ("PersistentVolumeClaim", "home-box-0".to_string()),
            ]
        );
    }

    #[test]
    fn a_core_event_reads_as_kubectl_shows_it() {
        let line = EventLine::new(
            &core("Pod", "box-0", "Normal", "Pulled", "2026-11-25T09:58:30Z"),
            now(),
        );
        assert_eq!(line.object, "pod/box-0");
        assert_eq!(line.count, 3);
        assert_eq!(line.last_seen.as_deref(), Some("2026-11-25T09:58:30Z"));
        assert_eq!(line.first_seen.as_deref(), Some("2026-11-25T09:00:00Z"));
        assert_eq!(line.source, "kubelet");
        assert_eq!(line.age(), "1m30s");
    }

    #[test]
    fn a_schedulers_event_takes_its_time_and_count_from_its_series() {
        // What the events.k8s.io API's events look like through core/v1: no lastTimestamp.
        let line = EventLine::new(
            &event(serde_json::json!({
                "metadata": { "name": "huge-0.1", "uid": "u", "resourceVersion": "9",
                              "creationTimestamp": "2026-11-25T09:50:00Z" },
                "involvedObject": { "kind": "Pod", "name": "huge-0" },
                "type": "Warning", "reason": "FailedScheduling",
                "message": "0/2 nodes are available: 2 Insufficient cpu.\n",
                "eventTime": "2026-11-25T09:50:00.123456Z",
                "series": { "count": 4, "lastObservedTime": "2026-11-25T09:59:00.5Z" },
                "reportingComponent": "default-scheduler",
            })),
            now(),
        );
        assert_eq!(line.count, 4);
        assert_eq!(line.last_seen.as_deref(), Some("2026-11-25T09:59:00Z"));
        assert_eq!(line.first_seen.as_deref(), Some("2026-11-25T09:50:00Z"));
        assert_eq!(line.source, "default-scheduler");
        assert_eq!(line.message, "0/2 nodes are available: 2 Insufficient cpu.");
        let json = serde_json::to_value(&line).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "Warning", "reason": "FailedScheduling", "object": "pod/huge-0",
                "message": "0/2 nodes are available: 2 Insufficient cpu.", "count": 4,
                "firstSeen": "2026-11-25T09:50:00Z", "lastSeen": "2026-11-25T09:59:00Z",
                "source": "default-scheduler",
            })
        );
    }

    #[test]
    fn warnings_come_first_then_each_group_oldest_first() {
        let mut lines: Vec<EventLine> = [
            core("Pod", "b-0", "Normal", "Scheduled", "2026-11-25T09:10:00Z"),
            core("Pod", "b-0", "Warning", "BackOff", "2026-11-25T09:40:00Z"),
            core(
                "StatefulSet",
                "b",
                "Normal",
                "SuccessfulCreate",
                "2026-11-25T09:05:00Z",
            ),
            core("Pod", "b-0", "Warning", "Failed", "2026-11-25T09:20:00Z"),
        ]
        .iter()
        .map(|e| EventLine::new(e, now()))
        .collect();
        sort(&mut lines);
        let order: Vec<&str> = lines.iter().map(|l| l.reason.as_str()).collect();
        assert_eq!(
            order,
            ["Failed", "BackOff", "SuccessfulCreate", "Scheduled"]
        );
    }

    #[test]
    fn within_one_second_the_order_the_cluster_wrote_them_in_decides() {
        let mut scheduled = core("Pod", "b-0", "Normal", "Scheduled", "2026-11-25T09:10:00Z");
        scheduled.last_timestamp = None;
        scheduled.event_time = Some(k8s_openapi::apimachinery::pkg::apis::meta::v1::MicroTime(
            "2026-11-25T09:10:00.9Z".parse().unwrap(),
        ));
        scheduled.metadata.resource_version = Some("9".into());
        let mut started = core("Pod", "b-0", "Normal", "Started", "2026-11-25T09:10:00Z");
        started.metadata.resource_version = Some("12".into());
        let mut created = core("Pod", "b-0", "Normal", "Created", "2026-11-25T09:10:00Z");
        created.metadata.resource_version = Some("10".into());
        let mut lines: Vec<EventLine> = [started, scheduled, created]
            .iter()
            .map(|e| EventLine::new(e, now()))
            .collect();
        sort(&mut lines);
        let order: Vec<&str> = lines.iter().map(|l| l.reason.as_str()).collect();
        assert_eq!(order, ["Scheduled", "Created", "Started"]);
    }

    #[test]
    fn an_event_without_any_time_still_shows() {
        let line = EventLine::new(
            &event(serde_json::json!({ "metadata": {}, "involvedObject": {} })),
            now(),
        );
        assert_eq!(line.last_seen, None);
        assert_eq!(line.age(), "<unknown>");
        assert_eq!(line.count, 1);
    }
}
