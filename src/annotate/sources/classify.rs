//! The kind of a source phrase: named, anonymous, organization, media or document.
//!
//! The rules run from the most specific evidence to the least: a pronoun's antecedent, a
//! person the phrase names (or stands in apposition to, or holds the office of), an
//! organisation's staff or documents, the phrase's head noun, and last its capitals.

use crate::annotate::lexicon::{self, Flag};
use crate::annotate::text::chars::ceil_boundary;
use crate::annotate::text::Lower;
use crate::annotate::{Person, Source, SourceKind};
use crate::span::Span;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Every person mention in text order, for look-ups by position in logarithmic time.
pub struct MentionIndex {
    mentions: Vec<(Span, usize)>,
}

impl MentionIndex {
    pub fn new(people: &[Person]) -> Self {
        MentionIndex {
            mentions: crate::annotate::mentions_in_order(people),
        }
    }

    /// The person of the mention ending last before `at`.
    fn last_before(&self, at: usize) -> Option<usize> {
        self.mention_before(at).map(|m| m.1)
    }

    fn mention_before(&self, at: usize) -> Option<(Span, usize)> {
        let k = self.mentions.partition_point(|(s, _)| s.end <= at);
        k.checked_sub(1).map(|k| self.mentions[k])
    }

    /// How many different people are mentioned between `from` and `to`.
    fn people_between(&self, from: usize, to: usize) -> usize {
        let first = self.mentions.partition_point(|(s, _)| s.start < from);
        let last = self.mentions.partition_point(|(s, _)| s.end <= to);
        let people: HashSet<usize> = self.mentions[first..last.max(first)]
            .iter()
            .map(|m| m.1)
            .collect();
        people.len()
    }

    /// The first mention starting at or after `at`.
    pub fn first_from(&self, at: usize) -> Option<Span> {
        self.mention_from(at).map(|m| m.0)
    }

    fn mention_from(&self, at: usize) -> Option<(Span, usize)> {
        let k = self.mentions.partition_point(|(s, _)| s.start < at);
        self.mentions.get(k).copied()
    }

    /// Whether a person mention ends just before `at` (a space between).
    pub fn ends_at(&self, at: usize) -> bool {
        self.mention_before(at).is_some_and(|m| at - m.0.end <= 1)
    }

    /// The person of a mention overlapping `span`.
    fn overlapping(&self, span: Span) -> Option<usize> {
        let k = self.mentions.partition_point(|(s, _)| s.end <= span.start);
        self.mentions
            .get(k)
            .filter(|(s, _)| s.overlaps(span))
            .map(|m| m.1)
    }

    /// The first mention inside `span`.
    fn inside(&self, span: Span) -> Option<(Span, usize)> {
        self.mention_from(span.start)
            .filter(|(s, _)| span.contains(*s))
    }
}

/// What the classifier decided about one source phrase.
pub struct Kinding {
    pub kind: SourceKind,
    pub person: Option<usize>,
    /// A wider span for the source, when the phrase found was only part of it
    /// ("D-Ohio" after "Rep. Ana Velde, ").
    pub span: Option<Span>,
    /// The phrase names an organisation's staff ("the agency's lawyers"): the organisation
    /// speaks, unless the sentence gives a reason for the staff's anonymity.
    pub staff: bool,
    /// No rule knew the phrase: the kind is only what an unknown capitalised phrase or an
    /// unknown common noun most often is ("The trip", "Drop in turnout").
    pub guessed: bool,
}

impl Kinding {
    fn of(kind: SourceKind) -> Self {
        Kinding {
            kind,
            person: None,
            span: None,
            staff: false,
            guessed: false,
        }
    }

    fn guessed(kind: SourceKind) -> Self {
        Kinding {
            guessed: true,
            ..Kinding::of(kind)
        }
    }

    fn named(person: usize) -> Self {
        Kinding {
            person: Some(person),
            ..Kinding::of(SourceKind::Named)
        }
    }
}

/// The article-wide facts the rules consult: the text, its people and their roles.
pub struct Classifier<'a> {
    text: &'a str,
    pub index: MentionIndex,
    /// The last word of each role (lower case) -> where the mentions of the people holding
    /// such a role end, with the person, sorted: the holder mentioned last before a place
    /// is one binary search, however many people hold the role and however often each is
    /// mentioned.
    role_mentions: HashMap<String, Vec<(usize, usize)>>,
    /// The last word of every person's name.
    surnames: HashSet<&'a str>,
    /// What [`Classifier::is_known_surname`] last found for each word it was asked about.
    lookbacks: RefCell<HashMap<String, Lookback>>,
    /// The people the article says go by "they" ("X, who uses they/them pronouns").
    singular_they: HashSet<usize>,
}

