//! The `onrecord` binary: the command line at the door, then load → annotate →
//! export, figures or the reader, all in the library.

mod cli;
mod manual;

use anyhow::Result;
use clap::Parser;
use cli::{Cli, Command};
use onrecord::pipeline::{self, Notice};
use onrecord::sanitize::for_terminal;
use std::io::IsTerminal;

fn main() {
    if let Err(e) = run() {
        // Errors name files and quote their text: nothing from a file reaches the
        // terminal raw.
        eprintln!("onrecord: error: {}", for_terminal(&format!("{e:#}")));
        std::process::exit(1);
    }
}

/// Writes `bytes` to standard output; a reader that stops early (`| head`) is no error.
fn print_all(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result.map_err(|e| anyhow::anyhow!("cannot write the output: {e}"))?),
    }
}

fn run() -> Result<()> {
    // The annotator's rules say what they decide when RUST_LOG asks them to.
    env_logger::init();
    let cli = Cli::parse();
    let options = cli.read_options()?;
    // The reader handles signals itself (it gives the terminal back first).
    if cli.command.is_some() {
        remove_temporaries_on_signals()?;
    }
    match cli.command {
        Some(Command::Annotate(args)) => {
            let export = args.export_options();
            Ok(pipeline::annotate(
                &args.paths,
                &export,
                &options,
                &print_notice,
            )?)
        }
        Some(Command::Stats(args)) => {
            let progress = Progress::on_stderr();
            let notify = |notice: Notice| progress.show(notice);
            let (by, format) = (args.by, args.format);
            Ok(pipeline::stats(&args.paths, by, format, &options, &notify)?)
        }
        Some(Command::ImportBrat(args)) => Ok(pipeline::import_brat(
            &args.folder,
            &options,
            &print_notice,
        )?),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            manual::completions(shell, &mut script);
            print_all(&script)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            manual::man_page(&mut page)?;
            print_all(&page)
        }
        Some(Command::Diff(args)) => {
            let progress = Progress::on_stderr();
            let notify = |notice: Notice| progress.show(notice);
            Ok(pipeline::diff(&args.paths, args.format, &options, &notify)?)
        }
        None => {
            // A wrong --theme is an error even when no reader opens.
            if let Some(spec) = &cli.theme {
                onrecord::tui::theme::Theme::load(spec)?;
            }
            if cli.summary || !std::io::stdout().is_terminal() {
                return Ok(pipeline::print_summaries(
                    &cli.paths,
                    &options,
                    &print_notice,
                )?);
            }
            // The reader opens at once and annotates in the background.
            let theme = cli.theme.as_deref();
            Ok(onrecord::tui::open(
                &cli.paths,
                options,
                theme,
                &print_notice,
            )?)
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files and folders of the exports
/// under way, then ends as that signal ends a program (so that a shell sees it was
/// interrupted): an interrupted export leaves what was there before, or nothing.
fn remove_temporaries_on_signals() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held to the end: no temporary is made or moved into place after this.
            let _removed = onrecord::export::temporaries::remove_all();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// A notice on standard error; progress counts are for [`Progress`] only.
fn print_notice(notice: Notice) {
    if !matches!(notice, Notice::Done | Notice::AllDone) {
        eprintln!("onrecord: {}", for_terminal(&notice.to_string()));
    }
}

/// A spinner counting articles on standard error, hidden when that is no terminal.
struct Progress(indicatif::ProgressBar);

impl Progress {
    fn on_stderr() -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(indicatif::ProgressBar::hidden());
        }
        let bar = indicatif::ProgressBar::new_spinner();
        let template = "{spinner} {pos} articles annotated ({per_sec})";
        let style =
            indicatif::ProgressStyle::with_template(template).expect("the template is valid");
        bar.set_style(style);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(bar)
    }

    fn show(&self, notice: Notice) {
        match notice {
            Notice::Done => self.0.inc(1),
            Notice::AllDone => self.0.finish_and_clear(),
            other => self.0.suspend(|| print_notice(other)),
        }
    }
}

impl Drop for Progress {
    /// A run that stops with an error leaves no spinner behind.
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
