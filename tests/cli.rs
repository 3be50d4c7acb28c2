//! The commands as a user runs them: the real binary, real files, exit codes and output.

mod common;

use std::process::{Command, Output};

fn repwatch(args: &[&str], stdin: Option<&str>, dir: &std::path::Path) -> Output {
    common::run_bin(args, stdin, dir)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn score_reports_bad_lines_and_scores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"id\":\"a\",\"text\":\"Still waiting on my refund after 5 weeks\",\"lang\":\"en\"}\nnot json\n\n{\"id\":\"c\"}\n{\"id\":7,\"text\":\"love it, thanks!\"}\n";
    let out = repwatch(&["score"], Some(input), dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("line 2: not valid json") || stderr.contains("line 2: expected"), "{stderr}");
    assert!(stderr.contains("line 4: missing field \"text\""), "{stderr}");
    let lines: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["complaint"], true);
    assert_eq!(lines[1]["id"], "7");
    assert_eq!(lines[1]["polarity"], "positive");
    for key in ["lang", "sentiment", "polarity", "complaint", "complaint_score", "matched"] {
        assert!(lines[0].get(key).is_some(), "{key} missing");
    }
}

/// Lines are scored in chunks on every core and may finish out of order (a first chunk of
/// long posts, then short ones); they are written in input order all the same, and so are
/// the bad lines' errors.
#[test]
fn score_writes_many_chunks_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let long = "The router keeps dropping the connection and nobody answers the phone. ".repeat(20);
    let mut input = String::new();
    let mut want_ids = Vec::new();
    let mut want_errors = Vec::new();
    for n in 1..=6000usize {
        if n % 997 == 0 {
            input.push_str("{\"id\": broken\n");
            want_errors.push(format!("line {n}:"));
            continue;
        }
        let text = if n <= 1024 { long.as_str() } else { "ok thanks" };
        input.push_str(&serde_json::json!({"id": n.to_string(), "text": text, "lang": "en"}).to_string());
        input.push('\n');
        want_ids.push(n.to_string());
    }
    let out = repwatch(&["score"], Some(&input), dir.path());
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        ids == want_ids,
        "{} lines out, {} expected, first difference at {:?}",
        ids.len(),
        want_ids.len(),
        ids.iter().zip(&want_ids).position(|(a, b)| a != b)
    );
    let stderr = text(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter_map(|l| l.split_inclusive(':').next()).collect();
    assert_eq!(errors, want_errors, "{stderr}");
}

fn stream_line(id: &str, author: &str, minute: u32, text: &str) -> String {
    serde_json::json!({
        "source": "x", "id": id, "author": author, "text": text, "lang": "en",
        "created_at": format!("2026-11-20T10:{minute:02}:00Z"),
    })
    .to_string()
}

#[test]
fn replay_prints_the_alerts_on_the_stream_clock_and_keeps_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        stream_line("1", "a", 1, "FjordTel is down, no signal at all"),
        stream_line("2", "a", 2, "FjordTel still down. Fix it!"),
        "{\"broken".to_string(),
        stream_line("4", "b", 5, "Is FjordTel down? No internet since 10"),
        stream_line("3", "c", 4, "FjordTel outage again, not working"),
        stream_line("5", "d", 20, "nice weather today"),
    ];
    std::fs::write(dir.path().join("stream.jsonl"), lines.join("\n")).unwrap();
    let out = repwatch(&["replay", "--store", "sqlite://replay.db", "stream.jsonl"], None, dir.path());
    assert_eq!(out.status.code(), Some(1), "a bad line makes the exit status 1");
    assert!(text(&out.stderr).contains("line 3: not valid json"), "{}", text(&out.stderr));
    let alerts: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0]["kind"], "opened");
    assert_eq!(alerts[0]["at"], "2026-11-20T10:05:00Z");
    assert_eq!(alerts[0]["mentions"], serde_json::json!(["1", "2", "3", "4"]));
    assert!(alerts[0]["summary"].as_str().unwrap().starts_with("Complaint spreading: outage"));

    let out =
        repwatch(&["export", "--store", "sqlite://replay.db", "--since", "2026-11-20T10:04:00Z"], None, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["3", "4", "5"], "oldest first, from --since on");
}

#[test]
fn check_config_names_every_problem_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("repwatch.toml"),
        "[brand]\nname = \"FjordTel\"\nterms = [\"FjordTel\"]\nterm = [\"x\"]\n\n[[sinks]]\ntype = \"webhook\"\nurl_env = \"REPWATCH_TEST_NEVER_SET\"\n",
    )
    .unwrap();
    let out = repwatch(&["check-config"], None, dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("repwatch.toml:4: unknown key \"term\" in brand"), "{stderr}");
    assert!(
        stderr.contains("repwatch.toml:8: sinks[0].url_env: environment variable REPWATCH_TEST_NEVER_SET is not set"),
        "{stderr}"
    );
    assert!(stderr.contains("2 problem(s)"), "{stderr}");

    std::fs::write(dir.path().join("repwatch.toml"), "[brand]\nname = \"FjordTel\"\n").unwrap();
    let out = repwatch(&["check-config"], None, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok"));
}

#[test]
fn the_example_config_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("repwatch.example.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .args(["check-config", "--config", example.to_str().unwrap()])
        .current_dir(dir.path())
        .env("REPWATCH_INGEST_TOKEN", "t")
        .env("ONCALL_WEBHOOK_URL", "https://oncall.example/hook")
        .env("ONCALL_WEBHOOK_SECRET", "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn demo_once_prints_alerts_and_the_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = repwatch(&["demo", "--once", "--listen", "127.0.0.1:0"], None, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let last = stdout.lines().last().unwrap();
    let re = regex::Regex::new(r"^demo: (\d+) mentions, (\d+) incidents, (\d+) alerts delivered$").unwrap();
    let caps = re.captures(last).unwrap_or_else(|| panic!("last line: {last}"));
    let (mentions, incidents, alerts): (u32, u32, u32) =
        (caps[1].parse().unwrap(), caps[2].parse().unwrap(), caps[3].parse().unwrap());
    assert!(mentions > 200 && incidents >= 2 && alerts >= incidents, "{last}");
    assert!(stdout.contains("Complaint spreading: outage"), "{stdout}");
    assert!(stdout.contains("going viral"), "{stdout}");
    assert!(!stdout.contains("@rolf_1983"), "one ranter never makes an alert: {stdout}");
}
