//! Dates as news pages write them, turned to ISO 8601 where they can be read.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// ISO 8601 (`YYYY-MM-DD`, with the time kept when given as ISO) or `None` if unreadable.
pub fn normalise_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    iso_date(s).or_else(|| written_date(s))
}

/// A date a page can really have been published on: readable, a real calendar day,
/// and not a placeholder such as `0001-01-01` or a year far from the present.
pub fn plausible_date(raw: &str) -> Option<String> {
    let iso = normalise_date(raw)?;
    let (year, month, day) = year_month_day(&iso)?;
    let real_day = day <= days_in_month(year, month);
    ((1900..=2199).contains(&year) && real_day).then_some(iso)
}

/// The numbers of an ISO date ("2017-06-06…"), as `iso_date` gives it.
fn year_month_day(iso: &str) -> Option<(u32, u32, u32)> {
    let number = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u32>().ok());
    Some((number(0..4)?, number(5..7)?, number(8..10)?))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
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
    let Some((year, month, day)) = year_month_day(&iso) else {
        return date.to_string();
    };
    let name = NAMES[month as usize - 1];
    let time = iso.get(10..).and_then(|rest| {
        let clock = rest.strip_prefix('T')?.get(..5)?;
        let is_clock = clock.as_bytes().get(2) == Some(&b':');
        (is_clock && clock != "00:00").then_some(clock)
    });
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
    let (m, d): (u32, u32) = (s[5..7].parse().ok()?, s[8..10].parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    if separated(b'-') {
        Some(s.split_whitespace().next()?.to_string())
    } else if separated(b'/') && s.len() == 10 {
        // "2019/11/20", as some pages write their date.
        Some(format!("{}-{m:02}-{d:02}", &s[..4]))
    } else {
        None
    }
}

/// "June 6, 2017", "Tuesday, June 6, 2017", "6 June 2017", "Jun. 6 2017".
fn written_date(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
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
    known.then(|| format!("{year:04}-{m:02}-{day:02}"))
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
}
