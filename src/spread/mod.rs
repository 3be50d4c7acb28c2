//! The `spread` stage: complaints grouped into incidents, and the decision to alert.
//!
//! One complaint is a ticket; a complaint that spreads is an incident. This stage keeps a
//! sliding window of recent complaints per group (their category), counts distinct
//! authors (one person ranting twelve times counts once), and opens an incident when
//! enough different people complain within the window; it escalates the incident as more
//! join, and resolves it when it has been quiet. A single complaint whose engagement
//! explodes is an incident on its own.
//!
//! Pure and synchronous: no IO, and the clock is passed in, so replays on a recorded
//! stream decide exactly as the live service would have.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::score::Category;

/// How eager the detector is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Only clear, broad incidents.
    Fewer,
    #[default]
    Balanced,
    /// Earlier alerts, more of them.
    More,
}

/// `[spread]` in `repwatch.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpreadConfig {
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// The sliding window complaints are counted in.
    #[serde(default = "default_window_mins")]
    pub window_mins: u32,
    /// Distinct authors complaining within the window that open an incident; by default
    /// 5 (fewer), 3 (balanced) or 2 (more).
    pub min_authors: Option<u32>,
    /// An incident with no new complaint for this long is resolved.
    #[serde(default = "default_quiet_mins")]
    pub quiet_mins: u32,
    /// Likes + reposts + replies on one complaint that make it an incident on its own; by
    /// default 400 (fewer), 150 (balanced) or 60 (more).
    pub viral_engagement: Option<u64>,
}

fn default_window_mins() -> u32 {
    60
}

fn default_quiet_mins() -> u32 {
    180
}

impl Default for SpreadConfig {
    fn default() -> Self {
        SpreadConfig {
            sensitivity: Sensitivity::Balanced,
            window_mins: default_window_mins(),
            min_authors: None,
            quiet_mins: default_quiet_mins(),
            viral_engagement: None,
        }
    }
}

impl SpreadConfig {
    pub fn validate(&self) -> Result<(), String> {
        if self.window_mins == 0 || self.window_mins > 7 * 24 * 60 {
            return Err(format!("window_mins must be 1 … 10080, found {}", self.window_mins));
        }
        if self.min_authors == Some(0) || self.min_authors == Some(1) {
            return Err("min_authors must be at least 2 (one person is a ticket, not an incident)".into());
        }
        if self.quiet_mins == 0 {
            return Err("quiet_mins must be at least 1".into());
        }
        Ok(())
    }

    fn min_authors(&self) -> usize {
        self.min_authors.map(|n| n as usize).unwrap_or(match self.sensitivity {
            Sensitivity::Fewer => 5,
            Sensitivity::Balanced => 3,
            Sensitivity::More => 2,
        })
    }

    fn viral_engagement(&self) -> u64 {
        self.viral_engagement.unwrap_or(match self.sensitivity {
            Sensitivity::Fewer => 400,
            Sensitivity::Balanced => 150,
            Sensitivity::More => 60,
        })
    }
}

/// How bad an incident is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Low, Severity::Medium, Severity::High, Severity::Critical];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.iter().copied().find(|x| x.as_str() == s)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an alert says about its incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertKind {
    Opened,
    Escalated,
    Resolved,
}

impl AlertKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Opened => "opened",
            AlertKind::Escalated => "escalated",
            AlertKind::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<AlertKind> {
        [AlertKind::Opened, AlertKind::Escalated, AlertKind::Resolved].into_iter().find(|k| k.as_str() == s)
    }
}

/// One scored mention, or one new reading of its engagement, as the detector sees it.
#[derive(Debug, Clone)]
pub struct Signal {
    pub source: String,
    pub id: String,
    pub author: Option<String>,
    pub followers: u64,
    pub created_at: DateTime<Utc>,
    pub observed_at: DateTime<Utc>,
    pub lang: String,
    pub complaint: bool,
    pub complaint_score: f32,
    pub sentiment: f32,
    pub category: Option<Category>,
    pub terms: Vec<String>,
    pub engagement: u64,
    pub url: Option<String>,
    pub text: String,
    /// A later reading of a mention seen before.
    pub update: bool,
}

