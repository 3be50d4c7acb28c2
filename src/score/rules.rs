//! Reading `rules/`: per-language complaint cues, sentiment lexicons and function words,
//! the shared emoji and emoticon lexicon, and the fitted model weights.
//!
//! IO is kept apart from parsing (ripgrep's split): [`load_dir`] reads a folder,
//! [`Rules::from_files`] is pure. Every problem names `path:line`. The rules shipped in
//! `rules/` are also compiled into the binary ([`Rules::embedded`]), so that repwatch
//! works from any folder.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use toml::Spanned;

use crate::mention::Lang;
use crate::normalize::{Analyzer, normalize_word};
use crate::score::patterns::LazyPatterns;

/// What a complaint is about. Alerts, routing and the weekly report group by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Outage,
    Billing,
    Refund,
    Delivery,
    Waiting,
    RudeStaff,
    AppBug,
    Cancellation,
    Fraud,
    Safety,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Outage,
        Category::Billing,
        Category::Refund,
        Category::Delivery,
        Category::Waiting,
        Category::RudeStaff,
        Category::AppBug,
        Category::Cancellation,
        Category::Fraud,
        Category::Safety,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Outage => "outage",
            Category::Billing => "billing",
            Category::Refund => "refund",
            Category::Delivery => "delivery",
            Category::Waiting => "waiting",
            Category::RudeStaff => "rude_staff",
            Category::AppBug => "app_bug",
            Category::Cancellation => "cancellation",
            Category::Fraud => "fraud",
            Category::Safety => "safety",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// How a person would name it in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Category::Outage => "outage",
            Category::Billing => "billing / overcharge",
            Category::Refund => "refund",
            Category::Delivery => "delivery",
            Category::Waiting => "waiting / no reply",
            Category::RudeStaff => "rude staff",
            Category::AppBug => "app / website bug",
            Category::Cancellation => "cancellation",
            Category::Fraud => "fraud / scam",
            Category::Safety => "safety / health",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role of a complaint cue; the model weighs each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    /// Something is broken or bad: "doesn't work", "overcharged".
    Problem,
    /// A broken expectation: "still waiting", "never arrived", "charged twice".
    Expectation,
    /// A demand: "fix it", "I want my money back".
    Demand,
    /// A pointed question: "why is", "when will".
    Question,
    /// Evidence against a complaint: thanks, praise, ads, job posts, news wording.
    Counter,
}

impl CueKind {
    pub const ALL: [CueKind; 5] =
        [CueKind::Problem, CueKind::Expectation, CueKind::Demand, CueKind::Question, CueKind::Counter];

    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Problem => "problem",
            CueKind::Expectation => "expectation",
            CueKind::Demand => "demand",
            CueKind::Question => "question",
            CueKind::Counter => "counter",
        }
    }

    fn parse(s: &str) -> Option<CueKind> {
        CueKind::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

/// One complaint cue, as loaded.
#[derive(Debug, Clone)]
pub struct Cue {
    pub id: String,
    pub kind: CueKind,
    pub category: Option<Category>,
    pub weight: f32,
}

/// One sentiment lexicon entry: a word's (or phrase's, or emoji's) valence, −4 … +4.
#[derive(Debug, Clone)]
pub struct LexEntry {
    pub id: String,
    pub valence: f32,
}

/// Everything known about one language.
/// The rules that start at one stem.
#[derive(Debug, Clone, Default)]
pub struct StemRules {
    /// Its single-word lexicon entry.
    pub lexicon: Option<LexEntry>,
    /// Multi-word lexicon entries that start with it, longest first: (the numbers of
    /// their stems, entry).
    pub lexicon_phrases: Vec<(Box<[u32]>, LexEntry)>,
    /// The cues (indexes into `LangRules::cues`) that list it as a term.
    pub cue_terms: Vec<usize>,
    /// Cue phrases that start with it, longest first: (the numbers of their stems, cue
    /// index).
    pub cue_phrases: Vec<(Box<[u32]>, usize)>,
}

/// What one folded word is to the valence model: members of `LangRules`' negators,
/// post-posed negators, contrast words and second-person words, and its booster value.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordRole {
    pub negator: bool,
    pub negator_after: bool,
    pub contrast: bool,
    pub second_person: bool,
    pub booster: Option<f32>,
}

pub struct LangRules {
    pub lang: Option<Lang>,
    pub analyzer: Analyzer,
    /// The number of each stem that starts a lexicon entry or a cue, or is part of a
    /// phrase, so that a token is looked up once for all of them: its rules are
    /// `stem_rules[number]`, and a phrase is matched by numbers.
    pub stem_ids: FxHashMap<String, u32>,
    pub stem_rules: Vec<StemRules>,
    /// Function words, matched on the folded normalized form.
    pub negators: FxHashSet<String>,
    /// Negators that negate the sentiment word just before them, folded.
    pub negators_after: FxHashSet<String>,
    /// Word endings that negate their own word, folded.
    pub negation_suffixes: Vec<String>,
    pub boosters: FxHashMap<String, f32>,
    pub contrast: FxHashSet<String>,
    pub second_person: FxHashSet<String>,
    pub cues: Vec<Cue>,
    /// Every function word (stop words, negators, boosters, contrast, second person),
    /// folded: what language identification recognises a short post by.
    pub function_words: FxHashSet<String>,
    /// What each folded function word is to the valence model (negator, booster …), so
    /// that a token is looked up once for all of them.
    pub words: FxHashMap<String, WordRole>,
    /// Regex cues, with the literal prefilter that decides which run on a post; compiled
    /// on first use.
    pub cue_patterns: LazyPatterns,
}

impl LangRules {
    /// The rules that start at `stem`, if any.
    pub fn stem(&self, stem: &str) -> Option<&StemRules> {
        self.stem_ids.get(stem).map(|i| &self.stem_rules[*i as usize])
    }
}

