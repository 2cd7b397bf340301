// SPDX-License-Identifier: MIT
use super::*;
use alloc::string::ToString;
use proptest::prelude::*;

fn u(s: &str) -> U256 {
    U256::from_be_hex(s).unwrap()
}

fn from_u128(v: u128) -> U256 {
    U256::from_limbs([v as u64, (v >> 64) as u64, 0, 0])
}

#[test]
fn hex_and_bytes() {
    let v = u("0123456789abcdef00112233445566778899aabbccddeeff0011223344556677");
    assert_eq!(v.to_string(), "0123456789abcdef00112233445566778899aabbccddeeff0011223344556677");
    assert_eq!(U256::from_le_bytes(v.to_le_bytes()), v);
    assert_eq!(U256::from_be_bytes(v.to_be_bytes()), v);
    assert_eq!(v.to_be_bytes()[0], 0x01);
    assert_eq!(v.to_le_bytes()[0], 0x77);
    assert_eq!(u("ff"), U256::from_u64(255));
    assert_eq!(U256::from_be_hex(""), Err(U256ParseError::Length(0)));
    assert_eq!(U256::from_be_hex(&"0".repeat(65)), Err(U256ParseError::Length(65)));
    assert_eq!(U256::from_be_hex("0g"), Err(U256ParseError::InvalidHex));
    assert_eq!(format!("{:?}", U256::ONE), format!("U256({})", U256::ONE));
}

#[test]
fn bits_and_shifts() {
    assert_eq!(U256::ZERO.bits(), 0);
    assert_eq!(U256::ONE.bits(), 1);
    assert_eq!(U256::MAX.bits(), 256);
    assert_eq!((U256::ONE << 255).bits(), 256);
    assert_eq!((U256::ONE << 64).bits(), 65);
    assert_eq!(U256::ONE << 256, U256::ZERO);
    assert_eq!(U256::MAX >> 256, U256::ZERO);
    assert_eq!(U256::MAX << 4000, U256::ZERO);
    assert_eq!(U256::MAX >> 252, U256::from_u64(0xf));
    assert_eq!((U256::ONE << 200) >> 136, U256::ONE << 64);
}

#[test]
fn wrapping_multiplication_matches_the_reference_quirk() {
    // avg ≈ 2^248 times a 3600 s timespan exceeds 2^256; the reference keeps the low 256 bits.
    let pow_limit_compact = CompactTarget::from_consensus(0x2000_ffff).expand().value;
    let wrapped = pow_limit_compact.wrapping_mul_u32(3600);
    let full_high = (pow_limit_compact >> 200).low_u64() * 3600; // exact top part
    assert_eq!(wrapped, pow_limit_compact.wrapping_mul(U256::from_u64(3600)));
    assert!(full_high >> 56 != 0, "the exact product needs more than 256 bits");
    assert_eq!(U256::MAX.wrapping_mul(U256::MAX), U256::ONE);
    assert_eq!(U256::MAX.wrapping_add(U256::ONE), U256::ZERO);
    assert_eq!(U256::ZERO.wrapping_sub(U256::ONE), U256::MAX);
    assert_eq!(U256::MAX.checked_add(U256::ONE), None);
    assert_eq!(U256::ZERO.checked_sub(U256::ONE), None);
}

#[test]
fn division() {
    assert_eq!(U256::MAX.checked_div(U256::ZERO), None);
    assert_eq!(U256::MAX.checked_div_u64(0), None);
    assert_eq!(U256::MAX.checked_div(U256::MAX), Some(U256::ONE));
    assert_eq!(U256::MAX.checked_div(U256::ONE << 128), Some(U256::MAX >> 128));
    assert_eq!(
        U256::from_u64(7).checked_div_rem(U256::ONE << 100),
        Some((U256::ZERO, 7u64.into()))
    );
    assert_eq!(U256::from_u64(100).checked_div_u64(7), Some(U256::from_u64(14)));
}

