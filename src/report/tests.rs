use chrono::TimeZone;

use super::*;
use crate::spread::Severity;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn row(id: &str, author: &str, t: DateTime<Utc>, polarity: Polarity, complaint: Option<Category>) -> ReportRow {
    ReportRow {
        source: if id.starts_with('r') { "reddit".into() } else { "mastodon".into() },
        id: id.into(),
        text: format!("post {id}"),
        url: Some(format!("https://example.org/{id}")),
        author: Some(author.into()),
        author_followers: Some(100),
        created_at: t,
        lang: "en".into(),
        polarity,
        sentiment: 0.0,
        complaint: complaint.is_some(),
        category: complaint,
        terms: Vec::new(),
        engagement: 0,
    }
}

fn inputs(rows: Vec<ReportRow>) -> Inputs {
    Inputs {
        brand: "FjordTel".into(),
        brand_terms: vec!["FjordTel".into(), "@fjordtel".into()],
        week: Some(Week::parse("2026-W47").unwrap()),
        timezone: Some(Tz::UTC),
        generated_at: Some(at(23, 9)),
        rows,
        before: vec![Vec::new(); 4],
        incidents: Vec::new(),
        incidents_before: vec![0; 4],
        failures: Vec::new(),
    }
}

#[test]
fn figures_compare_with_the_previous_week_and_the_four_week_average() {
    let mut i = inputs(vec![
        row("m1", "a", at(16, 10), Polarity::Negative, Some(Category::Outage)),
        row("m2", "b", at(16, 11), Polarity::Negative, Some(Category::Outage)),
        row("r3", "c", at(18, 12), Polarity::Positive, None),
        row("m4", "d", at(22, 23), Polarity::Neutral, None),
    ]);
    // Previous week: 2 mentions, one complaint; the week before it: 6 mentions.
    i.before[0] = vec![
        row("m5", "a", at(10, 10), Polarity::Negative, Some(Category::Billing)),
        row("m6", "b", at(11, 10), Polarity::Positive, None),
    ];
    i.before[1] = (0..6).map(|n| row(&format!("m{n}x"), "e", at(3, 10), Polarity::Positive, None)).collect();
    let r = compute(&i);
    assert_eq!(r.week, "2026-W47");
    assert_eq!(r.mentions, Compare { this: 4.0, previous: 2.0, avg4: 2.0 });
    assert_eq!(r.complaints, Compare { this: 2.0, previous: 1.0, avg4: 0.25 });
    assert_eq!(r.sentiment.negative_pct.this, 50.0);
    assert_eq!(r.sentiment.net.this, 25.0 - 50.0);
    assert_eq!(r.sentiment.net.previous, 0.0);
    // (0 + 100 + 0 + 0) / 4: weeks without data count as zero, and say so.
    assert_eq!(r.sentiment.net.avg4, 25.0);
    assert_eq!(r.weeks_with_data_before, 2);
    assert_eq!(r.by_day.len(), 7);
    assert_eq!((r.by_day[0].total, r.by_day[0].complaints, r.by_day[6].total), (2, 2, 1));
    assert_eq!(r.by_source[0].name, "mastodon");
    assert_eq!(r.by_source[0].value.this, 3.0);
    let outage = r.by_category.iter().find(|l| l.name == "outage").unwrap();
    assert_eq!(outage.value, Compare { this: 2.0, previous: 0.0, avg4: 0.0 });
    assert_eq!(r.trend.len(), 5);
    assert_eq!(r.trend.last().unwrap().mentions, 4);
    assert!(r.has_data);
}

#[test]
fn days_are_counted_in_the_report_time_zone() {
    let mut i =
        inputs(vec![row("m1", "a", Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).unwrap(), Polarity::Neutral, None)]);
    // 23:30 UTC on Sunday is already Monday in Oslo: not in this week there.
    i.timezone = Some(chrono_tz::Europe::Oslo);
    let r = compute(&i);
    assert_eq!(r.by_day.iter().map(|d| d.total).sum::<u64>(), 0);
    assert_eq!(r.period_start, "2026-11-16T00:00:00+01:00");
    i.timezone = Some(Tz::UTC);
    assert_eq!(compute(&i).by_day[6].total, 1);
}

