#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| repwatch::fuzzing::mention_json(data));