#[test]
fn compact_examples_from_the_spec() {
    let cases: [(u32, &str); 4] = [
        (0x2000_ffff, "00ffff0000000000000000000000000000000000000000000000000000000000"),
        (0x1d0f_ffff, "0000000fffff0000000000000000000000000000000000000000000000000000"),
        (0x207f_ffff, "7fffff0000000000000000000000000000000000000000000000000000000000"),
        (0x1e00_ffff, "000000ffff000000000000000000000000000000000000000000000000000000"),
    ];
    for (bits, hex) in cases {
        let c = CompactTarget::from_consensus(bits);
        let e = c.expand();
        assert_eq!(e.value, u(hex));
        assert!(!e.negative && !e.overflow);
        assert_eq!(e.value.to_compact(), c);
        assert_eq!(c.to_target().unwrap().to_u256(), e.value);
    }
    // The flag tests use the mantissa after the small-size shift.
    let e = CompactTarget::from_consensus(0x00ff_ffff).expand();
    assert_eq!(e, ExpandedCompact { value: U256::ZERO, negative: false, overflow: false });
    assert_eq!(
        CompactTarget::from_consensus(0x0492_3456).to_target(),
        Err(CompactTargetError::Negative(CompactTarget::from_consensus(0x0492_3456)))
    );
    assert_eq!(
        CompactTarget::from_consensus(0).to_target(),
        Err(CompactTargetError::Zero(CompactTarget::from_consensus(0)))
    );
    assert_eq!(
        CompactTarget::from_consensus(0xff12_3456).to_target(),
        Err(CompactTargetError::Overflow(CompactTarget::from_consensus(0xff12_3456)))
    );
    assert_eq!(CompactTarget::from_consensus(0x1d00_ffff).to_string(), "1d00ffff");
}

#[test]
fn block_proof() {
    // Bitcoin's genesis difficulty: 2^256 / (0xffff·2^208 + 1) = 0x100010001.
    let w = Work::from_compact(CompactTarget::from_consensus(0x1d00_ffff));
    assert_eq!(w.to_u256(), U256::from_u64(0x1_0001_0001));
    assert_eq!(Work::from_compact(CompactTarget::from_consensus(0)), Work::ZERO);
    assert_eq!(Work::from_compact(CompactTarget::from_consensus(0x0492_3456)), Work::ZERO);
    assert_eq!(Work::from_compact(CompactTarget::from_consensus(0xff12_3456)), Work::ZERO);
    assert_eq!(Target::from_u256(U256::MAX).to_work().to_u256(), U256::ONE);
    assert_eq!(Target::from_u256(U256::MAX >> 1).to_work().to_u256(), U256::from_u64(2));
    // 2^256 does not fit: a zero target wraps to zero work (never reached from a compact target).
    assert_eq!(Target::from_u256(U256::ZERO).to_work(), Work::ZERO);
}

#[test]
fn target_comparison_reads_hashes_little_endian() {
    let t = CompactTarget::from_consensus(0x1e00_ffff).to_target().unwrap();
    let mut hash = [0u8; 32];
    hash[28] = 0xff; // 0xff·2^224 < 0xffff·2^216
    assert!(t.is_met_by(&hash));
    hash[29] = 0x01;
    assert!(!t.is_met_by(&hash));
}

