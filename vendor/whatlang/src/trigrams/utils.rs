use hashbrown::HashMap;

use super::TEXT_TRIGRAMS_SIZE;
use super::Trigram;
use crate::core::LowercaseText;
use crate::utils::{ASCII_TRIGRAM_CHAR, is_stop_char};

pub struct TrigramsWithPositions {
    pub(crate) _total_trigrams: u32,
    /// repwatch: the text's most frequent trigrams ([`pack`]ed), most frequent first: a
    /// trigram's position is its index. The crate kept them in a map from trigram to
    /// position.
    pub(crate) trigram_positions: Vec<u64>,
}

/// repwatch: a trigram as one number that orders as the trigram does (a char is below
/// 2^21), so that counting hashes one word and ranking compares integers.
#[inline]
pub(crate) fn pack(Trigram(a, b, c): Trigram) -> u64 {
    (a as u64) << 42 | (b as u64) << 21 | c as u64
}

/// The trigram [`pack`] made `key` of.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
pub(crate) fn unpack(key: u64) -> Trigram {
    let c = |k: u64| char::from_u32((k & 0x1F_FFFF) as u32).unwrap_or(' ');
    Trigram(c(key >> 42), c(key >> 21), c(key))
}

#[inline]
pub fn get_trigrams_with_positions(text: &LowercaseText) -> TrigramsWithPositions {
    let (total_trigrams, trigram_positions) = ranked_trigrams(text);
    #[cfg(debug_assertions)]
    {
        let CountResult {
            total_trigrams: total,
            trigram_occurances,
        } = count(text);
        debug_assert_eq!(total_trigrams, total);
        debug_assert_eq!(
            trigram_positions,
            trigram_occurances_to_positions(trigram_occurances)
        );
    }
    TrigramsWithPositions {
        _total_trigrams: total_trigrams,
        trigram_positions,
    }
}

/// repwatch: the text's trigrams ranked as [`count`] and [`trigram_occurances_to_positions`]
/// rank them (by count, then trigram, descending; the first [`TEXT_TRIGRAMS_SIZE`]), and how
/// many there are, without a map: the trigrams of the text are sorted, so that equal ones
/// are next to each other, and only the few seen more than once need a sort of their own
/// (the rest are already in order). The order is total (trigrams are different), so any
/// way of sorting gives the same ranks.
fn ranked_trigrams(text: &str) -> (u32, Vec<u64>) {
    // The trigrams as `count` reads them: the text's characters (stop characters made
    // spaces) and a space after them, each the last of a trigram whose first two are the
    // two before (a space and the first character to begin with); none whose middle is a
    // space next to another. Characters are below 2^21: a trigram is `pack`ed as it goes.
    const SPACE: u64 = ' ' as u64;
    let bytes = text.as_bytes();
    let mut trigrams: Vec<u64> = Vec::with_capacity(bytes.len() + 1);
    if !bytes.is_empty() {
        let (first, mut at) = trigram_char(text, 0);
        let (mut c1, mut c2) = (SPACE, first);
        while at < bytes.len() {
            let (c3, next) = trigram_char(text, at);
            at = next;
            if c2 != SPACE || (c1 != SPACE && c3 != SPACE) {
                trigrams.push(c1 << 42 | c2 << 21 | c3);
            }
            (c1, c2) = (c2, c3);
        }
        // The space after the text.
        if c2 != SPACE {
            trigrams.push(c1 << 42 | c2 << 21 | SPACE);
        }
    }
    let total = trigrams.len() as u32;
    trigrams.sort_unstable();
    // The trigrams seen once, ascending, moved to the front (each is written at or before
    // where it was read); those seen more often, with their counts, aside.
    let mut repeated: Vec<u128> = Vec::new();
    let mut once = 0;
    let mut start = 0;
    while start < trigrams.len() {
        let key = trigrams[start];
        let mut end = start + 1;
        while end < trigrams.len() && trigrams[end] == key {
            end += 1;
        }
        if end - start == 1 {
            trigrams[once] = key;
            once += 1;
        } else {
            repeated.push(((end - start) as u128) << 64 | key as u128);
        }
        start = end;
    }
    trigrams.truncate(once);
    trigrams.reverse();
    repeated.sort_unstable_by(|a, b| b.cmp(a));
    trigrams.splice(0..0, repeated.iter().map(|&key| key as u64));
    // we're interested only in the first 600 (2 * MAX_TRIGRAM_DISTANCE)
    trigrams.truncate(TEXT_TRIGRAMS_SIZE);
    (total, trigrams)
}

/// repwatch: [`to_trigram_char`] of the character of `text` at byte `at`, as a number, and
/// where the next character starts.
#[inline(always)]
fn trigram_char(text: &str, at: usize) -> (u64, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (u64::from(ASCII_TRIGRAM_CHAR[usize::from(b)]), at + 1);
    }
    let ch = text[at..].chars().next().unwrap_or(' ');
    (ch as u64, at + ch.len_utf8())
}

