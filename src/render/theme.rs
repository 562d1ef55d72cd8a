//! Theme loading: templates and static files from `themes/<name>/`, overridden by the site's
//! own `templates/`; the default theme is built into the binary so any site can use it.

use super::OutputFile;
use super::RenderError;
use crate::default_theme::DEFAULT;
use crate::error::At;
use std::collections::BTreeMap;
use std::path::Path;

/// Templates (name -> source) and static files of a theme.
pub struct Theme {
    pub templates: BTreeMap<String, String>,
    pub statics: Vec<OutputFile>,
}

/// Loads theme `name`: from `<root>/themes/<name>/` if present, else the embedded default.
/// Files in `<root>/templates/` replace theme templates of the same name.
pub fn load(root: &Path, name: &str) -> Result<Theme, RenderError> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        read_tree(&dir, "", &mut files)?;
    } else if name == "default" {
        for (path, text) in DEFAULT {
            files.insert(path.to_string(), text.as_bytes().to_vec());
        }
    } else {
        return Err(RenderError::ThemeMissing {
            name: name.to_string(),
            dir,
        });
    }
    let overrides = root.join("templates");
    if overrides.is_dir() {
        read_tree(&overrides, "templates/", &mut files)?;
    }
    let mut theme = Theme {
        templates: BTreeMap::new(),
        statics: Vec::new(),
    };
    for (path, bytes) in files {
        if let Some(name) = path.strip_prefix("templates/") {
            let text = String::from_utf8(bytes).map_err(|_| RenderError::NotUtf8(name.to_string()))?;
            theme.templates.insert(name.to_string(), text);
        } else if let Some(rest) = path.strip_prefix("static/") {
            theme.statics.push(OutputFile {
                path: rest.to_string(),
                bytes,
            });
        }
    }
    Ok(theme)
}

fn read_tree(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) -> Result<(), RenderError> {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::from).at("read", dir)?;
        let t = entry.file_type();
        if !t.is_file() && !t.is_dir() && !t.is_symlink() {
            let what = entry.metadata().map_or("not a file", |m| crate::regular::kind(&m));
            return Err(RenderError::NotRegular {
                path: entry.path().to_path_buf(),
                kind: what,
            });
        }
        if !t.is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let key = format!("{prefix}{}", rel.to_string_lossy().replace('\\', "/"));
        let bytes = crate::regular::read(entry.path()).at("read", entry.path())?;
        out.insert(key, bytes);
    }
    Ok(())
}
