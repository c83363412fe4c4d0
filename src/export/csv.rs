//! CSV tables: one row per source (default), per person or per mention.

use super::error::Result;
use super::{Annotated, CsvTable};
use crate::span::{CharIndex, Span};

/// Cells that a spreadsheet would run as a formula start with one of these.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: formula-looking text gets a leading apostrophe so it stays text.
pub fn guard(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The header row.
pub fn header(table: CsvTable) -> Result<Vec<u8>> {
    let mut w = writer();
    w.write_record(header_cells(table))?;
    Ok(w.into_inner().map_err(csv::IntoInnerError::into_error)?)
}

/// The rows of one article, without the header.
pub fn rows_of(a: &Annotated, table: CsvTable) -> Result<Vec<u8>> {
    let mut w = writer();
    for row in rows(a, table) {
        w.write_record(row.iter().map(|c| guard(c)))?;
    }
    Ok(w.into_inner().map_err(csv::IntoInnerError::into_error)?)
}

/// Each row's quoting depends on that row alone, so parts written apart join up.
fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn header_cells(table: CsvTable) -> &'static [&'static str] {
    match table {
        CsvTable::Sources => &[
            "article",
            "source_id",
            "paragraph",
            "in_title",
            "source",
            "kind",
            "on_record",
            "declined",
            "reason",
            "no_reason_given",
            "cue",
            "content",
            "person",
            "start",
            "end",
            "cue_start",
            "cue_end",
            "no_response",
            "direct",
            "relayed_by",
            "counted_as",
            "corrected",
        ],
        CsvTable::People => &[
            "article",
            "person_id",
            "name",
            "aliases",
            "roles",
            "mention_count",
            "first_paragraph",
            "corrected",
        ],
        CsvTable::Mentions => &[
            "article",
            "person_id",
            "name",
            "paragraph",
            "in_title",
            "text",
            "start",
            "end",
            "corrected",
        ],
    }
}

fn rows(a: &Annotated, table: CsvTable) -> Vec<Vec<String>> {
    let text = &a.article.text;
    let idx = CharIndex::new(text);
    let file = a.article.name.clone();
    let opt_text = |s: Option<Span>| s.map(|s| s.slice(text).to_string()).unwrap_or_default();
    // Paragraph numbers stay numbers: the title has none, and a column of its own says so.
    let para = |p: Option<usize>| p.map(|p| p.to_string()).unwrap_or_default();
    let in_title = |p: Option<usize>| p.is_none().to_string();
    let people = &a.annotations.people;
    match table {
        CsvTable::Sources => a
            .annotations
            .sources
            .iter()
            .map(|s| {
                vec![
                    file.clone(),
                    s.id.clone(),
                    para(s.paragraph),
                    in_title(s.paragraph),
                    s.span.slice(text).to_string(),
                    s.kind.name().to_string(),
                    s.on_record().to_string(),
                    s.declined.to_string(),
                    opt_text(s.reason),
                    s.lacks_reason().to_string(),
                    s.cue.slice(text).to_string(),
                    opt_text(s.content),
                    s.person.map(|i| people[i].name.clone()).unwrap_or_default(),
                    idx.char_offset(s.span.start).to_string(),
                    idx.char_offset(s.span.end).to_string(),
                    idx.char_offset(s.cue.start).to_string(),
                    idx.char_offset(s.cue.end).to_string(),
                    s.no_response.to_string(),
                    s.direct.to_string(),
                    s.relayed_by
                        .map(|j| a.annotations.sources[j].id.clone())
                        .unwrap_or_default(),
                    s.counted_kind.name().to_string(),
                    s.corrected.to_string(),
                ]
            })
            .collect(),
        CsvTable::People => people
            .iter()
            .map(|p| {
                vec![
                    file.clone(),
                    p.id.clone(),
                    p.name.clone(),
                    p.aliases.join("; "),
                    p.roles.join("; "),
                    p.mentions.len().to_string(),
                    para(p.first_paragraph()),
                    p.corrected.to_string(),
                ]
            })
            .collect(),
        CsvTable::Mentions => people
            .iter()
            .flat_map(|p| {
                p.mentions.iter().map(|m| {
                    vec![
                        file.clone(),
                        p.id.clone(),
                        p.name.clone(),
                        para(m.paragraph),
                        in_title(m.paragraph),
                        m.span.slice(text).to_string(),
                        idx.char_offset(m.span.start).to_string(),
                        idx.char_offset(m.span.end).to_string(),
                        p.corrected.to_string(),
                    ]
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::guard;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("-2"), "'-2");
        assert_eq!(guard("@SUM"), "'@SUM");
        assert_eq!(guard("Sean Spicer"), "Sean Spicer");
    }
}
