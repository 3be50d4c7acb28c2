//! The `Mention`: one public post about the brand, as every stage sees it, and its
//! JSON Lines form (contract.md §1).
//!
//! Parsing is strict about what the contract requires (`source`, `id`, `text`,
//! `created_at`) and names the field that is wrong; it ignores fields it does not know,
//! so that newer writers can add fields without breaking older readers.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};

/// One post, or one reading of its engagement counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// `hackernews`, `reddit`, … or any lowercase name.
    pub source: String,
    /// Unique within `source`.
    pub id: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub author_followers: Option<u64>,
    /// ISO 639-1 code as given by the source; detected later when absent.
    pub lang: Option<String>,
    pub likes: u64,
    pub reposts: u64,
    pub replies: u64,
    /// When the counts were read; `created_at` when the source did not say.
    pub observed_at: DateTime<Utc>,
    pub in_reply_to: Option<String>,
    pub title: Option<String>,
}

/// A language repwatch analyses in depth: every language rust-stemmers covers, and
/// Slovenian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Ar,
    Da,
    De,
    El,
    En,
    Es,
    Fi,
    Fr,
    Hu,
    It,
    Nl,
    No,
    Pt,
    Ro,
    Ru,
    Sl,
    Sv,
    Ta,
    Tr,
}

impl Lang {
    pub const ALL: [Lang; 19] = [
        Lang::Ar,
        Lang::Da,
        Lang::De,
        Lang::El,
        Lang::En,
        Lang::Es,
        Lang::Fi,
        Lang::Fr,
        Lang::Hu,
        Lang::It,
        Lang::Nl,
        Lang::No,
        Lang::Pt,
        Lang::Ro,
        Lang::Ru,
        Lang::Sl,
        Lang::Sv,
        Lang::Ta,
        Lang::Tr,
    ];

    /// The ISO 639-1 code; Norwegian is `no` (Bokmål and Nynorsk alike).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Da => "da",
            Lang::De => "de",
            Lang::El => "el",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fi => "fi",
            Lang::Fr => "fr",
            Lang::Hu => "hu",
            Lang::It => "it",
            Lang::Nl => "nl",
            Lang::No => "no",
            Lang::Pt => "pt",
            Lang::Ro => "ro",
            Lang::Ru => "ru",
            Lang::Sl => "sl",
            Lang::Sv => "sv",
            Lang::Ta => "ta",
            Lang::Tr => "tr",
        }
    }

    /// Reads `en`, `EN`, `en-US`, `nb`, `nn`; `None` for languages not analysed here.
    pub fn from_code(code: &str) -> Option<Lang> {
        // The common case, a bare two-letter code, is neither trimmed nor split.
        let base = if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
            code
        } else {
            let code = code.trim();
            code.split(['-', '_']).next().unwrap_or(code)
        };
        match *base.as_bytes() {
            // From a table of every pair of letters: searching the list of languages was
            // 190 instructions a post (18 M on the 140,853 mixed posts).
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let letter = |c: u8| usize::from(c.to_ascii_lowercase() - b'a');
                BY_LETTERS[letter(a) * 26 + letter(b)]
            }
            _ if ["nob", "nno", "nor"].iter().any(|n| base.eq_ignore_ascii_case(n)) => Some(Lang::No),
            _ => None,
        }
    }

    /// Written in Latin letters (Arabic, Greek, Russian and Tamil are not).
    pub fn is_latin_script(self) -> bool {
        !matches!(self, Lang::Ar | Lang::El | Lang::Ru | Lang::Ta)
    }
}

