//! It's a hard-core optimized implementation of a relatively simple algorithm.
//! The explanation of the algorithm can be found in the parent module [crate::alphabets].

use super::RawOutcome;
use crate::core::{FilterList, LangSet, LowercaseText};
use crate::utils::{is_stop_byte, is_stop_char};
use crate::{Lang, Script};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::LazyLock;

/// repwatch: the inverted map, with the position of each ASCII character in `chars`
/// looked up once (most text is ASCII; a binary search per character was most of the
/// alphabet step).
pub struct AlphabetMap {
    chars: Vec<char>,
    langs: Vec<Vec<Lang>>,
    /// The position in `chars` of each ASCII character; `NOT_IN` when it is not there.
    ascii: [u16; 128],
    /// repwatch: the languages of each character as a set, when none is listed twice
    /// (else none, and the list is read).
    sets: Vec<Option<LangSet>>,
    /// repwatch: the ASCII characters in the map.
    ascii_in: Vec<u8>,
    /// repwatch: the languages of all the alphabets.
    in_any: LangSet,
}

const NOT_IN: u16 = u16::MAX;

impl AlphabetMap {
    /// The position of `ch` in `chars`, as the binary search gives it.
    #[inline]
    fn position(&self, ch: char) -> Option<usize> {
        match self.ascii.get(ch as usize) {
            Some(&NOT_IN) => None,
            Some(&i) => Some(i as usize),
            None => self.chars.binary_search(&ch).ok(),
        }
    }
}

/// Inverted map binding a character to a set of languages.
pub fn build_inverted_map(alphabets: &[(Lang, &str)]) -> AlphabetMap {
    let mut map = HashMap::new();

    for (lang, alphabet) in alphabets {
        for c in alphabet.chars() {
            let entry = map.entry(c).or_insert_with(Vec::new);
            entry.push(*lang);
        }
    }

    let mut char_lang: Vec<_> = map.into_iter().collect();

    char_lang.sort_unstable_by_key(|(c, _)| *c);

    let mut chars = Vec::with_capacity(char_lang.len());
    let mut langs = Vec::with_capacity(char_lang.len());
    for (ch, languages) in char_lang {
        chars.push(ch);
        langs.push(languages);
    }

    let mut ascii = [NOT_IN; 128];
    for (c, slot) in ascii.iter_mut().enumerate() {
        if let Ok(i) = chars.binary_search(&(c as u8 as char)) {
            *slot = i as u16;
        }
    }
    let sets = langs
        .iter()
        .map(|list| {
            let set = LangSet::from_langs(list);
            (set.len() == list.len()).then_some(set)
        })
        .collect();
    let ascii_in = (0..128u8)
        .filter(|&c| ascii[c as usize] != NOT_IN)
        .collect();
    let in_any = LangSet::from_langs(&langs.concat());
    AlphabetMap {
        chars,
        langs,
        ascii,
        sets,
        ascii_in,
        in_any,
    }
}

