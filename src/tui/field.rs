//! A one-line text field (the search, the export folder, the article list's filter):
//! tui-input does the editing; Enter keeps the text, Esc gives back what was there.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
    /// The value before the edit, for Esc.
    before: String,
}

/// Fields are equal when they hold the same text, cursor and value to go back to.
impl PartialEq for TextField {
    fn eq(&self, other: &Self) -> bool {
        self.input.value() == other.input.value()
            && self.input.cursor() == other.input.cursor()
            && self.before == other.before
    }
}

impl Eq for TextField {}

/// What a key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Still typing (the text may have changed).
    Typing,
    /// Enter: keep the text.
    Done,
    /// Esc: the edit is dropped; `before()` is the value to go back to.
    Cancelled,
}

impl TextField {
    /// An edit of `value`, the cursor at its end.
    pub fn editing(value: &str) -> TextField {
        TextField {
            input: Input::new(value.to_string()),
            before: value.to_string(),
        }
    }

    /// An empty field that replaces `before` (which Esc brings back).
    pub fn replacing(before: &str) -> TextField {
        TextField {
            input: Input::default(),
            before: before.to_string(),
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The value the edit started from.
    pub fn before(&self) -> &str {
        &self.before
    }

    /// The text left and right of the cursor, for drawing it between them.
    pub fn around_cursor(&self) -> (&str, &str) {
        let value = self.input.value();
        let at = value
            .char_indices()
            .nth(self.input.cursor())
            .map_or(value.len(), |(i, _)| i);
        value.split_at(at)
    }

    pub fn key(&mut self, key: &KeyEvent) -> Edit {
        match key.code {
            KeyCode::Enter => return Edit::Done,
            KeyCode::Esc => return Edit::Cancelled,
            _ => {}
        }
        if let Some(request) = request_for(key) {
            self.input.handle(request);
        }
        Edit::Typing
    }
}

/// The editing keys, as a shell line editor has them.
fn request_for(key: &KeyEvent) -> Option<InputRequest> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('u') if ctrl => InputRequest::DeleteFromStart,
        KeyCode::Char('w') if ctrl => InputRequest::DeletePrevWord,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => InputRequest::InsertChar(c),
        KeyCode::Backspace => InputRequest::DeletePrevChar,
        KeyCode::Delete => InputRequest::DeleteNextChar,
        KeyCode::Left => InputRequest::GoToPrevChar,
        KeyCode::Right => InputRequest::GoToNextChar,
        KeyCode::Home => InputRequest::GoToStart,
        KeyCode::End => InputRequest::GoToEnd,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(field: &mut TextField, keys: &[(KeyCode, KeyModifiers)]) -> Edit {
        keys.iter()
            .map(|(c, m)| field.key(&KeyEvent::new(*c, *m)))
            .last()
            .unwrap_or(Edit::Typing)
    }

    fn text(field: &mut TextField, s: &str) {
        for c in s.chars() {
            field.key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;

    #[test]
    fn ctrl_u_clears_to_the_start_and_ctrl_w_drops_a_word() {
        let mut f = TextField::editing("");
        text(&mut f, "the mayor said");
        typed(&mut f, &[(KeyCode::Char('w'), CTRL)]);
        assert_eq!(f.value(), "the mayor ");
        typed(&mut f, &[(KeyCode::Left, NONE), (KeyCode::Left, NONE)]);
        assert_eq!(f.around_cursor(), ("the mayo", "r "));
        typed(&mut f, &[(KeyCode::Char('u'), CTRL)]);
        assert_eq!(f.value(), "r ");
        assert_eq!(f.around_cursor(), ("", "r "));
    }

    #[test]
    fn esc_cancels_and_enter_keeps() {
        let mut f = TextField::editing("/tmp");
        text(&mut f, "/out");
        assert_eq!(typed(&mut f, &[(KeyCode::Esc, NONE)]), Edit::Cancelled);
        assert_eq!(f.before(), "/tmp");
        let mut f = TextField::replacing("old");
        text(&mut f, "new");
        assert_eq!(typed(&mut f, &[(KeyCode::Enter, NONE)]), Edit::Done);
        assert_eq!(f.value(), "new");
    }
}
