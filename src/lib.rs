//! repwatch: watches public mentions of a business and tells its staff, in their chat,
//! when a complaint is spreading.
//!
//! The modules follow the data:
//!
//! ```text
//! sources (pollers) and server (POST /ingest) → Mention → store
//!   → normalize → score → spread (incidents) → store (outbox) → sinks (chat)
//! ```
//!
//! `run` wires the stages together as tokio tasks; `cli` and `demo` are the commands.
//! `normalize`, `score` and `spread` are pure: no IO, no clock of their own.

pub mod brand;
pub mod cli;
pub mod config;
pub mod demo;
#[doc(hidden)]
pub mod fuzzing;
pub mod http;
pub mod mention;
pub mod metrics;
pub mod normalize;
pub mod report;
pub mod run;
pub mod score;
pub mod server;
pub mod sinks;
pub mod sources;
pub mod spread;
pub mod store;
