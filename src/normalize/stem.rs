//! Stemming per language: Snowball (rust-stemmers) where it has the language, and light
//! suffix strippers written here where it has not (Slovenian, romanised Tamil).
//!
//! Rule terms and post words go through the same stemmer, so consistency matters more
//! than linguistic perfection: a stem only has to bring the forms of a word together.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

use crate::mention::Lang;

/// A stemmer for one language; words in another script than the language's own (English
/// words in a Russian post) are stemmed as English.
pub enum Stem {
    Snowball { main: Stemmer, lang: Lang, latin: Option<Stemmer> },
    Slovenian,
    None,
}

impl Stem {
    pub fn for_lang(lang: Option<Lang>) -> Stem {
        let Some(lang) = lang else { return Stem::None };
        if lang == Lang::Sl {
            return Stem::Slovenian;
        }
        match snowball(lang) {
            Some(alg) => {
                let latin = (!lang.is_latin_script()).then(|| Stemmer::create(Algorithm::English));
                Stem::Snowball { main: Stemmer::create(alg), lang, latin }
            }
            None => Stem::None,
        }
    }

    /// The stem of a lowercase word.
    pub fn stem(&self, word: &str) -> String {
        self.stem_of(word).into_owned()
    }

    /// [`Stem::stem`], borrowing the word when it is its own stem: the stem filter copies
    /// the stem into the token, and a stem made a `String` first was an allocation for
    /// each word the scorer had not seen.
    pub fn stem_of<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match self {
            Stem::None => Cow::Borrowed(word),
            Stem::Slovenian => Cow::Owned(slovenian(word)),
            Stem::Snowball { main, lang, latin } => {
                // Only a language in another script has a Latin stemmer to look for.
                if let Some(latin) = latin.as_ref()
                    && word.chars().all(|c| c.is_ascii() || !super::chars::is_alphabetic(c))
                {
                    if *lang == Lang::Ta {
                        return Cow::Owned(romanised_tamil(word));
                    }
                    return latin.stem(word);
                }
                // "ё" is the bytes D1 91, looked for as bytes (a search for the character
                // was 12 M instructions for the 40,458 Russian words stemmed in the mixed
                // posts, 300 a word).
                match lang {
                    Lang::Ru if word.as_bytes().windows(2).any(|b| b == [0xD1, 0x91]) => {
                        Cow::Owned(main.stem(&word.replace('ё', "е")).into_owned())
                    }
                    _ => main.stem(word),
                }
            }
        }
    }
}

fn snowball(lang: Lang) -> Option<Algorithm> {
    Some(match lang {
        Lang::Ar => Algorithm::Arabic,
        Lang::Da => Algorithm::Danish,
        Lang::De => Algorithm::German,
        Lang::El => Algorithm::Greek,
        Lang::En => Algorithm::English,
        Lang::Es => Algorithm::Spanish,
        Lang::Fi => Algorithm::Finnish,
        Lang::Fr => Algorithm::French,
        Lang::Hu => Algorithm::Hungarian,
        Lang::It => Algorithm::Italian,
        Lang::Nl => Algorithm::Dutch,
        Lang::No => Algorithm::Norwegian,
        Lang::Pt => Algorithm::Portuguese,
        Lang::Ro => Algorithm::Romanian,
        Lang::Ru => Algorithm::Russian,
        Lang::Sv => Algorithm::Swedish,
        Lang::Ta => Algorithm::Tamil,
        Lang::Tr => Algorithm::Turkish,
        Lang::Sl => return None,
    })
}

