//! The `score` stage: one post in, its sentiment and complaint decision out.
//!
//! Sentiment is a VADER-style valence model run per language: lexicon valences, shifted
//! by intensifiers, flipped by negation within its scope, weighted around contrast words
//! ("but"), emphasised by capitals and exclamation marks. A complaint is not the same as
//! negative sentiment: the complaint model combines complaint cues (broken expectations,
//! demands, pointed questions, problems), their categories, the sentiment, and whether the
//! post is aimed at the business, through a logistic model fitted offline.
//!
//! Pure and synchronous: no IO, no errors; any text gets a score.

pub mod rules;

use std::collections::HashSet;

pub use rules::{Category, CueKind, Rules};

use crate::brand::BrandMatcher;
use crate::mention::Lang;
use crate::normalize::{Token, TokenKind, lang::detect};
use rules::{LangRules, fold};

/// The features of the complaint model, by name (the keys of `[complaint.weights]`).
pub const FEATURES: &[&str] = &[
    "cue_problem",
    "cue_expectation",
    "cue_demand",
    "cue_question",
    "cue_counter",
    "category",
    "neg",
    "pos",
    "targeted",
    "second_person",
    "question_mark",
    "exclaim",
    "url_only",
];

/// The scorer's three-class sentiment decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }

    pub fn parse(s: &str) -> Option<Polarity> {
        match s {
            "negative" => Some(Polarity::Negative),
            "neutral" => Some(Polarity::Neutral),
            "positive" => Some(Polarity::Positive),
            _ => None,
        }
    }
}

/// What fired, and where in the raw text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub start: usize,
    pub end: usize,
}

/// The score of one post.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// The language scored in: the mention's own, or detected.
    pub lang: String,
    /// −1 … 1.
    pub sentiment: f32,
    pub polarity: Polarity,
    /// 0 … 1.
    pub complaint_score: f32,
    pub complaint: bool,
    /// What the complaint is about, from the strongest category cue.
    pub category: Option<Category>,
    /// Rule and lexicon ids that fired, in text order, each once.
    pub matched: Vec<String>,
    /// Where each fired, for highlighting.
    pub hits: Vec<Hit>,
    /// Stemmed content words (no stop words, brand terms, numbers), for grouping.
    pub terms: Vec<String>,
}

/// Scores posts with one set of rules and one brand.
pub struct Scorer {
    rules: Rules,
    brand: BrandMatcher,
    /// The brand's languages, most likely first; a prior for detection.
    prior: Vec<Lang>,
}

const NEGATION_SCALAR: f32 = -0.74;
const CAPS_INCREMENT: f32 = 0.733;
const EXCLAIM_INCREMENT: f32 = 0.292;
const BOOSTER_DECAY: [f32; 3] = [1.0, 0.95, 0.9];

