//! `repwatch.toml` (contract.md §6): parsed into typed sections, with every problem
//! reported at once, each naming the file, the line and the key.
//!
//! Parsing is pure ([`parse`]); only [`load`] reads files. Secrets are never written in
//! the file itself: keys ending in `_env` name an environment variable and keys ending in
//! `_file` name a file holding the value (Docker and Kubernetes secrets). Resolved values
//! live in [`Secret`], whose `Debug` never shows them.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::report::{RawReportConfig, ReportConfig};
use crate::sinks::SinkConfig;
use crate::sources::SourceConfig;
use crate::spread::SpreadConfig;

/// The whole configuration, checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from; relative paths inside it are resolved against its folder.
    pub path: Option<PathBuf>,
    pub brand: BrandConfig,
    pub store: StoreConfig,
    pub server: ServerConfig,
    pub rules: RulesConfig,
    pub spread: SpreadConfig,
    pub sources: Vec<SourceConfig>,
    pub sinks: Vec<SinkConfig>,
    pub report: ReportConfig,
}

/// What counts as a mention of the business.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BrandConfig {
    #[serde(default)]
    pub name: String,
    /// Names, handles (`@brand`) and hashtags that make a post a mention.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Phrases that make a post *not* a mention even when a term matches.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// ISO 639-1 codes the brand is discussed in; a prior for language detection and,
    /// when set, a filter on what is kept.
    #[serde(default)]
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct StoreConfig {
    /// `sqlite://path/to/file.db` or `sqlite::memory:`.
    #[serde(default = "default_store_url")]
    pub url: String,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig { url: default_store_url() }
    }
}

fn default_store_url() -> String {
    "sqlite://repwatch.db".to_string()
}

/// The axum server: where it listens and the tokens that guard it.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// Bearer token for `POST /ingest`; `None` only when listening on loopback.
    pub ingest_token: Option<Secret>,
    /// Bearer token for `/api/*`; falls back to the ingest token.
    pub api_token: Option<Secret>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// The address people reach the server at, used for links in alerts.
    pub public_url: Option<String>,
    /// Requests per second each client address may make to a public endpoint
    /// (`/ingest`, `/slack/interactions`), refilled continuously; 0 turns the limit off.
    pub rate_limit_per_sec: f64,
    /// Requests a client may make at once before the rate applies.
    pub rate_limit_burst: u32,
    /// `POST /ingest` requests being read, parsed or committed at once; more get 503.
    pub ingest_max_inflight: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            ingest_token: None,
            api_token: None,
            max_body_bytes: 16 * 1024 * 1024,
            public_url: None,
            rate_limit_per_sec: 100.0,
            rate_limit_burst: 200,
            ingest_max_inflight: 32,
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawServer {
    listen: Option<String>,
    ingest_token_env: Option<String>,
    ingest_token_file: Option<PathBuf>,
    api_token_env: Option<String>,
    api_token_file: Option<PathBuf>,
    max_body_bytes: Option<usize>,
    public_url: Option<String>,
    rate_limit_per_sec: Option<f64>,
    rate_limit_burst: Option<u32>,
    ingest_max_inflight: Option<usize>,
}

/// Where the complaint and sentiment rules come from.
#[derive(Debug, Clone, Default)]
pub struct RulesConfig {
    /// A rules folder on disk; `None` means the rules compiled into the binary.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
struct RawRules {
    dir: Option<PathBuf>,
}

/// A secret value: a token, a signing key or a webhook URL with a key in it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Arc<str>);

impl Secret {
    /// Also remembers the value (and, for a URL, its path and long path segments and
    /// query values) so that [`redact`] can take it out of any text: an API that echoes
    /// a request in its error body must not put the key in a log line.
    pub fn new(value: impl Into<Arc<str>>) -> Secret {
        let value = value.into();
        remember(&value);
        Secret(value)
    }

