//! Every export format read back by an independent parser, with every span checked to
//! slice the exported text to the annotated text, on the samples and on multi-byte text.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::*;
use onrecord::annotate::Annotated;
use onrecord::article::{parse_text, Format};
use onrecord::export::{render, write_export, CsvTable, ExportFormat};
use serde_json::Value;

const MULTIBYTE: &str = "Ministre Élodie Brûlé’s “pivot” 🚀\n\n\
“Nous n’avons rien décidé — rien,” said Élodie Brûlé, the minister. \
Ms. Brûlé’s aide, José Núñez, told reporters the plan “is dead 💀.” \
A senior official, who asked not to be identified, said the cabinet was split.\n\n\
=SUM(A1) is what Núñez typed, according to Le Monde.\n";

fn cases() -> Vec<Annotated> {
    let mut out: Vec<Annotated> = [
        "nyt-sessions-offered-to-resign.txt",
        "hotair-sessions-fed-up.txt",
    ]
    .iter()
    .map(|n| Annotated::new(sample(n)))
    .collect();
    out.push(Annotated::new(parse_text(
        "multibyte.txt",
        MULTIBYTE.to_string(),
        Format::Plain,
    )));
    out
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn slice(text: &[char], start: usize, end: usize) -> String {
    text[start..end].iter().collect()
}

#[test]
fn the_multibyte_case_is_annotated() {
    let a = &cases()[2];
    let names: Vec<&str> = a
        .annotations
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        names.contains(&"Élodie Brûlé") && names.contains(&"José Núñez"),
        "{names:?}"
    );
    assert!(a.annotations.sources.len() >= 3);
}

#[test]
fn json_spans_slice_the_text() {
    for a in cases() {
        let v: Value = serde_json::from_str(
            &render(
                std::slice::from_ref(&a),
                ExportFormat::Json,
                CsvTable::Sources,
                true,
            )
            .unwrap(),
        )
        .unwrap();
        let text = chars(&a.article.text);
        let mut n = 0;
        let mut check = |s: &Value| {
            let (st, en) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(slice(&text, st, en), s["text"].as_str().unwrap());
            n += 1;
        };
        for p in v["people"].as_array().unwrap() {
            p["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .for_each(&mut check);
        }
        for s in v["sources"].as_array().unwrap() {
            check(s);
            check(&s["cue"]);
        }
        assert!(n > 5);
    }
}

#[test]
fn jsonl_has_one_article_per_line() {
    let items = cases();
    let out = render(&items, ExportFormat::Jsonl, CsvTable::Sources, false).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["article"]["file"], "multibyte.txt");
}

#[test]
fn csv_tables_read_back_with_offsets() {
    for a in cases() {
        let text = chars(&a.article.text);
        let out = render(
            std::slice::from_ref(&a),
            ExportFormat::Csv,
            CsvTable::Sources,
            true,
        )
        .unwrap();
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let headers = r.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), a.annotations.sources.len());
        for row in &rows {
            let (st, en): (usize, usize) = (
                row[col("start")].parse().unwrap(),
                row[col("end")].parse().unwrap(),
            );
            let cell = &row[col("source")];
            let cell = if slice(&text, st, en).starts_with(['=', '+', '-', '@']) {
                &cell[1..]
            } else {
                cell
            };
            assert_eq!(slice(&text, st, en), cell);
            let (cs, ce): (usize, usize) = (
                row[col("cue_start")].parse().unwrap(),
                row[col("cue_end")].parse().unwrap(),
            );
            assert_eq!(slice(&text, cs, ce), &row[col("cue")]);
        }
        let people = render(
            std::slice::from_ref(&a),
            ExportFormat::Csv,
            CsvTable::Mentions,
            true,
        )
        .unwrap();
        let mut r = csv::Reader::from_reader(people.as_bytes());
        let headers = r.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let mut in_title = 0;
        for row in r.records().map(Result::unwrap) {
            let (st, en): (usize, usize) = (
                row[col("start")].parse().unwrap(),
                row[col("end")].parse().unwrap(),
            );
            assert_eq!(slice(&text, st, en), &row[col("text")]);
            // A numeric column holds numbers only: a title mention has no paragraph.
            let paragraph = &row[col("paragraph")];
            match &row[col("in_title")] {
                "true" => {
                    assert_eq!(paragraph, "");
                    in_title += 1;
                }
                "false" => assert!(paragraph.parse::<usize>().is_ok(), "{paragraph:?}"),
                other => panic!("in_title {other:?}"),
            }
        }
        let title_mentions = a
            .annotations
            .people
            .iter()
            .flat_map(|p| &p.mentions)
            .filter(|m| m.paragraph.is_none())
            .count();
        assert_eq!(in_title, title_mentions);
    }
}

