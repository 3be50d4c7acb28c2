//! The report as Markdown (chat, email), its short chat summary, and the number and date
//! formats both Markdown and HTML use.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::{Compare, Line, Post, Report, Timing, category_label, language_label};
use crate::spread::group_digits;

/// 1234 → "1,234"; 12.5 → "12.5"; −3.25 → "−3.3".
pub(super) fn num(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        let n = x.round();
        let s = group_digits(n.abs() as u64);
        if n < 0.0 { format!("−{s}") } else { s }
    } else {
        let s = format!("{:.1}", x.abs());
        if x < 0.0 { format!("−{s}") } else { s }
    }
}

pub(super) fn pct(x: f64) -> String {
    format!("{}%", num((x * 10.0).round() / 10.0))
}

/// The change from `before` to `now` as people say it: "+12%", "−3%", "new", "no change".
pub(super) fn change(now: f64, before: f64) -> String {
    if before.abs() < f64::EPSILON {
        return if now.abs() < f64::EPSILON { "no change".into() } else { "new".into() };
    }
    let p = ((now - before) / before * 100.0).round();
    match p {
        0.0 => "no change".into(),
        p if p > 0.0 => format!("+{}%", num(p)),
        p => format!("−{}%", num(-p)),
    }
}

/// The change of a share or score, in points: "+2.5 pts".
pub(super) fn points(now: f64, before: f64) -> String {
    let d = ((now - before) * 10.0).round() / 10.0;
    if d == 0.0 {
        "no change".into()
    } else if d > 0.0 {
        format!("+{} pts", num(d))
    } else {
        format!("−{} pts", num(-d))
    }
}

/// ↑, ↓ or → against the four-week average (a change under 10% is steady).
pub(super) fn arrow(c: &Compare) -> &'static str {
    if c.avg4 == 0.0 {
        return if c.this > 0.0 { "↑" } else { "→" };
    }
    let r = c.this / c.avg4;
    if r >= 1.1 {
        "↑"
    } else if r <= 0.9 {
        "↓"
    } else {
        "→"
    }
}

/// 42 → "42 min"; 190 → "3 h 10 min"; 3000 → "2 d 2 h".
pub(super) fn duration(mins: Option<f64>) -> String {
    let Some(m) = mins else { return "—".into() };
    let m = m.round() as i64;
    if m < 60 {
        format!("{m} min")
    } else if m < 24 * 60 {
        match m % 60 {
            0 => format!("{} h", m / 60),
            r => format!("{} h {r} min", m / 60),
        }
    } else {
        match (m / 60) % 24 {
            0 => format!("{} d", m / 1440),
            h => format!("{} d {h} h", m / 1440),
        }
    }
}

fn parse(t: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(t).ok()
}

/// "Mon 16 Nov, 14:02".
pub(super) fn when(t: &str) -> String {
    parse(t).map(|d| d.format("%a %-d %b, %H:%M").to_string()).unwrap_or_else(|| t.to_string())
}

/// "16–22 November 2026" (the end is exclusive: the last day is the day before).
pub(super) fn period(r: &Report) -> String {
    let (Some(s), Some(e)) = (parse(&r.period_start), parse(&r.period_end)) else {
        return format!("{} – {}", r.period_start, r.period_end);
    };
    let last = e - chrono::Duration::hours(12);
    if s.format("%b %Y").to_string() == last.format("%b %Y").to_string() {
        format!("{}–{}", s.format("%-d"), last.format("%-d %B %Y"))
    } else if s.format("%Y").to_string() == last.format("%Y").to_string() {
        format!("{} – {}", s.format("%-d %B"), last.format("%-d %B %Y"))
    } else {
        format!("{} – {}", s.format("%-d %B %Y"), last.format("%-d %B %Y"))
    }
}

/// "Week 47" from "2026-W47".
pub(super) fn week_label(r: &Report) -> String {
    let n = r.week.rsplit('W').next().unwrap_or(&r.week).trim_start_matches('0');
    format!("week {n}")
}

/// Untrusted text made inert in Markdown: no markup, no links, no table breaks, one line.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200b}"),
            c => out.push(c),
        }
    }
    out
}

fn author(p: &Post) -> String {
    p.author.as_deref().map(|a| format!("@{}", escape(a))).unwrap_or_else(|| "someone".into())
}

fn quote(out: &mut String, p: &Post) {
    let _ = write!(out, "   > “{}” — {} on {}, {}", escape(&p.text), author(p), escape(&p.source), when(&p.created_at));
    if p.engagement > 0 {
        let _ = write!(out, " · {} engagements", num(p.engagement as f64));
    }
    if let Some(url) = &p.url {
        let _ = write!(out, " · <{}>", url.replace(['<', '>', ' '], ""));
    }
    out.push('\n');
}

