//! Text analysis: raw post text → tokens, as a chain of small filters per language
//! (tantivy's design).
//!
//! [`tokenize`] splits raw text into words, hashtags, @handles, URLs, emoji, emoticons and
//! punctuation; every [`Token`] keeps the byte offsets of its span in the raw text, and no
//! filter ever changes them, so an alert can highlight exactly what fired. An
//! [`Analyzer`] then runs the language's filters over the tokens: case folding and
//! Unicode normalization, diacritic folding where people drop diacritics, elongation
//! ("sooo"), stop words and stemming.
//!
//! Nothing here does IO or fails: any text, however odd, comes out as tokens.

pub mod chars;
pub mod filters;
pub mod lang;
pub mod scan;
pub mod stem;

use std::cell::RefCell;

use crate::mention::Lang;
use chars::{Fold, is_format};
use compact_str::CompactString;
pub use filters::Filter;
use rustc_hash::FxHashSet;
pub use stem::Stem;

/// What a token is; the scorer treats kinds differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    /// `#tag`; `norm` holds the tag without `#`, so it matches words too.
    Hashtag,
    /// `@handle`; `norm` keeps the `@`.
    Handle,
    Url,
    Emoji,
    Emoticon,
    /// `!`, `?` runs (`norm` is the run) and clause punctuation `. , ; :`.
    Punct,
}

/// One token of a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets of the token in the raw text; filters never change them.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Normalized form: NFKC, lowercase, format characters removed, letters repeated
    /// three or more times cut to two ("goood" → "good"). Kept in place up to 24 bytes
    /// (almost every word), so a token costs no allocation.
    pub norm: CompactString,
    /// The stem of `norm` after diacritic folding (words and hashtags), `norm` otherwise.
    pub stem: CompactString,
    /// Written in capitals ("TERRIBLE"), two letters or more.
    pub caps: bool,
    /// A letter was repeated three or more times.
    pub elongated: bool,
    /// A stop word of the language.
    pub stop: bool,
}

impl Token {
    /// A word-like token: a word or a hashtag.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Hashtag)
    }

    /// `norm` with elongations cut to one letter ("soo" → "so"), for a second lookup.
    pub fn norm_single(&self) -> Option<String> {
        self.elongated.then(|| collapse_runs(&self.norm, 1).into())
    }
}

/// Splits raw text into tokens with `norm` set and `stem` equal to `norm`; an
/// [`Analyzer`] fills in the rest.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, true)
}

/// [`tokenize`]; with `stem_words` unset, words and hashtags get an empty `stem` (the
/// stemming filter sets it), which saves copying every word.
fn tokenize_with(text: &str, stem_words: bool) -> Vec<Token> {
    tokenize_spans::<true>(text, stem_words, Vec::new())
}

/// [`tokenize_with`]; with `FAST_WORDS`, a word that starts with an ASCII letter or digit
/// is read straight from the bytes ([`push_word_at`]), and one that starts beyond ASCII,
/// a hashtag or a handle found and folded in one pass where it can be
/// ([`push_word_beyond_ascii`], [`push_folded`], [`push_handle`]), and `.`, `,` and runs
/// of `!` and `?` pushed at once ([`push_punct`]); everything else span by span from the
/// scanner ([`push_span`]). Without, every token goes the
/// general way: the tests compare the two.
/// The tokens go into `tokens`, emptied first.
fn tokenize_spans<const FAST_WORDS: bool>(text: &str, stem_words: bool, mut tokens: Vec<Token>) -> Vec<Token> {
    let bytes = text.as_bytes();
    // A token every four bytes and a few: with one every five bytes the vector grew for
    // 3,400 of the 20,000 mixed posts (~1,000 instructions each); now for a few.
    tokens.clear();
    tokens.reserve(text.len() / 4 + 4);
    with_scratch(|scratch| {
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if FAST_WORDS {
                if b.is_ascii_whitespace() {
                    at += 1;
                    continue;
                }
                // Where the scanner would find a word (or a URL, which it tries first).
                if b.is_ascii_alphanumeric() && !(matches!(b, b'h' | b'w') && is_url_start(&bytes[at..])) {
                    at = push_word_at(text, at, stem_words, scratch, &mut tokens);
                    continue;
                }
                let fast = match b {
                    b'#' => push_folded::<true>(text, at, at + 1, stem_words, scratch, &mut tokens),
                    b'@' => push_handle(text, at, scratch, &mut tokens),
                    b'.' | b',' => Some(push_punct(text, at, at + 1, &mut tokens)),
                    b'!' | b'?' => {
                        let run = bytes[at..].iter().take_while(|&&x| x == b'!' || x == b'?').count();
                        Some(push_punct(text, at, at + run, &mut tokens))
                    }
                    0x80.. => push_word_beyond_ascii(text, at, stem_words, scratch, &mut tokens),
                    _ => None,
                };
                if let Some(end) = fast {
                    at = end;
                    continue;
                }
            }
            let Some(span) = scan::next_span(text, at) else { break };
            push_span(text, span, stem_words, scratch, &mut tokens);
            at = span.1;
        }
    });
    tokens
}

