//! The noun phrase a cue points to: the subject before a reporting verb, or the
//! phrase after "according to" or an inverted "said".

use super::sentence::Sentence;
use crate::annotate::lexicon::{self, Flag};
use crate::annotate::text::chars::DASHES;
use crate::annotate::text::quotes::Quotes;
use crate::annotate::text::tokens::is_all_caps;
use crate::annotate::text::Lower;
use crate::span::Span;

/// A source phrase longer than this is a clause, not a noun phrase.
const MAX_SUBJECT_WORDS: usize = 14;
const MAX_PHRASE_AFTER_WORDS: usize = 18;

/// The subject before a cue, and a clause set off by commas between them.
pub fn subject_before(
    text: &str,
    ctx: &Sentence,
    cue_start: usize,
) -> Option<(Span, Option<Span>)> {
    let (sentence, quotes) = (ctx.span, ctx.quotes);
    let mut end = trim_end_at(text, sentence.start, cue_start);
    // "X, the chief executive, forcefully told", "X then said", "X two weeks ago said":
    // adverbs and a time phrase between the subject (or an aside) and the verb.
    end = without_last_words(text, sentence.start, end, |w| {
        is_adverb(w) || is_time_adverb(w)
    });
    end = trim_end_at(
        text,
        sentence.start,
        end - trailing_time_len(&text[sentence.start..end]),
    );
    if end == sentence.start {
        return None;
    }
    // "X, the mayor, has also said": auxiliaries too, where an aside ends before them
    // (without one, `tidy` takes them off the subject).
    let past_auxiliaries = without_last_words(text, sentence.start, end, |w| {
        is_adverb(w) || is_trailing_word(w)
    });
    if text[..past_auxiliaries].ends_with(',') {
        end = past_auxiliaries;
    }
    // "Mara Quell, the chief executive -- of the firm that … -- told me": a dashed aside
    // (a hyphen with spaces round it stands for a dash too).
    for dash in DASHES {
        let head = &text[sentence.start..end];
        if let Some(body) = head.strip_suffix(dash) {
            if let Some(open) = body.rfind(dash) {
                end = trim_end_at(text, sentence.start, sentence.start + open);
            }
            break;
        }
    }
    // "Ada Kim (who has 25 delegates) said": a parenthesis of words between the subject
    // and the verb is read past, so that its words do not count as the subject's, and
    // then given back to the source's span (a one-word label is read as a word: "Jo Park
    // (D-Ore.) said").
    let parenthesis = parenthesis_at_end(text, sentence.start, end);
    if let Some(inner) = parenthesis {
        end = trim_end_at(text, sentence.start, inner.start - 1);
    }
    let before_parenthesis = end;
    let mut aside = None;
    // "Sen. Jo Park (D-Ore.), said": a stray comma after a parenthesis ends no aside.
    let stray_comma =
        text[..end].ends_with("),") && last_comma(text, sentence.start, end - 1, quotes).is_none();
    if stray_comma {
        end -= 1;
    }
    if text[..end].ends_with(',') {
        // "X, the White House press secretary, said" or "X, who …, said": skip back over
        // the comma-delimited asides to the phrase they describe.
        let aside_end = end - 1;
        let mut comma = last_comma(text, sentence.start, aside_end, quotes)?;
        for _ in 0..MAX_ASIDE_COMMAS {
            let before = Span::new(ctx.clause_start(text, comma), comma).trim(text);
            if !starts_aside(before.slice(text)) {
                break;
            }
            match last_comma(text, sentence.start, comma, quotes) {
                // "“…,” the spokesman, Al Ode, said": an aside never reaches into a quote.
                Some(c) if !has_quote_mark(&text[c..comma]) => comma = c,
                _ => break,
            }
        }
        let between = Span::new(comma + 1, aside_end).trim(text);
        // "Units in Washington, D.C., are losing money, said BisNow": a stretch that opens
        // with a finite verb is the sentence's predicate, no aside, and what stands before
        // it is no subject of this cue.
        let first = between.slice(text).split(' ').next().unwrap_or("");
        if is_finite(first) {
            return None;
        }
        aside = Some(between);
        end = comma;
    }
    let start = ctx.clause_start(text, end);
    let head = tidy(text, Span::new(start, end));
    let mut span = head.unwrap_or(Span::new(start, start));
    let content_first =
        aside.is_some_and(|a| is_role_and_name(a.slice(text))) && reads_as_clause(span.slice(text));
    if head.is_none() || is_adverbial(span.slice(text)) || content_first {
        // "In a statement, one of the town's lawyers, Pia Lund, said", "On Monday, the
        // mayor, Ada Kim, said": the subject is the segment after the adverbial. So it is
        // after a clause: "The plan will fail, a spokeswoman, Ada Kim, said" reports the
        // clause, and the role with its name is the subject.
        let next = aside.filter(|a| !a.is_empty())?;
        let seg_end = text[next.start..next.end]
            .find(',')
            .map_or(next.end, |i| next.start + i);
        span = tidy(text, Span::new(next.start, seg_end))?;
        aside = None;
    }
    // One word more than a subject may have is enough to refuse it: a cue late in a long
    // clause ("said said said …") would otherwise count every word before it.
    let mut words: Vec<&str> = span
        .slice(text)
        .split_whitespace()
        .take(MAX_SUBJECT_WORDS + 1)
        .collect();
    if words.len() > MAX_SUBJECT_WORDS {
        return None;
    }
    if has_inner_speech_verb(&words) {
        // "Merrill says Machado promised", "Officials say the governor warned": the words
        // before the cue hold another speaker and the clause that speaker's verb opens, no
        // noun phrase.
        return None;
    }
    if is_reduced_relative(&words) {
        // "bridges the governor said she would repair": the noun before is the object the
        // relative clause leaves out, and the subject starts at the article.
        let after_noun = &span.slice(text)[words[0].len()..];
        let gap = after_noun.len() - after_noun.trim_start().len();
        span = Span::new(span.start + words[0].len() + gap, span.end);
        words.remove(0);
    }
    if let [pronoun] = words[..] {
        // "She’s repeatedly said", "He's telling": the subject without the auxiliary
        // contracted onto it; "It's widely reported" is a passive, no subject.
        if super::is_contracted_it_is(&pronoun.to_lowercase()) {
            return None;
        }
        let bare = super::bare_pronoun(text, span);
        if bare != span && lexicon::lower_flags(bare.slice(text)).has(Flag::SubjectPronoun) {
            span = bare;
            words[0] = bare.slice(text);
        }
    }
    let lower0 = words[0].to_lowercase();
    let lone_adverb = words.len() == 1 && is_ly_adverb(words[0], &lower0);
    let last = words[words.len() - 1].to_lowercase();
    let object_relative = words.len() > 1 && lexicon::flags(&last).has(Flag::SubjectPronoun);
    let participle_opener =
        lower0.ends_with("ing") && words[0].chars().next().is_some_and(char::is_lowercase);
    if object_relative
        || participle_opener
        || is_clause(&words)
        || (words.len() == 1 && lexicon::flags(&lower0).has(Flag::NotSource))
        || lone_adverb
        || !(span.slice(text).chars().any(char::is_alphabetic) || is_percentage(span.slice(text)))
    {
        return None;
    }
    if let Some(inner) = parenthesis.filter(|_| span.end == before_parenthesis) {
        span = Span::new(span.start, inner.end + 1);
    }
    Some((span, aside))
}

