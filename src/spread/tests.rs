//! The detector's decisions on small, hand-made streams of signals.

use chrono::{DateTime, Duration, Utc};

use super::*;

fn at(min: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-02T08:00:00Z").unwrap().with_timezone(&Utc) + Duration::minutes(min)
}

pub(super) fn complaint(id: &str, author: &str, min: i64) -> Signal {
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
        url: Some(format!("https://example.social/p/{id}")),
        text: format!("post {id}"),
        update: false,
        in_reply_to: None,
    }
}

fn people(n: i64, every_mins: i64) -> Vec<Signal> {
    (0..n).map(|i| complaint(&format!("m{i}"), &format!("u{i}"), i * every_mins)).collect()
}

fn run(detector: &mut Detector, signals: &[Signal]) -> Vec<Alert> {
    signals.iter().flat_map(|s| detector.observe(s.clone(), s.observed_at)).collect()
}

fn kinds(alerts: &[Alert]) -> Vec<(AlertKind, Severity)> {
    alerts.iter().map(|a| (a.kind, a.severity)).collect()
}

#[test]
fn distinct_people_open_then_escalate_after_the_cooldown() {
    let mut d = Detector::new(&SpreadConfig::default());
    let alerts = run(&mut d, &people(6, 3));
    assert_eq!(kinds(&alerts), [(AlertKind::Opened, Severity::Low)], "{alerts:#?}");
    assert_eq!(alerts[0].at, at(6));
    assert_eq!(alerts[0].mentions.len(), 3);
    assert!(
        alerts[0].reasons[0].starts_with("3 complaints from 3 people in 6 min (usual: 2 a day)"),
        "{:?}",
        alerts[0].reasons
    );
    assert!(
        alerts[0].reasons[1].starts_with("not usual for this hour of the week: about 1 in 1,000"),
        "{:?}",
        alerts[0].reasons
    );
    // Six people is twice the opening bar: medium, told once the cool-down is over.
    let later = d.tick(at(21));
    assert_eq!(kinds(&later), [(AlertKind::Escalated, Severity::Medium)], "{later:#?}");
    assert_eq!(later[0].incident, alerts[0].incident);
    assert_eq!(later[0].mentions.len(), 6);
    assert!(d.tick(at(30)).is_empty(), "once per level");
}

#[test]
fn a_jump_of_two_levels_skips_the_cooldown() {
    let mut d = Detector::new(&SpreadConfig::default());
    let alerts = run(&mut d, &people(12, 1));
    assert_eq!(kinds(&alerts), [(AlertKind::Opened, Severity::Low), (AlertKind::Escalated, Severity::High)]);
    assert_eq!(alerts[1].at, at(11));
}

#[test]
fn one_ranter_never_opens_an_incident() {
    let mut d = Detector::new(&SpreadConfig::default());
    let signals: Vec<Signal> = (0..12).map(|i| complaint(&format!("m{i}"), "angry", i)).collect();
    assert!(run(&mut d, &signals).is_empty());
}

#[test]
fn complaints_spread_thinly_stay_below_the_short_window() {
    let mut d = Detector::new(&SpreadConfig::default());
    assert!(run(&mut d, &people(4, 50)).is_empty());
}

#[test]
fn quiet_incidents_resolve_and_start_afresh() {
    let mut d = Detector::new(&SpreadConfig::default());
    assert_eq!(run(&mut d, &people(3, 1)).len(), 1);
    assert!(d.tick(at(100)).is_empty());
    let resolved = d.tick(at(200));
    assert_eq!(kinds(&resolved), [(AlertKind::Resolved, Severity::Low)]);
    assert!(resolved[0].headline.starts_with("Resolved: outage"));
    assert_eq!(d.open_incidents(), 0);
    // What was resolved does not count towards the next incident.
    let one_more = complaint("n1", "someone", 205);
    assert!(d.observe(one_more, at(205)).is_empty());
}

