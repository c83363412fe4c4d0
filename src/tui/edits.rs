//! Corrections made in the reader: each article's list (loaded from its sidecar the
//! first time it is edited or listed), undo and redo, and what every edit key does.
//! An edit is pushed to the list, the article is annotated afresh with the whole list
//! applied on top, and the sidecar is saved at once.

use super::app::{App, Emphasis, Pane};
use super::keymap::Action;
use super::overlays::corrections::CorrectionsList;
use super::overlays::pick::{Pick, Picker};
use super::overlays::rename::Rename;
use super::overlays::Overlay;
use crate::annotate::text::tokens::tokenize;
use crate::annotate::SourceKind;
use crate::corrections::{self, Anchor, ArticleCorrections, Correction, Edit, Place, Skipped};
use crate::sanitize::clean;
use crate::span::Span;
use std::collections::HashMap;

/// The corrections of the articles edited so far, and where sidecars are kept.
#[derive(Debug, Default)]
pub struct Edits {
    /// `None`: `--no-corrections`; editing is refused.
    place: Option<Place>,
    articles: HashMap<usize, ArticleEdits>,
}

/// One article's corrections, what of them could not be applied, and the steps to
/// undo and redo (the whole list as it was, and what the step did).
#[derive(Debug, Default)]
pub struct ArticleEdits {
    pub corrections: ArticleCorrections,
    pub skipped: Vec<Skipped>,
    undo: Vec<(Vec<Correction>, String)>,
    redo: Vec<(Vec<Correction>, String)>,
}

/// Words selected in the text pane: indices into the article's words, both ends in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    words: Vec<Span>,
    start: usize,
    end: usize,
}

impl Selection {
    pub fn span(&self) -> Span {
        Span::new(self.words[self.start].start, self.words[self.end].end)
    }
}

/// Which list row to select once an edit is applied.
enum Follow {
    Source(Span),
    Person(Span),
    Nothing,
}

/// The words of an article, as the name finder reads them.
fn words(text: &str) -> Vec<Span> {
    tokenize(text, Span::new(0, text.len()))
        .into_iter()
        .map(|t| t.span)
        .collect()
}

/// Moves one end of `span` by a word within its paragraph; `None` where it cannot.
fn move_end(text: &str, article: &crate::article::Article, span: Span, a: Action) -> Option<Span> {
    let words = words(text);
    let inside: Vec<usize> = (0..words.len())
        .filter(|&i| span.start <= words[i].start && words[i].end <= span.end)
        .collect();
    let (first, last) = (*inside.first()?, *inside.last()?);
    let moved = match a {
        Action::StartLeft => Span::new(words[first.checked_sub(1)?].start, span.end),
        Action::StartRight if first < last => Span::new(words[first + 1].start, span.end),
        Action::EndLeft if first < last => Span::new(span.start, words[last - 1].end),
        Action::EndRight => Span::new(span.start, words.get(last + 1)?.end),
        _ => return None,
    };
    let para = |b: usize| article.paragraph_of(b);
    (para(moved.start) == para(moved.end.saturating_sub(1))).then_some(moved)
}

impl App {
    /// Where corrections are kept (`None`: editing is refused, as under
    /// `--no-corrections`). Set before the first edit.
    pub fn set_corrections_place(&mut self, place: Option<Place>) {
        self.edits.place = place;
    }

    /// The corrections of the current article as loaded so far, if they are.
    pub fn current_edits(&self) -> Option<&ArticleEdits> {
        self.edits.articles.get(&self.current)
    }

    /// Loads the current article's corrections the first time they are needed; the
    /// message says why editing cannot go on.
    fn load_edits(&mut self) -> Result<(), String> {
        if self.edits.articles.contains_key(&self.current) {
            return Ok(());
        }
        let Some(place) = &self.edits.place else {
            return Err("editing is off: --no-corrections shows the annotator's own output".into());
        };
        let name = &self.article().article.name;
        let corrections = ArticleCorrections::load(place, name)
            .map_err(|e| format!("cannot edit: {}", clean(&e.to_string())))?;
        self.edits.articles.insert(
            self.current,
            ArticleEdits {
                corrections,
                ..ArticleEdits::default()
            },
        );
        self.reapply(Follow::Nothing);
        Ok(())
    }

