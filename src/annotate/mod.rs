//! The annotation layer: people and sourcing, as pure functions of an article.

mod annotated;
mod by_paragraph;
pub mod lexicon;
mod model;
pub mod people;
pub mod sources;
pub mod text;

pub use annotated::Annotated;
pub use model::{
    mentions_in_order, Annotations, KindCounts, KindFilter, Mention, Person, Source, SourceKind,
    Summary, Unattributed,
};

use crate::article::Article;

/// Annotates one article: people first, since sources link to them.
pub fn annotate(article: &Article) -> Annotations {
    let text = &article.text;
    let lower = text::LowerText::of(text);
    let cues = sources::CueIndex::new(text, &lower);
    // A long article's cue phrases are searched while its people are linked, which is
    // the part of finding people that runs on one thread.
    let people = match by_paragraph::is_long(text.len()) {
        true => rayon::join(|| people::find_people(article), || cues.search_now()).0,
        false => people::find_people(article),
    };
    let sources = sources::find_sources_with(article, &people, &cues);
    let unattributed = sources::hearsay::find_unattributed(article, &sources, &lower);
    let summary = Summary {
        unattributed: unattributed.len(),
        ..Summary::of(&sources)
    };
    Annotations {
        people,
        sources,
        unattributed,
        summary,
        filter: None,
    }
}
