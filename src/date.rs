//! Calendar dates as content writes them (`YYYY-MM-DD`): checking, adding years and
//! counting days, for review dates and `--today`.

/// `YYYY-MM-DD` with a real month and day.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
}

/// Today's date (UTC) as `YYYY-MM-DD`. Used only for warnings, never in output files.
pub fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `date` plus `years` (29 February becomes 28 February in a common year); `None` if `date`
/// is not a valid `YYYY-MM-DD`.
pub fn add_years(date: &str, years: u16) -> Option<String> {
    let d = parse(date)?;
    let year = d.year() + i32::from(years);
    let day = d.day().min(d.month().length(year));
    let out = time::Date::from_calendar_date(year, d.month(), day).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        out.year(),
        u8::from(out.month()),
        out.day()
    ))
}

pub(crate) fn parse(date: &str) -> Option<time::Date> {
    if !valid_date(date) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| date.get(r)?.parse::<u32>().ok();
    let month = time::Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    time::Date::from_calendar_date(i32::try_from(num(0..4)?).ok()?, month, u8::try_from(num(8..10)?).ok()?).ok()
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn days_between(a: &str, b: &str) -> Option<i64> {
    Some((parse(b)? - parse(a)?).whole_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_years_and_counts_days() {
        assert_eq!(add_years("2026-11-23", 3).as_deref(), Some("2029-11-23"));
        assert_eq!(add_years("2024-02-29", 1).as_deref(), Some("2025-02-28"));
        assert_eq!(add_years("nonsense", 1), None);
        assert_eq!(days_between("2026-11-23", "2026-12-23"), Some(30));
        assert_eq!(days_between("2026-11-23", "2026-11-01"), Some(-22));
    }

    #[test]
    fn today_is_a_date() {
        assert!(valid_date(&today()));
    }
}