/// How far the text has been read back for one capitalised word, and the last place found
/// where it ends a full name. Sources come in text order and one word often heads many
/// of them ("Smith said … Smith said"): each look reads only the text since the last.
#[derive(Default)]
struct Lookback {
    /// The window last read: `from..read_to`.
    from: usize,
    read_to: usize,
    last: Option<FullName>,
}

/// A place where a word follows a given name.
#[derive(Clone, Copy)]
struct FullName {
    start: usize,
    end: usize,
    /// Where the words read to decide it start: after a space, or at the window's start.
    words_from: usize,
}

impl Lookback {
    /// Makes the look fit the window `from..to`: a name that has left the window is
    /// forgotten (every earlier one has left too); the look starts over when it cannot
    /// go on, because it read past `to` or because its name was decided on words the
    /// window now cuts, or with what followed it unread (it ended where reading stopped).
    fn fit(&mut self, from: usize, to: usize) {
        if self.last.is_some_and(|n| n.start < from) {
            self.last = None;
        }
        let cut = |n: FullName| n.words_from <= from && self.from != from;
        let stale = self.last.is_some_and(|n| cut(n) || n.end >= self.read_to);
        if self.read_to > to || stale {
            *self = Lookback::default();
        }
        self.from = from;
    }
}

/// How far back a lone capitalised word is looked for as the last word of a full name.
const NAME_LOOKBACK_BYTES: usize = 64 * 1024;

/// How far after a person's mention a "they/them" is theirs.
const SINGULAR_THEY_REACH: usize = 80;

/// How many earlier sources a definite description ("the lawyers") may refer back to.
const DESCRIPTION_LOOKBACK: usize = 30;

