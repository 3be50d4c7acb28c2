//! The report as one self-contained HTML page: inline CSS and SVG charts, nothing fetched,
//! readable on a phone and when printed.

use std::fmt::Write as _;

use super::markdown::{arrow, change, duration, num, pct, period, points, week_label, when};
use super::{Compare, Line, Post, Report, Timing, category_label, charts, language_label};

/// Untrusted text made inert in HTML text and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Only http(s) links become links; anything else is shown as text.
fn link(url: &Option<String>, label: &str) -> String {
    match url {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            format!("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>", esc(u), esc(label))
        }
        _ => String::new(),
    }
}

const STYLE: &str = r#"
:root { --ink:#222; --muted:#666; --line:#e4e6ea; --neg:#c63b3b; --pos:#2f8f5b; --accent:#2d5ba8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 860px; padding: 16px; }
h1 { font-size: 1.5em; margin: .2em 0; } h2 { font-size: 1.15em; margin: 1.6em 0 .5em; border-bottom: 1px solid var(--line); }
.sub { color: var(--muted); margin-top: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .v { font-size: 1.6em; font-weight: 600; } .card .k { color: var(--muted); font-size: .85em; }
.card .d { font-size: .85em; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
svg { max-width: 100%; height: auto; display: block; }
blockquote { margin: .4em 0 .8em; padding: .3em .8em; border-left: 3px solid var(--line); color: #333; }
blockquote .meta { display: block; color: var(--muted); font-size: .85em; }
.notice { background: #fff6e0; border: 1px solid #f0d58a; border-radius: 6px; padding: 8px 12px; }
.up { color: var(--neg); } .down { color: var(--pos); }
footer { color: var(--muted); font-size: .8em; margin-top: 2em; }
@media print { body { max-width: none; font-size: 11pt; } h2 { break-after: avoid; } .card, blockquote, tr { break-inside: avoid; } a { color: inherit; } }
"#;

fn card(out: &mut String, label: &str, value: String, detail: String) {
    let _ = write!(
        out,
        "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div><div class=\"d\">{}</div></div>",
        esc(label),
        esc(&value),
        esc(&detail)
    );
}

fn vs(c: &Compare, fmt: fn(f64) -> String, delta: fn(f64, f64) -> String) -> String {
    format!("{} vs last week · avg {}", delta(c.this, c.previous), fmt(c.avg4))
}

fn lines_table(out: &mut String, what: &str, lines: &[Line], limit: usize, label: fn(&str) -> String) {
    let _ = write!(
        out,
        "<div class=\"scroll\"><table><tr><th>{}</th><th class=\"n\">this week</th><th class=\"n\">previous</th>\
         <th class=\"n\">4-week avg</th><th></th></tr>",
        esc(what)
    );
    for l in lines.iter().take(limit) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(&label(&l.name)),
            num(l.value.this),
            num(l.value.previous),
            num(l.value.avg4),
            arrow(&l.value)
        );
    }
    out.push_str("</table></div>");
}

fn quote(out: &mut String, p: &Post) {
    let who = p.author.as_deref().map(|a| format!("@{a}")).unwrap_or_else(|| "someone".into());
    let mut meta = format!("{} on {}, {}", esc(&who), esc(&p.source), esc(&when(&p.created_at)));
    if p.engagement > 0 {
        let _ = write!(meta, " · {} engagements", num(p.engagement as f64));
    }
    let l = link(&p.url, "open");
    if !l.is_empty() {
        let _ = write!(meta, " · {l}");
    }
    let _ = write!(out, "<blockquote>{}<span class=\"meta\">{meta}</span></blockquote>", esc(&p.text));
}

fn timing(t: &Timing) -> String {
    match t.count {
        0 => "—".into(),
        _ => format!("median {} · worst {}", duration(t.median_mins), duration(t.worst_mins)),
    }
}

/// The whole report as an HTML page.
pub fn render(r: &Report) -> String {
    let title = format!("{} — reputation report, {} ({})", r.brand, week_label(r), period(r));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        esc(&title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"sub\">{} · {} · times in {}. Each figure beside the previous week's and the \
         average of the four weeks before.</p>",
        esc(&format!("{} — reputation report", r.brand)),
        esc(&week_label(r)),
        esc(&period(r)),
        esc(&r.timezone)
    );
    if !r.has_data {
        let why = if r.gaps.is_empty() {
            "No source reported a failure, so the week was quiet rather than unobserved."
        } else {
            "Sources failed during the week (see Data gaps): the silence may be a gap in the data."
        };
        let _ = write!(
            out,
            "<p class=\"notice\"><strong>No mentions of {} were recorded this week.</strong> {why}</p>",
            esc(&r.brand)
        );
    }

    out.push_str("<div class=\"cards\">");
    card(&mut out, "Mentions", num(r.mentions.this), vs(&r.mentions, num, change));
    card(&mut out, "Complaints", num(r.complaints.this), vs(&r.complaints, num, change));
    card(&mut out, "Net sentiment", num(r.sentiment.net.this), vs(&r.sentiment.net, num, points));
    card(&mut out, "Negative share", pct(r.sentiment.negative_pct.this), vs(&r.sentiment.negative_pct, pct, points));
    card(&mut out, "Incidents opened", num(r.incidents.opened.this), vs(&r.incidents.opened, num, change));
    card(
        &mut out,
        "Still open",
        r.incidents.still_open.to_string(),
        format!("acknowledged in {}", duration(r.incidents.time_to_ack.median_mins)),
    );
    out.push_str("</div>");

    if r.has_data {
        out.push_str("<h2>Mentions by day</h2>");
        out.push_str(&charts::volume_by_day(&r.by_day));
        out.push_str(
            "<div class=\"scroll\"><table><tr><th>Day</th><th class=\"n\">Mentions</th><th class=\"n\">Negative</th>\
             <th class=\"n\">Neutral</th><th class=\"n\">Positive</th><th class=\"n\">Complaints</th></tr>",
        );
        for d in &r.by_day {
            let _ = write!(
                out,
                "<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&d.weekday),
                esc(&d.date),
                num(d.total as f64),
                num(d.negative as f64),
                num(d.neutral as f64),
                num(d.positive as f64),
                num(d.complaints as f64)
            );
        }
        out.push_str("</table></div>");
        out.push_str("<h2>By source</h2>");
        lines_table(&mut out, "Source", &r.by_source, 12, str::to_string);
        out.push_str("<h2>By language</h2>");
        lines_table(&mut out, "Language", &r.by_language, 12, language_label);
    }

    out.push_str("<h2>Sentiment trend</h2>");
    out.push_str(&charts::sentiment_trend(&r.trend));

    out.push_str("<h2>Complaints by category</h2>");
    if r.by_category.is_empty() {
        out.push_str("<p>No complaints this week or in the four before.</p>");
    } else {
        let labelled: Vec<Line> =
            r.by_category.iter().map(|l| Line { name: category_label(&l.name), value: l.value }).collect();
        out.push_str(&charts::complaints_by_category(&labelled));
        lines_table(&mut out, "Category", &r.by_category, 12, category_label);
    }

    out.push_str("<h2>Top complaint themes</h2>");
    if r.themes.is_empty() {
        out.push_str("<p>No theme was shared by two or more people.</p>");
    }
    out.push_str("<ol>");
    for t in &r.themes {
        let _ = write!(out, "<li><strong>{}</strong>", esc(&t.words.join(", ")));
        if let Some(c) = &t.category {
            let _ = write!(out, " — {}", esc(&category_label(c)));
        }
        let _ = write!(out, " · {} complaints from {} people", num(t.complaints as f64), num(t.people as f64));
        for p in &t.examples {
            quote(&mut out, p);
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");

    let inc = &r.incidents;
    out.push_str("<h2>Incidents</h2>");
    let _ = write!(
        out,
        "<p>Time to first alert: {} · to acknowledge: {} · to resolve: {}</p>",
        esc(&timing(&inc.time_to_first_alert)),
        esc(&timing(&inc.time_to_ack)),
        esc(&timing(&inc.time_to_resolve))
    );
    if inc.list.is_empty() {
        out.push_str("<p>No incident this week.</p>");
    } else {
        out.push_str(
            "<div class=\"scroll\"><table><tr><th>Opened</th><th>Incident</th><th>Peak</th><th>Status</th>\
             <th class=\"n\">First alert</th><th class=\"n\">Acknowledged</th><th class=\"n\">Resolved</th></tr>",
        );
        for l in &inc.list {
            let ack = match (&l.ack_mins, &l.acked_by) {
                (Some(m), Some(by)) => format!("{} by {}", duration(Some(*m)), by),
                (m, _) => duration(*m),
            };
            let _ = write!(
                out,
                "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td></tr>",
                esc(&when(&l.opened_at)),
                if l.carried_over { " (earlier)" } else { "" },
                esc(&l.headline),
                esc(&l.peak_severity),
                esc(&l.status),
                esc(&duration(l.first_alert_mins)),
                esc(&ack),
                esc(&duration(l.resolve_mins))
            );
        }
        out.push_str("</table></div>");
    }

    out.push_str("<h2>What to amplify</h2>");
    if r.top_positive.is_empty() {
        out.push_str("<p>No positive post this week.</p>");
    }
    for p in &r.top_positive {
        quote(&mut out, p);
    }

    if !r.engaged_authors.is_empty() {
        out.push_str(
            "<h2>Most engaged authors</h2><div class=\"scroll\"><table><tr><th>Author</th><th>Sources</th>\
             <th class=\"n\">Mentions</th><th class=\"n\">Complaints</th><th class=\"n\">Engagement</th>\
             <th class=\"n\">Followers</th></tr>",
        );
        for a in &r.engaged_authors {
            let _ = write!(
                out,
                "<tr><td>@{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td></tr>",
                esc(&a.author),
                esc(&a.sources.join(", ")),
                a.mentions,
                a.complaints,
                num(a.engagement as f64),
                a.followers.map(|f| num(f as f64)).unwrap_or_else(|| "—".into())
            );
        }
        out.push_str("</table></div>");
    }

    out.push_str("<h2>Data gaps</h2>");
    if r.gaps.is_empty() {
        out.push_str("<p>No source failed this week.</p>");
    } else {
        out.push_str(
            "<p class=\"notice\">These sources failed during the week; mentions from them may be missing.</p><ul>",
        );
        for g in &r.gaps {
            let _ = write!(
                out,
                "<li><strong>{}</strong>: {} failures between {} and {}; last: {}</li>",
                esc(&g.source),
                g.failures,
                esc(&when(&g.first)),
                esc(&when(&g.last)),
                esc(&g.last_error)
            );
        }
        out.push_str("</ul>");
    }
    let _ = write!(out, "<footer>Generated by repwatch at {}.", esc(&when(&r.generated_at)));
    if r.weeks_with_data_before < 4 {
        let _ = write!(
            out,
            " The four-week average counts weeks without data as zero; {} of the four weeks before had data.",
            r.weeks_with_data_before
        );
    }
    out.push_str("</footer></body></html>\n");
    out
}
