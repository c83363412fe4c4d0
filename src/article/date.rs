//! Dates as news pages write them, turned to ISO 8601 where they can be read.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// ISO 8601 (`YYYY-MM-DD`, with the time kept when given as ISO) or `None` if unreadable.
pub fn normalise_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    iso_date(s).or_else(|| written_date(s))
}

fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let is_digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    if s.len() >= 10
        && is_digits(0..4)
        && b[4] == b'-'
        && is_digits(5..7)
        && b[7] == b'-'
        && is_digits(8..10)
    {
        let (m, d): (u32, u32) = (s[5..7].parse().ok()?, s[8..10].parse().ok()?);
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(s.split_whitespace().next()?.to_string());
        }
    }
    None
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
        assert_eq!(normalise_date("not a date"), None);
        assert_eq!(normalise_date("Mayor Smith said 2017"), None);
    }
}
