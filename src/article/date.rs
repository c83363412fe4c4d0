//! Dates as news pages write them, turned to ISO 8601 where they can be read.
//!
//! The forms are read here; whether the numbers make a day of the calendar (and which
//! day an ISO date names) is `jiff`'s to say.

use jiff::civil::{date, Date};
use jiff::Timestamp;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// ISO 8601 (`YYYY-MM-DD`, with the time kept when given as ISO) or `None` if unreadable.
/// A day the calendar does not have ("2017-02-31", "February 31, 2017") is unreadable.
pub fn normalise_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    iso_date(s).or_else(|| written_date(s))
}

/// A date a page can really have been published on: readable, a real calendar day,
/// and not a placeholder such as `0001-01-01` or a year far from the present.
///
/// The Unix epoch is a placeholder too: a publication time stored as the number 0 is
/// shown as 1 January 1970 (UTC), or as the evening of 31 December 1969 in a zone west
/// of Greenwich. So the day 1970-01-01 in any form is refused, and so is any time that
/// is that instant; no news page on the web was published that day. Other times of
/// 31 December 1969 are kept.
pub fn plausible_date(raw: &str) -> Option<String> {
    let iso = normalise_date(raw)?;
    let day = calendar_day(&iso)?;
    let epoch_day = day == date(1970, 1, 1);
    let epoch_instant = iso.parse::<Timestamp>().ok() == Some(Timestamp::UNIX_EPOCH);
    let in_range = (1900..=2199).contains(&day.year());
    (in_range && !epoch_day && !epoch_instant).then_some(iso)
}

/// The calendar day of an ISO date ("2017-06-06…"), as `iso_date` gives it.
fn calendar_day(iso: &str) -> Option<Date> {
    iso.get(..10)?.parse().ok()
}

/// A date as a reader says it: "6 June 2017", or "20 Nov 2019, 01:22" when the time of
/// day is given. A date that is not ISO 8601 is shown as it was written.
pub fn readable(date: &str) -> String {
    const NAMES: [&str; 12] = [
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
    ];
    let Some(iso) = iso_date(date) else {
        return date.to_string();
    };
    let Some(day) = calendar_day(&iso) else {
        return date.to_string();
    };
    let name = NAMES[day.month() as usize - 1];
    let time = iso.get(10..).and_then(|rest| {
        let clock = rest.strip_prefix('T')?.get(..5)?;
        let is_clock = clock.as_bytes().get(2) == Some(&b':');
        (is_clock && clock != "00:00").then_some(clock)
    });
    let (year, day) = (day.year(), day.day());
    match time {
        Some(clock) => format!("{day} {} {year}, {clock}", &name[..3]),
        None => format!("{day} {name} {year}"),
    }
}

fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let is_digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    let separated = |sep: u8| s.len() >= 10 && b[4] == sep && b[7] == sep;
    if !(is_digits(0..4) && is_digits(5..7) && is_digits(8..10)) {
        return None;
    }
    // A day the calendar has: no month 13, no 31 June, no 29 February in 2019.
    let day: Date = format!("{}-{}-{}", &s[..4], &s[5..7], &s[8..10])
        .parse()
        .ok()?;
    if separated(b'-') {
        Some(s.split_whitespace().next()?.to_string())
    } else if separated(b'/') && s.len() == 10 {
        // "2019/11/20", as some pages write their date.
        Some(day.to_string())
    } else {
        None
    }
}

/// "June 6, 2017", "Tuesday, June 6, 2017", "6 June 2017", "Jun. 6 2017".
fn written_date(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month = words.iter().position(|w| month_number(w).is_some())?;
    let m = month_number(&words[month])?;
    let numbers: Vec<u32> = words
        .iter()
        .filter_map(|w| w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok())
        .collect();
    let year = *numbers.iter().find(|&&n| (1000..=2999).contains(&n))?;
    let day = *numbers.iter().find(|&&n| (1..=31).contains(&n))?;
    let known = words.iter().all(|w| {
        month_number(w).is_some()
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || is_weekday(w)
            || is_time_word(w)
    });
    if !known {
        return None;
    }
    let day = Date::new(i16::try_from(year).ok()?, m as i8, day as i8).ok()?;
    Some(day.to_string())
}

fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS.iter().position(|m| word.starts_with(m))?;
    let ok = word.len() == 3 || full[i].starts_with(word) || (word == "sept");
    ok.then_some(i as u32 + 1)
}

/// Words that come with a time of day: "at", "pm", a zone ("GMT+0000", "EST").
fn is_time_word(word: &str) -> bool {
    const ZONES: &[&str] = &[
        "at", "am", "pm", "a", "p", "m", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt",
        "pst", "pdt", "bst", "cet", "cest", "ist",
    ];
    ZONES.contains(&word) || word.starts_with("gmt+") || word.starts_with("utc+")
}

