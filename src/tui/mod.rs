//! The reader: a ratatui interface over annotated articles.

pub mod app;
mod bounded;
pub mod edits;
mod error;
pub mod field;
pub mod filter;
pub mod input;
pub mod keymap;
pub mod kinds;
pub mod loader;
pub mod overlays;
pub mod panes;
pub mod search;
pub mod settings_file;
mod signals;
pub mod theme;
pub mod ui;
pub mod wrap;

use crate::annotate::Annotated;
use crate::pipeline::ReadOptions;
use crate::pipeline::{Notify, Report};
use app::App;
pub use error::{Error, Result};
use keymap::KeyMap;
use loader::{Incoming, Job};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::{execute, terminal};
use ratatui::prelude::CrosstermBackend;
use signals::Stop;
use std::io::Stdout;
use std::path::PathBuf;
use std::time::Duration;
use theme::Theme;

/// The themes, the index of the one to start with (`--theme`, else mono under
/// `NO_COLOR`, else dark), and what was wrong with the user's theme files, to print
/// when the reader closes.
pub fn pick_theme(spec: Option<&str>) -> Result<(Vec<Theme>, usize, Vec<String>)> {
    let (mut themes, warnings) = Theme::all();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let chosen = match spec {
        Some(s) => Theme::load(s)?,
        None if no_color => Theme::bundled("mono").expect("the mono theme is bundled"),
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
    Ok((themes, i, warnings))
}

/// Builds the reader's state from articles and settings; no terminal needed. Also
/// gives what was wrong with the user's theme files.
pub fn new_app(items: Vec<Annotated>, theme: Option<&str>) -> Result<(App, Vec<String>)> {
    let (themes, i, warnings) = pick_theme(theme)?;
    let keymap = KeyMap::load()?;
    Ok((App::new(items, themes, i, keymap), warnings))
}

/// Opens the reader at once over the articles of `paths` (the bundled samples when
/// there are none), annotating them in the background. A named file that cannot be
/// loaded is reported before the terminal is touched (and, alone, is the error); the
/// reader then opens over the others, and the run ends with a failing status. Warnings
/// about files in folders are printed when the reader closes, so they never draw over it.
pub fn open(
    paths: &[PathBuf],
    options: ReadOptions,
    theme: Option<&str>,
    notify: Notify,
) -> Result<()> {
    let (themes, i, theme_warnings) = pick_theme(theme)?;
    let keymap = KeyMap::load()?;
    let report = Report::for_paths(paths, notify);
    let jobs = if paths.is_empty() {
        let samples = crate::pipeline::load_samples(options.format)?;
        samples
            .into_iter()
            .map(|a| Job::Annotate(Box::new(a)))
            .collect()
    } else {
        loader::jobs_for(paths, &options, &report)?
    };
    let place = options.corrections.place().cloned();
    let incoming = loader::start(jobs, options);
    let mut warnings = Vec::new();
    let result = with_terminal(|terminal, stop| {
        let settings = Settings {
            themes,
            theme: i,
            keymap,
            place,
        };
        let (result, said) = read_while_loading(terminal, stop, incoming, settings);
        warnings = said;
        result
    });
    loader::pass_on(&theme_warnings, notify);
    loader::pass_on(&warnings, notify);
    result.and_then(|()| Ok(report.finish()?))
}

/// What the reader is opened with besides the articles.
struct Settings {
    themes: Vec<Theme>,
    theme: usize,
    keymap: KeyMap,
    /// Where corrections are saved; `None` under `--no-corrections`.
    place: Option<crate::corrections::Place>,
}

/// The reader over articles still arriving; returns with the loading warnings.
fn read_while_loading(
    terminal: &mut ReaderTerminal,
    stop: &Stop,
    mut incoming: Incoming,
    settings: Settings,
) -> (Result<()>, Vec<String>) {
    let Settings {
        themes,
        theme,
        keymap,
        place,
    } = settings;
    let first = match wait_for_first(terminal, stop, &mut incoming, &themes[theme]) {
        Ok(Some(first)) => first,
        Ok(None) => return (Ok(()), incoming.warnings().to_vec()),
        Err(e) => return (Err(e), incoming.warnings().to_vec()),
    };
    let mut app = App::new(first, themes, theme, keymap);
    app.set_corrections_place(place);
    app.follow(incoming);
    let result = event_loop(terminal, stop, &mut app);
    (result, app.load_warnings().to_vec())
}

/// How often the screen shows loading progress while no key is pressed.
const PROGRESS_TICK: Duration = Duration::from_millis(100);

/// Shows progress until the first article is annotated (a large one takes seconds);
/// `None` if the user quits first.
fn wait_for_first(
    terminal: &mut ReaderTerminal,
    stop: &Stop,
    incoming: &mut Incoming,
    theme: &Theme,
) -> Result<Option<Vec<Annotated>>> {
    loop {
        if stop.requested() {
            return Ok(None);
        }
        let (done, total) = (incoming.done_count(), incoming.total());
        terminal.draw(|f| ui::draw_waiting(f, theme, done, total))?;
        let ready = incoming.wait_ready(PROGRESS_TICK);
        if !ready.is_empty() {
            return Ok(Some(ready));
        }
        if incoming.finished() {
            return Err(crate::pipeline::Error::NoArticle.into());
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(k) = event::read()? {
                if input::is_quit_while_waiting(&k) {
                    return Ok(None);
                }
            }
        }
    }
}

/// The reader's terminal: crossterm on standard output, its size bounded so that what a
/// frame allocates is bounded too.
type ReaderTerminal = ratatui::Terminal<bounded::Bounded<CrosstermBackend<Stdout>>>;

/// Runs `body` in the terminal interface and gives the terminal back afterwards.
fn with_terminal<T>(body: impl FnOnce(&mut ReaderTerminal, &Stop) -> Result<T>) -> Result<T> {
    // A panic gives the terminal back (screen, raw mode, mouse) before its message.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        ratatui::restore();
        previous(info);
    }));
    let stop = Stop::install();
    let mut terminal = start_terminal().map_err(Error::Start)?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = body(&mut terminal, &stop);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Raw mode, the alternate screen, and the bounded terminal over them.
