//! Stage timings (`build --timings`): how long each stage of the pipeline took, so anyone can
//! see where a build goes without a profiler.

use std::time::{Duration, Instant};

/// A stopwatch that records one lap per stage.
#[derive(Debug, Clone)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
    last: Instant,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            stages: Vec::new(),
            last: Instant::now(),
        }
    }
}

impl Timings {
    /// Ends the current stage, named `stage`, and starts the next one now.
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.stages.push((stage, now - self.last));
        self.last = now;
    }

    /// Starts the next stage now (time since the last lap was spent outside the pipeline).
    pub fn resume(&mut self) {
        self.last = Instant::now();
    }

    /// The stages in the order they ran, with their durations.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    /// A table for the terminal: one stage a line, with its share of the total.
    pub fn table(&self) -> String {
        let total: Duration = self.stages.iter().map(|(_, d)| *d).sum();
        let mut out = String::new();
        for (name, d) in &self.stages {
            let share = if total.is_zero() {
                0.0
            } else {
                d.as_secs_f64() / total.as_secs_f64() * 100.0
            };
            out.push_str(&format!("{:>9.1} ms {share:>5.1}%  {name}\n", d.as_secs_f64() * 1000.0));
        }
        out.push_str(&format!("{:>9.1} ms         total\n", total.as_secs_f64() * 1000.0));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_add_up_to_the_total() {
        let mut t = Timings::default();
        std::thread::sleep(Duration::from_millis(2));
        t.lap("load");
        t.lap("render");
        assert_eq!(t.stages().iter().map(|s| s.0).collect::<Vec<_>>(), ["load", "render"]);
        assert!(t.stages()[0].1 >= Duration::from_millis(2));
        let table = t.table();
        assert!(table.contains("  load\n") && table.contains("  render\n") && table.contains("total"));
    }
}
