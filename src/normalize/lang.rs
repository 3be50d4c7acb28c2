//! Which language a post is in, when the source did not say.
//!
//! 1. The script decides where it can: Greek, Cyrillic, Tamil and Arabic letters each
//!    belong to one language we analyse.
//! 2. Tamil written in Latin letters ("Tanglish", common in real posts) is recognised by
//!    its frequent words (src/normalize/tanglish.txt, ~900 spellings, compared by a
//!    skeleton that folds spelling variants: irukku/iruku, vaazhthukkal/valthukal) and,
//!    as weaker evidence, typical Tamil endings (-unga, -anum, -ukku, -chu …). One Tamil
//!    word can carry a short post of English around it ("semma trailer"), but the
//!    function words of another language in the post ask for more Tamil (a Swedish post
//!    with "unga", an English one with "Thala"). @handles and links are not words.
//! 3. Among the Latin-script languages, a post whose function words (see 4) clearly name
//!    one language, not a Scandinavian one, is that language. Otherwise whatlang's
//!    trigram identifier chooses from the post's first 600 bytes, restricted to the
//!    brand's configured languages when there are any (the prior).
//! 4. When the trigrams are not sure (short posts: "FjordTel network down all day, no
//!    signal"), the words vote: each candidate's function words from its rules (stop
//!    words, negators, intensifiers …; a word listed by k languages counts 1/k), the
//!    spellings below that tell English, Norwegian and Danish apart, the trigrams' guess
//!    (one vote and its confidence) and the prior (a quarter vote for the brand's first
//!    language, or English, the most common language of posts, when there is no prior).
//! 5. Danish, Norwegian and Swedish are close enough that short posts fool any trigram
//!    model; the spellings that differ decide (ikke/inte, jeg/jag, meg/mig, nå/nu, av/af,
//!    takk/tak/tack, hva/hvad/vad …; a word spelt so in two of them tells against the
//!    third), with the forms -hed/-het, -skab/-skap, -tion/-sjon, kj-/gj- and the letters
//!    (ä, ö Swedish; æ, ø Danish and Norwegian). A tie goes to Swedish when the trigrams
//!    say Swedish; between Danish and Norwegian, to Norwegian unless the trigrams say
//!    Danish and the brand's prior ranks Danish before Norwegian.
//!
//! Pure and infallible: any text gets a language (English when nothing else fits).

use std::cell::RefCell;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::mention::Lang;

/// A language identifier for one brand: the prior is fixed at construction.
pub struct Identifier {
    /// Latin-script candidates, most likely first.
    latin: Vec<Lang>,
    /// Tamil is possible (in the prior, or no prior).
    tamil: bool,
    /// The brand named its languages.
    prior: bool,
    detector: whatlang::Detector,
    /// What each word says, looked up once per word of a post.
    words: FxHashMap<String, WordVotes>,
}

/// What one word says of a post's language; bits per index into `Identifier::latin`.
#[derive(Debug, Default, Clone, Copy)]
struct WordVotes {
    /// As a folded function word: the candidates that list it.
    function: u32,
    /// As written: the candidates among English, Norwegian and Danish that spell it so
    /// ([`ENGLISH`], [`NORWEGIAN`], [`DANISH`]).
    spelling: u32,
}

impl Identifier {
    /// `prior` lists the brand's languages, most likely first; empty means any.
    pub fn new(prior: &[Lang]) -> Identifier {
        let mut latin: Vec<Lang> = prior.iter().copied().filter(|l| l.is_latin_script()).collect();
        latin.dedup();
        if latin.is_empty() {
            latin = Lang::ALL.iter().copied().filter(|l| l.is_latin_script()).collect();
            // English first: the most likely language of an unknown post.
            latin.sort_by_key(|l| *l != Lang::En);
        }
        let allow: Vec<whatlang::Lang> = latin.iter().filter_map(|l| to_whatlang(*l)).collect();
        let tamil = prior.is_empty() || prior.contains(&Lang::Ta);
        let detector = whatlang::Detector::with_allowlist(allow);
        let mut words: FxHashMap<String, WordVotes> = FxHashMap::default();
        for (lang, set) in [(Lang::En, &*ENGLISH), (Lang::No, &*NORWEGIAN), (Lang::Da, &*DANISH)] {
            if let Some(i) = latin.iter().position(|l| *l == lang).filter(|i| *i < 32) {
                for w in set.iter() {
                    words.entry(w.to_string()).or_default().spelling |= 1 << i;
                }
            }
        }
        Identifier { latin, tamil, prior: !prior.is_empty(), detector, words }
    }

    /// Adds the function words of each language (folded: lowercase, no accents), so that
    /// short posts are told apart by the words they use.
    pub fn with_words<'a>(
        mut self,
        words: impl IntoIterator<Item = (Lang, impl IntoIterator<Item = &'a String>)>,
    ) -> Self {
        for (lang, list) in words {
            let Some(i) = self.latin.iter().position(|l| *l == lang).filter(|i| *i < 32) else { continue };
            for w in list {
                self.words.entry(w.clone()).or_default().function |= 1 << i;
            }
        }
        self
    }

    /// The language of `text`.
    pub fn detect(&self, text: &str) -> Lang {
        if let Some(lang) = self.by_script(text) {
            return lang;
        }
        // The words in a buffer the thread keeps: no allocation for a post.
        WORDS.with_borrow_mut(|words| {
            words.read(text);
            self.detect_latin(text, words)
        })
    }

    /// The language of `text` when its script decides it (see [`Identifier::by_counts`]);
    /// none when it is mostly in Latin letters. An ASCII text (half the posts without
    /// `lang`) has no letters of the other scripts: it is not counted, only searched for a
    /// letter (`script_counts` was 10.3 M instructions on the first 20,000 mixed posts).
    fn by_script(&self, text: &str) -> Option<Lang> {
        if text.is_ascii() {
            return (!text.bytes().any(|b| b.is_ascii_alphabetic())).then_some(self.latin[0]);
        }
        self.by_counts(&script_counts(text))
    }

