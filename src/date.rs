//! Dates as blog authors write them, parsed by postlint itself: never through a YAML
//! timestamp type that shifts the time zone.
//!
//! Accepted: `2025-11-13`, `2025-11-13 12:51`, `2025-11-13 12:51:00`,
//! `2025-11-13T12:51:00`, with fractional seconds, `Z`, `+08:00` or `+0800` (also after a
//! space, as Jekyll writes `2025-11-13 12:51:00 +0800`), and Hexo's `2013/7/13 20:46:25`
//! (one- or two-digit month and day).

use std::fmt;

/// A calendar date and time, with the UTC offset when one is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC, when the text says.
    pub offset_minutes: Option<i32>,
    /// Whether a time of day was written.
    pub has_time: bool,
}

/// The date as ISO 8601, with the time and offset when they were written.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if self.has_time {
            write!(f, " {:02}:{:02}:{:02}", self.hour, self.minute, self.second)?;
        }
        match self.offset_minutes {
            Some(0) => f.write_str("Z"),
            Some(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                write!(
                    f,
                    "{sign}{:02}:{:02}",
                    minutes.abs() / 60,
                    minutes.abs() % 60
                )
            }
            None => Ok(()),
        }
    }
}

impl Timestamp {
    /// The UTC time `seconds` after 1970-01-01T00:00:00Z.
    pub fn from_unix(seconds: i64) -> Timestamp {
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        let of_day = seconds.rem_euclid(86_400);
        Timestamp {
            year,
            month,
            day,
            hour: (of_day / 3600) as u8,
            minute: (of_day % 3600 / 60) as u8,
            second: (of_day % 60) as u8,
            offset_minutes: Some(0),
            has_time: true,
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z; a time without an offset is read as UTC.
    pub fn unix_seconds(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let seconds = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        seconds - i64::from(self.offset_minutes.unwrap_or(0)) * 60
    }
}

/// Parses a date as written, or says what is wrong with it.
pub fn parse(text: &str) -> Result<Timestamp, String> {
    let text = text.trim();
    let mut scanner = Scanner { rest: text };
    let year = scanner
        .number(4, 4)
        .ok_or("expected a four-digit year first")?;
    let separator = scanner
        .one_of(&['-', '/'])
        .ok_or("expected `-` after the year")?;
    // One-digit months and days: Hexo's `2013/7/13`, and YAML timestamps with a time
    // (`2026-1-13T00:00:00Z`, which js-yaml, Psych and Go's yaml read as dates). A date
    // alone with dashes needs two digits, as YAML's date type does.
    let before_month = scanner.rest;
    let month = scanner
        .number(1, 2)
        .ok_or("expected a month after the year")?;
    let short_month = before_month.len() - scanner.rest.len() == 1;
    scanner
        .char(separator)
        .ok_or_else(|| format!("expected `{separator}` after the month"))?;
    let before_day = scanner.rest;
    let day = scanner
        .number(1, 2)
        .ok_or("expected a day after the month")?;
    let short_day = before_day.len() - scanner.rest.len() == 1;
    if separator == '-' && (short_month || short_day) && scanner.rest.is_empty() {
        let what = if short_month { "month" } else { "day" };
        return Err(format!(
            "expected a two-digit {what} (a date without a time needs `2025-01-05`, not `2025-1-5`)"
        ));
    }
    let mut timestamp = Timestamp {
        year: year as i32,
        month: month as u8,
        day: day as u8,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: None,
        has_time: false,
    };
    if !(1..=12).contains(&timestamp.month) {
        return Err(format!("there is no month {month}"));
    }
    let days_in_month = days_in_month(timestamp.year, timestamp.month);
    if timestamp.day == 0 || timestamp.day > days_in_month {
        return Err(format!(
            "{} has no day {day} (it has {days_in_month} days)",
            month_name(timestamp.month)
        ));
    }
    if scanner.rest.is_empty() {
        return Ok(timestamp);
    }
    scanner
        .one_of(&['T', 't', ' '])
        .ok_or("expected a time after the date, such as `12:51:00`")?;
    let hour = scanner.number(1, 2).ok_or("expected an hour")?;
    scanner.char(':').ok_or("expected `:` after the hour")?;
    let minute = scanner.number(2, 2).ok_or("expected two-digit minutes")?;
    let second = match scanner.char(':') {
        Some(_) => scanner.number(2, 2).ok_or("expected two-digit seconds")?,
        None => 0,
    };
    if scanner.char('.').is_some() && scanner.digits() == 0 {
        return Err("expected digits after the decimal point".into());
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(format!(
            "{hour:02}:{minute:02}:{second:02} is not a time of day"
        ));
    }
    timestamp.has_time = true;
    timestamp.hour = hour as u8;
    timestamp.minute = minute as u8;
    timestamp.second = second as u8;
    scanner.rest = scanner.rest.strip_prefix(' ').unwrap_or(scanner.rest);
    if scanner.rest.is_empty() {
        return Ok(timestamp);
    }
    timestamp.offset_minutes = Some(scanner.offset()?);
    if !scanner.rest.is_empty() {
        return Err(format!("unexpected `{}` after the date", scanner.rest));
    }
    Ok(timestamp)
}

struct Scanner<'a> {
    rest: &'a str,
}

impl Scanner<'_> {
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let len = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        if len < min || len > max {
            return None;
        }
        let value = self.rest[..len].parse().ok()?;
        self.rest = &self.rest[len..];
        Some(value)
    }

    /// Exactly `count` digits, whatever follows them.
    fn fixed(&mut self, count: usize) -> Option<u32> {
        let digits = self.rest.get(..count)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.rest = &self.rest[count..];
        digits.parse().ok()
    }

    fn digits(&mut self) -> usize {
        let len = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        self.rest = &self.rest[len..];
        len
    }

    fn char(&mut self, expected: char) -> Option<char> {
        self.one_of(&[expected])
    }

    fn one_of(&mut self, expected: &[char]) -> Option<char> {
        let c = self.rest.chars().next().filter(|c| expected.contains(c))?;
        self.rest = &self.rest[c.len_utf8()..];
        Some(c)
    }

    /// `Z`, `+08:00`, `+0800` or `-05`.
    fn offset(&mut self) -> Result<i32, String> {
        if self.one_of(&['Z', 'z']).is_some() {
            return Ok(0);
        }
        let sign = match self.one_of(&['+', '-']) {
            Some('-') => -1,
            Some(_) => 1,
            None => return Err(format!("unexpected `{}` after the time", self.rest)),
        };
        let hours = self
            .fixed(2)
            .ok_or("expected a two-digit UTC offset, such as `+08:00`")?;
        self.char(':');
        let minutes = if self.rest.is_empty() {
            0
        } else {
            self.fixed(2)
                .ok_or("expected offset minutes, such as `+08:00`")?
        };
        if hours > 14 || minutes > 59 {
            return Err(format!("{hours:02}:{minutes:02} is not a UTC offset"));
        }
        Ok(sign * (hours as i32 * 60 + minutes as i32))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: u8) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][usize::from(month - 1)]
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
/// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month as u8, day as u8)
}

fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Timestamp {
        parse(text).unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    #[test]
    fn unix_seconds_and_back() {
        for text in [
            "1970-01-01",
            "2000-02-29 23:59:59",
            "2024-12-31T12:00:00Z",
            "1969-07-20 20:17:40",
        ] {
            let parsed = ok(text);
            let back = Timestamp::from_unix(parsed.unix_seconds());
            assert_eq!(back.unix_seconds(), parsed.unix_seconds(), "{text}");
            assert_eq!(
                (back.year, back.month, back.day),
                (parsed.year, parsed.month, parsed.day)
            );
        }
        assert_eq!(
            ok("2026-1-13T00:00:00.000Z").to_string(),
            "2026-01-13 00:00:00Z"
        );
        assert!(parse("2026-1-13").is_err());
    }

    #[test]
    fn the_forms_blogs_use() {
        assert_eq!(ok("2025-11-13").to_string(), "2025-11-13");
        assert_eq!(ok("2025-11-13 9:05").to_string(), "2025-11-13 09:05:00");
        assert_eq!(
            ok("2025-11-13T12:51:00-05:30").to_string(),
            "2025-11-13 12:51:00-05:30"
        );
        let t = ok("2025-11-13 12:51:00");
        assert_eq!(
            (t.hour, t.minute, t.second, t.offset_minutes),
            (12, 51, 0, None)
        );
        assert_eq!(ok("2025-11-13T12:51:00+08:00").offset_minutes, Some(480));
        assert_eq!(ok("2025-11-13T12:51:00.123Z").offset_minutes, Some(0));
        assert_eq!(ok("2025-11-13 12:51:00 +0800").offset_minutes, Some(480));
        assert_eq!(ok("2025-11-13 12:51:00 -0500").offset_minutes, Some(-300));
        assert_eq!(ok("2025-11-13 9:05").hour, 9);
        assert_eq!(ok("2013/7/13 20:46:25").month, 7);
        assert_eq!(ok("  2024-02-29  ").day, 29);
    }

    #[test]
    fn what_is_wrong_is_said() {
        assert_eq!(parse("2025-13-01").unwrap_err(), "there is no month 13");
        assert_eq!(
            parse("2025-02-29").unwrap_err(),
            "February has no day 29 (it has 28 days)"
        );
        assert_eq!(
            parse("13/11/2025").unwrap_err(),
            "expected a four-digit year first"
        );
        assert_eq!(
            parse("2025-11-13 25:00").unwrap_err(),
            "25:00:00 is not a time of day"
        );
        assert_eq!(
            parse("yesterday").unwrap_err(),
            "expected a four-digit year first"
        );
        assert!(parse("2025-11-13 12:51:00 PST").is_err());
        assert!(parse("2025-1-13").is_err());
    }

    #[test]
    fn unix_seconds_honour_the_offset() {
        assert_eq!(ok("1970-01-01").unix_seconds(), 0);
        assert_eq!(ok("2000-03-01").unix_seconds(), 951_868_800);
        assert_eq!(
            ok("2025-11-13T20:00:00+08:00").unix_seconds(),
            ok("2025-11-13T12:00:00Z").unix_seconds()
        );
    }
}
