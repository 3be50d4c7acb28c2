//! Spikes in a bare count series (`repwatch spikes`): how many posts per time bin, and
//! when that has surged.
//!
//! The same idea as the incident detector, on counts alone. For each of two scales (the
//! last hour and the last three hours) the mean count is compared with its usual level,
//! a robust EWMA of `ln(1 + count)` over about three days in which surges are clipped
//! before they are learnt. A surge is alerted when its excess over the usual level is
//! both large in itself (at least `e^0.7 ≈ 2×` the usual) and larger than all but 0.3 %
//! of the excesses this series has shown so far: every series is judged against its own
//! history, so a busy brand with noisy hours and a quiet brand with a flat line get the
//! same treatment without per-series settings. After an alert the detector stays quiet
//! for a day: one surge is one alert.
//!
//! Memory is fixed: a few hours of bins and a histogram, whatever the length of the
//! series. Pure: no IO, bins are passed in.

use std::collections::VecDeque;

/// The one setting used for every series (documented in README.md, measured on NAB).
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeConfig {
    /// The scales compared with the usual level, in minutes.
    pub scales_mins: Vec<u32>,
    /// How long the usual level remembers (the EWMA's time constant), in hours.
    pub memory_hours: f64,
    /// A surge must be larger than this share of the series' own past excesses.
    pub quantile: f64,
    /// And at least this excess, in `ln(1 + count)`.
    pub min_excess: f64,
    /// Quiet time after an alert, in hours.
    pub refractory_hours: f64,
    /// Learning time before the first alert, in hours.
    pub warmup_hours: f64,
}

impl Default for VolumeConfig {
    fn default() -> Self {
        VolumeConfig {
            scales_mins: vec![60, 180],
            memory_hours: 72.0,
            quantile: 0.997,
            min_excess: 0.7,
            refractory_hours: 24.0,
            warmup_hours: 24.0,
        }
    }
}

/// Excesses are kept in a fixed histogram over this range, in steps of 0.025.
const HIST_LO: f64 = -4.0;
const HIST_HI: f64 = 8.0;
const HIST_BUCKETS: usize = 480;
/// Surges are clipped to this many mean absolute deviations before they are learnt.
const CLIP: f64 = 3.0;

#[derive(Debug, Clone)]
struct Scale {
    bins: usize,
    recent: VecDeque<f64>,
    sum: f64,
    level: Option<f64>,
    spread: f64,
    hist: Vec<u32>,
    total: u64,
}

impl Scale {
    fn new(bins: usize) -> Scale {
        Scale {
            bins: bins.max(1),
            recent: VecDeque::new(),
            sum: 0.0,
            level: None,
            spread: 0.3,
            hist: vec![0; HIST_BUCKETS],
            total: 0,
        }
    }

    /// The share-`q` quantile of the excesses seen so far (upper bucket edge).
    fn quantile(&self, q: f64) -> f64 {
        let target = q * self.total as f64;
        let mut acc = 0.0;
        for (i, c) in self.hist.iter().enumerate() {
            acc += *c as f64;
            if acc >= target {
                return HIST_LO + (i + 1) as f64 * (HIST_HI - HIST_LO) / HIST_BUCKETS as f64;
            }
        }
        HIST_HI
    }

    fn record(&mut self, excess: f64) {
        let x = excess.clamp(HIST_LO, HIST_HI - 1e-9);
        let i = ((x - HIST_LO) / (HIST_HI - HIST_LO) * HIST_BUCKETS as f64) as usize;
        self.hist[i.min(HIST_BUCKETS - 1)] += 1;
        self.total += 1;
    }
}

/// Watches one count series bin by bin.
#[derive(Debug, Clone)]
pub struct VolumeDetector {
    config: VolumeConfig,
    scales: Vec<Scale>,
    alpha: f64,
    warmup_bins: u64,
    refractory_bins: u64,
    seen: u64,
    last_alert: Option<u64>,
}