/// The language of each two-letter code, lower case, at (first letter × 26 + second):
/// every language's own code, and `nb` and `nn` for Norwegian.
const BY_LETTERS: [Option<Lang>; 26 * 26] = {
    const fn at(code: &str) -> usize {
        let c = code.as_bytes();
        (c[0] - b'a') as usize * 26 + (c[1] - b'a') as usize
    }
    let mut table = [None; 26 * 26];
    let mut i = 0;
    while i < Lang::ALL.len() {
        table[at(Lang::ALL[i].code())] = Some(Lang::ALL[i]);
        i += 1;
    }
    table[at("nb")] = Some(Lang::No);
    table[at("nn")] = Some(Lang::No);
    table
};

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a JSON line is not a mention. The message names the field.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MentionError {
    #[error("not valid json: {0}")]
    Json(String),
    #[error("expected a json object, found {0}")]
    NotObject(&'static str),
    #[error("missing field \"{0}\"")]
    Missing(&'static str),
    #[error("field \"{field}\": {reason}")]
    Field { field: &'static str, reason: String },
}

impl Mention {
    /// The text of a post that is its whole identity; engagement counts are zero.
    pub fn new(source: &str, id: &str, text: &str, created_at: DateTime<Utc>) -> Mention {
        Mention {
            source: source.to_string(),
            id: id.to_string(),
            text: text.to_string(),
            created_at,
            url: None,
            author: None,
            author_followers: None,
            lang: None,
            likes: 0,
            reposts: 0,
            replies: 0,
            observed_at: created_at,
            in_reply_to: None,
            title: None,
        }
    }

    /// Parses one JSON Lines record.
    pub fn from_json_str(line: &str) -> Result<Mention, MentionError> {
        let value: Value = serde_json::from_str(line).map_err(|e| MentionError::Json(plain_json_error(&e)))?;
        Mention::from_json(value)
    }

    /// Builds a mention from an already parsed JSON value.
    pub fn from_json(value: Value) -> Result<Mention, MentionError> {
        let Value::Object(mut obj) = value else {
            return Err(MentionError::NotObject(json_kind(&value)));
        };
        let source = required_string(&mut obj, "source")?;
        if source.is_empty() {
            return Err(field("source", "must not be empty"));
        }
        let id = required_id(&mut obj)?;
        let text = required_string(&mut obj, "text")?;
        let created_at = match obj.remove("created_at") {
            None | Some(Value::Null) => return Err(MentionError::Missing("created_at")),
            Some(v) => timestamp(v, "created_at")?,
        };
        let observed_at = match obj.remove("observed_at") {
            None | Some(Value::Null) => created_at,
            Some(v) => timestamp(v, "observed_at")?,
        };
        Ok(Mention {
            source: source.to_ascii_lowercase(),
            id,
            text,
            created_at,
            url: optional_string(&mut obj, "url")?,
            author: optional_string(&mut obj, "author")?,
            author_followers: optional_count(&mut obj, "author_followers")?,
            lang: optional_string(&mut obj, "lang")?.map(|l| l.trim().to_ascii_lowercase()).filter(|l| !l.is_empty()),
            likes: optional_count(&mut obj, "likes")?.unwrap_or(0),
            reposts: optional_count(&mut obj, "reposts")?.unwrap_or(0),
            replies: optional_count(&mut obj, "replies")?.unwrap_or(0),
            observed_at,
            in_reply_to: optional_id(&mut obj, "in_reply_to")?,
            title: optional_string(&mut obj, "title")?,
        })
    }

    /// The contract's JSON object; optional fields are left out when empty.
    pub fn to_json(&self) -> Value {
        let mut obj = Map::new();
        obj.insert("source".into(), self.source.clone().into());
        obj.insert("id".into(), self.id.clone().into());
        obj.insert("text".into(), self.text.clone().into());
        obj.insert("created_at".into(), rfc3339(self.created_at).into());
        let optional = [("url", &self.url), ("author", &self.author)];
        for (name, value) in optional {
            if let Some(v) = value {
                obj.insert(name.into(), v.clone().into());
            }
        }
        if let Some(f) = self.author_followers {
            obj.insert("author_followers".into(), f.into());
        }
        if let Some(l) = &self.lang {
            obj.insert("lang".into(), l.clone().into());
        }
        obj.insert("likes".into(), self.likes.into());
        obj.insert("reposts".into(), self.reposts.into());
        obj.insert("replies".into(), self.replies.into());
        obj.insert("observed_at".into(), rfc3339(self.observed_at).into());
        let optional = [("in_reply_to", &self.in_reply_to), ("title", &self.title)];
        for (name, value) in optional {
            if let Some(v) = value {
                obj.insert(name.into(), v.clone().into());
            }
        }
        Value::Object(obj)
    }

    /// One JSON Lines record, without the newline.
    pub fn to_json_line(&self) -> String {
        self.to_json().to_string()
    }

    /// The engagement counts as one number: what people did with the post.
    pub fn engagement(&self) -> u64 {
        self.likes.saturating_add(self.reposts).saturating_add(self.replies)
    }

    /// When this reading happened in the stream: `observed_at`, never before `created_at`.
    pub fn stream_time(&self) -> DateTime<Utc> {
        self.observed_at.max(self.created_at)
    }
}

/// Formats a time as RFC 3339 in UTC, with sub-seconds only when there are any.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Whether [`rfc3339`] can write this time so that it reads back: RFC 3339 has four-digit
/// years, so the years 0000 to 9999 in UTC (chrono would write `+58304-…` or `-0001-…`).
pub fn in_rfc3339_range(t: DateTime<Utc>) -> bool {
    (0..=9999).contains(&t.year())
}

/// Parses an RFC 3339 timestamp into UTC; `None` when it is not one, or when its offset
/// takes it out of the years 0000 to 9999 in UTC (`9999-12-31T23:00:00-05:00`).
pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim()).ok().map(|t| t.with_timezone(&Utc)).filter(|t| in_rfc3339_range(*t))
}

/// A Unix time in seconds (as APIs send `created_utc`, `creation_date`), `None` outside
/// the years 0000 to 9999, which a mention could not write as RFC 3339.
pub fn from_unix(secs: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0).filter(|t| in_rfc3339_range(*t))
}

