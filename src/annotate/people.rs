//! Named people: find name mentions and link each to one person of the article.
//!
//! Two passes over capitalised runs of words. The first builds the people the article
//! introduces (a full name, a name after an honorific or a title, a header keyword);
//! the second links every run, down to a bare surname, to one of them.

use super::lexicon::{self, Flag};
use super::text::chars::floor_boundary;
use super::text::tokens::{
    gap, is_all_caps, is_capitalised, tokenize, word_after, word_before, Token,
};
use super::{Mention, Person};
use crate::article::Article;
use crate::span::Span;
use evidence::{Clue, Evidence};
use smallvec::SmallVec;
use std::collections::HashMap;

mod evidence;

pub use evidence::has_age_after;

/// The words of a run of capitals while it is read: most runs have four or fewer, which
/// then need no heap allocation (a run is read for every capitalised word of the text).
type RunWords<'t> = SmallVec<[&'t str; 4]>;

/// A capitalised run read as a possible name.
#[derive(Debug, Clone)]
struct Candidate<'t> {
    /// The name words: no honorific, no title, no possessive.
    words: Vec<&'t str>,
    span: Span,
    /// An honorific or a title stood before the name.
    introduced: bool,
    role: Option<String>,
    /// The given name and the surname, worked out once: linking asks for them often.
    first: Option<&'t str>,
    surname: &'t str,
    /// What its shape and its sentence say of it being a person.
    evidence: Evidence,
    /// A name only the rest of the article can confirm: if it does not, these stand
    /// instead (its words one by one, or its parts).
    unconfirmed: Option<Vec<Candidate<'t>>>,
    /// It was confirmed by its surname's evidence elsewhere, which may be another's.
    confirmed_by_article: bool,
    /// What its honorific says: "Mr." a man, "Ms." a woman.
    gender: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

impl Gender {
    /// What the honorifics before a name say ("Mr.", "Ms."), if anything.
    fn of_honorifics(words: &[&str]) -> Option<Gender> {
        words.iter().rev().find_map(|w| {
            let flags = lexicon::flags(w.trim_end_matches('.'));
            Gender::of_lists(flags, Flag::FemaleHonorific, Flag::MaleHonorific)
        })
    }

    /// What a given name says, when it is given to women only or men only.
    fn of_given_name(name: &str) -> Option<Gender> {
        Gender::of_lists(lexicon::flags(name), Flag::FemaleName, Flag::MaleName)
    }

    /// The gender of a word in the women's list or the men's list, not both.
    fn of_lists(flags: lexicon::Flags, female: Flag, male: Flag) -> Option<Gender> {
        match (flags.has(female), flags.has(male)) {
            (true, false) => Some(Gender::Female),
            (false, true) => Some(Gender::Male),
            _ => None,
        }
    }
}

impl<'t> Candidate<'t> {
    fn new(words: Vec<&'t str>, span: Span, introduced: bool, role: Option<String>) -> Self {
        let surname = words
            .iter()
            .rev()
            .find(|w| !is_suffix(w) && !is_initial(w))
            .copied()
            .unwrap_or("");
        // The first word, when at least two words are no suffix ("Jr", "III").
        let mut given = words.iter().filter(|w| !is_suffix(w));
        let first = given.next().copied().filter(|_| given.next().is_some());
        Candidate {
            words,
            span,
            introduced,
            role,
            first,
            surname,
            evidence: Evidence::default(),
            unconfirmed: None,
            confirmed_by_article: false,
            gender: None,
        }
    }

    fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence = evidence;
        self
    }

    fn surname(&self) -> &'t str {
        self.surname
    }

    fn first(&self) -> Option<&'t str> {
        self.first
    }

    fn is_full(&self) -> bool {
        self.first.is_some()
    }

    /// The letters of the initials between the given name and the surname: "HW" in
    /// "George H.W. Tamsworth", which tells him apart from "George W. Tamsworth".
    fn middle_initials(&self) -> Option<String> {
        let inner = self.words.get(1..self.words.len().saturating_sub(1))?;
        let letters: String = inner
            .iter()
            .filter(|w| is_initial(w))
            .flat_map(|w| w.chars().filter(char::is_ascii_alphabetic))
            .collect();
        (!letters.is_empty()).then_some(letters)
    }
}

fn is_suffix(w: &str) -> bool {
    crate::article::is_name_suffix(w)
}

/// "J." or "K.L.": one capital letter before each period, and no abbreviation ("U.S.").
fn is_initial(w: &str) -> bool {
    let Some(body) = w.strip_suffix('.') else {
        return false;
    };
    capitals_between_periods(body)
        && (!body.contains('.')
            || !lexicon::flags(&body.replace('.', "")).has(Flag::DottedAbbreviation))
}

/// A person under construction.
#[derive(Debug, Clone)]
struct Entity {
    first: Option<String>,
    surname: String,
    middle: Option<String>,
    /// The longest written form, and the header keyword form if any.
    best: String,
    keyword: Option<String>,
    roles: Vec<String>,
    mentions: Vec<Span>,
    /// Where its full-name introductions stand, for linking bare surnames to the nearest.
    anchors: Vec<usize>,
    /// Known only through evidence its surname shares: a bare surname goes to another
    /// person of that surname first ("Ada Okafor … Rakel Okafor … Okafor said").
    weak: bool,
}

/// What [`Registry::same_person`] answered, by surname and then by given name and middle
/// initials; a surname's answers are forgotten when one of its people changes.
type SamePersonMemo<'t> =
    HashMap<&'t str, HashMap<(Option<&'t str>, Option<String>), Option<usize>>>;

/// The people found so far, indexed by surname and given name for linking in linear time.
#[derive(Default)]
struct Registry {
    entities: Vec<Entity>,
    by_surname: HashMap<String, Vec<usize>, foldhash::fast::FixedState>,
    by_first: HashMap<String, Vec<usize>, foldhash::fast::FixedState>,
}

impl Registry {
    fn add(&mut self, e: Entity) {
        let i = self.entities.len();
        self.by_surname
            .entry(e.surname.clone())
            .or_default()
            .push(i);
        if let Some(f) = &e.first {
            self.by_first.entry(f.clone()).or_default().push(i);
        }
        self.entities.push(e);
    }