/// The token of the word that starts at byte `at` with an ASCII letter or digit (not a
/// URL), pushed; its end. Most words are ASCII letters and digits up to a space or a
/// punctuation mark: the scanner's work, the kind, the case folding, the capitals and
/// the test for elongation are then one pass over their bytes, which is what
/// [`push_span`] makes of them without its classification of the span, its passes over
/// it and its `char` decoding (tokenizing was a sixth of `repwatch score`). Any other
/// word (going on beyond ASCII or past an apostrophe, or elongated) is read on from
/// there by the scanner and normalized the general way.
fn push_word_at(text: &str, at: usize, stem_words: bool, scratch: &mut String, tokens: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let (mut upper, mut lower) = (0usize, false);
    // The last byte in lowercase, how many times in a row it came, and whether a letter
    // came three times.
    let (mut prev, mut run, mut elongated) = (0u8, 0usize, false);
    let mut end = at;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_lowercase() {
            lower = true;
        } else if b.is_ascii_uppercase() {
            upper += 1;
        } else if !b.is_ascii_digit() {
            break;
        }
        // The lowercase of a letter; a digit has that bit set already.
        let folded = b | 0x20;
        if folded == prev {
            run += 1;
            elongated |= run == 3 && folded.is_ascii_lowercase();
        } else {
            (prev, run) = (folded, 1);
        }
        end += 1;
    }
    let ascii_end = end;
    let next = bytes.get(end).copied();
    // A word going on beyond ASCII ("très") is read on and folded in one pass where it can
    // be, from its start (not one that ends there, "300€", which may be a number).
    if next.is_some_and(|b| !b.is_ascii())
        && let Some((end, elongated, caps)) = fold_word::<false>(text, at, scratch)
        && end > ascii_end
    {
        let norm = CompactString::new(scratch.as_str());
        let stem = if stem_words { norm.clone() } else { CompactString::default() };
        tokens.push(Token { start: at, end, kind: TokenKind::Word, norm, stem, caps, elongated, stop: false });
        return end;
    }
    if next.is_some_and(|b| !b.is_ascii() || b == b'\'') {
        end = scan::word_from(text, end);
    }
    let (kind, norm, elongated, caps) = if end == ascii_end && !elongated {
        let mut norm = CompactString::new(&text[at..end]);
        if upper > 0 {
            norm.make_ascii_lowercase();
        }
        let kind = if upper == 0 && !lower { TokenKind::Number } else { TokenKind::Word };
        (kind, norm, false, !lower && upper >= 2)
    } else {
        // Beyond ASCII letters and digits, or elongated: a word (not all digits).
        let (norm, elongated, caps) = normalize_in(&text[at..end], scratch);
        (TokenKind::Word, norm, elongated, caps)
    };
    let stem = if stem_words || kind == TokenKind::Number { norm.clone() } else { CompactString::default() };
    tokens.push(Token { start: at, end, kind, norm, stem, caps, elongated, stop: false });
    end
}