#[inline]
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn trigram_occurances_to_positions(trigram_occurances: HashMap<u64, u32>) -> Vec<u64> {
    // Sort in descending order by number of occurrences and trigrams. repwatch: as one
    // integer each, count above trigram: the same order as sorting (count, trigram) pairs,
    // all different, so the same positions.
    let mut count_vec: Vec<u128> = trigram_occurances
        .into_iter()
        .map(|(trigram, count)| (count as u128) << 64 | trigram as u128)
        .collect();
    count_vec.sort_unstable_by(|a, b| b.cmp(a));

    count_vec
        .into_iter()
        .take(TEXT_TRIGRAMS_SIZE) // we're interested only in the first 600 (2 * MAX_TRIGRAM_DISTANCE)
        .map(|key| key as u64)
        .collect()
}

#[cfg_attr(not(debug_assertions), allow(dead_code))]
struct CountResult {
    total_trigrams: u32,
    trigram_occurances: HashMap<u64, u32>,
}

#[inline]
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn count(text: &LowercaseText) -> CountResult {
    let hash_capacity = calculate_initial_hash_capacity(text);
    let mut trigram_occurances: HashMap<u64, u32> = HashMap::with_capacity(hash_capacity);
    let mut total_trigrams = 0;

    // iterate through the string and count trigrams
    let mut chars_iter = text
        .chars()
        .map(to_trigram_char)
        //.flat_map(char::to_lowercase)
        .chain(Some(' '));
    let mut c1 = ' ';
    // unwrap is safe, because we always chain a space character on the end of the iterator
    let mut c2 = chars_iter.next().unwrap();
    for cur_char in chars_iter {
        let c3 = cur_char;
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            let trigram = pack(Trigram(c1, c2, c3));
            let count = trigram_occurances.entry(trigram).or_insert(0);
            *count += 1;
            total_trigrams += 1;
        }
        c1 = c2;
        c2 = c3;
    }

    CountResult {
        total_trigrams,
        trigram_occurances,
    }
}

// Convert punctuations and digits to a space.
#[inline]
fn to_trigram_char(ch: char) -> char {
    if is_stop_char(ch) { ' ' } else { ch }
}

// In order to improve performance, define the initial capacity for trigrams hash map,
// based on the size of the input text.
#[inline]
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn calculate_initial_hash_capacity(text: &str) -> usize {
    const MAX_INITIAL_HASH_CAPACITY: usize = 2048;

    let len = text.len();
    if len > MAX_INITIAL_HASH_CAPACITY {
        MAX_INITIAL_HASH_CAPACITY
    } else {
        len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ch);
        }
    }

    fn assert_not_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ' ');
        }
    }

    #[test]
    fn test_to_trigram_char() {
        // valuable chars, that matters
        assert_valuable_trigram_chars(&['a', 'z', 'A', 'Z', 'Ж', 'ß']);

        // punctuations, digits, etc..
        //
        // 0x00 - 0x40
        assert_not_valuable_trigram_chars(&['\t', '\n', ' ', '.', '0', '9', ',', '@']);
        // 0x5B - 0x60
        assert_not_valuable_trigram_chars(&['[', ']', '^', '\\', '`']);
        // 0x7B - 0x7E
        assert_not_valuable_trigram_chars(&['[', '|', '{', '}', '~']);
    }

    fn assert_count(text: &str, pairs: &[(&str, u32)]) {
        let lowercase_text = LowercaseText::new(text);
        let CountResult {
            total_trigrams: _,
            trigram_occurances,
        } = count(&lowercase_text);
        for &(trigram_str, expected_n) in pairs.iter() {
            let chars: Vec<char> = trigram_str.chars().collect();
            let trigram = Trigram(chars[0], chars[1], chars[2]);
            let actual_n = trigram_occurances[&pack(trigram)];
            assert_eq!(
                actual_n, expected_n,
                "trigram '{:?}' expected to occur {} times, got {}",
                trigram, expected_n, actual_n
            );
        }
        assert_eq!(trigram_occurances.len(), pairs.len());
    }

    #[test]
    fn test_count() {
        assert_count("", &[]);
        assert_count(",", &[]);
        assert_count("a", &[(" a ", 1)]);
        assert_count("-a-", &[(" a ", 1)]);
        assert_count("yes", &[(" ye", 1), ("yes", 1), ("es ", 1)]);
        assert_count(
            "Give - IT...",
            &[
                (" gi", 1),
                ("giv", 1),
                ("ive", 1),
                ("ve ", 1),
                (" it", 1),
                ("it ", 1),
            ],
        );
    }

    #[test]
    fn test_get_trigrams_with_positions() {
        let lowercase_text = LowercaseText::new("xaaaaabbbb    d");
        let TrigramsWithPositions {
            _total_trigrams,
            trigram_positions,
        } = get_trigrams_with_positions(&lowercase_text);

        assert_eq!(unpack(trigram_positions[0]), Trigram('a', 'a', 'a'));
        assert_eq!(unpack(trigram_positions[1]), Trigram('b', 'b', 'b'));
        assert_eq!(_total_trigrams, 11);
    }
}
