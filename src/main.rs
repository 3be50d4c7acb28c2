//! The `repwatch` command: parses arguments, sets up logging, runs a command.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: scoring a post makes a hundred small
/// allocations, and glibc's malloc and free were a tenth of `repwatch score`'s time.
/// Built without transparent huge pages (the `no_thp` feature): `repwatch score` on the
/// 140,853 mixed posts holds 170 MiB instead of 240 in the same time (alternated runs: the
/// 4 KiB pages cost 0.15–0.2 s more of user time in address translation and save as much
/// of the kernel's zeroing of 2 MiB pages on first touch).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
