//! Sourcing: attributions, their sources, and whether each source is on the record.
//!
//! Each sentence is read for cues (reporting verbs, "according to", "declined to comment",
//! an introducing colon); the source is the noun phrase the cue points to, and its kind
//! follows from the phrase's head and the people found in it.

mod classify;
mod cues;
pub mod hearsay;
mod matches;
mod phrase;
mod reason;
pub mod relay;
mod sentence;

use super::lexicon::{self, Flag};
use super::text::chars::{ceil_boundary, floor_boundary, DASHES};
use super::text::sentences;
use super::text::tokens::{is_all_caps, letter_words, word_after, word_before};
use super::text::{Lower, LowerText};
use super::{Person, Source, SourceKind};
use crate::annotate::text::quotes::Quotes;
use crate::article::Article;
use crate::span::Span;
use classify::{Classifier, Kinding, MentionIndex};
pub use cues::CueIndex;
use cues::{within, CueMatches};
use matches::TextMatches;
use phrase::{noun_phrase_after, subject_before};
use reason::{anonymity_reason, Reasons};
use sentence::Sentence;

/// An attribution before it is numbered.
struct Found {
    source: Span,
    cue: Span,
    declined: bool,
    content: Option<Span>,
    /// A clause set off by commas beside the source ("…, who asked not to be identified,").
    aside: Option<Span>,
    /// What a relative pronoun source stands for ("the mayor, who said"): its kind is the
    /// antecedent's, while the span stays on the pronoun.
    antecedent: Option<Span>,
    /// Its cue is a citation ("according to"), naming the source after it.
    cited: bool,
}

impl Found {
    /// An attribution with no aside and no refusal.
    fn plain(source: Span, cue: Span, content: Option<Span>) -> Found {
        Found {
            source,
            cue,
            declined: false,
            content,
            aside: None,
            antecedent: None,
            cited: false,
        }
    }
}

/// The attributions of `article`; `lower` is its text lower-cased, where the cue lists
/// are searched.
pub fn find_sources(article: &Article, people: &[Person], lower: &LowerText) -> Vec<Source> {
    find_sources_with(article, people, &CueIndex::new(&article.text, lower))
}

/// [`find_sources`] with the article's cue phrases, which may have been searched already
/// (see [`crate::annotate::annotate`]).
pub fn find_sources_with(article: &Article, people: &[Person], cues: &CueIndex) -> Vec<Source> {
    let text = &article.text;
    let classifier = Classifier::new(text, people);
    let index = &classifier.index;
    let reader = Reader {
        text,
        people: index,
        citations: cues.citations(),
        cues,
    };
    let mut found = Vec::new();
    if let Some(title) = article.meta.title_span {
        reader.in_region(title, &Quotes::none(), &mut found);
    }
    let per_paragraph =
        super::by_paragraph::map_paragraphs(text.len(), &article.paragraphs, |i, p| {
            let quotes = Quotes::of(text, article, i);
            let mut found = Vec::new();
            reader.in_region(p.span, &quotes, &mut found);
            found.extend(colon_introduction(text, article, i));
            found
        });
    found.extend(per_paragraph.into_iter().flatten());
    found.sort_by_key(|f| (f.source.start, f.cue.start));
    // One source phrase is one attribution, even when two verbs share it
    // ("Spicer said … and added …"), or the second verb takes only part of it ("Mayor Ada
    // Kim said … Ada Kim also noted"); the first cue stands for it.
    found.dedup_by(|b, a| {
        let same = a.source.overlaps(b.source);
        if same {
            a.declined |= b.declined;
            a.content = a.content.or(b.content);
        }
        same
    });
    let mut out: Vec<Source> = Vec::new();
    let reasons = Reasons::new(cues.anonymity());
    for f in found {
        let kinding = classifier.classify(f.antecedent.unwrap_or(f.source), f.cited, &out);
        if draws_an_inference(text, &f, &kinding) {
            continue;
        }
        out.push(to_source(text, article, f, kinding, &reasons));
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
    }
    relay::link_relayed(&mut out);
    out
}

/// "The trip suggests that …", "It shows that …", "which often indicates whether …": a
/// verb of inference ("suggest", "show", "indicate") whose subject is a thing no rule
/// knows as a speaker or a document is the writer's reading of evidence, no source.
/// People, groups, organisations, outlets and papers ("Polls show", "the filing
/// suggests") stay sources.
fn draws_an_inference(text: &str, f: &Found, kinding: &Kinding) -> bool {
    let cue = Lower::of(f.cue.slice(text));
    let inference = lexicon::reporting_verbs()
        .get(cue.as_str())
        .is_some_and(|v| lexicon::flags(v.base).has(Flag::InferenceVerb));
    if !inference || f.cited {
        return false;
    }
    let source = Lower::of(f.source.slice(text));
    // "which" stands for its antecedent, which is what was classified.
    let thing_pronoun =
        f.antecedent.is_none() && matches!(source.as_str(), "it" | "this" | "that" | "which");
    // "a young woman who suggested …", "they've suggested": a person.
    let first = source.split([' ', '’', '\'']).next().unwrap_or("");
    let person = matches!(first, "who" | "whom")
        || lexicon::flags(first).has(Flag::SubjectPronoun) && !thing_pronoun;
    thing_pronoun
        || !person && kinding.guessed && names_a_thing(text, f.antecedent.unwrap_or(f.source))
}

/// "The trip", "that disproportionate impact": a phrase whose head is one lower-case
/// thing, not a plural nor a word of the lists of people, groups or papers.
fn names_a_thing(text: &str, phrase: Span) -> bool {
    let head = classify::head_word(text, phrase).slice(text);
    let flags = lexicon::lower_flags(head);
    let listed = [
        Flag::AnonymousNoun,
        Flag::OrgNoun,
        Flag::SpokesNoun,
        Flag::StaffNoun,
        Flag::DocumentNoun,
        Flag::Partitive,
        Flag::SubjectPronoun,
    ]
    .iter()
    .any(|&flag| flags.has(flag));
    // "twelve percent": a share of people. "a number of writers", "a body of work": a
    // head whose "of" says what it is made of.
    let share = head.eq_ignore_ascii_case("percent");
    let of_what = phrase.slice(text).contains(" of ");
    head.starts_with(char::is_lowercase) && !head.ends_with('s') && !listed && !share && !of_what
}

/// Whether the content is a quotation: it opens right after a quotation mark and closes
/// at one. Words quoted inside a paraphrase ("said the plan was “dead”") are not.
fn is_direct_quote(text: &str, content: Span) -> bool {
    let opens =
        text[..content.start].ends_with(['“', '"', '‘']) || text[..content.start].ends_with("''");
    let after = text[content.end..].trim_start_matches([',', '.', '?', '!', ' ']);
    opens && after.starts_with(['”', '"', '’', '\''])
}

fn to_source(text: &str, article: &Article, f: Found, k: Kinding, reasons: &Reasons) -> Source {
    let mut span = k.span.unwrap_or(f.source);
    let mut kind = k.kind;
    let reason = if kind == SourceKind::Anonymous || k.staff {
        anonymity_reason(text, &mut span, f.aside, f.cue, reasons)
    } else {
        None
    };
    // Staff who are granted anonymity speak for themselves, not for their employer.
    if k.staff && reason.is_some() {
        kind = SourceKind::Anonymous;
    }
    // An empty content says nothing: the source has none.
    let said = f.content.filter(|c| !c.is_empty());
    let content = said.map(|c| bounded_content(text, c));
    Source {
        id: String::new(),
        span,
        kind,
        belief: reports_belief(text, f.cue),
        declined: f.declined,
        no_response: f.declined && lexicon::no_response_cues().is_match(f.cue.slice(text)),
        direct: said.is_some_and(|c| is_direct_quote(text, c)),
        relayed_by: None,
        counted_kind: kind,
        reason,
        person: k.person,
        cue: f.cue,
        content,
        paragraph: article.paragraph_of(span.start),
        corrected: false,
    }
}

/// The most text a content covers. The longest content of some nine thousand found in
/// news articles is 1.2 KB; in a run-on text of cues ("A said that B said that …") each
/// content would otherwise run to the end of the sentence, and the exports, which give
/// each content's text, grow with the square of its length.
const MAX_CONTENT_BYTES: usize = 2048;

/// The content, cut after its last sentence (else word) that ends within
/// [`MAX_CONTENT_BYTES`] when it is longer.
fn bounded_content(text: &str, content: Span) -> Span {
    if content.len() <= MAX_CONTENT_BYTES {
        return content;
    }
    let body = content.slice(text);
    let head = &body[..floor_boundary(body, MAX_CONTENT_BYTES)];
    let end = head
        .rfind(". ")
        .map(|i| i + 1)
        .or_else(|| head.rfind(' '))
        .filter(|&i| i > 0)
        .unwrap_or(head.len());
    Span::new(content.start, content.start + end).trim(text)
}

