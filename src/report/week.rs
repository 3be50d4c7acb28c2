//! ISO weeks in a time zone, and the weekly schedule (`"mon 09:00"`).

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// An ISO 8601 week: Monday to Sunday, numbered within its ISO year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    pub year: i32,
    pub week: u32,
}

impl Week {
    /// `2026-W47` (also `2026-w47`, `2026W47`).
    pub fn parse(s: &str) -> Result<Week, String> {
        let bad = || format!("week {s:?} is not an ISO week like 2026-W47");
        let upper = s.trim().to_ascii_uppercase();
        let (year, week) = upper.split_once('W').ok_or_else(bad)?;
        let year: i32 = year.trim_end_matches('-').parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .ok_or_else(|| format!("week {s:?} does not exist: {year} has no week {week}"))?;
        Ok(Week { year, week })
    }

    /// The week a local date falls in.
    pub fn of_date(d: NaiveDate) -> Week {
        let iso = d.iso_week();
        Week { year: iso.year(), week: iso.week() }
    }

    /// The week an instant falls in, in `tz`.
    pub fn containing(t: DateTime<Utc>, tz: Tz) -> Week {
        Week::of_date(t.with_timezone(&tz).date_naive())
    }

    /// The last week that has ended at `now`, in `tz`.
    pub fn last_complete(now: DateTime<Utc>, tz: Tz) -> Week {
        Week::containing(now, tz).previous()
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).expect("a week is checked when made")
    }

    pub fn previous(self) -> Week {
        Week::of_date(self.monday() - Duration::days(7))
    }

    /// The seven local dates of the week.
    pub fn days(self) -> Vec<NaiveDate> {
        let monday = self.monday();
        (0..7).map(|i| monday + Duration::days(i)).collect()
    }

    /// `[Monday 00:00, next Monday 00:00)` local time in `tz`, as UTC instants.
    pub fn bounds(self, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = self.monday();
        (local_midnight(start, tz), local_midnight(start + Duration::days(7), tz))
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

/// The first instant of a local date (midnight, or the first moment after a DST gap).
pub fn local_midnight(d: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let mut t = NaiveDateTime::new(d, NaiveTime::MIN);
    for _ in 0..4 {
        if let Some(local) = tz.from_local_datetime(&t).earliest() {
            return local.with_timezone(&Utc);
        }
        t += Duration::minutes(30);
    }
    Utc.from_utc_datetime(&NaiveDateTime::new(d, NaiveTime::MIN))
}

/// When the weekly report goes out: a weekday and a local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub weekday: Weekday,
    pub time: NaiveTime,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule { weekday: Weekday::Mon, time: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 exists") }
    }
}

impl Schedule {
    /// `"mon 09:00"`, `"Monday 9:30"`.
    pub fn parse(s: &str) -> Result<Schedule, String> {
        let bad = || format!("{s:?} is not a weekday and a time like \"mon 09:00\"");
        let mut parts = s.split_whitespace();
        let (Some(day), Some(time), None) = (parts.next(), parts.next(), parts.next()) else { return Err(bad()) };
        let weekday: Weekday = day.parse().map_err(|_| bad())?;
        let time = NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| bad())?;
        Ok(Schedule { weekday, time })
    }

    /// When the report of `week` is due: its scheduled moment in the following week.
    pub fn due(&self, week: Week, tz: Tz) -> DateTime<Utc> {
        let next_monday = week.monday() + Duration::days(7);
        let day = next_monday + Duration::days(self.weekday.num_days_from_monday() as i64);
        let mut t = NaiveDateTime::new(day, self.time);
        for _ in 0..4 {
            if let Some(local) = tz.from_local_datetime(&t).earliest() {
                return local.with_timezone(&Utc);
            }
            t += Duration::minutes(30);
        }
        Utc.from_utc_datetime(&NaiveDateTime::new(day, self.time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_parse_print_and_bound_in_their_zone() {
        let w = Week::parse("2026-W47").unwrap();
        assert_eq!(w.to_string(), "2026-W47");
        assert_eq!(w.monday(), NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
        assert_eq!(Week::parse("2026w47").unwrap(), w);
        let (start, end) = w.bounds(chrono_tz::Europe::Oslo);
        assert_eq!(start.to_rfc3339(), "2026-11-15T23:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-11-22T23:00:00+00:00");
        assert_eq!(w.previous().to_string(), "2026-W46");
        assert_eq!(Week::parse("2027-W01").unwrap().previous().to_string(), "2026-W53");
        assert!(Week::parse("2026-W54").unwrap_err().contains("has no week 54"));
        assert!(Week::parse("47").is_err());
    }

    #[test]
    fn a_week_across_a_dst_change_has_its_real_length() {
        // Europe/Oslo leaves summer time on Sunday 25 October 2026: that week has 169 hours.
        let (start, end) = Week::parse("2026-W43").unwrap().bounds(chrono_tz::Europe::Oslo);
        assert_eq!((end - start).num_hours(), 169);
    }

    #[test]
    fn the_last_complete_week_and_when_its_report_is_due() {
        let tz = chrono_tz::Europe::Oslo;
        let now = "2026-11-23T07:30:00Z".parse::<DateTime<Utc>>().unwrap(); // Monday 08:30 in Oslo
        let week = Week::last_complete(now, tz);
        assert_eq!(week.to_string(), "2026-W47");
        let s = Schedule::parse("mon 09:00").unwrap();
        assert_eq!(s.due(week, tz).to_rfc3339(), "2026-11-23T08:00:00+00:00");
        assert_eq!(Schedule::parse("Friday 16:45").unwrap().weekday, Weekday::Fri);
        assert!(Schedule::parse("mon").is_err());
        assert!(Schedule::parse("someday 09:00").is_err());
        assert!(Schedule::parse("mon 25:00").is_err());
    }
}
