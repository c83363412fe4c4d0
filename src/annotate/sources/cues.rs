//! The multi-word cue phrases of a paragraph ("according to", "declined to comment",
//! "on condition of anonymity"), found in one search per pattern over the paragraph and
//! handed out by sentence.

use crate::annotate::lexicon;
use crate::span::Span;
use regex::Regex;

/// The matches of each cue pattern in one paragraph or title, in text order.
#[derive(Default)]
pub struct CueMatches {
    pub anonymity: Vec<Span>,
    pub declined: Vec<Span>,
    pub phrase: Vec<Span>,
    pub citation: Vec<Span>,
}

impl CueMatches {
    /// Searches `region` once per pattern. A pattern can run over a line break inside a
    /// paragraph, which a sentence search would not; then each sentence is searched on its
    /// own, so the matches are always those of a search sentence by sentence.
    pub fn of(text: &str, region: Span, sentences: &[Span]) -> CueMatches {
        let whole = CueMatches::search(text, region);
        if whole.all().all(|m| within_one(sentences, m)) {
            return whole;
        }
        let mut out = CueMatches::default();
        for &s in sentences {
            let part = CueMatches::search(text, s);
            out.anonymity.extend(part.anonymity);
            out.declined.extend(part.declined);
            out.phrase.extend(part.phrase);
            out.citation.extend(part.citation);
        }
        out
    }

    fn search(text: &str, region: Span) -> CueMatches {
        // One pass tells whether any list occurs at all; most paragraphs hold none.
        let present = lexicon::any_cue().is_match(region.slice(text));
        let find = |re: &Regex| -> Vec<Span> {
            if !present {
                return Vec::new();
            }
            re.find_iter(region.slice(text))
                .map(|m| Span::new(region.start + m.start(), region.start + m.end()))
                .collect()
        };
        CueMatches {
            anonymity: find(lexicon::anonymity_reasons()),
            declined: find(lexicon::declined_cues()),
            phrase: find(lexicon::phrase_cues()),
            citation: find(lexicon::citation_cues()),
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
