//! What an alert says, as a person reads it: a headline, the reasons (the main one
//! first), sample posts with links, and the mentions of the incident.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::detector::{Incident, Trigger, author_key};
use super::{Alert, AlertKind, Sample, Signal, group_digits};
use crate::score::Category;

/// An incident as the alert text needs it.
pub(super) struct IncidentView<'a> {
    pub incident: &'a Incident,
    pub group: &'a str,
    pub category: Option<Category>,
    pub single: bool,
    /// The group's usual complaints per hour around now.
    pub usual_per_hour: f64,
    /// A member's latest engagement reading.
    pub latest: Latest<'a>,
}

/// The latest engagement of a post, and how fast it grew between the last two readings.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    pub engagement: u64,
    pub per_hour: f64,
}

pub(super) type Latest<'a> = &'a dyn Fn(&Signal) -> Option<Reading>;

pub(super) fn alert(v: &IncidentView, kind: AlertKind, now: DateTime<Utc>) -> Alert {
    let inc = v.incident;
    let members = &inc.members;
    let terms = top_terms(members, 3);
    let what = match v.category {
        Some(c) => c.label().to_string(),
        None if !terms.is_empty() => terms.join(", "),
        None => "complaints".to_string(),
    };
    let first = members.first();
    let headline = match (kind, v.single, inc.trigger) {
        (AlertKind::Resolved, _, _) => format!("Resolved: {what} incident has been quiet"),
        (_, true, Trigger::Reach) if v.category.is_none() => {
            format!("A complaint from an account with {} followers", group_digits(first.map_or(0, |s| s.followers)))
        }
        (_, true, Trigger::Reach) => format!(
            "A complaint from an account with {} followers ({what})",
            group_digits(first.map_or(0, |s| s.followers))
        ),
        (_, true, _) if v.category.is_none() => "A complaint is going viral".to_string(),
        (_, true, _) => format!("A complaint is going viral ({what})"),
        (AlertKind::Opened, false, _) => format!("Complaint spreading: {what}"),
        (AlertKind::Escalated, false, _) => format!("Complaint still spreading: {what} (now {})", inc.severity),
    };
    let mut reasons = Vec::new();
    let voices = inc.voices();
    let posts = inc.posts();
    if v.single {
        let s = first.map(|s| s.as_ref());
        let followers = s.map_or(0, |s| s.followers);
        let r = s.and_then(|s| (v.latest)(s)).unwrap_or(Reading { engagement: 0, per_hour: 0.0 });
        let (engagement, velocity) = (r.engagement, r.per_hour);
        match inc.trigger {
            Trigger::Reach if engagement == 0 => {
                reasons.push(format!("one complaint from an author with {} followers", group_digits(followers)))
            }
            _ => reasons.push(format!(
                "one post now has {} likes, reposts and replies{}, from an author with {} followers",
                group_digits(engagement),
                pace(velocity),
                group_digits(followers)
            )),
        }
        if posts > 1 {
            reasons.push(format!("{} more {} joined its thread", posts - 1, plural(posts - 1, "post", "posts")));
        }
    } else {
        let span = members.iter().map(|m| m.created_at).min().map_or(1, |t| (now - t).num_minutes().max(1));
        reasons.push(format!(
            "{} {} from {} {} in {} (usual: {})",
            group_digits(posts as u64),
            plural(posts, "complaint", "complaints"),
            group_digits(voices as u64),
            plural(voices, "person", "people"),
            minutes(span),
            usual_rate(v.usual_per_hour)
        ));
        if let (AlertKind::Opened, Trigger::Spread { mins, surprise, expected }) = (kind, inc.trigger) {
            reasons.push(format!(
                "{} usual for {}: about 1 in {} (expected {:.1} in {})",
                if mins > 60 { "slow burn, not" } else { "not" },
                if mins > 60 { "that stretch" } else { "this hour of the week" },
                odds(surprise),
                expected,
                minutes(mins)
            ));
        }
    }
    let (copied_posts, copied_texts) = inc.copied();
    if copied_texts > 0 {
        reasons.push(format!(
            "{} posts repeat {} {} word for word: each text counted as one person (possible coordinated posting)",
            copied_posts,
            copied_texts,
            plural(copied_texts, "text", "texts")
        ));
    }
    let sources: BTreeSet<&str> = members.iter().map(|m| m.source.as_str()).collect();
    if sources.len() > 1 {
        reasons.push(format!("{} sources ({})", sources.len(), sources.into_iter().collect::<Vec<_>>().join(", ")));
    }
    let langs: BTreeSet<&str> = members.iter().map(|m| m.lang.as_str()).filter(|l| !l.is_empty()).collect();
    if langs.len() > 1 {
        reasons.push(format!("{} languages ({})", langs.len(), langs.into_iter().collect::<Vec<_>>().join(", ")));
    }
    if let Some(c) = v.category {
        reasons.push(format!("category {}", c.as_str()));
    }
    if !terms.is_empty() {
        reasons.push(format!("top terms: {}", terms.join(", ")));
    }
    if !v.single {
        if inc.reach > 0 {
            reasons.push(format!("reach {} followers", group_digits(inc.reach)));
        }
        let engagement = inc.engagement();
        if engagement > 0 {
            reasons.push(format!(
                "engagement {} likes, reposts and replies{}{}",
                group_digits(engagement),
                pace(inc.eng_velocity),
                if inc.eng_accelerating { ", accelerating" } else { "" }
            ));
        }
    }
    if inc.more > 0 {
        reasons.push(format!("{} more posts not listed", group_digits(inc.more as u64)));
    }
    let mut ordered: Vec<&Signal> = members.iter().map(|m| m.as_ref()).collect();
    ordered.sort_by_key(|m| m.created_at);
    Alert {
        incident: inc.id.clone(),
        group: v.group.to_string(),
        kind,
        at: now,
        severity: inc.severity,
        category: v.category,
        headline,
        reasons,
        samples: samples(members.iter().map(|m| m.as_ref()), v.latest, 3),
        mentions: ordered.iter().map(|m| (m.source.clone(), m.id.clone())).collect(),
        opened_at: inc.opened_at,
    }
}

