//! The reader: a ratatui interface over annotated articles.

use crate::export::Annotated;
use anyhow::Result;

pub fn run(items: Vec<Annotated>, _theme: Option<&str>) -> Result<()> {
    print!("{}", crate::export::summary_text(&items));
    Ok(())
}
