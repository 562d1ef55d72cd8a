//! Which URLs content and config may supply. A link a reader can click must never run script,
//! so only web and mail links and site-relative paths pass; everything else (`javascript:`,
//! `data:`, `vbscript:`, hidden behind spaces, control characters or mixed case) is refused.

/// Schemes a link may use.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `Ok` for an http(s) or mailto URL or a relative path; otherwise what is wrong with it.
pub fn check(url: &str) -> Result<(), String> {
    // Browsers drop leading and trailing spaces and control characters and remove tabs and
    // newlines anywhere, so `" java\tscript:"` still runs: refuse all of them outright.
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("a URL must not contain spaces, tabs, line breaks or control characters".into());
    }
    let Some(scheme) = scheme(url) else {
        return Ok(());
    };
    let lower = scheme.to_ascii_lowercase();
    if !ALLOWED_SCHEMES.contains(&lower.as_str()) {
        return Err(format!("`{scheme}:` links are not allowed"));
    }
    if lower.starts_with("http") && !url[scheme.len() + 1..].starts_with("//") {
        return Err(format!(
            "`{url}` has no host: write `{lower}://` followed by the site's name"
        ));
    }
    Ok(())
}

/// The hint that goes with a rejected URL.
pub const HINT: &str = "use an https:// (or http://, mailto:) address, or a path on this site";

/// Is `url` absolute (with a scheme, or `//host`), i.e. not a path on this site?
pub fn is_absolute(url: &str) -> bool {
    url.starts_with("//") || scheme(url).is_some()
}

/// The scheme of `url`: the text before a `:` that comes before any `/`, `?` or `#`.
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let first_sep = url.find(['/', '?', '#']).unwrap_or(usize::MAX);
    (colon < first_sep && !url.starts_with("@/")).then(|| &url[..colon])
}

/// Resolves `.` and `..` in a `/`-separated path; `None` if it climbs above the root.
pub fn normalise(path: &str) -> Option<String> {
    dots(path, false)
}

/// Resolves `.` and `..` as a browser does: a path that climbs above the root stays there.
pub fn normalise_clamped(path: &str) -> String {
    dots(path, true).unwrap_or_default()
}

fn dots(path: &str, clamp: bool) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() && !clamp {
                    return None;
                }
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls_are_told_from_paths() {
        assert!(is_absolute("https://example.org/x"));
        assert!(is_absolute("mailto:a@b"));
        assert!(!is_absolute("../x:y/"));
        assert!(!is_absolute("@/causes/a.md"));
    }

    #[test]
    fn dots_are_resolved_strictly_or_as_a_browser_does() {
        assert_eq!(
            normalise("causes/pad/../sciatica/").as_deref(),
            Some("causes/sciatica/")
        );
        assert_eq!(normalise("causes/../../x"), None);
        assert_eq!(normalise_clamped("causes/../../x"), "x");
        assert_eq!(normalise_clamped("./a//b/./"), "a/b/");
    }

    #[test]
    fn refuses_script_in_every_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "https:evil",
        ] {
            assert!(check(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn allows_web_mail_and_site_links() {
        for good in [
            "https://example.org/a?b=c#d",
            "HTTP://example.org",
            "mailto:editor@example.org",
            "//cdn.example.org/x",
            "../relief/heat/",
            "@/causes/pad.md#tests",
            "#main",
            "a/b:c",
        ] {
            assert!(check(good).is_ok(), "{good:?} must be allowed");
        }
        assert!(is_absolute("https://x.org") && !is_absolute("causes/"));
    }
}
