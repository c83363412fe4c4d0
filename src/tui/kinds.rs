//! How the reader shows each kind of source: the one place in the interface that
//! names the kinds one by one. Everything else (filters, theme roles, the summary
//! chart, the help) is derived from `SourceKind::ALL` and this table.

use super::keymap::Action;
use crate::annotate::SourceKind;

/// A kind's look in the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindLook {
    /// Drawn before a source in the text, so kinds differ without colour.
    pub marker: char,
    /// Its short name in the sources list and the summary chart (at most five cells).
    pub badge: &'static str,
    /// The key map's action that shows only this kind; a kind without one is still
    /// in the filter key's cycle.
    pub filter_action: Option<Action>,
}

/// The look of `kind`. Its theme role is `Role::Kind(kind)`, named by `kind.name()`.
pub fn look(kind: SourceKind) -> KindLook {
    let (marker, badge, filter_action) = match kind {
        SourceKind::Named => ('●', "NAMED", Action::FilterNamed),
        SourceKind::Anonymous => ('○', "ANON", Action::FilterAnonymous),
        SourceKind::Organization => ('■', "ORG", Action::FilterOrganization),
        SourceKind::Media => ('▲', "MEDIA", Action::FilterMedia),
        SourceKind::Document => ('◆', "DOC", Action::FilterDocument),
    };
    KindLook {
        marker,
        badge,
        filter_action: Some(filter_action),
    }
}

/// Drawn before a source or a person in the lists when a user's correction changed it.
pub const CORRECTED: char = '✎';

/// The marker drawn before a source of `kind` in the text.
pub fn marker(kind: SourceKind) -> char {
    look(kind).marker
}

/// The badge of `kind` in lists and charts.
pub fn badge(kind: SourceKind) -> &'static str {
    look(kind).badge
}

/// The kind whose filter `action` is, if it is one.
pub fn filtered_by(action: Action) -> Option<SourceKind> {
    SourceKind::ALL
        .into_iter()
        .find(|k| look(*k).filter_action == Some(action))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_marker_badge_and_filter() {
        let looks: Vec<KindLook> = SourceKind::ALL.into_iter().map(look).collect();
        for (i, a) in looks.iter().enumerate() {
            assert!(a.badge.chars().count() <= 5, "{a:?} fits the badge column");
            for b in &looks[i + 1..] {
                assert_ne!(a.marker, b.marker);
                assert_ne!(a.badge, b.badge);
                assert_ne!(a.filter_action, b.filter_action);
            }
        }
        for k in SourceKind::ALL {
            if let Some(action) = look(k).filter_action {
                assert_eq!(filtered_by(action), Some(k));
            }
        }
    }
}