/// Whether a verb of speech in a form that is no noun ("says", "say", "told") stands after
/// the first word and before the last, with no relative pronoun before it ("the man who
/// says he saw it" is a phrase): "Officials say the governor" is none.
fn has_inner_speech_verb(words: &[&str]) -> bool {
    let Some((_, inner)) = words.split_last() else {
        return false;
    };
    let is_speech_verb = |w: &&str| {
        w.chars().all(char::is_lowercase)
            && lexicon::reporting_verbs()
                .get(*w)
                .is_some_and(|v| !v.noun_like && !v.needs_that && !v.belief)
    };
    match inner.iter().rposition(is_speech_verb) {
        Some(at) if at > 0 => !words[..at]
            .iter()
            .any(|w| lexicon::lower_flags(w).has(Flag::RelativeMarker)),
        _ => false,
    }
}

/// "42%", "8.5%": a share of the people asked, the subject of a poll's findings ("42% say
/// they …").
fn is_percentage(s: &str) -> bool {
    s.strip_suffix('%').is_some_and(|n| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    })
}

/// "Cases the president": one bare noun, then an article and a short phrase with no verb
/// of its own ("Officials the paper interviewed" keeps its head: there the relative
/// clause has its own verb).
fn is_reduced_relative(words: &[&str]) -> bool {
    let [noun, determiner, rest @ ..] = words else {
        return false;
    };
    let bare_noun = {
        let flags = lexicon::lower_flags(noun);
        // Not a participle ("repeating an old claim") nor "how".
        noun.chars().all(char::is_alphabetic)
            && !noun.ends_with("ing")
            && !flags.has(Flag::ClauseWord)
            && !flags.has(Flag::Determiner)
            && !flags.has(Flag::PostHead)
            && !flags.has(Flag::SubjectPronoun)
            && !flags.has(Flag::Partitive)
            && !flags.has(Flag::LeadingSkip)
            && !flags.has(Flag::AdverbialOpener)
    };
    let definite = matches!(*determiner, "the" | "a" | "an");
    let short = (1..=3).contains(&rest.len());
    let no_verb = rest.iter().all(|w| {
        !w.ends_with("ed")
            && !w.ends_with([',', '-'])
            && !lexicon::lower_flags(w).has(Flag::PostHead)
    });
    bare_noun && definite && short && no_verb
}

