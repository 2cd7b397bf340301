// SPDX-License-Identifier: MIT
use super::*;
use crate::hash::{BlockHash, MerkleRoot};

#[test]
fn names_round_trip() {
    for n in Network::ALL {
        assert_eq!(n.as_str().parse::<Network>(), Ok(n));
        assert_eq!(n.params().network, n);
    }
    assert_eq!("main".parse::<Network>(), Err(ParseNetworkError));
}

#[test]
fn hashes_parse_and_checkpoints_ascend() {
    for n in Network::ALL {
        let p = n.params();
        assert!(p.genesis_hash.parse::<BlockHash>().is_ok());
        assert!(p.genesis_merkle_root.parse::<MerkleRoot>().is_ok());
        for w in p.checkpoints.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
        for (_, h) in p.checkpoints {
            assert!(h.parse::<BlockHash>().is_ok());
        }
    }
    // AIPG lists genesis as checkpoint 0.
    assert_eq!(AIPG_MAIN.checkpoints[0], (0, AIPG_MAIN.genesis_hash));
    assert_eq!(AIPG_MAIN.last_checkpoint().map(|c| c.0), Some(500_000));
}

#[test]
fn money_and_limits() {
    assert_eq!(AIPG_MAIN.max_money, 20_000_000_000_000_000);
    assert_eq!(RVN_MAIN.max_money, 2_100_000_000_000_000_000);
    assert!(AIPG_MAIN.money_range(AIPG_MAIN.max_money));
    assert!(!AIPG_MAIN.money_range(AIPG_MAIN.max_money + 1));
    assert!(!AIPG_MAIN.money_range(-1));
    assert_eq!(MAX_BLOCK_STRIPPED_SIZE, 2_000_000);
    assert!(AIPG_MAIN.is_kawpow_time(1_688_764_800));
    assert!(!AIPG_MAIN.is_kawpow_time(1_688_764_799));
    assert_eq!(&AIPG_MAIN.magic, &[0x41, 0x49, 0x34, 0x45]);
    assert_eq!(&RVN_TEST.magic, &[0x52, 0x56, 0x4e, 0x54]);
}
