//! What a saved page says about its article: title, date, authors, outlet, address.
//!
//! Pages state these in several places of differing reliability. Each field is
//! taken from the first place that gives a usable value, in this order: Open Graph
//! and `article:*` meta tags, JSON-LD (any type, `@graph` and author references
//! followed), `itemprop` microdata, `<time>` elements and visible bylines, and last
//! what the body extractor read. Dates must be real days; authors must be names.

use super::blocks::collapse;
use super::byline;
use super::source::decode_references;
use crate::article::date::plausible_date;
use crate::article::Meta;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// Meta tag names (lowercase) that carry the publication date, best first.
const DATE_TAGS: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article:modified_time",
];

/// The page's metadata as its markup states it.
pub fn read(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    let tags = meta_tags(doc);
    let tag = |key: &str| tags.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let ld = JsonLd::read(doc);

    meta.outlet = tag("og:site_name")
        .or_else(|| ld.text("/publisher/name"))
        .or_else(|| tag("application-name"));
    meta.url = tag("og:url")
        .or_else(|| attr_of(doc, "link[rel=canonical]", "href"))
        .or_else(|| ld.text("/url"));
    let stated: Vec<String> = [
        tag("og:title"),
        ld.text("/headline"),
        itemprop(doc, "headline"),
        tag("twitter:title"),
        text_of(doc, "title"),
    ]
    .into_iter()
    .flatten()
    .map(|t| decode_references(&t))
    .collect();
    let mut site = None;
    let titles: Vec<String> = stated
        .iter()
        .map(|t| {
            let (title, tail) = strip_site_suffix(t, meta.outlet.as_deref(), meta.url.as_deref());
            site = site.take().or(tail);
            title
        })
        .collect();
    meta.title = headline(doc, &titles);
    meta.outlet = meta.outlet.take().or(site);
    meta.date = DATE_TAGS
        .iter()
        .filter_map(|k| tag(k))
        .chain(site_date_tags(&tags))
        .chain(ld.texts("/datePublished"))
        .chain(itemprop(doc, "datePublished"))
        .chain(time_elements(doc))
        .find_map(|d| plausible_date(&d));
    // Meta tags and JSON-LD together: a tag often names only the first author.
    let stated = names_in(
        tags.iter()
            .filter(|(k, _)| k == "author" || k == "article:author" || k == "byl")
            .map(|(_, v)| v.clone())
            .chain(ld.authors()),
    );
    let visible = names_in(visible_bylines(doc));
    // The visible byline wins when it names everyone the markup does, and more (with
    // the markup's fuller spellings).
    let fuller = visible.len() > stated.len()
        && stated
            .iter()
            .all(|s| visible.iter().any(|v| byline::same_person(s, v)));
    meta.authors = if stated.is_empty() || fuller {
        names_in(visible.into_iter().chain(stated))
    } else {
        stated
    };
    read_keywords_and_extra(&tags, &mut meta);
    meta
}

/// Fills what the markup left empty from what the body extractor read of the page.
/// Not the outlet: the extractor guesses it from header text ("Home News Weather").
pub fn fill_gaps(meta: &mut Meta, found: &rs_trafilatura::Metadata) {
    if meta.title.is_none() {
        meta.title = found.title.as_deref().map(collapse);
    }
    if meta.date.is_none() {
        meta.date = found.date.and_then(|d| plausible_date(&d.to_rfc3339()));
    }
    if meta.authors.is_empty() {
        meta.authors = names_in(found.author.clone());
    }
}

/// Dates in meta tags a site named itself ("xyz-post-date", "pubdate-iso").
fn site_date_tags(tags: &[(String, String)]) -> Vec<String> {
    tags.iter()
        .filter(|(k, _)| {
            ["publish", "pubdate", "pub-date", "post-date", "postdate"]
                .iter()
                .any(|w| k.contains(w))
        })
        .map(|(_, v)| v.clone())
        .collect()
}