impl Scorer {
    pub fn new(rules: Rules, brand: BrandMatcher, prior: Vec<Lang>) -> Scorer {
        Scorer { rules, brand, prior }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Scores `text`. `lang` is the mention's language code, if it has one.
    pub fn score(&self, text: &str, lang: Option<&str>) -> Score {
        let lang = match lang.and_then(Lang::from_code) {
            Some(l) => Some(l),
            None if lang.is_some_and(|l| !l.is_empty()) => None,
            None => Some(detect(text, &self.prior)),
        };
        let rules = self.rules.for_lang(lang);
        let tokens = rules.analyzer.analyze(text);
        let mut hits = Vec::new();
        let sentiment = self.sentiment(text, &tokens, rules, &mut hits);
        let model = &self.rules.model;
        let polarity = if sentiment <= model.sentiment.negative_below {
            Polarity::Negative
        } else if sentiment >= model.sentiment.positive_above {
            Polarity::Positive
        } else {
            Polarity::Neutral
        };
        let features = self.complaint_features(text, &tokens, rules, sentiment, &mut hits);
        let mut z = model.complaint.bias;
        for (name, value) in FEATURES.iter().zip(features.values) {
            z += model.complaint.weights.get(*name).copied().unwrap_or(0.0) * value;
        }
        let complaint_score = 1.0 / (1.0 + (-z).exp());
        hits.sort_by_key(|h| (h.start, h.end));
        let mut seen = HashSet::new();
        let matched = hits.iter().filter(|h| seen.insert(h.id.as_str())).map(|h| h.id.clone()).collect();
        let terms = self.content_terms(&tokens, rules);
        Score {
            lang: lang.map(|l| l.code().to_string()).unwrap_or_else(|| "und".into()),
            sentiment: round3(sentiment),
            polarity,
            complaint_score: round3(complaint_score),
            complaint: complaint_score >= model.complaint.threshold,
            category: features.category,
            matched,
            hits,
            terms,
        }
    }

    /// The VADER-style compound valence in −1 … 1.
    fn sentiment(&self, text: &str, tokens: &[Token], rules: &LangRules, hits: &mut Vec<Hit>) -> f32 {
        let all_caps = tokens.iter().filter(|t| t.is_wordlike()).all(|t| t.caps);
        let contrast_at =
            tokens.iter().position(|t| t.kind == TokenKind::Word && rules.contrast.contains(&fold(&t.norm)));
        let mut sum = 0.0f32;
        let mut i = 0;
        while i < tokens.len() {
            let Some((len, entry)) = self.lookup(tokens, i, rules) else {
                i += 1;
                continue;
            };
            let t = &tokens[i];
            let mut v = entry.valence;
            let sign = v.signum();
            if t.caps && !all_caps {
                v += sign * CAPS_INCREMENT;
            }
            // Intensifiers and diminishers before the word, within its clause.
            for (k, decay) in BOOSTER_DECAY.iter().enumerate() {
                let Some(j) = i.checked_sub(k + 1) else { break };
                if is_clause_break(&tokens[j]) {
                    break;
                }
                if let Some(b) = rules.boosters.get(&fold(&tokens[j].norm)) {
                    let mut b = *b * decay;
                    if tokens[j].caps && !all_caps {
                        b += b.signum() * CAPS_INCREMENT * 0.3;
                    }
                    v += sign * b;
                }
            }
            if self.negated(tokens, i, rules) {
                v *= NEGATION_SCALAR;
            }
            if let Some(c) = contrast_at {
                v *= if i < c { 0.5 } else { 1.5 };
            }
            hits.push(Hit { id: entry.id.clone(), start: t.start, end: tokens[i + len - 1].end });
            sum += v;
            i += len;
        }
        let bangs = text.chars().filter(|&c| c == '!').count().min(4) as f32;
        if sum > 0.0 {
            sum += bangs * EXCLAIM_INCREMENT;
        } else if sum < 0.0 {
            sum -= bangs * EXCLAIM_INCREMENT;
        }
        sum / (sum * sum + 15.0).sqrt()
    }

    /// The lexicon entry starting at token `i`: the longest phrase, else the word, else
    /// an emoji or emoticon. Returns how many tokens it covers.
    fn lookup<'r>(&'r self, tokens: &[Token], i: usize, rules: &'r LangRules) -> Option<(usize, &'r rules::LexEntry)> {
        let t = &tokens[i];
        match t.kind {
            TokenKind::Word | TokenKind::Hashtag => {
                if let Some(phrases) = rules.lexicon_phrases.get(&t.stem) {
                    for (stems, entry) in phrases {
                        if matches_at(tokens, i, stems) {
                            return Some((stems.len(), entry));
                        }
                    }
                }
                if let Some(e) = rules.lexicon.get(&t.stem) {
                    return Some((1, e));
                }
                let single = t.norm_single()?;
                let stem = rules.analyzer.stems(&single).into_iter().next()?;
                rules.lexicon.get(&stem).map(|e| (1, e))
            }
            TokenKind::Emoji | TokenKind::Emoticon => self.rules.common.get(&t.norm).map(|e| (1, e)),
            _ => None,
        }
    }

    /// A negator among the three words before `i`, within its clause; or "n't" on the
    /// word just before.
    fn negated(&self, tokens: &[Token], i: usize, rules: &LangRules) -> bool {
        for k in 1..=3 {
            let Some(j) = i.checked_sub(k) else { return false };
            let t = &tokens[j];
            if is_clause_break(t) {
                return false;
            }
            if t.kind == TokenKind::Word && (rules.negators.contains(&fold(&t.norm)) || t.norm.ends_with("n't")) {
                return true;
            }
        }
        false
    }

