//! Relayed attributions: one that stands inside another's content ("…as he told the
//! president he would stay, according to two people briefed on it") is what the outer
//! source says; the reader and the summary count it as the outer source's.

use crate::annotate::Source;

/// Sets `relayed_by` to the innermost source whose content holds each source's phrase and
/// cue, and `counted_kind` to the kind of the outermost source of the chain.
pub fn link_relayed(sources: &mut [Source]) {
    let relayers: Vec<Option<usize>> = (0..sources.len())
        .map(|i| innermost_holder(sources, i))
        .collect();
    for (i, by) in relayers.iter().enumerate() {
        sources[i].relayed_by = *by;
    }
    for i in 0..sources.len() {
        sources[i].counted_kind = sources[outermost(&relayers, i)].kind;
    }
}

/// How many sources before and after one are looked at for its relayer: the outer
/// source stands in the same sentence or the next, so a few neighbours in text order hold
/// it, and a long article costs no more per source than a short one.
const NEIGHBOURS: usize = 16;

/// The source with the smallest content that holds source `i`'s phrase and cue.
fn innermost_holder(sources: &[Source], i: usize) -> Option<usize> {
    let s = &sources[i];
    let from = i.saturating_sub(NEIGHBOURS);
    let to = (i + NEIGHBOURS + 1).min(sources.len());
    sources[from..to]
        .iter()
        .enumerate()
        .map(|(k, o)| (from + k, o))
        .filter(|&(j, _)| j != i)
        .filter_map(|(j, o)| {
            let c = o.content?;
            (c.contains(s.span) && c.contains(s.cue)).then_some((c.len(), j))
        })
        .min()
        .map(|(_, j)| j)
}

/// The last relayer up the chain from `i`; a chain never loops (each step's content is
/// strictly larger), but the walk is bounded all the same.
fn outermost(relayers: &[Option<usize>], mut i: usize) -> usize {
    for _ in 0..relayers.len() {
        match relayers[i] {
            Some(j) => i = j,
            None => break,
        }
    }
    i
}