fn is_weekday(word: &str) -> bool {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| word.starts_with(d))
        && word.len() <= 9
}

#[cfg(test)]
mod tests {
    use super::normalise_date;

    #[test]
    fn reads_common_forms() {
        assert_eq!(
            normalise_date("June 6, 2017").as_deref(),
            Some("2017-06-06")
        );
        assert_eq!(
            normalise_date("Friday, July 21, 2017").as_deref(),
            Some("2017-07-21")
        );
        assert_eq!(
            normalise_date("6 Sept. 2016").as_deref(),
            Some("2016-09-06")
        );
        assert_eq!(
            normalise_date("2017-06-06T10:00:00Z").as_deref(),
            Some("2017-06-06T10:00:00Z")
        );
        assert_eq!(
            normalise_date("20 Nov 2019 08:02 GMT").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            normalise_date("Wed Nov 20 2019 08:00:58 GMT+0000").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(normalise_date("2019/11/19").as_deref(), Some("2019-11-19"));
        assert_eq!(normalise_date("not a date"), None);
        assert_eq!(normalise_date("Mayor Smith said 2017"), None);
    }

    #[test]
    fn dates_read_as_a_person_says_them() {
        use super::readable;
        assert_eq!(readable("2017-06-06"), "6 June 2017");
        assert_eq!(readable("2019-11-20T01:22:37-05:00"), "20 Nov 2019, 01:22");
        assert_eq!(readable("2019-11-20T00:00:00Z"), "20 November 2019");
        assert_eq!(readable("the week of the vote"), "the week of the vote");
    }

    #[test]
    fn placeholders_and_impossible_days_are_not_dates() {
        use super::plausible_date;
        assert_eq!(plausible_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(plausible_date("2019-02-30"), None);
        assert_eq!(plausible_date("2020-02-29").as_deref(), Some("2020-02-29"));
        assert_eq!(
            plausible_date("2019-11-20T13:14:00+02:00").as_deref(),
            Some("2019-11-20T13:14:00+02:00")
        );
    }

    #[test]
    fn days_the_calendar_lacks_are_not_read_in_any_form() {
        for impossible in [
            "2017-02-31",
            "2017-02-31T09:15:00Z",
            "2018-04-31 10:00",
            "2019-02-29",
            "2019-13-01",
            "2019-00-10",
            "2021/06/31",
            "February 31, 2017",
            "Thursday, 31 April 2014",
            "Feb. 30 2016",
            "31/02/2017",
        ] {
            assert_eq!(normalise_date(impossible), None, "{impossible}");
        }
        // Leap days where there are leap days are kept.
        assert_eq!(
            normalise_date("February 29, 2016").as_deref(),
            Some("2016-02-29")
        );
        assert_eq!(normalise_date("2000/02/29").as_deref(), Some("2000-02-29"));
        assert_eq!(normalise_date("1900-02-29"), None);
    }

    #[test]
    fn an_impossible_day_is_shown_as_it_was_written() {
        use super::readable;
        assert_eq!(readable("2017-02-31"), "2017-02-31");
        assert_eq!(readable("2016-02-29T18:45:00Z"), "29 Feb 2016, 18:45");
    }

    #[test]
    fn the_unix_epoch_is_a_placeholder_in_any_zone() {
        use super::plausible_date;
        for placeholder in [
            "1970-01-01T00:00:00Z",
            "1970-01-01T00:00:00+00:00",
            "1970-01-01",
            "1970-01-01T09:00:00+09:00",
            "January 1, 1970",
            "1969-12-31T19:00:00-05:00",
            "1969-12-31T16:00:00.000-08:00",
        ] {
            assert_eq!(plausible_date(placeholder), None, "{placeholder}");
        }
        // Another evening of that New Year's Eve is no placeholder.
        assert_eq!(
            plausible_date("1969-12-31T21:30:00-05:00").as_deref(),
            Some("1969-12-31T21:30:00-05:00")
        );
        assert_eq!(plausible_date("1970-01-02").as_deref(), Some("1970-01-02"));
    }

    #[test]
    fn placeholders_and_far_years_are_readable_but_not_plausible() {
        use super::plausible_date;
        for far in [
            "0001-01-01",
            "0001-01-01T00:00:00",
            "1899-12-31",
            "2200-01-01",
        ] {
            assert_eq!(plausible_date(far), None, "{far}");
            assert!(normalise_date(far).is_some(), "{far} is still a date");
        }
        assert_eq!(plausible_date("1900-01-01").as_deref(), Some("1900-01-01"));
        assert_eq!(
            plausible_date("Sat, 31 Dec 2199 at 23:00").as_deref(),
            Some("2199-12-31")
        );
    }
}
