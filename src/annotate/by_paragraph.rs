//! The paragraphs of a long article are read on every core (the articles of a corpus go
//! through `crate::parallel`); the rules of one paragraph never look into another, so
//! the results, kept in order, are the same.

use rayon::prelude::*;

/// Below this many bytes an article stays on one thread: it is read in well under a
/// millisecond, and a corpus run already keeps every core busy with other articles.
const PARALLEL_FROM: usize = 256 * 1024;

/// Whether an article is long enough to share out among threads.
pub fn is_long(article_len: usize) -> bool {
    article_len >= PARALLEL_FROM
}

/// `f` applied to each item, in order; in parallel when the article is long.
pub fn map_paragraphs<I, T, F>(article_len: usize, items: &[I], f: F) -> Vec<T>
where
    I: Sync,
    T: Send,
    F: Fn(usize, &I) -> T + Sync + Send,
{
    if !is_long(article_len) {
        return items.iter().enumerate().map(|(i, x)| f(i, x)).collect();
    }
    items
        .par_iter()
        .enumerate()
        .with_min_len(8)
        .map(|(i, x)| f(i, x))
        .collect()
}
