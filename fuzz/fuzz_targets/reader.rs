#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| onrecord_fuzz::reader(data));
