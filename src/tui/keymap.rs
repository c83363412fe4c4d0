//! Key bindings: a TOML key map embedded as the default, overridable per action.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

macro_rules! actions {
    ($($variant:ident = $name:literal : $desc:literal,)*) => {
        /// Everything a key can do in the reader.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(try_from = "String")]
        pub enum Action { $($variant,)* }

        impl Action {
            pub const ALL: &[Action] = &[$(Action::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => $desc,)* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Quit = "quit": "quit",
    NextPane = "next_pane": "focus the next pane",
    PrevPane = "prev_pane": "focus the previous pane",
    Down = "down": "move down / scroll down",
    Up = "up": "move up / scroll up",
    PageDown = "page_down": "page down",
    PageUp = "page_up": "page up",
    Top = "top": "go to the top",
    Bottom = "bottom": "go to the bottom",
    Activate = "activate": "person: cycle through mentions · source: show it in the text",
    Details = "details": "source: everything about it, in full",
    NextSource = "next_source": "the next source in the text",
    PrevSource = "prev_source": "the previous source in the text",
    FilterPerson = "filter_person": "only the selected person's sources, or all again",
    CycleFilter = "cycle_filter": "cycle the source filter",
    FilterAll = "filter_all": "show all sources",
    FilterAnonymous = "filter_anonymous": "only anonymous sources",
    FilterOnRecord = "filter_on_record": "only sources on the record",
    FilterNamed = "filter_named": "only named sources",
    FilterOrganization = "filter_organization": "only organizations",
    FilterMedia = "filter_media": "only media",
    FilterDocument = "filter_document": "only documents",
    FilterUnattributed = "filter_unattributed": "hearsay with no source (\"is said to\", \"reportedly\")",
    OnlyParagraphs = "only_paragraphs": "show only paragraphs with the filtered sources",
    Search = "search": "search the text",
    NextMatch = "next_match": "next search match",
    PrevMatch = "prev_match": "previous search match",
    Clear = "clear": "clear search / close overlay",
    NextArticle = "next_article": "next article",
    PrevArticle = "prev_article": "previous article",
    Articles = "articles": "list the articles",
    SortList = "sort_list": "article list: sort by the next column",
    CompareOutlets = "compare_outlets": "article list: compare the outlets",
    Summary = "summary": "summary view with a chart",
    Help = "help": "this help",
    Warnings = "warnings": "what loading warned about (files skipped, text decoded)",
    CycleTheme = "cycle_theme": "next colour theme",
    Export = "export": "export the current article",
    ExportOnlyFiltered = "export_only_filtered": "export picker: only the active filter's sources, or all",
    ExportFolder = "export_folder": "export picker: type the folder to write to",
    Select = "select": "text: select words (the search match, else the page's first)",
    EndLeft = "end_left": "selection / source's words: the end one word left",
    EndRight = "end_right": "selection / source's words: the end one word right",
    StartLeft = "start_left": "selection / source's words: the start one word left",
    StartRight = "start_right": "selection / source's words: the start one word right",
    SourceKind = "source_kind": "source: change its kind",
    Declined = "declined": "source: statement → declined → did not respond",
    LinkPerson = "link_person": "source: link it to a person, or to no one",
    ClearReason = "clear_reason": "source: clear the reason given for anonymity",
    Remove = "remove": "source: not a source · person: not a person · list: revert",
    Rename = "rename": "person: rename",
    Merge = "merge": "person: merge into another person",
    Split = "split": "person: the mention Enter showed is someone else",
    NotAMention = "not_a_mention": "person: the mention Enter showed names no one",
    Undo = "undo": "undo the last correction",
    Redo = "redo": "redo the correction undone",
    Corrections = "corrections": "this article's corrections (revert one)",
}

impl Action {
    /// The actions that mean something only in the export picker (listed apart in the
    /// help, after the reader's own keys).
    pub const EXPORT_PICKER: &[Action] = &[Action::ExportOnlyFiltered, Action::ExportFolder];

    /// The actions that correct the annotations (listed apart in the help).
    pub const EDITING: &[Action] = &[
        Action::Select,
        Action::EndLeft,
        Action::EndRight,
        Action::StartLeft,
        Action::StartRight,
        Action::SourceKind,
        Action::Declined,
        Action::LinkPerson,
        Action::ClearReason,
        Action::Remove,
        Action::Rename,
        Action::Merge,
        Action::Split,
        Action::NotAMention,
        Action::Undo,
        Action::Redo,
        Action::Corrections,
    ];
}

impl TryFrom<String> for Action {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        Action::from_name(&name).ok_or_else(|| format!("unknown action `{name}`"))
    }
}

/// A key as written in a key map: its code and modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
}

/// Key codes the key map can name (an orderable subset of crossterm's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

impl TryFrom<String> for Key {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        Key::parse(&s).ok_or_else(|| format!("`{s}` is not a key"))
    }
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut rest) = (false, false, s);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCodeOrd::Enter,
            "esc" => KeyCodeOrd::Esc,
            "tab" => KeyCodeOrd::Tab,
            "backtab" => KeyCodeOrd::BackTab,
            "up" => KeyCodeOrd::Up,
            "down" => KeyCodeOrd::Down,
            "left" => KeyCodeOrd::Left,
            "right" => KeyCodeOrd::Right,
            "pageup" => KeyCodeOrd::PageUp,
            "pagedown" => KeyCodeOrd::PageDown,
            "home" => KeyCodeOrd::Home,
            "end" => KeyCodeOrd::End,
            "space" => KeyCodeOrd::Char(' '),
            s if s.chars().count() == 1 => KeyCodeOrd::Char(s.chars().next()?),
            _ => return None,
        };
        Some(Key { code, ctrl, alt })
    }

    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        })
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCodeOrd::Char(' ') => "space".to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::Enter => "Enter".into(),
            KeyCodeOrd::Esc => "Esc".into(),
            KeyCodeOrd::Tab => "Tab".into(),
            KeyCodeOrd::BackTab => "Shift-Tab".into(),
            KeyCodeOrd::Up => "↑".into(),
            KeyCodeOrd::Down => "↓".into(),
            KeyCodeOrd::Left => "←".into(),
            KeyCodeOrd::Right => "→".into(),
            KeyCodeOrd::PageUp => "PgUp".into(),
            KeyCodeOrd::PageDown => "PgDn".into(),
            KeyCodeOrd::Home => "Home".into(),
            KeyCodeOrd::End => "End".into(),
        };
        format!(
            "{}{}{base}",
            if self.ctrl { "Ctrl-" } else { "" },
            if self.alt { "Alt-" } else { "" }
        )
    }
}

