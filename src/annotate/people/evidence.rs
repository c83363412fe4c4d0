//! Evidence that a capitalised sequence names a person, from its shape and from the
//! words around it, combined into one small score.
//!
//! The word lists alone miss names they have never seen ("Ngozi Okafor") and names that
//! are also English words or places ("Tarek Hall"). The sentence often says what the
//! lists cannot: "X said", "X, 45,", "X's wife", "X said she …". Each such clue adds to
//! a score, and the rules ask for enough of it; `RUST_LOG=onrecord::annotate::people=debug`
//! logs every candidate with its clues.

use crate::annotate::lexicon::{self, Flag};
use crate::annotate::text::chars::floor_boundary;
use crate::annotate::text::tokens::word_before;
use crate::span::Span;

/// One kind of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Clue {
    /// An honorific or a title stands before it ("Sen.", "coach").
    Title,
    /// It starts with a listed given name.
    GivenName,
    /// Every word is outside the English word list: the shape of a foreign name.
    UnknownWords,
    /// The subject of a speech verb: "X said", "said X", "X also told".
    Speaks,
    /// An appositive age or role: "X, 45,", "X, the mayor,".
    Appositive,
    /// A noun or verb only a person takes: "X's wife", "X was born", "X believes".
    PersonWord,
    /// "he" or "she" follows in the same sentence.
    Pronoun,
    /// "its" follows in the same sentence: a company or a thing.
    ThingPronoun,
    /// It names whoever leads a government: "the X administration", "the X government".
    Governs,
}

const ALL: [Clue; 9] = [
    Clue::Title,
    Clue::GivenName,
    Clue::UnknownWords,
    Clue::Speaks,
    Clue::Appositive,
    Clue::PersonWord,
    Clue::Pronoun,
    Clue::ThingPronoun,
    Clue::Governs,
];

impl Clue {
    /// What the clue counts for: one strong clue is a name's worth; a pronoun may
    /// point to someone else, so it counts half.
    fn weight(self) -> i16 {
        match self {
            Clue::Title | Clue::Governs => 3,
            Clue::GivenName
            | Clue::UnknownWords
            | Clue::Speaks
            | Clue::Appositive
            | Clue::PersonWord => 2,
            Clue::Pronoun => 1,
            Clue::ThingPronoun => -2,
        }
    }

    /// A clue no company, place or thing has: organisations speak too, but are not
    /// "he", have no age and no wife.
    fn person_only(self) -> bool {
        matches!(
            self,
            Clue::Title | Clue::Appositive | Clue::PersonWord | Clue::Pronoun | Clue::Governs
        )
    }

    fn bit(self) -> u16 {
        1 << self as u8
    }
}

/// The clues found for a name, once or over several mentions, and their score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    seen: u16,
    score: i16,
}

/// Enough evidence for a sequence of two or three words: one strong clue.
pub const NAME: i16 = 2;
/// Enough for a word used alone: more than one clue, over one mention or several.
pub const ONE_NAME: i16 = 3;

impl Evidence {
    pub fn add(&mut self, clue: Clue) {
        self.seen |= clue.bit();
        self.score = self.score.saturating_add(clue.weight());
    }

    pub fn with(mut self, clue: Clue, present: bool) -> Self {
        if present {
            self.add(clue);
        }
        self
    }

    /// The evidence of two mentions of one name, together.
    pub fn merge(&mut self, other: Evidence) {
        self.seen |= other.seen;
        self.score = self.score.saturating_add(other.score);
    }

    pub fn score(self) -> i16 {
        self.score
    }

    pub fn has(self, clue: Clue) -> bool {
        self.seen & clue.bit() != 0
    }

    pub fn has_person_only_clue(self) -> bool {
        ALL.iter().any(|&c| c.person_only() && self.has(c))
    }

    /// The clues, for the debug output.
    pub fn clues(self) -> Vec<Clue> {
        ALL.into_iter().filter(|&c| self.has(c)).collect()
    }
}

/// How many words after a name a pronoun is looked for: a clause or so, so that the
/// look stays constant-time per name.
const PRONOUN_WINDOW: usize = 12;

