//! `cargo bench --bench scorer`: how fast the scorer is, and how much memory it takes.
//!
//! Prints figures (never asserts them): rules load time, posts scored per second on one
//! core for a mixed-language corpus (the scorer alone, and with JSON in and out), the
//! whole `repwatch score` command end to end on every core, and peak memory.
//! `BENCH_POSTS=N` changes the corpus size (default 200,000); `BENCH_FILE=posts.jsonl` takes
//! the posts from a file instead (e.g. one made by `tools/mixed_posts.py` from the labelled
//! sets). Rates are given per second of CPU time as well as of wall time: on a shared
//! machine only the first is a property of the code.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use repwatch::brand::BrandMatcher;
use repwatch::mention::ScoreInput;
use repwatch::score::Scorer;
use repwatch::score::rules::{Rules, load_dir};

/// Posts in the languages we analyse, as people write them; some without `lang`, so
/// that detection is measured too.
const SEED: &[(&str, Option<&str>)] = &[
    ("@FjordTel I have been charged twice this month and still no refund. Fix it!", Some("en")),
    ("Still waiting on my refund from FjordTel after 5 weeks", Some("en")),
    ("FjordTel support was great, thanks for sorting my router so fast! 😍", Some("en")),
    ("not bad at all, FjordTel", Some("en")),
    ("The rain ruined our picnic", None),
    ("Lumora app keeps crashing when I try to pay my bill 😡 #fail https://x.io/a", Some("en")),
    ("Nettet til FjordTel er nede igjen, tredje gang denne uka!", Some("no")),
    ("Venter fortsatt på svar fra kundeservice", None),
    ("Takk for rask hjelp i dag, Lumora :)", Some("nb")),
    ("Že tretji dan nimam interneta, FjordTel se ne oglasi na telefon", Some("sl")),
    ("Hvala za hitro pomoč, vse deluje", Some("sl")),
    ("Απαράδεκτη εξυπηρέτηση από τη FjordTel, τρεις μέρες χωρίς ίντερνετ", Some("el")),
    ("Ευχαριστώ πολύ για τη γρήγορη βοήθεια!", None),
    ("FjordTel опять не работает, деньги списали дважды, верните деньги!", Some("ru")),
    ("Спасибо, всё быстро починили", None),
    ("FjordTel சேவை மோசம், பணத்தை திருப்பி தாருங்கள்", Some("ta")),
    ("Romba mosam service, innum refund varala", Some("ta")),
    ("Semma service thala, nandri", None),
    ("Das Internet von Lumora funktioniert seit gestern nicht mehr", Some("de")),
    ("Je n'ai toujours pas reçu mon remboursement", Some("fr")),
    ("Llevo una semana sin internet y nadie responde", Some("es")),
    ("Ainda estou à espera do reembolso", Some("pt")),
];

fn corpus(n: usize) -> Vec<(String, Option<String>)> {
    if let Ok(path) = std::env::var("BENCH_FILE") {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("BENCH_FILE {path}: {e}"));
        let posts: Vec<(String, Option<String>)> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<ScoreInput>(l).ok())
            .map(|p| (p.text.into_owned(), p.lang))
            .collect();
        assert!(!posts.is_empty(), "BENCH_FILE {path}: no posts");
        return (0..n.min(posts.len())).map(|i| posts[i].clone()).collect();
    }
    let mut seed: Vec<(String, Option<String>)> =
        SEED.iter().map(|(t, l)| (t.to_string(), l.map(str::to_string))).collect();
    // The example posts written with each language's rules, when there are any.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    for dir in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(dir.path().join("posts.jsonl")).unwrap_or_default();
        for line in text.lines() {
            if let Ok(p) = serde_json::from_str::<ScoreInput>(line) {
                seed.push((p.text.into_owned(), p.lang));
            }
        }
    }
    (0..n).map(|i| seed[i % seed.len()].clone()).collect()
}

fn per_second(n: usize, d: Duration) -> String {
    let rate = n as f64 / d.as_secs_f64();
    format!("{:>10.0} posts/s ({:.2} µs/post)", rate, 1e6 / rate)
}

