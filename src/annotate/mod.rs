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
    let people = people::find_people(article);
    let lower = text::LowerText::of(&article.text);
    let sources = sources::find_sources(article, &people, &lower);
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