#[test]
fn csv_cells_that_look_like_formulas_are_guarded() {
    let a = &cases()[2];
    let out = render(
        std::slice::from_ref(a),
        ExportFormat::Csv,
        CsvTable::Sources,
        true,
    )
    .unwrap();
    let mut r = csv::Reader::from_reader(out.as_bytes());
    for row in r.records().map(Result::unwrap) {
        for cell in &row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unguarded cell {cell:?}"
            );
        }
    }
    assert!(out.contains("'=SUM(A1)"), "{out}");
}

/// A small brat `.ann` reader: text-bound annotations with their fragments, and events.
/// (id, label, fragments, covered text) of a text-bound annotation.
type TextBound = (String, String, Vec<(usize, usize)>, String);

fn read_ann(ann: &str) -> (Vec<TextBound>, Vec<String>) {
    let mut spans = Vec::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        match line.chars().next() {
            Some('T') => {
                assert_eq!(parts.len(), 3, "{line}");
                let (label, offsets) = parts[1].split_once(' ').unwrap();
                let frags = offsets
                    .split(';')
                    .map(|f| {
                        let (a, b) = f.split_once(' ').unwrap();
                        (a.parse().unwrap(), b.parse().unwrap())
                    })
                    .collect();
                spans.push((
                    parts[0].to_string(),
                    label.to_string(),
                    frags,
                    parts[2].to_string(),
                ));
            }
            Some('E') => events.push(parts[1].to_string()),
            Some('A' | 'R') => assert_eq!(parts.len(), 2, "{line}"),
            _ => panic!("unexpected line {line:?}"),
        }
    }
    (spans, events)
}

#[test]
fn brat_folder_opens_as_is() {
    let items = cases();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let files = write_export(&items, ExportFormat::Brat, CsvTable::Sources, &out, false).unwrap();
    assert_eq!(
        files.len(),
        8,
        "annotation.conf, 3 × (.txt, .ann), onrecord.toml"
    );
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    for a in &items {
        let stem = std::path::Path::new(&a.article.name)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let txt = std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap();
        assert_eq!(txt, a.article.text, "the text is verbatim");
        let text = chars(&txt);
        let (spans, events) =
            read_ann(&std::fs::read_to_string(out.join(format!("{stem}.ann"))).unwrap());
        for (_, label, frags, covered) in &spans {
            assert!(conf.contains(&format!("\n{label}")), "{label} is declared");
            let joined: Vec<String> = frags.iter().map(|&(s, e)| slice(&text, s, e)).collect();
            assert_eq!(&joined.join(" "), covered);
        }
        assert_eq!(events.len(), a.annotations.sources.len());
        for e in events {
            for arg in e.split(' ') {
                let id = arg.split(':').nth(1).unwrap();
                assert!(
                    spans.iter().any(|(t, ..)| t == id),
                    "event argument {id} exists"
                );
            }
        }
    }
    assert!(
        write_export(&items, ExportFormat::Brat, CsvTable::Sources, &out, false).is_err(),
        "no overwrite without force"
    );
}

