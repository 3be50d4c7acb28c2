//! Throughput and memory of the pure stages, on one core: `cargo bench --bench throughput`
//! (add `-- N` for N mentions; 400,000 by default).
//!
//! A synthetic stream (30 days, a third of it complaints in several categories and
//! languages, engagement updates, a few incidents) is built first; then it is timed
//! through `score` alone, `spread` alone (on the signals `score` made) and both, the way
//! `repwatch replay` runs them without the store: a new post is scored, an engagement
//! update is not (the detector knows its post already). Memory: the bytes the detector holds,
//! counted by the allocator, after each tenth of the stream; bounded by the window, they
//! should not grow with the history.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use repwatch::brand::BrandMatcher;
use repwatch::mention::{Lang, Mention};
use repwatch::score::{Rules, Scorer};
use repwatch::spread::{Detector, Signal, SpreadConfig};
use repwatch::store::{signal, update_signal};

/// Counts live bytes and allocations over mimalloc, the allocator the `repwatch` binary
/// uses. The bench runs on one thread, so the counters are read and written plainly rather
/// than with locked adds, which cost as much as the allocation they count.
struct Counting;

fn add(counter: &AtomicIsize, n: isize) {
    counter.store(counter.load(Ordering::Relaxed) + n, Ordering::Relaxed);
}

static LIVE: AtomicIsize = AtomicIsize::new(0);
static ALLOCATIONS: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(&LIVE, layout.size() as isize);
        add(&ALLOCATIONS, 1);
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(&LIVE, -(layout.size() as isize));
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(&LIVE, new_size as isize - layout.size() as isize);
        add(&ALLOCATIONS, 1);
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const CHATTER: &[(&str, &str)] = &[
    ("en", "Just saw a FjordTel ad on the bus lol"),
    ("en", "Anyone know if FjordTel covers Svalbard this winter?"),
    ("no", "FjordTel åpner ny butikk i Tromsø"),
    ("sl", "Je kdo že preizkusil novi paket FjordTel?"),
    ("el", "Έχει δοκιμάσει κανείς το νέο πρόγραμμα της FjordTel;"),
    ("ru", "Кто-нибудь пробовал новый тариф FjordTel?"),
    ("en", "FjordTel sponsoring the ski jump this weekend, nice"),
];

const COMPLAINTS: &[(&str, &str)] = &[
    ("en", "FjordTel charged me twice this month, want my money back"),
    ("en", "Still waiting for my refund from FjordTel, it has been three weeks"),
    ("en", "FjordTel mobile data is down, no signal at all in Bergen"),
    ("en", "FjordTel app keeps crashing when I try to pay"),
    ("en", "On hold with FjordTel for 90 minutes now, terrible support"),
    ("en", "FjordTel router never arrived, tracking says delivered"),
    ("no", "FjordTel mobilnett er nede igjen, ingen dekning"),
    ("ru", "У FjordTel опять нет связи, интернет не работает с утра"),
];

/// A small deterministic generator (no dependency, same stream every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn stream(n: usize) -> Vec<Mention> {
    let start: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-10-01T00:00:00Z").unwrap().with_timezone(&Utc);
    let span_secs = 30 * 24 * 3600;
    let mut rng = Lcg(42);
    let mut out: Vec<Mention> = Vec::with_capacity(n);
    for i in 0..n {
        let at = start + Duration::milliseconds((i as i64 * span_secs * 1000) / n as i64);
        let sources = ["x", "mastodon", "bluesky", "reddit", "hackernews", "rss"];
        let source = sources[rng.below(6) as usize];
        if i > 10 && rng.below(10) == 0 {
            // An engagement update of a recent post.
            let back = 1 + rng.below(10) as usize;
            let mut m = out[i - back].clone();
            m.observed_at = at.max(m.created_at);
            m.likes += 1 + rng.below(50);
            m.reposts += rng.below(10);
            out.push(m);
            continue;
        }
        let (lang, text) = if rng.below(3) == 0 {
            COMPLAINTS[rng.below(COMPLAINTS.len() as u64) as usize]
        } else {
            CHATTER[rng.below(CHATTER.len() as u64) as usize]
        };
        let mut m = Mention::new(source, &format!("m{i}"), &format!("{text} #{}", rng.below(1000)), at);
        m.lang = Some(lang.to_string());
        m.author = Some(format!("user{}", rng.below(200_000)));
        m.author_followers = Some(rng.below(2_000));
        out.push(m);
    }
    out
}

