//! The `spread` stage: complaints grouped into incidents, and the decision to alert.
//!
//! One complaint is a ticket; a complaint that spreads is an incident. The stage:
//!
//! - groups complaints into clusters by what they are about ([`detector`]): a reply or
//!   quote joins the thread it answers, a shared link joins the posts sharing it, a
//!   complaint with a category joins that category's cluster (across sources and
//!   languages: timing and category agree), one without joins the cluster it shares most
//!   stemmed content terms with;
//! - counts each cluster's *voices* in three sliding windows (the configured one, 6 h and
//!   24 h): distinct people, where one person ranting twelve times counts once and many
//!   accounts posting one long text word for word also count once;
//! - compares them with the brand's own usual rate for that hour of the week
//!   ([`baseline`]), as the tail of a Poisson distribution;
//! - opens an incident when enough people complain and that is unusual, escalates it
//!   once per severity as it keeps growing (voices, reach, engagement, sources,
//!   languages), and resolves it when it has been quiet; a single complaint whose
//!   engagement explodes, or one from an account with a very large audience, is an
//!   incident on its own;
//! - explains every alert as a person reads it ([`reasons`]).
//!
//! [`volume`] is the same idea on bare counts per time bin (`repwatch spikes`).
//!
//! Pure and synchronous: no IO, and the clock is passed in, so replays on a recorded
//! stream decide exactly as the live service would have. Memory is bounded by the
//! longest window and the open incidents, never by the length of the history.

pub mod baseline;
mod detector;
mod reasons;
pub mod text;
pub mod volume;

use std::fmt;

use chrono::{DateTime, Utc};
use compact_str::CompactString;
use serde::Deserialize;

use crate::score::Category;

pub use detector::Detector;

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

/// `[spread]` in `repwatch.toml`. Every threshold left out follows `sensitivity`; the
/// defaults are listed as (fewer, balanced, more).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpreadConfig {
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// The shortest sliding window complaints are counted in; 6 h and 24 h windows are
    /// also watched, for slow burns.
    #[serde(default = "default_window_mins")]
    pub window_mins: u32,
    /// Distinct people complaining within a window that open an incident: (5, 3, 2).
    pub min_authors: Option<u32>,
    /// How unusual that must be against the brand's own rate for the hour of the week,
    /// as −log10 of the chance to see it on an ordinary day: (4, 3, 2), that is 1 in
    /// 10,000, 1,000 or 100.
    pub min_surprise: Option<f64>,
    /// An incident with no new complaint (and no growing engagement) for this long is
    /// resolved.
    #[serde(default = "default_quiet_mins")]
    pub quiet_mins: u32,
    /// After an alert, an incident waits this long before it escalates one level again
    /// (a jump of two levels or more is told at once).
    #[serde(default = "default_cooldown_mins")]
    pub cooldown_mins: u32,
    /// Likes + reposts + replies on one complaint that make it an incident on its own:
    /// (400, 150, 60), or 1 % of its author's followers when that is more.
    pub viral_engagement: Option<u64>,
    /// Followers of the author that make one complaint an incident on its own:
    /// (250,000, 100,000, 50,000).
    pub reach_followers: Option<u64>,
}

fn default_window_mins() -> u32 {
    60
}

fn default_quiet_mins() -> u32 {
    180
}

fn default_cooldown_mins() -> u32 {
    15
}

impl Default for SpreadConfig {
    fn default() -> Self {
        SpreadConfig {
            sensitivity: Sensitivity::Balanced,
            window_mins: default_window_mins(),
            min_authors: None,
            min_surprise: None,
            quiet_mins: default_quiet_mins(),
            cooldown_mins: default_cooldown_mins(),
            viral_engagement: None,
            reach_followers: None,
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
        if let Some(s) = self.min_surprise
            && !(0.0..=50.0).contains(&s)
        {
            return Err(format!("min_surprise must be 0 … 50, found {s}"));
        }
        if self.quiet_mins == 0 {
            return Err("quiet_mins must be at least 1".into());
        }
        if self.viral_engagement == Some(0) {
            return Err("viral_engagement must be at least 1".into());
        }
        if self.reach_followers == Some(0) {
            return Err("reach_followers must be at least 1".into());
        }
        Ok(())
    }

    pub fn min_authors(&self) -> usize {
        self.min_authors.map(|n| n as usize).unwrap_or(match self.sensitivity {
            Sensitivity::Fewer => 5,
            Sensitivity::Balanced => 3,
            Sensitivity::More => 2,
        })
    }

    pub fn min_surprise(&self) -> f64 {
        self.min_surprise.unwrap_or(match self.sensitivity {
            Sensitivity::Fewer => 4.0,
            Sensitivity::Balanced => 3.0,
            Sensitivity::More => 2.0,
        })
    }

    pub fn viral_engagement(&self) -> u64 {
        self.viral_engagement.unwrap_or(match self.sensitivity {
            Sensitivity::Fewer => 400,
            Sensitivity::Balanced => 150,
            Sensitivity::More => 60,
        })
    }

    pub fn reach_followers(&self) -> u64 {
        self.reach_followers.unwrap_or(match self.sensitivity {
            Sensitivity::Fewer => 250_000,
            Sensitivity::Balanced => 100_000,
            Sensitivity::More => 50_000,
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
    pub lang: CompactString,
    pub complaint: bool,
    pub complaint_score: f32,
    pub sentiment: f32,
    pub category: Option<Category>,
    pub terms: Vec<CompactString>,
    pub engagement: u64,
    pub url: Option<String>,
    pub text: String,
    /// A later reading of a mention seen before.
    pub update: bool,
    /// `id` (same source) of the post this one answers or quotes.
    pub in_reply_to: Option<String>,
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
mod tests;