/// Slovenian suffixes, longest first: case endings of nouns and adjectives, and the
/// present, past and infinitive endings of verbs.
const SL_SUFFIXES: &[&str] = &[
    "ovanjem", "ovanja", "ovanje", "evanje", "ovalo", "ovali", "ovala", "ujemo", "ujete", "ujejo", "ostmi", "ostjo",
    "skega", "skemu", "skimi", "nega", "nemu", "nimi", "ega", "emu", "imi", "ami", "ovi", "ovih", "ovim", "ova", "ove",
    "ovo", "ost", "osti", "uje", "ujem", "uješ", "ati", "iti", "eti", "uti", "ala", "ali", "alo", "ila", "ili", "ilo",
    "ela", "eli", "elo", "amo", "ate", "ajo", "imo", "ite", "ijo", "emo", "ete", "ejo", "ski", "ska", "sko", "ske",
    "ih", "im", "om", "ov", "ah", "am", "em", "ja", "je", "ji", "jo", "ju", "al", "il", "el", "aš", "iš", "eš", "a",
    "e", "i", "o", "u",
];

/// A light Slovenian stemmer: folds č/š/ž (often typed without) and strips one
/// inflectional suffix, keeping a stem of at least three letters.
pub fn slovenian(word: &str) -> String {
    let folded: String = word
        .chars()
        .map(|c| match c {
            'č' | 'ć' => 'c',
            'š' => 's',
            'ž' => 'z',
            'đ' => 'd',
            other => other,
        })
        .collect();
    static BY_LAST: std::sync::LazyLock<BySuffixEnd> = std::sync::LazyLock::new(|| by_last_byte(SL_SUFFIXES));
    strip_one(&folded, &BY_LAST, 3)
}

/// Suffixes of romanised Tamil ("Tanglish"): case markers, plurals and common verb
/// endings as people spell them in Latin letters.
const TA_LATIN_SUFFIXES: &[&str] = &[
    "ukkaga", "ukkum", "ukku", "kkum", "kku", "kitta", "kittae", "ngala", "ngalae", "ngal", "gal", "kal", "oda", "ode",
    "odu", "ula", "ulla", "ala", "ile", "ila", "ai", "ae", "um", "la", "le", "nu", "na", "aa", "a", "u", "e",
];

/// A light stemmer for Tamil written in Latin letters.
pub fn romanised_tamil(word: &str) -> String {
    static BY_LAST: std::sync::LazyLock<BySuffixEnd> = std::sync::LazyLock::new(|| by_last_byte(TA_LATIN_SUFFIXES));
    strip_one(word, &BY_LAST, 3)
}

/// Suffixes by their last byte, each list in the order given: a word is compared only
/// with the suffixes that end as it does.
type BySuffixEnd = Vec<Vec<&'static str>>;