/// Beliefs no source states: one after another cue of the same sentence, or inside what
/// another source said ("her aide said that she believes …"), is that source's report; one in
/// a question or a relative clause ("asked if he believed", "what he believes", "a plan
/// that she hopes will pass") tells of no belief held. The writer's own ("I believe", "we
/// believe") is the piece's opinion, not a source's.
fn drop_unstated_beliefs(text: &str, found: &mut Vec<Found>) {
    let said: Vec<(Span, Option<Span>)> = found
        .iter()
        .filter(|f| !reports_belief(text, f.cue))
        .map(|f| (f.cue, f.content))
        .collect();
    if said.len() == found.len() {
        return;
    }
    // The first cue's end, and the contents by start with the furthest end so far: a cue
    // lies in some content exactly when the last content starting before it reaches past it.
    let first_cue_end = said
        .iter()
        .map(|(cue, _)| cue.end)
        .min()
        .unwrap_or(usize::MAX);
    let mut contents: Vec<Span> = said.iter().filter_map(|(_, c)| *c).collect();
    contents.sort_by_key(|c| c.start);
    let furthest: Vec<usize> = contents
        .iter()
        .scan(0, |end, c| {
            *end = (*end).max(c.end);
            Some(*end)
        })
        .collect();
    found.retain(|f| {
        let k = contents.partition_point(|c| c.start <= f.cue.start);
        let in_content = k > 0 && furthest[k - 1] >= f.cue.end;
        let relayed = first_cue_end <= f.source.start || in_content;
        let writer = matches!(f.source.slice(text), "I" | "We" | "we");
        !reports_belief(text, f.cue) || !relayed && !writer && !in_embedded_clause(text, f.source)
    });
}

/// Whether the word before a subject opens a question or relative clause ("if", "what").
fn in_embedded_clause(text: &str, subject: Span) -> bool {
    let word = word_before(text, subject.start);
    let flags = lexicon::lower_flags(word);
    flags.has(Flag::RelativeMarker)
        || flags.has(Flag::ClauseWord)
        || word.eq_ignore_ascii_case("if")
}

/// Whether a cue is a verb of belief or intention ("believes", "hopes").
fn reports_belief(text: &str, cue: Span) -> bool {
    lexicon::reporting_verbs()
        .get(Lower::of(cue.slice(text)).as_str())
        .is_some_and(|v| v.belief)
}

/// What the rules of every paragraph share: the article's text, its people and where
/// its cue phrases are.
struct Reader<'a> {
    text: &'a str,
    people: &'a MentionIndex,
    citations: &'a TextMatches<'a>,
    cues: &'a CueIndex<'a>,
}

impl Reader<'_> {
    /// The attributions of one paragraph (or the title), sentence by sentence.
    fn in_region(&self, region: Span, quotes: &Quotes, found: &mut Vec<Found>) {
        let text = self.text;
        let spans = sentences(text, region);
        let cues = CueMatches::of(self.cues, region, &spans);
        for span in spans {
            let sentence = Sentence::new(span, quotes, self.citations);
            found.extend(in_sentence(text, &sentence, &cues, self.people));
        }
    }
}

fn in_sentence(text: &str, ctx: &Sentence, cues: &CueMatches, people: &MentionIndex) -> Vec<Found> {
    let sentence = ctx.span;
    let quotes = ctx.quotes;
    let mut out = Vec::new();
    let mut taken = Taken::default();
    within(&cues.anonymity, sentence)
        .iter()
        .for_each(|&cue| taken.push(cue));
    let words = letter_words(text, sentence);
    let subject_cues = [(&cues.declined, true), (&cues.phrase, false)];
    for (list, declined) in subject_cues {
        for &cue in within(list, sentence) {
            if quotes.inside(cue.start) || taken.overlaps(cue) || before_participle(text, cue) {
                continue;
            }
            if let Some(pronoun) = relative_before_phrase(text, &words, cue) {
                let content = (!declined).then(|| content_for(text, ctx, pronoun, cue));
                out.push(Found {
                    antecedent: antecedent_before(text, sentence, pronoun.start),
                    declined,
                    ..Found::plain(pronoun, cue, content.flatten())
                });
                taken.push(cue);
                continue;
            }
            if let Some((source, aside)) = subject_before(text, ctx, cue.start) {
                let content = if declined {
                    None
                } else {
                    content_for(text, ctx, source, cue)
                };
                out.push(Found {
                    source,
                    cue,
                    declined,
                    content,
                    aside,
                    antecedent: None,
                    cited: false,
                });
                taken.push(cue);
            }
        }
    }
    for &cue in within(&cues.citation, sentence) {
        if quotes.inside(cue.start) {
            continue;
        }
        if let Some(source) = noun_phrase_after(text, sentence, cue.end) {
            let content =
                clause_before(text, ctx, cue.start).or_else(|| rest_after(text, ctx, source.end));
            out.push(Found {
                cited: true,
                ..Found::plain(source, cue, content)
            });
            taken.push(cue);
        }
    }
    // Whether a finite reporting verb ("said") stood before the word at hand.
    let mut after_finite_cue = false;
    for (k, w) in words.iter().enumerate() {
        // Most words are no reporting verb: that one look-up settles them.
        if !lexicon::lower_flags(w.slice(text)).has(Flag::ReportingVerb) {
            continue;
        }
        let lower = Lower::of(w.slice(text));
        let Some(&verb) = lexicon::reporting_verbs().get(lower.as_str()) else {
            continue;
        };
        let earlier_cue = after_finite_cue;
        // A reporting verb already: finite unless it is the -ing form (see `is_finite_cue`).
        let finite = !lower.ends_with("ing");
        if taken.overlaps(*w) || quotes.inside(w.start) {
            after_finite_cue |= finite;
            continue;
        }
        let at = VerbAt {
            words: &words,
            k,
            verb,
            earlier_cue,
        };
        // A verb form used otherwise ("stood by her comments, saying …") has no subject of
        // its own to take the participle from the sentence's.
        if let Some(found) = verb_attribution(text, ctx, &at, people) {
            after_finite_cue |= finite;
            if !names_words_only(text, ctx.span, &found) {
                out.push(found);
            }
        }
    }
    drop_unstated_beliefs(text, &mut out);
    out
}

/// How many words after a verb are read for the verb of a bridge ("which he said on
/// Monday would pass").
const MAX_WORDS_TO_BRIDGE_VERB: usize = 6;

/// "the things that Kim has said.", "what he said this week", "a charge that the board
/// denied, …": the words spoken are the phrase the clause hangs on, so the verb points to
/// them and reports none. The subject stands after "what", "that", "which", "whom" or
/// "than", and the verb is followed by the clause's end, a preposition or a word of time
/// with no verb of its own to come ("which he said on Monday would pass" reports).
fn names_words_only(text: &str, sentence: Span, found: &Found) -> bool {
    let (source, cue) = (found.source, found.cue);
    if found.cited || found.declined || source.end > cue.start {
        return false;
    }
    let before = text[sentence.start..source.start].trim_end();
    let hangs_on = Lower::of(word_before(text, source.start));
    let hangs = matches!(
        hangs_on.as_str(),
        "what" | "whatever" | "that" | "which" | "whom" | "than"
    ) && before.ends_with(char::is_alphabetic);
    // "a call in which organizers claimed …": what the clause hangs on is no object.
    let after_preposition = || {
        let head = &before[..before.len() - hangs_on.len()];
        lexicon::lower_flags(word_before(text, sentence.start + head.len()))
            .has(Flag::AdverbialOpener)
    };
    if !hangs || after_preposition() {
        return false;
    }
    let after = text[cue.end..sentence.end].trim_start();
    // "To which she said, “…”", "what his aides have said: …": words follow.
    let quoted = after.trim_start_matches([',', ' ']);
    if quoted.starts_with([':', '“', '"']) || quoted.starts_with("''") {
        return false;
    }
    let phrase_end = after
        .find([',', ';', '.', ':', '“', '"', '(', ')', '—', '?', '!'])
        .unwrap_or(after.len());
    // "reports that Lee said in a call from the scene that his …": a later "that" opens
    // what was said.
    if after[..phrase_end].contains(" that ") {
        return false;
    }
    let mut words = after[..phrase_end].split_whitespace();
    let Some(next) = words.next() else {
        // The clause ends at the verb, or a comma or a dash sets off what follows.
        return !after.starts_with(['(', '“', '"']);
    };
    let next_flags = lexicon::lower_flags(next);
    // "which analysts estimated to cost $10 billion": an infinitive says what was said.
    let infinitive = next.eq_ignore_ascii_case("to")
        && after[..phrase_end]
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| {
                let flags = lexicon::lower_flags(w);
                w.starts_with(char::is_lowercase)
                    && !flags.has(Flag::Determiner)
                    && !flags.has(Flag::SubjectPronoun)
            });
    if infinitive {
        return false;
    }
    let object_or_time = next_flags.has(Flag::NoStatementAfter)
        || next_flags.has(Flag::AdverbialOpener)
        || next_flags.has(Flag::TimeOpener)
        || next_flags.has(Flag::DayWord)
        || phrase::is_adverb(next);
    let bridge = std::iter::once(next)
        .chain(words)
        .take(MAX_WORDS_TO_BRIDGE_VERB)
        .any(|w| {
            let flags = lexicon::lower_flags(w);
            flags.has(Flag::Auxiliary) || flags.has(Flag::Finite) || flags.has(Flag::Be)
        });
    object_or_time && !bridge && !that_after_short_phrase(after)
}