impl<'a> Classifier<'a> {
    pub fn new(text: &'a str, people: &'a [Person]) -> Self {
        let mut role_mentions: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            let mut heads: Vec<String> = p
                .roles
                .iter()
                .filter_map(|role| role.split_whitespace().last())
                .map(|last| last.trim_end_matches('.').to_lowercase())
                .collect();
            // A holder of two roles with one head ("deputy mayor", "mayor") is listed once.
            heads.sort_unstable();
            heads.dedup();
            for head in heads {
                let ends = p.mentions.iter().map(|m| (m.span.end, i));
                role_mentions.entry(head).or_default().extend(ends);
            }
        }
        for ends in role_mentions.values_mut() {
            ends.sort_unstable();
        }
        let surnames = people
            .iter()
            .filter_map(|p| p.name.rsplit(' ').next())
            .collect();
        Classifier {
            text,
            index: MentionIndex::new(people),
            role_mentions,
            surnames,
            lookbacks: RefCell::default(),
            singular_they: HashSet::new(),
        }
        .with_singular_they()
    }

    /// "They said": the person who goes by "they", mentioned last before it in the same
    /// paragraph and a sentence or so back; else "they" is a group.
    fn singular_they_of(&self, lower: &str, source: Span) -> Option<usize> {
        if lower != "they" || self.singular_they.is_empty() {
            return None;
        }
        let (mention, person) = self.index.mention_before(source.start)?;
        let between = &self.text[mention.end..source.start];
        let near = between.len() <= 2 * SINGULAR_THEY_REACH && !between.contains('\n');
        (near && self.singular_they.contains(&person)).then_some(person)
    }

    /// Each "they/them" of the text belongs to the person mentioned last before it, within
    /// a clause or two. A slash is rare in prose, so the text is scanned for it alone,
    /// without a lower-cased copy of the article.
    fn with_singular_they(mut self) -> Self {
        let text = self.text;
        let they_them = |slash: usize| {
            let word = |range: std::ops::Range<usize>, w: &str| {
                text.get(range).is_some_and(|t| t.eq_ignore_ascii_case(w))
            };
            slash >= 4 && word(slash - 4..slash, "they") && word(slash + 1..slash + 5, "them")
        };
        for at in memchr::memchr_iter(b'/', text.as_bytes()).filter(|&i| they_them(i)) {
            let at = at - 4;
            if let Some((mention, person)) = self.index.mention_before(at) {
                if at - mention.end <= SINGULAR_THEY_REACH {
                    self.singular_they.insert(person);
                }
            }
        }
        self
    }

    /// The kind of `source`; `cited` when a citation cue names it ("according to Varga",
    /// "reported by Varga"), where a lone unknown word is as often a data company or an
    /// outlet as a person.
    pub fn classify(&self, source: Span, cited: bool, earlier: &[Source]) -> Kinding {
        let text = self.text;
        let phrase = source.slice(text);
        let lower = phrase.to_lowercase();
        if let Some(p) = self.singular_they_of(&lower, source) {
            return Kinding::named(p);
        }
        if let Some(k) = pronoun(&lower, source, &self.index, earlier) {
            return k;
        }
        if let Some(k) = self.party_tag_after_name(source) {
            return k;
        }
        if self.names_two_earlier_people(&lower, source) {
            return Kinding::of(SourceKind::Named);
        }
        let head = head_word(text, source);
        let head_text = head.slice(text);
        let head_lower = head_text.to_lowercase();
        let head_flags = lexicon::flags(&head_lower);
        let capitalised = starts_upper(head_text);
        let definite = lower.starts_with("the ");
        if capitalised && has_media_word(phrase) && self.index.overlapping(head).is_none() {
            return Kinding::of(SourceKind::Media);
        }
        // "The President said", "the Governor said": an office written with a capital,
        // held by a person the article named with that role, is that person.
        if capitalised && definite && phrase.split_whitespace().count() == 2 {
            if let Some(k) = self.description_of_a_person(source, &head_lower, definite) {
                return k;
            }
        }
        if capitalised && is_institution(head_text, definite) {
            return Kinding::of(SourceKind::Organization);
        }
        // "the 2024 Housing Survey", "the Quillfeather Report": a titled document.
        if capitalised && head_flags.has(Flag::DocumentNoun) && head != source {
            return Kinding::of(SourceKind::Document);
        }
        // "Polls show …", "Data suggest …": a paper's name alone, capitalised as the
        // sentence's first word.
        if capitalised && head_flags.has(Flag::DocumentNoun) && head == source {
            return self.document(source, head);
        }
        if let Some(k) = self.family(head_text, definite) {
            return k;
        }
        if let Some(p) = self.index.overlapping(head) {
            return Kinding::named(p);
        }
        if !capitalised && !head_flags.has(Flag::DocumentNoun) {
            if let Some(k) = self.description_of_a_person(source, &head_lower, definite) {
                return k;
            }
        }
        if definite && phrase.split_whitespace().count() == 2 {
            if let Some(k) = same_head_as_earlier(text, &head_lower, earlier) {
                return k;
            }
        }
        if head_flags.has(Flag::StaffNoun) && self.names_an_employer(source, head) {
            return Kinding {
                staff: true,
                ..Kinding::of(SourceKind::Organization)
            };
        }
        // "Four of the tenants", "Most of the riders": a part of a group, unnamed,
        // though a capital opens the sentence.
        let partitive = head_flags.has(Flag::Partitive) && is_followed_by_of(text, head);
        if head_flags.has(Flag::AnonymousNoun) || partitive {
            return Kinding::of(SourceKind::Anonymous);
        }
        if !capitalised && head_flags.has(Flag::DocumentNoun) {
            return self.document(source, head);
        }
        if head_flags.has(Flag::SpokesNoun) && !lower.starts_with("the department") {
            return Kinding::of(SourceKind::Organization);
        }
        if has_media_word(phrase) {
            return Kinding::of(SourceKind::Media);
        }
        if definite && head_flags.has(Flag::OrgNoun) {
            return Kinding::of(SourceKind::Organization);
        }
        if let Some((_, p)) = self.index.inside(source) {
            if capitalised {
                return Kinding::named(p);
            }
        }
        if capitalised && head == source && self.is_known_surname(head) {
            return Kinding::of(SourceKind::Named);
        }
        if capitalised && head == source && !cited && is_lone_surname_shape(head_text) {
            return Kinding::of(SourceKind::Named);
        }
        // "Reed, an 8-year-old, said": an age is a person's, whatever else the word means.
        if capitalised && head == source && crate::annotate::people::has_age_after(text, source) {
            return Kinding::of(SourceKind::Named);
        }
        if capitalised && head == source && is_people_of_a_place_or_party(head_text) {
            return Kinding::of(SourceKind::Anonymous);
        }
        if capitalised && head == source && is_group_of_people(text, head, &head_lower, head_flags)
        {
            return Kinding::of(SourceKind::Anonymous);
        }
        if capitalised
            || phrase
                .split_whitespace()
                .any(|w| lexicon::flags(w.trim_end_matches(['’', '\'', 's'])).has(Flag::OrgWord))
        {
            return Kinding::guessed(SourceKind::Organization);
        }
        if definite && head_flags.has(Flag::UniqueOffice) {
            return Kinding::of(SourceKind::Named);
        }
        Kinding::guessed(SourceKind::Anonymous)
    }

    /// "Both women", "the two senators": a pair that refers back to two people the text
    /// just named (within `PAIR_REACH` bytes), who speak on the record. Unnamed staff and
    /// anonymous groups ("both officials") stay what they are.
    fn names_two_earlier_people(&self, lower: &str, source: Span) -> bool {
        let words: Vec<&str> = lower.split(' ').collect();
        let (["both", noun] | ["the", "two", noun] | ["both", "the", noun]) = words[..] else {
            return false;
        };
        let flags = lexicon::flags(noun);
        let person_group = noun.ends_with('s') || noun.ends_with("men");
        // "Both men", "both women": people, of no role that could be withheld.
        let anonymous = flags.has(Flag::AnonymousNoun) && !noun.ends_with("men");
        if !person_group || anonymous || flags.has(Flag::StaffNoun) {
            return false;
        }
        let from = source.start.saturating_sub(PAIR_REACH);
        self.index.people_between(from, source.start) >= 2
    }

    /// "the Okafors": a family named by the plural of a surname the article gives.
    fn family(&self, head: &str, definite: bool) -> Option<Kinding> {
        let surname = head
            .strip_suffix("es")
            .filter(|s| s.ends_with(['s', 'z', 'x']));
        let surname = surname.or_else(|| head.strip_suffix('s'))?;
        (definite && self.surnames.contains(surname)).then(|| Kinding::of(SourceKind::Named))
    }

    /// "Rep. Ana Velde, D-Ohio, said": the phrase found is the party tag after the name.
    fn party_tag_after_name(&self, source: Span) -> Option<Kinding> {
        if !is_party_tag(source.slice(self.text)) {
            return None;
        }
        let (mention, p) = self.index.mention_before(source.start)?;
        let between = &self.text[mention.end..source.start];
        if between.trim_matches([',', ' ']).is_empty() && between.len() <= 3 {
            return Some(Kinding {
                span: Some(Span::new(mention.start, source.end)),
                ..Kinding::named(p)
            });
        }
        None
    }

    /// A description that stands for a person the article names: set beside the name
    /// ("the bill's author, Sen. Ana Velde,") or holding a role given with it earlier
    /// ("the city attorney" after "City Attorney Ana Velde").
    fn description_of_a_person(
        &self,
        source: Span,
        head_lower: &str,
        definite: bool,
    ) -> Option<Kinding> {
        if let Some(p) = self.apposed_name(source) {
            return Some(Kinding::named(p));
        }
        if !definite {
            return None;
        }
        if !lexicon::flags(head_lower).has(Flag::RoleNoun) {
            return None;
        }
        let ends = self.role_mentions.get(head_lower)?;
        let before = ends.partition_point(|&(end, _)| end <= source.start);
        let (_, p) = ends[before.checked_sub(1)?];
        Some(Kinding::named(p))
    }

    /// "the bill's author, Democratic state Sen. Ana Velde,": a name set off after the phrase.
    fn apposed_name(&self, source: Span) -> Option<usize> {
        let after = &self.text[source.end..];
        if !after.starts_with(", ") {
            return None;
        }
        let (mention, p) = self.index.mention_from(source.end)?;
        // Distance first: the next mention may be pages away, and counting the words up
        // to it would make each source cost the rest of the article.
        if mention.start - source.end > 60 {
            return None;
        }
        let between = &self.text[source.end + 2..mention.start];
        let words = between.split_whitespace().count();
        let plain = !between.contains([',', ';', '(']);
        // The name closes the apposition: "…, Sen. Ana Velde, said" or "… said X, Ana Velde."
        let closed = self.text[mention.end..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '—'));
        (words <= 4 && plain && closed).then_some(p)
    }

    /// Whether a staff phrase says whose staff it is ("Acme officials", "the city's
    /// lawyers", "lawyers for the county") and nothing marks its people as unnamed on
    /// purpose ("two senior officials", "officials familiar with the talks").
    fn names_an_employer(&self, source: Span, head: Span) -> bool {
        let text = self.text;
        let before = &text[source.start..head.start];
        let after = &text[head.end..source.end];
        let words = || before.split_whitespace().chain(after.split_whitespace());
        if words().any(|w| lexicon::lower_flags(w.trim_end_matches(',')).has(Flag::UnnamedMarker)) {
            return false;
        }
        // "the county attorneys", not "county attorneys": a bare plural is a group.
        let definite_org = before.starts_with(['T', 't']) && before[1..].starts_with("he ");
        let owner_before = before.split_whitespace().enumerate().any(|(i, w)| {
            let bare = w.trim_end_matches(['’', '\'', 's']);
            // A capital that only opens the sentence ("Law enforcement officials") or
            // makes a nationality or a party ("American officials") names no employer.
            let opener = i == 0 && {
                let f = lexicon::lower_flags(w);
                f.has(Flag::Determiner) || f.has(Flag::CommonWord)
            };
            let proper = starts_upper(w) && !opener && !is_demonym(w);
            proper
                || is_possessive(w)
                || lexicon::lower_flags(w).has(Flag::PossessivePronoun)
                || definite_org && lexicon::lower_flags(bare).has(Flag::OrgNoun)
        });
        owner_before || names_an_employer_after(after)
    }

    /// A document noun: the document itself, unless it says whose it is ("the agency's
    /// website", "estimates from Acme Research", "a post by Ana Velde").
    fn document(&self, source: Span, head: Span) -> Kinding {
        let text = self.text;
        let before = Span::new(source.start, head.start);
        let after = Span::new(head.end, source.end);
        let possessor = before
            .slice(text)
            .split_whitespace()
            .any(|w| is_possessive(w) && starts_upper(w));
        let author = {
            let mut words = after.slice(text).split_whitespace();
            let by = words.next().is_some_and(|w| w == "from" || w == "by");
            let next = words
                .next()
                .filter(|w| *w != "the")
                .or_else(|| words.next());
            by && next.is_some_and(starts_upper)
        };
        let producer = !possessor && !author && named_modifier(before.slice(text));
        if !(possessor || author || producer) {
            return Kinding::of(SourceKind::Document);
        }
        let owner_span = if author { after } else { before };
        match self.index.inside(owner_span) {
            Some((_, p)) => Kinding::named(p),
            None if has_media_word(owner_span.slice(text)) => Kinding::of(SourceKind::Media),
            // "the council's minutes", "Harlow County's letter", "the IMF report", "a new
            // Reuters/Ipsos poll": a body's own paper speaks as a document.
            None if !author => Kinding::of(SourceKind::Document),
            None => Kinding::of(SourceKind::Organization),
        }
    }

    /// Whether a lone capitalised word was earlier the last word of a longer name
    /// ("Ana Brandt" … "Brandt said"): a surname the people finder did not link.
    fn is_known_surname(&self, word: Span) -> bool {
        let text = self.text;
        let w = word.slice(text);
        let acronym = w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        if w.len() < 2 || acronym || lexicon::flags(w).has(Flag::FirstName) {
            return false;
        }
        let from = ceil_boundary(text, word.start.saturating_sub(NAME_LOOKBACK_BYTES));
        let mut lookbacks = self.lookbacks.borrow_mut();
        let look = lookbacks.entry(w.to_string()).or_default();
        look.fit(from, word.start);
        // A name that began before the last look's end and ran past it was not seen whole.
        let resume = look.read_to.saturating_sub(w.len() - 1).max(from);
        let window = &text[from..word.start];
        let unread = ceil_boundary(window, resume - from);
        let found = window[unread..]
            .match_indices(w)
            .filter_map(|(i, _)| full_name_at(window, unread + i, w.len()))
            .last();
        look.read_to = word.start;
        if let Some(name) = found {
            look.last = Some(FullName {
                start: from + name.start,
                end: from + name.end,
                words_from: from + name.words_from,
            });
        }
        look.last.is_some()
    }
}

