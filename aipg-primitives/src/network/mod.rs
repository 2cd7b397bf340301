// SPDX-License-Identifier: MIT
//! The built-in networks and their parameters as plain constant values.
//!
//! Every parameter the reference keeps in its chain-parameter objects (and, for the KAWPOW
//! activation time, in a process-wide global) is a field of [`NetworkParams`]. Code that needs a
//! parameter takes `&NetworkParams` explicitly; nothing here is mutable.
//!
//! Values come from AIPG Core (`AIPowerGrid/AI-Power-Grid-Core: src/chainparams.cpp`,
//! `src/consensus/params.h`, `src/consensus/consensus.h`, `src/amount.h`) and, for the Ravencoin
//! networks, from `RavenProject/Ravencoin: src/chainparams.cpp` (Ravencoin Core 4.8.0 included).

use crate::units::CompactTarget;
use core::fmt;
use core::str::FromStr;

mod aipg;
mod ravencoin;

pub use aipg::{AIPG_MAIN, AIPG_REGTEST, AIPG_TEST};
pub use ravencoin::{RVN_MAIN, RVN_TEST};

/// One satoshi-denominated coin (`COIN` in `src/amount.h`).
pub const COIN: i64 = 100_000_000;

/// Maximum block weight, in weight units (`MAX_BLOCK_WEIGHT` as raised by RIP2/HIP2, active from
/// genesis on every built-in network).
pub const MAX_BLOCK_WEIGHT: u64 = 8_000_000;

/// Maximum serialized block size in bytes (`MAX_BLOCK_SERIALIZED_SIZE`).
pub const MAX_BLOCK_SERIALIZED_SIZE: u64 = 8_000_000;

/// Witness scale factor (`WITNESS_SCALE_FACTOR`).
pub const WITNESS_SCALE_FACTOR: u64 = 4;

/// Maximum stripped (witness-free) block size in bytes, derived from
/// `stripped size × WITNESS_SCALE_FACTOR ≤ MAX_BLOCK_WEIGHT`.
pub const MAX_BLOCK_STRIPPED_SIZE: u64 = MAX_BLOCK_WEIGHT / WITNESS_SCALE_FACTOR;

/// Maximum block signature-operation cost (`MAX_BLOCK_SIGOPS_COST`).
pub const MAX_BLOCK_SIGOPS_COST: u64 = 80_000;

/// Blocks a coinbase output must wait before it can be spent (`COINBASE_MATURITY`).
pub const COINBASE_MATURITY: u32 = 100;

/// The largest P2P message payload (`MAX_PROTOCOL_MESSAGE_LENGTH` in `src/net.h`); blocks above it
/// cannot be relayed although they may be valid.
pub const MAX_PROTOCOL_MESSAGE_LENGTH: u64 = 4_000_000;

/// One of the built-in networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Network {
    /// AIPG main network.
    AipgMain,
    /// AIPG test network.
    AipgTest,
    /// AIPG regression-test network.
    AipgRegtest,
    /// Ravencoin main network.
    RvnMain,
    /// Ravencoin test network ("testnet7").
    RvnTest,
}

/// Why a network name could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown network name")]
#[non_exhaustive]
pub struct ParseNetworkError;

impl Network {
    /// Every built-in network, in declaration order.
    pub const ALL: [Network; 5] = [
        Network::AipgMain,
        Network::AipgTest,
        Network::AipgRegtest,
        Network::RvnMain,
        Network::RvnTest,
    ];

