//! `causebook export --format ndjson`: the search documents in the bulk format that
//! OpenSearch and Elasticsearch ingest (`POST /_bulk`), for sites whose search must live on a
//! search cluster. Each cause is an action line and a document line, with the same fields as
//! the index ([`super::index::documents`]) and its URL.

use super::index::documents;
use super::schema::TEXT_FIELDS;
use crate::site::Site;
use serde_json::{json, Map, Value};

/// Characters OpenSearch does not allow in an index name.
const FORBIDDEN: &[char] = &[' ', '\\', '/', '*', '?', '"', '<', '>', '|', ',', '#'];

/// Checks `name` against OpenSearch's rules for index names (lower case; none of
/// `space \ / * ? " < > | , #`; not starting with `-`, `_` or `+`; not `.` or `..`; at most 255
/// bytes): the cluster would refuse the whole bulk request otherwise. The error says what is
/// wrong and suggests a name that passes.
pub fn check_index_name(name: &str) -> Result<(), String> {
    let problem = if name.is_empty() {
        Some("is empty".to_string())
    } else if name.chars().any(char::is_uppercase) {
        Some("has upper-case letters".to_string())
    } else if let Some(c) = name.chars().find(|c| FORBIDDEN.contains(c)) {
        Some(format!(
            "contains {}",
            if c == ' ' {
                "a space".to_string()
            } else {
                format!("`{c}`")
            }
        ))
    } else if name.starts_with(['-', '_', '+']) {
        Some(format!("starts with `{}`", &name[..1]))
    } else if name == "." || name == ".." {
        Some(format!("is `{name}`"))
    } else if name.len() > 255 {
        Some(format!("is {} bytes long (255 at most)", name.len()))
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(p) => Err(format!(
            "OpenSearch rejects this index name: it {p}. Index names are lower case, at most 255 bytes, \
             without spaces or \\ / * ? \" < > | , # and do not start with - _ +; try `{}`",
            suggest(name)
        )),
    }
}

/// A name close to `name` that OpenSearch accepts.
fn suggest(name: &str) -> String {
    let lower: String = name
        .to_lowercase()
        .chars()
        .map(|c| if FORBIDDEN.contains(&c) { '-' } else { c })
        .collect();
    let mut out: String = lower.trim_start_matches(['-', '_', '+', '.']).to_string();
    while out.len() > 255 {
        out.pop();
    }
    if out.is_empty() {
        "causebook".into()
    } else {
        out
    }
}

/// Every published cause as bulk `index` actions into `index_name`, one JSON object a line.
pub fn ndjson(site: &Site, index_name: &str) -> serde_json::Result<String> {
    let mut out = String::new();
    for doc in documents(site) {
        let action = json!({ "index": { "_index": index_name, "_id": doc.slug } });
        let mut body = Map::new();
        body.insert("slug".into(), json!(doc.slug));
        body.insert("url".into(), json!(doc.url));
        body.insert("category".into(), json!(doc.category));
        body.insert("category_label".into(), json!(doc.category_label));
        for ((name, _), text) in TEXT_FIELDS.iter().zip(&doc.text) {
            body.insert((*name).into(), json!(text));
        }
        let positional: Vec<String> = doc.positional.iter().map(|(s, e)| format!("{s}/{e}")).collect();
        body.insert("positional".into(), json!(positional));
        body.insert("emergency_signs".into(), json!(doc.emergency_signs));
        body.insert("emergency_cause".into(), json!(doc.emergency_cause));
        out.push_str(&serde_json::to_string(&action)?);
        out.push('\n');
        out.push_str(&serde_json::to_string(&Value::Object(body))?);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::check_index_name;

    #[test]
    fn index_names_follow_opensearch_rules() {
        for ok in ["causebook", "legs-2026", "my.index", "über", &"a".repeat(255)] {
            assert_eq!(check_index_name(ok), Ok(()), "{ok}");
        }
        let err = |name: &str| check_index_name(name).unwrap_err();
        assert!(err("My Index").contains("upper-case letters") && err("My Index").contains("try `my-index`"));
        assert!(err("my index").contains("a space"));
        for c in ["\\", "/", "*", "?", "\"", "<", ">", "|", ",", "#"] {
            assert!(err(&format!("a{c}b")).contains(&format!("contains `{c}`")), "{c}");
        }
        assert!(err("-x").contains("starts with `-`") && err("_x").contains("`_`") && err("+x").contains("`+`"));
        assert!(err(".").contains("is `.`") && err("..").contains("is `..`"));
        assert!(err(&"a".repeat(256)).contains("256 bytes"));
        assert!(err("").contains("is empty") && err("").contains("try `causebook`"));
    }
}
