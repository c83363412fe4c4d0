//! Corpus files: JSONL and CSV dumps in which each record is an article.
//!
//! Records are read one at a time, so a corpus of any length streams. The text and the
//! metadata are found under their usual field names, or under names the user gives
//! (`--field text=maintext`). Each article's offsets refer to its own text, and it is
//! named after its record: `corpus.jsonl:17` is the record on line 17.

use super::{header, normalise_date, plain, Article, Format, LoadError, Meta, MAX_FILE_BYTES};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

/// How a corpus file lays out its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusFormat {
    /// One JSON object per line.
    Jsonl,
    /// A header row naming the fields, then one record per row.
    Csv,
}

impl CorpusFormat {
    /// The corpus format a file name says, if any.
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" | "jsonlines" => Some(CorpusFormat::Jsonl),
            "csv" => Some(CorpusFormat::Csv),
            _ => None,
        }
    }

    /// JSONL when the content opens with a JSON object (text on standard input).
    pub fn of_content(head: &[u8]) -> Option<Self> {
        let first = head.iter().find(|b| !b.is_ascii_whitespace())?;
        (*first == b'{').then_some(CorpusFormat::Jsonl)
    }
}

/// What a record field can hold for the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Text,
    Title,
    Date,
    Outlet,
    Url,
    Authors,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Text,
        Field::Title,
        Field::Date,
        Field::Outlet,
        Field::Url,
        Field::Authors,
    ];

    fn key(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Title => "title",
            Field::Date => "date",
            Field::Outlet => "outlet",
            Field::Url => "url",
            Field::Authors => "authors",
        }
    }

    /// The names corpora usually give this field, most usual first.
    fn usual_names(self) -> &'static [&'static str] {
        match self {
            Field::Text => &["text", "body", "content", "article", "full_text"],
            Field::Title => &["title", "headline"],
            Field::Date => &[
                "date",
                "published",
                "published_at",
                "publish_date",
                "pubdate",
            ],
            Field::Outlet => &["outlet", "source", "publisher", "site", "media"],
            Field::Url => &["url", "link"],
            Field::Authors => &["authors", "author", "byline"],
        }
    }
}

/// Which record field holds what: the usual names, unless the user named one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldNames {
    named: Vec<(Field, String)>,
}

impl FieldNames {
    /// Adds a `KEY=NAME` choice (`text=maintext`): the text is in field `maintext`.
    pub fn name(&mut self, choice: &str) -> Result<(), String> {
        let keys = || Field::ALL.map(Field::key).join(", ");
        let (key, name) = choice
            .split_once('=')
            .ok_or_else(|| format!("--field {choice}: write KEY=NAME, e.g. text=maintext"))?;
        let field = Field::ALL
            .into_iter()
            .find(|f| f.key() == key.trim())
            .ok_or_else(|| format!("--field {choice}: KEY is one of {}", keys()))?;
        self.named.retain(|(f, _)| *f != field);
        self.named.push((field, name.trim().to_string()));
        Ok(())
    }

    /// The names to look for: the user's only, when given.
    fn names(&self, field: Field) -> Vec<&str> {
        match self.named.iter().find(|(f, _)| *f == field) {
            Some((_, name)) => vec![name.as_str()],
            None => field.usual_names().to_vec(),
        }
    }
}

/// One record as read, before its text is cut into paragraphs.
#[derive(Debug, Clone)]
pub struct Record {
    /// `file:line`, the name the article goes by.
    pub name: String,
    pub fields: Map<String, Value>,
}

/// The records of a corpus, read one at a time. A record that cannot be read (not
/// JSON, too long) comes as an error naming its line; the reading goes on.
pub struct Records<R: BufRead> {
    source: String,
    reader: Reader<R>,
}

enum Reader<R: BufRead> {
    Jsonl {
        input: R,
        line: usize,
    },
    Csv {
        rows: csv::Reader<R>,
        headers: Vec<String>,
    },
}

impl<R: BufRead> Records<R> {
    /// Starts reading `input`, named `source` in record names. A CSV without a readable
    /// header row is an error at once.
    pub fn new(input: R, source: &str, format: CorpusFormat) -> Result<Self, LoadError> {
        let reader = match format {
            CorpusFormat::Jsonl => Reader::Jsonl { input, line: 0 },
            CorpusFormat::Csv => {
                let mut rows = csv::ReaderBuilder::new().flexible(true).from_reader(input);
                let headers = rows
                    .headers()
                    .map_err(|e| bad(source, 1, format!("no header row: {e}")))?
                    .iter()
                    .map(|h| h.trim().to_string())
                    .collect();
                Reader::Csv { rows, headers }
            }
        };
        Ok(Records {
            source: source.to_string(),
            reader,
        })
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.reader {
            Reader::Jsonl { input, line } => next_json_line(input, line, &self.source),
            Reader::Csv { rows, headers } => next_csv_row(rows, headers, &self.source),
        }
    }
}

