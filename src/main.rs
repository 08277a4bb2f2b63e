use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    postlint::cli::run(postlint::cli::Cli::parse())
}
