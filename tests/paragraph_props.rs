//! For any input, paragraphs are in order, disjoint, on character boundaries and inside the text.

use onrecord::article::{parse_text, Format};
use proptest::prelude::*;

fn check(text: String, format: Format) {
    let a = parse_text("p", text, format);
    let mut last_end = 0;
    for p in &a.paragraphs {
        let s = p.span;
        assert!(s.start < s.end, "empty paragraph {s:?}");
        assert!(
            s.start >= last_end,
            "paragraphs out of order or overlapping"
        );
        assert!(s.end <= a.text.len());
        assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
        assert_eq!(
            s.slice(&a.text).trim(),
            s.slice(&a.text),
            "paragraphs are trimmed"
        );
        last_end = s.end;
    }
    if let Some(t) = a.meta.title_span {
        assert!(
            a.text.is_char_boundary(t.start)
                && a.text.is_char_boundary(t.end)
                && t.end <= a.text.len()
        );
    }
}

fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(". ".to_string()),
        Just(".The ".to_string()),
        Just("Mr. ".to_string()),
        Just("“Yes.”".to_string()),
        Just("F.B.I.".to_string()),
        Just("+++\n".to_string()),
        Just("> ".to_string()),
        Just("# ".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Zé’ —]{0,12}",
        ".{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plain_paragraphs_are_well_formed(text in article_like()) { check(text, Format::Plain) }

    #[test]
    fn dump_paragraphs_are_well_formed(text in article_like()) { check(format!("https://x\nT - O\nk\nMay 1, 2020\n9\n{text}"), Format::Dump) }

    #[test]
    fn markdown_paragraphs_are_well_formed(text in article_like()) { check(text, Format::Markdown) }

    #[test]
    fn html_paragraphs_are_well_formed(text in article_like()) { check(format!("<html><body><p>{text}</p><blockquote>{text}</blockquote></body></html>"), Format::Html) }

    #[test]
    fn annotation_spans_are_on_boundaries(text in article_like()) {
        let a = parse_text("p", text, Format::Plain);
        let ann = onrecord::annotate::annotate(&a);
        for p in &ann.people {
            for m in &p.mentions {
                prop_assert!(a.text.is_char_boundary(m.span.start) && a.text.is_char_boundary(m.span.end) && m.span.end <= a.text.len());
            }
        }
        for s in &ann.sources {
            for sp in [Some(s.span), Some(s.cue), s.content, s.reason].into_iter().flatten() {
                prop_assert!(sp.start <= sp.end && a.text.is_char_boundary(sp.start) && a.text.is_char_boundary(sp.end));
            }
        }
    }
}
