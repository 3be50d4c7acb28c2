use hashbrown::HashMap;

use super::utils::{TrigramsWithPositions, get_trigrams_with_positions, pack};
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{LangProfile, LangProfileList};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, LangSet, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list)
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    lang_profile_list: LangProfileList,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = Vec::with_capacity(lang_profile_list.len());

    let TrigramsWithPositions {
        trigram_positions, ..
    } = get_trigrams_with_positions(&text.lowercase());
    let unique_trigrams_count = trigram_positions.len();

    // repwatch: the distance of every profile at once, from the text's trigrams looked up
    // in an inverted index (one lookup per text trigram instead of one per profile
    // trigram and language); the same sums as `calculate_distance`.
    let index = ProfileIndex::of(lang_profile_list);
    let mut matched = vec![0i64; lang_profile_list.len()];
    for (n, trigram) in trigram_positions.iter().enumerate() {
        if let Some(entries) = index.map.get(trigram) {
            for &(lang, i) in entries {
                matched[lang as usize] +=
                    MAX_TRIGRAM_DISTANCE as i64 - (n as i64 - i as i64).abs();
            }
        }
    }

    let allowed = LangSet::of(filter_list);
    for (k, &(lang, lang_trigrams)) in lang_profile_list.iter().enumerate() {
        if !allowed.contains(lang) {
            continue;
        }
        let all_missing = lang_trigrams.len() as i64 * MAX_TRIGRAM_DISTANCE as i64;
        let dist = finish_distance((all_missing - matched[k]) as u32, unique_trigrams_count);
        #[cfg(debug_assertions)]
        {
            let positions: HashMap<Trigram, u32> = (trigram_positions.iter())
                .enumerate()
                .map(|(n, &key)| (super::utils::unpack(key), n as u32))
                .collect();
            debug_assert_eq!(dist, calculate_distance(lang_trigrams, &positions));
        }
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// repwatch: trigram → (index of the language in its profile list, position in the
/// profile), built once per script.
struct ProfileIndex {
    map: HashMap<u64, Vec<(u8, u16)>>,
}

impl ProfileIndex {
    fn of(list: LangProfileList) -> &'static ProfileIndex {
        use std::sync::LazyLock;
        static LATIN: LazyLock<ProfileIndex> = LazyLock::new(|| ProfileIndex::build(LATIN_LANGS));
        static CYRILLIC: LazyLock<ProfileIndex> =
            LazyLock::new(|| ProfileIndex::build(CYRILLIC_LANGS));
        static ARABIC: LazyLock<ProfileIndex> = LazyLock::new(|| ProfileIndex::build(ARABIC_LANGS));
        static DEVANAGARI: LazyLock<ProfileIndex> =
            LazyLock::new(|| ProfileIndex::build(DEVANAGARI_LANGS));
        static HEBREW: LazyLock<ProfileIndex> = LazyLock::new(|| ProfileIndex::build(HEBREW_LANGS));
        let same = |other: LangProfileList| std::ptr::eq(list, other);
        if same(LATIN_LANGS) {
            &LATIN
        } else if same(CYRILLIC_LANGS) {
            &CYRILLIC
        } else if same(ARABIC_LANGS) {
            &ARABIC
        } else if same(DEVANAGARI_LANGS) {
            &DEVANAGARI
        } else {
            assert!(same(HEBREW_LANGS), "unknown profile list");
            &HEBREW
        }
    }

    fn build(list: LangProfileList) -> ProfileIndex {
        let mut map: HashMap<u64, Vec<(u8, u16)>> = HashMap::new();
        for (k, &(_, trigrams)) in list.iter().enumerate() {
            for (i, &trigram) in trigrams.iter().enumerate() {
                map.entry(pack(trigram)).or_default().push((k as u8, i as u16));
            }
        }
        ProfileIndex { map }
    }
}

/// The end of `calculate_distance`: the correction for texts with fewer trigrams than a
/// profile, and the clamp.
#[inline]
fn finish_distance(mut total_dist: u32, count: usize) -> u32 {
    let count = count as u32;
    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }
    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn calculate_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    finish_distance(total_dist, text_trigrams.len())
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
