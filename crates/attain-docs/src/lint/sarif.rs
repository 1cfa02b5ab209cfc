//! Findings as a SARIF 2.1.0 log, the format code hosts read to show findings inline.

use serde_json::{json, Value};

use super::{Finding, Severity, RULES};

/// A SARIF 2.1.0 log of one run of attain's lint over `findings`.
pub fn sarif(findings: &[Finding], tool_version: &str) -> Value {
    let rules: Vec<Value> =
        RULES.iter().map(|(id, text)| json!({ "id": id, "shortDescription": { "text": text } })).collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            };
            let index = RULES.iter().position(|(id, _)| *id == f.rule).expect("every finding's rule is listed");
            json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level,
                "message": { "text": f.statement() },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.file },
                        "region": { "startLine": f.line, "startColumn": f.column }
                    }
                }],
                "properties": { "expected": f.expected, "found": f.found }
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "attain",
                "version": tool_version,
                "rules": rules
            }},
            "results": results
        }]
    })
}
