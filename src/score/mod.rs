//! The `score` stage: one post in, its sentiment and complaint decision out.
//!
//! Sentiment is a VADER-style valence model run per language: lexicon valences, shifted
//! by intensifiers, flipped by negation within its scope, weighted around contrast words
//! ("but"), emphasised by capitals and exclamation marks. A complaint is not the same as
//! negative sentiment: the complaint model combines complaint cues (broken expectations,
//! demands, pointed questions, problems), their categories, the sentiment, and whether the
//! post is aimed at the business, through a logistic model fitted offline.
//!
//! Pure and synchronous: no IO, no errors; any text gets a score.

pub mod fit;
pub mod measure;
pub mod patterns;
pub mod rules;

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, Ordering};

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};

pub use rules::{Category, CueKind, Rules};

use crate::brand::BrandMatcher;
use crate::mention::Lang;
use crate::normalize::{Token, TokenKind, lang::Identifier};
use rules::{LangRules, StemRules, WordRole, with_folded};

/// The features of the complaint model, by name (the keys of `[complaint.weights]`).
pub const FEATURES: &[&str] = &[
    "cue_problem",
    "cue_expectation",
    "cue_demand",
    "cue_question",
    "cue_counter",
    "category",
    "neg",
    "pos",
    "targeted",
    "second_person",
    "question_mark",
    "exclaim",
    "url_only",
];

/// The scorer's three-class sentiment decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }

    pub fn parse(s: &str) -> Option<Polarity> {
        match s {
            "negative" => Some(Polarity::Negative),
            "neutral" => Some(Polarity::Neutral),
            "positive" => Some(Polarity::Positive),
            _ => None,
        }
    }
}

/// What fired, and where in the raw text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: CompactString,
    pub start: usize,
    pub end: usize,
}

/// The score of one post.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// The language scored in: the mention's own, or detected.
    pub lang: CompactString,
    /// −1 … 1.
    pub sentiment: f32,
    pub polarity: Polarity,
    /// 0 … 1.
    pub complaint_score: f32,
    pub complaint: bool,
    /// What the complaint is about, from the strongest category cue.
    pub category: Option<Category>,
    /// Rule and lexicon ids that fired, in text order, each once.
    pub matched: Vec<CompactString>,
    /// Where each fired, for highlighting.
    pub hits: Vec<Hit>,
    /// Stemmed content words (no stop words, brand terms, numbers), for grouping.
    pub terms: Vec<CompactString>,
}

/// Scores posts with one set of rules and one brand.
pub struct Scorer {
    rules: Rules,
    brand: BrandMatcher,
    /// Detects the language of posts that come without one; the brand's languages are
    /// its prior.
    identifier: Identifier,
    /// The fitted lexical layers of each language that has any.
    layers: FxHashMap<Lang, Layers>,
    /// Tells the words this scorer remembers per thread ([`Scorer::tokens`]) from
    /// another scorer's.
    id: u64,
    /// The complaint model's weights in the order of [`FEATURES`] (0 where it has none).
    weights: [f32; N_FEATURES],
}

/// What a scorer makes of a word or hashtag in one language, remembered per thread: the
/// filters' stem and stop mark, and what the rules, the layers and the brand say of it.
#[derive(Clone)]
struct WordFacts {
    stem: CompactString,
    stop: bool,
    role: WordRole,
    single: WordRole,
    stem_rules: Option<u32>,
    layer: Option<LayerKey>,
    content: bool,
}

thread_local! {
    /// The list of the tokens of the thread's last post, emptied and filled with the next
    /// one's ([`Scorer::score`] gives it back): allocating one for every post was 31 M
    /// instructions on the 140,853 mixed posts, with as many to free it.
    static SPARE_TOKENS: Cell<Vec<Token>> = const { Cell::new(Vec::new()) };
}

/// Per (scorer, language): what is remembered of the words seen ([`Remembered`]).
type RememberedWords = FxHashMap<(u64, Option<Lang>), Remembered>;

/// A cache of [`WORD_FACTS`] places, a word going to the place its hash picks and taking
/// it from the word there, in front of a map of the words seen. The places are a small
/// direct-mapped cache, so that the frequent words, which make most of a post, are found
/// without a lookup that waits on memory: a map of every word alone (tried) made real
/// posts 10–15% slower. A word that lost its place is found in the map: two in five of the
/// words the places missed on the mixed posts had been seen, and each was stemmed and
/// looked up in the rules again (the stem filter's own cache of stems, which this
/// replaces, saved the stemming only).
struct Remembered {
    places: Box<[Option<(WordKey, WordFacts)>]>,
    /// Up to [`rules::WORD_CACHE`] words, then emptied.
    seen: FxHashMap<WordKey, WordFacts>,
}

impl Remembered {
    fn new() -> Remembered {
        // The map made as large as the places from the start: growing it there, one
        // rehash after another, cost what it saved on the first 20,000 mixed posts.
        let seen = FxHashMap::with_capacity_and_hasher(WORD_FACTS, Default::default());
        Remembered { places: vec![None; WORD_FACTS].into(), seen }
    }
}

/// How many places a scorer's word cache has per thread and language.
const WORD_FACTS: usize = 1 << 12;

/// A word of up to 30 bytes kept in place, so that telling it from another compares bytes
/// instead of following a pointer; with the kind of token, because the filters treat words
/// and hashtags differently, and whether it was elongated ("nooo", whose form with one
/// letter is another word).
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordKey {
    len: u8,
    tag: u8,
    bytes: [u8; 30],
}

impl WordKey {
    /// The key of a word or hashtag, when it is short enough to keep.
    fn new(t: &Token) -> Option<WordKey> {
        let mut bytes = [0u8; 30];
        bytes.get_mut(..t.norm.len())?.copy_from_slice(t.norm.as_bytes());
        Some(WordKey { len: t.norm.len() as u8, tag: word_tag(t), bytes })
    }

    /// This is the key of `t`: compared without making `t`'s key, which is made only to
    /// remember a word.
    fn is_of(&self, t: &Token) -> bool {
        let n = self.len as usize;
        n == t.norm.len() && self.tag == word_tag(t) && self.bytes[..n] == *t.norm.as_bytes()
    }
}

/// Hashed from its first 22 bytes, its length and its tag, as three words, for the map of
/// the words seen: hashing all 32 bytes one by one was most of a lookup's cost, and
/// longer words that share 22 bytes are few.
impl std::hash::Hash for WordKey {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let word = |i: usize| u64::from_le_bytes(std::array::from_fn(|k| self.bytes[i + k]));
        h.write_u64(word(0));
        h.write_u64(word(8));
        h.write_u64(word(16) << 16 | u64::from(self.len) << 8 | u64::from(self.tag));
    }
}

fn word_tag(t: &Token) -> u8 {
    u8::from(t.kind == TokenKind::Hashtag) << 1 | u8::from(t.elongated)
}

/// The place of `t`'s key in a cache of [`WORD_FACTS`] places, hashed from the word itself;
/// none when the word is too long to keep.
fn word_place(t: &Token) -> Option<usize> {
    use std::hash::{BuildHasher, Hasher};
    if t.norm.len() > 30 {
        return None;
    }
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(t.norm.as_bytes());
    h.write_u8(word_tag(t));
    // FxHash's best bits are its high ones.
    Some((h.finish() >> (64 - WORD_FACTS.trailing_zeros())) as usize)
}

