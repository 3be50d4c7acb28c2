//! The filters an [`Analyzer`](super::Analyzer) chains. Each expects the tokens as
//! [`tokenize`](super::tokenize) leaves them (lowercase `norm`) and never changes offsets.

use compact_str::CompactString;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Stem, Token, TokenKind};

/// One step of text analysis. A filter decides each token on its own, from the token
/// alone, so that what the filters make of a word can be remembered
/// ([`Analyzer::filter`](super::Analyzer::filter)), and changes words and hashtags only:
/// the scorer does not run the filters on other tokens.
pub trait Filter: Send + Sync {
    fn apply(&self, tokens: &mut [Token]);

    /// The stemming step, so that rule terms can be stemmed the way posts are.
    fn as_stem(&self) -> Option<&StemFilter> {
        None
    }
}

/// Marks the language's stop words; they stay in place, because negators and
/// intensifiers among them matter to the sentiment model.
pub struct StopWords {
    words: FxHashSet<String>,
}

impl StopWords {
    pub fn new(words: FxHashSet<String>) -> StopWords {
        StopWords { words }
    }
}

impl Filter for StopWords {
    fn apply(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut().filter(|t| t.kind == TokenKind::Word) {
            t.stop = self.words.contains(t.norm.as_str());
        }
    }
}

/// Word → stem (or folded form), remembered per thread.
pub type Words = FxHashMap<Box<str>, Box<str>>;

/// Sets `stem` on words and hashtags. The scorer remembers what a word comes to, stem
/// included ([`Scorer`](crate::score::Scorer)), and calls the filters on a word it has
/// not seen: a cache of stems here as well was looked in, in vain, for every such word.
pub struct StemFilter {
    stem: Stem,
}

impl StemFilter {
    pub fn new(stem: Stem) -> StemFilter {
        StemFilter { stem }
    }
}

impl Filter for StemFilter {
    fn apply(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut().filter(|t| t.is_wordlike()) {
            t.stem = CompactString::new(self.stem.stem_of(&t.norm));
        }
    }

    fn as_stem(&self) -> Option<&StemFilter> {
        Some(self)
    }
}
