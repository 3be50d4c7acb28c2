//! The brand's usual complaint rate, aware of the daily and weekly rhythm, and how
//! surprising a count is against it.
//!
//! Complaints are counted per hour and per group (a category, or `general`). Each closed
//! hour updates a robust EWMA of the hourly count and of its variance in three places:
//! the hour of the week (168 slots), the hour of the day (24 slots), and all hours. The
//! rate expected for an hour blends them by how much history each has seen, so a new brand
//! starts on a prior, learns its daily rhythm within days and its weekly one within weeks.
//! Counts far above the usual are clipped before they are learnt, so an incident does not
//! become the new normal.
//!
//! Memory is fixed: a few hundred numbers per group, whatever the history.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

/// How fast the per-slot averages forget: about the last eight readings of a slot.
const SLOT_ALPHA: f64 = 0.125;
/// How fast the all-hours average forgets: about the last two days.
const GLOBAL_ALPHA: f64 = 1.0 / 48.0;
/// Readings a slot needs before it is trusted as much as the all-hours average.
const SLOT_TRUST: f64 = 2.0;
/// Hours of pseudo-history the prior is worth.
const PRIOR_HOURS: f64 = 12.0;
/// Readings of pseudo-history the prior is worth in each slot: one quiet hour must not
/// be taken for the rhythm of the day.
const SLOT_PRIOR: f64 = 1.0;
/// A gap longer than this (hours) is not replayed hour by hour: the averages have
/// forgotten everything by then anyway.
const MAX_GAP_HOURS: i64 = 24 * 7 * 3;
/// A closed hour is learnt this many hours after it began.
const LEARN_LAG_HOURS: i64 = 2;

/// A robust EWMA of a count: its mean and variance.
#[derive(Debug, Clone, Copy)]
struct Ewma {
    mean: f64,
    var: f64,
    /// Readings seen (saturating), to know how far to trust it.
    n: f64,
}

impl Ewma {
    fn new(mean: f64) -> Ewma {
        Ewma { mean, var: mean, n: 0.0 }
    }

    fn update(&mut self, x: f64, alpha: f64, prior_weight: f64) {
        // The first readings move the average fast, as a plain mean would, but never
        // faster than the prior's pseudo-history allows.
        let alpha = alpha.max(1.0 / (self.n + 1.0 + prior_weight));
        // Clip what is far above the usual: incidents must not teach the baseline.
        // (At least a Poisson count's wobble: a prior of "almost nothing" must not clip
        // a brand's ordinary few complaints an hour.)
        let ceiling = self.mean + 4.0 * self.var.max(self.mean).max(1.0).sqrt() + 2.0;
        let x = x.min(ceiling);
        let d = x - self.mean;
        self.mean += alpha * d;
        self.var = (1.0 - alpha) * (self.var + alpha * d * d);
        self.n = (self.n + 1.0).min(1e6);
    }
}

/// The usual hourly rate of one group.
#[derive(Debug, Clone)]
pub struct Baseline {
    week: Vec<Ewma>,
    day: Vec<Ewma>,
    all: Ewma,
    /// The hour being counted (hours since the epoch), and its count so far.
    hour: Option<i64>,
    count: f64,
    /// Closed hours not learnt yet.
    closed: VecDeque<(i64, f64)>,
}

/// What the baseline expects in a window: mean and variance of the count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expected {
    pub mean: f64,
    pub var: f64,
}

impl Baseline {
    /// A baseline that starts out expecting `prior_per_hour`.
    pub fn new(prior_per_hour: f64) -> Baseline {
        let prior = Ewma::new(prior_per_hour);
        Baseline {
            week: vec![prior; 168],
            day: vec![prior; 24],
            all: prior,
            hour: None,
            count: 0.0,
            closed: VecDeque::new(),
        }
    }

    /// Counts one complaint at `at`. Complaints older than the hour being counted are
    /// counted in it (late arrivals), later ones first close the hours in between.
    pub fn add(&mut self, at: DateTime<Utc>) {
        self.advance(at);
        self.count += 1.0;
    }

