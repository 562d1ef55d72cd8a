//! `serve` as an attacker on the same machine or a web page in the browser would meet it:
//! Host checks against DNS rebinding, only GET and HEAD, bounded request heads, security
//! headers, kept-alive connections, strict message framing (no body or bare-LF head is ever
//! read as another request), and room for clients while others trickle their heads in. (How fast a kept-alive answer comes is measured by the
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

/// Like `exchange`, but gives up reading after `secs`: a server that keeps the connection open
/// (a swallowed request, an event stream) makes the test fail quickly instead of hanging.
fn exchange_within(addr: &str, raw: &[u8], secs: u64) -> (String, std::io::Result<usize>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(secs))).unwrap();
    s.write_all(raw).unwrap();
    let mut out = Vec::new();
    let read = s.read_to_end(&mut out);
    (String::from_utf8_lossy(&out).into_owned(), read)
}

/// How many responses `resp` holds (each starts with a status line).
fn responses(resp: &str) -> usize {
    resp.matches("HTTP/1.1 ").count()
}

#[test]
fn a_body_is_never_read_as_a_request() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let smuggled = format!("GET /style.css HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n");
    let len = smuggled.len();
    for framing in [
        format!("Content-Length: 0\r\nContent-Length: {len}"),
        format!("Content-Length: {len}\r\nContent-Length: 0"),
        format!("Content-Length: 0, {len}"),
        "Transfer-Encoding: chunked".to_string(),
        "Transfer-Encoding: identity\r\nContent-Length: 0".to_string(),
        format!("Content-Length: {len}"),
    ] {
        let raw = format!("GET / HTTP/1.1\r\nHost: {a}\r\n{framing}\r\n\r\n{smuggled}");
        let (r, _) = exchange_within(a, raw.as_bytes(), 3);
        assert_eq!(status(&r), 400, "{framing}: {r}");
        assert_eq!(responses(&r), 1, "{framing}: the body was answered as a request: {r}");
    }
    // The same length twice is one length (RFC 9112 §6.3): both requests are answered.
    let raw = format!("GET / HTTP/1.1\r\nHost: {a}\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n{smuggled}");
    let (r, _) = exchange_within(a, raw.as_bytes(), 3);
    assert_eq!(r.matches("HTTP/1.1 200 OK").count(), 2, "{r}");
}

#[test]
fn a_head_ending_in_bare_line_feeds_is_one_request() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let raw = format!("GET / HTTP/1.1\nHost: {a}\n\nGET /style.css HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n");
    let (r, _) = exchange_within(a, raw.as_bytes(), 3);
    assert_eq!(r.matches("HTTP/1.1 200 OK").count(), 2, "{r}");
    assert!(
        r.contains("Content-Type: text/css"),
        "the second request is answered as itself: {r}"
    );
}

/// 300 connections (more than the server's 256 slots) trickle a header byte every 200 ms,
/// each for as long as the server keeps it; a client that sends its request at once, after
/// all of them, must still be answered within a few seconds, again and again while the trickle
/// goes on.
#[test]
fn clients_are_served_while_heads_trickle_in() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = srv.addr.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (ready, attacking) = std::sync::mpsc::channel();
    let attack = {
        let (a, stop) = (a.clone(), std::sync::Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut slow: Vec<TcpStream> = (0..300).filter_map(|_| TcpStream::connect(&a).ok()).collect();
            for s in &mut slow {
                let _ = write!(s, "GET / HTTP/1.1\r\nHost: {a}\r\nX-Slow: ");
            }
            ready.send(slow.len()).unwrap();
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(200));
                for s in &mut slow {
                    let _ = s.write_all(b"a");
                }
            }
        })
    };
    // Connected after all of them, so the server accepts the client after them too.
    let connected = attacking.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(connected, 300);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let raw = format!("GET / HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n");
        let (r, _) = exchange_within(&a, raw.as_bytes(), 3);
        assert_eq!(status(&r), 200, "{}", r.lines().next().unwrap_or(""));
        assert!(t.elapsed() < Duration::from_secs(3));
        std::thread::sleep(Duration::from_millis(250));
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    attack.join().unwrap();
}

#[test]
fn head_of_the_event_stream_is_only_headers() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let raw = format!("HEAD /__causebook/events HTTP/1.1\r\nHost: {a}\r\n\r\n");
    let (r, read) = exchange_within(a, raw.as_bytes(), 3);
    assert!(read.is_ok(), "the server ends the answer: {read:?}: {r}");
    assert_eq!(status(&r), 200, "{r}");
    assert!(r.contains("Content-Type: text/event-stream"), "{r}");
    assert!(
        r.ends_with("\r\n\r\n") && !r.contains("event:"),
        "no stream after the head: {r}"
    );
}

#[test]
fn a_malformed_or_repeated_host_is_refused() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let port = a.rsplit(':').next().unwrap();
    let ask = |hosts: &str| {
        let raw = format!("GET / HTTP/1.1\r\n{hosts}Connection: close\r\n\r\n");
        status(&exchange_within(a, raw.as_bytes(), 3).0)
    };
    for good in [
        a.clone(),
        "localhost".into(),
        format!("LOCALHOST:{port}"),
        format!("[::1]:{port}"),
        "[::1]".into(),
    ] {
        assert_eq!(ask(&format!("Host: {good}\r\n")), 200, "{good}");
    }
    for bad in [
        "[::1]evil.com".to_string(),
        format!("[::1]:{port}evil.com"),
        format!("[::1]:{port}:{port}"),
        format!("localhost:{port}:{port}"),
        "localhost:".into(),
        "localhost:99999".into(),
        "localhost:+80".into(),
        "::1".into(),
        "[::1".into(),
        "[127.0.0.1]".into(),
        "local host".into(),
        "127.0.0.1@evil.example".into(),
        "localhost..".into(),
        "-localhost".into(),
        "".into(),
    ] {
        assert_eq!(ask(&format!("Host: {bad}\r\n")), 400, "{bad:?}");
    }
    for twice in [
        format!("Host: {a}\r\nHost: evil.example\r\n"),
        format!("Host: evil.example\r\nHost: {a}\r\n"),
        format!("Host: {a}\r\nHost: {a}\r\n"),
    ] {
        assert_eq!(ask(&twice), 400, "{twice:?}");
    }
}

/// A request of exactly `len` bytes whose head is all of it.
fn head_of_length(addr: &str, len: usize) -> String {
    let start = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nX-Pad: ");
    let pad = len - start.len() - "\r\n\r\n".len();
    let head = format!("{start}{}\r\n\r\n", "a".repeat(pad));
    assert_eq!(head.len(), len);
    head
}

#[test]
fn heads_are_bounded_at_exactly_16_kib() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    let ask = |len| status(&exchange_within(a, head_of_length(a, len).as_bytes(), 3).0);
    assert_eq!(ask(16 * 1024), 200);
    assert_eq!(ask(16 * 1024 + 1), 431);
    assert_eq!(ask(20_400), 431);
}

/// A refused head is read to its end before the connection closes: closing with unread bytes
/// would send a reset, and the client would lose the 431 it had not read yet.
#[test]
fn a_refused_head_is_drained_so_the_client_reads_the_answer() {
    let (_tmp, root) = copy_fixture("valid");
    let srv = start(&root);
    let a = &srv.addr;
    for _ in 0..3 {
        let (r, read) = exchange_within(a, head_of_length(a, 256 * 1024).as_bytes(), 5);
        assert!(read.is_ok(), "no reset: {read:?}");
        assert_eq!(status(&r), 431, "{r}");
    }
}
