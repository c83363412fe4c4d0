//! Where each paragraph of a saved HTML page stands in the HTML file itself.
//!
//! The page's visible text is projected with the byte offset of every character
//! (tags, comments, scripts and styles left out, character references decoded), and
//! each extracted paragraph is found in that projection, white space ignored. The
//! projection also knows which characters are link text, so that a paragraph made
//! of links (a "related stories" list) can be told from one of prose.

use crate::span::Span;
use std::borrow::Cow;

/// A visible character of the page and the source bytes it came from.
#[derive(Debug, Clone, Copy)]
struct Visible {
    ch: char,
    start: usize,
    end: usize,
    in_link: bool,
}

/// Where a paragraph stands in the page source, and how much of it is link text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Located {
    pub span: Span,
    /// The share of the paragraph's visible characters inside `<a>` elements, 0 to 1.
    pub link_share: f32,
}

/// Where each paragraph stands in `src`, or `None` where it could not be found.
pub fn locate(src: &str, paragraphs: &[&str]) -> Vec<Option<Located>> {
    let visible: Vec<Visible> = project(src)
        .into_iter()
        .filter(|v| !v.ch.is_whitespace())
        .collect();
    let mut cursor = 0;
    paragraphs
        .iter()
        .map(|p| {
            let mut want: Vec<char> = p.chars().filter(|c| !c.is_whitespace()).collect();
            let mut found = find(&visible[cursor..], &want).map(|at| cursor + at);
            if found.is_none() && want.contains(&'|') {
                // A table row written as "cell | cell": the bars are not in the page.
                want.retain(|c| *c != '|');
                found = find(&visible[cursor..], &want).map(|at| cursor + at);
            }
            found.map(|at| {
                cursor = at + want.len();
                let chars = &visible[at..cursor];
                let linked = chars.iter().filter(|v| v.in_link).count();
                Located {
                    span: Span::new(chars[0].start, chars[chars.len() - 1].end),
                    link_share: linked as f32 / chars.len() as f32,
                }
            })
        })
        .collect()
}

/// The first place `want` stands in `hay`.
fn find(hay: &[Visible], want: &[char]) -> Option<usize> {
    if want.is_empty() || want.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - want.len()).find(|&i| {
        hay[i..i + want.len()]
            .iter()
            .zip(want)
            .all(|(v, c)| v.ch == *c)
    })
}

/// Elements whose content is not shown.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "title", "iframe"];

fn project(src: &str) -> Vec<Visible> {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    let mut in_link = false;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if rest.starts_with('<') {
            in_link = link_state_after(rest, in_link);
            i += tag_len(rest);
        } else if rest.starts_with('&') {
            let (text, len) = reference(rest).unwrap_or((Cow::Borrowed("&"), 1));
            // Each character a reference stands for comes from all of its bytes.
            out.extend(text.chars().map(|ch| Visible {
                ch,
                start: i,
                end: i + len,
                in_link,
            }));
            i += len;
        } else {
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(Visible {
                ch,
                start: i,
                end: i + ch.len_utf8(),
                in_link,
            });
            i += ch.len_utf8();
        }
    }
    out
}