/// A term key's number in a language's layers, and its entry if it is a key of the table.
type LayerKey = (u32, Option<u32>);

/// A language's fitted complaint and sentiment layers in one table, so that a post's term
/// keys are looked up once for both.
///
/// A post's keys are its tokens' keys and each pair of neighbours joined by a space. So
/// that a pair is not joined and hashed as a string, every key of the table and every part
/// of a key on either side of one of its spaces has a number (`ids`), and a pair of
/// numbers finds the key they join into (`pairs`): one string lookup per token.
struct Layers {
    /// The complaint layer's bias, when the language has one.
    complaint: Option<f32>,
    sentiment: Option<SentimentBase>,
    /// Each key of the table and each part of one → (its number, the key's entry if it
    /// is a key).
    ids: FxHashMap<Box<str>, LayerKey>,
    /// (number of the part before a space, number of the part after it) → the entry of
    /// the key they join into.
    pairs: FxHashMap<(u32, u32), u32>,
    /// Entry → (complaint weight, negative, neutral, positive weights); 0 where a layer
    /// does not list the key.
    weights: Vec<[f32; 4]>,
}

impl Layers {
    /// The layers of each language the model has, built on every core: one after another
    /// they were most of `Scorer::new` (45 M of 59 M instructions), on one core between
    /// loading the rules and the first post.
    fn of_model(model: &rules::Model) -> FxHashMap<Lang, Layers> {
        let langs: Vec<_> = Lang::ALL
            .iter()
            .map(|&lang| (lang, model.complaint.lang.get(lang.code()), model.sentiment.lang.get(lang.code())))
            .filter(|(_, complaint, sentiment)| complaint.is_some() || sentiment.is_some())
            .collect();
        let terms = |c: Option<&rules::LangTerms>, s: Option<&rules::SentimentLayer>| {
            c.map_or(0, |c| c.terms.0.len()) + s.map_or(0, |s| s.terms.0.len())
        };
        let built = rules::on_all_cores(&langs, |&(_, c, s)| terms(c, s), |&(_, c, s)| Layers::of_lang(c, s));
        langs.iter().map(|&(lang, ..)| lang).zip(built).collect()
    }

    /// The layers of one language, from its complaint layer and its sentiment layer.
    fn of_lang(complaint: Option<&rules::LangTerms>, sentiment: Option<&rules::SentimentLayer>) -> Layers {
        let mut terms: FxHashMap<Box<str>, [f32; 4]> = FxHashMap::default();
        for (key, w) in complaint.iter().flat_map(|c| &c.terms.0) {
            terms.entry(key.as_str().into()).or_default()[0] = w[0];
        }
        for (key, w) in sentiment.iter().flat_map(|s| &s.terms.0) {
            terms.entry(key.as_str().into()).or_default()[1..].copy_from_slice(w);
        }
        let mut layers = Layers {
            complaint: complaint.map(|c| c.bias),
            sentiment: sentiment.map(SentimentBase::new),
            ids: FxHashMap::default(),
            pairs: FxHashMap::default(),
            weights: Vec::with_capacity(terms.len()),
        };
        // In key order, so that the numbers do not depend on the hash map's order.
        let mut terms: Vec<_> = terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (key, w) in terms {
            let entry = layers.weights.len() as u32;
            layers.weights.push(w);
            layers.id(&key).1 = Some(entry);
            for (at, _) in key.match_indices(' ') {
                let (before, after) = (layers.id(&key[..at]).0, layers.id(&key[at + 1..]).0);
                layers.pairs.insert((before, after), entry);
            }
        }
        layers
    }

    /// The number of `part` (and its entry), numbered now if it has none.
    fn id(&mut self, part: &str) -> &mut LayerKey {
        let next = self.ids.len() as u32;
        self.ids.entry(part.into()).or_insert((next, None))
    }

    /// The entries a post's term keys ([`term_keys`]) find, each once, in the order first
    /// found: what `for_each_key` gives, looked up without joining pairs. `known` has the
    /// numbers of the words and hashtags.
    #[cfg(test)]
    fn entries(&self, tokens: &[Token], known: &[Known]) -> Vec<u32> {
        let mut found = Vec::new();
        self.entries_into(tokens, known, &mut found);
        found
    }

    /// [`Layers::entries`], into `found` (cleared first).
    fn entries_into(&self, tokens: &[Token], known: &[Known], found: &mut Vec<u32>) {
        found.clear();
        let mut add = |e: u32| {
            if !found.contains(&e) {
                found.push(e);
            }
        };
        let mut prev: Option<u32> = None;
        for (t, k) in tokens.iter().zip(known) {
            let Some(key) = token_key(t) else {
                for (mark, key) in [('?', "?"), ('!', "!")] {
                    if t.norm.contains(mark)
                        && let Some((_, Some(e))) = self.ids.get(key)
                    {
                        add(*e);
                    }
                }
                prev = None;
                continue;
            };
            if key.is_empty() {
                continue;
            }
            let id = if t.is_wordlike() { k.layer.as_ref() } else { self.ids.get(key) };
            if let Some((_, Some(e))) = id {
                add(*e);
            }
            if let (Some(p), Some((k, _))) = (prev, id)
                && let Some(e) = self.pairs.get(&(p, *k))
            {
                add(*e);
            }
            // A key without a number is part of no pair of the table.
            prev = id.map(|(k, _)| *k);
        }
    }
}

/// What a sentiment layer adds before the term keys: its bias, the compound valence and
/// the complaint features (by index into [`FEATURES`]), per class.
struct SentimentBase {
    bias: [f32; 3],
    compound: [f32; 3],
    features: Vec<(usize, [f32; 3])>,
}

impl SentimentBase {
    fn new(layer: &rules::SentimentLayer) -> SentimentBase {
        let features = layer
            .features
            .iter()
            .filter_map(|(name, w)| FEATURES.iter().position(|f| f == name).map(|i| (i, *w)))
            .collect();
        SentimentBase { bias: layer.bias, compound: layer.compound, features }
    }

    fn logits(&self, compound: f32, features: &[f32; N_FEATURES]) -> [f32; 3] {
        let mut z: [f32; 3] = std::array::from_fn(|c| self.bias[c] + self.compound[c] * compound);
        for (i, w) in &self.features {
            for (zc, wc) in z.iter_mut().zip(w) {
                *zc += wc * features[*i];
            }
        }
        z
    }
}

/// Everything the complaint model looks at in one post, before the model weighs it:
/// what `repwatch fit` learns from.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The language analysed in (`None`: not one we analyse).
    pub lang: Option<Lang>,
    pub sentiment: f32,
    /// The values of [`FEATURES`], in order.
    pub features: [f32; N_FEATURES],
    /// The term keys of the post, for the per-language lexical layer ([`term_keys`]).
    pub keys: Vec<String>,
    category: Option<Category>,
    hits: Vec<Hit>,
    terms: Vec<CompactString>,
}

/// How many features the complaint model has.
pub const N_FEATURES: usize = 13;
const _: () = assert!(FEATURES.len() == N_FEATURES);

const NEGATION_SCALAR: f32 = -0.74;
const CAPS_INCREMENT: f32 = 0.733;
const EXCLAIM_INCREMENT: f32 = 0.292;
const BOOSTER_DECAY: [f32; 3] = [1.0, 0.95, 0.9];

