//! Bylines as pages write them ("By JANE ROE and Tom Poe, Staff Writers") turned into
//! the names they hold.

/// Words that make a byline part a job title or a desk, not a name.
const ROLE_WORDS: &[&str] = &[
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "staff",
    "contributor",
    "columnist",
    "producer",
    "analyst",
    "bureau",
    "chief",
    "photographer",
    "senior",
    "special",
    "desk",
    "team",
    "updated",
    "published",
];

/// Lowercase particles that belong inside names ("Ana de Souza", "Jan van Dijk").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "di", "dos", "du", "la", "le", "van", "von", "bin",
    "al", "el", "y",
];

/// The names a byline holds, each in ordinary capitalisation.
pub fn names(raw: &str) -> Vec<String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if looks_like_address(&text) {
        return Vec::new();
    }
    let text = without_by(&text);
    let text = before_affiliation(text);
    text.split([',', ';', '|', '&', '•'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .enumerate()
        .filter(|(i, part)| is_name(part) && !(*i > 0 && is_credential(part)))
        .map(|(_, part)| title_case_if_shouting(part))
        .collect()
}

/// "MS", "RD", "PhD" after a name: letters after a comma, not a second author.
fn is_credential(part: &str) -> bool {
    !part.contains(' ') && part.len() <= 4 && part.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// "Jane Roe. Harbour News" → "Jane Roe": a full stop after a whole word (not an
/// initial or "Jr.") ends the names; what follows is where they work.
fn before_affiliation(text: &str) -> &str {
    let mut from = 0;
    while let Some(i) = text[from..].find(". ").map(|i| from + i) {
        let word = text[..i].rsplit(' ').next().unwrap_or("");
        let is_abbreviation = word.chars().count() <= 2 || ["Jr", "Sr", "Mrs"].contains(&word);
        if !is_abbreviation {
            return &text[..i];
        }
        from = i + 2;
    }
    text
}

/// Whether two names are one person's: the same first and last word ("Troy Smith",
/// "Troy L. Smith").
pub fn same_person(a: &str, b: &str) -> bool {
    let ends = |n: &str| {
        let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
        (words.first().cloned(), words.last().cloned())
    };
    ends(a) == ends(b)
}

fn looks_like_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("http") || lower.contains("www.") || text.contains('/') || text.contains('@')
}

/// The byline without its opening "By", "Written by" or "Posted by".
fn without_by(text: &str) -> &str {
    let lower = text.to_ascii_lowercase();
    for lead in [
        "written by ",
        "posted by ",
        "story by ",
        "words by ",
        "by: ",
        "by ",
    ] {
        if lower.starts_with(lead) {
            return text[lead.len()..].trim_start();
        }
    }
    text
}

fn is_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let letters = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let is_role = |w: &&str| {
        let lower = w.to_lowercase();
        ROLE_WORDS
            .iter()
            .any(|r| lower == *r || lower == format!("{r}s"))
    };
    // "Harbourtown.com" is a site, not a person.
    let is_domain = |w: &&str| {
        w.rsplit_once('.')
            .is_some_and(|(_, tld)| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
    };
    (1..=5).contains(&words.len())
        && words.iter().all(letters)
        && !words.iter().any(is_domain)
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
        && capitalised(&words[0])
        && !words.iter().any(is_role)
}

/// "JANE ROE" → "Jane Roe"; names already in mixed case are left as written.
fn title_case_if_shouting(part: &str) -> String {
    // One short word in capitals is an agency's initials ("AP"), not a shouted name.
    let initials = !part.contains(' ') && part.len() <= 4;
    let shouting = !initials
        && part.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !part.chars().any(char::is_lowercase);
    if !shouting {
        return part.to_string();
    }
    part.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn bylines_give_clean_names() {
        assert_eq!(names("By JANE ROE, AP National Writer"), ["Jane Roe"]);
        assert_eq!(
            names("Written by Ines Marlow and Teo van Dijk"),
            ["Ines Marlow", "Teo van Dijk"]
        );
        assert_eq!(names("Ana Ruiz | Staff Reporter"), ["Ana Ruiz"]);
        assert_eq!(names("Associated Press"), ["Associated Press"]);
        assert_eq!(names("By Lena Ortiz, MS, RD"), ["Lena Ortiz"]);
        assert_eq!(names("AFP"), ["AFP"]);
        assert_eq!(names("Mara Quint. Harbour Radio"), ["Mara Quint"]);
        assert_eq!(
            names("By Dale R. Penn Jr. and Ivo Sand"),
            ["Dale R. Penn Jr.", "Ivo Sand"]
        );
        assert!(names("Harbourtown.com").is_empty());
    }

    #[test]
    fn addresses_dates_and_job_titles_are_not_names() {
        assert!(names("https://example.test/author/jane-roe").is_empty());
        assert!(names("Updated 11/20/2019 01:14 PM").is_empty());
        assert!(names("staff").is_empty());
        assert!(names("Senior Correspondent").is_empty());
    }
}
