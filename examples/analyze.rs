//! Prints the analyzer's stems for each input line: `line<TAB>stem stem ...`.
//! Used to compare the browser's JavaScript analyzer with tantivy's on large word lists.

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        writeln!(out, "{line}\t{}", causebook::search::analyzer::stems(&line).join(" "))?;
    }
    out.flush()
}