/// The token of the word that starts at byte `at` with a letter, a mark or a digit beyond
/// ASCII (Cyrillic, Arabic, Greek, Tamil...), pushed, and its end; `None`, with nothing
/// pushed, for any other character, or a word [`fold_word`] leaves to the general way.
/// Found and folded in one pass, not found by the scanner, classified by [`push_span`],
/// then folded by [`normalize_in`]: this was ~1,000 instructions a word (the passes over
/// its characters 60-70 each).
fn push_word_beyond_ascii(
    text: &str,
    at: usize,
    stem_words: bool,
    scratch: &mut String,
    tokens: &mut Vec<Token>,
) -> Option<usize> {
    let first = text[at..].chars().next()?;
    // What push_span takes for a word (a mark it does not is an "emoji" there).
    if !(chars::is_alphanumeric(first) || is_mark(first)) {
        return None;
    }
    push_folded::<false>(text, at, at, stem_words, scratch, tokens)
}

/// The word (or, with `HASHTAG`, the #hashtag) that starts at byte `start`, its letters at
/// `from`, found and folded by [`fold_word`] in one pass, pushed, and its end; `None`, with
/// nothing pushed, where [`fold_word`] leaves it to the general way or there is no hashtag.
fn push_folded<const HASHTAG: bool>(
    text: &str,
    start: usize,
    from: usize,
    stem_words: bool,
    scratch: &mut String,
    tokens: &mut Vec<Token>,
) -> Option<usize> {
    let (end, elongated, caps) = fold_word::<HASHTAG>(text, from, scratch)?;
    let norm = CompactString::new(scratch.as_str());
    let stem = if stem_words { norm.clone() } else { CompactString::default() };
    let kind = if HASHTAG { TokenKind::Hashtag } else { TokenKind::Word };
    tokens.push(Token { start, end, kind, norm, stem, caps, elongated, stop: false });
    Some(end)
}

/// The token of the @handle of ASCII letters, digits, `_` and `.` at byte `at`, pushed,
/// and its end: the scanner's handle found over the bytes and folded by [`fold_plain`]
/// without the scanner's and [`push_span`]'s passes over it. `None`, with nothing
/// pushed, for one that goes on beyond ASCII, or no handle.
fn push_handle(text: &str, at: usize, scratch: &mut String, tokens: &mut Vec<Token>) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // `[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?` after the `@`: the
    // handle ends at its last letter, digit or `_`, not at the dots after it.
    let (mut pos, mut end) = (at + 1, at + 1);
    while let Some(&b) = bytes.get(pos) {
        if is_name(b) {
            pos += 1;
            end = pos;
        } else if b == b'.' {
            pos += 1;
        } else if b.is_ascii() {
            break;
        } else {
            return None;
        }
    }
    if end == at + 1 || !bytes[at + 1].is_ascii_alphanumeric() && bytes[at + 1] != b'_' {
        return None;
    }
    // The `@` folds to itself and a handle is never in capitals: fold_plain gives the rest.
    let (elongated, _) = fold_plain(&text[at..end], scratch)?;
    let norm = CompactString::new(scratch.as_str());
    let stem = norm.clone();
    tokens.push(Token { start: at, end, kind: TokenKind::Handle, norm, stem, caps: false, elongated, stop: false });
    Some(end)
}

/// The punctuation token of `text[start..end]`, a `.` or a `,` or a run of `!` and `?`,
/// pushed, and its end: what the scanner (which starts nothing else there) and
/// [`push_span`] make of it, without their ~300 instructions a mark.
fn push_punct(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) -> usize {
    let norm = CompactString::new(&text[start..end]);
    let stem = norm.clone();
    tokens.push(Token { start, end, kind: TokenKind::Punct, norm, stem, caps: false, elongated: false, stop: false });
    end
}