    /// The value itself; call only where it is used, never to log or format it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The secret values known to this process, longest first.
static KNOWN: std::sync::RwLock<Vec<Arc<str>>> = std::sync::RwLock::new(Vec::new());

/// Pieces shorter than this are not taken out of text (they would mangle ordinary words).
const MIN_REDACTED: usize = 6;

fn remember(value: &str) {
    let mut pieces = vec![value.trim().to_string()];
    if let Ok(url) = reqwest::Url::parse(value) {
        let path = url.path();
        if path.len() > 1 {
            pieces.push(path.to_string());
            pieces.extend(path.split('/').filter(|s| s.len() >= 8).map(str::to_string));
        }
        pieces.extend(url.query_pairs().map(|(_, v)| v.into_owned()).filter(|v| v.len() >= 8));
    }
    if let Some(key) = value.strip_prefix("whsec_") {
        pieces.push(key.to_string());
    }
    let mut known = KNOWN.write().unwrap_or_else(|p| p.into_inner());
    for piece in pieces {
        if piece.len() >= MIN_REDACTED && !known.iter().any(|k| **k == *piece) {
            known.push(piece.into());
        }
    }
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
}

/// `text` with every known secret value replaced by `[redacted]`: for error bodies from
/// outside and every log line.
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    let known = KNOWN.read().unwrap_or_else(|p| p.into_inner());
    if !known.iter().any(|k| text.contains(&**k)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for k in known.iter() {
        if out.contains(&**k) {
            out = out.replace(&**k, "[redacted]");
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A log writer that takes known secrets out of each line before it reaches `W`.
pub struct Redacting<W>(pub W);

impl<W: std::io::Write> std::io::Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => {
                self.0.write_all(redact(text).as_bytes())?;
                Ok(buf.len())
            }
            Err(_) => self.0.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// One problem in the configuration, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem found, in file order.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct ConfigErrors(pub Vec<ConfigError>);

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigErrors> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigErrors(vec![ConfigError { file: file.clone(), line: None, message: format!("cannot read: {e}") }])
    })?;
    let env = |name: &str| std::env::var(name).ok();
    let mut config = parse(&text, &file, &env)?;
    config.path = Some(path.to_path_buf());
    if let (Some(dir), Some(parent)) = (&config.rules.dir, path.parent())
        && dir.is_relative()
    {
        config.rules.dir = Some(parent.join(dir));
    }
    Ok(config)
}

const SECTIONS: &[&str] = &["brand", "store", "server", "rules", "spread", "sources", "sinks", "report"];

/// Parses configuration text. `file` is only used in messages; `env` looks up variables
/// named by `*_env` keys.
pub fn parse(text: &str, file: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Config, ConfigErrors> {
    let mut loader = Loader { file: file.to_string(), text, env, errors: Vec::new() };
    let (root, syntax) = DeTable::parse_recoverable(text);
    for e in syntax {
        loader.error_span(e.span(), e.message().trim().to_string());
    }
    let root = root.into_inner();
    let mut config = Config::default();
    for (key, _) in root.iter() {
        if !SECTIONS.contains(&key.get_ref().as_ref()) {
            loader.error_span(Some(key.span()), format!("unknown key \"{}\"", key.get_ref()));
        }
    }
    if let Some(v) = root.get("brand")
        && let Some(brand) = loader.typed::<BrandConfig>(v, "brand", &[])
    {
        config.brand = brand;
        loader.check_brand(&config.brand, v);
    }
    if let Some(v) = root.get("store")
        && let Some(store) = loader.typed::<StoreConfig>(v, "store", &[])
    {
        if !(store.url.starts_with("sqlite:")) {
            loader.error_at(v, "url", format!("store url must start with \"sqlite:\", found {:?}", store.url));
        }
        config.store = store;
    }
    if let Some(v) = root.get("server")
        && let Some(raw) = loader.typed::<RawServer>(v, "server", &[])
    {
        config.server = loader.server(raw, v);
    }
    if config.server.ingest_token.is_none() && !config.server.listen.ip().is_loopback() {
        let at = root.get("server");
        loader.error_opt(
            at,
            "listen",
            "server.ingest_token_env (or ingest_token_file) is required when listening beyond loopback".into(),
        );
    }
    if let Some(v) = root.get("rules")
        && let Some(raw) = loader.typed::<RawRules>(v, "rules", &[])
    {
        config.rules.dir = raw.dir;
    }
    if let Some(v) = root.get("spread")
        && let Some(spread) = loader.typed::<SpreadConfig>(v, "spread", &[])
    {
        if let Err(message) = spread.validate() {
            loader.error_span(Some(v.span()), format!("spread: {message}"));
        }
        config.spread = spread;
    }
    for (i, item) in loader.array(&root, "sources") {
        if let Some(source) = SourceConfig::from_toml(&mut loader, item, &format!("sources[{i}]")) {
            config.sources.push(source);
        }
    }
    for (i, item) in loader.array(&root, "sinks") {
        if let Some(sink) = SinkConfig::from_toml(&mut loader, item, &format!("sinks[{i}]")) {
            config.sinks.push(sink);
        }
    }
    if let Some(v) = root.get("report")
        && let Some(raw) = loader.typed::<RawReportConfig>(v, "report", &[])
    {
        match raw.check() {
            Ok(report) => {
                for name in &report.sinks {
                    if !config.sinks.iter().any(|s| &s.name == name) {
                        loader.error_at(v, "sinks", format!("report.sinks: no sink is named {name:?}"));
                    }
                }
                config.report = report;
            }
            Err(errors) => {
                for (key, message) in errors {
                    loader.error_at(v, key, message);
                }
            }
        }
    }
    loader.check_unique_names(&config, &root);
    if loader.errors.is_empty() {
        Ok(config)
    } else {
        loader.errors.sort_by_key(|e| e.line);
        loader.errors.dedup();
        Err(ConfigErrors(loader.errors))
    }
}

/// The typed reading of a configuration, collecting problems instead of stopping at
/// the first. Sources and sinks use it to read their own sections.
pub struct Loader<'a> {
    file: String,
    text: &'a str,
    env: &'a dyn Fn(&str) -> Option<String>,
    errors: Vec<ConfigError>,
}

/// A value from the configuration text, with where it was.
pub type Item<'a> = Spanned<DeValue<'a>>;

impl<'a> Loader<'a> {
    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].bytes().filter(|&b| b == b'\n').count() + 1
    }

