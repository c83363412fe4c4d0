use crate::span::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// How an article file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::EnumIter)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    /// Title line, blank line, paragraphs separated by blank lines.
    Plain,
    /// A news-dataset dump: URL, title, keywords, date, id, then the body on one line.
    Dump,
    /// Markdown with a `+++` TOML front matter block.
    Markdown,
    /// A saved HTML news page.
    Html,
}

impl Format {
    /// Guesses the format from the file name and its first lines.
    pub fn detect(name: &str, text: &str) -> Format {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lower = name.to_ascii_lowercase();
        let head: String = text
            .trim_start()
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.ends_with(".html")
            || lower.ends_with(".htm")
            || head.starts_with("<!doctype html")
            || head.starts_with("<html")
        {
            return Format::Html;
        }
        if text.trim_start().starts_with("+++")
            || lower.ends_with(".md")
            || lower.ends_with(".markdown")
        {
            return Format::Markdown;
        }
        if looks_like_dump(text) {
            return Format::Dump;
        }
        Format::Plain
    }

    pub fn name(self) -> &'static str {
        self.into()
    }
}

fn looks_like_dump(text: &str) -> bool {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").trim();
    let is_url = first.starts_with("http://") || first.starts_with("https://");
    let rest: Vec<&str> = lines.take(5).collect();
    is_url && rest.len() == 5 && rest[..4].iter().all(|l| !l.trim().is_empty())
}

/// What the article says about itself.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    /// Where the title stands in the text, when it stands there verbatim.
    #[serde(skip)]
    pub title_span: Option<Span>,
    /// The line under the headline (subtitle, dek, standfirst); not annotated.
    pub subtitle: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// ISO 8601 when the source date could be parsed, else as written.
    pub date: Option<String>,
    pub authors: Vec<String>,
    pub keywords: Vec<String>,
    /// Keywords that name people, turned to "First M Last" order.
    pub people: Vec<String>,
    /// Header fields with no place above.
    pub extra: BTreeMap<String, String>,
}

impl Meta {
    /// The authors as a byline: "by A", "by A and B", "by A, B and C", and past three
    /// names "by A, B and 4 others".
    pub fn byline(&self) -> Option<String> {
        let names = &self.authors;
        Some(match names.len() {
            0 => return None,
            1 => format!("by {}", names[0]),
            2 | 3 => {
                let (last, rest) = names.split_last()?;
                format!("by {} and {last}", rest.join(", "))
            }
            n => format!("by {}, {} and {} others", names[0], names[1], n - 2),
        })
    }

    /// The date as a reader says it ("6 June 2017"), if there is one.
    pub fn readable_date(&self) -> Option<String> {
        self.date.as_deref().map(super::date::readable)
    }
}

/// One body paragraph: a span of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub block_quote: bool,
    /// Where the paragraph stands in the file, when `text` is not the file's text
    /// (HTML: the bytes of the element in the page source).
    pub source: Option<Span>,
}

impl Paragraph {
    pub fn new(span: Span) -> Self {
        Paragraph {
            span,
            block_quote: false,
            source: None,
        }
    }
}

/// A loaded article. Paragraph and annotation spans are byte ranges into `text`.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The file it came from (or the sample's name).
    pub name: String,
    pub format: Format,
    pub meta: Meta,
    /// The decoded file text, unchanged (for HTML: the page's readable text).
    pub text: String,
    /// For HTML, the page source itself, which paragraphs' `source` spans point into.
    #[serde(skip)]
    pub file_text: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    pub fn paragraph_text(&self, index: usize) -> &str {
        self.paragraphs[index].span.slice(&self.text)
    }

    /// The index of the paragraph holding a byte offset, if any.
    pub fn paragraph_of(&self, byte: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= byte);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= byte).then_some(i)
    }

    /// The spans the annotator reads: the title (when it is in the text) and the paragraphs.
    pub fn regions(&self) -> Vec<Span> {
        let mut out: Vec<Span> = self.meta.title_span.into_iter().collect();
        out.extend(self.paragraphs.iter().map(|p| p.span));
        out
    }

    pub fn title_or_name(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::Meta;

    #[test]
    fn bylines_name_up_to_three_and_count_the_rest() {
        let with = |names: &[&str]| Meta {
            authors: names.iter().map(std::string::ToString::to_string).collect(),
            ..Meta::default()
        };
        assert_eq!(with(&[]).byline(), None);
        assert_eq!(with(&["A. Roe"]).byline().as_deref(), Some("by A. Roe"));
        assert_eq!(
            with(&["A", "B", "C"]).byline().as_deref(),
            Some("by A, B and C")
        );
        assert_eq!(
            with(&["A", "B", "C", "D", "E"]).byline().as_deref(),
            Some("by A, B and 3 others")
        );
    }
}
