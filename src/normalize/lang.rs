//! Which language a post is in, when the source did not say: the script first (Greek,
//! Cyrillic, Tamil, Arabic are decisive), then, among Latin-script languages, the
//! brand's configured languages as a prior.

use crate::mention::Lang;

/// The language of `text`; `prior` lists the brand's languages, most likely first.
pub fn detect(text: &str, prior: &[Lang]) -> Lang {
    let mut counts = [0usize; 5]; // latin, greek, cyrillic, tamil, arabic
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let i = match c as u32 {
            0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
            0x0400..=0x04FF => 2,
            0x0B80..=0x0BFF => 3,
            0x0600..=0x06FF | 0x0750..=0x077F => 4,
            _ if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => 0,
            _ => continue,
        };
        counts[i] += 1;
    }
    let (best, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n).map(|(i, n)| (i, *n)).unwrap_or((0, 0));
    match best {
        1 if n > 0 => Lang::El,
        2 if n > 0 => Lang::Ru,
        3 if n > 0 => Lang::Ta,
        4 if n > 0 => Lang::Ar,
        _ => prior.iter().copied().find(|l| l.is_latin_script()).unwrap_or(Lang::En),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_decides_where_it_can() {
        assert_eq!(detect("Απαράδεκτη εξυπηρέτηση από την FjordTel", &[]), Lang::El);
        assert_eq!(detect("FjordTel опять не работает", &[]), Lang::Ru);
        assert_eq!(detect("FjordTel சேவை மோசம்", &[]), Lang::Ta);
        assert_eq!(detect("FjordTel is down", &[Lang::Ru, Lang::No]), Lang::No);
        assert_eq!(detect("", &[]), Lang::En);
    }
}
