//! Panics the library expects and catches where they happen: tantivy reading a damaged index
//! file, `rust_stemmers` on a few words it cannot stem. The library never installs a panic
//! hook (that belongs to the program); while such a call runs, [`expected`] is true on its
//! thread, so a program's hook can stay quiet about it, as `causebook`'s does.

use std::cell::Cell;

thread_local! {
    /// Set while [`catch`] runs `f` on this thread.
    static EXPECTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the panic being raised on this thread is one the library expects and catches.
/// A panic hook may leave such a panic's message out.
pub fn expected() -> bool {
    EXPECTED.with(Cell::get)
}

/// Runs `f`; a panic becomes `Err` with its message.
pub(crate) fn catch<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    let before = EXPECTED.with(|e| e.replace(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    EXPECTED.with(|e| e.set(before));
    out.map_err(|p| {
        (p.downcast_ref::<&str>().map(|s| s.to_string()))
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_is_an_error_with_its_message_and_marked_expected_meanwhile() {
        assert_eq!(catch(|| 7), Ok(7));
        let seen = catch(|| {
            assert!(expected());
            panic!("damaged: {}", 3)
        });
        assert_eq!(seen, Err("damaged: 3".to_string()));
        assert!(!expected(), "cleared afterwards");
    }
}