    fn complaint_features(
        &self,
        text: &str,
        tokens: &[Token],
        rules: &LangRules,
        sentiment: f32,
        hits: &mut Vec<Hit>,
    ) -> Features {
        let mut by_kind = [0.0f32; 5];
        let mut best_category: Option<(f32, Category)> = None;
        let mut fired = vec![false; rules.cues.len()];
        let mut fire = |index: usize, start: usize, end: usize, hits: &mut Vec<Hit>| {
            if std::mem::replace(&mut fired[index], true) {
                return;
            }
            let cue = &rules.cues[index];
            let k = CueKind::ALL.iter().position(|k| *k == cue.kind).unwrap_or(0);
            by_kind[k] += cue.weight;
            if let Some(c) = cue.category
                && best_category.is_none_or(|(w, _)| cue.weight > w)
            {
                best_category = Some((cue.weight, c));
            }
            hits.push(Hit { id: cue.id.clone(), start, end });
        };
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_wordlike() {
                continue;
            }
            if let Some(phrases) = rules.cue_phrases.get(&t.stem) {
                for (stems, index) in phrases {
                    if matches_at(tokens, i, stems) {
                        fire(*index, t.start, tokens[i + stems.len() - 1].end, hits);
                    }
                }
            }
            if let Some(indexes) = rules.cue_terms.get(&t.stem) {
                for index in indexes {
                    fire(*index, t.start, t.end, hits);
                }
            }
        }
        if !rules.cue_patterns.is_empty() {
            for n in rules.cue_pattern_set.matches(text).iter() {
                let (re, index) = &rules.cue_patterns[n];
                if let Some(m) = re.find(text) {
                    fire(*index, m.start(), m.end(), hits);
                }
            }
        }
        let targeted = self.brand.is_targeted(text, tokens);
        let second_person =
            tokens.iter().any(|t| t.kind == TokenKind::Word && rules.second_person.contains(&fold(&t.norm)));
        let words = tokens.iter().filter(|t| t.is_wordlike()).count();
        let url_only = tokens.iter().any(|t| t.kind == TokenKind::Url) && words <= 3;
        let mut values = [0.0f32; 13];
        for (k, v) in by_kind.iter().enumerate() {
            values[k] = v.min(3.0);
        }
        values[5] = best_category.is_some() as u8 as f32;
        values[6] = (-sentiment).max(0.0);
        values[7] = sentiment.max(0.0);
        values[8] = targeted as u8 as f32;
        values[9] = second_person as u8 as f32;
        values[10] = text.contains('?') as u8 as f32;
        values[11] = text.contains('!') as u8 as f32;
        values[12] = url_only as u8 as f32;
        Features { values, category: best_category.map(|(_, c)| c) }
    }

    fn content_terms(&self, tokens: &[Token], rules: &LangRules) -> Vec<String> {
        let mut seen = HashSet::new();
        tokens
            .iter()
            .filter(|t| t.is_wordlike() && !t.stop && t.stem.chars().count() >= 3)
            .filter(|t| !self.brand.is_brand_word(&t.norm))
            .filter(|t| !rules.negators.contains(&fold(&t.norm)))
            .filter(|t| seen.insert(t.stem.as_str()))
            .map(|t| t.stem.clone())
            .collect()
    }
}

struct Features {
    values: [f32; 13],
    category: Option<Category>,
}

fn is_clause_break(t: &Token) -> bool {
    t.kind == TokenKind::Punct
}

fn matches_at(tokens: &[Token], i: usize, stems: &[String]) -> bool {
    stems.iter().enumerate().all(|(k, stem)| tokens.get(i + k).is_some_and(|t| t.is_wordlike() && t.stem == *stem))
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer() -> Scorer {
        let brand = BrandMatcher::new(&["FjordTel".into(), "@fjordtel".into()], &[]);
        Scorer::new(Rules::embedded(), brand, vec![Lang::En])
    }

    fn check(text: &str, polarity: Polarity, complaint: bool) {
        let s = scorer().score(text, Some("en"));
        assert_eq!((s.polarity, s.complaint), (polarity, complaint), "{text}: {s:#?}");
    }

    #[test]
    fn reads_sentiment_and_complaints_in_english() {
        check("@fjordtel I have been charged twice and still no refund. Fix it!", Polarity::Neutral, true);
        check("Still waiting on my refund from FjordTel after 5 weeks", Polarity::Neutral, true);
        check("FjordTel support was great, thanks!", Polarity::Positive, false);
        check("not bad at all, FjordTel", Polarity::Positive, false);
        check("The rain ruined our picnic", Polarity::Negative, false);
    }

    #[test]
    fn matched_names_what_fired_with_offsets() {
        let text = "FjordTel charged me twice, terrible";
        let s = scorer().score(text, None);
        assert!(s.matched.iter().any(|m| m == "en.neg.terrible"), "{s:?}");
        let hit = s.hits.iter().find(|h| h.id == "en.neg.terrible").unwrap();
        assert_eq!(&text[hit.start..hit.end], "terrible");
        assert_eq!(s.lang, "en");
    }

    #[test]
    fn odd_input_gets_a_sane_score() {
        let sc = scorer();
        for text in ["", "   ", "\u{202E}\u{200B}", &"a".repeat(1 << 20), "😡😡😡", "!!!???"] {
            let s = sc.score(text, Some("xx"));
            assert!((-1.0..=1.0).contains(&s.sentiment) && (0.0..=1.0).contains(&s.complaint_score));
        }
    }
}