/// `s` starts as a URL does (the scanner's URL needs a character after this too).
fn is_url_start(s: &[u8]) -> bool {
    s.starts_with(b"http://") || s.starts_with(b"https://") || s.starts_with(b"www.")
}

/// The token (or none, or two) of the scanner's span `m_start..m_end`, pushed; a word is
/// built in `scratch`.
fn push_span(
    text: &str,
    (m_start, m_end): (usize, usize),
    stem_words: bool,
    scratch: &mut String,
    tokens: &mut Vec<Token>,
) {
    let s = &text[m_start..m_end];
    let first = s.chars().next().unwrap_or(' ');
    let kind = if is_url_start(s.as_bytes()) {
        TokenKind::Url
    } else if first == '@' && s.len() > 1 {
        TokenKind::Handle
    } else if first == '#' && s.len() > 1 {
        TokenKind::Hashtag
    } else if first == '!'
        || first == '?'
        || matches!(first, '.' | ',' | ';' | ':' | '\u{2026}') && s.chars().count() == 1
    {
        TokenKind::Punct
    } else if chars::is_alphanumeric(first) || is_mark(first) {
        if s.chars().all(|c| c.is_ascii_digit()) { TokenKind::Number } else { TokenKind::Word }
    } else if is_emoticon_start(first) {
        // An emoticon glued to a word ("Note:(") or followed by a letter is punctuation.
        let before_ok = text[..m_start].chars().next_back().is_none_or(|c| c.is_whitespace());
        let after_ok = text[m_end..].chars().next().is_none_or(|c| !chars::is_alphanumeric(c));
        if !(before_ok && after_ok) {
            return;
        }
        TokenKind::Emoticon
    } else {
        TokenKind::Emoji
    };
    let body = match kind {
        TokenKind::Hashtag => &s[1..],
        TokenKind::Url => s.trim_end_matches(['.', ',', ')', '!', '?', ';', ':']),
        _ => s,
    };
    let end = match kind {
        TokenKind::Url => m_start + body.len(),
        _ => m_end,
    };
    let (norm, elongated, caps) = match kind {
        TokenKind::Word | TokenKind::Hashtag | TokenKind::Handle => normalize_in(body, scratch),
        TokenKind::Emoticon => (body.to_uppercase().replace('-', "").into(), false, false),
        TokenKind::Emoji => (body.replace(['\u{FE0F}'], "").into(), false, false),
        _ => (CompactString::new(body), false, false),
    };
    let caps = caps && matches!(kind, TokenKind::Word | TokenKind::Hashtag);
    let stem = if stem_words || !matches!(kind, TokenKind::Word | TokenKind::Hashtag) {
        norm.clone()
    } else {
        CompactString::default()
    };
    tokens.push(Token { start: m_start, end, kind, stem, norm, caps, elongated, stop: false });
    // Punctuation after a URL ends a clause; keep it as its own token.
    if kind == TokenKind::Url && end < m_end {
        let tail = &text[end..m_end];
        if let Some(c) = tail.chars().find(|c| ".,;:!?".contains(*c)) {
            tokens.push(Token {
                start: end,
                end: m_end,
                kind: TokenKind::Punct,
                norm: CompactString::new(c.encode_utf8(&mut [0; 4])),
                stem: CompactString::new(c.encode_utf8(&mut [0; 4])),
                caps: false,
                elongated: false,
                stop: false,
            });
        }
    }
}

fn is_emoticon_start(c: char) -> bool {
    matches!(c, ':' | ';' | '=' | '<' | '>' | '^' | '-')
}

/// Combining marks (Tamil vowel signs, Greek accents when decomposed) belong to words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0B82..=0x0BCD | 0x0BD7 | 0x0900..=0x0903 | 0x093A..=0x094F | 0x20D0..=0x20FF)
}

fn is_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

/// NFKC, lowercase, format characters removed, runs of 3+ equal letters cut to 2.
pub fn normalize_word(s: &str) -> (CompactString, bool) {
    with_scratch(|out| {
        let (norm, elongated, _) = normalize_in(s, out);
        (norm, elongated)
    })
}