/// Whether a word in "-ly" is an adverb rather than a name: capitalised, it is one only
/// when it is an English word ("Separately", but not the surnames "Kelly" or "Daly").
fn is_ly_adverb(word: &str, lower: &str) -> bool {
    lower.ends_with("ly")
        && (word.chars().next().is_some_and(char::is_lowercase)
            || lexicon::flags(lower).has(Flag::CommonWord))
}

/// Where the text from `start` to `end` ends once the last words that are `skipped` are
/// taken off (never all of it).
pub fn without_last_words(
    text: &str,
    start: usize,
    mut end: usize,
    skipped: impl Fn(&str) -> bool,
) -> usize {
    while let Some(last) = text[start..end].rsplit(' ').next().filter(|w| skipped(w)) {
        if last.len() == end - start {
            break;
        }
        end = trim_end_at(text, start, end - last.len());
    }
    end
}

/// "has", "also", "himself", "hasn't": a word that stands between a subject and its verb.
fn is_trailing_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_lowercase() || c == '\'' || c == '’')
        && stands_before_verb(word)
}

/// Whether a lower-case word is one that stands between a subject and its verb, a
/// negative contraction of one included ("hasn't", "didn’t", "won't": an auxiliary and
/// "not", both of which do).
fn stands_before_verb(lower: &str) -> bool {
    lexicon::flags(without_not(lower)).has(Flag::TrailingSkip)
}

/// "are", "aren't", "won’t": a finite verb, a negative contraction of one included.
fn is_finite(word: &str) -> bool {
    lexicon::flags(without_not(word)).has(Flag::Finite)
}

/// The verb of a negative contraction ("hasn't" -> "has", "won't" -> "will"), else the word.
fn without_not(lower: &str) -> &str {
    let stem = lower
        .strip_suffix("n't")
        .or_else(|| lower.strip_suffix("n’t"));
    match stem {
        Some("wo") => "will",
        Some("ca") => "can",
        Some("sha") => "shall",
        Some(stem) => stem,
        None => lower,
    }
}

/// A lower-case word in "-ly" ("quickly").
pub fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.chars().all(char::is_lowercase) && is_ly_derived(word)
}

/// A past form of a verb: regular in "-ed", or one of the irregular pasts ("built").
pub fn is_past_form(lower: &str, flags: lexicon::Flags) -> bool {
    lower.ends_with("ed") || flags.has(Flag::IrregularPast)
}