/// serde_json appends " at line 1 column 7"; a JSON Lines reader reports the line itself.
pub fn plain_json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    }
}

fn field(name: &'static str, reason: &str) -> MentionError {
    MentionError::Field { field: name, reason: reason.to_string() }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn required_string(obj: &mut Map<String, Value>, name: &'static str) -> Result<String, MentionError> {
    optional_string(obj, name)?.ok_or(MentionError::Missing(name))
}

fn optional_string(obj: &mut Map<String, Value>, name: &'static str) -> Result<Option<String>, MentionError> {
    match obj.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(field(name, &format!("expected a string, found {}", json_kind(&other)))),
    }
}

/// Ids are strings in the contract; integer ids (as some APIs give them) are accepted as
/// their decimal form.
fn optional_id(obj: &mut Map<String, Value>, name: &'static str) -> Result<Option<String>, MentionError> {
    match obj.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) if n.is_u64() || n.is_i64() => Ok(Some(n.to_string())),
        Some(other) => Err(field(name, &format!("expected a string, found {}", json_kind(&other)))),
    }
}

fn required_id(obj: &mut Map<String, Value>) -> Result<String, MentionError> {
    let id = optional_id(obj, "id")?.ok_or(MentionError::Missing("id"))?;
    if id.is_empty() {
        return Err(field("id", "must not be empty"));
    }
    Ok(id)
}

fn optional_count(obj: &mut Map<String, Value>, name: &'static str) -> Result<Option<u64>, MentionError> {
    match obj.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => {
            if let Some(u) = n.as_u64() {
                Ok(Some(u))
            } else if n.as_i64().is_some() {
                Err(field(name, &format!("must not be negative, found {n}")))
            } else {
                match n.as_f64() {
                    Some(f) if f >= 0.0 && f.fract() == 0.0 && f < 1e18 => Ok(Some(f as u64)),
                    _ => Err(field(name, &format!("expected a non-negative integer, found {n}"))),
                }
            }
        }
        Some(other) => Err(field(name, &format!("expected an integer, found {}", json_kind(&other)))),
    }
}

fn timestamp(v: Value, name: &'static str) -> Result<DateTime<Utc>, MentionError> {
    match v {
        Value::String(s) => match DateTime::parse_from_rfc3339(s.trim()).map(|t| t.with_timezone(&Utc)) {
            Ok(t) if in_rfc3339_range(t) => Ok(t),
            Ok(_) => Err(field(name, &format!("{s:?} is outside the years 0000 to 9999 in UTC"))),
            Err(_) => Err(field(name, &format!("not an RFC 3339 timestamp: {s:?}"))),
        },
        other => Err(field(name, &format!("expected an RFC 3339 string, found {}", json_kind(&other)))),
    }
}

