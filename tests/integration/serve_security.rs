//! `serve` as an attacker on the same machine or a web page in the browser would meet it:
//! Host checks against DNS rebinding, only GET and HEAD, bounded request heads, security
//! headers, and kept-alive connections. (How fast a kept-alive answer comes is measured by the
//! benchmark, not here: see `conn::tests` for the TCP_NODELAY setting itself.)

use crate::serve::start;
use crate::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Sends `raw` on a new connection and returns everything the server answers.
fn exchange(addr: &str, raw: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(raw).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn status(resp: &str) -> u16 {
    resp.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[test]
fn answers_only_its_own_host_names_and_methods() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let port = a.rsplit(':').next().unwrap();
    for host in [a.clone(), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let r = exchange(
            a,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(status(&r), 200, "{host}: {r}");
    }
    let rebinding = exchange(
        a,
        format!("GET / HTTP/1.1\r\nHost: attacker.example:{port}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(status(&rebinding), 403, "{rebinding}");
    assert!(!rebinding.contains("<html"), "no page content for a foreign Host");
    let r = exchange(
        a,
        format!("POST / HTTP/1.1\r\nHost: {a}\r\nContent-Length: 2\r\n\r\nhi").as_bytes(),
    );
    assert_eq!(status(&r), 405);
    assert!(r.contains("Allow: GET, HEAD"), "{r}");
    let r = exchange(
        a,
        format!("HEAD / HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(status(&r), 200);
    assert!(r.ends_with("\r\n\r\n"), "HEAD has no body: {r}");
}

#[test]
fn bounds_request_heads_and_sends_security_headers() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: {a}\r\nX-Big: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    assert_eq!(status(&exchange(a, huge.as_bytes())), 431);
    let r = exchange(
        a,
        format!("GET /causes/vein/ HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    for header in [
        "Content-Security-Policy: default-src 'none'; script-src 'self';",
        "frame-ancestors 'none'",
        "X-Content-Type-Options: nosniff",
    ] {
        assert!(
            r.contains(header),
            "missing {header}: {}",
            &r[..r.find("\r\n\r\n").unwrap()]
        );
    }
}

#[test]
fn kept_alive_connections_answer_every_request() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let r = exchange(
        a,
        format!(
            "GET / HTTP/1.0\r\nHost: {a}\r\nConnection: keep-alive\r\n\r\nGET /style.css HTTP/1.0\r\nHost: {a}\r\n\r\n"
        )
        .as_bytes(),
    );
    assert!(
        r.contains("Connection: keep-alive"),
        "HTTP/1.0 keep-alive is confirmed: {r}"
    );
    assert_eq!(
        r.matches("HTTP/1.1 200 OK").count(),
        2,
        "both requests answered on one connection"
    );
    // Twenty requests on one HTTP/1.1 connection, each answered in full.
    let mut s = TcpStream::connect(a).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    for _ in 0..20 {
        s.write_all(format!("GET /style.css HTTP/1.1\r\nHost: {a}\r\n\r\n").as_bytes())
            .unwrap();
        assert_eq!(read_response(&mut s).0, 200);
    }
}

/// A bounded load test on 127.0.0.1: four clients on kept-alive connections request pages for
/// a few seconds while an article is edited again and again. Every request must succeed and
/// every page must arrive whole (its declared length, ending in `</html>`).
#[test]
fn serves_whole_pages_under_load_while_content_changes() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let secs: u64 = std::env::var("CAUSEBOOK_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    let clients: Vec<_> = (0..4)
        .map(|i| {
            let addr = srv.addr.clone();
            std::thread::spawn(move || {
                let pages = ["/", "/causes/vein/", "/causes/artery/", "/compare/", "/search/"];
                let mut s = TcpStream::connect(&addr).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                let mut n = 0usize;
                while std::time::Instant::now() < deadline {
                    let page = pages[(n + i) % pages.len()];
                    s.write_all(format!("GET {page} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes())
                        .unwrap();
                    let (status, body) = read_response(&mut s);
                    assert_eq!(status, 200, "{page}");
                    let text = String::from_utf8(body).expect("UTF-8 page");
                    assert!(
                        text.trim_end().ends_with("</html>"),
                        "torn page {page}: ...{}",
                        &text[text.len().saturating_sub(80)..]
                    );
                    n += 1;
                }
                n
            })
        })
        .collect();
    let vein = root.join("content/causes/vein.md");
    let original = read(&vein);
    let mut edits = 0;
    while std::time::Instant::now() < deadline {
        std::fs::write(
            &vein,
            original.replace("A heavy ache.", &format!("A heavy ache ({edits}).")),
        )
        .unwrap();
        edits += 1;
        std::thread::sleep(Duration::from_millis(150));
    }
    let served: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert!(served > 100 && edits > 5, "{served} requests during {edits} edits");
    eprintln!("load: {served} requests, 0 failed, during {edits} edits in {secs} s");
}

/// Reads one response from a kept-alive connection: its status and body.
fn read_response(s: &mut TcpStream) -> (u16, Vec<u8>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        s.read_exact(&mut byte).unwrap();
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .expect("every answer has a length")
        .trim()
        .parse()
        .unwrap();
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).unwrap();
    (status(&head), body)
}