proptest! {
    #[test]
    fn u128_agreement(a in any::<u128>(), b in any::<u128>()) {
        let (ua, ub) = (from_u128(a), from_u128(b));
        let (sum, carry) = a.overflowing_add(b);
        prop_assert_eq!(ua.wrapping_add(ub), from_u128(sum) | (U256::from(u32::from(carry)) << 128));
        prop_assert_eq!(ua.cmp(&ub), a.cmp(&b));
        prop_assert_eq!(ua.checked_div(ub), a.checked_div(b).map(from_u128));
        prop_assert_eq!(ua.checked_div_rem(ub).map(|x| x.1), a.checked_rem(b).map(from_u128));
        let (a64, b64) = (a as u64, b as u64);
        prop_assert_eq!(
            U256::from_u64(a64).wrapping_mul(U256::from_u64(b64)),
            from_u128(u128::from(a64) * u128::from(b64))
        );
        prop_assert_eq!(ua.bits(), 128 - a.leading_zeros());
    }

    #[test]
    fn division_identity(a in any::<U256>(), b in any::<U256>()) {
        match a.checked_div_rem(b) {
            None => prop_assert!(b.is_zero()),
            Some((q, r)) => {
                prop_assert!(r < b);
                // q·b + r = a exactly: the product cannot wrap because it is at most a.
                let qb = q.wrapping_mul(b);
                prop_assert_eq!(qb.checked_add(r), Some(a));
                prop_assert!(q.is_zero() || qb.checked_div(q) == Some(b));
            }
        }
    }

    /// Divisors below 2^64 take the limb-by-limb path, for small and large limbs alike.
    #[test]
    fn small_divisor_identity(a in any::<U256>(), d32 in 1u32.., d64 in (1u64 << 32)..) {
        for d in [u64::from(d32), d64] {
            let (q, r) = a.checked_div_rem(U256::from_u64(d)).unwrap();
            prop_assert!(r < U256::from_u64(d));
            prop_assert_eq!(q.wrapping_mul_u64(d).checked_add(r), Some(a));
            prop_assert_eq!(a.checked_div_u64(d), Some(q));
        }
    }

    #[test]
    fn multiplication_laws(a in any::<U256>(), b in any::<U256>(), c in any::<U256>(), k in any::<u64>(), s in 0u32..300) {
        prop_assert_eq!(a.wrapping_mul(b), b.wrapping_mul(a));
        prop_assert_eq!(a.wrapping_mul(b.wrapping_add(c)), a.wrapping_mul(b).wrapping_add(a.wrapping_mul(c)));
        prop_assert_eq!(a.wrapping_mul(b).wrapping_mul(c), a.wrapping_mul(b.wrapping_mul(c)));
        prop_assert_eq!(a.wrapping_mul_u64(k), a.wrapping_mul(U256::from_u64(k)));
        prop_assert_eq!(a.wrapping_mul_u32(k as u32), a.wrapping_mul(U256::from(k as u32)));
        let pow2 = U256::ONE << s;
        prop_assert_eq!(a.wrapping_mul(pow2), a << s);
        if !pow2.is_zero() {
            prop_assert_eq!(a.checked_div(pow2), Some(a >> s));
        }
        if a.bits() + b.bits() <= 256 && !b.is_zero() {
            prop_assert_eq!(a.wrapping_mul(b).checked_div(b), Some(a));
        }
    }

    #[test]
    fn bytes_and_hex_round_trip(a in any::<U256>()) {
        prop_assert_eq!(U256::from_le_bytes(a.to_le_bytes()), a);
        prop_assert_eq!(U256::from_be_bytes(a.to_be_bytes()), a);
        prop_assert_eq!(a.to_string().parse::<U256>(), Ok(a));
        prop_assert_eq!(!!a, a);
        prop_assert_eq!(a ^ a, U256::ZERO);
        prop_assert_eq!(a.wrapping_sub(a), U256::ZERO);
    }

    /// Re-expanding the compact form of any decoded value gives the value back: a decoded value
    /// has at most 23 significant bits, which the compact form keeps.
    #[test]
    fn compact_decode_encode_round_trip(c in any::<CompactTarget>()) {
        let e = c.expand();
        let re = e.value.to_compact();
        let back = re.expand();
        prop_assert_eq!(back.value, e.value);
        prop_assert!(!back.negative && !back.overflow);
        // The canonical form is a fixed point.
        prop_assert_eq!(back.value.to_compact(), re);
        // The sign is reported back exactly when the mantissa is non-zero.
        let neg = e.value.to_compact_with_sign(true).expand();
        prop_assert_eq!(neg.value, e.value);
        prop_assert_eq!(neg.negative, !e.value.is_zero());
    }

    /// Compacting any value keeps its top bits and never rounds up.
    #[test]
    fn compact_encode_is_truncation(v in any::<U256>()) {
        let c = v.to_compact();
        let e = c.expand();
        prop_assert!(!e.negative && !e.overflow);
        prop_assert!(e.value <= v);
        let size = c.to_consensus() >> 24;
        let min_size = v.bits().div_ceil(8);
        prop_assert!(size == min_size || size == min_size + 1);
        if size > 3 {
            let lost = (size - 3) * 8;
            prop_assert_eq!(e.value >> lost, v >> lost);
        } else {
            prop_assert_eq!(e.value, v);
        }
        prop_assert_eq!(c.to_consensus() & 0x0080_0000, 0);
    }

    #[test]
    fn work_is_floor_of_2_256_over_target_plus_one(t in any::<U256>()) {
        let w = Target::from_u256(t).to_work().to_u256();
        match t.checked_add(U256::ONE) {
            // 2^256 − 1 = m·(t+1) + r, so ⌊2^256 / (t+1)⌋ is m, plus one when r + 1 = t + 1.
            Some(t1) => {
                let (m, r) = U256::MAX.checked_div_rem(t1).unwrap();
                let expected = if r == t { m.wrapping_add(U256::ONE) } else { m };
                prop_assert_eq!(w, expected);
            }
            None => prop_assert_eq!(w, U256::ONE),
        }
    }

    #[test]
    fn work_from_compact_never_panics(c in any::<CompactTarget>()) {
        let w = Work::from_compact(c);
        let e = c.expand();
        prop_assert_eq!(w.is_zero(), e.negative || e.overflow || e.value.is_zero());
    }
}
