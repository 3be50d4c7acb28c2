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

#[cfg(test)]
mod tests {
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
