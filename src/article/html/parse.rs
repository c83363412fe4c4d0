//! The page parsed into a tree, in time linear in the page however deeply it nests.
//!
//! html5ever looks down its stack of open elements at most start tags ("is a `p` open
//! in button scope?"), so a page of nested elements costs the square of their depth:
//! 100,000 nested `<div>`s (1.1 MB) took 12 s. Browsers stop nesting at 512 levels; the
//! page is fed to the parser a little at a time, and once it nests deeper than that the
//! parse stops and the page is read again with its nesting tags blanked out (see
//! [`flattened`]).

use html5ever::driver::{parse_document, ParseOpts};
use html5ever::tendril::{StrTendril, TendrilSink};
use scraper::{Html, HtmlTreeSink};

/// How deep a page may nest (as Chromium's parser allows) before it is read flat.
pub const MAX_DEPTH: usize = 512;

/// Bytes fed to the parser between two looks at how deep it is: a page can nest at most
/// a few hundred levels in it, which bounds what the stack walks cost between two looks.
const CHUNK: usize = 1024;

/// The page as a tree; `None` when it nests deeper than [`MAX_DEPTH`].
pub fn parse_bounded(src: &str) -> Option<Html> {
    let mut parser = parse_document(
        HtmlTreeSink::new(Html::new_document()),
        ParseOpts::default(),
    );
    let mut at = 0;
    while at < src.len() {
        let mut end = (at + CHUNK).min(src.len());
        while !src.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&src[at..end]));
        at = end;
        if depth_of_newest(&parser.tokenizer.sink.sink.0.borrow()) > MAX_DEPTH {
            return None;
        }
    }
    Some(parser.finish())
}

/// How deep the node the parser added last stands: where the parser is in the page.
fn depth_of_newest(doc: &Html) -> usize {
    doc.tree
        .nodes()
        .next_back()
        .map_or(0, |node| node.ancestors().count())
}

/// The page with every tag blanked out but those that cannot nest (paragraphs,
/// headings, list items, line breaks), those of the head that say what the page is, and
/// the outermost of each block quote and piece of page furniture (so a quote is still
/// marked and a footer still left out); scripts, styles and comments are blanked whole.
/// Blanks are spaces, byte for byte, so every offset into the page still points where it
/// did.
pub fn flattened(src: &str) -> String {
    let bytes = src.as_bytes();
    let mut out = bytes.to_vec();
    let mut open = [0usize; OUTERMOST_ONLY.len()];
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let (end, mut blank) = tag_at(bytes, start);
        if let Some((i, closing)) = outermost_only(bytes, start) {
            let before = open[i];
            open[i] = if closing {
                before.saturating_sub(1)
            } else {
                before + 1
            };
            // Kept where it opens the first or closes the last of its kind.
            blank = if closing { before != 1 } else { before != 0 };
        }
        if blank {
            out[start..end].iter_mut().for_each(|b| *b = b' ');
        }
        at = end.max(start + 1);
    }
    // Only ASCII bytes were replaced, each by a space: the text is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Tags kept by [`flattened`].
const FLAT_TAGS: [&str; 16] = [
    "html", "head", "body", "title", "meta", "link", "p", "br", "li", "h1", "h2", "h3", "h4", "h5",
    "h6", "base",
];

/// Elements of which [`flattened`] keeps the outermost.
const OUTERMOST_ONLY: [&str; 7] = [
    "blockquote",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "form",
];

/// Which of [`OUTERMOST_ONLY`] the tag at `start` opens or closes, and whether it closes.
fn outermost_only(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let (closing, name) = tag_name(bytes, start);
    let i = OUTERMOST_ONLY
        .iter()
        .position(|n| n.as_bytes().eq_ignore_ascii_case(name))?;
    Some((i, closing))
}