    /// The language of a text whose letters of each script are `counts`
    /// ([`script_counts`]), when its script decides it.
    fn by_counts(&self, counts: &[usize; 5]) -> Option<Lang> {
        // Ties go to the non-Latin script: a brand name in Latin letters inside a Greek
        // post must not make it Latin.
        let best = (1..5).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).filter(|&i| counts[i] > 0);
        if let Some(i) = best
            && counts[i] * 3 >= counts[0]
        {
            return Some([Lang::En, Lang::El, Lang::Ru, Lang::Ta, Lang::Ar][i]);
        }
        (counts[0] == 0).then_some(self.latin[0])
    }

    /// The language of `text`, mostly in Latin letters, whose `words` have been read.
    fn detect_latin(&self, text: &str, words: &Words) -> Lang {
        if self.tamil && self.is_tanglish(words) {
            return Lang::Ta;
        }
        if self.latin.len() == 1 {
            return self.latin[0];
        }
        // Enough function words of one language, well ahead of the next, decide without
        // trigrams (they are most of the cost of a post without `lang`).
        let votes = self.votes(words);
        let (first, second) = top_two(&votes);
        let (min_votes, ratio) = WORDS_FIRST;
        if votes[first] >= min_votes
            && votes[first] >= ratio * votes[second]
            && !matches!(self.latin[first], Lang::Da | Lang::No | Lang::Sv)
        {
            return self.latin[first];
        }
        let info = self.detector.detect(trigram_sample(text));
        let guess = info.as_ref().and_then(|i| from_whatlang(i.lang())).unwrap_or(self.latin[0]);
        if !info.as_ref().is_some_and(|i| i.is_reliable()) {
            // Too little text for trigrams to be sure: the words we know vote, with the
            // trigrams' guess and the prior.
            let confidence = info.as_ref().map(|i| i.confidence() as f32).unwrap_or(0.0);
            let voted = self.by_words(votes, guess, 1.0 + confidence);
            if !matches!(voted, Lang::Da | Lang::No | Lang::Sv) {
                return voted;
            }
            return self.scandinavian(words, text, voted);
        }
        if matches!(guess, Lang::Da | Lang::No | Lang::Sv) {
            return self.scandinavian(words, text, guess);
        }
        guess
    }

    /// Romanised Tamil: enough Tamil words ([`TANGLISH`], compared by [`skeleton`]; a
    /// typical Tamil ending counts half) for the post's length, and for the function words
    /// of the other languages in it. Posts mix in English freely ("vera level trailer, romba
    /// happy"), so one Tamil word can be enough; but a Swedish post with "unga", or an
    /// English one with "Thala", names its own language in its function words.
    fn is_tanglish(&self, words: &Words) -> bool {
        let tamil: f32 = words
            .iter()
            .map(|w| match TANGLISH.weight(w) {
                0.0 if has_tamil_ending(w) => TANGLISH_ENDING,
                weight => weight,
            })
            .sum();
        let (min, share, per_foreign) = TANGLISH_NEEDS;
        if tamil < min || tamil * share < words.len() as f32 {
            return false; // most posts: the function words need not be looked up
        }
        let foreign = words
            .iter()
            .filter(|w| {
                // A function word of a language we analyse, or a letter Tamil in Latin
                // letters does not use (ä, é, ø …).
                TANGLISH.weight(w) == 0.0
                    && !has_tamil_ending(w)
                    && (ENGLISH.contains(w)
                        || self.words.get(*w).is_some_and(|v| v.function != 0)
                        || w.chars().any(|c| ('\u{00C0}'..='\u{024F}').contains(&c)))
            })
            .count();
        tamil >= per_foreign * foreign as f32
    }

    /// The candidate with the most votes: the words' `votes` ([`Identifier::votes`]: each
    /// of its function words in the post, a word listed by k candidates counting 1/k; each
    /// spelling that tells English, Norwegian and Danish apart, 1; the prior, a quarter vote
    /// for the candidate ranked first) and the trigrams' `guess` (`guess_weight`). Ties go
    /// to the candidate ranked first.
    fn by_words(&self, votes: Vec<f32>, guess: Lang, guess_weight: f32) -> Lang {
        let mut scores = votes;
        if let Some(i) = self.latin.iter().position(|l| *l == guess) {
            scores[i] += guess_weight;
        }
        let mut best = (0, scores[0]);
        for (i, s) in scores.iter().enumerate() {
            if *s > best.1 + 1e-6 {
                best = (i, *s);
            }
        }
        self.latin[best.0]
    }

    /// The votes of the words of a post for each candidate (see [`Identifier::by_words`]),
    /// without the trigrams' guess.
    fn votes(&self, words: &Words) -> Vec<f32> {
        let mut scores = vec![0.0f32; self.latin.len()];
        scores[0] += 0.25;
        for w in words.iter() {
            // Lowercase ASCII without a run to cut ("sooo") is its own folding.
            let plain = w.is_ascii() && !w.as_bytes().windows(3).any(|r| r[0] == r[1] && r[1] == r[2]);
            // A plain word is one lookup for both; another is looked up folded and as written.
            let of = |w: &str| self.words.get(w).copied().unwrap_or_default();
            let (function, spelling) = if plain {
                let v = of(w);
                (v.function, v.spelling)
            } else {
                (of(&crate::score::rules::fold(w)).function, of(w).spelling)
            };
            // Only the candidates whose bits are set, lowest first.
            let share = 1.0 / function.count_ones() as f32;
            for i in bits(function) {
                scores[i] += share;
            }
            for i in bits(spelling) {
                scores[i] += 1.0;
            }
        }
        scores
    }

    /// Trigrams mix up the Scandinavian languages on short posts (and take some short
    /// English ones for them); the spellings that tell them apart decide ([`NORDIC`]: a
    /// word spelt so in two of them counts for both, against the third), and so do the
    /// letters: ä and ö are Swedish, æ and ø Danish and Norwegian.
    fn scandinavian(&self, words: &Words, text: &str, guess: Lang) -> Lang {
        const LANGS: [Lang; 3] = [Lang::Da, Lang::No, Lang::Sv];
        let mut score = [0.0f32; 3];
        let mut en = 0.0f32;
        for w in words.iter() {
            if let Some(bits) = NORDIC.get(w).copied().or_else(|| nordic_form(w)) {
                for (i, s) in score.iter_mut().enumerate() {
                    if bits & (1 << i) != 0 {
                        *s += 1.0;
                    }
                }
            }
            if ENGLISH.contains(w) {
                en += 1.0;
            }
        }
        if self.latin.contains(&Lang::En) && en >= 2.0 && score.iter().all(|s| en > *s) {
            return Lang::En;
        }
        let swedish = text.contains(['ä', 'ö', 'Ä', 'Ö']);
        let other = text.contains(['æ', 'ø', 'Æ', 'Ø']);
        if swedish && !other {
            score[2] += NORDIC_LETTERS;
        } else if other && !swedish {
            score[0] += NORDIC_LETTERS;
            score[1] += NORDIC_LETTERS;
        }
        let pos = |l: Lang| self.latin.iter().position(|x| *x == l).unwrap_or(usize::MAX);
        let best = (0..3).filter(|i| pos(LANGS[*i]) != usize::MAX).map(|i| score[i]).fold(f32::MIN, f32::max);
        let top: Vec<Lang> =
            (0..3).filter(|i| pos(LANGS[*i]) != usize::MAX && score[*i] >= best - 1e-6).map(|i| LANGS[i]).collect();
        match top.as_slice() {
            [] => guess,
            [one] => *one,
            // Trigrams tell Swedish from the other two well enough; not Danish from Norwegian.
            _ if guess == Lang::Sv && top.contains(&Lang::Sv) => Lang::Sv,
            // A tie of Danish and Norwegian (often: no telling word at all) goes to Danish
            // only when the trigrams say so and the brand's prior ranks Danish first. With
            // no prior, Norwegian: it is one of the languages we analyse in depth, and
            // short Norwegian posts must not come out Danish (eval lang: no 0.784 → 0.878,
            // da 0.895 → 0.661 on 389 posts, all 0.893 → 0.898).
            _ if top.contains(&Lang::Da) && top.contains(&Lang::No) => {
                if self.prior && pos(Lang::Da) < pos(Lang::No) && guess == Lang::Da { Lang::Da } else { Lang::No }
            }
            _ if top.contains(&guess) => guess,
            _ => top.iter().copied().min_by_key(|l| pos(*l)).unwrap_or(guess),
        }
    }
}