/// A post shown in an alert.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub source: String,
    pub id: String,
    pub author: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub lang: String,
    pub followers: u64,
    pub engagement: u64,
}

/// A decision to tell people: an incident opened, grew, or died down.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub incident: String,
    /// What the incident groups: a category, or `post:<source>:<id>` for one viral post.
    pub group: String,
    pub kind: AlertKind,
    /// Stream time of the decision.
    pub at: DateTime<Utc>,
    pub severity: Severity,
    pub category: Option<Category>,
    /// One line for a notification: what is happening.
    pub headline: String,
    /// Why, as a person reads it; the first reason is the main one.
    pub reasons: Vec<String>,
    /// Up to three posts, most seen first.
    pub samples: Vec<Sample>,
    /// `(source, id)` of every mention in the incident so far, oldest first.
    pub mentions: Vec<(String, String)>,
    pub opened_at: DateTime<Utc>,
}

impl Alert {
    /// The contract's `summary`: the headline and the reasons in one line.
    pub fn summary(&self) -> String {
        let mut s = self.headline.clone();
        if !self.reasons.is_empty() {
            s.push_str(" — ");
            s.push_str(&self.reasons.join("; "));
        }
        s
    }

    /// A stable key: one alert per incident, kind and severity.
    pub fn key(&self) -> String {
        format!("{}:{}:{}", self.incident, self.kind.as_str(), self.severity.as_str())
    }
}

/// An incident the detector tracks, enough to restore it after a restart.
#[derive(Debug, Clone)]
pub struct OpenIncident {
    pub id: String,
    pub group: String,
    pub severity: Severity,
    pub opened_at: DateTime<Utc>,
    pub last_complaint_at: DateTime<Utc>,
    pub mentions: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
struct Entry {
    at: DateTime<Utc>,
    signal: Signal,
}

#[derive(Debug, Default)]
struct Group {
    window: VecDeque<Entry>,
    incident: Option<String>,
}

#[derive(Debug, Clone)]
struct Incident {
    id: String,
    group: String,
    category: Option<Category>,
    severity: Severity,
    opened_at: DateTime<Utc>,
    last_complaint_at: DateTime<Utc>,
    members: Vec<Signal>,
    single_post: bool,
}

/// Hour buckets of complaint counts over the last week: the brand's usual rate.
#[derive(Debug, Default)]
struct Baseline {
    hours: BTreeMap<i64, u32>,
}

impl Baseline {
    fn add(&mut self, at: DateTime<Utc>) {
        let hour = at.timestamp().div_euclid(3600);
        *self.hours.entry(hour).or_default() += 1;
        let oldest = hour - 7 * 24;
        while let Some((&h, _)) = self.hours.first_key_value() {
            if h >= oldest {
                break;
            }
            self.hours.pop_first();
        }
    }

    /// Complaints per hour over the hours seen (at least one).
    fn per_hour(&self) -> f64 {
        let (Some((first, _)), Some((last, _))) = (self.hours.first_key_value(), self.hours.last_key_value()) else {
            return 0.0;
        };
        let span = (last - first + 1).max(1) as f64;
        self.hours.values().map(|&n| n as f64).sum::<f64>() / span
    }
}

/// Decides when complaints have become an incident. Feed it signals in stream order.
#[derive(Debug)]
pub struct Detector {
    config: SpreadConfig,
    groups: HashMap<String, Group>,
    incidents: BTreeMap<String, Incident>,
    /// Latest engagement per mention in the window, to see a single post explode.
    engagement: HashMap<(String, String), (u64, Signal)>,
    baseline: Baseline,
}

impl Detector {
    pub fn new(config: &SpreadConfig) -> Detector {
        Detector {
            config: config.clone(),
            groups: HashMap::new(),
            incidents: BTreeMap::new(),
            engagement: HashMap::new(),
            baseline: Baseline::default(),
        }
    }

