//! Work on a sequence across all cores, with the results handed on in input order.

use rayon::Scope;
use std::collections::VecDeque;
use std::sync::mpsc::{sync_channel, Receiver};

/// Results that may wait, per thread: enough to keep every core busy while the
/// consumer catches up, few enough that memory stays bounded by them.
const WAITING_PER_THREAD: usize = 4;

/// Runs `work` on each input on rayon's thread pool and gives `consume` the results
/// in input order, as they become ready. Inputs are taken only as results are taken,
/// so a long sequence never is in memory at once.
pub fn map_in_order<T, R, O>(
    inputs: impl IntoIterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    consume: impl FnOnce(&mut dyn Iterator<Item = R>) -> O,
) -> O
where
    T: Send,
    R: Send,
{
    let window = rayon::current_num_threads().max(1) * WAITING_PER_THREAD;
    // In place: the consumer waits on this thread, never on a pool thread that
    // the work needs.
    rayon::in_place_scope(|scope| {
        let mut results = InOrder {
            inputs: inputs.into_iter(),
            waiting: VecDeque::new(),
            scope,
            work: &work,
            window,
        };
        consume(&mut results)
    })
}

struct InOrder<'a, 'scope, I, F, R> {
    inputs: I,
    /// One receiver per input under way, oldest first.
    waiting: VecDeque<Receiver<R>>,
    scope: &'a Scope<'scope>,
    work: &'scope F,
    window: usize,
}

impl<'scope, I, T, F, R> Iterator for InOrder<'_, 'scope, I, F, R>
where
    I: Iterator<Item = T>,
    T: Send + 'scope,
    F: Fn(T) -> R + Sync,
    R: Send + 'scope,
{
    type Item = R;

    fn next(&mut self) -> Option<R> {
        while self.waiting.len() < self.window {
            let Some(input) = self.inputs.next() else {
                break;
            };
            let (done, result) = sync_channel(1);
            let work = self.work;
            self.scope.spawn(move |_| {
                // The consumer may have stopped early; then nobody wants the result.
                let _ = done.send(work(input));
            });
            self.waiting.push_back(result);
        }
        let oldest = self.waiting.pop_front()?;
        Some(oldest.recv().expect("a worker thread panicked"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order() {
        let squares = map_in_order(0..1000u64, |n| n * n, |r| r.collect::<Vec<_>>());
        assert_eq!(squares, (0..1000u64).map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn a_consumer_may_stop_early() {
        let first = map_in_order(0..1000u64, |n| n + 1, |r| r.next());
        assert_eq!(first, Some(1));
    }
}
