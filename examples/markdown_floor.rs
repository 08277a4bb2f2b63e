//! How long pulldown-cmark alone takes over a folder of posts: the files `postlint check`
//! would lint (its own walk) read and their Markdown parsed with postlint's options (events
//! counted, nothing kept), on every core. This is the floor under `postlint check` for as long as the body is parsed with
//! pulldown-cmark; `scripts/bench.sh` times it beside postlint and the peers.
//!
//! `cargo run --release --example markdown_floor -- FOLDER`

use std::path::PathBuf;

use postlint::engine;
use postlint::post::body;
use pulldown_cmark::Parser;
use rayon::prelude::*;

fn main() {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: markdown_floor FOLDER");
        std::process::exit(2);
    };
    let (files, _) = engine::collect_paths(&[folder]);
    let options = body::options();
    let events: usize = files
        .par_iter()
        .map(|path| match std::fs::read_to_string(path) {
            Ok(text) => Parser::new_ext(&text, options).into_offset_iter().count(),
            Err(_) => 0,
        })
        .sum();
    println!("{} files, {events} events", files.len());
}
