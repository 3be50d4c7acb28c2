//! Measuring a classifier: confusion tables, precision, recall and F1 per class and
//! language, and a stable split of labelled posts into folds. Used by `repwatch eval`
//! and `repwatch fit`; pure.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Counts of (label, decision) pairs per language.
#[derive(Debug, Clone, Default)]
pub struct Confusion {
    /// The classes, in the order they are printed.
    pub classes: Vec<String>,
    /// lang → (label, decision) → count.
    pub counts: BTreeMap<String, BTreeMap<(String, String), usize>>,
}

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassScore {
    pub support: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Confusion {
    pub fn new(classes: &[&str]) -> Confusion {
        Confusion { classes: classes.iter().map(|c| c.to_string()).collect(), counts: BTreeMap::new() }
    }

    pub fn add(&mut self, lang: &str, label: &str, decision: &str) {
        *self
            .counts
            .entry(lang.to_string())
            .or_default()
            .entry((label.to_string(), decision.to_string()))
            .or_default() += 1;
    }

    /// The languages seen, in order.
    pub fn langs(&self) -> Vec<&str> {
        self.counts.keys().map(|s| s.as_str()).collect()
    }

    fn count(&self, lang: Option<&str>, label: &str, decision: &str) -> usize {
        let key = (label.to_string(), decision.to_string());
        match lang {
            Some(l) => self.counts.get(l).and_then(|m| m.get(&key)).copied().unwrap_or(0),
            None => self.counts.values().filter_map(|m| m.get(&key)).sum(),
        }
    }

    /// The scores of `class` in `lang` (all languages pooled for `None`).
    pub fn class(&self, lang: Option<&str>, class: &str) -> ClassScore {
        let tp = self.count(lang, class, class) as f64;
        let support: usize = self.classes.iter().map(|d| self.count(lang, class, d)).sum();
        let predicted: usize = self.classes.iter().map(|l| self.count(lang, l, class)).sum();
        let precision = if predicted > 0 { tp / predicted as f64 } else { 0.0 };
        let recall = if support > 0 { tp / support as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        ClassScore { support, precision, recall, f1 }
    }

    /// The mean F1 over the classes that occur in `lang` (as labels or decisions).
    pub fn macro_f1(&self, lang: Option<&str>) -> f64 {
        let present: Vec<&String> = self
            .classes
            .iter()
            .filter(|c| self.class(lang, c).support > 0 || self.classes.iter().any(|l| self.count(lang, l, c) > 0))
            .collect();
        if present.is_empty() {
            return 0.0;
        }
        present.iter().map(|c| self.class(lang, c).f1).sum::<f64>() / present.len() as f64
    }

    /// The share of posts decided as labelled.
    pub fn accuracy(&self, lang: Option<&str>) -> f64 {
        let right: usize = self.classes.iter().map(|c| self.count(lang, c, c)).sum();
        let all: usize = self
            .classes
            .iter()
            .flat_map(|l| self.classes.iter().map(move |d| (l, d)))
            .map(|(l, d)| self.count(lang, l, d))
            .sum();
        if all > 0 { right as f64 / all as f64 } else { 0.0 }
    }

    /// The per-language, per-class table and the confusion tables, as printed by
    /// `repwatch eval`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let w = self.classes.iter().map(|c| c.len()).max().unwrap_or(5).max(13);
        let _ =
            writeln!(out, "{:<5} {:<w$} {:>6} {:>9} {:>7} {:>6}", "lang", "class", "n", "precision", "recall", "f1");
        let mut langs: Vec<Option<&str>> = self.langs().into_iter().map(Some).collect();
        if langs.len() > 1 {
            langs.push(None);
        }
        for lang in &langs {
            let name = lang.unwrap_or("all");
            for c in &self.classes {
                let s = self.class(*lang, c);
                let _ = writeln!(
                    out,
                    "{name:<5} {c:<w$} {:>6} {:>9.3} {:>7.3} {:>6.3}",
                    s.support, s.precision, s.recall, s.f1
                );
            }
            let _ = writeln!(
                out,
                "{name:<5} {:<w$} {:>6} {:>9} {:>7} {:>6.3}   accuracy {:.3}",
                "macro",
                "",
                "",
                "",
                self.macro_f1(*lang),
                self.accuracy(*lang)
            );
        }
        let _ = writeln!(out, "\nconfusion (rows: label, columns: decision)");
        for lang in &langs {
            let name = lang.unwrap_or("all");
            let _ = write!(out, "{name:<5} {:<w$}", "");
            for c in &self.classes {
                let _ = write!(out, " {c:>w$}");
            }
            let _ = writeln!(out);
            for l in &self.classes {
                let _ = write!(out, "{name:<5} {l:<w$}");
                for d in &self.classes {
                    let _ = write!(out, " {:>w$}", self.count(*lang, l, d));
                }
                let _ = writeln!(out);
            }
        }
        out
    }
}

/// Which of `n` folds a post belongs to: a hash of its id (or text), stable across runs
/// and machines, so that `fit --exclude-fold 0/5` and `eval --fold 0/5` agree.
pub fn fold_of(key: &str, n: u32) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % n.max(1) as u64) as u32
}

/// Parses `K/N` (fold K of N, 0-based).
pub fn parse_fold(s: &str) -> Option<(u32, u32)> {
    let (k, n) = s.split_once('/')?;
    let (k, n) = (k.trim().parse().ok()?, n.trim().parse().ok()?);
    (n >= 2 && k < n).then_some((k, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_known_table() {
        let mut c = Confusion::new(&["complaint", "not_complaint"]);
        for _ in 0..8 {
            c.add("en", "complaint", "complaint");
        }
        for _ in 0..2 {
            c.add("en", "complaint", "not_complaint");
        }
        for _ in 0..4 {
            c.add("en", "not_complaint", "complaint");
        }
        for _ in 0..6 {
            c.add("en", "not_complaint", "not_complaint");
        }
        let s = c.class(Some("en"), "complaint");
        assert_eq!(s.support, 10);
        assert!((s.precision - 8.0 / 12.0).abs() < 1e-9 && (s.recall - 0.8).abs() < 1e-9);
        assert!((s.f1 - 2.0 * (8.0 / 12.0) * 0.8 / (8.0 / 12.0 + 0.8)).abs() < 1e-9);
        let n = c.class(Some("en"), "not_complaint");
        assert!((n.precision - 0.75).abs() < 1e-9 && (n.recall - 0.6).abs() < 1e-9);
        assert!((c.macro_f1(None) - (s.f1 + n.f1) / 2.0).abs() < 1e-9);
        assert!((c.accuracy(Some("en")) - 0.7).abs() < 1e-9);
        let table = c.render();
        assert!(table.contains("en    complaint"), "{table}");
        assert!(table.contains("confusion"), "{table}");
    }

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold_of("1234", 5), fold_of("1234", 5));
        let mut seen = [0usize; 5];
        for i in 0..1000 {
            seen[fold_of(&i.to_string(), 5) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| n > 150), "{seen:?}");
        assert_eq!(parse_fold("0/5"), Some((0, 5)));
        assert_eq!(parse_fold("5/5"), None);
        assert_eq!(parse_fold("x"), None);
    }
}