    /// Closes every hour before the one `now` is in.
    pub fn advance(&mut self, now: DateTime<Utc>) {
        let hour = now.timestamp().div_euclid(3600);
        let Some(current) = self.hour else {
            self.hour = Some(hour);
            return;
        };
        if hour <= current {
            return;
        }
        let from = current.max(hour - MAX_GAP_HOURS);
        if from > current {
            // A long gap: what was counted is older than anything remembered.
            self.count = 0.0;
        }
        for h in from..hour {
            let x = if h == current { self.count } else { 0.0 };
            self.closed.push_back((h, x));
        }
        // Hours are learnt only once they are out of the short window: complaints being
        // judged must not raise the bar they are judged against.
        while self.closed.front().is_some_and(|(h, _)| *h + LEARN_LAG_HOURS <= hour) {
            if let Some((h, x)) = self.closed.pop_front() {
                self.learn(h, x);
            }
        }
        self.hour = Some(hour);
        self.count = 0.0;
    }

    fn learn(&mut self, hour: i64, x: f64) {
        let (w, d) = slots(hour);
        self.week[w].update(x, SLOT_ALPHA, SLOT_PRIOR);
        self.day[d].update(x, SLOT_ALPHA, SLOT_PRIOR);
        self.all.update(x, GLOBAL_ALPHA, PRIOR_HOURS);
    }

    /// The usual count in the hour starting at hour index `hour`.
    fn hourly(&self, hour: i64) -> Expected {
        let (w, d) = slots(hour);
        // The all-hours variance mostly measures the daily rhythm itself: as a fallback
        // the count is taken as Poisson around the all-hours mean.
        let mut mean = self.all.mean;
        let mut var = self.all.mean;
        // The day's rhythm, then the week's, each trusted by how often it was seen.
        for slot in [&self.day[d], &self.week[w]] {
            let trust = slot.n / (slot.n + SLOT_TRUST);
            mean = trust * slot.mean + (1.0 - trust) * mean;
            var = trust * slot.var + (1.0 - trust) * var;
        }
        Expected { mean, var }
    }

    /// The usual count in the `mins` minutes before `now`.
    pub fn expected(&self, now: DateTime<Utc>, mins: i64) -> Expected {
        let end = now.timestamp();
        let start = end - mins * 60;
        let mut total = Expected { mean: 0.0, var: 0.0 };
        let mut h = start.div_euclid(3600);
        while h * 3600 < end {
            let lo = (h * 3600).max(start);
            let hi = ((h + 1) * 3600).min(end);
            let share = (hi - lo) as f64 / 3600.0;
            let e = self.hourly(h);
            total.mean += share * e.mean;
            total.var += share * e.var;
            h += 1;
        }
        total
    }

    /// The usual rate per hour around `now`, for people to read.
    pub fn per_hour(&self, now: DateTime<Utc>) -> f64 {
        self.hourly(now.timestamp().div_euclid(3600)).mean
    }
}

/// Hour of the week (Monday 00:00 UTC = 0) and hour of the day, of an hour counted
/// since the epoch (1970-01-01 was a Thursday).
fn slots(hour: i64) -> (usize, usize) {
    let d = hour.rem_euclid(24) as usize;
    let weekday = (hour.div_euclid(24) + 3).rem_euclid(7) as usize;
    (weekday * 24 + d, d)
}

/// The most regular complaint counts are taken to be: a negative binomial with this
/// shape at least (variance μ + μ²/10). Counts of complaints are burstier than Poisson,
/// and the more so the longer the window.
const MAX_SHAPE: f64 = 10.0;

/// How surprising it is to see `k` or more when `e` is expected: −log10 of the upper
/// tail of a negative binomial with the expected mean, and the baseline's own variance
/// (never less overdispersed than [`MAX_SHAPE`]).
pub fn surprise(k: f64, e: Expected) -> f64 {
    let (mean, shape) = neg_binomial_of(e);
    -neg_binomial_tail_log10(k, mean, shape)
}

