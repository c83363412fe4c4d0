//! One map from every word of every word list to the lists it is in, so that one hash
//! look-up answers every list question a rule asks about a word.

use super::{entries, Hasher};
use crate::annotate::text::Lower;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One word list. Each is read from a data file, or from one `[section]` of it (see
/// [`LISTS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Flag {
    // Lists of their own file, one word a line.
    FirstName,
    /// One of the most frequent US surnames ("Evans").
    Surname,
    /// A given name of another country that is also an English word ("Sander"): a name
    /// only before a surname outside the English word list.
    GivenNameWord,
    /// Given names of women only, and of men only: "Mr. Okafor" is no Ada Okafor.
    FemaleName,
    MaleName,
    Honorific,
    Title,
    NameStopword,
    OrgWord,
    MediaWord,
    AnonymousNoun,
    SpokesNoun,
    DocumentNoun,
    CommonWord,
    KnownProperNoun,
    Place,
    // name_words.txt: the people rules.
    Particle,
    RoleNoun,
    HeadlineBreak,
    CaptionLabel,
    PlacePreposition,
    NameSuffix,
    PersonNoun,
    PersonVerb,
    VerbAdverb,
    SurnameOrgWord,
    DottedAbbreviation,
    MaleHonorific,
    FemaleHonorific,
    GovernmentNoun,
    RoleModifier,
    // source_words.txt: the sourcing rules.
    Be,
    Progressive,
    Determiner,
    SubjectPronoun,
    Recipient,
    TimeOpener,
    DayWord,
    NominalOpener,
    Auxiliary,
    LeadingSkip,
    TrailingSkip,
    TimeNoun,
    AdverbialOpener,
    /// "when", "although": a subordinate clause opens the sentence.
    Subordinator,
    Finite,
    NotSource,
    AsideOpener,
    BadPhraseStart,
    PostHead,
    /// "three", "most": before "of", a part of a group ("three of the tenants").
    Partitive,
    UniqueOffice,
    RelativeBeforeVerb,
    NonFiniteMarker,
    OpeningPronoun,
    TimeDeterminer,
    RelativeMarker,
    ClauseWord,
    // source_kinds.txt: the source-kind rules' lists.
    StaffNoun,
    OrgNoun,
    UnnamedMarker,
    PossessivePronoun,
    EmployerPreposition,
    CalendarWord,
    BackReference,
    InferenceVerb,
    // regions.txt: one-word countries and US states.
    Region,
    NoStatementAfter,
    /// Words that open a clause elsewhere but tell when right before a verb ("X then said").
    TimeAdverb,
    /// Words of number or amount in a time phrase ("two weeks ago", "a day later").
    Quantity,
    /// Words that hedge an amount of time ("about a week ago").
    TimeHedge,
    /// Past forms of irregular verbs ("spoke", "went"): where a subject ends.
    IrregularPast,
    // abbreviations.txt: periods that end no sentence.
    SentenceAbbreviation,
    /// Words that open a sentence after a dotted initialism ("… in the U.S. The …").
    SentenceOpener,
    TokenAbbreviation,
    DumpAbbreviation,
    /// Every form of a reporting or belief verb ("said", "hopes"): the words of
    /// [`super::reporting_verbs`], so that one look-up rules most words out of it.
    ReportingVerb,
}

