//! The weekly reputation report: one ISO week in the configured time zone, each figure
//! beside the previous week's and the average of the four weeks before it.
//!
//! [`gather`] reads the store; [`compute`] is pure (rows in, [`Report`] out), so that its
//! numbers can be checked against values computed independently; the renderers turn a
//! `Report` into Markdown (chat, email), a self-contained HTML page with SVG charts, or
//! JSON with every number.

mod charts;
mod html;
mod markdown;
mod week;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use html::render as html;
pub use markdown::{render as markdown, summary};
pub use week::{Schedule, Week, local_midnight};

use crate::config::BrandConfig;
use crate::mention::Lang;
use crate::normalize::{stem::Stem, tokenize};
use crate::score::{Category, Polarity};
use crate::store::{IncidentRecord, IncidentStatus, ReportRow, SourceFailure, Store, StoreError};

/// `[report]` in repwatch.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportConfig {
    /// When the report of the week just ended goes out.
    pub at: Schedule,
    /// The zone weeks, days and times are stated in.
    pub timezone: Tz,
    /// The sinks it goes to; empty: `repwatch run` sends none.
    pub sinks: Vec<String>,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig { at: Schedule::default(), timezone: Tz::UTC, sinks: Vec::new() }
    }
}

#[derive(Debug, Deserialize)]
pub struct RawReportConfig {
    pub at: Option<String>,
    pub timezone: Option<String>,
    #[serde(default)]
    pub sinks: Vec<String>,
}

impl RawReportConfig {
    /// Checks the values; each problem names its key.
    pub fn check(self) -> Result<ReportConfig, Vec<(&'static str, String)>> {
        let mut errors = Vec::new();
        let mut config = ReportConfig { sinks: self.sinks, ..ReportConfig::default() };
        if let Some(at) = &self.at {
            match Schedule::parse(at) {
                Ok(s) => config.at = s,
                Err(e) => errors.push(("at", format!("report.at: {e}"))),
            }
        }
        if let Some(tz) = &self.timezone {
            match tz.parse::<Tz>() {
                Ok(t) => config.timezone = t,
                Err(_) => errors.push((
                    "timezone",
                    format!("report.timezone: {tz:?} is not an IANA time zone (like \"Europe/Oslo\")"),
                )),
            }
        }
        if errors.is_empty() { Ok(config) } else { Err(errors) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A figure this week, the week before, and the mean of the four weeks before this one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Compare {
    pub this: f64,
    pub previous: f64,
    pub avg4: f64,
}

/// One named line of a breakdown (a source, a language, a category).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub name: String,
    #[serde(flatten)]
    pub value: Compare,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    pub date: String,
    pub weekday: String,
    pub total: u64,
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
    pub complaints: u64,
}

/// Shares in percent, and the net sentiment score (% positive − % negative).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentiment {
    pub negative_pct: Compare,
    pub neutral_pct: Compare,
    pub positive_pct: Compare,
    pub net: Compare,
}

/// A post shown as an example.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Post {
    pub source: String,
    pub id: String,
    pub author: Option<String>,
    pub text: String,
    pub url: Option<String>,
    pub created_at: String,
    pub engagement: u64,
    pub category: Option<String>,
}

/// A group of complaints about the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Theme {
    /// The words that name it, most telling first (as people wrote them).
    pub words: Vec<String>,
    pub category: Option<String>,
    pub complaints: u64,
    pub people: u64,
    pub examples: Vec<Post>,
}

