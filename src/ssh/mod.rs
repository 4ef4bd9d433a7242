//! SSH on the client side: keys, and the ssh_config and known_hosts files that let OpenSSH
//! reach devservers through `devctl proxy`; the session and transports come with the SSH issue.

pub mod config;
pub mod keys;
pub mod known_hosts;
