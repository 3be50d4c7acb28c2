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

/// The labelled posts of `../shared/eval`, for the tests that check a fast path against
/// the general one on real text: read at run time (never copied into the repository), at
/// most `per_file` from each file, and none when the folder is not there.
#[cfg(test)]
pub(crate) fn labelled_posts(per_file: usize) -> Vec<serde_json::Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let mut posts = Vec::new();
    for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            if file.path().extension().is_none_or(|e| e != "jsonl") {
                continue;
            }
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            posts.extend(text.lines().take(per_file).filter_map(|line| serde_json::from_str(line).ok()));
        }
    }
    posts
}