/// Where each list is read from: its data file and its section in it ("" for a file
/// without sections).
const LISTS: &[(Flag, &str, &str)] = &[
    (Flag::FirstName, FIRST_NAMES, ""),
    (Flag::FirstName, WORLD_GIVEN_NAMES, "names"),
    (Flag::Surname, SURNAMES, ""),
    (Flag::GivenNameWord, WORLD_GIVEN_NAMES, "also_words"),
    (Flag::FemaleName, GIVEN_NAME_GENDERS, "female"),
    (Flag::MaleName, GIVEN_NAME_GENDERS, "male"),
    (Flag::Honorific, HONORIFICS, ""),
    (Flag::Title, TITLES, ""),
    (Flag::NameStopword, NAME_STOPWORDS, ""),
    (Flag::OrgWord, ORG_WORDS, ""),
    (Flag::MediaWord, MEDIA_WORDS, ""),
    (Flag::AnonymousNoun, ANONYMOUS_NOUNS, ""),
    (Flag::SpokesNoun, SPOKES_NOUNS, ""),
    (Flag::DocumentNoun, DOCUMENT_NOUNS, ""),
    (Flag::CommonWord, COMMON_WORDS, ""),
    (Flag::KnownProperNoun, KNOWN_PROPER_NOUNS, ""),
    (Flag::Place, PLACES, ""),
    (Flag::Particle, NAME_WORDS, "particles"),
    (Flag::RoleNoun, NAME_WORDS, "role_nouns"),
    (Flag::HeadlineBreak, NAME_WORDS, "headline_breaks"),
    (Flag::CaptionLabel, NAME_WORDS, "caption_labels"),
    (Flag::PlacePreposition, NAME_WORDS, "place_prepositions"),
    (Flag::NameSuffix, NAME_WORDS, "name_suffixes"),
    (Flag::PersonNoun, NAME_WORDS, "person_nouns"),
    (Flag::PersonVerb, NAME_WORDS, "person_verbs"),
    (Flag::VerbAdverb, NAME_WORDS, "verb_adverbs"),
    (Flag::SurnameOrgWord, NAME_WORDS, "surname_org_words"),
    (Flag::DottedAbbreviation, NAME_WORDS, "dotted_abbreviations"),
    (Flag::MaleHonorific, NAME_WORDS, "male_honorifics"),
    (Flag::FemaleHonorific, NAME_WORDS, "female_honorifics"),
    (Flag::GovernmentNoun, NAME_WORDS, "government_nouns"),
    (Flag::RoleModifier, NAME_WORDS, "role_modifiers"),
    (Flag::Be, SOURCE_WORDS, "be"),
    (Flag::Progressive, SOURCE_WORDS, "progressive"),
    (Flag::Determiner, SOURCE_WORDS, "determiners"),
    (Flag::SubjectPronoun, SOURCE_WORDS, "subject_pronouns"),
    (Flag::Recipient, SOURCE_WORDS, "recipients"),
    (Flag::TimeOpener, SOURCE_WORDS, "time_openers"),
    (Flag::DayWord, SOURCE_WORDS, "day_words"),
    (Flag::NominalOpener, SOURCE_WORDS, "nominal_openers"),
    (Flag::Auxiliary, SOURCE_WORDS, "auxiliaries"),
    (Flag::LeadingSkip, SOURCE_WORDS, "leading_skip"),
    (Flag::TrailingSkip, SOURCE_WORDS, "trailing_skip"),
    (Flag::TimeNoun, SOURCE_WORDS, "time_nouns"),
    (Flag::AdverbialOpener, SOURCE_WORDS, "adverbial_openers"),
    (Flag::Subordinator, SOURCE_WORDS, "subordinators"),
    (Flag::Finite, SOURCE_WORDS, "finite"),
    (Flag::NotSource, SOURCE_WORDS, "not_sources"),
    (Flag::AsideOpener, SOURCE_WORDS, "aside_openers"),
    (Flag::BadPhraseStart, SOURCE_WORDS, "bad_phrase_starts"),
    (Flag::PostHead, SOURCE_WORDS, "post_head"),
    (Flag::Partitive, SOURCE_WORDS, "partitives"),
    (Flag::UniqueOffice, SOURCE_WORDS, "unique_offices"),
    (
        Flag::RelativeBeforeVerb,
        SOURCE_WORDS,
        "relatives_before_verb",
    ),
    (Flag::NonFiniteMarker, SOURCE_WORDS, "non_finite_markers"),
    (Flag::OpeningPronoun, SOURCE_WORDS, "opening_pronouns"),
    (Flag::TimeDeterminer, SOURCE_WORDS, "time_determiners"),
    (Flag::RelativeMarker, SOURCE_WORDS, "relative_markers"),
    (Flag::ClauseWord, SOURCE_WORDS, "clause_words"),
    (Flag::StaffNoun, SOURCE_KINDS, "staff_nouns"),
    (Flag::OrgNoun, SOURCE_KINDS, "org_nouns"),
    (Flag::UnnamedMarker, SOURCE_KINDS, "unnamed_markers"),
    (Flag::PossessivePronoun, SOURCE_KINDS, "possessive_pronouns"),
    (
        Flag::EmployerPreposition,
        SOURCE_KINDS,
        "employer_prepositions",
    ),
    (Flag::CalendarWord, SOURCE_KINDS, "calendar_words"),
    (Flag::BackReference, SOURCE_KINDS, "back_references"),
    (Flag::InferenceVerb, SOURCE_WORDS, "inference_verbs"),
    (Flag::Region, REGIONS, ""),
    (Flag::NoStatementAfter, SOURCE_WORDS, "no_statement_after"),
    (Flag::TimeAdverb, SOURCE_WORDS, "time_adverbs"),
    (Flag::Quantity, SOURCE_WORDS, "quantities"),
    (Flag::TimeHedge, SOURCE_WORDS, "time_hedges"),
    (Flag::IrregularPast, SOURCE_WORDS, "irregular_pasts"),
    (Flag::SentenceAbbreviation, ABBREVIATIONS, "sentences"),
    (Flag::SentenceOpener, ABBREVIATIONS, "sentence_openers"),
    (Flag::TokenAbbreviation, ABBREVIATIONS, "tokens"),
    (Flag::DumpAbbreviation, ABBREVIATIONS, "news_dumps"),
];