/// The complaint model: a logistic regression over the features the scorer computes,
/// fitted offline (`tools/fit`) and stored in `rules/model.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub complaint: ComplaintModel,
    pub sentiment: SentimentModel,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintModel {
    pub bias: f32,
    /// `complaint` is true at or above this probability.
    pub threshold: f32,
    /// Feature name → weight; see `score::FEATURES`.
    pub weights: BTreeMap<String, f32>,
    /// Optional per-language lexical layer, added to the logit of the posts in that
    /// language (`[complaint.lang.en]`): fitted on top of the language-neutral model where
    /// labelled complaints exist in the language.
    #[serde(default)]
    pub lang: BTreeMap<String, LangTerms>,
}

/// The lexical layer of one language: a bias and a weight per term key (a stem, two
/// stems joined by a space, or a token class like `<url>`; see `score::term_keys`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangTerms {
    #[serde(default)]
    pub bias: f32,
    #[serde(default)]
    pub terms: TermTable<1>,
}

/// Term weights, written as a multi-line string with one term a line: `N` weights, then
/// the key (which may hold spaces): `0.91 refund`, `-0.2 0.1 0.3 still wait`. A string
/// rather than a TOML table, because thousands of keys parse a hundred times faster so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermTable<const N: usize>(pub FxHashMap<String, [f32; N]>);

impl<'de, const N: usize> Deserialize<'de> for TermTable<N> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_terms::<N>(&text).map(TermTable).map_err(serde::de::Error::custom)
    }
}

/// Reads the lines of a [`TermTable`]; an error names the line within the string.
pub fn parse_terms<const N: usize>(text: &str) -> Result<FxHashMap<String, [f32; N]>, String> {
    let mut out = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.splitn(N + 1, ' ');
        let mut w = [0.0f32; N];
        for x in w.iter_mut() {
            let p = parts.next().unwrap_or("");
            *x = p.parse().ok().filter(|v: &f32| v.is_finite()).ok_or_else(|| {
                format!("terms, line {} of the string: {p:?} is not a number ({N} weight(s), then the key)", i + 1)
            })?;
        }
        let key = parts.next().map(str::trim).filter(|k| !k.is_empty());
        let key = key.ok_or_else(|| format!("terms, line {} of the string: no key after the weight(s)", i + 1))?;
        out.insert(key.to_string(), w);
    }
    Ok(out)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentimentModel {
    /// `negative` at or below, `positive` at or above, `neutral` between.
    pub negative_below: f32,
    pub positive_above: f32,
    /// Optional per-language 3-class layers (`[sentiment.lang.en]`), fitted where
    /// labelled 3-class sentiment exists in the language; they decide the polarity there.
    #[serde(default)]
    pub lang: BTreeMap<String, SentimentLayer>,
    /// Optional per-language thresholds (`[sentiment.thresholds.el]`) for a language
    /// without a layer, fitted where it has labelled 3-class posts; the two above elsewhere.
    #[serde(default)]
    pub thresholds: BTreeMap<String, Thresholds>,
}

impl SentimentModel {
    /// The thresholds (negative at or below, positive at or above) of a language.
    pub fn thresholds_for(&self, code: Option<&str>) -> (f32, f32) {
        match code.and_then(|c| self.thresholds.get(c)) {
            Some(t) => (t.negative_below, t.positive_above),
            None => (self.negative_below, self.positive_above),
        }
    }
}

/// The polarity thresholds of one language.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub negative_below: f32,
    pub positive_above: f32,
}

/// A 3-class (negative, neutral, positive) softmax layer over the compound valence and
/// the post's term keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentimentLayer {
    pub bias: [f32; 3],
    /// The weight of the compound valence, per class.
    pub compound: [f32; 3],
    /// The weights of complaint features (names of `score::FEATURES`), per class: a broken
    /// expectation reads negative though no word in it is.
    #[serde(default)]
    pub features: BTreeMap<String, [f32; 3]>,
    #[serde(default)]
    pub terms: TermTable<3>,
}

/// All rules, per language, plus the shared ones and the model.
pub struct Rules {
    pub langs: FxHashMap<Lang, LangRules>,
    /// Rules for text in a language we do not analyse: emoji and emoticons only.
    pub fallback: LangRules,
    /// Emoji and emoticons, by normalized form; shared by every language.
    pub common: FxHashMap<String, LexEntry>,
    pub model: Model,
    /// How many files were read, for `check-config`.
    pub files: usize,
}

/// A problem in a rules file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct RuleError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

// The rules shipped in rules/, compiled in by build.rs.
include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

impl Rules {
    /// The rules compiled into the binary.
    pub fn embedded() -> Rules {
        let files = EMBEDDED_RULES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        let (rules, errors) = Rules::from_files(files);
        assert!(errors.is_empty(), "embedded rules are checked by the tests: {errors:?}");
        rules
    }

