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
//! set of prefixes searches every post, or only posts where one of the literals its
//! matches end with occurs, and then only the stretch those literals allow. The result is
//! the same as running them all.
//!
//! A case-insensitive literal is one literal, not one for each mix of cases: the literals
//! are case-folded, and so is a post with letters beyond ASCII before it is scanned (each
//! two-byte letter becomes the least two-byte letter of its case, so every byte stays where
//! it was; ASCII letters are put in lower case). Writing out the mixes of cases
//! made 14,655 literals for Russian and 10,888 for Greek, and building their automata was
//! most of the prefilters' cost.
//!
//! Anchored patterns are compiled into the forward automata alone (a lazy DFA, with a
//! PikeVM where the DFA gives up), not the regex crate's full search machinery: that
//! halved the time it takes to compile a language's patterns. The fallback is the PikeVM
//! and not a bounded backtracker, because the backtracker clears a bitset of every NFA
//! state by the rest of the post on each try, and most tries fail within a few bytes.
//!
//! Literals are taken with `\d` as the ASCII digits where the pattern as it is gives none
//! (`\b(second|third|\d+th)\s+time`: Unicode `\d` is 680 characters, too many to list):
//! such a pattern is run only where its literals are, like any other, and whole on the
//! rare post with decimal digits of another script (Arabic-Indic, Tamil …). Before, it was
//! searched from the start of every post that had its suffixes, by the slowest engine
//! when the post was not ASCII.
//!
//! A pattern that is an alternation without prefixes as a whole (one branch starts with
//! `\d+`) is split into its branches, each filtered on its own: the leftmost match of
//! `A|B` is the leftmost of A's and B's, the earlier branch winning where both start at
//! the same place, which is what putting the branches' matches together gives back.
//!
//! Pure; built once with the rules.

use std::cell::{Cell, RefCell};

use aho_corasick::AhoCorasick;
use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::{Anchored, Input};
use regex_syntax::ast::Ast;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// The patterns of one language as loaded (checked, not compiled), compiled with their
/// prefilter on first use: compiling every language's patterns was most of the time it
/// took to load the rules, and a brand sees posts in a few languages.
#[derive(Debug, Default)]
pub struct LazyPatterns {
    /// (rule id, pattern, cue index), in rule order.
    sources: Vec<(String, String, usize)>,
    /// Each pattern's syntax tree, as [`check`] read it, taken when the prefilter is built,
    /// so that it is not read again.
    parsed: std::sync::Mutex<Vec<Ast>>,
    compiled: std::sync::OnceLock<Patterns>,
}

impl LazyPatterns {
    /// `parsed`: what [`check`] gives for each of `sources`.
    pub fn new(sources: Vec<(String, String, usize)>, parsed: Vec<Ast>) -> LazyPatterns {
        debug_assert_eq!(sources.len(), parsed.len());
        LazyPatterns { sources, parsed: std::sync::Mutex::new(parsed), compiled: std::sync::OnceLock::new() }
    }

    /// The patterns with their prefilter, each compiled when it first runs. A pattern
    /// that parses (checked at load) but cannot be compiled (too large for the regex
    /// engine's limits) is left out then, with a warning; `repwatch check-config` reports
    /// it as an error.
    pub fn get(&self) -> &Patterns {
        self.compiled.get_or_init(|| {
            let parsed = std::mem::take(&mut *self.parsed.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
            // Translated here, on the thread that scores the language's first post, not
            // at load.
            let parsed = parsed.into_iter().zip(&self.sources).map(|(ast, (_, source, _))| translate(source, ast));
            let parsed = parsed.chain(std::iter::repeat(None));
            let sources = self.sources.iter().zip(parsed).map(|((_, source, cue), hir)| (source.as_str(), hir, *cue));
            let (patterns, failed) = Patterns::with_parsed(sources);
            for (i, why) in failed {
                tracing::warn!(rule = %self.sources[i].0, "pattern left out: {why}");
            }
            patterns
        })
    }

    /// (rule id, why) of every pattern that does not compile as it is run (whole or as
    /// its branches): the ones [`LazyPatterns::get`] leaves out.
    pub fn failures(&self) -> Vec<(String, String)> {
        self.sources.iter().filter_map(|(id, source, _)| compile(source).err().map(|why| (id.clone(), why))).collect()
    }

    pub fn for_each_match(&self, text: &str, f: impl FnMut(usize, usize, usize)) {
        if !self.sources.is_empty() {
            self.get().for_each_match(text, f);
        }
    }
}

/// Checks a pattern as `regex_syntax::Parser::new().parse` does, with the same error (as
/// it is written out),
/// and gives its syntax tree, which [`LazyPatterns`] translates when the language's first
/// post comes. Only reading the syntax is checked at once, not its translation into
/// sets of characters (`\w` is hundreds of ranges; `(?i)` folds every class): that was
/// 125 M of the 324 M instructions it took to load the shipped rules, on one core before
/// the first post. Translation fails only on a Unicode property that does not exist
/// (`\p{Gerek}`) or with Unicode turned off (`(?-u:é)`, bytes that are not UTF-8): a
/// pattern with either is translated here too (none of the shipped ones).
pub fn check(source: &str) -> Result<Ast, String> {
    let ast = regex_syntax::ast::parse::Parser::new().parse(source).map_err(|e| e.to_string())?;
    if regex_syntax::ast::visit(&ast, MayNotTranslate).is_err() {
        regex_syntax::hir::translate::Translator::new().translate(source, &ast).map_err(|e| e.to_string())?;
    }
    Ok(ast)
}

/// The rest of a `(?i)` pattern with no other flags, which is read case-sensitively for
/// [`folded_literals`].
fn case_sensitive(source: &str) -> Option<&str> {
    source.strip_prefix("(?i)").filter(|rest| rest.match_indices("(?").all(|(i, _)| rest[i + 2..].starts_with(':')))
}

/// `source` translated from its syntax tree ([`check`]), as `Parser::parse` reads it, and
/// what [`case_sensitive`] gives read as `Parser::parse` reads it: for that, the same tree
/// is translated again with its leading `(?i)` cleared, not read anew (reading the 215
/// case-insensitive patterns of the shipped rules again was 67 M instructions).
fn translate(source: &str, mut ast: Ast) -> Option<(Hir, Option<Hir>)> {
    use regex_syntax::hir::translate::Translator;
    let hir = Translator::new().translate(source, &ast).ok()?;
    let folded = case_sensitive(source).and_then(|rest| {
        if clear_leading_case_flag(&mut ast) {
            Translator::new().translate(source, &ast).ok()
        } else {
            regex_syntax::Parser::new().parse(rest).ok()
        }
    });
    Some((hir, folded))
}

/// Clears the `(?i)` a syntax tree starts with (at the start of its first branch, as
/// `(?i)a|b` reads); false when there is none. A cleared flag group translates to nothing,
/// as the flag did: the tree then translates as the rest after `(?i)` reads.
fn clear_leading_case_flag(ast: &mut Ast) -> bool {
    use regex_syntax::ast::{Flag, FlagsItemKind};
    let mut node = ast;
    loop {
        node = match node {
            Ast::Concat(concat) if !concat.asts.is_empty() => &mut concat.asts[0],
            Ast::Alternation(alt) if !alt.asts.is_empty() => &mut alt.asts[0],
            Ast::Flags(set)
                if set.span.start.offset == 0
                    && matches!(&set.flags.items[..], [item] if item.kind == FlagsItemKind::Flag(Flag::CaseInsensitive)) =>
            {
                set.flags.items.clear();
                return true;
            }
            _ => return false,
        };
    }
}

/// Finds (as an error) what may keep a syntax tree from translating: a Unicode class
/// (`\pL`, `\p{…}`, `[\p{…}]`) or the `u` flag, set or cleared.
struct MayNotTranslate;

impl regex_syntax::ast::Visitor for MayNotTranslate {
    type Output = ();
    type Err = ();

    fn finish(self) -> Result<(), ()> {
        Ok(())
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), ()> {
        use regex_syntax::ast::{Flag, Flags, FlagsItemKind, GroupKind};
        let unicode_flag = |flags: &Flags| flags.items.iter().any(|i| i.kind == FlagsItemKind::Flag(Flag::Unicode));
        match ast {
            Ast::ClassUnicode(_) => Err(()),
            Ast::Flags(set) if unicode_flag(&set.flags) => Err(()),
            Ast::Group(group) if matches!(&group.kind, GroupKind::NonCapturing(flags) if unicode_flag(flags)) => {
                Err(())
            }
            _ => Ok(()),
        }
    }

    fn visit_class_set_item_pre(&mut self, item: &regex_syntax::ast::ClassSetItem) -> Result<(), ()> {
        match item {
            regex_syntax::ast::ClassSetItem::Unicode(_) => Err(()),
            _ => Ok(()),
        }
    }
}

/// The patterns of one language, with their literal prefilter.
#[derive(Debug, Default)]
pub struct Patterns {
    /// What is run: each pattern, or each branch of a split one, in order.
    patterns: Vec<Pattern>,
    /// One automaton over every literal prefix of every pattern that has them and every
    /// literal that a pattern's matches end with (its suffixes), so that a post is scanned
    /// once; `owner` gives the pattern of each literal and whether it is a suffix.
    literals: Option<Scanner>,
    owner: Vec<(usize, Literal)>,
    /// The patterns searched on every post (`Filter::Always`), in order.
    always: Vec<usize>,
    /// Each pattern as given, for the warning when one does not compile.
    sources: Vec<Box<str>>,
    /// Some literal is not ASCII: a post that is not is scanned case-folded ([`fold_into`]).
    fold: bool,
    /// The patterns whose literals were taken with `\d` as the ASCII digits
    /// ([`ascii_digits`]): on a post with other decimal digits they run whole.
    digit_patterns: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Literal {
    /// `boundary`: its pattern starts with `\b`, so a place inside a word is passed over.
    Prefix { boundary: bool },
    /// A pattern runs only when one of its suffixes occurs in the post.
    Suffix,
    /// A pattern without prefixes or suffixes runs only when one of the literals that
    /// every match contains occurs in the post.
    Inner,
}

#[derive(Debug)]
struct Pattern {
    /// What is compiled into its engine.
    hir: Hir,
    /// Run anchored where a prefix occurs (`Engine::Anchored`), or searched.
    anchored: bool,
    /// `hir` with its classes cut down to [`KEPT`] ([`narrowed`]), made the first time the
    /// pattern runs; None when that changes nothing.
    narrowed: std::sync::OnceLock<Option<Hir>>,
    /// Compiled from `narrowed` (or `hir` when that is None) the first time the pattern
    /// runs on a post without a word character beyond [`KEPT`]: most patterns of a
    /// language never do on a given stream (their prefixes do not occur), and compiling
    /// them all was most of the time it took to start scoring. None: it does not compile
    /// (too large).
    engine: std::sync::OnceLock<Option<Engine>>,
    /// Compiled from `hir` the first time the pattern runs on a post with a word
    /// character beyond [`KEPT`], when `narrowed` is not None.
    full: std::sync::OnceLock<Option<Engine>>,
    /// The index of its cue.
    cue: usize,
    /// The pattern it is (a branch of), counted in the order given.
    group: usize,
    how: Filter,
    /// Run only when one of its suffixes occurs in the post.
    gated: bool,
    /// The longest a match can be, in bytes, when it is bounded.
    max_len: Option<usize>,
    /// Its literals were taken with `\d` as the ASCII digits ([`ascii_digits`]).
    ascii_digits: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Filter {
    /// Anchored where a prefix occurs; `boundary`: the pattern starts with `\b`, so a
    /// place inside a word is skipped without running it.
    Prefix { boundary: bool },
    /// Searched when a suffix (or an inner literal) occurs.
    Suffix,
    /// Searched on every post.
    Always,
}

impl Patterns {
    /// Reads `patterns` (source, cue index) and builds their prefilter, in the order given;
    /// also gives (index, why) of each pattern that does not parse, left out. A pattern is
    /// compiled when it first runs.
    pub fn new<'a>(patterns: impl IntoIterator<Item = (&'a str, usize)>) -> (Patterns, Vec<(usize, String)>) {
        Patterns::with_parsed(patterns.into_iter().map(|(source, cue)| (source, None, cue)))
    }

