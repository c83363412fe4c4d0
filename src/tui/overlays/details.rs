//! A source in full: its words, cue, content, reason, sentence, flags and offsets,
//! wrapped to the box however long they are (the sources pane cuts them at its edge).

use super::{draw_scrolled, scroll_or_close, Outcome};
use crate::annotate::{Annotated, Source};
use crate::sanitize::clean;
use crate::span::{CharIndex, Span};
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::kinds::{badge, marker, CORRECTED};
use crate::tui::theme::Role;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::Frame;

/// Width of the labels' column.
const LABEL: usize = 11;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// Index into the article's sources.
    pub source: usize,
    pub scroll: u16,
    /// "source 120–135", "cue 136–140", …: code-point offsets, as the exports give them,
    /// worked out once when the box opens.
    offsets: String,
}

impl Details {
    /// The details of source `source` of `a`.
    pub fn of(a: &Annotated, source: usize) -> Details {
        let s = &a.annotations.sources[source];
        let index = CharIndex::new(&a.article.text);
        let range = |name: &str, span: Span| {
            format!(
                "{name} {}–{}",
                index.char_offset(span.start),
                index.char_offset(span.end)
            )
        };
        let mut parts = vec![range("source", s.span), range("cue", s.cue)];
        parts.extend(s.content.map(|c| range("content", c)));
        parts.extend(s.reason.map(|r| range("reason", r)));
        Details {
            source,
            scroll: 0,
            offsets: parts.join(" · "),
        }
    }

    pub fn on_key(&mut self, action: Option<Action>) -> Outcome {
        scroll_or_close(&mut self.scroll, action, Action::Details)
    }

    pub fn draw(&self, f: &mut Frame, app: &App, area: Rect) {
        let a = app.article();
        let Some(s) = a.annotations.sources.get(self.source) else {
            return;
        };
        let width = area.width.min(100);
        let inner = usize::from(width.saturating_sub(2));
        let lines = self.lines(app, s, inner);
        draw_scrolled(f, app, area, "Source", width, lines, self.scroll);
    }

    /// The box's lines for a box `width` columns wide inside.
    fn lines(&self, app: &App, s: &Source, width: usize) -> Vec<Line<'static>> {
        let t = app.theme();
        let a = app.article();
        let text = &a.article.text;
        let mut rows = Rows {
            lines: Vec::new(),
            width,
            label: t.style(Role::Dim),
            value: t.style(Role::Text),
        };
        let mut kind = format!("{} {}", marker(s.kind), badge(s.kind));
        if s.corrected {
            kind.push_str(&format!("  {CORRECTED} corrected"));
        }
        rows.lines.push(Line::styled(
            format!(" {kind}"),
            t.style(Role::Kind(s.kind)),
        ));
        rows.add("source", s.span.slice(text));
        if let Some(p) = s.person.and_then(|p| a.annotations.people.get(p)) {
            let mut who = p.name.clone();
            if !p.roles.is_empty() {
                who.push_str(&format!(" · {}", p.roles.join(", ")));
            }
            rows.add("person", &who);
        }
        rows.add("cue", s.cue.slice(text));
        if let Some(c) = s.content {
            let how = if s.direct { "quoted" } else { "content" };
            rows.add(how, c.slice(text));
        }
        if let Some(r) = s.reason {
            rows.add("reason", r.slice(text));
        } else if s.lacks_reason() {
            rows.add("reason", "none given");
        }
        if let Some(outer) = s.relayed_by.and_then(|i| a.annotations.sources.get(i)) {
            let by = format!("{} ({})", outer.span.slice(text), outer.kind.name());
            rows.add("relayed by", &by);
        }
        let flags = flags(s);
        if !flags.is_empty() {
            rows.add("flags", &flags.join(" · "));
        }
        if let Some(sentence) = crate::annotate::text::sentence_of(&a.article, s.span) {
            rows.add("sentence", sentence.slice(text));
        }
        let paragraph = s.paragraph.map_or_else(
            || "the title".to_string(),
            |p| format!("paragraph {}", p + 1),
        );
        rows.add("where", &format!("{paragraph} · {}", self.offsets));
        rows.lines
    }
}

/// What is true of the source besides its kind, in words.
fn flags(s: &Source) -> Vec<String> {
    let mut flags = Vec::new();
    if s.no_response {
        flags.push("did not respond".to_string());
    } else if s.declined {
        flags.push("declined to comment".to_string());
    }
    if s.belief {
        flags.push("a belief or intention, not words said".to_string());
    }
    if s.counted_kind != s.kind {
        flags.push(format!("counted as {}", s.counted_kind.name()));
    }
    flags
}

/// Label-and-value rows, the value wrapped under itself.
struct Rows {
    lines: Vec<Line<'static>>,
    width: usize,
    label: Style,
    value: Style,
}

impl Rows {
    fn add(&mut self, label: &str, value: &str) {
        let room = self.width.saturating_sub(LABEL + 1).max(10);
        let value = clean(value);
        for (i, part) in textwrap::wrap(&value, room).into_iter().enumerate() {
            let head = if i == 0 { label } else { "" };
            self.lines.push(Line::from(vec![
                TextSpan::styled(format!(" {head:<LABEL$}"), self.label),
                TextSpan::styled(part.into_owned(), self.value),
            ]));
        }
    }
}

pub fn hints() -> Vec<(Action, &'static str)> {
    vec![(Action::Down, "scroll"), (Action::Clear, "close")]
}