    /// Builds rules from `(relative path, text)` pairs: `<lang>/*.toml`,
    /// `common/*.toml`, `model.toml`. Returns the rules read and every problem found.
    pub fn from_files(mut files: Vec<(String, String)>) -> (Rules, Vec<RuleError>) {
        files.sort();
        let mut errors = Vec::new();
        let mut raw: BTreeMap<Option<Lang>, Vec<(String, String, RulesFile)>> = BTreeMap::new();
        let mut common_files = Vec::new();
        // The rules files are read on every core first; `model.toml`, the largest by far
        // and needed by no language, is read beside the languages being built. Its place
        // among the errors, by file order, is kept: (errors before it, its index).
        let is_model = |path: &str| path == "model.toml";
        let rule_files: Vec<usize> = (0..files.len()).filter(|&i| !is_model(&files[i].0)).collect();
        let mut parsed =
            on_all_cores(&rule_files, |&i| files[i].1.len(), |&i| toml::from_str::<RulesFile>(&files[i].1)).into_iter();
        let mut models = Vec::new();
        for (i, (path, text)) in files.iter().enumerate() {
            if is_model(path) {
                models.push((errors.len(), i));
                continue;
            }
            let folder = path.split(['/', '\\']).next().unwrap_or("");
            let parsed = match parsed.next() {
                Some(Ok(f)) => f,
                Some(Err(e)) => {
                    errors.push(toml_error(path, text, &e));
                    continue;
                }
                None => unreachable!("a result for each rules file"),
            };
            if folder == "common" {
                common_files.push((path.clone(), text.clone(), parsed));
            } else if let Some(lang) = Lang::from_code(folder).filter(|l| l.code() == folder) {
                raw.entry(Some(lang)).or_default().push((path.clone(), text.clone(), parsed));
            } else {
                errors.push(RuleError {
                    path: path.clone(),
                    line: 1,
                    message: format!("folder {folder:?} is not a language code (like en, sl, el) nor \"common\""),
                });
            }
        }
        let model_texts: Vec<&str> = models.iter().map(|&(_, i)| files[i].1.as_str()).collect();
        let (built, mut ids, lang_errors, read_models) = build_langs(raw.into_iter().collect(), &model_texts);
        let mut model = None;
        // From the last, so that the places of the earlier ones stay where they were.
        for ((at, i), read) in models.iter().zip(read_models).rev() {
            match read {
                Ok(m) => {
                    model = model.or(Some(m));
                }
                Err(e) => errors.insert(*at, toml_error(&files[*i].0, &files[*i].1, &e)),
            }
        }
        let model = model.unwrap_or_else(|| {
            errors.push(RuleError {
                path: "model.toml".into(),
                line: 1,
                message: "missing: the complaint model".into(),
            });
            Model::fallback()
        });
        for code in
            model.complaint.lang.keys().chain(model.sentiment.lang.keys()).chain(model.sentiment.thresholds.keys())
        {
            if Lang::from_code(code).is_none_or(|l| l.code() != code) {
                errors.push(RuleError {
                    path: "model.toml".into(),
                    line: line_of_str(
                        files.iter().find(|f| f.0 == "model.toml").map(|f| f.1.as_str()),
                        &format!(".{code}]"),
                    ),
                    message: format!("[*.{code}]: {code:?} is not a language code (like en, sl, el)"),
                });
            }
        }
        let layer_features = model.sentiment.lang.values().flat_map(|l| l.features.keys());
        for feature in model.complaint.weights.keys().chain(layer_features) {
            if !crate::score::FEATURES.contains(&feature.as_str()) {
                errors.push(RuleError {
                    path: "model.toml".into(),
                    line: line_of_str(files.iter().find(|f| f.0 == "model.toml").map(|f| f.1.as_str()), feature),
                    message: format!("unknown feature {feature:?}"),
                });
            }
        }
        let mut common = FxHashMap::default();
        for (path, text, file) in &common_files {
            if !file.rule.is_empty() || file.negators.is_some() || file.boosters.is_some() {
                errors.push(RuleError {
                    path: path.clone(),
                    line: 1,
                    message: "common/ holds only [lexicon] entries (emoji, emoticons)".into(),
                });
            }
            for (key, valence) in &file.lexicon {
                let norm = key.get_ref().replace('\u{FE0F}', "").to_uppercase().replace('-', "");
                let norm = if norm.chars().any(|c| c.is_alphabetic()) { key.get_ref().to_lowercase() } else { norm };
                check_valence(path, text, key, *valence, &mut errors);
                let sign = if *valence < 0.0 { "neg" } else { "pos" };
                common.insert(norm, LexEntry { id: format!("common.{sign}.{}", key.get_ref()), valence: *valence });
            }
        }
        errors.extend(lang_errors);
        let mut langs = FxHashMap::default();
        for (lang, rules) in built {
            if let Some(lang) = lang {
                langs.insert(lang, rules);
            }
        }
        let fallback = build_lang(None, &[], &mut ids, &mut errors);
        (Rules { langs, fallback, common, model, files: files.len() }, errors)
    }

    /// Compiles every language's patterns now (they are otherwise compiled on first use)
    /// and names the rules whose pattern parses but cannot be compiled.
    pub fn pattern_errors(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .langs
            .values()
            .flat_map(|r| r.cue_patterns.failures())
            .map(|(id, why)| format!("rule {id:?}: pattern cannot be compiled: {why}"))
            .collect();
        out.sort();
        out
    }

    /// The rules for a language, or the emoji-only fallback.
    pub fn for_lang(&self, lang: Option<Lang>) -> &LangRules {
        lang.and_then(|l| self.langs.get(&l)).unwrap_or(&self.fallback)
    }
}

impl Model {
    /// Used only so that loading can go on and report every problem when the model file
    /// is missing; a rules set with errors is never used to score.
    fn fallback() -> Model {
        Model {
            complaint: ComplaintModel { bias: 0.0, threshold: 0.5, weights: BTreeMap::new(), lang: BTreeMap::new() },
            sentiment: SentimentModel {
                negative_below: -0.05,
                positive_above: 0.05,
                lang: BTreeMap::new(),
                thresholds: BTreeMap::new(),
            },
        }
    }
}

/// Reads every `*.toml` under `dir` (one level of language folders, plus `model.toml`).
pub fn load_dir(dir: &Path) -> (Rules, Vec<RuleError>) {
    load(Some(dir), None)
}