    /// Returns the network's name (`aipg-main`, `aipg-test`, `aipg-regtest`, `rvn-main`,
    /// `rvn-test`), which [`FromStr`] parses back.
    pub const fn as_str(self) -> &'static str {
        match self {
            Network::AipgMain => "aipg-main",
            Network::AipgTest => "aipg-test",
            Network::AipgRegtest => "aipg-regtest",
            Network::RvnMain => "rvn-main",
            Network::RvnTest => "rvn-test",
        }
    }

    /// Returns the network's parameters.
    pub const fn params(self) -> &'static NetworkParams {
        match self {
            Network::AipgMain => &AIPG_MAIN,
            Network::AipgTest => &AIPG_TEST,
            Network::AipgRegtest => &AIPG_REGTEST,
            Network::RvnMain => &RVN_MAIN,
            Network::RvnTest => &RVN_TEST,
        }
    }

    /// Returns true for the AIPG networks.
    pub const fn is_aipg(self) -> bool {
        matches!(self, Network::AipgMain | Network::AipgTest | Network::AipgRegtest)
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Network {
    type Err = ParseNetworkError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Network::ALL.into_iter().find(|n| n.as_str() == s).ok_or(ParseNetworkError)
    }
}

/// The parameters of one network.
///
/// Hashes are kept as display strings (byte-reversed hex, as the reference prints them); parse
/// them with `str::parse` into [`BlockHash`](crate::hash::BlockHash) or
/// [`MerkleRoot`](crate::hash::MerkleRoot).
///
/// Custom networks can be built with struct-update syntax from one of the constants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkParams {
    /// Which network these are.
    pub network: Network,
    /// The reference's network id string (`main`, `test`, `regtest`).
    pub reference_id: &'static str,
    /// The four message-start bytes that open every P2P message.
    pub magic: [u8; 4],
    /// Default P2P port.
    pub default_port: u16,
    /// Default RPC port (not consensus).
    pub rpc_port: u16,
    /// Base58 version byte of pay-to-pubkey-hash addresses.
    pub p2pkh_prefix: u8,
    /// Base58 version byte of pay-to-script-hash addresses (equal to `p2pkh_prefix` on AIPG main
    /// and test, where every such address decodes as key-hash).
    pub p2sh_prefix: u8,
    /// Base58 version byte of WIF secret keys.
    pub wif_prefix: u8,
    /// BIP32 extended public key version bytes.
    pub bip32_pub: [u8; 4],
    /// BIP32 extended private key version bytes.
    pub bip32_priv: [u8; 4],
    /// BIP44 coin type.
    pub bip44_coin_type: u32,
    /// DNS seed host names (node policy).
    pub dns_seeds: &'static [&'static str],
    /// The money range bound in satoshis (`MAX_MONEY`): a value `v` is valid iff
    /// `0 <= v <= max_money`.
    pub max_money: i64,
    /// Proof-of-work limit for X16R/X16RV2 blocks, as a compact target.
    pub pow_limit_bits: CompactTarget,
    /// Proof-of-work limit for KAWPOW blocks, as a compact target.
    pub kawpow_limit_bits: CompactTarget,
    /// Target spacing between blocks, in seconds.
    pub pow_target_spacing: u32,
    /// Legacy retarget timespan, in seconds.
    pub pow_target_timespan: u32,
    /// Whether minimum-difficulty blocks are allowed.
    pub allow_min_difficulty_blocks: bool,
    /// Whether difficulty never changes.
    pub no_retargeting: bool,
    /// First height at which Dark Gravity Wave computes the required work.
    pub dgw_activation_height: u32,
    /// Header `nTime` from which pre-KAWPOW headers hash with X16RV2 instead of X16R.
    pub x16rv2_activation_time: u32,
    /// Header `nTime` from which headers use the 120-byte KAWPOW layout and hash.
    pub kawpow_activation_time: u32,
    /// Subsidy halving interval in blocks (for AIPG only the first four halvings use it).
    pub subsidy_halving_interval: u32,
    /// First height at which the coinbase must start with the height (BIP34). The reference never
    /// assigns it on AIPG test/regtest; zero (enforced from genesis) is chosen there.
    pub bip34_height: u32,
    /// Ravencoin 4.8.0 rule: from this height a KAWPOW header's `nHeight` must equal its real
    /// height (`bad-blk-height`); `None` where the rule does not exist (AIPG).
    pub header_height_rule_height: Option<u32>,
    /// BIP9 default activation threshold (blocks per window).
    pub rule_change_activation_threshold: u32,
    /// BIP9 default signalling window in blocks.
    pub miner_confirmation_window: u32,
    /// Maximum block weight.
    pub max_block_weight: u64,
    /// Maximum serialized block size in bytes.
    pub max_block_serialized_size: u64,
    /// Maximum block sigop cost.
    pub max_block_sigops_cost: u64,
    /// Coinbase maturity in blocks.
    pub coinbase_maturity: u32,
    /// Genesis header `nVersion`.
    pub genesis_version: i32,
    /// Genesis header `nTime`.
    pub genesis_time: u32,
    /// Genesis header `nBits`.
    pub genesis_bits: CompactTarget,
    /// Genesis header `nNonce`.
    pub genesis_nonce: u32,
    /// Value of the genesis coinbase output, in satoshis.
    pub genesis_reward: i64,
    /// The timestamp text pushed by the genesis coinbase input script.
    pub genesis_coinbase_text: &'static str,
    /// The uncompressed public key paid by the genesis coinbase output (`<key> OP_CHECKSIG`).
    pub genesis_output_pubkey: [u8; 65],
    /// The genesis merkle root (display hex).
    pub genesis_merkle_root: &'static str,
    /// The genesis block hash (display hex).
    pub genesis_hash: &'static str,
    /// Hard-coded checkpoints: `(height, block hash display hex)`, ascending.
    pub checkpoints: &'static [(u32, &'static str)],
    /// The mandatory coinbase fee output (AIPG's community / grid fee); `None` on networks without
    /// one (Ravencoin).
    pub coinbase_fee: Option<CoinbaseFeeParams>,
}