    fn with_surname(&self, surname: &str) -> &[usize] {
        self.by_surname.get(surname).map_or(&[], Vec::as_slice)
    }

    fn same_person(&self, c: &Candidate) -> Option<usize> {
        let middle = c.middle_initials();
        self.with_surname(c.surname()).iter().copied().find(|&i| {
            let e = &self.entities[i];
            first_names_agree(e.first.as_deref(), c.first())
                && middles_agree(e.middle.as_deref(), middle.as_deref())
        })
    }

    /// [`Registry::same_person`], remembered by the form of the name: an article names
    /// the same person the same way many times, and many people can share a surname.
    fn same_person_remembered<'t>(
        &self,
        c: &Candidate<'t>,
        memo: &mut SamePersonMemo<'t>,
    ) -> Option<usize> {
        let key = (c.first(), c.middle_initials());
        let known = memo.entry(c.surname()).or_default();
        *known.entry(key).or_insert_with(|| self.same_person(c))
    }

    /// "the Okafors", "the Velts": a plural of a known surname is a family or a generic use,
    /// not a person.
    fn is_plural_of_known(&self, word: &str) -> bool {
        word.strip_suffix('s')
            .is_some_and(|stem| !self.with_surname(stem).is_empty())
    }

    /// Gives person `i` the given name `first` if they had none; whether they got it.
    fn set_first(&mut self, i: usize, first: Option<&str>) -> bool {
        let (None, Some(f)) = (&self.entities[i].first, first) else {
            return false;
        };
        self.entities[i].first = Some(f.to_string());
        self.by_first.entry(f.to_string()).or_default().push(i);
        true
    }
}

pub fn find_people(article: &Article) -> Vec<Person> {
    let text = &article.text;
    let regions = article.regions();
    let mut found =
        super::by_paragraph::map_paragraphs(text.len(), &regions, |_, &r| candidates_in(text, r));
    confirm_or_split(&mut found);
    let candidates = Candidates(&found);
    let mut registry = introduce(candidates);
    add_keyword_people(article, candidates, &mut registry);
    add_one_name_people(candidates, &mut registry);
    let mut memo = SamePersonMemo::default();
    for c in candidates.iter() {
        if let Some(i) = link(&registry, c, &mut memo) {
            let e = &mut registry.entities[i];
            e.mentions.push(c.span);
            if let Some(role) = &c.role {
                if !e.roles.contains(role) {
                    e.roles.push(role.clone());
                }
            }
        }
    }
    finish(article, registry.entities)
}

/// The candidates of each region (the title, then the paragraphs), in text order. They stay
/// in their regions' lists: the 20 MB generated article of `benches/throughput.sh` has
/// 420,000 candidates of 128 bytes, and copying them into one list cost time and memory.
#[derive(Clone, Copy)]
struct Candidates<'a, 't>(&'a [Vec<Candidate<'t>>]);

impl<'a, 't> Candidates<'a, 't> {
    fn iter(self) -> impl Iterator<Item = &'a Candidate<'t>> {
        self.0.iter().flatten()
    }
}

/// Names only the rest of the article can confirm ("Tarek Hall" with no clue beside it):
/// the evidence of all their mentions, and of their surname used alone ("Hall said"),
/// together. A name confirmed stays whole; one not is replaced by its parts, in its
/// region's list, which is rebuilt only when it holds such a name.
fn confirm_or_split(found: &mut [Vec<Candidate>]) {
    let mut by_surname: HashMap<&str, Evidence, foldhash::fast::FixedState> = HashMap::default();
    for c in found.iter().flatten() {
        let alone = c.words.len() == 1 && !c.introduced;
        if alone || c.unconfirmed.is_some() {
            by_surname.entry(c.surname()).or_default().merge(c.evidence);
        }
    }
    for region in found.iter_mut() {
        if region.iter().all(|c| c.unconfirmed.is_none()) {
            continue;
        }
        let mut out = Vec::with_capacity(region.len());
        for mut c in region.drain(..) {
            let Some(parts) = c.unconfirmed.take() else {
                out.push(c);
                continue;
            };
            let evidence = by_surname.get(c.surname()).copied().unwrap_or_default();
            // "said Sunday": a day or a month used alone says nothing of a surname.
            let stopword = lexicon::flags(c.surname()).has(Flag::NameStopword);
            let confirmed = evidence.score() >= evidence::NAME && !stopword;
            let verdict = if confirmed {
                "confirmed by the article"
            } else {
                "split"
            };
            debug(|| describe(&c.words, evidence, verdict));
            if confirmed {
                c.confirmed_by_article = true;
                out.push(c.with_evidence(evidence));
            } else {
                out.extend(parts);
            }
        }
        *region = out;
    }
}

/// People called by one name throughout ("Rosa said she …", "Brandt told reporters …
/// Brandt said"): a word used alone that names no one the article introduced, whose
/// mentions together give enough person evidence.
fn add_one_name_people(candidates: Candidates, reg: &mut Registry) {
    let mut order: Vec<(&str, &Candidate)> = Vec::new();
    let mut evidence: HashMap<&str, Evidence, foldhash::fast::FixedState> = HashMap::default();
    for c in candidates.iter() {
        let word = c.surname();
        if c.words.len() != 1 || c.introduced || !could_be_one_name(word) {
            continue;
        }
        if link(reg, c, &mut SamePersonMemo::default()).is_some() {
            continue;
        }
        let e = evidence.entry(word).or_insert_with(|| {
            order.push((word, c));
            Evidence::default()
        });
        e.merge(c.evidence);
    }
    for (word, first) in order {
        let e = evidence.get(word).copied().unwrap_or_default();
        let accepted = is_one_name_person(word, e);
        let verdict = if accepted {
            "a one-name person"
        } else {
            "not enough"
        };
        debug(|| describe(&[word], e, verdict));
        if accepted {
            reg.add(new_entity(first));
        }
    }
}

/// A word that may be a person's only name: not an English word, a place, an institution,
/// a title or a descriptor.
fn could_be_one_name(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && !lexicon::lower_flags(w).has(Flag::CommonWord)
        && !lexicon::flags(w).has(Flag::Place)
        && !lexicon::flags(w).has(Flag::MediaWord)
        && !is_org_or_stop(w)
        && !lexicon::flags(w).has(Flag::NameStopword)
        && !is_title_word(w)
        && !is_descriptor(w)
        && !names_a_group(w)
}

