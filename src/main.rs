use std::process::ExitCode;

use clap::Parser;

// The static Linux binaries link musl, whose allocator serialises the threads that lint
// posts in parallel (2.9 times glibc's time on the Hugo site); mimalloc does not.
#[cfg(target_env = "musl")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    postlint::cli::run(postlint::cli::Cli::parse())
}
