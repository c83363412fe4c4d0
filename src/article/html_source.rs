//! Where each paragraph of a saved HTML page stands in the HTML file itself.
//!
//! The page's visible text is projected with the byte offset of every character
//! (tags, comments, scripts and styles left out, character references decoded), and
//! each extracted paragraph is found in that projection, white space ignored.

use crate::span::Span;

/// A visible character of the page and the source bytes it came from.
#[derive(Debug, Clone, Copy)]
struct Visible {
    ch: char,
    start: usize,
    end: usize,
}

/// The byte range of each paragraph in `src`, or `None` where it could not be found.
pub fn locate(src: &str, paragraphs: &[&str]) -> Vec<Option<Span>> {
    let visible: Vec<Visible> = project(src)
        .into_iter()
        .filter(|v| !v.ch.is_whitespace())
        .collect();
    let mut cursor = 0;
    paragraphs
        .iter()
        .map(|p| {
            let want: Vec<char> = p.chars().filter(|c| !c.is_whitespace()).collect();
            let found = find(&visible[cursor..], &want).map(|at| cursor + at);
            found.map(|at| {
                cursor = at + want.len();
                Span::new(visible[at].start, visible[at + want.len() - 1].end)
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
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "title"];

fn project(src: &str) -> Vec<Visible> {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if rest.starts_with('<') {
            i += tag_len(rest);
        } else if rest.starts_with('&') {
            let (ch, len) = reference(rest).unwrap_or(('&', 1));
            out.push(Visible {
                ch,
                start: i,
                end: i + len,
            });
            i += len;
        } else {
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(Visible {
                ch,
                start: i,
                end: i + ch.len_utf8(),
            });
            i += ch.len_utf8();
        }
    }
    out
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

/// A character reference ("&amp;", "&#8217;", "&#x2019;") and its length.
fn reference(rest: &str) -> Option<(char, usize)> {
    let end = rest
        .char_indices()
        .take_while(|(i, _)| *i < 12)
        .find(|(_, c)| *c == ';')?
        .0;
    let body = &rest[1..end];
    let ch = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
    } else if let Some(dec) = body.strip_prefix('#') {
        char::from_u32(dec.parse().ok()?)?
    } else {
        named(body)?
    };
    Some((ch, end + 1))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_found_across_tags_and_references() {
        let src = "<html><head><title>T</title><script>var p = '<p>Hi there</p>';</script></head>\
                   <body><p>Hi <b>there</b>,\n  Mr.&nbsp;Smith &amp; co.</p><!-- <p>no</p> --><p>Caf&eacute; &#8220;ok&#x201D;</p></body></html>";
        let spans = locate(src, &["Hi there, Mr.\u{a0}Smith & co.", "Café “ok”"]);
        let a = spans[0].expect("first paragraph found");
        assert_eq!(a.slice(src), "Hi <b>there</b>,\n  Mr.&nbsp;Smith &amp; co.");
        let b = spans[1].expect("second paragraph found");
        assert_eq!(b.slice(src), "Caf&eacute; &#8220;ok&#x201D;");
        assert_eq!(locate(src, &["not on the page"]), [None]);
    }
}
