//! Counters the service keeps about itself, rendered in the Prometheus text format at
//! `GET /metrics`. Cheap to update from any task.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Upper bounds (seconds) of the delivery latency histogram: ingest to the sink's 2xx.
const LATENCY_BUCKETS: [f64; 12] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

#[derive(Default)]
pub struct Metrics {
    pub mentions_new: AtomicU64,
    pub mentions_updated: AtomicU64,
    pub mentions_duplicate: AtomicU64,
    pub mentions_ignored: AtomicU64,
    pub complaints: AtomicU64,
    pub alerts: AtomicU64,
    by_label: Mutex<BTreeMap<(&'static str, String), u64>>,
    /// Gauges with one label, e.g. `("source_last_success_timestamp_seconds:source", name)`.
    gauges_by_label: Mutex<BTreeMap<(&'static str, String), f64>>,
    latency: Mutex<Histogram>,
    sinks: Mutex<BTreeMap<String, SinkHealth>>,
}

/// How a sink is doing, as its delivery loop last saw it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SinkHealth {
    /// The last delivery succeeded (or none was tried yet).
    pub healthy: bool,
    /// The endpoint refused us for good (401, 403, 404, 410): nothing is sent to it
    /// until a dead letter of it is redelivered or the service restarts.
    pub paused: bool,
    pub consecutive_failures: u32,
    pub last_error: Option<String>,
    pub last_error_at: Option<chrono::DateTime<chrono::Utc>>,
    pub last_success_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Default)]
struct Histogram {
    buckets: [u64; LATENCY_BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// Adds to a counter with one label, e.g. `("deliveries_sent_total", sink)`.
    pub fn inc_labeled(&self, name: &'static str, label: &str) {
        let mut map = self.by_label.lock().unwrap_or_else(|p| p.into_inner());
        *map.entry((name, label.to_string())).or_default() += 1;
    }

    /// Adds `n` to a counter with one label.
    pub fn add_labeled(&self, name: &'static str, label: &str, n: u64) {
        let mut map = self.by_label.lock().unwrap_or_else(|p| p.into_inner());
        *map.entry((name, label.to_string())).or_default() += n;
    }

    /// Sets a gauge with one label, e.g. `("source_up:source", name)`.
    pub fn set_gauge_labeled(&self, name: &'static str, label: &str, value: f64) {
        let mut map = self.gauges_by_label.lock().unwrap_or_else(|p| p.into_inner());
        map.insert((name, label.to_string()), value);
    }

    /// Registers a sink as healthy (at start).
    pub fn sink_started(&self, name: &str) {
        let mut map = self.sinks.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(name.to_string()).or_insert(SinkHealth { healthy: true, ..SinkHealth::default() });
    }

    pub fn sink_succeeded(&self, name: &str) {
        let mut map = self.sinks.lock().unwrap_or_else(|p| p.into_inner());
        let h = map.entry(name.to_string()).or_default();
        h.healthy = true;
        h.paused = false;
        h.consecutive_failures = 0;
        h.last_success_at = Some(chrono::Utc::now());
    }

    /// A failed delivery; `healthy` stays true for transient failures until a few in a
    /// row, `pause` stops the sink.
    pub fn sink_failed(&self, name: &str, error: &str, permanent: bool, pause: bool) {
        let mut map = self.sinks.lock().unwrap_or_else(|p| p.into_inner());
        let h = map.entry(name.to_string()).or_default();
        h.consecutive_failures += 1;
        h.healthy = !permanent && h.consecutive_failures < 3;
        h.paused |= pause;
        h.last_error = Some(error.to_string());
        h.last_error_at = Some(chrono::Utc::now());
    }

    /// Someone redelivered a dead letter: try the sink again.
    pub fn sink_resumed(&self, name: &str) {
        let mut map = self.sinks.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(h) = map.get_mut(name) {
            h.paused = false;
        }
    }

    pub fn sink_paused(&self, name: &str) -> bool {
        self.sinks.lock().unwrap_or_else(|p| p.into_inner()).get(name).is_some_and(|h| h.paused)
    }

    pub fn sink_health(&self) -> BTreeMap<String, SinkHealth> {
        self.sinks.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn observe_delivery_latency(&self, seconds: f64) {
        let mut h = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                h.buckets[i] += 1;
            }
        }
        h.count += 1;
        h.sum += seconds;
    }

