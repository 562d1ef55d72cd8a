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
fn kept_alive_connections_answer_at_once() {
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
        read_one_response(&mut s);
    }
}

/// Reads exactly one response (head plus Content-Length bytes) from a kept-alive connection.
fn read_one_response(s: &mut TcpStream) {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        s.read_exact(&mut byte).unwrap();
        buf.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buf);
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).unwrap();
}