/// Enough evidence, and of the right kind: a company speaks too, so speaking alone makes
/// a person only of a given name that speaks twice; otherwise a clue no company has
/// (a pronoun, an age, a role, a wife) must be among the evidence.
fn is_one_name_person(word: &str, e: Evidence) -> bool {
    // Places and brands of the word list ("Chicago") are named far more often than
    // people called by one name: they need more.
    let needed = evidence::ONE_NAME
        + if is_known_thing(word) {
            evidence::NAME
        } else {
            0
        };
    e.score() >= needed
        && (e.has_person_only_clue() || (is_given_name(word) && e.score() >= 2 * evidence::NAME))
}

/// What the people rules decide, with the evidence, as a debug log record (the binary
/// shows them with `RUST_LOG=onrecord::annotate::people=debug`).
fn debug(message: impl FnOnce() -> String) {
    if log::log_enabled!(log::Level::Debug) {
        log::debug!("{}", message());
    }
}

fn describe(words: &[&str], e: Evidence, verdict: &str) -> String {
    format!(
        "{:?} {:?} score {}: {verdict}",
        words.join(" "),
        e.clues(),
        e.score()
    )
}

/// Pass one: the people the article introduces.
fn introduce(candidates: Candidates) -> Registry {
    let mut reg = Registry::default();
    let mut memo = SamePersonMemo::default();
    for c in candidates.iter().filter(|c| c.is_full()) {
        if reg.is_plural_of_known(c.surname()) {
            continue;
        }
        match reg.same_person_remembered(c, &mut memo) {
            Some(i) => {
                // Both run: `|`, not `||`.
                let renamed = absorb(&mut reg.entities[i], c) | reg.set_first(i, c.first());
                if renamed {
                    memo.remove(c.surname());
                }
            }
            None => {
                reg.add(new_entity(c));
                memo.remove(c.surname());
            }
        }
    }
    for c in candidates.iter().filter(|c| !c.is_full() && c.introduced) {
        if reg.with_surname(c.surname()).is_empty() && !c.surname().is_empty() {
            reg.add(new_entity(c));
        }
    }
    reg
}

fn new_entity(c: &Candidate) -> Entity {
    Entity {
        first: c.first().map(str::to_string),
        surname: c.surname().to_string(),
        middle: c.middle_initials(),
        best: c.words.join(" "),
        keyword: None,
        roles: Vec::new(),
        mentions: Vec::new(),
        anchors: vec![c.span.start],
        weak: c.confirmed_by_article,
    }
}

/// Adds a full mention to person `e`; whether it gave them middle initials they lacked.
fn absorb(e: &mut Entity, c: &Candidate) -> bool {
    let form = c.words.join(" ");
    if form.len() > e.best.len() {
        e.best = form;
    }
    e.anchors.push(c.span.start);
    e.weak &= c.confirmed_by_article;
    if e.middle.is_some() {
        return false;
    }
    e.middle = c.middle_initials();
    e.middle.is_some()
}

/// Middle initials tell two people of one name apart only when both are written.
fn middles_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn first_names_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
            a == b
                || lexicon::nickname_of(a, b)
                || lexicon::nickname_of(b, a)
                || (a.chars().count() == 1 && b.starts_with(a))
                || (b.chars().count() == 1 && a.starts_with(b))
        }
        _ => true,
    }
}

/// A header keyword that names a person whose surname the text uses makes them a person.
fn add_keyword_people(article: &Article, candidates: Candidates, reg: &mut Registry) {
    for name in &article.meta.people {
        let words: Vec<&str> = name.split_whitespace().filter(|w| !is_suffix(w)).collect();
        let Some(surname) = words.last() else {
            continue;
        };
        let first = words
            .first()
            .filter(|_| words.len() > 1)
            .map(std::string::ToString::to_string);
        let known = reg
            .with_surname(surname)
            .iter()
            .copied()
            .find(|&i| first_names_agree(reg.entities[i].first.as_deref(), first.as_deref()));
        match known {
            Some(i) => reg.entities[i].keyword = Some(name.clone()),
            None => {
                if let Some(c) = candidates.iter().find(|c| c.surname() == *surname) {
                    let mut e = new_entity(c);
                    e.keyword = Some(name.clone());
                    e.first = first;
                    reg.add(e);
                }
            }
        }
    }
}

/// Pass two: which person a run names, if any.
fn link<'t>(reg: &Registry, c: &Candidate<'t>, memo: &mut SamePersonMemo<'t>) -> Option<usize> {
    if c.is_full() {
        return reg.same_person_remembered(c, memo);
    }
    let word = c.surname();
    if c.words.len() == 1 && reg.is_plural_of_known(word) {
        return None;
    }
    let by_surname = reg.with_surname(word);
    if !by_surname.is_empty() {
        let strong: SmallVec<[usize; 4]> = by_surname
            .iter()
            .copied()
            .filter(|&i| !reg.entities[i].weak)
            .collect();
        let pool = if strong.is_empty() {
            by_surname
        } else {
            &strong
        };
        let fitting = c.gender.and_then(|g| of_gender(reg, pool, g));
        return nearest(
            &reg.entities,
            fitting.as_deref().unwrap_or(pool),
            c.span.start,
        );
    }
    match reg.by_first.get(word).map(Vec::as_slice) {
        Some([only]) if word.chars().count() >= 3 => Some(*only),
        _ => None,
    }
}

/// Of several people sharing a surname, those an honorific's gender fits ("Mr. Okafor" is
/// not Ada Okafor); `None` when it fits all of them or none (then all stay in question).
fn of_gender(reg: &Registry, pool: &[usize], gender: Gender) -> Option<Vec<usize>> {
    let fits = |&i: &usize| {
        let first = reg.entities[i].first.as_deref();
        first
            .and_then(Gender::of_given_name)
            .is_none_or(|g| g == gender)
    };
    let fitting: Vec<usize> = pool.iter().copied().filter(fits).collect();
    (!fitting.is_empty() && fitting.len() < pool.len()).then_some(fitting)
}