    /// As [`Patterns::new`], with each pattern's source as parsed already, when it is
    /// ([`translate`]).
    fn with_parsed<'a>(
        patterns: impl IntoIterator<Item = (&'a str, Option<(Hir, Option<Hir>)>, usize)>,
    ) -> (Patterns, Vec<(usize, String)>) {
        let (mut prefix_lits, mut prefix_owner) = (Vec::new(), Vec::new());
        let (mut suffix_lits, mut suffix_owner) = (Vec::new(), Vec::new());
        let (mut inner_lits, mut inner_owner) = (Vec::new(), Vec::new());
        let (mut out, mut failed) = (Vec::new(), Vec::new());
        let mut sources = Vec::new();
        for (group, (source, parsed, cue)) in patterns.into_iter().enumerate() {
            sources.push(source.into());
            let units = match units(source, parsed) {
                Ok(units) => units,
                Err(why) => {
                    failed.push((group, why));
                    continue;
                }
            };
            for Unit { hir, prefixes, suffixes, inner, boundary, ascii_digits } in units {
                let n = out.len();
                // Every match ends with one of its suffixes (or contains one of its inner
                // literals): where none occurs in the post, the pattern is not run at all.
                let gated = suffixes.is_some() || inner.is_some();
                if let Some(lits) = suffixes {
                    suffix_owner.extend(std::iter::repeat_n(n, lits.len()));
                    suffix_lits.extend(lits);
                } else if let Some(lits) = inner {
                    inner_owner.extend(std::iter::repeat_n(n, lits.len()));
                    inner_lits.extend(lits);
                }
                let anchored = prefixes.is_some();
                let how = match prefixes {
                    Some(lits) => {
                        prefix_owner.extend(std::iter::repeat_n(n, lits.len()));
                        prefix_lits.extend(lits);
                        Filter::Prefix { boundary }
                    }
                    None if gated => Filter::Suffix,
                    None => Filter::Always,
                };
                let max_len = hir.properties().maximum_len();
                let (narrowed, engine, full) = Default::default();
                out.push(Pattern {
                    hir,
                    anchored,
                    narrowed,
                    engine,
                    full,
                    cue,
                    group,
                    how,
                    gated,
                    max_len,
                    ascii_digits,
                });
            }
        }
        // ASCII letters are matched in lower case: `folded_literals` gives them in one.
        let mut owner: Vec<(usize, Literal)> = prefix_owner
            .into_iter()
            .map(|p| (p, Literal::Prefix { boundary: out[p].how == Filter::Prefix { boundary: true } }))
            .collect();
        owner.extend(suffix_owner.into_iter().map(|p| (p, Literal::Suffix)));
        owner.extend(inner_owner.into_iter().map(|p| (p, Literal::Inner)));
        prefix_lits.extend(suffix_lits);
        prefix_lits.extend(inner_lits);
        // In lower case, as the post is scanned: the automata need not match both cases
        // (`ascii_case_insensitive` doubled the NFA's transitions and gave the DFA twice the
        // byte classes of letters; building them was 42 M instructions more on the 20,000
        // mixed posts, lowering the posts 23 M more on the 140,853).
        prefix_lits.iter_mut().for_each(|l| l.make_ascii_lowercase());
        let fold = prefix_lits.iter().any(|l| !l.is_ascii());
        let literals = (!prefix_lits.is_empty()).then(|| Scanner::new(prefix_lits)).flatten();
        // Too many literals for an automaton: every pattern searches every post.
        if literals.is_none() {
            for p in &mut out {
                p.gated = false;
                p.how = Filter::Always;
            }
        }
        let always = (0..out.len()).filter(|&p| out[p].how == Filter::Always).collect();
        let digit_patterns = (0..out.len()).filter(|&p| out[p].ascii_digits).collect();
        (Patterns { patterns: out, literals, owner, always, sources, fold, digit_patterns }, failed)
    }

    /// The engine of pattern `p` for the post `beyond` was made for, compiled on first
    /// use, with the HIR it was compiled from; none when it does not compile, with a
    /// warning the first time (`repwatch check-config` names it as an error).
    fn engine(&self, p: usize, beyond: &mut Beyond) -> Option<(&Engine, &Hir)> {
        let pattern = &self.patterns[p];
        let (engine, hir) = match pattern.narrowed.get_or_init(|| narrowed(&pattern.hir)) {
            Some(narrowed) if !beyond.get() => (&pattern.engine, narrowed),
            Some(_) => (&pattern.full, &pattern.hir),
            None => (&pattern.engine, &pattern.hir),
        };
        let engine = engine.get_or_init(|| {
            Engine::new(hir, pattern.anchored)
                .inspect_err(|why| {
                    tracing::warn!(pattern = %self.sources[pattern.group], "pattern left out: {why}");
                })
                .ok()
        });
        engine.as_ref().map(|e| (e, hir))
    }

    /// Calls `f(cue index, start, end)` for the first (leftmost) match of each pattern
    /// that matches `text`, in the order of the patterns.
    pub fn for_each_match(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        if self.patterns.is_empty() {
            return;
        }
        // The lists below are kept per thread, taken for the post and put back.
        thread_local! {
            static SCRATCH: Cell<Scratch> = const { Cell::new(Scratch::new()) };
        }
        let Scratch { mut starts, mut suffixed, mut candidates, mut folded } = SCRATCH.take();
        // The literals are case-folded ([`fold_char`]) with ASCII letters in lower case: a
        // post is scanned folded the same way (a copy, even of an ASCII post),
        // at the same byte offsets. A character with a case variant shorter than itself
        // (the Kelvin sign for k, the long s for s) cannot be folded in place: such rare
        // posts run every pattern.
        // Decimal digits beyond ASCII (Arabic-Indic, Tamil …): the patterns whose literals
        // took `\d` as 0-9 run whole.
        let mut wide = false;
        let ascii = text.is_ascii();
        let hay = if ascii {
            lower_into(text.as_bytes(), &mut folded);
            Some(folded.as_slice())
        } else if !self.fold {
            wide = !self.digit_patterns.is_empty() && text.chars().any(is_wide_digit);
            (!has_kelvin_or_long_s(text)).then(|| {
                lower_into(text.as_bytes(), &mut folded);
                folded.as_slice()
            })
        } else {
            let wide = (!self.digit_patterns.is_empty()).then_some(&mut wide);
            fold_into(text, wide, &mut folded).then_some(folded.as_slice())
        };
        let Some(hay) = hay else {
            SCRATCH.set(Scratch { starts, suffixed, candidates, folded });
            return self.for_each_match_unfiltered(text, f);
        };
        // (pattern, start) of every prefix found at a place the pattern can start; where
        // the first and the last of a pattern's suffixes end in the post: its matches end
        // within them. Patterns without any need not run, and are not visited: only the
        // candidates are, the patterns searched on every post and those the scan found.
        starts.clear();
        candidates.clear();
        // Entries are None between posts; the list only grows to the longest set of patterns.
        if suffixed.len() < self.patterns.len() {
            suffixed.resize(self.patterns.len(), None);
        }
        if let Some(scanner) = &self.literals {
            let ac = scanner.automaton(hay.len());
            for m in ac.find_overlapping_iter(hay) {
                match self.owner[m.pattern().as_usize()] {
                    (p, Literal::Suffix) => {
                        if suffixed[p].is_none() {
                            candidates.push(p);
                        }
                        let (first, last) = suffixed[p].get_or_insert((m.end(), m.end()));
                        (*first, *last) = ((*first).min(m.end()), (*last).max(m.end()));
                    }
                    // Passed over at once: two thirds of the prefixes found are inside a
                    // word, and the list was most of the cost of checking them later.
                    (p, Literal::Prefix { boundary }) => {
                        if !boundary || is_word_boundary(text, m.start()) {
                            starts.push((p, m.start()));
                        }
                    }
                    // Anywhere in the post.
                    (p, Literal::Inner) => {
                        if suffixed[p].is_none() {
                            candidates.push(p);
                        }
                        suffixed[p] = Some((0, text.len()));
                    }
                }
            }
        }
        let runs = |p: usize| !self.patterns[p].gated || suffixed[p].is_some();
        starts.retain(|&(p, _)| runs(p));
        starts.sort_unstable();
        starts.dedup();
        candidates.extend(starts.iter().map(|&(p, _)| p));
        candidates.extend_from_slice(&self.always);
        if wide {
            candidates.extend_from_slice(&self.digit_patterns);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut next = 0;
        // The leftmost match of the pattern whose branches are being run: (start, end).
        let mut best: Option<(usize, usize)> = None;
        let mut beyond = Beyond::new(text, ascii);
        for (i, &p) in candidates.iter().enumerate() {
            let pattern = &self.patterns[p];
            let found = match (pattern.how, self.engine(p, &mut beyond)) {
                // It does not compile: left out.
                (_, None) => None,
                (_, Some((engine, hir))) if wide && pattern.ascii_digits => engine.find(hir, text),
                (Filter::Suffix, Some((Engine::Search(re), _))) if let Some((first, last)) = suffixed[p] => {
                    // A match ends at a suffix's end and is at most `max_len` long: none
                    // starts before `first - max_len` or ends after `last`. Look-around
                    // still sees the text outside the span.
                    let mut from = pattern.max_len.map_or(0, |m| first.saturating_sub(m));
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    re.search(&Input::new(text).span(from..last)).map(|m| (m.start(), m.end()))
                }
                (Filter::Always | Filter::Suffix, Some((engine, hir))) if runs(p) => engine.find(hir, text),
                (Filter::Always | Filter::Suffix, _) => None,
                (Filter::Prefix { .. }, Some((engine, _))) => {
                    while next < starts.len() && starts[next].0 < p {
                        next += 1;
                    }
                    let mut found = None;
                    // A gated pattern's matches end by its last suffix.
                    let limit = suffixed[p].map_or(text.len(), |(_, last)| last);
                    while next < starts.len() && starts[next].0 == p {
                        let at = starts[next].1;
                        next += 1;
                        let end = match engine {
                            Engine::Anchored(re) => re.match_at(text, at, limit),
                            Engine::Search(re) => {
                                let input = Input::new(text).span(at..text.len()).anchored(Anchored::Yes);
                                re.search(&input).map(|m| m.end())
                            }
                        };
                        if let Some(end) = end {
                            found = Some((at, end));
                            break;
                        }
                    }
                    found
                }
            };
            // An earlier branch keeps a match that starts at the same place.
            if let Some(m) = found
                && best.is_none_or(|b| m.0 < b.0)
            {
                best = Some(m);
            }
            // The patterns between candidates find nothing: a group ends at its last
            // candidate.
            let last_of_group = candidates.get(i + 1).is_none_or(|&q| self.patterns[q].group != pattern.group);
            if last_of_group && let Some((start, end)) = best.take() {
                f(pattern.cue, start, end);
            }
        }
        for &p in &candidates {
            suffixed[p] = None;
        }
        // A very long post does not leave its long lists behind.
        if starts.capacity() > 4096 {
            starts = Vec::new();
        }
        if candidates.capacity() > 4096 {
            candidates = Vec::new();
        }
        if folded.capacity() > 1 << 16 {
            folded = Vec::new();
        }
        SCRATCH.set(Scratch { starts, suffixed, candidates, folded });
    }
}

/// The prefilter's automaton over a language's literals: an NFA at first, a DFA once the
/// posts scanned have paid for it. On the 20,000 mixed posts the DFA scanned a byte in 33
/// instructions and the NFA in 64, but building a DFA takes a step for each of its states
/// (about a byte of the literals each) and each byte value: the 19 DFAs were 183 M
/// instructions on the 140,853 mixed posts, and Greek (1 MB of DFA for 398 posts), Arabic,
/// Turkish and the others with few posts did not scan enough to pay for theirs. The NFAs,
/// built at once, are a fifth of that.
struct Scanner {
    nfa: AhoCorasick,
    /// Built by the thread that scans past `budget`; the others keep to the NFA meanwhile,
    /// not waiting for it.
    dfa: std::sync::OnceLock<AhoCorasick>,
    /// The literals, for the DFA; dropped when it is built.
    literals: std::sync::Mutex<Vec<Vec<u8>>>,
    /// The bytes scanned with the NFA.
    scanned: std::sync::atomic::AtomicUsize,
    /// The bytes to scan with the NFA before the DFA is built: usize::MAX for never.
    budget: usize,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner").field("dfa", &self.dfa.get().is_some()).field("budget", &self.budget).finish()
    }
}

/// The bytes scanned with the NFA for each byte of the literals before the DFA is built:
/// about where the NFA's extra cost (30 instructions a byte) has come to the DFA's. On the
/// 140,853 mixed posts, 14 of the 19 languages build theirs; with 25, 30, 40, 50 and 100
/// the prefilter's scans and DFAs came to 699, 684, 645, 653 and 695 M instructions (with
/// the DFAs built at once, 677 M; with the NFAs alone, 936 M).
const SCANNED_PER_LITERAL_BYTE: usize = 40;

impl Scanner {
    /// None when the literals are too many for an automaton.
    fn new(literals: Vec<Vec<u8>>) -> Option<Scanner> {
        use aho_corasick::AhoCorasickKind;
        let nfa = AhoCorasick::builder().kind(Some(AhoCorasickKind::ContiguousNFA)).build(&literals).ok()?;
        // The shipped languages have at most 11 KB of literals; a rules set with far more
        // keeps to the NFA, which takes less memory.
        let bytes: usize = literals.iter().map(Vec::len).sum();
        let budget = if bytes <= 1 << 16 { bytes * SCANNED_PER_LITERAL_BYTE } else { usize::MAX };
        Some(Scanner {
            nfa,
            dfa: std::sync::OnceLock::new(),
            literals: std::sync::Mutex::new(literals),
            scanned: std::sync::atomic::AtomicUsize::new(0),
            budget,
        })
    }