impl VolumeDetector {
    /// A detector for bins `bin_secs` seconds long.
    pub fn new(config: &VolumeConfig, bin_secs: u32) -> VolumeDetector {
        let bin_secs = bin_secs.max(1) as f64;
        let bins = |hours: f64| (hours * 3600.0 / bin_secs).round().max(1.0);
        VolumeDetector {
            scales: config.scales_mins.iter().map(|m| Scale::new(bins(*m as f64 / 60.0) as usize)).collect(),
            alpha: 1.0 / bins(config.memory_hours),
            warmup_bins: bins(config.warmup_hours) as u64,
            refractory_bins: bins(config.refractory_hours) as u64,
            seen: 0,
            last_alert: None,
            config: config.clone(),
        }
    }

    /// Takes the next bin's count; `true` when it is the start of a surge to alert.
    pub fn observe(&mut self, count: f64) -> bool {
        let count = if count.is_finite() { count.max(0.0) } else { 0.0 };
        let i = self.seen;
        self.seen += 1;
        let mut fire = false;
        for s in &mut self.scales {
            s.recent.push_back(count);
            s.sum += count;
            if s.recent.len() > s.bins
                && let Some(old) = s.recent.pop_front()
            {
                s.sum -= old;
            }
            let y = (s.sum.max(0.0) / s.recent.len() as f64).ln_1p();
            let level = *s.level.get_or_insert(y);
            let excess = y - level;
            if i >= self.warmup_bins && excess > self.config.min_excess && excess > s.quantile(self.config.quantile) {
                fire = true;
            }
            s.record(excess);
            // Learn the usual level, with surges clipped so they do not become usual.
            let clipped = y.min(level + CLIP * s.spread);
            let level = level + self.alpha * (clipped - level);
            s.spread += self.alpha * ((clipped - level).abs() - s.spread);
            s.level = Some(level);
        }
        let quiet = self.last_alert.is_none_or(|l| i - l >= self.refractory_bins);
        if fire && quiet {
            self.last_alert = Some(i);
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Five-minute bins: a day of 288.
    fn detector() -> VolumeDetector {
        VolumeDetector::new(&VolumeConfig::default(), 300)
    }

    /// A daily rhythm between 20 and 60, with a little noise.
    fn usual(i: usize) -> f64 {
        let day = (i % 288) as f64 / 288.0 * std::f64::consts::TAU;
        40.0 + 20.0 * day.sin() + ((i * 7919) % 11) as f64 - 5.0
    }

    #[test]
    fn a_surge_is_one_alert_and_the_usual_rhythm_none() {
        let mut d = detector();
        let mut alerts = Vec::new();
        for i in 0..288 * 10 {
            let surge = if (288 * 6..288 * 6 + 12).contains(&i) { 600.0 } else { 0.0 };
            if d.observe(usual(i) + surge) {
                alerts.push(i);
            }
        }
        assert_eq!(alerts.len(), 1, "{alerts:?}");
        assert!((288 * 6..288 * 6 + 12).contains(&alerts[0]), "{alerts:?}");
    }

    #[test]
    fn nothing_is_alerted_while_learning() {
        let mut d = detector();
        let alerts = (0..200).filter(|i| d.observe(if *i == 100 { 10_000.0 } else { usual(*i) })).count();
        assert_eq!(alerts, 0);
    }

    #[test]
    fn a_flat_quiet_series_still_sees_a_burst() {
        let mut d = detector();
        let mut alerts = Vec::new();
        for i in 0..288 * 5 {
            let v = if i % 97 == 0 { 1.0 } else { 0.0 } + if (288 * 4..288 * 4 + 6).contains(&i) { 30.0 } else { 0.0 };
            if d.observe(v) {
                alerts.push(i);
            }
        }
        assert_eq!(alerts.len(), 1, "{alerts:?}");
    }

    #[test]
    fn odd_counts_are_harmless() {
        let mut d = detector();
        for v in [f64::NAN, f64::INFINITY, -5.0, 1e300, 0.0] {
            d.observe(v);
        }
    }
}
