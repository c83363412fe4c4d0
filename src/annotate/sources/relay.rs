//! Relayed attributions: one that stands inside another's content ("…as he told the
//! president he would stay, according to two people briefed on it") is what the outer
//! source says; the reader and the summary count it as the outer source's.

use crate::annotate::Source;

/// Sets `relayed_by` to the innermost source whose content holds each source's phrase and
/// cue, and `counted_kind` to the kind of the outermost source of the chain.
pub fn link_relayed(sources: &mut [Source]) {
    let mut relayers: Vec<Option<usize>> = (0..sources.len())
        .map(|i| innermost_holder(sources, i))
        .collect();
    break_loops(&mut relayers, |i| sources[i].content.map_or(0, |c| c.len()));
    for (i, by) in relayers.iter().enumerate() {
        sources[i].relayed_by = *by;
    }
    for (i, outer) in outermost_of_each(&relayers).into_iter().enumerate() {
        sources[i].counted_kind = sources[outer].kind;
    }
}

/// Holders can go round in a loop: a holder needs to hold a source's phrase and cue, not
/// its content, so contents that overlap in part ("They said A said B said C.") can each
/// hold the other's words. In each loop, the source with the largest content (the first
/// of equals) is relayed by none, as an outer source is, so every chain ends.
fn break_loops(relayers: &mut [Option<usize>], content_len: impl Fn(usize) -> usize) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Fresh,
        OnPath,
        Done,
    }
    let mut state = vec![State::Fresh; relayers.len()];
    let mut path = Vec::new();
    for i in 0..relayers.len() {
        let mut at = Some(i);
        while let Some(a) = at.filter(|&a| state[a] != State::Done) {
            if state[a] == State::OnPath {
                let from = path.iter().position(|&p| p == a).unwrap_or(0);
                let top = path[from..]
                    .iter()
                    .copied()
                    .max_by_key(|&p| (content_len(p), std::cmp::Reverse(p)));
                if let Some(top) = top {
                    relayers[top] = None;
                }
                break;
            }
            state[a] = State::OnPath;
            path.push(a);
            at = relayers[a];
        }
        for p in path.drain(..) {
            state[p] = State::Done;
        }
    }
}

/// The outermost source of each one's chain, each chain walked once: in a run-on sentence
/// of attributions ("A said B said C said …") each is relayed by the one before, and
/// walking every chain from its start took the square of their number. There are no
/// loops left (`break_loops`).
fn outermost_of_each(relayers: &[Option<usize>]) -> Vec<usize> {
    let mut ends: Vec<Option<usize>> = vec![None; relayers.len()];
    let mut path = Vec::new();
    for i in 0..relayers.len() {
        let mut k = i;
        let end = loop {
            if let Some(end) = ends[k] {
                break end;
            }
            path.push(k);
            match relayers[k] {
                // Bounded all the same: a chain longer than the sources is a loop.
                Some(j) if path.len() <= relayers.len() => k = j,
                _ => break k,
            }
        };
        path.drain(..).for_each(|p| ends[p] = Some(end));
    }
    ends.into_iter()
        .enumerate()
        .map(|(i, e)| e.unwrap_or(i))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Walks each chain step by step, as the definition says.
    fn walked(relayers: &[Option<usize>], mut i: usize) -> usize {
        while let Some(j) = relayers[i] {
            i = j;
        }
        i
    }

    #[test]
    fn each_chain_ends_where_walking_it_ends() {
        // A long chain, and chains into the same source.
        let mut relayers: Vec<Option<usize>> = (0..500usize).map(|i| i.checked_sub(1)).collect();
        relayers.extend([Some(3), Some(3), None, Some(502), Some(503)]);
        let by_walking: Vec<usize> = (0..relayers.len()).map(|i| walked(&relayers, i)).collect();
        assert_eq!(outermost_of_each(&relayers), by_walking);
        assert_eq!(by_walking[499], 0);
        assert_eq!(by_walking[504], 502);
    }

    #[test]
    fn a_loop_is_broken_at_its_largest_content() {
        // 0 -> 1 -> 2 -> 1 loops between 1 and 2; 2 has the larger content.
        let mut relayers = vec![Some(1), Some(2), Some(1), Some(0)];
        let lengths = [10, 20, 30, 5];
        break_loops(&mut relayers, |i| lengths[i]);
        assert_eq!(relayers, vec![Some(1), Some(2), None, Some(0)]);
        assert_eq!(outermost_of_each(&relayers), vec![2, 2, 2, 2]);
    }

    #[test]
    fn a_loop_of_equal_contents_is_broken_at_its_first_source() {
        let mut relayers = vec![Some(1), Some(0)];
        break_loops(&mut relayers, |_| 7);
        assert_eq!(relayers, vec![None, Some(0)]);
    }
}