/// [`surprise`]`(k, e)` when it is at least `at_least`. Seeing exactly `k` is less likely
/// than seeing `k` or more, so when that alone is not surprising enough the tail is not
/// summed: the answer is the same, bit for bit, because the tail's sum only adds to its
/// first term.
pub fn surprise_at_least(k: f64, e: Expected, at_least: f64) -> Option<f64> {
    let (mean, shape) = neg_binomial_of(e);
    let k_floor = k.floor();
    // The tail branch of `neg_binomial_tail_log10`, which starts from this term.
    if k_floor > mean && (-(NegBin::new(mean, shape).ln_pmf(k_floor) / std::f64::consts::LN_10)).max(0.0) < at_least {
        return None;
    }
    let s = -neg_binomial_tail_log10(k, mean, shape);
    (s >= at_least).then_some(s)
}

/// The mean and shape of the negative binomial taken for `e`.
fn neg_binomial_of(e: Expected) -> (f64, f64) {
    let mean = e.mean.max(1e-3);
    let excess = (e.var - mean).max(mean * mean / MAX_SHAPE).max(1e-9);
    let shape = (mean * mean / excess).clamp(0.05, MAX_SHAPE);
    (mean, shape)
}

/// A negative binomial by its mean and shape `r`, with what its probabilities share.
struct NegBin {
    r: f64,
    q: f64,
    ln_p: f64,
}

impl NegBin {
    fn new(mean: f64, r: f64) -> NegBin {
        NegBin { r, q: mean / (r + mean), ln_p: (r / (r + mean)).ln() }
    }

    /// ln P(X = x).
    fn ln_pmf(&self, x: f64) -> f64 {
        let r = self.r;
        ln_gamma(x + r) - ln_gamma(r) - ln_gamma(x + 1.0) + r * self.ln_p + x * self.q.ln()
    }
}

/// log10 P(X ≥ k) for X ~ NegBin with mean `mean` and shape `r` (variance μ + μ²/r).
pub fn neg_binomial_tail_log10(k: f64, mean: f64, r: f64) -> f64 {
    let k = k.floor();
    if k <= 0.0 {
        return 0.0;
    }
    let nb = NegBin::new(mean, r);
    let q = nb.q;
    if k <= mean {
        let mut below = 0.0;
        let mut x = 0.0;
        while x < k {
            below += nb.ln_pmf(x).exp();
            x += 1.0;
        }
        return (1.0 - below).clamp(1e-300, 1.0).log10();
    }
    // Sum the tail from its first term. Past the mode (k > mean is past it) the ratio of
    // successive terms, (x + r) q / (x + 1), is below 1 and tends to q: from above when
    // r ≥ 1, from below when r < 1. So every later ratio is at most max(ratio, q), and
    // after a few exact terms the rest is bounded by a geometric series with that ratio.
    let first = nb.ln_pmf(k);
    let mut sum = 1.0;
    let mut term = 1.0;
    let mut x = k;
    let bound = |x: f64| ((x + r) * q / (x + 1.0)).max(q).min(0.999_999);
    for _ in 0..64 {
        term *= (x + r) * q / (x + 1.0);
        sum += term;
        x += 1.0;
        let rho = bound(x);
        if term * rho / (1.0 - rho) < 1e-9 * sum {
            break;
        }
    }
    let rho = bound(x);
    sum += term * rho / (1.0 - rho);
    ((first + sum.ln()) / std::f64::consts::LN_10).min(0.0)
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7): good to about 1e-13.
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// log10 P(X ≥ k) for X ~ Poisson(λ); exact enough for alerting, never NaN.
pub fn poisson_tail_log10(k: f64, lambda: f64) -> f64 {
    let k = k.floor();
    if k <= 0.0 {
        return 0.0;
    }
    if k <= lambda {
        // The tail holds most of the mass: 1 − P(X < k).
        let mut term = (-lambda).exp();
        let mut below = 0.0;
        let mut i = 0.0;
        while i < k {
            below += term;
            i += 1.0;
            term *= lambda / i;
        }
        return (1.0 - below).clamp(1e-300, 1.0).log10();
    }
    // Sum the tail from its first term, in logs, while terms still matter.
    let ln_first = -lambda + k * lambda.ln() - ln_factorial(k);
    let mut sum = 1.0;
    let mut term = 1.0;
    let mut i = k;
    while term > 1e-12 * sum && i < k + 10_000.0 {
        i += 1.0;
        term *= lambda / i;
        sum += term;
    }
    ((ln_first + sum.ln()) / std::f64::consts::LN_10).min(0.0)
}