    fn state(&mut self) -> &mut ArticleEdits {
        self.edits
            .articles
            .get_mut(&self.current)
            .expect("the article's corrections are loaded")
    }

    /// Annotates the current article afresh and applies its whole list.
    fn reapply(&mut self, follow: Follow) {
        let i = self.current;
        let person_before = self.selected_mentions();
        let list = self.state().corrections.list.clone();
        let fresh = crate::annotate::annotate(&self.articles[i].article);
        self.articles[i].annotations = fresh;
        let skipped = corrections::apply(&mut self.articles[i], &list);
        self.state().skipped = skipped;
        self.refresh();
        self.text.forget_layout();
        self.keep_text_in_view();
        self.select_after_edit(follow);
        // Enter starts again at the first mention of a person selected anew, or changed.
        if self.selected_mentions() != person_before {
            self.people.forget_mention();
        }
    }

    /// The mentions of the selected person: who they are, as far as Enter goes.
    fn selected_mentions(&self) -> Vec<Span> {
        self.selected_person().map_or_else(Vec::new, |p| {
            let mentions = &self.article().annotations.people[p].mentions;
            mentions.iter().map(|m| m.span).collect()
        })
    }

    /// Selects the source or the person the edit was about, or keeps the rows in range.
    fn select_after_edit(&mut self, follow: Follow) {
        let a = &self.article().annotations;
        let source_row = match follow {
            Follow::Source(span) => self
                .visible_sources()
                .iter()
                .position(|&s| a.sources[s].span == span),
            _ => None,
        };
        let person_row = match follow {
            Follow::Person(span) => self
                .people_order()
                .iter()
                .position(|&p| a.people[p].mentions.iter().any(|m| m.span == span)),
            _ => None,
        };
        let (sources, people) = (self.visible_sources().len(), a.people.len());
        if let Some(row) = source_row {
            self.sources.select(row);
        }
        if let Some(row) = person_row {
            self.people.rows.select(row);
        }
        self.sources.step(sources, 0);
        self.people.rows.step(people, 0);
        self.emphasis = match self.focus {
            Pane::Sources => self
                .selected_source()
                .map_or(Emphasis::None, Emphasis::Source),
            Pane::People => self
                .selected_person()
                .map_or(Emphasis::None, Emphasis::Person),
            Pane::Text => Emphasis::None,
        };
    }

    /// Makes an edit: pushed to the list, applied, saved, and said in the status line.
    /// An edit that cannot be applied is taken back at once.
    fn commit(&mut self, edit: Edit, follow: Follow) {
        self.commit_as(edit, follow, false);
    }

    /// [`App::commit`], the edit taking the place of the last one when `replace_last`.
    fn commit_as(&mut self, edit: Edit, follow: Follow, replace_last: bool) {
        if let Err(why) = self.load_edits() {
            self.status = Some(why);
            return;
        }
        let what = edit.describe();
        let state = self.state();
        let before = state.corrections.list.clone();
        let record = state.corrections.record.clone();
        if replace_last {
            state.corrections.list.pop();
        }
        state.corrections.list.push(Correction { record, edit });
        self.reapply(follow);
        let last = self.state().corrections.list.len() - 1;
        if let Some(s) = self.state().skipped.iter().find(|s| s.index == last) {
            let why = s.why.to_string();
            self.state().corrections.list = before;
            self.reapply(Follow::Nothing);
            self.status = Some(format!("{what}: cannot be applied: {why}"));
            return;
        }
        let state = self.state();
        state.undo.push((before, what.clone()));
        state.redo.clear();
        self.save(&what);
    }