/// "issued a statement saying …": a reporting participle right after a phrase cue is the
/// cue, and its content follows it (see the participle rule of `verb_attribution`).
fn before_participle(text: &str, cue: Span) -> bool {
    let next = word_after(text, cue.end);
    lexicon::lower_flags(next).has(Flag::ReportingVerb) && Lower::of(next).ends_with("ing")
}

/// The cues of one sentence that an attribution stands on already, which no other may
/// use. Looked up by position, since a sentence may hold thousands of cues and each
/// word is checked against them.
#[derive(Default)]
struct Taken {
    /// Start → the furthest end of a cue starting there.
    ends: std::collections::BTreeMap<usize, usize>,
    longest: usize,
}

impl Taken {
    fn push(&mut self, cue: Span) {
        let end = self.ends.entry(cue.start).or_insert(cue.end);
        *end = (*end).max(cue.end);
        self.longest = self.longest.max(cue.len());
    }

    /// Whether a cue overlaps `span`: only one starting at most `longest` bytes before it can.
    fn overlaps(&self, span: Span) -> bool {
        let from = span.start.saturating_sub(self.longest);
        self.ends
            .range(from..span.end)
            .any(|(_, &end)| span.start < end)
    }
}

/// A reporting verb in its sentence: the sentence's words, its index among them, and
/// whether a finite reporting verb stands before it.
struct VerbAt<'w> {
    words: &'w [Span],
    k: usize,
    verb: lexicon::Verb,
    earlier_cue: bool,
}

fn verb_attribution(
    text: &str,
    ctx: &Sentence,
    at: &VerbAt,
    people: &MentionIndex,
) -> Option<Found> {
    let (words, k, verb) = (at.words, at.k, at.verb);
    let (sentence, quotes) = (ctx.span, ctx.quotes);
    let w = words[k];
    let word = w.slice(text);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // Mid-sentence capitals are names ("Post"), except in headline-style text ("Graham Says").
    // "self-described", "so-called", "long-rumored": a verb inside a compound is no verb.
    let compound = text[w.end..].starts_with('-') || text[..w.start].ends_with('-');
    if compound || capitalised && k > 0 && !ctx.is_title_case(text) {
        return None;
    }
    let lower = Lower::of(word);
    // The word before, unless punctuation stands between: in "“I like her,” said Lee" or
    // "“That is,” said Lee", a quote closes before the verb, and the word inside it is no
    // determiner or auxiliary of the verb (a number between is read past: "a 2010 recall").
    let prev_word = k
        .checked_sub(1)
        .map(|j| words[j])
        .filter(|p| {
            !text[p.end..w.start]
                .contains(|c: char| c.is_ascii_punctuation() || "“”‘’—".contains(c))
        })
        .map(|p| p.slice(text))
        .unwrap_or_default();
    let prev = Lower::of(prev_word);
    let introduces = introduces_clause(&text[w.end..sentence.end]);
    let next_word = |i: usize| words.get(k + i).map_or("", |n| n.slice(text));
    let people_say = some_people(&prev, &lower, verb, next_word(1));
    // "“…,” claims the mayor", "…, reports the Ledger": after a comma or a closing quote and
    // before a phrase that names, a noun-like form is the inverted verb.
    let inverted =
        k > 0 && lower != verb.base && after_comma(&text[..w.start]) && opens_name(next_word(1));
    let verb_after = people.ends_at(w.start) || inverted;
    // "…, the contracts show.", "…, they found.": a subject and a verb closing the sentence
    // after a comma report what the sentence said, as "that" after the verb would.
    // A noun-like form ("states", "comments") there is a noun as often as not.
    let closes = closes_sentence_after_comma(text, sentence, words, k)
        && !(verb.noun_like && (lower == verb.base || lower.ends_with('s')));
    // "The city states on its website that …": a short phrase opening with a preposition
    // may stand before the "that".
    let phrase_then_that = lexicon::lower_flags(next_word(1)).has(Flag::AdverbialOpener)
        && that_after_short_phrase(&text[w.end..sentence.end]);
    let introduces = introduces || closes || phrase_then_that;
    // "“…,” reads the release": a verb that needs a clause after it may close a quote.
    let after_quote = inverted && text[..w.start].trim_end().ends_with(['”', '"']);
    if verb.needs_that && !introduces && !after_quote
        || !people_say && is_noun_use(&lower, verb, prev_word, introduces, verb_after)
        || after_superlative(text, words, k, &prev)
        || counted_plural(&text[..w.start], &lower, verb)
        || verb.noun_like && !introduces && modified_by_acronym(text, words, k, prev_word)
        || is_other_sense(&lower, verb, next_word(1), next_word(2))
        || verb.base == "add" && adds_a_thing(text, sentence, w, next_word(1), inverted)
    {
        return None;
    }
    let ing = lower.ends_with("ing");
    let prev_flags = lexicon::flags(&prev);
    let contracted = contracted_subject(&prev, ing);
    let progressive = ing && (prev_flags.has(Flag::Progressive) || contracted);
    // "…, saying", "began by saying", "issued a statement saying": a participial clause.
    // After "by" only words, not acts ("broke his silence by asking questions").
    let by_saying = prev.as_str() == "by" && (introduces || matches!(verb.base, "say" | "tell"));
    let participle = ing
        && (after_comma_or_dash(&text[..w.start])
            || by_saying
            || prev_flags.has(Flag::DocumentNoun));
    let relative_pronoun = relative_pronoun_before(text, words, k);
    // "it's said", "we're told", and "she's said to be …", "he's told to leave".
    let contracted_be_to =
        (prev.ends_with("'s") || prev.ends_with("’s")) && next_word(1).eq_ignore_ascii_case("to");
    let passive =
        !ing && (prev_flags.has(Flag::Be) || is_contracted_passive(&prev) || contracted_be_to);
    let after_determiner = prev_flags.has(Flag::Determiner) && !people_say;
    if let Some(pronoun) = relative_pronoun.filter(|_| !ing && !passive) {
        return relative_attribution(text, ctx, words, pronoun, k);
    }
    if ing && !progressive && !participle {
        return with_participle(text, ctx, words, k);
    }
    if passive
        || relative_pronoun.is_some()
        || after_determiner
        || prev_flags.has(Flag::NonFiniteMarker)
    {
        return None;
    }
    let cue = w;
    // "X bemoaned … and said": a finite verb coordinated with the sentence's first one.
    let head = text[sentence.start..w.start].trim_end();
    // "… and on Monday announced", "… but now said": a time phrase or an adverb may stand
    // between.
    let head = head[..head.len() - phrase::trailing_time_len(head)].trim_end();
    let (head, group_has_be) = without_verb_group(head);
    // "… and were then told to leave" is a passive.
    let passive_group = group_has_be && !ing;
    let coordinated =
        (head.ends_with(" and") || head.ends_with(" but")) && lower != verb.base && !passive_group;
    if participle && lexicon::flags(verb.base).has(Flag::InferenceVerb) {
        return None;
    }
    if participle || coordinated {
        // "…, saying that …" and "X bemoaned … and said …": the sentence's subject speaks,
        // unless an earlier verb has its own ("…, Lee said, adding"), found with it.
        if participle && at.earlier_cue {
            return None;
        }
        // "In a release announcing …, Lee said": a verb before the subject is the
        // opening phrase's, not its.
        let source = sentence_subject(text, ctx, words, people).filter(|s| s.end < cue.start)?;
        let content = rest_after(text, ctx, cue.end);
        return Some(Found::plain(source, cue, content));
    }
    let before = text[sentence.start..cue.start].trim_end();
    // "“…,” said Sean Spicer" and "…, said Mr. Barrett": the source follows the verb.
    let inverted = || {
        let source =
            noun_phrase_after(text, sentence, cue.end).filter(|s| names_a_source(text, *s))?;
        let content = quotes
            .nearest_before(cue.start)
            .or_else(|| clause_before(text, ctx, cue.start));
        Some(Found::plain(source, cue, content))
    };
    if before.is_empty() || ends_with_quote(before) {
        if let Some(found) = inverted() {
            return Some(found);
        }
    }
    // "Even as the race moves on, it will be tight, said Dan Gerstein, an analyst": after
    // a comma, a person's name right after the verb, closing its clause, is the source,
    // whatever stands before the comma.
    if !ing && after_comma(before) && name_closes_clause(text, people, sentence, cue.end) {
        if let Some(found) = inverted() {
            return Some(found);
        }
    }
    // "He's telling", "All I'm asking": the pronoun the auxiliary is contracted onto is
    // the subject, whatever stands before it; not one no rule takes for a source ("you"),
    // nor one inside what an earlier verb reports ("Lee said she's telling everyone").
    if contracted {
        let source = bare_pronoun(text, words[k - 1]);
        let not_source = lexicon::lower_flags(source.slice(text)).has(Flag::NotSource);
        if not_source || at.earlier_cue {
            return None;
        }
        let content = content_for(text, ctx, source, cue);
        return Some(Found::plain(source, cue, content));
    }
    let subject_end = if progressive {
        words[k - 1].start
    } else {
        cue.start
    };
    // "a plan some say is reckless": "some" is the whole subject, whatever stands before.
    let of_some = k >= 2 && words[k - 2].slice(text).eq_ignore_ascii_case("of");
    if people_say && !of_some {
        let source = words[k - 1];
        let content = content_for(text, ctx, source, cue);
        return Some(Found::plain(source, cue, content));
    }
    match subject_before(text, ctx, subject_end) {
        Some((source, aside)) => {
            let content = content_for(text, ctx, source, cue);
            Some(Found {
                source,
                cue,
                declined: false,
                content,
                aside,
                antecedent: None,
                cited: false,
            })
        }
        // "Costs will rise for most families, said Okonkwo."
        None if before.ends_with(',') => inverted(),
        // "…was the second time NADRA said": a name right before the verb.
        None => {
            let source = trailing_name(text, sentence, subject_end)?;
            let content = content_for(text, ctx, source, cue);
            Some(Found::plain(source, cue, content))
        }
    }
}

