//! The annotator's rules as data: every case file in `tests/cases/*/` (format in
//! `tests/cases/README.md`) is an invented article with the people and sources the
//! annotator must find in it. Every expected string is compared with the text the found
//! span covers in `Article.text`, so a case cannot pass on offsets that point elsewhere.
//!
//! All cases run; a failure names the file, what it expected and everything that was found.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use onrecord::annotate::{annotate, Annotations, Person, Source};
use onrecord::article::{parse_text, Article, Format};
use serde::Deserialize;
use std::path::Path;

/// One case file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The rule the case shows, in one sentence.
    about: String,
    /// A plain-text article: a title line, a blank line, then the body.
    text: String,
    /// The people found are exactly the `[[person]]` entries, in order of first mention.
    #[serde(default)]
    only_these_people: bool,
    /// The sources found are exactly the `[[source]]` entries, in text order.
    #[serde(default)]
    only_these_sources: bool,
    /// Strings that no person's name and no mention may contain.
    #[serde(default)]
    not_people: Vec<String>,
    /// Strings that no source's text may contain.
    #[serde(default)]
    not_sources: Vec<String>,
    #[serde(default, rename = "person")]
    people: Vec<ExpectedPerson>,
    #[serde(default, rename = "source")]
    sources: Vec<ExpectedSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedPerson {
    name: String,
    /// Every mention's text, in text order.
    mentions: Option<Vec<String>>,
    /// All roles, in the order the annotator lists them.
    roles: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedSource {
    text: String,
    kind: String,
    cue: Option<String>,
    /// `""`: no content.
    content: Option<String>,
    declined: Option<bool>,
    /// The cue reports a belief or hope rather than words said.
    belief: Option<bool>,
    /// `""`: no reason for anonymity is given.
    reason: Option<String>,
    /// The name of the person the source is linked to; `""`: none.
    person: Option<String>,
    /// The source stands in the title line rather than the body.
    in_title: Option<bool>,
    /// Declined by not answering ("did not respond").
    no_response: Option<bool>,
    /// The content is a direct quotation.
    direct: Option<bool>,
    /// The text of the source whose content holds this one; `""`: not relayed.
    relayed_by: Option<String>,
}

const KINDS: [&str; 5] = ["named", "anonymous", "organization", "media", "document"];

/// Runs one case file's text through the annotator; `Err` says what went wrong.
fn run(toml_text: &str) -> Result<(), String> {
    let case: Case = toml::from_str(toml_text).map_err(|e| format!("not a valid case: {e}"))?;
    check_case_shape(&case)?;
    let article = parse_text("case.txt", case.text.clone(), Format::Plain);
    if article.meta.title.is_none() || article.paragraphs.is_empty() {
        return Err("`text` must be a title line, a blank line, then the body".into());
    }
    let found = annotate(&article);
    let mut errors = Vec::new();
    check_people(&case, &article, &found, &mut errors);
    check_sources(&case, &article, &found, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n  found:\n{}",
            errors.join("\n"),
            describe(&article, &found)
        ))
    }
}

/// A case must expect something, and every string it names must be in its text.
fn check_case_shape(case: &Case) -> Result<(), String> {
    if case.about.trim().is_empty() {
        return Err("`about` must say which rule the case shows".into());
    }
    let expects_something = !case.people.is_empty()
        || !case.sources.is_empty()
        || !case.not_people.is_empty()
        || !case.not_sources.is_empty()
        || case.only_these_people
        || case.only_these_sources;
    if !expects_something {
        return Err(
            "the case expects nothing: add [[person]], [[source]], not_people, \
                    not_sources or only_these_*"
                .into(),
        );
    }
    let mut quoted: Vec<(&str, &str)> = Vec::new();
    for p in &case.people {
        for m in p.mentions.iter().flatten() {
            quoted.push(("mention", m));
        }
    }
    for s in &case.sources {
        quoted.push(("source text", &s.text));
        for (what, v) in [
            ("cue", &s.cue),
            ("content", &s.content),
            ("reason", &s.reason),
            ("relayed_by", &s.relayed_by),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                quoted.push((what, v));
            }
        }
        if !KINDS.contains(&s.kind.as_str()) {
            return Err(format!(
                "source {:?}: kind {:?} is not one of {KINDS:?}",
                s.text, s.kind
            ));
        }
    }
    for n in &case.not_people {
        quoted.push(("not_people entry", n));
    }
    for n in &case.not_sources {
        quoted.push(("not_sources entry", n));
    }
    for (what, s) in quoted {
        if s.is_empty() || !case.text.contains(s) {
            return Err(format!(
                "{what} {s:?} is not in the case's text, so the expectation could not be met"
            ));
        }
    }
    Ok(())
}

fn mention_texts<'a>(p: &Person, article: &'a Article) -> Vec<&'a str> {
    p.mentions
        .iter()
        .map(|m| m.span.slice(&article.text))
        .collect()
}

