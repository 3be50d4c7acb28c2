// Is it space, punctuation or digit?
// Stop character is a character that does not give any value for script
// or language detection.
#[inline]
pub const fn is_stop_char(ch: char) -> bool {
    matches!(ch, '\u{0000}'..='\u{0040}' | '\u{005B}'..='\u{0060}' | '\u{007B}'..='\u{007E}')
}

/// repwatch: what the trigrams make of each ASCII byte: a space for a stop character
/// ([`is_stop_char`]), else the byte itself. A load instead of three range checks per
/// character in the alphabet and trigram passes over a text (each was ~6 instructions a
/// character, 3.3 M of the 20,000 mixed posts' trigram ranking and as much again of their
/// alphabet scores).
pub(crate) static ASCII_TRIGRAM_CHAR: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = if is_stop_char(b as u8 as char) {
            b' '
        } else {
            b as u8
        };
        b += 1;
    }
    table
};

/// repwatch: [`is_stop_char`] of an ASCII byte, from [`ASCII_TRIGRAM_CHAR`] (a space is
/// a stop character, and no other stop character is kept).
#[inline(always)]
pub(crate) fn is_stop_byte(b: u8) -> bool {
    ASCII_TRIGRAM_CHAR[usize::from(b & 0x7F)] == b' '
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_table_is_is_stop_char() {
        for b in 0..128u8 {
            let ch = b as char;
            assert_eq!(is_stop_byte(b), is_stop_char(ch), "{ch:?}");
            let want = if is_stop_char(ch) { ' ' } else { ch };
            assert_eq!(ASCII_TRIGRAM_CHAR[b as usize] as char, want, "{ch:?}");
        }
    }

    #[test]
    fn test_is_top_char() {
        // stop chars
        assert!(is_stop_char(' '));
        assert!(is_stop_char(','));
        assert!(is_stop_char('-'));
        assert!(is_stop_char('-'));
        assert!(is_stop_char('9'));
        assert!(is_stop_char('0'));

        // non-stop chars
        assert!(!is_stop_char('a'));
        assert!(!is_stop_char('z'));
        assert!(!is_stop_char('A')); // latin A
        assert!(!is_stop_char('Z'));
        assert!(!is_stop_char('я'));
        assert!(!is_stop_char('А')); // cyrillic A
    }
}