#[test]
fn brat_marks_corrections_and_names_each_article_in_its_manifest() {
    use onrecord::annotate::SourceKind;
    use onrecord::corrections::{apply, Anchor, Correction, Edit};
    use onrecord::export::brat::{Manifest, MANIFEST};
    use onrecord::span::Span;
    let text = "Ferry fares rise\n\nFares will rise in May, said Orla Penhallow, \
        the harbour master. Penhallow spoke on Tuesday.\n";
    let at = |words: &str| {
        let start = text.find(words).unwrap();
        Anchor::of(text, Span::new(start, start + words.len()))
    };
    let article = |name: &str| parse_text(name, text.to_string(), Format::Plain);
    let mut corrected = Annotated::new(article("north/ferry.txt"));
    let edits = [
        Edit::SourceKind {
            source: at("Orla Penhallow"),
            cue: at("said"),
            kind: SourceKind::Anonymous,
        },
        Edit::PersonName {
            person: {
                let last = text.rfind("Penhallow").unwrap();
                Anchor::of(text, Span::new(last, last + 9))
            },
            name: "Orla Penhallow-Quay".into(),
        },
    ];
    let list: Vec<Correction> = edits
        .into_iter()
        .map(|edit| Correction { record: None, edit })
        .collect();
    assert!(apply(&mut corrected, &list).is_empty());
    let items = vec![corrected, Annotated::new(article("south/ferry.txt"))];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    write_export(&items, ExportFormat::Brat, CsvTable::Sources, &out, false).unwrap();

    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.contains("\nCorrected\tArg:Source|Person\n"), "{conf}");
    let ann = std::fs::read_to_string(out.join("ferry.ann")).unwrap();
    let corrected_lines: Vec<&str> = ann.lines().filter(|l| l.contains("\tCorrected ")).collect();
    // The source, and each of the renamed person's two mentions.
    assert_eq!(corrected_lines.len(), 3, "{ann}");
    let plain = std::fs::read_to_string(out.join("ferry-2.ann")).unwrap();
    assert!(!plain.contains("Corrected"), "{plain}");

    let manifest: Manifest =
        toml::from_str(&std::fs::read_to_string(out.join(MANIFEST)).unwrap()).unwrap();
    assert_eq!(manifest.articles["ferry"], "north/ferry.txt");
    assert_eq!(manifest.articles["ferry-2"], "south/ferry.txt");
    assert_eq!(manifest.only, None);
}

#[test]
fn w3c_selectors_agree_with_the_text() {
    let items = cases();
    let v: Value =
        serde_json::from_str(&render(&items, ExportFormat::W3c, CsvTable::Sources, true).unwrap())
            .unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    let anns = v["first"]["items"].as_array().unwrap();
    let total: usize = items
        .iter()
        .map(|a| {
            a.annotations.sources.len()
                + a.annotations
                    .people
                    .iter()
                    .map(|p| p.mentions.len())
                    .sum::<usize>()
        })
        .sum();
    assert_eq!(anns.len(), total);
    for ann in anns {
        let id = ann["id"].as_str().unwrap();
        let a = items
            .iter()
            .find(|a| id.starts_with(&format!("urn:onrecord:{}#", a.article.name)))
            .unwrap();
        let text = chars(&a.article.text);
        let sel = ann["target"]["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (st, en) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice(&text, st, en), quote["exact"].as_str().unwrap());
        let prefix = quote["prefix"].as_str().unwrap();
        assert!(slice(&text, 0, st).ends_with(prefix));
        assert!(slice(&text, en, text.len()).starts_with(quote["suffix"].as_str().unwrap()));
    }
}

#[test]
fn spacy_spans_slice_the_text() {
    let items = cases();
    let out = render(&items, ExportFormat::Spacy, CsvTable::Sources, true).unwrap();
    for (line, a) in out.lines().zip(&items) {
        let v: Value = serde_json::from_str(line).unwrap();
        let text = chars(v["text"].as_str().unwrap());
        assert_eq!(v["text"].as_str().unwrap(), a.article.text);
        let texts = |spans: &Value, label: &dyn Fn(&str) -> bool| -> Vec<String> {
            spans
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    assert!(label(s["label"].as_str().unwrap()), "{s}");
                    let (st, en) = (
                        s["start"].as_u64().unwrap() as usize,
                        s["end"].as_u64().unwrap() as usize,
                    );
                    slice(&text, st, en)
                })
                .collect()
        };
        let mut mentions: Vec<(usize, String)> = a
            .annotations
            .people
            .iter()
            .flat_map(|p| &p.mentions)
            .map(|m| (m.span.start, m.span.slice(&a.article.text).to_string()))
            .collect();
        mentions.sort();
        let mentions: Vec<String> = mentions.into_iter().map(|m| m.1).collect();
        assert_eq!(texts(&v["ents"], &|l| l == "PERSON"), mentions);
        let sources = texts(&v["spans"]["sources"], &|l| l.starts_with("SOURCE_"));
        assert_eq!(sources.len(), a.annotations.sources.len());
        // The tokens, each with at most one space after it, give back the whole text.
        let mut rebuilt = String::new();
        let mut at = 0;
        for t in v["tokens"].as_array().unwrap() {
            let (st, en) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            match st - at {
                0 => {}
                1 if text[at] == ' ' => rebuilt.push(' '),
                _ => panic!("a gap before token {t}"),
            }
            rebuilt.push_str(&slice(&text, st, en));
            at = en;
        }
        if at < text.len() {
            assert_eq!(slice(&text, at, text.len()), " ");
            rebuilt.push(' ');
        }
        assert_eq!(rebuilt, a.article.text);
    }
}