/// The clues in the words around `name`; `run_start` is where its capitalised run
/// begins (before any title).
pub fn context(text: &str, name: Span, run_start: usize) -> Evidence {
    if names_a_place(text, run_start) {
        return Evidence::default();
    }
    let after = text.get(name.end..).unwrap_or("");
    let (possessive, after) = strip_possessive(after);
    let window = words_in_sentence(after);
    let next = window.as_slice();
    // "a judge in Rome, said …": after a comma the verb is another subject's.
    let first = match after.starts_with(',') {
        true => "",
        false => next.first().copied().unwrap_or(""),
    };
    let second = next.get(1).copied().unwrap_or("");
    let skip_adverb = lexicon::lower_flags(first).has(Flag::VerbAdverb);
    let verb = if skip_adverb { second } else { first };
    let speaks = !possessive && (is_speech_verb(verb) || follows_speech_verb(text, run_start));
    let person_word = if possessive {
        lexicon::lower_flags(first).has(Flag::PersonNoun)
    } else {
        lexicon::lower_flags(verb).has(Flag::PersonVerb)
    };
    let pronoun = pronoun_after(next);
    // "the X administration": a government named after the one who leads it; not "the
    // Mexican government", named after a country (the word list's proper nouns are mostly
    // places, peoples and brands).
    let governs = !possessive
        && matches!(word_before(text, run_start), "the" | "The")
        && lexicon::flags(first).has(Flag::GovernmentNoun)
        && !lexicon::flags(&text[name.start..name.end]).has(Flag::KnownProperNoun);
    Evidence::default()
        .with(Clue::Governs, governs)
        .with(Clue::Speaks, speaks)
        .with(Clue::PersonWord, person_word)
        .with(Clue::Appositive, !possessive && has_appositive(text, name))
        .with(Clue::Pronoun, pronoun == Some(Pronoun::Person))
        .with(Clue::ThingPronoun, pronoun == Some(Pronoun::Thing))
}

/// "in Thorne", "a columnist for Thorne said": after a preposition a capitalised word is a
/// place or a modifier of another subject, and what its sentence says is not about it.
fn names_a_place(text: &str, run_start: usize) -> bool {
    matches!(
        word_before(text, run_start),
        "in" | "at" | "from" | "near" | "across" | "into" | "via" | "for" | "of" | "with" | "by"
    )
}

fn strip_possessive(after: &str) -> (bool, &str) {
    for mark in ["'s", "’s", "'", "’"] {
        if let Some(rest) = after.strip_prefix(mark) {
            if !rest.starts_with(char::is_alphanumeric) {
                return (true, rest);
            }
        }
    }
    (false, after)
}

/// Up to [`PRONOUN_WINDOW`] words after a name, stopping where its sentence or clause of
/// speech ends (a full stop, a line break, a quotation mark): a pronoun past them is
/// another's.
fn words_in_sentence(after: &str) -> Window<'_> {
    // The words lie well within this many bytes; the look stays constant-time per name
    // even in a sentence that never ends.
    let after = &after[..floor_boundary(after, PRONOUN_WINDOW * 32)];
    let mut window = Window {
        words: [""; PRONOUN_WINDOW],
        len: 0,
    };
    let mut word_start = None;
    // One pass: words are read up to the first mark that ends the sentence or the speech,
    // and no further than the window's last word.
    for (i, c) in after.char_indices() {
        let in_word = c.is_alphabetic() || matches!(c, '\'' | '’' | '-');
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(from)) => {
                window.push(&after[from..i]);
                word_start = None;
                if window.len == PRONOUN_WINDOW {
                    return window;
                }
            }
            _ => {}
        }
        if matches!(
            c,
            '.' | '!' | '?' | '\n' | '“' | '”' | '"' | ';' | '(' | ')'
        ) {
            return window;
        }
    }
    if let Some(from) = word_start {
        window.push(&after[from..]);
    }
    window
}

/// The first words after a name, without an allocation per name.
struct Window<'t> {
    words: [&'t str; PRONOUN_WINDOW],
    len: usize,
}

impl<'t> Window<'t> {
    fn push(&mut self, word: &'t str) {
        self.words[self.len] = word;
        self.len += 1;
    }

    fn as_slice(&self) -> &[&'t str] {
        &self.words[..self.len]
    }
}

fn is_speech_verb(word: &str) -> bool {
    lexicon::reporting_verbs()
        .get(word)
        .is_some_and(|v| !v.noun_like || word.ends_with("ed"))
}

