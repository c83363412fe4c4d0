//! Saved HTML news pages: metadata from meta tags and JSON-LD, body from the article's paragraphs.

use super::{normalise_date, Meta, Paragraph};
use crate::span::Span;
use scraper::{ElementRef, Html, Selector};

/// Ancestors whose content is page furniture, not the article.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "script",
    "style",
    "form",
    "noscript",
    "button",
    "template",
];
/// Class or id fragments that mark widgets around the article.
const SKIP_CLASSES: &[&str] = &[
    "share",
    "social",
    "related",
    "newsletter",
    "caption",
    "promo",
    "advert",
    "subscribe",
    "comment",
    "byline",
    "breadcrumb",
    "signup",
];

/// Returns the metadata, the paragraphs, and the readable text they are spans of:
/// the title, then each paragraph, separated by blank lines.
pub fn parse(src: &str) -> (Meta, Vec<Paragraph>, String) {
    let doc = Html::parse_document(src);
    let mut meta = Meta::default();
    read_meta_tags(&doc, &mut meta);
    read_json_ld(&doc, &mut meta);
    if meta.title.is_none() {
        meta.title =
            select_text(&doc, "title").map(|t| strip_site_suffix(&t, meta.outlet.as_deref()));
    }
    let blocks = body_blocks(&doc);
    let mut text = String::new();
    if let Some(title) = &meta.title {
        text.push_str(title);
        meta.title_span = Some(Span::new(0, title.len()));
    }
    let mut paragraphs = Vec::new();
    for (body, block_quote) in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&body);
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            block_quote,
            source: None,
        });
    }
    let bodies: Vec<&str> = paragraphs.iter().map(|p| p.span.slice(&text)).collect();
    let sources = super::html_source::locate(src, &bodies);
    for (p, source) in paragraphs.iter_mut().zip(sources) {
        p.source = source;
    }
    (meta, paragraphs, text)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selectors in this file are valid")
}

fn select_text(doc: &Html, css: &str) -> Option<String> {
    let el = doc.select(&sel(css)).next()?;
    let t = collapse(&el.text().collect::<String>());
    (!t.is_empty()).then_some(t)
}

fn read_meta_tags(doc: &Html, meta: &mut Meta) {
    for el in doc.select(&sel("meta[content]")) {
        let v = el.value();
        let key = v
            .attr("property")
            .or_else(|| v.attr("name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let content = collapse(v.attr("content").unwrap_or(""));
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "og:title" => meta.title = Some(content),
            "og:site_name" => meta.outlet = Some(content),
            "og:url" => meta.url = Some(content),
            "article:published_time" | "date" | "pubdate" => {
                meta.date = Some(normalise_date(&content).unwrap_or(content))
            }
            "author" | "article:author" => push_unique(&mut meta.authors, content),
            "keywords" | "news_keywords" => {
                for k in content.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                    push_unique(&mut meta.keywords, k.to_string());
                }
            }
            "article:tag" => push_unique(&mut meta.keywords, content),
            "article:section" | "description" | "og:description" => {
                meta.extra.insert(key, content);
            }
            _ => {}
        }
    }
    if meta.url.is_none() {
        meta.url = doc
            .select(&sel("link[rel=canonical]"))
            .next()
            .and_then(|l| l.value().attr("href"))
            .map(str::to_string);
    }
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Fills what the meta tags left empty from a JSON-LD `NewsArticle`.
fn read_json_ld(doc: &Html, meta: &mut Meta) {
    for script in doc.select(&sel(r#"script[type="application/ld+json"]"#)) {
        let Ok(value) =
            serde_json::from_str::<serde_json::Value>(&script.text().collect::<String>())
        else {
            continue;
        };
        for item in json_ld_items(&value) {
            let kind = item.get("@type").map(|t| t.to_string()).unwrap_or_default();
            if !kind.contains("Article") {
                continue;
            }
            let s = |k: &str| item.get(k).and_then(|v| v.as_str()).map(collapse);
            meta.title = meta.title.take().or_else(|| s("headline"));
            if meta.date.is_none() {
                meta.date = s("datePublished").map(|d| normalise_date(&d).unwrap_or(d));
            }
            meta.url = meta.url.take().or_else(|| s("url"));
            if meta.outlet.is_none() {
                meta.outlet = item
                    .pointer("/publisher/name")
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
            }
            for name in names(item.get("author")) {
                push_unique(&mut meta.authors, name);
            }
        }
    }
}

fn json_ld_items(value: &serde_json::Value) -> Vec<&serde_json::Value> {
    match value {
        serde_json::Value::Array(items) => items.iter().flat_map(json_ld_items).collect(),
        serde_json::Value::Object(map) => match map.get("@graph") {
            Some(graph) => json_ld_items(graph),
            None => vec![value],
        },
        _ => vec![],
    }
}

fn names(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::Array(items)) => {
            items.iter().flat_map(|i| names(Some(i))).collect()
        }
        Some(serde_json::Value::Object(map)) => map
            .get("name")
            .and_then(|n| n.as_str())
            .map(|n| vec![n.to_string()])
            .unwrap_or_default(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        _ => vec![],
    }
}

fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    for sep in [" - ", " | ", " — "] {
        if let Some(i) = title.rfind(sep) {
            let tail = &title[i + sep.len()..];
            if outlet.is_none_or(|o| o.eq_ignore_ascii_case(tail)) && tail.len() <= 60 {
                return title[..i].trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The article's `<p>` and `<blockquote>` texts, with whether each is a block quote.
fn body_blocks(doc: &Html) -> Vec<(String, bool)> {
    let root = ["[itemprop=articleBody]", "article", "main", "body"]
        .iter()
        .find_map(|css| doc.select(&sel(css)).next());
    let Some(root) = root else { return Vec::new() };
    let mut out = Vec::new();
    for el in root.select(&sel("p, blockquote")) {
        if is_furniture(el) {
            continue;
        }
        let in_quote = el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "blockquote");
        let is_quote = el.value().name() == "blockquote";
        if is_quote && el.select(&sel("p")).next().is_some() {
            continue; // its paragraphs are taken one by one
        }
        let t = collapse(&el.text().collect::<String>());
        if !t.is_empty() {
            out.push((t, is_quote || in_quote));
        }
    }
    out
}

fn is_furniture(el: ElementRef) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|a| {
            let v = a.value();
            let marks = format!(
                "{} {}",
                v.attr("class").unwrap_or(""),
                v.attr("id").unwrap_or("")
            )
            .to_ascii_lowercase();
            SKIP_TAGS.contains(&v.name()) || SKIP_CLASSES.iter().any(|c| marks.contains(c))
        })
}

/// Folds runs of white space (HTML source line breaks) into single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