/// The place where the `len` bytes at `i` of `window` are a whole word following a
/// given name (offsets in `window`).
fn full_name_at(window: &str, i: usize, len: usize) -> Option<FullName> {
    let end = i + len;
    let whole = !window[end..].starts_with(char::is_alphanumeric);
    let before = window[..i].strip_suffix(' ')?;
    if !whole || !ends_with_given_name(before) {
        return None;
    }
    // `ends_with_given_name` reads at most the last two words.
    let words_from = before.rmatch_indices(' ').nth(1).map_or(0, |(k, _)| k + 1);
    Some(FullName {
        start: i,
        end,
        words_from,
    })
}

/// Whether the words before a document noun name who made it ("a Acme Research poll",
/// "the Ana Velde memo"), leaving out the article, dates and numbers ("a March 3 letter").
fn named_modifier(before: &str) -> bool {
    before.split_whitespace().enumerate().any(|(i, w)| {
        let f = lexicon::lower_flags(w.trim_end_matches('.'));
        let opener = i == 0 && (f.has(Flag::Determiner) || f.has(Flag::CommonWord));
        starts_upper(w) && !opener && !f.has(Flag::CalendarWord) && !is_demonym(w)
    })
}

/// "Russians", "Israelis", "Democrats": the plural of a demonym, or of a capitalised
/// word for a member ("Democrat", "Baptist") whose plural is an English word, is people,
/// unnamed ("Russians say …"), not an organisation. A plural whose singular is a given name
/// ("Evans") is a surname.
fn is_people_of_a_place_or_party(word: &str) -> bool {
    let Some(singular) = word.strip_suffix('s') else {
        return false;
    };
    let flags = lexicon::flags(singular);
    let demonym = ["an", "i"].iter().any(|s| singular.ends_with(s));
    let member = lexicon::lower_flags(word).has(Flag::CommonWord);
    flags.has(Flag::KnownProperNoun) && !flags.has(Flag::FirstName) && (demonym || member)
}

