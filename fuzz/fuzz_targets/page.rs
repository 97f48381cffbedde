#![no_main]
//! Fuzz target: see `dateline::fuzzing::page`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline::fuzzing::page(data);
});
