//! `repwatch alerts`: the outbox from the command line: list deliveries (the dead
//! letters above all) and put dead letters back in the queue. Works on the store file
//! directly, also while the service runs (it picks redeliveries up within a second).

use std::process::ExitCode;

use anyhow::Context as _;

use crate::config::Config;
use crate::mention::rfc3339;
use crate::store::Store;

/// `repwatch alerts list`: one line per delivery, newest first.
pub async fn list(
    config: Config,
    store: Option<String>,
    status: Option<String>,
    limit: usize,
) -> anyhow::Result<ExitCode> {
    if let Some(s) = status.as_deref()
        && !matches!(s, "pending" | "sent" | "dead")
    {
        anyhow::bail!("--status {s:?} is not pending, sent or dead");
    }
    let store = open(config, store).await?;
    let rows = store.deliveries(status, limit).await?;
    if rows.is_empty() {
        eprintln!("no deliveries");
    }
    for d in rows {
        let when = d
            .sent_at
            .map(|t| format!("sent {}", rfc3339(t)))
            .unwrap_or_else(|| format!("next {}", rfc3339(d.next_attempt_at)));
        println!(
            "{}\t{}\t{}\t{} attempt{}\t{} {} {}\t{}\t{}{}",
            d.id,
            d.sink,
            d.status,
            d.attempts,
            if d.attempts == 1 { "" } else { "s" },
            d.incident,
            d.kind.as_str(),
            d.severity.as_str(),
            d.webhook_id,
            when,
            d.last_error.map(|e| format!("\t{e}")).unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `repwatch alerts redeliver`: the given dead letters (or all, of one sink with
/// `--sink`) go back in the queue with their webhook-ids. Exit 1 when an id was not a
/// dead letter.
pub async fn redeliver(
    config: Config,
    store: Option<String>,
    ids: Vec<i64>,
    all: bool,
    sink: Option<String>,
) -> anyhow::Result<ExitCode> {
    if all != ids.is_empty() {
        anyhow::bail!("give dead letter ids, or --all (with --sink NAME to limit it to one sink)");
    }
    let store = open(config, store).await?;
    if all {
        let done = store.redeliver_all_dead(sink).await?;
        println!("{} dead letter{} back in the queue", done.len(), if done.len() == 1 { "" } else { "s" });
        return Ok(ExitCode::SUCCESS);
    }
    let mut missing = false;
    for id in ids {
        match store.redeliver_dead(id).await? {
            Some(sink) => println!("{id}: back in the queue for {sink}"),
            None => {
                eprintln!("{id}: not a dead letter");
                missing = true;
            }
        }
    }
    Ok(if missing { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

async fn open(config: Config, store: Option<String>) -> anyhow::Result<Store> {
    let url = store.unwrap_or(config.store.url);
    Store::open(&url).await.with_context(|| format!("opening store {url}"))
}
