#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| aipg_fuzz::parse_asset_name(data));

#[cfg(not(fuzzing))]
fn main() {}
