// SPDX-License-Identifier: MIT
//! The Ravencoin networks AIPG was forked from: main and test ("testnet7").

use super::{
    BIP32_MAIN_PRIV, BIP32_MAIN_PUB, BIP32_TEST_PRIV, BIP32_TEST_PUB, COIN, COINBASE_MATURITY,
    MAX_BLOCK_SERIALIZED_SIZE, MAX_BLOCK_SIGOPS_COST, MAX_BLOCK_WEIGHT, Network, NetworkParams,
};
use crate::units::CompactTarget;

const RVN_GENESIS_TEXT: &str =
    "The Times 03/Jan/2018 Bitcoin is name of the game for new generation of firms";

const RVN_GENESIS_PUBKEY: [u8; 65] = [
    0x04, 0x67, 0x8a, 0xfd, 0xb0, 0xfe, 0x55, 0x48, 0x27, 0x19, 0x67, 0xf1, 0xa6, 0x71, 0x30, 0xb7,
    0x10, 0x5c, 0xd6, 0xa8, 0x28, 0xe0, 0x39, 0x09, 0xa6, 0x79, 0x62, 0xe0, 0xea, 0x1f, 0x61, 0xde,
    0xb6, 0x49, 0xf6, 0xbc, 0x3f, 0x4c, 0xef, 0x38, 0xc4, 0xf3, 0x55, 0x04, 0xe5, 0x1e, 0xc1, 0x12,
    0xde, 0x5c, 0x38, 0x4d, 0xf7, 0xba, 0x0b, 0x8d, 0x57, 0x8a, 0x4c, 0x70, 0x2b, 0x6b, 0xf1, 0x1d,
    0x5f,
];

const RVN_MAX_MONEY: i64 = 21_000_000_000 * COIN;

const RVN_GENESIS_MERKLE_ROOT: &str =
    "28ff00a867739a352523808d301f504bc4547699398d70faf2266a8bae5f3516";

/// Ravencoin main network parameters.
pub const RVN_MAIN: NetworkParams = NetworkParams {
    network: Network::RvnMain,
    reference_id: "main",
    magic: *b"RAVN",
    default_port: 8767,
    rpc_port: 8766,
    p2pkh_prefix: 60,
    p2sh_prefix: 122,
    wif_prefix: 128,
    bip32_pub: BIP32_MAIN_PUB,
    bip32_priv: BIP32_MAIN_PRIV,
    bip44_coin_type: 175,
    dns_seeds: &[
        "seed-raven.bitactivate.com",
        "seed-raven.ravencoin.com",
        "seed-raven.ravencoin.org",
    ],
    max_money: RVN_MAX_MONEY,
    pow_limit_bits: CompactTarget::from_consensus(0x1e0f_ffff),
    kawpow_limit_bits: CompactTarget::from_consensus(0x1c00_ffff),
    pow_target_spacing: 60,
    pow_target_timespan: 2016 * 60,
    allow_min_difficulty_blocks: false,
    no_retargeting: false,
    dgw_activation_height: 338_778,
    x16rv2_activation_time: 1_569_945_600,
    kawpow_activation_time: 1_588_788_000,
    subsidy_halving_interval: 2_100_000,
    bip34_height: 1,
    header_height_rule_height: Some(4_487_776),
    rule_change_activation_threshold: 1613,
    miner_confirmation_window: 2016,
    max_block_weight: MAX_BLOCK_WEIGHT,
    max_block_serialized_size: MAX_BLOCK_SERIALIZED_SIZE,
    max_block_sigops_cost: MAX_BLOCK_SIGOPS_COST,
    coinbase_maturity: COINBASE_MATURITY,
    genesis_version: 4,
    genesis_time: 1_514_999_494,
    genesis_bits: CompactTarget::from_consensus(0x1e00_ffff),
    genesis_nonce: 25_023_712,
    genesis_reward: 5000 * COIN,
    genesis_coinbase_text: RVN_GENESIS_TEXT,
    genesis_output_pubkey: RVN_GENESIS_PUBKEY,
    genesis_merkle_root: RVN_GENESIS_MERKLE_ROOT,
    genesis_hash: "0000006b444bc2f2ffe627be9d9e7e7a0730000870ef6eb6da46c8eae389df90",
    checkpoints: &[
        (535_721, "000000000001217f58a594ca742c8635ecaaaf695d1a63f6ab06979f1c159e04"),
        (697_376, "000000000000499bf4ebbe61541b02e4692b33defc7109d8f12d2825d4d2dfa0"),
        (740_000, "00000000000027d11bf1e7a3b57d3c89acc1722f39d6e08f23ac3a07e16e3172"),
        (909_251, "000000000000694c9a363eff06518aa7399f00014ce667b9762f9a4e7a49f485"),
        (1_040_000, "000000000000138e2690b06b1ddd8cf158c3a5cf540ee5278debdcdffcf75839"),
        (1_186_833, "0000000000000d4840d4de1f7d943542c2aed532bd5d6527274fc0142fa1a410"),
        (2_383_550, "0000000000008927ed21a1e3bb87d3e1020646e8cc94354a1f8fc608395e15dc"),
        (4_487_775, "000000000002d64509e06e76ddbbe418c725291687ec62b41ecfc40386a091fd"),
    ],
    coinbase_fee: None,
};

