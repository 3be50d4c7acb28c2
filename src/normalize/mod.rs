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
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    for (m_start, m_end) in scan::spans(text) {
        let s = &text[m_start..m_end];
        let first = s.chars().next().unwrap_or(' ');
        let kind = if s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") {
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
                continue;
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
        let (norm, elongated) = match kind {
            TokenKind::Word | TokenKind::Hashtag | TokenKind::Handle => normalize_word(body),
            TokenKind::Emoticon => (body.to_uppercase().replace('-', "").into(), false),
            TokenKind::Emoji => (body.replace(['\u{FE0F}'], "").into(), false),
            _ => (CompactString::new(body), false),
        };
        let caps = matches!(kind, TokenKind::Word | TokenKind::Hashtag) && is_caps(body);
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
    tokens
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
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
    if s.is_ascii() {
        return normalize_ascii(s);
    }
    let lower = if let Some(lower) = simple_lowercase(s) {
        lower
    } else if s.chars().all(is_nfkc_letter) {
        // Latin, Greek and Cyrillic letters that NFKC leaves alone, and no format character.
        s.to_lowercase().into()
    } else if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        // Already NFKC (most words): only the format characters go.
        if s.chars().any(is_format) { s.replace(is_format, "").to_lowercase() } else { s.to_lowercase() }.into()
    } else {
        let nfkc: String = s.nfkc().filter(|c| !is_format(*c)).collect();
        nfkc.to_lowercase().into()
    };
    if !has_run(&lower, 3) {
        return (lower, false);
    }
    let collapsed = collapse_runs(&lower, 2);
    let elongated = collapsed.len() != lower.len();
    (collapsed, elongated)
}

/// Below U+0483: a character NFKC leaves as it is, alone or next to any other of these
/// (quick check yes, no combining class), and not a format character. Made once.
fn is_nfkc_letter(c: char) -> bool {
    use std::sync::LazyLock;
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfkc_quick};
    static SIMPLE: LazyLock<Vec<bool>> = LazyLock::new(|| {
        (0..0x0483u32)
            .map(|u| {
                char::from_u32(u).is_some_and(|c| {
                    is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
                        && canonical_combining_class(c) == 0
                        && !is_format(c)
                })
            })
            .collect()
    });
    SIMPLE.get(c as usize).copied().unwrap_or(false)
}

/// `s` lowercased a character at a time from a table, when every character is below
/// U+0483, one that NFKC leaves alone ([`is_nfkc_letter`]) and lowercases to one
/// character; and none is a capital sigma, whose lowercase depends on its place in the
/// word. What `to_lowercase` gives, without its search of the Unicode tables per character.
fn simple_lowercase(s: &str) -> Option<CompactString> {
    use std::sync::LazyLock;
    static LOWER: LazyLock<Vec<Option<char>>> = LazyLock::new(|| {
        (0..0x0483u32)
            .map(|u| {
                let c = char::from_u32(u).filter(|c| is_nfkc_letter(*c) && *c != 'Σ')?;
                let mut lower = c.to_lowercase();
                let first = lower.next()?;
                lower.next().is_none().then_some(first)
            })
            .collect()
    });
    with_scratch(|out| {
        for c in s.chars() {
            out.push(LOWER.get(c as usize).copied().flatten()?);
        }
        Some(CompactString::new(out))
    })
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

/// `s` has a letter repeated `n` times or more in a row.
fn has_run(s: &str, n: usize) -> bool {
    let mut prev = None;
    let mut run = 0;
    for c in s.chars() {
        if Some(c) == prev && chars::is_alphabetic(c) {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            (prev, run) = (Some(c), 1);
        }
    }
    false
}

/// [`normalize_word`] for ASCII, in one pass: lowercase, runs of 3+ letters cut to 2.
fn normalize_ascii(s: &str) -> (CompactString, bool) {
    let bytes = s.as_bytes();
    let elongated = bytes.windows(3).any(|w| {
        let c = w[0].to_ascii_lowercase();
        c.is_ascii_alphabetic() && w[1].to_ascii_lowercase() == c && w[2].to_ascii_lowercase() == c
    });
    if !elongated {
        let mut out = CompactString::new(s);
        out.make_ascii_lowercase();
        return (out, false);
    }
    let out = with_scratch(|out| {
        let (mut prev, mut run) = (0u8, 0usize);
        for &b in bytes {
            let c = b.to_ascii_lowercase();
            if c == prev && c.is_ascii_alphabetic() {
                run += 1;
            } else {
                (prev, run) = (c, 1);
            }
            if run <= 2 {
                out.push(c as char);
            }
        }
        CompactString::new(out)
    });
    (out, true)
}

fn is_format(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// Cuts runs of the same letter longer than `max` down to `max`.
pub fn collapse_runs(s: &str, max: usize) -> CompactString {
    with_scratch(|out| {
        let mut prev = None;
        let mut run = 0;
        for c in s.chars() {
            if Some(c) == prev && chars::is_alphabetic(c) {
                run += 1;
            } else {
                run = 1;
                prev = Some(c);
            }
            if run <= max {
                out.push(c);
            }
        }
        CompactString::new(out)
    })
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
        let has_stem = self.filters.iter().any(|f| f.as_stem().is_some());
        tokenize_with(text, !has_stem)
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
        /// The quick ways give what NFKC, lowercasing and cutting runs give.
        #[test]
        fn normalizing_a_word_is_nfkc_lowercase_and_runs_cut(
            word in "([a-zA-ZäÄøØßİıŉǅǰ\u{00AA}\u{00B5}\u{00BD}\u{00AD}\u{0132}\u{017F}α-ωΑ-ΩάΆΣςϐϒϔ\u{0340}\u{0343}\u{0374}\u{037E}\u{0387}а-яА-ЯёЁѶѷ\u{0300}-\u{036F}\u{200B}ﬁ]|ooo|ααα){0,10}"
        ) {
            use unicode_normalization::UnicodeNormalization;
            let lower = word.nfkc().filter(|c| !is_format(*c)).collect::<String>().to_lowercase();
            let cut = collapse_runs(&lower, 2);
            let elongated = cut != lower;
            proptest::prop_assert_eq!(normalize_word(&word), (cut, elongated));
        }
    }

    #[test]
    fn any_text_is_safe() {
        for text in ["", "\u{202E}abc\u{202C}", "\0\x07", "a\u{0301}", "::::", "<3<3", "http://", "@", "#"] {
            let _ = tokenize(text);
        }
    }
}
