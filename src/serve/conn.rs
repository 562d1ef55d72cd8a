//! HTTP/1.1 connections for the preview: a bounded request head parsed by `httparse`, only
//! GET and HEAD, only for the Host names the server answers to (so a DNS-rebinding page cannot
//! read an unpublished preview), security headers on every answer, keep-alive with
//! `TCP_NODELAY` (without it each kept-alive answer waits ~40 ms for a delayed ACK).

use super::http::{self, Answer, Reply};
use super::Shared;
use std::io::{Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Largest request head (request line and headers) read before answering 431.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// Most connections open at once; more get 503 (event streams hold one each).
const MAX_CONNECTIONS: usize = 256;
/// An idle kept-alive connection, or a request head that trickles in, is closed after this.
const IDLE: Duration = Duration::from_secs(30);

/// Accepts connections on `listener` for ever, one thread each.
pub(crate) fn serve(listener: TcpListener, shared: Shared, bind: String) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming().flatten() {
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let mut s = stream;
            let _ = s.write_all(&Reply::text(503, "Too many connections").to_bytes(false, false));
            continue;
        }
        let (shared, bind, open) = (Arc::clone(&shared), bind.clone(), Arc::clone(&open));
        std::thread::spawn(move || {
            let _ = connection(stream, &shared, &bind);
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// One parsed request head.
pub(crate) struct Head {
    pub method: String,
    pub target: String,
    /// HTTP/1.`minor`.
    pub minor: u8,
    pub host: Option<String>,
    pub connection: Option<String>,
    pub has_body: bool,
}

/// Answers requests on one connection until either side closes it.
fn connection(mut stream: TcpStream, shared: &Shared, bind: &str) -> std::io::Result<()> {
    configure(&stream)?;
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let head = match read_head(&mut stream, &mut buf)? {
            Ok(Some(h)) => h,
            Ok(None) => return Ok(()),
            Err(reply) => return stream.write_all(&reply.to_bytes(false, false)),
        };
        let keep_alive = match head.connection.as_deref().map(str::to_ascii_lowercase) {
            Some(c) if c.contains("close") => false,
            Some(c) if c.contains("keep-alive") => true,
            _ => head.minor >= 1,
        };
        let reply = if !host_allowed(head.host.as_deref(), bind) {
            Reply::text(403, "This preview answers only to localhost and its own address.")
        } else if head.method != "GET" && head.method != "HEAD" {
            // The body of such a request is not read, so the connection cannot go on.
            let mut r = Reply::text(405, "Only GET and HEAD are allowed.");
            r.headers.push(("Allow", "GET, HEAD".into()));
            return stream.write_all(&r.to_bytes(false, false));
        } else if head.has_body {
            return stream.write_all(&Reply::text(400, "A GET request has no body.").to_bytes(false, false));
        } else {
            match http::route(&head.target, shared) {
                Answer::Reply(r) => r,
                Answer::Events { page, since } => return http::events(stream, shared, page, since),
            }
        };
        let head_only = head.method == "HEAD";
        stream.write_all(&reply.to_bytes(keep_alive, head_only))?;
        if !keep_alive {
            return Ok(());
        }
    }
}

/// Answers leave at once (no Nagle delay) and idle connections are closed.
fn configure(stream: &TcpStream) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE))
}

/// Reads one request head from `stream` (bytes after it stay in `buf`). `Ok(None)` when the
/// client closed the connection; `Err(reply)` for a head that is too large or malformed.
fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<Result<Option<Head>, Reply>> {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = find_end(buf) {
            let parsed = parse(&buf[..end]);
            buf.drain(..end);
            return Ok(parsed.map(Some));
        }
        if buf.len() > MAX_HEAD {
            return Ok(Err(Reply::text(431, "Request header fields too large.")));
        }
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Ok(Ok(None)),
            Ok(n) => n,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return Ok(Ok(None))
            }
            Err(e) => return Err(e),
        };
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Offset just past the blank line that ends a request head.
fn find_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

/// Parses a complete request head.
pub(crate) fn parse(bytes: &[u8]) -> Result<Head, Reply> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(bytes) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(Reply::text(431, "Too many header fields.")),
        _ => return Err(Reply::text(400, "Malformed request.")),
    }
    let value = |name: &str| {
        req.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let has_body = value("transfer-encoding").is_some() || value("content-length").is_some_and(|l| l != "0");
    Ok(Head {
        method: req.method.unwrap_or("").to_string(),
        target: req.path.unwrap_or("/").to_string(),
        minor: req.version.unwrap_or(1),
        host: value("host"),
        connection: value("connection"),
        has_body,
    })
}

/// A DNS-rebinding attack needs a domain name that points at this machine, so the preview
/// answers only to `localhost`, loopback addresses and the address it was told to bind to
/// (any address of this machine when that is `0.0.0.0` or `::`, for a phone on the same network).
pub(crate) fn host_allowed(host: Option<&str>, bind: &str) -> bool {
    let Some(host) = host else { return false };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(n, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                n
            } else {
                host
            }
        }),
    };
    let name = name.to_ascii_lowercase();
    let bind = bind.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    let everywhere = bind.parse::<IpAddr>().is_ok_and(|ip| ip.is_unspecified());
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || everywhere || bind.parse::<IpAddr>().is_ok_and(|b| b == ip),
        Err(_) => name == "localhost" || name == bind,
    }
}

#[cfg(test)]
mod tests {
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
    }

    #[test]
    fn parses_heads_and_bodies() {
        let h = parse(b"GET /a?b HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n").unwrap();
        assert_eq!((h.method.as_str(), h.target.as_str(), h.minor), ("GET", "/a?b", 0));
        assert_eq!(h.connection.as_deref(), Some("keep-alive"));
        assert!(!h.has_body);
        let h = parse(b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n").unwrap();
        assert!(h.has_body);
        assert_eq!(parse(b"NOT HTTP\r\n\r\n").err().unwrap().status, 400);
    }
}
