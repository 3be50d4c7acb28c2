//! The filters an [`Analyzer`](super::Analyzer) chains. Each expects the tokens as
//! [`tokenize`](super::tokenize) leaves them (lowercase `norm`) and never changes offsets.

use compact_str::CompactString;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Stem, Token, TokenKind};

/// One step of text analysis. A filter decides each token on its own, from the token
/// alone, so that what the filters make of a word can be remembered
/// ([`Analyzer::filter`](super::Analyzer::filter)).
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

/// Word → stem, remembered per thread.
type Stems = FxHashMap<Box<str>, CompactString>;

/// Sets `stem` on words and hashtags. Stems are remembered per thread: words repeat, and
/// a lookup is several times cheaper than the Snowball algorithm.
pub struct StemFilter {
    stem: Stem,
    /// Tells this filter's remembered stems from another's (another language, or the
    /// same language with other rules).
    id: u64,
}

impl StemFilter {
    pub fn new(stem: Stem) -> StemFilter {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        StemFilter { stem, id: NEXT.fetch_add(1, Ordering::Relaxed) }
    }

    /// Calls `f` with a function from word to stem that looks in, and fills, this
    /// thread's cache for this filter (borrowed once for all the words of a post).
    fn with_stems(&self, f: impl FnOnce(&mut dyn FnMut(&str) -> CompactString)) {
        thread_local! {
            static STEMS: RefCell<FxHashMap<u64, Stems>> = RefCell::new(FxHashMap::default());
        }
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let mine = cache.entry(self.id).or_default();
            f(&mut |word: &str| {
                if let Some(stem) = mine.get(word) {
                    return stem.clone();
                }
                if mine.len() >= crate::score::rules::WORD_CACHE {
                    mine.clear();
                }
                let stem = CompactString::new(self.stem.stem(word));
                mine.insert(word.into(), stem.clone());
                stem
            })
        })
    }
}

impl Filter for StemFilter {
    fn apply(&self, tokens: &mut [Token]) {
        if !tokens.iter().any(Token::is_wordlike) {
            return;
        }
        self.with_stems(|stem| {
            for t in tokens.iter_mut().filter(|t| t.is_wordlike()) {
                t.stem = stem(&t.norm);
            }
        });
    }

    fn as_stem(&self) -> Option<&StemFilter> {
        Some(self)
    }
}
