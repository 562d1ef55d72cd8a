//! HTTP/1.1 connections for the preview: a bounded request head parsed by `httparse`, only
//! GET and HEAD, only for the Host names the server answers to (so a DNS-rebinding page cannot
//! read an unpublished preview), security headers on every answer, keep-alive with
//! `TCP_NODELAY` (without it each kept-alive answer waits ~40 ms for a delayed ACK).
//!
//! Message framing is strict, so that no body can be read as the next request: a request with a
//! `Transfer-Encoding`, conflicting `Content-Length` fields or any body is answered and the
//! connection closed. A whole head must arrive within `IDLE`, and connections that wait for one
//! give their slot up to new clients (`slots`).

mod slots;

use super::http::{self, Answer, Reply};
use super::Shared;
use slots::{Slot, Slots};
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv6Addr, Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Largest request head (request line, headers and the empty line that ends them) taken; a
/// larger one is answered 431.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// Most connections open at once. When all are taken, the one that has waited longest for a
/// request head is closed to make room; only when every one is answering does a client get 503.
const MAX_CONNECTIONS: usize = 256;
/// How long a whole request head may take, counted from when the server starts waiting for it
/// (a new connection, or the end of the last answer on a kept-alive one): an idle connection,
/// and a head that trickles in however often bytes arrive, is closed after this. Also the
/// longest a write may wait for a client that does not read.
const IDLE: Duration = Duration::from_secs(30);
/// After a refused request the server reads on for at most this long, or `LINGER_BYTES`, and
/// stops at the first pause of `LINGER_PAUSE` (the client has sent everything).
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 1024 * 1024;
const LINGER_PAUSE: Duration = Duration::from_millis(250);

