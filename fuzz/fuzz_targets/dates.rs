#![no_main]
//! Fuzz target: see `dateline::fuzzing::dates`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline::fuzzing::dates(data);
});
