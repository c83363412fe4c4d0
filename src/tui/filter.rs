//! Which sources the reader shows and highlights. The cycle of the filter key comes
//! from `SourceKind::ALL`: all sources, the kinds off the record, the record as a
//! whole, the kinds on it, then the claims with no source at all.

use super::keymap::Action;
use super::kinds;
use crate::annotate::SourceKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    OnRecord,
    Kind(SourceKind),
    /// No source at all: the article's hearsay claims with no source are listed instead.
    Unattributed,
}

impl Filter {
    /// The order the filter key cycles through.
    pub fn cycle() -> Vec<Filter> {
        let kinds = |on_record: bool| {
            SourceKind::ALL
                .into_iter()
                .filter(move |k| k.on_record() == on_record)
                .map(Filter::Kind)
        };
        std::iter::once(Filter::All)
            .chain(kinds(false))
            .chain(std::iter::once(Filter::OnRecord))
            .chain(kinds(true))
            .chain(std::iter::once(Filter::Unattributed))
            .collect()
    }

    /// The filter an action sets, if it sets one.
    pub fn chosen_by(action: Action) -> Option<Filter> {
        match action {
            Action::FilterAll => Some(Filter::All),
            Action::FilterOnRecord => Some(Filter::OnRecord),
            Action::FilterUnattributed => Some(Filter::Unattributed),
            other => kinds::filtered_by(other).map(Filter::Kind),
        }
    }

    pub fn accepts(self, kind: SourceKind) -> bool {
        match self {
            Filter::All => true,
            Filter::OnRecord => kind.on_record(),
            Filter::Kind(k) => k == kind,
            Filter::Unattributed => false,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all sources",
            Filter::OnRecord => "on record",
            Filter::Kind(k) => k.name(),
            Filter::Unattributed => "unattributed claims",
        }
    }

    /// The kinds it keeps, for exporting the filtered view.
    pub fn kinds(self) -> Vec<SourceKind> {
        SourceKind::ALL
            .into_iter()
            .filter(|k| self.accepts(*k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_puts_the_record_between_the_kinds_off_it_and_on_it() {
        let labels: Vec<&str> = Filter::cycle().into_iter().map(Filter::label).collect();
        assert_eq!(
            labels,
            [
                "all sources",
                "anonymous",
                "on record",
                "named",
                "organization",
                "media",
                "document",
                "unattributed claims"
            ]
        );
    }

    #[test]
    fn each_filter_action_chooses_its_own_filter_of_the_cycle() {
        let chosen: Vec<Filter> = Action::ALL
            .iter()
            .filter_map(|a| Filter::chosen_by(*a))
            .collect();
        assert!(chosen.iter().all(|f| Filter::cycle().contains(f)));
        for (i, f) in chosen.iter().enumerate() {
            assert!(!chosen[i + 1..].contains(f), "{f:?} has one action");
        }
    }
}
