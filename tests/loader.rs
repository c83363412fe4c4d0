//! The loader on each format: paragraph counts and texts, metadata, and bad input.
#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;
use common::*;
use onrecord::article::{parse_bytes, Format, LoadError};

fn load(name: &str, bytes: &[u8]) -> onrecord::article::Article {
    parse_bytes(name, bytes, None).expect("loads").0
}

fn paragraphs(a: &onrecord::article::Article) -> Vec<&str> {
    (0..a.paragraphs.len())
        .map(|i| a.paragraph_text(i))
        .collect()
}

#[test]
fn blog_sample_is_plain_text_with_21_paragraphs() {
    let a = sample("hotair-sessions-fed-up.txt");
    assert_eq!(a.format, Format::Plain);
    assert_eq!(a.meta.title.as_deref(), Some("Report: Trump already fed up with Jeff Sessions as AG? Update: Sessions offered to resign?"));
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 21);
    assert_eq!(ps[0], "Imagine if Sessions quit a 20-year stint in the Senate to serve five months as Attorney General before being unceremoniously canned.");
    assert_eq!(ps[1], "He could have backed Cruz in the primary and deprived Trump of some populist oxygen. He chose … poorly.");
    assert_eq!(ps[11], "Update: Yeeeeesh.");
    assert!(ps[20].starts_with("The DOJ’s spokeswoman didn’t even bother"));
    assert!(ps[20].ends_with("What exactly did Jeff Sessions expect when he took this job?"));
}

#[test]
fn newspaper_sample_is_a_dump_with_12_recovered_paragraphs() {
    let a = sample("nyt-sessions-offered-to-resign.txt");
    assert_eq!(a.format, Format::Dump);
    let m = &a.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Sessions Is Said to Have Offered to Resign")
    );
    assert_eq!(m.outlet.as_deref(), Some("The New York Times"));
    assert_eq!(m.date.as_deref(), Some("2017-06-06"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://www.nytimes.com/2017/06/06/us/politics/jeff-sessions-donald-trump.html")
    );
    assert_eq!(m.people, ["Jefferson B Sessions III", "Donald J Trump"]);
    assert!(m.keywords.contains(&"Justice Department".to_string()));
    assert_eq!(m.extra.get("id").map(String::as_str), Some("313"));
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 12);
    let starts = [
        "WASHINGTON — Attorney General Jeff Sessions offered to resign",
        "The president turned down the offer, but on Tuesday,",
        "“I have not had that discussion with him,” Sean Spicer,",
        "Mr. Spicer’s remarks came after The New York Times reported",
        "He has also blamed Mr. Sessions for the fallout",
        "The situation between Mr. Sessions and Mr. Trump",
        "One person familiar with the events, who asked not to be identified,",
        "A spokesman for Mr. Sessions declined to comment.",
        "The frustration at times goes both ways.",
        "The offer by Mr. Sessions to discuss resigning,",
        "But two people close to the president said",
        "The president is said to be aware",
    ];
    for (p, want) in ps.iter().zip(starts) {
        assert!(p.starts_with(want), "{p:?} should start with {want:?}");
    }
    assert_eq!(ps[7], "A spokesman for Mr. Sessions declined to comment. A White House spokeswoman did not respond to an email seeking comment.");
    assert!(ps[0].ends_with("according to two people who were briefed on the discussion."));
}

#[test]
fn markdown_front_matter_is_read() {
    let bytes = std::fs::read(root().join("tests/fixtures/town-hall.md")).unwrap();
    let a = load("town-hall.md", &bytes);
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Mayor Defends Transit Plan at Town Hall")
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Riverside Ledger"));
    assert_eq!(a.meta.date.as_deref(), Some("2023-11-02"));
    assert_eq!(a.meta.authors, ["Priya Natarajan"]);
    assert_eq!(a.meta.keywords, ["transit", "city council"]);
    assert_eq!(
        a.meta.extra.get("section").map(String::as_str),
        Some("Local")
    );
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 3);
    assert_eq!(ps[1], "“Nobody loses a stop,” Ms. Ortiz said.");
    assert!(a.paragraphs[1].block_quote && !a.paragraphs[0].block_quote);
}

