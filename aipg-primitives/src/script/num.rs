// SPDX-License-Identifier: MIT
//! Script numbers (`CScriptNum` in `src/script/script.h`): little-endian sign-magnitude.

use alloc::vec::Vec;

/// Returns the minimal script-number encoding of `n` (`CScriptNum::serialize`): empty for 0,
/// little-endian magnitude, sign in the top bit of the last byte.
pub fn encode_script_num(n: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(9);
    if n == 0 {
        return out;
    }
    let negative = n < 0;
    let mut abs = n.unsigned_abs();
    while abs > 0 {
        // Keeping the low byte is the point of the cast.
        out.push((abs & 0xff) as u8);
        abs >>= 8;
    }
    match out.last_mut() {
        Some(last) if *last & 0x80 != 0 => out.push(if negative { 0x80 } else { 0x00 }),
        Some(last) if negative => *last |= 0x80,
        _ => {}
    }
    out
}

/// Decodes a script number of at most 8 bytes without any minimality check (as `CScriptNum`'s
/// constructor with `fRequireMinimal = false`); `None` when longer than 8 bytes.
pub fn decode_script_num(bytes: &[u8]) -> Option<i64> {
    if bytes.len() > 8 {
        return None;
    }
    let Some((&last, _)) = bytes.split_last() else {
        return Some(0);
    };
    let mut magnitude: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        magnitude |= u64::from(b) << (8 * i);
    }
    if last & 0x80 != 0 {
        let top = 8 * (bytes.len() - 1);
        let magnitude = magnitude & !(0x80u64 << top);
        // With the sign bit cleared the magnitude is below 2^63.
        Some(-(magnitude as i64))
    } else {
        // The top bit of the last byte is clear, so the value is below 2^63.
        Some(magnitude as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_encodings() {
        for (n, hex) in [
            (0i64, ""),
            (1, "01"),
            (-1, "81"),
            (127, "7f"),
            (128, "8000"),
            (-128, "8080"),
            (255, "ff00"),
            (256, "0001"),
            (-255, "ff80"),
            (i64::MAX, "ffffffffffffff7f"),
            (i64::MIN + 1, "ffffffffffffffff"),
        ] {
            assert_eq!(hex::encode(encode_script_num(n)), hex, "{n}");
            assert_eq!(decode_script_num(&encode_script_num(n)), Some(n));
        }
        assert_eq!(hex::encode(encode_script_num(i64::MIN)), "000000000000008080");
        assert_eq!(decode_script_num(&[0x80]), Some(0));
        assert_eq!(decode_script_num(&[1, 0, 0, 0, 0, 0, 0, 0, 0]), None);
    }
}
