//! Loading articles: bytes on disk become metadata and paragraphs, each a span of the text.

pub mod corpus;
pub(crate) mod date;
mod decode;
mod dump;
mod header;
mod html;
mod markdown;
mod model;
mod plain;

pub use date::normalise_date;
pub use decode::{decode, Decoded, LoadError};
pub use dump::is_suffix as is_name_suffix;
pub use model::{Article, Format, Meta, Paragraph};

use std::path::Path;

/// Files above this size are refused: an article is text a person reads, not a database.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The path that stands for standard input, as in most command-line tools.
pub const STDIN_PATH: &str = "-";

/// The name an article read from standard input goes by.
pub const STDIN_NAME: &str = "stdin";

/// Reads and parses one article file (`-`: standard input); the format is detected
/// unless `format` is given.
pub fn load_file(path: &Path, format: Option<Format>) -> Result<(Article, Vec<String>), LoadError> {
    if is_stdin(path) {
        let bytes = read_stdin()?;
        return parse_bytes(STDIN_NAME, &bytes, format);
    }
    check_file(path)?;
    let bytes = read_bounded(path)?;
    let name = path.display().to_string();
    let (mut article, warnings) = parse_bytes(&name, &bytes, format)?;
    meta_from_file_name(path, &mut article.meta);
    Ok((article, warnings))
}

/// Archives often name files `outlet_2016-09-12_slug.txt`: when the text does not say,
/// the date in such a name is the article's date, and the one word before it the outlet.
fn meta_from_file_name(path: &Path, meta: &mut Meta) {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return;
    };
    let parts: Vec<&str> = stem.split(['_', ' ']).collect();
    let Some(at) = parts.iter().position(|p| date::plausible_date(p).is_some()) else {
        return;
    };
    if meta.date.is_none() {
        meta.date = date::plausible_date(parts[at]);
    }
    let outlet = parts[..at].join(" ");
    if meta.outlet.is_none() && at == 1 && !outlet.is_empty() {
        meta.outlet = Some(outlet);
    }
}

/// A regular file's bytes, read through the size limit: a file that grows past it while
/// it is read is refused, not read without end.
fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| LoadError::io(path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            name: path.display().to_string(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_PATH
}

/// Standard input to its end, refused once it runs past the size limit.
fn read_stdin() -> Result<Vec<u8>, LoadError> {
    use std::io::{IsTerminal, Read};
    // Reading a terminal to its end would wait for Ctrl-D with no word of why.
    if std::io::stdin().is_terminal() {
        return Err(LoadError::StdinIsTerminal);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(Path::new(STDIN_NAME), e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            name: STDIN_NAME.to_string(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// How inputs are read: a format forced on every article file, a corpus format forced
/// on every file, and the fields of corpus records.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub format: Option<Format>,
    pub corpus: Option<corpus::CorpusFormat>,
    pub fields: corpus::FieldNames,
}

/// The checks on a corpus file before reading: it is there and is a regular file. Its
/// size is no limit, as it is read a record at a time.
pub fn check_corpus_file(path: &Path) -> Result<(), LoadError> {
    regular_file(path).map(|_| ())
}

/// The metadata of a regular file. A folder, a device (`/dev/zero` never ends), a FIFO
/// (opening one with no writer never returns) or a socket is refused before it is
/// opened; a pipe is read through standard input instead.
fn regular_file(path: &Path) -> Result<std::fs::Metadata, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::io(path, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(path.display().to_string()));
    }
    if !meta.is_file() {
        return Err(LoadError::NotAFile(path.display().to_string()));
    }
    Ok(meta)
}

/// The checks on a file that need no reading: it is there, is a regular file, is not too
/// large.
/// Standard input is checked as it is read.
pub fn check_file(path: &Path) -> Result<(), LoadError> {
    if is_stdin(path) {
        return Ok(());
    }
    let meta = regular_file(path)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            name: path.display().to_string(),
            bytes: meta.len(),
        });
    }
    Ok(())
}

/// Parses an article from raw bytes; returns it with any warnings (lossy decoding).
pub fn parse_bytes(
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<(Article, Vec<String>), LoadError> {
    let Decoded { text, mut warnings } = decode(name, bytes)?;
    let format = format.unwrap_or_else(|| Format::detect(name, &with_line_feeds(&text)));
    let article = parse_text(name, text, format);
    if article.paragraphs.is_empty() {
        return Err(LoadError::Empty(name.to_string()));
    }
    if let Some(why) = article.meta.extra.get(markdown::FRONT_MATTER_ERROR) {
        warnings.push(format!("{name}: {why}; its fields were not read"));
    }
    Ok((article, warnings))
}

/// The text with each lone carriage return (an old Mac line end) read as a line feed,
/// for the parsers, which split lines at `\n`. One byte stands for one byte, so every
/// span found in the copy is true to the text itself.
fn with_line_feeds(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut lone = text
        .match_indices('\r')
        .map(|(at, _)| at)
        .filter(|&at| bytes.get(at + 1) != Some(&b'\n'))
        .peekable();
    if lone.peek().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut fed = bytes.to_vec();
    lone.for_each(|at| fed[at] = b'\n');
    // Only an ASCII byte was replaced by another: the bytes are still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(fed).unwrap_or_else(|_| text.to_string()))
}

/// Parses decoded text in a known format.
pub fn parse_text(name: &str, text: String, format: Format) -> Article {
    // The text parsers read past a BOM; their spans are shifted back onto the whole text.
    let from = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let lines = with_line_feeds(&text);
    let body = &lines[from..];
    let parsed = match format {
        Format::Plain => Some(plain::parse(body)),
        Format::Dump => Some(dump::parse(body)),
        Format::Markdown => Some(markdown::parse(body)),
        Format::Html => None,
    };
    let (meta, paragraphs, text, file_text) = match parsed {
        Some((mut meta, mut paragraphs)) => {
            shift(&mut meta, &mut paragraphs, from);
            (meta, paragraphs, text, None)
        }
        None => {
            let (meta, mut paragraphs, readable) = html::parse(&text[from..]);
            for p in &mut paragraphs {
                p.source = p
                    .source
                    .map(|s| crate::span::Span::new(s.start + from, s.end + from));
            }
            (meta, paragraphs, readable, Some(text))
        }
    };
    Article {
        name: name.to_string(),
        format,
        meta,
        text,
        file_text,
        paragraphs,
    }
}

fn shift(meta: &mut Meta, paragraphs: &mut [Paragraph], by: usize) {
    let moved = |s: crate::span::Span| crate::span::Span::new(s.start + by, s.end + by);
    meta.title_span = meta.title_span.map(moved);
    for p in paragraphs {
        p.span = moved(p.span);
    }
}

/// The paragraphs of a run of text separated by blank lines, as trimmed spans.
pub(crate) fn blank_line_paragraphs(text: &str, from: usize) -> Vec<crate::span::Span> {
    use crate::span::Span;
    let mut out = Vec::new();
    let mut start = from;
    let mut pos = from;
    let mut blank_run = false;
    for line in text[from..].split_inclusive('\n') {
        let is_blank = line.trim().is_empty();
        if is_blank && !blank_run {
            push_trimmed(&mut out, text, Span::new(start, pos));
        }
        if is_blank {
            start = pos + line.len();
        }
        blank_run = is_blank;
        pos += line.len();
    }
    push_trimmed(&mut out, text, Span::new(start, pos));
    out
}

/// Adds `span` trimmed of white space, unless nothing is left.
pub(crate) fn push_trimmed(out: &mut Vec<crate::span::Span>, text: &str, span: crate::span::Span) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}
