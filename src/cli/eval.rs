//! `repwatch eval complaints|sentiment --data FILE.jsonl`: measures the scorer on
//! labelled JSON Lines `{text, lang, label}` (and `id`, `polarity` when present) and
//! prints precision, recall and F1 per language and class, with confusion tables.
//!
//! `--fold K/N` keeps only the posts of one fold (the split `repwatch fit
//! --exclude-fold K/N` leaves out), so that a model is measured on posts it was not
//! fitted on. `--baseline` adds the simple reference each figure should beat.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Deserialize;

use crate::brand::BrandMatcher;
use crate::mention::Lang;
use crate::score::measure::{Confusion, fold_of, parse_fold};
use crate::score::{Polarity, Score, Scorer};

/// What `repwatch eval` measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Task {
    /// `label`: complaint | not_complaint.
    Complaints,
    /// `label` (or `polarity`): negative | neutral | positive.
    Sentiment,
    /// Language identification: each post's `lang` against the language detected
    /// without it; accuracy per language and per length (words).
    Lang,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    #[arg(value_enum)]
    pub task: Task,
    /// Labelled JSON Lines; several files are measured together.
    #[arg(long, required = true, num_args = 1..)]
    pub data: Vec<PathBuf>,
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// A model file to use instead of the rules' model.toml (e.g. one just fitted).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Brand terms (comma-separated), so that "aimed at the business" can fire.
    #[arg(long, value_delimiter = ',')]
    pub brand: Vec<String>,
    /// Only the posts of fold K of N (by a hash of the id), e.g. 0/5.
    #[arg(long)]
    pub fold: Option<String>,
    /// Also measure the reference: a plain count of lexicon words (sentiment), negative
    /// sentiment taken as a complaint (complaints).
    #[arg(long)]
    pub baseline: bool,
    /// Print up to N posts the scorer got wrong.
    #[arg(long, default_value_t = 0)]
    pub show_errors: usize,
}

/// One labelled post.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub id: Option<String>,
    pub text: String,
    pub lang: Option<String>,
    pub label: String,
    pub polarity: Option<String>,
}

#[derive(Deserialize)]
struct RawLabelled {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    label: String,
    #[serde(default)]
    polarity: Option<String>,
}

/// Reads labelled JSON Lines; a bad line is reported on stderr as `FILE:N: reason` and
/// skipped. Returns the posts and how many lines were bad.
pub fn read_labelled(path: &Path) -> anyhow::Result<(Vec<Labelled>, usize)> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut out = Vec::new();
    let mut bad = 0;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: cannot read", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<RawLabelled>(&line) {
            Ok(r) => out.push(Labelled {
                id: r.id.map(|v| match v {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                }),
                text: r.text,
                lang: r.lang,
                label: r.label,
                polarity: r.polarity,
            }),
            Err(e) => {
                bad += 1;
                eprintln!("{}:{}: {}", path.display(), i + 1, crate::mention::plain_json_error(&e));
            }
        }
    }
    Ok((out, bad))
}

impl Labelled {
    /// The key folds are drawn by.
    pub fn fold_key(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.text)
    }

    /// The class this post is labelled with for `task`, if it has one.
    pub fn class(&self, task: Task) -> Option<&str> {
        match task {
            Task::Complaints => ["complaint", "not_complaint"].into_iter().find(|c| *c == self.label),
            Task::Sentiment => Polarity::parse(&self.label)
                .or_else(|| self.polarity.as_deref().and_then(Polarity::parse))
                .map(|p| p.as_str()),
            Task::Lang => self.lang.as_deref().and_then(Lang::from_code).map(|l| l.code()),
        }
    }
}

/// Reads every file, keeps the posts of `fold` (when given) that carry a class for `task`.
pub fn read_all(
    paths: &[PathBuf],
    task: Task,
    fold: Option<(u32, u32)>,
    keep: bool,
) -> anyhow::Result<(Vec<Labelled>, usize)> {
    let mut posts = Vec::new();
    let mut bad = 0;
    for path in paths {
        let (rows, b) = read_labelled(path)?;
        bad += b;
        let before = posts.len();
        for r in rows {
            if r.class(task).is_none() {
                bad += 1;
                eprintln!("{}: post {:?}: label {:?} is not a {task:?} class", path.display(), r.fold_key(), r.label);
                continue;
            }
            if let Some((k, n)) = fold
                && (fold_of(r.fold_key(), n) == k) != keep
            {
                continue;
            }
            posts.push(r);
        }
        if posts.len() == before {
            anyhow::bail!("{}: no labelled posts for {task:?}", path.display());
        }
    }
    Ok((posts, bad))
}