/// [`normalize_word`], built in `out`, and whether `s` is written in capitals
/// ([`is_caps`]).
fn normalize_in(s: &str, out: &mut String) -> (CompactString, bool, bool) {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
    if let Some((elongated, caps)) = fold_plain(s, out) {
        return (CompactString::new(out.as_str()), elongated, caps);
    }
    let lower = if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        // Already NFKC: only the format characters go.
        if s.chars().any(is_format) { s.replace(is_format, "").to_lowercase() } else { s.to_lowercase() }
    } else {
        let nfkc: String = s.nfkc().filter(|c| !is_format(*c)).collect();
        nfkc.to_lowercase()
    };
    out.clear();
    let elongated = collapse_into(&lower, 2, out);
    (CompactString::new(out.as_str()), elongated, is_caps(s))
}

/// The lowercase of `s` with format characters dropped and runs of a letter cut to two,
/// written to `out` in one pass, when NFKC leaves `s` as it is by its quick check (every
/// character allowed, combining classes in order) and every character lowercases to one
/// other, whatever its place (so not a capital sigma): what [`normalize_in`] makes of
/// such a word (almost any), from each character's [`Fold`], without the quick check's
/// and the lowercasing's searches of the Unicode tables and the passes after them (they
/// took 1,000 instructions an Arabic or a Tamil word). Whether a run was cut and whether
/// `s` is in capitals; `None` when it is not such a word (`out` then holds anything).
fn fold_plain(s: &str, out: &mut String) -> Option<(bool, bool)> {
    out.clear();
    let mut folding = Folding::default();
    for c in s.chars() {
        folding.push(c, out)?;
    }
    Some(folding.result())
}

/// The word that starts at byte `from` with a character the scanner takes into a word,
/// folded into `out` as [`fold_plain`] folds its span, in the same pass that finds where
/// it ends (the scanner's `scan::word`): its end, whether a run was cut and whether it is
/// in capitals. `None` when `fold_plain` would give up on it, when it may go on past a
/// format character or an apostrophe, which the scanner decides, or on a word character
/// beyond the table of [`Fold`]s (CJK...). With `HASHTAG`, the tag of a hashtag
/// (`[\p{L}\p{M}\p{N}_]+`), which those end, from after its `#`; `None` if it has none.
fn fold_word<const HASHTAG: bool>(text: &str, from: usize, out: &mut String) -> Option<(usize, bool, bool)> {
    out.clear();
    let word_chars = scan::WordChars::get();
    let mut folding = Folding::default();
    let mut end = from;
    for c in text[from..].chars() {
        if c.is_ascii() {
            // No ASCII character is a letter, a mark, a digit or a format character beyond
            // these; an apostrophe may take letters after it into a word.
            if !(c.is_ascii_alphanumeric() || HASHTAG && c == '_') {
                if c == '\'' && !HASHTAG {
                    return None;
                }
                break;
            }
            folding.push_ascii(c, out);
        } else if let Some(f) = Fold::of_in_table(c) {
            match f.in_word {
                Some(true) => folding.push_fold(f, out)?,
                Some(false) => break,
                None if HASHTAG => break,
                None => return None,
            }
        } else {
            match word_chars.of(c) {
                Some(false) => break,
                None if HASHTAG => break,
                _ => return None,
            }
        }
        end += c.len_utf8();
    }
    if end == from {
        return None;
    }
    let (cut, caps) = folding.result();
    Some((end, cut, caps))
}

/// [`fold_plain`]'s pass so far: the last combining class, the capitals and lowercase
/// letters seen, the last character written and how many times in a row it came, and
/// whether a run was cut.
#[derive(Default)]
struct Folding {
    last_ccc: u8,
    upper: usize,
    lower: bool,
    prev: Option<char>,
    run: usize,
    cut: bool,
}