impl Scorer {
    pub fn new(rules: Rules, brand: BrandMatcher, prior: Vec<Lang>) -> Scorer {
        let words = rules.langs.iter().map(|(lang, r)| (*lang, &r.function_words));
        let identifier = Identifier::new(&prior).with_words(words);
        let layers = Layers::of_model(&rules.model);
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        let weights = std::array::from_fn(|i| rules.model.complaint.weights.get(FEATURES[i]).copied().unwrap_or(0.0));
        Scorer { rules, brand, identifier, layers, id, weights }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Scores `text`. `lang` is the mention's language code, if it has one.
    pub fn score(&self, text: &str, lang: Option<&str>) -> Score {
        let lang = self.language(text, lang);
        let layers = lang.and_then(|l| self.layers.get(&l));
        let (a, tokens, known) = self.run(text, lang);
        let model = &self.rules.model;
        let mut z = self.logit(&a.features);
        // The layers' shares: the complaint logit's, and the sentiment logits.
        let (mut complaint_z, mut sentiment_z) = match layers {
            Some(l) => (l.complaint, l.sentiment.as_ref().map(|s| s.logits(a.sentiment, &a.features))),
            None => (None, None),
        };
        thread_local! {
            static ENTRIES: Cell<Vec<u32>> = const { Cell::new(Vec::new()) };
        }
        if let Some(l) = layers {
            // The layer's entries are gathered in a list kept per thread.
            let mut entries = ENTRIES.take();
            l.entries_into(&tokens, &known, &mut entries);
            for &e in &entries {
                let w = &l.weights[e as usize];
                if let Some(zc) = complaint_z.as_mut() {
                    *zc += w[0];
                }
                if let Some(zs) = sentiment_z.as_mut() {
                    for (zc, wc) in zs.iter_mut().zip(&w[1..]) {
                        *zc += wc;
                    }
                }
            }
            // A very long post does not leave its long list behind.
            if entries.capacity() <= 4096 {
                ENTRIES.set(entries);
            }
        }
        if let Some(zc) = complaint_z {
            z += zc;
        }
        let complaint_score = 1.0 / (1.0 + (-z).exp());
        let (sentiment, polarity) = match sentiment_z {
            // Where a fitted layer exists it decides; the sentiment is then P(pos) − P(neg).
            Some(zs) => {
                let p = softmax3(zs);
                let best = (0..3).max_by(|x, y| p[*x].total_cmp(&p[*y])).unwrap_or(1);
                (p[2] - p[0], [Polarity::Negative, Polarity::Neutral, Polarity::Positive][best])
            }
            None => {
                let (neg, pos) = model.sentiment.thresholds_for(lang.map(|l| l.code()));
                (a.sentiment, fit::polarity(a.sentiment, neg, pos))
            }
        };
        let mut hits = a.hits;
        hits.sort_by_key(|h| (h.start, h.end));
        let matched = first_occurrences(hits.iter().map(|h| h.id.as_str()));
        let score = Score {
            lang: CompactString::const_new(lang.map_or("und", |l| l.code())),
            sentiment: round3(sentiment),
            polarity,
            complaint_score: round3(complaint_score),
            complaint: complaint_score >= model.complaint.threshold,
            category: a.category,
            matched,
            hits,
            terms: a.terms,
        };
        // The list goes back for the thread's next post, unless a very long post made it long.
        if tokens.capacity() <= 4096 {
            SPARE_TOKENS.set(tokens);
        }
        score
    }

    /// The language a post is analysed in: its own code when we analyse that language,
    /// none when it names another (emoji only), detected when it has none.
    pub fn language(&self, text: &str, lang: Option<&str>) -> Option<Lang> {
        match lang.and_then(Lang::from_code) {
            Some(l) => Some(l),
            None if lang.is_some_and(|l| !l.trim().is_empty()) => None,
            None => Some(self.identifier.detect(text)),
        }
    }

    /// The language-neutral part of the complaint model's logit.
    pub fn logit(&self, features: &[f32; N_FEATURES]) -> f32 {
        let mut z = self.rules.model.complaint.bias;
        for (w, value) in self.weights.iter().zip(features) {
            z += w * value;
        }
        z
    }

    /// The features of one post in `lang` (as [`Scorer::language`] decided it), with its
    /// term keys when `keys` is set.
    pub fn analyse(&self, text: &str, lang: Option<Lang>, keys: bool) -> Analysis {
        let (mut a, tokens, _) = self.run(text, lang);
        if keys {
            a.keys = term_keys(&tokens);
        }
        a
    }

    fn run(&self, text: &str, lang: Option<Lang>) -> (Analysis, Vec<Token>, Vec<Known<'_>>) {
        let rules = self.rules.for_lang(lang);
        let (tokens, known) = self.tokens(text, lang, rules);
        let post = PostFacts::of(text, &tokens, &known);
        let mut hits = Vec::new();
        let sentiment = self.sentiment(text, &post, &tokens, &known, rules, &mut hits);
        let (features, category) = self.complaint_features(text, &post, &tokens, &known, rules, sentiment, &mut hits);
        let terms = content_terms(&tokens, &known);
        (Analysis { lang, sentiment, features, keys: Vec::new(), category, hits, terms }, tokens, known)
    }

    /// The tokens of `text` as `rules`' analyzer makes them, and what is known of each.
    /// What a word comes to is remembered per thread: a word seen before is one lookup
    /// instead of a stem lookup, a stop word lookup, function word lookups, a rules lookup
    /// and a layer lookup.
    fn tokens<'r>(&'r self, text: &str, lang: Option<Lang>, rules: &'r LangRules) -> (Vec<Token>, Vec<Known<'r>>) {
        thread_local! {
            static WORDS: RefCell<RememberedWords> = RefCell::new(FxHashMap::default());
        }
        let layers = lang.and_then(|l| self.layers.get(&l));
        let mut tokens = rules.analyzer.tokenize_into(text, SPARE_TOKENS.take());
        let known = WORDS.with(|words| {
            let mut words = words.borrow_mut();
            // Scorers come and go (tests, a reload): their caches go when there are many.
            if words.len() >= 64 && !words.contains_key(&(self.id, lang)) {
                words.clear();
            }
            let remembered = words.entry((self.id, lang)).or_insert_with(Remembered::new);
            tokens
                .iter_mut()
                .map(|t| {
                    if !t.is_wordlike() {
                        // The filters change words and hashtags only (`Filter`): running
                        // them on the other tokens was 474,000 calls for nothing on the
                        // mixed posts.
                        return self.known_other(t, rules);
                    }
                    let known_of = |facts: &WordFacts| Known {
                        role: facts.role,
                        single: facts.single,
                        stem_id: facts.stem_rules,
                        stem: facts.stem_rules.map(|i| &rules.stem_rules[i as usize]),
                        layer: facts.layer,
                        content: facts.content,
                    };
                    let place = word_place(t);
                    let at_place = place.and_then(|i| remembered.places[i].as_ref().filter(|(at, _)| at.is_of(t)));
                    if let Some((_, facts)) = at_place {
                        t.stem = facts.stem.clone();
                        t.stop = facts.stop;
                        return known_of(facts);
                    }
                    // The key is of the word as written, before the filters.
                    let Some((key, i)) = place.and_then(|i| WordKey::new(t).map(|k| (k, i))) else {
                        rules.analyzer.filter(t);
                        return known_of(&self.word_facts(t, rules, layers));
                    };
                    let facts = match remembered.seen.get(&key) {
                        Some(facts) => {
                            t.stem = facts.stem.clone();
                            t.stop = facts.stop;
                            facts.clone()
                        }
                        None => {
                            rules.analyzer.filter(t);
                            let facts = self.word_facts(t, rules, layers);
                            if remembered.seen.len() >= rules::WORD_CACHE {
                                remembered.seen.clear();
                            }
                            remembered.seen.insert(key, facts.clone());
                            facts
                        }
                    };
                    let out = known_of(&facts);
                    remembered.places[i] = Some((key, facts));
                    out
                })
                .collect()
        });
        (tokens, known)
    }

