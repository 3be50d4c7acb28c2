//! The commands (contract.md §2, §3, §5): arguments, and what each prints.

mod alerts;
mod check;
pub mod eval;
mod export;
pub mod fit;
mod replay;
mod report;
pub mod score;
mod spikes;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::config::Config;

#[derive(Parser, Debug)]
#[command(name = "repwatch", version, about = "Tells you when a complaint about your business is spreading.")]
pub struct Cli {
    /// More log output (-v debug, -vv trace); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Pollers, scorer, detector, sinks and server, until SIGINT or SIGTERM.
    Run {
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The main job on a built-in day of mentions: no keys, no network.
    Demo {
        /// Go through the day as fast as possible, print the alerts and exit.
        #[arg(long)]
        once: bool,
        /// How many times faster than real time the day is replayed.
        #[arg(long, default_value_t = 1440.0)]
        speed: f64,
        /// Where the demo's API listens (port 0: any free port).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
    },
    /// Scores JSON Lines (FILE or stdin): sentiment, polarity, complaint, what fired.
    Score {
        #[arg(long)]
        rules: Option<PathBuf>,
        file: Option<PathBuf>,
    },
    /// Measures the scorer on labelled JSON Lines: precision, recall, F1 per language and class.
    Eval(eval::EvalArgs),
    /// Fits the complaint model on labelled JSON Lines and writes rules/model.toml.
    Fit(fit::FitArgs),
    /// Runs the whole pipeline over a recorded stream and prints the alerts it decides.
    Replay {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Keep everything in this store (e.g. sqlite://replay.db) instead of memory.
        #[arg(long)]
        store: Option<String>,
        /// Also send the alerts to the configured sinks.
        #[arg(long)]
        deliver: bool,
        /// Check the alerts against FILE.expect.json (incidents alerted by their
        /// deadline, nothing for must-not-alert posts); the verdict goes to stderr and
        /// the exit status is 1 when it fails.
        #[arg(long, value_name = "EXPECT_JSON")]
        expect: Option<PathBuf>,
        file: PathBuf,
    },
    /// The volume detector alone: prints the timestamp of each row of a `timestamp,value`
    /// CSV that starts a surge.
    Spikes { file: PathBuf },
    /// Writes stored mentions as JSON Lines, latest counts, oldest first.
    Export {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        store: Option<String>,
        /// Only mentions created at or after this time (RFC 3339).
        #[arg(long)]
        since: Option<String>,
        /// Only mentions from this source.
        #[arg(long)]
        source: Option<String>,
    },
    /// The weekly reputation report of a week (default: the last complete one).
    Report {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        store: Option<String>,
        /// An ISO week, like 2026-W47, in the configured time zone.
        #[arg(long)]
        week: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: report::Format,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Checks the configuration and the rules, and reports every problem.
    CheckConfig {
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The alert outbox: list deliveries (dead letters) and redeliver them.
    Alerts {
        #[arg(long, global = true)]
        config: Option<PathBuf>,
        #[arg(long, global = true)]
        store: Option<String>,
        #[command(subcommand)]
        action: AlertsAction,
    },
}

#[derive(Subcommand, Debug)]
pub enum AlertsAction {
    /// Deliveries, newest first: id, sink, status, attempts, incident, webhook-id, last error.
    List {
        /// pending, sent or dead.
        #[arg(long)]
        status: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Puts dead letters back in the queue (same webhook-id).
    Redeliver {
        /// Dead letter ids (from `alerts list --status dead`).
        ids: Vec<i64>,
        /// Every dead letter.
        #[arg(long)]
        all: bool,
        /// With --all: only this sink's.
        #[arg(long, requires = "all")]
        sink: Option<String>,
    },
}

/// Logs go to stderr, so that commands that print JSON keep stdout clean. The service
/// logs what it does; the other commands only what goes wrong.
pub fn init_tracing(verbose: u8, service: bool) {
    let default = match verbose {
        0 if service => "repwatch=info,warn",
        0 => "warn",
        1 => "repwatch=debug,info",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // Every line passes through the redactor: no secret reaches the log, whoever echoes it.
    let writer = || crate::config::Redacting(std::io::stderr());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).with_target(false).try_init();
}

pub async fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run { config } => {
            let config = load_config(config.as_deref())?;
            crate::run::run(config).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { once, speed, listen } => {
            crate::demo::run(crate::demo::DemoOptions { once, speed, listen }).await
        }
        Command::Score { rules, file } => score::run(rules.as_deref(), file.as_deref()),
        Command::Eval(args) => eval::run(args),
        Command::Fit(args) => fit::run(args),
        Command::Replay { config, rules, store, deliver, expect, file } => {
            let config = load_config(config.as_deref())?;
            replay::run(config, rules.as_deref(), store, deliver, &file, expect.as_deref()).await
        }
        Command::Export { config, store, since, source } => {
            let config = load_config(config.as_deref())?;
            export::run(config, store, since, source).await
        }
        Command::Report { config, store, week, format, out } => {
            let config = load_config(config.as_deref())?;
            report::run(config, store, week, format, out).await
        }
        Command::CheckConfig { config } => check::run(config.as_deref()),
        Command::Spikes { file } => spikes::run(&file),
        Command::Alerts { config, store, action } => {
            let config = load_config(config.as_deref())?;
            match action {
                AlertsAction::List { status, limit } => alerts::list(config, store, status, limit).await,
                AlertsAction::Redeliver { ids, all, sink } => alerts::redeliver(config, store, ids, all, sink).await,
            }
        }
    }
}

/// The configuration at `path`; without one, `./repwatch.toml` if it exists, else the
/// defaults.
pub fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None if Path::new("repwatch.toml").exists() => PathBuf::from("repwatch.toml"),
        None => return Ok(Config::default()),
    };
    crate::config::load(&path)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("configuration {} is not valid", path.display()))
}
