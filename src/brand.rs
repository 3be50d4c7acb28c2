//! Is this post about the brand? Terms and exclusions from `[brand]`, matched on word
//! boundaries, without regard to case or diacritics, as names, @handles and #hashtags.
//!
//! Applied to everything that comes in (polled and pushed alike) before it is stored,
//! and by the scorer to tell whether a complaint is aimed at the business.

use std::cell::RefCell;
use std::sync::LazyLock;

use memchr::memmem;

use crate::normalize::{Token, TokenKind};

#[derive(Debug, Clone, Default)]
pub struct BrandMatcher {
    /// Folded terms, with the space-less form of multi-word terms added.
    terms: Vec<Phrase>,
    exclude: Vec<Phrase>,
}

/// A folded term, with its searcher built once.
#[derive(Debug, Clone)]
struct Phrase {
    text: String,
    finder: memmem::Finder<'static>,
}

impl Phrase {
    fn new(text: String) -> Phrase {
        let finder = memmem::Finder::new(text.as_bytes()).into_owned();
        Phrase { text, finder }
    }
}

impl BrandMatcher {
    pub fn new(terms: &[String], exclude: &[String]) -> BrandMatcher {
        let mut folded: Vec<String> = Vec::new();
        for t in terms {
            let f = fold(t.trim());
            if f.is_empty() {
                continue;
            }
            let compact: String = f.chars().filter(|c| !c.is_whitespace()).collect();
            if compact != f {
                folded.push(compact);
            }
            folded.push(f);
        }
        folded.sort();
        folded.dedup();
        let exclude = exclude.iter().map(|e| fold(e.trim())).filter(|e| !e.is_empty()).map(Phrase::new).collect();
        BrandMatcher { terms: folded.into_iter().map(Phrase::new).collect(), exclude }
    }

    /// True when no terms are configured: every post is kept.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The post mentions the brand (outside any excluded phrase). Always true without terms.
    pub fn matches(&self, text: &str) -> bool {
        if self.terms.is_empty() {
            return true;
        }
        // Folded into a buffer kept per thread: every post comes through here.
        thread_local! {
            static FOLDED: RefCell<String> = const { RefCell::new(String::new()) };
        }
        FOLDED.with(|folded| {
            let mut folded = folded.borrow_mut();
            folded.clear();
            fold_into(text, &mut folded);
            let text = folded.as_str();
            let excluded: Vec<(usize, usize)> = self.exclude.iter().flat_map(|e| find_words(text, e)).collect();
            let found = self
                .terms
                .iter()
                .any(|t| find_words(text, t).any(|(s, e)| !excluded.iter().any(|&(xs, xe)| s >= xs && e <= xe)));
            // A very long post does not leave its buffer behind.
            if folded.capacity() > 1 << 16 {
                *folded = String::new();
            }
            found
        })
    }

    /// The post addresses the brand: names it, tags it, or @-mentions it.
    pub fn is_targeted(&self, text: &str, tokens: &[Token]) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        tokens.iter().any(|t| t.kind == TokenKind::Handle && self.is_brand_word(&t.norm)) || self.matches(text)
    }

    /// A single normalized word that is the brand's name, handle or tag.
    pub fn is_brand_word(&self, norm: &str) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        // Terms are folded; for ASCII that is lowercase, compared without a copy.
        let folded;
        let word = if norm.is_ascii() {
            norm
        } else {
            folded = fold(norm);
            &folded
        };
        let word = word.trim_start_matches(['@', '#']);
        self.terms.iter().any(|t| t.text.trim_start_matches(['@', '#']).eq_ignore_ascii_case(word))
    }
}

/// Lowercase without diacritics: "Fjördtél" → "fjordtel".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    if !fold_by_char(s, out) {
        fold_general(s, out);
    }
}

/// [`fold`] one character at a time, where that gives what the general algorithm gives:
/// every character is below U+0483 (its decomposition is letters and marks of
/// U+0300–U+036F, all dropped, so canonical reordering cannot matter) or a starter that
/// does not decompose (emoji, Tamil letters, punctuation). Appended to `out`; false,
/// with `out` as it was, otherwise.
fn fold_by_char(s: &str, out: &mut String) -> bool {
    use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
    let from = out.len();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = FOLDED_BELOW_0483.get(c as usize) {
            out.push_str(folded);
        } else {
            let mut own = true;
            decompose_canonical(c, |d| own &= d == c);
            if !own || canonical_combining_class(c) != 0 {
                out.truncate(from);
                return false;
            }
            push_folded(out, c);
        }
    }
    true
}