#[test]
fn one_post_going_viral_is_an_incident() {
    let mut d = Detector::new(&SpreadConfig::default());
    let first = complaint("v", "kari", 0);
    assert!(d.observe(first.clone(), at(0)).is_empty());
    let mut update = first.clone();
    update.update = true;
    update.engagement = 40;
    update.observed_at = at(20);
    assert!(d.observe(update.clone(), at(20)).is_empty());
    update.engagement = 350;
    update.observed_at = at(40);
    let alerts = d.observe(update.clone(), at(40));
    assert_eq!(kinds(&alerts), [(AlertKind::Opened, Severity::Medium)], "{alerts:#?}");
    assert!(alerts[0].headline.contains("going viral"));
    assert_eq!(alerts[0].mentions, vec![("mastodon".to_string(), "v".to_string())]);
    assert!(alerts[0].reasons[0].contains("350 likes, reposts and replies (+930 an hour)"), "{:?}", alerts[0].reasons);
    assert_eq!(alerts[0].samples[0].engagement, 350);
    assert_eq!(alerts[0].samples[0].url.as_deref(), Some("https://example.social/p/v"));
    update.engagement = 1400;
    update.observed_at = at(60);
    let alerts = d.observe(update, at(60));
    assert_eq!(kinds(&alerts), [(AlertKind::Escalated, Severity::High)], "{alerts:#?}");
    // Growing engagement keeps it open; once it stops, it resolves.
    assert!(d.tick(at(200)).is_empty());
    assert_eq!(kinds(&d.tick(at(241))), [(AlertKind::Resolved, Severity::High)]);
}

#[test]
fn a_happy_post_going_viral_is_not_an_incident() {
    let mut d = Detector::new(&SpreadConfig::default());
    let mut happy = complaint("h", "fan", 0);
    happy.complaint = false;
    happy.sentiment = 0.8;
    happy.category = None;
    assert!(d.observe(happy.clone(), at(0)).is_empty());
    happy.update = true;
    happy.engagement = 50_000;
    happy.observed_at = at(30);
    assert!(d.observe(happy, at(30)).is_empty());
}

#[test]
fn a_complaint_from_a_very_large_audience_is_an_incident() {
    let mut d = Detector::new(&SpreadConfig::default());
    let mut big = complaint("b", "celebrity", 0);
    big.followers = 500_000;
    let alerts = d.observe(big.clone(), at(0));
    assert_eq!(kinds(&alerts), [(AlertKind::Opened, Severity::Medium)], "{alerts:#?}");
    assert_eq!(alerts[0].headline, "A complaint from an account with 500,000 followers (outage)");
    assert_eq!(alerts[0].reasons[0], "one complaint from an author with 500,000 followers");
    // The same account with an ordinary audience is a ticket.
    let mut d = Detector::new(&SpreadConfig::default());
    big.followers = 5_000;
    assert!(d.observe(big, at(0)).is_empty());
}

#[test]
fn many_accounts_posting_one_text_count_once() {
    let mut d = Detector::new(&SpreadConfig::default());
    let text = "FjordTel stole my money and will steal yours too, avoid them, share this everywhere";
    let bots: Vec<Signal> = (0..40)
        .map(|i| {
            let mut s = complaint(&format!("b{i}"), &format!("bot{i}"), i / 4);
            s.text = text.into();
            s.followers = 3;
            s.category = Some(Category::Fraud);
            s
        })
        .collect();
    assert!(run(&mut d, &bots).is_empty());
    // Real people joining in still open it (the copies count as one more person), and
    // the copies are named in the reasons.
    let people: Vec<Signal> = (0..3)
        .map(|i| {
            let mut s = complaint(&format!("p{i}"), &format!("person{i}"), 11 + i);
            s.category = Some(Category::Fraud);
            s
        })
        .collect();
    let alerts = run(&mut d, &people);
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    assert!(alerts[0].reasons[0].starts_with("42 complaints from 3 people"), "{:?}", alerts[0].reasons);
    assert!(alerts[0].reasons.iter().any(|r| r.starts_with("40 posts repeat 1 text word for word")));
}

#[test]
fn agreeing_replies_join_the_thread_they_answer() {
    let mut d = Detector::new(&SpreadConfig::default());
    let root = complaint("root", "kari", 0);
    let mut replies: Vec<Signal> = (0..2)
        .map(|i| {
            let mut s = complaint(&format!("r{i}"), &format!("neighbour{i}"), 2 + i);
            s.complaint = false;
            s.category = None;
            s.sentiment = 0.0;
            s.terms = vec!["same".into(), "here".into()];
            s.in_reply_to = Some("root".into());
            s
        })
        .collect();
    let mut praise = replies[0].clone();
    praise.id = "r9".into();
    praise.author = Some("fan".into());
    praise.sentiment = 0.7;
    replies.insert(0, praise);
    let mut signals = vec![root];
    signals.extend(replies);
    let alerts = run(&mut d, &signals);
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    let ids: Vec<&str> = alerts[0].mentions.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, ["root", "r0", "r1"], "a positive reply does not join");
}

