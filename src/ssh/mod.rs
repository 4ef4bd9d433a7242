//! SSH on the client side: keys now; the session, transports and ssh-config come with the SSH
//! issue.

pub mod keys;