    /// What is known of a word or hashtag the filters have run on.
    fn word_facts(&self, t: &Token, rules: &LangRules, layers: Option<&Layers>) -> WordFacts {
        let (role, single) = roles(t, rules);
        // Three characters or more: counted up to the third, not to the end.
        let content = !t.stop && t.stem.chars().nth(2).is_some() && !self.brand.is_brand_word(&t.norm) && !role.negator;
        WordFacts {
            stem: t.stem.clone(),
            stop: t.stop,
            role,
            single,
            stem_rules: rules.stem_ids.get(&*t.stem).copied(),
            layer: layers.and_then(|l| l.ids.get(&*t.stem)).copied(),
            content,
        }
    }

    /// What is known of a token that is not a word or a hashtag: numbers can be function
    /// words.
    fn known_other<'r>(&self, t: &Token, rules: &LangRules) -> Known<'r> {
        if t.kind != TokenKind::Number {
            return Known::default();
        }
        let (role, single) = roles(t, rules);
        Known { role, single, ..Known::default() }
    }

    /// The VADER-style compound valence in −1 … 1.
    fn sentiment(
        &self,
        text: &str,
        post: &PostFacts,
        tokens: &[Token],
        known: &[Known],
        rules: &LangRules,
        hits: &mut Vec<Hit>,
    ) -> f32 {
        let (all_caps, contrast_at) = (post.all_caps, post.contrast_at);
        let mut sum = 0.0f32;
        let mut i = 0;
        while i < tokens.len() {
            let Some((len, entry)) = self.lookup(tokens, known, i, rules) else {
                i += 1;
                continue;
            };
            let t = &tokens[i];
            let mut v = entry.valence;
            let sign = v.signum();
            if t.caps && !all_caps {
                v += sign * CAPS_INCREMENT;
            }
            // Intensifiers and diminishers before the word, within its clause.
            for (k, decay) in BOOSTER_DECAY.iter().enumerate() {
                let Some(j) = i.checked_sub(k + 1) else { break };
                if is_clause_break(&tokens[j]) {
                    break;
                }
                if let Some(b) = known[j].role.booster.or(known[j].single.booster) {
                    let mut b = b * decay;
                    if tokens[j].caps && !all_caps {
                        b += b.signum() * CAPS_INCREMENT * 0.3;
                    }
                    v += sign * b;
                }
            }
            if self.negated(tokens, known, i) || negated_after(tokens, known, i, len, &entry.id, rules) {
                v *= NEGATION_SCALAR;
            }
            if let Some(c) = contrast_at {
                v *= if i < c { 0.5 } else { 1.5 };
            }
            hits.push(Hit { id: CompactString::new(&entry.id), start: t.start, end: tokens[i + len - 1].end });
            sum += v;
            i += len;
        }
        // Runs of brackets without their pair are smiles and frowns ("спасибо)))", "жаль((("),
        // worth what ":)" and ":(" are worth.
        for (start, end, smile) in bracket_runs(text, &post.marks) {
            if let Some(e) = self.rules.common.get(if smile { ":)" } else { ":(" }) {
                sum += e.valence;
                hits.push(Hit { id: CompactString::new(&e.id), start, end });
            }
        }
        let bangs = post.marks.bangs.min(4) as f32;
        if sum > 0.0 {
            sum += bangs * EXCLAIM_INCREMENT;
        } else if sum < 0.0 {
            sum -= bangs * EXCLAIM_INCREMENT;
        }
        sum / (sum * sum + 15.0).sqrt()
    }

    /// The lexicon entry starting at token `i`: the longest phrase, else the word, else
    /// an emoji or emoticon. Returns how many tokens it covers.
    fn lookup<'r>(
        &'r self,
        tokens: &[Token],
        known: &[Known<'r>],
        i: usize,
        rules: &'r LangRules,
    ) -> Option<(usize, &'r rules::LexEntry)> {
        let t = &tokens[i];
        match t.kind {
            TokenKind::Word | TokenKind::Hashtag => {
                if let Some(at) = known[i].stem {
                    for (stems, entry) in &at.lexicon_phrases {
                        if matches_at(known, i, stems) {
                            return Some((stems.len(), entry));
                        }
                    }
                    if let Some(e) = &at.lexicon {
                        return Some((1, e));
                    }
                }
                let single = t.norm_single()?;
                let stem = rules.analyzer.stems(&single).into_iter().next()?;
                rules.stem(&stem)?.lexicon.as_ref().map(|e| (1, e))
            }
            TokenKind::Emoji | TokenKind::Emoticon => self.rules.common.get(t.norm.as_str()).map(|e| (1, e)),
            _ => None,
        }
    }

    /// A negator among the three words before `i`, within its clause; or "n't" on the
    /// word just before.
    fn negated(&self, tokens: &[Token], known: &[Known], i: usize) -> bool {
        for k in 1..=3 {
            let Some(j) = i.checked_sub(k) else { return false };
            let t = &tokens[j];
            if is_clause_break(t) {
                return false;
            }
            if t.kind == TokenKind::Word
                && (known[j].role.negator || known[j].single.negator || t.norm.ends_with("n't"))
            {
                return true;
            }
        }
        false
    }

    #[allow(clippy::too_many_arguments)]
    fn complaint_features(
        &self,
        text: &str,
        post: &PostFacts,
        tokens: &[Token],
        known: &[Known],
        rules: &LangRules,
        sentiment: f32,
        hits: &mut Vec<Hit>,
    ) -> ([f32; N_FEATURES], Option<Category>) {
        let mut by_kind = [0.0f32; 5];
        let mut best_category: Option<(f32, Category)> = None;
        // The cues that fired, each once: a few a post.
        let mut fired: Vec<usize> = Vec::new();
        let mut fire = |index: usize, start: usize, end: usize, hits: &mut Vec<Hit>| {
            if fired.contains(&index) {
                return;
            }
            fired.push(index);
            let cue = &rules.cues[index];
            let k = CueKind::ALL.iter().position(|k| *k == cue.kind).unwrap_or(0);
            by_kind[k] += cue.weight;
            if let Some(c) = cue.category
                && best_category.is_none_or(|(w, _)| cue.weight > w)
            {
                best_category = Some((cue.weight, c));
            }
            hits.push(Hit { id: CompactString::new(&cue.id), start, end });
        };
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_wordlike() {
                continue;
            }
            let Some(at) = known[i].stem else { continue };
            for (stems, index) in &at.cue_phrases {
                if matches_at(known, i, stems) {
                    fire(*index, t.start, tokens[i + stems.len() - 1].end, hits);
                }
            }
            for index in &at.cue_terms {
                fire(*index, t.start, t.end, hits);
            }
        }
        rules.cue_patterns.for_each_match(text, |index, start, end| fire(index, start, end, hits));
        let targeted = self.brand.is_targeted(text, tokens);
        let url_only = post.url && post.words <= 3;
        let mut values = [0.0f32; N_FEATURES];
        for (k, v) in by_kind.iter().enumerate() {
            values[k] = v.min(3.0);
        }
        values[5] = best_category.is_some() as u8 as f32;
        values[6] = (-sentiment).max(0.0);
        values[7] = sentiment.max(0.0);
        values[8] = targeted as u8 as f32;
        values[9] = post.second_person as u8 as f32;
        values[10] = text.contains('?') as u8 as f32;
        values[11] = (post.marks.bangs > 0) as u8 as f32;
        values[12] = url_only as u8 as f32;
        (values, best_category.map(|(_, c)| c))
    }
}