/// Whether the tag at `start` (its `<`) is an end tag, and its name as written (empty
/// where no tag name follows the `<`).
fn tag_name(bytes: &[u8], start: usize) -> (bool, &[u8]) {
    let closing = bytes.get(start + 1) == Some(&b'/');
    let name_start = (start + 1 + usize::from(closing)).min(bytes.len());
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    (closing, &bytes[name_start..name_start + name_len])
}

/// Elements whose text is not markup: blanked with their text.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Where the markup that opens at `start` ends, and whether it is blanked.
fn tag_at(bytes: &[u8], start: usize) -> (usize, bool) {
    let rest = &bytes[start..];
    if rest.starts_with(b"<!--") {
        return (end_after(bytes, start + 4, b"-->"), true);
    }
    if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
        return (end_after(bytes, start, b">"), true);
    }
    let (closing, written) = tag_name(bytes, start);
    if !written.first().is_some_and(u8::is_ascii_alphabetic) {
        return (start + 1, false); // a `<` in text
    }
    let name = String::from_utf8_lossy(written).to_ascii_lowercase();
    let end = tag_end(bytes, start + 1 + usize::from(closing) + written.len());
    if !closing && RAW_TEXT.contains(&name.as_str()) {
        return (raw_text_end(bytes, end, &name), true);
    }
    (end, !FLAT_TAGS.contains(&name.as_str()))
}

/// Just past the `>` that closes a tag, skipping `>` inside quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Just past the first `needle` from `from`, or the end of the page.
fn end_after(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    memchr::memmem::find(&bytes[from..], needle).map_or(bytes.len(), |i| from + i + needle.len())
}

/// Just past the end tag of a raw-text element whose start tag ends at `from`.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
        let tag = at + i + 2;
        let named = bytes
            .get(tag..tag + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if named {
            return tag_end(bytes, tag + name.len());
        }
        at = tag;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_ordinary_depth_parses_as_in_one_go() {
        let page = format!(
            "<html><head><title>Vote</title></head><body>{}</body></html>",
            "<div><p>The council met. “We agreed,” said the mayor.</p></div>".repeat(200)
        );
        let bounded = parse_bounded(&page).expect("not deep");
        assert_eq!(bounded.html(), Html::parse_document(&page).html());
    }

    #[test]
    fn a_page_nested_deeper_than_browsers_nest_is_not_parsed_whole() {
        let page = format!(
            "<body>{}<p>Deep.</p></body>",
            "<div>".repeat(MAX_DEPTH + 10)
        );
        assert!(parse_bounded(&page).is_none());
        let shallow = format!(
            "<body>{}<p>Deep.</p></body>",
            "<div>".repeat(MAX_DEPTH - 10)
        );
        assert!(parse_bounded(&shallow).is_some());
    }

    #[test]
    fn flattening_keeps_the_length_the_paragraphs_and_the_title() {
        let page = "<html><head><title>Vote</title><script>if (a<b) x = '</div>';</script>\
            <!-- <p>not text</p> --></head><body><div class=\"a>b\"><section><p>One é.</p>\
            <ul><li>Two</li></ul></section></div><p>3 < 4</p></body></html>";
        let flat = flattened(page);
        assert_eq!(flat.len(), page.len());
        for kept in [
            "<title>Vote</title>",
            "<p>One é.</p>",
            "<li>Two</li>",
            "<p>3 < 4</p>",
        ] {
            assert!(flat.contains(kept), "{kept} in {flat}");
        }
        for gone in [
            "<div", "section", "script", "not text", "</div>", "<ul>", "a>b",
        ] {
            assert!(!flat.contains(gone), "{gone} in {flat}");
        }
    }

    #[test]
    fn flattening_keeps_the_outermost_block_quote_and_footer() {
        let page = "<blockquote><blockquote><p>Q</p></blockquote></blockquote> \
            <footer><footer>F</footer></footer>";
        let flat = flattened(page);
        let words: Vec<&str> = flat.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "<blockquote>",
                "<p>Q</p>",
                "</blockquote>",
                "<footer>",
                "F",
                "</footer>"
            ]
        );
    }
}
