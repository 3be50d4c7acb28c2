//! The `repwatch` command: parses arguments, sets up logging, runs a command.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: scoring a post makes a hundred small
/// allocations, and glibc's malloc and free were a tenth of `repwatch score`'s time.
/// Built without transparent huge pages (the `no_thp` feature): the kernel zeroes each
/// 2 MiB page on first touch, so `repwatch score` held 240 MB instead of 177 and spent
/// about 0.4 s more in the kernel on the mixed posts.
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