/// CPU time of this thread so far (Linux: /proc/thread-self/schedstat, nanoseconds).
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

/// CPU time (user + system) of the children this process has waited for (/proc/self/stat).
fn children_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
    // After the command name: state is field 3, cutime 16 and cstime 17 (1-based).
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10)) // USER_HZ is 100 on Linux
}

/// Wall and CPU rates of a measured stretch.
fn rates(n: usize, wall: Duration, cpu: Option<Duration>) -> String {
    match cpu {
        Some(cpu) if !cpu.is_zero() => format!("{} wall, {} per CPU second", per_second(n, wall), per_second(n, cpu)),
        _ => format!("{} wall", per_second(n, wall)),
    }
}

fn peak_rss_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.to_string()))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map(|kb| format!("{:.1} MiB", kb / 1024.0))
        .unwrap_or_else(|| "unknown (no /proc)".into())
}

fn main() {
    // `cargo bench` passes --bench; a filter argument selects nothing here.
    let n: usize = std::env::var("BENCH_POSTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    println!("scorer bench: {n} posts, mixed languages");
    println!("peak memory before loading rules: {}", peak_rss_mib());

    let runs = 20;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(Rules::embedded());
    }
    println!("rules load (embedded, parse + stem + check): {:.1} ms", t.elapsed().as_secs_f64() * 1e3 / runs as f64);
    // The regex cues compile on a language's first post; all of them at once:
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(Rules::embedded().pattern_errors());
    }
    let with_patterns = t.elapsed().as_secs_f64() * 1e3 / runs as f64;
    println!("rules load with every language's regex cues compiled: {with_patterns:.1} ms");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let t = Instant::now();
    let (rules, errors) = load_dir(&dir);
    println!("rules load (from {}, cold): {:.1} ms", dir.display(), t.elapsed().as_secs_f64() * 1e3);
    assert!(errors.is_empty(), "{errors:?}");
    let scorer = Scorer::new(rules, BrandMatcher::new(&["FjordTel".into(), "Lumora".into()], &[]), vec![]);
    println!("peak memory with rules loaded: {}", peak_rss_mib());

    let posts = corpus(n);
    // Warm up, then one core.
    for (text, lang) in posts.iter().take(1000) {
        std::hint::black_box(scorer.score(text, lang.as_deref()));
    }
    let (t, cpu) = (Instant::now(), thread_cpu());
    for (text, lang) in &posts {
        std::hint::black_box(scorer.score(text, lang.as_deref()));
    }
    let cpu = thread_cpu().zip(cpu).map(|(b, a)| b - a);
    println!("score, one core:                 {}", rates(posts.len(), t.elapsed(), cpu));

    let lines: Vec<String> = posts
        .iter()
        .enumerate()
        .map(|(i, (text, lang))| serde_json::json!({"id": i.to_string(), "text": text, "lang": lang}).to_string())
        .collect();
    let (t, cpu) = (Instant::now(), thread_cpu());
    for line in &lines {
        let input: ScoreInput = serde_json::from_str(line).expect("bench lines are valid");
        let s = scorer.score(&input.text, input.lang.as_deref());
        std::hint::black_box(repwatch::cli::score::output_line(input.id.as_deref(), &s));
    }
    let cpu = thread_cpu().zip(cpu).map(|(b, a)| b - a);
    println!("JSON in, score, JSON out, one core: {}", rates(lines.len(), t.elapsed(), cpu));
    println!("peak memory after scoring in process: {}", peak_rss_mib());

    // The real command on every core, reading a file and writing to /dev/null.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("posts.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("temp file"));
    for line in &lines {
        writeln!(f, "{line}").expect("write");
    }
    f.flush().expect("flush");
    drop(f);
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let (t, cpu) = (Instant::now(), children_cpu());
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_repwatch"))
        .arg("score")
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("repwatch runs");
    assert!(status.success());
    let cpu = children_cpu().zip(cpu).map(|(b, a)| b - a);
    println!("repwatch score {} ({cores} cores): {}", path.display(), rates(lines.len(), t.elapsed(), cpu));
}
