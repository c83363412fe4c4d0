//! Handing results out: to standard output, first and rest.

use super::{Error, Result};
use crate::sanitize::TerminalSafe;
use std::io::{BufWriter, IsTerminal, Write};
use std::iter::Peekable;

/// The first item (its absence is the error that nothing loaded), and the rest. With
/// `read_ahead` the second is read too, so that callers know whether there are several,
/// and so that an error in it comes before any output; without, the first can be
/// written at once (a stream).
pub(super) fn first_and_rest<T>(
    mut items: impl Iterator<Item = Result<T>>,
    read_ahead: bool,
) -> Result<(T, Peekable<impl Iterator<Item = Result<T>>>)> {
    let first = items.next().ok_or(Error::NoArticle)??;
    let mut rest = items.peekable();
    if read_ahead {
        if let Some(Err(_)) = rest.peek() {
            rest.next().transpose()?;
        }
    }
    Ok((first, rest))
}

/// Streams `write` to stdout. A reader that stops reading (`| head`) is no error. On a
/// terminal the output is made safe: article text never drives it.
pub(super) fn to_stdout(write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let stdout = std::io::stdout();
    let written = if stdout.is_terminal() {
        write(&mut BufWriter::new(TerminalSafe::new(stdout.lock())))
    } else {
        write(&mut BufWriter::new(stdout.lock()))
    };
    match written {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        // An export's I/O error here is the output's: say so (a full disk).
        Err(Error::Export(crate::export::ExportError::Io(io))) => Err(Error::Output(io)),
        result => result,
    }
}

fn is_broken_pipe(e: &Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        let io = c.downcast_ref::<std::io::Error>();
        if io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
            return true;
        }
        cause = c.source();
    }
    false
}
