//! The regex cues of one language, run only where they can match.
//!
//! Running every pattern on every post was most of the scorer's time: with Unicode word
//! boundaries (`\b`) on non-ASCII text, a set of regexes falls back to the slowest engine.
//! Most patterns start with one of a few literal strings (`(?i)\bcharged\s+twice` can only
//! match where "charged", in some case, starts), so at load time the literal prefixes of
//! each pattern are extracted (regex-syntax's extractor), and one Aho-Corasick pass over
//! the post finds where a pattern's prefix occurs. Only those patterns run, anchored at
//! those places: the leftmost match of a pattern starts at one of them, so trying them in
//! order finds the same match as a search of the whole post. A pattern without a finite
//! set of prefixes searches every post. The result is the same as running them all.
//!
//! Pure; built once with the rules.

use aho_corasick::AhoCorasick;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// The patterns of one language, with their literal prefilter.
#[derive(Debug, Default)]
pub struct Patterns {
    patterns: Vec<Pattern>,
    /// Every literal prefix of every pattern that has them, and the pattern each
    /// belongs to.
    prefixes: Option<AhoCorasick>,
    prefix_owner: Vec<usize>,
    /// For patterns without literal prefixes: the literals every match ends with, and the
    /// pattern each belongs to. Such a pattern searches the post only when one occurs.
    suffixes: Option<AhoCorasick>,
    suffix_owner: Vec<usize>,
}

#[derive(Debug)]
struct Pattern {
    re: Regex,
    /// The index of its cue.
    cue: usize,
    how: Filter,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Filter {
    /// Anchored where a prefix occurs; `boundary`: the pattern starts with `\b`, so a
    /// place inside a word is skipped without running it.
    Prefix { boundary: bool },
    /// Searched when a suffix occurs.
    Suffix,
    /// Searched on every post.
    Always,
}

impl Patterns {
    /// Builds the prefilter over `patterns` (source, compiled regex, cue index), in the
    /// order given.
    pub fn new(patterns: Vec<(&str, Regex, usize)>) -> Patterns {
        let (mut prefix_lits, mut prefix_owner) = (Vec::new(), Vec::new());
        let (mut suffix_lits, mut suffix_owner) = (Vec::new(), Vec::new());
        let mut out = Vec::with_capacity(patterns.len());
        for (n, (source, re, cue)) in patterns.into_iter().enumerate() {
            let hir = regex_syntax::ParserBuilder::new().build().parse(source).ok();
            let how = match hir.as_ref().map(|h| (literals(h, ExtractKind::Prefix), h)) {
                Some((Some(lits), h)) => {
                    prefix_owner.extend(std::iter::repeat_n(n, lits.len()));
                    prefix_lits.extend(lits);
                    Filter::Prefix { boundary: starts_with_boundary(h) }
                }
                Some((None, h)) => match literals(h, ExtractKind::Suffix) {
                    Some(lits) => {
                        suffix_owner.extend(std::iter::repeat_n(n, lits.len()));
                        suffix_lits.extend(lits);
                        Filter::Suffix
                    }
                    None => Filter::Always,
                },
                None => Filter::Always,
            };
            out.push(Pattern { re, cue, how });
        }
        let mut build = |lits: &[Vec<u8>], kind: Filter| {
            if lits.is_empty() {
                return None;
            }
            let ac = AhoCorasick::new(lits).ok();
            if ac.is_none() {
                // Too many literals for the automaton: those patterns search every post.
                out.iter_mut()
                    .filter(|p| std::mem::discriminant(&p.how) == std::mem::discriminant(&kind))
                    .for_each(|p| p.how = Filter::Always);
            }
            ac
        };
        let prefixes = build(&prefix_lits, Filter::Prefix { boundary: false });
        let suffixes = build(&suffix_lits, Filter::Suffix);
        Patterns { patterns: out, prefixes, prefix_owner, suffixes, suffix_owner }
    }