    /// Restores an incident that was open when the service stopped.
    pub fn restore(&mut self, open: OpenIncident, members: Vec<Signal>) {
        let category = Category::parse(&open.group);
        self.groups.entry(open.group.clone()).or_default().incident = Some(open.id.clone());
        self.incidents.insert(
            open.id.clone(),
            Incident {
                id: open.id,
                single_post: open.group.starts_with("post:"),
                group: open.group,
                category,
                severity: open.severity,
                opened_at: open.opened_at,
                last_complaint_at: open.last_complaint_at,
                members,
            },
        );
    }

    /// Adds a signal to the windows without deciding anything: used to warm up after a
    /// restart from what the store holds.
    pub fn warm(&mut self, s: &Signal) {
        if s.complaint && !s.update {
            let at = s.created_at.min(s.observed_at);
            self.baseline.add(at);
            let group = group_of(s);
            self.groups.entry(group).or_default().window.push_back(Entry { at, signal: s.clone() });
        }
    }

    /// Takes one signal at stream time `now` and returns the alerts it causes.
    pub fn observe(&mut self, s: &Signal, now: DateTime<Utc>) -> Vec<Alert> {
        let mut alerts = self.tick(now);
        let key = (s.source.clone(), s.id.clone());
        if s.update {
            // Only complaints are tracked; an update of anything else finds nothing.
            alerts.extend(self.engagement_update(key, s, now));
            return alerts;
        }
        if !s.complaint {
            return alerts;
        }
        self.engagement.insert(key, (s.engagement, s.clone()));
        // A post is counted when it was written, but never in the future of the stream.
        let at = s.created_at.min(now);
        self.baseline.add(at);
        let group_key = group_of(s);
        let window = Duration::minutes(self.config.window_mins as i64);
        let group = self.groups.entry(group_key.clone()).or_default();
        group.window.push_back(Entry { at, signal: s.clone() });
        while group.window.front().is_some_and(|e| e.at < now - window) {
            group.window.pop_front();
        }
        match group.incident.clone() {
            Some(id) => {
                if let Some(inc) = self.incidents.get_mut(&id) {
                    inc.members.push(s.clone());
                    inc.last_complaint_at = now;
                    let severity = severity_for(distinct_authors(&inc.members), self.config.min_authors());
                    if severity > inc.severity {
                        inc.severity = severity;
                        let inc = inc.clone();
                        alerts.push(self.alert(&inc, AlertKind::Escalated, now));
                    }
                }
            }
            None => {
                let members: Vec<Signal> = group.window.iter().map(|e| e.signal.clone()).collect();
                let authors = distinct_authors(&members);
                if authors >= self.config.min_authors() {
                    let first = &members[0];
                    let id = incident_id(&group_key, first, now);
                    group.incident = Some(id.clone());
                    let inc = Incident {
                        id: id.clone(),
                        category: s.category,
                        group: group_key,
                        severity: severity_for(authors, self.config.min_authors()),
                        opened_at: now,
                        last_complaint_at: now,
                        members,
                        single_post: false,
                    };
                    alerts.push(self.alert(&inc, AlertKind::Opened, now));
                    self.incidents.insert(id, inc);
                }
            }
        }
        alerts
    }

