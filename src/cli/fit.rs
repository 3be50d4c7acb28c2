//! `repwatch fit`: fits the complaint model (and the sentiment thresholds) on labelled
//! JSON Lines and writes `rules/model.toml`, after measuring it by cross-validation:
//! every post is scored by a model fitted on the other folds, never by one that saw it.
//!
//! ```text
//! repwatch fit --data ../shared/eval/complaints-preotiuc2019/dev.jsonl \
//!     --sentiment ../shared/eval/twitter-us-airline-sentiment/dev.jsonl
//! ```
//!
//! Run it again whenever the rules change: the features are computed with them.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::eval::{Task, read_all};
use crate::brand::BrandMatcher;
use crate::score::fit::{
    Example, Options, SentimentExample, SentimentFit, cross_validate, fit, fit_lang_thresholds, fit_sentiment,
    fit_thresholds, model_toml,
};
use crate::score::measure::{Confusion, fold_of, parse_fold};
use crate::score::{Polarity, Scorer};

#[derive(Debug, clap::Args)]
pub struct FitArgs {
    /// Posts labelled complaint | not_complaint.
    #[arg(long, required = true, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// Posts labelled negative | neutral | positive, to fit the polarity thresholds
    /// (3-class sets; without, the thresholds in the current model are kept).
    #[arg(long, num_args = 1..)]
    pub sentiment: Vec<PathBuf>,
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Brand terms (comma-separated), so that "aimed at the business" can fire.
    #[arg(long, value_delimiter = ',')]
    pub brand: Vec<String>,
    /// Leave fold K of N out of everything (measure it later with `eval --fold K/N`).
    #[arg(long)]
    pub exclude_fold: Option<String>,
    /// Folds of the cross-validation.
    #[arg(long, default_value_t = 5)]
    pub folds: u32,
    /// L2 penalty on the feature weights.
    #[arg(long, default_value_t = Options::default().l2)]
    pub l2: f32,
    /// L2 penalty on the term weights of the lexical layers.
    #[arg(long, default_value_t = Options::default().l2_terms)]
    pub l2_terms: f32,
    /// No lexical layers: the language-neutral model alone.
    #[arg(long)]
    pub no_terms: bool,
    /// Where to write the model.
    #[arg(long, default_value = "rules/model.toml")]
    pub out: PathBuf,
}

/// A language gets its own polarity thresholds with at least this many labelled posts of
/// each class (and no 3-class layer).
const MIN_PER_CLASS_THRESHOLDS: usize = 40;

