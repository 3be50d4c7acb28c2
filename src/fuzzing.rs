//! Fuzz targets: each takes arbitrary bytes, runs one parser of untrusted input, and
//! panics only when an invariant breaks (a panic inside the parser is a finding too).
//!
//! The same functions are driven two ways (docs/reliability.md): by libFuzzer through
//! `cargo +nightly fuzz run <target>` (the crate in `fuzz/`), and by `tests/fuzz.rs` on
//! stable, which replays the seed corpora in `fuzz/seeds/<target>/` and mutates them with
//! proptest (`REPWATCH_FUZZ_CASES` sets how many cases; CI runs a short smoke).
//!
//! Never used by the service itself; nothing here does IO.

use std::sync::OnceLock;

use chrono::{DateTime, TimeZone, Utc};

use crate::brand::BrandMatcher;
use crate::mention::Mention;
use crate::score::{Rules, Scorer};
use crate::sources::{bluesky, hn, lemmy, mastodon, reddit, rss, stackexchange, x, youtube};

/// One fuzz target: arbitrary bytes in, a panic when an invariant breaks.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/fuzz_targets/<name>.rs` and `fuzz/seeds/<name>/` call them.
pub const TARGETS: &[(&str, Target)] = &[
    ("text_pipeline", text_pipeline),
    ("rules", rules),
    ("mention_json", mention_json),
    ("source_response", source_response),
    ("slack_interaction", slack_interaction),
];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap()
}

fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| {
        let brand = BrandMatcher::new(&["FjordTel".into(), "@fjordtel".into()], &["fjordtel tours".into()]);
        Scorer::new(Rules::embedded(), brand, Vec::new())
    })
}

/// Tokenizer, brand matcher, HTML to text and the scorer on any text: token offsets lie
/// on character boundaries inside the text, scores stay in their ranges.
pub fn text_pipeline(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (lang, text) = match text.split_once('\n') {
        Some((l, t)) if l.len() <= 3 => (Some(l), t),
        _ => (None, text.as_ref()),
    };
    for t in crate::normalize::tokenize(text) {
        assert!(t.start <= t.end && t.end <= text.len(), "token {}..{} outside {} bytes", t.start, t.end, text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "token offsets split a character");
    }
    let score = scorer().score(text, lang);
    assert!((-1.0..=1.0).contains(&score.sentiment), "sentiment {} out of range", score.sentiment);
    assert!((0.0..=1.0).contains(&score.complaint_score), "complaint_score {} out of range", score.complaint_score);
    for hit in &score.hits {
        assert!(hit.end <= text.len() && text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
    }
    let _ = BrandMatcher::new(&[text.to_string()], &[]).matches(text);
    let _ = crate::sources::html::to_text(text);
    let _ = crate::normalize::collapse_runs(text, 3);
}

/// The rules loader on one arbitrary rules file (and as `model.toml`): problems come back
/// as located errors, never as a panic.
pub fn rules(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let (_, errors) = Rules::from_files(vec![("en/fuzz.toml".into(), text.clone())]);
    for e in errors {
        assert!(!e.to_string().is_empty());
    }
    let _ = Rules::from_files(vec![("model.toml".into(), text.clone())]);
    let _ = crate::score::rules::parse_terms::<3>(&text);
}

/// The Mention JSON parser and the `POST /ingest` body reader: what parses survives a
/// round trip through the contract's JSON unchanged.
pub fn mention_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(m) = Mention::from_json_str(text) {
        let again = Mention::from_json_str(&m.to_json_line()).expect("a written mention reads back");
        assert_eq!(m, again, "mention changed in a round trip");
    }
    for ndjson in [false, true] {
        match crate::server::parse_body(text, ndjson) {
            Ok(mentions) => assert!(mentions.iter().all(|m| !m.source.is_empty() && !m.id.is_empty())),
            Err(e) => assert!(e.status.is_client_error() && !e.code.is_empty()),
        }
    }
}

/// Every source's response parser. The first byte picks the parser (a letter below, or
/// any byte modulo their number); the rest is the response body.
pub fn source_response(data: &[u8]) {
    const PARSERS: &[u8] = b"hirmtsbpflexyk";
    let Some((&first, body)) = data.split_first() else { return };
    let which = PARSERS.iter().position(|&c| c == first).unwrap_or(first as usize % PARSERS.len());
    let body = String::from_utf8_lossy(body);
    let (body, now) = (body.as_ref(), now());
    let mentions: Vec<Mention> = match PARSERS[which] {
        b'h' => hn::parse(body, "hackernews", now).map(|p| p.hits.into_iter().map(|(_, m)| m).collect()),
        b'i' => hn::parse_item(body, "hackernews", now).map(|m| m.into_iter().collect()),
        b'r' => reddit::parse(body, "reddit", now).map(|p| p.posts.into_iter().map(|(_, m)| m).collect()),
        b'm' => mastodon::parse_search(body, "mastodon", now).map(|p| p.into_iter().map(|p| p.mention).collect()),
        b't' => mastodon::parse_timeline(body, "mastodon", now).map(|p| p.into_iter().map(|p| p.mention).collect()),
        b's' => mastodon::parse_status(body, "mastodon", now).map(|m| vec![m]),
        b'b' => bluesky::parse_search(body, "bluesky", now).map(|p| p.posts.into_iter().map(|(_, m)| m).collect()),
        b'p' => bluesky::parse_posts(body, "bluesky", now),
        b'f' => rss::parse(body, "rss", now),
        b'l' => lemmy::parse(body, "lemmy", now),
        b'e' => stackexchange::parse(body, "stackexchange", "stackoverflow", now)
            .map(|p| p.items.into_iter().map(|(_, m)| m).collect()),
        b'x' => x::parse(body, "x", now).map(|p| p.tweets),
        b'y' => youtube::parse(body, "youtube", now).map(|p| p.comments),
        _ => {
            let _ = mastodon::links(body);
            let _ = crate::sources::limit::parse_reset(body, now);
            let _ = rss::unwrap_redirect(body);
            let _ = bluesky::web_url(body, Some(body));
            Ok(Vec::new())
        }
    }
    .unwrap_or_default();
    for m in mentions {
        assert!(!m.source.is_empty() && !m.id.is_empty(), "a source produced a mention without source or id");
        // Whatever a source makes must be a valid contract line.
        let again = Mention::from_json_str(&m.to_json_line()).expect("a parsed mention writes as a valid line");
        assert_eq!(again.id, m.id);
    }
}

/// The Slack interaction endpoint's two steps: the signature check (on arbitrary headers,
/// and with the right signature it must pass) and the click reader.
pub fn slack_interaction(data: &[u8]) {
    use crate::sinks::slack;
    let secret: &[u8] = b"8f742231b10e8888abcd99yyyzzz85a5";
    // The first line plays the timestamp header, the second the signature header.
    let mut parts = data.splitn(3, |&b| b == b'\n');
    let (ts, sig, body) = match (parts.next(), parts.next(), parts.next()) {
        (Some(ts), Some(sig), Some(body)) => (String::from_utf8_lossy(ts), String::from_utf8_lossy(sig), body),
        _ => ("1700000000".into(), "v0=00".into(), data),
    };
    let now = 1_700_000_000;
    let _ = slack::verify(&[secret], &ts, body, &sig, now);
    let good = slack::signature(secret, "1700000100", body);
    assert!(slack::verify(&[secret], "1700000100", body, &good, now).is_ok(), "the right signature was refused");
    if let Ok(Some(click)) = slack::parse_click(body) {
        assert!(!click.incident.is_empty() && !click.user.is_empty());
    }
}