/// Every `<meta>` with content, as (lowercase property or name, collapsed content).
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    doc.select(&sel("meta[content]"))
        .filter_map(|el| {
            let v = el.value();
            let key = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"))?
                .to_ascii_lowercase();
            let content = collapse(v.attr("content")?);
            (!content.is_empty()).then_some((key, content))
        })
        .collect()
}

fn read_keywords_and_extra(tags: &[(String, String)], meta: &mut Meta) {
    for (key, content) in tags {
        match key.as_str() {
            "keywords" | "news_keywords" => {
                for k in content.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                    push_unique(&mut meta.keywords, k.to_string());
                }
            }
            "article:tag" => push_unique(&mut meta.keywords, content.clone()),
            "article:section" | "description" | "og:description" => {
                meta.extra
                    .entry(key.clone())
                    .or_insert_with(|| content.clone());
            }
            _ => {}
        }
    }
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.iter().any(|v| v.eq_ignore_ascii_case(&value)) {
        list.push(value);
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selectors in this file are valid")
}

fn text_of(doc: &Html, css: &str) -> Option<String> {
    let el = doc.select(&sel(css)).next()?;
    let t = collapse(&el.text().collect::<String>());
    (!t.is_empty()).then_some(t)
}

fn attr_of(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let el = doc.select(&sel(css)).next()?;
    let v = collapse(el.value().attr(attr)?);
    (!v.is_empty()).then_some(v)
}

/// A microdata property's value: its `content` or `datetime` attribute, else its text.
fn itemprop(doc: &Html, prop: &str) -> Option<String> {
    let el = doc.select(&sel(&format!("[itemprop={prop}]"))).next()?;
    let v = el.value();
    let raw = v
        .attr("content")
        .or_else(|| v.attr("datetime"))
        .map_or_else(|| el.text().collect(), str::to_string);
    let value = collapse(&raw);
    (!value.is_empty()).then_some(value)
}

/// The `datetime` of `<time>` elements, the one marked as the publication first.
fn time_elements(doc: &Html) -> Vec<String> {
    let mut times: Vec<(bool, String)> = doc
        .select(&sel("time[datetime]"))
        .filter_map(|el| {
            let v = el.value();
            let marks = format!(
                "{} {} {}",
                v.attr("class").unwrap_or(""),
                v.attr("itemprop").unwrap_or(""),
                v.attr("pubdate").map_or("", |_| "pubdate")
            )
            .to_ascii_lowercase();
            let published = marks.contains("pub");
            Some((!published, v.attr("datetime")?.to_string()))
        })
        .collect();
    times.sort_by_key(|(later, _)| *later);
    times.into_iter().map(|(_, t)| t).collect()
}

/// The first visible byline that names anyone: an `itemprop=author` or `rel=author`
/// element, or one whose class says byline or author name. Only the first, as later
/// ones belong to related stories and comments.
fn visible_bylines(doc: &Html) -> Vec<String> {
    let css = "[itemprop=author], a[rel=author], [class*=byline], [class*=author-name], \
               [class*=authorName]";
    doc.select(&sel(css))
        .map(byline_text)
        .find(|t| !byline::names(t).is_empty())
        .into_iter()
        .collect()
}

fn byline_text(el: ElementRef) -> String {
    if let Some(name) = el.select(&sel("[itemprop=name]")).next() {
        let v = name.value();
        return collapse(
            &v.attr("content")
                .map_or_else(|| name.text().collect(), str::to_string),
        );
    }
    collapse(&el.text().collect::<String>())
}

/// The names in bylines, each cleaned and split, the same person once (the fuller
/// spelling kept: "Troy L. Smith" over "Troy Smith").
fn names_in(bylines: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for raw in bylines {
        for name in byline::names(&raw) {
            match names.iter_mut().find(|n| byline::same_person(n, &name)) {
                Some(known) if name.len() > known.len() => *known = name,
                Some(_) => {}
                None => names.push(name),
            }
        }
    }
    names
}