#[test]
fn incident_times_are_medians_and_worsts_of_this_weeks_incidents() {
    let mut i = inputs(Vec::new());
    let incident =
        |id: &str, opened: DateTime<Utc>, alert: i64, ack: Option<i64>, resolve: Option<i64>| IncidentRecord {
            id: id.into(),
            group: "outage".into(),
            category: Some(Category::Outage),
            severity: Severity::High,
            peak_severity: Severity::High,
            status: if resolve.is_some() { IncidentStatus::Resolved } else { IncidentStatus::Open },
            opened_at: opened,
            last_complaint_at: opened,
            first_alert_at: Some(opened + Duration::minutes(alert)),
            first_delivered_at: Some(opened + Duration::minutes(alert)),
            acked_at: ack.map(|m| opened + Duration::minutes(m)),
            acked_by: ack.map(|_| "kari".into()),
            resolved_at: resolve.map(|m| opened + Duration::minutes(m)),
            resolved_by: None,
            headline: format!("incident {id}"),
            summary: String::new(),
            mentions: vec![("mastodon".into(), "m1".into())],
        };
    i.incidents = vec![
        incident("old", at(12, 10), 1, Some(30), None),
        incident("a", at(16, 10), 2, Some(10), Some(120)),
        incident("b", at(17, 10), 4, Some(50), Some(600)),
        incident("c", at(18, 10), 9, None, None),
    ];
    i.incidents_before = vec![1, 0, 0, 3];
    let r = compute(&i).incidents;
    assert_eq!(r.opened, Compare { this: 3.0, previous: 1.0, avg4: 1.0 });
    assert_eq!(r.still_open, 2);
    assert_eq!(r.time_to_first_alert, Timing { count: 3, median_mins: Some(4.0), worst_mins: Some(9.0) });
    assert_eq!(r.time_to_ack, Timing { count: 2, median_mins: Some(30.0), worst_mins: Some(50.0) });
    assert_eq!(r.time_to_resolve, Timing { count: 2, median_mins: Some(360.0), worst_mins: Some(600.0) });
    assert!(r.list[0].carried_over && !r.list[1].carried_over);
}

#[test]
fn themes_group_complaints_by_shared_words_as_people_wrote_them() {
    let mut rows = Vec::new();
    for (n, text) in [
        "FjordTel roaming charges in Sweden again",
        "@fjordtel charged for roaming, why",
        "FjordTel roaming bill is wrong",
        "FjordTel app crashes",
    ]
    .iter()
    .enumerate()
    {
        let mut r =
            row(&format!("m{n}"), &format!("p{n}"), at(17, 10 + n as u32), Polarity::Negative, Some(Category::Billing));
        r.text = text.to_string();
        r.terms = crate::normalize::tokenize(text)
            .iter()
            .filter(|t| t.is_wordlike())
            .map(|t| Stem::for_lang(Some(Lang::En)).stem(&t.norm))
            .collect();
        r.engagement = n as u64;
        rows.push(r);
    }
    let r = compute(&inputs(rows));
    assert_eq!(r.themes.len(), 1, "{:?}", r.themes);
    let t = &r.themes[0];
    assert_eq!(t.words[0], "roaming");
    assert_eq!((t.complaints, t.people), (3, 3));
    assert_eq!(t.examples[0].id, "m2", "the most engaged example first");
}

#[test]
fn an_empty_week_says_so_and_still_states_its_gaps() {
    let mut i = inputs(Vec::new());
    i.failures = vec![SourceFailure { source: "reddit".into(), at: at(18, 3), error: "http 503".into() }];
    let r = compute(&i);
    assert!(!r.has_data);
    let md = markdown(&r);
    assert!(md.contains("No mentions of FjordTel were recorded this week"));
    assert!(md.contains("the silence may be a gap in the data"));
    assert!(md.contains("**reddit**: 1 failure"));
    assert!(summary(&r).contains("Sources failed: reddit"));
    let page = html(&r);
    assert!(page.contains("No mentions of FjordTel were recorded this week"));
}

