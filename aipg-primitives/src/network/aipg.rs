// SPDX-License-Identifier: MIT
//! The AIPG networks: main, test and regtest.

use super::{
    BIP32_MAIN_PRIV, BIP32_MAIN_PUB, BIP32_TEST_PRIV, BIP32_TEST_PUB, COIN, COINBASE_MATURITY,
    CoinbaseFeeParams, MAX_BLOCK_SERIALIZED_SIZE, MAX_BLOCK_SIGOPS_COST, MAX_BLOCK_WEIGHT, Network,
    NetworkParams,
};
use crate::units::CompactTarget;

/// The P2PKH script of the AIPG main community address `Ab8KBCTTJgy7XnsPsHbnwRMJD4MFjG12hU`
/// (hash160 `d4480519a83f60e1e9aca8d82f971f9c11f128f2`).
const AIPG_MAIN_COMMUNITY_SCRIPT: [u8; 25] = [
    0x76, 0xa9, 0x14, 0xd4, 0x48, 0x05, 0x19, 0xa8, 0x3f, 0x60, 0xe1, 0xe9, 0xac, 0xa8, 0xd8, 0x2f,
    0x97, 0x1f, 0x9c, 0x11, 0xf1, 0x28, 0xf2, 0x88, 0xac,
];

const AIPG_GENESIS_TEXT: &str =
    "Bloomberg 10/30/23 Biden Signs Sweeping Order Regulating Artificial Intelligence";

const AIPG_GENESIS_PUBKEY: [u8; 65] = [
    0x04, 0xf5, 0x29, 0xc0, 0x00, 0x76, 0x24, 0xff, 0xa8, 0xc5, 0x65, 0xcf, 0x9f, 0xbb, 0xcf, 0x40,
    0x67, 0x01, 0xb2, 0xa2, 0x79, 0xa3, 0xef, 0x06, 0x23, 0x20, 0x69, 0x42, 0x9b, 0x3c, 0x8c, 0x9f,
    0xe8, 0xca, 0xc1, 0xb4, 0x06, 0x2b, 0x41, 0x8c, 0xdd, 0x4e, 0x4e, 0x2e, 0xa7, 0x2d, 0xdb, 0xdf,
    0x93, 0x5a, 0x8f, 0x30, 0xfc, 0x3c, 0xa0, 0x4d, 0x18, 0x44, 0xf6, 0x96, 0x33, 0x32, 0xdf, 0x85,
    0x81,
];

const AIPG_MAX_MONEY: i64 = 200_000_000 * COIN;

const AIPG_GENESIS_MERKLE_ROOT: &str =
    "e04a78dcf0ad3d5c7f1ac4460c4c04bc333e677d52371b7453b5b09603b41d54";

/// KAWPOW activation time of the regtest networks (year 2083: never in practice).
const REGTEST_KAWPOW_TIME: u32 = 3_582_830_167;

