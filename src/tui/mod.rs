//! The reader: a ratatui interface over annotated articles.

pub mod app;
pub mod input;
pub mod keymap;
pub mod sanitize;
pub mod theme;
pub mod ui;
pub mod wrap;

use crate::export::Annotated;
use anyhow::{Context, Result};
use app::App;
use keymap::KeyMap;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use theme::Theme;

/// The themes and the index of the one to start with: `--theme`, else mono under
/// `NO_COLOR`, else dark.
pub fn pick_theme(spec: Option<&str>) -> Result<(Vec<Theme>, usize)> {
    let mut themes = Theme::all();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let chosen = match spec {
        Some(s) => Theme::load(s)?,
        None if no_color => Theme::bundled("mono").context("the mono theme is bundled")?,
        None => themes[0].clone(),
    };
    let i = match themes.iter().position(|t| t.name == chosen.name) {
        Some(i) => {
            themes[i] = chosen;
            i
        }
        None => {
            themes.push(chosen);
            themes.len() - 1
        }
    };
    Ok((themes, i))
}

/// Builds the reader's state from articles and settings; no terminal needed.
pub fn new_app(items: Vec<Annotated>, theme: Option<&str>) -> Result<App> {
    let (themes, i) = pick_theme(theme)?;
    let keymap = KeyMap::load().map_err(anyhow::Error::msg)?;
    Ok(App::new(items, themes, i, keymap))
}

pub fn run(items: Vec<Annotated>, theme: Option<&str>) -> Result<()> {
    let mut app = new_app(items, theme)?;
    // ratatui's hook restores the screen on a panic; ours also releases the mouse.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context("cannot start the terminal interface")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    // Fault injection for the end-to-end test that a panic gives the terminal back.
    let panic_on_key = std::env::var_os("ONRECORD_TEST_PANIC").is_some();
    while !app.quit {
        terminal.draw(|f| ui::draw(f, app))?;
        if panic_on_key && matches!(event::read()?, Event::Key(_)) {
            panic!("ONRECORD_TEST_PANIC: a deliberate panic");
        }
        match event::read()? {
            Event::Key(k) => input::handle_key(app, k),
            Event::Mouse(m) => input::handle_mouse(app, m),
            _ => {}
        }
    }
    Ok(())
}