fn check_people(case: &Case, article: &Article, found: &Annotations, errors: &mut Vec<String>) {
    if case.only_these_people {
        let want: Vec<&str> = case.people.iter().map(|p| p.name.as_str()).collect();
        let got: Vec<&str> = found.people.iter().map(|p| p.name.as_str()).collect();
        if want != got {
            errors.push(format!("  expected exactly the people {want:?}"));
        }
    }
    for want in &case.people {
        let Some(p) = found.people.iter().find(|p| p.name == want.name) else {
            errors.push(format!(
                "  expected a person named {:?}: not found",
                want.name
            ));
            continue;
        };
        if let Some(mentions) = &want.mentions {
            if mention_texts(p, article) != *mentions {
                errors.push(format!(
                    "  expected {:?} to have the mentions {mentions:?}",
                    want.name
                ));
            }
        }
        if let Some(roles) = &want.roles {
            if p.roles != *roles {
                errors.push(format!(
                    "  expected {:?} to have the roles {roles:?}",
                    want.name
                ));
            }
        }
    }
    for not in &case.not_people {
        for p in &found.people {
            if p.name.contains(not.as_str())
                || mention_texts(p, article)
                    .iter()
                    .any(|m| m.contains(not.as_str()))
            {
                errors.push(format!(
                    "  expected no person containing {not:?}, but found {:?}",
                    p.name
                ));
            }
        }
    }
}

/// How a found source differs from an expected one; empty when it matches.
fn source_differences(
    want: &ExpectedSource,
    s: &Source,
    article: &Article,
    found: &Annotations,
) -> Vec<String> {
    let text = &article.text;
    let mut diffs = Vec::new();
    let mut differ = |field: &str, want: &str, got: &str| {
        if want != got {
            diffs.push(format!("{field} {want:?} (found {got:?})"));
        }
    };
    differ("text", &want.text, s.span.slice(text));
    differ("kind", &want.kind, s.kind.name());
    if let Some(cue) = &want.cue {
        differ("cue", cue, s.cue.slice(text));
    }
    if let Some(content) = &want.content {
        differ("content", content, s.content.map_or("", |c| c.slice(text)));
    }
    if let Some(reason) = &want.reason {
        differ("reason", reason, s.reason.map_or("", |r| r.slice(text)));
    }
    if let Some(person) = &want.person {
        let got = s.person.map_or("", |i| found.people[i].name.as_str());
        differ("person", person, got);
    }
    if let Some(declined) = want.declined {
        differ("declined", &declined.to_string(), &s.declined.to_string());
    }
    if let Some(no_response) = want.no_response {
        differ(
            "no_response",
            &no_response.to_string(),
            &s.no_response.to_string(),
        );
    }
    if let Some(direct) = want.direct {
        differ("direct", &direct.to_string(), &s.direct.to_string());
    }
    if let Some(relayed_by) = &want.relayed_by {
        let got = s
            .relayed_by
            .map_or("", |j| found.sources[j].span.slice(text));
        differ("relayed_by", relayed_by, got);
    }
    if let Some(belief) = want.belief {
        differ("belief", &belief.to_string(), &s.belief.to_string());
    }
    if let Some(in_title) = want.in_title {
        differ(
            "in_title",
            &in_title.to_string(),
            &s.paragraph.is_none().to_string(),
        );
    }
    diffs
}

fn check_sources(case: &Case, article: &Article, found: &Annotations, errors: &mut Vec<String>) {
    if case.only_these_sources {
        if case.sources.len() != found.sources.len() {
            let want: Vec<&str> = case.sources.iter().map(|s| s.text.as_str()).collect();
            errors.push(format!(
                "  expected exactly {} source(s) {want:?}, found {}",
                want.len(),
                found.sources.len()
            ));
        } else {
            for (i, (want, s)) in case.sources.iter().zip(&found.sources).enumerate() {
                let diffs = source_differences(want, s, article, found);
                if !diffs.is_empty() {
                    errors.push(format!("  source {}: expected {}", i + 1, diffs.join(", ")));
                }
            }
        }
    } else {
        let mut used = vec![false; found.sources.len()];
        for want in &case.sources {
            let hit = (0..found.sources.len()).find(|&i| {
                !used[i] && source_differences(want, &found.sources[i], article, found).is_empty()
            });
            match hit {
                Some(i) => used[i] = true,
                None => errors.push(format!(
                    "  expected a source {:?} ({}{}): not found",
                    want.text,
                    want.kind,
                    expected_details(want)
                )),
            }
        }
    }
    for not in &case.not_sources {
        for s in &found.sources {
            let got = s.span.slice(&article.text);
            if got.contains(not.as_str()) {
                errors.push(format!(
                    "  expected no source containing {not:?}, but found {got:?}"
                ));
            }
        }
    }
}

fn expected_details(want: &ExpectedSource) -> String {
    let mut out = String::new();
    for (field, v) in [
        ("cue", &want.cue),
        ("content", &want.content),
        ("reason", &want.reason),
        ("person", &want.person),
        ("relayed_by", &want.relayed_by),
    ] {
        if let Some(v) = v {
            out.push_str(&format!(", {field} {v:?}"));
        }
    }
    if let Some(d) = want.declined {
        out.push_str(&format!(", declined {d}"));
    }
    if let Some(b) = want.belief {
        out.push_str(&format!(", belief {b}"));
    }
    if let Some(t) = want.in_title {
        out.push_str(&format!(", in_title {t}"));
    }
    for (field, v) in [("no_response", want.no_response), ("direct", want.direct)] {
        if let Some(v) = v {
            out.push_str(&format!(", {field} {v}"));
        }
    }
    out
}