fn bad(source: &str, line: usize, reason: String) -> LoadError {
    LoadError::BadRecord {
        name: format!("{source}:{line}"),
        reason,
    }
}

fn next_json_line(
    input: &mut impl BufRead,
    line: &mut usize,
    source: &str,
) -> Option<Result<Record, LoadError>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        *line += 1;
        let read = input
            .by_ref()
            .take(MAX_FILE_BYTES + 1)
            .read_until(b'\n', &mut bytes);
        match read {
            Ok(0) => return None,
            Err(e) => return Some(Err(bad(source, *line, format!("cannot be read: {e}")))),
            Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => {
                skip_rest_of_line(input);
                let reason = "longer than an article may be".to_string();
                return Some(Err(bad(source, *line, reason)));
            }
            Ok(_) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => break,
        }
    }
    let name = format!("{source}:{line}");
    Some(match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(fields)) => Ok(Record { name, fields }),
        Ok(_) => Err(bad(source, *line, "is JSON but not an object".to_string())),
        Err(e) => Err(bad(source, *line, format!("is not JSON ({e})"))),
    })
}

fn skip_rest_of_line(input: &mut impl BufRead) {
    let mut sink = Vec::new();
    while let Ok(n) = input.read_until(b'\n', &mut sink) {
        if n == 0 || sink.ends_with(b"\n") {
            break;
        }
        sink.clear();
    }
}

fn next_csv_row<R: std::io::Read>(
    rows: &mut csv::Reader<R>,
    headers: &[String],
    source: &str,
) -> Option<Result<Record, LoadError>> {
    let mut row = csv::StringRecord::new();
    match rows.read_record(&mut row) {
        Ok(false) => None,
        Ok(true) => {
            let line = row.position().map_or(0, |p| p.line() as usize);
            let fields = headers
                .iter()
                .zip(row.iter())
                .map(|(h, v)| (h.clone(), Value::String(v.to_string())))
                .collect();
            Some(Ok(Record {
                name: format!("{source}:{line}"),
                fields,
            }))
        }
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Some(Err(bad(source, line, format!("is not a CSV row ({e})"))))
        }
    }
}

/// The article a record holds: its text cut into paragraphs, its metadata from the
/// other fields. A record with no text is an error naming the fields looked for.
pub fn article(record: Record, names: &FieldNames) -> Result<Article, LoadError> {
    let Record { name, mut fields } = record;
    let text = take_text(&mut fields, &names.names(Field::Text)).ok_or_else(|| {
        let looked = names.names(Field::Text).join(", ");
        LoadError::BadRecord {
            name: name.clone(),
            reason: format!(
                "has no text (looked for the field {looked}; name it with --field text=NAME)"
            ),
        }
    })?;
    let paragraphs = plain::body_paragraphs(&text);
    if paragraphs.is_empty() {
        return Err(LoadError::Empty(name));
    }
    Ok(Article {
        meta: meta_of(&fields, names),
        name,
        format: Format::Plain,
        text,
        file_text: None,
        paragraphs,
    })
}

fn take_text(fields: &mut Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match fields.remove(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    })
}

