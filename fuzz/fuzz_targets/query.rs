#![no_main]
//! Fuzz target: see `dateline::fuzzing::query`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline::fuzzing::query(data);
});