fn rate(n: usize, secs: f64) -> String {
    format!("{:>10.0} mentions/s ({n} in {secs:.2} s)", n as f64 / secs)
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(400_000);
    let mentions = stream(n);
    let brand = BrandMatcher::new(&["FjordTel".to_string()], &[]);
    let scorer = Scorer::new(Rules::embedded(), brand, vec![Lang::En, Lang::No]);
    let mut seen = std::collections::HashSet::new();
    let is_update: Vec<bool> = mentions.iter().map(|m| !seen.insert((m.source.clone(), m.id.clone()))).collect();
    drop(seen);

    // score alone
    let t = Instant::now();
    let scores: Vec<_> =
        mentions.iter().zip(&is_update).map(|(m, u)| (!u).then(|| scorer.score(&m.text, m.lang.as_deref()))).collect();
    let score_secs = t.elapsed().as_secs_f64();
    let signals: Vec<Signal> = mentions
        .iter()
        .zip(&scores)
        .map(|(m, s)| match s {
            Some(s) => signal(m.clone(), s),
            None => update_signal(m.clone()),
        })
        .collect();
    drop(scores);
    let complaints = signals.iter().filter(|s| s.complaint && !s.update).count();

    // spread alone, on signals it owns
    let owned = signals.clone();
    let mut detector = Detector::new(&SpreadConfig::default());
    let mut alerts = 0;
    let t = Instant::now();
    for s in owned {
        let now = s.observed_at;
        alerts += detector.observe(s, now).len();
    }
    let spread_secs = t.elapsed().as_secs_f64();
    drop(detector);

    // The detector's memory, counted by the allocator: the bytes it holds after each tenth
    // of the stream (3, 6, … 30 days). Each signal is copied in here, so that what the
    // detector keeps of it is counted and what it drops is not.
    let before = LIVE.load(Ordering::Relaxed);
    let mut detector = Detector::new(&SpreadConfig::default());
    let mut tenths = Vec::new();
    for (i, s) in signals.iter().enumerate() {
        detector.observe(s.clone(), s.observed_at);
        if (i + 1) % (n / 10).max(1) == 0 {
            tenths.push(((LIVE.load(Ordering::Relaxed) - before) as f64 / 1048576.0, detector.tracked()));
        }
    }
    drop(detector);
    drop(signals);

    // score + spread, as replay runs them: the pipeline owns the mentions it scores, and
    // their strings move into the signals.
    let owned = mentions.clone();
    let mut detector = Detector::new(&SpreadConfig::default());
    let mut both_alerts = 0;
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);
    let t = Instant::now();
    for (m, u) in owned.into_iter().zip(&is_update) {
        let s = if *u {
            update_signal(m)
        } else {
            let score = scorer.score(&m.text, m.lang.as_deref());
            signal(m, &score)
        };
        let now = s.observed_at;
        both_alerts += detector.observe(s, now).len();
    }
    let both_secs = t.elapsed().as_secs_f64();
    let allocations = (ALLOCATIONS.load(Ordering::Relaxed) - allocations) as f64 / n as f64;

    assert_eq!(alerts, both_alerts, "score + spread decided other alerts than spread alone");
    println!("repwatch throughput, one core, {n} mentions over 30 days ({complaints} complaints, {alerts} alerts)");
    println!("  score alone          {}", rate(n, score_secs));
    println!("  spread alone         {}", rate(n, spread_secs));
    println!("  score + spread       {}", rate(n, both_secs));
    println!("  allocations          {allocations:.1} a mention in score + spread (reallocations count)");
    let days: Vec<String> = tenths.iter().map(|(mib, _)| format!("{mib:.1}")).collect();
    let tracked: Vec<String> = tenths.iter().map(|(_, t)| t.to_string()).collect();
    println!("  detector memory      MiB after 3, 6, … 30 days: {}", days.join(" "));
    println!("  things tracked       after 3, 6, … 30 days: {}", tracked.join(" "));
}