/// Of several people sharing a surname, the one introduced nearest before `pos` (else after).
/// Anchors are in text order, so each look-up is a binary search.
fn nearest(entities: &[Entity], options: &[usize], pos: usize) -> Option<usize> {
    if let [only] = options {
        return Some(*only);
    }
    let last_before = |i: usize| {
        let a = &entities[i].anchors;
        a.partition_point(|&x| x <= pos)
            .checked_sub(1)
            .map(|k| (a[k], i))
    };
    let before = options.iter().filter_map(|&i| last_before(i)).max();
    before.map(|(_, i)| i).or_else(|| {
        options
            .iter()
            .filter_map(|&i| entities[i].anchors.first().map(|&a| (a, i)))
            .min()
            .map(|(_, i)| i)
    })
}

fn finish(article: &Article, entities: Vec<Entity>) -> Vec<Person> {
    let text = &article.text;
    let mut people: Vec<Person> = entities
        .into_iter()
        .filter(|e| !e.mentions.is_empty())
        .map(|e| {
            let mut mentions: Vec<Span> = e.mentions.clone();
            mentions.sort();
            mentions.dedup();
            let mut aliases: Vec<String> = Vec::new();
            for m in &mentions {
                // Most mentions repeat a form already seen: compare before copying.
                let form = m.slice(text);
                if !aliases.iter().any(|a| a == form) {
                    aliases.push(form.to_string());
                }
            }
            let name = match &e.keyword {
                Some(k) if e.first.is_none() || !e.best.contains(' ') => k.clone(),
                _ => e.best.clone(),
            };
            aliases.retain(|a| *a != name);
            Person {
                id: String::new(),
                name,
                aliases,
                roles: e.roles,
                mentions: mentions
                    .iter()
                    .map(|&s| Mention {
                        span: s,
                        paragraph: article.paragraph_of(s.start),
                    })
                    .collect(),
                corrected: false,
            }
        })
        .collect();
    people.sort_by_key(|p| p.mentions[0].span.start);
    for (i, p) in people.iter_mut().enumerate() {
        p.id = format!("p{}", i + 1);
    }
    people
}

/// The possible names of one region (a paragraph or the title).
fn candidates_in(text: &str, region: Span) -> Vec<Candidate<'_>> {
    let tokens = without_nicknames(text, tokenize(text, region));
    runs(text, &tokens)
        .into_iter()
        .flat_map(|run| read_run(text, &tokens, run))
        .collect()
}

/// A quoted nickname inside a name ("Kevin “Ace” Brandt") is left out of the tokens, so the
/// name's words run on across it; the mention's span still covers it.
fn without_nicknames(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let is_nickname = |k: usize| {
        let (Some(prev), Some(next)) = (k.checked_sub(1).map(|p| &tokens[p]), tokens.get(k + 1))
        else {
            return false;
        };
        let opens = matches!(gap(text, prev, &tokens[k]), " “" | " \"");
        let closes = matches!(gap(text, &tokens[k], next), "” " | "\" ");
        opens && closes && is_name_word(text, prev) && is_name_word(text, next)
    };
    let keep: Vec<bool> = (0..tokens.len()).map(|k| !is_nickname(k)).collect();
    tokens
        .into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}

/// The text between two name words with a quoted nickname left out: ` “Ace” `.
fn is_nickname_gap(g: &str) -> bool {
    let inner = g
        .strip_prefix(" “")
        .and_then(|r| r.strip_suffix("” "))
        .or_else(|| g.strip_prefix(" \"").and_then(|r| r.strip_suffix("\" ")));
    inner.is_some_and(|w| {
        !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
    })
}

fn is_name_word(text: &str, t: &Token) -> bool {
    let w = t.name(text);
    (is_capitalised(w) && !is_all_caps(w)) || is_initial(w) || is_suffix(w)
}

/// "Mira King", "JD Bishop": a title word that ends a run (`words`, of `run`) right after
/// a given name (or two joined initials) is a surname, not an office. Not after an article
/// ("The Harlow Chief", a newspaper) nor before "of" ("Velde Chief of Staff", an office).
fn ends_in_title_surname(text: &str, run: &[Token], words: &[&str]) -> bool {
    let [opening @ .., before, last] = words else {
        return false;
    };
    let (Some(first), Some(end)) = (run.first(), run.last()) else {
        return false;
    };
    let article = opening.iter().any(|w| matches!(*w, "The" | "A" | "An"))
        || after_article(text, first.span.start);
    if article || text[end.span.end..].starts_with(" of ") {
        return false;
    }
    let place = |w: &str| {
        let flags = lexicon::flags(w);
        flags.has(Flag::Place) || flags.has(Flag::Region)
    };
    // An ordinal ("Harbor First") is no surname.
    let ordinal = matches!(*last, "First" | "Second" | "Third");
    is_office_word(last)
        && !ordinal
        && !is_title_word(before)
        && !place(before)
        && (is_given_name(before) || are_joined_initials(before))
}

/// A title that is no honorific and not an acronym ("King", "Judge"): an office, or a
/// surname.
fn is_office_word(w: &str) -> bool {
    lexicon::flags(w).has(Flag::Title)
        && !lexicon::flags(w.trim_end_matches('.')).has(Flag::Honorific)
        && !is_all_caps(w)
}

/// "King said", after "Mary King" was named: an office word alone is a mention only of a
/// person the article gives that surname, which linking decides; alone it is no one.
fn lone_office_word<'t>(text: &'t str, token: &Token, word: &'t str) -> Vec<Candidate<'t>> {
    let span = Span::new(token.span.start, token.name_end);
    let evidence = evidence::context(text, span, token.span.start);
    vec![Candidate::new(vec![word], span, false, None).with_evidence(evidence)]
}

fn is_title_word(w: &str) -> bool {
    let flags = lexicon::flags(w.trim_end_matches('.'));
    flags.has(Flag::Title) || flags.has(Flag::Honorific)
}

/// Index ranges of runs of capitalised words joined by single spaces.
fn runs(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts = is_name_word(text, &tokens[i]) || is_all_caps(tokens[i].name(text));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && !tokens[j - 1].is_possessive()
            && joins(text, &tokens[j - 1], &tokens[j], tokens.get(j + 1))
        {
            j += 1;
        }
        out.push(i..j);
        i = j;
    }
    out
}

