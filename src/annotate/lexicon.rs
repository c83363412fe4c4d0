//! General word lists, shipped as data files in `data/` and embedded at build time.

use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

mod flags;

pub use flags::{flags, lower_flags, Flag, Flags};

/// A fast, fixed hash: the lists are our own, so no protection against chosen keys is
/// needed, and every token is looked up several times.
type Hasher = foldhash::fast::FixedState;

/// The non-comment, non-blank lines of a data file.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The media cues of more than one word ("Fox News"): a phrase is searched for each, as
/// they cannot be looked up word by word.
pub fn media_phrases() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        entries(flags::MEDIA_WORDS)
            .filter(|m| m.contains(' '))
            .collect()
    })
}

/// Word endings of descriptors ("Lutheran", "Bahraini"), tried one by one.
pub fn descriptor_suffixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(include_str!("../../data/descriptor_suffixes.txt")).collect())
}

/// A reporting verb: its base form and how sure a form of it is a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub base: &'static str,
    /// Its base and -s forms are mostly nouns ("a report").
    pub noun_like: bool,
    /// It attributes only before "that", a colon or a quote ("found that").
    pub needs_that: bool,
    /// It reports a belief, hope or intention rather than words said ("believes").
    pub belief: bool,
}

/// Every form of every reporting verb, and of every verb of belief or intention.
pub fn reporting_verbs() -> &'static HashMap<&'static str, Verb, Hasher> {
    static MAP: OnceLock<HashMap<&'static str, Verb, Hasher>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        let files = [
            (include_str!("../../data/reporting_verbs.txt"), false),
            (include_str!("../../data/belief_verbs.txt"), true),
        ];
        for (src, belief) in files {
            for line in entries(src) {
                let noun_like = line.starts_with('~');
                let needs_that = line.starts_with('!');
                let mut forms = line.trim_start_matches(['~', '!']).split_whitespace();
                let base = forms.next().unwrap_or_default();
                let verb = Verb {
                    base,
                    noun_like,
                    needs_that,
                    belief,
                };
                // A verb listed in both files keeps its first, reporting, sense.
                map.entry(base).or_insert(verb);
                for form in forms {
                    map.entry(form).or_insert(verb);
                }
            }
        }
        map
    })
}

fn alternation(src: &'static str) -> Regex {
    Regex::new(&alternation_pattern(src)).expect("data files hold valid patterns")
}

fn alternation_pattern(src: &'static str) -> String {
    let body = entries(src)
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    // ASCII word boundaries keep the regex on its fast automata; the cues are ASCII words.
    format!(r"(?i)(?-u:\b)(?:{body})(?-u:\b)")
}

/// `src`'s patterns for a search of text whose ASCII letters are lower-cased (see
/// [`crate::annotate::text::LowerText`]): without the case-insensitive flag, which turns
/// each literal into every mix of cases and makes the search several times slower.
fn lowered_alternation(src: &'static str) -> Regex {
    let pattern = alternation_pattern(src);
    let body = pattern.strip_prefix("(?i)").unwrap_or(&pattern);
    Regex::new(body).expect("data files hold valid patterns")
}

const ANONYMITY: &str = include_str!("../../data/anonymity.txt");
const DECLINED: &str = include_str!("../../data/declined.txt");
const HEARSAY: &str = include_str!("../../data/hearsay.txt");
const NO_RESPONSE: &str = include_str!("../../data/no_response.txt");
const CITATION_CUES: &str = include_str!("../../data/citation_cues.txt");
const PHRASE_CUES: &str = include_str!("../../data/phrase_cues.txt");

/// Of the declined cues, those saying the source did not answer.
pub fn no_response_cues() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| alternation(NO_RESPONSE))
}

/// Phrases after which a source is named ("according to").
pub fn citation_cues() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| alternation(CITATION_CUES))
}

// The lists below are searched in an article's text lower-cased by
// `crate::annotate::text::LowerText`, once over the whole article.

/// Phrases giving the reason for anonymity.
pub fn anonymity_reasons() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| lowered_alternation(ANONYMITY))
}

/// Phrases saying a source declined to comment.
pub fn declined_cues() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| lowered_alternation(DECLINED))
}

/// Multi-word attribution phrases with the source before them ("put it").
pub fn phrase_cues() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| lowered_alternation(PHRASE_CUES))
}

