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
    #[error("{0}: looks like UTF-16 text without a byte-order mark; convert it to UTF-8 (e.g. `iconv -f UTF-16LE -t UTF-8`)")]
    Utf16WithoutBom(String),
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
    if let Some(decoded) = utf16_with_bom(name, bytes) {
        return Ok(decoded);
    }
    let body = bytes;
    if looks_like_utf16(body) {
        return Err(LoadError::Utf16WithoutBom(name.to_string()));
    }
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

/// UTF-16 text that opens with a byte-order mark, decoded (the mark is dropped, and the
/// offsets of the exports refer to the decoded text); `None` for other bytes.
fn utf16_with_bom(name: &str, bytes: &[u8]) -> Option<Decoded> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
        ([lo, hi], true) | ([hi, lo], false) => u16::from_le_bytes([*lo, *hi]),
        // An odd byte at the end: half a code unit, which cannot decode.
        _ => 0xD800,
    });
    let mut lossy = false;
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    let order = if little { "LE" } else { "BE" };
    let mut warnings = vec![format!(
        "{name}: decoded from UTF-16{order}; offsets refer to the decoded text"
    )];
    if lossy {
        warnings.push(format!(
            "{name}: invalid UTF-16; undecodable units were replaced with U+FFFD"
        ));
    }
    Some(Decoded { text, warnings })
}

/// Text in UTF-16 without a byte-order mark: in its first bytes, every other byte is
/// NUL (the high byte of Latin text) and the bytes between are not.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    if head.len() < 8 {
        return false;
    }
    let nul_share = |parity: usize| {
        let at: Vec<u8> = head.iter().skip(parity).step_by(2).copied().collect();
        at.iter().filter(|&&b| b == 0).count() * 10 / at.len().max(1)
    };
    let (even, odd) = (nul_share(0), nul_share(1));
    (even >= 9 && odd == 0) || (odd >= 9 && even == 0)
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
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Café said".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Café said".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let d = decode("x", &bytes).unwrap();
            assert_eq!(d.text, "Café said");
            assert!(
                d.warnings[0].contains("decoded from UTF-16"),
                "{:?}",
                d.warnings
            );
        }
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_named_as_such() {
        let bytes: Vec<u8> = "A title\n\nThe mayor said no."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(
            decode("x", &bytes),
            Err(LoadError::Utf16WithoutBom(_))
        ));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode("x", b"\x7fELF\0\0\x01"),
            Err(LoadError::Binary(_))
        ));
    }
}
