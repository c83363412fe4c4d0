//! Sentences of a paragraph, as byte spans: Unicode sentence bounds, rejoined after abbreviations.

use super::bounds::sentence_bounds;
use crate::annotate::lexicon::{self, Flag};
use crate::span::Span;

/// The sentence of `article` that holds `span` (the first it touches), if the span is
/// in a paragraph.
pub fn sentence_of(article: &crate::article::Article, span: Span) -> Option<Span> {
    let p = article.paragraph_of(span.start)?;
    sentences(&article.text, article.paragraphs[p].span)
        .into_iter()
        .find(|s| s.contains(span) || s.overlaps(span))
}

/// The sentences of `region` (a paragraph or the title), trimmed.
pub fn sentences(text: &str, region: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let (mut glue, mut after_initialism) = (false, false);
    for (i, s) in sentence_bounds(region.slice(text)) {
        let span = Span::new(region.start + i, region.start + i + s.len());
        let continues = glue || (after_initialism && !opens_sentence(s));
        match out.last_mut() {
            Some(prev) if continues => prev.end = span.end,
            _ => out.push(span),
        }
        let wrapped = is_soft_wrap(text, region, span);
        let s = s.trim_end();
        glue = wrapped || ends_with_abbreviation(s);
        after_initialism = ends_with_initialism(s);
    }
    out.into_iter()
        .map(|s| s.trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether a piece ends at a line break inside its sentence. Text wrapped at a fixed
/// width breaks lines anywhere, and a break after no mark that ends a sentence or a
/// clause goes on with the same sentence (Unicode bounds end one at every line break).
/// A line (within `region`) of fewer than four words is a heading or a list number, not
/// wrapped prose.
fn is_soft_wrap(text: &str, region: Span, piece: Span) -> bool {
    let Some(body) = piece.slice(text).strip_suffix('\n') else {
        return false;
    };
    let line_end = piece.start + body.len();
    let line_start = text[region.start..line_end]
        .rfind('\n')
        .map_or(region.start, |i| region.start + i + 1);
    let line = text[line_start..line_end].trim_end();
    let before = line.trim_end_matches(is_closing_mark);
    line.split_whitespace().nth(3).is_some() && !before.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Marks that close a sentence after its last word: quotes and brackets.
fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

/// "Mr.", "Gov.", "S." (an initial): the period does not end the sentence.
fn ends_with_abbreviation(s: &str) -> bool {
    let Some(before) = s.strip_suffix('.') else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let flags = lexicon::flags(word);
    single_initial
        || flags.has(Flag::Honorific)
        || flags.has(Flag::Title)
        || flags.has(Flag::SentenceAbbreviation)
}

/// "U.S.", "D.C.", "U.N.": single capitals each followed by a period, two or more.
fn ends_with_initialism(s: &str) -> bool {
    let word = s.rsplit(' ').next().unwrap_or("");
    let letters = word.split_terminator('.');
    word.len() >= 4
        && word.ends_with('.')
        && letters
            .clone()
            .all(|l| l.len() == 1 && l.bytes().all(|b| b.is_ascii_uppercase()))
        && letters.count() >= 2
}

/// Whether a sentence after an initialism starts as sentences do ("The", "But", "He")
/// rather than going on with a name ("U.S. Senate", "D.C. Council").
fn opens_sentence(s: &str) -> bool {
    let first = s
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let quoted = s.starts_with(|c: char| !c.is_alphanumeric());
    quoted
        || first.starts_with(|c: char| !c.is_uppercase())
        || lexicon::lower_flags(first).has(Flag::SentenceOpener)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of the whole of `text`, as text.
    fn sentences_of(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text =
            "Mr. Fenwright met Gov. Chris Dunmore and Robert S. Quillfeather. They talked. “Yes,” he said.";
        let got = sentences_of(text);
        assert_eq!(
            got,
            [
                "Mr. Fenwright met Gov. Chris Dunmore and Robert S. Quillfeather.",
                "They talked.",
                "“Yes,” he said."
            ]
        );
    }

    #[test]
    fn an_initialism_ends_a_sentence_only_before_a_sentence_opener() {
        let text = "Pell ran the U.S. Census Survey for years. She left the U.S. The firm \
                    stayed near the D.C. Council.";
        let got = sentences_of(text);
        assert_eq!(
            got,
            [
                "Pell ran the U.S. Census Survey for years.",
                "She left the U.S.",
                "The firm stayed near the D.C. Council."
            ]
        );
    }

    #[test]
    fn a_line_break_inside_a_sentence_does_not_end_it() {
        let text = "The board met on Monday and voted to close the\nlibrary on Fridays. It will\nreopen in May.\nNew hours\nThe doors open at nine.";
        let got = sentences_of(text);
        assert_eq!(
            got,
            [
                "The board met on Monday and voted to close the\nlibrary on Fridays.",
                "It will\nreopen in May.",
                "New hours",
                "The doors open at nine."
            ]
        );
    }
}