/// ln(n!) by Stirling's series; exact for small n.
fn ln_factorial(n: f64) -> f64 {
    if n < 20.0 {
        let mut acc = 0.0;
        let mut i = 2.0;
        while i <= n {
            acc += f64::ln(i);
            i += 1.0;
        }
        return acc;
    }
    let x = n + 1.0;
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + 1.0 / (12.0 * x) - 1.0 / (360.0 * x * x * x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t(hours: i64) -> DateTime<Utc> {
        // A Monday, midnight UTC.
        DateTime::parse_from_rfc3339("2026-11-02T00:00:00Z").unwrap().with_timezone(&Utc) + Duration::hours(hours)
    }

    proptest::proptest! {
        /// Stopping at the tail's first term changes no answer, to the bit.
        #[test]
        fn surprise_at_least_is_surprise_when_it_is_at_least(
            k in 0u32..400, mean in proptest::prop_oneof![0.0f64..2.0, 0.0f64..300.0], var in 0.0f64..3000.0,
            at_least in -1.0f64..12.0,
            near in -0.5f64..0.5,
        ) {
            let e = Expected { mean, var };
            let s = surprise(k as f64, e);
            // Any bar, and bars close to the answer, where a loose shortcut would err.
            for at_least in [at_least, s, s + near, s + near / 1e6] {
                let want = (s >= at_least).then_some(s.to_bits());
                proptest::prop_assert_eq!(surprise_at_least(k as f64, e, at_least).map(f64::to_bits), want);
            }
        }
    }

    /// Far in the tail the first term is nearly all of it: the bar set at the answer itself.
    #[test]
    fn surprise_at_least_holds_at_its_own_answer_far_in_the_tail() {
        for k in [1.0, 5.0, 20.0, 105.0, 399.0] {
            for mean in [0.0, 0.001, 0.3, 5.0, 80.0] {
                for var in [0.0, mean, 10.0 * mean + 1.0] {
                    let e = Expected { mean, var };
                    let s = surprise(k, e);
                    assert_eq!(surprise_at_least(k, e, s).map(f64::to_bits), Some(s.to_bits()), "{k} {mean} {var}");
                    assert_eq!(surprise_at_least(k, e, s + 1e-9 * s.abs().max(1.0)), None, "{k} {mean} {var}");
                }
            }
        }
    }

    #[test]
    fn poisson_tail_matches_known_values() {
        // P(X ≥ 3 | λ = 1) = 1 − e^−1 (1 + 1 + 1/2) = 0.0803
        assert!((poisson_tail_log10(3.0, 1.0) - 0.0803f64.log10()).abs() < 1e-3);
        // P(X ≥ 1 | λ = 2) = 1 − e^−2
        assert!((poisson_tail_log10(1.0, 2.0) - (1.0 - (-2.0f64).exp()).log10()).abs() < 1e-9);
        assert_eq!(poisson_tail_log10(0.0, 5.0), 0.0);
        // Far tails stay finite and get more surprising with k.
        let a = poisson_tail_log10(200.0, 1.0);
        let b = poisson_tail_log10(400.0, 1.0);
        assert!(a.is_finite() && b.is_finite() && b < a && a < -100.0, "{a} {b}");
        assert!((ln_factorial(25.0) - (1..=25).map(|i| (i as f64).ln()).sum::<f64>()).abs() < 1e-9);
    }

    #[test]
    fn negative_binomial_tail_is_poisson_like_for_few_and_wider_for_many() {
        assert!((ln_gamma(6.0) - 120f64.ln()).abs() < 1e-10);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-10);
        // Nearly Poisson when the mean is small.
        let nb = neg_binomial_tail_log10(3.0, 0.1, 10.0);
        let po = poisson_tail_log10(3.0, 0.1);
        assert!((nb - po).abs() < 0.2, "{nb} {po}");
        // P(X ≥ 1) = 1 − p^r exactly.
        let exact = (1.0 - (10.0f64 / 12.0).powf(10.0)).log10();
        assert!((neg_binomial_tail_log10(1.0, 2.0, 10.0) - exact).abs() < 1e-9);
        // Far wider than Poisson for large counts: 96 when 58 are expected is a busy
        // day, not a one-in-a-million event.
        let e = Expected { mean: 58.0, var: 58.0 };
        assert!(surprise(96.0, e) < 3.0, "{}", surprise(96.0, e));
        assert!(-poisson_tail_log10(96.0, 58.0) > 5.0);
        assert!(surprise(200.0, e) > 5.0, "{}", surprise(200.0, e));
    }

    #[test]
    fn bounded_tail_sum_agrees_with_the_long_sum() {
        // The exact tail, summed term by term in log space far past where it matters.
        fn long_sum(k: f64, mean: f64, r: f64) -> f64 {
            let q = mean / (r + mean);
            let ln_pmf =
                |x: f64| ln_gamma(x + r) - ln_gamma(r) - ln_gamma(x + 1.0) + r * (r / (r + mean)).ln() + x * q.ln();
            let first = ln_pmf(k);
            let sum: f64 = (0..200_000).map(|i| (ln_pmf(k + i as f64) - first).exp()).sum();
            (first + sum.ln()) / std::f64::consts::LN_10
        }
        for (k, mean, r) in
            [(3.0, 0.1, 10.0), (12.0, 2.0, 10.0), (40.0, 5.0, 0.3), (9.0, 0.5, 0.05), (300.0, 60.0, 2.0)]
        {
            let fast = neg_binomial_tail_log10(k, mean, r);
            let slow = long_sum(k, mean, r);
            // Within a factor of two: the remainder is bounded, never dropped.
            assert!((fast - slow).abs() < 0.31, "k {k} mean {mean} r {r}: {fast} vs {slow}");
        }
    }

    #[test]
    fn slots_follow_the_calendar() {
        use chrono::{Datelike, Timelike};
        for h in [0, 5, 100, 1000, 490_000, 500_123] {
            let t = t(h);
            let hour = t.timestamp() / 3600;
            let want = (t.weekday().num_days_from_monday() as usize * 24 + t.hour() as usize, t.hour() as usize);
            assert_eq!(slots(hour), want, "{t}");
        }
    }

    #[test]
    fn learns_the_daily_rhythm() {
        let mut b = Baseline::new(0.1);
        // Two weeks: 10 complaints an hour from 9 to 17, none at night.
        for day in 0..14 {
            for hour in 0..24 {
                let n = if (9..17).contains(&hour) { 10 } else { 0 };
                for _ in 0..n {
                    b.add(t(day * 24 + hour));
                }
            }
        }
        b.advance(t(14 * 24));
        let day = b.expected(t(14 * 24 + 12), 60).mean;
        let night = b.expected(t(14 * 24 + 3), 60).mean;
        assert!(day > 6.0 && night < 1.0, "day {day}, night {night}");
        // 10 at noon is usual; 10 at 3 in the morning is not.
        assert!(surprise(10.0, b.expected(t(14 * 24 + 12), 60)) < 1.0);
        let night = surprise(10.0, b.expected(t(14 * 24 + 3), 60));
        assert!(night > 4.0, "{night} {:?}", b.expected(t(14 * 24 + 3), 60));
    }

    #[test]
    fn an_incident_does_not_become_the_usual() {
        let mut b = Baseline::new(0.1);
        for h in 0..48 {
            b.add(t(h));
        }
        for _ in 0..500 {
            b.add(t(48));
        }
        b.advance(t(49));
        assert!(b.per_hour(t(49)) < 2.0, "{}", b.per_hour(t(49)));
    }

    #[test]
    fn long_gaps_and_old_times_are_harmless() {
        let mut b = Baseline::new(0.1);
        b.add(t(0));
        b.add(t(24 * 365 * 10));
        b.add(t(5));
        assert!(b.per_hour(t(24 * 365 * 10)).is_finite());
    }
}
