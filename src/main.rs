use anyhow::Result;
use clap::Parser;
use onrecord::cli::{self, Cli, Command};
use onrecord::export::Annotated;
use std::io::IsTerminal;

fn main() {
    if let Err(e) = run() {
        eprintln!("onrecord: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Annotate(args)) => {
            let articles = cli::load_all(&args.paths, cli.input_format)?;
            let annotated: Vec<Annotated> = articles.into_iter().map(Annotated::new).collect();
            onrecord::export::run(&annotated, &args)
        }
        None => {
            // A wrong --theme is an error even when no reader opens.
            if let Some(spec) = &cli.theme {
                onrecord::tui::theme::Theme::load(spec)?;
            }
            if cli.summary || !std::io::stdout().is_terminal() {
                let articles = if cli.paths.is_empty() {
                    cli::load_samples(cli.input_format)?
                } else {
                    cli::load_all(&cli.paths, cli.input_format)?
                };
                let annotated: Vec<Annotated> = articles.into_iter().map(Annotated::new).collect();
                print!("{}", onrecord::export::summary_text(&annotated));
                return Ok(());
            }
            // The reader opens at once and annotates in the background.
            onrecord::tui::open(&cli.paths, cli.input_format, cli.theme.as_deref())
        }
    }
}
