#![no_main]
//! Fuzz target: see `dateline::fuzzing::feed`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline::fuzzing::feed(data);
});