    fn engagement_update(&mut self, key: (String, String), s: &Signal, now: DateTime<Utc>) -> Vec<Alert> {
        let Some((before, first)) = self.engagement.get(&key).cloned() else {
            return Vec::new();
        };
        let mut latest = first.clone();
        latest.engagement = s.engagement;
        self.engagement.insert(key.clone(), (s.engagement, latest.clone()));
        let threshold = self.config.viral_engagement();
        let group = format!("post:{}:{}", key.0, key.1);
        let existing = self.groups.get(&group).and_then(|g| g.incident.clone());
        if let Some(id) = existing {
            let Some(inc) = self.incidents.get_mut(&id) else { return Vec::new() };
            inc.members = vec![latest];
            inc.last_complaint_at = now;
            let severity = viral_severity(s.engagement, threshold);
            if severity > inc.severity {
                inc.severity = severity;
                let inc = inc.clone();
                return vec![self.alert(&inc, AlertKind::Escalated, now)];
            }
            return Vec::new();
        }
        if s.engagement < threshold || before >= threshold {
            return Vec::new();
        }
        let id = incident_id(&group, &first, now);
        let inc = Incident {
            id: id.clone(),
            group: group.clone(),
            category: first.category,
            severity: viral_severity(s.engagement, threshold),
            opened_at: now,
            last_complaint_at: now,
            members: vec![latest],
            single_post: true,
        };
        self.groups.entry(group).or_default().incident = Some(id.clone());
        let alert = self.alert(&inc, AlertKind::Opened, now);
        self.incidents.insert(id, inc);
        vec![alert]
    }

    /// Resolves incidents that have been quiet, and forgets what has left every window.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Alert> {
        let quiet = Duration::minutes(self.config.quiet_mins as i64);
        let done: Vec<String> =
            self.incidents.values().filter(|i| now - i.last_complaint_at >= quiet).map(|i| i.id.clone()).collect();
        let mut alerts = Vec::new();
        for id in done {
            if let Some(inc) = self.incidents.remove(&id) {
                if let Some(g) = self.groups.get_mut(&inc.group) {
                    g.incident = None;
                }
                alerts.push(self.alert(&inc, AlertKind::Resolved, now));
            }
        }
        let horizon = now - Duration::minutes(self.config.window_mins.max(self.config.quiet_mins) as i64 * 2);
        self.groups.retain(|_, g| {
            while g.window.front().is_some_and(|e| e.at < horizon) {
                g.window.pop_front();
            }
            g.incident.is_some() || !g.window.is_empty()
        });
        let engagement_horizon = now - Duration::hours(48);
        self.engagement.retain(|_, (_, s)| s.created_at >= engagement_horizon);
        alerts
    }

    /// Incidents currently open.
    pub fn open_incidents(&self) -> usize {
        self.incidents.len()
    }

    fn alert(&self, inc: &Incident, kind: AlertKind, now: DateTime<Utc>) -> Alert {
        let members = &inc.members;
        let authors = distinct_authors(members);
        let sources: BTreeSet<&str> = members.iter().map(|m| m.source.as_str()).collect();
        let langs: BTreeSet<&str> = members.iter().map(|m| m.lang.as_str()).collect();
        let reach: u64 = {
            let mut by_author: HashMap<String, u64> = HashMap::new();
            for m in members {
                by_author.insert(author_key(m), m.followers);
            }
            by_author.values().sum()
        };
        let span_mins = members
            .iter()
            .map(|m| m.created_at)
            .min()
            .map(|first| ((now - first).num_minutes().max(1)) as u64)
            .unwrap_or(1);
        let what = inc.category.map(|c| c.label().to_string()).unwrap_or_else(|| "complaints".into());
        let headline = match (kind, inc.single_post) {
            (AlertKind::Resolved, _) => format!("Resolved: {what} incident has been quiet"),
            (_, true) => format!("A complaint is going viral ({what})"),
            (AlertKind::Opened, false) => format!("Complaint spreading: {what}"),
            (AlertKind::Escalated, false) => format!("Complaint still spreading: {what} (now {})", inc.severity),
        };
        let mut reasons = Vec::new();
        if inc.single_post {
            let m = &members[0];
            reasons.push(format!(
                "one post now has {} likes, reposts and replies, from an author with {} followers",
                group_digits(m.engagement),
                group_digits(m.followers)
            ));
        } else {
            let usual = self.baseline.per_hour();
            reasons.push(format!(
                "{} complaints from {} {} in {} (usual: {})",
                members.len(),
                authors,
                if authors == 1 { "person" } else { "people" },
                minutes(span_mins),
                usual_rate(usual)
            ));
        }
        if sources.len() > 1 {
            reasons.push(format!("{} sources ({})", sources.len(), sources.into_iter().collect::<Vec<_>>().join(", ")));
        }
        if langs.len() > 1 {
            reasons.push(format!("{} languages ({})", langs.len(), langs.into_iter().collect::<Vec<_>>().join(", ")));
        }
        if let Some(c) = inc.category {
            reasons.push(format!("category {}", c.as_str()));
        }
        let terms = top_terms(members, 3);
        if !terms.is_empty() {
            reasons.push(format!("top terms: {}", terms.join(", ")));
        }
        if reach > 0 && !inc.single_post {
            reasons.push(format!("reach {} followers", group_digits(reach)));
        }
        Alert {
            incident: inc.id.clone(),
            group: inc.group.clone(),
            kind,
            at: now,
            severity: inc.severity,
            category: inc.category,
            headline,
            reasons,
            samples: samples(members, 3),
            mentions: members.iter().map(|m| (m.source.clone(), m.id.clone())).collect(),
            opened_at: inc.opened_at,
        }
    }
}