/// The rules in `dir` (the shipped ones without it), with the model read from `model`
/// instead of `model.toml` when given: how `repwatch eval --model` tries a fitted model
/// before it replaces the shipped one.
pub fn load(dir: Option<&Path>, model: Option<&Path>) -> (Rules, Vec<RuleError>) {
    let (mut files, mut errors) = match dir {
        Some(dir) => read_dir_files(dir),
        None => (EMBEDDED_RULES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect(), Vec::new()),
    };
    if let Some(path) = model {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                files.retain(|f| f.0 != "model.toml");
                files.push(("model.toml".into(), text));
            }
            Err(e) => errors.push(RuleError {
                path: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    let (rules, more) = Rules::from_files(files);
    let prefix = dir.map(|d| d.display().to_string());
    errors.extend(more.into_iter().map(|mut e| {
        if e.path == "model.toml"
            && let Some(m) = model
        {
            e.path = m.display().to_string();
        } else if let Some(prefix) = &prefix {
            e.path = format!("{}/{}", prefix.trim_end_matches('/'), e.path);
        }
        e
    }));
    (rules, errors)
}

fn read_dir_files(dir: &Path) -> (Vec<(String, String)>, Vec<RuleError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut walk = vec![dir.to_path_buf()];
    while let Some(d) = walk.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(RuleError { path: d.display().to_string(), line: 0, message: format!("cannot read: {e}") });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                match std::fs::read_to_string(&path) {
                    Ok(text) => files.push((rel, text)),
                    Err(e) => errors.push(RuleError {
                        path: path.display().to_string(),
                        line: 0,
                        message: format!("cannot read: {e}"),
                    }),
                }
            }
        }
    }
    (files, errors)
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    lexicon: BTreeMap<Spanned<String>, f32>,
    negators: Option<NegatorList>,
    #[serde(default)]
    boosters: Option<BTreeMap<String, f32>>,
    contrast: Option<WordList>,
    stopwords: Option<WordList>,
    targeting: Option<Targeting>,
}