    /// Saves the current article's list and says what was done and where it went.
    fn save(&mut self, what: &str) {
        let i = self.current;
        let text = &self.articles[i].article.text;
        let state = self.edits.articles.get_mut(&i).expect("loaded");
        let result = state.corrections.save(text);
        let saved = match (&state.corrections.sidecar, result) {
            (None, _) => {
                "not saved: this article is no file (--corrections DIR keeps edits)".to_string()
            }
            (Some(path), Ok(())) => {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                format!("saved in {name}")
            }
            (Some(_), Err(e)) => format!("NOT saved: {e}"),
        };
        self.status = Some(clean(&format!("{what} · {saved}")));
    }

    pub(super) fn undo(&mut self) {
        self.step_history(true);
    }

    pub(super) fn redo(&mut self) {
        self.step_history(false);
    }

    fn step_history(&mut self, undo: bool) {
        if let Err(why) = self.load_edits() {
            self.status = Some(why);
            return;
        }
        let state = self.state();
        let (from, to) = if undo {
            (&mut state.undo, &mut state.redo)
        } else {
            (&mut state.redo, &mut state.undo)
        };
        let Some((list, what)) = from.pop() else {
            self.status = Some(format!("nothing to {}", if undo { "undo" } else { "redo" }));
            return;
        };
        let now = std::mem::replace(&mut state.corrections.list, list);
        to.push((now, what.clone()));
        self.reapply(Follow::Nothing);
        let word = if undo { "undone" } else { "redone" };
        self.save(&format!("{word}: {what}"));
    }

    /// Removes correction `i` from the list (undoable).
    pub(super) fn revert(&mut self, i: usize) {
        if self.load_edits().is_err() {
            return;
        }
        let state = self.state();
        let Some(c) = state.corrections.list.get(i) else {
            return;
        };
        let what = format!("reverted: {}", c.edit.describe());
        let before = state.corrections.list.clone();
        state.corrections.list.remove(i);
        state.undo.push((before, what.clone()));
        state.redo.clear();
        self.reapply(Follow::Nothing);
        self.save(&what);
    }

    pub(super) fn open_corrections(&mut self) {
        match self.load_edits() {
            Ok(()) => self.overlay = Some(Overlay::Corrections(CorrectionsList::default())),
            Err(why) => self.status = Some(why),
        }
    }

    // ---- what is selected ----

    fn anchor(&self, span: Span) -> Anchor {
        Anchor::of(&self.article().article.text, span)
    }

    /// The selected source's phrase and cue, when the Sources pane has the focus.
    fn focused_source(&mut self) -> Option<(usize, Anchor, Anchor)> {
        let s = self
            .selected_source()
            .filter(|_| self.focus == Pane::Sources);
        let Some(s) = s else {
            self.status = Some("select a source in the Sources pane (Tab) first".into());
            return None;
        };
        let src = &self.article().annotations.sources[s];
        let (span, cue) = (src.span, src.cue);
        Some((s, self.anchor(span), self.anchor(cue)))
    }

    /// The selected person, when the People pane has the focus.
    fn focused_person(&mut self) -> Option<usize> {
        let p = self
            .selected_person()
            .filter(|_| self.focus == Pane::People);
        if p.is_none() {
            self.status = Some("select a person in the People pane (Tab) first".into());
        }
        p
    }

    /// A person's anchor: their first mention.
    fn person_anchor(&self, p: usize) -> Anchor {
        self.anchor(self.article().annotations.people[p].mentions[0].span)
    }

    fn person_names(&self, skip: Option<usize>) -> (Vec<usize>, Vec<String>) {
        let people = &self.article().annotations.people;
        self.people_order()
            .iter()
            .filter(|&&p| Some(p) != skip)
            .map(|&p| (p, clean(&people[p].name)))
            .unzip()
    }

    fn pick(&mut self, title: String, options: Vec<String>, purpose: Pick) {
        self.pick_at(title, options, purpose, 0);
    }

    /// A picker opened on option `at` (the current choice, where there is one).
    fn pick_at(&mut self, title: String, options: Vec<String>, purpose: Pick, at: usize) {
        if options.is_empty() {
            self.status = Some("there is no one to pick".into());
            return;
        }
        self.overlay = Some(Overlay::Pick(Picker::new(title, options, purpose).at(at)));
    }

