//! `devctl events NAME`: the events of the devserver's StatefulSet, pod and home claim, warnings
//! first, then the rest, each oldest first; whatever state the devserver is in (a pod no node
//! takes has the scheduler's reasons here). `--watch` goes on printing events as the cluster
//! records them, until Ctrl-C (which ends it as it ends `kubectl get events -w`) or `--for`.
//!
//! `-o json`/`-o yaml`: `{"apiVersion": "devctl/v1", "kind": "DevServerEventList", "items":
//! [{type, reason, object, message, count, firstSeen, lastSeen, source}]}`; with `--watch`,
//! one `{"apiVersion": "devctl/v1", "kind": "DevServerEvent", ...}` document per event instead
//! (YAML documents separated by `---`), the ones so far first. `object` is `kind/name` in lower
//! case (`pod/NAME-0`), the times RFC 3339 (null when the cluster recorded none). `-o wide` adds
//! COUNT, FIRST SEEN and SOURCE; `-o name` is refused.

use std::collections::HashSet;

use futures::StreamExt;
use k8s_openapi::jiff::Timestamp;
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::EventsArgs;
use crate::cluster::events as cluster_events;
use crate::devserver::events::{self, EventLine};
use crate::devserver::input;
use crate::error::{Error, Result};
use crate::output::{API_VERSION, Cell, Format, Printer, Row, Style};

impl Row for EventLine {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut headers = vec!["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
        if wide {
            headers.extend(["COUNT", "FIRST SEEN", "SOURCE"]);
        }
        headers
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let type_ = if self.is_warning() {
            Cell::new(self.type_.as_str(), Style::Bad)
        } else {
            Cell::from(self.type_.as_str())
        };
        let mut cells = vec![
            Cell::from(self.age()),
            type_,
            Cell::from(self.reason.as_str()),
            Cell::from(self.object.as_str()),
            Cell::from(self.message.as_str()),
        ];
        if wide {
            cells.extend([
                Cell::from(self.count.to_string()),
                Cell::from(self.first_seen.as_deref().unwrap_or("<unknown>")),
                Cell::from(self.source.as_str()),
            ]);
        }
        cells
    }

    fn name(&self) -> String {
        format!("event/{}", self.key.0)
    }
}

/// One event as a document of its own, for `--watch -o json|yaml`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    api_version: &'static str,
    kind: &'static str,
    #[serde(flatten)]
    event: &'a EventLine,
}

/// What `--watch` has shown: the table's lines so far, so that a new line lines up with them.
struct Watched<'p> {
    printer: &'p Printer,
    lines: Vec<EventLine>,
}

impl Watched<'_> {
    /// Prints the events so far: a table (its header even when there are none), or one
    /// document each.
    fn start(&mut self, lines: Vec<EventLine>) -> Result<()> {
        if self.printer.is_structured() {
            for line in &lines {
                self.document(line)?;
            }
        } else {
            let wide = self.printer.format == Format::Wide;
            let rows = lines.iter().map(|l| l.cells(wide)).collect();
            self.printer
                .out(&self.printer.styled_table(&EventLine::headers(wide), rows));
        }
        self.lines = lines;
        Ok(())
    }

    /// Prints one more event: a row as wide as the widest so far, or a document.
    fn push(&mut self, line: EventLine) -> Result<()> {
        if self.printer.is_structured() {
            return self.document(&line);
        }
        self.lines.push(line);
        let table = self.printer.rows(&self.lines);
        if let Some(last) = table.lines().last() {
            self.printer.out(&format!("{last}\n"));
        }
        Ok(())
    }

    fn document(&self, line: &EventLine) -> Result<()> {
        if self.printer.format == Format::Yaml {
            self.printer.out("---\n");
        }
        self.printer.structured(&Document {
            api_version: API_VERSION,
            kind: "DevServerEvent",
            event: line,
        })
    }
}

pub async fn run(ctx: &Context<'_>, args: EventsArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "events",
        &[Format::Table, Format::Wide, Format::Json, Format::Yaml],
    )?;
    input::check_name(&args.name).map_err(Error::usage)?;
    let cluster = ctx.cluster().await?;
    let listed = cluster_events::list(cluster, &args.name).await?;
    let now = Timestamp::now();
    let mut lines: Vec<EventLine> = listed
        .events
        .iter()
        .map(|e| EventLine::new(e, now))
        .collect();
    events::sort(&mut lines);
    if !args.watch {
        if lines.is_empty() && !printer.is_structured() {
            printer.info(&format!("no events for devserver {}", args.name));
        }
        printer.list("DevServerEvent", &lines)?;
        return Ok(0);
    }

    // A watch that starts over hands out events again; what was shown is not shown twice.
    let mut shown: HashSet<(String, String)> = lines.iter().map(|l| l.key.clone()).collect();
    let mut watched = Watched {
        printer,
        lines: Vec::new(),
    };
    watched.start(lines)?;
    let stream = cluster_events::watch(cluster, listed.cursors);
    let until = async {
        match args.watch_for {
            Some(limit) => tokio::time::sleep(limit).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(stream, until);
    loop {
        tokio::select! {
            () = &mut until => return Ok(0),
            next = stream.next() => match next {
                Some(Ok(event)) => {
                    let line = EventLine::new(&event, Timestamp::now());
                    if shown.insert(line.key.clone()) {
                        watched.push(line)?;
                    }
                }
                Some(Err(err)) => return Err(err),
                None => return Ok(0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::Event;

    fn line(type_: &str, reason: &str) -> EventLine {
        let event: Event = serde_json::from_value(serde_json::json!({
            "metadata": { "uid": reason, "resourceVersion": "1" },
            "involvedObject": { "kind": "Pod", "name": "box-0" },
            "type": type_, "reason": reason, "message": "it happened",
            "lastTimestamp": "2026-11-25T09:58:30Z", "firstTimestamp": "2026-11-25T09:00:00Z",
            "count": 2, "source": { "component": "kubelet" },
        }))
        .unwrap();
        EventLine::new(&event, "2026-11-25T10:00:00Z".parse().unwrap())
    }

    #[test]
    fn the_table_has_kubectls_columns_and_wide_adds_count_first_seen_and_source() {
        let printer = Printer::plain(Format::Table);
        assert_eq!(
            printer.rows(&[line("Warning", "BackOff")]),
            "LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n\
             1m30s       Warning   BackOff   pod/box-0   it happened\n"
        );
        assert_eq!(
            Printer::plain(Format::Wide).rows(&[line("Normal", "Pulled")]),
            "LAST SEEN   TYPE     REASON   OBJECT      MESSAGE       COUNT   FIRST SEEN             SOURCE\n\
             1m30s       Normal   Pulled   pod/box-0   it happened   2       2026-11-25T09:00:00Z   kubelet\n"
        );
    }

    #[test]
    fn a_watched_event_is_one_document_with_the_envelope() {
        let event = line("Normal", "Pulled");
        let doc = serde_json::to_value(Document {
            api_version: API_VERSION,
            kind: "DevServerEvent",
            event: &event,
        })
        .unwrap();
        assert_eq!(doc["apiVersion"], "devctl/v1");
        assert_eq!(doc["kind"], "DevServerEvent");
        assert_eq!(doc["reason"], "Pulled");
        assert_eq!(doc["object"], "pod/box-0");
        assert_eq!(doc["count"], 2);
    }
}