/// The folding of each character below U+0483, made once: its decomposition without
/// the marks, lowercase.
static FOLDED_BELOW_0483: LazyLock<Vec<Box<str>>> = LazyLock::new(|| {
    (0..0x0483u32)
        .map(|u| {
            let mut out = String::new();
            if let Some(c) = char::from_u32(u) {
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if !is_combining_mark(d) {
                        push_folded(&mut out, d);
                    }
                });
            }
            out.into_boxed_str()
        })
        .collect()
});

/// [`fold`] by Unicode's decomposition (NFD) of the whole text.
fn fold_general(s: &str, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        push_folded(out, c);
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Pushes `c` lowercase, with the letters that do not decompose folded by hand.
fn push_folded(out: &mut String, c: char) {
    for l in c.to_lowercase() {
        out.push(match l {
            'ø' => 'o',
            'đ' => 'd',
            'ł' => 'l',
            other => other,
        });
    }
}

/// Byte spans where `needle` occurs in `hay` as whole words.
fn find_words<'a>(hay: &'a str, needle: &'a Phrase) -> impl Iterator<Item = (usize, usize)> + 'a {
    let text = needle.text.as_str();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(pos) = needle.finder.find(&hay.as_bytes()[from..]) {
            let start = from + pos;
            let end = start + text.len();
            from = start + text.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
            let before = hay[..start].chars().next_back();
            let after = hay[end..].chars().next();
            let starts_word = text.starts_with(['@', '#']) || before.is_none_or(|c| !is_word_char(c));
            if starts_word && after.is_none_or(|c| !is_word_char(c)) {
                return Some((start, end));
            }
        }
        None
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> BrandMatcher {
        BrandMatcher::new(&["FjordTel".into(), "@fjordtel".into(), "fjord tel".into()], &["fjordtel tours".into()])
    }

    #[test]
    fn matches_names_handles_tags_and_spellings() {
        let m = matcher();
        for text in
            ["FjordTel is down", "@FjordTel help", "#fjordtel", "fjord tel again", "FJORDTÉL!", "hei FjordTel-kunder"]
        {
            assert!(m.matches(text), "{text}");
        }
        for text in ["fjordtelecom", "myfjordtel", "FjordTel Tours was lovely", ""] {
            assert!(!m.matches(text), "{text}");
        }
        assert!(m.matches("FjordTel Tours is fine but FjordTel mobile is down"));
    }

    #[test]
    fn without_terms_everything_is_kept() {
        assert!(BrandMatcher::new(&[], &[]).matches("anything"));
    }

    proptest::proptest! {
        /// Folding one character at a time gives what folding the decomposed text gives.
        #[test]
        fn folding_by_character_is_folding(s in "(\\PC|[\u{0300}-\u{036F}]|\u{0591}|\u{05B0}|\u{AC00})*") {
            let (mut by_char, mut general) = (String::from("x"), String::from("x"));
            if fold_by_char(&s, &mut by_char) {
                fold_general(&s, &mut general);
                proptest::prop_assert_eq!(by_char, general);
            } else {
                proptest::prop_assert_eq!(by_char, "x");
            }
        }
    }

    #[test]
    fn folding_drops_diacritics_in_every_script() {
        assert_eq!(fold("FJÖRDTÉL Łódź Ørsta"), "fjordtel lodz orsta");
        assert_eq!(fold("Καλημέρα ΆΡΗΣ"), "καλημερα αρησ");
        assert_eq!(fold("Ёлка 😡 பணம்"), "елка 😡 பணம்");
        // A mark beyond U+036F, and a Hangul syllable, take the general way.
        let mut out = String::from("kept ");
        assert!(!fold_by_char("a\u{0591}\u{0301}", &mut out));
        let mut general = String::new();
        fold_general("a\u{05B0}\u{0301}\u{0591}", &mut general);
        assert_eq!(fold("a\u{05B0}\u{0301}\u{0591}"), general);
        assert!(!fold_by_char("가", &mut out));
        assert_eq!(out, "kept ");
    }

    #[test]
    fn brand_words_are_known() {
        let m = matcher();
        assert!(m.is_brand_word("@fjordtel") && m.is_brand_word("fjordtel") && !m.is_brand_word("fjord"));
        assert!(m.is_brand_word("#FjordTel") && m.is_brand_word("fjördtel") && !m.is_brand_word("fjordtél2"));
    }
}
