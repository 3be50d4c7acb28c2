//! The weekly report end to end: a recorded week replayed into a store with the real
//! binary, the report made from it, and its numbers checked against values computed here
//! from the stream and the scorer's own output; and the scheduled delivery, once per week
//! even across restarts.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::{Value, json};

fn repwatch(args: &[&str], dir: &std::path::Path, stdin: Option<&str>) -> (String, String, bool) {
    let out = common::run_bin(args, stdin, dir);
    (String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into(), out.status.success())
}

const TEXTS: &[(&str, &str)] = &[
    ("en", "FjordTel mobile data has been down all morning, nothing loads"),
    ("en", "Still waiting on my FjordTel refund after five weeks, no reply to emails"),
    ("en", "FjordTel charged me twice for November. Fix it and give me my money back"),
    ("en", "Thanks FjordTel, the new fibre is fast and the installer was lovely"),
    ("en", "Does FjordTel support eSIM on the Pixel 9?"),
    ("en", "FjordTel app keeps crashing when I try to pay my bill"),
    ("no", "FjordTel har vært nede hele dagen, ingen dekning i Bergen"),
    ("no", "Takk til FjordTel for rask hjelp i dag!"),
    ("sl", "FjordTel mi je že drugič zaračunal preveč, grozno"),
    ("el", "Το FjordTel δεν έχει σήμα από το πρωί"),
    ("ru", "FjordTel, верните деньги, списали дважды"),
    ("en", "The rain ruined our picnic, but FjordTel coverage held up at the lake"),
];

/// A week of mentions (and a few from the week before), deterministic.
fn recorded_week() -> Vec<Value> {
    let sources = ["reddit", "mastodon", "bluesky", "hackernews", "rss"];
    let monday = Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).unwrap();
    let mut lines = Vec::new();
    for n in 0..180u32 {
        // Spread over the week, some just before midnight UTC (next day in Oslo).
        let t = monday - Duration::hours(1) + Duration::minutes(n as i64 * 56 + (n % 7) as i64 * 3);
        let (lang, text) = TEXTS[(n as usize * 7) % TEXTS.len()];
        lines.push(json!({
            "source": sources[n as usize % sources.len()], "id": format!("w{n}"), "text": text,
            "created_at": t.to_rfc3339(), "lang": lang, "author": format!("person{}", n % 40),
            "author_followers": 50 + n * 3, "likes": n % 5, "url": format!("https://example.org/w{n}"),
        }));
    }
    // Engagement updates of posts already seen: counted once, with their latest counts.
    for n in [3u32, 10, 17] {
        let mut update = lines[n as usize].clone();
        update["likes"] = json!(500 + n);
        update["observed_at"] = json!((monday + Duration::days(5)).to_rfc3339());
        lines.push(update);
    }
    // The week before.
    for n in 0..12u32 {
        let (lang, text) = TEXTS[n as usize % TEXTS.len()];
        lines.push(json!({
            "source": "reddit", "id": format!("p{n}"), "text": text, "lang": lang,
            "created_at": (monday - Duration::days(3) + Duration::hours(n as i64)).to_rfc3339(),
            "author": format!("earlier{n}"),
        }));
    }
    lines
}