    fn error_span(&mut self, span: Option<Range<usize>>, message: String) {
        let line = span.map(|s| self.line_of(s.start));
        self.errors.push(ConfigError { file: self.file.clone(), line, message });
    }

    /// Reports a problem with `key` inside the table `item`, at the key's line when it is
    /// there and at the table's otherwise.
    pub fn error_at(&mut self, item: &Item<'_>, key: &str, message: String) {
        let span = match item.get_ref() {
            DeValue::Table(t) => t.get_key_value(key).map(|(k, _)| k.span()).unwrap_or(item.span()),
            _ => item.span(),
        };
        self.error_span(Some(span), message);
    }

    fn error_opt(&mut self, item: Option<&Item<'_>>, key: &str, message: String) {
        match item {
            Some(item) => self.error_at(item, key, message),
            None => self.error_span(None, message),
        }
    }

    fn array<'r>(&mut self, root: &'r DeTable<'a>, key: &str) -> Vec<(usize, &'r Item<'a>)> {
        match root.get_key_value(key) {
            None => Vec::new(),
            Some((_, v)) => match v.get_ref() {
                DeValue::Array(items) => items.iter().enumerate().collect(),
                _ => {
                    self.error_span(Some(v.span()), format!("\"{key}\" must be an array of tables ([[{key}]])"));
                    Vec::new()
                }
            },
        }
    }

    /// Deserializes `item` into `T`, reporting keys that `T` does not know (except those in
    /// `also_known`) and values of the wrong type. `path` names the section in messages.
    pub fn typed<T: DeserializeOwned>(&mut self, item: &Item<'_>, path: &str, also_known: &[&str]) -> Option<T> {
        let (value, unknown) = self.typed_lenient::<T>(item, path);
        for key in unknown {
            if !also_known.contains(&key.as_str()) {
                self.unknown_key(item, path, &key);
            }
        }
        value
    }

    /// Like [`Loader::typed`], but returns the unknown keys (dotted, relative to `item`)
    /// instead of reporting them; a section read by two structs reports only the keys
    /// that neither knows.
    pub fn typed_lenient<T: DeserializeOwned>(&mut self, item: &Item<'_>, path: &str) -> (Option<T>, Vec<String>) {
        let mut unknown = Vec::new();
        let de = item.clone().into_deserializer();
        let result: Result<T, toml::de::Error> = serde_ignored::deserialize(de, |p| unknown.push(dotted(&p)));
        match result {
            Ok(v) => (Some(v), unknown),
            Err(e) => {
                let span = e.span().or(Some(item.span()));
                self.error_span(span, format!("{path}: {}", e.message().trim()));
                (None, Vec::new())
            }
        }
    }

    /// Reports `key` (dotted, relative to `item`) as unknown, at its own line.
    pub fn unknown_key(&mut self, item: &Item<'_>, path: &str, key: &str) {
        let span = find_key(item, key).unwrap_or(item.span());
        self.error_span(Some(span), format!("unknown key \"{key}\" in {path}"));
    }

    /// Resolves a secret given as `<name>` (plain, only where `plain_ok`), `<name>_env` or
    /// `<name>_file`. Messages name the variable or file, never the value.
    pub fn secret(
        &mut self,
        item: &Item<'_>,
        path: &str,
        name: &str,
        plain: Option<String>,
        env: Option<String>,
        file: Option<PathBuf>,
    ) -> Option<Secret> {
        let given = plain.is_some() as u8 + env.is_some() as u8 + file.is_some() as u8;
        if given > 1 {
            self.error_at(item, name, format!("{path}: give only one of {name}, {name}_env and {name}_file"));
            return None;
        }
        if let Some(p) = plain {
            return (!p.is_empty()).then(|| Secret::new(p));
        }
        if let Some(var) = env {
            return match (self.env)(&var) {
                Some(v) if !v.trim().is_empty() => Some(Secret::new(v.trim())),
                _ => {
                    let key = format!("{name}_env");
                    self.error_at(item, &key, format!("{path}.{key}: environment variable {var} is not set"));
                    None
                }
            };
        }
        if let Some(f) = file {
            return match std::fs::read_to_string(&f) {
                Ok(v) if !v.trim().is_empty() => Some(Secret::new(v.trim())),
                Ok(_) => {
                    let key = format!("{name}_file");
                    self.error_at(item, &key, format!("{path}.{key}: {} is empty", f.display()));
                    None
                }
                Err(e) => {
                    let key = format!("{name}_file");
                    self.error_at(item, &key, format!("{path}.{key}: cannot read {}: {e}", f.display()));
                    None
                }
            };
        }
        None
    }

    fn server(&mut self, raw: RawServer, item: &Item<'_>) -> ServerConfig {
        let mut server = ServerConfig::default();
        if let Some(listen) = raw.listen {
            match listen.parse::<SocketAddr>() {
                Ok(addr) => server.listen = addr,
                Err(_) => self.error_at(item, "listen", format!("server.listen: not an address:port: {listen:?}")),
            }
        }
        server.ingest_token =
            self.secret(item, "server", "ingest_token", None, raw.ingest_token_env, raw.ingest_token_file);
        server.api_token = self
            .secret(item, "server", "api_token", None, raw.api_token_env, raw.api_token_file)
            .or_else(|| server.ingest_token.clone());
        if let Some(max) = raw.max_body_bytes {
            if max < 1024 {
                self.error_at(item, "max_body_bytes", "server.max_body_bytes: must be at least 1024".into());
            } else {
                server.max_body_bytes = max;
            }
        }
        if let Some(url) = raw.public_url {
            if url.starts_with("http://") || url.starts_with("https://") {
                server.public_url = Some(url.trim_end_matches('/').to_string());
            } else {
                self.error_at(item, "public_url", format!("server.public_url: not an http(s) URL: {url:?}"));
            }
        }
        if let Some(rate) = raw.rate_limit_per_sec {
            if rate.is_finite() && rate >= 0.0 {
                server.rate_limit_per_sec = rate;
            } else {
                let message = format!("server.rate_limit_per_sec: must be 0 (off) or more, found {rate}");
                self.error_at(item, "rate_limit_per_sec", message);
            }
        }
        match raw.rate_limit_burst {
            Some(0) => self.error_at(item, "rate_limit_burst", "server.rate_limit_burst: must be at least 1".into()),
            Some(burst) => server.rate_limit_burst = burst,
            None => {}
        }
        match raw.ingest_max_inflight {
            Some(0) => {
                self.error_at(item, "ingest_max_inflight", "server.ingest_max_inflight: must be at least 1".into())
            }
            Some(n) => server.ingest_max_inflight = n,
            None => {}
        }
        server
    }

    fn check_brand(&mut self, brand: &BrandConfig, item: &Item<'_>) {
        if brand.terms.iter().any(|t| t.trim().is_empty()) {
            self.error_at(item, "terms", "brand.terms: a term is empty".into());
        }
        for lang in &brand.languages {
            if crate::mention::Lang::from_code(lang).is_none() {
                self.error_at(item, "languages", format!("brand.languages: unknown language code {lang:?}"));
            }
        }
    }

    fn check_unique_names(&mut self, config: &Config, root: &DeTable<'a>) {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, sink) in config.sinks.iter().enumerate() {
            if let Some(first) = seen.insert(sink.name.clone(), i) {
                let span = root.get("sinks").map(|s| s.span());
                self.error_span(span, format!("sinks[{i}]: name {:?} is already used by sinks[{first}]", sink.name));
            }
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, source) in config.sources.iter().enumerate() {
            if let Some(first) = seen.insert(source.name().to_string(), i) {
                let span = root.get("sources").map(|s| s.span());
                self.error_span(
                    span,
                    format!("sources[{i}]: name {:?} is already used by sources[{first}]", source.name()),
                );
            }
        }
    }
}

