//! `char::is_alphabetic` and `char::is_alphanumeric` from a table made once for the
//! first 12,288 code points (Latin, Greek, Cyrillic, Arabic, the Indic scripts with
//! Tamil, Greek Extended); the standard library's search of its Unicode tables beyond
//! ASCII took 1.4% of `repwatch score` on mixed posts. The answers are the standard
//! library's, for every character (tested for each one the table holds).

use std::sync::LazyLock;

/// Code points below this are answered from the table.
const TABLE_END: u32 = 0x3000;

/// Bit 0: alphabetic; bit 1: numeric.
static TABLE: LazyLock<Box<[u8]>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or(0, |c| u8::from(c.is_alphabetic()) | u8::from(c.is_numeric()) << 1))
        .collect()
});

/// [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match TABLE.get(c as usize) {
        Some(flags) => flags & 1 != 0,
        None => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match TABLE.get(c as usize) {
        Some(flags) => *flags != 0,
        None => c.is_alphanumeric(),
    }
}

/// A format character that normalizing a word drops (soft hyphen, zero-width space and
/// joiners, direction marks, word joiner, byte order mark).
pub fn is_format(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// What normalizing a word (NFKC, lowercase, format characters dropped) and the test
/// for capitals need to know of a character; from a table made once for the first 3,072
/// code points (Latin, Greek, Cyrillic, Arabic, the Indic scripts to Tamil), found from
/// the Unicode tables beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    /// Its lowercase, when that is one character whatever the character's place in the
    /// word (not so for a capital sigma); itself otherwise.
    pub lower: char,
    /// Its canonical combining class.
    pub ccc: u8,
    /// NFKC allows it (quick check yes) and `lower` is its lowercase.
    pub plain: bool,
    /// [`is_format`].
    pub format: bool,
    /// [`char::is_uppercase`].
    pub upper: bool,
    /// [`char::is_lowercase`].
    pub lowercase: bool,
    /// Whether the token scanner takes it into a word ([`super::scan::WordChars::of`]).
    pub in_word: Option<bool>,
}

/// Code points below this are answered from the table.
const FOLD_TABLE_END: u32 = 0x0C00;

impl Fold {
    #[inline]
    pub fn of(c: char) -> Fold {
        static TABLE: LazyLock<Box<[Fold]>> =
            LazyLock::new(|| (0..FOLD_TABLE_END).map(|u| Fold::find(char::from_u32(u).unwrap_or('\0'))).collect());
        TABLE.get(c as usize).copied().unwrap_or_else(|| Fold::find(c))
    }

    /// [`Fold::of`] for a character the table holds (it is found in the Unicode tables
    /// otherwise, which costs hundreds of instructions).
    #[inline]
    pub fn of_in_table(c: char) -> Option<Fold> {
        ((c as u32) < FOLD_TABLE_END).then(|| Fold::of(c))
    }

    /// From the Unicode tables.
    fn find(c: char) -> Fold {
        use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfkc_quick};
        let mut lowers = c.to_lowercase();
        let lower = match (lowers.next(), lowers.next()) {
            (Some(lower), None) if c != 'Σ' => Some(lower),
            _ => None,
        };
        Fold {
            lower: lower.unwrap_or(c),
            ccc: canonical_combining_class(c),
            plain: lower.is_some() && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes,
            format: is_format(c),
            upper: c.is_uppercase(),
            lowercase: c.is_lowercase(),
            in_word: super::scan::WordChars::get().of(c),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_character_folds_as_the_unicode_tables_say() {
        // The table's range in full, and a step through the rest (found as needed).
        let chars = (0..super::FOLD_TABLE_END + 0x100).chain((super::FOLD_TABLE_END..=0x10FFFF).step_by(97));
        for c in chars.filter_map(char::from_u32) {
            assert_eq!(super::Fold::of(c), super::Fold::find(c), "{c:?} {:X}", c as u32);
        }
        assert!(!super::Fold::of('Σ').plain && !super::Fold::of('İ').plain && !super::Fold::of('\u{0BBE}').plain);
        assert_eq!(super::Fold::of('Ä').lower, 'ä');
    }

    #[test]
    fn every_character_is_classed_as_by_the_standard_library() {
        // The table's range in full, and a step through the rest (the fallback).
        let chars = (0..super::TABLE_END + 0x100).chain((super::TABLE_END..=0x10FFFF).step_by(97));
        for c in chars.filter_map(char::from_u32) {
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?} {:X}", c as u32);
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?} {:X}", c as u32);
        }
    }
}
