//! What the detector reads from a post's text: the links it shares, and a fingerprint of
//! its wording to recognise the same text posted by many accounts.

/// Words a text needs before two accounts posting it word for word is a copy rather than
/// a coincidence: "is fjordtel down?" or "fjordtel internet down again, nothing loads"
/// are written independently by many people; twelve words in the same order are not.
const COPY_MIN_WORDS: usize = 12;

/// A fingerprint of the wording (case, punctuation, links and @handles ignored) when the
/// text is long enough for identical copies to mean copy-and-paste.
pub fn copy_key(text: &str) -> Option<u64> {
    let counted = |word: &&str| !(word.starts_with("http://") || word.starts_with("https://") || word.starts_with('@'));
    // Too few words to count, whatever they hold: no need to read them.
    text.split_whitespace().filter(counted).nth(COPY_MIN_WORDS - 1)?;
    let mut h = Fnv::new();
    let mut words = 0;
    for word in text.split_whitespace().filter(counted) {
        let mut any = false;
        if word.is_ascii() {
            for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
                h.write(&[b.to_ascii_lowercase()]);
                any = true;
            }
        } else {
            for c in word.chars() {
                if c.is_ascii() {
                    if !c.is_ascii_alphanumeric() {
                        continue;
                    }
                    h.write_char(c.to_ascii_lowercase());
                } else if c.is_alphanumeric() {
                    for l in c.to_lowercase() {
                        h.write_char(l);
                    }
                } else {
                    continue;
                }
                any = true;
            }
        }
        if any {
            h.write_char(' ');
            words += 1;
        }
    }
    (words >= COPY_MIN_WORDS).then(|| h.finish())
}

/// The links a post shares, normalised (no scheme, `www.`, fragment, tracking
/// parameters or trailing slash) so that two posts sharing one article match.
pub fn links(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("http") {
        let tail = &rest[i..];
        let body = tail.strip_prefix("https://").or_else(|| tail.strip_prefix("http://"));
        let Some(body) = body else {
            rest = &rest[i + 4..];
            continue;
        };
        let end = body
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '“' | '”'))
            .unwrap_or(body.len());
        let raw = body[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
        if let Some(link) = normalise_link(raw)
            && !out.contains(&link)
        {
            out.push(link);
        }
        rest = &body[end..];
    }
    out
}

/// `None` for a home page: a bare host is not a shared story.
fn normalise_link(raw: &str) -> Option<String> {
    let raw = raw.split('#').next().unwrap_or(raw);
    let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let kept: Vec<&str> =
        query.split('&').filter(|p| !p.is_empty() && !p.starts_with("utm_") && !p.starts_with("ref=")).collect();
    let path = path.trim_end_matches('/');
    if host.is_empty() || path.is_empty() {
        return None;
    }
    let mut link = format!("{host}/{path}");
    if !kept.is_empty() {
        link.push('?');
        link.push_str(&kept.join("&"));
    }
    Some(link)
}

/// A 64-bit FNV-1a hash: stable across runs and platforms (incident ids depend on it).
pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn write_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.write(c.encode_utf8(&mut buf).as_bytes());
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

/// Hash of a few strings, each terminated so that ("ab","c") ≠ ("a","bc").
pub fn hash_parts(parts: &[&str]) -> u64 {
    let mut h = Fnv::new();
    for p in parts {
        h.write(p.as_bytes());
        h.write(&[0xff]);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_ignore_case_punctuation_links_and_handles() {
        let a = copy_key("FjordTel STOLE my money!!! They are scammers, avoid them at all costs https://t.co/x1");
        let b =
            copy_key("@fjordtel fjordtel stole my money. they are scammers; avoid them at all costs https://t.co/y2");
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_ne!(a, copy_key("FjordTel stole my money. They are crooks, avoid them at all costs"));
        assert_eq!(copy_key("Is FjordTel down?"), None, "short texts are written independently");
        assert_eq!(copy_key("FjordTel internet down again in Oslo? nothing loads"), None);
    }

    #[test]
    fn links_are_found_and_normalised() {
        assert_eq!(
            links("see https://www.News.example/a/b/?utm_source=x&id=3#top, and http://news.example/a/b."),
            vec!["news.example/a/b?id=3".to_string(), "news.example/a/b".to_string()]
        );
        assert!(links("no links, just http and https:// text").is_empty());
        assert!(links("a bare host https://example.com").is_empty(), "a home page is not a shared story");
    }

    proptest::proptest! {
        /// ASCII is lowercased on its own way; the key is what lowercasing every
        /// character gives.
        #[test]
        fn the_copy_key_lowercases_every_letter(text in "([a-zA-Z0-9 .,!@#]|É|é|Σ|ς|Ж|ж|İ|ẞ| ){0,80}") {
            let mut h = Fnv::new();
            let mut words = 0;
            for word in text.split_whitespace() {
                if word.starts_with("http://") || word.starts_with("https://") || word.starts_with('@') {
                    continue;
                }
                let letters: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                if !letters.is_empty() {
                    letters.chars().for_each(|c| h.write_char(c));
                    h.write_char(' ');
                    words += 1;
                }
            }
            proptest::prop_assert_eq!(copy_key(&text), (words >= COPY_MIN_WORDS).then(|| h.finish()));
        }
    }
}