/// Whether a person's name follows `at` (past spaces) and ends at a comma, a semicolon or
/// the sentence's end.
fn name_closes_clause(text: &str, people: &MentionIndex, sentence: Span, at: usize) -> bool {
    let gap = text[at..].len() - text[at..].trim_start().len();
    let Some(name) = people.first_from(at).filter(|m| m.start == at + gap) else {
        return false;
    };
    let after = text[name.end..sentence.end].trim_start();
    after.is_empty() || after.starts_with([',', ';']) || after == "."
}

/// How many words may stand between "with" and a participle it introduces.
const MAX_WITH_SUBJECT_WORDS: usize = 6;

/// "…, with 40 percent of voters saying they …": the phrase between "with" and the
/// participle is its source.
fn with_participle(text: &str, ctx: &Sentence, words: &[Span], k: usize) -> Option<Found> {
    let from = k.saturating_sub(MAX_WITH_SUBJECT_WORDS + 1);
    let with = (from..k.saturating_sub(1))
        .rev()
        .find(|&i| words[i].slice(text).eq_ignore_ascii_case("with"))?;
    // From right after "with", so that a number ("with 30 percent") stays in the phrase.
    let source = Span::new(words[with].end, words[k - 1].end).trim(text);
    let phrase = source.slice(text);
    let nominal = words[with + 1..k].iter().all(|w| {
        let lower = Lower::of(w.slice(text));
        let flags = lexicon::flags(&lower);
        let verb_like = flags.has(Flag::Auxiliary) || flags.has(Flag::Be);
        let opener = flags.has(Flag::ClauseWord)
            || flags.has(Flag::AdverbialOpener)
            || lexicon::clause_openers().is_match(&lower);
        !verb_like && !opener && !flags.has(Flag::ReportingVerb)
    });
    let cue = words[k];
    // "with all precincts reporting.": a participle with nothing after it reports nothing.
    let says_something = text[cue.end..]
        .chars()
        .next()
        .is_some_and(char::is_whitespace)
        && !text[cue.end..].trim_start().starts_with(['.', ',', ';']);
    let adjacent = text[words[k - 1].end..cue.start].trim().is_empty();
    // "with a telling photo": after a determiner the participle is an adjective.
    let adjective = lexicon::lower_flags(words[k - 1].slice(text)).has(Flag::Determiner);
    if !nominal
        || adjective
        || !adjacent
        || !says_something
        || phrase.contains([',', ';', '“', '"', '(', '—'])
    {
        return None;
    }
    // The "with" phrase is an aside: what it says ends at the next comma.
    let content = rest_after(text, ctx, cue.end).map(|c| {
        let end = ctx.first_comma(text, c).unwrap_or(c.end);
        Span::new(c.start, end)
    });
    Some(Found::plain(source, cue, content))
}

/// "the mayor, who said …", "a group which reported …", "many of whom say …": the relative
/// pronoun (with "many of" before "whom") is the source, standing for the phrase before it.
fn relative_attribution(
    text: &str,
    ctx: &Sentence,
    words: &[Span],
    p: usize,
    k: usize,
) -> Option<Found> {
    let pronoun = words[p];
    let lower = Lower::of(pronoun.slice(text));
    let of_whom =
        lower.as_str() == "whom" && p >= 2 && words[p - 1].slice(text).eq_ignore_ascii_case("of");
    let source = if of_whom {
        Span::new(words[p - 2].start, pronoun.end)
    } else if matches!(lower.as_str(), "that" | "whom") {
        // "the rule that says …" speaks of a thing far more often than of a speaker.
        return None;
    } else {
        bare_pronoun(text, pronoun)
    };
    let cue = words[k];
    let next = words.get(k + 1).map(|w| Lower::of(w.slice(text)));
    // "who asked about finances" reports nothing; "who said at one point that …" does.
    let object = next.is_some_and(|n| lexicon::flags(&n).has(Flag::NoStatementAfter));
    if object && !that_after_short_phrase(&text[cue.end..ctx.span.end]) {
        return None;
    }
    let antecedent = antecedent_before(text, ctx.span, source.start);
    let content =
        content_for(text, ctx, source, cue).map(|c| before_main_predicate(text, ctx, source, c));
    Some(Found {
        antecedent,
        ..Found::plain(source, cue, content)
    })
}

/// "The mayor, who has denied it, said …": a relative clause set off by commas ends at
/// the comma before the main clause's verb, and so does what it reports.
fn before_main_predicate(text: &str, ctx: &Sentence, pronoun: Span, content: Span) -> Span {
    if !text[ctx.span.start..pronoun.start]
        .trim_end()
        .ends_with(',')
    {
        return content;
    }
    let comma = content
        .slice(text)
        .match_indices(',')
        .map(|(i, _)| content.start + i)
        .find(|&i| !ctx.quotes.inside(i));
    let Some(comma) = comma else {
        return content;
    };
    let next = text[comma + 1..].split_whitespace().next().unwrap_or("");
    let flags = lexicon::lower_flags(next);
    let verb = next.chars().next().is_some_and(char::is_lowercase)
        && (phrase::is_past_form(next, flags)
            || flags.has(Flag::ReportingVerb)
            || flags.has(Flag::Finite));
    match verb {
        true => Span::new(content.start, comma),
        false => content,
    }
}

/// How many words may stand between a relative pronoun and its verb ("who has long said").
const MAX_WORDS_AFTER_RELATIVE: usize = 2;

/// The index of the relative pronoun whose clause the verb at `k` opens: right before it
/// ("the mayor, who said") or before words that stand between a subject and its verb
/// ("the paper, which first reported", "an aide who has long said"), with no punctuation
/// between.
fn relative_pronoun_before(text: &str, words: &[Span], k: usize) -> Option<usize> {
    let joined =
        |j: usize| !text[words[j].end..words[j + 1].start].contains(|c: char| !c.is_whitespace());
    let mut j = k.checked_sub(1)?;
    for _ in 0..=MAX_WORDS_AFTER_RELATIVE {
        if !joined(j) {
            return None;
        }
        let word = words[j].slice(text);
        if is_relative_pronoun(word) {
            return Some(j);
        }
        if !is_between_subject_and_verb(word) {
            return None;
        }
        j = j.checked_sub(1)?;
    }
    None
}

/// "who", "which", and their contracted forms ("who’ve", "who's").
fn is_relative_pronoun(word: &str) -> bool {
    lexicon::lower_flags(without_contraction(word)).has(Flag::RelativeBeforeVerb)
}

/// "has", "long", "originally": a word that may stand between a subject and its verb.
fn is_between_subject_and_verb(word: &str) -> bool {
    lexicon::lower_flags(word).has(Flag::TrailingSkip) || phrase::is_adverb(word)
}

/// A word without a contracted auxiliary on its end: "who’ve" → "who", "she's" → "she".
fn without_contraction(word: &str) -> &str {
    match word.split_once(['’', '\'']) {
        Some((head, "s" | "ve" | "d" | "ll" | "re" | "m")) => head,
        _ => word,
    }
}

/// "He's telling", "she’s said", "they're saying", "I've argued", "he'll tell you": a
/// subject pronoun (lower-cased) with the auxiliary of the verb after it contracted onto
/// it.
fn contracted_subject(lower: &str, ing: bool) -> bool {
    let (bare, auxiliary) = contraction_parts(lower);
    let be = auxiliary.ends_with('s') || auxiliary.ends_with("re") || auxiliary.ends_with('m');
    let subject = lexicon::flags(bare).has(Flag::SubjectPronoun);
    let form_fits = match ing {
        true => be,
        false => !is_contracted_passive(lower),
    };
    !auxiliary.is_empty() && subject && form_fits
}

