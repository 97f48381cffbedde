//! This process's CPU time and peak memory, from /proc (Linux), for the
//! benchmarks that report budgets in both.

#![allow(dead_code)]

use std::time::Duration;

/// User+system CPU time of every thread of this process so far.
pub fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    // once the pid and name are cut, the state is field 0, so utime
    // (field 14 of stat) is 11 and stime (15) is 12; every field counts,
    // even the ones that are -1 without a terminal
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    Duration::from_millis((tick(11) + tick(12)) * 10)
}

/// Peak resident memory (VmHWM) since start or the last [`reset_peak`], in MiB.
pub fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Starts a new peak: VmHWM falls back to the memory resident now.
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// One step's rate, in articles per second of wall and of CPU time.
pub fn rate(what: &str, n: usize, wall: Duration, cpu: Duration) {
    println!(
        "{what:<36} {:>7.0} articles/s wall, {:>7.0} /s CPU  ({:.1} s wall, {:.1} s CPU)",
        n as f64 / wall.as_secs_f64(),
        n as f64 / cpu.as_secs_f64().max(1e-9),
        wall.as_secs_f64(),
        cpu.as_secs_f64()
    );
}