pub fn run(args: FitArgs) -> anyhow::Result<ExitCode> {
    let exclude = match &args.exclude_fold {
        Some(f) => Some(parse_fold(f).with_context(|| format!("--exclude-fold {f:?}: expected K/N, e.g. 0/5"))?),
        None => None,
    };
    anyhow::ensure!(args.folds >= 2, "--folds must be at least 2");
    let rules = crate::run::load_rules(args.rules.as_deref())?;
    let (keep_neg, keep_pos) = (rules.model.sentiment.negative_below, rules.model.sentiment.positive_above);
    let mut layers: std::collections::BTreeMap<crate::mention::Lang, SentimentFit> = rules
        .model
        .sentiment
        .lang
        .iter()
        .filter_map(|(code, l)| {
            let mut terms: Vec<(String, [f32; 3])> = l.terms.0.iter().map(|(k, w)| (k.clone(), *w)).collect();
            terms.sort_by(|a, b| a.0.cmp(&b.0));
            let features = l.features.iter().map(|(k, w)| (k.clone(), *w)).collect();
            let layer = SentimentFit { bias: l.bias, compound: l.compound, features, terms };
            Some((crate::mention::Lang::from_code(code)?, layer))
        })
        .collect();
    let mut lang_thresholds: std::collections::BTreeMap<String, (f32, f32)> = rules
        .model
        .sentiment
        .thresholds
        .iter()
        .map(|(code, t)| (code.clone(), (t.negative_below, t.positive_above)))
        .collect();
    let scorer = Scorer::new(rules, BrandMatcher::new(&args.brand, &[]), Vec::new());
    let (posts, bad) = read_all(&args.data, Task::Complaints, exclude, false)?;
    let examples: Vec<Example> = posts
        .iter()
        .map(|p| {
            let lang = scorer.language(&p.text, p.lang.as_deref());
            let a = scorer.analyse(&p.text, lang, true);
            Example {
                features: a.features,
                keys: a.keys,
                lang,
                complaint: p.class(Task::Complaints) == Some("complaint"),
            }
        })
        .collect();
    let mut opts = Options { l2: args.l2, l2_terms: args.l2_terms, ..Options::default() };
    if args.no_terms {
        opts.min_per_class = usize::MAX;
    }
    let folds = args.folds;
    let fold = |i: usize| fold_of(&format!("cv:{}", posts[i].fold_key()), folds);
    let neutral = Options { min_per_class: usize::MAX, ..opts.clone() };
    let mut report = String::new();
    for (name, o) in [("features only", &neutral), ("with lexical layers", &opts)] {
        if args.no_terms && name != "features only" {
            continue;
        }
        let oof = cross_validate(&examples, folds, fold, o);
        let mut c = Confusion::new(&["complaint", "not_complaint"]);
        for (e, p) in examples.iter().zip(&oof) {
            let lang = e.lang.map(|l| l.code()).unwrap_or("und");
            let label = if e.complaint { "complaint" } else { "not_complaint" };
            c.add(lang, label, if *p >= 0.5 { "complaint" } else { "not_complaint" });
        }
        println!("cross-validated, {folds} folds, {name}:\n{}", c.render());
        for lang in c.langs() {
            report.push_str(&format!(
                "  {lang} ({name}): macro F1 {:.3}, complaint F1 {:.3}\n",
                c.macro_f1(Some(lang)),
                c.class(Some(lang), "complaint").f1
            ));
        }
    }
    let model = fit(&examples, &opts);
    let (mut neg, mut pos) = (keep_neg, keep_pos);
    let mut sentiment_note = "kept from the previous model".to_string();
    if !args.sentiment.is_empty() {
        let (rows, b) = read_all(&args.sentiment, Task::Sentiment, exclude, false)?;
        let mut samples: Vec<(String, f32, Polarity)> = Vec::new();
        let mut sentiment_examples = Vec::new();
        for r in &rows {
            let lang = scorer.language(&r.text, r.lang.as_deref());
            let a = scorer.analyse(&r.text, lang, true);
            let Some(label) = r.class(Task::Sentiment).and_then(Polarity::parse) else { continue };
            let code = r.lang.clone().unwrap_or_else(|| lang.map(|l| l.code()).unwrap_or("und").to_string());
            samples.push((code, a.sentiment, label));
            sentiment_examples.push(SentimentExample {
                compound: a.sentiment,
                features: a.features,
                keys: a.keys,
                lang,
                label,
            });
        }
        let (n, p, f1) = fit_thresholds(&samples);
        (neg, pos) = (n, p);
        if !args.no_terms {
            let o = Options { min_per_class: 100, max_terms: 3000, ..opts.clone() };
            layers = fit_sentiment(&sentiment_examples, &o);
        }
        let with_layers: Vec<&str> = layers.keys().map(|l| l.code()).collect();
        // A language without a layer but with enough labelled posts of each class gets
        // its own thresholds.
        let per_lang = fit_lang_thresholds(&samples, &with_layers, MIN_PER_CLASS_THRESHOLDS);
        for (code, (n, p, f1)) in &per_lang {
            println!("sentiment thresholds for {code}: negative ≤ {n}, positive ≥ {p} (macro F1 {f1:.3} on it)");
        }
        lang_thresholds = per_lang.iter().map(|(code, (n, p, _))| (code.clone(), (*n, *p))).collect();
        println!(
            "sentiment layers fitted for: {}",
            if with_layers.is_empty() { "none".into() } else { with_layers.join(", ") }
        );
        sentiment_note = format!(
            "fitted on {} ({} posts; thresholds: mean macro F1 over languages {f1:.3} on them); \
             3-class layers for: {}; own thresholds for: {}",
            names(&args.sentiment),
            samples.len(),
            if with_layers.is_empty() { "none".into() } else { with_layers.join(", ") },
            if lang_thresholds.is_empty() {
                "none".into()
            } else {
                lang_thresholds.keys().cloned().collect::<Vec<_>>().join(", ")
            }
        );
        if b > 0 {
            eprintln!("{b} bad sentiment line(s) skipped");
        }
        println!("sentiment thresholds: negative ≤ {neg}, positive ≥ {pos} (macro F1 {f1:.3} on the fitting data)");
    }
    let mut counts = std::collections::BTreeMap::new();
    for e in &examples {
        *counts.entry(e.lang.map(|l| l.code()).unwrap_or("und")).or_insert(0usize) += 1;
    }
    let counts: Vec<String> = counts.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let excluded = args.exclude_fold.as_deref().map(|f| format!(", fold {f} left out")).unwrap_or_default();
    let header = format!(
        "The complaint model: a logistic regression over the features the scorer computes (see\n\
         rules/README.md), plus a lexical layer for each language with enough labelled complaints.\n\
         Written by `repwatch fit`; edit by hand only to try something, then fit again:\n\
         \x20   repwatch fit --data {}{}\n\
         Complaint data: {} ({}{excluded}); l2 {}, l2 on terms {}.\n\
         Sentiment thresholds: {sentiment_note}.\n\
         Cross-validated ({folds} folds; each post scored by a model fitted without it):\n{}",
        names(&args.data),
        if args.sentiment.is_empty() { String::new() } else { format!(" --sentiment {}", names(&args.sentiment)) },
        names(&args.data),
        counts.join(", "),
        opts.l2,
        opts.l2_terms,
        report.trim_end()
    );
    let text = model_toml(&model, 0.5, neg, pos, &layers, &lang_thresholds, &header);
    // The file must load as part of the rules before it replaces anything.
    toml::from_str::<crate::score::rules::Model>(&text).context("the fitted model does not read back")?;
    std::fs::write(&args.out, text).with_context(|| format!("cannot write {}", args.out.display()))?;
    let terms: usize = model.layers.values().map(|l| l.1.len()).sum();
    println!("wrote {} ({} posts, {} term weights)", args.out.display(), examples.len(), terms);
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| {
            // The set's folder and file name, not the machine's path.
            let parts: Vec<_> = p.components().rev().take(2).collect();
            parts.iter().rev().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
        })
        .collect::<Vec<_>>()
        .join(" ")
}
