//! The one value every command's `run` takes: the global flags, the settings resolved once,
//! the printer, and a cluster connection made on first use (commands that never talk to the
//! cluster never locate one).

use tokio::sync::OnceCell;

use crate::cli::GlobalArgs;
use crate::cluster::{self, Cluster};
use crate::error::Result;
use crate::output::Printer;
use crate::settings::Settings;

pub struct Context<'a> {
    pub global: &'a GlobalArgs,
    pub printer: &'a Printer,
    /// Loaded once; a malformed config file is an error only for commands that read it.
    settings: Result<Settings>,
    cluster: OnceCell<Cluster>,
}

impl<'a> Context<'a> {
    pub fn new(global: &'a GlobalArgs, printer: &'a Printer) -> Context<'a> {
        Context {
            global,
            printer,
            settings: Settings::load(&[
                ("namespace", global.namespace.as_deref()),
                ("context", global.context.as_deref()),
            ]),
            cluster: OnceCell::new(),
        }
    }

    /// Flags > `DEVCTL_*` > config file > defaults.
    pub fn settings(&self) -> Result<&Settings> {
        self.settings.as_ref().map_err(Clone::clone)
    }

    /// The cluster the settings point at, connected on the first call. Connecting makes no
    /// request: the first call through the client tells whether it works.
    pub async fn cluster(&self) -> Result<&Cluster> {
        self.cluster
            .get_or_try_init(|| async {
                cluster::connect(self.global, self.settings()?, self.printer.verbosity()).await
            })
            .await
    }
}