/// Function-word votes that decide without trigrams: at least this many for one
/// language, and this many times the next one's. Chosen on the labelled sets (`repwatch
/// eval lang`): a third of the posts that would run the trigram identifier skip it, and
/// accuracy is unchanged. (2, 2) skips more (2% fewer instructions on mixed posts) but
/// takes short French posts for Slovenian: fr 0.974 → 0.953.
const WORDS_FIRST: (f32, f32) = (3.0, 3.0);

/// The best and second-best index of `votes` (the first of equals wins, as in `by_words`).
fn top_two(votes: &[f32]) -> (usize, usize) {
    let mut first = 0;
    for (i, v) in votes.iter().enumerate() {
        if *v > votes[first] + 1e-6 {
            first = i;
        }
    }
    let second =
        (0..votes.len()).filter(|i| *i != first).max_by(|a, b| votes[*a].total_cmp(&votes[*b])).unwrap_or(first);
    (first, second)
}

/// How much of a post the trigram identifier reads. Trigrams are sure well before this
/// (whatlang calls 120 bytes of one language reliable); reading a long review to its end
/// cost more than all the rest of its scoring.
const TRIGRAM_BYTES: usize = 600;

/// The first [`TRIGRAM_BYTES`] of `text`, cut after a whole word.
fn trigram_sample(text: &str) -> &str {
    if text.len() <= TRIGRAM_BYTES {
        return text;
    }
    let mut end = TRIGRAM_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > TRIGRAM_BYTES / 2 => &text[..space],
        _ => &text[..end],
    }
}

/// The language of `text`; `prior` lists the brand's languages, most likely first.
/// Builds an [`Identifier`] each time; keep one when detecting many posts.
pub fn detect(text: &str, prior: &[Lang]) -> Lang {
    Identifier::new(prior).detect(text)
}

/// The indices of the bits set in `mask`, lowest first.
fn bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let i = mask.trailing_zeros();
        mask &= mask.wrapping_sub(1);
        (i < 32).then_some(i as usize)
    })
}

/// The words of a post ([`Words::read`]): a copy of the post with its ASCII letters
/// lowercased, where an ASCII word's lowercase form then is, followed by the other words
/// lowercased; and where each word is in it. A post costs no allocation once the thread's
/// buffer ([`WORDS`]) has grown to its size.
#[derive(Default)]
struct Words {
    /// The post, ASCII letters lowercased; then the words beyond ASCII, lowercase.
    text: String,
    /// Where each word is in `text`.
    spans: Vec<(usize, usize)>,
}

thread_local! {
    /// The words of the post being identified on this thread.
    static WORDS: RefCell<Words> = RefCell::default();
}

impl Words {
    #[cfg(test)]
    fn of(text: &str) -> Words {
        let mut words = Words::default();
        words.read(text);
        words
    }

    /// Reads the words of `text`, lowercase, leaving out @handles and links: they are in
    /// no language ("@kami_stay" is not Tamil "kami"; "http" and "www" are Slovenian stop
    /// words, so that every link voted Slovenian). The words read before are forgotten.
    ///
    /// A word is a run of letters and apostrophes that starts with a letter, in a
    /// whitespace-separated token that does not start with '@' or "www." and has no "://".
    /// Read in one pass, ASCII without decoding; the words of a token are taken back when
    /// a "://" turns up in it.
    fn read(&mut self, text: &str) {
        // ASCII lowercased in one go: the ASCII words' lowercase forms are then in place.
        self.text.clear();
        self.text.push_str(text);
        self.text.make_ascii_lowercase();
        self.spans.clear();
        let b = text.as_bytes();
        let mut at = 0;
        while at < b.len() {
            let (c, len) = char_at(text, at);
            if c.is_whitespace() {
                at += len;
                continue;
            }
            if c == '@' || b[at..].starts_with(b"www.") {
                at = token_end(text, at);
                continue;
            }
            // A token: its words, until a space or the end.
            let marks = (self.text.len(), self.spans.len());
            while at < b.len() {
                let (c, len) = char_at(text, at);
                if c == '\'' || super::chars::is_alphabetic(c) {
                    let start = at;
                    let (end, ascii) = word_end(text, at);
                    at = end;
                    // A word, unless it starts with an apostrophe.
                    if c != '\'' {
                        if ascii {
                            self.spans.push((start, end));
                        } else {
                            // Its lowercase form may be longer or shorter: after the post.
                            let from = self.text.len();
                            push_lowercase(&mut self.text, &text[start..end]);
                            self.spans.push((from, self.text.len()));
                        }
                    }
                    continue;
                }
                at += len;
                if c.is_whitespace() {
                    break;
                }
                if c == ':' && b[at..].starts_with(b"//") {
                    // A link: its words are taken back and the rest of it skipped.
                    self.text.truncate(marks.0);
                    self.spans.truncate(marks.1);
                    at = token_end(text, at);
                    break;
                }
            }
        }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&(start, end)| &self.text[start..end])
    }
}

/// The character of `text` at byte `at` (a character boundary) and its length.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        b if b.is_ascii() => (b as char, 1),
        _ => text[at..].chars().next().map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Where the run of letters and apostrophes of `text` from byte `at` ends, and whether it
/// is all ASCII.
#[inline]
fn word_end(text: &str, mut at: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut ascii = true;
    loop {
        while b.get(at).is_some_and(|&x| WORD_BYTES[usize::from(x)]) {
            at += 1;
        }
        match b.get(at) {
            Some(&x) if !x.is_ascii() => {
                let (c, len) = char_at(text, at);
                if !super::chars::is_alphabetic(c) {
                    return (at, ascii);
                }
                ascii = false;
                at += len;
            }
            _ => return (at, ascii),
        }
    }
}

/// The ASCII letters and the apostrophe, which [`word_end`] goes on over: a load for each
/// byte, not two range checks and a comparison (the loop was 6.8 M of `Identifier::detect`'s
/// own 49 M instructions on the first 20,000 mixed posts).
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphabetic() || b == b'\'' as usize;
        b += 1;
    }
    table
};