fn joins(text: &str, prev: &Token, next: &Token, after: Option<&Token>) -> bool {
    let g = gap(text, prev, next);
    if !(g == " " || g == "\u{a0}" || is_nickname_gap(g)) {
        return false;
    }
    let w = next.name(text);
    if lexicon::flags(w).has(Flag::Particle) {
        return after.is_some_and(|a| is_capitalised(a.name(text)));
    }
    // Headline capitals ("Wanda Okafor Says", "Velt Was Warned") end a name.
    let flags = lexicon::lower_flags(w);
    if flags.has(Flag::HeadlineBreak) || flags.has(Flag::ReportingVerb) {
        return false;
    }
    is_name_word(text, next) || is_all_caps(w)
}

/// Reads one run: leading words of office, then the name.
fn read_run<'t>(
    text: &'t str,
    tokens: &[Token],
    run: std::ops::Range<usize>,
) -> Vec<Candidate<'t>> {
    let last_token = &tokens[run.end - 1];
    if run.len() > 1
        && text[last_token.span.end..].starts_with(':')
        && lexicon::flags(last_token.name(text)).has(Flag::CaptionLabel)
    {
        // "… Lena Okoro Photo: Reuters": a caption label is not part of the name.
        return read_run(text, tokens, run.start..run.end - 1);
    }
    let words: RunWords = tokens[run.clone()].iter().map(|t| t.name(text)).collect();
    if let [word] = words[..] {
        if is_office_word(word) {
            return lone_office_word(text, &tokens[run.start], word);
        }
    }
    let title_surname = ends_in_title_surname(text, &tokens[run.clone()], &words);
    let office_words = &words[..words.len() - usize::from(title_surname)];
    let last_title = office_words
        .iter()
        .rposition(|w| is_title_word(w) || is_all_caps(w) && !is_suffix(w) && !is_initial(w));
    let mut name_from = last_title.map_or(0, |i| i + 1);
    let mut introduced =
        last_title.is_some_and(|i| is_title_word(words[i]) && !is_all_caps(words[i]));
    // "JK Varga": two initials written together without periods, before a surname no English
    // list knows, start the name.
    // Not after a preposition ("at UC Thorne") nor before a role ("the TD Velt founder"),
    // where such capitals are mostly an institution's.
    let joined_initials = last_title.is_some_and(|t| {
        t + 2 == words.len()
            && (t == 0 || !is_all_caps(words[t - 1]))
            && are_joined_initials(words[t])
            && (is_unknown_word(words[t + 1]) || title_surname)
            && !follows_preposition(text, tokens[run.start].span.start)
            && !lexicon::lower_flags(word_after(text, tokens[run.end - 1].span.end))
                .has(Flag::RoleNoun)
    });
    if joined_initials {
        name_from -= 1;
    }
    // "Dean Orvik": a title word that is also a given name, before a lone surname, is the given name.
    if let Some(t) = last_title.filter(|_| !joined_initials) {
        let is_given = lexicon::flags(words[t]).has(Flag::FirstName)
            && !lexicon::flags(words[t].trim_end_matches('.')).has(Flag::Honorific);
        if is_given && words.len() - name_from == 1 && !introduced_by_honorific(&words[..t]) {
            name_from = t;
            introduced = t > 0 && is_title_word(words[t - 1]);
        }
    }
    // "The San Bernardino Christmas party", "Ohio Republican Ada Okafor": a place of
    // several words inside the run is no name, the given name inside it ("Bernardino")
    // starts none, and the words on either side are read on their own.
    if let Some((at, n)) = place_inside(&words[name_from..]) {
        let place = run.start + name_from + at;
        let mut out = Vec::new();
        if place > run.start {
            out.extend(read_run(text, tokens, run.start..place));
        }
        if place + n < run.end {
            out.extend(read_run(text, tokens, place + n..run.end));
        }
        return out;
    }
    if !introduced {
        // Without an honorific the name starts at its given name, when there is one.
        if let Some(g) = words.iter().position(|w| is_given_name(w)) {
            if g + 1 < words.len() {
                // "Ngozi Ada Okafor": unknown words before the given name belong to it.
                let mut from = g;
                while from > name_from
                    && is_unknown_word(words[from - 1])
                    && !is_descriptor(words[from - 1])
                {
                    from -= 1;
                }
                name_from = name_from.max(from);
            }
        }
    }
    // "Park Seo-jun", "Seo-jun Park": a romanised given name of two syllables.
    let is_romanised_pair = |a: &str, b: &str| {
        is_romanised_given(a) && could_be_surname(b) || is_romanised_given(b) && could_be_surname(a)
    };
    // "Later Seo-jun Park": an ordinary word before the name is not part of it.
    if let [opener, a, b] = &words[name_from..] {
        if lexicon::lower_flags(opener).has(Flag::CommonWord) && is_romanised_pair(a, b) {
            name_from += 1;
        }
    }
    let romanised = matches!(&words[name_from..], [a, b] if is_romanised_pair(a, b));
    // "Sander Okonjo": a given name of another country that is also an English word, before
    // a surname no English list knows.
    let world_given = match &words[name_from..] {
        [given, rest @ ..] => {
            (1..=2).contains(&rest.len())
                && lexicon::flags(given).has(Flag::GivenNameWord)
                && rest.iter().all(|w| is_unknown_word(w))
        }
        [] => false,
    };
    // "the Ida Thorne Art Center": the words up to an institution's word name the
    // institution, and the person it is named after is no mention of their own.
    let org_at = words[name_from..]
        .iter()
        .position(|w| lexicon::flags(w).has(Flag::OrgWord));
    let surname_like_org = org_at.is_some_and(|c| {
        let given_side = match c {
            0 => romanised,
            _ => c == 1 && !lexicon::lower_flags(words[name_from]).has(Flag::CommonWord),
        };
        given_side
            && name_from + 2 == words.len()
            && is_surname_org_word(words[name_from + c])
            && !after_article(text, tokens[run.start].span.start)
    });
    if let Some(c) = org_at.filter(|&c| c >= 2 && !introduced && !surname_like_org) {
        // "the Halvorsen White House": a surname before an institution's whole name may still
        // be a person the article names in full.
        let first_word = run.start + name_from;
        let mut out = match is_given_name(words[name_from]) {
            true => Vec::new(),
            false => single_words(text, tokens, first_word..first_word + 1, 0),
        };
        let after_org = run.start + name_from + c + 1;
        out.extend(single_words(text, tokens, after_org..run.end, 0));
        return out;
    }
    let name_words = &words[name_from..];
    let is_place = match name_words {
        [one] => lexicon::flags(one).has(Flag::Place),
        _ => lexicon::flags(&name_words.join(" ")).has(Flag::Place),
    };
    if is_place {
        return Vec::new();
    }
    // "Mr. Law", "Law said": an institution's word that is a surname may stand alone.
    let lone_surname_org = name_words.len() == 1
        && is_surname_org_word(name_words[0])
        && (!introduced || introduced_by_honorific(&words[..name_from]));
    let has_stopword = name_words
        .iter()
        .any(|w| is_org_or_stop(w) || names_a_group(w))
        && !(surname_like_org || lone_surname_org);
    if name_words.is_empty() || name_words.len() > 5 || has_stopword {
        return single_words(text, tokens, run, name_from);
    }
    let first = &tokens[run.start + name_from];
    let last = &tokens[run.end - 1];
    let span = Span::new(first.span.start, last.name_end);
    let two_or_three = (2..=3).contains(&name_words.len());
    let in_phrase = follows_preposition(text, first.span.start);
    // Without a given name, a name must not start with an ordinary word ("When Halvorsen said").
    let opener = lexicon::lower_flags(name_words[0]);
    let plausible = two_or_three
        && !in_phrase
        && !name_words.iter().any(|w| names_a_group(w))
        && (!opener.has(Flag::CommonWord) || romanised || world_given || joined_initials)
        && !opener.has(Flag::Determiner)
        && !name_words
            .iter()
            .any(|w| is_contraction(w) || is_prefixed_adjective(w));
    let mut context = evidence::context(text, span, first.span.start);
    // The older, looser test also takes "X reports" and an introducing colon.
    if !context.has(Clue::Speaks) && plausible && speaks(text, span, first.span.start) {
        context.add(Clue::Speaks);
    }
    let role = last_title
        .filter(|_| introduced)
        .and_then(|t| role_text(text, &tokens[run.start..=run.start + t]))
        .or_else(|| role_after(text, span))
        .or_else(|| role_before(text, first.span.start, span.end));
    let candidate = |evidence: Evidence| {
        let mut c = Candidate::new(name_words.to_vec(), span, introduced, role.clone())
            .with_evidence(evidence);
        c.gender = Gender::of_honorifics(&words[..name_from]);
        c
    };
    if introduced || name_words.len() == 1 {
        return vec![candidate(context.with(Clue::Title, introduced))];
    }
    // A surname that is also an institution's word ("Law") needs the sentence's word for it.
    let shape = Evidence::default()
        .with(
            Clue::UnknownWords,
            plausible && name_words.iter().all(|w| is_unknown_word(w)),
        )
        .with(
            Clue::GivenName,
            romanised
                || world_given
                || joined_initials
                || name_words[..name_words.len() - 1]
                    .iter()
                    .any(|w| is_given_name(w)),
        );
    // "Grace Church", "Victoria Hall": a listed given name before an institution's word
    // is mostly a place; a romanised given name is not.
    let surname_like_org = surname_like_org && !romanised;
    let mut evidence = if surname_like_org {
        Evidence::default()
    } else {
        shape
    };
    if plausible {
        evidence.merge(context);
    }
    // An "its" nearby may be another's: it weakens a name only the context gives.
    let accepted =
        evidence.score() >= evidence::NAME || shape.score() >= evidence::NAME && !surname_like_org;
    let verdict = match (accepted, plausible) {
        (true, _) => "a name",
        (false, true) => "left to the article",
        (false, false) => "not a name",
    };
    debug(|| describe(name_words, evidence, verdict));
    if accepted {
        return vec![candidate(evidence)];
    }
    let parts = parts_of_unconfirmed(text, tokens, run, name_from, name_words);
    if plausible {
        let mut weak = candidate(evidence);
        weak.unconfirmed = Some(parts);
        return vec![weak];
    }
    parts
}