/// AIPG main network parameters.
pub const AIPG_MAIN: NetworkParams = NetworkParams {
    network: Network::AipgMain,
    reference_id: "main",
    magic: *b"AI4E",
    default_port: 8865,
    rpc_port: 9788,
    p2pkh_prefix: 23,
    p2sh_prefix: 23,
    wif_prefix: 128,
    bip32_pub: BIP32_MAIN_PUB,
    bip32_priv: BIP32_MAIN_PRIV,
    bip44_coin_type: 2686,
    dns_seeds: &[
        "dnsseed.aipowergrid.io",
        "us-seed1.aipowergrid.io",
        "us-seed2.aipowergrid.io",
        "us-seed3.aipowergrid.io",
        "jp-seed1.aipowergrid.io",
        "au-seed1.aipowergrid.io",
        "eu-seed1.aipowergrid.io",
        "in-seed1.aipowergrid.io",
    ],
    max_money: AIPG_MAX_MONEY,
    pow_limit_bits: CompactTarget::from_consensus(0x2000_ffff),
    kawpow_limit_bits: CompactTarget::from_consensus(0x1d0f_ffff),
    pow_target_spacing: 60,
    pow_target_timespan: 2016 * 60,
    allow_min_difficulty_blocks: false,
    no_retargeting: false,
    dgw_activation_height: 1,
    x16rv2_activation_time: 1_569_945_600,
    kawpow_activation_time: 1_688_764_800,
    subsidy_halving_interval: 100_000,
    bip34_height: 6048,
    header_height_rule_height: None,
    rule_change_activation_threshold: 1613,
    miner_confirmation_window: 2016,
    max_block_weight: MAX_BLOCK_WEIGHT,
    max_block_serialized_size: MAX_BLOCK_SERIALIZED_SIZE,
    max_block_sigops_cost: MAX_BLOCK_SIGOPS_COST,
    coinbase_maturity: COINBASE_MATURITY,
    genesis_version: 4,
    genesis_time: 1_688_352_006,
    genesis_bits: CompactTarget::from_consensus(0x1e00_ffff),
    genesis_nonce: 22_801_899,
    genesis_reward: 5000 * COIN,
    genesis_coinbase_text: AIPG_GENESIS_TEXT,
    genesis_output_pubkey: AIPG_GENESIS_PUBKEY,
    genesis_merkle_root: AIPG_GENESIS_MERKLE_ROOT,
    genesis_hash: "000000fe8c99a7aacc5aff074278a8378e625c0d02e4894db8f09bab185f4eb6",
    checkpoints: &[
        (0, "000000fe8c99a7aacc5aff074278a8378e625c0d02e4894db8f09bab185f4eb6"),
        (1000, "0000000896d9bff8ff18634e4a6371c746f910a188b7e27912a7f99bf46b7619"),
        (5000, "000000000001de284a9c92a2e1ac6e27318eda12d40af4cde7cef76d1938383a"),
        (10000, "00000000000012a7e53f095089df469faee1c88374d34faff345cf63344e9f44"),
        (17500, "0000000000003b97704bb221c3d891ba0a180170a883bcf673a6027ec7d3f256"),
        (25000, "000000000000244c4b9141badcc9ea3793a616fde2f71117f691f5594497f601"),
        (32500, "00000000000044067d88c8e8d31ba7484f42a54ce69b8dd96e1aaf0c18741bf1"),
        (40000, "0000000000004d631d9a7e09ebd68dda413a0a38c4c7f9f0ec5d89016632aaf1"),
        (50000, "0000000000001db9dc268fc6ad716468f8431031af3eac52f0f2dd877247bc01"),
        (62500, "0000000000004b6d4a5ea2ff4cd8466098ad767b4a117b0cd32435afe8be6314"),
        (100000, "0000000000003cd083d33367cb52c2e01cc7c26335d99bfdb8d030849f76c987"),
        (101775, "0000000000006c4a234393ce042d5f938ba24c0e54bdb2efcbcdb7da9a4b4613"),
        (300000, "00000000000e895e615f66c9e8c957910f3717cc26215ac2f676d569c096aea1"),
        (400000, "0000000000155a8ffba384ae87a54a3fd0fe47cb4397999fdb624555befdfaae"),
        (500000, "000000000059f6cc99399239ee56e16ddedbfa3b1923c51694c76cfe6c501531"),
    ],
    coinbase_fee: Some(CoinbaseFeeParams {
        community_percent: 5,
        grid_fee_percent: 60,
        grid_fee_start_height: 710_000,
        script_pubkey: &AIPG_MAIN_COMMUNITY_SCRIPT,
    }),
};