/// Where the whitespace-separated token of `text` around byte `at` ends.
fn token_end(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let (c, len) = char_at(text, at);
        if c.is_whitespace() {
            break;
        }
        at += len;
    }
    at
}

/// Appends `w` in lowercase to `out`, as [`str::to_lowercase`] writes it: a character at a
/// time, but a word with a capital sigma by `to_lowercase` itself (its small form depends
/// on the letters around it).
fn push_lowercase(out: &mut String, w: &str) {
    let start = out.len();
    for c in w.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            out.truncate(start);
            out.push_str(&w.to_lowercase());
            return;
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// How many letters of `text` are Latin, Greek, Cyrillic, Tamil and Arabic. ASCII is
/// counted sixteen bytes at a time where it can be, else a byte at a time; only other
/// characters are decoded and looked up.
fn script_counts(text: &str) -> [usize; 5] {
    let mut counts = [0usize; 5];
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 16).and_then(|c| <&[u8; 16]>::try_from(c).ok())
            && chunk.is_ascii()
        {
            counts[0] += ascii_letters(chunk);
            at += 16;
            continue;
        }
        let b = bytes[at];
        if b.is_ascii() {
            counts[0] += usize::from(b.is_ascii_alphabetic());
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        at += c.len_utf8();
        let i = match c as u32 {
            0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
            0x0400..=0x04FF => 2,
            0x0B80..=0x0BFF => 3,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 4,
            0x00C0..=0x024F => 0,
            _ => continue,
        };
        counts[i] += usize::from(super::chars::is_alphabetic(c));
    }
    counts
}

/// How many of 16 ASCII bytes are letters (`u8::is_ascii_alphabetic`), counted so that the
/// compiler can compare them all at once.
#[inline]
fn ascii_letters(chunk: &[u8; 16]) -> usize {
    let n: u8 = chunk.iter().map(|&b| u8::from((b | 0x20).wrapping_sub(b'a') < 26)).sum();
    usize::from(n)
}

fn to_whatlang(l: Lang) -> Option<whatlang::Lang> {
    use whatlang::Lang as W;
    Some(match l {
        Lang::Ar => W::Ara,
        Lang::Da => W::Dan,
        Lang::De => W::Deu,
        Lang::El => W::Ell,
        Lang::En => W::Eng,
        Lang::Es => W::Spa,
        Lang::Fi => W::Fin,
        Lang::Fr => W::Fra,
        Lang::Hu => W::Hun,
        Lang::It => W::Ita,
        Lang::Nl => W::Nld,
        Lang::No => W::Nob,
        Lang::Pt => W::Por,
        Lang::Ro => W::Ron,
        Lang::Ru => W::Rus,
        Lang::Sl => W::Slv,
        Lang::Sv => W::Swe,
        Lang::Ta => W::Tam,
        Lang::Tr => W::Tur,
    })
}

fn from_whatlang(w: whatlang::Lang) -> Option<Lang> {
    Lang::ALL.iter().copied().find(|l| to_whatlang(*l) == Some(w))
}

fn set(words: &'static [&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

/// Spellings that are Norwegian (Bokmål or Nynorsk) and not Danish.
static NORWEGIAN: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "ikkje",
        "eg",
        "kva",
        "korleis",
        "kvifor",
        "meg",
        "deg",
        "seg",
        "noe",
        "noen",
        "nokon",
        "noko",
        "hva",
        "etter",
        "ble",
        "blei",
        "hadde",
        "takk",
        "hei",
        "nå",
        "hjelp",
        "meir",
        "enn",
        "igjen",
        "riktig",
        "penger",
        "pengane",
        "tilbake",
        "uke",
        "uker",
        "veke",
        "nei",
        "vei",
        "selskap",
        "kjøpe",
        "kjøpt",
        "fortsatt",
        "framleis",
        "sånn",
        "slik",
        "ennå",
        "gikk",
        "fikk",
        "mye",
        "mykje",
        "dere",
        "dykk",
        "mitt",
        "kundeservicen",
        "dritt",
        "gjør",
        "gjøre",
        "sjekk",
        "spørsmål",
        "skjønner",
        "trenger",
        "fått",
        "kanskje",
        "veldig",
        "heime",
    ])
});

/// Spellings that are Danish and not Norwegian.
static DANISH: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "mig",
        "dig",
        "sig",
        "noget",
        "nogen",
        "hvad",
        "af",
        "efter",
        "blev",
        "havde",
        "tak",
        "hej",
        "nu",
        "hjælp",
        "mere",
        "end",
        "igen",
        "rigtig",
        "rigtigt",
        "penge",
        "tilbage",
        "uge",
        "uger",
        "nej",
        "vej",
        "selskab",
        "købe",
        "købt",
        "stadig",
        "sådan",
        "gik",
        "fik",
        "meget",
        "jer",
        "mit",
        "lort",
        "gør",
        "gøre",
        "tjek",
        "spørgsmål",
        "forstår",
        "brug",
        "fået",
        "måske",
        "øjeblik",
        "venligst",
        "desværre",
    ])
});

/// What ä/ö (Swedish) or æ/ø (Danish, Norwegian) in a post count in [`Identifier::scandinavian`]:
/// two telling words, as names and loanwords bring the other letters in now and then.
const NORDIC_LETTERS: f32 = 2.0;