    /// The automaton to scan `len` bytes with: the DFA once it is built.
    fn automaton(&self, len: usize) -> &AhoCorasick {
        use std::sync::atomic::Ordering::Relaxed;
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        let before = self.scanned.fetch_add(len, Relaxed);
        // Only the thread that crosses the budget builds it.
        if before < self.budget.max(1) && before.saturating_add(len) >= self.budget {
            let literals =
                std::mem::take(&mut *self.literals.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
            let dfa = AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(&literals);
            // Were it to fail (it does not, with fewer literals than the NFA allows), the NFA
            // scans on.
            if let Ok(dfa) = dfa {
                return self.dfa.get_or_init(|| dfa);
            }
        }
        &self.nfa
    }
}

/// `text` contains the Kelvin sign or the long s: found from their first bytes (one pass),
/// without two substring searches per post.
fn has_kelvin_or_long_s(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xC5, b)
        .any(|i| b[i..].starts_with("\u{212A}".as_bytes()) || b[i..].starts_with("\u{017F}".as_bytes()))
}

/// Whether a post has a word character beyond [`KEPT`] ([`has_word_beyond`]), looked for
/// the first time a pattern with classes cut down to them runs on it.
struct Beyond<'a> {
    text: &'a str,
    found: Option<bool>,
}

impl Beyond<'_> {
    /// `ascii`: `text` is ASCII (then it has none).
    fn new(text: &str, ascii: bool) -> Beyond<'_> {
        Beyond { text, found: ascii.then_some(false) }
    }

    fn get(&mut self) -> bool {
        *self.found.get_or_insert_with(|| has_word_beyond(self.text))
    }
}

/// What [`Patterns::for_each_match`] keeps per thread between posts.
#[derive(Default)]
struct Scratch {
    starts: Vec<(usize, usize)>,
    /// One entry per pattern, None between posts.
    suffixed: Vec<Option<(usize, usize)>>,
    candidates: Vec<usize>,
    /// The post case-folded.
    folded: Vec<u8>,
}

impl Scratch {
    const fn new() -> Scratch {
        Scratch { starts: Vec::new(), suffixed: Vec::new(), candidates: Vec::new(), folded: Vec::new() }
    }
}

/// The characters with a case variant (by simple case folding, as a case-insensitive regex
/// matches) shorter in UTF-8 than themselves, sorted: a post is folded in place, byte for
/// byte, so these are not folded, and a post with one runs every pattern. A test checks
/// the list against every character.
const SHORTER_VARIANT: [char; 38] = [
    '\u{017F}', '\u{1C80}', '\u{1C81}', '\u{1C82}', '\u{1C83}', '\u{1C84}', '\u{1C85}', '\u{1C86}', '\u{1C87}',
    '\u{1E9E}', '\u{1FBE}', '\u{1FD3}', '\u{1FE3}', '\u{2126}', '\u{212A}', '\u{212B}', '\u{2C62}', '\u{2C64}',
    '\u{2C65}', '\u{2C66}', '\u{2C6D}', '\u{2C6E}', '\u{2C6F}', '\u{2C70}', '\u{2C7E}', '\u{2C7F}', '\u{A78D}',
    '\u{A7AA}', '\u{A7AB}', '\u{A7AC}', '\u{A7AD}', '\u{A7AE}', '\u{A7B0}', '\u{A7B1}', '\u{A7B2}', '\u{A7C5}',
    '\u{A7CB}', '\u{A7DC}',
];

/// For each two-byte character (U+0080 to U+07FF), the least of its case variants that is
/// two bytes long too; 0 for the long s, which has a one-byte variant.
static FOLD2: std::sync::LazyLock<Box<[u16]>> = std::sync::LazyLock::new(|| {
    (0x80..0x800u32)
        .filter_map(char::from_u32)
        .map(|c| match c {
            '\u{017F}' => 0,
            c => case_variants(c).into_iter().filter(|v| v.len_utf8() == 2).min().unwrap_or(c) as u16,
        })
        .collect()
});

/// `c` as the prefilter's literals and folded posts have it: a two-byte character as the
/// least two-byte member of its case variants; others (ASCII, which is put in lower case
/// apart, and longer ones) as they are.
fn fold_char(c: char) -> char {
    match c as u32 {
        cp @ 0x80..0x800 => char::from_u32(u32::from(FOLD2[cp as usize - 0x80])).filter(|&r| r != '\0').unwrap_or(c),
        _ => c,
    }
}

/// Writes `bytes` into `out` with ASCII letters in lower case, as the prefilter's literals
/// are.
fn lower_into(bytes: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(bytes);
    // In place, many bytes at a time (mapped as they were copied, a byte at a time, this
    // took 3 instructions a byte).
    out.make_ascii_lowercase();
}

