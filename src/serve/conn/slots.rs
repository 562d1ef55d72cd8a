//! Connection slots: at most so many connections at once, and when all are taken, the one that
//! has waited longest for a request head gives its slot up to the newcomer.
//!
//! A client that trickles its head holds a slot without asking for anything; 256 of them would
//! otherwise keep every other client out. Taking the slot of the longest waiter means an attacker
//! must open as many new connections as there are slots before a client that sends its request at
//! once loses its own, and a connection that is answering (or streaming events) is never closed.

use std::collections::HashMap;
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The open connections, each with a handle to close it from the accepting thread.
pub(crate) struct Slots {
    max: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next_id: u64,
    /// Orders the moments connections started waiting.
    tick: u64,
    open: HashMap<u64, Entry>,
}

struct Entry {
    stream: TcpStream,
    /// The tick at which the connection started waiting for a request head (or draining a refused
    /// one); `None` while it answers.
    waiting_since: Option<u64>,
}

/// One connection's slot, freed when dropped.
pub(crate) struct Slot {
    slots: Arc<Slots>,
    id: u64,
}

impl Slots {
    pub fn new(max: usize) -> Arc<Slots> {
        Arc::new(Slots {
            max,
            inner: Mutex::default(),
        })
    }

    /// Nothing panics while the lock is held, but a poisoned lock must not stop the server.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A slot for `stream`, which starts out waiting for its head. When all are taken, the
    /// connection that has waited longest is shut down (its thread's read returns at once);
    /// `None` when every connection is answering.
    pub fn take(self: &Arc<Self>, stream: &TcpStream) -> Option<Slot> {
        let handle = stream.try_clone().ok()?;
        let mut inner = self.lock();
        if inner.open.len() >= self.max {
            let (_, oldest) = inner
                .open
                .iter()
                .filter_map(|(id, e)| Some((e.waiting_since?, *id)))
                .min()?;
            if let Some(e) = inner.open.remove(&oldest) {
                let _ = e.stream.shutdown(Shutdown::Both);
            }
        }
        inner.next_id += 1;
        inner.tick += 1;
        let (id, tick) = (inner.next_id, inner.tick);
        let entry = Entry {
            stream: handle,
            waiting_since: Some(tick),
        };
        inner.open.insert(id, entry);
        Some(Slot {
            slots: Arc::clone(self),
            id,
        })
    }

    /// How many slots are taken.
    #[cfg(test)]
    pub fn taken(&self) -> usize {
        self.lock().open.len()
    }
}

impl Slot {
    /// The connection waits for a request head, or drains one it refused: it may be closed to
    /// make room.
    pub fn waiting(&self) {
        self.set(true);
    }

    /// The connection answers a request. `false` if it was closed to make room meanwhile (its
    /// head arrived just as a newcomer took its slot): it must stop.
    pub fn busy(&self) -> bool {
        self.set(false)
    }

    fn set(&self, waiting: bool) -> bool {
        let mut inner = self.slots.lock();
        inner.tick += 1;
        let tick = inner.tick;
        match inner.open.get_mut(&self.id) {
            Some(e) => {
                e.waiting_since = waiting.then_some(tick);
                true
            }
            None => false,
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.slots.lock().open.remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpListener;

    /// A connected pair: (client side, server side).
    fn pair(listener: &TcpListener) -> (TcpStream, TcpStream) {
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        (client, listener.accept().unwrap().0)
    }

    #[test]
    fn the_longest_waiter_makes_room_and_busy_connections_stay() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let slots = Slots::new(2);
        let (_c1, s1) = pair(&listener);
        let (_c2, s2) = pair(&listener);
        let first = slots.take(&s1).unwrap();
        let second = slots.take(&s2).unwrap();
        assert!(second.busy(), "the second connection answers a request");
        let (_c3, s3) = pair(&listener);
        let third = slots.take(&s3).expect("the first connection's slot");
        assert_eq!(slots.taken(), 2);
        let mut byte = [0u8; 1];
        assert_eq!((&s1).read(&mut byte).unwrap(), 0, "the first connection was shut down");
        assert!(!first.busy(), "and may not go on");
        drop(first);
        assert_eq!(slots.taken(), 2, "dropping an evicted slot frees nothing twice");
        assert!(third.busy());
        let (_c4, s4) = pair(&listener);
        assert!(slots.take(&s4).is_none(), "every connection is answering");
        drop(third);
        assert!(slots.take(&s4).is_some());
    }
}
