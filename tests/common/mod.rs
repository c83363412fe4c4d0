//! Shared helpers for the integration tests: loading the samples and scoring
//! annotations against the gold files, the way `score.py` does.
#![allow(dead_code)]
// Helpers of tests may unwrap: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

pub mod reader;

use onrecord::annotate::Annotated;
use onrecord::article::{parse_bytes, Article};
use onrecord::export::json::to_value;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample(name: &str) -> Article {
    let path = root().join("sample_articles").join(name);
    let bytes = std::fs::read(&path).expect("sample exists");
    parse_bytes(name, &bytes, None).expect("sample loads").0
}

pub fn annotated_json(name: &str) -> Value {
    to_value(&Annotated::new(sample(name)))
}

pub fn gold(name: &str) -> Value {
    let p = root()
        .join("tests/gold")
        .join(Path::new(name).with_extension("json"));
    serde_json::from_str(&std::fs::read_to_string(p).expect("gold exists")).expect("gold is JSON")
}

type Pair = (usize, usize);

fn span(v: &Value) -> Pair {
    match v {
        Value::Array(a) => (
            a[0].as_u64().unwrap() as usize,
            a[1].as_u64().unwrap() as usize,
        ),
        _ => (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        ),
    }
}

fn overlap(a: Pair, b: Pair) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Greedy one-to-one matching by overlap; predictions on optional spans are ignored.
pub fn matching(
    pred: &[Pair],
    gold: &[Pair],
    optional: &[Pair],
) -> (Vec<(usize, usize)>, usize, usize) {
    let mut used = vec![false; gold.len()];
    let mut pairs = Vec::new();
    let mut spare = 0;
    for (i, p) in pred.iter().enumerate() {
        let best = (0..gold.len())
            .filter(|&j| !used[j] && overlap(*p, gold[j]))
            .max_by_key(|&j| {
                (
                    p.1.min(gold[j].1) - p.0.max(gold[j].0),
                    std::cmp::Reverse(j),
                )
            });
        match best {
            Some(j) => {
                used[j] = true;
                pairs.push((i, j));
            }
            None if !optional.iter().any(|o| overlap(*p, *o)) => spare += 1,
            None => {}
        }
    }
    let missed = used.iter().filter(|u| !**u).count();
    (pairs, spare, missed)
}

pub fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Counts for one article: (people tp, fp, fn, b3 sum over matched, matched),
/// (sources tp, fp, fn, kind ok).
pub struct Score {
    pub m: (usize, usize, usize),
    pub b3_sum: f64,
    pub b3_n: usize,
    pub s: (usize, usize, usize),
    pub kind_ok: usize,
}

pub fn score(pred: &Value, gold: &Value) -> Score {
    let mut gm = Vec::new();
    let mut gid = Vec::new();
    let mut opt = Vec::new();
    for (k, p) in gold["people"].as_array().unwrap().iter().enumerate() {
        for m in p["mentions"].as_array().unwrap() {
            gm.push(span(m));
            gid.push(k);
        }
        opt.extend(p["optional"].as_array().into_iter().flatten().map(span));
    }
    let mut pm = Vec::new();
    let mut pid = Vec::new();
    for (k, p) in pred["people"].as_array().unwrap().iter().enumerate() {
        for m in p["mentions"].as_array().unwrap() {
            pm.push(span(m));
            pid.push(k);
        }
    }
    let (pairs, spare, missed) = matching(&pm, &gm, &opt);
    let (mut pr, mut rc) = (0.0, 0.0);
    for &(i, j) in &pairs {
        let same_p: Vec<_> = pairs
            .iter()
            .filter(|(a, _)| pid[*a] == pid[i])
            .map(|(_, b)| *b)
            .collect();
        let same_g: Vec<_> = pairs
            .iter()
            .filter(|(_, b)| gid[*b] == gid[j])
            .map(|(_, b)| *b)
            .collect();
        let both = same_p.iter().filter(|x| same_g.contains(x)).count() as f64;
        pr += both / same_p.len() as f64;
        rc += both / same_g.len() as f64;
    }
    let n = pairs.len();
    let b3 = if n > 0 && pr + rc > 0.0 {
        let (pr, rc) = (pr / n as f64, rc / n as f64);
        2.0 * pr * rc / (pr + rc)
    } else {
        0.0
    };
    let gs: Vec<&Value> = gold["sources"].as_array().unwrap().iter().collect();
    let req: Vec<&Value> = gs
        .iter()
        .copied()
        .filter(|s| !s["optional"].as_bool().unwrap())
        .collect();
    let sopt: Vec<Pair> = gs
        .iter()
        .filter(|s| s["optional"].as_bool().unwrap())
        .map(|s| span(&s["span"]))
        .collect();
    let ps = pred["sources"].as_array().unwrap();
    let (spairs, sspare, smissed) = matching(
        &ps.iter().map(span).collect::<Vec<_>>(),
        &req.iter().map(|s| span(&s["span"])).collect::<Vec<_>>(),
        &sopt,
    );
    let kind_ok = spairs
        .iter()
        .filter(|(i, j)| {
            req[*j]["kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k == &ps[*i]["kind"])
        })
        .count();
    Score {
        m: (pairs.len(), spare, missed),
        b3_sum: b3 * n as f64,
        b3_n: n,
        s: (spairs.len(), sspare, smissed),
        kind_ok,
    }
}
