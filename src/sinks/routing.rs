//! When a sink sends: quiet hours, a per-sink rate limit and snoozed incidents hold
//! alerts back; what was held goes out as one digest message when the hold ends.
//! Critical alerts always go through. Pure: the clock and what was sent are passed in.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};

use crate::spread::{Alert, AlertKind, Severity};

/// `quiet_hours`, `timezone` and `max_per_hour` of one sink.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Routing {
    pub quiet: Option<QuietHours>,
    /// Messages per rolling hour; alerts beyond are held and sent as one digest.
    pub max_per_hour: Option<u32>,
}

/// A daily window (local time) in which only critical alerts are sent.
#[derive(Debug, Clone, PartialEq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub tz: chrono_tz::Tz,
}

impl Routing {
    /// Reads the keys; an error names the key and what is wrong.
    pub fn parse(
        quiet_hours: Option<&str>,
        timezone: Option<&str>,
        max_per_hour: Option<u32>,
    ) -> Result<Routing, (&'static str, String)> {
        let tz = match timezone {
            None => chrono_tz::UTC,
            Some(name) => name
                .parse::<chrono_tz::Tz>()
                .map_err(|_| ("timezone", format!("timezone {name:?} is not an IANA zone such as \"Europe/Oslo\"")))?,
        };
        if timezone.is_some() && quiet_hours.is_none() {
            return Err(("timezone", "timezone is only used with quiet_hours".into()));
        }
        let quiet = match quiet_hours {
            None => None,
            Some(spec) => {
                let bad =
                    || ("quiet_hours", format!("quiet_hours {spec:?} is not \"HH:MM-HH:MM\" (e.g. \"22:00-07:00\")"));
                let (a, b) = spec.split_once('-').ok_or_else(bad)?;
                let start = NaiveTime::parse_from_str(a.trim(), "%H:%M").map_err(|_| bad())?;
                let end = NaiveTime::parse_from_str(b.trim(), "%H:%M").map_err(|_| bad())?;
                if start == end {
                    return Err(("quiet_hours", format!("quiet_hours {spec:?} is empty (start equals end)")));
                }
                Some(QuietHours { start, end, tz })
            }
        };
        if max_per_hour == Some(0) {
            return Err(("max_per_hour", "max_per_hour must be at least 1".into()));
        }
        Ok(Routing { quiet, max_per_hour })
    }
}

impl QuietHours {
    /// When the quiet hours `now` falls in end; `None` when `now` is not quiet.
    pub fn end_if_quiet(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = now.with_timezone(&self.tz);
        let t = local.time();
        let quiet =
            if self.start < self.end { t >= self.start && t < self.end } else { t >= self.start || t < self.end };
        if !quiet {
            return None;
        }
        let day = if t < self.end { local.date_naive() } else { local.date_naive() + Duration::days(1) };
        let end = day.and_time(self.end);
        // A daylight-saving gap can swallow the end time: then it ends an hour later.
        let at = self
            .tz
            .from_local_datetime(&end)
            .earliest()
            .or_else(|| self.tz.from_local_datetime(&(end + Duration::hours(1))).earliest())?;
        Some(at.with_timezone(&Utc))
    }
}

/// Why an alert waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldReason {
    Snoozed,
    QuietHours,
    RateLimit,
}

impl HoldReason {
    pub fn as_str(self) -> &'static str {
        match self {
            HoldReason::Snoozed => "snoozed",
            HoldReason::QuietHours => "quiet_hours",
            HoldReason::RateLimit => "rate_limit",
        }
    }

    pub fn parse(s: &str) -> Option<HoldReason> {
        [HoldReason::Snoozed, HoldReason::QuietHours, HoldReason::RateLimit].into_iter().find(|r| r.as_str() == s)
    }
}

/// What to do with an alert that is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Send,
    Hold { until: DateTime<Utc>, reason: HoldReason },
}

/// Decides for one due alert. `sent` holds when this sink's messages of the last hour
/// were sent, oldest first (a digest counts once).
pub fn decide(
    routing: &Routing,
    now: DateTime<Utc>,
    severity: Severity,
    snoozed_until: Option<DateTime<Utc>>,
    sent: &[DateTime<Utc>],
) -> Decision {
    if severity == Severity::Critical {
        return Decision::Send;
    }
    if let Some(until) = snoozed_until.filter(|u| *u > now) {
        return Decision::Hold { until, reason: HoldReason::Snoozed };
    }
    if let Some(until) = routing.quiet.as_ref().and_then(|q| q.end_if_quiet(now)) {
        return Decision::Hold { until, reason: HoldReason::QuietHours };
    }
    if let Some(max) = routing.max_per_hour {
        let recent: Vec<&DateTime<Utc>> = sent.iter().filter(|t| **t > now - Duration::hours(1)).collect();
        if recent.len() >= max as usize {
            // A slot frees when the oldest message that fills the limit leaves the hour.
            let until = *recent[recent.len() - max as usize] + Duration::hours(1);
            return Decision::Hold { until: until.max(now + Duration::seconds(1)), reason: HoldReason::RateLimit };
        }
    }
    Decision::Send
}

