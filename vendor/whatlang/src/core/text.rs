use std::cell::{Ref, RefCell};
use std::ops::Deref;

#[derive(Debug)]
pub struct LowercaseText {
    inner: String,
}

impl LowercaseText {
    pub fn new(original_text: &str) -> Self {
        let inner = lowercase(original_text);
        debug_assert_eq!(inner, original_text.to_lowercase());
        Self { inner }
    }
}

/// repwatch: [`str::to_lowercase`], with each run of ASCII copied and lowercased at once
/// and Latin-1 lowercased without a search of the case tables (the standard library
/// converts every character after the first beyond ASCII on its own). A text with a
/// capital sigma, whose small form depends on the letters around it, is left to
/// `to_lowercase`.
fn lowercase(text: &str) -> String {
    // Half the posts are all ASCII: checked a word at a time and lowercased at once, not
    // searched byte by byte for the end of the run (~1,000 instructions a text).
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        let run_end = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |n| at + n);
        if run_end > at {
            let start = out.len();
            out.push_str(&text[at..run_end]);
            out[start..].make_ascii_lowercase();
            at = run_end;
            if at == bytes.len() {
                break;
            }
        }
        let Some(ch) = text[at..].chars().next() else {
            break;
        };
        at += ch.len_utf8();
        match ch {
            'Σ' => return text.to_lowercase(),
            '\u{80}'..='\u{FF}' => out.push(latin1_lowercase(ch)),
            _ => out.extend(ch.to_lowercase()),
        }
    }
    out
}

/// repwatch: [`char::to_lowercase`] of a character of U+0080..=U+00FF, which is one
/// character: À..Þ but × are capitals, 32 below their small letters.
#[inline]
fn latin1_lowercase(ch: char) -> char {
    match ch {
        '\u{C0}'..='\u{DE}' if ch != '\u{D7}' => char::from_u32(ch as u32 + 0x20).unwrap_or(ch),
        _ => ch,
    }
}

impl Deref for LowercaseText {
    type Target = str;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

#[derive(Debug)]
pub struct Text<'a> {
    original: &'a str,
    lowercase: RefCell<Option<LowercaseText>>,
}

impl<'a> Text<'a> {
    pub fn new(original_text: &'a str) -> Self {
        Self {
            original: original_text,
            lowercase: RefCell::new(None),
        }
    }

    pub fn lowercase(&self) -> Ref<'_, LowercaseText> {
        if self.lowercase.borrow().is_none() {
            let lowercase_text = LowercaseText::new(self.original);
            self.lowercase.replace(Some(lowercase_text));
        }

        let ref_opt_lowercase = self.lowercase.borrow();
        Ref::map(ref_opt_lowercase, |r| r.as_ref().unwrap())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_lowercases_as_the_standard_library() {
        for ch in '\u{80}'..='\u{FF}' {
            assert_eq!(
                ch.to_lowercase().collect::<String>(),
                latin1_lowercase(ch).to_string(),
                "{ch:?}"
            );
        }
    }

    #[test]
    fn text_lowercases_as_the_standard_library() {
        for text in [
            "",
            "Hello THERE",
            "ÆØÅ æøå Ærlig TALT",
            "İstanbul ǅ ǈ ΣΟΦΊΑ Σ ΌΣΟΣ σ",
            "Ωmega ẞ Ⱥ ꞵ 😀 DŽ ǲ",
            "MIXED ascii é ÉCOLE ÿ Ÿ",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn test_text() {
        let text = Text::new("Hello THERE");
        assert_eq!(text.lowercase().deref().deref(), "hello there");
    }
}