fn group_of(s: &Signal) -> String {
    s.category.map(|c| c.as_str().to_string()).unwrap_or_else(|| "general".into())
}

fn author_key(s: &Signal) -> String {
    match &s.author {
        Some(a) => format!("{}:{}", s.source, a.to_lowercase()),
        None => format!("{}#{}", s.source, s.id),
    }
}

fn distinct_authors(members: &[Signal]) -> usize {
    members.iter().map(author_key).collect::<BTreeSet<_>>().len()
}

/// Low at the opening threshold, then doubling for each level.
fn severity_for(authors: usize, min_authors: usize) -> Severity {
    if authors >= min_authors * 8 {
        Severity::Critical
    } else if authors >= min_authors * 4 {
        Severity::High
    } else if authors >= min_authors * 2 {
        Severity::Medium
    } else {
        Severity::Low
    }
}

fn viral_severity(engagement: u64, threshold: u64) -> Severity {
    if engagement >= threshold * 10 {
        Severity::Critical
    } else if engagement >= threshold * 3 {
        Severity::High
    } else {
        Severity::Medium
    }
}

fn incident_id(group: &str, first: &Signal, now: DateTime<Utc>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in group.bytes().chain(first.source.bytes()).chain(first.id.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("inc-{}-{:06x}", now.format("%Y%m%d-%H%M"), h & 0xff_ffff)
}

fn top_terms(members: &[Signal], n: usize) -> Vec<String> {
    let mut counts: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for m in members {
        for t in &m.terms {
            counts.entry(t.as_str()).or_default().insert(author_key(m));
        }
    }
    let mut terms: Vec<(&str, usize)> =
        counts.into_iter().map(|(t, a)| (t, a.len())).filter(|(_, c)| *c >= 2).collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    terms.into_iter().take(n).map(|(t, _)| t.to_string()).collect()
}

fn samples(members: &[Signal], n: usize) -> Vec<Sample> {
    let mut by_reach: Vec<&Signal> = members.iter().collect();
    by_reach.sort_by(|a, b| {
        (b.engagement * 10 + b.followers).cmp(&(a.engagement * 10 + a.followers)).then(a.created_at.cmp(&b.created_at))
    });
    let mut seen = BTreeSet::new();
    by_reach
        .into_iter()
        .filter(|m| seen.insert(author_key(m)))
        .take(n)
        .map(|m| Sample {
            source: m.source.clone(),
            id: m.id.clone(),
            author: m.author.clone(),
            url: m.url.clone(),
            text: m.text.clone(),
            lang: m.lang.clone(),
            followers: m.followers,
            engagement: m.engagement,
        })
        .collect()
}

fn minutes(m: u64) -> String {
    if m < 120 { format!("{m} min") } else { format!("{:.1} h", m as f64 / 60.0) }
}

fn usual_rate(per_hour: f64) -> String {
    if per_hour >= 1.0 {
        format!("{:.0} an hour", per_hour)
    } else if per_hour * 24.0 >= 1.0 {
        format!("{:.0} a day", per_hour * 24.0)
    } else {
        "less than 1 a day".into()
    }
}

/// 1234567 → "1,234,567".
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-02T08:00:00Z").unwrap().with_timezone(&Utc) + Duration::minutes(min)
    }

    fn complaint(id: &str, author: &str, min: i64) -> Signal {
        Signal {
            source: "mastodon".into(),
            id: id.into(),
            author: Some(author.into()),
            followers: 100,
            created_at: at(min),
            observed_at: at(min),
            lang: "en".into(),
            complaint: true,
            complaint_score: 0.9,
            sentiment: -0.5,
            category: Some(Category::Outage),
            terms: vec!["down".into(), "signal".into()],
            engagement: 0,
            url: None,
            text: format!("post {id}"),
            update: false,
        }
    }

    fn run(detector: &mut Detector, signals: &[Signal]) -> Vec<Alert> {
        signals.iter().flat_map(|s| detector.observe(s, s.observed_at)).collect()
    }

    #[test]
    fn distinct_people_open_then_escalate() {
        let mut d = Detector::new(&SpreadConfig::default());
        let signals: Vec<Signal> = (0..6).map(|i| complaint(&format!("m{i}"), &format!("u{i}"), i * 3)).collect();
        let alerts = run(&mut d, &signals);
        assert_eq!(alerts.len(), 2, "{alerts:#?}");
        assert_eq!((alerts[0].kind, alerts[0].severity), (AlertKind::Opened, Severity::Low));
        assert_eq!(alerts[0].at, at(6));
        assert_eq!(alerts[0].mentions.len(), 3);
        assert!(alerts[0].reasons[0].starts_with("3 complaints from 3 people in 6 min"), "{:?}", alerts[0].reasons);
        assert_eq!((alerts[1].kind, alerts[1].severity), (AlertKind::Escalated, Severity::Medium));
        assert_eq!(alerts[0].incident, alerts[1].incident);
    }

    #[test]
    fn one_ranter_never_opens_an_incident() {
        let mut d = Detector::new(&SpreadConfig::default());
        let signals: Vec<Signal> = (0..12).map(|i| complaint(&format!("m{i}"), "angry", i)).collect();
        assert!(run(&mut d, &signals).is_empty());
    }

    #[test]
    fn complaints_outside_the_window_do_not_add_up() {
        let mut d = Detector::new(&SpreadConfig::default());
        let signals: Vec<Signal> = (0..6).map(|i| complaint(&format!("m{i}"), &format!("u{i}"), i * 50)).collect();
        assert!(run(&mut d, &signals).is_empty());
    }

    #[test]
    fn quiet_incidents_resolve() {
        let mut d = Detector::new(&SpreadConfig::default());
        let signals: Vec<Signal> = (0..3).map(|i| complaint(&format!("m{i}"), &format!("u{i}"), i)).collect();
        assert_eq!(run(&mut d, &signals).len(), 1);
        assert!(d.tick(at(100)).is_empty());
        let resolved = d.tick(at(200));
        assert_eq!(resolved.len(), 1);
        assert_eq!(resolved[0].kind, AlertKind::Resolved);
        assert_eq!(d.open_incidents(), 0);
    }

    #[test]
    fn one_post_going_viral_is_an_incident() {
        let mut d = Detector::new(&SpreadConfig::default());
        let first = complaint("v", "kari", 0);
        assert!(d.observe(&first, at(0)).is_empty());
        let mut update = first.clone();
        update.update = true;
        update.engagement = 40;
        update.observed_at = at(20);
        assert!(d.observe(&update, at(20)).is_empty());
        update.engagement = 350;
        update.observed_at = at(40);
        let alerts = d.observe(&update, at(40));
        assert_eq!(alerts.len(), 1, "{alerts:#?}");
        assert_eq!(alerts[0].severity, Severity::Medium);
        assert!(alerts[0].headline.contains("going viral"));
        assert_eq!(alerts[0].mentions, vec![("mastodon".to_string(), "v".to_string())]);
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(group_digits(500000), "500,000");
    }
}
