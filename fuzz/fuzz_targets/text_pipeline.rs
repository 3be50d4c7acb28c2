#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| repwatch::fuzzing::text_pipeline(data));
