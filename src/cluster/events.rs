//! Reading a devserver's events: one list per object it is made of (its StatefulSet, pod and
//! home claim, [`crate::devserver::events::subjects`]), all in one wave with the devserver's
//! lookup, and a watch of the same that resumes from the last resource version it saw when its
//! connection breaks, as the waits in `wait` do. Nothing here prints.

use std::collections::VecDeque;

use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use k8s_openapi::api::core::v1::Event;
use kube::api::{Api, ListParams, WatchEvent, WatchParams};

use super::Cluster;
use super::devservers;
use super::wait::{RESUME_BACKOFF, WATCH_RESUMES};
use crate::devserver::events::{Subject, subjects};
use crate::error::{Error, Result};

/// Where a watch of one object's events starts: its field selector, and the resource version
/// of the list that read its events so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    fields: String,
    version: String,
}

/// The field selector of the events about `subject` (kind and name: a claim and a pod may
/// share a name).
fn fields(subject: &Subject) -> String {
    format!(
        "involvedObject.kind={},involvedObject.name={}",
        subject.kind, subject.name
    )
}

/// The events of a devserver so far, and where watches of them start.
#[derive(Debug)]
pub struct Listed {
    pub events: Vec<Event>,
    pub cursors: Vec<Cursor>,
}

/// The events of devserver `name`: exit 3 when there is no such devserver (a hint says how to
/// make it). The lookup and the three lists go out at once.
pub async fn list(cluster: &Cluster, name: &str) -> Result<Listed> {
    let api: Api<Event> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let list = |subject: Subject| {
        let api = api.clone();
        async move {
            let fields = fields(&subject);
            let listed = api.list(&ListParams::default().fields(&fields)).await;
            (fields, listed)
        }
    };
    let [set, pod, claim] = subjects(name);
    let (found, set, pod, claim) = tokio::join!(
        devservers::get(cluster, name),
        list(set),
        list(pod),
        list(claim),
    );
    found.map_err(super::logs::missing)?;
    let mut listed = Listed {
        events: Vec::new(),
        cursors: Vec::new(),
    };
    for (fields, result) in [set, pod, claim] {
        let list = result.map_err(|e| cluster.error(e))?;
        listed.cursors.push(Cursor {
            fields,
            version: list.metadata.resource_version.unwrap_or_default(),
        });
        listed.events.extend(list.items);
    }
    Ok(listed)
}

/// The devserver's events from `cursors` on, as the cluster records them: new events, and
/// repeats (the same event again, its count raised). An event can come twice (after a watch
/// was started over); its uid and resource version tell. Ends only with an error: the API
/// server's refusal, or a connection that keeps breaking.
pub fn watch(cluster: &Cluster, cursors: Vec<Cursor>) -> impl Stream<Item = Result<Event>> + '_ {
    let api: Api<Event> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    futures::stream::select_all(
        cursors
            .into_iter()
            .map(|cursor| follow(cluster, api.clone(), cursor).boxed()),
    )
}

/// One watch of one object's events, and what it needs to go on after a break.
struct Follow {
    api: Api<Event>,
    cursor: Cursor,
    events: Option<BoxStream<'static, kube::Result<WatchEvent<Event>>>>,
    /// Events of a list that started the watch over, still to hand out.
    pending: VecDeque<Event>,
    /// Breaks in a row.
    broken: u32,
    /// Whether the open watch has brought nothing yet.
    quiet: bool,
}

/// What one step of a watch brought.
enum Step {
    Event(Box<Event>),
    /// Nothing to hand out (a bookmark, a deletion, a watch the server ended); go on.
    Again,
    Broke(kube::Error),
}

impl Follow {
    async fn step(&mut self) -> Step {
        let events = match &mut self.events {
            Some(events) => events,
            None => {
                let params = WatchParams::default().fields(&self.cursor.fields);
                match self.api.watch(&params, &self.cursor.version).await {
                    Ok(events) => {
                        self.quiet = true;
                        self.events.insert(events.boxed())
                    }
                    Err(e) => return Step::Broke(e),
                }
            }
        };
        let event = match events.try_next().await {
            Ok(Some(event)) => event,
            // The server ends a watch after a while: watch on from the same version (after a
            // pause if it brought nothing, so that a proxy that keeps closing watches is not
            // asked again and again at once).
            Ok(None) => {
                self.events = None;
                if self.quiet {
                    tokio::time::sleep(RESUME_BACKOFF).await;
                }
                return Step::Again;
            }
            Err(e) => {
                self.events = None;
                return Step::Broke(e);
            }
        };
        self.broken = 0;
        self.quiet = false;
        match event {
            WatchEvent::Added(e) | WatchEvent::Modified(e) => {
                self.advance(e.metadata.resource_version.as_deref());
                Step::Event(Box::new(e))
            }
            // Events expire (an hour by default): nothing for the user.
            WatchEvent::Deleted(e) => {
                self.advance(e.metadata.resource_version.as_deref());
                Step::Again
            }
            WatchEvent::Bookmark(b) => {
                self.advance(Some(&b.metadata.resource_version));
                Step::Again
            }
            // The version is too old to watch from: list again (what is new in it goes out,
            // what was seen is told apart by the caller) and watch from the list's version.
            WatchEvent::Error(status) if status.code == 410 => {
                self.events = None;
                let params = ListParams::default().fields(&self.cursor.fields);
                match self.api.list(&params).await {
                    Ok(list) => {
                        self.cursor.version = list.metadata.resource_version.unwrap_or_default();
                        self.pending.extend(list.items);
                        Step::Again
                    }
                    Err(e) => Step::Broke(e),
                }
            }
            WatchEvent::Error(status) => Step::Broke(kube::Error::Api(status)),
        }
    }

    fn advance(&mut self, version: Option<&str>) {
        if let Some(version) = version.filter(|v| !v.is_empty()) {
            self.cursor.version = version.to_string();
        }
    }
}

fn follow(
    cluster: &Cluster,
    api: Api<Event>,
    cursor: Cursor,
) -> impl Stream<Item = Result<Event>> + '_ {
    let state = Follow {
        api,
        cursor,
        events: None,
        pending: VecDeque::new(),
        broken: 0,
        quiet: true,
    };
    futures::stream::try_unfold(state, move |mut state| async move {
        loop {
            if let Some(event) = state.pending.pop_front() {
                return Ok(Some((event, state)));
            }
            let failure = match state.step().await {
                Step::Event(event) => return Ok(Some((*event, state))),
                Step::Again => continue,
                Step::Broke(failure) => failure,
            };
            // The API server's answer is final; a connection that broke (or does not come
            // back at once) is tried again from the last version seen, a few times in a row.
            if matches!(failure, kube::Error::Api(_)) || state.broken >= WATCH_RESUMES {
                return Err::<Option<(Event, Follow)>, Error>(
                    cluster.error(failure).prefix("watching events"),
                );
            }
            state.broken += 1;
            tracing::debug!(
                "the watch of events ({}) broke ({failure}); resuming from version {}",
                state.cursor.fields,
                state.cursor.version
            );
            tokio::time::sleep(RESUME_BACKOFF * state.broken).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_selected_by_the_kind_and_the_name_of_their_object() {
        let [_, pod, claim] = subjects("box");
        assert_eq!(
            fields(&pod),
            "involvedObject.kind=Pod,involvedObject.name=box-0"
        );
        assert_eq!(
            fields(&claim),
            "involvedObject.kind=PersistentVolumeClaim,involvedObject.name=home-box-0"
        );
    }
}
