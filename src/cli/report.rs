//! `repwatch report`: the weekly reputation report of any week, from the store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::Utc;

use crate::config::Config;
use crate::report::{self, Week};
use crate::store::Store;

/// The formats `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
}

pub async fn run(
    config: Config,
    store: Option<String>,
    week: Option<String>,
    format: Format,
    out: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let tz = config.report.timezone;
    let now = Utc::now();
    let week = match week {
        Some(w) => Week::parse(&w).map_err(anyhow::Error::msg).context("--week")?,
        None => Week::last_complete(now, tz),
    };
    let url = store.unwrap_or(config.store.url.clone());
    if let Some(path) = url.strip_prefix("sqlite://")
        && !std::path::Path::new(path).exists()
    {
        bail!("store {url} does not exist (run `repwatch run` or `repwatch replay --store {url}` first)");
    }
    let store = Store::open(&url).await.with_context(|| format!("opening store {url}"))?;
    let inputs = report::gather(&store, &config.brand, week, tz, now).await?;
    let report = report::compute(&inputs);
    let text = match format {
        Format::Md => report::markdown(&report),
        Format::Html => report::html(&report),
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    match out {
        Some(path) => std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?,
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(text.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