/// Whether a lower-case word in "-ly" is made from a word the lexicon knows, as adverbs
/// are ("quickly", "happily", "probably", "basically", "fully", "truly"), or is unknown
/// to it, as a misspelt adverb is; the nouns in "-ly" are not ("family", "rally", "ally",
/// "assembly").
fn is_ly_derived(lower: &str) -> bool {
    let Some(base) = lower.strip_suffix("ly") else {
        return false;
    };
    let known = |w: &str| lexicon::flags(w).has(Flag::CommonWord);
    if !known(lower) {
        return true;
    }
    // "-ably", "-ibly", "simply", "gently", "subtly": the adjective ends in "-le".
    let le_form = ["ab", "ib", "mp", "nt", "bt"]
        .iter()
        .any(|e| base.ends_with(e));
    known(base)
        || base
            .strip_suffix('i')
            .is_some_and(|stem| known(&format!("{stem}y")))
        || le_form && known(&format!("{base}le"))
        || base
            .strip_suffix("al")
            .is_some_and(|stem| stem.ends_with("ic") && known(stem))
        || base.ends_with("ul") && known(&format!("{base}l"))
        || base.ends_with('u') && known(&format!("{base}e"))
}

/// "then", "once", "since": words that open a clause elsewhere, but right before a verb
/// ("X then said", "X has since said") tell when.
pub fn is_time_adverb(word: &str) -> bool {
    lexicon::flags(word).has(Flag::TimeAdverb)
}

/// The most words a time phrase before a verb has ("less than a month ago" and one more).
const TIME_PHRASE_WORDS: usize = 6;

/// How many bytes a time phrase takes at the end of `s`, where it stands between a subject
/// and its verb: "two weeks ago", "less than a month ago", "a day later", "earlier this
/// year", "this past week", "on Monday". Nothing else counts, and never all of `s`.
pub fn trailing_time_len(s: &str) -> usize {
    let (taken, count, first) = time_phrase_at_end(s);
    if taken == 0 || taken >= count {
        return 0;
    }
    s.len() - (first.as_ptr() as usize - s.as_ptr() as usize)
}

/// Whether all of `s` is a time phrase ("A few days later", "Two weeks ago"), as one that
/// opens a sentence before a comma is.
pub fn is_time_phrase(s: &str) -> bool {
    let (taken, count, _) = time_phrase_at_end(s);
    taken > 0 && taken == count
}

/// The words a time phrase takes at the end of `s` (0 when none), how many words `s` has
/// (counted up to [`TIME_PHRASE_WORDS`]), and the phrase's first word.
fn time_phrase_at_end(s: &str) -> (usize, usize, &str) {
    // The last words, last first, lower-cased on the stack: this runs once per cue.
    let mut words = [""; TIME_PHRASE_WORDS];
    let mut count = 0;
    for (slot, w) in words.iter_mut().zip(s.split_whitespace().rev()) {
        *slot = w;
        count += 1;
    }
    // Slots past `count` stay "", as a missing word reads.
    let lower = words.map(Lower::of);
    let word = |i: usize| lower.get(i).map_or("", |w| w.as_str());
    let flags = |i: usize| lexicon::flags(word(i));
    let time_noun = |i: usize| {
        let w = word(i);
        lexicon::flags(w.strip_suffix('s').unwrap_or(w)).has(Flag::TimeNoun)
    };
    let quantity = |i: usize| is_number(word(i)) || flags(i).has(Flag::Quantity);
    let taken = match word(0) {
        // "two weeks ago", "less than a month ago", "about a week ago".
        "ago" if time_noun(1) && quantity(2) => {
            let hedged = word(3) == "than" && matches!(word(4), "less" | "more");
            let about = flags(3).has(Flag::TimeHedge);
            3 + if hedged { 2 } else { usize::from(about) }
        }
        // "a day later", "earlier".
        "later" | "earlier" => match time_noun(1) && quantity(2) {
            true => 3,
            false => 1,
        },
        // "this week", "this past week", "earlier this year".
        _ if time_noun(0) => {
            let past = usize::from(word(1) == "past");
            if !flags(1 + past).has(Flag::TimeDeterminer) {
                return (0, count, "");
            }
            let taken = 2 + past;
            taken + usize::from(matches!(word(taken), "earlier" | "later"))
        }
        // "on Monday", "last Tuesday".
        _ if flags(0).has(Flag::DayWord) && !is_all_caps(words[0]) => {
            1 + usize::from(flags(1).has(Flag::TimeOpener))
        }
        _ => return (0, count, ""),
    };
    (taken, count, words[(taken - 1).min(TIME_PHRASE_WORDS - 1)])
}

fn is_adverbial(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    lexicon::flags(&first).has(Flag::AdverbialOpener)
}