/// "it's said", "we’re told", "they're reported": "is", "are" or "am" contracted onto a
/// pronoun before a past participle make a passive ("he's said" is "he has said").
fn is_contracted_passive(lower: &str) -> bool {
    let (_, auxiliary) = contraction_parts(lower);
    is_contracted_it_is(lower) || auxiliary.ends_with("re") || auxiliary.ends_with('m')
}

/// "it's", "it’s" (lower-cased): "it is" or "it has" contracted.
fn is_contracted_it_is(lower: &str) -> bool {
    matches!(contraction_parts(lower), ("it", auxiliary) if auxiliary.ends_with('s'))
}

/// A lower-cased word split before a contracted auxiliary: "she's" → ("she", "'s"), and
/// ("she", "") with none.
fn contraction_parts(lower: &str) -> (&str, &str) {
    let bare = without_contraction(lower);
    (bare, &lower[bare.len()..])
}

/// "Dana Ruiz, who declined to comment", "the firm, which did not respond": a relative
/// pronoun right before a cue phrase (an adverb or an auxiliary may stand between) is the
/// phrase's source. "that" is left out, as it is before a verb (see `relative_attribution`).
fn relative_before_phrase(text: &str, words: &[Span], cue: Span) -> Option<Span> {
    let k = words.partition_point(|w| w.start < cue.start);
    words.get(k)?;
    let pronoun = words[relative_pronoun_before(text, words, k)?];
    (!pronoun.slice(text).eq_ignore_ascii_case("that")).then(|| bare_pronoun(text, pronoun))
}

/// A pronoun's span without a contracted auxiliary: "who’ve" → "who".
fn bare_pronoun(text: &str, pronoun: Span) -> Span {
    let bare = without_contraction(pronoun.slice(text));
    Span::new(pronoun.start, pronoun.start + bare.len())
}

/// How many lower-case words may describe an antecedent between its determiner and noun.
const MAX_WORDS_BEFORE_NOUN: usize = 2;

/// The noun phrase right before a relative pronoun at `at`: from its determiner or its
/// first capitalised word, at most six words back ("the city's housing agency, which").
fn antecedent_before(text: &str, sentence: Span, at: usize) -> Option<Span> {
    let head = text[sentence.start..at].trim_end().trim_end_matches(',');
    let end = sentence.start + head.len();
    let mut word_end = head.len();
    let mut start = None;
    let (mut lower_case, mut common_noun) = (0, false);
    for (i, w) in head.rsplit(' ').take(6).enumerate() {
        let from = word_end - w.len();
        word_end = from.saturating_sub(1);
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() || i > 0 && w.ends_with([',', ';', ':']) {
            break;
        }
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        if lexicon::lower_flags(bare).has(Flag::Determiner) {
            start = Some(sentence.start + from);
            break;
        }
        if i == 0 {
            common_noun = !capitalised;
        } else if !capitalised {
            // "the embattled mayor, who": a word or two describing a common noun, when a
            // determiner opens them ("Jeb Bush, who" ends at its name).
            lower_case += 1;
            if !common_noun || lower_case > MAX_WORDS_BEFORE_NOUN {
                break;
            }
            continue;
        } else if lower_case > 0 {
            break;
        }
        start = Some(sentence.start + from);
    }
    start.map(|s| Span::new(s, end))
}

/// The capitalised words (at most four) standing right before `end`, when the clause
/// before them could not be read as a subject.
fn trailing_name(text: &str, sentence: Span, end: usize) -> Option<Span> {
    let head = text[sentence.start..end].trim_end();
    if head.ends_with(" I") {
        return None;
    }
    // Counted from the end, so a long sentence costs no more than a short one.
    let is_cap = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphanumeric() || ".-’'".contains(c))
    };
    let (mut caps, mut name) = (0, 0);
    let mut words = head.rsplit(' ');
    loop {
        match words.next() {
            Some(w) if is_cap(w) => {
                caps += 1;
                name += w.len() + usize::from(caps > 1);
                if caps > 4 {
                    return None;
                }
            }
            // Every word capitalised: no clause stands before the name.
            None => return None,
            Some(_) => break,
        }
    }
    if caps == 0 {
        return None;
    }
    let start = sentence.start + head.len() - name;
    Some(Span::new(start, sentence.start + head.len()))
}

/// Whether the word after a verb form shows a sense that reports nothing: a deal
/// ("agreed to"), a passive
/// ("a plan criticized by …"), a charge ("a man charged with …", "accused of …"), a sum
/// ("added to the cost", but not "added to Reuters"; "added 900 jobs" is checked apart, as
/// numbers are no letter words), a demand ("insisted on paying"), a dateline ("Lee
/// reported from Kabul").
fn is_other_sense(lower: &str, verb: lexicon::Verb, next_word: &str, after_next: &str) -> bool {
    let next = Lower::of(next_word);
    let participle = lower.ends_with("ed") || lower.ends_with("en");
    let lower_after = after_next.chars().next().is_some_and(char::is_lowercase);
    match (verb.base, next.as_str()) {
        // "responded by saying" is no passive.
        (_, "by") => participle && !after_next.ends_with("ing"),
        ("charge", "with") | ("accuse", "of") => participle,
        ("add", "to") => lower_after,
        // "insisted on paying the bill": a demand, no statement ("insisted on CNN that").
        ("insist", "on") => lower_after,
        // "agreed to pay": a deal, no statement.
        ("agree", "to") => true,
        ("report", "from") => true,
        _ => false,
    }
}

/// "added 900 jobs", "has added another facet to his job", "could add a new title": "add"
/// with a number or a determiner after it adds a thing. Not when the verb is inverted
/// ("“…,” added a local official") or a colon or a quote follows ("added a caveat: …").
fn adds_a_thing(text: &str, sentence: Span, verb: Span, next: &str, inverted: bool) -> bool {
    let rest = &text[verb.end..sentence.end];
    let number = rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let after_quote = ends_with_quote(text[sentence.start..verb.start].trim_end());
    let determiner = !(inverted || after_quote)
        && (lexicon::lower_flags(next).has(Flag::Determiner) && !next.eq_ignore_ascii_case("that")
            || next.eq_ignore_ascii_case("another"))
        && !rest.contains([':', '“', '"'])
        && !rest.contains("''");
    number || determiner
}

/// "…, saying", "… — adding": a comma or a dash before a participle sets it off.
fn after_comma_or_dash(before: &str) -> bool {
    let before = before.trim_end();
    before.ends_with(',') || DASHES.iter().any(|d| before.ends_with(d))
}

/// Whether the text before a word ends with a comma, or a comma and a closing quote mark.
fn after_comma(before: &str) -> bool {
    let before = before.trim_end();
    let unquoted = before.trim_end_matches(['”', '"', '’', '\'']);
    unquoted.ends_with(',') && before.len() - unquoted.len() <= '”'.len_utf8()
}

/// "the", "a", "its", "Lee": a word that opens a phrase naming someone or something.
fn opens_name(word: &str) -> bool {
    let lower = Lower::of(word);
    matches!(lower.as_str(), "the" | "a" | "an")
        || lexicon::flags(&lower).has(Flag::PossessivePronoun)
        || word.chars().next().is_some_and(char::is_uppercase)
}

/// "the greatest fear that I have seen", "his biggest claim": a superlative after a
/// determiner makes the word after it a noun, whatever follows.
fn after_superlative(text: &str, words: &[Span], k: usize, prev: &str) -> bool {
    let Some(stem) = prev.strip_suffix("est").filter(|s| s.len() >= 2) else {
        return false;
    };
    let opener = flags_two_before(text, words, k);
    let determiner = opener.has(Flag::Determiner) || opener.has(Flag::PossessivePronoun);
    let known = |w: &str| lexicon::flags(w).has(Flag::CommonWord);
    // "great-est", "larg(e)-est", "bigg-est", "happi-est".
    let undoubled =
        stem.len() >= 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
    let superlative = known(stem)
        || known(&format!("{stem}e"))
        || undoubled && known(&stem[..stem.len() - 1])
        || stem
            .strip_suffix('i')
            .is_some_and(|s| known(&format!("{s}y")));
    determiner && superlative
}

/// "nine states that vote", "12 reports: …": the -s form of a verb that is also a noun,
/// after a number of two or more, agrees with no subject; it is a plural noun.
fn counted_plural(before: &str, lower: &str, verb: lexicon::Verb) -> bool {
    if !(verb.noun_like && lower != verb.base && lower.ends_with('s')) {
        return false;
    }
    let number = before.trim_end().rsplit(' ').next().unwrap_or("");
    let digits = number.trim_start_matches(|c: char| !c.is_ascii_digit());
    let figure = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == ',')
        && digits != "1";
    let word = Lower::of(number);
    let counted = lexicon::flags(&word).has(Flag::Quantity)
        && !matches!(word.as_str(), "a" | "an" | "one" | "few");
    figure || counted
}