/// Alerts held together and sent as one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    pub reason: HoldReason,
    /// Oldest first.
    pub alerts: Vec<Alert>,
}

/// The group of the alert a digest is shown as; payload builders leave out the
/// incident's buttons for it.
pub const DIGEST_GROUP: &str = "digest";

/// This alert stands for a digest, not an incident.
pub fn is_digest(alert: &Alert) -> bool {
    alert.group == DIGEST_GROUP
}

/// Lines listed in a digest at most; the rest are counted.
const DIGEST_LINES: usize = 25;

impl Digest {
    /// The digest as one alert: the headline says how many and why, each reason is one
    /// held alert, the samples are the first post of the first three.
    pub fn as_alert(&self) -> Alert {
        let n = self.alerts.len();
        let why = match self.reason {
            HoldReason::QuietHours => "held during quiet hours",
            HoldReason::RateLimit => "held by the rate limit",
            HoldReason::Snoozed => "held while snoozed",
        };
        let mut reasons: Vec<String> = self
            .alerts
            .iter()
            .take(DIGEST_LINES)
            .map(|a| format!("[{}] {} ({}, {})", a.severity, a.headline, a.kind.as_str(), a.incident))
            .collect();
        if n > DIGEST_LINES {
            reasons.push(format!("and {} more", n - DIGEST_LINES));
        }
        let mut mentions = Vec::new();
        for a in &self.alerts {
            for m in &a.mentions {
                if !mentions.contains(m) {
                    mentions.push(m.clone());
                }
            }
        }
        Alert {
            incident: format!("digest of {n}"),
            group: DIGEST_GROUP.into(),
            kind: AlertKind::Opened,
            at: self.alerts.iter().map(|a| a.at).max().unwrap_or_default(),
            severity: self.alerts.iter().map(|a| a.severity).max().unwrap_or(Severity::Low),
            category: None,
            headline: format!("Digest: {n} alert{} {why}", if n == 1 { "" } else { "s" }),
            reasons,
            samples: self.alerts.iter().filter_map(|a| a.samples.first().cloned()).take(3).collect(),
            mentions,
            opened_at: self.alerts.iter().map(|a| a.opened_at).min().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn quiet(spec: &str, tz: &str) -> Routing {
        Routing::parse(Some(spec), Some(tz), None).unwrap()
    }

    #[test]
    fn quiet_hours_across_midnight_in_local_time() {
        let r = quiet("22:00-07:00", "Europe/Oslo");
        let q = r.quiet.as_ref().unwrap();
        // 23:30 in Oslo (UTC+1 in November) is quiet until 07:00 local = 06:00 UTC.
        assert_eq!(q.end_if_quiet(t("2026-11-20T22:30:00Z")), Some(t("2026-11-21T06:00:00Z")));
        assert_eq!(q.end_if_quiet(t("2026-11-21T05:59:00Z")), Some(t("2026-11-21T06:00:00Z")));
        assert_eq!(q.end_if_quiet(t("2026-11-21T06:00:00Z")), None);
        assert_eq!(q.end_if_quiet(t("2026-11-20T12:00:00Z")), None);
        let day = quiet("12:00-13:00", "UTC");
        assert_eq!(day.quiet.unwrap().end_if_quiet(t("2026-11-20T12:10:00Z")), Some(t("2026-11-20T13:00:00Z")));
    }

    #[test]
    fn bad_keys_are_named() {
        assert_eq!(Routing::parse(Some("22-07"), None, None).unwrap_err().0, "quiet_hours");
        assert_eq!(Routing::parse(Some("22:00-07:00"), Some("Mars/Base"), None).unwrap_err().0, "timezone");
        assert_eq!(Routing::parse(None, None, Some(0)).unwrap_err().0, "max_per_hour");
        assert_eq!(Routing::parse(None, Some("UTC"), None).unwrap_err().0, "timezone");
    }

    #[test]
    fn critical_goes_through_everything() {
        let r = Routing { max_per_hour: Some(1), ..quiet("00:00-23:59", "UTC") };
        let now = t("2026-11-20T10:00:00Z");
        let sent = [now - Duration::minutes(5)];
        assert_eq!(decide(&r, now, Severity::Critical, Some(now + Duration::hours(1)), &sent), Decision::Send);
        assert!(matches!(
            decide(&r, now, Severity::High, None, &sent),
            Decision::Hold { reason: HoldReason::QuietHours, .. }
        ));
    }

    #[test]
    fn snooze_then_rate_limit() {
        let r = Routing { quiet: None, max_per_hour: Some(2) };
        let now = t("2026-11-20T10:00:00Z");
        let until = now + Duration::hours(1);
        assert_eq!(
            decide(&r, now, Severity::High, Some(until), &[]),
            Decision::Hold { until, reason: HoldReason::Snoozed }
        );
        let sent = [t("2026-11-20T08:00:00Z"), t("2026-11-20T09:10:00Z"), t("2026-11-20T09:40:00Z")];
        assert_eq!(
            decide(&r, now, Severity::Low, None, &sent),
            Decision::Hold { until: t("2026-11-20T10:10:00Z"), reason: HoldReason::RateLimit }
        );
        assert_eq!(decide(&r, now, Severity::Low, None, &sent[..2]), Decision::Send);
    }
}