    // ---- source edits ----

    pub(super) fn pick_kind(&mut self) {
        if let Some((s, ..)) = self.focused_source() {
            let kinds = SourceKind::ALL
                .iter()
                .map(|k| k.name().to_string())
                .collect();
            let now = self.article().annotations.sources[s].kind;
            let at = SourceKind::ALL.iter().position(|&k| k == now).unwrap_or(0);
            self.pick_at("Kind of source".into(), kinds, Pick::Kind(s), at);
        }
    }

    pub(super) fn cycle_declined(&mut self) {
        let Some((s, source, cue)) = self.focused_source() else {
            return;
        };
        let src = &self.article().annotations.sources[s];
        let (declined, no_response) = match (src.declined, src.no_response) {
            (false, _) => (true, false),
            (true, false) => (true, true),
            (true, true) => (false, false),
        };
        let follow = Follow::Source(src.span);
        let edit = Edit::SourceDeclined {
            source,
            cue,
            declined,
            no_response,
        };
        self.commit(edit, follow);
    }

    pub(super) fn pick_person_link(&mut self) {
        let Some((s, ..)) = self.focused_source() else {
            return;
        };
        let (people, mut names) = self.person_names(None);
        names.insert(0, "(no one)".into());
        let mut choices = vec![None];
        choices.extend(people.into_iter().map(Some));
        self.pick("Who the source is".into(), names, Pick::Person(s, choices));
    }

    pub(super) fn clear_reason(&mut self) {
        let Some((s, source, cue)) = self.focused_source() else {
            return;
        };
        let src = &self.article().annotations.sources[s];
        if src.reason.is_none() {
            self.status = Some("the source gives no reason to clear".into());
            return;
        }
        let follow = Follow::Source(src.span);
        let edit = Edit::SourceReason {
            source,
            cue,
            reason: None,
        };
        self.commit(edit, follow);
    }

    /// `x`: not a source, not a person, by the focused pane.
    pub(super) fn remove(&mut self) {
        if self.focus == Pane::People {
            if let Some(p) = self.focused_person() {
                let person = self.person_anchor(p);
                self.commit(Edit::NotAPerson { person }, Follow::Nothing);
            }
            return;
        }
        if let Some((_, source, cue)) = self.focused_source() {
            self.commit(Edit::NotASource { source, cue }, Follow::Nothing);
        }
    }

    /// h, l, H, L: the selection's ends in the text, or the selected source's words.
    pub(super) fn move_end(&mut self, action: Action) {
        if self.focus == Pane::Text {
            return self.move_selection_end(action);
        }
        let Some((s, source, cue)) = self.focused_source() else {
            return;
        };
        let a = &self.articles[self.current];
        let span = a.annotations.sources[s].span;
        let Some(moved) = move_end(&a.article.text, &a.article, span, action) else {
            self.status = Some("the source's words end there".into());
            return;
        };
        let span = self.anchor(moved);
        // Word after word on one source is one correction: the last is moved on.
        let last = self.current_edits().and_then(|e| e.corrections.list.last());
        if let Some(Edit::SourceSpan {
            source: first,
            cue: first_cue,
            span: last_span,
        }) = last.map(|c| &c.edit)
        {
            if *last_span == source && *first_cue == cue {
                let edit = Edit::SourceSpan {
                    source: first.clone(),
                    cue,
                    span,
                };
                return self.commit_as(edit, Follow::Source(moved), true);
            }
        }
        let edit = Edit::SourceSpan { source, cue, span };
        self.commit(edit, Follow::Source(moved));
    }

    // ---- person edits ----

    pub(super) fn start_rename(&mut self) {
        if let Some(p) = self.focused_person() {
            let name = self.article().annotations.people[p].name.clone();
            self.overlay = Some(Overlay::Rename(Rename::new(p, &name)));
        }
    }

