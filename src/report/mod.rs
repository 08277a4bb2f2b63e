//! One reporter per output format, all reading the same [`Outcome`].

mod concise;
mod human;

use std::io::{self, Write};

pub use concise::Concise;
pub use human::Human;

use crate::engine::Outcome;

pub trait Reporter {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()>;
}