impl Folding {
    /// `c` folded and written to `out` (or not, a format character or a letter a third
    /// time); `None` when it is not a character `fold_plain` folds.
    #[inline(always)]
    fn push(&mut self, c: char, out: &mut String) -> Option<()> {
        if c.is_ascii() {
            self.push_ascii(c, out);
            Some(())
        } else {
            self.push_fold(Fold::of(c), out)
        }
    }

    /// [`Folding::push`] of an ASCII character.
    #[inline(always)]
    fn push_ascii(&mut self, c: char, out: &mut String) {
        // NFKC leaves it, its combining class is 0, its lowercase is ASCII's.
        self.last_ccc = 0;
        self.upper += usize::from(c.is_ascii_uppercase());
        self.lower |= c.is_ascii_lowercase();
        self.write(c.to_ascii_lowercase(), out);
    }

    /// [`Folding::push`] of a character beyond ASCII, by its [`Fold`].
    #[inline(always)]
    fn push_fold(&mut self, f: Fold, out: &mut String) -> Option<()> {
        if !f.plain || self.last_ccc > f.ccc && f.ccc != 0 {
            return None;
        }
        self.last_ccc = f.ccc;
        self.upper += usize::from(f.upper);
        self.lower |= f.lowercase;
        if !f.format {
            self.write(f.lower, out);
        }
        Some(())
    }

    /// The folded `l` written, unless it is a letter a third time in a row.
    #[inline(always)]
    fn write(&mut self, l: char, out: &mut String) {
        if Some(l) == self.prev && chars::is_alphabetic(l) {
            self.run += 1;
        } else {
            (self.prev, self.run) = (Some(l), 1);
        }
        if self.run <= 2 {
            out.push(l);
        } else {
            self.cut = true;
        }
    }

    /// Whether a run was cut, and whether the word is in capitals.
    fn result(&self) -> (bool, bool) {
        (self.cut, !self.lower && self.upper >= 2)
    }
}

/// Calls `f` with this thread's scratch string, empty: a word is built there and copied
/// into its `CompactString` once, which is cheaper than growing the `CompactString` a
/// character at a time.
fn with_scratch<T>(f: impl FnOnce(&mut String) -> T) -> T {
    thread_local! {
        static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
    }
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        scratch.clear();
        f(&mut scratch)
    })
}

/// Cuts runs of the same letter longer than `max` down to `max`.
pub fn collapse_runs(s: &str, max: usize) -> CompactString {
    with_scratch(|out| {
        collapse_into(s, max, out);
        CompactString::new(out.as_str())
    })
}

/// [`collapse_runs`], appended to `out`; whether anything was cut.
fn collapse_into(s: &str, max: usize, out: &mut String) -> bool {
    let mut prev = None;
    let mut run = 0;
    let mut cut = false;
    for c in s.chars() {
        if Some(c) == prev && chars::is_alphabetic(c) {
            run += 1;
        } else {
            run = 1;
            prev = Some(c);
        }
        if run <= max {
            out.push(c);
        } else {
            cut = true;
        }
    }
    cut
}

/// The filters of one language, in order. Built once (from the rules) and shared.
pub struct Analyzer {
    pub lang: Option<Lang>,
    filters: Vec<Box<dyn Filter>>,
}

impl Analyzer {
    /// The standard chain for a language: diacritic folding where the language needs it,
    /// stop words, stemming. `stopwords` are given in normalized (lowercase) form.
    pub fn for_lang(lang: Option<Lang>, stopwords: FxHashSet<String>) -> Analyzer {
        let filters: Vec<Box<dyn Filter>> = vec![
            Box::new(filters::StopWords::new(stopwords)),
            Box::new(filters::StemFilter::new(Stem::for_lang(lang))),
        ];
        Analyzer { lang, filters }
    }

