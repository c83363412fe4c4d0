//! A one-line text field (the search, the export folder, the article list's filter):
//! characters are typed at the end, Backspace takes the last one back.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    value: String,
    /// The value before the edit, for Esc.
    before: String,
}

/// What a key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Still typing (the text may have changed).
    Typing,
    /// Enter: keep the text.
    Done,
    /// Esc: the edit is over; `before()` is the value it started from.
    Cancelled,
}

impl TextField {
    /// An edit of `value`.
    pub fn editing(value: &str) -> TextField {
        TextField {
            value: value.to_string(),
            before: value.to_string(),
        }
    }

    /// An empty field that replaces `before`.
    pub fn replacing(before: &str) -> TextField {
        TextField {
            value: String::new(),
            before: before.to_string(),
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// The value the edit started from.
    pub fn before(&self) -> &str {
        &self.before
    }

    /// The text left and right of the cursor, for drawing it between them.
    pub fn around_cursor(&self) -> (&str, &str) {
        (&self.value, "")
    }

    pub fn key(&mut self, key: &KeyEvent) -> Edit {
        match key.code {
            KeyCode::Enter => return Edit::Done,
            KeyCode::Esc => return Edit::Cancelled,
            KeyCode::Backspace => {
                self.value.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.value.push(c)
            }
            _ => {}
        }
        Edit::Typing
    }
}
