//! Parses `LEVEL target: message` log lines into records and summarises them.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use itertools::Itertools;
use regex::Regex;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use wl_macros::Describe;

include!(concat!(env!("OUT_DIR"), "/levels.rs"));

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("line {line}: not `LEVEL target: message`")]
    Malformed { line: usize },
    #[error("line {line}: unknown level `{level}`")]
    UnknownLevel { line: usize, level: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Describe)]
pub struct Record {
    pub level: String,
    pub target: String,
    pub message: String,
    pub words: SmallVec<[String; 4]>,
}

#[derive(Debug, Default, Serialize, Deserialize, Describe)]
pub struct Summary {
    pub records: usize,
    pub by_level: BTreeMap<String, usize>,
    pub top_targets: Vec<(String, usize)>,
}

fn line_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?P<level>[A-Za-z]+)\s+(?P<target>[\w:]+):\s*(?P<message>.*)$").expect("valid regex"))
}

pub fn parse(text: &str) -> Result<Vec<Record>, ParseError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let caps = line_regex().captures(l).ok_or(ParseError::Malformed { line: i + 1 })?;
            let level = caps["level"].to_ascii_lowercase();
            if !LEVELS.contains(&level.as_str()) {
                return Err(ParseError::UnknownLevel { line: i + 1, level });
            }
            let message = caps["message"].to_string();
            let words = message.split_whitespace().take(4).map(str::to_string).collect();
            Ok(Record { level, target: caps["target"].to_string(), message, words })
        })
        .collect()
}

pub fn summarise(records: &[Record]) -> Summary {
    let by_level = records.iter().map(|r| r.level.clone()).counts().into_iter().collect();
    let top_targets = records
        .iter()
        .map(|r| r.target.clone())
        .counts()
        .into_iter()
        .sorted_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
        .take(3)
        .collect();
    Summary { records: records.len(), by_level, top_targets }
}

pub fn to_json(summary: &Summary) -> serde_json::Result<String> {
    serde_json::to_string_pretty(summary)
}

pub fn describe_types() -> [&'static str; 2] {
    [Record::describe(), Summary::describe()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_summarises() {
        let records = parse("INFO app::db: connected\nwarn app::db: slow query\n").unwrap();
        let summary = summarise(&records);
        assert_eq!(summary.records, 2);
        assert_eq!(summary.top_targets[0], ("app::db".to_string(), 2));
        assert_eq!(Record::describe(), "Record (4 fields)");
    }
}