/// AIPG test network parameters.
pub const AIPG_TEST: NetworkParams = NetworkParams {
    network: Network::AipgTest,
    reference_id: "test",
    magic: *b"AI4T",
    default_port: 18865,
    rpc_port: 19788,
    p2pkh_prefix: 20,
    p2sh_prefix: 20,
    wif_prefix: 239,
    bip32_pub: BIP32_TEST_PUB,
    bip32_priv: BIP32_TEST_PRIV,
    bip44_coin_type: 1,
    dns_seeds: &[
        "seed1-testnet.aipowergrid.io",
        "seed2-testnet.aipowergrid.io",
        "seed3-testnet.aipowergrid.io",
        "seed4-testnet.aipowergrid.io",
    ],
    max_money: AIPG_MAX_MONEY,
    pow_limit_bits: CompactTarget::from_consensus(0x2000_ffff),
    kawpow_limit_bits: CompactTarget::from_consensus(0x2000_ffff),
    pow_target_spacing: 60,
    pow_target_timespan: 2016 * 60,
    allow_min_difficulty_blocks: false,
    no_retargeting: false,
    dgw_activation_height: 1,
    x16rv2_activation_time: 1_567_533_600,
    kawpow_activation_time: 1_688_764_800,
    subsidy_halving_interval: 100_000,
    bip34_height: 0,
    header_height_rule_height: None,
    rule_change_activation_threshold: 1613,
    miner_confirmation_window: 2016,
    max_block_weight: MAX_BLOCK_WEIGHT,
    max_block_serialized_size: MAX_BLOCK_SERIALIZED_SIZE,
    max_block_sigops_cost: MAX_BLOCK_SIGOPS_COST,
    coinbase_maturity: COINBASE_MATURITY,
    genesis_version: 4,
    genesis_time: 1_688_350_555,
    genesis_bits: CompactTarget::from_consensus(0x1e00_ffff),
    genesis_nonce: 18_991_761,
    genesis_reward: 5000 * COIN,
    genesis_coinbase_text: AIPG_GENESIS_TEXT,
    genesis_output_pubkey: AIPG_GENESIS_PUBKEY,
    genesis_merkle_root: AIPG_GENESIS_MERKLE_ROOT,
    genesis_hash: "000000f798386703ae778eeaf8a2f426dc2715eb8989b4226cddc1681b567760",
    checkpoints: &[],
    coinbase_fee: Some(CoinbaseFeeParams {
        community_percent: 5,
        grid_fee_percent: 0,
        grid_fee_start_height: 0,
        script_pubkey: &[],
    }),
};

/// AIPG regression-test network parameters.
///
/// The reference's regtest code pays 500 AIPG in the genesis coinbase but asserts the merkle root
/// and hash of a 5000-AIPG coinbase, so its own regtest node fails at start-up. These parameters
/// take the asserted (5000-AIPG) variant, the only one whose hash meets its target; the 500-AIPG
/// variant has merkle root `95730cb1…7057`.
pub const AIPG_REGTEST: NetworkParams = NetworkParams {
    network: Network::AipgRegtest,
    reference_id: "regtest",
    magic: *b"AI4R",
    default_port: 18550,
    rpc_port: 19555,
    p2pkh_prefix: 111,
    p2sh_prefix: 196,
    wif_prefix: 239,
    bip32_pub: BIP32_TEST_PUB,
    bip32_priv: BIP32_TEST_PRIV,
    bip44_coin_type: 1,
    dns_seeds: &[],
    max_money: AIPG_MAX_MONEY,
    pow_limit_bits: CompactTarget::from_consensus(0x207f_ffff),
    kawpow_limit_bits: CompactTarget::from_consensus(0x207f_ffff),
    pow_target_spacing: 60,
    pow_target_timespan: 2016 * 60,
    allow_min_difficulty_blocks: true,
    no_retargeting: true,
    dgw_activation_height: 200,
    x16rv2_activation_time: 1_569_931_200,
    kawpow_activation_time: REGTEST_KAWPOW_TIME,
    subsidy_halving_interval: 150,
    bip34_height: 0,
    header_height_rule_height: None,
    rule_change_activation_threshold: 108,
    miner_confirmation_window: 144,
    max_block_weight: MAX_BLOCK_WEIGHT,
    max_block_serialized_size: MAX_BLOCK_SERIALIZED_SIZE,
    max_block_sigops_cost: MAX_BLOCK_SIGOPS_COST,
    coinbase_maturity: COINBASE_MATURITY,
    genesis_version: 4,
    genesis_time: 1_688_340_000,
    genesis_bits: CompactTarget::from_consensus(0x1e00_ffff),
    genesis_nonce: 1_925_563,
    genesis_reward: 5000 * COIN,
    genesis_coinbase_text: AIPG_GENESIS_TEXT,
    genesis_output_pubkey: AIPG_GENESIS_PUBKEY,
    genesis_merkle_root: AIPG_GENESIS_MERKLE_ROOT,
    genesis_hash: "0000001a53f7f3d9f8be5f0cdfeddd641bee2c6c7001a9cdfdbb6f72ca66aed5",
    checkpoints: &[],
    coinbase_fee: Some(CoinbaseFeeParams {
        community_percent: 5,
        grid_fee_percent: 0,
        grid_fee_start_height: 0,
        script_pubkey: &[],
    }),
};