/// "…,” said Ada Thorne": a reporting verb right before the name.
fn follows_speech_verb(text: &str, run_start: usize) -> bool {
    let before = text.get(..run_start).unwrap_or("").trim_end();
    let prev = word_before(text, run_start);
    !prev.is_empty() && before.ends_with(prev) && is_speech_verb(prev)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    Person,
    Thing,
}

/// The first third-person pronoun after a name, before any other capitalised word (which
/// could be the pronoun's antecedent instead).
fn pronoun_after(words: &[&str]) -> Option<Pronoun> {
    for w in words {
        match *w {
            "he" | "she" | "He" | "She" => return Some(Pronoun::Person),
            "its" => return Some(Pronoun::Thing),
            _ if w.starts_with(char::is_uppercase) => return None,
            _ => {}
        }
    }
    None
}

/// ", 45," or " (45)" or ", the city engineer," right after the name.
fn has_appositive(text: &str, name: Span) -> bool {
    has_age_after(text, name) || super::role_after(text, name).is_some()
}

/// ", 45,", " (45)" or ", a 45-year-old …" right after a name: an age, which only a person
/// is given.
pub fn has_age_after(text: &str, name: Span) -> bool {
    let after = text.get(name.end..).unwrap_or("");
    let age = |rest: &str, closers: &[char]| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits) && rest[digits..].starts_with(closers)
    };
    match (after.strip_prefix(", "), after.strip_prefix(" (")) {
        (Some(rest), _) => age(rest, &[',', '.', ';']) || is_years_old(rest),
        (_, Some(rest)) => age(rest, &[')']),
        _ => false,
    }
}

/// "a 45-year-old nurse", "a 9-year-old": an age that only a person (or an animal) has.
fn is_years_old(rest: &str) -> bool {
    let Some(age) = rest.strip_prefix("a ").or_else(|| rest.strip_prefix("an ")) else {
        return false;
    };
    let word = age.split([' ', ',']).next().unwrap_or("");
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clues_of(text: &str, name: &str) -> Vec<Clue> {
        let start = text.find(name).expect("the name is in the text");
        let span = Span::new(start, start + name.len());
        context(text, span, start).clues()
    }

    #[test]
    fn speech_and_person_words_are_clues() {
        assert_eq!(
            clues_of("Ada Thorne said it was over.", "Ada Thorne"),
            [Clue::Speaks]
        );
        assert_eq!(
            clues_of("“No,” said Ada Thorne.", "Ada Thorne"),
            [Clue::Speaks]
        );
        assert_eq!(
            clues_of("Thorne also told them she was tired.", "Thorne"),
            [Clue::Speaks, Clue::Pronoun]
        );
        assert_eq!(
            clues_of("Ada Thorne's wife came.", "Ada Thorne"),
            [Clue::PersonWord]
        );
        assert_eq!(
            clues_of("Ada Thorne was born here.", "Ada Thorne"),
            [Clue::PersonWord]
        );
        assert_eq!(
            clues_of("Ada Thorne, 45, came.", "Ada Thorne"),
            [Clue::Appositive]
        );
        assert_eq!(
            clues_of("Thorne, a 45-year-old nurse, came.", "Thorne"),
            [Clue::Appositive]
        );
        assert_eq!(
            clues_of("Ada Thorne, the city mayor, came.", "Ada Thorne"),
            [Clue::Appositive]
        );
    }

    #[test]
    fn a_thing_and_an_unrelated_pronoun_are_not_person_clues() {
        assert_eq!(
            clues_of("Thornecorp raised its prices.", "Thornecorp"),
            [Clue::ThingPronoun]
        );
        assert!(clues_of("Thorne met Halvorsen and he left.", "Thorne").is_empty());
        assert!(clues_of("Thorne reports. He left.", "Thorne").is_empty());
        assert!(clues_of("Thorne", "Thorne").is_empty());
        assert!(clues_of("A judge in Thorne, said she left.", "Thorne").is_empty());
        assert!(clues_of("A writer for Thorne said he left.", "Thorne").is_empty());
        assert!(clues_of("Rep. Ada Thorne (D-Thorne) said so.", "D-Thorne").is_empty());
    }

    #[test]
    fn scores_add_up() {
        let mut e = Evidence::default().with(Clue::Speaks, true);
        e.merge(Evidence::default().with(Clue::Pronoun, true));
        assert_eq!(e.score(), 3);
        assert!(e.has_person_only_clue() && e.score() >= ONE_NAME);
    }
}