fn meta_of(fields: &Map<String, Value>, names: &FieldNames) -> Meta {
    let text = |field: Field| {
        names
            .names(field)
            .iter()
            .find_map(|n| match fields.get(*n)? {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    };
    Meta {
        title: text(Field::Title),
        date: text(Field::Date).map(|d| normalise_date(&d).unwrap_or(d)),
        outlet: text(Field::Outlet),
        url: text(Field::Url),
        authors: authors(fields, &names.names(Field::Authors)),
        extra: other_fields(fields, names),
        ..Meta::default()
    }
}

/// The record's other short fields (an id, a section), kept so that results can be
/// joined back to the records they came from.
fn other_fields(fields: &Map<String, Value>, names: &FieldNames) -> BTreeMap<String, String> {
    let taken: Vec<&str> = Field::ALL.iter().flat_map(|f| names.names(*f)).collect();
    fields
        .iter()
        .filter(|(k, _)| !taken.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            let value = match v {
                Value::String(s) if s.len() <= MAX_EXTRA_CHARS => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some((k.clone(), value))
        })
        .collect()
}

/// Longer fields are content (a second text, a summary), not labels to join on.
const MAX_EXTRA_CHARS: usize = 200;

/// Authors as a string ("Jane Roe and Tom Poe"), a list of strings, or a list of
/// objects with a name.
fn authors(fields: &Map<String, Value>, names: &[&str]) -> Vec<String> {
    let value = names.iter().find_map(|n| fields.get(*n));
    match value {
        Some(Value::String(s)) if !s.trim().is_empty() => header::authors(s.trim()),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Object(o) => o.get("name")?.as_str().map(|s| s.trim().to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(
        input: &str,
        format: CorpusFormat,
        names: &FieldNames,
    ) -> Vec<Result<Article, String>> {
        Records::new(input.as_bytes(), "c", format)
            .unwrap()
            .map(|r| r.and_then(|r| article(r, names)).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn jsonl_records_with_usual_names_become_articles_and_bad_lines_are_named() {
        let input = "{\"headline\": \"Dock strike ends\", \"body\": \"The strike ended.\\n\\nPorts reopen today.\", \"publisher\": \"Harbour Post\", \"author\": [\"Lea Quint\"], \"date\": \"2021-04-02\"}\n\
                     \n\
                     not json\n\
                     {\"title\": \"No text here\"}\n\
                     {\"text\": \"One line body.It runs on.\"}\n";
        let got = read_all(input, CorpusFormat::Jsonl, &FieldNames::default());
        assert_eq!(got.len(), 4);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.name, "c:1");
        assert_eq!(first.meta.title.as_deref(), Some("Dock strike ends"));
        assert_eq!(first.meta.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(first.meta.authors, ["Lea Quint"]);
        assert_eq!(first.meta.date.as_deref(), Some("2021-04-02"));
        assert!(first.meta.extra.is_empty(), "{:?}", first.meta.extra);
        let paras: Vec<&str> = (0..first.paragraphs.len())
            .map(|i| first.paragraph_text(i))
            .collect();
        assert_eq!(paras, ["The strike ended.", "Ports reopen today."]);
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .starts_with("c:3: skipped: the record is not JSON"),
            "{:?}",
            got[1]
        );
        assert!(
            got[2]
                .as_ref()
                .unwrap_err()
                .starts_with("c:4: skipped: the record has no text"),
            "{:?}",
            got[2]
        );
        let last = got[3].as_ref().unwrap();
        assert_eq!(last.name, "c:5");
        assert_eq!(
            last.paragraphs.len(),
            2,
            "a one-line body is split as a dump's is"
        );
    }

    #[test]
    fn csv_rows_with_embedded_newlines_and_named_fields() {
        let input = "id,maintext,source_domain,headline\n\
                     1,\"First line, with a comma.\n\nA \"\"quoted\"\" second paragraph.\",harbour.test,Fares rise\n\
                     2,,harbour.test,Empty\n";
        let mut names = FieldNames::default();
        names.name("text=maintext").unwrap();
        names.name("outlet=source_domain").unwrap();
        let got = read_all(input, CorpusFormat::Csv, &names);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.name, "c:2");
        assert_eq!(first.meta.outlet.as_deref(), Some("harbour.test"));
        assert_eq!(first.meta.title.as_deref(), Some("Fares rise"));
        assert_eq!(first.meta.extra.get("id").map(String::as_str), Some("1"));
        assert_eq!(first.paragraph_text(1), "A \"quoted\" second paragraph.");
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .starts_with("c:5: skipped: the record has no text"),
            "{:?}",
            got[1]
        );
    }

    #[test]
    fn field_choices_are_checked() {
        let mut names = FieldNames::default();
        assert!(names
            .name("txt=body")
            .unwrap_err()
            .contains("KEY is one of text"));
        assert!(names.name("text").unwrap_err().contains("KEY=NAME"));
    }

    #[test]
    fn formats_are_told_by_name_and_content() {
        assert_eq!(
            CorpusFormat::of_path(Path::new("a/b.JSONL")),
            Some(CorpusFormat::Jsonl)
        );
        assert_eq!(
            CorpusFormat::of_path(Path::new("b.csv")),
            Some(CorpusFormat::Csv)
        );
        assert_eq!(CorpusFormat::of_path(Path::new("b.txt")), None);
        assert_eq!(
            CorpusFormat::of_content(b"  \n{\"text\": 1}"),
            Some(CorpusFormat::Jsonl)
        );
        assert_eq!(CorpusFormat::of_content(b"Title\n\nBody"), None);
    }
}