/// AIPG's mandatory coinbase fee output: output 1 of every non-genesis coinbase must pay exactly
/// a percentage of the block subsidy to a fixed script (`nCommunityAutonomousAmount`,
/// `nAIPGGridFee`, `nAIPGGridFeeStart` and `strCommunityAutonomousAddress` in
/// `AIPowerGrid/AI-Power-Grid-Core: src/chainparams.cpp`).
///
/// On AIPG test and regtest the reference never assigns the grid-fee percentage and start height
/// (their run-time values are whatever memory held, most likely zero); zero is chosen there, so
/// the required output pays nothing. Their community address does not decode under their own
/// prefix (test) or is empty (regtest), which the reference turns into an empty script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CoinbaseFeeParams {
    /// Percent of the subsidy required below `grid_fee_start_height` (`nCommunityAutonomousAmount`).
    pub community_percent: i64,
    /// Percent of the subsidy required from `grid_fee_start_height` on (`nAIPGGridFee`).
    pub grid_fee_percent: i64,
    /// First height of the grid-fee percentage (`nAIPGGridFeeStart`).
    pub grid_fee_start_height: u32,
    /// The exact script output 1 must carry: the standard script of the community address.
    pub script_pubkey: &'static [u8],
}

impl NetworkParams {
    /// Returns true if `sat` is within `0..=max_money` (`MoneyRange` in `src/amount.h`).
    pub const fn money_range(&self, sat: i64) -> bool {
        sat >= 0 && sat <= self.max_money
    }

    /// Returns true if a header with this `nTime` uses the 120-byte KAWPOW layout.
    pub const fn is_kawpow_time(&self, time: u32) -> bool {
        time >= self.kawpow_activation_time
    }

    /// Returns the highest checkpoint, if any.
    pub fn last_checkpoint(&self) -> Option<(u32, &'static str)> {
        self.checkpoints.last().copied()
    }
}

const BIP32_MAIN_PUB: [u8; 4] = [0x04, 0x88, 0xb2, 0x1e];
const BIP32_MAIN_PRIV: [u8; 4] = [0x04, 0x88, 0xad, 0xe4];
const BIP32_TEST_PUB: [u8; 4] = [0x04, 0x35, 0x87, 0xcf];
const BIP32_TEST_PRIV: [u8; 4] = [0x04, 0x35, 0x83, 0x94];

#[cfg(test)]
mod tests;
