//! A SQLite database of a corpus's annotations, for SQL, Datasette and pandas.
//!
//! Tables: articles (with their metadata and text), paragraphs, persons (one row per
//! person across the corpus), people (a person in one article), mentions and sources.
//! Every span is stored as code-point offsets with its text beside them. Articles are
//! written in transactions of a batch at a time as the stream goes; an article already
//! in the database (same name) is left as it is, so running again on a grown corpus
//! adds only what is new.

use super::error::{ExportError, Result};
use super::Annotated;
use crate::annotate::SourceKind;
use crate::span::{CharIndex, Span};
use crate::stats::person_key;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// Articles written per transaction.
const BATCH: usize = 256;

const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    title TEXT, outlet TEXT, date TEXT, url TEXT,
    authors TEXT NOT NULL,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    sources INTEGER NOT NULL, anonymous INTEGER NOT NULL,
    anonymous_without_reason INTEGER NOT NULL, named INTEGER NOT NULL,
    only_kinds TEXT
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL,
    block_quote INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS persons (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    local_id TEXT NOT NULL, name TEXT NOT NULL, roles TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_article ON people(article_id);
CREATE INDEX IF NOT EXISTS people_person ON people(person_id);
CREATE TABLE IF NOT EXISTS mentions (
    people_id INTEGER NOT NULL REFERENCES people(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_people ON mentions(people_id);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL, counted_kind TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL,
    cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, cue_text TEXT NOT NULL,
    content_start INTEGER, content_end INTEGER, content_text TEXT,
    reason_start INTEGER, reason_end INTEGER, reason_text TEXT,
    declined INTEGER NOT NULL, no_response INTEGER NOT NULL,
    direct INTEGER NOT NULL, belief INTEGER NOT NULL,
    relayed_by TEXT,
    people_id INTEGER REFERENCES people(id),
    person_id INTEGER REFERENCES persons(id)
);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id);
CREATE INDEX IF NOT EXISTS sources_kind ON sources(kind);
CREATE INDEX IF NOT EXISTS sources_counted_kind ON sources(counted_kind);
CREATE INDEX IF NOT EXISTS sources_person ON sources(person_id);
";

/// A database being written, a transaction open.
pub struct Database {
    conn: Connection,
    in_batch: usize,
    pub added: usize,
    pub already_there: usize,
}

impl Database {
    /// Opens (or creates) the database at `path`, with its tables.
    pub fn open(path: &Path) -> Result<Self> {
        let failed = |action| {
            move |source| ExportError::Database {
                path: path.to_path_buf(),
                action,
                source,
            }
        };
        let conn = Connection::open(path).map_err(failed("cannot open the database"))?;
        conn.execute_batch(SCHEMA)
            .map_err(failed("not an onrecord database"))?;
        for (table, column) in NEWER_COLUMNS {
            add_column(&conn, table, column).map_err(failed("cannot add a column"))?;
        }
        conn.execute_batch("BEGIN")?;
        Ok(Database {
            conn,
            in_batch: 0,
            added: 0,
            already_there: 0,
        })
    }

    /// Adds an article and its annotations, unless one of that name is there.
    pub fn add(&mut self, a: &Annotated) -> Result<()> {
        let exists: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE name = ?1",
                [&a.article.name],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            self.already_there += 1;
            return Ok(());
        }
        insert_article(&self.conn, a)?;
        self.added += 1;
        self.in_batch += 1;
        if self.in_batch == BATCH {
            self.conn.execute_batch("COMMIT; BEGIN")?;
            self.in_batch = 0;
        }
        Ok(())
    }

    /// Commits the last batch.
    pub fn finish(self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }
}

/// Offsets in code points and the covered text.
struct Spans<'a> {
    text: &'a str,
    index: CharIndex<'a>,
}

impl Spans<'_> {
    fn of(&self, s: Span) -> (i64, i64, &str) {
        let at = |b: usize| self.index.char_offset(b) as i64;
        (at(s.start), at(s.end), s.slice(self.text))
    }

    fn maybe(&self, s: Option<Span>) -> (Option<i64>, Option<i64>, Option<&str>) {
        match s {
            Some(s) => {
                let (a, b, t) = self.of(s);
                (Some(a), Some(b), Some(t))
            }
            None => (None, None, None),
        }
    }
}

/// The kinds an article's sources were filtered to (`--only`), as names parted by
/// spaces; `None` when every source was kept.
fn only_kinds(a: &Annotated) -> Option<String> {
    let filter = a.annotations.filter.as_ref()?;
    let names: Vec<&str> = filter.only.iter().map(|k| k.name()).collect();
    Some(names.join(" "))
}