/// Minutes: the median and the worst, over the incidents that reached that point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Timing {
    pub count: u64,
    pub median_mins: Option<f64>,
    pub worst_mins: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentLine {
    pub id: String,
    pub headline: String,
    pub category: Option<String>,
    pub opened_at: String,
    pub peak_severity: String,
    pub status: String,
    pub complaints: u64,
    pub first_alert_mins: Option<f64>,
    pub ack_mins: Option<f64>,
    pub acked_by: Option<String>,
    pub resolve_mins: Option<f64>,
    /// Opened before this week and still open during it.
    pub carried_over: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incidents {
    pub opened: Compare,
    pub still_open: u64,
    pub time_to_first_alert: Timing,
    pub time_to_ack: Timing,
    pub time_to_resolve: Timing,
    pub list: Vec<IncidentLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Author {
    pub author: String,
    pub sources: Vec<String>,
    pub mentions: u64,
    pub complaints: u64,
    pub engagement: u64,
    pub followers: Option<u64>,
}

/// A source that failed during the week: its data may have gaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub source: String,
    pub failures: u64,
    pub first: String,
    pub last: String,
    pub last_error: String,
}

/// One week's net sentiment and volume, for the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub week: String,
    pub mentions: u64,
    pub complaints: u64,
    pub net: f64,
}

/// The whole report, every number in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub brand: String,
    pub week: String,
    pub timezone: String,
    pub period_start: String,
    pub period_end: String,
    pub generated_at: String,
    pub has_data: bool,
    /// How many of the four weeks before had any data (the average is over all four).
    pub weeks_with_data_before: u64,
    pub mentions: Compare,
    pub by_day: Vec<Day>,
    pub by_source: Vec<Line>,
    pub by_language: Vec<Line>,
    pub sentiment: Sentiment,
    pub complaints: Compare,
    pub by_category: Vec<Line>,
    pub themes: Vec<Theme>,
    pub incidents: Incidents,
    pub top_positive: Vec<Post>,
    pub engaged_authors: Vec<Author>,
    pub gaps: Vec<Gap>,
    pub trend: Vec<TrendPoint>,
}

/// What the report is made of: this week's rows and the four weeks before.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub brand: String,
    /// The brand's own terms: never a theme of complaints about it.
    pub brand_terms: Vec<String>,
    pub week: Option<Week>,
    pub timezone: Option<Tz>,
    pub generated_at: Option<DateTime<Utc>>,
    pub rows: Vec<ReportRow>,
    /// The four weeks before, most recent first (previous week first).
    pub before: Vec<Vec<ReportRow>>,
    pub incidents: Vec<IncidentRecord>,
    /// Incidents opened in each of the four weeks before, most recent first.
    pub incidents_before: Vec<u64>,
    pub failures: Vec<SourceFailure>,
}