/// Everything the annotator found, one line per person and per source.
fn describe(article: &Article, found: &Annotations) -> String {
    let text = &article.text;
    let mut out = String::new();
    if found.people.is_empty() {
        out.push_str("    no people\n");
    }
    for p in &found.people {
        out.push_str(&format!(
            "    person {:?} · mentions {:?} · roles {:?}\n",
            p.name,
            mention_texts(p, article),
            p.roles
        ));
    }
    if found.sources.is_empty() {
        out.push_str("    no sources\n");
    }
    for s in &found.sources {
        out.push_str(&format!(
            "    source {:?} · {} · cue {:?} · content {:?} · declined {} · no_response {} · direct {} · belief {} · reason {:?} · person {:?} · relayed_by {:?}{}\n",
            s.span.slice(text),
            s.kind.name(),
            s.cue.slice(text),
            s.content.map_or("", |c| c.slice(text)),
            s.declined,
            s.no_response,
            s.direct,
            s.belief,
            s.reason.map_or("", |r| r.slice(text)),
            s.person.map_or("", |i| found.people[i].name.as_str()),
            s.relayed_by.map_or("", |j| found.sources[j].span.slice(text)),
            if s.paragraph.is_none() { " · in title" } else { "" },
        ));
    }
    out
}

#[test]
fn rule_cases() {
    let mut failures = Vec::new();
    let mut ran = 0;
    insta::glob!("cases/*/*.toml", |path: &Path| {
        ran += 1;
        let shown = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path)
            .display()
            .to_string();
        let result = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|t| run(&t));
        if let Err(e) = result {
            let about = std::fs::read_to_string(path)
                .ok()
                .and_then(|t| toml::from_str::<Case>(&t).ok())
                .map(|c| c.about)
                .unwrap_or_default();
            failures.push(format!("{shown}: {about}\n{e}"));
        }
    });
    for folder in ["people", "sources"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cases")
            .join(folder);
        let cases = std::fs::read_dir(&dir).map_or(0, |entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
                .count()
        });
        assert!(cases > 0, "no case files in tests/cases/{folder}/");
    }
    assert!(
        failures.is_empty(),
        "{} of {} rule case(s) failed:\n\n{}",
        failures.len(),
        ran,
        failures.join("\n\n")
    );
}

/// The runner itself: a wrong or empty expectation must fail, or the cases prove nothing.
#[test]
fn the_runner_rejects_wrong_and_empty_cases() {
    let text = "text = '''\nA Title\n\n“It is over,” said Wanda Okafor, the mayor. \
                Okafor left.\n'''\n";
    let right = format!(
        "about = 'x'\nonly_these_sources = true\n{text}\n\
         [[person]]\nname = 'Wanda Okafor'\nmentions = ['Wanda Okafor', 'Okafor']\nroles = ['mayor']\n\
         [[source]]\ntext = 'Wanda Okafor'\nkind = 'named'\ncue = 'said'\ncontent = 'It is over'\n\
         person = 'Wanda Okafor'\ndeclined = false\nin_title = false\n"
    );
    assert_eq!(run(&right), Ok(()));
    let wrong = [
        ("'Okafor']", "'Wanda']"),
        ("roles = ['mayor']", "roles = []"),
        ("kind = 'named'", "kind = 'anonymous'"),
        ("kind = 'named'", "kind = 'nameless'"),
        ("cue = 'said'", "cue = 'mayor'"),
        ("content = 'It is over'", "content = ''"),
        ("person = 'Wanda Okafor'", "person = ''"),
        ("declined = false", "declined = true"),
        ("in_title = false", "in_title = true"),
        ("text = 'Wanda Okafor'", "text = 'Okafor'"),
        ("name = 'Wanda Okafor'", "name = 'Okafor'"),
        ("only_these_sources = true", "not_sources = ['Okafor']"),
        ("only_these_sources = true", "not_people = ['Wanda']"),
        ("only_these_sources = true", "not_people = ['Zebulon']"),
        ("about = 'x'", "about = ''"),
        ("cue = 'said'", "cue = 'said'\nmood = 'calm'"),
        ("A Title\n\n", ""),
    ];
    for (from, to) in wrong {
        let case = right.replacen(from, to, 1);
        assert_ne!(case, right, "{from:?} is in the case");
        assert!(run(&case).is_err(), "{from:?} → {to:?} still passes");
    }
    let extra_source = right.replace("Okafor left.", "Okafor left. The report said so.");
    assert!(run(&extra_source).is_err(), "an unexpected source passes");
    assert_eq!(
        run(&extra_source.replace("only_these_sources = true", "")),
        Ok(()),
        "at-least mode ignores other sources"
    );
    let empty = format!("about = 'nothing expected'\n{text}");
    assert!(run(&empty).unwrap_err().contains("expects nothing"));
}
