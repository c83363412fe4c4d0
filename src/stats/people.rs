//! People across a corpus: the same person in many articles is one entry, whatever
//! middle initial or suffix each article gives ("Donald J Trump", "Donald Trump").

use super::ArticleFacts;
use std::collections::HashMap;

/// The key that joins one person's names across articles: the first and last name,
/// lowercase, without initials and suffixes.
pub fn person_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .filter(|w| w.chars().count() > 1 && !is_suffix(w))
        .collect();
    match (words.first(), words.last()) {
        (Some(first), Some(last)) if words.len() > 1 => format!("{first} {last}"),
        (Some(only), _) => only.clone(),
        _ => name.to_lowercase(),
    }
}

fn is_suffix(w: &str) -> bool {
    matches!(w, "jr" | "sr" | "ii" | "iii" | "iv")
}

/// The names each person key has been written as, with how often.
#[derive(Debug, Default)]
pub struct Registry {
    spellings: HashMap<String, HashMap<String, usize>>,
}

impl Registry {
    /// The facts with every person's name replaced by its key, the spellings noted.
    pub fn join(&mut self, mut facts: ArticleFacts) -> ArticleFacts {
        for (name, _) in &mut facts.people {
            *name = self.key_of(name);
        }
        for s in &mut facts.sources {
            if let Some(name) = &mut s.person {
                *name = self.key_of(name);
            }
        }
        facts
    }

    fn key_of(&mut self, name: &str) -> String {
        let key = person_key(name);
        *self
            .spellings
            .entry(key.clone())
            .or_default()
            .entry(name.to_string())
            .or_default() += 1;
        key
    }

    /// One-word keys ("obama") with the one two-word key that ends in that word
    /// ("barack obama"); a word that ends two people's names joins neither.
    pub fn single_names_joined(&self) -> HashMap<String, String> {
        let mut by_last: HashMap<&str, Vec<&String>> = HashMap::new();
        for key in self.spellings.keys() {
            if let Some((_, last)) = key.rsplit_once(' ') {
                by_last.entry(last).or_default().push(key);
            }
        }
        self.spellings
            .keys()
            .filter(|k| !k.contains(' '))
            .filter_map(|single| match by_last.get(single.as_str())?.as_slice() {
                [full] => Some((single.clone(), (*full).clone())),
                _ => None,
            })
            .collect()
    }

    /// The name to show for a key: the spelling used most (the fullest on a tie).
    pub fn name<'a>(&'a self, key: &'a str) -> &'a str {
        self.spellings
            .get(key)
            .and_then(|names| {
                names.iter().max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.0.cmp(a.0))
                })
            })
            .map_or(key, |(name, _)| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_whatever_the_initials_and_suffixes() {
        assert_eq!(person_key("Donald J. Trump"), person_key("Donald Trump"));
        assert_eq!(person_key("Robert S. Mueller III"), "robert mueller");
        assert_eq!(person_key("Cher"), "cher");
        assert_ne!(person_key("Ana Ruiz"), person_key("Ana Ortiz"));
    }

    #[test]
    fn the_spelling_used_most_is_shown() {
        let mut r = Registry::default();
        for name in ["Mara Quint", "Mara L. Quint", "Mara L. Quint"] {
            r.key_of(name);
        }
        assert_eq!(r.name("mara quint"), "Mara L. Quint");
    }

    #[test]
    fn a_one_word_name_joins_the_one_person_it_can_be() {
        let mut r = Registry::default();
        for name in ["Quint", "Mara Quint", "Vale", "Ada Vale", "Ben Vale"] {
            r.key_of(name);
        }
        let joins = r.single_names_joined();
        assert_eq!(joins.get("quint").map(String::as_str), Some("mara quint"));
        assert_eq!(joins.get("vale"), None, "two people could be meant");
    }
}