/// How Danish, Norwegian (Bokmål and Nynorsk) and Swedish spell their frequent words:
/// word → bit 0 Danish, bit 1 Norwegian, bit 2 Swedish. A word spelt alike in all three
/// tells nothing and is left out; one spelt so in two tells against the third (ikke: not
/// Swedish; mig: not Norwegian; av: not Danish).
static NORDIC: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    const DANISH: &str = "
        ikke jeg og meget også hvordan hvornår når hvad kun bare fra måske nogen noget nogle hvorfor hvem
        hvis af til at et hun mig dig sig mit dit sit nu tak hej nej blev havde skal vil ved for mere efter
        igen end nok sådan denne dette disse her der hjælp hjælpen uge uger penge pengene tilbage købe købt
        stadig rigtig rigtigt spørgsmål være blive bliver gør gøre siger hele alle andre mange virkelig
        dårlig dårligt godt sjov sjovt pige dreng hjem hjemme spise snakke synes kender kæmpe endnu lige
        selv derfor op ud fik gik lidt vej selskab jer lort tjek forstår brug fået øjeblik venligst desværre
        altså fordi aldrig altid kunne måtte allerede sammen mens bedre svar svarer kundeservice virker
        længe lang dag mod uden over";
    const NORWEGIAN: &str = "
        ikke ikkje jeg eg og mye mykje også hvordan korleis når hva kva kun bare berre fra frå kanskje noen
        nokon noe noko hvorfor kvifor hvem kven hvis av til at å et hun ho meg deg seg mitt ditt sitt nå
        takk hei nei ble blei hadde skal ska vil ved for mer meir etter igjen enn nok sånn slik denne dette
        disse her der hjelp hjelpen uke uker veke penger pengene pengane tilbake kjøpe kjøpt fortsatt
        framleis riktig spørsmål være vere bli blir gjør gjøre sier seier hele heile alle andre mange veldig
        virkelig dårlig dårlige godt gøy jente gutt hjem heim hjemme heime spise snakke synes kjenner kjempe
        ennå selv sjølv derfor opp ut fikk gikk litt lite vei selskap dere dykk dritt sjekk skjønner trenger
        fått forstår bruk øyeblikk vennligst dessverre altså fordi aldri alltid kunne måtte allerede sammen
        mens bedre bra svar svarer kundeservice virker lenge lang dag mot uten over";
    const SWEDISH: &str = "
        och inte jag är mycket också hur när vad bara från kanske någon något några varför vem vilken vilket
        vilka av till att ett hon mig dig sig mitt ditt sitt nu tack hej nej blev hade ska vill vid för
        mer efter igen än nog sådan sån denna detta dessa här där hjälp vecka veckor pengar pengarna
        tillbaka köpa köpt fortfarande riktigt fråga frågor vara bli blir gör göra säger hela alla andra
        många väldigt verkligen dålig dåligt gott kul tjej kille hem hemma äta prata tycker känner jätte
        jättebra ännu lika själv därför upp ut fick gick lite väg sällskap ni skit kolla behöver fått
        förstår snälla tyvärr ögonblick alltså eftersom aldrig alltid kunde måste redan tillsammans medan
        bättre bra svar svarar kundtjänst fungerar funkar länge lång dag idag sedan även utan mot över";
    let mut map = FxHashMap::default();
    for (bit, list) in [DANISH, NORWEGIAN, SWEDISH].into_iter().enumerate() {
        for w in list.split_whitespace() {
            *map.entry(w).or_insert(0u8) |= 1 << bit;
        }
    }
    map.retain(|_, bits| *bits != 0b111);
    map
});

/// The Scandinavian languages that spell a word of this form so (bits as in [`NORDIC`]):
/// -hed/-skab Danish where Norwegian and Swedish write -het/-skap, -sjon Norwegian where
/// Danish and Swedish write -tion, and kj-/gj-/skj- words are Norwegian (Danish kø-,
/// gø-, skø-). Words of six letters or more, so that short function words are not taken.
fn nordic_form(word: &str) -> Option<u8> {
    const FORMS: [(&str, u8, bool); 14] = [
        ("hed", 0b001, false),
        ("heden", 0b001, false),
        ("skab", 0b001, false),
        ("skabet", 0b001, false),
        ("het", 0b110, false),
        ("heten", 0b110, false),
        ("skap", 0b110, false),
        ("skapet", 0b110, false),
        ("tion", 0b101, false),
        ("tionen", 0b101, false),
        ("sjon", 0b010, false),
        ("sjonen", 0b010, false),
        ("kj", 0b010, true),
        ("gj", 0b010, true),
    ];
    if word.len() < 6 {
        return None;
    }
    FORMS.iter().find(|(f, _, start)| if *start { word.starts_with(f) } else { word.ends_with(f) }).map(|(_, b, _)| *b)
}

/// Frequent English words that no Scandinavian language spells so.
static ENGLISH: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "the", "and", "are", "were", "of", "my", "you", "your", "with", "from", "this", "that", "waiting", "still",
        "have", "has", "not", "it", "why", "what", "when", "how", "please", "thanks", "thank", "again", "since", "any",
        "just", "been", "they", "our", "can't", "don't",
    ])
});

/// What makes a post romanised Tamil: Tamil evidence (a listed word 1, a listed '~' word
/// or a Tamil ending ½) of at least this much, at least this share of the post's words
/// (1/16: one Tamil word carries a short post of English words around it), and at least
/// this much per function word of another language. Chosen on half of the labelled posts
/// (split by a hash of the id) and checked on the other half: Tamil 0.673 and 0.671,
/// 3 and 5 posts of other languages taken for Tamil (`repwatch eval lang --fold 0/2`,
/// `--fold 1/2`).
const TANGLISH_NEEDS: (f32, f32, f32) = (1.0, 16.0, 1.0 / 3.0);

/// What a Tamil ending ([`has_tamil_ending`]) counts: half a listed word, since endings
/// are guesses.
const TANGLISH_ENDING: f32 = 0.5;

/// Frequent words of Tamil written in Latin letters (src/normalize/tanglish.txt says how
/// they were chosen), by skeleton: one skeleton and one lookup per word of a post (most
/// words turned away by the first three letters of their skeleton, without a lookup).
struct Tanglish {
    /// By [`skeleton`] key.
    by_skeleton: FxHashMap<u64, Spellings>,
    /// The first three letters of the listed skeletons (of three letters or more), the
    /// first 15 bits of their keys, as a set of bits: most words of a post (English,
    /// Swedish …) are turned away three letters in, without the rest of their skeleton
    /// or a lookup. `Tanglish::weight` was 92 M instructions on the 140,853 mixed posts.
    starts: SkeletonStarts,
}

/// A set of three-letter skeleton starts ([`Tanglish::starts`]), a bit for each 15-bit key.
type SkeletonStarts = [u64; 1 << (3 * 5 - 6)];

