//! The token scanner: where each token of a post starts and ends.
//!
//! It finds exactly the spans that this regex finds, leftmost first, alternatives in order
//! (a test checks the two agree on every labelled post and on random text):
//!
//! ```text
//!   (?:https?://|www\.)[^\s<>"'“”]+                                 URL
//! | @[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?    @handle
//! | \#[\p{L}\p{M}\p{N}_]+                                            #hashtag
//! | >:\( | :'\( | </3 | <3 | \^_?\^ | -_- | [:;=][-o^]?[)(\]\[DPpO/\\|*@3$]    emoticon
//! | [\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\p{Cf}]*[\p{L}\p{M}\p{N}])?(?:['’][\p{L}\p{M}]+)*    word
//! | \p{Extended_Pictographic}\x{FE0F}?(?:\x{200D}\p{Extended_Pictographic}\x{FE0F}?)*[\x{1F3FB}-\x{1F3FF}]?
//! | [!?]+ | [.,;:…]
//! ```
//!
//! by hand, because the regex was a fifth of the scorer's time: with Unicode classes over
//! many scripts its lazy DFA kept rebuilding its states. The Unicode classes are the
//! regex's own (regex-syntax's tables), read once into a lookup table.

use std::sync::LazyLock;

/// The span of the next token at or after byte `from`, or `None` when there is none.
pub fn next_span(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        // No token starts with ASCII white space: the spaces between tokens are stepped
        // over without trying every kind of token on them.
        if bytes[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        if let Some(end) = match_at(text, at) {
            return Some((at, end));
        }
        at += utf8_len(bytes[at]);
    }
    None
}

/// Every token span of `text`, in order.
pub fn spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (s, e) = next_span(text, from)?;
        from = e;
        Some((s, e))
    })
}

/// The end of the token starting at byte `at`, trying the alternatives in order.
fn match_at(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let rest = &b[at..];
    let first = rest[0];
    // Most tokens start with an ASCII letter or digit: only a URL (at `h` or `w`) comes
    // before the word there, and no emoticon starts with one, so neither the other
    // alternatives nor the character's class need looking at.
    if first.is_ascii_alphanumeric() {
        if matches!(first, b'h' | b'w')
            && let Some(end) = url(text, at)
        {
            return Some(end);
        }
        return Some(word(text, at + 1));
    }
    let special = match first {
        b'@' => handle(text, at + 1),
        b'#' => hashtag(text, at + 1),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    if let Some(len) = emoticon(rest) {
        return Some(at + len);
    }
    let (c, len) = decode(text, at);
    let class = classes().of(c);
    if class & WORD != 0 {
        return Some(word(text, at + len));
    }
    if class & PICT != 0 {
        return Some(emoji(text, at + len));
    }
    match first {
        b'!' | b'?' => Some(at + rest.iter().take_while(|&&x| x == b'!' || x == b'?').count()),
        b'.' | b',' | b';' | b':' => Some(at + 1),
        _ if c == '\u{2026}' => Some(at + len),
        _ => None,
    }
}

/// `(?:https?://|www\.)[^\s<>"'“”]+`
fn url(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let prefix = ["https://", "http://", "www."].into_iter().find(|p| rest.starts_with(p))?;
    let mut end = at + prefix.len();
    for c in text[end..].chars() {
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '\u{201C}' | '\u{201D}') {
            break;
        }
        end += c.len_utf8();
    }
    (end > at + prefix.len()).then_some(end)
}

/// `@` then `[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?`, from after the `@`.
fn handle(text: &str, from: usize) -> Option<usize> {
    let cls = classes();
    let is_name = |c: char| c == '_' || cls.of(c) & WORD != 0;
    let mut chars = text[from..].chars();
    let first = chars.next().filter(|c| is_name(*c))?;
    let mut end = from + first.len_utf8();
    let mut pos = end;
    for c in chars {
        if is_name(c) {
            pos += c.len_utf8();
            end = pos;
        } else if c == '.' {
            pos += 1;
        } else {
            break;
        }
    }
    Some(end)
}

/// `#` then `[\p{L}\p{M}\p{N}_]+`, from after the `#`.
fn hashtag(text: &str, from: usize) -> Option<usize> {
    let cls = classes();
    let len: usize = text[from..].chars().take_while(|c| *c == '_' || cls.of(*c) & WORD != 0).map(char::len_utf8).sum();
    (len > 0).then_some(from + len)
}

