use std::path::Path;
use thiserror::Error;

/// Why an article could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{name}: {error}")]
    Io { name: String, error: std::io::Error },
    #[error("{0}: is a directory (pass the files in it, or use the reader, which opens every article in it)")]
    IsDirectory(String),
    #[error("{0}: is not a regular file (a device, FIFO or socket); pipe it in with `-` instead (e.g. `cat FILE | onrecord annotate -`)")]
    NotAFile(String),
    #[error("{name}: {bytes} bytes is larger than the {limit} MiB an article may have", limit = super::MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge { name: String, bytes: u64 },
    #[error(
        "{0}: looks like a binary file, not an article (it holds NUL or other non-text bytes)"
    )]
    Binary(String),
    #[error("{0}: the article is empty (no paragraph of text was found)")]
    Empty(String),
    #[error("{name}: skipped: the record {reason}")]
    BadRecord { name: String, reason: String },
    #[error("-: standard input is the terminal, not a pipe; pipe an article in (e.g. `curl -s URL | onrecord -`)")]
    StdinIsTerminal,
}

impl LoadError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        LoadError::Io {
            name: path.display().to_string(),
            error: source,
        }
    }
}

/// Decoded text with the warnings decoding raised.
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes file bytes: refuses binary data, decodes invalid UTF-8 lossily.
///
/// A UTF-8 BOM and CRLF line ends are kept so that offsets stay true to the file
/// (the BOM is character 0); the parsers skip the BOM and treat `\r\n` as a line end.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, LoadError> {
    let body = bytes;
    if looks_binary(body) {
        return Err(LoadError::Binary(name.to_string()));
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(body) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "{name}: invalid UTF-8 at byte {}; undecodable bytes were replaced with U+FFFD",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(body).into_owned()
        }
    };
    Ok(Decoded { text, warnings })
}

/// A NUL byte, or many control bytes, in the first 8 KiB mean the file is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_kept_for_offsets() {
        assert_eq!(decode("x", b"\xEF\xBB\xBFHi").unwrap().text, "\u{feff}Hi");
    }

    #[test]
    fn invalid_utf8_warns() {
        let d = decode("x", b"caf\xE9 au lait").unwrap();
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode("x", b"\x7fELF\0\0\x01"),
            Err(LoadError::Binary(_))
        ));
    }
}
