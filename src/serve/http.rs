//! Request handling: static files from memory, the live-reload script and event stream, and
//! the theme's 404 page. Paths are decoded and normalised; anything that is not exactly a built
//! file is a 404.

use super::Shared;
use std::io::Write;
use std::net::TcpStream;

const LIVERELOAD_JS: &str = include_str!("livereload.js");

/// What `serve` shows before the site has built once: the errors come over it, and it reloads
/// as soon as a build succeeds.
const NOT_BUILT: &str =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title></head>\
<body><h1>The site has not built yet</h1><p>The preview shows the site as soon as its content passes its checks. \
The errors to fix are listed over this page, and in the terminal.</p></body></html>\n";

/// The live-reload script tag for a page served at `version`: the script asks the server
/// whether this page (or a stylesheet or script) changed since then.
fn inject(page: &str, version: u64) -> String {
    let page = crate::render::escape_html(page);
    format!("<script src=\"/__causebook/livereload.js\" data-page=\"{page}\" data-version=\"{version}\"></script>")
}

/// What a request gets: a whole reply, or an event stream that stays open.
pub(crate) enum Answer {
    Reply(Reply),
    Events { page: Option<String>, since: Option<u64> },
}

/// A complete response.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    /// A short plain-text reply (errors).
    pub fn text(status: u16, text: &str) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", text.as_bytes().to_vec())
    }

    /// The bytes on the wire, in one buffer so the answer leaves in as few packets as it can.
    pub fn to_bytes(&self, keep_alive: bool, head_only: bool) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        for (k, v) in security_headers() {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        let connection = if keep_alive { "keep-alive" } else { "close" };
        out.push_str(&format!(
            "Content-Length: {}\r\nConnection: {connection}\r\n\r\n",
            self.body.len()
        ));
        let mut bytes = out.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }
}

/// Headers on every answer: the pages' policy plus what a `<meta>` cannot say.
fn security_headers() -> impl Iterator<Item = (&'static str, &'static str)> + 'static {
    static CSP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let csp = CSP.get_or_init(|| format!("{}; frame-ancestors 'none'", crate::render::CONTENT_SECURITY_POLICY));
    [
        ("Content-Security-Policy", csp.as_str()),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]
    .into_iter()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Answers a GET for `target` (path and query).
pub(crate) fn route(target: &str, shared: &Shared) -> Answer {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__causebook/events" => {
            let query = target.split_once('?').map(|(_, q)| q).unwrap_or_default();
            let (mut page, mut since) = (None, None);
            for (k, v) in query.split('&').filter_map(|kv| kv.split_once('=')) {
                match k {
                    "page" => page = percent_decode(v),
                    "since" => since = v.parse::<u64>().ok(),
                    _ => {}
                }
            }
            Answer::Events { page, since }
        }
        "/__causebook/livereload.js" => Answer::Reply(Reply::new(
            200,
            "text/javascript; charset=utf-8",
            LIVERELOAD_JS.as_bytes().to_vec(),
        )),
        _ => Answer::Reply(match resolve(path, shared) {
            Found::File(name, bytes, version) => file_response(&name, &bytes, version, 200),
            Found::Redirect(to) => {
                let mut r = Reply::new(301, "text/plain; charset=utf-8", Vec::new());
                r.headers.push(("Location", to));
                r
            }
            Found::Missing => not_found(path, shared),
        }),
    }
}

/// The theme's 404 page, watching the missing path so it reloads once the page exists. Before
/// the first good build there is no site: every page is then a page saying so, with the build's
/// errors over it, which reloads as soon as the site builds.
fn not_found(path: &str, shared: &Shared) -> Reply {
    let (page, version, built) = match shared.0.lock() {
        Ok(s) => (
            s.files.get(crate::routes::NOT_FOUND).cloned(),
            s.version,
            !s.files.is_empty(),
        ),
        Err(_) => (None, 0, true),
    };
    if !built {
        return file_response("index.html", NOT_BUILT.as_bytes(), version, 503);
    }
    let bytes = page.map(|b| b.to_vec()).unwrap_or_else(|| b"Not found".to_vec());
    let missing = crate::routes::file(percent_decode(path).as_deref().unwrap_or(""));
    let watch = if missing.ends_with(".html") {
        missing.as_str()
    } else {
        crate::routes::NOT_FOUND
    };
    file_response(watch, &bytes, version, 404)
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
    let key = crate::routes::file(rel);
    if let Some(bytes) = state.files.get(&key) {
        return Found::File(key, bytes.clone(), state.version);
    }
    if state.files.contains_key(&format!("{rel}/index.html")) {
        return Found::Redirect(format!("/{rel}/"));
    }
    Found::Missing
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

/// A file response; HTML gets the live-reload script before `</body>`.
fn file_response(name: &str, bytes: &[u8], version: u64, status: u16) -> Reply {
    let mut body = bytes.to_vec();
    if name.ends_with(".html") {
        let text = String::from_utf8_lossy(&body);
        let script = inject(name, version);
        body = match text.rfind("</body>") {
            Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
            None => format!("{text}{script}").into_bytes(),
        };
    }
    Reply::new(status, content_type(name), body)
}

/// The head of an event stream: no length, the stream ends when the connection does.
fn events_head() -> String {
    let mut head = String::from("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n");
    for (k, v) in security_headers() {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    head
}

/// Server-sent events: sends the state now and after every rebuild step until the client
/// leaves. With `page=PATH&since=VERSION` (what the live-reload script sends) each event says
/// whether that page is out of date; without, every new version asks for a reload. A HEAD
/// (`head_only`) gets the same head and nothing else: the connection closes after it.
pub(crate) fn events(
    mut w: TcpStream,
    shared: &Shared,
    page: Option<String>,
    since: Option<u64>,
    head_only: bool,
) -> std::io::Result<()> {
    w.write_all(events_head().as_bytes())?;
    if head_only {
        return Ok(());
    }
    let (lock, cvar) = &**shared;
    let mut seen = 0;
    loop {
        let Ok(mut state) = lock.lock() else { return Ok(()) };
        while state.version == seen {
            match cvar.wait_timeout(state, std::time::Duration::from_secs(15)) {
                Ok((s, timeout)) => {
                    state = s;
                    if timeout.timed_out() && state.version == seen {
                        break;
                    }
                }
                Err(_) => return Ok(()),
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
        w.write_all(msg.as_bytes())?;
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