/// Ravencoin test network ("testnet7") parameters.
pub const RVN_TEST: NetworkParams = NetworkParams {
    network: Network::RvnTest,
    reference_id: "test",
    magic: *b"RVNT",
    default_port: 18770,
    rpc_port: 18766,
    p2pkh_prefix: 111,
    p2sh_prefix: 196,
    wif_prefix: 239,
    bip32_pub: BIP32_TEST_PUB,
    bip32_priv: BIP32_TEST_PRIV,
    bip44_coin_type: 1,
    dns_seeds: &[
        "seed-testnet-raven.bitactivate.com",
        "seed-testnet-raven.ravencoin.com",
        "seed-testnet-raven.ravencoin.org",
    ],
    max_money: RVN_MAX_MONEY,
    pow_limit_bits: CompactTarget::from_consensus(0x1e0f_ffff),
    kawpow_limit_bits: CompactTarget::from_consensus(0x1e00_ffff),
    pow_target_spacing: 60,
    pow_target_timespan: 2016 * 60,
    allow_min_difficulty_blocks: true,
    no_retargeting: false,
    dgw_activation_height: 1,
    x16rv2_activation_time: 1_567_533_600,
    kawpow_activation_time: 1_585_159_200,
    subsidy_halving_interval: 2_100_000,
    bip34_height: 1,
    header_height_rule_height: Some(0),
    rule_change_activation_threshold: 1310,
    miner_confirmation_window: 2016,
    max_block_weight: MAX_BLOCK_WEIGHT,
    max_block_serialized_size: MAX_BLOCK_SERIALIZED_SIZE,
    max_block_sigops_cost: MAX_BLOCK_SIGOPS_COST,
    coinbase_maturity: COINBASE_MATURITY,
    genesis_version: 2,
    genesis_time: 1_537_466_400,
    genesis_bits: CompactTarget::from_consensus(0x1e00_ffff),
    genesis_nonce: 15_615_880,
    genesis_reward: 5000 * COIN,
    genesis_coinbase_text: RVN_GENESIS_TEXT,
    genesis_output_pubkey: RVN_GENESIS_PUBKEY,
    genesis_merkle_root: RVN_GENESIS_MERKLE_ROOT,
    genesis_hash: "000000ecfc5e6324a079542221d00e10362bdc894d56500c414060eea8a3ad5a",
    checkpoints: &[
        (225, "000003465e3e0167322eb8269ce91246bbc211e293bc5fbf6f0a0d12c1ccb363"),
        (223_408, "000000012a0c09dd6456ab19018cc458648dec762b04f4ddf8ef8108eae69db9"),
        (232_980, "000000007b16ae547fce76c3308dbeec2090cde75de74ab5dfcd6f60d13f089b"),
        (257_610, "000000006272208605c4df3b54d4d5515759105e7ffcb258e8cd8077924ffef1"),
    ],
    coinbase_fee: None,
};