/// The listed words of one skeleton.
#[derive(Default)]
struct Spellings {
    /// What any spelling with this skeleton counts: 1 if a plain entry has it, else 0
    /// (only '=' or '~' entries, which count as spelt).
    weight: f32,
    /// The '=' (1) and '~' (½) entries, which count only as spelt.
    spelt: Vec<(&'static str, f32)>,
}

impl Tanglish {
    /// What `word` (lowercase) counts as Tamil evidence: 1, ½ or 0.
    fn weight(&self, word: &str) -> f32 {
        let Some(key) = skeleton_with(word, Some(&self.starts)) else { return 0.0 };
        match self.by_skeleton.get(&key) {
            None => 0.0,
            Some(s) => s.spelt.iter().find(|(w, _)| *w == word).map_or(s.weight, |(_, weight)| *weight),
        }
    }
}

static TANGLISH: LazyLock<Tanglish> = LazyLock::new(|| {
    let mut by_skeleton: FxHashMap<u64, Spellings> = FxHashMap::default();
    for line in include_str!("tanglish.txt").lines() {
        let line = line.split('#').next().unwrap_or_default();
        for entry in line.split_whitespace() {
            let (word, spelt) = match (entry.strip_prefix('='), entry.strip_prefix('~')) {
                (Some(w), _) => (w, Some(1.0)),
                (_, Some(w)) => (w, Some(0.5)),
                _ => (entry, None),
            };
            let Some(key) = skeleton(word) else {
                // Not all lowercase ASCII letters, or a skeleton too long for a key.
                assert!(!word.bytes().all(|b| b.is_ascii_lowercase()), "{word:?}: skeleton too long");
                continue;
            };
            let s = by_skeleton.entry(key).or_default();
            match spelt {
                Some(weight) => s.spelt.push((word, weight)),
                None => s.weight = 1.0,
            }
        }
    }
    let mut starts = [0u64; 1 << (3 * 5 - 6)];
    for &key in by_skeleton.keys() {
        let letters = (64 - key.leading_zeros()).div_ceil(5);
        if letters >= 3 {
            let start = key >> (5 * (letters - 3));
            starts[start as usize >> 6] |= 1 << (start & 63);
        }
    }
    Tanglish { by_skeleton, starts }
});

/// The most letters of a [`skeleton`] key: 5 bits a letter in 64 (the longest listed
/// word's skeleton has 12, "terinjukonga").
const SKELETON_LETTERS: u32 = 12;

/// The skeleton of `word`, which folds the spelling variants of romanised Tamil: runs of
/// one letter become one (irukku/iruku, semma/sema, vaanga/vanga), zh → l
/// (vaazhthukkal/vaalthukkal), th → t, dh → d, sh → s, bh/kh/gh → b/k/g (thala/tala,
/// santhosham/santosam), and a leading y before e goes (yellam/ellam). As a number, its
/// letters 5 bits each (a = 1 … z = 26), so that a word is looked up without a string;
/// none for a word that is not all ASCII lowercase letters (Tamil in Latin letters has no
/// accents), or whose skeleton has more than [`SKELETON_LETTERS`] letters (no listed
/// word's has: the table's construction checks).
fn skeleton(word: &str) -> Option<u64> {
    skeleton_with(word, None)
}

/// [`skeleton`], or none as soon as its first three letters are not among `starts`.
#[inline]
fn skeleton_with(word: &str, starts: Option<&SkeletonStarts>) -> Option<u64> {
    let b = word.as_bytes();
    // A leading "ye" is lowercase: only the check of the letters after it is needed.
    let mut i = usize::from(b.len() > 3 && b.starts_with(b"ye"));
    let mut key = 0u64;
    let mut letters = 0;
    let mut last = 0u8;
    while i < b.len() {
        let mut c = b[i];
        if !c.is_ascii_lowercase() {
            return None;
        }
        i += 1;
        if b.get(i) == Some(&b'h') {
            let folded = match c {
                b'z' => Some(b'l'),
                b't' | b'd' | b's' | b'b' | b'k' | b'g' => Some(c),
                _ => None,
            };
            if let Some(f) = folded {
                c = f;
                i += 1;
            }
        }
        if c != last {
            letters += 1;
            if letters > SKELETON_LETTERS {
                return None;
            }
            key = key << 5 | u64::from(c - b'a' + 1);
            last = c;
            if letters == 3
                && let Some(starts) = starts
                && starts[key as usize >> 6] >> (key & 63) & 1 == 0
            {
                return None;
            }
        }
    }
    Some(key)
}

/// Endings of Tamil verbs and cases that words of the other languages here (nearly)
/// never have: -ungal/-unga (you, please), -anum (must), -ukku/-uku/-ikku (to), -chu,
/// -nju, -thu/-dhu (it did), -aanga/-reenga/-kanga (they, you do), -rukku/-ruku (is),
/// -thula/-dhula (in). Words of six letters or more, so that Swedish "unga" is not one.
fn has_tamil_ending(word: &str) -> bool {
    const ENDINGS: [&str; 18] = [
        "ungal", "unga", "anum", "ukku", "uku", "ikku", "nju", "dhu", "thu", "aanga", "aangal", "reenga", "rukku",
        "ruku", "kanga", "dhula", "thula", "chu",
    ];
    // Every ending ends in a, l, m or u: one byte turns most words away.
    word.len() >= 6
        && matches!(word.as_bytes().last(), Some(b'a' | b'l' | b'm' | b'u'))
        && word.is_ascii()
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The byte-wise count and the words read in one pass agree with the plain forms:
        /// every letter decoded and looked up, every word lowercased.
        #[test]
        fn scripts_and_words_read_as_by_every_character(
            text in "([a-z']{1,5}|[a-zA-Z']{1,5}|[ @:/.,0-9]|[\t\n\u{85}\u{A0}\u{2003}\u{3000}]|[×÷ÀÉßøſİΣσςΑ-ωЖж\u{0B85}\u{0BBE}\u{0627}\u{0300}😀\u{1F00}]{1,3}|www\\.|://){0,20}"
        ) {
            let mut want = [0usize; 5];
            for c in text.chars().filter(|c| c.is_alphabetic()) {
                let i = match c as u32 {
                    0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
                    0x0400..=0x04FF => 2,
                    0x0B80..=0x0BFF => 3,
                    0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 4,
                    _ if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => 0,
                    _ => continue,
                };
                want[i] += 1;
            }
            proptest::prop_assert_eq!(script_counts(&text), want);
            let words: Vec<String> = text
                .split_whitespace()
                .filter(|t| !(t.starts_with('@') || t.contains("://") || t.starts_with("www.")))
                .flat_map(|t| t.split(|c: char| !(c.is_alphabetic() || c == '\'')))
                .filter(|w| !w.is_empty() && !w.starts_with('\''))
                .map(|w| w.to_lowercase())
                .collect();
            // Read into a buffer that held other words before.
            let mut read = Words::of("Ærlig talt, ΣΟΦΊΑ @x www.y.z");
            read.read(&text);
            proptest::prop_assert_eq!(read.iter().collect::<Vec<_>>(), words);
            proptest::prop_assert_eq!(read.len(), read.iter().count());
        }
    }