#[test]
fn html_page_gives_metadata_and_article_paragraphs_only() {
    let bytes = std::fs::read(root().join("tests/fixtures/capitol-brief.html")).unwrap();
    let a = load("capitol-brief.html", &bytes);
    assert_eq!(a.format, Format::Html);
    let m = &a.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Senate Panel Delays Vote on Budget Deal")
    );
    assert_eq!(m.outlet.as_deref(), Some("The Capitol Brief"));
    assert_eq!(m.date.as_deref(), Some("2024-03-12T14:05:00Z"));
    assert_eq!(m.authors, ["Dana Whitfield", "Omar Reyes"]);
    assert_eq!(m.keywords, ["Budget", "Senate"]);
    assert_eq!(
        m.url.as_deref(),
        Some("https://capitolbrief.example/2024/03/12/budget-vote")
    );
    let ps = paragraphs(&a);
    assert_eq!(ps, [
        "The Senate Budget Committee on Tuesday postponed a vote on the spending agreement, according to two aides familiar with the schedule.",
        "“We need more time to read the fine print,” said Senator Maria Lopez, the committee’s chairwoman. Ms. Lopez did not say when the vote would be held.",
        "“This deal is not finished until every line is checked.”",
        "A spokesman for the Treasury Department declined to comment.",
    ]);
    assert_eq!(
        a.paragraphs
            .iter()
            .map(|p| p.block_quote)
            .collect::<Vec<_>>(),
        [false, false, true, false]
    );
}

#[test]
fn html_paragraphs_trace_back_to_the_page_source() {
    let path = root().join("tests/fixtures/capitol-brief.html");
    let file = std::fs::read_to_string(&path).unwrap();
    let a = load("capitol-brief.html", file.as_bytes());
    let tag = regex::Regex::new(r"<[^>]*>").unwrap();
    for p in &a.paragraphs {
        let s = p
            .source
            .expect("every paragraph of the fixture is found in the source");
        let html = s.slice(&file);
        let stripped = tag.replace_all(html, "");
        let words: Vec<&str> = stripped.split_whitespace().collect();
        let want: Vec<&str> = p.span.slice(&a.text).split_whitespace().collect();
        assert_eq!(words, want, "{html}");
    }
    let v = onrecord::export::json::to_value(&onrecord::annotate::Annotated::new(a));
    let chars: Vec<char> = file.chars().collect();
    let first = &v["paragraphs"][1];
    let (st, en) = (
        first["source"]["start"].as_u64().unwrap() as usize,
        first["source"]["end"].as_u64().unwrap() as usize,
    );
    assert!(chars[st..en]
        .iter()
        .collect::<String>()
        .starts_with("“We need more time"));
}

#[test]
fn crlf_and_bom_keep_offsets_true_to_the_file() {
    let text = "\u{feff}A Title\r\n\r\nFirst paragraph\r\nstill first.\r\n\r\nSecond.\r\n";
    let a = load("crlf.txt", text.as_bytes());
    assert_eq!(a.meta.title.as_deref(), Some("A Title"));
    assert_eq!(
        paragraphs(&a),
        ["First paragraph\r\nstill first.", "Second."]
    );
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    assert!(matches!(
        parse_bytes("e.txt", b"", None),
        Err(LoadError::Empty(_))
    ));
    assert!(matches!(
        parse_bytes("e.txt", b"   \n\n  \n", None),
        Err(LoadError::Empty(_))
    ));
    assert!(matches!(
        parse_bytes("b.bin", b"\x00\x01\x02binary", None),
        Err(LoadError::Binary(_))
    ));
    let (a, warnings) = parse_bytes("l.txt", b"T\n\nCaf\xe9 society met.", None).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(a.paragraph_text(0), "Caf\u{fffd} society met.");
}

#[test]
fn input_format_can_be_forced() {
    let (a, _) = parse_bytes(
        "x.txt",
        b"+++\ntitle = \"T\"\n+++\n\nBody.",
        Some(Format::Plain),
    )
    .unwrap();
    assert_eq!(a.format, Format::Plain);
    assert_eq!(a.meta.title, None);
    assert_eq!(a.paragraph_text(0), "+++\ntitle = \"T\"\n+++");
}