/// What a run that is no name by itself may still hold: "Student at Lakeland State Fenwick
/// Samir Nasr" ends in a name of unknown words after known ones; other words may each be
/// a surname the article gives in full elsewhere.
fn parts_of_unconfirmed<'t>(
    text: &'t str,
    tokens: &[Token],
    run: std::ops::Range<usize>,
    name_from: usize,
    name_words: &[&str],
) -> Vec<Candidate<'t>> {
    let tail = name_words
        .iter()
        .rev()
        .take_while(|w| is_unknown_word(w))
        .count();
    if (2..=3).contains(&tail)
        && tail < name_words.len()
        && !is_unknown_word(name_words[name_words.len() - tail - 1])
    {
        let mut out = single_words(text, tokens, run.start..run.end - tail, name_from);
        out.extend(read_run(text, tokens, run.end - tail..run.end));
        return out;
    }
    single_words(text, tokens, run, name_from)
}

/// "JK", "AS": two capitals that may be a person's initials, not an abbreviation the lists
/// know ("US", "AP") nor a suffix ("II").
fn are_joined_initials(w: &str) -> bool {
    let flags = lexicon::flags(w);
    w.len() == 2
        && w.chars().all(|c| c.is_ascii_uppercase())
        && !is_suffix(w)
        && !flags.has(Flag::DottedAbbreviation)
        && !flags.has(Flag::Region)
        && !flags.has(Flag::MediaWord)
        && !flags.has(Flag::KnownProperNoun)
        && !flags.has(Flag::Place)
}

/// Where a place of two or three words stands in `words`, and how many words it has, when
/// it is not all of them (a run that is one place is left to the place test below).
fn place_inside(words: &[&str]) -> Option<(usize, usize)> {
    (0..words.len()).find_map(|at| {
        (2..=3)
            .rev()
            .filter(|&n| at + n <= words.len() && n < words.len())
            .find(|&n| lexicon::flags(&words[at..at + n].join(" ")).has(Flag::Place))
            .map(|n| (at, n))
    })
}

/// Whether "the" (or "a", "an") stands right before `start`: "the Halvorsen Law" is an
/// institution's name, "Mei Law" may be a person's.
fn after_article(text: &str, start: usize) -> bool {
    matches!(
        word_before(text, start),
        "the" | "The" | "a" | "an" | "A" | "An"
    )
}