/// Whether a verb form is used as a noun here ("a report", "swing states").
fn is_noun_use(
    lower: &str,
    verb: lexicon::Verb,
    prev_word: &str,
    introduces: bool,
    after_name: bool,
) -> bool {
    let base = verb.base;
    let is_base_or_s = lower == base || lower == format!("{base}s") || lower == format!("{base}es");
    let prev = Lower::of(prev_word);
    // "Republican claims", "Sunshine state": a capital before a noun-like form is no subject
    // unless it ends a person's name or an acronym.
    let prev_flags = lexicon::flags(&prev);
    let after_subject =
        prev_flags.has(Flag::SubjectPronoun) || after_name || is_all_caps(prev_word);
    let after_possessive = prev.ends_with("’s") || prev.ends_with("'s");
    // "Russia's suspected role", "the mayor's stated aim": a participle after a possessive
    // is an adjective.
    let adjective = after_possessive && lower.ends_with("ed");
    adjective
        || is_base_or_s
            && (prev_flags.has(Flag::Determiner)
                || after_possessive
                || verb.noun_like && !introduces && !after_subject)
}

/// "the IMF report", "an FBI statement": a noun-like form after an acronym that a
/// determiner opens is a noun the acronym describes ("FBI reports" may be a verb).
fn modified_by_acronym(text: &str, words: &[Span], k: usize, prev_word: &str) -> bool {
    let determiner = flags_two_before(text, words, k).has(Flag::Determiner);
    determiner && prev_word.len() > 1 && is_all_caps(prev_word)
}

/// The lists of the word two before word `k` ("the" of "the IMF report"), lower-cased:
/// none at the sentence's start.
fn flags_two_before(text: &str, words: &[Span], k: usize) -> lexicon::Flags {
    k.checked_sub(2)
        .map(|j| lexicon::lower_flags(words[j].slice(text)))
        .unwrap_or_default()
}

/// The text before a verb without the adverbs and auxiliaries of the verb's group: "…
/// and has since", "… but also has", "… and is now" end in the conjunction without them.
/// Also whether a form of "be" was among them.
fn without_verb_group(head: &str) -> (&str, bool) {
    let in_group = |w: &str| {
        is_adverb_before_verb(w)
            || phrase::is_time_adverb(w)
            || lexicon::flags(w).has(Flag::Auxiliary)
    };
    let end = phrase::without_last_words(head, 0, head.len(), in_group);
    let be = head[end..]
        .split_whitespace()
        .any(|w| lexicon::flags(w).has(Flag::Be));
    (&head[..end], be)
}

/// "now", "also", "quickly": a lower-case adverb that may stand before a verb.
fn is_adverb_before_verb(word: &str) -> bool {
    let conjunction = matches!(word, "and" | "but" | "or" | "so" | "yet");
    let skipped = lexicon::flags(word).has(Flag::LeadingSkip) && !conjunction;
    phrase::is_adverb(word) || skipped && word.chars().all(char::is_lowercase)
}

/// "some say", "some argue", "some said": the determiner stands alone for people, and the
/// plain or past form of a verb with no noun sense is what they do ("some claims" and
/// "some report" stay nouns), the plain form unless a preposition follows ("some say in
/// the matter").
fn some_people(prev: &str, lower: &str, verb: lexicon::Verb, next: &str) -> bool {
    let plain = lower == verb.base;
    let past = !plain && !lower.ends_with('s') && !lower.ends_with("ing");
    if prev != "some" || !(plain || past) || verb.noun_like {
        return false;
    }
    if past {
        return true;
    }
    let preposition = lexicon::lower_flags(next).has(Flag::AdverbialOpener)
        || ["of", "over", "about", "to"].contains(&next);
    !preposition
}

/// A phrase after an inverted verb that can be its source: a name, a pronoun-free noun
/// phrase that is not a clause.
fn names_a_source(text: &str, span: Span) -> bool {
    let s = span.slice(text);
    let first = s.split_whitespace().next().unwrap_or("");
    let first_flags = lexicon::lower_flags(first);
    // "said spokesman Josh Ruiz", "said people familiar with the matter": a bare role or
    // group noun opens a source too.
    let nominal = first.chars().next().is_some_and(char::is_uppercase)
        || first_flags.has(Flag::NominalOpener)
        || first_flags.has(Flag::AnonymousNoun)
        || first_flags.has(Flag::SpokesNoun)
        || first.chars().next().is_some_and(|c| c.is_ascii_digit());
    let words: Vec<&str> = s.split_whitespace().collect();
    let time = first_flags.has(Flag::TimeOpener) || first_flags.has(Flag::DayWord);
    let negated = s.contains("n’t") || s.contains("n't") || s.contains(['“', '"']);
    // "said an aide who has worked for him": a verb inside a relative clause leaves the
    // phrase a noun phrase.
    let main_part = words
        .iter()
        .take_while(|w| !lexicon::lower_flags(w).has(Flag::RelativeMarker));
    (nominal || is_role_then_name(&words))
        && !time
        && !negated
        && main_part.clone().count() <= 12
        && !main_part
            .clone()
            .any(|w| lexicon::lower_flags(w).has(Flag::Auxiliary))
}

