//! The filters an [`Analyzer`](super::Analyzer) chains. Each expects the tokens as
//! [`tokenize`](super::tokenize) leaves them (lowercase `norm`) and never changes offsets.

use rustc_hash::FxHashSet;

use super::{Stem, Token, TokenKind};

/// One step of text analysis.
pub trait Filter: Send + Sync {
    fn apply(&self, tokens: &mut Vec<Token>);

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
    fn apply(&self, tokens: &mut Vec<Token>) {
        for t in tokens.iter_mut().filter(|t| t.kind == TokenKind::Word) {
            t.stop = self.words.contains(&t.norm);
        }
    }
}

/// Sets `stem` on words and hashtags.
pub struct StemFilter {
    stem: Stem,
}

impl StemFilter {
    pub fn new(stem: Stem) -> StemFilter {
        StemFilter { stem }
    }
}

impl Filter for StemFilter {
    fn apply(&self, tokens: &mut Vec<Token>) {
        for t in tokens.iter_mut().filter(|t| t.is_wordlike()) {
            t.stem = self.stem.stem(&t.norm);
        }
    }

    fn as_stem(&self) -> Option<&StemFilter> {
        Some(self)
    }
}