/// Reads everything the report of `week` needs from the store.
pub async fn gather(
    store: &Store,
    brand: &BrandConfig,
    week: Week,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Inputs, ReportError> {
    let (start, end) = week.bounds(tz);
    let rows = store.report_rows(start, end).await?;
    let mut before = Vec::new();
    let mut incidents_before = Vec::new();
    let mut w = week;
    for _ in 0..4 {
        w = w.previous();
        let (s, e) = w.bounds(tz);
        before.push(store.report_rows(s, e).await?);
        let opened = store.incidents_touching(s, e).await?.iter().filter(|i| i.opened_at >= s).count();
        incidents_before.push(opened as u64);
    }
    Ok(Inputs {
        brand: if brand.name.is_empty() { "your business".to_string() } else { brand.name.clone() },
        brand_terms: brand.terms.clone(),
        week: Some(week),
        timezone: Some(tz),
        generated_at: Some(now),
        rows,
        before,
        incidents: store.incidents_touching(start, end).await?,
        incidents_before,
        failures: store.source_failures(start, end).await?,
    })
}

/// Totals of one week.
#[derive(Debug, Clone, Default, PartialEq)]
struct Totals {
    mentions: u64,
    negative: u64,
    neutral: u64,
    positive: u64,
    complaints: u64,
    by_source: BTreeMap<String, u64>,
    by_language: BTreeMap<String, u64>,
    by_category: BTreeMap<String, u64>,
}

impl Totals {
    fn of(rows: &[ReportRow]) -> Totals {
        let mut t = Totals::default();
        for r in rows {
            t.mentions += 1;
            match r.polarity {
                Polarity::Negative => t.negative += 1,
                Polarity::Neutral => t.neutral += 1,
                Polarity::Positive => t.positive += 1,
            }
            *t.by_source.entry(r.source.clone()).or_default() += 1;
            *t.by_language
                .entry(Lang::from_code(&r.lang).map_or_else(|| r.lang.clone(), |l| l.code().to_string()))
                .or_default() += 1;
            if r.complaint {
                t.complaints += 1;
                *t.by_category.entry(category_code(r.category)).or_default() += 1;
            }
        }
        t
    }

    fn pct(&self, n: u64) -> f64 {
        if self.mentions == 0 { 0.0 } else { 100.0 * n as f64 / self.mentions as f64 }
    }

    fn net(&self) -> f64 {
        self.pct(self.positive) - self.pct(self.negative)
    }
}

fn category_code(c: Option<Category>) -> String {
    c.map(|c| c.as_str().to_string()).unwrap_or_else(|| "other".to_string())
}

/// A category code as people read it ("rude_staff" → "rude staff").
pub fn category_label(code: &str) -> String {
    Category::parse(code).map(|c| c.label().to_string()).unwrap_or_else(|| code.to_string())
}

/// A language code as people read it ("sl" → "Slovenian"); unknown codes as they are.
pub fn language_label(code: &str) -> String {
    let name = match Lang::from_code(code).map(Lang::code).unwrap_or(code) {
        "ar" => "Arabic",
        "da" => "Danish",
        "de" => "German",
        "el" => "Greek",
        "en" => "English",
        "es" => "Spanish",
        "fi" => "Finnish",
        "fr" => "French",
        "hu" => "Hungarian",
        "it" => "Italian",
        "nl" => "Dutch",
        "no" => "Norwegian",
        "pt" => "Portuguese",
        "ro" => "Romanian",
        "ru" => "Russian",
        "sl" => "Slovenian",
        "sv" => "Swedish",
        "ta" => "Tamil",
        "tr" => "Turkish",
        "" | "und" => "unknown",
        other => other,
    };
    name.to_string()
}

fn compare(this: f64, before: &[f64]) -> Compare {
    Compare { this, previous: before.first().copied().unwrap_or(0.0), avg4: before.iter().take(4).sum::<f64>() / 4.0 }
}

fn breakdown(this: &BTreeMap<String, u64>, before: &[&BTreeMap<String, u64>]) -> Vec<Line> {
    let names: BTreeSet<&String> = this.keys().chain(before.iter().flat_map(|b| b.keys())).collect();
    let mut lines: Vec<Line> = names
        .into_iter()
        .map(|name| {
            let get = |m: &BTreeMap<String, u64>| m.get(name).copied().unwrap_or(0) as f64;
            let prior: Vec<f64> = before.iter().map(|b| get(b)).collect();
            Line { name: name.clone(), value: compare(get(this), &prior) }
        })
        .collect();
    lines.sort_by(|a, b| {
        b.value.this.total_cmp(&a.value.this).then(b.value.avg4.total_cmp(&a.value.avg4)).then(a.name.cmp(&b.name))
    });
    lines
}

fn local(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn post(r: &ReportRow, tz: Tz) -> Post {
    let text: String = r.text.chars().take(280).collect();
    Post {
        source: r.source.clone(),
        id: r.id.clone(),
        author: r.author.clone(),
        text: if text.len() < r.text.len() { format!("{}…", text.trim_end()) } else { text },
        url: r.url.clone(),
        created_at: local(r.created_at, tz),
        engagement: r.engagement,
        category: r.category.map(|c| c.as_str().to_string()),
    }
}

fn minutes(d: Duration) -> f64 {
    (d.num_seconds().max(0) as f64 / 60.0 * 10.0).round() / 10.0
}

fn timing(mut values: Vec<f64>) -> Timing {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    };
    Timing { count: n as u64, median_mins: median, worst_mins: values.last().copied() }
}

/// The report of `inputs.week`, computed from what was gathered.
pub fn compute(inputs: &Inputs) -> Report {
    let tz = inputs.timezone.unwrap_or(Tz::UTC);
    let now = inputs.generated_at.unwrap_or_else(Utc::now);
    let week = inputs.week.unwrap_or_else(|| Week::last_complete(now, tz));
    let (start, end) = week.bounds(tz);
    let this = Totals::of(&inputs.rows);
    let before: Vec<Totals> = (0..4).map(|i| Totals::of(inputs.before.get(i).map_or(&[][..], |v| v))).collect();
    let prior = |f: &dyn Fn(&Totals) -> f64| -> Vec<f64> { before.iter().map(f).collect() };

    let mut days: Vec<Day> = week
        .days()
        .into_iter()
        .map(|d| Day {
            date: d.format("%Y-%m-%d").to_string(),
            weekday: d.format("%a").to_string(),
            total: 0,
            negative: 0,
            neutral: 0,
            positive: 0,
            complaints: 0,
        })
        .collect();
    for r in &inputs.rows {
        let d = r.created_at.with_timezone(&tz).date_naive().format("%Y-%m-%d").to_string();
        if let Some(day) = days.iter_mut().find(|x| x.date == d) {
            day.total += 1;
            match r.polarity {
                Polarity::Negative => day.negative += 1,
                Polarity::Neutral => day.neutral += 1,
                Polarity::Positive => day.positive += 1,
            }
            day.complaints += r.complaint as u64;
        }
    }

    let sentiment = Sentiment {
        negative_pct: compare(this.pct(this.negative), &prior(&|t| t.pct(t.negative))),
        neutral_pct: compare(this.pct(this.neutral), &prior(&|t| t.pct(t.neutral))),
        positive_pct: compare(this.pct(this.positive), &prior(&|t| t.pct(t.positive))),
        net: compare(this.net(), &prior(&|t| t.net())),
    };

    let mut trend: Vec<TrendPoint> = Vec::new();
    let mut w = week;
    for t in before.iter() {
        w = w.previous();
        trend.push(TrendPoint { week: w.to_string(), mentions: t.mentions, complaints: t.complaints, net: t.net() });
    }
    trend.reverse();
    trend.push(TrendPoint {
        week: week.to_string(),
        mentions: this.mentions,
        complaints: this.complaints,
        net: this.net(),
    });

    Report {
        brand: inputs.brand.clone(),
        week: week.to_string(),
        timezone: tz.name().to_string(),
        period_start: local(start, tz),
        period_end: local(end, tz),
        generated_at: local(now, tz),
        has_data: this.mentions > 0,
        weeks_with_data_before: before.iter().filter(|t| t.mentions > 0).count() as u64,
        mentions: compare(this.mentions as f64, &prior(&|t| t.mentions as f64)),
        by_day: days,
        by_source: breakdown(&this.by_source, &before.iter().map(|t| &t.by_source).collect::<Vec<_>>()),
        by_language: breakdown(&this.by_language, &before.iter().map(|t| &t.by_language).collect::<Vec<_>>()),
        sentiment,
        complaints: compare(this.complaints as f64, &prior(&|t| t.complaints as f64)),
        by_category: breakdown(&this.by_category, &before.iter().map(|t| &t.by_category).collect::<Vec<_>>()),
        themes: themes(&inputs.rows, &brand_stems(&inputs.brand_terms), tz),
        incidents: incidents(inputs, start, end, tz),
        top_positive: top_positive(&inputs.rows, tz),
        engaged_authors: engaged_authors(&inputs.rows),
        gaps: gaps(&inputs.failures, tz),
        trend,
    }
}

fn incidents(inputs: &Inputs, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> Incidents {
    let mut list = Vec::new();
    let (mut first_alert, mut ack, mut resolve) = (Vec::new(), Vec::new(), Vec::new());
    for i in &inputs.incidents {
        let carried_over = i.opened_at < start;
        let delivered = i.first_delivered_at.or(i.first_alert_at);
        let line = IncidentLine {
            id: i.id.clone(),
            headline: i.headline.clone(),
            category: i.category.map(|c| c.as_str().to_string()),
            opened_at: local(i.opened_at, tz),
            peak_severity: i.peak_severity.as_str().to_string(),
            status: match i.status {
                IncidentStatus::Resolved if i.resolved_at.is_some_and(|r| r >= end) => "open".to_string(),
                s => s.as_str().to_string(),
            },
            complaints: i.mentions.len() as u64,
            first_alert_mins: delivered.map(|t| minutes(t - i.opened_at)),
            ack_mins: i.acked_at.map(|t| minutes(t - i.opened_at)),
            acked_by: i.acked_by.clone(),
            resolve_mins: i.resolved_at.map(|t| minutes(t - i.opened_at)),
            carried_over,
        };
        if !carried_over {
            first_alert.extend(line.first_alert_mins);
            ack.extend(line.ack_mins);
            resolve.extend(line.resolve_mins);
        }
        list.push(line);
    }
    let opened = list.iter().filter(|l| !l.carried_over).count() as f64;
    let still_open = inputs.incidents.iter().filter(|i| i.resolved_at.is_none_or(|r| r >= end)).count() as u64;
    let prior: Vec<f64> = inputs.incidents_before.iter().map(|&n| n as f64).collect();
    Incidents {
        opened: compare(opened, &prior),
        still_open,
        time_to_first_alert: timing(first_alert),
        time_to_ack: timing(ack),
        time_to_resolve: timing(resolve),
        list,
    }
}

/// Complaints grouped by the words they share: repeatedly take the stem used by the most
/// people among the complaints not yet grouped, and group the complaints that use it.
fn themes(rows: &[ReportRow], brand: &BTreeSet<String>, tz: Tz) -> Vec<Theme> {
    let mut left: Vec<&ReportRow> = rows.iter().filter(|r| r.complaint && !r.terms.is_empty()).collect();
    let mut out = Vec::new();
    while out.len() < 5 {
        let mut people: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for r in &left {
            let who = r.author.as_deref().unwrap_or(&r.id);
            for t in r.terms.iter().filter(|t| !brand.contains(*t) && t.chars().count() >= 3).collect::<BTreeSet<_>>() {
                people.entry(t).or_default().insert(who);
            }
        }
        let Some((stem, _)) = people
            .iter()
            .filter(|(_, p)| p.len() >= 2)
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
            .map(|(s, p)| (s.to_string(), p.len()))
        else {
            break;
        };
        let (members, rest): (Vec<&ReportRow>, Vec<&ReportRow>) =
            left.into_iter().partition(|r| r.terms.contains(&stem));
        left = rest;
        // The words that come with it, by how many of its complaints use them.
        let mut with: HashMap<&str, u64> = HashMap::new();
        for r in &members {
            for t in r.terms.iter().filter(|t| !brand.contains(*t) && t.chars().count() >= 3).collect::<BTreeSet<_>>() {
                if *t != stem {
                    *with.entry(t).or_default() += 1;
                }
            }
        }
        let mut with: Vec<(&str, u64)> = with.into_iter().filter(|(_, n)| *n >= 2).collect();
        with.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let stems: Vec<String> =
            std::iter::once(stem.clone()).chain(with.iter().take(2).map(|(s, _)| s.to_string())).collect();
        let words = stems.iter().map(|s| surface(s, &members)).collect();
        let mut categories: BTreeMap<String, u64> = BTreeMap::new();
        for r in &members {
            if let Some(c) = r.category {
                *categories.entry(c.as_str().to_string()).or_default() += 1;
            }
        }
        let category = categories.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(c, _)| c);
        let authors: BTreeSet<&str> = members.iter().map(|r| r.author.as_deref().unwrap_or(&r.id)).collect();
        let mut examples = members.clone();
        examples.sort_by(|a, b| b.engagement.cmp(&a.engagement).then(a.created_at.cmp(&b.created_at)));
        let mut seen = BTreeSet::new();
        examples.retain(|r| seen.insert(same_words(&r.text)));
        out.push(Theme {
            words,
            category,
            complaints: members.len() as u64,
            people: authors.len() as u64,
            examples: examples.iter().take(2).map(|r| post(r, tz)).collect(),
        });
    }
    out
}

/// A post's words, for telling reposts of the same text apart from different posts.
fn same_words(text: &str) -> String {
    text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every form a brand term's words can take among the terms of a score.
fn brand_stems(terms: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for term in terms {
        for t in tokenize(term).iter().filter(|t| t.is_wordlike()) {
            let word = t.norm.trim_start_matches(['@', '#']).to_string();
            for lang in Lang::ALL {
                out.insert(Stem::for_lang(Some(lang)).stem(&word));
            }
            out.insert(Stem::for_lang(None).stem(&word));
            out.insert(word);
        }
    }
    out
}

/// The word people most often wrote for a stem.
fn surface(stem: &str, rows: &[&ReportRow]) -> String {
    let mut seen: HashMap<String, u64> = HashMap::new();
    for r in rows {
        let stemmer = Stem::for_lang(Lang::from_code(&r.lang));
        for t in tokenize(&r.text) {
            if t.is_wordlike() && stemmer.stem(&t.norm) == stem {
                *seen.entry(t.norm.to_string()).or_default() += 1;
            }
        }
    }
    seen.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(w, _)| w).unwrap_or_else(|| stem.into())
}

fn top_positive(rows: &[ReportRow], tz: Tz) -> Vec<Post> {
    let mut positive: Vec<&ReportRow> =
        rows.iter().filter(|r| r.polarity == Polarity::Positive && !r.complaint).collect();
    positive.sort_by(|a, b| {
        b.engagement.cmp(&a.engagement).then(b.sentiment.total_cmp(&a.sentiment)).then(a.created_at.cmp(&b.created_at))
    });
    // The same words posted again (a share, a bot) are shown once.
    let mut seen = BTreeSet::new();
    positive.retain(|r| seen.insert(same_words(&r.text)));
    positive.into_iter().take(5).map(|r| post(r, tz)).collect()
}

fn engaged_authors(rows: &[ReportRow]) -> Vec<Author> {
    let mut by: BTreeMap<&str, Author> = BTreeMap::new();
    for r in rows {
        let Some(name) = r.author.as_deref() else { continue };
        let a = by.entry(name).or_insert_with(|| Author {
            author: name.to_string(),
            sources: Vec::new(),
            mentions: 0,
            complaints: 0,
            engagement: 0,
            followers: None,
        });
        a.mentions += 1;
        a.complaints += r.complaint as u64;
        a.engagement += r.engagement;
        a.followers = a.followers.max(r.author_followers);
        if !a.sources.contains(&r.source) {
            a.sources.push(r.source.clone());
        }
    }
    let mut authors: Vec<Author> = by.into_values().filter(|a| a.engagement > 0).collect();
    authors.sort_by(|a, b| {
        b.engagement.cmp(&a.engagement).then(b.mentions.cmp(&a.mentions)).then(a.author.cmp(&b.author))
    });
    authors.truncate(5);
    authors
}

fn gaps(failures: &[SourceFailure], tz: Tz) -> Vec<Gap> {
    let mut by: BTreeMap<&str, Vec<&SourceFailure>> = BTreeMap::new();
    for f in failures {
        by.entry(&f.source).or_default().push(f);
    }
    by.into_iter()
        .map(|(source, fs)| Gap {
            source: source.to_string(),
            failures: fs.len() as u64,
            first: local(fs[0].at, tz),
            last: local(fs[fs.len() - 1].at, tz),
            last_error: fs[fs.len() - 1].error.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
