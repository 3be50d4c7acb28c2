//! The `repwatch` command: parses arguments, sets up logging, runs a command.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = repwatch::cli::Cli::parse();
    repwatch::cli::init_tracing(cli.verbose, matches!(cli.command, repwatch::cli::Command::Run { .. }));
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(repwatch::cli::dispatch(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