/// Writes `text` into `out` with each two-byte character folded ([`fold_char`]) and ASCII
/// letters in lower case, byte offsets unchanged; false (and `out` unfinished) when `text` has a character of
/// [`SHORTER_VARIANT`]. `wide`, when given, is set when `text` has a decimal digit beyond
/// ASCII.
fn fold_into(text: &str, mut wide: Option<&mut bool>, out: &mut Vec<u8>) -> bool {
    let table = &**FOLD2;
    let b = text.as_bytes();
    out.clear();
    out.reserve(b.len());
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        match lead {
            0..0x80 => {
                // A run of ASCII at once.
                let run = b[i..].iter().position(|x| !x.is_ascii()).unwrap_or(b.len() - i);
                out.extend_from_slice(&b[i..i + run]);
                i += run;
            }
            0xC0..0xE0 => {
                let cp = (usize::from(lead & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
                let folded = table[cp - 0x80];
                if folded == 0 {
                    return false;
                }
                // The first digit beyond ASCII is U+0660: Latin, Greek and Cyrillic letters
                // are not looked up.
                if let Some(wide) = wide.as_deref_mut()
                    && cp >= 0x660
                {
                    *wide |= char::from_u32(cp as u32).is_some_and(is_wide_digit);
                }
                out.extend_from_slice(&[0xC0 | (folded >> 6) as u8, 0x80 | (folded & 0x3F) as u8]);
                i += 2;
            }
            _ => {
                let len = if lead < 0xF0 { 3 } else { 4 };
                if matches!(lead, 0xE1 | 0xE2 | 0xEA)
                    && text[i..].chars().next().is_some_and(|c| SHORTER_VARIANT.binary_search(&c).is_ok())
                {
                    return false;
                }
                if let Some(wide) = wide.as_deref_mut() {
                    *wide |= if len == 3 {
                        let cp =
                            u32::from(lead & 0x0F) << 12 | u32::from(b[i + 1] & 0x3F) << 6 | u32::from(b[i + 2] & 0x3F);
                        char::from_u32(cp).is_some_and(is_wide_digit)
                    } else {
                        text[i..].chars().next().is_some_and(is_wide_digit)
                    };
                }
                out.extend_from_slice(&b[i..i + len]);
                i += len;
            }
        }
    }
    // ASCII letters in lower case, as the literals are, in one pass over the whole post
    // (the bytes of longer characters are not ASCII letters).
    out.make_ascii_lowercase();
    true
}

impl Patterns {
    /// What [`Patterns::for_each_match`] gives, by running every pattern (or each of its
    /// branches) on the whole post.
    pub fn for_each_match_unfiltered(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        let mut best: Option<(usize, usize)> = None;
        let mut beyond = Beyond::new(text, text.is_ascii());
        for (p, pattern) in self.patterns.iter().enumerate() {
            if let Some(m) = self.engine(p, &mut beyond).and_then(|(e, hir)| e.find(hir, text))
                && best.is_none_or(|b| m.0 < b.0)
            {
                best = Some(m);
            }
            let last_of_group = self.patterns.get(p + 1).is_none_or(|q| q.group != pattern.group);
            if last_of_group && let Some((start, end)) = best.take() {
                f(pattern.cue, start, end);
            }
        }
    }
}

/// A set of literal strings.
type Literals = Vec<Vec<u8>>;

/// One pattern (or one branch of it) as it is run, with its literals.
struct Unit {
    hir: Hir,
    /// The literals every match starts with, if there is a finite set of them.
    prefixes: Option<Vec<Vec<u8>>>,
    /// The literals every match ends with, if there is a finite set of them.
    suffixes: Option<Vec<Vec<u8>>>,
    /// Without prefixes or suffixes: literals of which every match contains one.
    inner: Option<Vec<Vec<u8>>>,
    /// Every match starts with `\b`.
    boundary: bool,
    /// Its literals were taken with `\d` as ASCII digits ([`ascii_digits`]).
    ascii_digits: bool,
}

/// Why the pattern `source` does not compile as it is run (each unit, whole and with its
/// classes cut down, [`narrowed`]), if it does not.
fn compile(source: &str) -> Result<(), String> {
    for unit in units(source, None)? {
        Engine::new(&unit.hir, unit.prefixes.is_some())?;
        if let Some(narrowed) = narrowed(&unit.hir) {
            Engine::new(&narrowed, unit.prefixes.is_some())?;
        }
    }
    Ok(())
}

/// The pattern `source` as it is run: whole, or its branches when it is an alternation
/// without literal prefixes as a whole and some branch has them. `parsed`: `source` parsed
/// already, with what [`case_sensitive`] reads.
fn units(source: &str, parsed: Option<(Hir, Option<Hir>)>) -> Result<Vec<Unit>, String> {
    let parse = |s: &str| regex_syntax::ParserBuilder::new().build().parse(s).ok();
    let Some((hir, folded)) = parsed.or_else(|| Some((parse(source)?, case_sensitive(source).and_then(parse)))) else {
        // Checked when the rules load; the regex crate says why.
        return Err(Regex::new(source).err().map_or_else(|| "does not parse".to_string(), |e| e.to_string()));
    };
    // Where a pattern as it is gives no literals, they are taken with `\d` as the ASCII
    // digits ([`ascii_digits`]; true then); it runs whole on a post with other digits.
    let with_digits = |h: &Hir, f: Option<&Hir>, take: &dyn Fn(&Hir, Option<&Hir>) -> Option<Literals>| {
        if let Some(lits) = take(h, f) {
            return Some((lits, false));
        }
        let (narrowed_h, narrowed_f) = (ascii_digits(h), f.and_then(ascii_digits));
        if narrowed_h.is_none() && narrowed_f.is_none() {
            return None;
        }
        // Not where the digits multiply the literals (`code\s*\d{3,}`: a thousand).
        take(narrowed_h.as_ref().unwrap_or(h), narrowed_f.as_ref().or(f))
            .filter(|lits| lits.len() <= MAX_DIGIT_LITERALS)
            .map(|lits| (lits, true))
    };
    let extract = |h: &Hir, f: Option<&Hir>, kind: ExtractKind| {
        let take = |h: &Hir, f: Option<&Hir>| {
            f.and_then(|f| folded_literals(f, kind.clone())).or_else(|| literals(h, kind.clone()))
        };
        with_digits(h, f, &take)
    };
    let unit = |h: Hir, f: Option<&Hir>, prefixes: Option<(Vec<Vec<u8>>, bool)>| {
        let suffixes = extract(&h, f, ExtractKind::Suffix);
        let inner = if prefixes.is_none() && suffixes.is_none() { with_digits(&h, f, &inner_literals) } else { None };
        let boundary = prefixes.is_some() && starts_with_boundary(&h);
        let ascii_digits = [&prefixes, &suffixes, &inner].iter().any(|l| l.as_ref().is_some_and(|l| l.1));
        let lits = |l: Option<(Vec<Vec<u8>>, bool)>| l.map(|l| l.0);
        Unit { hir: h, suffixes: lits(suffixes), inner: lits(inner), boundary, prefixes: lits(prefixes), ascii_digits }
    };
    let prefixes = extract(&hir, folded.as_ref(), ExtractKind::Prefix);
    if prefixes.is_some() {
        return Ok(vec![unit(hir, folded.as_ref(), prefixes)]);
    }
    let Some(branches) = top_branches(&hir) else {
        return Ok(vec![unit(hir, folded.as_ref(), None)]);
    };
    let folded_branches = match folded.as_ref().map(top_branches) {
        Some(Some(f)) if f.len() == branches.len() => Some(f),
        None => None,
        // Read case-sensitively, the pattern splits otherwise: it is not split.
        Some(_) => return Ok(vec![unit(hir, folded.as_ref(), None)]),
    };
    let branch_prefixes: Vec<Option<(Vec<Vec<u8>>, bool)>> = branches
        .iter()
        .enumerate()
        .map(|(i, b)| extract(b, folded_branches.as_ref().map(|f| &f[i]), ExtractKind::Prefix))
        .collect();
    if branch_prefixes.iter().all(Option::is_none) {
        return Ok(vec![unit(hir, folded.as_ref(), None)]);
    }
    Ok(branches
        .into_iter()
        .zip(branch_prefixes)
        .enumerate()
        .map(|(i, (branch, prefixes))| unit(branch, folded_branches.as_ref().map(|f| &f[i]), prefixes))
        .collect())
}

/// How a unit is matched.
#[derive(Debug)]
enum Engine {
    /// Only where one of its prefixes occurs, anchored there.
    Anchored(Box<AnchoredRegex>),
    /// Anywhere in the post.
    Search(Regex),
}

impl Engine {
    /// `anchored`: run only where a prefix occurs.
    fn new(hir: &Hir, anchored: bool) -> Result<Engine, String> {
        if anchored {
            AnchoredRegex::new(hir).map(|re| Engine::Anchored(Box::new(re)))
        } else {
            meta::Builder::new().build_from_hir(hir).map(Engine::Search).map_err(|e| e.to_string())
        }
    }

    /// The leftmost match in `text`, (start, end); `hir` is what the engine was compiled
    /// from.
    fn find(&self, hir: &Hir, text: &str) -> Option<(usize, usize)> {
        let whole = match self {
            Engine::Search(re) => re,
            // Rarely searched whole (a post the prefilter cannot scan): the search machinery
            // is built then, the first time. Trying every place of a long post anchored
            // took millions of instructions a pattern.
            Engine::Anchored(re) => match re.whole.get_or_init(|| meta::Builder::new().build_from_hir(hir).ok()) {
                Some(whole) => whole,
                None => {
                    let mut at = 0;
                    return loop {
                        if let Some(end) = re.match_at(text, at, text.len()) {
                            break Some((at, end));
                        }
                        at += text[at..].chars().next()?.len_utf8();
                    };
                }
            },
        };
        whole.find(text).map(|m| (m.start(), m.end()))
    }
}

/// A regex run only anchored at a given place: the forward automata alone. The regex
/// crate's meta regex also builds a reverse automaton, a one-pass DFA and a prefilter for
/// searching, which anchored matching never uses, and building them was most of the cost
/// of compiling the rules' patterns.
struct AnchoredRegex {
    /// The lazy DFA; it gives up on non-ASCII text next to a Unicode `\b`.
    dfa: Option<DFA>,
    /// The pattern has a Unicode `\b`: the lazy DFA gives up on any non-ASCII byte it reads.
    word_unicode: bool,
    pikevm: PikeVM,
    /// Each thread's own: regex_automata's `Pool` takes a lock for every thread but the
    /// first to use it, and the second scoring thread took it on every try (36 M
    /// instructions on the 140,853 mixed posts).
    caches: thread_local::ThreadLocal<RefCell<Caches>>,
    /// The longest a match can be, in bytes: no search looks further.
    max_len: Option<usize>,
    /// The regex crate's search of the whole pattern, built the first time a post is
    /// searched whole ([`Engine::find`]); none when it does not build.
    whole: std::sync::OnceLock<Option<Regex>>,
}

struct Caches {
    dfa: Option<lazy::Cache>,
    /// Made when the PikeVM first runs: its cache is sized by the automaton (tens of
    /// kilobytes for a Unicode `\w`), per pattern and thread, and most patterns never
    /// need it.
    pikevm: Option<pikevm::Cache>,
}

impl std::fmt::Debug for AnchoredRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnchoredRegex").field("max_len", &self.max_len).finish_non_exhaustive()
    }
}

impl AnchoredRegex {
    fn new(hir: &Hir) -> Result<AnchoredRegex, String> {
        // One compiler per thread: each keeps a table of 10,000 entries (400 KB) for the
        // UTF-8 automata of Unicode classes, made on its first class and only marked
        // empty for the next pattern.
        thread_local! {
            static COMPILER: thompson::Compiler = {
                let mut compiler = thompson::Compiler::new();
                compiler.configure(
                    thompson::Config::new()
                        .which_captures(WhichCaptures::Implicit)
                        // The regex crate's limit: a pattern too large fails, named by
                        // `repwatch check-config`, rather than taking the memory.
                        .nfa_size_limit(meta::Regex::config().get_nfa_size_limit()),
                );
                compiler
            };
        }
        let nfa: NFA = COMPILER.with(|c| c.build_from_hir(hir).map_err(|e| e.to_string()))?;
        let dfa = DFA::builder().configure(DFA::config().unicode_word_boundary(true)).build_from_nfa(nfa.clone()).ok();
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let word_unicode = hir.properties().look_set().contains_word_unicode();
        Ok(AnchoredRegex {
            dfa,
            pikevm,
            caches: thread_local::ThreadLocal::new(),
            max_len: hir.properties().maximum_len(),
            word_unicode,
            whole: std::sync::OnceLock::new(),
        })
    }