/// The stems of the post's content words (no stop words, brand words, negators or stems
/// under three letters), each once.
fn content_terms(tokens: &[Token], known: &[Known]) -> Vec<CompactString> {
    let stems = tokens.iter().zip(known).filter(|(t, k)| t.is_wordlike() && k.content).map(|(t, _)| t.stem.as_str());
    first_occurrences(stems)
}

/// `items` without repeats, in the order first seen. A post has a few: they are
/// compared one by one, and only a long list is hashed.
fn first_occurrences<'a>(items: impl Iterator<Item = &'a str>) -> Vec<CompactString> {
    const LINEAR: usize = 32;
    // Room for all of a short post's items at once, rather than growing four times.
    let mut out: Vec<CompactString> = Vec::with_capacity(items.size_hint().1.unwrap_or(0).min(2 * LINEAR));
    // The first ones as given, on the stack; past them, a set.
    let mut firsts: [&str; LINEAR] = [""; LINEAR];
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for item in items {
        let n = out.len();
        if n < LINEAR {
            if !firsts[..n].contains(&item) {
                firsts[n] = item;
                out.push(CompactString::new(item));
            }
        } else {
            if seen.is_empty() {
                seen.extend(firsts);
            }
            if seen.insert(item) {
                out.push(CompactString::new(item));
            }
        }
    }
    out
}

/// The term keys of a post, each once, for the per-language lexical layer: the stem of
/// every word and hashtag, `<num>`, `<url>`, `<handle>`, emoji and emoticons as written,
/// `?` and `!`; and every pair of neighbouring keys within a clause ("still wait").
pub fn term_keys(tokens: &[Token]) -> Vec<String> {
    let mut keys = Vec::with_capacity(tokens.len() * 2);
    let mut buf = String::new();
    for_each_key(tokens, &mut buf, |k| keys.push(k.to_string()));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A token's term key: the stem of a word or hashtag, `<num>`, `<url>`, `<handle>`,
/// emoji and emoticons as written; none for punctuation, whose keys are `?` and `!`.
fn token_key(t: &Token) -> Option<&str> {
    Some(match t.kind {
        TokenKind::Word | TokenKind::Hashtag => &t.stem,
        TokenKind::Number => "<num>",
        TokenKind::Url => "<url>",
        TokenKind::Handle => "<handle>",
        TokenKind::Emoji | TokenKind::Emoticon => &t.norm,
        TokenKind::Punct => return None,
    })
}

fn for_each_key(tokens: &[Token], buf: &mut String, mut f: impl FnMut(&str)) {
    let mut prev: Option<&str> = None;
    for t in tokens {
        let Some(key) = token_key(t) else {
            if t.norm.contains('?') {
                f("?");
            }
            if t.norm.contains('!') {
                f("!");
            }
            prev = None;
            continue;
        };
        if key.is_empty() {
            continue;
        }
        f(key);
        if let Some(p) = prev {
            buf.clear();
            buf.push_str(p);
            buf.push(' ');
            buf.push_str(key);
            f(buf.as_str());
        }
        prev = Some(key);
    }
}

/// Softmax over three logits.
pub fn softmax3(z: [f32; 3]) -> [f32; 3] {
    let m = z[0].max(z[1]).max(z[2]);
    let e = [(z[0] - m).exp(), (z[1] - m).exp(), (z[2] - m).exp()];
    let sum = e[0] + e[1] + e[2];
    [e[0] / sum, e[1] / sum, e[2] / sum]
}

/// Negation that comes after the word: a negation suffix on the word itself (Tamil
/// "நல்லாயில்லை", seen on the word as written, before a stemmer strips it), or a
/// post-posed negator among the two words after the entry, within its clause ("anbefaler
/// ikke", "nalla illa"). An entry that already holds the negation ("mosam illa") is not
/// negated again.
fn negated_after(tokens: &[Token], known: &[Known], i: usize, len: usize, id: &str, rules: &LangRules) -> bool {
    if !rules.negation_suffixes.is_empty() && len == 1 {
        let t = &tokens[i];
        let suffixed = with_folded(&t.norm, |w| {
            rules
                .negation_suffixes
                .iter()
                .any(|s| w.len() > s.len() && w.ends_with(s.as_str()) && !id.ends_with(s.as_str()))
        });
        if suffixed {
            return true;
        }
    }
    if rules.negators_after.is_empty() {
        return false;
    }
    for (t, r) in tokens.iter().zip(known).skip(i + len).take(2) {
        if is_clause_break(t) {
            return false;
        }
        if t.kind == TokenKind::Word && (r.role.negator_after || r.single.negator_after) {
            return true;
        }
    }
    false
}

/// What the valence and the features look at in the whole post, found in one pass over its
/// bytes ([`Marks`]) and one over its tokens: a pass over the tokens for each was 2% of
/// scoring.
#[derive(Debug, PartialEq)]
struct PostFacts {
    marks: Marks,
    /// Every word and hashtag is in capitals (or there are none).
    all_caps: bool,
    /// The first contrast word ("but").
    contrast_at: Option<usize>,
    /// A word addresses the reader.
    second_person: bool,
    /// How many words and hashtags.
    words: usize,
    /// A link.
    url: bool,
}

impl PostFacts {
    fn of(text: &str, tokens: &[Token], known: &[Known]) -> PostFacts {
        let mut post = PostFacts {
            marks: Marks::of(text),
            all_caps: true,
            contrast_at: None,
            second_person: false,
            words: 0,
            url: false,
        };
        for (i, (t, k)) in tokens.iter().zip(known).enumerate() {
            match t.kind {
                TokenKind::Word => {
                    post.words += 1;
                    post.all_caps &= t.caps;
                    if k.role.contrast && post.contrast_at.is_none() {
                        post.contrast_at = Some(i);
                    }
                    post.second_person |= k.role.second_person;
                }
                TokenKind::Hashtag => {
                    post.words += 1;
                    post.all_caps &= t.caps;
                }
                TokenKind::Url => post.url = true,
                _ => {}
            }
        }
        post
    }
}

/// How many opening and closing brackets and exclamation marks a post has (each one
/// byte, which no byte of another character's UTF-8 is).
#[derive(Debug, Default, PartialEq)]
struct Marks {
    open: usize,
    close: usize,
    bangs: usize,
}

impl Marks {
    /// Counted in one pass that jumps from one of the three to the next (they are rare):
    /// counting each byte by byte, in three passes, was 4% of scoring.
    fn of(text: &str) -> Marks {
        let bytes = text.as_bytes();
        let mut m = Marks::default();
        for i in memchr::memchr3_iter(b'(', b')', b'!', bytes) {
            match bytes[i] {
                b'(' => m.open += 1,
                b')' => m.close += 1,
                _ => m.bangs += 1,
            }
        }
        m
    }
}

/// Runs of two or more closing brackets in a text with more closing than opening ones
/// (smiles, `true`), or of opening brackets in one with more opening ones (frowns): as
/// (start, end, smile). Balanced brackets ("(see (this))") are none. `marks` are the
/// text's.
fn bracket_runs(text: &str, marks: &Marks) -> Vec<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let want = match marks.open.cmp(&marks.close) {
        std::cmp::Ordering::Less => b')',
        std::cmp::Ordering::Greater => b'(',
        std::cmp::Ordering::Equal => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != want {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == want {
            i += 1;
        }
        if i - start >= 2 {
            out.push((start, i, want == b')'));
        }
    }
    out
}

/// What the rules say of one token, looked up once per post: its roles as a function word
/// ([`WordRole`]), as written and with its elongation cut ("nooo" → "no"), and what starts
/// at its stem; its number in the language's layers and whether it is a content word
/// (words and hashtags).
#[derive(Clone, Copy, Default)]
struct Known<'r> {
    role: WordRole,
    single: WordRole,
    /// The number of a word's stem in the rules, and what starts there.
    stem_id: Option<u32>,
    stem: Option<&'r StemRules>,
    layer: Option<LayerKey>,
    content: bool,
}