/// A quotation mark, the doubled apostrophe some archives write for one included.
fn has_quote_mark(s: &str) -> bool {
    s.contains(['”', '"']) || s.contains("''")
}

/// How many comma-delimited asides may stand between a subject and its verb.
const MAX_ASIDE_COMMAS: usize = 3;

/// Whether a comma segment describes the phrase before it rather than being a subject:
/// "the White House press secretary", "who asked not to be identified", "a conservative group",
/// or an age ("Dana Wirth, 34, a nurse, said").
fn starts_aside(segment: &str) -> bool {
    let first = segment.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    lexicon::flags(&lower).has(Flag::AsideOpener)
        || first
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// The inside of a parenthesis of two or more words that `text[from..end]` ends with.
fn parenthesis_at_end(text: &str, from: usize, end: usize) -> Option<Span> {
    let body = text[from..end].strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = Span::new(from + open + 1, from + body.len());
    let words = inner.slice(text).split_whitespace().count();
    (words >= 2 && !inner.slice(text).contains(['(', ')']) && open > 0).then_some(inner)
}

fn trim_end_at(text: &str, from: usize, to: usize) -> usize {
    from + text[from..to].trim_end().len()
}

fn last_comma(text: &str, from: usize, to: usize, quotes: &Quotes) -> Option<usize> {
    text[from..to]
        .rmatch_indices(',')
        .map(|(i, _)| from + i)
        .find(|&i| !quotes.inside(i))
}

/// Strips the words around a subject that are not part of it.
fn tidy(text: &str, span: Span) -> Option<Span> {
    let mut span = span.trim(text);
    // Markup or stray punctuation before the first word (">Sanders said").
    let s = span.slice(text);
    let lead = s.len()
        - s.trim_start_matches(|c: char| !c.is_alphanumeric() && !"“\"'(‘".contains(c))
            .len();
    span = Span::new(span.start + lead, span.end);
    loop {
        let s = span.slice(text);
        let time = leading_time_phrase(s);
        if time > 0 {
            span = Span::new(span.start + time, span.end).trim(text);
            continue;
        }
        let first = s.split_whitespace().next()?;
        let lower = first.to_lowercase();
        let adverb = is_ly_adverb(first, &lower) && has_two_words(s) && !lower.ends_with("ally")
            || lower == "officially";
        if lexicon::flags(&lower).has(Flag::LeadingSkip) || adverb {
            span = Span::new(span.start + first.len(), span.end).trim(text);
            continue;
        }
        let last = s.split_whitespace().last()?;
        let lower = last.to_lowercase();
        // "Trump this week also said": a time phrase between subject and verb.
        let before_last = s[..s.len() - last.len()]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        let last_flags = lexicon::flags(&lower);
        if last_flags.has(Flag::TimeNoun) && lexicon::flags(&before_last).has(Flag::TimeDeterminer)
        {
            span = Span::new(span.start, span.end - last.len()).trim(text);
            let s = span.slice(text);
            span = Span::new(span.start, span.start + s.len() - before_last.len()).trim(text);
            continue;
        }
        let adverb = is_ly_derived(&lower)
            && last.chars().next().is_some_and(char::is_lowercase)
            && has_two_words(s);
        if stands_before_verb(&lower) || last_flags.has(Flag::DayWord) || adverb {
            span = Span::new(span.start, span.end - last.len()).trim(text);
            continue;
        }
        break;
    }
    (!span.is_empty()).then_some(span)
}

/// How many bytes of `s` a time phrase that opens it without a comma takes ("In March
/// she said", "On Tuesday night the mayor said", "Last week the board said"), when words
/// follow it: a preposition or a time determiner, then only words of time (days, months,
/// parts of the day, years), at least one of them a day, a month or a noun of time.
/// Nothing else counts: "In Harlow officials said" keeps its place name.
fn leading_time_phrase(s: &str) -> usize {
    let mut words = s.split_whitespace().peekable();
    let Some(first) = words.peek().copied() else {
        return 0;
    };
    let first_flags = lexicon::lower_flags(first);
    let opens = first_flags.has(Flag::AdverbialOpener) || first_flags.has(Flag::TimeDeterminer);
    if !opens {
        return 0;
    }
    // Where the words after the last word of time start.
    let mut after_time = 0;
    let mut after_month = false;
    while let Some(w) = words.next() {
        let at = w.as_ptr() as usize - s.as_ptr() as usize;
        let bare = w.trim_end_matches('.');
        let flags = lexicon::lower_flags(bare);
        let month = flags.has(Flag::CalendarWord);
        // A number is a year, or a day after its month ("May 12"); "the 62nd minute" is
        // no time this rule knows.
        let year = bare.len() == 4 && bare.bytes().all(|b| b.is_ascii_digit());
        let date = year || (after_month && is_number(bare));
        let time_word = month || date || flags.has(Flag::DayWord) || flags.has(Flag::TimeNoun);
        after_month = month;
        let filler = at == 0
            || flags.has(Flag::TimeDeterminer)
            || ["the", "early", "late"]
                .iter()
                .any(|f| bare.eq_ignore_ascii_case(f));
        if !(time_word || filler) || w.ends_with(',') {
            break;
        }
        if time_word {
            // The whole phrase is time: nothing is left for a subject.
            let Some(next) = words.peek() else {
                return 0;
            };
            after_time = next.as_ptr() as usize - s.as_ptr() as usize;
        }
    }
    after_time
}

/// "2015", "12", "12th": digits, with an ordinal's ending.
fn is_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[digits.len()..], "" | "st" | "nd" | "rd" | "th")
}

