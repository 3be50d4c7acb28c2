//! Is this post about the brand? Terms and exclusions from `[brand]`, matched on word
//! boundaries, without regard to case or diacritics, as names, @handles and #hashtags.
//!
//! Applied to everything that comes in (polled and pushed alike) before it is stored,
//! and by the scorer to tell whether a complaint is aimed at the business.

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
        let folded = fold(text);
        let excluded: Vec<(usize, usize)> = self.exclude.iter().flat_map(|e| find_words(&folded, e)).collect();
        self.terms.iter().any(|t| {
            find_words(&folded, t).into_iter().any(|(s, e)| !excluded.iter().any(|&(xs, xe)| s >= xs && e <= xe))
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
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold_by_char(s).unwrap_or_else(|| fold_general(s))
}

/// [`fold`] one character at a time, where that gives what the general algorithm gives:
/// every character is below U+0483 (its decomposition is letters and marks of
/// U+0300–U+036F, all dropped, so canonical reordering cannot matter) or a starter that
/// does not decompose (emoji, Tamil letters, punctuation). `None` otherwise.
fn fold_by_char(s: &str) -> Option<String> {
    use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = FOLDED_BELOW_0483.get(c as usize) {
            out.push_str(folded);
        } else {
            let mut own = true;
            decompose_canonical(c, |d| own &= d == c);
            if !own || canonical_combining_class(c) != 0 {
                return None;
            }
            push_folded(&mut out, c);
        }
    }
    Some(out)
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
fn fold_general(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        push_folded(&mut out, c);
    }
    out
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
fn find_words(hay: &str, needle: &Phrase) -> Vec<(usize, usize)> {
    let text = needle.text.as_str();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = needle.finder.find(&hay.as_bytes()[from..]) {
        let start = from + pos;
        let end = start + text.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let starts_word = text.starts_with(['@', '#']) || before.is_none_or(|c| !is_word_char(c));
        if starts_word && after.is_none_or(|c| !is_word_char(c)) {
            out.push((start, end));
        }
        from = start + text.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
    }
    out
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
            if let Some(by_char) = fold_by_char(&s) {
                proptest::prop_assert_eq!(by_char, fold_general(&s));
            }
        }
    }

    #[test]
    fn folding_drops_diacritics_in_every_script() {
        assert_eq!(fold("FJÖRDTÉL Łódź Ørsta"), "fjordtel lodz orsta");
        assert_eq!(fold("Καλημέρα ΆΡΗΣ"), "καλημερα αρησ");
        assert_eq!(fold("Ёлка 😡 பணம்"), "елка 😡 பணம்");
        // A mark beyond U+036F, and a Hangul syllable, take the general way.
        assert_eq!(fold_by_char("a\u{0591}\u{0301}"), None);
        assert_eq!(fold("a\u{05B0}\u{0301}\u{0591}"), fold_general("a\u{05B0}\u{0301}\u{0591}"));
        assert_eq!(fold_by_char("가"), None);
    }

    #[test]
    fn brand_words_are_known() {
        let m = matcher();
        assert!(m.is_brand_word("@fjordtel") && m.is_brand_word("fjordtel") && !m.is_brand_word("fjord"));
        assert!(m.is_brand_word("#FjordTel") && m.is_brand_word("fjördtel") && !m.is_brand_word("fjordtél2"));
    }
}