    /// The Prometheus exposition; `gauges` are read by the caller at scrape time.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        let counters = [
            ("repwatch_mentions_total", "Mentions stored, by outcome.", &self.mentions_new, "new"),
            ("repwatch_mentions_total", "", &self.mentions_updated, "updated"),
            ("repwatch_mentions_total", "", &self.mentions_duplicate, "duplicate"),
            ("repwatch_mentions_total", "", &self.mentions_ignored, "ignored"),
        ];
        for (name, help, counter, outcome) in counters {
            if !help.is_empty() {
                let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            }
            let _ = writeln!(out, "{name}{{outcome=\"{outcome}\"}} {}", counter.load(Ordering::Relaxed));
        }
        for (name, help, counter) in [
            ("repwatch_complaints_total", "Mentions scored as complaints.", &self.complaints),
            ("repwatch_alerts_total", "Alerts decided and written to the outbox.", &self.alerts),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                counter.load(Ordering::Relaxed)
            );
        }
        let labeled = self.by_label.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut last = "";
        for ((name, label), value) in &labeled {
            let (metric, key) = split_label(name);
            if *name != last {
                let _ = writeln!(out, "# TYPE repwatch_{metric} counter");
                last = name;
            }
            let _ = writeln!(out, "repwatch_{metric}{{{key}=\"{}\"}} {value}", escape(label));
        }
        let labeled_gauges = self.gauges_by_label.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut last = "";
        for ((name, label), value) in &labeled_gauges {
            let (metric, key) = split_label(name);
            if *name != last {
                let _ = writeln!(out, "# TYPE repwatch_{metric} gauge");
                last = name;
            }
            let _ = writeln!(out, "repwatch_{metric}{{{key}=\"{}\"}} {value}", escape(label));
        }
        for (name, help, value) in gauges {
            let _ =
                writeln!(out, "# HELP repwatch_{name} {help}\n# TYPE repwatch_{name} gauge\nrepwatch_{name} {value}");
        }
        let sinks = self.sink_health();
        if !sinks.is_empty() {
            let _ = writeln!(
                out,
                "# HELP repwatch_sink_up 1 while the sink's last deliveries succeed, 0 when it fails or is paused.\n# TYPE repwatch_sink_up gauge"
            );
            for (name, h) in &sinks {
                let _ =
                    writeln!(out, "repwatch_sink_up{{sink=\"{}\"}} {}", escape(name), u8::from(h.healthy && !h.paused));
            }
        }
        let h = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let name = "repwatch_delivery_latency_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} From a mention's ingestion to the sink accepting its alert.\n# TYPE {name} histogram"
        );
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {}", h.buckets[i]);
        }
        let _ =
            writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {}\n{name}_sum {}\n{name}_count {}", h.count, h.sum, h.count);
        out
    }
}

/// `"deliveries_sent_total:sink"` → (`deliveries_sent_total`, `sink`).
fn split_label(name: &str) -> (&str, &str) {
    name.split_once(':').unwrap_or((name, "label"))
}

fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_prometheus_text() {
        let m = Metrics::default();
        Metrics::add(&m.mentions_new, 3);
        m.inc_labeled("deliveries_sent_total:sink", "ops \"chat\"");
        m.observe_delivery_latency(0.02);
        m.add_labeled("source_mentions_total:source", "hn", 5);
        m.set_gauge_labeled("source_up:source", "hn", 1.0);
        let text = m.render(&[("open_incidents", "Incidents not resolved.", 2.0)]);
        assert!(text.contains("repwatch_mentions_total{outcome=\"new\"} 3"));
        assert!(text.contains("repwatch_deliveries_sent_total{sink=\"ops \\\"chat\\\"\"} 1"));
        assert!(text.contains("repwatch_open_incidents 2"));
        assert!(text.contains("repwatch_source_mentions_total{source=\"hn\"} 5"));
        assert!(text.contains("# TYPE repwatch_source_up gauge\nrepwatch_source_up{source=\"hn\"} 1"));
        assert!(text.contains("repwatch_delivery_latency_seconds_bucket{le=\"0.025\"} 1"));
        assert!(text.contains("repwatch_delivery_latency_seconds_bucket{le=\"0.01\"} 0"));
    }
}