fn insert_article(conn: &Connection, a: &Annotated) -> Result<()> {
    let (article, found) = (&a.article, &a.annotations);
    let m = &article.meta;
    // The counts are the whole article's, filtered or not; `only_kinds` says which
    // sources the sources table holds.
    let summary = found.whole_summary();
    conn.prepare_cached(
        "INSERT INTO articles (name, title, outlet, date, url, authors, format, text, sources, \
         anonymous, anonymous_without_reason, named, only_kinds) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        article.name,
        m.title,
        m.outlet,
        m.date,
        m.url,
        serde_json::to_string(&m.authors)?,
        article.format.name(),
        article.text,
        summary.sources,
        summary.count(SourceKind::Anonymous),
        summary.anonymous_without_reason,
        summary.count(SourceKind::Named),
        only_kinds(a),
    ])?;
    let article_id = conn.last_insert_rowid();
    let spans = Spans {
        text: &article.text,
        index: CharIndex::new(&article.text),
    };
    for (i, p) in article.paragraphs.iter().enumerate() {
        let (start, end, text) = spans.of(p.span);
        conn.prepare_cached(
            "INSERT INTO paragraphs (article_id, idx, char_start, char_end, text, block_quote) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![article_id, i, start, end, text, p.block_quote])?;
    }
    let people_ids = insert_people(conn, a, article_id, &spans)?;
    insert_sources(conn, a, article_id, &spans, &people_ids)
}

/// Columns added after the first version of the schema, each with its declaration:
/// `CREATE TABLE IF NOT EXISTS` leaves an older database's tables as they are, so each is
/// added where it is missing and a corpus database grows across versions.
const NEWER_COLUMNS: [(&str, &str); 3] = [
    ("people", "corrected INTEGER NOT NULL DEFAULT 0"),
    ("sources", "corrected INTEGER NOT NULL DEFAULT 0"),
    ("articles", "only_kinds TEXT"),
];

fn add_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<()> {
    let name = column.split(' ').next().unwrap_or(column);
    let has_it: bool = conn
        .prepare(&format!(
            "SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{name}'"
        ))?
        .query_row([], |r| r.get::<_, i64>(0))?
        > 0;
    if !has_it {
        conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column}"))?;
    }
    Ok(())
}

/// Each person of the article, joined to the corpus-wide person; returns the rows'
/// (people id, person id) in the article's order.
fn insert_people(
    conn: &Connection,
    a: &Annotated,
    article_id: i64,
    spans: &Spans,
) -> Result<Vec<(i64, i64)>> {
    let mut ids = Vec::with_capacity(a.annotations.people.len());
    for p in &a.annotations.people {
        let key = person_key(&p.name);
        conn.prepare_cached("INSERT OR IGNORE INTO persons (key, name) VALUES (?1, ?2)")?
            .execute(params![key, p.name])?;
        let person_id: i64 = conn
            .prepare_cached("SELECT id FROM persons WHERE key = ?1")?
            .query_row([&key], |r| r.get(0))?;
        conn.prepare_cached(
            "INSERT INTO people (article_id, person_id, local_id, name, roles, corrected) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            article_id,
            person_id,
            p.id,
            p.name,
            serde_json::to_string(&p.roles)?,
            p.corrected
        ])?;
        let people_id = conn.last_insert_rowid();
        for mention in &p.mentions {
            let (start, end, text) = spans.of(mention.span);
            conn.prepare_cached(
                "INSERT INTO mentions (people_id, article_id, char_start, char_end, text) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![people_id, article_id, start, end, text])?;
        }
        ids.push((people_id, person_id));
    }
    Ok(ids)
}

fn insert_sources(
    conn: &Connection,
    a: &Annotated,
    article_id: i64,
    spans: &Spans,
    people_ids: &[(i64, i64)],
) -> Result<()> {
    let sources = &a.annotations.sources;
    for s in sources {
        let (start, end, text) = spans.of(s.span);
        let (cue_start, cue_end, cue_text) = spans.of(s.cue);
        let (content_start, content_end, content_text) = spans.maybe(s.content);
        let (reason_start, reason_end, reason_text) = spans.maybe(s.reason);
        let person = s.person.and_then(|i| people_ids.get(i).copied());
        let relayed_by = s.relayed_by.map(|i| sources[i].id.clone());
        conn.prepare_cached(
            "INSERT INTO sources (article_id, local_id, kind, counted_kind, char_start, char_end, \
             text, cue_start, cue_end, cue_text, content_start, content_end, content_text, \
             reason_start, reason_end, reason_text, declined, no_response, direct, belief, \
             relayed_by, people_id, person_id, corrected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, \
             ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
        )?
        .execute(params![
            article_id,
            s.id,
            s.kind.name(),
            s.counted_kind.name(),
            start,
            end,
            text,
            cue_start,
            cue_end,
            cue_text,
            content_start,
            content_end,
            content_text,
            reason_start,
            reason_end,
            reason_text,
            s.declined,
            s.no_response,
            s.direct,
            s.belief,
            relayed_by,
            person.map(|p| p.0),
            person.map(|p| p.1),
            s.corrected,
        ])?;
    }
    Ok(())
}