/// Whether text after the tag at the start of `rest` is inside a link.
fn link_state_after(rest: &str, in_link: bool) -> bool {
    let bytes = rest.as_bytes();
    let opens = |tag: &[u8]| {
        bytes.len() > tag.len()
            && bytes[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(bytes[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r')
    };
    if opens(b"<a") {
        true
    } else if opens(b"</a") {
        false
    } else {
        in_link
    }
}

/// The length of a tag, and for a hidden element, of everything up to its end tag.
fn tag_len(rest: &str) -> usize {
    let close = rest.find('>').map_or(rest.len(), |e| e + 1);
    let name: String = rest[1..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if !HIDDEN.contains(&name.as_str()) || rest[..close].ends_with("/>") {
        return close;
    }
    let end_tag = rest[close..]
        .match_indices("</")
        .map(|(i, _)| close + i)
        .find(|&i| {
            rest[i + 2..]
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(&name))
        });
    match end_tag {
        Some(i) => rest[i..].find('>').map_or(rest.len(), |g| i + g + 1),
        None => rest.len(),
    }
}

/// The longest character reference read: the longest name HTML defines
/// ("&CounterClockwiseContourIntegral;") with room to spare for numbers written with
/// leading zeros.
const LONGEST_REFERENCE: usize = 40;

/// The character reference at the start of `rest` ("&amp;", "&eacute;", "&#8217;",
/// "&#x2019;"): its text and its length in `rest`. Any reference HTML names is read,
/// and one that names nothing is not a reference ("&unknown;", "&", "AT&T").
/// A few names stand for two characters, hence text rather than a `char`.
fn reference(rest: &str) -> Option<(Cow<'_, str>, usize)> {
    let window = &rest.as_bytes()[..rest.len().min(LONGEST_REFERENCE)];
    // The reference ends at the first ';', with no other '&' before it.
    let end = 1 + window[1..].iter().position(|&b| b == b';' || b == b'&')?;
    if window[end] != b';' {
        return None;
    }
    let candidate = &rest[..=end];
    match html_escape::decode_html_entities(candidate) {
        Cow::Owned(text) => Some((Cow::Owned(text), end + 1)),
        Cow::Borrowed(_) => None,
    }
}

/// Text with its character references decoded ("&#8211;" → "–"), for metadata that
/// pages escape twice.
pub fn decode_references(text: &str) -> String {
    html_escape::decode_html_entities(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_found_across_tags_and_references() {
        let src = "<html><head><title>T</title><script>var p = '<p>Hi there</p>';</script></head>\
                   <body><p>Hi <b>there</b>,\n  Mr.&nbsp;Smith &amp; co.</p><!-- <p>no</p> --><p>Caf&eacute; &#8220;ok&#x201D;</p></body></html>";
        let spans = locate(src, &["Hi there, Mr.\u{a0}Smith & co.", "Café “ok”"]);
        let a = spans[0].expect("first paragraph found").span;
        assert_eq!(a.slice(src), "Hi <b>there</b>,\n  Mr.&nbsp;Smith &amp; co.");
        let b = spans[1].expect("second paragraph found").span;
        assert_eq!(b.slice(src), "Caf&eacute; &#8220;ok&#x201D;");
        assert_eq!(locate(src, &["not on the page"]), [None]);
    }

    #[test]
    fn table_rows_written_with_bars_are_found_as_their_cells() {
        let src = "<table><tr><td>Ward 1</td><td>4,210</td></tr></table>";
        let found = locate(src, &["Ward 1 | 4,210"])[0].expect("row found");
        assert_eq!(found.span.slice(src), "Ward 1</td><td>4,210");
    }

    #[test]
    fn references_in_text_are_decoded() {
        assert_eq!(
            decode_references("Fees rise &#8211; again &amp; &unknown; &"),
            "Fees rise – again & &unknown; &"
        );
    }

    #[test]
    fn every_reference_html_names_is_decoded() {
        assert_eq!(
            decode_references(
                "Ren&eacute;e&rsquo;s &ldquo;plan&rdquo;&hellip; &#x2019;&#8212;&euro;5 &frac12;"
            ),
            "Renée’s “plan”… ’—€5 ½"
        );
        // Not references: no name, an unknown name, no semicolon, a number that is no
        // character.
        assert_eq!(
            decode_references("R&D; &notaname; &eacute &#xD800; &#;"),
            "R&D; &notaname; &eacute &#xD800; &#;"
        );
    }

    #[test]
    fn paragraphs_with_any_reference_are_located_to_the_byte() {
        let src = "<p>Z&ouml;e L&oslash;vland&#x2019;s caf&eacute; &mdash; open&hellip;</p>\
                   <p>Ratio &nsubE; and &NotEqualTilde; &amp; &CounterClockwiseContourIntegral;.</p>";
        let found = locate(
            src,
            &[
                "Zöe Løvland’s café — open…",
                "Ratio \u{2AC5}\u{338} and \u{2242}\u{338} & \u{2233}.",
            ],
        );
        let first = found[0].expect("first paragraph found").span;
        assert_eq!(
            first.slice(src),
            "Z&ouml;e L&oslash;vland&#x2019;s caf&eacute; &mdash; open&hellip;"
        );
        let second = found[1]
            .expect("a reference for two characters is found")
            .span;
        assert_eq!(
            second.slice(src),
            "Ratio &nsubE; and &NotEqualTilde; &amp; &CounterClockwiseContourIntegral;."
        );
    }

    #[test]
    fn link_text_is_measured() {
        let src = "<p>Read: <a href=\"/x\">Ten more stories</a></p><p>The mayor <A HREF=x>spoke</A> at length.</p>\
                   <p><abbr>No</abbr> links</p>";
        let found = locate(
            src,
            &[
                "Read: Ten more stories",
                "The mayor spoke at length.",
                "No links",
            ],
        );
        let shares: Vec<f32> = found.iter().map(|f| f.expect("found").link_share).collect();
        assert!((shares[0] - 14.0 / 19.0).abs() < 1e-6, "{shares:?}");
        assert!((shares[1] - 5.0 / 22.0).abs() < 1e-6, "{shares:?}");
        assert_eq!(shares[2], 0.0);
    }
}