/// "American", "Israeli", "Republican", "U.S.", "Ohio": a capitalised adjective of nation
/// or party, or a place, which names a group ("U.S. officials") rather than an employer.
fn is_demonym(w: &str) -> bool {
    let bare = w.trim_end_matches([',', '’', '\'', 's']);
    let place = [bare, w.trim_end_matches([',', '.'])]
        .iter()
        .any(|x| lexicon::flags(x).has(Flag::Region));
    let country_initials = matches!(w, "U.S." | "U.K." | "US" | "UK" | "U.N." | "E.U." | "EU");
    let adjective = ["an", "ese", "ish", "i", "ic"]
        .iter()
        .any(|s| bare.ends_with(s));
    starts_upper(w) && (place || country_initials || adjective)
}

/// "for Acme", "at the county", "representing the city": a preposition and an employer
/// after a staff noun; "for the tenants" names the people served, not an employer.
fn names_an_employer_after(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let Some(preposition) = words.next() else {
        return false;
    };
    if !lexicon::lower_flags(preposition).has(Flag::EmployerPreposition) {
        return false;
    }
    match words.next() {
        Some("the") => words.next().is_some_and(|w| {
            starts_upper(w) || lexicon::lower_flags(w.trim_end_matches(',')).has(Flag::OrgNoun)
        }),
        Some(w) => starts_upper(w) && !is_demonym(w),
        None => false,
    }
}