/// Scores posts on every core, in order.
pub fn score_all(scorer: &Scorer, posts: &[Labelled]) -> Vec<Score> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let chunk = posts.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = posts
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || part.iter().map(|p| scorer.score(&p.text, p.lang.as_deref())).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let fold = match &args.fold {
        Some(f) => Some(parse_fold(f).with_context(|| format!("--fold {f:?}: expected K/N with K < N, e.g. 0/5"))?),
        None => None,
    };
    let (rules, errors) = crate::score::rules::load(args.rules.as_deref(), args.model.as_deref());
    if !errors.is_empty() {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        anyhow::bail!("the rules have {} problem(s):\n{}", errors.len(), list.join("\n"));
    }
    let scorer = Scorer::new(rules, BrandMatcher::new(&args.brand, &[]), Vec::new());
    let (posts, bad) = read_all(&args.data, args.task, fold, true)?;
    if args.task == Task::Lang {
        print!("{}", lang_report(&scorer, &posts));
        return Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    let scores = score_all(&scorer, &posts);
    let classes: &[&str] = match args.task {
        Task::Complaints => &["complaint", "not_complaint"],
        Task::Sentiment | Task::Lang => &["negative", "neutral", "positive"],
    };
    let mut ours = Confusion::new(classes);
    let mut base = Confusion::new(classes);
    let mut shown = 0;
    for (p, s) in posts.iter().zip(&scores) {
        let label = p.class(args.task).unwrap_or_default();
        let lang = p.lang.as_deref().map(str::to_lowercase).unwrap_or_else(|| s.lang.to_string());
        let decision = decide(args.task, s);
        ours.add(&lang, label, decision);
        base.add(&lang, label, baseline(args.task, s));
        if decision != label && shown < args.show_errors {
            shown += 1;
            let text: String = p.text.chars().take(160).collect::<String>().replace('\n', " ");
            println!(
                "wrong [{lang}] label {label}, decided {decision} (sentiment {}, complaint {}) {:?}: {text}",
                s.sentiment, s.complaint_score, s.matched
            );
        }
    }
    let files: Vec<String> = args.data.iter().map(|p| p.display().to_string()).collect();
    let which = args.fold.as_deref().map(|f| format!(", fold {f}")).unwrap_or_default();
    println!("{:?}: {} ({} posts{which})\n", args.task, files.join(" "), posts.len());
    print!("{}", ours.render());
    if args.baseline {
        let what = match args.task {
            Task::Complaints => "negative sentiment (≤ -0.05) taken as a complaint",
            Task::Sentiment | Task::Lang => "a plain count of lexicon words (more positive than negative: positive)",
        };
        println!("\nbaseline: {what}\n");
        print!("{}", base.render());
    }
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn decide(task: Task, s: &Score) -> &'static str {
    match task {
        Task::Complaints if s.complaint => "complaint",
        Task::Complaints => "not_complaint",
        Task::Sentiment | Task::Lang => s.polarity.as_str(),
    }
}

/// Language identification measured: every post detected as if it came without `lang`
/// (no brand prior), per language and per length in words. Per language, `false` counts the
/// posts of other languages taken for it: a rule that catches more of one language must not
/// do it by taking the posts of the others.
pub fn lang_report(scorer: &Scorer, posts: &[Labelled]) -> String {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let chunk = posts.len().div_ceil(threads).max(1);
    let detected: Vec<Option<Lang>> = std::thread::scope(|s| {
        let handles: Vec<_> = posts
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|p| scorer.language(&p.text, None)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    // lang → (n, right, wrong decisions by language); bucket → (n, right); lang → posts of
    // other languages taken for it (a language that wins by being guessed everywhere shows
    // there, not in its own accuracy).
    let mut by_lang: BTreeMap<&str, (usize, usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    let mut taken_for: BTreeMap<&str, usize> = BTreeMap::new();
    let buckets = [(1, 3, "1-3 words"), (4, 6, "4-6 words"), (7, 12, "7-12 words"), (13, usize::MAX, "13+ words")];
    let mut by_len = [(0usize, 0usize); 4];
    for (p, d) in posts.iter().zip(&detected) {
        let Some(want) = p.class(Task::Lang) else { continue };
        let got = d.map(|l| l.code()).unwrap_or("und");
        let e = by_lang.entry(want).or_default();
        e.0 += 1;
        let words = p.text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
        let b = buckets.iter().position(|(lo, hi, _)| (*lo..=*hi).contains(&words.max(1))).unwrap_or(3);
        by_len[b].0 += 1;
        if got == want {
            e.1 += 1;
            by_len[b].1 += 1;
        } else {
            *e.2.entry(got).or_default() += 1;
            *taken_for.entry(got).or_default() += 1;
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "language identification ({} posts, detected without their lang)
",
        posts.len()
    );
    let _ = writeln!(out, "{:<5} {:>6} {:>9} {:>7}   most often taken for", "lang", "n", "accuracy", "false");
    let (mut n, mut right) = (0, 0);
    for (lang, (total, ok, wrong)) in &by_lang {
        n += total;
        right += ok;
        let mut wrong: Vec<(&&str, &usize)> = wrong.iter().collect();
        wrong.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = wrong.iter().take(3).map(|(l, k)| format!("{l} {k}")).collect();
        let false_ = taken_for.get(lang).copied().unwrap_or(0);
        let _ =
            writeln!(out, "{lang:<5} {total:>6} {:>9.3} {false_:>7}   {}", *ok as f64 / *total as f64, top.join(", "));
    }
    let _ = writeln!(
        out,
        "{:<5} {n:>6} {:>9.3}
",
        "all",
        right as f64 / n.max(1) as f64
    );
    for ((_, _, name), (total, ok)) in buckets.iter().zip(by_len) {
        let _ = writeln!(out, "{name:<11} {total:>6} {:>9.3}", ok as f64 / total.max(1) as f64);
    }
    out
}

fn baseline(task: Task, s: &Score) -> &'static str {
    match task {
        Task::Complaints if s.sentiment <= -0.05 => "complaint",
        Task::Complaints => "not_complaint",
        Task::Sentiment | Task::Lang => {
            let count = |kind: &str| s.hits.iter().filter(|h| h.id.contains(kind)).count();
            match count(".pos.").cmp(&count(".neg.")) {
                std::cmp::Ordering::Greater => "positive",
                std::cmp::Ordering::Less => "negative",
                std::cmp::Ordering::Equal => "neutral",
            }
        }
    }
}