fn start_terminal() -> std::io::Result<ReaderTerminal> {
    terminal::enable_raw_mode()?;
    if let Err(e) = execute!(std::io::stdout(), terminal::EnterAlternateScreen) {
        ratatui::restore();
        return Err(e);
    }
    ratatui::Terminal::new(bounded::Bounded(CrosstermBackend::new(std::io::stdout())))
}

/// How long the reader waits for a key before it looks whether a signal asked it to stop.
const SIGNAL_TICK: Duration = Duration::from_millis(200);

fn event_loop(terminal: &mut ReaderTerminal, stop: &Stop, app: &mut App) -> Result<()> {
    // Fault injection for the end-to-end test that a panic gives the terminal back.
    let panic_on_key = std::env::var_os("ONRECORD_TEST_PANIC").is_some();
    while !app.quit && !stop.requested() {
        app.receive();
        if app.load_failed() {
            // A loading thread panicked (and its hook gave the terminal back): stop too.
            return Err(Error::LoadingStopped);
        }
        let size = terminal.size()?;
        app.update_layout(ratatui::layout::Rect::new(0, 0, size.width, size.height));
        terminal.draw(|f| ui::draw(f, app))?;
        // While articles arrive, the screen is redrawn now and then to show them.
        if app.loading_progress().is_some() && !event::poll(PROGRESS_TICK)? {
            continue;
        }
        // Wait for a key, looking every tick whether a signal asked the reader to stop.
        while !event::poll(SIGNAL_TICK)? {
            if stop.requested() {
                return Ok(());
            }
        }
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