    /// The end of the match that starts at byte `at` of `text`, if one does (the
    /// leftmost-first match, as a search of the whole text would report it).
    /// No match ends after `limit`.
    fn match_at(&self, text: &str, at: usize, limit: usize) -> Option<usize> {
        let end = self.max_len.map_or(limit, |m| limit.min(at.saturating_add(m)));
        if end < at {
            return None;
        }
        // Look-around (`\b`) still sees the text outside the span.
        let input = Input::new(text).span(at..end).anchored(Anchored::Yes);
        let caches =
            self.caches.get_or(|| RefCell::new(Caches { dfa: self.dfa.as_ref().map(DFA::create_cache), pikevm: None }));
        let mut caches = caches.borrow_mut();
        if !self.dfa_gives_up(text, at)
            && let (Some(dfa), Some(cache)) = (&self.dfa, caches.dfa.as_mut())
            && let Ok(found) = dfa.try_search_fwd(cache, &input)
        {
            return found.map(|m| m.offset());
        }
        let mut slots = [None, None];
        let cache = caches.pikevm.get_or_insert_with(|| self.pikevm.create_cache());
        self.pikevm.search_slots(cache, &input, &mut slots).and(slots[1]).map(|s| s.get())
    }

    /// The lazy DFA reads the byte before `at` (for `\b`) and the byte at it first: when
    /// either is non-ASCII next to a Unicode `\b`, it gives up at once, and the PikeVM is
    /// asked straight away.
    fn dfa_gives_up(&self, text: &str, at: usize) -> bool {
        let bytes = text.as_bytes();
        self.word_unicode
            && (bytes.get(at).is_some_and(|b| !b.is_ascii()) || at.checked_sub(1).is_some_and(|p| !bytes[p].is_ascii()))
    }
}

/// `hir` with the decimal digits beyond ASCII taken out of each class that has nothing
/// else beyond ASCII, so that `\d` is `[0-9]`; none when there is no such class. Its
/// literals are those of a post without such digits; [`Patterns::for_each_match`] runs
/// the pattern whole on a post with one. Taken as it is, `\d` (680 characters) gave no
/// literals, and a pattern with a branch like `\d+th` was searched from the start of
/// every post its suffixes were in.
fn ascii_digits(hir: &Hir) -> Option<Hir> {
    map_classes(hir, &|class| {
        let mut beyond = class.ranges().iter().filter(|r| !r.end().is_ascii()).peekable();
        beyond.peek()?;
        let ranges = WIDE_DIGITS.ranges();
        for r in beyond {
            let start = r.start().max('\u{80}');
            let at = ranges.partition_point(|d| d.end() < start);
            if !ranges.get(at).is_some_and(|d| d.start() <= start && r.end() <= d.end()) {
                return None;
            }
        }
        let mut narrowed = class.clone();
        narrowed.difference(&WIDE_DIGITS);
        Some(narrowed)
    })
}

/// `hir` with each Unicode class replaced by what `f` makes of it; none when `f` makes
/// nothing of any.
fn map_classes(hir: &Hir, f: &dyn Fn(&ClassUnicode) -> Option<ClassUnicode>) -> Option<Hir> {
    use regex_syntax::hir::{Capture, Class, Repetition};
    let each = |parts: &[Hir], make: fn(Vec<Hir>) -> Hir| {
        let mapped: Vec<Option<Hir>> = parts.iter().map(|p| map_classes(p, f)).collect();
        if mapped.iter().all(Option::is_none) {
            return None;
        }
        Some(make(mapped.into_iter().zip(parts).map(|(m, p)| m.unwrap_or_else(|| p.clone())).collect()))
    };
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => f(class).map(|c| Hir::class(Class::Unicode(c))),
        HirKind::Concat(parts) => each(parts, Hir::concat),
        HirKind::Alternation(alts) => each(alts, Hir::alternation),
        HirKind::Repetition(r) => map_classes(&r.sub, f)
            .map(|sub| Hir::repetition(Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(sub) })),
        HirKind::Capture(c) => map_classes(&c.sub, f)
            .map(|sub| Hir::capture(Capture { index: c.index, name: c.name.clone(), sub: Box::new(sub) })),
        _ => None,
    }
}

/// The characters the classes of the compiled patterns keep ([`narrowed`]): those below
/// U+0800 (Latin, Greek, Cyrillic, Arabic …), Tamil, General Punctuation (the zero-width
/// joiner of emoji), the combining marks for symbols (keycaps), the Arabic presentation
/// forms with the variation selectors (emoji) between them. Of the 140,853 mixed posts,
/// 75 have a word character beyond them.
const KEPT: [(char, char); 5] = [
    ('\0', '\u{7FF}'),
    ('\u{B80}', '\u{BFF}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20D0}', '\u{20FF}'),
    ('\u{FB50}', '\u{FEFF}'),
];

/// `hir` with each class that reaches beyond [`KEPT`] only with word characters cut down
/// to [`KEPT`]; none when there is no such class. It finds the same matches as `hir` in a
/// text without word characters beyond [`KEPT`] ([`has_word_beyond`]): in such a text,
/// every character a class matches is one it keeps, and it matches the characters it
/// keeps as before; look-around (`\b`) is not a class and sees the text as it is.
/// Compiling Unicode `\w` (796 ranges of characters, a UTF-8 automaton of hundreds of
/// states) was most of the time it took to compile the patterns; cut down, it is 76
/// ranges.
fn narrowed(hir: &Hir) -> Option<Hir> {
    // KEPT and the word characters, and KEPT as a class.
    static CLASSES: std::sync::LazyLock<(ClassUnicode, ClassUnicode)> = std::sync::LazyLock::new(|| {
        let kept = ClassUnicode::new(KEPT.map(|(start, end)| ClassUnicodeRange::new(start, end)));
        let mut allowed = match regex_syntax::parse(r"\w").map(Hir::into_kind) {
            Ok(HirKind::Class(regex_syntax::hir::Class::Unicode(word))) => word,
            // It is; were it not, only classes within KEPT would be left, as they are.
            _ => ClassUnicode::empty(),
        };
        allowed.union(&kept);
        (allowed, kept)
    });
    // The classes cut down lately: the same ones (`\w`) come again and again, and cutting
    // one down takes tens of thousands of instructions.
    thread_local! {
        static CUT: std::cell::RefCell<Vec<(ClassUnicode, Option<ClassUnicode>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    map_classes(hir, &|class| {
        let ranges = class.ranges();
        // Only where it pays: a class of a few ranges beyond U+07FF (the Kelvin sign of
        // `(?i)k`) compiles cheaply, and the HIR is rebuilt around each class cut down.
        if ranges.len() - ranges.partition_point(|r| r.end() <= KEPT[0].1) < MIN_CUT {
            return None;
        }
        CUT.with_borrow_mut(|cut| {
            if let Some((_, narrowed)) = cut.iter().find(|(c, _)| c == class) {
                return narrowed.clone();
            }
            let (allowed, kept) = &*CLASSES;
            let mut outside = class.clone();
            outside.difference(allowed);
            let narrowed = outside.ranges().is_empty().then(|| {
                let mut narrowed = class.clone();
                narrowed.intersect(kept);
                narrowed
            });
            if cut.len() == 8 {
                cut.clear();
            }
            cut.push((class.clone(), narrowed.clone()));
            narrowed
        })
    })
}

/// The fewest ranges beyond U+07FF a class has for [`narrowed`] to cut it down.
const MIN_CUT: usize = 16;

/// A word character beyond [`KEPT`].
fn is_word_beyond(c: char) -> bool {
    !KEPT.iter().any(|&(start, end)| start <= c && c <= end) && regex_syntax::is_word_character(c)
}

/// `text` has a word character beyond [`KEPT`]: its patterns run as compiled from their
/// classes as they are. Only characters of three bytes or more are decoded.
fn has_word_beyond(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&x| x >= 0xE0) {
        i += at;
        let Some(c) = text[i..].chars().next() else { break };
        if is_word_beyond(c) {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// The most literals a pattern's set may have when taken with `\d` as the ASCII digits.
const MAX_DIGIT_LITERALS: usize = 256;

/// The decimal digits beyond ASCII: Unicode `\d` without 0-9.
static WIDE_DIGITS: std::sync::LazyLock<ClassUnicode> = std::sync::LazyLock::new(|| {
    use regex_syntax::hir::Class;
    let mut digits = match regex_syntax::parse(r"\d").map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(digits))) => digits,
        // It is; were it not, nothing would be taken out, and nothing would be wide.
        _ => ClassUnicode::empty(),
    };
    digits.difference(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
    digits
});

/// `c` is a decimal digit beyond ASCII ([`WIDE_DIGITS`]); in the Basic Multilingual Plane,
/// from a table of a bit a character, made once.
fn is_wide_digit(c: char) -> bool {
    static BMP: std::sync::LazyLock<Box<[u64]>> = std::sync::LazyLock::new(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        for r in WIDE_DIGITS.ranges().iter().filter(|r| u32::from(r.start()) < 0x10000) {
            for cp in u32::from(r.start())..=u32::from(r.end()).min(0xFFFF) {
                bits[cp as usize / 64] |= 1 << (cp % 64);
            }
        }
        bits.into()
    });
    match c as usize {
        cp @ 0..0x10000 => BMP[cp / 64] >> (cp % 64) & 1 == 1,
        _ => WIDE_DIGITS.ranges().iter().any(|r| r.start() <= c && c <= r.end()),
    }
}

/// The branches of a pattern that is an alternation, in order; none otherwise. The parser
/// moves what all branches start with out of them (`\b(a…|b…)`): such a start is put back
/// into each branch when it offers no choices (word boundaries, literals, single classes),
/// so that the branches are tried in the same order; what follows the alternation is put
/// back into each branch as it is.
fn top_branches(hir: &Hir) -> Option<Vec<Hir>> {
    match hir.kind() {
        HirKind::Capture(c) => top_branches(&c.sub),
        HirKind::Alternation(alts) => Some(alts.clone()),
        HirKind::Concat(parts) => {
            let fixed = |h: &Hir| matches!(h.kind(), HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_));
            let k = parts.iter().position(|p| !fixed(p))?;
            let (before, after) = (&parts[..k], &parts[k + 1..]);
            let branches = top_branches(&parts[k])?.into_iter();
            Some(
                branches
                    .map(|b| Hir::concat(before.iter().cloned().chain([b]).chain(after.iter().cloned()).collect()))
                    .collect(),
            )
        }
        _ => None,
    }
}