/// Whether `s` ends with a given name or an initial: the start of a person's full name.
fn ends_with_given_name(s: &str) -> bool {
    let mut words = s.rsplit(' ');
    let mut last = words.next().unwrap_or("");
    // A nickname in quotes stands between: "Kevin “Ace” Brandt".
    if last.ends_with(['”', '"']) {
        last = words.next().unwrap_or("");
    }
    if !starts_upper(last) || last.len() < 2 {
        return false;
    }
    // "K.", "T.J." and "TJ" are initials.
    let initial = last.len() <= 4 && last.ends_with('.')
        || last.len() <= 3 && last.chars().all(|c| c.is_ascii_uppercase());
    // A given name that is also a common word ("Will", "Mark") may be the sentence's verb.
    let common = lexicon::lower_flags(last).has(Flag::CommonWord);
    initial || lexicon::flags(last).has(Flag::FirstName) && !common
}

/// "Foundation", "the Sentencing Institute", "Christian Schools": a capitalised head that
/// names an institution. A head such as "Hall" is also a surname, so it counts only after
/// "the" or in the plural.
fn is_institution(head: &str, definite: bool) -> bool {
    let singular = head.strip_suffix('s').unwrap_or(head);
    let is_org = |w: &str| lexicon::flags(w).has(Flag::OrgWord);
    (definite && is_org(head)) || (singular != head && is_org(singular))
}

