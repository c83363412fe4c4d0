//! A readable sourcing report for each article, in Markdown.

use super::Annotated;
use crate::annotate::text::sentences;
use crate::annotate::SourceKind;
use crate::span::Span;
use std::fmt::Write;

/// What stands between two articles' reports.
pub const SEPARATOR: &str = "\n---\n\n";

/// The report on one article.
pub fn report(a: &Annotated) -> String {
    let mut out = String::new();
    let m = &a.article.meta;
    let _ = writeln!(
        out,
        "# Sourcing report: {}\n",
        inline(a.article.title_or_name())
    );
    if let Some(subtitle) = &m.subtitle {
        let _ = writeln!(out, "*{}*\n", inline(subtitle));
    }
    let mut facts: Vec<String> = [&m.outlet, &m.date, &m.url]
        .into_iter()
        .flatten()
        .map(|f| inline(f))
        .collect();
    facts.push(format!("file `{}`", a.article.name.replace('`', "'")));
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    let filter = a.annotations.filter.as_ref();
    if let Some(f) = filter {
        let kinds: Vec<&str> = f.only.iter().map(|k| k.name()).collect();
        let _ = writeln!(
            out,
            "**Filtered:** only the {} sources are listed ({} of {}).\n",
            kinds.join(", "),
            a.annotations.summary.sources,
            f.whole.sources
        );
    }
    summary(&mut out, "Summary", a.annotations.whole_summary());
    if filter.is_some() {
        summary(
            &mut out,
            "Summary of the sources listed",
            &a.annotations.summary,
        );
    }
    people(&mut out, a);
    sources(&mut out, a);
    unattributed(&mut out, a);
    out
}

fn summary(out: &mut String, heading: &str, s: &crate::annotate::Summary) {
    let _ = writeln!(
        out,
        "## {heading}\n\n| kind | sources | share |\n|---|---:|---:|"
    );
    for kind in SourceKind::ALL {
        let n = s.count(kind);
        let share = if s.sources == 0 {
            0.0
        } else {
            100.0 * n as f64 / s.sources as f64
        };
        let _ = writeln!(out, "| {} | {n} | {share:.0}% |", kind.name());
    }
    let _ = writeln!(out, "| **all** | **{}** | |\n", s.sources);
    let _ = writeln!(
        out,
        "- anonymous sources with no reason given: {}\n- sources that declined to comment or did not respond: {} ({} did not respond)\n- attributions relayed by another source (counted as that source's kind): {}\n",
        s.anonymous_without_reason, s.declined, s.no_response, s.relayed
    );
    if s.corrected > 0 {
        let _ = writeln!(out, "- sources a reader corrected: {}\n", s.corrected);
    }
}

fn people(out: &mut String, a: &Annotated) {
    let mut people: Vec<_> = a.annotations.people.iter().collect();
    people.sort_by_key(|p| std::cmp::Reverse(p.mentions.len()));
    let _ = writeln!(
        out,
        "## People\n\n| person | mentions | roles |\n|---|---:|---|"
    );
    for p in people {
        let _ = writeln!(
            out,
            "| {}{} | {} | {} |",
            cell(&p.name),
            if p.corrected { " (corrected)" } else { "" },
            p.mentions.len(),
            cell(&p.roles.join("; "))
        );
    }
    out.push('\n');
}