#[test]
fn complaints_without_a_category_group_by_shared_terms_or_links() {
    let mut d = Detector::new(&SpreadConfig::default());
    let mut signals = Vec::new();
    for (i, terms) in [
        ["invoic", "pdf", "portal"],
        ["invoic", "pdf", "download"],
        ["weather", "rain", "cold"],
        ["pdf", "invoic", "blank"],
    ]
    .iter()
    .enumerate()
    {
        let mut s = complaint(&format!("t{i}"), &format!("u{i}"), i as i64);
        s.category = None;
        s.terms = terms.iter().map(|t| (*t).into()).collect();
        signals.push(s);
    }
    let alerts = run(&mut d, &signals);
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    let ids: Vec<&str> = alerts[0].mentions.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, ["t0", "t1", "t3"]);
    assert_eq!(alerts[0].headline, "Complaint spreading: invoic, pdf");

    let mut d = Detector::new(&SpreadConfig::default());
    let linked: Vec<Signal> = (0..3)
        .map(|i| {
            let mut s = complaint(&format!("l{i}"), &format!("u{i}"), i);
            s.category = if i == 0 { Some(Category::Billing) } else { None };
            s.terms = vec![format!("word{i}").into()];
            s.text = format!("look at this https://news.example/fjordtel-fees?utm_source={i}");
            s
        })
        .collect();
    let alerts = run(&mut d, &linked);
    assert_eq!(alerts.len(), 1, "a shared link groups posts with nothing else in common: {alerts:#?}");
    assert_eq!(alerts[0].mentions.len(), 3);
}

#[test]
fn one_outage_across_languages_and_sources_is_one_incident() {
    let mut d = Detector::new(&SpreadConfig::default());
    let signals: Vec<Signal> = [("no", "x"), ("el", "reddit"), ("sl", "bluesky"), ("en", "mastodon")]
        .iter()
        .enumerate()
        .map(|(i, (lang, source))| {
            let mut s = complaint(&format!("o{i}"), &format!("u{i}"), i as i64 * 2);
            s.lang = (*lang).into();
            s.source = source.to_string();
            s.terms = vec![format!("{lang}-word").into()];
            s
        })
        .collect();
    let alerts = run(&mut d, &signals);
    assert_eq!(alerts[0].kind, AlertKind::Opened);
    let reasons = alerts[0].reasons.join("; ");
    assert!(
        reasons.contains("3 sources (bluesky, reddit, x)") && reasons.contains("3 languages (el, no, sl)"),
        "{reasons}"
    );
    assert!(reasons.contains("category outage"), "{reasons}");
    let all: Vec<Alert> = alerts.into_iter().chain(d.tick(at(30))).collect();
    assert!(all.iter().all(|a| a.incident == all[0].incident), "{all:#?}");
}

#[test]
fn a_busy_brand_needs_more_than_its_usual_rate() {
    let mut d = Detector::new(&SpreadConfig::default());
    // Two weeks of about four billing complaints an hour from different people.
    let mut signals = Vec::new();
    for i in 0..(14 * 24 * 4) {
        let mut s = complaint(&format!("b{i}"), &format!("user{i}"), i * 15);
        s.category = Some(Category::Billing);
        signals.push(s);
    }
    let alerts = run(&mut d, &signals);
    let opened: Vec<String> = alerts
        .iter()
        .filter(|a| a.kind != AlertKind::Escalated)
        .map(|a| format!("{} {} {}", a.kind.as_str(), a.at, a.reasons.join("; ")))
        .collect();
    assert!(opened.len() <= 2, "only the cold start opens (and resolves) an incident: {opened:#?}");
    let quiet_from = at(14 * 24 * 60 + 240);
    for a in d.tick(quiet_from) {
        assert_eq!(a.kind, AlertKind::Resolved);
    }
    // Four more in an hour is usual; thirty in half an hour is not.
    let base = 14 * 24 * 60 + 300;
    let usual: Vec<Signal> = (0..4)
        .map(|i| {
            let mut s = complaint(&format!("u{i}"), &format!("usual{i}"), base + i * 15);
            s.category = Some(Category::Billing);
            s
        })
        .collect();
    assert!(run(&mut d, &usual).is_empty());
    let burst: Vec<Signal> = (0..30)
        .map(|i| {
            let mut s = complaint(&format!("x{i}"), &format!("burst{i}"), base + 60 + i);
            s.category = Some(Category::Billing);
            s
        })
        .collect();
    let alerts = run(&mut d, &burst);
    assert_eq!(alerts.first().map(|a| a.kind), Some(AlertKind::Opened), "{alerts:#?}");
    let first = &alerts[0].reasons[0];
    assert!(first.contains("(usual: 3 an hour)") || first.contains("(usual: 4 an hour)"), "{first}");
}