    pub(super) fn rename(&mut self, p: usize, name: String) {
        let name = name.trim().to_string();
        if name.is_empty() || name == self.article().annotations.people[p].name {
            return;
        }
        let person = self.person_anchor(p);
        let follow = Follow::Person(self.article().annotations.people[p].mentions[0].span);
        self.commit(Edit::PersonName { person, name }, follow);
    }

    pub(super) fn pick_merge(&mut self) {
        if let Some(p) = self.focused_person() {
            let (people, names) = self.person_names(Some(p));
            let title = format!(
                "Merge {} into",
                clean(&self.article().annotations.people[p].name)
            );
            self.pick(title, names, Pick::Merge(p, people));
        }
    }

    /// The mention of the selected person that Enter showed last.
    fn shown_mention(&mut self) -> Option<Span> {
        let p = self.focused_person()?;
        let shown = self
            .people
            .shown_mention(&self.article().annotations.people[p]);
        if shown.is_none() {
            self.status = Some("press Enter to show the mention first".into());
        }
        shown
    }

    pub(super) fn split(&mut self) {
        if let Some(span) = self.shown_mention() {
            let mention = self.anchor(span);
            self.commit(Edit::SplitMention { mention }, Follow::Person(span));
        }
    }

    pub(super) fn not_a_mention(&mut self) {
        if let Some(span) = self.shown_mention() {
            let mention = self.anchor(span);
            self.commit(Edit::NotAMention { mention }, Follow::Nothing);
        }
    }

    // ---- what a picker chose ----

    pub(super) fn picked(&mut self, purpose: Pick, i: usize) {
        let a = &self.article().annotations;
        match purpose {
            Pick::Kind(s) => {
                let (span, cue) = (a.sources[s].span, a.sources[s].cue);
                let edit = Edit::SourceKind {
                    source: self.anchor(span),
                    cue: self.anchor(cue),
                    kind: SourceKind::ALL[i],
                };
                self.commit(edit, Follow::Source(span));
            }
            Pick::Person(s, choices) => {
                let (span, cue) = (a.sources[s].span, a.sources[s].cue);
                let edit = Edit::SourcePerson {
                    source: self.anchor(span),
                    cue: self.anchor(cue),
                    person: choices[i].map(|p| self.person_anchor(p)),
                };
                self.commit(edit, Follow::Source(span));
            }
            Pick::Merge(p, people) => {
                let into = people[i];
                let follow = Follow::Person(a.people[into].mentions[0].span);
                let edit = Edit::MergePeople {
                    person: self.person_anchor(p),
                    into: self.person_anchor(into),
                };
                self.commit(edit, follow);
            }
            Pick::UseSelection(span, uses) => self.use_selection(span, uses[i]),
            Pick::NewSource(span) => {
                let edit = Edit::NewSource {
                    source: self.anchor(span),
                    kind: SourceKind::ALL[i],
                    cue: None,
                };
                self.commit(edit, Follow::Source(span));
            }
            Pick::MentionOf(span, people) => {
                let edit = Edit::NewMention {
                    mention: self.anchor(span),
                    person: Some(self.person_anchor(people[i])),
                };
                self.commit(edit, Follow::Person(span));
            }
        }
    }

    // ---- the text selection ----

    /// `v`: selects the current search match, or the first word on the page.
    pub(super) fn start_selection(&mut self) {
        if self.focus != Pane::Text {
            self.status = Some("words are selected in the Text pane (Tab)".into());
            return;
        }
        let words = words(&self.article().article.text);
        if words.is_empty() {
            return;
        }
        let (from, to) = match self.search.matches.get(self.search.current) {
            Some(m) => (m.start, m.end),
            None => {
                let top = self.text.first_byte();
                (top, top)
            }
        };
        let start = words
            .partition_point(|w| w.end <= from)
            .min(words.len() - 1);
        let end = words
            .partition_point(|w| w.start < to)
            .saturating_sub(1)
            .clamp(start, words.len() - 1);
        self.selection = Some(Selection { words, start, end });
        self.say_selection();
    }