/// The spaCy export loaded by spaCy itself (`Doc.from_json`, with its schema check),
/// when spaCy is installed (`pip install -r tests/requirements.txt`; CI installs it).
#[test]
fn spacy_itself_loads_the_spacy_export() {
    let has_spacy = std::process::Command::new("python3")
        .args(["-c", "import spacy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_spacy {
        eprintln!("spaCy is not installed: the spaCy export is not loaded by spaCy here");
        return;
    }
    let items = cases();
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("out.jsonl");
    let out = render(&items, ExportFormat::Spacy, CsvTable::Sources, true).unwrap();
    std::fs::write(&export, out).unwrap();
    let script = r#"
import json, sys
from spacy.tokens import Doc
from spacy.vocab import Vocab
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    doc = Doc(Vocab()).from_json(record, validate=True)
    assert doc.text == record["text"]
    print(json.dumps({"ents": [e.text for e in doc.ents],
                      "sources": [s.label_ for s in doc.spans["sources"]]}))
"#;
    let o = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&export)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = String::from_utf8(o.stdout).unwrap();
    for (line, a) in printed.lines().zip(&items) {
        let loaded: Value = serde_json::from_str(line).unwrap();
        let mut mentions: Vec<(usize, &str)> = a
            .annotations
            .people
            .iter()
            .flat_map(|p| &p.mentions)
            .map(|m| (m.span.start, m.span.slice(&a.article.text)))
            .collect();
        mentions.sort_unstable();
        let mentions: Vec<&str> = mentions.into_iter().map(|m| m.1).collect();
        assert_eq!(loaded["ents"], serde_json::json!(mentions));
        let mut want: Vec<(usize, String)> = a
            .annotations
            .sources
            .iter()
            .map(|s| {
                (
                    s.span.start,
                    format!("SOURCE_{}", s.kind.name().to_uppercase()),
                )
            })
            .collect();
        want.sort_unstable();
        let want: Vec<String> = want.into_iter().map(|w| w.1).collect();
        assert_eq!(loaded["sources"], serde_json::json!(want));
    }
    assert_eq!(printed.lines().count(), items.len());
}

#[test]
fn only_keeps_the_chosen_kinds() {
    let a = &cases()[0];
    let anon = a.only_kinds(&[onrecord::annotate::SourceKind::Anonymous]);
    // Kept by the kind they count as: their own, or that of the source relaying them.
    let sources = &anon.annotations.sources;
    assert!(sources
        .iter()
        .all(|s| s.counted_kind == onrecord::annotate::SourceKind::Anonymous));
    for s in sources.iter().filter(|s| s.kind != s.counted_kind) {
        let outer = &sources[s
            .relayed_by
            .expect("only a relayed source counts as another kind")];
        assert!(outer.content.unwrap().contains(s.span));
    }
    assert_eq!(
        anon.annotations.summary.sources,
        anon.annotations
            .summary
            .count(onrecord::annotate::SourceKind::Anonymous)
    );
    assert!(anon.annotations.summary.sources > 0);
}

#[test]
fn markdown_report() {
    let a = &cases()[0];
    insta::assert_snapshot!(render(
        std::slice::from_ref(a),
        ExportFormat::Markdown,
        CsvTable::Sources,
        true
    )
    .unwrap());
}

#[test]
fn every_format_renders_or_writes() {
    let items = cases();
    let dir = tempfile::tempdir().unwrap();
    for f in ExportFormat::ALL {
        let path = dir
            .path()
            .join(format!("out-{}.{}", f.name(), f.extension()));
        let written = write_export(&items, f, CsvTable::Sources, &path, false).unwrap();
        assert!(written.iter().all(|p| p.exists()), "{f:?}");
    }
}

