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
        for row in r.records().map(Result::unwrap) {
            let (st, en): (usize, usize) = (row[5].parse().unwrap(), row[6].parse().unwrap());
            assert_eq!(slice(&text, st, en), &row[4]);
        }
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
        for s in v["spans"].as_array().unwrap() {
            let label = s["label"].as_str().unwrap();
            assert!(label == "PERSON" || label.starts_with("SOURCE_"), "{label}");
            let (st, en) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(slice(&text, st, en), s["text"].as_str().unwrap());
        }
    }
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