#[test]
fn key_value_header_gives_metadata_and_single_line_breaks_separate_paragraphs() {
    let text = "Headline: Council votes to widen the river path\n\
Subtitle: The plan passed after a long night of public comment.\n\
Date: 2025-03-04\n\
Publisher: The Valley Ledger\n\
Author: Nadia Brook and Omar Velde\n\
\n\
The city council voted 6-1 on Tuesday to widen the river path, a plan that residents had fought over for two years and that now goes to the mayor.\n\
“We listened to every speaker,” council member Ines Varga said after the vote, which came shortly before midnight.\n\
The mayor has ten days to sign the measure, according to the city charter, and her office said she would decide next week.\n";
    let a = load("ledger.txt", text.as_bytes());
    assert_eq!(a.format, Format::Plain);
    let m = &a.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Council votes to widen the river path")
    );
    assert_eq!(
        m.title_span.map(|s| s.slice(&a.text)),
        Some("Council votes to widen the river path")
    );
    assert_eq!(
        m.subtitle.as_deref(),
        Some("The plan passed after a long night of public comment.")
    );
    assert_eq!(m.date.as_deref(), Some("2025-03-04"));
    assert_eq!(m.outlet.as_deref(), Some("The Valley Ledger"));
    assert_eq!(m.authors, ["Nadia Brook", "Omar Velde"]);
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 3, "{ps:?}");
    assert!(ps[1].starts_with("“We listened"));
    assert!(ps[2].ends_with("next week."));
}

#[test]
fn hard_wrapped_paragraphs_stay_whole() {
    let text = "A wrapped story\n\n\
The committee met on Monday to hear from\n\
residents who live near the quarry, and\n\
several of them asked for a delay.\n\
\n\
A second paragraph follows the first one\n\
and is wrapped at the same narrow width.\n";
    let a = load("wrapped.txt", text.as_bytes());
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert!(ps[0].ends_with("asked for a delay."));
}

#[test]
fn a_body_opening_with_a_key_like_line_is_not_a_header() {
    let text = "Date: the talks were set for Friday, officials said on Monday.\n\
The negotiators arrived early and met behind closed doors for most of the afternoon, aides said.\n";
    let a = load("talks.txt", text.as_bytes());
    assert_eq!(a.meta.date, None);
    assert_eq!(paragraphs(&a).len(), 2);
}

#[test]
fn a_header_framed_by_rule_lines_and_wrapped_paragraphs_without_blank_lines() {
    let text = "==========================================\n\
Title: Ferry fares to rise in the spring\n\
Author: Nadia Brook\n\
Date: March 3, 2025\n\
==========================================\n\
\n\
The harbour board voted on Tuesday to raise ferry fares by a tenth from April, the\n\
first rise in six years.\n\
Commuters who cross twice a day will pay about forty dollars more a month, and the\n\
board said the money would go to two new boats.\n\
A vote on the night timetable was put off until May.\n";
    let a = load("fares.txt", text.as_bytes());
    let m = &a.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Ferry fares to rise in the spring")
    );
    assert_eq!(m.date.as_deref(), Some("2025-03-03"));
    assert_eq!(m.authors, ["Nadia Brook"]);
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 3, "{ps:?}");
    assert!(ps[0].ends_with("in six years."));
    assert!(ps[1].starts_with("Commuters") && ps[1].ends_with("two new boats."));
}