/// Hearsay with no source: "is said to", "reportedly".
pub fn hearsay_cues() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| lowered_alternation(HEARSAY))
}

/// Words that open a clause ("because", "which"), as one pattern.
pub fn clause_openers() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| alternation(include_str!("../../data/clause_openers.txt")))
}

/// Whether `short` is a common nickname of the formal given name `formal` ("Bob", "Robert").
pub fn nickname_of(short: &str, formal: &str) -> bool {
    nicknames()
        .get(short)
        .is_some_and(|formals| formals.contains(&formal))
}

fn nicknames() -> &'static HashMap<&'static str, Vec<&'static str>, Hasher> {
    static MAP: OnceLock<HashMap<&'static str, Vec<&'static str>, Hasher>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(include_str!("../../data/nicknames.txt"))
            .filter_map(|line| {
                let mut names = line.split_whitespace();
                Some((names.next()?, names.collect()))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(flags("Robert").has(Flag::FirstName));
        assert!(media_phrases().iter().all(|m| m.contains(' ')));
        assert!(descriptor_suffixes().contains(&"ist"));
        assert!(clause_openers().is_match("Because"));
        assert_eq!(reporting_verbs().get("said").map(|v| v.base), Some("say"));
        assert!(reporting_verbs()["reports"].noun_like && reporting_verbs()["found"].needs_that);
        assert!(reporting_verbs()["believes"].belief && !reporting_verbs()["said"].belief);
        assert!(anonymity_reasons().is_match("who spoke on the condition of anonymity to discuss"));
        assert!(declined_cues().is_match("did not respond to an email"));
        assert!(no_response_cues().is_match("did not respond to an email"));
        assert!(hearsay_cues().is_match("The mayor is said to favour the plan"));
        assert!(!hearsay_cues().is_match("The mayor said the plan is dead"));
        assert!(!no_response_cues().is_match("declined to comment"));
        assert!(nickname_of("Bob", "Robert") && !nickname_of("Robert", "Bob"));
    }

    /// A Unicode word boundary in a cue pattern makes the regex give up its fast automata
    /// on any text with a non-ASCII character, and annotation runs several times slower;
    /// each pattern is wrapped in ASCII boundaries instead (see `alternation_pattern`).
    #[test]
    fn cue_patterns_hold_no_unicode_word_boundary() {
        let clause_openers = include_str!("../../data/clause_openers.txt");
        let files = [
            ANONYMITY,
            DECLINED,
            HEARSAY,
            NO_RESPONSE,
            CITATION_CUES,
            PHRASE_CUES,
            clause_openers,
        ];
        for pattern in files.into_iter().flat_map(entries) {
            assert!(
                !pattern.contains(r"\b") && !pattern.contains(r"\B"),
                "{pattern}"
            );
        }
    }

    /// A pattern searched in lower-cased text must itself be lower case: a capital letter
    /// (other than an escape's, as in `\S`) would never match there.
    #[test]
    fn lowered_patterns_hold_no_capital_letter() {
        for pattern in [ANONYMITY, DECLINED, PHRASE_CUES, HEARSAY]
            .into_iter()
            .flat_map(entries)
        {
            let bytes = pattern.as_bytes();
            let capital = (0..bytes.len())
                .any(|i| bytes[i].is_ascii_uppercase() && (i == 0 || bytes[i - 1] != b'\\'));
            assert!(!capital, "{pattern}");
        }
    }

    #[test]
    fn lowered_search_finds_what_a_case_blind_search_finds() {
        let text = "The Mayor DECLINED TO COMMENT, Who Spoke On Condition Of Anonymity; \
                    as she Put It, the plan Is Said To be dead. Reportedly";
        let lower = text.to_ascii_lowercase();
        let pairs = [
            (alternation(ANONYMITY), anonymity_reasons()),
            (alternation(DECLINED), declined_cues()),
            (alternation(PHRASE_CUES), phrase_cues()),
            (alternation(HEARSAY), hearsay_cues()),
        ];
        for (blind, low) in pairs {
            let a: Vec<_> = blind.find_iter(text).map(|m| m.range()).collect();
            let b: Vec<_> = low.find_iter(&lower).map(|m| m.range()).collect();
            assert!(!a.is_empty());
            assert_eq!(a, b);
        }
    }
}