    /// Tokenizes and runs every filter.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let mut tokens = self.tokenize(text);
        for f in &self.filters {
            f.apply(&mut tokens);
        }
        tokens
    }

    /// Tokenizes, leaving the filters to [`Analyzer::filter`]: for a caller that remembers
    /// what they make of a word. Words and hashtags have an empty `stem` until filtered.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        self.tokenize_into(text, Vec::new())
    }

    /// [`Analyzer::tokenize`] into `tokens` (emptied first): a caller that keeps one list
    /// per thread saves allocating one for every post.
    pub fn tokenize_into(&self, text: &str, tokens: Vec<Token>) -> Vec<Token> {
        let has_stem = self.filters.iter().any(|f| f.as_stem().is_some());
        tokenize_spans::<true>(text, !has_stem, tokens)
    }

    /// Runs every filter on one token: what [`Analyzer::analyze`] makes of it, because a
    /// filter decides each token on its own.
    pub fn filter(&self, token: &mut Token) {
        for f in &self.filters {
            f.apply(std::slice::from_mut(token));
        }
    }

    /// The stem of a single word or a phrase, as rules are matched against: the same
    /// chain as for posts, so that rule terms and post words meet.
    pub fn stems(&self, text: &str) -> Vec<String> {
        let mut tokens = tokenize(text);
        if let Some(stem) = self.filters.iter().find_map(|f| f.as_stem()) {
            stem.apply(&mut tokens);
        }
        tokens.into_iter().filter(|t| t.kind != TokenKind::Punct).map(|t| t.stem.to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, String)> {
        tokenize(text).into_iter().map(|t| (t.kind, t.norm.into_string())).collect()
    }

    #[test]
    fn splits_the_parts_of_a_social_post() {
        use TokenKind::*;
        let t = kinds("@FjordTel why is my bill DOUBLE?! #fail 😡 :( see https://x.io/a?b=1. sooo bad");
        assert_eq!(
            t,
            vec![
                (Handle, "@fjordtel".into()),
                (Word, "why".into()),
                (Word, "is".into()),
                (Word, "my".into()),
                (Word, "bill".into()),
                (Word, "double".into()),
                (Punct, "?!".into()),
                (Hashtag, "fail".into()),
                (Emoji, "😡".into()),
                (Emoticon, ":(".into()),
                (Word, "see".into()),
                (Url, "https://x.io/a?b=1".into()),
                (Punct, ".".into()),
                (Word, "soo".into()),
                (Word, "bad".into()),
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_raw_text() {
        let text = "Ça  NE marche PAS 😡 ‼ ";
        for t in tokenize(text) {
            assert!(text.get(t.start..t.end).is_some(), "{t:?}");
        }
        let t = tokenize(text);
        assert_eq!(&text[t[1].start..t[1].end], "NE");
        assert!(t[1].caps && !t[2].caps && t[3].caps);
    }

    #[test]
    fn handles_scripts_marks_and_invisible_characters() {
        let t = kinds("பணத்தை திருப்பி தாருங்கள் Απαράδεκτο! bad\u{200B}ly don't");
        assert_eq!(t[0], (TokenKind::Word, "பணத்தை".into()));
        assert_eq!(t[3], (TokenKind::Word, "απαράδεκτο".into()));
        assert_eq!(t[5], (TokenKind::Word, "badly".into()));
        assert_eq!(t[6], (TokenKind::Word, "don't".into()));
    }

    #[test]
    fn lowercasing_keeps_the_final_sigma_and_the_dotted_capital_i() {
        // A capital sigma lowercases by its place in the word; "İ" lowercases to two
        // characters: neither comes from the one-character table.
        assert_eq!(normalize_word("ΟΔΟΣ").0, "οδος");
        assert_eq!(normalize_word("ΣΑΣ").0, "σας");
        assert_eq!(normalize_word("İyi").0, "i\u{307}yi");
        assert_eq!(normalize_word("ПРИВЕТ").0, "привет");
    }

    #[test]
    fn elongation_is_marked_and_cut() {
        let t = tokenize("goooood");
        assert_eq!(t[0].norm, "good");
        assert!(t[0].elongated);
        assert_eq!(t[0].norm_single().as_deref(), Some("god"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The quick ways give what NFKC, lowercasing and cutting runs give, and the
        /// capitals [`is_caps`] finds.
        #[test]
        fn normalizing_a_word_is_nfkc_lowercase_and_runs_cut(
            word in "([a-zA-Z0-9']|[äÄøØßàÀéÉ]|[α-ωΑ-ΩάΆς]|[а-яА-ЯёЁѶѷ]|[\u{0621}-\u{0652}]|[\u{0B85}-\u{0B95}\u{0BBF}-\u{0BCD}]|[\u{0300}-\u{036F}\u{0345}]|[İıŉǅǰ\u{00AA}\u{00B5}\u{00BD}\u{00AD}\u{0132}\u{017F}Σϐϒϔ\u{0340}\u{0343}\u{0374}\u{037E}\u{0387}\u{200B}\u{2019}ﬁ\u{0653}-\u{0655}\u{0BBE}\u{0BD7}\u{1E9E}\u{1F80}-\u{1F8F}Ⅻ]|ooo|ααα|AAA){0,10}"
        ) {
            use unicode_normalization::UnicodeNormalization;
            let lower = word.nfkc().filter(|c| !is_format(*c)).collect::<String>().to_lowercase();
            let cut = collapse_runs(&lower, 2);
            let elongated = cut != lower;
            proptest::prop_assert_eq!(normalize_in(&word, &mut String::new()), (cut.clone(), elongated, is_caps(&word)));
            proptest::prop_assert_eq!(normalize_word(&word), (cut, elongated));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Words of ASCII letters and digits taken straight from the bytes, and words
        /// beyond ASCII, hashtags and handles found and folded in one pass, and punctuation
        /// pushed at once, are the tokens
        /// the scanner and the general way make, wherever they stand: next to each other, apostrophes, format
        /// characters, marks, URLs, handles, emoticons, emoji, runs of a letter, characters
        /// that do not fold to one (İ, Σ, ſ) or whose lowercase is longer (Ⱥ), marks that
        /// are not letters (U+0483, a word's start but an "emoji" to push_span).
        #[test]
        fn ascii_words_are_tokenized_as_the_general_way_does(
            text in "([a-zA-Z0-9]{1,6}|[ \t\n]|[.,;:!?'’@#()<>=^_/-]|https?://|www\\.|[hw]|ooo|OoO|aAa|111|[éßİçΣσα-ωа-я\u{200B}\u{0301}\u{00AD}😡👍🏽\u{FE0F}]|[а-яА-ЯёЁ]{1,5}|ППП|[α-ωΑ-Ωά]{1,4}|[\u{0620}-\u{065F}]{1,4}|[\u{0B85}-\u{0BCD}]{1,4}|[\u{0905}-\u{094D}]{1,3}|[\u{0300}-\u{036F}\u{0483}\u{0600}\u{0345}]|[ȺⱥſǅѶѷΣİ一龥ｆⒶ\u{2019}\u{200D}\u{0660}-\u{0669}]|[@#][a-zA-Z0-9_.]{0,6}|[@#][а-яΣ_.]{0,3}|[!?.,:;]{1,3}){0,30}",
            stem_words in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(
                tokenize_spans::<true>(&text, stem_words, Vec::new()),
                tokenize_spans::<false>(&text, stem_words, Vec::new())
            );
        }
    }

    #[test]
    fn ascii_words_are_tokenized_as_the_general_way_does_on_the_labelled_posts() {
        for v in crate::labelled_posts(3000) {
            if let Some(text) = v.get("text").and_then(|t| t.as_str()) {
                assert_eq!(
                    tokenize_spans::<true>(text, false, Vec::new()),
                    tokenize_spans::<false>(text, false, Vec::new()),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn any_text_is_safe() {
        for text in ["", "\u{202E}abc\u{202C}", "\0\x07", "a\u{0301}", "::::", "<3<3", "http://", "@", "#"] {
            let _ = tokenize(text);
        }
    }
}
