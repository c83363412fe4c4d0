//! Work on a sequence across all cores, with the results handed on in input order.
//!
//! The inputs are taken by a thread of their own, so that a slow input (a pipe that
//! delivers a line now and then) never holds back results that are ready: each result
//! is handed on as soon as it and those before it are done.

use std::sync::mpsc::{sync_channel, Receiver};

/// Results that may wait, per thread: enough to keep every core busy while the
/// consumer catches up, few enough that memory stays bounded by them.
const WAITING_PER_THREAD: usize = 4;

/// Runs `work` on each input on rayon's thread pool and gives `consume` the results
/// in input order, as they become ready. Inputs are taken only as results are taken,
/// so a long sequence never is in memory at once.
pub fn map_in_order<I, T, R, O>(
    inputs: I,
    work: impl Fn(T) -> R + Sync,
    consume: impl FnOnce(&mut dyn Iterator<Item = R>) -> O,
) -> O
where
    I: IntoIterator<Item = T>,
    I::IntoIter: Send,
    T: Send,
    R: Send,
{
    let window = rayon::current_num_threads().max(1) * WAITING_PER_THREAD;
    let work = &work;
    // In place: the consumer waits on this thread, never on a pool thread that the
    // work needs; the inputs are read on a plain thread, for the same reason.
    rayon::in_place_scope(|pool| {
        std::thread::scope(|threads| {
            let (under_way, oldest_first) = sync_channel::<Receiver<R>>(window);
            let inputs = inputs.into_iter();
            threads.spawn(move || {
                for input in inputs {
                    let (done, result) = sync_channel(1);
                    pool.spawn(move |_| {
                        // The consumer may have stopped early; then nobody wants it.
                        let _ = done.send(work(input));
                    });
                    if under_way.send(result).is_err() {
                        return; // the consumer has stopped
                    }
                }
            });
            let mut results = oldest_first
                .iter()
                .map(|result| result.recv().expect("a worker thread panicked"));
            let out = consume(&mut results);
            // Dropping the receiving end stops the input thread at its next input.
            drop(results);
            out
        })
    })
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

    #[test]
    fn a_result_is_handed_on_while_the_next_input_is_awaited() {
        let (send, inputs) = std::sync::mpsc::channel::<u64>();
        send.send(1).unwrap();
        let first = map_in_order(
            inputs,
            |n| n * 10,
            |r| {
                let first = r.next();
                drop(send); // the second input never comes until the first result is out
                first
            },
        );
        assert_eq!(first, Some(10));
    }
}
