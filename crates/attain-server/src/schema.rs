//! JSON Schemas (2020-12) of what `attain evaluate --format json` and `attain explain --format json`
//! print, made from the same utoipa schemas of the engine's types as the API's OpenAPI document, so
//! that the two cannot tell different stories.

use std::collections::BTreeSet;

use attain_engine::{Evaluation, Explanation, MetricEvaluation, MetricExplanation};
use serde::Serialize;
use serde_json::{json, Map, Value};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa::ToSchema;

/// The command whose JSON output a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Evaluate,
    Explain,
}

/// A JSON Schema document, its keywords in the order people read them.
#[derive(Debug, Serialize)]
pub struct Document {
    #[serde(rename = "$schema")]
    pub dialect: &'static str,
    #[serde(rename = "$id")]
    pub id: String,
    pub title: String,
    pub description: &'static str,
    /// Which of the definitions a document may be.
    #[serde(flatten)]
    pub root: Map<String, Value>,
    /// Every definition the root reaches, by type name.
    #[serde(rename = "$defs")]
    pub defs: Map<String, Value>,
}

/// The schema of `output`'s JSON document.
pub fn document(output: Output) -> Document {
    let mut components = Vec::new();
    let (name, description, root) = match output {
        Output::Evaluate => {
            collect::<Evaluation>(&mut components);
            collect::<MetricEvaluation>(&mut components);
            (
                "evaluate",
                "Every partner's decision as of a date: an Evaluation for a program whose levels state \
consumption thresholds and people, a MetricEvaluation for one that declares metrics.",
                // Not oneOf: with no partners at all, a document of either form is the other's too.
                either("anyOf", ["Evaluation", "MetricEvaluation"]),
            )
        }
        Output::Explain => {
            collect::<Explanation>(&mut components);
            collect::<MetricExplanation>(&mut components);
            (
                "explain",
                "One partner's decision with the evidence behind it: an Explanation for a program whose \
levels state consumption thresholds and people, a MetricExplanation for one that declares metrics.",
                either("oneOf", ["Explanation", "MetricExplanation"]),
            )
        }
    };
    let mut defs = Map::new();
    for (name, schema) in components {
        let mut schema = serde_json::to_value(schema).expect("a schema serializes");
        to_defs(&mut schema);
        close_objects(&mut schema, false);
        defs.insert(name, schema);
    }
    let reachable = reachable(&root, &defs);
    defs.retain(|name, _| reachable.contains(name));
    Document {
        dialect: "https://json-schema.org/draft/2020-12/schema",
        id: format!("urn:attain:schema:{name}"),
        title: format!("attain {name} --format json"),
        description,
        root,
        defs,
    }
}

/// `T`'s schema and every schema it refers to, by name.
fn collect<T: ToSchema>(into: &mut Vec<(String, RefOr<Schema>)>) {
    into.push((T::name().into_owned(), T::schema()));
    T::schemas(into);
}

/// A root that is one or any (`keyword`) of the named definitions.
fn either(keyword: &str, names: [&str; 2]) -> Map<String, Value> {
    let refs = names.iter().map(|name| json!({ "$ref": format!("#/$defs/{name}") })).collect();
    Map::from_iter([(keyword.to_owned(), Value::Array(refs))])
}

/// OpenAPI's references to components as references to the document's own `$defs`.
fn to_defs(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => {
                        if let Some(name) = target.strip_prefix("#/components/schemas/") {
                            *target = format!("#/$defs/{name}");
                        }
                    }
                    (_, value) => to_defs(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(to_defs),
        _ => {}
    }
}

/// Objects that list their properties allow no others, so that a field the types do not document
/// fails validation. Not the parts of an allOf: each part would refuse the others' properties.
fn close_objects(schema: &mut Value, in_all_of: bool) {
    match schema {
        Value::Object(object) => {
            if !in_all_of && object.contains_key("properties") && !object.contains_key("additionalProperties") {
                object.insert("additionalProperties".into(), Value::Bool(false));
            }
            for (key, value) in object.iter_mut() {
                match (key.as_str(), value) {
                    // Under `properties` the keys are field names, whatever they spell.
                    ("properties", Value::Object(properties)) => {
                        properties.values_mut().for_each(|property| close_objects(property, false))
                    }
                    (key, value) => close_objects(value, key == "allOf"),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| close_objects(item, in_all_of)),
        _ => {}
    }
}

/// The names of the definitions `root` refers to, directly or through others.
fn reachable(root: &Map<String, Value>, defs: &Map<String, Value>) -> BTreeSet<String> {
    fn refs<'v>(value: &'v Value, found: &mut Vec<&'v str>) {
        match value {
            Value::Object(object) => {
                for (key, value) in object {
                    match (key.as_str(), value) {
                        ("$ref", Value::String(target)) => found.extend(target.strip_prefix("#/$defs/")),
                        (_, value) => refs(value, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
            _ => {}
        }
    }
    let mut pending = Vec::new();
    root.values().for_each(|value| refs(value, &mut pending));
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if seen.insert(name.to_owned()) {
            refs(defs.get(name).expect("every reference is defined"), &mut pending);
        }
    }
    seen
}