#[test]
fn bad_input_is_harmless() {
    let mut d = Detector::new(&SpreadConfig::default());
    // An update for a post never seen.
    let mut ghost = complaint("ghost", "nobody", 0);
    ghost.update = true;
    ghost.engagement = 1_000_000;
    assert!(d.observe(ghost, at(0)).is_empty());
    // The same post three times counts once.
    let dup = complaint("d", "dup", 1);
    for _ in 0..3 {
        assert!(d.observe(dup.clone(), at(1)).is_empty());
    }
    // A post from the far future is counted at the stream's now; posts out of order
    // still count in their windows.
    let mut future = complaint("f", "future", 0);
    future.created_at = at(60 * 24 * 365 * 50);
    assert!(d.observe(future, at(2)).is_empty());
    let late = complaint("late", "late", -5);
    let alerts = d.observe(late, at(3));
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    assert_eq!(alerts[0].mentions.len(), 3);
    // An engagement reading older than the last one is ignored.
    let mut old = dup.clone();
    old.update = true;
    old.engagement = 5;
    old.observed_at = at(0);
    assert!(d.observe(old, at(4)).is_empty());
}

#[test]
fn memory_is_bounded_by_the_window_not_the_history() {
    let mut d = Detector::new(&SpreadConfig::default());
    let mut peak_after_warmup = 0;
    for i in 0..60_000i64 {
        // Eighteen days of a complaint every 26 seconds, from rotating people and topics.
        let mut s = complaint(&format!("m{i}"), &format!("u{}", i % 5000), 0);
        s.created_at = at(0) + Duration::seconds(i * 26);
        s.observed_at = s.created_at;
        s.category = Some(Category::ALL[(i % 10) as usize]);
        s.terms = vec![format!("t{}", i % 97).into(), format!("t{}", i % 89).into()];
        let now = s.observed_at;
        d.observe(s, now);
        if i == 20_000 {
            peak_after_warmup = d.tracked();
        }
        if i > 20_000 {
            assert!(d.tracked() <= peak_after_warmup * 2, "{} > 2 × {}", d.tracked(), peak_after_warmup);
        }
    }
}

#[test]
fn an_incident_lasting_for_days_holds_only_its_last_two_days() {
    // Never quiet long enough to resolve: one incident for ten days, a complaint every
    // 30 s from ever new people.
    let config = SpreadConfig { quiet_mins: 100_000, ..SpreadConfig::default() };
    let mut d = Detector::new(&config);
    let mut after_three_days = 0;
    let mut opened = 0;
    let mut last_alert = None;
    for i in 0..28_800i64 {
        let mut s = complaint(&format!("m{i}"), &format!("u{i}"), 0);
        s.created_at = at(0) + Duration::seconds(i * 30);
        s.observed_at = s.created_at;
        let now = s.observed_at;
        for a in d.observe(s, now) {
            opened += usize::from(a.kind == AlertKind::Opened);
            last_alert = Some(a);
        }
        if i == 8_640 {
            after_three_days = d.tracked();
        }
        if i > 8_640 {
            assert!(d.tracked() <= after_three_days * 3 / 2, "{} > 1.5 × {}", d.tracked(), after_three_days);
        }
    }
    assert_eq!((opened, d.open_incidents()), (1, 1));
    let last = last_alert.expect("alerts");
    assert_eq!(last.kind, AlertKind::Escalated);
    // Counts keep what was forgotten: the people of all ten days, not of the last two.
    let alerts = d.tick(at(0) + Duration::days(10) + Duration::minutes(100_001));
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    assert!(alerts[0].reasons[0].starts_with("28,800 complaints from 28,800 people"), "{:?}", alerts[0].reasons);
}

#[test]
fn sarcasm_counts_towards_spread_once_some_posts_are_plain_complaints() {
    let mut d = Detector::new(&SpreadConfig::default());
    // "Great job, third outage this week": the scorer sees an outage, not a complaint.
    let sarcastic: Vec<Signal> = (0..5)
        .map(|i| {
            let mut s = complaint(&format!("s{i}"), &format!("wit{i}"), i);
            s.complaint = false;
            s.sentiment = 0.6;
            s
        })
        .collect();
    assert!(run(&mut d, &sarcastic).is_empty(), "possible complaints alone never open an incident");
    let plain: Vec<Signal> = (0..2).map(|i| complaint(&format!("p{i}"), &format!("plain{i}"), 6 + i)).collect();
    let alerts = run(&mut d, &plain);
    assert_eq!(kinds(&alerts), [(AlertKind::Opened, Severity::Medium)], "{alerts:#?}");
    assert!(alerts[0].reasons[0].starts_with("7 complaints from 7 people"), "{:?}", alerts[0].reasons);
}