/// "D-Ohio", "(R-Texas)", "I-Vt.": a party and state tag after a legislator's name.
fn is_party_tag(phrase: &str) -> bool {
    let t = phrase.trim_matches(['(', ')', ',', ' ']);
    let mut chars = t.chars();
    matches!(chars.next(), Some('D' | 'R' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
        && t.len() <= 24
}

/// "the lawyers" after "the agency's lawyers said": the same head noun refers back to the
/// earlier source, whose kind it takes.
fn same_head_as_earlier(text: &str, head_lower: &str, earlier: &[Source]) -> Option<Kinding> {
    earlier
        .iter()
        .rev()
        .take(DESCRIPTION_LOOKBACK)
        .find(|s| head_word(text, s.span).slice(text).to_lowercase() == head_lower)
        .map(|s| Kinding {
            person: s.person,
            ..Kinding::of(s.kind)
        })
}

/// "Acme's", "the agencies’", "Velde’s": a word that owns the next.
fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with('’')
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "Varga said": one capitalised word that no list knows as a word, a place, a people,
/// a brand or an institution is, as the subject of a reporting verb, far more often a
/// person the name finder had too little evidence for than a company; acronyms ("NASA")
/// and plurals ("Democrats") are not. A frequent surname is a person's too, though it is
/// also a word or ends in "s" ("Evans said", "Young said"), unless it names a place, an
/// institution or an outlet.
fn is_lone_surname_shape(word: &str) -> bool {
    let flags = lexicon::flags(word);
    let shape = word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).all(char::is_lowercase);
    let unknown = !word.ends_with('s')
        && !lexicon::lower_flags(word).has(Flag::CommonWord)
        && !flags.has(Flag::KnownProperNoun);
    shape
        && (unknown || flags.has(Flag::Surname))
        && !flags.has(Flag::Region)
        && !flags.has(Flag::Place)
        && !flags.has(Flag::OrgWord)
        && !flags.has(Flag::MediaWord)
}

/// "Researchers say", "Historians said": a plural of a word for people by what they do,
/// capitalised only because it opens the sentence, is a group left unnamed, not an
/// organisation. A role noun's plural counts ("prosecutor"), and so does any English
/// word in "-ists" or "-ians" ("specialists", "technicians").
fn is_group_of_people(text: &str, word: Span, lower: &str, flags: lexicon::Flags) -> bool {
    let before = &text[..word.start];
    let trimmed = before.trim_end();
    let opens_sentence = before[trimmed.len()..].contains('\n')
        || trimmed
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | ':'));
    // "Caucus-goers", "Churchgoers": those who go somewhere.
    if opens_sentence && lower.ends_with("goers") {
        return true;
    }
    let Some(singular) = lower.strip_suffix('s') else {
        return false;
    };
    let singular_flags = lexicon::flags(singular);
    let person_word = singular_flags.has(Flag::RoleNoun) || singular_flags.has(Flag::StaffNoun);
    let person_suffix = lower.len() >= 7 && (lower.ends_with("ists") || lower.ends_with("ians"));
    opens_sentence && flags.has(Flag::CommonWord) && (person_word || person_suffix)
}

/// I, he, she, they, it: the person or source the pronoun stands for.
fn pronoun(
    lower: &str,
    source: Span,
    people: &MentionIndex,
    earlier: &[Source],
) -> Option<Kinding> {
    match lower {
        // The writer, who signs the piece: on the record; "we" outside a quotation is the
        // writer with the newsroom, the outlet ("We asked our readers").
        "i" => Some(Kinding::of(SourceKind::Named)),
        "we" => Some(Kinding::of(SourceKind::Media)),
        "he" | "she" => Some(match people.last_before(source.start) {
            Some(p) => Kinding::named(p),
            None => Kinding::of(SourceKind::Anonymous),
        }),
        "they" => Some(match earlier.last() {
            Some(s) if s.kind != SourceKind::Named => Kinding::of(s.kind),
            _ => Kinding::of(SourceKind::Anonymous),
        }),
        "it" => Some(
            match earlier
                .iter()
                .rev()
                .take(20)
                .find(|s| s.kind != SourceKind::Named && s.kind != SourceKind::Anonymous)
            {
                Some(s) => Kinding::of(s.kind),
                None => Kinding::of(SourceKind::Organization),
            },
        ),
        _ => None,
    }
}

/// How far back the two people a pair refers to may be named: about two sentences.
const PAIR_REACH: usize = 400;

/// Prepositions that, after a past participle, show the participle modifies the noun
/// before it ("a lawsuit filed against …", "a poll taken during …").
const PARTICIPLE_COMPLEMENTS: &[&str] = &["against", "by", "during", "after", "before", "under"];