/// Literals of which every match of `hir` contains one: the prefixes of one of the parts
/// it is a sequence of, the part whose shortest literal is longest (at least three bytes,
/// or the literals would be found in nearly every post). `folded` is `hir` read
/// case-sensitively (see [`folded_literals`]).
fn inner_literals(hir: &Hir, folded: Option<&Hir>) -> Option<Vec<Vec<u8>>> {
    fn parts(hir: &Hir) -> Vec<&Hir> {
        match hir.kind() {
            HirKind::Capture(c) => parts(&c.sub),
            HirKind::Concat(parts) => parts.iter().collect(),
            _ => vec![hir],
        }
    }
    let lits = |part: &Hir| match folded {
        Some(_) => folded_literals(part, ExtractKind::Prefix),
        None => literals(part, ExtractKind::Prefix),
    };
    parts(folded.unwrap_or(hir))
        .into_iter()
        .filter_map(lits)
        .map(|l| (l.iter().map(Vec::len).min().unwrap_or(0), l))
        .filter(|(shortest, _)| *shortest >= 3)
        .max_by_key(|(shortest, _)| *shortest)
        .map(|(_, l)| l)
}

/// Unicode `\b` at byte `at` of `text`: a word character on one side only. Between two
/// ASCII bytes (or an end), inline and without decoding.
#[inline]
fn is_word_boundary(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let before = at.checked_sub(1).map_or(b' ', |p| bytes[p]);
    let after = bytes.get(at).copied().unwrap_or(b' ');
    if before.is_ascii() && after.is_ascii() {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        return word(before) != word(after);
    }
    is_word_boundary_beyond_ascii(text, at)
}

