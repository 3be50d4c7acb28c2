//! The report's charts, drawn with plotters as SVG text to inline in the HTML page (no
//! fonts, scripts or images fetched: the viewer's sans-serif draws the labels).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{Day, Line, TrendPoint};

const NEGATIVE: RGBColor = RGBColor(0xc6, 0x3b, 0x3b);
const NEUTRAL: RGBColor = RGBColor(0xb8, 0xbc, 0xc4);
const POSITIVE: RGBColor = RGBColor(0x2f, 0x8f, 0x5b);
const THIS_WEEK: RGBColor = RGBColor(0x2d, 0x5b, 0xa8);
const AVERAGE: RGBColor = RGBColor(0xa9, 0xc1, 0xe6);
const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
const FONT: &str = "sans-serif";

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Draws with `f` into an SVG of `size`; a drawing error (it has none to report for
/// in-memory SVG) leaves an empty chart rather than no report.
fn svg(size: (u32, u32), f: impl FnOnce(&Area<'_>) -> Result<(), Box<dyn std::error::Error>>) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        if let Err(e) = f(&root) {
            tracing::warn!(error = %e, "a report chart could not be drawn");
        }
        let _ = root.present();
    }
    out
}

fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * magnitude >= max * 1.05 {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

/// The key to a chart's series, in the chart's corner.
fn legend<'a, X: Ranged, Y: Ranged>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, Cartesian2d<X, Y>>,
    position: SeriesLabelPosition,
) -> Result<(), Box<dyn std::error::Error>> {
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(0xdd, 0xdd, 0xdd))
        .label_font((FONT, 13).into_font().color(&INK))
        .draw()?;
    Ok(())
}

/// Mentions per day, each bar stacked negative / neutral / positive.
pub fn volume_by_day(days: &[Day]) -> String {
    svg((720, 300), |root| {
        root.fill(&WHITE)?;
        let max = nice_max(days.iter().map(|d| d.total).max().unwrap_or(0) as f64);
        let labels: Vec<String> = days.iter().map(|d| format!("{} {}", d.weekday, &d.date[8..])).collect();
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d((0..days.len() as u32).into_segmented(), 0f64..max)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xe4, 0xe6, 0xea))
            .axis_style(INK)
            .label_style((FONT, 13).into_font().color(&INK))
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()?;
        for (series, color, name) in [(0, NEGATIVE, "negative"), (1, NEUTRAL, "neutral"), (2, POSITIVE, "positive")] {
            chart
                .draw_series(days.iter().enumerate().map(|(i, d)| {
                    let parts = [d.negative as f64, d.neutral as f64, d.positive as f64];
                    let base: f64 = parts[..series].iter().sum();
                    let i = i as u32;
                    let mut bar = Rectangle::new(
                        [(SegmentValue::Exact(i), base), (SegmentValue::Exact(i + 1), base + parts[series])],
                        color.filled(),
                    );
                    bar.set_margin(0, 0, 14, 14);
                    bar
                }))?
                .label(name)
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// Complaints per category: this week beside the four-week average.
pub fn complaints_by_category(lines: &[Line]) -> String {
    let lines: Vec<&Line> = lines.iter().take(10).collect();
    let height = 60 + 34 * lines.len().max(1) as u32;
    svg((720, height), |root| {
        root.fill(&WHITE)?;
        let max = nice_max(lines.iter().map(|l| l.value.this.max(l.value.avg4)).fold(0.0, f64::max));
        let names: Vec<String> = lines.iter().map(|l| l.name.clone()).collect();
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(24)
            .y_label_area_size(150)
            .build_cartesian_2d(0f64..max, (0..lines.len().max(1) as u32).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xe4, 0xe6, 0xea))
            .axis_style(INK)
            .label_style((FONT, 13).into_font().color(&INK))
            .y_label_formatter(&|y| match y {
                SegmentValue::CenterOf(i) => names.get(*i as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()?;
        for (which, color, name, (top, bottom)) in
            [(0, THIS_WEEK, "this week", (6, 17)), (1, AVERAGE, "4-week average", (17, 6))]
        {
            chart
                .draw_series(lines.iter().enumerate().map(|(i, l)| {
                    let v = if which == 0 { l.value.this } else { l.value.avg4 };
                    let i = i as u32;
                    let mut bar = Rectangle::new(
                        [(0.0, SegmentValue::Exact(i)), (v, SegmentValue::Exact(i + 1))],
                        color.filled(),
                    );
                    bar.set_margin(top, bottom, 0, 0);
                    bar
                }))?
                .label(name)
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
        }
        legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}

/// Net sentiment (% positive − % negative) over the five weeks up to this one.
pub fn sentiment_trend(points: &[TrendPoint]) -> String {
    svg((720, 260), |root| {
        root.fill(&WHITE)?;
        let extent = nice_max(points.iter().map(|p| p.net.abs()).fold(10.0, f64::max));
        let labels: Vec<String> = points.iter().map(|p| p.week.replace('-', " ")).collect();
        let n = points.len().max(1) as u32;
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d((0..n).into_segmented(), -extent..extent)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xe4, 0xe6, 0xea))
            .axis_style(INK)
            .label_style((FONT, 13).into_font().color(&INK))
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|y| format!("{y:+.0}"))
            .draw()?;
        chart.draw_series(LineSeries::new(
            [(SegmentValue::Exact(0), 0.0), (SegmentValue::Exact(n), 0.0)],
            RGBColor(0x99, 0x99, 0x99).stroke_width(1),
        ))?;
        let at = |i: usize, p: &TrendPoint| (SegmentValue::CenterOf(i as u32), p.net);
        chart.draw_series(LineSeries::new(
            points.iter().enumerate().map(|(i, p)| at(i, p)),
            THIS_WEEK.stroke_width(3),
        ))?;
        chart.draw_series(points.iter().enumerate().map(|(i, p)| Circle::new(at(i, p), 5, THIS_WEEK.filled())))?;
        chart.draw_series(
            points
                .iter()
                .enumerate()
                .map(|(i, p)| Text::new(format!("{:+.0}", p.net), at(i, p), (FONT, 13).into_font().color(&INK))),
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_svg_with_their_labels() {
        let days: Vec<Day> = (0..7)
            .map(|i| Day {
                date: format!("2026-11-{:02}", 16 + i),
                weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i].into(),
                total: 10 + i as u64,
                negative: 3,
                neutral: 5,
                positive: 2 + i as u64,
                complaints: 2,
            })
            .collect();
        let svg = volume_by_day(&days);
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.contains("Mon 16") && svg.contains("negative") && svg.contains("</svg>"));
        assert!(!svg.contains("http://") || svg.contains("http://www.w3.org/2000/svg"));
        let trend = sentiment_trend(&[TrendPoint { week: "2026-W47".into(), mentions: 10, complaints: 2, net: -12.0 }]);
        assert!(trend.contains("2026 W47") && trend.contains("-12"));
        assert!(complaints_by_category(&[]).contains("</svg>"));
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(17.0), 20.0);
        assert_eq!(nice_max(96.0), 100.0);
    }
}