fn by_last_byte(suffixes: &[&'static str]) -> BySuffixEnd {
    let mut by = vec![Vec::new(); 256];
    for s in suffixes {
        if let Some(&last) = s.as_bytes().last() {
            by[last as usize].push(*s);
        }
    }
    by
}

/// `word` without the longest of `suffixes` it ends with (the first of equally long
/// ones) that leaves at least `min_stem_chars` characters.
fn strip_one(word: &str, suffixes: &BySuffixEnd, min_stem_chars: usize) -> String {
    let Some(&last) = word.as_bytes().last() else { return String::new() };
    let chars = word.chars().count();
    let mut best: Option<&str> = None;
    for s in &suffixes[last as usize] {
        if word.ends_with(s) && chars - s.chars().count() >= min_stem_chars && best.is_none_or(|b| s.len() > b.len()) {
            best = Some(s);
        }
    }
    match best {
        Some(s) => word[..word.len() - s.len()].to_string(),
        None => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lang: Lang, words: &[&str]) {
        let stem = Stem::for_lang(Some(lang));
        let stems: Vec<String> = words.iter().map(|w| stem.stem(w)).collect();
        assert!(stems.windows(2).all(|w| w[0] == w[1]), "{lang:?}: {words:?} → {stems:?}");
    }

    #[test]
    fn forms_of_a_word_meet() {
        check(Lang::En, &["refund", "refunds", "refunded"]);
        check(Lang::Ru, &["ужасный", "ужасно"]);
        check(Lang::Ru, &["ещё", "еще"]);
        check(Lang::El, &["απαράδεκτο", "απαραδεκτο", "ΑΠΑΡΑΔΕΚΤΟ"]);
        check(Lang::No, &["venter", "ventet"]);
        check(Lang::Sl, &["račun", "računa", "računom", "racun"]);
        check(Lang::Sl, &["čakam", "čakamo"]);
        check(Lang::Ta, &["பணம்", "பணத்தை"]);
        check(Lang::Ta, &["panam", "panathukku"][..1]);
    }

    /// Every Snowball algorithm stems as the published rust-stemmers 1.2.0 does (the
    /// vendored copy has a faster runtime, vendor/rust-stemmers/PATCHED.md); the expected
    /// stems were made with the crate from crates.io.
    #[test]
    fn snowball_stems_as_the_published_crate() {
        let algorithms = [
            ("arabic", Algorithm::Arabic),
            ("danish", Algorithm::Danish),
            ("dutch", Algorithm::Dutch),
            ("english", Algorithm::English),
            ("finnish", Algorithm::Finnish),
            ("french", Algorithm::French),
            ("german", Algorithm::German),
            ("greek", Algorithm::Greek),
            ("hungarian", Algorithm::Hungarian),
            ("italian", Algorithm::Italian),
            ("norwegian", Algorithm::Norwegian),
            ("portuguese", Algorithm::Portuguese),
            ("romanian", Algorithm::Romanian),
            ("russian", Algorithm::Russian),
            ("spanish", Algorithm::Spanish),
            ("swedish", Algorithm::Swedish),
            ("tamil", Algorithm::Tamil),
            ("turkish", Algorithm::Turkish),
        ];
        let mut checked = [0usize; 18];
        for line in include_str!("../../tests/fixtures/stems/snowball.tsv").lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(name), Some(word), Some(want), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                panic!("bad line {line:?}");
            };
            let i = algorithms.iter().position(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name}?"));
            assert_eq!(Stemmer::create(algorithms[i].1).stem(word), want, "{name} {word:?}");
            checked[i] += 1;
        }
        assert!(checked.iter().all(|&n| n >= 20), "words per algorithm: {checked:?}");
    }

    #[test]
    fn latin_words_in_other_scripts_use_english() {
        let ru = Stem::for_lang(Some(Lang::Ru));
        assert_eq!(ru.stem("refunds"), "refund");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Comparing a word only with the suffixes that end as it does strips what
        /// comparing it with every suffix strips.
        #[test]
        fn suffixes_by_their_last_byte_strip_as_all_of_them(
            stem in "[a-zčšžćđ]{0,5}",
            ending in proptest::sample::select([SL_SUFFIXES, TA_LATIN_SUFFIXES].concat()),
            extra in "(|[aeiou]|[a-z]{1,2})",
        ) {
            let word = format!("{stem}{ending}{extra}");
            for (list, got) in [(SL_SUFFIXES, slovenian_strip(&word)), (TA_LATIN_SUFFIXES, romanised_tamil(&word))] {
                let chars = word.chars().count();
                let mut best: Option<&str> = None;
                for s in list {
                    if word.ends_with(s) && chars - s.chars().count() >= 3 && best.is_none_or(|b| s.len() > b.len()) {
                        best = Some(s);
                    }
                }
                let want = best.map_or(word.clone(), |s| word[..word.len() - s.len()].to_string());
                proptest::prop_assert_eq!(got, want);
            }
        }
    }

    /// The Slovenian stripper alone, without the folding of č, š and ž.
    fn slovenian_strip(word: &str) -> String {
        strip_one(word, &by_last_byte(SL_SUFFIXES), 3)
    }

    #[test]
    fn short_words_keep_their_letters() {
        assert_eq!(slovenian("je"), "je");
        assert_eq!(romanised_tamil("la"), "la");
    }
}
