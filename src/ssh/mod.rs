//! SSH on the client side: keys, the session (russh) over a stream that `cluster::access`
//! opened, the local terminal while a session runs, and the ssh_config and known_hosts files
//! that let OpenSSH reach devservers through `devctl proxy`.

pub mod config;
pub mod copy;
pub mod keys;
pub mod known_hosts;
pub mod session;
pub mod sftp;
pub mod terminal;
