//! Which part of a saved page is the article.
//!
//! The main content is chosen by `rs-trafilatura` (a port of trafilatura, the best
//! scoring open extractor on the article-extraction benchmark), then cut into
//! paragraphs here so that block quotes, headings and list items keep their shape.
//! When it finds nothing, the page's own paragraph tags are read instead, so that a
//! page with any article text never comes out empty.

use super::blocks::{blocks_of_html, blocks_under, collapse, Block};
use scraper::{ElementRef, Html, Selector};

/// The article's blocks and what the extractor read of the page's metadata.
pub struct Extracted {
    pub blocks: Vec<Block>,
    pub metadata: Option<rs_trafilatura::Metadata>,
}

/// The article body of a page parsed as `doc`, without the headline when it repeats
/// `title`. The extractor reads the page's source `src` when there is one (a page read
/// flat has none to give it) and the page is not nested too deeply for it.
pub fn extract(src: Option<&str>, doc: &Html, title: Option<&str>) -> Extracted {
    let extracted = src
        .filter(|_| nesting_depth(doc) <= MAX_EXTRACTOR_DEPTH)
        .and_then(main_content);
    let (mut blocks, metadata) = match extracted {
        Some(result) => (blocks_of_result(&result), Some(result.metadata)),
        None => (Vec::new(), None),
    };
    if blocks.is_empty() {
        blocks = paragraph_tags(doc);
    }
    drop_repeated_title(&mut blocks, title);
    Extracted { blocks, metadata }
}

/// Pages nested deeper than this are not handed to the extractor, which walks the tree
/// by recursion and would overflow its thread's stack (a page of 20,000 nested block
/// quotes did); no page written for people comes near it, and the page's paragraph
/// tags are read instead.
const MAX_EXTRACTOR_DEPTH: usize = 512;

/// How deeply the page's elements nest, counted in one pass over the tree.
fn nesting_depth(doc: &Html) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ego_tree::iter::Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    deepest
}

/// The extractor's result, or `None` when it finds no content. A panic inside the
/// extractor is caught so that one odd page cannot stop a whole folder.
fn main_content(src: &str) -> Option<rs_trafilatura::ExtractResult> {
    let options = rs_trafilatura::Options::default();
    let run = || rs_trafilatura::extract_with_options(src, &options);
    std::panic::catch_unwind(run).ok()?.ok()
}

/// The extractor's text, one block per line. Its text leaves out furniture that its
/// HTML keeps (post dates, "previous / next" links), so the lines decide what is
/// kept, and the HTML only tells which of them stand in a block quote.
fn blocks_of_result(result: &rs_trafilatura::ExtractResult) -> Vec<Block> {
    let quoted: Vec<String> = result
        .content_html
        .as_deref()
        .map(blocks_of_html)
        .unwrap_or_default()
        .into_iter()
        .filter(|b| b.block_quote)
        .map(|b| b.text)
        .collect();
    result
        .content_text
        .lines()
        .map(collapse)
        .filter(|t| !t.is_empty())
        .map(|text| Block {
            block_quote: quoted.iter().any(|q| q.contains(&text)),
            text,
        })
        .collect()
}

/// The headline is the article's title, not its first paragraph.
fn drop_repeated_title(blocks: &mut Vec<Block>, title: Option<&str>) {
    let Some(title) = title.map(collapse).filter(|t| !t.is_empty()) else {
        return;
    };
    let near_start = blocks.len().min(3);
    if let Some(i) = blocks[..near_start]
        .iter()
        .position(|b| b.text.eq_ignore_ascii_case(&title))
    {
        blocks.remove(i);
    }
}

/// Ancestors whose content is page furniture, not the article.
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "figure", "form"];

/// The fallback: paragraphs and block quotes under the element that holds the most
/// paragraph text, leaving out navigation, headers, footers and figures.
fn paragraph_tags(doc: &Html) -> Vec<Block> {
    let paragraphs = Selector::parse("p, blockquote, li").expect("a valid selector");
    let kept: Vec<ElementRef> = doc
        .select(&paragraphs)
        .filter(|el| !in_furniture(*el))
        .filter(|el| !has_block_parent_in(*el, &["p", "blockquote", "li"]))
        .collect();
    kept.into_iter().flat_map(blocks_under).collect()
}

fn in_furniture(el: ElementRef) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| FURNITURE_TAGS.contains(&a.value().name()))
}

/// Whether the element sits inside one of `names`, whose blocks already include it.
fn has_block_parent_in(el: ElementRef, names: &[&str]) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| names.contains(&a.value().name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_not_repeated_as_the_first_paragraph() {
        let mut blocks = vec![
            Block {
                text: "Council Votes on the Budget".to_string(),
                block_quote: false,
            },
            Block {
                text: "The council voted on Monday.".to_string(),
                block_quote: false,
            },
        ];
        drop_repeated_title(&mut blocks, Some("Council votes on the budget"));
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "The council voted on Monday.");
    }

    #[test]
    fn the_fallback_reads_paragraphs_outside_furniture() {
        let doc = Html::parse_document(
            "<body><nav><p>Home</p></nav><div><p>One.</p><blockquote><p>Two.</p>\
             </blockquote></div><footer><p>Copyright</p></footer></body>",
        );
        let texts: Vec<(String, bool)> = paragraph_tags(&doc)
            .into_iter()
            .map(|b| (b.text, b.block_quote))
            .collect();
        assert_eq!(
            texts,
            [("One.".to_string(), false), ("Two.".to_string(), true)]
        );
    }
}