/// `>:\( | :'\( | </3 | <3 | \^_?\^ | -_- | [:;=][-o^]?[)(\]\[DPpO/\\|*@3$]`: its length.
fn emoticon(rest: &[u8]) -> Option<usize> {
    // Every emoticon starts with one of these: a word is passed over at its first byte.
    if !matches!(rest.first(), Some(b'>' | b':' | b'<' | b'^' | b'-' | b';' | b'=')) {
        return None;
    }
    let starts = |p: &[u8]| rest.starts_with(p);
    if starts(b">:(") || starts(b":'(") || starts(b"</3") {
        return Some(3);
    }
    if starts(b"<3") {
        return Some(2);
    }
    if starts(b"^^") {
        return Some(2);
    }
    if starts(b"^_^") || starts(b"-_-") {
        return Some(3);
    }
    let mouth = |b: Option<&u8>| {
        b.is_some_and(|b| {
            matches!(
                b,
                b')' | b'(' | b']' | b'[' | b'D' | b'P' | b'p' | b'O' | b'/' | b'\\' | b'|' | b'*' | b'@' | b'3' | b'$'
            )
        })
    };
    if matches!(rest.first(), Some(b':' | b';' | b'=')) {
        if matches!(rest.get(1), Some(b'-' | b'o' | b'^')) && mouth(rest.get(2)) {
            return Some(3);
        }
        if mouth(rest.get(1)) {
            return Some(2);
        }
    }
    None
}

/// The end of a word whose letters, marks and digits (or format characters between
/// them) go up to byte `from`, and end with a letter, a mark or a digit there: for the
/// tokenizer, which reads a word's first run of ASCII letters and digits itself.
pub fn word_from(text: &str, from: usize) -> usize {
    word(text, from)
}