/// "said former mayor Ada Ruiz", "said pollster Ada Ruiz": a role in lower case (with
/// its modifiers) before a name that ends the phrase.
fn is_role_then_name(words: &[&str]) -> bool {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let Some(role_at) = words.iter().rposition(|w| !capitalised(w)) else {
        return false;
    };
    let modifier = |w: &&str| {
        let flags = lexicon::lower_flags(w);
        capitalised(w)
            || flags.has(Flag::CommonWord)
                && ![
                    Flag::Determiner,
                    Flag::AdverbialOpener,
                    Flag::ClauseWord,
                    Flag::Auxiliary,
                    Flag::Be,
                    Flag::SubjectPronoun,
                    Flag::PossessivePronoun,
                    Flag::TimeOpener,
                    Flag::TimeNoun,
                    Flag::DayWord,
                    Flag::RelativeMarker,
                    Flag::BadPhraseStart,
                    Flag::PlacePreposition,
                    Flag::EmployerPreposition,
                ]
                .iter()
                .any(|&f| flags.has(f))
    };
    let role = lexicon::lower_flags(words[role_at]);
    let is_role = [
        Flag::RoleNoun,
        Flag::Title,
        Flag::AnonymousNoun,
        Flag::SpokesNoun,
    ]
    .iter()
    .any(|&f| role.has(f));
    // "said former Rep. Ada Ruiz", "said former Harlow Gov. Ada Ruiz": or an honorific or
    // title stands among the capitalised words before the name's last.
    let titled = words[role_at + 1..].iter().rev().skip(1).any(|w| {
        let flags = lexicon::flags(w.trim_end_matches('.'));
        flags.has(Flag::Title) || flags.has(Flag::Honorific)
    });
    // "said retired neurosurgeon Ada Ruiz": a lower-case word no list holds (nor any word
    // list: "neurosurgeon") is a role as well, when a full name (two capitalised words or
    // more) follows it and it has no form of a verb or an adverb.
    let full_name = words.len() - role_at > 2;
    let unlisted_role = {
        let w = words[role_at];
        w.chars().all(char::is_lowercase)
            && !(w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing"))
            && (!role.has(Flag::CommonWord) || modifier(&w))
    };
    role_at + 1 < words.len()
        && (is_role && words[..role_at].iter().all(modifier)
            || titled && words[..=role_at].iter().all(modifier)
            || full_name && unlisted_role && words[..role_at].iter().all(modifier))
}

/// Whether a word is a finite form of a reporting verb ("said", "tells"), not a participle.
fn is_finite_cue(word: &str) -> bool {
    lexicon::lower_flags(word).has(Flag::ReportingVerb) && !Lower::of(word).ends_with("ing")
}

/// The subject a participial clause refers to: a person named near the start of the
/// sentence, a sentence-initial pronoun, or the words before the main verb, each read past
/// an opening adverbial ("During the rally on Monday, …", "Meanwhile, …").
fn sentence_subject(
    text: &str,
    ctx: &Sentence,
    words: &[Span],
    people: &MentionIndex,
) -> Option<Span> {
    let sentence = ctx.span;
    let from = subject_word(text, words)?;
    let first = words[from];
    if lexicon::flags(&capitalised(first.slice(text))).has(Flag::OpeningPronoun) {
        return Some(first);
    }
    if let Some(m) = people
        .first_from(first.start)
        .filter(|m| m.end <= sentence.end)
    {
        let lead = &text[first.start..m.start];
        // Counted no further than six words: a long lead is no subject, however long.
        let short = lead.split_whitespace().nth(5).is_none();
        // "Police arrested Ana Ruiz, saying …": a name after the verb is its object.
        let verb_before = || {
            lead.split_whitespace()
                .any(|w| w.ends_with("ed") && w.starts_with(char::is_lowercase))
        };
        if short && !verb_before() && !lead.contains([',', ';', '“', '"']) {
            return Some(m);
        }
    }
    // "“…,” Lee said, adding …": words in a quote are no subject.
    if ctx.quotes.inside(first.start) || sentence.slice(text).starts_with(['“', '"', '\'']) {
        return None;
    }
    words_before_main_verb(text, &words[from..])
}

/// How many words an opening adverbial before a subject may have.
const MAX_OPENER_WORDS: usize = 10;

/// How many words an opening subordinate clause may have ("When the plan was put to the
/// board last spring, …").
const MAX_SUBORDINATE_WORDS: usize = 30;

/// The index of the word a sentence's subject starts at: past an opening adverbial phrase
/// or subordinate clause closed by a comma ("In August,", "During the rally on Monday,",
/// "When the vote was called,", "Meanwhile,", "A week later,"), a leading conjunction
/// before either ("But"); at a subject pronoun after an adverbial without a comma ("In a
/// talk last week she …"); none when an adverbial opens with nothing to close it.
fn subject_word(text: &str, words: &[Span]) -> Option<usize> {
    // A loop, not a call on the rest: a run-on text of conjunctions ("and and and …")
    // would take a stack frame for each.
    let mut from = 0;
    loop {
        match opening(text, &words[from..]) {
            Opening::Conjunction => from += 1,
            Opening::SubjectAt(i) => return Some(from + i),
            Opening::NoSubject => return None,
        }
    }
}

/// How a sentence (or what follows its leading conjunctions) opens.
enum Opening {
    /// "But", "And": the sentence goes on as if it opened after the word.
    Conjunction,
    /// The subject starts at this word.
    SubjectAt(usize),
    /// An adverbial opens with nothing to close it, or there are no words.
    NoSubject,
}

/// See [`subject_word`]: its reading of one opening.
fn opening(text: &str, words: &[Span]) -> Opening {
    let Some(opener) = words.first() else {
        return Opening::NoSubject;
    };
    let lower = Lower::of(opener.slice(text));
    let flags = lexicon::flags(&lower);
    let subordinate = flags.has(Flag::Subordinator);
    if subordinate
        || flags.has(Flag::AdverbialOpener)
        || flags.has(Flag::TimeOpener)
        || lower.ends_with("ly")
    {
        let most = match subordinate {
            true => MAX_SUBORDINATE_WORDS,
            false => MAX_OPENER_WORDS,
        };
        let limit = words.len().min(most);
        let pronoun = |i: usize| {
            words.get(i).is_some_and(|w| {
                lexicon::flags(&capitalised(w.slice(text))).has(Flag::OpeningPronoun)
            })
        };
        let after_comma = |i: usize| ends_at_comma(text, words, i);
        if subordinate {
            // "When Lee, the mayor, was asked, she said": a comma inside the clause may
            // stand before the one that ends it, which a pronoun subject shows.
            let mut commas = (0..limit).filter(|&i| after_comma(i)).map(|i| i + 1);
            let first = commas.clone().next();
            return commas
                .find(|&i| pronoun(i))
                .or(first)
                .map_or(Opening::NoSubject, Opening::SubjectAt);
        }
        // Right after the opener a pronoun is a clause's own ("After he left, …");
        // further on, "he", "she" and "they" are the main clause's subject ("In a talk
        // last week she …").
        let end = (0..limit).find_map(|i| match after_comma(i) {
            _ if i >= 2 && pronoun(i) => Some(i),
            true => Some(i + 1),
            false => None,
        });
        return match end {
            Some(end) => Opening::SubjectAt(past_adverbial_parts(text, words, end, limit)),
            None => Opening::NoSubject,
        };
    }
    // "But a few days later, Lee …": the conjunction, then the sentence as if it opened there.
    if flags.has(Flag::LeadingSkip) && words.len() > 1 {
        return Opening::Conjunction;
    }
    // "A few days later, Lee …", "Two weeks ago, …": a time phrase set off by a comma.
    let comma = (0..words.len().min(MAX_OPENER_WORDS)).find(|&i| ends_at_comma(text, words, i));
    match comma {
        Some(i) if phrase::is_time_phrase(&text[opener.start..words[i].end]) => {
            Opening::SubjectAt(i + 1)
        }
        _ => Opening::SubjectAt(0),
    }
}

/// Whether a comma stands after word `i`, numbers and closing marks read past ("In 2016,").
fn ends_at_comma(text: &str, words: &[Span], i: usize) -> bool {
    let gap_end = words.get(i + 1).map_or(words[i].end, |w| w.start);
    text[words[i].end..gap_end].contains(',')
}

/// Past the further parts of an opening adverbial that a comma sets off, from the word
/// after its first comma (`at`): a place after a place ("At a rally in Ames, Iowa, on
/// Sunday, …") and a phrase of time or place opening with a preposition.
fn past_adverbial_parts(text: &str, words: &[Span], mut at: usize, limit: usize) -> usize {
    while at < limit {
        let Some(comma) = (at..limit).find(|&i| ends_at_comma(text, words, i)) else {
            break;
        };
        let part = &words[at..=comma];
        let first = lexicon::lower_flags(part[0].slice(text));
        let place = part.iter().all(|w| {
            let flags = lexicon::flags(w.slice(text));
            flags.has(Flag::Place) || flags.has(Flag::Region)
        });
        let adverbial = first.has(Flag::AdverbialOpener) || first.has(Flag::TimeOpener);
        if !(place || adverbial) {
            break;
        }
        at = comma + 1;
    }
    at
}

/// `word` with its first letter in capitals, as the sentence-initial pronoun list holds it.
fn capitalised(word: &str) -> std::borrow::Cow<'_, str> {
    match word.chars().next() {
        Some(c) if c.is_lowercase() => {
            let mut out: String = c.to_uppercase().collect();
            out.push_str(&word[c.len_utf8()..]);
            out.into()
        }
        _ => word.into(),
    }
}

/// How many words a subject found before the main verb may have.
const MAX_MAIN_SUBJECT_WORDS: usize = 6;

/// "Several tenant groups filed a motion, saying …": the words from the subject's first
/// word (`words` start past any opening adverbial) to the first auxiliary or lower-case
/// past form, when they are a short phrase without commas that opens with a capital or a
/// determiner.
fn words_before_main_verb(text: &str, words: &[Span]) -> Option<Span> {
    let first = words.first()?;
    let first_text = first.slice(text);
    let first_flags = lexicon::lower_flags(first_text);
    let capitalised = first_text.chars().next().is_some_and(char::is_uppercase);
    // "When he …", "If I …", "It is …", "There are …": no subject phrase opens the sentence.
    let no_subject = first_flags.has(Flag::AdverbialOpener)
        || first_flags.has(Flag::NotSource)
        || first_text.eq_ignore_ascii_case("it")
        || lexicon::clause_openers().is_match(first_text);
    let nominal = first_flags.has(Flag::Determiner) || first_flags.has(Flag::NominalOpener);
    if !(capitalised || nominal) || no_subject {
        return None;
    }
    let verb = (1..words.len().min(MAX_MAIN_SUBJECT_WORDS + 1)).find(|&i| {
        let w = words[i].slice(text);
        let lower = Lower::of(w);
        let flags = lexicon::flags(&lower);
        let lower_case = w.chars().next().is_some_and(char::is_lowercase);
        // "the embattled mayor", "hackers backing embattled President …": after a
        // determiner or an "-ing" form a past form describes a noun.
        let before = Lower::of(words[i - 1].slice(text));
        let describes = lexicon::flags(&before).has(Flag::Determiner) || before.ends_with("ing");
        flags.has(Flag::Auxiliary)
            || lower_case && !describes && phrase::is_past_form(&lower, flags)
    })?;
    // "Mitt Romney largely kept …": an adverb before the verb is no part of the subject.
    let last = match verb {
        2.. if phrase::is_adverb(words[verb - 1].slice(text)) => verb - 2,
        _ => verb - 1,
    };
    let span = Span::new(first.start, words[last].end);
    let phrase = span.slice(text);
    let has_cue = words[..verb].iter().any(|w| is_finite_cue(w.slice(text)));
    let clean = !phrase.contains([',', ';', ':', '“', '"', '(', '—']) && !phrase.contains(" - ");
    (clean && !has_cue && !is_clause_phrase(phrase)).then_some(span)
}

/// Whether a phrase holds a word that makes it a clause ("what", "how").
fn is_clause_phrase(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .any(|w| lexicon::lower_flags(w).has(Flag::ClauseWord))
}

/// How many words may stand between a comma and a verb that closes its sentence ("…, the
/// most recent federal contracts show.").
const MAX_CLOSING_SUBJECT_WORDS: usize = 6;

