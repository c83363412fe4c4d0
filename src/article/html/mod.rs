//! Saved HTML news pages: metadata from every place a page states it, the body chosen
//! by a content extractor, and each paragraph traced back to the page source.

mod blocks;
mod body;
mod byline;
mod meta;
mod parse;
mod source;

use super::{Meta, Paragraph};
use crate::span::Span;
use blocks::Block;
use scraper::Html;
use source::Located;

/// A paragraph that is this much link text or more is a list of links to elsewhere
/// ("related stories", tags, "next article"), not the article's prose.
const LINK_LIST_SHARE: f32 = 0.8;

/// Returns the metadata, the paragraphs, and the readable text they are spans of:
/// the title, then each paragraph, separated by blank lines.
pub fn parse(src: &str) -> (Meta, Vec<Paragraph>, String) {
    // A page nested deeper than browsers nest is read flat, its paragraph tags only.
    let (doc, extractor_src) = match parse::parse_bounded(src) {
        Some(doc) => (doc, Some(src)),
        None => (Html::parse_document(&parse::flattened(src)), None),
    };
    let mut meta = meta::read(&doc);
    let extracted = body::extract(extractor_src, &doc, meta.title.as_deref());
    if let Some(found) = &extracted.metadata {
        meta::fill_gaps(&mut meta, found);
    }
    let blocks = without_link_lists(src, extracted.blocks);
    let mut text = String::new();
    if let Some(title) = &meta.title {
        text.push_str(title);
        meta.title_span = Some(Span::new(0, title.len()));
    }
    let mut paragraphs = Vec::new();
    for (block, located) in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&block.text);
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            block_quote: block.block_quote,
            source: located.map(|l| l.span),
        });
    }
    (meta, paragraphs, text)
}

/// The blocks with where each stands in the page, lists of links left out (unless
/// nothing else is left: a page with text never comes out empty).
fn without_link_lists(src: &str, blocks: Vec<Block>) -> Vec<(Block, Option<Located>)> {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let located = source::locate(src, &texts);
    let all: Vec<(Block, Option<Located>)> = blocks.into_iter().zip(located).collect();
    let is_prose =
        |(_, l): &&(Block, Option<Located>)| l.is_none_or(|l| l.link_share < LINK_LIST_SHARE);
    if !all.iter().any(|b| is_prose(&b)) {
        return all;
    }
    all.into_iter().filter(|b| is_prose(&b)).collect()
}
