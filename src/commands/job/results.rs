//! `devctl job results NAME [DEST]`: find where each index's results are, start a reader pod
//! on each claim, list through the exec API, then copy every file, checked with SHA-256, with a
//! progress bar. Ctrl-C, an error or the timeout removes the readers and the files in flight,
//! so only whole, checked files remain.

use std::path::PathBuf;

use serde::Serialize;

use super::super::{Context, ExitStatus};
use crate::cli::JobResultsArgs;
use crate::cluster::Cluster;
use crate::cluster::results::{self, Readers, Temporaries};
use crate::devserver::results::{self as domain, Listing};
use crate::devserver::{duration, input, spec};
use crate::error::{Error, Kind, Result};
use crate::output::{Cell, Format, Row};

pub async fn run(ctx: &Context<'_>, args: JobResultsArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    if args.list {
        printer.accept(
            "job results --list",
            &[Format::Table, Format::Json, Format::Yaml],
        )?;
    } else {
        printer.accept("job results", &[Format::Table])?;
    }
    input::check_name(&args.name).map_err(Error::usage)?;
    let fallback_image = ctx
        .settings()?
        .get("image")
        .map(str::to_string)
        .unwrap_or_else(|| spec::DEFAULT_IMAGE.to_string());
    let cluster = ctx.cluster().await?;
    let interrupted = crate::interrupt::listen()?;
    let readers = Readers::new(cluster);
    let temporaries = Temporaries::default();
    let bar = printer.bytes_bar(&args.name, 0);
    let work = fetch(
        ctx,
        cluster,
        &args,
        &fallback_image,
        &readers,
        &temporaries,
        &bar,
    );
    let outcome = tokio::select! {
        done = tokio::time::timeout(args.timeout, work) => match done {
            Ok(done) => done,
            Err(_) => Err(Error::new(
                Kind::Timeout,
                format!(
                    "timed out after {} reading the results of job {}; the files copied so far are whole and checked",
                    duration::format(args.timeout),
                    args.name
                ),
            )
            .hint("give it longer with --timeout")),
        },
        signal = interrupted => Err(Error::new(
            Kind::Interrupted(signal),
            "stopped reading the results: the files copied so far are whole and checked, those in flight were removed",
        )),
    };
    bar.finish_and_clear();
    temporaries.remove_all();
    readers.delete_all().await;
    outcome
}