/// Saved pages written to show each way extraction used to fail: the article's
/// paragraphs, in order, with nothing from the furniture around them.
#[test]
fn saved_pages_give_their_article_whatever_wraps_it() {
    let cases: [(&str, &str, &str, usize); 5] = [
        // A wrapper whose class says "subscribe" holds the whole page.
        (
            "subscribe-wrapper.html",
            "The harbour board on Monday",
            "declined to comment on the delay.",
            5,
        ),
        // A teaser <article> for another story comes before the body, which is in no <article>.
        (
            "teaser-article.html",
            "Three valley towns voted",
            "before winter.",
            5,
        ),
        // The body is text in a <div> with <br><br> between paragraphs, in a layout table.
        (
            "div-br-body.html",
            "Night buses will run",
            "Fares will be the same as in the day.",
            5,
        ),
        // <noscript>, <script>, <style> and <iframe> inside paragraphs.
        (
            "noscript-in-p.html",
            "The region’s reservoirs",
            "to refill the reservoirs.",
            5,
        ),
        (
            "jsonld-graph.html",
            "The city council approved",
            "after a year.",
            4,
        ),
    ];
    for (file, first, last, count) in cases {
        let bytes = std::fs::read(root().join("tests/fixtures/pages").join(file)).unwrap();
        let a = load(file, &bytes);
        let ps = paragraphs(&a);
        assert_eq!(ps.len(), count, "{file}: {ps:#?}");
        assert!(ps[0].starts_with(first), "{file}: {ps:#?}");
        assert!(ps[count - 1].ends_with(last), "{file}: {ps:#?}");
        for p in &ps {
            assert!(
                !p.contains('<') && !p.contains("{"),
                "{file}: markup in {p:?}"
            );
            for furniture in [
                "Related",
                "Sign up",
                "Most read",
                "Subscribe",
                "rights reserved",
                "bridge",
            ] {
                assert!(!p.contains(furniture), "{file}: {furniture:?} in {p:?}");
            }
        }
        let source = String::from_utf8(bytes).unwrap();
        for p in &a.paragraphs {
            let span = p
                .source
                .unwrap_or_else(|| panic!("{file}: a paragraph without its source"));
            let html = span.slice(&source);
            let hidden = r"(?s)<script\b.*?</script>|<style\b.*?</style>|<iframe\b.*?</iframe>|<noscript\b.*?</noscript>";
            let visible = regex::Regex::new(&format!("{hidden}|<[^>]*>"))
                .unwrap()
                .replace_all(html, "");
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squeeze(&visible), squeeze(p.span.slice(&a.text)), "{file}");
        }
    }
}

#[test]
fn saved_pages_give_validated_metadata() {
    let meta = |file: &str| {
        let bytes = std::fs::read(root().join("tests/fixtures/pages").join(file)).unwrap();
        load(file, &bytes).meta
    };
    let graph = meta("jsonld-graph.html");
    assert_eq!(
        graph.title.as_deref(),
        Some("Council approves new cycle lanes")
    );
    // The placeholder in the meta tag is refused; the JSON-LD date is taken.
    assert_eq!(graph.date.as_deref(), Some("2024-04-16T12:00:00+00:00"));
    assert_eq!(graph.authors, ["Odile Varga", "Tomas Reyna"]);
    assert_eq!(graph.outlet.as_deref(), Some("Riverside Gazette"));

    let teaser = meta("teaser-article.html");
    assert_eq!(
        teaser.title.as_deref(),
        Some("Valley towns agree to share one fire service")
    );
    assert_eq!(teaser.date.as_deref(), Some("2022-11-02"));

    let div = meta("div-br-body.html");
    assert_eq!(div.date.as_deref(), Some("2021-09-17T18:00:00+01:00"));

    let wrapper = meta("subscribe-wrapper.html");
    assert_eq!(
        wrapper.title.as_deref(),
        Some("Harbour board delays vote on ferry fares")
    );
    assert_eq!(wrapper.authors, ["Ines Quarrie"]);
}

#[test]
fn a_file_named_outlet_date_slug_gives_outlet_and_date_when_the_text_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir
        .path()
        .join("harbourpost_2019-03-07_ferry-fares-rise.txt");
    std::fs::write(
        &named,
        "Ferry fares rise\n\nFares rose on Monday, the operator said.\n",
    )
    .unwrap();
    let (a, _) = onrecord::article::load_file(&named, None).unwrap();
    assert_eq!(a.meta.outlet.as_deref(), Some("harbourpost"));
    assert_eq!(a.meta.date.as_deref(), Some("2019-03-07"));

    let stated = dir.path().join("harbourpost_2019-03-07_b.txt");
    std::fs::write(
        &stated,
        "Title: Fares\nPublisher: The Harbour Post\nDate: 2019-03-08\n\nFares rose.\n",
    )
    .unwrap();
    let (b, _) = onrecord::article::load_file(&stated, None).unwrap();
    assert_eq!(b.meta.outlet.as_deref(), Some("The Harbour Post"));
    assert_eq!(b.meta.date.as_deref(), Some("2019-03-08"));

    let plain = dir.path().join("notes-2019.txt");
    std::fs::write(&plain, "Fares\n\nFares rose.\n").unwrap();
    let (c, _) = onrecord::article::load_file(&plain, None).unwrap();
    assert_eq!((c.meta.outlet, c.meta.date), (None, None));
}

