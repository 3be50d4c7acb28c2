//! The scorer end to end: labelled example posts with snapshots of their scores, and a
//! property test that no text, however odd, breaks the pipeline.
//!
//! Example posts live in `tests/fixtures/rules/<lang>/posts.jsonl` (written with each
//! language's rules) and `tests/fixtures/scorer/*.jsonl` (the engine's own cases); each
//! line is `{"text", "lang"?, "label": "complaint"|"not_complaint", "polarity", "note"?}`.
//! A change in any score shows up as a snapshot diff (`cargo insta review`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use repwatch::brand::BrandMatcher;
use repwatch::mention::Lang;
use repwatch::score::measure::Confusion;
use repwatch::score::rules::Rules;
use repwatch::score::{Polarity, Scorer};
use serde::Deserialize;

/// Complaint F1 the example posts of an in-depth language must reach (issue 3).
const F1_FLOOR: f64 = 0.90;
/// The in-depth languages; the others have core rules and a lower floor.
const IN_DEPTH: &[&str] = &["en", "no", "sl", "el", "ru", "ta"];
/// Complaint F1 the example posts of a core language must reach.
const CORE_F1_FLOOR: f64 = 0.80;
/// Share of the engine's own cases decided as labelled (the known misses are marked ✗ in
/// the snapshot: sarcasm, a complaint with no cue in the English rules yet).
const ENGINE_FLOOR: f64 = 0.75;

#[derive(Deserialize)]
struct Post {
    text: String,
    #[serde(default)]
    lang: Option<String>,
    label: String,
    polarity: String,
}

static SCORER: std::sync::LazyLock<Scorer> = std::sync::LazyLock::new(scorer);

fn scorer() -> Scorer {
    let terms: Vec<String> = ["FjordTel", "@fjordtel", "Lumora", "@lumora"].iter().map(|s| s.to_string()).collect();
    Scorer::new(Rules::embedded(), BrandMatcher::new(&terms, &[]), vec![])
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Scores every post of `path`; returns the snapshot text and the confusion tables of
/// complaints and polarity.
fn score_file(sc: &Scorer, path: &Path) -> (String, Confusion, Confusion) {
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let mut complaints = Confusion::new(&["complaint", "not_complaint"]);
    let mut polarity = Confusion::new(&["negative", "neutral", "positive"]);
    let mut snap = String::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let post: Post = serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
        assert!(Polarity::parse(&post.polarity).is_some(), "{}:{}: polarity", path.display(), i + 1);
        let s = sc.score(&post.text, post.lang.as_deref());
        let decided = if s.complaint { "complaint" } else { "not_complaint" };
        complaints.add(&s.lang, &post.label, decided);
        polarity.add(&s.lang, &post.polarity, s.polarity.as_str());
        let mark = if decided == post.label { " " } else { "✗" };
        let _ = writeln!(
            snap,
            "{mark} {:>3} {:<13} {:.3} {:<8} {:+.3} {:?}\n      {}",
            i + 1,
            decided,
            s.complaint_score,
            s.polarity.as_str(),
            s.sentiment,
            s.matched,
            post.text.chars().take(120).collect::<String>()
        );
    }
    (snap, complaints, polarity)
}

#[test]
fn example_posts_of_every_language_score_as_labelled() {
    let sc = scorer();
    let mut files: Vec<(String, PathBuf, bool)> = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(root().join("rules")) {
        for d in dirs.flatten() {
            let p = d.path().join("posts.jsonl");
            let lang = d.file_name().to_string_lossy().to_string();
            // Posts written ahead of their language's rules are not scored against a floor yet.
            if p.exists() && root().join("../../rules").join(&lang).is_dir() {
                files.push((format!("rules_{lang}"), p, true));
            }
        }
    }
    for f in std::fs::read_dir(root().join("scorer")).expect("tests/fixtures/scorer exists").flatten() {
        let name = f.path().file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        files.push((format!("scorer_{name}"), f.path(), false));
    }
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for (name, path, in_depth) in &files {
        let (snap, complaints, polarity) = score_file(&sc, path);
        let f1 = complaints.class(None, "complaint").f1;
        let accuracy = complaints.accuracy(None);
        let summary = format!(
            "complaint F1 {f1:.3}, accuracy {accuracy:.3}; polarity macro F1 {:.3}\n\n",
            polarity.macro_f1(None)
        );
        insta::assert_snapshot!(name.as_str(), format!("{summary}{snap}"));
        let floor =
            if IN_DEPTH.iter().any(|l| name.as_str() == format!("rules_{l}")) { F1_FLOOR } else { CORE_F1_FLOOR };
        if *in_depth && f1 < floor {
            failures.push(format!("{}: complaint F1 {f1:.3} < {floor}", path.display()));
        }
        if !*in_depth && accuracy < ENGINE_FLOOR {
            failures.push(format!("{}: accuracy {accuracy:.3} < {ENGINE_FLOOR}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn odd_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "FjordTel",
        "@fjordtel",
        "#fail",
        "https://x.io/a?b=1.",
        "not",
        "never",
        "no",
        "very",
        "but",
        "sooo",
        "TERRIBLE",
        "great",
        "!!!",
        "?",
        ":(",
        ":-)",
        "<3",
        "😡",
        "👍🏽",
        "👨‍👩‍👧",
        "\u{200B}",
        "\u{200D}",
        "\u{202E}",
        "\u{202C}",
        "\u{FEFF}",
        "\u{0301}",
        "\0",
        "\x07",
        "\r\n",
        "\t",
        "ΑΠΑΡΑΔΕΚΤΟ",
        "δεν",
        "не",
        "ужасно",
        "பணம்",
        "romba",
        "mosam",
        "ikkje",
        "račun",
        "ﷺ",
        "𝕭𝖆𝖉",
        "ｆｕｌｌ",
        "İ",
        "ß",
        "'",
        "n't",
        "...",
        "…",
        " ",
    ]);
    prop_oneof![prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat()), any::<String>(), "\\PC{0,200}",]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any text, in any language or none, gets a sane score, and every highlighted span
    /// is a span of the text.
    #[test]
    fn any_text_gets_a_sane_score(text in odd_text(), lang in prop::sample::select(vec![
        None, Some("en"), Some("sl"), Some("el"), Some("ru"), Some("ta"), Some("no"), Some("de"), Some("xx"), Some(""),
    ])) {
        let s = SCORER.score(&text, lang);
        prop_assert!((-1.0..=1.0).contains(&s.sentiment), "{s:?}");
        prop_assert!((0.0..=1.0).contains(&s.complaint_score), "{s:?}");
        for h in &s.hits {
            prop_assert!(h.start <= h.end && text.get(h.start..h.end).is_some(), "{h:?} in {text:?}");
        }
        let mut ids = s.matched.clone();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), s.matched.len());
        if lang.is_none() {
            prop_assert!(Lang::from_code(&s.lang).is_some());
        }
    }
}

#[test]
fn a_megabyte_of_text_is_scored() {
    let sc = scorer();
    let text = "FjordTel is sooo slow 😡 ".repeat(1 << 16);
    assert!(text.len() > 1 << 20);
    let detected = sc.score(&text, None);
    assert!(Lang::from_code(&detected.lang).is_some(), "{}", detected.lang);
    let s = sc.score(&text, Some("en"));
    assert!(s.sentiment < 0.0, "{s:?}");
    assert!(s.hits.iter().all(|h| text.is_char_boundary(h.start) && text.is_char_boundary(h.end)));
}
