//! postlint: a linter and SEO validator for Markdown blog posts.
//!
//! Data flows one way: files → [`post::Post`] → [`rules`] → [`diagnostic::Diagnostic`]s →
//! a [`report::Reporter`]. The CLI and the language server ([`server`]) are thin faces on
//! [`engine`]; [`stream`] runs the engine over a repository and writes reports as it goes.

pub mod baseline;
pub mod buffer;
pub mod cli;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod documented_keys;
pub mod engine;
pub mod fix;
pub mod fnv;
pub mod init;
pub mod post;
pub mod profile;
pub mod report;
pub mod rules;
pub mod server;
pub mod site;
pub mod stream;
pub mod suppress;
pub mod text;