/// The Markdown report read by a CommonMark parser: the sources are one numbered list,
/// one item per source, with each source's reason, person, words and sentence inside
/// its own item, from the tenth source on as before it.
#[test]
fn the_markdown_source_list_is_one_commonmark_list() {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    for a in cases() {
        let report = render(
            std::slice::from_ref(&a),
            ExportFormat::Markdown,
            CsvTable::Sources,
            true,
        )
        .unwrap();
        let sources = report.split("## Sources").nth(1).unwrap();
        let sources = sources.split("\n## ").next().unwrap();
        let (mut ordered_lists, mut items, mut depth) = (0, 0, 0);
        let mut quotes_outside = 0;
        for event in Parser::new(sources) {
            match event {
                Event::Start(Tag::List(first)) => {
                    if depth == 0 && first.is_some() {
                        ordered_lists += 1;
                    }
                    depth += 1;
                }
                Event::End(TagEnd::List(_)) => depth -= 1,
                Event::Start(Tag::Item) if depth == 1 => items += 1,
                Event::Start(Tag::BlockQuote(_)) if depth == 0 => quotes_outside += 1,
                _ => {}
            }
        }
        let n = a.annotations.sources.len();
        assert!(n >= 10 || a.article.name != "hotair-sessions-fed-up.txt");
        assert_eq!(ordered_lists, 1, "{}", a.article.name);
        assert_eq!(items, n, "{}", a.article.name);
        assert_eq!(quotes_outside, 0, "{}", a.article.name);
    }
}

