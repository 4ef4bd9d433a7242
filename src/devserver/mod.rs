//! The domain: what a devserver is, independent of any cluster. Pure functions only.

pub mod admin;
pub mod crd;
pub mod duration;
pub mod events;
pub mod flavor;
pub mod input;
pub mod job;
pub mod manifests;
pub mod names;
pub mod owner;
pub mod quantity;
pub mod quota;
pub mod ranks;
pub mod reaper;
pub mod request;
pub mod results;
pub mod schedule;
pub mod spec;
pub mod state;
pub mod users;
