//! News-dataset dumps: header lines, then a body whose paragraph breaks were lost.

use super::{normalise_date, Meta, Paragraph};
use crate::annotate::lexicon::{self, Flag};
use crate::span::Span;

const HEADER_LINES: usize = 5;

pub fn parse(text: &str) -> (Meta, Vec<Paragraph>) {
    let lines = line_spans(text);
    let mut meta = Meta::default();
    let field = |i: usize| {
        lines
            .get(i)
            .map(|s| s.slice(text).trim())
            .filter(|s| !s.is_empty())
    };
    meta.url = field(0).map(str::to_string);
    if let Some(title) = lines.get(1).map(|s| s.trim(text)) {
        let (title, outlet) = split_outlet(text, title);
        meta.title = Some(title.slice(text).to_string());
        meta.title_span = Some(title);
        meta.outlet = outlet;
    }
    if let Some(keywords) = field(2) {
        for k in keywords.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            if let Some(person) = person_keyword(k) {
                meta.people.push(person);
            }
            meta.keywords.push(k.to_string());
        }
    }
    if let Some(date) = field(3) {
        meta.date = Some(normalise_date(date).unwrap_or_else(|| date.to_string()));
    }
    if let Some(id) = field(4) {
        meta.extra.insert("id".into(), id.to_string());
    }
    let paragraphs = lines
        .iter()
        .skip(HEADER_LINES)
        .flat_map(|line| recover_paragraphs(text, line.trim(text)))
        .map(Paragraph::new)
        .collect();
    (meta, paragraphs)
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut pos = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let s = Span::new(pos, pos + l.len());
            pos += l.len();
            s
        })
        .collect()
}

/// "Headline - The New York Times" -> the headline span and the outlet.
fn split_outlet(text: &str, title: Span) -> (Span, Option<String>) {
    let t = title.slice(text);
    match t.rfind(" - ").or_else(|| t.rfind(" | ")) {
        Some(i) if t.len() - i <= 60 => {
            let outlet = t[i + 3..].trim();
            (
                Span::new(title.start, title.start + i).trim(text),
                Some(outlet.to_string()),
            )
        }
        _ => (title, None),
    }
}

/// "Sessions  Jefferson B III" (last name, two spaces, given names) -> "Jefferson B Sessions III".
pub(crate) fn person_keyword(k: &str) -> Option<String> {
    let (last, given) = k.split_once("  ")?;
    let (last, given) = (last.trim(), given.trim());
    if last.is_empty() || given.is_empty() || !last.chars().next()?.is_uppercase() {
        return None;
    }
    let mut words: Vec<&str> = given.split_whitespace().collect();
    let suffix = words.last().filter(|w| is_suffix(w)).copied();
    if suffix.is_some() {
        words.pop();
    }
    let mut name = words.join(" ");
    name.push(' ');
    name.push_str(last);
    if let Some(s) = suffix {
        name.push(' ');
        name.push_str(s);
    }
    Some(name)
}

pub fn is_suffix(w: &str) -> bool {
    // Every suffix is capitalised (a lexicon test holds the data file to it), so the
    // look-up is spared for the lower-case words that most tokens are.
    w.starts_with(char::is_uppercase)
        && lexicon::flags(w.trim_end_matches('.')).has(Flag::NameSuffix)
}

/// Splits a body line where a sentence end runs straight into the next sentence
/// ("…the discussion.The president…").
pub fn recover_paragraphs(text: &str, line: Span) -> Vec<Span> {
    let s = line.slice(text);
    let mut cuts = vec![0];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for w in 1..chars.len() {
        let (i, c) = chars[w];
        if starts_sentence(c) && ends_sentence(s, &chars[..w]) {
            cuts.push(i);
        }
    }
    cuts.push(s.len());
    cuts.windows(2)
        .map(|w| Span::new(line.start + w[0], line.start + w[1]).trim(text))
        .filter(|sp| !sp.is_empty())
        .collect()
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c == '“' || c == '‘'
}

/// Whether the text before (no space between) ends a sentence.
fn ends_sentence(s: &str, before: &[(usize, char)]) -> bool {
    let (i, last) = before[before.len() - 1];
    match last {
        '?' | '!' => true,
        '.' => !is_abbreviation(&s[..i]),
        '”' | '"' | '’' | ')' => {
            before.len() >= 2 && matches!(before[before.len() - 2].1, '.' | '?' | '!')
        }
        _ => false,
    }
}

/// Whether the word ending just before a period is an initial, an acronym or an abbreviation.
fn is_abbreviation(before_period: &str) -> bool {
    let word_start = before_period
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before_period[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before_period[word_start..];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.contains('.')
        || letters == 1
        || is_dump_abbreviation(word)
        || word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The list holds ASCII words, so only an ASCII word can be one: lower-casing it then
/// agrees with the ASCII lower-casing the list was written for.
fn is_dump_abbreviation(word: &str) -> bool {
    word.is_ascii() && lexicon::lower_flags(word).has(Flag::DumpAbbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        recover_paragraphs(s, Span::new(0, s.len()))
            .iter()
            .map(|p| p.slice(s))
            .collect()
    }

    #[test]
    fn lost_breaks_are_recovered() {
        assert_eq!(
            split("One ends.Two starts?Three!“Four,” he said."),
            ["One ends.", "Two starts?", "Three!", "“Four,” he said."]
        );
        assert_eq!(
            split("He said “no.”Then left."),
            ["He said “no.”", "Then left."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        for s in [
            "The F.B.I. and the U.S.",
            "Robert S. Quillfeather III",
            "Mr. Velde",
            "at 3 p.m.Tuesday",
            "in Washington, D.C.The end",
            "rose 3.5 percent",
            "Gov.Dunmore",
        ] {
            assert_eq!(split(s).len(), 1, "{s}");
        }
    }

    #[test]
    fn person_keywords_are_reordered() {
        assert_eq!(
            person_keyword("Sessions  Jefferson B III").as_deref(),
            Some("Jefferson B Sessions III")
        );
        assert_eq!(
            person_keyword("Trump  Donald J").as_deref(),
            Some("Donald J Trump")
        );
        assert_eq!(person_keyword("Justice Department"), None);
    }
}