const FIRST_NAMES: &str = include_str!("../../../data/first_names.txt");
const SURNAMES: &str = include_str!("../../../data/surnames.txt");
const WORLD_GIVEN_NAMES: &str = include_str!("../../../data/world_given_names.txt");
const GIVEN_NAME_GENDERS: &str = include_str!("../../../data/given_name_genders.txt");
const HONORIFICS: &str = include_str!("../../../data/honorifics.txt");
const TITLES: &str = include_str!("../../../data/titles.txt");
const NAME_STOPWORDS: &str = include_str!("../../../data/name_stopwords.txt");
const ORG_WORDS: &str = include_str!("../../../data/org_words.txt");
pub(super) const MEDIA_WORDS: &str = include_str!("../../../data/media_words.txt");
const ANONYMOUS_NOUNS: &str = include_str!("../../../data/anonymous_nouns.txt");
const SPOKES_NOUNS: &str = include_str!("../../../data/spokes_nouns.txt");
const DOCUMENT_NOUNS: &str = include_str!("../../../data/document_nouns.txt");
const COMMON_WORDS: &str = include_str!("../../../data/common_words.txt");
const KNOWN_PROPER_NOUNS: &str = include_str!("../../../data/known_proper_nouns.txt");
const PLACES: &str = include_str!("../../../data/places.txt");
const NAME_WORDS: &str = include_str!("../../../data/name_words.txt");
const SOURCE_WORDS: &str = include_str!("../../../data/source_words.txt");
const REGIONS: &str = include_str!("../../../data/regions.txt");
const SOURCE_KINDS: &str = include_str!("../../../data/source_kinds.txt");
const ABBREVIATIONS: &str = include_str!("../../../data/abbreviations.txt");

/// The lists a word is in: one bit per [`Flag`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags(u128);

impl Flags {
    pub fn has(self, flag: Flag) -> bool {
        self.0 & Self::bit(flag) != 0
    }

    fn with(self, flag: Flag) -> Flags {
        Flags(self.0 | Self::bit(flag))
    }

    fn bit(flag: Flag) -> u128 {
        1 << flag as u8
    }
}

/// The lists `word` is in, exactly as written (see [`lower_flags`] for lists of
/// lower-case words). A word in no list has no flags.
pub fn flags(word: &str) -> Flags {
    match CacheKey::of(word) {
        Some(key) => cached(key, || map_flags(word)),
        None => map_flags(word),
    }
}

/// The lists `word` is in once lower-cased: for the lists of lower-case words.
pub fn lower_flags(word: &str) -> Flags {
    match CacheKey::of(word) {
        // An ASCII word is lower-cased in its key, with no copy of the word made.
        Some(key) if key.is_ascii() => cached(key.ascii_lowered(), || map_flags(&Lower::of(word))),
        _ => flags(&Lower::of(word)),
    }
}

/// The flags of the word `key` stands for, from the cache or else from `look_up`, which
/// runs with the cache free (building the map may look words up too).
fn cached(key: CacheKey, look_up: impl FnOnce() -> Flags) -> Flags {
    let slot = key.slot();
    let hit = RECENT.with(|recent| {
        let found = recent.borrow()[slot];
        (found.key == key).then_some(found.flags)
    });
    if let Some(flags) = hit {
        return flags;
    }
    let flags = look_up();
    RECENT.with(|recent| recent.borrow_mut()[slot] = CacheSlot { key, flags });
    flags
}

fn map_flags(word: &str) -> Flags {
    map().get(word).copied().unwrap_or_default()
}