/// A word neither English nor a known place or brand: foreign names ("Tomasz Wrzeszcz")
/// are made of such words.
fn is_unknown_word(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !lexicon::lower_flags(w).has(Flag::CommonWord)
        && !lexicon::flags(w).has(Flag::KnownProperNoun)
        && !is_org_or_stop(w)
}

/// "Seo-jun", "Min-Jun": two short syllables joined by a hyphen, the way Korean and other
/// East Asian given names are romanised; no English compound ("Ex-Im" is listed).
fn is_romanised_given(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syllable = |s: &str, capital: bool| {
        let mut chars = s.chars();
        let first_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() && (c.is_uppercase() || !capital));
        first_ok && chars.all(|c| c.is_ascii_lowercase()) && (2..=4).contains(&s.len())
    };
    syllable(a, true)
        && syllable(b, false)
        && !lexicon::lower_flags(w).has(Flag::CommonWord)
        && !lexicon::flags(w).has(Flag::KnownProperNoun)
        && !lexicon::flags(a).has(Flag::Place)
}

/// The other word of a romanised name: a surname, or an institution's word that is one
/// ("Park"), not an article or an English word ("The Kel-Ora").
fn could_be_surname(w: &str) -> bool {
    let lower = lexicon::lower_flags(w);
    !lower.has(Flag::Determiner)
        && (is_surname_org_word(w) || !lower.has(Flag::CommonWord))
        && !lexicon::flags(w).has(Flag::Place)
}

/// "Anti-war", "Pro-Thorne": a word made with such a prefix describes, it names no one.
fn is_prefixed_adjective(w: &str) -> bool {
    ["Anti-", "Pro-", "Non-", "Ex-", "Post-", "Pre-"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// "Don’t", "I’m": a lower-case ending after an apostrophe makes a contraction, while a
/// name's apostrophe is followed by a capital ("O’Hara", "D’Souza").
fn is_contraction(w: &str) -> bool {
    w.split_once(['\'', '’'])
        .is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase))
}

/// "Republicans", "Latinos": the plural of a party or of a nationality names a group of
/// people, not one.
/// A capitalised word of the English word list that is no given name: mostly places
/// and brands ("Chicago"), some famous surnames.
fn is_known_thing(w: &str) -> bool {
    let flags = lexicon::flags(w);
    flags.has(Flag::KnownProperNoun) && !flags.has(Flag::FirstName)
}

fn names_a_group(w: &str) -> bool {
    let Some(one) = w.strip_suffix('s') else {
        return false;
    };
    let flags = lexicon::flags(one);
    let nationality_like = ["an", "no", "ic", "at"].iter().any(|e| one.ends_with(e));
    nationality_like && (flags.has(Flag::NameStopword) || is_known_thing(one))
}

/// "Lutheran", "Bahraini": words that describe a person rather than name them.
fn is_descriptor(w: &str) -> bool {
    lexicon::descriptor_suffixes()
        .iter()
        .any(|s| w.ends_with(s) && (s.len() > 1 || is_demonym_in_i(w)))
}

/// "Bahraini", "Saudi": an ending of one letter makes a people's name only of a known word
/// or of a country's name; "Varotti" and "Rossi" are surnames.
fn is_demonym_in_i(w: &str) -> bool {
    let stem = &w[..w.len() - 1];
    lexicon::flags(w).has(Flag::KnownProperNoun) || lexicon::flags(stem).has(Flag::Region)
}

/// "in Porto Velho", "of Soil Nutrient Studies": a capitalised run after a
/// preposition or an article is more likely a place or an institution than a person.
fn follows_preposition(text: &str, start: usize) -> bool {
    lexicon::flags(word_before(text, start)).has(Flag::PlacePreposition)
}

fn introduced_by_honorific(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| lexicon::flags(w.trim_end_matches('.')).has(Flag::Honorific))
}

fn is_surname_org_word(w: &str) -> bool {
    lexicon::flags(w).has(Flag::SurnameOrgWord)
}

fn is_given_name(w: &str) -> bool {
    let flags = lexicon::flags(w);
    flags.has(Flag::FirstName) && !flags.has(Flag::NameStopword)
}

fn is_org_or_stop(w: &str) -> bool {
    let flags = lexicon::flags(w);
    flags.has(Flag::OrgWord) || (flags.has(Flag::NameStopword) && !flags.has(Flag::FirstName))
}

/// A run that is no name as a whole: each capitalised word may still be a known surname.
fn single_words<'t>(
    text: &'t str,
    tokens: &[Token],
    run: std::ops::Range<usize>,
    from: usize,
) -> Vec<Candidate<'t>> {
    let mut out = Vec::new();
    for k in run.start + from..run.end {
        let t = &tokens[k];
        let w = t.name(text);
        let next_is_org = tokens
            .get(k + 1)
            .is_some_and(|n| k + 1 < run.end && lexicon::flags(n.name(text)).has(Flag::OrgWord));
        if is_capitalised(w)
            && !is_all_caps(w)
            && !is_title_word(w)
            && !next_is_org
            && !is_initial(w)
        {
            let span = Span::new(t.span.start, t.name_end);
            let evidence = evidence::context(text, span, t.span.start);
            out.push(Candidate::new(vec![w], span, false, None).with_evidence(evidence));
        }
    }
    out
}

/// The words of office before the name ("Deputy Attorney General"), honorifics left out.
fn role_text(text: &str, words: &[Token]) -> Option<String> {
    let is_office = |t: &Token| {
        let w = t.name(text);
        (is_title_word(w) && !lexicon::flags(w.trim_end_matches('.')).has(Flag::Honorific))
            || is_all_caps(w)
    };
    let from = words.iter().position(is_office)?;
    words[from..]
        .iter()
        .all(is_office)
        .then(|| text[words[from].span.start..words[words.len() - 1].span.end].to_string())
}

/// How far after a name its appositive role is looked for: a role is a few words, and
/// the look stays constant-time per name.
const ROLE_REACH: usize = 120;

