//! The reason a source is given for its anonymity: in the source phrase ("an official who
//! asked not to be named"), in a clause beside it, in the rest of its sentence, or in the
//! next sentence when that sentence refers back to it ("Both spoke on condition of
//! anonymity because …").

use super::matches::{Stops, TextMatches};
use crate::annotate::lexicon::{self, Flag};
use crate::annotate::text::chars::floor_boundary;
use crate::span::Span;

/// How far into the next sentence a reason may stand.
const NEXT_SENTENCE_BYTES: usize = 300;

/// The article's reasons for anonymity and its sentence stops, found once when asked.
pub struct Reasons<'t> {
    matches: &'t TextMatches<'t>,
    stops: std::cell::OnceCell<Stops>,
}

impl<'t> Reasons<'t> {
    /// `matches` are the article's reasons for anonymity, as the cue index holds them.
    pub fn new(matches: &'t TextMatches<'t>) -> Self {
        Reasons {
            matches,
            stops: std::cell::OnceCell::new(),
        }
    }

    /// The first period or line end after `from`.
    fn sentence_end(&self, text: &str, from: usize) -> usize {
        self.stops
            .get_or_init(|| Stops::of(text))
            .next(from, text.len())
    }
}

/// The reason given for anonymity: searched in the source phrase, the clause set off
/// beside it, the rest of the sentence, then the next sentence. A reason inside the
/// phrase ends the phrase.
pub fn anonymity_reason(
    text: &str,
    source: &mut Span,
    aside: Option<Span>,
    cue: Span,
    reasons: &Reasons,
) -> Option<Span> {
    if let Some(m) = reasons.matches.first_in(*source) {
        let reason = Span::new(m.start, clause_end(text, m.start));
        if m.end < source.end {
            source.end = m.end;
        }
        return Some(reason);
    }
    let end = reasons.sentence_end(text, cue.end);
    let rest = Span::new(cue.end, end);
    let in_aside = aside.and_then(|a| Some((a, reasons.matches.first_in(a)?)));
    let (region, m) = in_aside
        .or_else(|| Some((rest, reasons.matches.first_in(rest)?)))
        .or_else(|| in_next_sentence(text, end, reasons))?;
    Some(Span::new(
        m.start,
        clause_end(text, m.start).min(region.end.max(m.end)),
    ))
}

/// A reason in the sentence after `end`, when that sentence opens by referring back to
/// the sources before it ("They spoke on condition of anonymity", "Both officials …").
fn in_next_sentence(text: &str, end: usize, reasons: &Reasons) -> Option<(Span, Span)> {
    let after = text.get(end + 1..)?;
    // The next sentence may open the next paragraph ("… the talks had stalled.\n\nBoth
    // spoke on condition of anonymity …").
    let start =
        end + 1 + (after.len() - after.trim_start_matches([' ', '\n', '\r', '”', '"']).len());
    let rest = &text[start..];
    let opener = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    if !lexicon::lower_flags(opener).has(Flag::BackReference) {
        return None;
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let limit = floor_boundary(text, (start + NEXT_SENTENCE_BYTES).min(line_end));
    let region = Span::new(start, limit);
    let m = reasons.matches.first_in(region)?;
    Some((region, m))
}

/// Where the clause starting at `from` ends: a comma, period, quote or line end.
fn clause_end(text: &str, from: usize) -> usize {
    let stop = text[from..]
        .find([',', '.', ';', '\n', '”', '“'])
        .map_or(text.len(), |i| from + i);
    Span::new(from, stop).trim(text).end
}
