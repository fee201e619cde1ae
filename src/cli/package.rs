//! What the package installs beside the program, made from the command line's own definitions:
//! shell completions and the manual pages.

use super::Output;
use super::args::{Cli, Command};
use anyhow::{Context, Result};
use clap::CommandFactory;
use serde_json::json;
use std::path::Path;

/// Answers `completions` and `manual`, which need no shop; `None` for every other command.
pub(super) fn without_shop(cli: &Cli) -> Option<Result<Output>> {
    match cli.command.as_ref()? {
        Command::Completions { shell } => Some(Ok(completions(*shell))),
        Command::Manual { out } => Some(manual(out)),
        _ => None,
    }
}

fn completions(shell: clap_complete::Shell) -> Output {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "regulars", &mut bytes);
    let text = String::from_utf8(bytes).expect("completions are text");
    Output {
        json: json!({ "shell": shell.to_string(), "script": text }),
        // `println!` adds the last newline back.
        text: text.trim_end_matches('\n').to_string(),
    }
}

/// Writes regulars.1 and a page per command (regulars-customer.1, regulars-customer-add.1…).
fn manual(out: &Path) -> Result<Output> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut written = Vec::new();
    let mut root = Cli::command();
    // Gives each command its full name ("regulars customer add") for its synopsis.
    root.build();
    page(&root, "regulars", out, &mut written)?;
    Ok(Output {
        text: format!("{} manual pages in {}", written.len(), out.display()),
        json: json!({ "folder": out, "pages": written }),
    })
}

fn page(cmd: &clap::Command, name: &str, out: &Path, written: &mut Vec<String>) -> Result<()> {
    let file = format!("{name}.1");
    let mut bytes = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone()).title(name.to_uppercase());
    man.render(&mut bytes)?;
    let path = out.join(&file);
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    written.push(file);
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        page(sub, &format!("{name}-{}", sub.get_name()), out, written)?;
    }
    Ok(())
}