/// `[negators]`: words that negate what follows; words that negate what comes just before
/// them (`after`: "anbefaler ikke", "nalla illa"); word endings that negate their own word
/// (`suffixes`: Tamil "வில்லை", so that negation is seen before a stemmer strips it).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NegatorList {
    words: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    suffixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordList {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Targeting {
    #[serde(default)]
    second_person: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    cue: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
    pattern: Option<Spanned<String>>,
    weight: Option<f32>,
}

fn build_lang(
    lang: Option<Lang>,
    files: &[(String, String, RulesFile)],
    ids: &mut HashMap<String, String>,
    errors: &mut Vec<RuleError>,
) -> LangRules {
    let mut stopwords = FxHashSet::default();
    for (_, _, f) in files {
        if let Some(s) = &f.stopwords {
            stopwords.extend(s.words.iter().map(|w| normalize_word(w).0.into_string()));
        }
    }
    let analyzer = Analyzer::for_lang(lang, stopwords);
    let mut out = LangRules {
        lang,
        analyzer,
        stem_ids: FxHashMap::default(),
        stem_rules: Vec::new(),
        negators: FxHashSet::default(),
        negators_after: FxHashSet::default(),
        negation_suffixes: Vec::new(),
        boosters: FxHashMap::default(),
        contrast: FxHashSet::default(),
        second_person: FxHashSet::default(),
        cues: Vec::new(),
        function_words: FxHashSet::default(),
        words: FxHashMap::default(),
        cue_patterns: LazyPatterns::default(),
    };
    let mut patterns = Vec::new();
    let mut parsed = Vec::new();
    let mut lexicon: FxHashMap<String, LexEntry> = FxHashMap::default();
    let mut lexicon_phrases: FxHashMap<String, Vec<(Vec<String>, LexEntry)>> = FxHashMap::default();
    let mut cue_terms: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut cue_phrases: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
    let code = lang.map(|l| l.code()).unwrap_or("xx");
    for (path, text, file) in files {
        if let Some(n) = &file.negators {
            out.negators.extend(n.words.iter().map(|w| fold(w)));
            out.negators_after.extend(n.after.iter().map(|w| fold(w)));
            out.negation_suffixes.extend(n.suffixes.iter().map(|w| fold(w)));
        }
        if let Some(b) = &file.boosters {
            out.boosters.extend(b.iter().map(|(w, v)| (fold(w), *v)));
        }
        if let Some(c) = &file.contrast {
            out.contrast.extend(c.words.iter().map(|w| fold(w)));
        }
        if let Some(t) = &file.targeting {
            out.second_person.extend(t.second_person.iter().map(|w| fold(w)));
        }
        for (key, valence) in &file.lexicon {
            check_valence(path, text, key, *valence, errors);
            let word = key.get_ref();
            let sign = if *valence < 0.0 { "neg" } else { "pos" };
            let entry = LexEntry { id: format!("{code}.{sign}.{word}"), valence: *valence };
            let stems = out.analyzer.stems(word);
            match stems.len() {
                0 => errors.push(err_at(path, text, key.span(), format!("lexicon entry {word:?} has no words"))),
                1 => {
                    let stem = stems.into_iter().next().unwrap_or_default();
                    lexicon.entry(stem).and_modify(|e| e.valence = (e.valence + entry.valence) / 2.0).or_insert(entry);
                }
                _ => lexicon_phrases.entry(stems[0].clone()).or_default().push((stems, entry)),
            }
        }
        for rule in &file.rule {
            let id = rule.id.get_ref();
            if !id.starts_with(&format!("{code}.")) {
                errors.push(err_at(path, text, rule.id.span(), format!("rule id {id:?} must start with \"{code}.\"")));
            }
            if let Some(first) = ids.insert(id.clone(), path.clone()) {
                errors.push(err_at(path, text, rule.id.span(), format!("rule id {id:?} is already used in {first}")));
            }
            let kind = match &rule.cue {
                None => CueKind::Problem,
                Some(k) => CueKind::parse(k.get_ref()).unwrap_or_else(|| {
                    let names: Vec<_> = CueKind::ALL.iter().map(|k| k.as_str()).collect();
                    errors.push(err_at(
                        path,
                        text,
                        k.span(),
                        format!("unknown cue kind {:?}; one of {}", k.get_ref(), names.join(", ")),
                    ));
                    CueKind::Problem
                }),
            };
            let category = rule.category.as_ref().and_then(|c| {
                let parsed = Category::parse(c.get_ref());
                if parsed.is_none() {
                    let names: Vec<_> = Category::ALL.iter().map(|k| k.as_str()).collect();
                    errors.push(err_at(
                        path,
                        text,
                        c.span(),
                        format!("unknown category {:?}; one of {}", c.get_ref(), names.join(", ")),
                    ));
                }
                parsed
            });
            if rule.terms.is_empty() && rule.phrases.is_empty() && rule.pattern.is_none() {
                errors.push(err_at(
                    path,
                    text,
                    rule.id.span(),
                    format!("rule {id:?} has no terms, phrases or pattern"),
                ));
            }
            let index = out.cues.len();
            out.cues.push(Cue { id: id.clone(), kind, category, weight: rule.weight.unwrap_or(1.0) });
            for term in &rule.terms {
                let stems = out.analyzer.stems(term);
                if stems.len() != 1 {
                    let msg = format!("rule {id:?}: term {term:?} is not one word; put it in phrases");
                    errors.push(err_at(path, text, rule.id.span(), msg));
                    continue;
                }
                cue_terms.entry(stems[0].clone()).or_default().push(index);
            }
            for phrase in &rule.phrases {
                let stems = out.analyzer.stems(phrase);
                if stems.is_empty() {
                    errors.push(err_at(path, text, rule.id.span(), format!("rule {id:?}: phrase {phrase:?} is empty")));
                    continue;
                }
                cue_phrases.entry(stems[0].clone()).or_default().push((stems, index));
            }
            if let Some(p) = &rule.pattern {
                // Checked here, compiled when the language's first post comes (LazyPatterns).
                match crate::score::patterns::check(p.get_ref()) {
                    Ok(ast) => {
                        patterns.push((id.clone(), p.get_ref().clone(), index));
                        parsed.push(ast);
                    }
                    Err(e) => errors.push(err_at(path, text, p.span(), format!("rule {id:?}: bad pattern: {e}"))),
                }
            }
        }
    }
    // Every stem with rules or in a phrase gets a number, in stem order.
    let mut numbered: Vec<&String> = lexicon.keys().chain(cue_terms.keys()).collect();
    numbered.extend(lexicon_phrases.values().flatten().flat_map(|(stems, _)| stems));
    numbered.extend(cue_phrases.values().flatten().flat_map(|(stems, _)| stems));
    numbered.sort_unstable();
    numbered.dedup();
    out.stem_ids = numbered.iter().enumerate().map(|(i, s)| ((*s).clone(), i as u32)).collect();
    let mut rules_of = vec![StemRules::default(); numbered.len()];
    let number = |stems: &[String]| -> Box<[u32]> { stems.iter().map(|s| out.stem_ids[s]).collect() };
    for (stem, entry) in lexicon {
        rules_of[out.stem_ids[&stem] as usize].lexicon = Some(entry);
    }
    for (stem, mut phrases) in lexicon_phrases {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        rules_of[out.stem_ids[&stem] as usize].lexicon_phrases =
            phrases.into_iter().map(|(stems, entry)| (number(&stems), entry)).collect();
    }
    for (stem, cues) in cue_terms {
        rules_of[out.stem_ids[&stem] as usize].cue_terms = cues;
    }
    for (stem, mut phrases) in cue_phrases {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        rules_of[out.stem_ids[&stem] as usize].cue_phrases =
            phrases.into_iter().map(|(stems, index)| (number(&stems), index)).collect();
    }
    out.stem_rules = rules_of;
    out.cue_patterns = LazyPatterns::new(patterns, parsed);
    for (_, _, f) in files {
        if let Some(s) = &f.stopwords {
            out.function_words.extend(s.words.iter().map(|w| fold(w)));
        }
    }
    let lists = [&out.negators, &out.negators_after, &out.contrast, &out.second_person];
    let more: Vec<String> = lists.iter().flat_map(|l| l.iter().cloned()).chain(out.boosters.keys().cloned()).collect();
    out.function_words.extend(more);
    for (set, mark) in [
        (&out.negators, (|r: &mut WordRole| r.negator = true) as fn(&mut WordRole)),
        (&out.negators_after, |r| r.negator_after = true),
        (&out.contrast, |r| r.contrast = true),
        (&out.second_person, |r| r.second_person = true),
    ] {
        for w in set {
            mark(out.words.entry(w.clone()).or_default());
        }
    }
    for (w, v) in &out.boosters {
        out.words.entry(w.clone()).or_default().booster = Some(*v);
    }
    out
}

/// Function words are compared without accents or case: "όχι" and "οχι", "Não" and "nao".
pub fn fold(word: &str) -> String {
    fold_normalized(normalize_word(word.trim()).0.into_string())
}

/// [`fold`] of a word already normalized ([`normalize_word`] leaves it as it is).
fn fold_normalized(norm: String) -> String {
    if norm.is_ascii() {
        return norm;
    }
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick};
    let mark = |c: char| matches!(c as u32, 0x0300..=0x036F);
    // Below U+0483 (Latin, Greek, most Cyrillic) a letter decomposes into letters and
    // marks of that range, and once the marks are gone nothing composes again: each
    // letter is folded on its own, without the general algorithm.
    if norm.chars().all(|c| (c as u32) < 0x0483) {
        let mut out = String::with_capacity(norm.len());
        for c in norm.chars() {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !mark(d) {
                    out.push(d)
                }
            });
        }
        return out;
    }
    // Beyond (Tamil, Arabic, the rest of Cyrillic): where nothing decomposes and there is
    // no mark to drop, the word is its own folding.
    if !norm.chars().any(mark)
        && is_nfd_quick(norm.chars()) == IsNormalized::Yes
        && is_nfc_quick(norm.chars()) == IsNormalized::Yes
    {
        return norm;
    }
    norm.nfd().filter(|c| !mark(*c)).nfc().collect()
}