/// Which action each key does, and the keys of each action.
#[derive(Debug, Clone)]
pub struct KeyMap {
    by_key: BTreeMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

/// A key map that could not be read, with where and why.
pub type KeyMapError = super::settings_file::FileError;

impl KeyMap {
    /// The default map with a user's overrides (a TOML text) applied over it.
    pub fn with_overrides(user: Option<(&str, &str)>) -> Result<KeyMap, KeyMapError> {
        let mut by_action = parse("built-in key map", DEFAULT_KEYMAP)?;
        if let Some((file, src)) = user {
            let user = parse(file, src)?;
            // A key the user gives an action leaves the action it had by default.
            let taken: std::collections::BTreeSet<Key> = user.values().flatten().copied().collect();
            for keys in by_action.values_mut() {
                keys.retain(|k| !taken.contains(k));
            }
            by_action.extend(user);
        }
        let mut by_key = BTreeMap::new();
        for (action, keys) in &by_action {
            for k in keys {
                by_key.insert(*k, *action);
            }
        }
        Ok(KeyMap { by_key, by_action })
    }

    /// The default map and, if there is one, the user's file over it.
    pub fn load() -> Result<KeyMap, KeyMapError> {
        let path = dirs::config_dir().map(|d| d.join("onrecord").join("keymap.toml"));
        let Some(p) = path.filter(|p| p.exists()) else {
            return KeyMap::with_overrides(None);
        };
        let src = super::settings_file::read(&p)?;
        KeyMap::with_overrides(Some((&p.display().to_string(), &src)))
    }

    pub fn action(&self, e: &KeyEvent) -> Option<Action> {
        // Shifted characters ("G", "?") arrive as themselves, so SHIFT is not part of a key.
        self.by_key.get(&Key::from_event(e)?).copied()
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// "j/↓" for the help and the footer.
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

fn parse(file: &str, src: &str) -> Result<BTreeMap<Action, Vec<Key>>, KeyMapError> {
    super::settings_file::parse(file, src)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn default_map_binds_every_action() {
        let km = KeyMap::with_overrides(None).unwrap();
        for a in Action::ALL {
            assert!(!km.keys(*a).is_empty(), "{a:?} has a key");
        }
        assert_eq!(
            km.action(&ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::PageDown)
        );
        assert_eq!(km.label(Action::Down), "j/↓");
    }

    #[test]
    fn no_default_key_does_two_things() {
        let mut seen = std::collections::BTreeMap::new();
        for (action, keys) in parse("built-in key map", DEFAULT_KEYMAP).unwrap() {
            for k in keys {
                if let Some(other) = seen.insert(k, action) {
                    panic!("{} is bound to {other:?} and {action:?}", k.label());
                }
            }
        }
    }

    #[test]
    fn a_user_file_overrides_only_what_it_sets() {
        let km = KeyMap::with_overrides(Some(("user.toml", "quit = [\"x\"]"))).unwrap();
        assert_eq!(
            km.action(&ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(km.action(&ev(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        assert_eq!(
            km.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        let err = KeyMap::with_overrides(Some(("user.toml", "fly = [\"x\"]"))).unwrap_err();
        assert_eq!(err.to_string(), "user.toml:1: unknown action `fly`");
        let err = KeyMap::with_overrides(Some(("user.toml", "up = [\"k\"]\ndown = [\"ctrl-\"]")))
            .unwrap_err();
        assert_eq!(err.to_string(), "user.toml:2: `ctrl-` is not a key");
    }
}
