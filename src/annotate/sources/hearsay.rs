//! Hearsay with no source: a claim passed on with "is said to", "is believed to" or
//! "reportedly", in a sentence where no attribution says who makes it.

use super::matches::TextMatches;
use crate::annotate::lexicon;
use crate::annotate::text::quotes::Quotes;
use crate::annotate::text::{sentences, LowerText};
use crate::annotate::{Source, Unattributed};
use crate::article::Article;
use crate::span::Span;

/// Every sentence holding hearsay that none of `sources` attributes. `sources` is in text
/// order, as the sourcing rules give it; `lower` is the article's text lower-cased.
pub fn find_unattributed(
    article: &Article,
    sources: &[Source],
    lower: &LowerText,
) -> Vec<Unattributed> {
    let text = &article.text;
    let cues = TextMatches::new(lower.as_str(), lexicon::hearsay_cues());
    let per_paragraph =
        crate::annotate::by_paragraph::map_paragraphs(text.len(), &article.paragraphs, |i, p| {
            // Most paragraphs hold no hearsay: the article-wide matches rule them out.
            if cues.all_in(p.span).is_empty() {
                return Vec::new();
            }
            let quotes = Quotes::of(text, article, i);
            sentences(text, p.span)
                .into_iter()
                .filter_map(|sentence| {
                    let cue = cues.first_in(sentence)?;
                    let attributed = quotes.inside(cue.start) || is_attributed(sources, sentence);
                    (!attributed).then_some(Unattributed {
                        span: sentence,
                        cue,
                        paragraph: Some(i),
                    })
                })
                .collect()
        });
    per_paragraph.into_iter().flatten().collect()
}

/// Whether an attribution's cue stands in the sentence.
fn is_attributed(sources: &[Source], sentence: Span) -> bool {
    let k = sources.partition_point(|s| s.span.end <= sentence.start);
    sources[k.saturating_sub(2)..]
        .iter()
        .take_while(|s| s.span.start < sentence.end + 1)
        .any(|s| sentence.contains(s.cue))
}

#[cfg(test)]
mod tests {
    use crate::annotate::annotate;
    use crate::article::{parse_text, Format};

    fn claims(body: &str) -> Vec<(String, String)> {
        let a = parse_text("t.txt", format!("A Title\n\n{body}"), Format::Plain);
        let found = annotate(&a);
        found
            .unattributed
            .iter()
            .map(|u| (u.cue.slice(&a.text).into(), u.span.slice(&a.text).into()))
            .collect()
    }

    #[test]
    fn hearsay_with_no_source_is_a_claim() {
        let got = claims(
            "The mayor is said to favour the plan. The firm reportedly cut 40 jobs. \
             It is widely believed that the vote was close. It was said  that he left.",
        );
        let cues: Vec<&str> = got.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            cues,
            [
                "is said to",
                "reportedly",
                "It is widely believed that",
                "It was said  that"
            ]
        );
        assert_eq!(got[1].1, "The firm reportedly cut 40 jobs.");
    }

    #[test]
    fn hearsay_with_a_source_or_in_a_quote_is_no_claim() {
        let got = claims(
            "The firm reportedly cut 40 jobs, according to two employees. \
             “He is said to be furious,” Dana Velde said. The mayor said the plan was dead.",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