/// How many words the look-up cache holds. The flag map has about 100,000 words spread over
/// megabytes, so a look-up mostly waits on memory; the few thousand words a text uses
/// most stay in a small table, close at hand (48 bytes a slot: 768 KiB per thread).
/// A power of two.
const CACHE_SLOTS: usize = 16384;

/// The longest word the cache holds, in bytes.
const CACHED_BYTES: usize = 16;

/// A word of 1 to [`CACHED_BYTES`] bytes as two machine words and its length: its first
/// and last eight bytes (or four, or single bytes, for shorter words), which together
/// cover every byte. Read straight from the word, with no copy to assemble.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct CacheKey {
    head: u64,
    tail: u64,
    len: usize,
}

impl CacheKey {
    fn of(word: &str) -> Option<CacheKey> {
        let b = word.as_bytes();
        let len = b.len();
        let (head, tail) = match len {
            0 => return None,
            1..=3 => (
                u64::from(b[0]) | u64::from(b[len / 2]) << 8 | u64::from(b[len - 1]) << 16,
                0,
            ),
            4..=7 => (u64::from(read_u32(b, 0)), u64::from(read_u32(b, len - 4))),
            8..=CACHED_BYTES => (read_u64(b, 0), read_u64(b, len - 8)),
            _ => return None,
        };
        Some(CacheKey { head, tail, len })
    }

    fn is_ascii(self) -> bool {
        (self.head | self.tail) & HIGH_BITS == 0
    }

    /// The key of the word in lower case, for an ASCII word: each capital gains the bit
    /// 0x20, all eight bytes at once.
    fn ascii_lowered(self) -> CacheKey {
        CacheKey {
            head: ascii_lowered(self.head),
            tail: ascii_lowered(self.tail),
            len: self.len,
        }
    }

    /// Its slot in the cache: a multiplicative hash of its parts.
    fn slot(self) -> usize {
        const ODD: u64 = 0x9E37_79B9_7F4A_7C15;
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(ODD);
        (mixed >> (64 - CACHE_SLOTS.trailing_zeros())) as usize
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const EACH_BYTE: u64 = 0x0101_0101_0101_0101;

/// Eight ASCII bytes with 'A'..='Z' lower-cased. No byte is 0x80 or above, so adding to
/// each byte carries into none of its neighbours: the high bit of each sum says whether the
/// byte is at least 'A', or past 'Z'.
fn ascii_lowered(bytes: u64) -> u64 {
    let from_a = bytes + EACH_BYTE * (0x80 - u64::from(b'A'));
    let past_z = bytes + EACH_BYTE * (0x80 - u64::from(b'Z') - 1);
    let capitals = from_a & !past_z & HIGH_BITS;
    bytes | capitals >> 2
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    let mut four = [0u8; 4];
    four.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(four)
}

fn read_u64(b: &[u8], at: usize) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(eight)
}

/// One word of the cache and its flags. The empty key (length 0) is no word, so a new
/// table matches nothing.
#[derive(Clone, Copy, Default)]
struct CacheSlot {
    key: CacheKey,
    flags: Flags,
}

thread_local! {
    /// Each thread's recent words: one slot per hash, the last word there wins.
    static RECENT: std::cell::RefCell<Box<[CacheSlot]>> =
        std::cell::RefCell::new(vec![CacheSlot::default(); CACHE_SLOTS].into_boxed_slice());
}

type FlagMap = HashMap<&'static str, Flags, Hasher>;

fn map() -> &'static FlagMap {
    static MAP: OnceLock<FlagMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FlagMap::default();
        for &(flag, src, name) in LISTS {
            for word in section(src, name) {
                let flags = map.entry(word).or_default();
                *flags = flags.with(flag);
            }
        }
        for &word in super::reporting_verbs().keys() {
            let flags = map.entry(word).or_default();
            *flags = flags.with(Flag::ReportingVerb);
        }
        map
    })
}