/// [`is_word_boundary`] next to a character beyond ASCII.
#[inline(never)]
fn is_word_boundary_beyond_ascii(text: &str, at: usize) -> bool {
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

/// The prefixes (or suffixes) of a case-insensitive pattern (`(?i)…`, no other flags),
/// as the literals of the same pattern read case-sensitively, with every case variant of
/// their non-ASCII letters (ASCII letters in lower case, as the prefilter matches them).
/// Extracted case-insensitively, a pattern of thirty words has thousands of variants, more
/// than the extractor keeps: it cut them to a letter or two, and nearly every word was a
/// candidate. A literal is cut (at its end for prefixes, at its start for suffixes) where
/// its variants would pass 64. `None` when not such a pattern.
fn folded_literals(hir: &Hir, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let suffix = matches!(kind, ExtractKind::Suffix);
    let mut extractor = Extractor::new();
    extractor.kind(kind).limit_total(4096);
    let seq = extractor.extract(hir);
    let mut out = Vec::new();
    for lit in seq.literals()? {
        let text = utf8_part(lit.as_bytes(), suffix)?;
        if text.is_empty() {
            return None;
        }
        // Most literals are ASCII: one variant, in lower case.
        if text.is_ascii() {
            out.push(text.to_ascii_lowercase().into_bytes());
            continue;
        }
        // A suffix is cut at its start: its variants are built backwards, then reversed.
        // Each character is pushed onto each variant, mostly the one folded member of its
        // case: a string made anew for each (with `format!`) was most of the time taken.
        let mut variants = vec![String::new()];
        let chars: Vec<char> = if suffix { text.chars().rev().collect() } else { text.chars().collect() };
        for c in chars {
            let members = if c.is_ascii() {
                vec![c.to_ascii_lowercase()]
            } else {
                // As a folded post has them: a post with one of SHORTER_VARIANT is not scanned.
                let mut m: Vec<char> = case_variants(c)
                    .into_iter()
                    .filter(|v| SHORTER_VARIANT.binary_search(v).is_err())
                    .map(|v| if v.is_ascii() { v.to_ascii_lowercase() } else { fold_char(v) })
                    .collect();
                m.sort_unstable();
                m.dedup();
                m
            };
            if variants.len() * members.len() > 64 {
                break;
            }
            if let [m] = members[..] {
                variants.iter_mut().for_each(|v| v.push(m));
                continue;
            }
            variants = variants
                .iter()
                .flat_map(|v| {
                    members.iter().map(move |&m| {
                        let mut v = v.clone();
                        v.push(m);
                        v
                    })
                })
                .collect();
        }
        if variants[0].is_empty() {
            return None;
        }
        let reversed = |v: String| if suffix { v.chars().rev().collect() } else { v };
        out.extend(variants.into_iter().map(|v| reversed(v).into_bytes()));
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// The whole characters of a literal the extractor may have cut inside one: the valid
/// start of a prefix, the valid end of a suffix.
fn utf8_part(bytes: &[u8], suffix: bool) -> Option<&str> {
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Some(t);
    }
    if !suffix {
        let e = std::str::from_utf8(bytes).err()?;
        return std::str::from_utf8(&bytes[..e.valid_up_to()]).ok();
    }
    (1..bytes.len()).find_map(|i| std::str::from_utf8(&bytes[i..]).ok())
}

/// Every character a case-insensitive regex matches for `c` (its simple case folding).
fn case_variants(c: char) -> Vec<char> {
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class.iter().flat_map(|r| r.start()..=r.end()).collect()
}

/// The literal strings every match of `hir` starts (or ends) with, when there is a finite
/// set of them and none is empty.
fn literals(hir: &Hir, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let suffix = matches!(kind, ExtractKind::Suffix);
    let mut extractor = Extractor::new();
    extractor.kind(kind);
    let seq = extractor.extract(hir);
    let mut out = Vec::new();
    for lit in seq.literals()? {
        // Folded as posts are scanned; a character the extractor cut is left out.
        let text = utf8_part(lit.as_bytes(), suffix)?;
        if text.is_empty() {
            return None;
        }
        out.push(text.chars().map(fold_char).collect::<String>().into_bytes());
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern, run alone on every text, and through the prefilter, agree.
    fn check(patterns: &[&str], texts: &[&str]) {
        let compiled: Vec<(regex::Regex, usize)> =
            patterns.iter().enumerate().map(|(i, p)| (regex::Regex::new(p).expect("valid"), i * 10)).collect();
        let (index, failed) = Patterns::new(patterns.iter().enumerate().map(|(i, p)| (*p, i * 10)));
        assert!(failed.is_empty(), "{failed:?}");
        let with_dfa = with_dfa_at_once(Patterns::new(patterns.iter().enumerate().map(|(i, p)| (*p, i * 10))).0);
        for text in texts {
            let mut got = Vec::new();
            index.for_each_match(text, |cue, s, e| got.push((cue, s, e)));
            let mut by_dfa = Vec::new();
            with_dfa.for_each_match(text, |cue, s, e| by_dfa.push((cue, s, e)));
            assert_eq!(got, by_dfa, "the NFA and the DFA on {text:?}");
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
            r"(?i)\b(πότε|ποτε)\s+θα\b|\bπως\b",
            r"(?i)\b(is|are|was|were|been|being|went|goes|still|completely|totally|all|everything)\s+(down|offline)\b",
            r"(?i)(?-i:X)x|(?i:Y)y",
            r"(?i)(\d+|two|δύο)\s*(x|times|φορές)\s+(called|wrote|τηλεφώνησα)\w*",
            r"(?i)^\w+(\s+\w+)?\s+(launches|kutter\s+\d+)\b",
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
            "\u{212A}ako je, CHARGED ME TWICE, Charged Twice",
            "ΠΟΤΕ ΘΑ; πότε θα, Πότε θα — ΠΩΣ, πως, πωϛ",
            "3 times CALLED them, two x wrote, δύο ΦΟΡΈΣ ΤΗΛΕΦΏΝΗΣΑ, 5x calledback",
            "Acme Corp LAUNCHES a phone; Acme kutter 40 jobs; acme launches",
            "İs İS is down",
        ];
        check(&patterns, &texts);
    }

    proptest::proptest! {
        /// The ASCII shortcut of `\b` agrees with Unicode word characters.
        #[test]
        fn a_word_boundary_is_where_word_characters_start_or_end(text in "[a-zA-Z0-9_ .,'é€Ωω\u{300}-]{0,12}") {
            for at in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
                let word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
                let want = word(text[..at].chars().next_back()) != word(text[at..].chars().next());
                proptest::prop_assert_eq!(is_word_boundary(&text, at), want, "{:?} at {}", text, at);
            }
        }
    }

    #[test]
    fn the_lazy_dfa_is_passed_over_only_where_it_would_give_up() {
        let patterns =
            [r"(?i)\bδεν\s+(λειτουργεί|δουλεύει)", r"(?i)\b(не|нет)\b", r"(?i)\bcharged\s+twice\b", r"(?i)ok\b"];
        let texts = ["Δεν λειτουργεί", "x Не нет", "é charged twice", "charged twice", "oké ok", "ΔΕΝ"];
        let mut passed_over = 0;
        for p in patterns {
            let re = AnchoredRegex::new(&regex_syntax::parse(p).expect("valid")).expect("compiles");
            let dfa = re.dfa.as_ref().expect("a lazy DFA");
            let mut cache = dfa.create_cache();
            for text in texts {
                for at in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
                    let input = Input::new(text).span(at..text.len()).anchored(Anchored::Yes);
                    if re.dfa_gives_up(text, at) {
                        passed_over += 1;
                        assert!(dfa.try_search_fwd(&mut cache, &input).is_err(), "{p} on {text:?} at {at}");
                    }
                }
            }
        }
        assert!(passed_over > 20, "{passed_over}");
    }

    proptest::proptest! {
        #[test]
        fn the_kelvin_sign_and_the_long_s_are_found_as_by_a_search(text in "[a-k\u{212A}\u{212B}\u{017F}\u{017E}\u{E2}\u{C5}€ſ]{0,12}") {
            let want = text.contains('\u{212A}') || text.contains('\u{017F}');
            proptest::prop_assert_eq!(has_kelvin_or_long_s(&text), want);
        }
    }

    #[test]
    fn each_pattern_gets_the_cheapest_safe_filter() {
        let how = |p: &str| Patterns::new([(p, 0)]).0.patterns[0].how;
        assert_eq!(how(r"(?i)\bcharged\s+twice"), Filter::Prefix { boundary: true });
        assert_eq!(how(r"(\bpor\s*qu[eé]|\bcu[aá]ndo)"), Filter::Prefix { boundary: true });
        assert_eq!(how(r"(?i)charged|\btwice"), Filter::Prefix { boundary: false });
        assert_eq!(how(r"\w+\s*stars?"), Filter::Suffix);
        // Digits as ASCII digits: ten prefixes.
        assert_eq!(how(r"\d+\s*stars?"), Filter::Prefix { boundary: false });
        assert_eq!(how(r"(?i)\w+\s+\w+"), Filter::Always);
        // Neither prefixes nor suffixes, but every match contains "called" or "wrote".
        let gated = |p: &str| Patterns::new([(p, 0)]).0.patterns[0].gated;
        assert!(gated(r"(?i)(\w+|two)\s*(x|times)\s+(called|wrote)\w*"));
        assert!(!gated(r"(?i)\w+\s+\w+"));
        assert!(is_word_boundary("a cb", 2) && !is_word_boundary("acb", 1) && is_word_boundary("αβ", 0));
        assert!(!is_word_boundary("kαβ", 1) && !is_word_boundary("", 0));
    }

    #[test]
    fn the_characters_with_a_shorter_case_variant_are_listed() {
        let found: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| case_variants(*c).iter().any(|v| v.len_utf8() < c.len_utf8()))
            .collect();
        assert_eq!(found, SHORTER_VARIANT);
    }

    #[test]
    fn a_folded_post_keeps_its_offsets_and_folds_each_case_alike() {
        let mut out = Vec::new();
        for (a, b) in [("ΠΩΣ Σ ϖ", "πως ς π"), ("Не РАБОТАЕТ", "не работает"), ("ÜBER Ǆ", "über ǆ")]
        {
            assert!(fold_into(a, None, &mut out));
            let folded_a = out.clone();
            assert!(fold_into(b, None, &mut out));
            assert_eq!(folded_a.len(), a.len());
            assert_eq!(folded_a, out, "{a} {b}");
        }
        assert!(fold_into("ok €😀 ᲈ", None, &mut out) && out == "ok €😀 ᲈ".as_bytes());
        for odd in ["\u{212A}", "\u{017F}", "x ᲀ", "ẞ", "\u{A7DC}"] {
            assert!(!fold_into(odd, None, &mut out), "{odd}");
        }
    }

    /// `index` with its prefilter's DFA built on the first post, not its NFA scanning.
    fn with_dfa_at_once(mut index: Patterns) -> Patterns {
        if let Some(scanner) = &mut index.literals {
            scanner.budget = 0;
        }
        index
    }

    #[test]
    fn the_dfa_is_built_once_the_posts_scanned_pay_for_it() {
        let (index, _) = Patterns::new([(r"(?i)\bcharged\s+twice", 0), (r"\w+\s+down\b", 1)]);
        let scanner = index.literals.as_ref().expect("literals");
        let bytes: usize = scanner.literals.lock().expect("not poisoned").iter().map(Vec::len).sum();
        assert_eq!(scanner.budget, bytes * SCANNED_PER_LITERAL_BYTE);
        let post = "Charged twice, network down";
        let mut posts = 0;
        while scanner.dfa.get().is_none() {
            let mut got = Vec::new();
            index.for_each_match(post, |cue, s, e| got.push((cue, s, e)));
            assert_eq!(got, [(0, 0, 13), (1, 15, 27)]);
            posts += 1;
        }
        assert_eq!(posts, scanner.budget.div_ceil(post.len()));
        let mut got = Vec::new();
        index.for_each_match(post, |cue, s, e| got.push((cue, s, e)));
        assert_eq!(got, [(0, 0, 13), (1, 15, 27)]);
        assert!(scanner.literals.lock().expect("not poisoned").is_empty(), "the literals are dropped");
    }

    /// (cue, start, end) of each match.
    type Found = Vec<(usize, usize, usize)>;

    /// The matches of `patterns` (the cue is the index) on `text`, through the prefilter,
    /// and of each pattern alone.
    fn through_the_prefilter_and_alone(patterns: &[&str], text: &str) -> (Found, Found) {
        let compiled: Vec<regex::Regex> = patterns.iter().map(|p| regex::Regex::new(p).expect("valid")).collect();
        let (index, _) = Patterns::new(patterns.iter().enumerate().map(|(i, p)| (*p, i)));
        let mut got = Vec::new();
        index.for_each_match(text, |cue, s, e| got.push((cue, s, e)));
        let with_dfa = with_dfa_at_once(Patterns::new(patterns.iter().enumerate().map(|(i, p)| (*p, i))).0);
        let mut by_dfa = Vec::new();
        with_dfa.for_each_match(text, |cue, s, e| by_dfa.push((cue, s, e)));
        assert_eq!(got, by_dfa, "the NFA and the DFA on {text:?}");
        let want =
            compiled.iter().enumerate().filter_map(|(i, re)| re.find(text).map(|m| (i, m.start(), m.end()))).collect();
        (got, want)
    }

    proptest::proptest! {
        /// Any mix of cases of Greek, Cyrillic and Latin letters (with the variants that
        /// cannot be folded in place) finds what each pattern alone finds.
        #[test]
        fn posts_in_any_case_find_the_same_matches(text in "[νΝδΔεΕπΠϖσςΣτΤвВᲀдДтТᲄᲅоОᲂßẞsSſkK\u{212A}éÉ ]{0,16}") {
            let patterns = [
                r"(?i)\bδεν\s+π",
                r"(?i)σε\b",
                r"(?i)вот|дто",
                r"(?i)(оТ|ss)\s",
                r"(?i)é\w",
                r"Το|вВ",
                r"(?i)k(?-i:S)",
            ];
            let (got, want) = through_the_prefilter_and_alone(&patterns, &text);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn only_k_and_s_among_ascii_letters_fold_to_other_letters() {
        for c in ('a'..='z').chain('A'..='Z') {
            let beyond: Vec<char> = case_variants(c).into_iter().filter(|v| !v.is_ascii()).collect();
            let expected: &[char] = match c.to_ascii_lowercase() {
                'k' => &['\u{212A}'],
                's' => &['\u{017F}'],
                _ => &[],
            };
            assert_eq!(beyond, expected, "{c}");
        }
    }

    #[test]
    fn case_insensitive_patterns_get_whole_words_as_prefixes() {
        let folded_literals = |source: &str, kind| {
            let rest = source.strip_prefix("(?i)").filter(|r| !r.contains("(?"))?;
            super::folded_literals(&regex_syntax::ParserBuilder::new().build().parse(rest).ok()?, kind)
        };
        let lits = folded_literals(r"(?i)\b(is|are|everything)\s+down", ExtractKind::Prefix).expect("a (?i) pattern");
        assert_eq!(lits, vec![b"are".to_vec(), b"everything".to_vec(), b"is".to_vec()]);
        // Folded: one literal for every case, as a folded post has it.
        let greek = folded_literals(r"(?i)\bπως", ExtractKind::Prefix).expect("a (?i) pattern");
        assert_eq!(greek, vec!["ΠΩΣ".as_bytes().to_vec()]);
        assert_eq!(folded_literals(r"(?i)a(?-i)b", ExtractKind::Prefix), None);
        let ends = folded_literals(r"(?i)\b(is|are)\s+(down|κάτω)\b", ExtractKind::Suffix).expect("a (?i) pattern");
        assert_eq!(ends, vec![b"down".to_vec(), "ΚΆΤΩ".as_bytes().to_vec()]);
        assert_eq!(folded_literals(r"charged", ExtractKind::Prefix), None);
    }

    /// The shipped rules, through the prefilter, run unfiltered, and each pattern whole
    /// (by the regex crate), on the labelled posts (read from ../shared/eval when it is
    /// there): the same matches.
    #[test]
    fn the_prefilter_changes_no_match_of_the_shipped_rules() {
        let rules = crate::score::Rules::embedded();
        let mut whole: std::collections::HashMap<Option<crate::mention::Lang>, Vec<(regex::Regex, usize)>> =
            std::collections::HashMap::new();
        let mut n = 0;
        for v in crate::labelled_posts(300) {
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let lang = v.get("lang").and_then(|l| l.as_str()).and_then(crate::mention::Lang::from_code);
            for lang in [lang, Some(crate::mention::Lang::En)] {
                let patterns = rules.for_lang(lang).cue_patterns.get();
                let (mut got, mut want) = (Vec::new(), Vec::new());
                patterns.for_each_match(text, |c, s, e| got.push((c, s, e)));
                patterns.for_each_match_unfiltered(text, |c, s, e| want.push((c, s, e)));
                assert_eq!(got, want, "{lang:?} {text:?}");
                let regexes = whole.entry(lang).or_insert_with(|| {
                    let sources = &rules.for_lang(lang).cue_patterns.sources;
                    sources.iter().map(|(_, s, cue)| (regex::Regex::new(s).expect("compiles"), *cue)).collect()
                });
                let each: Vec<(usize, usize, usize)> =
                    regexes.iter().filter_map(|(re, cue)| re.find(text).map(|m| (*cue, m.start(), m.end()))).collect();
                assert_eq!(got, each, "{lang:?} {text:?}");
                n += 1;
            }
        }
        eprintln!("{n} posts checked");
    }

    #[test]
    fn alternations_without_prefixes_run_as_branches_with_the_same_matches() {
        let patterns = [
            r"(?i)\b(second|third)\s+(\w+\s+)?(time|day)\b|\w+\s+(calls|emails)\b[^.!?]{0,40}\b(no|never)\b|\b(called|emailed)\s+(\w+\s+)?\d+\s+times\b",
            r"\w*ing\s+\d+|\bwaiting\b|\d+\s+days",
            r"(\d+\s*%|\bhalf)\s+off",
            r"(?i)\w+\s+ikke\b|\d+\s+ganger",
        ];
        let (index, _) = Patterns::new(patterns.iter().map(|p| (*p, 0)));
        let groups: Vec<usize> = index.patterns.iter().map(|p| p.group).collect();
        // `(\d+\s*%|\bhalf)` has prefixes as a whole, with `\d` as the ASCII digits.
        assert_eq!(groups, [0, 0, 0, 1, 1, 1, 2, 3, 3], "split where a branch has prefixes, not otherwise");
        assert_eq!(index.patterns[1].how, Filter::Suffix, "'… calls … never' is gated by its ends");
        assert_eq!(index.patterns[2].how, Filter::Prefix { boundary: true });
        check(
            &patterns,
            &[
                "The THIRD time I called, 4 calls and never an answer",
                "I called them 5 times, 3 emails, no reply. Second day",
                "waiting 5 days",
                "still waiting, 5 days now, singing 3",
                "waiting",
                "20 % off and half off",
                "Ikke igjen, 3 ganger, det virker ikke",
                "ingenting",
            ],
        );
    }

    #[test]
    fn digits_are_taken_as_ascii_for_literals_and_other_digits_run_the_pattern_whole() {
        let patterns = [
            r"(?i)\b(second|third|\d+th)\s+(\w+\s+)?(time|day)\b",
            r"(?i)\b(\d+|two)\s+(days?|dager)\b",
            r"\b\d+\s*%",
            r"\d+ ?€",
            r"(?i)\b(error|code)\s*[:#]?\s*\d{3,}\b",
        ];
        let (index, _) = Patterns::new(patterns.iter().enumerate().map(|(i, p)| (*p, i)));
        let how: Vec<(Filter, bool)> = index.patterns.iter().map(|p| (p.how, p.ascii_digits)).collect();
        assert_eq!(
            how,
            [
                (Filter::Prefix { boundary: true }, true),
                (Filter::Prefix { boundary: true }, true),
                (Filter::Prefix { boundary: true }, true),
                (Filter::Prefix { boundary: false }, true),
                // As it is, with a thousand literals as digits: not taken so.
                (Filter::Prefix { boundary: true }, false),
            ]
        );
        check(
            &patterns,
            &[
                "the 4th outage time, 3 days, 50 %, 99 €, error 5003",
                "the ٤th outage time, ٣ days, ٥٠ %, ٩٩ €, error ٥٠٠٣",
                "the 4th time and the ௪th time; ௨ days; ２ dager",
                "١٠ days then 10 days, code: 404, 𝟒th day",
                "third day",
                "no digits at all, time day",
            ],
        );
        // `\w` and `\s` reach beyond ASCII with more than digits: left as they are.
        for p in [r"\w+", r"\s", r"[\d\w]"] {
            assert!(ascii_digits(&regex_syntax::parse(p).expect("valid")).is_none(), "{p}");
        }
        assert_eq!(ascii_digits(&regex_syntax::parse(r"\d").expect("valid")), regex_syntax::parse("[0-9]").ok());
    }

    #[test]
    fn wide_digits_are_the_decimal_digits_beyond_ascii() {
        let digit = regex::Regex::new(r"^\d$").expect("valid");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_wide_digit(c), !c.is_ascii() && digit.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
    }

    proptest::proptest! {
        /// Posts with digits of any script find what each pattern alone finds.
        #[test]
        fn digits_of_any_script_find_the_same_matches(text in "[0-9٠-٩௦-௯０-９thdays ]{0,16}") {
            let patterns = [r"(?i)\b(\d+th|one)\s+day", r"\b\d\d?\s*d", r"(?i)(\d+|a)\s+days?\b", r"\d\s*th"];
            let (got, want) = through_the_prefilter_and_alone(&patterns, &text);
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        /// Posts with or without word characters beyond KEPT (中, ర, the Kelvin sign, 𝐀),
        /// and with other characters beyond it (€, 😀, the ideographic space), find what
        /// each pattern alone finds: the classes cut down run only where they can.
        #[test]
        fn classes_cut_down_find_the_same_matches(text in "[a-cKk é Ωжاகﻟ中ర\u{212A}𝐀€😀\u{3000}\u{200D}\u{FE0F}’.]{0,14}") {
            let patterns = [
                r"(?i)\bk\w*",
                r"(?i)a\w+\s*\W",
                r"\w+\s+b",
                r"(?i)c[^a]{0,3}\b",
                r"\bé.\w",
                r"\w{2}",
            ];
            let (got, want) = through_the_prefilter_and_alone(&patterns, &text);
            proptest::prop_assert_eq!(got, want);
        }

        /// Cut down, a pattern finds what it finds whole (start, end and groups) in a text
        /// without word characters beyond KEPT.
        #[test]
        fn a_pattern_cut_down_matches_alike_where_no_word_character_is_beyond(text in "[a-cé Ωжاகﻟ€😀\u{3000}\u{200D}\u{FE0F}’.?]{0,14}") {
            proptest::prop_assert!(!has_word_beyond(&text));
            for p in [r"(?i)\b(\w+)\s*(\W)", r"[^?]{2,}(\w)", r"(?i)\w*c", r"\bé.\w"] {
                let hir = regex_syntax::parse(p).expect("valid");
                let cut = narrowed(&hir).expect("cut down");
                let (whole, cut) = (meta::Regex::builder().build_from_hir(&hir), meta::Regex::builder().build_from_hir(&cut));
                let (whole, cut) = (whole.expect("compiles"), cut.expect("compiles"));
                let (mut a, mut b) = (whole.create_captures(), cut.create_captures());
                for at in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
                    whole.search_captures(&Input::new(&text).span(at..text.len()), &mut a);
                    cut.search_captures(&Input::new(&text).span(at..text.len()), &mut b);
                    let spans = |c: &regex_automata::util::captures::Captures| (0..c.group_len()).map(|g| c.get_group(g)).collect::<Vec<_>>();
                    proptest::prop_assert_eq!(spans(&a), spans(&b), "{} at {}", p, at);
                }
            }
        }

        #[test]
        fn word_characters_beyond_kept_are_found_as_by_a_search(text in "[a-zé€Ωக中ర\u{212A}𝐀😀\u{3000}\u{FE0F}]{0,12}") {
            proptest::prop_assert_eq!(has_word_beyond(&text), text.chars().any(is_word_beyond));
        }
    }

    #[test]
    fn word_characters_beyond_kept_are_the_word_characters_beyond_kept() {
        let word = regex::Regex::new(r"^\w$").expect("valid");
        let kept = |c: char| KEPT.iter().any(|&(start, end)| start <= c && c <= end);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_beyond(c), !kept(c) && word.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
    }

    #[test]
    fn only_large_classes_reaching_beyond_kept_with_word_characters_are_cut_down() {
        let cut = |p: &str| narrowed(&regex_syntax::parse(p).expect("valid"));
        let word = cut(r"\w").expect("cut down");
        assert!(matches!(word.kind(), HirKind::Class(regex_syntax::hir::Class::Unicode(c)) if c.ranges().len() < 100));
        assert!(cut(r"(?i)x[\w-]+").is_some());
        // The Kelvin sign: one range, not worth it.
        assert!(cut(r"(?i)k").is_none());
        // Beyond KEPT with characters that are not word characters.
        for p in [r".", r"[^?]", r"\W", r"\s", r"[\w€]"] {
            assert!(cut(p).is_none(), "{p}");
        }
        let (index, _) = Patterns::new([(r"\bx\w+", 0), (r"\bx\s+", 0)]);
        index.for_each_match("xa x ", |_, _, _| {});
        let narrowed: Vec<bool> =
            index.patterns.iter().map(|p| p.narrowed.get().is_some_and(Option::is_some)).collect();
        assert_eq!(narrowed, [true, false]);
    }

    /// [`folded_literals`] as it was written first: each variant made anew with `format!`
    /// for each character.
    fn folded_literals_by_format(hir: &Hir, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
        let suffix = matches!(kind, ExtractKind::Suffix);
        let mut extractor = Extractor::new();
        extractor.kind(kind).limit_total(4096);
        let seq = extractor.extract(hir);
        let mut out = Vec::new();
        for lit in seq.literals()? {
            let text = utf8_part(lit.as_bytes(), suffix)?;
            let mut variants = vec![String::new()];
            let chars: Vec<char> = if suffix { text.chars().rev().collect() } else { text.chars().collect() };
            for c in chars {
                let members = if c.is_ascii() {
                    vec![c.to_ascii_lowercase()]
                } else {
                    let mut m: Vec<char> = case_variants(c)
                        .into_iter()
                        .filter(|v| SHORTER_VARIANT.binary_search(v).is_err())
                        .map(|v| if v.is_ascii() { v.to_ascii_lowercase() } else { fold_char(v) })
                        .collect();
                    m.sort_unstable();
                    m.dedup();
                    m
                };
                if variants.len() * members.len() > 64 {
                    break;
                }
                variants = variants
                    .iter()
                    .flat_map(|v| {
                        members.iter().map(move |m| if suffix { format!("{m}{v}") } else { format!("{v}{m}") })
                    })
                    .collect();
            }
            if variants[0].is_empty() {
                return None;
            }
            out.extend(variants.into_iter().map(String::into_bytes));
        }
        out.sort_unstable();
        out.dedup();
        (!out.is_empty()).then_some(out)
    }

    proptest::proptest! {
        /// The literals of case-insensitive words (some with letters of several folded
        /// members, like ß, or beyond two bytes) are those made the first way.
        #[test]
        fn folded_literals_are_as_made_with_format(words in proptest::collection::vec("[a-dsSkKéΣσςßẞǅ\u{1E9E}\u{212A}\u{0130}ffiſ]{0,7}", 1..4)) {
            let pattern = words.iter().map(|w| regex_syntax::escape(w)).collect::<Vec<_>>().join("|");
            let hir = regex_syntax::parse(&format!("(?:{pattern})x")).expect("valid");
            for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
                proptest::prop_assert_eq!(folded_literals(&hir, kind.clone()), folded_literals_by_format(&hir, kind));
            }
        }
    }

    #[test]
    fn more_than_64_patterns_work() {
        let owned: Vec<String> = (0..70).map(|i| format!(r"\bw{i}x\b")).collect();
        let patterns: Vec<&str> = owned.iter().map(String::as_str).collect();
        check(&patterns, &["w3x w69x w64x", "none", "w0x"]);
    }

    /// Pieces of patterns: Unicode classes that exist and do not, the `u` flag set and
    /// cleared (bytes beyond ASCII then), case folding, syntax errors.
    const PIECES: [&str; 24] = [
        "a",
        "é",
        "\\w",
        "\\d",
        "(?i)",
        "(?-u)",
        "(?u)",
        "(?-u:",
        "(?iu:",
        "(?:",
        "(",
        ")",
        "|",
        "[",
        "]",
        "\\pL",
        "\\p{Greek}",
        "\\p{Gerek}",
        "[\\p{Script=Latin}]",
        "[\\P{Foo}a]",
        "\\xFF",
        "\\x{E9}",
        "+",
        "{2}",
    ];

    proptest::proptest! {
        /// [`check`] (the syntax read, translated only where it may fail) says what
        /// regex-syntax's parser says of a pattern, with the same error.
        #[test]
        fn the_load_time_check_is_the_parse(pieces in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..8)) {
            let source = pieces.concat();
            let checked = super::check(&source).map(|_| ());
            let parsed = regex_syntax::Parser::new().parse(&source).map(|_| ()).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(checked, parsed, "{}", source);
        }

        /// A `(?i)` pattern's tree translated with the flag cleared is the rest read
        /// case-sensitively, as `units` would read it.
        #[test]
        fn the_tree_without_its_case_flag_is_the_rest_read_anew(pieces in proptest::collection::vec(proptest::sample::select(CASE_PIECES.to_vec()), 0..8)) {
            let source = format!("(?i){}", pieces.concat());
            let parse = |s: &str| regex_syntax::Parser::new().parse(s).ok();
            let want = parse(&source).map(|hir| (hir, case_sensitive(&source).and_then(parse)));
            let got = super::check(&source).ok().and_then(|ast| translate(&source, ast));
            proptest::prop_assert_eq!(got, want, "{}", source);
        }
    }

    /// Pieces of case-insensitive patterns: alternations (the flag then in the first
    /// branch), groups, classes, letters with case variants beyond ASCII, other flags.
    const CASE_PIECES: [&str; 16] =
        ["a", "K", "ß", "Σ", "\\w", "|", "(", ")", "(?:", "(?i)", "(?s)", "[a-k]", "\\b", "+", "x{2}", "\\("];
}
