//! The statistics written out: an aligned table with bars for people, CSV and JSON for
//! pandas and R.

use super::{GroupBy, Share, Stats, Tally};
use crate::sanitize::clean;
use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

/// How the statistics are written.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
    strum::EnumMessage,
)]
#[strum(serialize_all = "lowercase")]
pub enum StatsFormat {
    Table,
    Csv,
    Json,
}

/// The people shown beside each group.
const MOST_QUOTED: usize = 3;
/// Cells in an inline bar.
const BAR_CELLS: usize = 10;

/// What can go wrong rendering figures (writing into memory, so only a bug).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Csv(#[from] ::csv::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Utf8(#[from] std::string::FromUtf8Error),
}

pub fn render(stats: &Stats, format: StatsFormat) -> Result<String, RenderError> {
    Ok(match format {
        StatsFormat::Table => table(stats),
        StatsFormat::Csv => csv(stats)?,
        StatsFormat::Json => serde_json::to_string_pretty(&json(stats))? + "\n",
    })
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn with_interval(s: Share) -> String {
    format!(
        "{} [{}–{}]",
        percent(s.value),
        percent(s.low),
        percent(s.high)
    )
}

fn bar(share: f64) -> String {
    let full = (share * BAR_CELLS as f64).round() as usize;
    "█".repeat(full.min(BAR_CELLS)) + &"░".repeat(BAR_CELLS - full.min(BAR_CELLS))
}

fn most_quoted(stats: &Stats, t: &Tally) -> String {
    t.most_quoted(MOST_QUOTED)
        .iter()
        .map(|(key, n)| format!("{} ({n})", stats.person_name(key)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn top_outlets(t: &Tally) -> String {
    let mut outlets: Vec<(&String, &usize)> = t.outlets.iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    outlets
        .iter()
        .take(MOST_QUOTED)
        .map(|(o, n)| format!("{o} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The cells of one row, as the table shows them.
fn cells(stats: &Stats, label: &str, t: &Tally) -> Vec<String> {
    if stats.by() == GroupBy::Person {
        return vec![
            clean(label),
            t.articles.to_string(),
            t.mentions.to_string(),
            t.quoted.to_string(),
            clean(&top_outlets(t)),
        ];
    }
    let anonymous = Share::of(t.anonymous, t.sources);
    vec![
        clean(label),
        t.articles.to_string(),
        t.sources.to_string(),
        with_interval(anonymous),
        bar(anonymous.value),
        percent(Share::of(t.anonymous_without_reason, t.sources).value),
        percent(Share::of(t.named, t.sources).value),
        format!(
            "{} / {}",
            percent(Share::of(t.declined, t.sources).value),
            percent(Share::of(t.no_response, t.sources).value)
        ),
        clean(&most_quoted(stats, t)),
    ]
}

fn headers(by: GroupBy) -> Vec<&'static str> {
    if by == GroupBy::Person {
        return vec!["person", "articles", "mentions", "quoted", "named in"];
    }
    let group = match by {
        GroupBy::Outlet => "outlet",
        GroupBy::Year => "year",
        GroupBy::Month => "month",
        GroupBy::Author => "author",
        GroupBy::Kind => "kind",
        GroupBy::Person => "person",
    };
    vec![
        group,
        "articles",
        "sources",
        "anonymous [95% CI]",
        "",
        "no reason",
        "named",
        "declined / no reply",
        "most quoted on the record",
    ]
}

/// The table's header and rows (the total last, but for people), as the reader draws
/// them.
pub fn table_cells(stats: &Stats) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let mut rows: Vec<Vec<String>> = stats
        .rows()
        .iter()
        .map(|(label, t)| cells(stats, label, t))
        .collect();
    if stats.by() != GroupBy::Person {
        rows.push(cells(stats, "all", &stats.total));
    }
    (headers(stats.by()), rows)
}

/// Columns padded to their widest cell; numbers right-aligned.
fn table(stats: &Stats) -> String {
    let (header, body) = table_cells(stats);
    let mut rows: Vec<Vec<String>> = vec![header.into_iter().map(str::to_string).collect()];
    rows.extend(body);
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let numeric = |c: usize| (1..=3).contains(&c);
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = " ".repeat(widths[c] - cell.width());
                match numeric(c) {
                    true => format!("{pad}{cell}"),
                    false => format!("{cell}{pad}"),
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn csv(stats: &Stats) -> Result<String, RenderError> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    if stats.by() == GroupBy::Person {
        w.write_record(["person", "articles", "mentions", "quoted", "outlets"])?;
        for (label, t) in stats.rows() {
            let outlets = top_outlets(t);
            let numbers = [t.articles, t.mentions, t.quoted].map(|n| n.to_string());
            w.write_record([label, &numbers[0], &numbers[1], &numbers[2], &outlets])?;
        }
    } else {
        w.write_record(CSV_HEADER)?;
        for (label, t) in stats.rows() {
            w.write_record(csv_row(stats, label, t))?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes)?)
}

const CSV_HEADER: [&str; 15] = [
    "group",
    "articles",
    "sources",
    "anonymous",
    "anonymous_share",
    "anonymous_low",
    "anonymous_high",
    "anonymous_without_reason",
    "anonymous_without_reason_share",
    "named",
    "named_share",
    "declined",
    "declined_share",
    "no_response",
    "most_quoted",
];

fn csv_row(stats: &Stats, label: &str, t: &Tally) -> Vec<String> {
    let share = |n: usize| format!("{:.4}", Share::of(n, t.sources).value);
    let anonymous = Share::of(t.anonymous, t.sources);
    vec![
        label.to_string(),
        t.articles.to_string(),
        t.sources.to_string(),
        t.anonymous.to_string(),
        format!("{:.4}", anonymous.value),
        format!("{:.4}", anonymous.low),
        format!("{:.4}", anonymous.high),
        t.anonymous_without_reason.to_string(),
        share(t.anonymous_without_reason),
        t.named.to_string(),
        share(t.named),
        t.declined.to_string(),
        share(t.declined),
        t.no_response.to_string(),
        most_quoted(stats, t).replace(", ", "; "),
    ]
}

fn json(stats: &Stats) -> Value {
    let figures = |label: &str, t: &Tally| {
        let anonymous = Share::of(t.anonymous, t.sources);
        let quoted: Vec<Value> = t
            .most_quoted(MOST_QUOTED)
            .iter()
            .map(|(key, n)| json!({"name": stats.person_name(key), "quoted": n}))
            .collect();
        json!({
            "group": label,
            "articles": t.articles,
            "sources": t.sources,
            "anonymous": t.anonymous,
            "anonymous_share": anonymous,
            "anonymous_without_reason": t.anonymous_without_reason,
            "named": t.named,
            "declined": t.declined,
            "no_response": t.no_response,
            "mentions": t.mentions,
            "quoted": t.quoted,
            "outlets": t.outlets,
            "most_quoted": quoted,
        })
    };
    let groups: Vec<Value> = stats
        .rows()
        .iter()
        .map(|(label, t)| figures(label, t))
        .collect();
    json!({
        "by": headers(stats.by())[0],
        "total": figures("all", &stats.total),
        "groups": groups,
    })
}
