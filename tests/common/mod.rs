//! Shared by the test crates.

pub mod fixtures;