/// A word's, hashtag's or number's roles as a function word, as written and with its
/// elongation cut. Function words are letters (and digits): links, handles, emoji and
/// punctuation are none.
fn roles(t: &Token, rules: &LangRules) -> (WordRole, WordRole) {
    if rules.words.is_empty() || !matches!(t.kind, TokenKind::Word | TokenKind::Hashtag | TokenKind::Number) {
        return Default::default();
    }
    let role = |w: &str| folded(w, |w| rules.words.get(w).copied()).unwrap_or_default();
    (role(&t.norm), t.norm_single().map(|s| role(&s)).unwrap_or_default())
}

/// [`with_folded`] for a word met for the first time: one below U+0483 (Latin, Greek,
/// Cyrillic) of up to 64 bytes is folded a character at a time from a table, on the stack.
/// `roles` of the new words was 230 M instructions on the 140,853 mixed posts, 187 M of it
/// in `with_folded`, whose per-thread cache of folded words such a word almost always
/// misses (107,049 of 113,569 calls): a fold, a copy of the word and its folding, an insert.
fn folded<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if w.is_ascii() {
        return f(w);
    }
    match fold_below_0483(w, &mut buf) {
        Some(folded) => f(folded),
        None => with_folded(w, f),
    }
}

/// What [`FOLD_BELOW_0483`] holds for a character that folds to nothing (a mark).
const FOLD_DROP: u16 = 0xFFFE;
/// What [`FOLD_BELOW_0483`] holds for a character it cannot fold (into more than one).
const FOLD_OTHER: u16 = 0xFFFF;

/// Each character below U+0483 folded as [`rules::fold`] folds it there: its canonical
/// decomposition without the marks U+0300–U+036F (one character or none).
static FOLD_BELOW_0483: std::sync::LazyLock<Box<[u16; 0x483]>> = std::sync::LazyLock::new(|| {
    let mut table = Box::new([FOLD_OTHER; 0x483]);
    for (code, folded) in table.iter_mut().enumerate() {
        let Some(c) = char::from_u32(code as u32) else { continue };
        let mut kept = Vec::new();
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !matches!(d as u32, 0x0300..=0x036F) {
                kept.push(d);
            }
        });
        *folded = match kept[..] {
            [] => FOLD_DROP,
            [d] if (d as u32) < 0x483 => d as u16,
            _ => FOLD_OTHER,
        };
    }
    table
});

/// The folding of `w` into `buf`, when every character of `w` is below U+0483 and
/// [`FOLD_BELOW_0483`] folds it; the folding is never longer than `w` (a character below
/// U+0483 folds to one of as many bytes or fewer).
fn fold_below_0483<'b>(w: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    if w.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for c in w.chars() {
        let folded = *FOLD_BELOW_0483.get(c as usize)?;
        if folded == FOLD_DROP {
            continue;
        }
        let d = char::from_u32(u32::from(folded)).filter(|_| folded != FOLD_OTHER)?;
        n += d.encode_utf8(buf.get_mut(n..)?).len();
    }
    std::str::from_utf8(&buf[..n]).ok()
}

fn is_clause_break(t: &Token) -> bool {
    t.kind == TokenKind::Punct
}

