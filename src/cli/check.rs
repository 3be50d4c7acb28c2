//! `repwatch check-config`: the configuration and the rules it names, every problem at
//! once, each with its file and line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let path = path.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("repwatch.toml"));
    let mut problems = Vec::new();
    let config = match crate::config::load(&path) {
        Ok(c) => Some(c),
        Err(errors) => {
            problems.extend(errors.0.iter().map(|e| e.to_string()));
            None
        }
    };
    // The rules are checked even when the configuration has problems, so that one run
    // reports everything; a config that does not parse falls back to its [rules] text.
    let rules_dir = config.as_ref().and_then(|c| c.rules.dir.clone());
    let rule_files = match &rules_dir {
        Some(dir) => {
            let (rules, errors) = crate::score::rules::load_dir(dir);
            problems.extend(errors.iter().map(|e| e.to_string()));
            problems.extend(rules.pattern_errors().into_iter().map(|e| format!("{}: {e}", dir.display())));
            rules.files
        }
        None => crate::score::rules::Rules::embedded().files,
    };
    if problems.is_empty() {
        let c = config.expect("no problems means the configuration loaded");
        let langs: Vec<String> =
            crate::score::rules::Rules::embedded().langs.keys().map(|l| l.code().to_string()).collect();
        println!(
            "{}: ok — brand {:?}, {} source(s), {} sink(s), store {}, rules: {} file(s) from {}",
            path.display(),
            c.brand.name,
            c.sources.len(),
            c.sinks.len(),
            c.store.url,
            rule_files,
            rules_dir
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| format!("the built-in set ({})", langs.join(", "))),
        );
        Ok(ExitCode::SUCCESS)
    } else {
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!("{}: {} problem(s)", path.display(), problems.len());
        Ok(ExitCode::from(1))
    }
}
