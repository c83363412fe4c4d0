//! Driving the reader in tests: keys in, a frame drawn and read back as text.

use onrecord::tui::app::App;
use onrecord::tui::input::handle_key;
use onrecord::tui::ui::draw;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::Terminal;

/// Each character of `keys` pressed in turn.
pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

pub fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// The layout step, then a frame drawn from the state, as the event loop does.
pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.update_layout(Rect::new(0, 0, w, h));
    t.draw(|f| draw(f, app)).unwrap();
    t
}

/// The frame's text, a line per row.
pub fn screen(t: &Terminal<TestBackend>) -> String {
    let b = t.backend().buffer();
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
