//! The multi-word cue phrases of a paragraph ("according to", "declined to comment",
//! "on condition of anonymity"): each list is searched once over the whole article, and
//! its matches are handed out by paragraph and sentence.

use super::matches::TextMatches;
use crate::annotate::lexicon;
use crate::annotate::text::LowerText;
use crate::span::Span;

/// Where each cue list matches in one article. The lists of lower-case words are searched
/// in the lower-cased text; the citations, one of which asks for a capital, in the text.
pub struct CueIndex<'t> {
    anonymity: TextMatches<'t>,
    declined: TextMatches<'t>,
    phrase: TextMatches<'t>,
    citation: TextMatches<'t>,
}

impl<'t> CueIndex<'t> {
    /// The lists, each searched when first asked (see [`CueIndex::search_now`]).
    pub fn new(text: &'t str, lower: &'t LowerText) -> Self {
        let lower = lower.as_str();
        CueIndex {
            anonymity: TextMatches::new(lower, lexicon::anonymity_reasons()),
            declined: TextMatches::new(lower, lexicon::declined_cues()),
            phrase: TextMatches::new(lower, lexicon::phrase_cues()),
            citation: TextMatches::new(text, lexicon::citation_cues()),
        }
    }

    /// Searches every list now, on two threads. Each is a pass over the whole article;
    /// left to the first paragraph that asks, it would keep the other threads waiting.
    pub fn search_now(&self) {
        rayon::join(
            || {
                rayon::join(
                    || self.anonymity.search_now(),
                    || self.declined.search_now(),
                )
            },
            || rayon::join(|| self.phrase.search_now(), || self.citation.search_now()),
        );
    }

    /// Where the reasons for anonymity stand in the article.
    pub fn anonymity(&self) -> &TextMatches<'t> {
        &self.anonymity
    }

    /// Where the citation cues ("according to") stand in the article.
    pub fn citations(&self) -> &TextMatches<'t> {
        &self.citation
    }
}

/// The matches of each cue pattern in one paragraph or title, in text order.
#[derive(Default)]
pub struct CueMatches {
    pub anonymity: Vec<Span>,
    pub declined: Vec<Span>,
    pub phrase: Vec<Span>,
    pub citation: Vec<Span>,
}

impl CueMatches {
    /// The matches a search of `region` finds. A pattern can run over a line break inside
    /// a paragraph, which a sentence search would not; then the matches are those of each
    /// sentence searched on its own, so they are always those of a search sentence by
    /// sentence.
    pub fn of(index: &CueIndex, region: Span, sentences: &[Span]) -> CueMatches {
        let whole = CueMatches::search(index, region);
        if whole.all().all(|m| within_one(sentences, m)) {
            return whole;
        }
        let mut out = CueMatches::default();
        for &s in sentences {
            let part = CueMatches::search(index, s);
            out.anonymity.extend(part.anonymity);
            out.declined.extend(part.declined);
            out.phrase.extend(part.phrase);
            out.citation.extend(part.citation);
        }
        out
    }

    fn search(index: &CueIndex, region: Span) -> CueMatches {
        CueMatches {
            anonymity: index.anonymity.all_in(region),
            declined: index.declined.all_in(region),
            phrase: index.phrase.all_in(region),
            citation: index.citation.all_in(region),
        }
    }

    fn all(&self) -> impl Iterator<Item = Span> + '_ {
        self.anonymity
            .iter()
            .chain(&self.declined)
            .chain(&self.phrase)
            .chain(&self.citation)
            .copied()
    }
}

/// The matches of `list` inside `sentence`.
pub fn within(list: &[Span], sentence: Span) -> &[Span] {
    let from = list.partition_point(|m| m.start < sentence.start);
    let to = list.partition_point(|m| m.start < sentence.end);
    &list[from..to]
}

fn within_one(sentences: &[Span], m: Span) -> bool {
    let k = sentences.partition_point(|s| s.end < m.end);
    sentences.get(k).is_some_and(|s| s.contains(m))
}
