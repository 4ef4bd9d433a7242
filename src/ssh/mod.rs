//! SSH on the client side: keys, the session (russh) over a stream that `cluster::access`
//! opened, and the local terminal while a session runs.

pub mod keys;
pub mod session;
pub mod terminal;