/// Accepts connections on `listener` for ever, one thread each.
pub(crate) fn serve(listener: TcpListener, shared: Shared, bind: String) {
    let slots = Slots::new(MAX_CONNECTIONS);
    for stream in listener.incoming().flatten() {
        let Some(slot) = slots.take(&stream) else {
            let mut s = stream;
            let _ = s.write_all(&Reply::text(503, "Too many connections").to_bytes(false, false));
            continue;
        };
        let (shared, bind) = (Arc::clone(&shared), bind.clone());
        // A thread that cannot be started drops its slot and stream: the client sees a close.
        let _ = std::thread::Builder::new().spawn(move || {
            let _ = connection(stream, &slot, &shared, &bind);
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
    /// A `Content-Length` above 0 (the only framing `parse` lets through).
    pub has_body: bool,
}

impl Head {
    fn keep_alive(&self) -> bool {
        match self.connection.as_deref().map(str::to_ascii_lowercase) {
            Some(c) if c.contains("close") => false,
            Some(c) if c.contains("keep-alive") => true,
            _ => self.minor >= 1,
        }
    }
}

/// What to do with a request.
enum Next {
    /// Answer and go on with the connection if the client keeps it alive.
    Reply(Reply),
    /// Answer and close: the request's body (if any) was not read.
    Refuse(Reply),
    Events {
        page: Option<String>,
        since: Option<u64>,
    },
}

/// Answers requests on one connection until either side closes it.
fn connection(mut stream: TcpStream, slot: &Slot, shared: &Shared, bind: &str) -> std::io::Result<()> {
    configure(&stream)?;
    let mut buf: Vec<u8> = Vec::new();
    loop {
        slot.waiting();
        let head = match read_head(&mut stream, &mut buf, Instant::now() + IDLE)? {
            Ok(Some(h)) => h,
            Ok(None) => return Ok(()),
            Err(reply) => return refuse(stream, slot, &reply),
        };
        if !slot.busy() {
            return Ok(());
        }
        let head_only = head.method == "HEAD";
        let reply = match next(&head, shared, bind) {
            Next::Reply(r) => r,
            Next::Refuse(r) => return refuse(stream, slot, &r),
            Next::Events { page, since } => return http::events(stream, shared, page, since, head_only),
        };
        let keep_alive = head.keep_alive();
        stream.write_all(&reply.to_bytes(keep_alive, head_only))?;
        if !keep_alive {
            return Ok(());
        }
    }
}

/// The answer to a parsed head.
fn next(head: &Head, shared: &Shared, bind: &str) -> Next {
    if head.method != "GET" && head.method != "HEAD" {
        let mut r = Reply::text(405, "Only GET and HEAD are allowed.");
        r.headers.push(("Allow", "GET, HEAD".into()));
        return Next::Refuse(r);
    }
    if head.has_body {
        return Next::Refuse(Reply::text(400, "A GET or HEAD request has no body."));
    }
    if !host_allowed(head.host.as_deref(), bind) {
        return Next::Reply(Reply::text(
            403,
            "This preview answers only to localhost and its own address.",
        ));
    }
    match http::route(&head.target, shared) {
        Answer::Reply(r) => Next::Reply(r),
        Answer::Events { page, since } => Next::Events { page, since },
    }
}

/// Sends `reply` and closes the connection, but first reads (and drops) what the client still
/// sends: closing with unread bytes would reset the connection, and the client could lose the
/// answer before reading it (RFC 9112 §9.6). Bounded in time and bytes; the slot may be taken
/// meanwhile.
fn refuse(mut stream: TcpStream, slot: &Slot, reply: &Reply) -> std::io::Result<()> {
    slot.waiting();
    stream.write_all(&reply.to_bytes(false, false))?;
    stream.shutdown(Shutdown::Write)?;
    let deadline = Instant::now() + LINGER;
    let mut chunk = [0u8; 16 * 1024];
    let mut left = LINGER_BYTES;
    while left > 0 {
        let pause = deadline.saturating_duration_since(Instant::now()).min(LINGER_PAUSE);
        if pause.is_zero() {
            break;
        }
        stream.set_read_timeout(Some(pause))?;
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
    Ok(())
}

/// Answers leave at once (no Nagle delay), idle connections are closed, and a client that does
/// not read its answer cannot hold a thread for ever.
fn configure(stream: &TcpStream) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE))?;
    stream.set_write_timeout(Some(IDLE))
}

/// Reads one request head from `stream` (bytes after it stay in `buf`); the whole head must
/// arrive before `deadline`, however it trickles in. `Ok(None)` when the client closed the
/// connection or sent nothing in time; `Err(reply)` for a head that is too large, malformed or
/// not complete in time.
fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> std::io::Result<Result<Option<Head>, Reply>> {
    let mut chunk = [0u8; 4096];
    let mut scanned = 0;
    loop {
        match find_end(buf, scanned) {
            Some(end) if end <= MAX_HEAD => {
                let parsed = parse(&buf[..end]);
                buf.drain(..end);
                return Ok(parsed.map(Some));
            }
            Some(_) => return Ok(Err(too_large())),
            None if buf.len() >= MAX_HEAD => return Ok(Err(too_large())),
            None => scanned = buf.len(),
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(timed_out(buf));
        }
        // The socket's timeout shrinks to what is left, so no read resets the clock.
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(Ok(None)),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => return Ok(timed_out(buf)),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The end of a head that did not arrive in time: a connection that sent nothing (or only
/// empty lines) is just closed, a partial head is told why.
fn timed_out(buf: &[u8]) -> Result<Option<Head>, Reply> {
    if buf.iter().all(|b| matches!(b, b'\r' | b'\n')) {
        Ok(None)
    } else {
        Err(Reply::text(408, "The request head took too long."))
    }
}

fn too_large() -> Reply {
    Reply::text(431, "Request header fields too large.")
}

fn bad(why: &str) -> Reply {
    Reply::text(400, why)
}

/// Offset just past the empty line that ends the request head at the start of `buf`, looking
/// from `from` on (where the last look stopped). A line ends in CRLF or a bare LF: RFC 9112 §2.2
/// lets a server take both and `httparse` does, so looking for CRLFCRLF alone would take a
/// bare-LF head and the requests pipelined after it for one head. Empty lines before the
/// request line are skipped, as §2.2 asks.
fn find_end(buf: &[u8], from: usize) -> Option<usize> {
    let start = buf.iter().position(|b| !matches!(b, b'\r' | b'\n'))?;
    // The last look may have stopped inside an end (LF, or LF CR).
    let mut at = from.saturating_sub(2).max(start);
    while let Some(i) = memchr::memchr(b'\n', &buf[at..]) {
        let lf = at + i;
        match &buf[lf + 1..] {
            [b'\n', ..] => return Some(lf + 2),
            [b'\r', b'\n', ..] => return Some(lf + 3),
            _ => at = lf + 1,
        }
    }
    None
}

/// Parses a complete request head, refusing any framing but "no body" or one `Content-Length`
/// (RFC 9112 §6.3: a server must not guess where a body ends, or the body is read as the next
/// request), and a repeated or malformed Host (a missing one is left to `host_allowed`).
pub(crate) fn parse(bytes: &[u8]) -> Result<Head, Reply> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(bytes) {
        // The head ends exactly where `find_end` saw it end, so nothing after it is skipped.
        Ok(httparse::Status::Complete(n)) if n == bytes.len() => {}
        Err(httparse::Error::TooManyHeaders) => return Err(Reply::text(431, "Too many header fields.")),
        _ => return Err(bad("Malformed request.")),
    }
    if values(req.headers, "transfer-encoding").next().is_some() {
        return Err(bad(
            "Transfer-Encoding is not taken: a GET or HEAD request has no body.",
        ));
    }
    let has_body = content_length(values(req.headers, "content-length"))? > 0;
    let host = one_host(values(req.headers, "host"))?;
    let connection = values(req.headers, "connection")
        .next()
        .map(|v| String::from_utf8_lossy(v).into_owned());
    Ok(Head {
        method: req.method.unwrap_or("").to_string(),
        target: req.path.unwrap_or("/").to_string(),
        minor: req.version.unwrap_or(1),
        host,
        connection,
        has_body,
    })
}

/// The values of every field called `name`, without surrounding whitespace.
fn values<'a>(headers: &'a [httparse::Header<'a>], name: &'a str) -> impl Iterator<Item = &'a [u8]> {
    headers
        .iter()
        .filter(move |h| h.name.eq_ignore_ascii_case(name))
        .map(|h| h.value.trim_ascii())
}

/// The body length given by the `Content-Length` fields (0 without one). Each must be digits
/// only (no lists), and repeated fields must agree.
fn content_length<'a>(values: impl Iterator<Item = &'a [u8]>) -> Result<u64, Reply> {
    let mut length = None;
    for v in values {
        let n = std::str::from_utf8(v)
            .ok()
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or_else(|| bad("Malformed Content-Length."))?;
        if length.is_some_and(|l| l != n) {
            return Err(bad("Conflicting Content-Length fields."));
        }
        length = Some(n);
    }
    Ok(length.unwrap_or(0))
}

/// The Host field, `None` without one. A second one, or one that is not exactly a host with an
/// optional port, is refused: `host_allowed` must judge the whole of what the client sent, not
/// the part of it that looks like an allowed name.
fn one_host<'a>(mut values: impl Iterator<Item = &'a [u8]>) -> Result<Option<String>, Reply> {
    let Some(host) = values.next() else { return Ok(None) };
    if values.next().is_some() {
        return Err(bad("More than one Host field."));
    }
    match std::str::from_utf8(host) {
        Ok(h) if valid_host(h) => Ok(Some(h.to_string())),
        _ => Err(bad("Malformed Host.")),
    }
}

/// Whether `host` is `uri-host [":" port]` (RFC 9110 §7.2) as browsers send it: an IPv6
/// address in brackets, or an IPv4 address or DNS name, then an optional port of 1 to 5
/// digits up to 65535. No IPvFuture, zone IDs or user info.
fn valid_host(host: &str) -> bool {
    let (name_ok, rest) = match host.strip_prefix('[') {
        Some(literal) => match literal.split_once(']') {
            Some((v6, rest)) => (v6.parse::<Ipv6Addr>().is_ok(), rest),
            None => return false,
        },
        None => {
            let (name, rest) = host.split_at(host.find(':').unwrap_or(host.len()));
            (dns_name(name), rest)
        }
    };
    let port_ok = |p: &str| {
        (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= 65535)
    };
    name_ok && (rest.is_empty() || rest.strip_prefix(':').is_some_and(port_ok))
}

/// A DNS name or an IPv4 address: dot-separated labels of letters, digits and inner hyphens
/// (RFC 1123), 253 bytes at most.
fn dns_name(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
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
mod tests;