/// The few fields `repwatch score` needs; everything else on the line is ignored. The
/// text and the id are borrowed from the line when they have no escapes.
#[derive(Debug, PartialEq, Deserialize)]
pub struct ScoreInput<'a> {
    #[serde(default, borrow, deserialize_with = "lenient_id")]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    #[serde(default)]
    pub lang: Option<String>,
}

/// An id given as a string or as an integer (written as its digits); read in one pass
/// (an untagged enum buffered every id first).
fn lenient_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Id;
    impl<'de> serde::de::Visitor<'de> for Id {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or an integer")
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v)))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_option(Id)
}

impl<'a> ScoreInput<'a> {
    /// `line` read as `serde_json::from_str` reads it. A line of the common shapes (an
    /// object of strings, whole numbers, `true`, `false` and `null`, with a string `text`
    /// and a string `id`) is read in one pass here; serde_json reads every other line, and
    /// says what is wrong with a bad one. serde_json's generic path was 2,000 instructions
    /// a line of the mixed posts, an eighth of what a line costs beside scoring.
    pub fn from_line(line: &'a str) -> serde_json::Result<ScoreInput<'a>> {
        match PlainJson::new(line).score_input() {
            Some(input) => Ok(input),
            None => serde_json::from_str(line),
        }
    }
}

/// Where the first `"`, `\\` or control character of `bytes` is: what ends a run of a
/// JSON string's plain characters. Eight bytes at a time: a byte at a time was most of
/// reading a line.
fn string_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` that is zero, and maybe of bytes after such a byte
    // (a borrow goes up); the first one marked is always a zero.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().ok()?);
        // Bytes below 0x20 borrow like zeros do; bytes from 0x80 up are never marked.
        let stops = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
        if stops != 0 {
            return Some(at + (stops.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| at + i)
}

/// A reader of the JSON lines [`ScoreInput::from_line`] takes without serde_json: each of
/// its steps gives none on anything it does not read exactly as serde_json would.
struct PlainJson<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> PlainJson<'a> {
    fn new(line: &'a str) -> PlainJson<'a> {
        PlainJson { line, at: 0 }
    }

    fn score_input(mut self) -> Option<ScoreInput<'a>> {
        // Each field as it was given: `Some` once it has been read (serde refuses a field
        // given twice), `id` and `lang` as `Some(None)` when they are null.
        let (mut id, mut text, mut lang) = (None, None, None);
        self.space();
        self.byte(b'{')?;
        loop {
            self.space();
            let key = self.key()?;
            self.space();
            self.byte(b':')?;
            self.space();
            // A key with an escape is passed to serde (`Cow::Owned`), which reads it as
            // what it stands for.
            match key {
                Cow::Borrowed("id") if id.is_none() => id = Some(if self.null() { None } else { Some(self.string()?) }),
                Cow::Borrowed("text") if text.is_none() => text = Some(self.string()?),
                Cow::Borrowed("lang") if lang.is_none() => {
                    lang = Some(if self.null() { None } else { Some(self.string()?.into_owned()) })
                }
                Cow::Borrowed("id" | "text" | "lang") | Cow::Owned(_) => return None,
                Cow::Borrowed(_) => self.skip_value()?,
            }
            self.space();
            match self.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
        self.space();
        (self.at == self.line.len()).then_some(())?;
        Some(ScoreInput { id: id.flatten(), text: text?, lang: lang.flatten() })
    }

    /// A key: the three read are taken as they are, without looking for the end of a string.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        let rest = &self.line.as_bytes()[self.at..];
        for key in ["id", "text", "lang"] {
            if rest.get(1..=key.len()) == Some(key.as_bytes())
                && rest[0] == b'"'
                && rest.get(key.len() + 1) == Some(&b'"')
            {
                self.at += key.len() + 2;
                return Some(Cow::Borrowed(key));
            }
        }
        self.string()
    }

    fn next(&mut self) -> Option<u8> {
        let b = *self.line.as_bytes().get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn byte(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// JSON's whitespace, as serde_json skips it.
    fn space(&mut self) {
        let rest = &self.line.as_bytes()[self.at..];
        self.at += rest.iter().take_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r')).count();
    }

    fn null(&mut self) -> bool {
        let null = self.line.as_bytes()[self.at..].starts_with(b"null");
        if null {
            self.at += 4;
        }
        null
    }

    /// A value of a field that is not read: a string, a whole number, `true`, `false` or
    /// `null`. Fractions, exponents, arrays and objects are left to serde_json.
    fn skip_value(&mut self) -> Option<()> {
        let rest = &self.line.as_bytes()[self.at..];
        match rest.first()? {
            b'"' => self.string().map(drop),
            b'-' | b'0'..=b'9' => {
                let sign = usize::from(rest[0] == b'-');
                let digits = rest[sign..].iter().take_while(|b| b.is_ascii_digit()).count();
                // No leading zero; what follows is checked by the caller.
                (digits == 1 || digits > 1 && rest[sign] != b'0').then_some(())?;
                self.at += sign + digits;
                Some(())
            }
            _ => {
                let word = [&b"true"[..], b"false", b"null"].into_iter().find(|w| rest.starts_with(w))?;
                self.at += word.len();
                Some(())
            }
        }
    }

    /// A string, borrowed when it has no escape. A control character, a bad escape or an
    /// escaped surrogate that is not half of a pair gives none (serde_json refuses them).
    #[inline]
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.byte(b'"')?;
        let start = self.at;
        let stop = start + string_stop(&self.line.as_bytes()[start..])?;
        match self.line.as_bytes()[stop] {
            b'"' => {
                self.at = stop + 1;
                Some(Cow::Borrowed(&self.line[start..stop]))
            }
            b'\\' => self.escaped(start, stop),
            _ => None,
        }
    }

    /// The rest of a string that has an escape at `stop`, from its `start`.
    fn escaped(&mut self, start: usize, mut stop: usize) -> Option<Cow<'a, str>> {
        let mut s = String::with_capacity(stop - start + 16);
        let mut run = start;
        loop {
            s.push_str(&self.line[run..stop]);
            self.at = stop + 1;
            match self.line.as_bytes()[stop] {
                b'"' => return Some(Cow::Owned(s)),
                b'\\' => {}
                _ => return None,
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => match self.hex4()? {
                    high @ 0xD800..=0xDBFF => {
                        self.byte(b'\\')?;
                        self.byte(b'u')?;
                        let low = self.hex4().filter(|low| (0xDC00..=0xDFFF).contains(low))?;
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    code => char::from_u32(code)?,
                },
                _ => return None,
            };
            s.push(c);
            run = self.at;
            stop = run + string_stop(&self.line.as_bytes()[run..])?;
        }
    }

    /// The four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.line.get(self.at..self.at + 4)?;
        self.at += 4;
        digits.bytes().try_fold(0, |code, b| Some(code << 4 | (b as char).to_digit(16)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn score_input_ids_are_strings_or_integers_and_plain_text_is_borrowed() {
        let id = |line: &str| serde_json::from_str::<ScoreInput>(line).map(|i| i.id.map(Cow::into_owned));
        assert_eq!(id(r#"{"id":"a1","text":"x"}"#).unwrap(), Some("a1".into()));
        assert_eq!(id(r#"{"id":"a\"1","text":"x"}"#).unwrap(), Some("a\"1".into()));
        assert_eq!(id(r#"{"id":7,"text":"x"}"#).unwrap(), Some("7".into()));
        assert_eq!(id(r#"{"id":-7,"text":"x"}"#).unwrap(), Some("-7".into()));
        assert_eq!(id(r#"{"id":18446744073709551615,"text":"x"}"#).unwrap(), Some("18446744073709551615".into()));
        assert_eq!(id(r#"{"id":null,"text":"x"}"#).unwrap(), None);
        assert_eq!(id(r#"{"text":"x"}"#).unwrap(), None);
        for bad in [r#"{"id":true,"text":"x"}"#, r#"{"id":1.5,"text":"x"}"#, r#"{"id":["a"],"text":"x"}"#] {
            let err = id(bad).unwrap_err().to_string();
            assert!(err.contains("expected a string or an integer"), "{bad}: {err}");
        }
        let plain: ScoreInput = serde_json::from_str(r#"{"text":"still waiting","lang":"en"}"#).unwrap();
        assert!(matches!(plain.text, Cow::Borrowed("still waiting")));
        let escaped: ScoreInput = serde_json::from_str(r#"{"text":"line\nbreak"}"#).unwrap();
        assert_eq!(escaped.text, "line\nbreak");
    }

    /// The lines of the shapes a source writes are read without serde_json, as it reads them.
    #[test]
    fn plain_lines_are_read_in_one_pass_as_serde_json_reads_them() {
        let lines = [
            r#"{"source": "x", "id": "57", "text": "@VirginAmerica great deal! \u00e9 \ud83d\ude00 \"q\" \/ \\ \n", "created_at": "2026-11-23T10:00:00Z", "lang": "en"}"#,
            r#"{"text":"still waiting"}"#,
            "\t{ \"id\" : null , \"lang\":null,\"text\":\"\",\"likes\":-0,\"n\":1234,\"ok\":true,\"no\":false,\"x\":null}\r\n",
            r#"{"title":"a \"b\" \u0000","text":"ça","author_followers":0}"#,
        ];
        for line in lines {
            let fast = PlainJson::new(line).score_input();
            assert!(fast.is_some(), "{line}");
            assert_eq!(fast.ok_or(()), serde_json::from_str::<ScoreInput>(line).map_err(drop), "{line}");
        }
        // Lines serde_json refuses, which the one-pass reader must pass on to it.
        let bad = [
            r#"{"id":"a","id":"b","text":"x"}"#,
            r#"{"id":null,"text":"y","text":"x"}"#,
            r#"{"lang":"en","lang":null,"text":"x"}"#,
            r#"{"text":"x\ude00\ude00"}"#,
            r#"{"text":"x\ud800\ud800"}"#,
            r#"{"text":"x"} x"#,
            r#"{"text":"x","n":012}"#,
        ];
        for line in bad {
            assert!(PlainJson::new(line).score_input().is_none(), "{line}");
            assert!(serde_json::from_str::<ScoreInput>(line).is_err(), "{line}");
        }
        for shipped in std::fs::read_dir("tests/fixtures").into_iter().flatten().flatten() {
            let Ok(all) = std::fs::read_to_string(shipped.path()) else { continue };
            for line in all.lines().filter(|_| shipped.path().extension().is_some_and(|e| e == "jsonl")) {
                if let Some(fast) = PlainJson::new(line).score_input() {
                    assert_eq!(Ok(fast), serde_json::from_str::<ScoreInput>(line).map_err(|e| e.to_string()), "{line}");
                }
            }
        }
    }

    /// A JSON string as written on a line: plain characters, escapes good and bad, and
    /// characters a string may not hold.
    fn json_string() -> impl Strategy<Value = String> {
        let good = vec![
            r#"\n"#,
            r#"\""#,
            r#"\\"#,
            r#"\/"#,
            r#"\b"#,
            r#"\f"#,
            r#"\r"#,
            r#"\t"#,
            r#"\u0041"#,
            r#"\u00E9"#,
            r#"\u0000"#,
            r#"\ud83d\ude00"#,
            r#"\uD83D\uDE00"#,
            r#"\u20ac"#,
        ];
        let bad = vec![
            r#"\ud83d"#,
            r#"\ude00"#,
            r#"\ud83d\u0041"#,
            r#"\udc00\udc00"#,
            r#"\ud83dx"#,
            r#"\u12"#,
            r#"\uZZZZ"#,
            r#"\x"#,
            "\u{1}",
            "\u{1f}",
            "\t",
            "\n",
            r#"\"#,
        ];
        let piece = prop_oneof![
            8 => "[a-z é😀\u{7f}]{1,4}",
            3 => proptest::sample::select(good).prop_map(String::from),
            1 => proptest::sample::select(bad).prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..5).prop_map(|p| format!("\"{}\"", p.concat()))
    }

    /// A field's key: mostly the three read, others, and keys serde_json reads otherwise.
    fn json_key() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => proptest::sample::select(vec!["id", "text", "lang", "source", "likes", "", "é"]).prop_map(|k| format!("\"{k}\"")),
            1 => json_string(),
            1 => proptest::sample::select(vec![r#""te\u0078t""#, r#""\u0069d""#, "text", "'id'"]).prop_map(String::from),
        ]
    }

    /// A field's value: strings, whole numbers, and what the one-pass reader leaves to serde_json.
    fn json_value() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => json_string(),
            2 => "-?[0-9]{1,3}",
            1 => proptest::sample::select(vec!["true", "false", "null"]).prop_map(String::from),
            1 => proptest::sample::select(vec![
                "nul", "1.5", "1e3", "-", "[1]", "{}", "{\"text\":\"x\"}", "", "tru", "18446744073709551616", "-9223372036854775809",
            ])
            .prop_map(String::from),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The stop found eight bytes at a time is the first byte that ends a plain run.
        #[test]
        fn the_stop_of_a_run_is_found_a_word_at_a_time(text in "[ -~\u{0}-\u{1f}\u{80}-\u{ff}é😀]{0,40}") {
            let bytes = text.as_bytes();
            let want = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            prop_assert_eq!(string_stop(bytes), want);
        }

        /// What the one-pass reader reads, serde_json reads the same; what it passes on
        /// includes every line serde_json refuses. (Checked to fail with the control
        /// characters, the surrogates, a field given twice, a leading zero, a bad escape
        /// or what follows the object let through.)
        #[test]
        fn the_one_pass_reader_reads_what_serde_json_reads(
            mut fields in proptest::collection::vec((json_key(), json_value(), "[ \t\r\n]{0,2}"), 0..4),
            text in proptest::option::weighted(0.9, (json_string(), "[ \t\r\n]{0,2}")),
            text_at in 0usize..4,
            (open, close, end) in ("[ \n]{0,1}\\{|\\[|\u{feff}\\{", "\\}|,\\}|\\]|", "[ \t\r\n]{0,2}|x|\\}"),
        ) {
            if let Some((text, ws)) = text {
                fields.insert(text_at.min(fields.len()), ("\"text\"".into(), text, ws));
            }
            let body: Vec<String> = fields.iter().map(|(k, v, ws)| format!("{ws}{k}{ws}:{ws}{v}{ws}")).collect();
            let line = format!("{open}{}{close}{end}", body.join(","));
            if let Some(fast) = PlainJson::new(&line).score_input() {
                prop_assert_eq!(Ok(fast), serde_json::from_str::<ScoreInput>(&line).map_err(|e| e.to_string()), "{}", line);
            }
        }
    }

    proptest::proptest! {
        /// The two-letter shortcut names the language the trimmed, split code names.
        #[test]
        fn a_code_names_its_language_with_or_without_the_shortcut(code in "[ a-zA-Z_-]{0,6}|[a-zA-Z]{2}|(?s).{0,4}") {
            proptest::prop_assert_eq!(Lang::from_code(&code), from_code_slowly(&code));
        }
    }

    /// Every pair of letters, in either case, from the table as from the list.
    #[test]
    fn every_two_letter_code_names_its_language_from_the_table() {
        let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
        for a in &letters {
            for b in &letters {
                let code = format!("{a}{b}");
                assert_eq!(Lang::from_code(&code), from_code_slowly(&code), "{code}");
                let padded = format!(" {code}-x");
                assert_eq!(Lang::from_code(&padded), from_code_slowly(&padded), "{padded:?}");
            }
        }
    }

    /// [`Lang::from_code`] by trimming, splitting and searching the list of languages.
    fn from_code_slowly(code: &str) -> Option<Lang> {
        let trimmed = code.trim();
        let base = trimmed.split(['-', '_']).next().unwrap_or(trimmed);
        if ["nb", "nn", "nob", "nno", "nor"].iter().any(|n| base.eq_ignore_ascii_case(n)) {
            Some(Lang::No)
        } else {
            Lang::ALL.iter().copied().find(|l| base.eq_ignore_ascii_case(l.code()))
        }
    }

    fn check_err(line: &str, expected: &str) {
        let err = Mention::from_json_str(line).unwrap_err();
        assert_eq!(err.to_string(), expected, "for {line}");
    }

    #[test]
    fn parses_the_contract_example_and_defaults() {
        let m = Mention::from_json_str(
            r#"{"source":"reddit","id":"t3_x","text":"hi","created_at":"2026-11-20T10:00:00Z","lang":"NB","extra":1}"#,
        )
        .unwrap();
        assert_eq!(m.source, "reddit");
        assert_eq!(m.observed_at, m.created_at);
        assert_eq!((m.likes, m.reposts, m.replies), (0, 0, 0));
        assert_eq!(m.lang.as_deref(), Some("nb"));
    }

    #[test]
    fn round_trips_through_json() {
        let line = r#"{"source":"mastodon","id":"1","text":"ünïcode ✓","created_at":"2026-11-20T10:00:00.250Z","url":"https://x/1","author":"a","author_followers":5,"lang":"sl","likes":1,"reposts":2,"replies":3,"observed_at":"2026-11-20T11:00:00Z","in_reply_to":"0","title":"t"}"#;
        let m = Mention::from_json_str(line).unwrap();
        let again = Mention::from_json_str(&m.to_json_line()).unwrap();
        assert_eq!(m, again);
        assert!(m.to_json_line().contains("\"created_at\":\"2026-11-20T10:00:00.250Z\""));
    }

    #[test]
    fn bad_lines_name_the_field() {
        check_err("{", "not valid json: EOF while parsing an object (column 1)");
        check_err("[1]", "expected a json object, found an array");
        check_err(r#"{"id":"1","text":"x","created_at":"2026-01-01T00:00:00Z"}"#, "missing field \"source\"");
        check_err(r#"{"source":"x","text":"x","created_at":"2026-01-01T00:00:00Z"}"#, "missing field \"id\"");
        check_err(r#"{"source":"x","id":"1","created_at":"2026-01-01T00:00:00Z"}"#, "missing field \"text\"");
        check_err(r#"{"source":"x","id":"1","text":"x"}"#, "missing field \"created_at\"");
        check_err(
            r#"{"source":"x","id":"1","text":"x","created_at":"yesterday"}"#,
            "field \"created_at\": not an RFC 3339 timestamp: \"yesterday\"",
        );
        check_err(
            r#"{"source":"x","id":"1","text":"x","created_at":"2026-01-01T00:00:00Z","likes":-3}"#,
            "field \"likes\": must not be negative, found -3",
        );
        check_err(
            r#"{"source":"x","id":"1","text":5,"created_at":"2026-01-01T00:00:00Z"}"#,
            "field \"text\": expected a string, found a number",
        );
    }

    /// Found by libFuzzer (`source_response`): a time past the year 9999 (an API sending
    /// milliseconds for seconds) wrote as `+58304-…`, which no reader takes back.
    #[test]
    fn times_that_rfc3339_cannot_write_are_refused() {
        assert!(from_unix(1_777_731_500).is_some());
        assert_eq!(from_unix(1_777_731_531_400), None);
        assert_eq!(from_unix(-62_167_219_201), None, "one second before 0000-01-01");
        assert_eq!(rfc3339(from_unix(-62_167_219_200).unwrap()), "0000-01-01T00:00:00Z");
        assert_eq!(parse_rfc3339("9999-12-31T23:00:00-05:00"), None);
        assert_eq!(parse_rfc3339("0000-01-01T00:00:00+01:00"), None);
        assert!(parse_rfc3339("9999-12-31T23:59:59Z").is_some());
        check_err(
            r#"{"source":"x","id":"1","text":"x","created_at":"9999-12-31T23:00:00-05:00"}"#,
            "field \"created_at\": \"9999-12-31T23:00:00-05:00\" is outside the years 0000 to 9999 in UTC",
        );
        for line in [
            r#"{"source":"x","id":"1","text":"x","created_at":"0000-01-01T00:00:00Z"}"#,
            r#"{"source":"x","id":"1","text":"x","created_at":"9999-12-31T23:59:59.999999999+00:00"}"#,
        ] {
            let m = Mention::from_json_str(line).unwrap();
            assert_eq!(Mention::from_json_str(&m.to_json_line()).unwrap(), m);
        }
    }

    #[test]
    fn integer_ids_are_accepted_as_strings() {
        let m = Mention::from_json_str(
            r#"{"source":"hackernews","id":43877455,"text":"x","created_at":"2026-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(m.id, "43877455");
    }
}