/// The string value of `key` in a table item, if it is a string.
pub fn string_key<'r>(item: &'r Item<'_>, key: &str) -> Option<&'r str> {
    match item.get_ref() {
        DeValue::Table(t) => match t.get(key).map(|v| v.get_ref()) {
            Some(DeValue::String(s)) => Some(s.as_ref()),
            _ => None,
        },
        _ => None,
    }
}

fn dotted(path: &serde_ignored::Path<'_>) -> String {
    let mut parts = Vec::new();
    let mut p = path;
    loop {
        match p {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                parts.push(index.to_string());
                p = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                parts.push(key.clone());
                p = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => p = parent,
        }
    }
    parts.reverse();
    parts.join(".")
}

fn find_key(item: &Item<'_>, dotted: &str) -> Option<Range<usize>> {
    let mut current = item;
    let mut span = None;
    for part in dotted.split('.') {
        match current.get_ref() {
            DeValue::Table(t) => {
                let (k, v) = t.get_key_value(part)?;
                span = Some(k.span());
                current = v;
            }
            DeValue::Array(a) => {
                let v = a.get(part.parse::<usize>().ok()?)?;
                span = Some(v.span());
                current = v;
            }
            _ => return span,
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn errors(text: &str) -> Vec<String> {
        match parse(text, "repwatch.toml", &no_env) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn known_secrets_are_redacted_from_text() {
        let _ = Secret::new("https://hooks.slack.com/services/T0R/B0R/redactTestPath12?token=redactQueryValue");
        let _ = Secret::new("redact-token-value");
        let text = "refused /services/T0R/B0R/redactTestPath12?token=redactQueryValue with Bearer redact-token-value";
        let out = redact(text);
        assert!(
            !out.contains("redactTestPath12") && !out.contains("redactQueryValue") && !out.contains("redact-token")
        );
        assert!(out.contains("[redacted]"), "{out}");
        assert_eq!(redact("nothing secret here"), "nothing secret here");
        let mut w = Redacting(Vec::new());
        std::io::Write::write_all(&mut w, b"log: redact-token-value\n").unwrap();
        assert_eq!(String::from_utf8(w.0).unwrap(), "log: [redacted]\n");
    }

    #[test]
    fn empty_config_is_the_default() {
        let c = parse("", "x", &no_env).unwrap();
        assert_eq!(c.store.url, "sqlite://repwatch.db");
        assert!(c.server.listen.ip().is_loopback());
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let text = "[brand]\nname = \"FjordTel\"\ntermz = [\"x\"]\n\n[serverr]\nlisten = \"1\"\n";
        assert_eq!(
            errors(text),
            vec![
                "repwatch.toml:3: unknown key \"termz\" in brand".to_string(),
                "repwatch.toml:5: unknown key \"serverr\"".to_string(),
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = "[server]\nlisten = \"nowhere\"\ningest_token_env = \"REPWATCH_TEST_UNSET_VAR\"\n\n[store]\nurl = \"mysql://x\"\n\n[[sinks]]\ntype = \"webhook\"\nurll = \"http://x\"\n";
        let errs = errors(text);
        assert_eq!(errs.len(), 5, "{errs:#?}");
        assert!(errs[0].starts_with("repwatch.toml:2: server.listen"), "{errs:#?}");
        assert!(
            errs[1].contains(":3: server.ingest_token_env: environment variable REPWATCH_TEST_UNSET_VAR is not set")
        );
        assert!(errs[2].contains(":6: store url must start with"), "{errs:#?}");
        assert!(errs.iter().any(|e| e.contains(":10: unknown key \"urll\" in sinks[0]")), "{errs:#?}");
        assert!(errs.iter().any(|e| e.contains("sinks[0]: url, url_env or url_file is required")), "{errs:#?}");
    }

    #[test]
    fn wrong_types_and_syntax_are_located() {
        let errs = errors("[brand]\nterms = \"one\"\n");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].starts_with("repwatch.toml:2: brand: invalid type"), "{errs:?}");
        let errs = errors("[brand\nname = 1\n");
        assert!(errs[0].starts_with("repwatch.toml:1:"), "{errs:?}");
    }

    #[test]
    fn secrets_come_from_env_or_file_and_never_show() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        std::fs::write(&file, "s3cret-from-file\n").unwrap();
        let env = |name: &str| (name == "TOKEN_VAR").then(|| "s3cret-from-env".to_string());
        let text = format!(
            "[server]\nlisten = \"0.0.0.0:8080\"\ningest_token_env = \"TOKEN_VAR\"\napi_token_file = {:?}\n",
            file.display().to_string()
        );
        let c = parse(&text, "x", &env).unwrap();
        assert_eq!(c.server.ingest_token.as_ref().unwrap().expose(), "s3cret-from-env");
        assert_eq!(c.server.api_token.as_ref().unwrap().expose(), "s3cret-from-file");
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn listening_beyond_loopback_needs_a_token() {
        let errs = errors("[server]\nlisten = \"0.0.0.0:8080\"\n");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].contains(":2: server.ingest_token_env (or ingest_token_file) is required"), "{errs:?}");
    }
}
