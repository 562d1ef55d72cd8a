//! Request handling: static files from memory, the live-reload script and event stream, and
//! the theme's 404 page. Paths are decoded and normalised; anything that is not exactly a built
//! file is a 404.

use super::Shared;
use std::io::Write;
use tiny_http::{Header, Request, Response};

const LIVERELOAD_JS: &str = include_str!("livereload.js");

/// The live-reload script tag for a page served at `version`: the script asks the server
/// whether this page (or a stylesheet or script) changed since then.
fn inject(page: &str, version: u64) -> String {
    let page = crate::render::escape_html(page);
    format!("<script src=\"/__causebook/livereload.js\" data-page=\"{page}\" data-version=\"{version}\"></script>")
}

/// Answers one request.
pub fn handle(req: Request, shared: &Shared) {
    let path = req.url().split(['?', '#']).next().unwrap_or("/").to_string();
    let result = match path.as_str() {
        "/__causebook/events" => {
            let query = req
                .url()
                .split_once('?')
                .map(|(_, q)| q.to_string())
                .unwrap_or_default();
            return events(req, shared, &query);
        }
        "/__causebook/livereload.js" => req.respond(with_type(
            Response::from_data(LIVERELOAD_JS.as_bytes().to_vec()),
            "text/javascript; charset=utf-8",
        )),
        _ => match resolve(&path, shared) {
            Found::File(name, bytes, version) => req.respond(file_response(&name, &bytes, version, 200)),
            Found::Redirect(to) => {
                let loc = Header::from_bytes(&b"Location"[..], to.as_bytes()).expect("valid header");
                req.respond(Response::empty(301).with_header(loc))
            }
            Found::Missing => {
                let (page, version) = match shared.0.lock() {
                    Ok(s) => (s.files.get("404.html").cloned(), s.version),
                    Err(_) => (None, 0),
                };
                let bytes = page.map(|b| b.to_vec()).unwrap_or_else(|| b"Not found".to_vec());
                // The 404 page watches the missing path, so it reloads once the page exists.
                let missing = file_key(percent_decode(&path).as_deref().unwrap_or(""));
                let watch = if missing.ends_with(".html") {
                    missing.as_str()
                } else {
                    "404.html"
                };
                req.respond(file_response(watch, &bytes, version, 404))
            }
        },
    };
    if let Err(e) = result {
        eprintln!("cannot answer {path}: {e}");
    }
}

enum Found {
    /// Path in the site, bytes, and the version they were served from.
    File(String, std::sync::Arc<Vec<u8>>, u64),
    Redirect(String),
    Missing,
}

/// Maps a URL path to a built file. Rejects `..`, encoded separators and anything unusual.
fn resolve(url_path: &str, shared: &Shared) -> Found {
    let Some(decoded) = percent_decode(url_path) else {
        return Found::Missing;
    };
    let rel = decoded.trim_start_matches('/');
    let bad = rel.split('/').any(|seg| seg == ".." || seg == ".") || rel.contains(['\\', '\0']) || rel.contains("//");
    if bad {
        return Found::Missing;
    }
    let Ok(state) = shared.0.lock() else {
        return Found::Missing;
    };
    let key = file_key(rel);
    if let Some(bytes) = state.files.get(&key) {
        return Found::File(key, bytes.clone(), state.version);
    }
    if state.files.contains_key(&format!("{rel}/index.html")) {
        return Found::Redirect(format!("/{rel}/"));
    }
    Found::Missing
}

/// The built file a URL path names: folders mean their `index.html`.
fn file_key(url_path: &str) -> String {
    let rel = url_path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// Decodes `%XX` escapes; `None` for malformed escapes or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn with_type<R: std::io::Read>(r: Response<R>, ty: &str) -> Response<R> {
    r.with_header(Header::from_bytes(&b"Content-Type"[..], ty.as_bytes()).expect("valid header"))
        .with_header(Header::from_bytes(&b"Cache-Control"[..], &b"no-store"[..]).expect("valid header"))
}

/// A file response; HTML gets the live-reload script before `</body>`.
fn file_response(name: &str, bytes: &[u8], version: u64, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut body = bytes.to_vec();
    if name.ends_with(".html") {
        let text = String::from_utf8_lossy(&body);
        let script = inject(name, version);
        body = match text.rfind("</body>") {
            Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
            None => format!("{text}{script}").into_bytes(),
        };
    }
    with_type(Response::from_data(body).with_status_code(status), content_type(name))
}

/// Server-sent events: sends the state now and after every rebuild step until the client
/// leaves. With `page=PATH&since=VERSION` (what the live-reload script sends) each event says
/// whether that page is out of date; without, every new version asks for a reload.
fn events(req: Request, shared: &Shared, query: &str) {
    let mut page = None;
    let mut since = None;
    for (k, v) in query.split('&').filter_map(|kv| kv.split_once('=')) {
        match k {
            "page" => page = percent_decode(v),
            "since" => since = v.parse::<u64>().ok(),
            _ => {}
        }
    }
    let mut w = req.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if w.write_all(head.as_bytes()).and_then(|_| w.flush()).is_err() {
        return;
    }
    let (lock, cvar) = &**shared;
    let mut seen = 0;
    loop {
        let Ok(mut state) = lock.lock() else { return };
        while state.version == seen {
            match cvar.wait_timeout(state, std::time::Duration::from_secs(15)) {
                Ok((s, timeout)) => {
                    state = s;
                    if timeout.timed_out() && state.version == seen {
                        break;
                    }
                }
                Err(_) => return,
            }
        }
        let msg = if state.version == seen {
            ": keep-alive\n\n".to_string()
        } else {
            seen = state.version;
            let reload = match (&page, since) {
                (Some(p), Some(v)) => state.stale(p, v),
                _ => true,
            };
            let data = serde_json::json!({ "version": state.version, "errors": state.errors, "reload": reload });
            format!("event: state\ndata: {data}\n\n")
        };
        drop(state);
        if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared_with(files: &[&str]) -> Shared {
        let shared: Shared = Default::default();
        shared.0.lock().unwrap().files = files
            .iter()
            .map(|f| (f.to_string(), std::sync::Arc::new(b"x".to_vec())))
            .collect();
        shared
    }

    #[test]
    fn resolves_only_built_files() {
        let s = shared_with(&["index.html", "causes/pad/index.html", "style.css"]);
        assert!(matches!(resolve("/", &s), Found::File(n, ..) if n == "index.html"));
        assert!(matches!(resolve("/causes/pad/", &s), Found::File(..)));
        assert!(matches!(resolve("/causes/pad", &s), Found::Redirect(to) if to == "/causes/pad/"));
        for bad in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/causes/..%2f..%2fsite.toml",
            "/causes/%2e%2e/%2e%2e/etc/passwd",
            "/style.css%00",
            "/%zz",
            "//etc/passwd",
            "/causes\\..\\x",
        ] {
            assert!(matches!(resolve(bad, &s), Found::Missing), "{bad}");
        }
        assert_eq!(content_type("a/b.css"), "text/css; charset=utf-8");
    }
}
