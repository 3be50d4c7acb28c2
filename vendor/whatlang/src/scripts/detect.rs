use std::cmp::Reverse;

use super::chars;
use super::script::Script;
use crate::utils::is_stop_char;

type ScriptCounter = (Script, fn(char) -> bool, usize);

/// Detect only a script by a given text.
/// Works much faster than a complete detection with `detect`.
///
/// # Example
/// ```
/// use whatlang::{detect_script, Script};
/// let script = detect_script("Благодаря Эсперанто вы обрётете друзей по всему миру!").unwrap();
/// assert_eq!(script, Script::Cyrillic);
/// ```
pub fn detect_script(text: &str) -> Option<Script> {
    let raw_info = raw_detect_script(text);
    raw_info.main_script()
}

#[derive(Debug)]
pub struct RawScriptInfo {
    pub counters: Vec<(Script, usize)>,
}

impl RawScriptInfo {
    fn new(mut counters: Vec<(Script, usize)>) -> Self {
        counters.sort_unstable_by_key(|(_, score)| Reverse(*score));
        Self { counters }
    }

    pub(crate) fn main_script(&self) -> Option<Script> {
        // expect - is safe because self.counters is never expected to be empty
        // See raw_detect_script().
        let pair = self.counters.first().expect("counters must not be empty");
        if pair.1 > 0 { Some(pair.0) } else { None }
    }

    pub(crate) fn count(&self, script: Script) -> usize {
        // expect - is safe because self.counters always have all scripts
        // See raw_detect_script().
        self.counters
            .iter()
            .find(|(s, _count)| *s == script)
            .expect("count() failed because script is not found")
            .1
    }
}

pub fn raw_detect_script(text: &str) -> RawScriptInfo {
    let mut script_counters: [ScriptCounter; 25] = [
        (Script::Latin, chars::is_latin, 0),
        (Script::Cyrillic, chars::is_cyrillic, 0),
        (Script::Arabic, chars::is_arabic, 0),
        (Script::Mandarin, chars::is_mandarin, 0),
        (Script::Devanagari, chars::is_devanagari, 0),
        (Script::Hebrew, chars::is_hebrew, 0),
        (Script::Ethiopic, chars::is_ethiopic, 0),
        (Script::Georgian, chars::is_georgian, 0),
        (Script::Bengali, chars::is_bengali, 0),
        (Script::Hangul, chars::is_hangul, 0),
        (Script::Hiragana, chars::is_hiragana, 0),
        (Script::Katakana, chars::is_katakana, 0),
        (Script::Greek, chars::is_greek, 0),
        (Script::Kannada, chars::is_kannada, 0),
        (Script::Tamil, chars::is_tamil, 0),
        (Script::Thai, chars::is_thai, 0),
        (Script::Gujarati, chars::is_gujarati, 0),
        (Script::Gurmukhi, chars::is_gurmukhi, 0),
        (Script::Telugu, chars::is_telugu, 0),
        (Script::Malayalam, chars::is_malayalam, 0),
        (Script::Oriya, chars::is_oriya, 0),
        (Script::Myanmar, chars::is_myanmar, 0),
        (Script::Sinhala, chars::is_sinhala, 0),
        (Script::Khmer, chars::is_khmer, 0),
        (Script::Armenian, chars::is_armenian, 0),
    ];

    for ch in text.chars() {
        if is_stop_char(ch) {
            continue;
        }

        // For performance reasons, we need to mutate script_counters by calling
        // `swap` function, it would not be possible to do using normal iterator.
        for i in 0..script_counters.len() {
            let found = {
                let (_script, check_fn, ref mut count) = script_counters[i];
                if check_fn(ch) {
                    *count += 1;
                    true
                } else {
                    false
                }
            };
            // Have to let borrow of count fall out of scope before doing swapping, or we could
            // do this above.
            if found {
                // If script was found, move it closer to the front.
                // If the text contains largely 1 or 2 scripts, this will
                // cause these scripts to be eventually checked first.
                if i > 0 {
                    script_counters.swap(i - 1, i);
                }
                break;
            }
        }
    }

    let counters: Vec<(Script, usize)> = script_counters
        .iter()
        .map(|&(script, _, count)| (script, count))
        .collect();

    RawScriptInfo::new(counters)
}

/// repwatch: whether [`raw_detect_script`] finds Latin the main script of `text`, known
/// without counting every script: when more characters are Latin whatever order the
/// counters are in (ASCII letters and U+0080..U+024F, which no other script claims) than
/// there are characters another script claims, Latin's count is the largest and no other
/// ties with it. False tells nothing: count them.
pub(crate) fn latin_surely_main(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut latin = 0usize;
    let mut other = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        // Sixteen ASCII bytes at a time where they are.
        if let Some(chunk) = bytes
            .get(at..at + 16)
            .and_then(|c| <&[u8; 16]>::try_from(c).ok())
            && chunk.is_ascii()
        {
            latin += ascii_letters(chunk);
            at += 16;
            continue;
        }
        let b = bytes[at];
        if b.is_ascii() {
            latin += usize::from(b.is_ascii_alphabetic());
            at += 1;
            continue;
        }
        let Some(ch) = text[at..].chars().next() else {
            break;
        };
        at += ch.len_utf8();
        if ch < '\u{0250}' {
            latin += 1;
        } else if claimed_by_other_than_latin(ch) {
            other += 1;
        }
    }
    latin > other
}