/// Calls `f` with [`fold`]`(norm)` for a normalized word; non-ASCII words are folded once
/// per thread and remembered (folding is most of the cost of matching Greek or Russian
/// function words).
pub fn with_folded<R>(norm: &str, f: impl FnOnce(&str) -> R) -> R {
    use std::cell::RefCell;
    thread_local! {
        static FOLDED: RefCell<crate::normalize::filters::Words> = RefCell::new(FxHashMap::default());
    }
    if norm.is_ascii() {
        return f(norm);
    }
    FOLDED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(folded) = cache.get(norm) {
            return f(folded);
        }
        if cache.len() >= WORD_CACHE {
            cache.clear();
        }
        let folded: Box<str> = fold_normalized(norm.to_string()).into();
        let out = f(&folded);
        cache.insert(norm.into(), folded);
        out
    })
}

/// How many words a per-thread cache keeps before it starts again.
pub const WORD_CACHE: usize = 1 << 16;

fn check_valence(path: &str, text: &str, key: &Spanned<String>, valence: f32, errors: &mut Vec<RuleError>) {
    if !(-4.0..=4.0).contains(&valence) || valence == 0.0 {
        let msg = format!("lexicon entry {:?}: valence {valence} is not in -4 … 4 (and not 0)", key.get_ref());
        errors.push(err_at(path, text, key.span(), msg));
    }
}