/// Stemmed terms shared by at least two people, most shared first.
fn top_terms(members: &[std::sync::Arc<Signal>], n: usize) -> Vec<String> {
    let mut counts: HashMap<&str, BTreeSet<u64>> = HashMap::new();
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

/// The posts most seen (engagement, then audience), one per person.
fn samples<'a>(members: impl Iterator<Item = &'a Signal>, latest: Latest, n: usize) -> Vec<Sample> {
    let mut by_author: BTreeMap<u64, (u64, &Signal)> = BTreeMap::new();
    for m in members {
        let engagement = latest(m).map_or(m.engagement, |l| l.engagement);
        let weight = engagement.saturating_mul(10).saturating_add(m.followers);
        let slot = by_author.entry(author_key(m)).or_insert((weight, m));
        if weight > slot.0 {
            *slot = (weight, m);
        }
    }
    let mut ranked: Vec<(u64, &Signal)> = by_author.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.created_at.cmp(&b.1.created_at)));
    ranked
        .into_iter()
        .take(n)
        .map(|(_, m)| Sample {
            source: m.source.clone(),
            id: m.id.clone(),
            author: m.author.clone(),
            url: m.url.clone(),
            text: m.text.clone(),
            lang: m.lang.to_string(),
            followers: m.followers,
            engagement: latest(m).map_or(m.engagement, |l| l.engagement),
        })
        .collect()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// " (+300 an hour)" for an engagement velocity, or nothing.
fn pace(per_hour: f64) -> String {
    if per_hour >= 1.0 { format!(" (+{} an hour)", group_digits(per_hour.round() as u64)) } else { String::new() }
}

fn minutes(m: i64) -> String {
    if m < 120 {
        format!("{m} min")
    } else if m < 48 * 60 {
        format!("{:.1} h", m as f64 / 60.0)
    } else {
        format!("{:.1} days", m as f64 / (24.0 * 60.0))
    }
}

fn usual_rate(per_hour: f64) -> String {
    if per_hour >= 1.0 {
        format!("{:.0} an hour", per_hour)
    } else if per_hour * 24.0 >= 1.0 {
        format!("{:.0} a day", per_hour * 24.0)
    } else if per_hour * 24.0 * 7.0 >= 1.0 {
        format!("{:.0} a week", per_hour * 24.0 * 7.0)
    } else {
        "less than 1 a week".into()
    }
}

/// 3.2 → "1,000" (rounded down to a power of ten, capped for readability).
fn odds(surprise: f64) -> String {
    let p = surprise.floor().clamp(0.0, 9.0) as u32;
    let s = group_digits(10u64.pow(p));
    if surprise >= 10.0 { format!("more than {s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_naturally() {
        assert_eq!(usual_rate(3.4), "3 an hour");
        assert_eq!(usual_rate(0.1), "2 a day");
        assert_eq!(usual_rate(0.01), "2 a week");
        assert_eq!(usual_rate(0.0), "less than 1 a week");
        assert_eq!(minutes(30), "30 min");
        assert_eq!(minutes(180), "3.0 h");
        assert_eq!(minutes(4 * 24 * 60 + 360), "4.2 days");
        assert_eq!(odds(3.7), "1,000");
        assert_eq!(odds(42.0), "more than 1,000,000,000");
        assert_eq!(pace(0.2), "");
        assert_eq!(pace(912.4), " (+912 an hour)");
    }
}