#[test]
fn a_dump_after_a_byte_order_mark_is_still_a_dump() {
    let dump = "https://news.example.org/2019/harbor\nHarbor plan stalls\nharbor, council\n\
                2019-03-04\n12345\nThe plan stalled on Monday. The clerk said the vote would wait.\n";
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), dump.as_bytes()].concat();
    let (a, b) = (load("x.txt", dump.as_bytes()), load("x.txt", &with_bom));
    assert_eq!(b.format, Format::Dump);
    assert_eq!(b.meta.title, a.meta.title);
    assert_eq!(
        b.meta.url.as_deref(),
        Some("https://news.example.org/2019/harbor")
    );
    assert_eq!(b.meta.date, a.meta.date);
    assert_eq!(paragraphs(&b), paragraphs(&a));
}

#[test]
fn lone_carriage_returns_end_lines_and_offsets_stay_true() {
    let text = "Harbor plan stalls\r\rThe plan stalled on Monday.\r\rThe clerk said the vote would wait.\r";
    let a = load("old-mac.txt", text.as_bytes());
    assert_eq!(
        a.text, text,
        "the text is the file's, carriage returns and all"
    );
    assert_eq!(a.meta.title.as_deref(), Some("Harbor plan stalls"));
    assert_eq!(
        paragraphs(&a),
        [
            "The plan stalled on Monday.",
            "The clerk said the vote would wait."
        ]
    );
    let found = onrecord::annotate::annotate(&a);
    assert_eq!(found.sources[0].span.slice(&a.text), "The clerk");
}

#[test]
fn invalid_front_matter_is_a_warning_not_a_silent_fallback() {
    let md =
        "+++\ntitle = \"Harbor plan\nauthors = [\n+++\n\nThe clerk said the vote would wait.\n";
    let (a, warnings) = parse_bytes("story.md", md.as_bytes(), None).unwrap();
    assert_eq!(paragraphs(&a), ["The clerk said the vote would wait."]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("story.md: the +++ block is not valid TOML"),
        "{warnings:?}"
    );
    assert!(
        warnings[0].ends_with("its fields were not read"),
        "{warnings:?}"
    );
}

#[test]
fn a_page_of_thousands_of_nested_elements_loads_without_overflowing_the_stack() {
    let depth = 20_000;
    let page = format!(
        "<html><body><article><p>The clerk said the vote would wait.</p>{}<p>The mayor said \
         she agreed.</p>{}</article></body></html>",
        "<blockquote>".repeat(depth),
        "</blockquote>".repeat(depth)
    );
    let a = load("deep.html", page.as_bytes());
    assert_eq!(
        paragraphs(&a),
        [
            "The clerk said the vote would wait.",
            "The mayor said she agreed."
        ]
    );
    assert!(a.paragraphs[1].block_quote);
}

/// A page nested far deeper than browsers nest (html5ever's parse of it costs the
/// square of the depth) is read flat: its paragraphs, each traced to the page.
#[test]
fn a_page_nested_a_hundred_thousand_deep_gives_its_paragraphs() {
    let depth = 100_000;
    let page = format!(
        "<html><head><title>Ferry news</title></head><body><p>The ferry runs again.</p>\
         {}<p>“It is late,” said the harbour master.</p>{}<script>var a = '<p>x</p>';</script>\
         </body></html>",
        "<div class=\"box\">".repeat(depth),
        "</div>".repeat(depth)
    );
    let a = load("deep.html", page.as_bytes());
    assert_eq!(a.meta.title.as_deref(), Some("Ferry news"));
    assert_eq!(
        paragraphs(&a),
        [
            "The ferry runs again.",
            "“It is late,” said the harbour master."
        ]
    );
    let file = a.file_text.as_deref().unwrap();
    for p in &a.paragraphs {
        let source = p.source.expect("traced to the page").slice(file);
        assert_eq!(source, p.span.slice(&a.text));
    }
}