/// repwatch: how many of 16 ASCII bytes are letters (`u8::is_ascii_alphabetic`), counted so that the
/// compiler can compare them all at once.
#[inline]
fn ascii_letters(chunk: &[u8; 16]) -> usize {
    let n: u8 = chunk
        .iter()
        .map(|&b| u8::from((b | 0x20).wrapping_sub(b'a') < 26))
        .sum();
    usize::from(n)
}

/// repwatch: a script other than Latin counts `ch` when it comes first.
fn claimed_by_other_than_latin(ch: char) -> bool {
    chars::is_cyrillic(ch)
        || chars::is_arabic(ch)
        || chars::is_mandarin(ch)
        || chars::is_devanagari(ch)
        || chars::is_hebrew(ch)
        || chars::is_ethiopic(ch)
        || chars::is_georgian(ch)
        || chars::is_bengali(ch)
        || chars::is_hangul(ch)
        || chars::is_hiragana(ch)
        || chars::is_katakana(ch)
        || chars::is_greek(ch)
        || chars::is_kannada(ch)
        || chars::is_tamil(ch)
        || chars::is_thai(ch)
        || chars::is_gujarati(ch)
        || chars::is_gurmukhi(ch)
        || chars::is_telugu(ch)
        || chars::is_malayalam(ch)
        || chars::is_oriya(ch)
        || chars::is_myanmar(ch)
        || chars::is_sinhala(ch)
        || chars::is_khmer(ch)
        || chars::is_armenian(ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_below_u0250_is_latin_alone() {
        // What `latin_surely_main` counts as Latin whatever the counters' order.
        for ch in ('\u{0080}'..'\u{0250}').chain(('a'..='z').chain('A'..='Z')) {
            assert!(chars::is_latin(ch) && !is_stop_char(ch), "{ch:?}");
            assert!(!claimed_by_other_than_latin(ch), "{ch:?}");
        }
        // The other script functions are all the ones the counters use.
        let text = "Ж ع 水 क ש ሀ ა ই 한 ひ カ Ω ಕ த ก ક ਕ క മ ଓ က ස ក Ա";
        let info = raw_detect_script(text);
        let counted: usize = info
            .counters
            .iter()
            .filter(|(s, _)| *s != Script::Latin)
            .map(|(_, n)| n)
            .sum();
        assert_eq!(
            counted,
            text.chars()
                .filter(|&c| claimed_by_other_than_latin(c))
                .count()
        );
        assert_eq!(counted, 24);
    }

    #[test]
    fn ascii_letters_are_counted_as_one_by_one() {
        for b in 0..128u8 {
            let mut chunk = *b"a1B;zZ@[`{~ 0xyQ";
            chunk[7] = b;
            let want = chunk.iter().filter(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(ascii_letters(&chunk), want, "{b}");
        }
    }

    #[test]
    fn latin_is_surely_main_only_when_counting_says_so() {
        for text in [
            "Hello there",
            "Hej då, vi ses på måndag",
            "Hello мир",
            "Привет мир hello",
            "ab мир",
            "abc мир",
            "abcd мир",
            "水水 ab",
            "ᴫᵸ ab",
            "😀😀😀 a",
            "",
            "123 !!",
            "Ǆ ɐɐɐ ꭰ",
            "Sixteen ASCII bytes and more, then мир мир мир мир мир",
            "мир мир мир мир мир мир and then sixteen ASCII bytes or so",
        ] {
            if latin_surely_main(text) {
                assert_eq!(detect_script(text), Some(Script::Latin), "{text:?}");
            }
        }
        assert!(
            latin_surely_main("Hej då")
                && latin_surely_main("😀😀😀 a")
                && latin_surely_main("abcd мир")
        );
        assert!(
            !latin_surely_main("abc мир") && !latin_surely_main("") && !latin_surely_main("123")
        );
    }

    #[test]
    fn test_script_name() {
        assert_eq!(Script::Cyrillic.name(), "Cyrillic");
        assert_eq!(Script::Katakana.name(), "Katakana");
    }

    #[test]
    fn test_detect_script() {
        assert_eq!(detect_script("1234567890-,;!"), None);

        // One script
        assert_eq!(detect_script("Hello!"), Some(Script::Latin));
        assert_eq!(detect_script("Привет всем!"), Some(Script::Cyrillic));
        assert_eq!(
            detect_script("ქართული ენა მსოფლიო "),
            Some(Script::Georgian)
        );
        assert_eq!(
            detect_script("県見夜上温国阪題富販"),
            Some(Script::Mandarin)
        );
        assert_eq!(
            detect_script(" ككل حوالي 1.6، ومعظم الناس "),
            Some(Script::Arabic)
        );
        assert_eq!(
            detect_script("हिमालयी वन चिड़िया (जूथेरा सालिमअली) चिड़िया की एक प्रजाति है"),
            Some(Script::Devanagari)
        );
        assert_eq!(
            detect_script("היסטוריה והתפתחות של האלפבית העברי"),
            Some(Script::Hebrew)
        );
        assert_eq!(
            detect_script("የኢትዮጵያ ፌዴራላዊ ዴሞክራሲያዊሪፐብሊክ"),
            Some(Script::Ethiopic)
        );

        // Mixed scripts
        assert_eq!(
            detect_script("Привет! Текст на русском with some English."),
            Some(Script::Cyrillic)
        );
        assert_eq!(
            detect_script("Russian word любовь means love."),
            Some(Script::Latin)
        );
    }
}