async fn fetch(
    ctx: &Context<'_>,
    cluster: &Cluster,
    args: &JobResultsArgs,
    fallback_image: &str,
    readers: &Readers<'_>,
    temporaries: &Temporaries,
    bar: &indicatif::ProgressBar,
) -> Result<ExitStatus> {
    let printer = ctx.printer;
    let name = &args.name;
    let found = results::find(cluster, name).await?;
    let mut sources = found.sources.clone();
    if let Some(wanted) = args.index {
        let indexes: Vec<String> = sources.iter().map(|s| s.index.to_string()).collect();
        sources.retain(|s| s.index == wanted);
        if sources.is_empty() {
            return Err(Error::new(
                Kind::NotFound,
                format!(
                    "job {name} has no results of index {wanted} (its indexes: {})",
                    indexes.join(", ")
                ),
            ));
        }
    }
    let image = found
        .image
        .clone()
        .unwrap_or_else(|| fallback_image.to_string());
    let spinner = printer.spinner(&format!("{name}: starting the pod that reads the results"));
    let places = match readers
        .start_for(&found, &sources, &image, args.timeout)
        .await
    {
        Ok(places) => places,
        Err(e) => {
            spinner.finish_and_clear();
            return Err(e);
        }
    };
    spinner.set_message(format!("{name}: listing the results"));
    let listings = futures::future::try_join_all(
        places
            .iter()
            .map(|place| results::list(cluster, place, &image)),
    )
    .await;
    spinner.finish_and_clear();
    let mut found_sources = Vec::new();
    let mut found_places = Vec::new();
    let mut found_listings = Vec::new();
    for ((source, place), listing) in sources.iter().zip(places).zip(listings?) {
        match listing {
            Some(listing) => {
                found_sources.push(source.clone());
                found_places.push(place);
                found_listings.push(listing);
            }
            None => printer.warn(&format!(
                "index {} of job {name} left no results directory (its pod never started)",
                source.index
            )),
        }
    }
    let several = sources.len() > 1;
    let (sources, places, listings) = (found_sources, found_places, found_listings);
    let shown = |index: u32, path: &domain::RelPath| {
        if several {
            format!("{index}/{}", path.display())
        } else {
            path.display()
        }
    };
    for (source, listing) in sources.iter().zip(&listings) {
        for link in &listing.links {
            printer.warn(&format!(
                "skipped {}: a symbolic link (job results copies files and directories, never what links point to)",
                shown(source.index, link)
            ));
        }
        for other in &listing.others {
            printer.warn(&format!(
                "skipped {}: not a file, directory or symbolic link",
                shown(source.index, other)
            ));
        }
    }
    let unreadable: Vec<String> = sources
        .iter()
        .zip(&listings)
        .flat_map(|(s, l)| {
            l.unreadable
                .iter()
                .map(move |(p, why)| format!("{} ({why})", shown(s.index, p)))
        })
        .collect();

    if args.list {
        for what in &unreadable {
            printer.warn(&format!("cannot read {what}"));
        }
        print_list(ctx, &sources, &listings, several)?;
        return Ok(0);
    }
    if !unreadable.is_empty() {
        return Err(Error::general(format!(
            "the reader cannot read {} in the results of job {name}; nothing was copied",
            unreadable.join(", ")
        ))
        .hint("the reader runs as the job's pod did (its securityContext); files the command made unreadable to itself cannot be copied"));
    }

    let dest = args
        .destination
        .clone()
        .unwrap_or_else(|| PathBuf::from("."));
    let mut work = Vec::new();
    let mut made = Vec::new();
    let mut total = 0;
    for ((source, listing), place) in sources.iter().zip(&listings).zip(&places) {
        let top = domain::index_dir(&dest, source.index, several);
        made.extend(results::make_directories(&top, listing)?);
        total += listing.total_bytes();
        for file in &listing.files {
            work.push((place.clone(), file.clone(), file.path.below(&top)));
        }
    }
    bar.set_length(total);
    let on_bytes = |n| bar.inc(n);
    let files = results::copy_all(cluster, &image, work, temporaries, &on_bytes).await?;
    results::open_directories(&made)?;
    printer.debug(
        1,
        &format!("copied {files} files, {total} bytes, each checked with SHA-256"),
    );
    Ok(0)
}

/// One result file, as `--list` prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultFile {
    index: u32,
    path: String,
    size: u64,
    sha256: String,
    executable: bool,
}

impl Row for ResultFile {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["INDEX", "PATH", "SIZE", "SHA256"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            Cell::from(self.index.to_string()),
            Cell::from(self.path.as_str()),
            Cell::from(self.size.to_string()),
            Cell::from(self.sha256.as_str()),
        ]
    }
    fn name(&self) -> String {
        self.path.clone()
    }
}

fn print_list(
    ctx: &Context<'_>,
    sources: &[results::Source],
    listings: &[Listing],
    several: bool,
) -> Result<()> {
    let printer = ctx.printer;
    let items: Vec<ResultFile> = sources
        .iter()
        .zip(listings)
        .flat_map(|(source, listing)| {
            listing.files.iter().map(|f| ResultFile {
                index: source.index,
                path: f.path.display(),
                size: f.size,
                sha256: domain::hex(&f.sha256),
                executable: f.executable,
            })
        })
        .collect();
    if printer.is_structured() {
        return printer.list("JobResultFile", &items);
    }
    if items.is_empty() {
        printer.info("no result files");
        return Ok(());
    }
    // The index column only when the job has several.
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            let mut row = vec![i.path.clone(), i.size.to_string(), i.sha256.clone()];
            if several {
                row.insert(0, i.index.to_string());
            }
            row
        })
        .collect();
    let headers: &[&str] = if several {
        &["INDEX", "PATH", "SIZE", "SHA256"]
    } else {
        &["PATH", "SIZE", "SHA256"]
    };
    printer.out(&printer.table(headers, &rows));
    Ok(())
}
