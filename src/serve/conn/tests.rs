//! Unit tests of one connection: requests read, files served, limits kept.

use super::*;

#[test]
fn answers_only_to_its_own_names() {
    for ok in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST", "[::1]:1111", "box.lan"] {
        assert!(host_allowed(Some(ok), "box.lan"), "{ok}");
    }
    for bad in [
        "evil.example:1111",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "192.168.1.5:1111",
    ] {
        assert!(!host_allowed(Some(bad), "127.0.0.1"), "{bad}");
    }
    assert!(
        host_allowed(Some("192.168.1.5:1111"), "192.168.1.5"),
        "its own --bind address"
    );
    assert!(
        host_allowed(Some("192.168.1.5:1111"), "0.0.0.0"),
        "bound everywhere: any address"
    );
    assert!(!host_allowed(Some("evil.example"), "0.0.0.0"), "but never a name");
    assert!(!host_allowed(None, "127.0.0.1"), "HTTP/1.1 requires a Host");
}

#[test]
fn connections_send_without_delay() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let _client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (accepted, _) = listener.accept().unwrap();
    assert!(!accepted.nodelay().unwrap(), "the system default is Nagle's algorithm");
    configure(&accepted).unwrap();
    assert!(accepted.nodelay().unwrap());
    assert_eq!(accepted.read_timeout().unwrap(), Some(IDLE));
    assert_eq!(accepted.write_timeout().unwrap(), Some(IDLE));
}

#[test]
fn a_trickling_head_gets_no_more_than_its_deadline() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (mut accepted, _) = listener.accept().unwrap();
    configure(&accepted).unwrap();
    let trickle = std::thread::spawn(move || {
        client.write_all(b"GET / HTTP/1.1\r\nX: ").unwrap();
        // A byte every 50 ms for 2 s: each read comes well within any per-read timeout.
        for _ in 0..40 {
            std::thread::sleep(Duration::from_millis(50));
            if client.write_all(b"a").is_err() {
                return;
            }
        }
    });
    let t = Instant::now();
    let mut buf = Vec::new();
    let read = read_head(&mut accepted, &mut buf, t + Duration::from_millis(300)).unwrap();
    assert_eq!(read.err().map(|r| r.status), Some(408));
    assert!(t.elapsed() < Duration::from_millis(800), "{:?}", t.elapsed());
    drop(accepted);
    trickle.join().unwrap();
}

#[test]
fn a_head_ends_at_its_first_empty_line_however_lines_end() {
    // (head, what follows it)
    for (head, after) in [
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", "GET"),
        ("GET / HTTP/1.1\nHost: a\n\n", "GET / HTTP/1.1\r\n\r\n"),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", ""),
        ("GET / HTTP/1.1\r\nHost: a\n\r\n", "\n"),
        ("\r\n\nGET / HTTP/1.1\n\n", ""),
    ] {
        assert_eq!(
            find_end(format!("{head}{after}").as_bytes(), 0),
            Some(head.len()),
            "{head:?}"
        );
    }
    assert_eq!(find_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r", 0), None);
    // Looking on from where the last look stopped, inside the end.
    let head = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    for from in 0..head.len() {
        assert_eq!(find_end(head, from), Some(head.len()), "{from}");
    }
    let h = parse(b"GET / HTTP/1.1\nHost: localhost\n\n").unwrap();
    assert_eq!(h.host.as_deref(), Some("localhost"));
}

#[test]
fn host_fields_are_exactly_a_host_and_a_port() {
    for ok in [
        "localhost",
        "localhost:8080",
        "127.0.0.1:1",
        "[::1]",
        "[::1]:65535",
        "box-1.lan",
    ] {
        assert!(valid_host(ok), "{ok}");
    }
    for bad in [
        "",
        "[::1]evil.com",
        "[::1]:80:80",
        "[::1",
        "[127.0.0.1]",
        "[fe80::1%25eth0]",
        "::1",
        "localhost:",
        "localhost:65536",
        "localhost:123456",
        "localhost:+1",
        "a@localhost",
        "local host",
        "localhost.",
        "-a.lan",
        "a_b.lan",
    ] {
        assert!(!valid_host(bad), "{bad:?}");
    }
    let twice = parse(b"GET / HTTP/1.1\r\nHost: localhost\r\nhost: localhost\r\n\r\n");
    assert_eq!(twice.err().unwrap().status, 400);
}

#[test]
fn parses_heads_and_bodies() {
    let h = parse(b"GET /a?b HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n").unwrap();
    assert_eq!((h.method.as_str(), h.target.as_str(), h.minor), ("GET", "/a?b", 0));
    assert_eq!(h.connection.as_deref(), Some("keep-alive"));
    assert!(!h.has_body);
    let h = parse(b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n").unwrap();
    assert!(h.has_body);
    let h = parse(b"GET / HTTP/1.1\r\nContent-Length: 00\r\ncontent-length: 0\r\n\r\n").unwrap();
    assert!(!h.has_body, "the same length twice");
    for framing in [
        "Content-Length: 0\r\nContent-Length: 47",
        "Content-Length: 0, 0",
        "Content-Length: -1",
        "Content-Length: 0x10",
        "Content-Length: 99999999999999999999999",
        "Transfer-Encoding: chunked",
        "Transfer-Encoding: identity\r\nContent-Length: 0",
    ] {
        let head = format!("GET / HTTP/1.1\r\n{framing}\r\n\r\n");
        assert_eq!(parse(head.as_bytes()).err().unwrap().status, 400, "{framing}");
    }
    assert_eq!(parse(b"NOT HTTP\r\n\r\n").err().unwrap().status, 400);
}
