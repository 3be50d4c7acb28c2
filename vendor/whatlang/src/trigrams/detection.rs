use std::cell::RefCell;
use std::rc::Rc;

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
    // trigram and language) of the allowed languages' profiles; the same sums as
    // `calculate_distance`.
    let allowed = LangSet::of(filter_list);
    let index = ProfileIndex::of(lang_profile_list, allowed);
    // By the language's index in the list, a u8 (`ProfileIndex::build` checks that the
    // list has no more than 256): a fixed array indexed so needs no bounds check in the
    // loop below, the hottest of the trigram step.
    let mut matched = [0i64; 256];
    for (n, trigram) in trigram_positions.iter().enumerate() {
        let n = n as i64;
        for &(lang, i) in index.entries(*trigram) {
            matched[usize::from(lang)] += MAX_TRIGRAM_DISTANCE as i64 - (n - i64::from(i)).abs();
        }
    }

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
/// profile), for the profiles of some of the languages of a list: the trigram's entries
/// are `entries[start..start + len]`.
struct ProfileIndex {
    map: HashMap<u64, (u32, u32)>,
    entries: Vec<(u8, u16)>,
}

/// repwatch: the indexes a thread has built, by profile list and allowed languages, the
/// latest last.
type IndexCache = Vec<(LangProfileList, LangSet, Rc<ProfileIndex>)>;

/// repwatch: how many indexes a thread keeps (a detector's languages make one; repwatch
/// has a detector per brand, most with the same languages).
const CACHED_INDEXES: usize = 8;

impl ProfileIndex {
    /// The index of the profiles in `list` of the `allowed` languages: built the first
    /// time a thread asks for it (the other languages' entries would only be skipped).
    fn of(list: LangProfileList, allowed: LangSet) -> Rc<ProfileIndex> {
        thread_local! {
            static CACHE: RefCell<IndexCache> = const { RefCell::new(Vec::new()) };
        }
        CACHE.with_borrow_mut(|cache| {
            let found = cache
                .iter()
                .position(|(l, a, _)| std::ptr::eq(*l, list) && *a == allowed);
            if let Some(k) = found {
                return Rc::clone(&cache[k].2);
            }
            if cache.len() == CACHED_INDEXES {
                cache.remove(0);
            }
            let index = Rc::new(ProfileIndex::build(list, allowed));
            cache.push((list, allowed, Rc::clone(&index)));
            index
        })
    }

    fn build(list: LangProfileList, allowed: LangSet) -> ProfileIndex {
        assert!(list.len() <= usize::from(u8::MAX) + 1);
        let mut lists: HashMap<u64, Vec<(u8, u16)>> = HashMap::new();
        for (k, &(lang, trigrams)) in list.iter().enumerate() {
            if !allowed.contains(lang) {
                continue;
            }
            for (i, &trigram) in trigrams.iter().enumerate() {
                lists
                    .entry(pack(trigram))
                    .or_default()
                    .push((k as u8, i as u16));
            }
        }
        let mut map = HashMap::with_capacity(lists.len());
        let mut entries = Vec::new();
        for (trigram, list) in lists {
            map.insert(trigram, (entries.len() as u32, list.len() as u32));
            entries.extend(list);
        }
        ProfileIndex { map, entries }
    }

    #[inline]
    fn entries(&self, trigram: u64) -> &[(u8, u16)] {
        match self.map.get(&trigram) {
            Some(&(start, len)) => &self.entries[start as usize..(start + len) as usize],
            None => &[],
        }
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