/// The head noun: the last word before a relative clause, a prepositional phrase or a
/// participle with its complement ("a lawsuit filed against …"); a party tag or any
/// parenthesis after a name ("(R-Texas)", "(Rotterdam)") is no head.
pub fn head_word(text: &str, source: Span) -> Span {
    let s = source.slice(text);
    let mut last = Span::new(source.start, source.end);
    let mut pos = 0;
    let mut words = s.split_whitespace().peekable();
    let mut after_determiner = false;
    while let Some(w) = words.next() {
        let at = s[pos..].find(w).map_or(pos, |i| pos + i);
        pos = at + w.len();
        let bare = Lower::of(w.trim_end_matches([',', '.']));
        let flags = lexicon::flags(&bare);
        // "people close to …" has its head before "close"; "a close aide" after it: an
        // adjective right after a determiner, not a preposition.
        let adjective = after_determiner
            && !flags.has(Flag::AdverbialOpener)
            && words
                .peek()
                .is_some_and(|next| !matches!(*next, "to" | "with"));
        if at > 0 && flags.has(Flag::PostHead) && !adjective {
            break;
        }
        after_determiner = flags.has(Flag::Determiner);
        let participle = at > 0
            && bare.ends_with("ed")
            && words.peek().is_some_and(|next| {
                PARTICIPLE_COMPLEMENTS.contains(next)
                    || lexicon::lower_flags(next).has(Flag::PostHead)
            });
        // "Acme (Rotterdam)", "Rep. Ana Velde (D-Ohio)": a parenthesis after the head.
        if participle || is_party_tag(w) || (at > 0 && w.starts_with('(')) {
            break;
        }
        let core = strip_possessive(w.trim_end_matches([',', '.']));
        last = Span::new(source.start + at, source.start + at + core.len());
    }
    last
}

/// Whether the word "of" follows `head` ("three of …", "most of …").
fn is_followed_by_of(text: &str, head: Span) -> bool {
    text[head.end..]
        .trim_start()
        .strip_prefix("of")
        .is_some_and(|rest| rest.starts_with(' '))
}

fn strip_possessive(w: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return stem;
        }
    }
    w
}

fn has_media_word(phrase: &str) -> bool {
    let words: Vec<&str> = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| is_media_word(w))
        || lexicon::media_phrases().iter().any(|m| phrase.contains(m))
}

/// A listed outlet's name, also in capitals as some outlets print their own ("SLATE").
fn is_media_word(w: &str) -> bool {
    if lexicon::flags(w).has(Flag::MediaWord) {
        return true;
    }
    let shouted = w.len() > 3 && w.chars().all(|c| c.is_ascii_uppercase());
    // ASCII throughout, so the first byte is the first letter.
    shouted
        && lexicon::flags(&format!("{}{}", &w[..1], w[1..].to_ascii_lowercase()))
            .has(Flag::MediaWord)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The look back as it was first written: the whole window read for every word.
    fn known_surname_by_reading_the_window(text: &str, word: Span) -> bool {
        let w = word.slice(text);
        let from = ceil_boundary(text, word.start.saturating_sub(NAME_LOOKBACK_BYTES));
        let window = &text[from..word.start];
        window.match_indices(w).any(|(i, _)| {
            let end = i + w.len();
            let whole = !window[end..].starts_with(char::is_alphanumeric);
            let before = window[..i].strip_suffix(' ');
            whole && before.is_some_and(ends_with_given_name)
        })
    }

    /// Words that make and break full names, joined by one space or two, some glued
    /// to the next word, over three windows' length, so that names enter and leave it.
    fn invented_text() -> String {
        let words = [
            "Ann",
            "Bo",
            "Quill",
            "Quillon",
            "said",
            "Quill’s",
            "“Ace”",
            "the",
            "K.",
            "Mark",
            "Quill,",
            "Vey",
            "and",
            "Vey-Quill",
            "of",
        ];
        let mut seed: u64 = 7;
        let mut text = String::new();
        while text.len() < 5 * NAME_LOOKBACK_BYTES {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let pick = (seed >> 33) as usize;
            text.push_str(words[pick % words.len()]);
            // Long stretches with no full name let a found one leave the window, and the
            // window's start pass through the given name before it, a word at a time.
            if pick % 389 == 0 {
                text.push_str(&" said Quill".repeat(7000));
            }
            text.push_str(match pick % 11 {
                0 => "  ",
                1 => "",
                _ => " ",
            });
        }
        text
    }

    #[test]
    fn the_look_back_for_a_surname_finds_what_reading_the_window_finds() {
        let text = invented_text();
        let classifier = Classifier::new(&text, &[]);
        let mut words: Vec<Span> = text
            .match_indices(['Q', 'V'])
            .map(|(i, _)| {
                let len = text[i..].find([' ', ',', '’']).unwrap_or(text.len() - i);
                Span::new(i, i + len)
            })
            .collect();
        // Mostly in text order, as sources come, with a few looks back (antecedents).
        for k in (0..words.len()).step_by(50).skip(1) {
            words.swap(k, k - 7);
        }
        let mut found = 0;
        for word in words {
            let want = known_surname_by_reading_the_window(&text, word);
            assert_eq!(classifier.is_known_surname(word), want, "at {}", word.start);
            found += usize::from(want);
        }
        assert!(found > 100, "the text holds names to find ({found})");
    }
}