/// The entries of one section of a data file: the lines after its `[name]` line, up to
/// the next section. Name "" is a file without sections (or the lines before the first).
pub(super) fn section(src: &'static str, name: &'static str) -> impl Iterator<Item = &'static str> {
    let mut current = "";
    entries(src).filter(move |line| {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = header;
            return false;
        }
        current == name
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `article::is_name_suffix` looks up capitalised words only.
    #[test]
    fn name_suffixes_are_capitalised() {
        let (_, src, name) = LISTS
            .iter()
            .find(|(f, _, _)| *f == Flag::NameSuffix)
            .copied()
            .expect("the suffix list");
        assert!(section(src, name).all(|w| w.starts_with(char::is_uppercase)));
    }

    /// A misspelt section name would silently give an empty list.
    #[test]
    fn every_list_has_words() {
        for &(flag, src, name) in LISTS {
            assert!(section(src, name).next().is_some(), "{flag:?} is empty");
        }
    }

    /// A section no flag reads would be a list no rule sees.
    #[test]
    fn every_section_is_read() {
        for src in [
            NAME_WORDS,
            SOURCE_WORDS,
            ABBREVIATIONS,
            WORLD_GIVEN_NAMES,
            GIVEN_NAME_GENDERS,
        ] {
            let headers = entries(src).filter(|l| l.starts_with('['));
            for header in headers {
                let name = header.trim_start_matches('[').trim_end_matches(']');
                let read = LISTS.iter().any(|&(_, s, n)| s == src && n == name);
                assert!(read, "no flag reads section {header}");
            }
        }
    }

    /// Each flag is one bit of a u128 and has its rows of `LISTS` in the enum's order (a
    /// list read from two files, as the given names are, has two rows side by side).
    #[test]
    fn every_flag_is_listed_in_order() {
        let mut next = 0;
        for &(flag, _, _) in LISTS {
            let i = flag as usize;
            assert!(
                i == next || i + 1 == next,
                "{flag:?} is out of place in LISTS"
            );
            next = i + 1;
        }
        assert!(next <= 128, "more flags than bits");
    }

    /// The cache answers as the map does, for words of every length around its limits,
    /// asked again (from the cache), in any case, and with letters outside ASCII.
    #[test]
    fn the_cache_answers_as_the_map() {
        let words = [
            "a",
            "I",
            "to",
            "Dr",
            "Mrs",
            "said",
            "Said",
            "SAID",
            "spokesperson",
            "Spokeswoman",
            "spokespeople",
            "representatives",
            "Representatives",
            "Representative",
            "communications",
            "Élysée",
            "José",
            "İstanbul",
            "Ökonom",
            "",
            "zz",
            "Washington",
            "washington",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
        ];
        for _round in 0..2 {
            for w in words {
                assert_eq!(flags(w), map_flags(w), "{w}");
                assert_eq!(lower_flags(w), map_flags(&w.to_lowercase()), "lower {w}");
            }
        }
    }

    /// Two words that share their first and last bytes are told apart.
    #[test]
    fn the_cache_keeps_words_apart() {
        // Sixteen bytes, differing in the ninth only: the tail tells them apart.
        let (a, b) = ("abcdefghXjklmnop", "abcdefghYjklmnop");
        assert!(CacheKey::of(a) != CacheKey::of(b));
        assert!(CacheKey::of("abc") != CacheKey::of("acc"));
        assert!(CacheKey::of("Said").map(CacheKey::ascii_lowered) == CacheKey::of("said"));
    }

    #[test]
    fn ascii_lowering_changes_capitals_only() {
        for b in 0u8..0x80 {
            let lowered = ascii_lowered(u64::from(b) << 24) >> 24;
            assert_eq!(lowered, u64::from(b.to_ascii_lowercase()), "byte {b:#x}");
        }
    }

    #[test]
    fn reporting_verbs_are_flagged() {
        assert!(lower_flags("Said").has(Flag::ReportingVerb));
        assert!(flags("told").has(Flag::ReportingVerb));
        assert!(!flags("table").has(Flag::ReportingVerb));
    }

    #[test]
    fn a_word_has_the_flags_of_its_lists() {
        let the = flags("the");
        assert!(the.has(Flag::Determiner) && the.has(Flag::AsideOpener));
        assert!(!the.has(Flag::Honorific));
        let may = flags("May");
        assert!(may.has(Flag::FirstName) && may.has(Flag::NameStopword));
        assert!(flags("de").has(Flag::Particle) && flags("Jr").has(Flag::NameSuffix));
        assert!(
            flags("St").has(Flag::SentenceAbbreviation) && flags("St").has(Flag::TokenAbbreviation)
        );
        assert!(lower_flags("Dept").has(Flag::DumpAbbreviation));
        assert!(flags("Kuala Lumpur").has(Flag::Place));
        assert!(flags("Dr").has(Flag::Honorific) && !flags("dr").has(Flag::Honorific));
        assert_eq!(flags("no such word at all"), Flags::default());
    }
}
