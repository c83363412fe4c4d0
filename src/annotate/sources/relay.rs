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
    for (i, outer) in outermost_of_each(&relayers).into_iter().enumerate() {
        sources[i].counted_kind = sources[outer].kind;
    }
}

/// The outermost source of each one's chain, each chain walked once: in a run-on sentence
/// of attributions ("A said B said C said …") each is relayed by the one before, and
/// walking every chain from its start took the square of their number.
fn outermost_of_each(relayers: &[Option<usize>]) -> Vec<usize> {
    // The end of each chain that has one; a chain that loops is walked as `outermost` does.
    let mut ends: Vec<Option<usize>> = vec![None; relayers.len()];
    (0..relayers.len())
        .map(|i| match chain_end(relayers, &mut ends, i) {
            Some(end) => end,
            None => outermost(relayers, i),
        })
        .collect()
}

/// Where the chain from `i` ends, noting it for every source on the way; `None` when the
/// chain loops.
fn chain_end(relayers: &[Option<usize>], ends: &mut [Option<usize>], i: usize) -> Option<usize> {
    let mut path = Vec::new();
    let mut k = i;
    let end = loop {
        if let Some(end) = ends[k] {
            break end;
        }
        match relayers[k] {
            None => break k,
            // Longer than any chain that does not loop.
            Some(_) if path.len() >= relayers.len() => return None,
            Some(j) => path.push(std::mem::replace(&mut k, j)),
        }
    };
    ends[k] = Some(end);
    path.into_iter().for_each(|p| ends[p] = Some(end));
    Some(end)
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

/// The last relayer up the chain from `i`. Two sources may relay each other (each one's
/// content holding the other's phrase and cue); the walk is bounded, and ends where that
/// many steps leave it.
fn outermost(relayers: &[Option<usize>], mut i: usize) -> usize {
    for _ in 0..relayers.len() {
        match relayers[i] {
            Some(j) => i = j,
            None => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chain_ends_where_walking_it_ends() {
        // Long chains, chains into the same source, and two sources relaying each other
        // with a chain leading into them.
        let mut relayers: Vec<Option<usize>> = (0..500usize).map(|i| i.checked_sub(1)).collect();
        relayers.extend([
            Some(3),
            Some(3),
            None,
            Some(505),
            Some(504),
            Some(504),
            Some(505),
        ]);
        let walked: Vec<usize> = (0..relayers.len())
            .map(|i| outermost(&relayers, i))
            .collect();
        assert_eq!(outermost_of_each(&relayers), walked);
        assert_eq!(walked[499], 0);
    }
}
