use anyhow::Result;
use clap::Parser;
use onrecord::cli::{Cli, Command};
use onrecord::export::pipeline;
use std::io::IsTerminal;

fn main() {
    if let Err(e) = run() {
        eprintln!("onrecord: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let cli = Cli::parse();
    let options = cli.load_options()?;
    match cli.command {
        Some(Command::Annotate(args)) => pipeline::annotate(&args, &options),
        Some(Command::Stats(args)) => pipeline::stats(
            &args.paths,
            args.by.group_by(),
            args.format.format(),
            &options,
        ),
        None => {
            // A wrong --theme is an error even when no reader opens.
            if let Some(spec) = &cli.theme {
                onrecord::tui::theme::Theme::load(spec)?;
            }
            if cli.summary || !std::io::stdout().is_terminal() {
                return pipeline::print_summaries(&cli.paths, &options);
            }
            // The reader opens at once and annotates in the background.
            onrecord::tui::open(&cli.paths, options, cli.theme.as_deref())
        }
    }
}