/// ", the White House press secretary," after a name.
fn role_after(text: &str, name: Span) -> Option<String> {
    let rest = text[name.end..].strip_prefix(", ")?;
    let reach = rest
        .char_indices()
        .nth(ROLE_REACH)
        .map_or(rest.len(), |(i, _)| i);
    let end = role_end(&rest[..reach]).filter(|&e| e > 0)?;
    let phrase = rest[..end].trim();
    let body = phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("a "))
        .or_else(|| phrase.strip_prefix("an "))
        .unwrap_or(phrase);
    let word_count = body.split_whitespace().count();
    let has_role = body
        .split_whitespace()
        .any(|w| lexicon::lower_flags(w).has(Flag::RoleNoun));
    let ends_sentence = !rest[end..].starts_with(',') && !rest[end..].starts_with('.');
    (has_role && word_count <= 8 && !ends_sentence && !phrase.starts_with("who"))
        .then(|| body.to_string())
}

/// Where a role after a name ends: at a comma, a semicolon, a bracket, a quotation mark, a line
/// break or a full stop, but not at the periods of an abbreviation ("a former F.B.I.
/// director", "the Dept. head").
fn role_end(rest: &str) -> Option<usize> {
    rest.match_indices([',', '.', ';', '(', ')', '“', '”', '"', '\n'])
        .find(|&(at, mark)| mark != "." || !ends_abbreviation(rest, at))
        .map(|(at, _)| at)
}

/// Whether the period at `dot` ends an abbreviation: letters and periods ("F.B.I."), or a
/// word the tokenizer's abbreviation list holds ("Dept.").
fn ends_abbreviation(text: &str, dot: usize) -> bool {
    let word = text[..dot].rsplit(' ').next().unwrap_or("");
    is_dotted_abbreviation(word) || lexicon::flags(word).has(Flag::TokenAbbreviation)
}

/// "F.B.I.", "U.S", "F": capitals each followed by a period (the last one may be missing).
fn is_dotted_abbreviation(word: &str) -> bool {
    capitals_between_periods(word.strip_suffix('.').unwrap_or(word))
}

/// "F.B.I" (its last period taken off): one capital letter between each two periods.
fn capitals_between_periods(body: &str) -> bool {
    body.split('.')
        .all(|part| part.chars().count() == 1 && part.starts_with(char::is_uppercase))
}

/// How far before a name a role standing before it is looked for.
const ROLE_BEFORE_REACH: usize = 100;

/// A role written before the name: in lower case right before it ("White House press
/// secretary Ada Okafor", "campaign manager Ada Okafor"), or set off by commas at the start
/// of a clause ("The deputy attorney general, Ada Okafor, said").
fn role_before(text: &str, run_start: usize, name_end: usize) -> Option<String> {
    let from = floor_boundary(text, run_start.saturating_sub(ROLE_BEFORE_REACH));
    let before = &text[from..run_start];
    if let Some(phrase) = before.strip_suffix(", ") {
        let closed = text[name_end..].starts_with(',');
        return closed.then(|| role_set_off(phrase)).flatten();
    }
    // Most names have no role before them: the word before says so at once.
    if !lexicon::flags(word_before(text, run_start)).has(Flag::RoleNoun) {
        return None;
    }
    role_in_lower_case(before.trim_end())
}

/// "The deputy attorney general": a clause's opening phrase of a determiner and words up to
/// a role noun, and nothing else.
fn role_set_off(phrase: &str) -> Option<String> {
    let start = phrase
        .rfind([',', '.', ';', '“', '”', '"', '\n', '—'])
        .map_or(0, |i| {
            i + phrase[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = phrase[start..].trim();
    let body = ["The ", "the ", "A ", "a ", "An ", "an "]
        .iter()
        .find_map(|d| clause.strip_prefix(d))?;
    let words: Vec<&str> = body.split_whitespace().collect();
    let last = words.last()?;
    let role_head = lexicon::lower_flags(last).has(Flag::RoleNoun);
    let plain = words.iter().all(|w| {
        let lower = lexicon::lower_flags(w);
        !lower.has(Flag::Determiner) && !lower.has(Flag::PlacePreposition) && !w.ends_with("'s")
    });
    (role_head && plain && words.len() <= 6).then(|| body.to_string())
}

/// "press secretary" right before a name, with the capitalised words before it ("White
/// House"): lower-case words of a role, ending in a role noun.
fn role_in_lower_case(before: &str) -> Option<String> {
    let line = before.rsplit('\n').next().unwrap_or("");
    let before = &before[before.len() - line.len()..];
    let words: Vec<&str> = before.rsplit(' ').take(6).collect();
    let head = *words.first()?;
    if !head.starts_with(char::is_lowercase) || !lexicon::flags(head).has(Flag::RoleNoun) {
        return None;
    }
    let is_part = |w: &&str| {
        let in_role =
            lexicon::flags(w).has(Flag::RoleNoun) || lexicon::flags(w).has(Flag::RoleModifier);
        // "U.S." but not "Committee." ending a sentence; "New" but not "The".
        let letters = w.chars().all(|c| c.is_alphabetic() || c == '-');
        let capitalised = w.starts_with(char::is_uppercase)
            && (letters || is_dotted_abbreviation(w))
            && !matches!(*w, "The" | "A" | "An");
        in_role || capitalised
    };
    let mut count = words.iter().take_while(|w| is_part(w)).count();
    // "As press secretary Ada Okafor …": an ordinary word opening the sentence before a
    // word in lower case is no part ("White House", "New York" are).
    let opens_sentence = count == words.len() || words[count].ends_with(['.', ':', '—']);
    if count > 1
        && opens_sentence
        && words[count - 2].starts_with(char::is_lowercase)
        && lexicon::lower_flags(words[count - 1]).has(Flag::CommonWord)
    {
        let opener = lexicon::lower_flags(words[count - 1]);
        if !opener.has(Flag::RoleModifier) && !opener.has(Flag::RoleNoun) {
            count -= 1;
        }
    }
    let start = before.len() + 1 - words[..count].iter().map(|w| w.len() + 1).sum::<usize>();
    Some(before[start..].to_string())
}

/// Whether the words around a name make it a speaker: a reporting verb next to it,
/// or an introducing colon at a paragraph's end.
fn speaks(text: &str, name: Span, run_start: usize) -> bool {
    let after = &text[name.end..];
    let next_word = after
        .trim_start_matches([' ', ','])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let prev_word = word_before(text, run_start);
    let verbs = lexicon::reporting_verbs();
    let colon_intro = after.starts_with(':')
        && after[1..]
            .trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r']);
    colon_intro
        || verbs.contains_key(next_word)
        || (verbs.get(prev_word).is_some() && text[..run_start].trim_end().ends_with(prev_word))
}