/// Whether `s` holds two words or more, counting no further.
fn has_two_words(s: &str) -> bool {
    s.split_whitespace().nth(1).is_some()
}

/// Whether the words form a clause rather than a noun phrase.
fn is_clause(words: &[&str]) -> bool {
    let mut relative = false;
    for w in words {
        let lower = Lower::of(w);
        let flags = lexicon::flags(&lower);
        if flags.has(Flag::RelativeMarker) {
            relative = true;
        }
        if flags.has(Flag::ClauseWord) || lower.ends_with("n’t") || lower.ends_with("n't") {
            return true;
        }
        if !relative
            && (flags.has(Flag::Finite)
                || lexicon::reporting_verbs()
                    .get(lower.as_str())
                    .is_some_and(|v| lower != v.base && !lower.ends_with('s')))
        {
            return true;
        }
    }
    false
}

/// Whether a stretch before a comma is a clause with its own verb, not a noun phrase:
/// `is_clause`, or a past form with its object, after a noun, with no relative pronoun
/// before it ("The firm built the app", "Voters rejected the plan"). A past participle
/// with no object describes a noun ("an email obtained by the paper", "people who knew
/// the family", "the embattled senator").
fn reads_as_clause(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if is_clause(&words) {
        return true;
    }
    for three in words.windows(3) {
        let [before, verb, object] = [three[0], three[1], three[2]].map(Lower::of);
        let flags = lexicon::flags(&verb);
        if flags.has(Flag::RelativeMarker) {
            return false;
        }
        let lower_case = three[1].chars().next().is_some_and(char::is_lowercase);
        let determiner = |w: &Lower| lexicon::flags(w).has(Flag::Determiner);
        if lower_case && is_past_form(&verb, flags) && !determiner(&before) && determiner(&object) {
            return true;
        }
    }
    false
}

/// Whether the asides before a verb are a role and its holder, the role opening with a
/// determiner: "a spokeswoman, Ada Kim" or "the agency's director, Ada Kim". A single
/// stretch after a clause ("…, disrespectful and costly, said the sponsor") is part of
/// the clause, and its verb's subject comes after it.
fn is_role_and_name(asides: &str) -> bool {
    let first = asides.split_whitespace().next().unwrap_or("");
    asides.contains(',') && lexicon::lower_flags(first).has(Flag::Determiner)
}

/// The noun phrase starting at `from` ("according to two people who were briefed").
pub fn noun_phrase_after(text: &str, sentence: Span, from: usize) -> Option<Span> {
    let rest = &text[from..sentence.end];
    let lead = rest.len() - rest.trim_start().len();
    let start = from + lead;
    let end = phrase_end(text, start, sentence.end)?;
    let end = before_clause(text, Span::new(start, end));
    let span = without_time_phrase(text, Span::new(start, end).trim(text));
    let first = span.slice(text).split_whitespace().next()?.to_lowercase();
    let bad_start = lexicon::flags(&first).has(Flag::BadPhraseStart);
    (!bad_start).then_some(span)
}