    fn move_selection_end(&mut self, action: Action) {
        let Some(sel) = &mut self.selection else {
            self.status = Some(format!(
                "press {} to select words first",
                self.keymap().label(Action::Select)
            ));
            return;
        };
        let last = sel.words.len() - 1;
        match action {
            Action::StartLeft => sel.start = sel.start.saturating_sub(1),
            Action::StartRight => sel.start = (sel.start + 1).min(sel.end),
            Action::EndLeft => sel.end = sel.end.saturating_sub(1).max(sel.start),
            _ => sel.end = (sel.end + 1).min(last),
        }
        let span = sel.span();
        if !self.text.shows_byte(span.end) || !self.text.shows_byte(span.start) {
            self.scroll_to_byte(span.start);
        }
        self.say_selection();
    }

    fn say_selection(&mut self) {
        let Some(sel) = &self.selection else { return };
        let words = sel.span().slice(&self.article().article.text);
        let km = self.keymap();
        self.status = Some(clean(&format!(
            "selected “{words}” · {}/{}/{}/{} ends · {} use it · {} cancel",
            km.label(Action::EndLeft),
            km.label(Action::EndRight),
            km.label(Action::StartLeft),
            km.label(Action::StartRight),
            km.label(Action::Activate),
            km.label(Action::Clear),
        )));
    }

    /// Enter on a selection: what to make of it.
    pub(super) fn choose_use(&mut self) {
        let Some(sel) = &self.selection else { return };
        let span = sel.span();
        let mut uses = vec![Use::NewSource, Use::NewPerson];
        let mut options = vec![
            "a new source (then its kind)".to_string(),
            "a mention of a new person".to_string(),
        ];
        if !self.article().annotations.people.is_empty() {
            uses.push(Use::MentionOf);
            options.push("a mention of a person (then who)".into());
        }
        if let Some(s) = self.selected_source() {
            let a = self.article();
            let words = clean(a.annotations.sources[s].span.slice(&a.article.text));
            uses.extend([Use::SourceWords, Use::SourceReason]);
            options.push(format!("the words of the source “{words}”"));
            options.push(format!("the reason for the anonymity of “{words}”"));
        }
        let title = format!(
            "Use “{}” as",
            clean(span.slice(&self.article().article.text))
        );
        self.pick(title, options, Pick::UseSelection(span, uses));
    }

    fn use_selection(&mut self, span: Span, what: Use) {
        self.selection = None;
        let a = self.article();
        match what {
            Use::NewSource => {
                let kinds = SourceKind::ALL
                    .iter()
                    .map(|k| k.name().to_string())
                    .collect();
                self.pick(
                    "Kind of the new source".into(),
                    kinds,
                    Pick::NewSource(span),
                );
            }
            Use::NewPerson => {
                let mention = self.anchor(span);
                let edit = Edit::NewMention {
                    mention,
                    person: None,
                };
                self.commit(edit, Follow::Person(span));
            }
            Use::MentionOf => {
                let (people, names) = self.person_names(None);
                self.pick("A mention of".into(), names, Pick::MentionOf(span, people));
            }
            Use::SourceWords | Use::SourceReason => {
                let Some(s) = self.selected_source() else {
                    return;
                };
                let src = &a.annotations.sources[s];
                let (old, cue) = (src.span, src.cue);
                let (source, cue, chosen) = (self.anchor(old), self.anchor(cue), self.anchor(span));
                if what == Use::SourceWords {
                    let edit = Edit::SourceSpan {
                        source,
                        cue,
                        span: chosen,
                    };
                    self.commit(edit, Follow::Source(span));
                } else {
                    let edit = Edit::SourceReason {
                        source,
                        cue,
                        reason: Some(chosen),
                    };
                    self.commit(edit, Follow::Source(old));
                }
            }
        }
    }
}

/// What a text selection can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    NewSource,
    NewPerson,
    MentionOf,
    SourceWords,
    SourceReason,
}
