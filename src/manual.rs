//! Shell completions and the man page, generated from the command line's own clap
//! definitions (and, for the reader's keys, from the default key map), so that neither
//! can drift from what the binary accepts.

use crate::cli::Cli;
use anyhow::Result;
use clap::{Arg, CommandFactory};
use clap_mangen::roff::{bold, italic, roman, Inline, Roff};
use onrecord::tui::keymap::{Action, KeyMap};
use std::io::Write;

/// The shells `onrecord completions` writes for.
pub use clap_complete::Shell;

/// The completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "onrecord", out);
}

/// The man page: clap's page for the command, a section for each subcommand with
/// all its options, then the reader's keys, the files and the environment it reads.
pub fn man_page(out: &mut dyn Write) -> Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone()).date(env!("ONRECORD_BUILD_DATE"));
    man.render(out)?;
    let mut roff = Roff::default();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        subcommand_section(&mut roff, sub);
    }
    keys_section(&mut roff)?;
    files_section(&mut roff);
    roff.to_writer(out)?;
    Ok(())
}

/// `ONRECORD ANNOTATE`: what it does, its usage and every option with its help.
fn subcommand_section(roff: &mut Roff, sub: &clap::Command) {
    let title = format!("onrecord {}", sub.get_name()).to_uppercase();
    roff.control("SH", [title.as_str()]);
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    let usage = sub
        .clone()
        .bin_name(format!("onrecord {}", sub.get_name()))
        .render_usage();
    let usage = usage.to_string();
    roff.control("PP", []);
    roff.text([bold(usage.trim_start_matches("Usage: ").to_string())]);
    for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
        roff.control("TP", []);
        roff.text(arg_heading(arg));
        let mut help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            help.push_str(&format!(" [possible values: {}]", values.join(", ")));
        }
        let takes_values = arg.get_num_args().is_none_or(|n| n.takes_values());
        if let Some(default) = arg.get_default_values().first().filter(|_| takes_values) {
            help.push_str(&format!(" [default: {}]", default.to_string_lossy()));
        }
        roff.text([roman(help)]);
    }
    if let Some(examples) = sub.get_after_help() {
        roff.control("PP", []);
        for line in examples.to_string().lines() {
            roff.text([roman(line.to_string()), clap_mangen::roff::line_break()]);
        }
    }
}

/// "--format, -f FORMAT" or "PATHS...", in the man page's fonts.
fn arg_heading(arg: &Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    if arg.is_positional() {
        return vec![italic(format!("{value}..."))];
    }
    let mut names = Vec::new();
    if let Some(long) = arg.get_long() {
        names.push(format!("--{long}"));
    }
    if let Some(short) = arg.get_short() {
        names.push(format!("-{short}"));
    }
    let mut heading = vec![bold(names.join(", "))];
    if arg.get_num_args().is_none_or(|n| n.takes_values()) {
        heading.push(roman(" "));
        heading.push(italic(value));
    }
    heading
}

/// The reader's keys, as the default key map binds them.
fn keys_section(roff: &mut Roff) -> Result<()> {
    let keymap = KeyMap::with_overrides(None)?;
    roff.control("SH", ["READER KEYS"]);
    roff.text([roman(
        "The reader's default keys; $XDG_CONFIG_HOME/onrecord/keymap.toml rebinds any \
         action by its name (for example: quit = [\"q\", \"ctrl-q\"]).",
    )]);
    for action in Action::ALL {
        roff.control("TP", []);
        roff.text([
            bold(keymap.label(*action)),
            roman(format!("  ({})", action.name())),
        ]);
        roff.text([roman(action.description())]);
    }
    Ok(())
}

fn files_section(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    let entries = [
        (
            "$XDG_CONFIG_HOME/onrecord/keymap.toml",
            "the reader's keys (actions it does not name keep their defaults)",
        ),
        (
            "$XDG_CONFIG_HOME/onrecord/themes/*.toml",
            "colour themes, beside the bundled dark, light, high-contrast and mono",
        ),
        (
            "ARTICLE.onrecord.toml",
            "the corrections made to ARTICLE (or under --corrections DIR)",
        ),
    ];
    for (path, what) in entries {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    let variables = [
        ("NO_COLOR", "the mono theme, unless --theme says otherwise"),
        ("RAYON_NUM_THREADS", "how many cores annotate a corpus"),
        (
            "RUST_LOG",
            "what the annotator's rules decide, e.g. onrecord::annotate::people=debug",
        ),
    ];
    for (name, what) in variables {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(what)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).expect("UTF-8")
    }

    /// Every subcommand, and every flag of the command and its subcommands.
    fn names() -> (Vec<String>, Vec<String>) {
        let cmd = Cli::command();
        let subcommands: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        let flags = std::iter::once(&cmd)
            .chain(cmd.get_subcommands())
            .flat_map(|c| c.get_arguments().filter_map(Arg::get_long))
            .map(|l| format!("--{l}"))
            .collect();
        (subcommands, flags)
    }

    #[test]
    fn the_man_page_names_every_subcommand_flag_and_key() {
        let page = rendered(|out| man_page(out).expect("a page"));
        // roff writes a hyphen as `\-`.
        let plain = page.replace("\\-", "-");
        let (subcommands, flags) = names();
        assert!(subcommands.contains(&"annotate".to_string()));
        for name in subcommands.iter().chain(&flags) {
            assert!(
                plain.contains(name.as_str()),
                "{name} is not in the man page"
            );
        }
        for action in Action::ALL {
            assert!(
                plain.contains(action.name()),
                "{} is not in the man page",
                action.name()
            );
        }
        assert!(
            plain.starts_with(".ie") || plain.contains(".TH onrecord"),
            "{page}"
        );
    }

    #[test]
    fn completions_name_every_subcommand_and_flag_in_each_shell() {
        let (subcommands, flags) = names();
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
            let script = rendered(|out| completions(shell, out));
            for name in subcommands.iter().chain(&flags) {
                // fish lists a flag by its name without the dashes (`-l format`).
                let bare = name.trim_start_matches('-');
                assert!(
                    script.contains(name.as_str()) || script.contains(&format!("-l {bare}")),
                    "{name} is not in the {shell} completions"
                );
            }
        }
    }
}