/// Whether the scanner takes `c` into a word (`\p{L}`, `\p{M}`, `\p{N}`) and whether it
/// may stand inside one without ending it (`\p{Cf}`, or an apostrophe before letters):
/// for the tokenizer's one pass over a word beyond ASCII, which leaves a word with the
/// latter to [`next_span`].
#[derive(Clone, Copy)]
pub struct WordChars(&'static Classes);

impl WordChars {
    pub fn get() -> WordChars {
        WordChars(classes())
    }

    /// `Some(true)` for a word character, `Some(false)` for a character that ends a word
    /// before it, `None` for one that may or may not (a format character, `'`, `’`).
    #[inline]
    pub fn of(self, c: char) -> Option<bool> {
        let k = self.0.of(c);
        if k & WORD != 0 {
            Some(true)
        } else if k & FORMAT != 0 || c == '\'' || c == '\u{2019}' {
            None
        } else {
            Some(false)
        }
    }
}

/// The rest of a word after its first character, from byte `from`:
/// `(?:[\p{L}\p{M}\p{N}\p{Cf}]*[\p{L}\p{M}\p{N}])?(?:['’][\p{L}\p{M}]+)*`.
fn word(text: &str, from: usize) -> usize {
    // ASCII letters and digits first, a byte at a time: all are word characters.
    let bytes = text.as_bytes();
    let mut pos = from + bytes[from..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    // Then most words end at an ASCII byte that is not an apostrophe (a space, a
    // punctuation mark): no ASCII character is a letter, a mark, a digit or a format
    // character beyond those, so the word ends there.
    if bytes.get(pos).is_none_or(|&b| b.is_ascii() && b != b'\'') {
        return pos;
    }
    let cls = classes();
    let mut end = pos;
    let mut chars = text[pos..].chars();
    // Letters, marks and digits, with format characters inside but not at the end.
    let mut next = None;
    for c in chars.by_ref() {
        let k = cls.of(c);
        if k & WORD != 0 {
            pos += c.len_utf8();
            end = pos;
        } else if k & FORMAT != 0 {
            pos += c.len_utf8();
        } else {
            next = Some(c);
            break;
        }
    }
    // `(?:['’][\p{L}\p{M}]+)*`, which can only start where the letters ended.
    if pos != end {
        return end;
    }
    while let Some(q @ ('\'' | '\u{2019}')) = next {
        let mut len = 0;
        next = None;
        for c in chars.by_ref() {
            if cls.of(c) & LETTER != 0 {
                len += c.len_utf8();
            } else {
                next = Some(c);
                break;
            }
        }
        if len == 0 {
            break;
        }
        end += q.len_utf8() + len;
    }
    end
}

/// The rest of an emoji after its first pictograph, from byte `from`:
/// `\x{FE0F}?(?:\x{200D}\p{Extended_Pictographic}\x{FE0F}?)*[\x{1F3FB}-\x{1F3FF}]?`.
fn emoji(text: &str, from: usize) -> usize {
    let cls = classes();
    let mut end = from;
    if text[end..].starts_with('\u{FE0F}') {
        end += 3;
    }
    loop {
        let mut chars = text[end..].chars();
        if chars.next() != Some('\u{200D}') {
            break;
        }
        let Some(p) = chars.next().filter(|c| cls.of(*c) & PICT != 0) else { break };
        end += 3 + p.len_utf8();
        if text[end..].starts_with('\u{FE0F}') {
            end += 3;
        }
    }
    if let Some(c) = text[end..].chars().next()
        && ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
    {
        end += c.len_utf8();
    }
    end
}

fn decode(text: &str, at: usize) -> (char, usize) {
    let c = text[at..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// `\p{L}`, `\p{M}`, `\p{N}`.
const WORD: u8 = 1;
/// `\p{L}`, `\p{M}`.
const LETTER: u8 = 2;
/// `\p{Cf}`.
const FORMAT: u8 = 4;
/// `\p{Extended_Pictographic}`.
const PICT: u8 = 8;

/// The classes of every character below U+30000 in a table (one byte each), and the
/// ranges above it.
struct Classes {
    table: Box<[u8]>,
    above: Vec<(u32, u32, u8)>,
}

const TABLE_END: u32 = 0x30000;

impl Classes {
    fn of(&self, c: char) -> u8 {
        let c = c as u32;
        if c < TABLE_END {
            return self.table[c as usize];
        }
        let i = self.above.partition_point(|r| r.1 < c);
        self.above.get(i).filter(|r| r.0 <= c).map(|r| r.2).unwrap_or(0)
    }
}

fn classes() -> &'static Classes {
    static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
        let mut table = vec![0u8; TABLE_END as usize].into_boxed_slice();
        let mut above = Vec::new();
        for (class, bit) in [
            (r"[\p{L}\p{M}\p{N}]", WORD),
            (r"[\p{L}\p{M}]", LETTER),
            (r"\p{Cf}", FORMAT),
            (r"\p{Extended_Pictographic}", PICT),
        ] {
            for (lo, hi) in unicode_ranges(class) {
                for c in lo..=hi.min(TABLE_END - 1) {
                    table[c as usize] |= bit;
                }
                if hi >= TABLE_END {
                    above.push((lo.max(TABLE_END), hi, bit));
                }
            }
        }
        // Ranges above the table do not overlap across classes here (letters and
        // pictographs), but merge flags in case a later Unicode version makes them.
        above.sort_unstable();
        let mut merged: Vec<(u32, u32, u8)> = Vec::new();
        for r in above {
            match merged.last_mut() {
                Some(last) if last.0 == r.0 && last.1 == r.1 => last.2 |= r.2,
                _ => merged.push(r),
            }
        }
        Classes { table, above: merged }
    });
    &CLASSES
}

/// The code point ranges of a Unicode class, as the regex crate defines it.
fn unicode_ranges(class: &str) -> Vec<(u32, u32)> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new().parse(class).expect("a valid Unicode class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(u)) => u.iter().map(|r| (r.start() as u32, r.end() as u32)).collect(),
        other => unreachable!("{class} is a Unicode class, not {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regex the scanner stands for, run by the regex crate.
    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(
                r#"(?x)
                (?:https?://|www\.)[^\s<>"'\x{201C}\x{201D}]+
              | @[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?
              | \#[\p{L}\p{M}\p{N}_]+
              | >:\( | :'\( | </3 | <3 | \^_?\^ | -_- | [:;=][-o^]?[)(\]\[DPpO/\\|*@3$]
              | [\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\p{Cf}]*[\p{L}\p{M}\p{N}])?(?:['\x{2019}][\p{L}\p{M}]+)*
              | \p{Extended_Pictographic}\x{FE0F}?(?:\x{200D}\p{Extended_Pictographic}\x{FE0F}?)*[\x{1F3FB}-\x{1F3FF}]?
              | [!?]+ | [.,;:\x{2026}]
            "#,
            )
            .expect("token regex compiles")
        });
        RE.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    fn agree(text: &str) {
        assert_eq!(spans(text).collect::<Vec<_>>(), by_regex(text), "{text:?}");
    }

    #[test]
    fn the_scanner_finds_what_the_regex_finds() {
        for text in [
            "",
            "@FjordTel why is my bill DOUBLE?! #fail 😡 :( see https://x.io/a?b=1. sooo bad",
            "Ça  NE marche PAS 😡 ‼ ",
            "பணத்தை திருப்பி தாருங்கள் Απαράδεκτο! bad\u{200B}ly don't can’t rock'n'roll o'",
            "@a.b. @.x @_ @ # #_x #é :o) :-D ;p =3 :^) :' :'( >:( </3 <3 ^^ ^_^ -_- :: ...…",
            "http:// https://a www. www.x.y \"https://q\" <http://a>b wwwx hhttp://y",
            "👩🏽‍💻 👍🏽 ❤️‍🔥 ©️ 🏳️‍🌈 \u{200D}x a\u{200D}b 1\u{FE0F}\u{20E3} 🏻",
            "ab\u{200B}\u{200B}'s x\u{200B}'s 12'ab 3’ ’s x'y'z' x''y",
            "Не работает))) нет?!?! 𝐛𝐨𝐥𝐝 ｆｕｌｌ 𠀀𠀁 \u{E0041}",
        ] {
            agree(text);
        }
    }

    #[test]
    fn the_scanner_agrees_on_the_labelled_posts() {
        let mut n = 0;
        for v in crate::labelled_posts(3000) {
            if let Some(text) = v.get("text").and_then(|t| t.as_str()) {
                agree(text);
                n += 1;
            }
        }
        eprintln!("{n} labelled posts checked");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_scanner_agrees_on_random_text(text in "([a-zé'’.:;=()^_<>3DPo@#!?/ \\-]|[\u{200B}\u{200D}\u{FE0F}\u{2026}\u{2019}]|[α-ω]|[\u{0B80}-\u{0BFF}]|[\u{1F300}-\u{1F3FF}]|https?://|www\\.){0,40}") {
            agree(&text);
        }

        #[test]
        fn the_scanner_agrees_on_any_text(text in "\\PC{0,60}") {
            agree(&text);
        }
    }
}