/// An article whose spans hold tabs, and a quotation with nothing in it: every `.ann`
/// line keeps brat's fields (no tab inside the covered text, no span without offsets),
/// each fragment slices the text, and importing the untouched folder adds nothing.
#[test]
fn brat_lines_stay_well_formed_with_tabs_and_empty_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("tabs.txt");
    let text = "A title\n\nThe clerk\tsaid: \"\".\n\n\"We will\tfight,\" said the\tmayor.\n";
    std::fs::write(&story, text).unwrap();
    let out = dir.path().join("ann");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["annotate", "tabs.txt", "--format", "brat", "-o", "ann/"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ann = std::fs::read_to_string(out.join("tabs.ann")).unwrap();
    let chars_of: Vec<char> = text.chars().collect();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line:?}");
        let (_, offsets) = fields[1].split_once(' ').unwrap();
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|f| {
                let (a, b) = f.split_once(' ').unwrap();
                slice(&chars_of, a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        assert_eq!(pieces.join(" "), fields[2], "{line:?}");
    }
    assert!(ann.contains("\tthe mayor\n"), "{ann}");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["import-brat", "ann"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{said}");
    assert!(said.contains("no new corrections"), "{said}");
    assert!(!dir.path().join("tabs.onrecord.toml").exists());
}

/// Counts what is written, and the most written at once.
#[derive(Default)]
struct Sink {
    total: usize,
    largest: usize,
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.total += buf.len();
        self.largest = self.largest.max(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A large article's JSON, JSONL and W3C exports go to the output as they are made,
/// never whole in memory: no single write is more than a small part of the export.
#[test]
fn a_large_article_is_written_as_it_is_rendered() {
    use onrecord::export::stream::{ExportWriter, Style};
    let paragraph = "The ferry will run again in May, said Orla Penhallow, the harbour \
        master. “We have waited long enough,” she said, according to two crew members.\n\n";
    let text = format!("Harbour news\n\n{}", paragraph.repeat(12_000));
    let article = Annotated::new(parse_text("harbour.txt", text, Format::Plain));
    for format in [ExportFormat::Json, ExportFormat::Jsonl, ExportFormat::W3c] {
        for pretty in [true, false] {
            let style = Style {
                format,
                csv_table: CsvTable::Sources,
                pretty,
            };
            let mut export = ExportWriter::begin(Sink::default(), style, false).unwrap();
            export.push(style.piece(article.clone()).unwrap()).unwrap();
            let sink = export.finish().unwrap();
            assert!(sink.total > 4_000_000, "{format:?}: {} bytes", sink.total);
            assert!(
                sink.largest < 64 * 1024,
                "{format:?}: {} bytes in one write",
                sink.largest
            );
        }
    }
}

/// A sentence opening with a run of conjunctions ("and and and …", as a broken dump can
/// hold) is read past one word at a time: reading it by a call for each word overflowed
/// the stack.
#[test]
fn a_run_of_conjunctions_before_a_participle_keeps_to_the_stack() {
    let text = format!(
        "Bridge news\n\n{}Ms. Varga resigned, saying it was over.\n",
        "and ".repeat(160_000)
    );
    let article = Annotated::new(parse_text("bridge.txt", text, Format::Plain));
    let text = &article.article.text;
    let found: Vec<(&str, &str)> = article
        .annotations
        .sources
        .iter()
        .map(|s| (s.span.slice(text), s.cue.slice(text)))
        .collect();
    assert_eq!(found, [("Varga", "saying")]);
}

/// In a run-on text of cues each content would run to the end of the sentence, so the
/// export, which repeats each content's text, would grow with the square of the text:
/// contents are bounded, and an article whose contents are large is written in place.
#[test]
fn a_run_on_text_of_cues_gives_an_export_that_grows_with_it() {
    use onrecord::export::stream::{ExportWriter, Piece, Style};
    let text = format!(
        "Bridge news\n\n{}the bridge was closed.\n",
        "Ms. Varga said that ".repeat(5_000)
    );
    let length = text.len();
    let article = Annotated::new(parse_text("bridge.txt", text, Format::Plain));
    let sources = &article.annotations.sources;
    assert!(sources.len() > 1_000, "{} sources", sources.len());
    for s in sources {
        let content = s.content.unwrap().slice(&article.article.text);
        assert!(
            content.len() <= 2048,
            "a content of {} bytes",
            content.len()
        );
        assert!(!content.ends_with(' ') && !content.starts_with(' '));
    }
    let style = Style {
        format: ExportFormat::Json,
        csv_table: CsvTable::Sources,
        pretty: false,
    };
    let piece = style.piece(article).unwrap();
    assert!(
        matches!(piece, Piece::Article(_)),
        "rendered ahead in memory"
    );
    let mut export = ExportWriter::begin(Sink::default(), style, false).unwrap();
    export.push(piece).unwrap();
    let sink = export.finish().unwrap();
    assert!(
        sink.total < 200 * length,
        "{} bytes from {length}",
        sink.total
    );
}

/// A filtered export says so, and keeps the whole article's summary beside the filtered
/// one; an unfiltered export has none of it.
#[test]
fn a_filtered_export_says_it_is_filtered() {
    use onrecord::annotate::SourceKind;
    let whole = cases().swap_remove(0);
    let filtered = whole.only_kinds(&[SourceKind::Anonymous]);
    let json = |a: &Annotated| onrecord::export::json::to_value(a);
    let (all, some) = (json(&whole), json(&filtered));
    assert!(all.get("filter").is_none() && all.get("filtered_summary").is_none());
    assert_eq!(some["filter"], serde_json::json!({"only": ["anonymous"]}));
    assert_eq!(some["summary"], all["summary"], "the whole article's");
    assert_eq!(
        some["filtered_summary"]["sources"],
        some["sources"].as_array().unwrap().len()
    );
    let text = |a: &Annotated, f| render(std::slice::from_ref(a), f, CsvTable::Sources, true);
    let markdown = text(&filtered, ExportFormat::Markdown).unwrap();
    assert!(
        markdown.contains("**Filtered:** only the anonymous sources"),
        "{markdown}"
    );
    assert!(markdown.contains("## Summary of the sources listed"));
    assert!(!text(&whole, ExportFormat::Markdown)
        .unwrap()
        .contains("Filtered"));
    let w3c = text(&filtered, ExportFormat::W3c).unwrap();
    assert!(w3c.contains("\"label\": \"onrecord annotations, sources filtered to: anonymous\""));
    let spacy = text(&filtered, ExportFormat::Spacy).unwrap();
    assert!(spacy.contains("\"only\":[\"anonymous\"]"), "{spacy}");
    // The reader's export goes through write_export, whose brat manifest says it too.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let items = [filtered];
    write_export(&items, ExportFormat::Brat, CsvTable::Sources, &out, false).unwrap();
    let manifest = std::fs::read_to_string(out.join("onrecord.toml")).unwrap();
    assert!(manifest.contains("only = [\"anonymous\"]"), "{manifest}");
}