/// Whether the verb at `k` ends its sentence (closing marks aside) and a comma stands a
/// few words before it, with no other mark between: "…, the report concludes."
fn closes_sentence_after_comma(text: &str, sentence: Span, words: &[Span], k: usize) -> bool {
    let after = text[words[k].end..sentence.end].trim();
    let ends = after
        .trim_end_matches(['”', '"', '’', '\'', ')'])
        .chars()
        .all(|c| matches!(c, '.' | '!'));
    if !ends || k == 0 {
        return false;
    }
    let first = k.saturating_sub(MAX_CLOSING_SUBJECT_WORDS);
    let Some(j) = (first..k).rev().find(|&j| {
        let gap = &text[words[j].end..words[j + 1].start];
        let between = &text[words[j + 1].start..words[k].start];
        gap.trim_start().starts_with(',')
            && !between.contains(|c: char| c.is_ascii_punctuation() && !"'’-.".contains(c))
    }) else {
        return false;
    };
    // The words after the comma open a subject: "the report", "they", "Lee", not "in
    // nine states" or "given his comments".
    let opener = words[j + 1].slice(text);
    let flags = lexicon::lower_flags(opener);
    let subject = flags.has(Flag::Determiner)
        || flags.has(Flag::SubjectPronoun)
        || opener.starts_with(char::is_uppercase);
    // "Jan. 1 shows": a date is no subject.
    let date = lexicon::flags(opener).has(Flag::SentenceAbbreviation);
    subject
        && !date
        && !flags.has(Flag::AdverbialOpener)
        && !flags.has(Flag::Subordinator)
        && !flags.has(Flag::ClauseWord)
}

/// How many words a phrase between a verb and its "that" may have ("said at one point
/// that").
const MAX_WORDS_BEFORE_THAT: usize = 4;

/// Whether a short phrase with no punctuation, then "that" opening a clause, follows a
/// verb: "said at one point that …", "told reporters on Monday that …".
fn that_after_short_phrase(after: &str) -> bool {
    let mut rest = after.trim_start();
    for _ in 0..=MAX_WORDS_BEFORE_THAT {
        let (word, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if word.eq_ignore_ascii_case("that") {
            return introduces_clause(rest);
        }
        if word.is_empty() || !word.chars().all(char::is_alphanumeric) {
            return false;
        }
        rest = tail.trim_start();
    }
    false
}

/// Whether what follows a verb opens reported content: "that", a colon or a quote.
fn introduces_clause(after: &str) -> bool {
    let t = after.trim_start();
    t.starts_with(':') || t.starts_with(['“', '"', '‘']) || t.starts_with("''") || {
        let mut words = t.split_whitespace();
        let that = words.next().is_some_and(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
            w.eq_ignore_ascii_case("that")
        });
        that && !words.next().is_some_and(opens_relative_clause)
    }
}

/// Whether the word after "that" shows it is a relative pronoun, the subject of its own
/// verb ("the show that aired", "claims that were false"), not a clause of what was said.
fn opens_relative_clause(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    let lower = Lower::of(word);
    let past = word.starts_with(char::is_lowercase) && lower.ends_with("ed");
    lexicon::flags(&lower).has(Flag::Auxiliary) || past
}

/// Whether the text before a verb ends with a closing quote ("“…,” said X").
fn ends_with_quote(before: &str) -> bool {
    // "“It is odd,“ said Ruiz": an opening mark typed for the closing one after a comma.
    let mistyped = before
        .strip_suffix('“')
        .is_some_and(|b| b.ends_with([',', '.', '?', '!']));
    before.ends_with(['”', '"', '—']) || before.ends_with("''") || mistyped
}

/// What the source said: a quote beside the cue, else the clause the cue introduces or closes.
fn content_for(text: &str, ctx: &Sentence, source: Span, cue: Span) -> Option<Span> {
    let (sentence, quotes) = (ctx.span, ctx.quotes);
    let quote_before = quotes
        .nearest_before(source.start)
        .filter(|q| q.end > sentence.start);
    if let Some(q) = quote_before.or_else(|| quotes.nearest_after(cue.end, sentence.end)) {
        return Some(q);
    }
    let tail = &text[cue.end..ctx.words_end(text).max(cue.end)];
    if !has_three_words(tail) {
        return quotes
            .nearest_before(source.start)
            .or_else(|| clause_before(text, ctx, source.start));
    }
    rest_after(text, ctx, after_recipient(text, cue))
}

/// "told President Trump he needed …": past the person told, where the words begin.
fn after_recipient(text: &str, cue: Span) -> usize {
    let is_tell = lexicon::reporting_verbs()
        .get(cue.slice(text).to_lowercase().as_str())
        .is_some_and(|v| v.base == "tell");
    if !is_tell {
        return cue.end;
    }
    let mut at = cue.end;
    for (i, word) in text[cue.end..].split(' ').enumerate().skip(1).take(4) {
        let object = lexicon::flags(word).has(Flag::Recipient);
        let name = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic);
        if !(object || name) || (object && i > 1) {
            break;
        }
        at += 1 + word.len();
        if object {
            break;
        }
    }
    at
}

/// The sentence from its start to `at`, without the comma and quote marks between.
fn clause_before(text: &str, ctx: &Sentence, at: usize) -> Option<Span> {
    let from = (ctx.span.start + ctx.dateline_len(text)).min(at);
    let s = Span::new(from, at).trim(text);
    let t = s
        .slice(text)
        .trim_end_matches([',', ' ', '—', '“', '”', '"']);
    let t = t.trim_start_matches(['“', '"']);
    let start =
        s.start + (s.slice(text).len() - s.slice(text).trim_start_matches(['“', '"']).len());
    has_three_words(t).then(|| Span::new(start, start + t.len()))
}

/// How far after a cue a "that" opening its content is looked for.
const NEAR_THAT_BYTES: usize = 80;

/// The sentence after `at`, without a leading "that", a colon or the final period.
fn rest_after(text: &str, ctx: &Sentence, at: usize) -> Option<Span> {
    let sentence = ctx.span;
    let s = text.get(at..sentence.end)?;
    let lead = s.len() - s.trim_start_matches([' ', ':', ',']).len();
    let mut start = at + lead;
    // After a comma or a colon the content starts at once ("According to the state, …").
    let marked = s[..lead].contains([',', ':']);
    // "told Mr. Trump in recent weeks that he …": the content starts after a near "that".
    let near = &text[start..sentence.end];
    // Only the first 80 bytes are read: a comma further on makes no difference.
    let reach = ceil_boundary(near, NEAR_THAT_BYTES.min(near.len()));
    let window = near[..reach]
        .find([',', ';', '“', '"'])
        .unwrap_or(near.len())
        .min(NEAR_THAT_BYTES);
    let window = floor_boundary(near, window);
    if let Some(i) = near[..window]
        .find("that ")
        .filter(|&i| !marked && (i == 0 || near[..i].ends_with(' ')))
        .filter(|&i| !opens_time_phrase(&near[i..]))
        // "said the pier would close but agreed that …": that "that" is another verb's.
        .filter(|&i| {
            !near[..i]
                .split_whitespace()
                .any(|w| lexicon::lower_flags(w).has(Flag::ReportingVerb))
        })
    {
        start += i + 5;
    }
    let mut body = &text[start..ctx.end_before_periods(text).max(start)];
    // "…his job, according to two people": another attribution ends the words.
    let range = Span::new(start, start + body.len());
    if let Some(m) = ctx.citations.first_in(range) {
        body = body[..m.start - start].trim_end_matches([',', ' ']);
    }
    has_three_words(body).then(|| Span::new(start, start + body.len()))
}

/// "that year", "that day": a "that" that points to a time starts no clause.
fn opens_time_phrase(that: &str) -> bool {
    let next = that.split_whitespace().nth(1).unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    lexicon::lower_flags(next.strip_suffix('s').unwrap_or(next)).has(Flag::TimeNoun)
}

/// Whether `s` holds three words or more, counting no further.
fn has_three_words(s: &str) -> bool {
    s.split_whitespace().nth(2).is_some()
}

/// "Dana Whitfield:" closing a paragraph introduces the quoted passage that follows.
/// "CORRECTION:", "Online:", "From the archive:": a heading of ordinary words, or one
/// opening with a preposition, labels what follows; a name or a role ("THE MAYOR:")
/// introduces a speaker.
fn is_label(words: &[&str]) -> bool {
    let flags: Vec<_> = words.iter().map(|w| lexicon::lower_flags(w)).collect();
    let ordinary = flags.iter().all(|f| {
        f.has(Flag::CommonWord)
            && !f.has(Flag::RoleNoun)
            && !f.has(Flag::Title)
            && !f.has(Flag::SpokesNoun)
            && !f.has(Flag::AnonymousNoun)
    });
    ordinary || flags[0].has(Flag::AdverbialOpener)
}

fn colon_introduction(text: &str, article: &Article, i: usize) -> Option<Found> {
    let p = article.paragraphs[i].span;
    let body = p.slice(text);
    let before_colon = body.strip_suffix(':')?;
    let last_sentence = sentences(text, Span::new(p.start, p.start + before_colon.len())).pop()?;
    let phrase = last_sentence.slice(text);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) || ["and", "of", "the"].contains(w)
    });
    if words.is_empty() || words.len() > 5 || !capitalised || is_label(&words) {
        return None;
    }
    let next = article.paragraphs.get(i + 1)?.span;
    let cue = Span::new(p.end - 1, p.end);
    Some(Found {
        source: last_sentence,
        cue,
        declined: false,
        content: Some(next),
        aside: None,
        antecedent: None,
        cited: false,
    })
}