#[test]
fn post_text_cannot_inject_markup_or_links() {
    let mut r = row("m1", "<b>x</b>", at(17, 10), Polarity::Positive, None);
    r.text = "<script>alert(1)</script> [click](https://evil.example) @everyone".into();
    r.engagement = 3;
    r.url = Some("javascript:alert(1)".into());
    let rep = compute(&inputs(vec![r]));
    let page = html(&rep);
    assert!(!page.contains("<script>") && page.contains("&lt;script&gt;"));
    assert!(!page.contains("javascript:"));
    assert!(!page.contains("<b>x</b>"));
    let md = markdown(&rep);
    assert!(md.contains("\\[click\\]\\(https://evil.example\\)"));
    assert!(!md.contains("@everyone"));
}

#[test]
fn people_formats() {
    use super::markdown::{change, duration, num, points};
    assert_eq!(num(1234.0), "1,234");
    assert_eq!(num(-3.25), "−3.2");
    assert_eq!(change(12.0, 10.0), "+20%");
    assert_eq!(change(5.0, 0.0), "new");
    assert_eq!(change(0.0, 0.0), "no change");
    assert_eq!(points(20.0, 22.5), "−2.5 pts");
    assert_eq!(duration(Some(42.0)), "42 min");
    assert_eq!(duration(Some(190.0)), "3 h 10 min");
    assert_eq!(duration(Some(3000.0)), "2 d 2 h");
    assert_eq!(duration(None), "—");
}

#[test]
fn markdown_snapshot() {
    let scorer = crate::score::Scorer::new(
        crate::score::Rules::embedded(),
        crate::brand::BrandMatcher::new(&["FjordTel".to_string()], &[]),
        vec![Lang::En],
    );
    let mut rows = Vec::new();
    let texts = [
        ("FjordTel roaming charges in Sweden again, I want my money back", Some(Category::Billing), Polarity::Negative),
        ("@fjordtel charged me roaming twice this month", Some(Category::Billing), Polarity::Negative),
        ("FjordTel network down in Bergen since 8", Some(Category::Outage), Polarity::Negative),
        ("Thanks FjordTel, the technician was great", None, Polarity::Positive),
        ("Does FjordTel have eSIM?", None, Polarity::Neutral),
    ];
    for n in 0..30u32 {
        let (text, category, polarity) = texts[n as usize % texts.len()];
        let mut r = row(&format!("m{n}"), &format!("p{}", n % 9), at(16 + n % 7, 8 + n % 10), polarity, category);
        r.text = text.to_string();
        r.terms = scorer.score(text, Some("en")).terms.into_iter().map(String::from).collect();
        r.engagement = (n * 7) as u64 % 40;
        rows.push(r);
    }
    let mut i = inputs(rows);
    i.before[0] =
        (0..10).map(|n| row(&format!("b{n}"), "q", at(10, 10), Polarity::Negative, Some(Category::Outage))).collect();
    i.incidents_before = vec![1, 0, 2, 0];
    i.failures = vec![
        SourceFailure { source: "reddit".into(), at: at(18, 3), error: "http 503 from oauth.reddit.com".into() },
        SourceFailure { source: "reddit".into(), at: at(18, 4), error: "http 503 from oauth.reddit.com".into() },
    ];
    i.incidents = vec![IncidentRecord {
        id: "inc-20261117-0900-abc123".into(),
        group: "billing".into(),
        category: Some(Category::Billing),
        severity: Severity::Medium,
        peak_severity: Severity::High,
        status: IncidentStatus::Resolved,
        opened_at: at(17, 9),
        last_complaint_at: at(17, 12),
        first_alert_at: Some(at(17, 9)),
        first_delivered_at: Some(at(17, 9) + Duration::seconds(40)),
        acked_at: Some(at(17, 9) + Duration::minutes(25)),
        acked_by: Some("kari".into()),
        resolved_at: Some(at(17, 15)),
        resolved_by: Some("kari".into()),
        headline: "Complaint spreading: billing".into(),
        summary: String::new(),
        mentions: vec![("mastodon".into(), "m0".into()), ("mastodon".into(), "m1".into())],
    }];
    i.timezone = Some(chrono_tz::Europe::Oslo);
    let r = compute(&i);
    insta::assert_snapshot!("weekly_report_markdown", markdown(&r));
    insta::assert_snapshot!("weekly_report_summary", summary(&r));
}
