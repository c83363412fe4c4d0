//! An HTML tree cut into the blocks a reader sees as paragraphs: each block-level
//! element, heading, list item and `<br>`-separated run of text is one block.

use scraper::{ElementRef, Html, Node};

/// One paragraph's worth of visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub block_quote: bool,
}

/// Elements whose content is never shown as text: scripts, styles, embedded frames
/// and media, and form controls.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "select", "textarea", "button", "head", "title",
];

/// Elements that start and end a block of their own.
const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The blocks of an HTML fragment or document, in reading order.
pub fn blocks_of_html(html: &str) -> Vec<Block> {
    let doc = Html::parse_document(html);
    blocks_under(doc.root_element())
}

/// The blocks under one element, in reading order.
pub fn blocks_under(root: ElementRef) -> Vec<Block> {
    let mut cutter = Cutter::default();
    cutter.walk(root, 0);
    cutter.flush(false);
    cutter.blocks
}

/// What is left to do while walking the tree.
enum Step<'a> {
    /// Take in an element (and then its children).
    Enter(ElementRef<'a>, usize),
    /// Text of an element, in its place among the children.
    Text(&'a str),
    /// End the block being gathered: a block element's end, or a `<br>`; the quote
    /// depth says whether it is quoted.
    Leave(usize),
}

#[derive(Default)]
struct Cutter {
    blocks: Vec<Block>,
    pending: String,
}

impl Cutter {
    /// Walks the tree depth first with a stack of its own, not by recursion: a page of
    /// thousands of nested elements must not overflow the thread's stack.
    fn walk(&mut self, root: ElementRef, quote_depth: usize) {
        let mut stack = vec![Step::Enter(root, quote_depth)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(el, quote_depth) => self.enter(el, quote_depth, &mut stack),
                Step::Text(t) => self.pending.push_str(t),
                Step::Leave(depth) => self.flush(depth > 0),
            }
        }
    }

    /// Takes in an element's own text up to its first child element, and puts on the
    /// stack what follows: its children in order, then the end of a block element.
    fn enter<'a>(&mut self, el: ElementRef<'a>, quote_depth: usize, stack: &mut Vec<Step<'a>>) {
        let name = el.value().name();
        if HIDDEN.contains(&name) {
            return;
        }
        let is_block = BLOCK_LEVEL.contains(&name);
        let depth = quote_depth + usize::from(name == "blockquote");
        if is_block {
            self.flush(quote_depth > 0);
            stack.push(Step::Leave(depth));
        }
        let first = stack.len();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => stack.push(Step::Text(t)),
                Node::Element(e) if e.name() == "br" => stack.push(Step::Leave(depth)),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        stack.push(Step::Enter(child, depth));
                    }
                }
                _ => {}
            }
        }
        // Children were pushed in order; the stack takes them last first.
        stack[first..].reverse();
    }
    /// Ends the block being gathered, if it holds any visible text.
    fn flush(&mut self, block_quote: bool) {
        let text = collapse(&self.pending);
        self.pending.clear();
        if !text.is_empty() {
            self.blocks.push(Block { text, block_quote });
        }
    }
}

/// Folds runs of white space (HTML source line breaks) into single spaces.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        blocks_of_html(html).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn divs_with_line_breaks_are_cut_into_paragraphs() {
        let html = "<div>The council met on Monday.<br><br>It voted late.<br>\
                    <span>Nobody objected.</span></div>";
        assert_eq!(
            texts(html),
            [
                "The council met on Monday.",
                "It voted late.",
                "Nobody objected."
            ]
        );
    }

    #[test]
    fn headings_and_list_items_are_paragraphs_of_their_own() {
        let html = "<h2>What changed</h2><p>Three things <b>changed</b>:</p>\
                    <ul><li>the fee</li><li>the date</li></ul>";
        assert_eq!(
            texts(html),
            [
                "What changed",
                "Three things changed:",
                "the fee",
                "the date"
            ]
        );
    }

    #[test]
    fn hidden_elements_leave_no_markup_or_text() {
        let html = "<p>Before<noscript><img src=\"x.png\"></noscript> and \
                    <script>var a = '<p>no</p>';</script>after<style>p{}</style>.</p>\
                    <p><iframe src=\"ad\">fallback text</iframe>Next.</p>";
        assert_eq!(texts(html), ["Before and after.", "Next."]);
    }

    #[test]
    fn text_inside_block_quotes_is_marked() {
        let html = "<p>He wrote:</p><blockquote><p>We will not wait.</p>\
                    <p>Not again.</p></blockquote><p>Then he left.</p>";
        let marks: Vec<(String, bool)> = blocks_of_html(html)
            .into_iter()
            .map(|b| (b.text, b.block_quote))
            .collect();
        assert_eq!(
            marks,
            [
                ("He wrote:".to_string(), false),
                ("We will not wait.".to_string(), true),
                ("Not again.".to_string(), true),
                ("Then he left.".to_string(), false),
            ]
        );
    }
}