/// The words from `i` on have the stems numbered `stems` (a phrase). Only words and
/// hashtags have stem numbers.
fn matches_at(known: &[Known], i: usize, stems: &[u32]) -> bool {
    stems.iter().enumerate().all(|(k, stem)| known.get(i + k).is_some_and(|r| r.stem_id == Some(*stem)))
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::rules::EMBEDDED_RULES;

    /// One scorer for all the tests here: building it (every language's rules) is the
    /// slow part in a debug build.
    fn scorer() -> &'static Scorer {
        static SCORER: std::sync::OnceLock<Scorer> = std::sync::OnceLock::new();
        SCORER.get_or_init(|| {
            let brand = BrandMatcher::new(&["FjordTel".into(), "@fjordtel".into()], &[]);
            Scorer::new(Rules::embedded(), brand, vec![Lang::En])
        })
    }

    fn check(text: &str, polarity: Polarity, complaint: bool) {
        let s = scorer().score(text, Some("en"));
        assert_eq!((s.polarity, s.complaint), (polarity, complaint), "{text}: {s:#?}");
    }

    #[test]
    fn reads_sentiment_and_complaints_in_english() {
        check("@fjordtel I have been charged twice and still no refund. Fix it!", Polarity::Negative, true);
        // No negative word: the complaint model must catch it, and the fitted 3-class layer
        // reads the broken expectation (its cue is one of the layer's features) as negative.
        check("Still waiting on my refund from FjordTel after 5 weeks", Polarity::Negative, true);
        // "overcharged" is a billing cue and a negative word; "again" makes it a repeat.
        check("FjordTel overcharged me again", Polarity::Negative, true);
        check("FjordTel support was great, thanks!", Polarity::Positive, false);
        check("not bad at all, FjordTel", Polarity::Positive, false);
        // Negative, but about no business: the compound valence says so, the complaint
        // model does not call it a complaint.
        let s = scorer().score("The rain ruined our picnic", Some("en"));
        assert!(!s.complaint && s.sentiment < 0.0, "{s:?}");
    }

    #[test]
    fn a_word_key_is_of_its_word_alone() {
        // A word, the hashtag of it, and the same letters elongated or not, are told apart
        // when they meet in one place of the cache.
        let tokens = crate::normalize::tokenize("the #the nooo noo");
        assert_eq!(tokens.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>(), ["the", "the", "noo", "noo"]);
        for (i, key) in tokens.iter().map(|t| WordKey::new(t).expect("short words have keys")).enumerate() {
            for (j, t) in tokens.iter().enumerate() {
                assert_eq!(key.is_of(t), i == j, "key of {:?} against {:?}", tokens[i].norm, t.norm);
            }
        }
        let long = crate::normalize::tokenize(&"ab".repeat(16));
        assert!(WordKey::new(&long[0]).is_none() && word_place(&long[0]).is_none());
    }

    /// Words of the tests of what is remembered, each with a filler word that goes to the
    /// same place of the word cache, so that the word is then found in the map of the
    /// words seen; and tokens that are not words, which the filters leave as they are.
    fn words_and_fillers() -> &'static [String] {
        static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        WORDS.get_or_init(|| {
            let place = |w: &str| word_place(&crate::normalize::tokenize(w)[0]);
            let mut words = Vec::new();
            for w in
                ["refunds", "waiting", "not", "the", "#the", "nooo", "noo", "TERRIBLE", "good", "бесит", "ещё", "வேலை"]
            {
                let filler = (0..).map(|n| format!("x{n}")).find(|f| place(f) == place(w)).expect("a filler");
                words.extend([w.to_string(), filler]);
            }
            words.extend(["2", "?!", "@x", "😡", ":)", "http://x.io", "#2"].map(String::from));
            words
        })
    }

    proptest::proptest! {
        /// What is remembered of a word, in its place or in the map of the words seen after
        /// another took its place, is what the filters and the rules make of it afresh.
        #[test]
        fn remembered_words_are_what_the_filters_make_of_them(
            posts in proptest::collection::vec(
                (proptest::sample::select(&[Lang::En, Lang::Ru][..]),
                 proptest::collection::vec(proptest::sample::select(words_and_fillers()), 1..6)),
                1..8,
            ),
        ) {
            let sc = scorer();
            for (lang, words) in posts {
                let text = words.join(" ");
                let rules = sc.rules.for_lang(Some(lang));
                let (tokens, known) = sc.tokens(&text, Some(lang), rules);
                let want = rules.analyzer.analyze(&text);
                proptest::prop_assert_eq!(&tokens, &want);
                for ((t, k), w) in tokens.iter().zip(&known).zip(&want) {
                    if t.is_wordlike() {
                        let f = sc.word_facts(w, rules, sc.layers.get(&lang));
                        proptest::prop_assert_eq!(
                            (k.role, k.single, k.stem_id, k.layer, k.content),
                            (f.role, f.single, f.stem_rules, f.layer, f.content)
                        );
                    }
                }
            }
        }
    }

    /// Every character below U+0483, alone and between letters, is folded from the table
    /// as `with_folded` folds it.
    #[test]
    fn each_character_folded_from_the_table_is_folded_as_with_folded() {
        for c in (0..0x483).filter_map(char::from_u32) {
            for w in [c.to_string(), format!("д{c}ö")] {
                assert_eq!(folded(&w, str::to_string), with_folded(&w, str::to_string), "{:?}", c);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// A word folded from the table below U+0483 is folded as `with_folded` folds it
        /// (beyond, or when long, it is `with_folded`'s): letters with and without marks,
        /// lone marks, and now and then a character beyond.
        #[test]
        fn words_folded_from_the_table_are_folded_as_with_folded(
            w in "([a-zà-ÿĀ-ɏ\u{300}-\u{36f}ʰ-ͯͰ-ϿЀ-ӿ]|[ا-يஅ-ஹ]{0,1}){0,40}",
        ) {
            proptest::prop_assert_eq!(folded(&w, str::to_string), with_folded(&w, str::to_string));
        }
    }

    #[test]
    fn a_hashtag_is_not_a_stop_word() {
        // The stop word filter marks words only; what is remembered of the word "the" is
        // not the hashtag's, whichever comes first.
        for text in ["the #the", "#the the", "the #the the"] {
            assert_eq!(scorer().score(text, Some("en")).terms, ["the"], "{text}");
        }
    }

    #[test]
    fn matched_names_what_fired_with_offsets() {
        let text = "FjordTel charged me twice, terrible";
        let s = scorer().score(text, None);
        assert!(s.matched.iter().any(|m| m == "en.neg.terrible"), "{s:?}");
        let hit = s.hits.iter().find(|h| h.id == "en.neg.terrible").unwrap();
        assert_eq!(&text[hit.start..hit.end], "terrible");
        assert_eq!(s.lang, "en");
    }

    /// The compound valence (what the VADER rules compute, before any fitted layer).
    fn sentiment(text: &str) -> f32 {
        let sc = scorer();
        sc.analyse(text, Some(Lang::En), false).sentiment
    }

    #[test]
    fn valence_follows_vader_rules() {
        // Negation flips within three words and within its clause.
        assert!(sentiment("this is not good") < 0.0);
        assert!(sentiment("not bad at all") > 0.0);
        assert!(sentiment("not. good") > 0.0, "a full stop ends the negation's scope");
        assert!(sentiment("nooo good") < 0.0, "elongated negators still negate");
        // "noo" written so is not "no" drawn out: what is remembered of one is not the
        // other's, whichever comes first.
        assert!(sentiment("noo good") > 0.0 && sentiment("nooo good") < 0.0 && sentiment("noo good") > 0.0);
        // Intensifiers, capitals and exclamation marks strengthen; diminishers weaken.
        assert!(sentiment("very good") > sentiment("good"));
        assert!(sentiment("sooo good") > sentiment("good"), "elongated boosters still boost");
        assert!(sentiment("slightly good") < sentiment("good"));
        assert!(sentiment("the service is GOOD") > sentiment("the service is good"));
        assert!(sentiment("good!!!") > sentiment("good"));
        assert!(sentiment("terrible!!!") < sentiment("terrible"));
        // What follows "but" weighs more.
        assert!(sentiment("the app is terrible but the support was great") > 0.0);
        assert!(sentiment("the support was great but the app is terrible") < 0.0);
        // Emoji and emoticons count in any language; elongated words are found.
        assert!(sentiment("😡😡") < 0.0 && sentiment(":)") > 0.0 && sentiment("<3") > 0.0);
        assert!(sentiment("goooood") > 0.0);
    }

    /// The compound valence of a post in `lang`.
    fn compound(text: &str, lang: Lang) -> f32 {
        scorer().analyse(text, Some(lang), false).sentiment
    }

    #[test]
    fn negation_after_the_word_and_bracket_smiles() {
        // Issue 3. Tamil: a negation suffix is seen on the word as written, before the
        // stemmer strips it; "நல்லா" alone is positive.
        assert!(compound("படம் நல்லா", Lang::Ta) > 0.0);
        assert!(compound("படம் நல்லாயில்லை", Lang::Ta) < 0.0);
        // An entry that holds its own negation is not flipped again.
        assert!(compound("mosam illa", Lang::Ta) > 0.0);
        // Post-posed negation, within two words and the clause.
        assert!(compound("jeg anbefaler den", Lang::No) > 0.0);
        assert!(compound("jeg anbefaler den ikke", Lang::No) < 0.0);
        assert!(compound("jeg anbefaler den. ikke", Lang::No) > 0.0, "a full stop ends the scope");
        // Runs of brackets without their pair are smiles and frowns; balanced ones are not.
        assert!(compound("ну вот)))", Lang::Ru) > 0.0);
        assert!(compound("ну вот(((", Lang::Ru) < 0.0);
        assert_eq!(compound("ну вот (см. (тут))", Lang::Ru), 0.0);
        let text = "a)) b ) c((";
        assert_eq!(bracket_runs(text, &Marks::of(text)), vec![(1, 3, true)]);
        // The pre-posed window stays three words.
        assert!(compound("this is not a good plan", Lang::En) < 0.0);
        assert!(compound("not that it was ever very good", Lang::En) > 0.0);
    }

    #[test]
    fn a_lexical_layer_moves_the_complaint_score_of_its_language_only() {
        let mut files: Vec<(String, String)> = EMBEDDED_RULES
            .iter()
            .filter(|f| f.0 != "model.toml")
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        let model = "[complaint]\nbias = -1.0\nthreshold = 0.5\n[complaint.weights]\nneg = 1.0\n\
                     [complaint.lang.en]\nbias = 0.5\nterms = \'\'\'\n2.0 parcel\n1.0 still wait\n\'\'\'\n\
                     [sentiment]\nnegative_below = -0.05\npositive_above = 0.05\n";
        files.push(("model.toml".into(), model.into()));
        let (rules, errors) = Rules::from_files(files);
        assert!(errors.is_empty(), "{errors:?}");
        let sc = Scorer::new(rules, BrandMatcher::default(), vec![]);
        let z = |text: &str, lang: &str| {
            let p = sc.score(text, Some(lang)).complaint_score as f64;
            (p / (1.0 - p)).ln()
        };
        // -1 + 0.5 (bias) + 2.0 (parcel, once) + 1.0 ("still wait")
        assert!((z("the parcel parcel, still waiting", "en") - 2.5).abs() < 0.02);
        assert!((z("the parcel", "de") - -1.0).abs() < 0.02, "no layer for German");
        let keys = term_keys(&sc.rules().for_lang(Some(Lang::En)).analyzer.analyze("Still waiting?! 2 days @x"));
        assert_eq!(
            keys,
            ["!", "<handle>", "<num>", "<num> day", "?", "day", "day <handle>", "still", "still wait", "wait"]
        );
    }

    proptest::proptest! {
        /// Looking a post's keys up by numbers finds what joining pairs into strings and
        /// looking them up finds, each once, in the same order.
        #[test]
        fn layer_entries_are_the_term_keys_found(
            words in proptest::collection::vec(
                proptest::sample::select(&["still", "waiting", "2", "days", "@x", "?!", ".", "😡", "refund", "no"][..]),
                0..12,
            ),
            keys in proptest::sample::subsequence(
                &["still", "wait", "still wait", "wait still", "<num>", "<num> day", "day", "day <handle>", "?", "!",
                  "refund", "refund refund", "still wait still", "no refund", "😡", "wait 😡", "<handle> 😡"][..],
                0..=17,
            ),
        ) {
            let terms: FxHashMap<String, [f32; 1]> = keys.iter().map(|k| (k.to_string(), [1.0])).collect();
            let lang = rules::LangTerms { bias: 0.0, terms: rules::TermTable(terms) };
            let mut model = scorer().rules().model.clone();
            model.complaint.lang = [("en".to_string(), lang)].into_iter().collect();
            model.sentiment.lang.clear();
            let layers = Layers::of_model(&model).remove(&Lang::En).expect("an English layer");
            let tokens = scorer().rules().for_lang(Some(Lang::En)).analyzer.analyze(&words.join(" "));
            let known: Vec<Known> = tokens
                .iter()
                .map(|t| Known { layer: layers.ids.get(&*t.stem).copied().filter(|_| t.is_wordlike()), ..Known::default() })
                .collect();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            let found: Vec<&str> = layers.entries(&tokens, &known).into_iter().map(|e| sorted[e as usize]).collect();
            let mut expected: Vec<&str> = Vec::new();
            for_each_key(&tokens, &mut String::new(), |k| {
                if let Some(key) = keys.iter().find(|key| **key == k)
                    && !expected.contains(key)
                {
                    expected.push(key);
                }
            });
            proptest::prop_assert_eq!(found, expected);
        }

        /// The marks counted in one pass are each byte counted.
        #[test]
        fn marks_are_the_bytes_counted(text in "[a()!é😀(]{0,80}") {
            let count = |b: u8| text.bytes().filter(|&x| x == b).count();
            proptest::prop_assert_eq!(Marks::of(&text), Marks { open: count(b'('), close: count(b')'), bangs: count(b'!') });
        }

        /// What one pass over the tokens finds is what a pass for each finds.
        #[test]
        fn post_facts_are_the_passes_over_the_tokens(
            words in proptest::collection::vec(
                proptest::sample::select(&["but", "BUT", "you", "YOU", "#Fail", "#OK", "http://x.io", "2", "!", "good", "BAD", "aber", "du"][..]),
                0..10,
            ),
        ) {
            let sc = scorer();
            let text = words.join(" ");
            let rules = sc.rules.for_lang(Some(Lang::En));
            let (tokens, known) = sc.tokens(&text, Some(Lang::En), rules);
            let words = tokens.iter().filter(|t| t.is_wordlike()).count();
            let want = PostFacts {
                marks: Marks::of(&text),
                all_caps: tokens.iter().filter(|t| t.is_wordlike()).all(|t| t.caps),
                contrast_at: tokens.iter().zip(&known).position(|(t, r)| t.kind == TokenKind::Word && r.role.contrast),
                second_person: tokens.iter().zip(&known).any(|(t, r)| t.kind == TokenKind::Word && r.role.second_person),
                words,
                url: tokens.iter().any(|t| t.kind == TokenKind::Url),
            };
            proptest::prop_assert_eq!(PostFacts::of(&text, &tokens, &known), want);
        }

        /// Short lists compared one by one and long ones hashed give the same: each item
        /// once, in the order first seen.
        #[test]
        fn first_occurrences_keep_the_first_of_each(items in proptest::collection::vec(0u8..60, 0..120)) {
            let items: Vec<String> = items.iter().map(|i| format!("w{i}")).collect();
            let mut expected: Vec<&str> = Vec::new();
            for item in &items {
                if !expected.contains(&item.as_str()) {
                    expected.push(item);
                }
            }
            proptest::prop_assert_eq!(first_occurrences(items.iter().map(String::as_str)), expected);
        }
    }

    #[test]
    fn posts_without_a_language_are_detected() {
        let sc = Scorer::new(Rules::embedded(), BrandMatcher::default(), vec![Lang::No, Lang::Da, Lang::En]);
        assert_eq!(sc.score("Venter fortsatt på svar fra kundeservice", None).lang, "no");
        assert_eq!(sc.score("Still waiting for an answer from support", None).lang, "en");
        // Short English leans on its function words and the prior, not on trigrams.
        let any = Scorer::new(Rules::embedded(), BrandMatcher::default(), vec![]);
        assert_eq!(any.score("FjordTel network down all day, no signal", None).lang, "en");
        assert_eq!(sc.score("Ещё жду ответа", None).lang, "ru");
        assert_eq!(sc.score("anything", Some("xx")).lang, "und");
        assert_eq!(sc.score("anything", Some("nb-NO")).lang, "no");
    }

    #[test]
    fn odd_input_gets_a_sane_score() {
        let sc = scorer();
        for text in ["", "   ", "\u{202E}\u{200B}", &"a".repeat(1 << 20), "😡😡😡", "!!!???"] {
            let s = sc.score(text, Some("xx"));
            assert!((-1.0..=1.0).contains(&s.sentiment) && (0.0..=1.0).contains(&s.complaint_score));
        }
    }
}
