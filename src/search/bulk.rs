//! `causebook export --format ndjson`: the search documents in the bulk format that
//! OpenSearch and Elasticsearch ingest (`POST /_bulk`), for sites whose search must live on a
//! search cluster. Each cause is an action line and a document line, with the same fields as
//! the index ([`super::index::documents`]) and its URL.

use super::index::documents;
use super::schema::TEXT_FIELDS;
use crate::site::Site;
use serde_json::{json, Map, Value};

/// Every published cause as bulk `index` actions into `index_name`, one JSON object a line.
pub fn ndjson(site: &Site, index_name: &str) -> anyhow::Result<String> {
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
