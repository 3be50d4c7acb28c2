//! `repwatch export`: stored mentions as JSON Lines, latest counts, oldest first.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::config::Config;
use crate::mention::parse_rfc3339;
use crate::store::Store;

pub async fn run(
    config: Config,
    store: Option<String>,
    since: Option<String>,
    source: Option<String>,
) -> anyhow::Result<ExitCode> {
    let url = store.unwrap_or(config.store.url);
    let since = match since {
        Some(s) => Some(parse_rfc3339(&s).with_context(|| format!("--since {s:?} is not an RFC 3339 time"))?),
        None => None,
    };
    let store = Store::open(&url).await.with_context(|| format!("opening store {url}"))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut after = None;
    loop {
        let page = store.export_page(after, 2_000, since, source.clone()).await?;
        let Some((last, _)) = page.last() else { break };
        after = Some(*last);
        for (_, m) in &page {
            writeln!(out, "{}", m.to_json_line())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