fn sources(out: &mut String, a: &Annotated) {
    let text = &a.article.text;
    let mut sentences = Sentences::default();
    let _ = writeln!(out, "## Sources\n");
    for (n, s) in a.annotations.sources.iter().enumerate() {
        let mut flags = vec![format!("**{}**", s.kind.name())];
        if s.no_response {
            flags.push("did not respond".into());
        } else if s.declined {
            flags.push("declined".into());
        }
        if let Some(outer) = s.relayed_by {
            flags.push(format!("relayed by source {}", outer + 1));
        }
        if s.lacks_reason() {
            flags.push("no reason given for anonymity".into());
        }
        if s.corrected {
            flags.push("corrected".into());
        }
        let marker = format!("{}. ", n + 1);
        // CommonMark keeps a line in a list item only when it is indented by the width
        // of the item's marker: "10. " needs four spaces where "9. " needs three.
        let indent = " ".repeat(marker.len());
        let _ = writeln!(
            out,
            "{marker}{} — {} (cue: “{}”)",
            excerpt(s.span.slice(text)),
            flags.join(", "),
            excerpt(s.cue.slice(text))
        );
        if let Some(r) = s.reason {
            let _ = writeln!(out, "{indent}- reason: {}", excerpt(r.slice(text)));
        }
        if let Some(p) = s.person {
            let name = inline(&a.annotations.people[p].name);
            let _ = writeln!(out, "{indent}- person: {name}");
        }
        if let Some(c) = s.content {
            // Quotation marks only around the source's own words, never a paraphrase.
            let words = excerpt(c.slice(text));
            let _ = if s.direct {
                writeln!(out, "{indent}- quoted: “{words}”")
            } else {
                writeln!(out, "{indent}- paraphrased: {words}")
            };
        }
        if let Some(sentence) = sentences.of(a, s.span) {
            let _ = writeln!(out, "{indent}> {}", excerpt(sentence.slice(text)));
        }
    }
}

/// The sentences of the paragraph last asked about: sources come in text order, and a
/// paragraph may hold thousands, each of which split it into sentences again.
#[derive(Default)]
struct Sentences {
    paragraph: Option<usize>,
    spans: Vec<Span>,
}

impl Sentences {
    /// The first sentence of `span`'s paragraph that holds or overlaps `span`.
    fn of(&mut self, a: &Annotated, span: Span) -> Option<Span> {
        let p = a.article.paragraph_of(span.start)?;
        if self.paragraph != Some(p) {
            self.spans = sentences(&a.article.text, a.article.paragraphs[p].span);
            self.paragraph = Some(p);
        }
        // In text order: none ending before `span` holds it, none starting after it either.
        let from = self.spans.partition_point(|s| s.end < span.start);
        self.spans[from..]
            .iter()
            .take_while(|s| s.start <= span.end)
            .find(|s| s.contains(span) || s.overlaps(span))
            .copied()
    }
}

/// The most characters of article text one excerpt gives. A source's words and its
/// sentence can each run to the end of a long sentence, and a run-on sentence of
/// attributions ("A said B said …") made the report grow with the square of the text.
const EXCERPT_CHARS: usize = 1000;

/// Article text in the report, cut after [`EXCERPT_CHARS`] characters with an ellipsis.
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{} …", inline(&s[..cut]).trim_end()),
        None => inline(s),
    }
}

/// Article text inside Markdown: line breaks folded, markup characters escaped.
/// Hearsay passed on with no source, each with its sentence.
fn unattributed(out: &mut String, a: &Annotated) {
    let claims = &a.annotations.unattributed;
    if claims.is_empty() {
        return;
    }
    let text = &a.article.text;
    let _ = writeln!(out, "\n## Unattributed claims\n");
    for (n, u) in claims.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. (cue: “{}”)\n   > {}",
            n + 1,
            inline(u.cue.slice(text)),
            inline(u.span.slice(text))
        );
    }
}

fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn cell(s: &str) -> String {
    inline(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{parse_text, Format};

    fn report_of(body: &str) -> String {
        report(&Annotated::new(parse_text(
            "run-on.txt",
            format!("A title\n\n{body}\n"),
            Format::Plain,
        )))
    }

    /// One sentence of attributions, each the content of the one before: the report
    /// quotes each source's words and sentence, and still grows in step with the text.
    #[test]
    fn the_report_grows_in_step_with_a_run_on_sentence() {
        let unit = "Dorrit Vale said ";
        let small = report_of(&unit.repeat(400)).len();
        let large = report_of(&unit.repeat(1600)).len();
        assert!(
            large < 5 * small,
            "{small} bytes, then {large} for four times the text"
        );
    }

    #[test]
    fn a_long_excerpt_is_cut_with_an_ellipsis() {
        let long = "word ".repeat(300);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with("word …"), "{cut}");
        assert_eq!(excerpt("a *short* one"), "a \\*short\\* one");
    }
}