/// The headline among the titles a page states: the one its `<h1>` shows (Open Graph
/// and JSON-LD titles are often written for search engines or social media), or the
/// `<h1>` itself where a stated title cuts it short; else the first stated.
fn headline(doc: &Html, titles: &[String]) -> Option<String> {
    let shown: Vec<String> = doc
        .select(&sel("h1"))
        .take(8)
        .map(|h| collapse(&h.text().collect::<String>()))
        .collect();
    let on_page = |t: &&String| shown.iter().any(|h| h.eq_ignore_ascii_case(t));
    let whole = |t: &String| {
        let stem = t.trim_end_matches(['…', '.', ' ']).to_lowercase();
        let long_enough = stem.chars().count() >= 20;
        shown
            .iter()
            .find(|h| long_enough && h.len() > t.len() && h.to_lowercase().starts_with(&stem))
            .cloned()
    };
    titles
        .iter()
        .find(on_page)
        .cloned()
        .or_else(|| titles.iter().find_map(whole))
        .or_else(|| titles.first().cloned())
}

/// Takes a trailing " | Site" (or " - Site", " — Site") off a page title when the tail
/// is the outlet, part of the page's host name, or a short name after a bar; returns
/// the title and the site name taken off.
fn strip_site_suffix(
    title: &str,
    outlet: Option<&str>,
    url: Option<&str>,
) -> (String, Option<String>) {
    let host = url
        .and_then(|u| u.split("//").nth(1))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("")
        .to_ascii_lowercase();
    let site = site_label(&host);
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        let Some(i) = title.rfind(sep) else { continue };
        let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
        let squeezed: String = tail
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let is_outlet = outlet.is_some_and(|o| o.eq_ignore_ascii_case(tail));
        let in_host = squeezed.len() >= 3
            && (squeezed.contains(&site) || site.contains(&squeezed))
            && site.len() >= 3;
        let short_after_bar = sep == " | " && tail.split_whitespace().count() <= 4;
        if !head.is_empty() && (is_outlet || in_host || short_after_bar) {
            return (head.to_string(), Some(tail.to_string()));
        }
    }
    (title.to_string(), None)
}

/// The distinctive label of a host name: "coastalledger" in "www.coastalledger.co.uk".
fn site_label(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let inner = &labels[..labels.len().saturating_sub(1)];
    inner
        .iter()
        .filter(|l| !matches!(**l, "www" | "m" | "amp" | "co" | "com" | "org" | "net"))
        .max_by_key(|l| l.len())
        .map(|l| l.replace('-', ""))
        .unwrap_or_default()
}

/// The page's JSON-LD items, every `@graph` and array flattened.
struct JsonLd {
    items: Vec<Value>,
}

impl JsonLd {
    fn read(doc: &Html) -> Self {
        let mut items = Vec::new();
        for script in doc.select(&sel(r#"script[type="application/ld+json"]"#)) {
            let text = script.text().collect::<String>();
            if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
                flatten(value, &mut items);
            }
        }
        // Articles first: a page's WebPage or Organization item describes the site.
        items.sort_by_key(|item| !is_article(item));
        JsonLd { items }
    }

    fn texts<'a>(&'a self, pointer: &'a str) -> impl Iterator<Item = String> + 'a {
        self.items
            .iter()
            .filter_map(move |item| item.pointer(pointer)?.as_str().map(collapse))
            .filter(|s| !s.is_empty())
    }

    fn text(&self, pointer: &str) -> Option<String> {
        self.texts(pointer).next()
    }

    /// The authors of the first item that names any, following `{"@id": …}` references.
    fn authors(&self) -> Vec<String> {
        self.items
            .iter()
            .filter_map(|item| item.get("author"))
            .map(|author| self.names(author))
            .find(|names| !names.is_empty())
            .unwrap_or_default()
    }

    fn names(&self, value: &Value) -> Vec<String> {
        match value {
            Value::Array(items) => items.iter().flat_map(|v| self.names(v)).collect(),
            Value::String(s) => vec![s.clone()],
            Value::Object(map) => match map.get("name") {
                Some(Value::String(name)) => vec![name.clone()],
                _ => map
                    .get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| self.by_id(id))
                    .and_then(|node| node.get("name")?.as_str())
                    .map(|n| vec![n.to_string()])
                    .unwrap_or_default(),
            },
            _ => Vec::new(),
        }
    }

    fn by_id(&self, id: &str) -> Option<&Value> {
        self.items
            .iter()
            .find(|item| item.get("@id").and_then(Value::as_str) == Some(id))
    }
}

fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            if map.keys().any(|k| !k.starts_with('@')) {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

fn is_article(item: &Value) -> bool {
    let kind = item.get("@type").map(Value::to_string).unwrap_or_default();
    ["Article", "Posting", "Report", "BlogPosting"]
        .iter()
        .any(|k| kind.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Meta {
        read(&Html::parse_document(html))
    }

    #[test]
    fn json_ld_graph_gives_headline_date_and_referenced_author() {
        let meta = meta_of(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.test/a#page","name":"Site page"},
              {"@type":"ReportageNewsArticle","headline":"Bridge reopens after repairs",
               "datePublished":"2021-03-04T08:00:00Z","author":{"@id":"https://x.test/#p1"}},
              {"@type":"Person","@id":"https://x.test/#p1","name":"Odile Varga"}]}
            </script></head><body></body></html>"#,
        );
        assert_eq!(meta.title.as_deref(), Some("Bridge reopens after repairs"));
        assert_eq!(meta.date.as_deref(), Some("2021-03-04T08:00:00Z"));
        assert_eq!(meta.authors, ["Odile Varga"]);
    }

    #[test]
    fn dates_come_from_time_elements_and_placeholders_are_refused() {
        let meta = meta_of(
            r#"<html><head><meta property="article:published_time" content="0001-01-01T00:00:00">
            </head><body><time datetime="2020-07-01">July 1</time>
            <time class="published" datetime="2020-06-30T10:00:00Z">June 30</time></body></html>"#,
        );
        assert_eq!(meta.date.as_deref(), Some("2020-06-30T10:00:00Z"));
    }

    #[test]
    fn author_urls_are_not_names_and_visible_bylines_are_cleaned() {
        let meta = meta_of(
            r#"<html><head><meta property="article:author" content="https://www.example.test/people/someone">
            </head><body><p class="byline">By TOMAS REYNA and Ada Quell, Associated Press Writers</p></body></html>"#,
        );
        assert_eq!(meta.authors, ["Tomas Reyna", "Ada Quell"]);
    }

    #[test]
    fn a_headline_cut_short_in_the_metadata_is_read_whole_from_the_page() {
        let meta = meta_of(
            r#"<html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Tram line to reopen after a year of works on the…"}
            </script><meta property="og:title" content="Tram line reopens"></head>
            <body><h1>Site</h1><h1>Tram line to reopen after a year of works on the bridge</h1></body></html>"#,
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("Tram line to reopen after a year of works on the bridge")
        );
    }

    #[test]
    fn the_fuller_of_two_bylines_and_spelling_is_kept() {
        let meta = meta_of(
            r#"<html><head><meta name="author" content="Lea Fontaine">
            <script type="application/ld+json">{"@type":"NewsArticle",
              "author":{"@type":"Person","name":"Lea M. Fontaine, Harbourtown.com"}}</script></head>
            <body><div class="article-byline">By Lea Fontaine, Ravi Anand and Jo Park</div></body></html>"#,
        );
        assert_eq!(meta.authors, ["Lea M. Fontaine", "Ravi Anand", "Jo Park"]);
    }

    #[test]
    fn the_site_name_is_taken_off_the_title() {
        let title =
            |t: &str, outlet: Option<&str>, url: Option<&str>| strip_site_suffix(t, outlet, url).0;
        assert_eq!(
            strip_site_suffix("Harbour tolls rise | Coastal Ledger", None, None),
            (
                "Harbour tolls rise".to_string(),
                Some("Coastal Ledger".to_string())
            )
        );
        assert_eq!(
            title(
                "Harbour tolls rise - Coastal Ledger Online",
                None,
                Some("https://www.coastalledger.test/a/1")
            ),
            "Harbour tolls rise"
        );
        assert_eq!(
            title("Left - and right - agree", Some("Ledger"), None),
            "Left - and right - agree"
        );
    }
}