    /// Calls `f(cue index, start, end)` for the first (leftmost) match of each pattern
    /// that matches `text`, in the order of the patterns.
    pub fn for_each_match(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        if self.patterns.is_empty() {
            return;
        }
        // (pattern, start) of every prefix found at a place the pattern can start.
        let mut starts: Vec<(usize, usize)> = Vec::new();
        if let Some(ac) = &self.prefixes {
            for m in ac.find_overlapping_iter(text) {
                let p = self.prefix_owner[m.pattern().as_usize()];
                if matches!(self.patterns[p].how, Filter::Prefix { boundary: true })
                    && !is_word_boundary(text, m.start())
                {
                    continue;
                }
                starts.push((p, m.start()));
            }
            starts.sort_unstable();
            starts.dedup();
        }
        let mut suffixed: Vec<usize> = Vec::new();
        if let Some(ac) = &self.suffixes {
            suffixed.extend(ac.find_overlapping_iter(text).map(|m| self.suffix_owner[m.pattern().as_usize()]));
        }
        let mut next = 0;
        for (p, pattern) in self.patterns.iter().enumerate() {
            let search = match pattern.how {
                Filter::Always => true,
                Filter::Suffix => suffixed.contains(&p),
                Filter::Prefix { .. } => {
                    while next < starts.len() && starts[next].0 < p {
                        next += 1;
                    }
                    while next < starts.len() && starts[next].0 == p {
                        let at = starts[next].1;
                        next += 1;
                        let input = Input::new(text).span(at..text.len()).anchored(Anchored::Yes);
                        if let Some(m) = pattern.re.search(&input) {
                            f(pattern.cue, m.start(), m.end());
                            break;
                        }
                    }
                    false
                }
            };
            if search && let Some(m) = pattern.re.find(text) {
                f(pattern.cue, m.start(), m.end());
            }
        }
    }
}

/// Unicode `\b` at byte `at` of `text`: a word character on one side only.
fn is_word_boundary(text: &str, at: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    word(text[..at].chars().next_back()) != word(text[at..].chars().next())
}

/// Every match of `hir` starts with a Unicode word boundary.
fn starts_with_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode) => true,
        HirKind::Concat(parts) => parts.first().is_some_and(starts_with_boundary),
        HirKind::Capture(c) => starts_with_boundary(&c.sub),
        HirKind::Alternation(alts) => alts.iter().all(starts_with_boundary),
        _ => false,
    }
}

/// The literal strings every match of `hir` starts (or ends) with, when there is a finite
/// set of them and none is empty.
fn literals(hir: &Hir, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let mut extractor = Extractor::new();
    extractor.kind(kind);
    let seq = extractor.extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern, run alone on every text, and through the prefilter, agree.
    fn check(patterns: &[&str], texts: &[&str]) {
        let compiled: Vec<(regex::Regex, usize)> =
            patterns.iter().enumerate().map(|(i, p)| (regex::Regex::new(p).expect("valid"), i * 10)).collect();
        let index = Patterns::new(
            patterns.iter().enumerate().map(|(i, p)| (*p, Regex::new(p).expect("valid"), i * 10)).collect(),
        );
        for text in texts {
            let mut got = Vec::new();
            index.for_each_match(text, |cue, s, e| got.push((cue, s, e)));
            let want: Vec<(usize, usize, usize)> =
                compiled.iter().filter_map(|(re, cue)| re.find(text).map(|m| (*cue, m.start(), m.end()))).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn the_prefilter_changes_no_match() {
        let patterns = [
            r"(?i)\bcharged\s+(me\s+)?twice\b",
            r"(?i)\b(waiting|waited)\s+(for\s+)?(\d+|two|three)\s+(hours|days|weeks)\b",
            r"(?i)\bδεν\s+(λειτουργεί|δουλεύει)",
            r"(?i)\b(is|are)\s+\w+\s+down\b",
            r"(\bpor\s*qu[eé]|\bcu[aá]ndo)\b[^?]{0,20}\?",
            r"(?i)\b\d+\s*(stars?|★)",
            r"(?i)\w+\s+ikke\b",
            r"(?i)\b(не|нет)\b",
            r"\)\)\)+",
            r"(?i)ΚΑΚΟ|kako",
        ];
        let texts = [
            "",
            "They CHARGED me twice!",
            "charged  twice and waited 3 weeks",
            "Waiting for three days, 1 star",
            "Δεν λειτουργεί τίποτα, ΔΕΝ ΔΟΥΛΕΥΕΙ",
            "anbefaler ikke",
            "Не работает))) нет",
            "kako je to κακό ΚΑΚΟ",
            "5 ★★★★★",
            "nothing here at all",
            "this is is net down, thisis down",
            "¿Por qué? cuándo llega? porque sí",
        ];
        check(&patterns, &texts);
    }

    #[test]
    fn each_pattern_gets_the_cheapest_safe_filter() {
        let how = |p: &str| Patterns::new(vec![(p, Regex::new(p).expect("valid"), 0)]).patterns[0].how;
        assert_eq!(how(r"(?i)\bcharged\s+twice"), Filter::Prefix { boundary: true });
        assert_eq!(how(r"(\bpor\s*qu[eé]|\bcu[aá]ndo)"), Filter::Prefix { boundary: true });
        assert_eq!(how(r"(?i)charged|\btwice"), Filter::Prefix { boundary: false });
        assert_eq!(how(r"\d+\s*stars?"), Filter::Suffix);
        assert_eq!(how(r"(?i)\w+\s+\w+"), Filter::Always);
        assert!(is_word_boundary("a cb", 2) && !is_word_boundary("acb", 1) && is_word_boundary("αβ", 0));
        assert!(!is_word_boundary("kαβ", 1) && !is_word_boundary("", 0));
    }

    #[test]
    fn more_than_64_patterns_work() {
        let owned: Vec<String> = (0..70).map(|i| format!(r"\bw{i}x\b")).collect();
        let patterns: Vec<&str> = owned.iter().map(String::as_str).collect();
        check(&patterns, &["w3x w69x w64x", "none", "w0x"]);
    }
}