fn err_at(path: &str, text: &str, span: std::ops::Range<usize>, message: String) -> RuleError {
    RuleError { path: path.to_string(), line: line_at(text, span.start), message }
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

fn line_of_str(text: Option<&str>, needle: &str) -> usize {
    text.and_then(|t| t.find(needle).map(|o| line_at(t, o))).unwrap_or(1)
}

type LangFiles = Vec<(String, String, RulesFile)>;

/// Each language's rules ([`build_lang`]), in the order given, with the ids of their
/// rules and their errors in that order; and each of `models` read (`model.toml`). On every
/// core: the languages share nothing but the set of rule ids, and an id starts with its
/// language's code (`en.…`), so a duplicate can only be within one language. When some id
/// does not (an error), it may clash with another language's, and the languages are built
/// one after the other.
#[allow(clippy::type_complexity)]
fn build_langs(
    raw: Vec<(Option<Lang>, LangFiles)>,
    models: &[&str],
) -> (Vec<(Option<Lang>, LangRules)>, HashMap<String, String>, Vec<RuleError>, Vec<Result<Model, toml::de::Error>>) {
    let (mut ids, mut errors) = (HashMap::new(), Vec::new());
    let prefixed = raw.iter().all(|(lang, files)| {
        let prefix = format!("{}.", lang.map_or("xx", |l| l.code()));
        files.iter().all(|(_, _, f)| f.rule.iter().all(|r| r.id.get_ref().starts_with(&prefix)))
    });
    if !prefixed {
        let built =
            raw.into_iter().map(|(lang, files)| (lang, build_lang(lang, &files, &mut ids, &mut errors))).collect();
        return (built, ids, errors, models.iter().map(|text| toml::from_str(text)).collect());
    }
    enum Job<'a> {
        Model(&'a str),
        Lang(Option<Lang>, &'a LangFiles),
    }
    enum Done {
        Model(Result<Model, toml::de::Error>),
        Lang(Box<LangRules>, HashMap<String, String>, Vec<RuleError>),
    }
    let jobs: Vec<Job> = models
        .iter()
        .map(|&text| Job::Model(text))
        .chain(raw.iter().map(|(lang, files)| Job::Lang(*lang, files)))
        .collect();
    // By bytes: building a language took about 700 instructions a byte of its files,
    // reading model.toml (term tables, a few long strings) about 110.
    let cost = |job: &Job| match job {
        Job::Model(text) => text.len(),
        Job::Lang(_, files) => 6 * files.iter().map(|f| f.1.len()).sum::<usize>(),
    };
    let done = on_all_cores(&jobs, cost, |job| match job {
        Job::Model(text) => Done::Model(toml::from_str(text)),
        Job::Lang(lang, files) => {
            let (mut ids, mut errors) = (HashMap::new(), Vec::new());
            let rules = build_lang(*lang, files, &mut ids, &mut errors);
            Done::Lang(Box::new(rules), ids, errors)
        }
    });
    let (mut built, mut read) = (Vec::new(), Vec::new());
    for (done, lang) in
        done.into_iter().zip(std::iter::repeat_n(None, models.len()).chain(raw.iter().map(|r| Some(r.0))))
    {
        match (done, lang) {
            (Done::Model(m), _) => read.push(m),
            (Done::Lang(rules, their_ids, their_errors), Some(lang)) => {
                ids.extend(their_ids);
                errors.extend(their_errors);
                built.push((lang, *rules));
            }
            (Done::Lang(..), None) => unreachable!("the models come first"),
        }
    }
    (built, ids, errors, read)
}

/// `work` done on each of `jobs`, on every core; the results in the order of `jobs`. The
/// costliest jobs (by `cost`) go first and a thread takes the next job when it is done,
/// so that the threads end about together. Loading the rules was a third of the time it
/// takes to score 2,000 posts, and the second core idled through most of it.
pub(crate) fn on_all_cores<J: Sync, T: Send>(
    jobs: &[J],
    cost: impl Fn(&J) -> usize,
    work: impl Fn(&J) -> T + Sync,
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len());
    if threads <= 1 {
        return jobs.iter().map(work).collect();
    }
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&j| std::cmp::Reverse(cost(&jobs[j])));
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        while let Some(&j) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            done.push((j, work(&jobs[j])));
        }
        done
    };
    let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None).take(jobs.len()).collect();
    std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(run)).collect();
        let mut place = |done: Vec<(usize, T)>| done.into_iter().for_each(|(j, t)| results[j] = Some(t));
        place(run());
        for other in others {
            // A panic in another thread is a panic here, as it would have been in one.
            place(other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    results.into_iter().map(|r| r.unwrap_or_else(|| unreachable!("every job is done"))).collect()
}

fn toml_error(path: &str, text: &str, e: &toml::de::Error) -> RuleError {
    let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
    RuleError { path: path.to_string(), line, message: e.message().trim().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scorer looks function words up only for word, hashtag and number tokens.
    #[test]
    fn function_words_are_words() {
        let rules = Rules::embedded();
        for lang in Lang::ALL {
            for w in rules.for_lang(Some(lang)).words.keys() {
                let wordlike = |c: char| regex_syntax::is_word_character(c) || " '’-".contains(c);
                assert!(!w.is_empty() && w.chars().all(wordlike), "{lang:?} function word {w:?}");
            }
        }
    }

    fn model() -> (String, String) {
        let text = "[complaint]\nbias = -2.0\nthreshold = 0.5\n[complaint.weights]\nneg = 1.0\n\n[sentiment]\nnegative_below = -0.05\npositive_above = 0.05\n";
        ("model.toml".into(), text.into())
    }

    fn errors(path: &str, text: &str) -> Vec<String> {
        let (_, errs) = Rules::from_files(vec![model(), (path.into(), text.into())]);
        errs.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn the_shipped_rules_load_without_problems() {
        let (rules, errors) = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"));
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(rules.langs.contains_key(&Lang::En));
        let _ = Rules::embedded();
    }

    #[test]
    fn problems_name_file_and_line() {
        let text = "[[rule]]\nid = \"en.x\"\nterms = [\"refund\"]\n\n[[rule]]\nid = \"en.x\"\ncategory = \"weather\"\npattern = \"(unclosed\"\n";
        let errs = errors("en/c.toml", text);
        assert_eq!(errs.len(), 3, "{errs:#?}");
        assert!(errs[0].starts_with("en/c.toml:6: rule id \"en.x\" is already used"), "{errs:#?}");
        assert!(errs[1].starts_with("en/c.toml:7: unknown category \"weather\""), "{errs:#?}");
        assert!(errs[2].starts_with("en/c.toml:8: rule \"en.x\": bad pattern"), "{errs:#?}");
    }

    #[test]
    fn model_sections_for_unknown_languages_and_features_are_located() {
        let (_, base) = model();
        let text = format!(
            "{base}\n[sentiment.thresholds.hi]\nnegative_below = -0.1\npositive_above = 0.1\n\n\
             [sentiment.lang.en]\nbias = [0.0, 0.0, 0.0]\ncompound = [-1.0, 0.0, 1.0]\n\
             features.cue_nonsense = [0.1, 0.0, -0.1]\n"
        );
        let (_, errs) = Rules::from_files(vec![("model.toml".into(), text)]);
        let errs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 2, "{errs:#?}");
        assert!(
            errs.iter().any(|e| e.starts_with("model.toml:11: [*.hi]: \"hi\" is not a language code")),
            "{errs:#?}"
        );
        assert!(errs.iter().any(|e| e.starts_with("model.toml:18: unknown feature \"cue_nonsense\"")), "{errs:#?}");
    }

    #[test]
    fn a_pattern_too_large_to_compile_is_named_by_check_config() {
        // One searched everywhere, one anchored where its literal prefix occurs.
        let text = "[[rule]]\nid = \"en.big\"\npattern = '(?:\\w{1000}){1000}'\n\n\
                    [[rule]]\nid = \"en.bigger\"\npattern = 'refund(?:\\w{1000}){1000}'\n\n\
                    [[rule]]\nid = \"en.small\"\npattern = 'refund\\b'\n";
        let (rules, errs) = Rules::from_files(vec![model(), ("en/c.toml".into(), text.into())]);
        assert!(errs.is_empty(), "{errs:?}");
        let e = rules.pattern_errors();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].starts_with("rule \"en.big\": pattern cannot be compiled"), "{e:?}");
        assert!(e[1].starts_with("rule \"en.bigger\": pattern cannot be compiled"), "{e:?}");
        // Scoring goes on without them (each is left out when it first runs), and the
        // pattern beside them still matches, post after post.
        let scorer = crate::score::Scorer::new(rules, crate::brand::BrandMatcher::default(), Vec::new());
        for _ in 0..2 {
            let s = scorer.score("anything at all, refund", Some("en"));
            assert_eq!(s.matched, ["en.small"], "{s:?}");
        }
    }

    #[test]
    fn many_files_are_read_on_every_core_with_their_errors_in_file_order() {
        // Enough files for every core, two of them bad; the big one, taken first, is last.
        let mut files = vec![model()];
        for (i, code) in ["da", "de", "en", "es", "fi", "fr", "it", "nl", "no", "sv"].iter().enumerate() {
            let text = match i {
                0 => format!("[lexicon]\ngood = 2.0\n{}", "# padding\n".repeat(500)),
                1 | 8 => "[lexicon\n".to_string(),
                _ => "[lexicon]\ngood = 2.0\n".to_string(),
            };
            files.push((format!("{code}/lexicon.toml"), text));
        }
        files.reverse();
        let (rules, errs) = Rules::from_files(files);
        let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["de/lexicon.toml", "no/lexicon.toml"], "{errs:?}");
        assert!(errs.iter().all(|e| e.line == 1), "{errs:?}");
        assert_eq!(rules.langs.len(), 8);
    }

    #[test]
    fn a_bad_model_keeps_its_place_among_the_errors_by_file_order() {
        // model.toml is read apart from the other files, beside the languages.
        let mut files = vec![("model.toml".to_string(), "[complaint\n".to_string())];
        for code in ["da", "de", "en", "es", "fi", "fr", "it", "nl", "no", "sv"] {
            let text = if code == "it" || code == "no" { "[lexicon\n" } else { "[lexicon]\ngood = 2.0\n" };
            files.push((format!("{code}/lexicon.toml"), text.to_string()));
        }
        let (_, errs) = Rules::from_files(files);
        let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["it/lexicon.toml", "model.toml", "no/lexicon.toml", "model.toml"], "{errs:?}");
        assert!(errs[3].message.starts_with("missing"), "{errs:?}");
    }

    #[test]
    fn languages_built_on_every_core_find_the_same_duplicate_ids() {
        let rule = |id: &str| format!("[[rule]]\nid = \"{id}\"\npattern = 'refund'\n\n");
        let files = |no_rules: String| {
            let mut files = vec![model()];
            for code in ["da", "de", "en", "es", "fi", "fr"] {
                files.push((format!("{code}/c.toml"), rule(&format!("{code}.a"))));
            }
            files.push(("no/c.toml".into(), no_rules));
            files
        };
        // Within a language, whichever thread builds it.
        let (_, errs) = Rules::from_files(files(format!("{}{}", rule("no.a"), rule("no.a"))));
        let errs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].starts_with("no/c.toml:6: rule id \"no.a\" is already used in no/c.toml"), "{errs:?}");
        // An id without its language's code may clash with another language's.
        let (_, errs) = Rules::from_files(files(rule("da.a")));
        let errs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].contains("rule id \"da.a\" must start with \"no.\""), "{errs:?}");
        assert!(errs[1].contains("rule id \"da.a\" is already used in da/c.toml"), "{errs:?}");
    }

    #[test]
    fn syntax_and_unknown_keys_are_located() {
        let errs = errors("en/c.toml", "[[rule]]\nid = \"en.a\"\nterm = [\"x\"]\n");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].starts_with("en/c.toml:3: unknown field `term`"), "{errs:?}");
        let errs = errors("en/l.toml", "[lexicon]\ngood = 9.0\n");
        assert!(errs[0].starts_with("en/l.toml:2: lexicon entry \"good\": valence 9"), "{errs:?}");
        let errs = errors("xx/l.toml", "[lexicon]\ngood = 1.0\n");
        assert!(errs[0].starts_with("xx/l.toml:1: folder \"xx\""), "{errs:?}");
    }

    #[test]
    fn ids_carry_the_folder_prefix() {
        let errs = errors("ru/c.toml", "[[rule]]\nid = \"en.refund\"\nterms = [\"возврат\"]\n");
        assert!(errs[0].contains("must start with \"ru.\""), "{errs:?}");
    }

    #[test]
    fn term_tables_read_weights_then_keys_and_name_bad_lines() {
        let t = parse_terms::<3>("\n-0.5 0.25 1 still wait\n2 0 0 😡\n").expect("valid");
        assert_eq!(t["still wait"], [-0.5, 0.25, 1.0]);
        assert_eq!(t["😡"], [2.0, 0.0, 0.0]);
        let e = parse_terms::<1>("0.5 refund\nx refund\n").unwrap_err();
        assert!(e.starts_with("terms, line 2 of the string: \"x\" is not a number"), "{e}");
        assert!(parse_terms::<1>("0.5").unwrap_err().contains("no key"));
        let text = "[complaint]\nbias = 0\nthreshold = 0.5\n[complaint.weights]\n[complaint.lang.en]\nterms = \'\'\'\nnan x\n\'\'\'\n[sentiment]\nnegative_below = -0.05\npositive_above = 0.05\n";
        let (_, errs) = Rules::from_files(vec![("model.toml".into(), text.into())]);
        assert!(errs.iter().any(|e| e.to_string().starts_with("model.toml:6: terms, line 1")), "{errs:?}");
    }

    #[test]
    fn folding_removes_accents_only() {
        assert_eq!(fold("Όχι"), "οχι");
        assert_eq!(fold("NÃO"), "nao");
        assert_eq!(fold("не"), "не");
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A post's words are folded from their normalized form, rule terms from what
        /// the rule says: both must meet.
        #[test]
        fn folding_a_normalized_word_is_folding_the_word(word in "[a-zA-Zα-ωΑ-Ωά-ώа-яА-ЯёЁçčšžøæåäöüßİıÍíé\u{0300}-\u{036F}\u{0B80}-\u{0BFF}\u{00AD}\u{200B}]{0,12}") {
            prop_assert_eq!(with_folded(&normalize_word(&word).0, str::to_string), fold(&word));
        }
    }

    proptest! {
        #[test]
        fn the_quick_folding_is_the_unicode_one(word in "[\u{0}-\u{052F}\u{1E00}-\u{1FFF}\u{0B80}-\u{0BFF}]{0,10}") {
            use unicode_normalization::UnicodeNormalization;
            let reference: String =
                word.nfd().filter(|c| !matches!(*c as u32, 0x0300..=0x036F)).nfc().collect();
            prop_assert_eq!(fold_normalized(word), reference);
        }
    }

    #[test]
    fn accents_go_and_letters_stay() {
        assert_eq!(fold("Όχι"), "οχι");
        assert_eq!(fold("Não"), "nao");
        assert_eq!(fold("ещё"), "еще");
        assert_eq!(fold("பணம்"), "பணம்");
        assert_eq!(fold("தொலை"), "தொலை");
    }
}
