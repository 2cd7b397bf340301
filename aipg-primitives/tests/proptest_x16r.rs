//! Property tests of X16R / X16RV2 and their sub-hashes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::hash::x16r::{Algorithm, tiger, x16r, x16rv2};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every function accepts any input length (several blocks, every padding position) and is
    /// deterministic.
    #[test]
    fn sub_hashes_accept_any_length(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        for algo in Algorithm::ALL {
            let a = algo.hash(&data);
            prop_assert_eq!(a, algo.hash(&data));
            let v2 = algo.hash_v2(&data);
            if !algo.uses_tiger_in_v2() {
                prop_assert_eq!(v2, a);
            }
        }
        let _ = tiger(&data);
    }

    /// Flipping any bit of any header byte changes both X16R and X16RV2.
    #[test]
    fn header_bit_flip_changes_hash(
        header in any::<[u8; 32]>().prop_flat_map(|a| {
            (Just(a), any::<[u8; 32]>(), any::<[u8; 16]>())
        }),
        pos in 0usize..80,
        bit in 0u8..8,
    ) {
        let (a, b, c) = header;
        let mut h = [0u8; 80];
        h[..32].copy_from_slice(&a);
        h[32..64].copy_from_slice(&b);
        h[64..].copy_from_slice(&c);
        let mut flipped = h;
        flipped[pos] ^= 1 << bit;
        prop_assert_ne!(x16r(&h), x16r(&flipped));
        prop_assert_ne!(x16rv2(&h), x16rv2(&flipped));
    }
}

/// Every single-byte change of a fixed header changes the hash, exhaustively over positions.
#[test]
fn every_header_byte_matters() {
    let mut h = [0u8; 80];
    for (i, b) in h.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(91).wrapping_add(7);
    }
    let base = x16r(&h);
    let base_v2 = x16rv2(&h);
    for pos in 0..80 {
        let mut f = h;
        f[pos] ^= 0x80;
        assert_ne!(x16r(&f), base, "byte {pos}");
        assert_ne!(x16rv2(&f), base_v2, "byte {pos}");
    }
}
