//! For any input, paragraphs are in order, disjoint, on character boundaries and inside the text.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

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
        if let (Some(src), Some(file)) = (p.source, &a.file_text) {
            assert!(src.start <= src.end && src.end <= file.len());
            assert!(file.is_char_boundary(src.start) && file.is_char_boundary(src.end));
        }
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

/// Text dense in the words the annotator reacts to, to shake out edge cases.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" said".to_string()),
        Just(" told".to_string()),
        Just(" according to".to_string()),
        Just(" Mr.".to_string()),
        Just(" He".to_string()),
        Just(" “".to_string()),
        Just("”".to_string()),
        Just("''".to_string()),
        Just(",".to_string()),
        Just(" and said".to_string()),
        Just(" declined to comment".to_string()),
        Just(" Trump".to_string()),
        Just(" Jeff Sessions".to_string()),
        Just(" Big".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" who".to_string()),
        Just(" --".to_string()),
        Just(" —".to_string()),
        Just(" (R-S.C.)".to_string()),
        Just(":".to_string()),
        Just(" the".to_string()),
        Just(" officials".to_string()),
        Just(" saying".to_string()),
        Just(" is saying".to_string()),
        Just(" WASHINGTON".to_string()),
        Just(" that".to_string()),
        Just(" é".to_string()),
        Just(" McKay Coppins:\n\n".to_string()),
        Just(" More from".to_string()),
        Just("Update:".to_string()),
        Just(" (".to_string()),
        Just(")".to_string()),
        Just("’s".to_string()),
        Just(" 42".to_string()),
        Just(" Tomasz Wrzeszcz".to_string()),
        Just(" who asked not to be identified".to_string()),
        Just(" Image:".to_string()),
        Just(" Sen.".to_string()),
        Just(" III".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just(" 😀".to_string()),
        Just("\"".to_string()),
        Just(" said,".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| format!("Title\n\n{}", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn plain_paragraphs_are_well_formed(text in article_like()) { check(text, Format::Plain) }

    #[test]
    fn dump_paragraphs_are_well_formed(text in article_like()) { check(format!("https://x\nT - O\nk\nMay 1, 2020\n9\n{text}"), Format::Dump) }

    #[test]
    fn markdown_paragraphs_are_well_formed(text in article_like()) { check(text, Format::Markdown) }

    #[test]
    fn html_paragraphs_are_well_formed(text in article_like()) { check(format!("<html><body><p>{text}</p><blockquote>{text}</blockquote></body></html>"), Format::Html) }

    #[test]
    fn news_like_text_annotates_without_panic(text in news_like()) {
        let a = parse_text("p", text, Format::Plain);
        let ann = onrecord::annotate::annotate(&a);
        for s in &ann.sources {
            for sp in [Some(s.span), Some(s.cue), s.content, s.reason].into_iter().flatten() {
                prop_assert!(sp.start <= sp.end && sp.end <= a.text.len());
                prop_assert!(a.text.is_char_boundary(sp.start) && a.text.is_char_boundary(sp.end));
            }
        }
    }

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any bytes under any name either load or are refused with an error; never a panic.
    #[test]
    fn arbitrary_bytes_load_or_are_refused(bytes in prop::collection::vec(prop_oneof![8 => 32u8..127, 2 => Just(b'\n'), 1 => any::<u8>()], 0..400), ext in "(txt|md|html|)") {
        let name = format!("f.{ext}");
        if let Ok((a, _)) = onrecord::article::parse_bytes(&name, &bytes, None) {
            let _ = onrecord::annotate::annotate(&a);
            prop_assert!(!a.paragraphs.is_empty());
        }
    }
}