/// repwatch: the same scores as [`reference_alphabet_calculate_scores`] (the crate's
/// code), without a count for every character of the alphabets: each character of the
/// text adds to the languages it belongs to (all of the script's at once when it is in
/// every alphabet) as it is read, and the filter is a bit set. The sums are of integers,
/// so the order they are added in changes nothing; checked against the crate's code in
/// debug builds.
pub fn generic_alphabet_calculate_scores(
    script: Script,
    lang_map: &LazyLock<AlphabetMap>,
    text: &LowercaseText,
    filter_list: &FilterList,
) -> RawOutcome {
    let map = &**lang_map;
    let script_langs = script.langs();
    let allowed = LangSet::of(filter_list);

    let mut lang_scores = [0usize; crate::lang::LANG_COUNT];
    let mut common_score: usize = 0;
    // The allowed languages that have an alphabet here (those whose scores are read), and
    // what the characters in all of their alphabets (but not in every alphabet) add to
    // each of them, added once at the end: not to each language as the character comes
    // (most letters are in all the allowed alphabets; their adds were 3.9 M instructions
    // on the 3,464 texts of the first 20,000 mixed posts).
    let scored = map.in_any.intersection(allowed);
    let mut scored_score: usize = 0;
    // What a character of the map adds, `score` for each time it is in the text: to all
    // the script's languages at once when it is in every alphabet.
    let mut add = |position: usize, score: usize| {
        let languages = &map.langs[position];
        if languages.len() == script_langs.len() {
            common_score += score;
        } else if let Some(set) = map.sets[position] {
            let set = set.intersection(allowed);
            if set == scored {
                scored_score += score;
                return;
            }
            for lang in set.iter() {
                lang_scores[lang as usize] += score;
            }
        } else {
            for &lang in languages {
                lang_scores[lang as usize] += score;
            }
        }
    };
    // The characters counted: ASCII by byte, the others by position in the map (the first
    // `OTHERS` different ones; any more add as they come).
    const OTHERS: usize = 32;
    let mut ascii_counts = [0usize; 128];
    let mut others = [(0usize, 0usize); OTHERS];
    let mut n_others = 0;
    let mut max_raw_score = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            at += 1;
            if !is_stop_byte(b) {
                max_raw_score += 1;
                ascii_counts[b as usize] += 1;
            }
            continue;
        }
        let Some(ch) = text[at..].chars().next() else {
            break;
        };
        at += ch.len_utf8();
        // No stop character beyond ASCII.
        max_raw_score += 1;
        let Some(position) = map.position(ch) else {
            continue;
        };
        match others[..n_others].iter_mut().find(|(p, _)| *p == position) {
            Some((_, count)) => *count += 1,
            None if n_others < OTHERS => {
                others[n_others] = (position, 1);
                n_others += 1;
            }
            None => add(position, 2),
        }
    }
    for &b in &map.ascii_in {
        let count = ascii_counts[b as usize];
        if count > 0 {
            add(map.ascii[b as usize] as usize, 2 * count);
        }
    }
    for &(position, count) in &others[..n_others] {
        add(position, 2 * count);
    }
    if scored_score > 0 {
        for lang in scored.iter() {
            lang_scores[lang as usize] += scored_score;
        }
    }

    // Made to its size at once: collected from the filter, the list grew three times.
    let mut raw_scores: Vec<(Lang, usize)> = Vec::with_capacity(script_langs.len());
    for &l in script_langs {
        if allowed.contains(l) {
            let score = (lang_scores[l as usize] + common_score).saturating_sub(max_raw_score);
            raw_scores.push((l, score));
        }
    }

    raw_scores.sort_unstable_by_key(|(_, score)| Reverse(*score));

    let normalized_scores = raw_scores
        .iter()
        .map(|&(lang, raw_score)| (lang, raw_score as f64 / max_raw_score as f64))
        .collect();

    let outcome = RawOutcome {
        count: max_raw_score,
        raw_scores,
        scores: normalized_scores,
    };
    #[cfg(debug_assertions)]
    {
        let reference = reference_alphabet_calculate_scores(script, lang_map, text, filter_list);
        debug_assert_eq!(outcome.count, reference.count);
        debug_assert_eq!(outcome.raw_scores, reference.raw_scores);
        let bits = |scores: &[(Lang, f64)]| -> Vec<(Lang, u64)> {
            scores.iter().map(|&(l, s)| (l, s.to_bits())).collect()
        };
        debug_assert_eq!(bits(&outcome.scores), bits(&reference.scores));
    }
    outcome
}

/// The crate's scoring, which [`generic_alphabet_calculate_scores`] replaces: kept to check
/// it in debug builds.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn reference_alphabet_calculate_scores(
    script: Script,
    lang_map: &LazyLock<AlphabetMap>,
    text: &LowercaseText,
    filter_list: &FilterList,
) -> RawOutcome {
    let AlphabetMap { chars, langs, .. } = &**lang_map;
    let script_langs = script.langs();

    let mut char_scores = vec![0; chars.len()];
    let mut max_raw_score = 0;
    for ch in text.chars() {
        if is_stop_char(ch) {
            continue;
        }

        max_raw_score += 1;

        if let Some(position) = lang_map.position(ch) {
            char_scores[position] += 2;
        }
    }

    let mut lang_scores = vec![0; Lang::all().len()];
    let mut common_score: usize = 0;
    for (position, char_score) in char_scores.into_iter().enumerate() {
        if char_score > 0 {
            let languages = &langs[position];
            if languages.len() == script_langs.len() {
                common_score += char_score;
            } else {
                for &lang in languages {
                    lang_scores[lang as usize] += char_score;
                }
            }
        }
    }

    let mut raw_scores: Vec<(Lang, usize)> = script_langs
        .iter()
        .filter(|&&l| filter_list.is_allowed(l))
        .map(|&l| {
            let score = (lang_scores[l as usize] + common_score).saturating_sub(max_raw_score);
            (l, score)
        })
        .collect();

    raw_scores.sort_unstable_by_key(|(_, score)| Reverse(*score));

    let mut normalized_scores = vec![];

    for &(lang, raw_score) in raw_scores.iter() {
        let normalized_score = raw_score as f64 / max_raw_score as f64;
        normalized_scores.push((lang, normalized_score));
    }

    RawOutcome {
        count: max_raw_score,
        raw_scores,
        scores: normalized_scores,
    }
}