#[test]
fn the_report_of_a_replayed_week_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let lines = recorded_week();
    let stream: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    std::fs::write(dir.path().join("week.jsonl"), &stream).unwrap();
    std::fs::write(
        dir.path().join("repwatch.toml"),
        "[brand]\nname = \"FjordTel\"\n\n[store]\nurl = \"sqlite://r.db\"\n\n[report]\ntimezone = \"Europe/Oslo\"\nat = \"mon 09:00\"\n",
    )
    .unwrap();
    let (_, err, ok) =
        repwatch(&["replay", "--config", "repwatch.toml", "--store", "sqlite://r.db", "week.jsonl"], dir.path(), None);
    assert!(ok, "replay failed: {err}");
    let (json_out, err, ok) = repwatch(&["report", "--week", "2026-W47", "--format", "json"], dir.path(), None);
    assert!(ok, "report failed: {err}");
    let report: Value = serde_json::from_str(&json_out).unwrap();

    // What the scorer decided for each line, from `repwatch score` on the same stream.
    let (scored, _, ok) = repwatch(&["score"], dir.path(), Some(&stream));
    assert!(ok);
    let scores: Vec<Value> = scored.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(scores.len(), lines.len());

    // Independently: first sighting of each (source, id), created in the week in Oslo.
    let tz = chrono_tz::Europe::Oslo;
    let mut seen = BTreeSet::new();
    let (mut total, mut negative, mut complaints, mut previous) = (0u64, 0u64, 0u64, 0u64);
    let mut by_day: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_source: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_lang: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    for (line, score) in lines.iter().zip(&scores) {
        if !seen.insert((line["source"].to_string(), line["id"].to_string())) {
            continue;
        }
        let created: DateTime<Utc> = line["created_at"].as_str().unwrap().parse().unwrap();
        let local = created.with_timezone(&tz).date_naive();
        let week = local.format("%G-W%V").to_string();
        if week == "2026-W46" {
            previous += 1;
        }
        if week != "2026-W47" {
            continue;
        }
        total += 1;
        *by_day.entry(local.to_string()).or_default() += 1;
        *by_source.entry(line["source"].as_str().unwrap().into()).or_default() += 1;
        *by_lang.entry(score["lang"].as_str().unwrap().into()).or_default() += 1;
        negative += (score["polarity"] == "negative") as u64;
        if score["complaint"] == true {
            complaints += 1;
            let c = score["category"].as_str().unwrap_or("other");
            *by_category.entry(c.into()).or_default() += 1;
        }
    }
    assert!(total > 150 && complaints > 10, "the recorded week is meant to be busy: {total} / {complaints}");

    assert_eq!(report["week"], "2026-W47");
    assert_eq!(report["timezone"], "Europe/Oslo");
    assert_eq!(report["period_start"], "2026-11-16T00:00:00+01:00");
    assert_eq!(report["mentions"]["this"], total as f64);
    assert_eq!(report["mentions"]["previous"], previous as f64);
    assert_eq!(report["mentions"]["avg4"], previous as f64 / 4.0);
    assert_eq!(report["complaints"]["this"], complaints as f64);
    let pct = report["sentiment"]["negative_pct"]["this"].as_f64().unwrap();
    assert!((pct - 100.0 * negative as f64 / total as f64).abs() < 1e-9);
    let days: BTreeMap<String, u64> = report["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["date"].as_str().unwrap().to_string(), d["total"].as_u64().unwrap()))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(days, by_day);
    let lines_of = |key: &str| -> BTreeMap<String, u64> {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["this"].as_f64().unwrap() > 0.0)
            .map(|l| (l["name"].as_str().unwrap().to_string(), l["this"].as_f64().unwrap() as u64))
            .collect()
    };
    assert_eq!(lines_of("by_source"), by_source);
    assert_eq!(lines_of("by_language"), by_lang);
    assert_eq!(lines_of("by_category"), by_category);
    assert_eq!(report["gaps"], json!([]));

    // The same report in Markdown and HTML.
    let (md, _, ok) = repwatch(&["report", "--week", "2026-W47"], dir.path(), None);
    assert!(ok);
    assert!(md.starts_with("# FjordTel — reputation report, week 47 (16–22 November 2026)"), "{md}");
    assert!(md.contains(&format!("| Mentions | **{total}** |")));
    let (_, err, ok) =
        repwatch(&["report", "--week", "2026-W47", "--format", "html", "--out", "r.html"], dir.path(), None);
    assert!(ok, "{err}");
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("</html>"));
    assert!(!html.contains("<script") && !html.contains("src=\"http"), "the page fetches nothing");

    // A week with no data says so; a store that does not exist is an error naming it.
    let (md, _, ok) = repwatch(&["report", "--week", "2026-W30"], dir.path(), None);
    assert!(ok && md.contains("No mentions of FjordTel were recorded this week"));
    let (_, err, ok) = repwatch(&["report", "--store", "sqlite://missing.db"], dir.path(), None);
    assert!(!ok && err.contains("sqlite://missing.db does not exist"), "{err}");
    let (_, err, ok) = repwatch(&["report", "--week", "2026-W99"], dir.path(), None);
    assert!(!ok && err.contains("2026 has no week 99"), "{err}");
}

#[tokio::test]
async fn the_report_goes_out_on_schedule_once_per_week_across_restarts() {
    let receiver = common::Receiver::start(Vec::new()).await;
    let dir = tempfile::tempdir().unwrap();
    let toml = format!(
        "{}[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\n\n\
         [[sinks]]\ntype = \"webhook\"\nname = \"weekly\"\nurl = \"{}\"\nsecret_env = \"REPWATCH_TEST_SECRET\"\n\n\
         [report]\nat = \"mon 00:00\"\ntimezone = \"UTC\"\nsinks = [\"weekly\"]\n",
        common::SERVER,
        receiver.url()
    );
    // The service has been reporting for a while, so last week's report is due now.
    let store =
        repwatch::store::Store::open(&format!("sqlite://{}", dir.path().join("repwatch.db").display())).await.unwrap();
    store.set_kv("report.since", "2020-01-06T00:00:00Z").await.unwrap();
    drop(store);

    let app = repwatch::run::App::start(common::config(&toml, dir.path())).await.unwrap();
    let got = receiver.wait_for(1, 20).await;
    let body = got[0].json();
    let week = repwatch::report::Week::last_complete(Utc::now(), chrono_tz::UTC).to_string();
    assert_eq!(body["type"], "report.weekly");
    assert_eq!(body["data"]["week"], week);
    assert_eq!(body["data"]["brand"], "FjordTel");
    assert!(got[0].header("webhook-id").starts_with("msg_report_"));
    assert!(!got[0].header("webhook-signature").is_empty());
    app.stop().await.unwrap();

    let app = repwatch::run::App::start(common::config(&toml, dir.path())).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(receiver.received().len(), 1, "the week's report is sent once, even across a restart");
    app.stop().await.unwrap();
}