    /// The skeleton as a string, as it was built before it became a number: the reference
    /// for [`skeleton`].
    fn skeleton_spelt(word: &str) -> Option<String> {
        let b = word.as_bytes();
        if !b.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut out = String::new();
        let mut i = usize::from(b.len() > 3 && b.starts_with(b"ye"));
        let mut last = 0u8;
        while i < b.len() {
            let mut c = b[i];
            i += 1;
            if b.get(i) == Some(&b'h') {
                let folded = match c {
                    b'z' => Some(b'l'),
                    b't' | b'd' | b's' | b'b' | b'k' | b'g' => Some(c),
                    _ => None,
                };
                if let Some(f) = folded {
                    c = f;
                    i += 1;
                }
            }
            if c != last {
                out.push(c as char);
                last = c;
            }
        }
        Some(out)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The skeleton as a number is the string one's letters, 5 bits each, when it has
        /// at most [`SKELETON_LETTERS`]; none when that is none or longer.
        #[test]
        fn skeleton_keys_are_the_spelt_skeletons(word in "(ye)?([a-z]|[aeiouyzhtdsbkg]{1,3}|[A-Zé0'])*") {
            let want = skeleton_spelt(&word).filter(|s| s.len() <= SKELETON_LETTERS as usize).map(|s| {
                s.bytes().fold(0u64, |key, c| key << 5 | u64::from(c - b'a' + 1))
            });
            proptest::prop_assert_eq!(skeleton(&word), want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The script decides as by its counts, whether the text is ASCII (not counted) or
        /// not.
        #[test]
        fn script_decides_as_by_the_counts(text in "([a-zA-Z]{1,4}|[ .,!?'0-9@:/#\t\n\x7f]|[éøßΣαЖжக\u{0627}😀]){0,12}") {
            for prior in [&[][..], &[Lang::No, Lang::Da], &[Lang::De]] {
                let id = Identifier::new(prior);
                proptest::prop_assert_eq!(id.by_script(&text), id.by_counts(&script_counts(&text)));
            }
        }
    }

    /// [`Tanglish::weight`] as it was before the skeleton starts turned words away: the
    /// whole skeleton looked up.
    fn weight_by_whole_skeleton(word: &str) -> f32 {
        let Some(key) = skeleton(word) else { return 0.0 };
        match TANGLISH.by_skeleton.get(&key) {
            None => 0.0,
            Some(s) => s.spelt.iter().find(|(w, _)| *w == word).map_or(s.weight, |(_, weight)| *weight),
        }
    }

    /// Every listed word, and each with a letter changed, dropped or doubled, weighs what
    /// its whole skeleton's lookup says: no listed skeleton is turned away by its start.
    #[test]
    fn listed_words_are_not_turned_away_by_their_start() {
        let listed: Vec<&str> = include_str!("tanglish.txt")
            .lines()
            .flat_map(|line| line.split('#').next().unwrap_or_default().split_whitespace())
            .map(|w| w.trim_start_matches(['=', '~']))
            .collect();
        assert!(listed.len() > 800);
        let mut weighed = 0;
        for word in listed {
            let mut variants = vec![word.to_string()];
            for i in 0..word.len() {
                variants.push(format!("{}{}", &word[..i], &word[i + 1..]));
                variants.push(format!("{}{}", &word[..i + 1], &word[i..]));
                variants.push(format!("{}e{}", &word[..i], &word[i + 1..]));
            }
            for w in &variants {
                assert_eq!(TANGLISH.weight(w), weight_by_whole_skeleton(w), "{w:?}");
                weighed += usize::from(TANGLISH.weight(w) > 0.0);
            }
        }
        assert!(weighed > 1000, "{weighed}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// Words turned away by the start of their skeleton weigh nothing by the whole
        /// skeleton either.
        #[test]
        fn tanglish_weights_as_by_the_whole_skeleton(word in "(ye)?([a-z]|[aeiouyzhtdsbkgnlmr]{1,3}|[A-Zé0'])*") {
            proptest::prop_assert_eq!(TANGLISH.weight(&word), weight_by_whole_skeleton(&word));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// The steps of the vendored whatlang replaced for speed are checked against the
        /// crate's own code in debug builds (vendor/whatlang/PATCHED.md): random text of
        /// mixed scripts, through the detector of three priors, runs those checks.
        #[test]
        fn whatlang_agrees_with_the_steps_it_replaced(
            text in "([a-zA-Z]{1,8}|[ .,!?'0-9@:/#\t]|[àáâäåæçèéêëíñóöøúüýÿßÀÉÖØÜ×ĳœſİǅȺ]|[а-яА-ЯёЁ]{1,4}|[α-ωΑ-ΩΣς]{1,4}|[水語日本한국ひカ]|[😀❤’“”—ẞɐ]){0,60}"
        ) {
            for prior in [&[][..], &[Lang::No, Lang::Da, Lang::En], &[Lang::De, Lang::Fr, Lang::Ru]] {
                let id = Identifier::new(prior);
                let _ = id.detector.detect(&text);
                let _ = id.detect(&text);
            }
        }
    }

    fn check(prior: &[Lang], cases: &[(&str, Lang)]) {
        let id = Identifier::new(prior);
        for (text, want) in cases {
            assert_eq!(id.detect(text), *want, "{text:?} with prior {prior:?}");
        }
    }

    #[test]
    fn the_script_decides_where_it_can() {
        check(
            &[],
            &[
                ("Απαράδεκτη εξυπηρέτηση από την FjordTel", Lang::El),
                ("FjordTel опять не работает", Lang::Ru),
                ("FjordTel சேவை மோசம்", Lang::Ta),
                ("الخدمة سيئة جدا", Lang::Ar),
                ("", Lang::En),
                ("😡😡 !!!", Lang::En),
            ],
        );
        check(&[Lang::Ru, Lang::No], &[("FjordTel is down", Lang::No)]);
        assert_eq!(detect("FjordTel is down", &[Lang::Ru, Lang::No]), Lang::No);
    }

    #[test]
    fn latin_languages_are_told_apart() {
        check(
            &[],
            &[
                ("My internet has been down since yesterday and nobody answers the phone", Lang::En),
                ("Das Internet funktioniert seit gestern nicht mehr und niemand geht ans Telefon", Lang::De),
                ("Internet mi ne dela že od včeraj in nihče se ne oglasi na telefon", Lang::Sl),
                ("Mi internet no funciona desde ayer y nadie contesta el teléfono", Lang::Es),
                ("Jag väntar fortfarande på min återbetalning från er", Lang::Sv),
            ],
        );
    }

    #[test]
    fn short_norwegian_posts_are_norwegian_not_danish() {
        let cases = [
            ("Nettet er nede igjen", Lang::No),
            ("Venter fortsatt på pengene mine", Lang::No),
            ("Takk for hjelpen!", Lang::No),
            ("Hvorfor svarer dere ikke?", Lang::No),
            ("Eg har ikkje fått svar", Lang::No),
            ("Jeg har stadig ikke fået mine penge tilbage", Lang::Da),
            ("Tak for hjælpen, det virker nu", Lang::Da),
        ];
        check(&[], &cases);
        check(&[Lang::No, Lang::Da, Lang::En], &cases);
        // No word that tells them apart: Norwegian, unless the brand ranks Danish first.
        check(&[], &[("Overraskelse !", Lang::No), ("Helt utrolig", Lang::No)]);
        // With Danish alone among the brand's Nordic languages, it is Danish.
        check(&[Lang::Da, Lang::En], &[("Venter fortsatt på pengene mine", Lang::Da)]);
    }

    #[test]
    fn short_swedish_danish_and_norwegian_posts_are_told_apart() {
        let cases = [
            ("Varför svarar ni inte?", Lang::Sv),
            ("Jag har fortfarande inte fått pengarna tillbaka", Lang::Sv),
            ("Tack för hjälpen!", Lang::Sv),
            ("Det fungerar inte, vad ska jag göra?", Lang::Sv),
            ("Köpte en ny telefon igår", Lang::Sv),
            ("Hvad sker der, jeg har ventet en uge", Lang::Da),
            ("Jeg har ikke fået noget svar endnu", Lang::Da),
            ("Hva skjer, jeg har ventet en uke", Lang::No),
            ("Jeg har ikke fått noe svar ennå", Lang::No),
            ("Kva er det som skjer med nettet?", Lang::No),
            ("Ny organisasjon, samme dårlige kundeservice", Lang::No),
        ];
        check(&[], &cases);
        check(&[Lang::Sv, Lang::Da, Lang::No, Lang::En], &cases);
    }

    #[test]
    fn romanised_tamil_is_tamil() {
        check(
            &[],
            &[
                ("Romba mosam service, innum refund varala", Lang::Ta),
                ("Enna da ellam avan seyal mari iruku", Lang::Ta),
                ("Padam semma, thalaivar vera level", Lang::Ta),
                ("Neenga sollunga, eppo fix pannuveenga?", Lang::Ta),
                ("Network problem, call panna mudiyala", Lang::Ta),
                ("Rombha nallaa irukku bro", Lang::Ta),
                ("Vaazhthukkal nanba", Lang::Ta),
                // One Tamil word carries the English around it, as commenters mix them.
                ("Semma trailer, waiting for the movie", Lang::Ta),
                ("The service is not good at all", Lang::En),
            ],
        );
        // Not when the brand does not work in Tamil.
        check(&[Lang::En], &[("Romba mosam service, innum refund varala", Lang::En)]);
    }

    #[test]
    fn other_latin_posts_are_not_tamil() {
        let id = Identifier::new(&[]);
        for text in [
            // Names from Tamil Nadu in English posts.
            "Flight from Chennai to Madurai delayed again, please respond",
            "Thanks to Priya and Karthik at the Velachery store for the quick help",
            "@kami_stay @thalaivar_fan the order never arrived",
            // Short posts of other languages whose words look like romanised Tamil.
            "Panna cotta e caffè, grazie",
            "La vida es así, pero la pizza era mala",
            "Vamos a la playa mañana con Ana",
            "Mår illa efter maten",
            "Unga människor vill ha mer",
            "Ide itu bagus, kita makan nanti",
            "Apa kabar, sama sama",
            "Hauska nähdä, kiitos paljon",
        ] {
            assert_ne!(id.detect(text), Lang::Ta, "{text:?}");
        }
    }

    #[test]
    fn tamil_spellings_share_a_skeleton() {
        let skel = |w: &str| skeleton(w).unwrap_or_else(|| panic!("{w:?}"));
        for (a, b) in [
            ("irukku", "iruku"),
            ("romba", "rombha"),
            ("semma", "semmaaa"),
            ("vaazhthukkal", "valthukal"),
            ("yellam", "ellam"),
            ("santhosham", "santosam"),
            ("padathula", "padatthula"),
        ] {
            assert_eq!(skel(a), skel(b), "{a} ~ {b}");
        }
        assert_eq!(skeleton("café"), None);
        assert_eq!((TANGLISH.weight("rombha"), TANGLISH.weight("unga")), (1.0, 0.5));
        // "thaan" matches only as spelt: its skeleton is English "than".
        assert_eq!((TANGLISH.weight("thaan"), TANGLISH.weight("than")), (1.0, 0.0));
        assert!(has_tamil_ending("pannunga") && has_tamil_ending("vanthuchu") && !has_tamil_ending("unga"));
    }

    #[test]
    fn no_function_word_of_a_latin_language_is_tanglish() {
        // Shared words are listed to count half ('~' in tanglish.txt); the rest must not
        // be another language's function word.
        let (rules, errors) = crate::score::rules::load(None, None);
        assert!(errors.is_empty(), "{errors:?}");
        let mut clash = Vec::new();
        for (lang, r) in &rules.langs {
            if lang.is_latin_script() {
                clash.extend(r.function_words.iter().filter(|w| TANGLISH.weight(w) >= 1.0).map(|w| (*lang, w.clone())));
            }
        }
        for set in [&*ENGLISH, &*NORWEGIAN, &*DANISH] {
            clash.extend(set.iter().filter(|w| TANGLISH.weight(w) >= 1.0).map(|w| (Lang::En, w.to_string())));
        }
        clash.extend(NORDIC.keys().filter(|w| TANGLISH.weight(w) >= 1.0).map(|w| (Lang::Sv, w.to_string())));
        assert!(clash.is_empty(), "{clash:?}");
    }

    #[test]
    fn odd_text_gets_a_language() {
        let id = Identifier::new(&[]);
        for text in ["\u{202E}\u{200B}", "\0\x07", "1234", "a", "ÆØÅ", &"ab ".repeat(100_000)] {
            let _ = id.detect(text);
        }
    }

    #[test]
    fn trigrams_read_the_start_of_a_long_post_up_to_a_whole_word() {
        let short = "kort innlegg";
        assert_eq!(trigram_sample(short), short);
        let long = "ølbrød ".repeat(200);
        let sample = trigram_sample(&long);
        assert!(sample.len() <= TRIGRAM_BYTES && sample.len() > TRIGRAM_BYTES / 2, "{}", sample.len());
        assert!(long.starts_with(sample) && sample.ends_with("ølbrød"), "{sample:?}");
        // No space to cut at: cut at a character boundary.
        let one_word = "æ".repeat(1000);
        assert!(trigram_sample(&one_word).len() <= TRIGRAM_BYTES && trigram_sample(&one_word).ends_with('æ'));
    }

    #[test]
    fn function_words_decide_without_trigrams_only_when_clearly_ahead() {
        let id = Identifier::new(&[]).with_words([
            (Lang::En, ["the".to_string(), "and".into(), "is".into(), "not".into()].iter()),
            (Lang::Es, ["el".to_string(), "y".into(), "es".into(), "no".into()].iter()),
        ]);
        let words = Words::of;
        let votes = id.votes(&words("the order is late and the app is not working"));
        let (first, second) = top_two(&votes);
        assert_eq!(id.latin[first], Lang::En);
        assert!(votes[first] >= WORDS_FIRST.0 && votes[first] >= WORDS_FIRST.1 * votes[second]);
        assert_eq!(id.detect("the order is late and the app is not working"), Lang::En);
        // One known word is not enough: the trigrams decide.
        let votes = id.votes(&words("el pedido llega tarde"));
        assert!(votes[top_two(&votes).0] < WORDS_FIRST.0);
        assert_eq!(id.detect("el pedido llega tarde otra vez, qué desastre"), Lang::Es);
    }
}