fn compare_row(out: &mut String, label: &str, c: &Compare, fmt: fn(f64) -> String, delta: fn(f64, f64) -> String) {
    let _ = writeln!(
        out,
        "| {label} | **{}** | {} ({}) | {} |",
        fmt(c.this),
        fmt(c.previous),
        delta(c.this, c.previous),
        fmt(c.avg4)
    );
}

fn lines_table(out: &mut String, what: &str, lines: &[Line], limit: usize, label: fn(&str) -> String) {
    let _ = writeln!(out, "| {what} | this week | previous week | 4-week avg | |");
    out.push_str("|---|---:|---:|---:|:-:|\n");
    for l in lines.iter().take(limit) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&label(&l.name)),
            num(l.value.this),
            num(l.value.previous),
            num(l.value.avg4),
            arrow(&l.value)
        );
    }
    if lines.len() > limit {
        let rest: f64 = lines[limit..].iter().map(|l| l.value.this).sum();
        let _ = writeln!(out, "| {} others | {} | | | |", lines.len() - limit, num(rest));
    }
    out.push('\n');
}

fn timing(t: &Timing) -> String {
    match t.count {
        0 => "—".into(),
        n => format!(
            "median {}, worst {} ({} incident{})",
            duration(t.median_mins),
            duration(t.worst_mins),
            n,
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// The whole report in Markdown.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} — reputation report, {} ({})\n", escape(&r.brand), week_label(r), period(r));
    let _ = writeln!(
        out,
        "Times in {}. Each figure is shown beside the previous week's and the average of the four weeks before.\n",
        r.timezone
    );
    if !r.has_data {
        let _ = writeln!(out, "**No mentions of {} were recorded this week.**", escape(&r.brand));
        if r.gaps.is_empty() {
            out.push_str("No source reported a failure, so the week was quiet rather than unobserved.\n\n");
        } else {
            out.push_str("Sources failed during the week (see *Data gaps*): the silence may be a gap in the data.\n\n");
        }
    }

    out.push_str("## At a glance\n\n| | this week | previous week | 4-week avg |\n|---|---:|---:|---:|\n");
    compare_row(&mut out, "Mentions", &r.mentions, num, change);
    compare_row(&mut out, "Complaints", &r.complaints, num, change);
    compare_row(&mut out, "Negative", &r.sentiment.negative_pct, pct, points);
    compare_row(&mut out, "Neutral", &r.sentiment.neutral_pct, pct, points);
    compare_row(&mut out, "Positive", &r.sentiment.positive_pct, pct, points);
    compare_row(&mut out, "Net sentiment (% positive − % negative)", &r.sentiment.net, num, points);
    compare_row(&mut out, "Incidents opened", &r.incidents.opened, num, change);
    out.push('\n');

    if r.has_data {
        out.push_str("## Mentions by day\n\n| Day | Mentions | Negative | Neutral | Positive | Complaints |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|\n");
        for d in &r.by_day {
            let day = chrono::NaiveDate::parse_from_str(&d.date, "%Y-%m-%d")
                .map(|x| x.format("%a %-d %b").to_string())
                .unwrap_or_else(|_| d.date.clone());
            let _ = writeln!(
                out,
                "| {day} | {} | {} | {} | {} | {} |",
                num(d.total as f64),
                num(d.negative as f64),
                num(d.neutral as f64),
                num(d.positive as f64),
                num(d.complaints as f64)
            );
        }
        out.push('\n');
        out.push_str("## By source\n\n");
        lines_table(&mut out, "Source", &r.by_source, 10, str::to_string);
        out.push_str("## By language\n\n");
        lines_table(&mut out, "Language", &r.by_language, 10, language_label);
    }

    out.push_str("## Complaints by category\n\n");
    if r.by_category.is_empty() {
        out.push_str("No complaints this week or in the four before.\n\n");
    } else {
        lines_table(&mut out, "Category", &r.by_category, 12, category_label);
    }

    out.push_str("## Top complaint themes\n\n");
    if r.themes.is_empty() {
        out.push_str("No theme was shared by two or more people.\n\n");
    }
    for (i, t) in r.themes.iter().enumerate() {
        let words: Vec<String> = t.words.iter().map(|w| escape(w)).collect();
        let _ = write!(out, "{}. **{}**", i + 1, words.join(", "));
        if let Some(c) = &t.category {
            let _ = write!(out, " — {}", escape(&category_label(c)));
        }
        let _ = writeln!(
            out,
            " · {} complaint{} from {} people",
            num(t.complaints as f64),
            if t.complaints == 1 { "" } else { "s" },
            num(t.people as f64)
        );
        for p in &t.examples {
            quote(&mut out, p);
        }
    }
    out.push('\n');

    let inc = &r.incidents;
    out.push_str("## Incidents\n\n");
    let _ = writeln!(
        out,
        "- Opened this week: **{}** (previous week {}, 4-week avg {}); still open at the end of the week: **{}**",
        num(inc.opened.this),
        num(inc.opened.previous),
        num(inc.opened.avg4),
        inc.still_open
    );
    let _ = writeln!(out, "- Time to first alert: {}", timing(&inc.time_to_first_alert));
    let _ = writeln!(out, "- Time to acknowledge: {}", timing(&inc.time_to_ack));
    let _ = writeln!(out, "- Time to resolve: {}\n", timing(&inc.time_to_resolve));
    if !inc.list.is_empty() {
        out.push_str("| Opened | Incident | Peak | Status | First alert | Acknowledged | Resolved |\n");
        out.push_str("|---|---|---|---|---:|---:|---:|\n");
        for l in &inc.list {
            let ack = match (&l.ack_mins, &l.acked_by) {
                (Some(m), Some(by)) => format!("{} by {}", duration(Some(*m)), escape(by)),
                (m, _) => duration(*m),
            };
            let _ = writeln!(
                out,
                "| {}{} | {} | {} | {} | {} | {} | {} |",
                when(&l.opened_at),
                if l.carried_over { " (earlier)" } else { "" },
                escape(&l.headline),
                l.peak_severity,
                l.status,
                duration(l.first_alert_mins),
                ack,
                duration(l.resolve_mins)
            );
        }
        out.push('\n');
    }

    out.push_str("## What to amplify\n\n");
    if r.top_positive.is_empty() {
        out.push_str("No positive post this week.\n\n");
    }
    for (i, p) in r.top_positive.iter().enumerate() {
        let _ = writeln!(out, "{}.", i + 1);
        quote(&mut out, p);
    }
    out.push('\n');

    if !r.engaged_authors.is_empty() {
        out.push_str(
            "## Most engaged authors\n\n| Author | Sources | Mentions | Complaints | Engagement | Followers |\n",
        );
        out.push_str("|---|---|---:|---:|---:|---:|\n");
        for a in &r.engaged_authors {
            let _ = writeln!(
                out,
                "| @{} | {} | {} | {} | {} | {} |",
                escape(&a.author),
                escape(&a.sources.join(", ")),
                a.mentions,
                a.complaints,
                num(a.engagement as f64),
                a.followers.map(|f| num(f as f64)).unwrap_or_else(|| "—".into())
            );
        }
        out.push('\n');
    }

    out.push_str("## Data gaps\n\n");
    if r.gaps.is_empty() {
        out.push_str("No source failed this week.\n");
    } else {
        out.push_str("These sources failed during the week; mentions from them may be missing.\n\n");
        for g in &r.gaps {
            let _ = writeln!(
                out,
                "- **{}**: {} failure{} between {} and {}; last: {}",
                escape(&g.source),
                g.failures,
                if g.failures == 1 { "" } else { "s" },
                when(&g.first),
                when(&g.last),
                escape(&g.last_error)
            );
        }
    }
    if r.weeks_with_data_before < 4 {
        let _ = writeln!(
            out,
            "\n_The four-week average counts weeks without data as zero; {} of the four weeks before had data._",
            r.weeks_with_data_before
        );
    }
    out
}

/// A few lines for a chat channel: the headline figures and where to read more.
pub fn summary(r: &Report) -> String {
    let mut out = format!("{} reputation report, {} ({})\n", r.brand, week_label(r), period(r));
    if !r.has_data {
        out.push_str("No mentions were recorded this week.");
        if !r.gaps.is_empty() {
            let names: Vec<&str> = r.gaps.iter().map(|g| g.source.as_str()).collect();
            let _ = write!(out, " Sources failed: {} — data may be missing.", names.join(", "));
        }
        return out;
    }
    let _ = writeln!(
        out,
        "• {} mentions ({} vs last week), {} complaints ({})",
        num(r.mentions.this),
        change(r.mentions.this, r.mentions.previous),
        num(r.complaints.this),
        change(r.complaints.this, r.complaints.previous)
    );
    let _ = writeln!(
        out,
        "• net sentiment {} ({}); negative {}",
        num(r.sentiment.net.this),
        points(r.sentiment.net.this, r.sentiment.net.previous),
        pct(r.sentiment.negative_pct.this)
    );
    let _ = writeln!(
        out,
        "• incidents: {} opened, {} still open; time to acknowledge {}",
        num(r.incidents.opened.this),
        r.incidents.still_open,
        duration(r.incidents.time_to_ack.median_mins)
    );
    if let Some(t) = r.themes.first() {
        let _ = writeln!(out, "• top complaint: {} ({} people)", t.words.join(", "), t.people);
    }
    if !r.gaps.is_empty() {
        let names: Vec<&str> = r.gaps.iter().map(|g| g.source.as_str()).collect();
        let _ = writeln!(out, "• data gaps: {} failed during the week", names.join(", "));
    }
    out.trim_end().to_string()
}