/// Where a phrase ends before a clause that opens inside it: "said Lee as she left",
/// "according to the mayor when he spoke": a conjunction before a subject pronoun; or
/// before a second predicate of the sentence: "reported by the Ledger and was signed by
/// …", a conjunction before a finite verb (not in a relative clause: "sources who spoke
/// to the Ledger but were not allowed to …").
fn before_clause(text: &str, phrase: Span) -> usize {
    let mut words = phrase.slice(text).split_whitespace().peekable();
    words.next();
    let mut in_relative = false;
    while let Some(w) = words.next() {
        let flags = lexicon::lower_flags(w);
        in_relative |= flags.has(Flag::RelativeMarker);
        let next = words.peek().copied().unwrap_or("");
        let next_flags = lexicon::lower_flags(next);
        let clause = flags.has(Flag::Subordinator) && next_flags.has(Flag::SubjectPronoun);
        // "Ada Kim and Will Chen": a capital is a name, not the verb.
        let predicate = !in_relative
            && matches!(w, "and" | "but")
            && next.starts_with(char::is_lowercase)
            && next_flags.has(Flag::Finite);
        if clause || predicate {
            return w.as_ptr() as usize - text.as_ptr() as usize;
        }
    }
    phrase.end
}

/// A phrase after a verb without a time phrase that ends it ("said the auditor on Monday",
/// "according to the Ledger last week"): the time is when it was said, not who said it. A
/// time after a participle stays ("a survey published Friday"), as does a day in capitals,
/// which names ("HARLOW TODAY").
fn without_time_phrase(text: &str, span: Span) -> Span {
    let phrase = span.slice(text);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let flags = |w: &str| lexicon::lower_flags(w.trim_end_matches('.'));
    let time_words = match words[..] {
        [.., _, w] if flags(w).has(Flag::DayWord) && !is_all_caps(w) => {
            let on = words.len() > 2 && words[words.len() - 2].eq_ignore_ascii_case("on");
            1 + usize::from(on)
        }
        [.., _, d, n] if flags(d).has(Flag::TimeDeterminer) && flags(n).has(Flag::TimeNoun) => 2,
        _ => return span,
    };
    let kept = &words[..words.len() - time_words];
    // "a survey published Friday", "drawn up last week", "out Monday".
    let participle = |w: &&str| w.ends_with("ed") || w.ends_with("en") || *w == "out";
    if kept.last().is_some_and(participle) {
        return span;
    }
    let cut = words[words.len() - time_words];
    let at = cut.as_ptr() as usize - phrase.as_ptr() as usize;
    Span::new(span.start, span.start + at).trim(text)
}

/// Where the phrase starting at `start` ends: at the first mark that closes it, or the
/// sentence's end. `None` once it has more words than a phrase may have, which is known
/// without reading on to the mark (a cue in a long sentence with no punctuation would
/// otherwise read the rest of it).
fn phrase_end(text: &str, start: usize, sentence_end: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[start..sentence_end].char_indices() {
        let at = start + i;
        let stops = matches!(
            c,
            ',' | ';' | ':' | '(' | '”' | '“' | '—' | '\n' | '?' | '!'
        ) || (c == '.' && period_ends(text, start, at, sentence_end));
        if stops {
            return Some(at);
        }
        let starts_word = !in_word && !c.is_whitespace();
        in_word = !c.is_whitespace();
        words += usize::from(starts_word);
        if words > MAX_PHRASE_AFTER_WORDS {
            return None;
        }
    }
    Some(sentence_end)
}

/// Whether a period at `at` ends the phrase: not in "Mr." or "F.B.I.", but with nothing
/// after it in its sentence it is the sentence's own, even after a title word ("… by the
/// Office of the Surveyor General."), though never an abbreviation's last ("the U.S.").
fn period_ends(text: &str, from: usize, at: usize, sentence_end: usize) -> bool {
    let word = text[from..at]
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['(', '“', '"']);
    if bare.contains('.') {
        return false;
    }
    if text[at + 1..sentence_end].trim().is_empty() {
        return true;
    }
    let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    let next_is_lower = text[at + 1..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let flags = lexicon::flags(bare);
    !(initial || flags.has(Flag::Honorific) || flags.has(Flag::Title) || next_is_lower)
}
