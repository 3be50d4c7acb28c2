//! `repwatch spikes` and `repwatch replay` on bad input: a clear message naming the place,
//! the rest still processed, exit status 1.

use std::process::{Command, Output};

fn repwatch(args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_repwatch")).args(args).current_dir(dir).output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn spikes_prints_the_surge_and_names_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2015, 3, 1).unwrap().and_hms_opt(0, 0, 53).unwrap();
    let mut csv = String::from("timestamp,value\n");
    for i in 0..288 * 4 {
        let t = start + chrono::Duration::minutes(5 * i);
        let v = if (288 * 3 + 100..288 * 3 + 112).contains(&i) { 900 } else { 30 + (i * 13) % 17 };
        csv.push_str(&format!("{},{v}\n", t.format("%Y-%m-%d %H:%M:%S")));
        if i == 500 {
            csv.push_str("2015-03-02 17:45:53,-4\n2015-03-02 17:46:53,\n");
        }
    }
    std::fs::write(dir.path().join("counts.csv"), csv).unwrap();
    let out = repwatch(&["spikes", "counts.csv"], dir.path());
    assert_eq!(out.status.code(), Some(1), "bad rows make the exit status 1");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("counts.csv:503: value -4 is negative"), "{stderr}");
    assert!(stderr.contains("counts.csv:504: value is missing"), "{stderr}");
    assert_eq!(text(&out.stdout), "2015-03-04 08:20:53\n");
}

#[test]
fn spikes_on_a_missing_file_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let out = repwatch(&["spikes", "nope.csv"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot read nope.csv"), "{}", text(&out.stderr));
}

#[test]
fn replay_skips_posts_from_the_far_future_and_counts_duplicates_once() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str, author: &str, at: &str| {
        serde_json::json!({"source": "x", "id": id, "author": author, "lang": "en", "created_at": at,
            "text": "FjordTel outage again, calls failing all morning"})
        .to_string()
    };
    let lines = [
        line("1", "a", "2026-11-20T10:00:00Z"),
        line("1", "a", "2026-11-20T10:00:00Z"),
        line("1", "a", "2026-11-20T10:00:00Z"),
        line("f", "z", "2099-01-01T00:00:00Z"),
        line("2", "b", "2026-11-20T10:03:00Z"),
        line("0", "c", "2026-11-20T09:58:00Z"),
    ];
    std::fs::write(dir.path().join("s.jsonl"), lines.join("\n")).unwrap();
    let out = repwatch(&["replay", "s.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("line 4: created_at 2099-01-01T00:00:00Z is in the future; skipped"));
    let alerts: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0]["mentions"], serde_json::json!(["0", "1", "2"]));
    assert_eq!(alerts[0]["at"], "2026-11-20T10:03:00Z");
}
