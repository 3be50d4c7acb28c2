//! The detector on recorded streams, through the real binary (`repwatch replay --expect`):
//! the scenarios under tests/fixtures/scenarios/ (written by tools/make_scenarios.py) and,
//! when it is there, the shared example under ../shared/eval/scenarios (read in place,
//! never copied). Each must alert its incidents by their deadline and nothing else.

use std::path::{Path, PathBuf};
use std::process::Command;

fn replay(stream: &Path) -> (bool, String, Vec<serde_json::Value>) {
    let expect = stream.with_extension("expect.json");
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["replay", "--expect", expect.to_str().unwrap(), stream.to_str().unwrap()])
        .current_dir(dir.path())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let alerts = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out.status.success(), stderr, alerts)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios").join(format!("{name}.jsonl"))
}

fn check(name: &str) -> Vec<serde_json::Value> {
    let (ok, stderr, alerts) = replay(&fixture(name));
    assert!(ok, "{name}:\n{stderr}");
    assert!(stderr.contains("expect: passed"), "{name}:\n{stderr}");
    alerts
}

fn summaries(alerts: &[serde_json::Value], kind: &str) -> Vec<String> {
    alerts.iter().filter(|a| a["kind"] == kind).map(|a| a["summary"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_sarcasm_burst_is_an_outage() {
    let alerts = check("sarcasm_burst");
    assert!(summaries(&alerts, "opened")[0].starts_with("Complaint spreading: outage"), "{alerts:#?}");
}

#[test]
fn a_multilingual_outage_is_one_incident() {
    let alerts = check("multilingual_outage");
    let opened = summaries(&alerts, "opened");
    assert_eq!(opened.len(), 1, "{opened:#?}");
}

#[test]
fn a_slow_burn_over_two_days_is_caught() {
    // Refunds count with billing: people mix the two up for one problem.
    let alerts = check("slow_burn");
    assert!(summaries(&alerts, "opened")[0].starts_with("Complaint spreading: billing"), "{alerts:#?}");
}

#[test]
fn a_bot_network_posting_one_text_is_not_an_incident() {
    assert!(check("bot_network").is_empty());
}

#[test]
fn a_complaint_from_500k_followers_is_told_at_once() {
    let alerts = check("big_account");
    let opened = summaries(&alerts, "opened");
    assert!(opened[0].starts_with("A complaint from an account with 500,000 followers"), "{opened:#?}");
}

#[test]
fn a_quiet_brand_hears_of_three_people_but_not_of_its_weekly_complaint() {
    let alerts = check("quiet_brand");
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
}

#[test]
fn a_busy_brand_hears_of_the_outage_and_not_of_its_usual_hundreds() {
    let alerts = check("busy_brand");
    assert!(summaries(&alerts, "opened").iter().any(|s| s.starts_with("Complaint spreading: outage")));
}

/// The shared example (labelled data, read at run time). Absent on machines without
/// ../shared/eval: then there is nothing to measure, and the test says so.
#[test]
fn the_shared_example_alerts_its_incidents_in_time() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [root.join("../shared/eval/scenarios"), root.join("../../shared/eval/scenarios")];
    let Some(dir) = candidates.iter().find(|d| d.join("example.jsonl").exists()) else {
        eprintln!("skipped: no ../shared/eval/scenarios/example.jsonl here");
        return;
    };
    let (ok, stderr, _) = replay(&dir.join("example.jsonl"));
    assert!(ok && stderr.contains("expect: passed"), "{stderr}");
}

#[test]
fn expectations_that_are_not_met_fail_the_replay() {
    let dir = tempfile::tempdir().unwrap();
    let stream = dir.path().join("s.jsonl");
    std::fs::copy(fixture("bot_network"), &stream).unwrap();
    // Claim the bots are an incident: the replay must report it missed, and fail.
    let expect = r#"{"incidents":[{"tag":"bots","alert_by":"2026-10-05T07:00:00Z","ids":["bot00001"]}]}"#;
    std::fs::write(dir.path().join("s.expect.json"), expect).unwrap();
    let (ok, stderr, _) = replay(&stream);
    assert!(!ok, "{stderr}");
    assert!(stderr.contains("expect: missed: bots was never alerted (due by 2026-10-05T07:00:00Z)"), "{stderr}");
}
