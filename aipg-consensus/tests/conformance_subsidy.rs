// SPDX-License-Identifier: MIT
//! Subsidy and coinbase fee output against `subsidy_vectors.json` (`GetBlockSubsidy` and the
//! `ConnectBlock` fee rule of the compiled reference, AIPG main, 42 heights).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_consensus::subsidy::{
    SubsidyError, block_subsidy, check_coinbase_fee_output, required_coinbase_fee,
};
use aipg_primitives::network::AIPG_MAIN;
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{Transaction, TxOut};
use common::{load, str_field};
use serde_json::Value;

fn i64_field(v: &Value, key: &str) -> i64 {
    v[key].as_i64().unwrap_or_else(|| panic!("field {key} missing in {v}"))
}

fn coinbase(outputs: Vec<TxOut>) -> Transaction {
    Transaction { version: 1, input: vec![], output: outputs, lock_time: 0 }
}

#[test]
fn subsidy_vectors() {
    let Some(doc) = load("subsidy_vectors.json") else { return };
    let p = &AIPG_MAIN;
    let rule = p.coinbase_fee.expect("AIPG main has the fee rule");
    let fee_params = &doc["fee_rule"]["params_mainnet"];
    assert_eq!(rule.community_percent, i64_field(fee_params, "nCommunityAutonomousAmount"));
    assert_eq!(rule.grid_fee_percent, i64_field(fee_params, "nAIPGGridFee"));
    assert_eq!(i64::from(rule.grid_fee_start_height), i64_field(fee_params, "nAIPGGridFeeStart"));

    let cases = doc["cases"].as_array().expect("cases");
    let (mut checked, mut undefined_shift) = (0usize, 0usize);
    for case in cases {
        let height = u32::try_from(case["height"].as_u64().unwrap()).unwrap();
        let subsidy = block_subsidy(height, p).to_sat();
        assert_eq!(subsidy, i64_field(case, "subsidy"), "subsidy at {height}");
        assert_eq!(
            subsidy * 5 / 100,
            i64_field(case, "community_autonomous_5pct_value"),
            "{height}"
        );
        assert_eq!(subsidy * 60 / 100, i64_field(case, "aipg_grid_fee_60pct_value"), "{height}");
        let required = required_coinbase_fee(height, p).unwrap();
        assert_eq!(required, i64_field(case, "required_vout1_value"), "fee at {height}");
        let expected_rule =
            if height >= 710_000 { "grid_fee_60pct" } else { "community_autonomous_5pct" };
        assert_eq!(str_field(case, "required_vout1_rule"), expected_rule, "{height}");
        assert_eq!(
            hex::encode(rule.script_pubkey),
            str_field(case, "required_vout1_scriptPubKey_hex")
        );
        assert_eq!(
            subsidy - required,
            i64_field(case, "miner_template_vout0_value_excluding_fees")
        );

        // The miner's template passes; without output 1, or with a value off by one, it fails
        // wherever ConnectBlock checks the rule.
        let fee_out = TxOut { value: required, script_pubkey: ScriptBuf::from(rule.script_pubkey) };
        let miner_out =
            TxOut { value: subsidy - required, script_pubkey: ScriptBuf::from(vec![0x51]) };
        let template = coinbase(vec![miner_out.clone(), fee_out.clone()]);
        assert_eq!(check_coinbase_fee_output(&template, height, p), Ok(()), "{height}");
        let short = coinbase(vec![miner_out.clone()]);
        let off = coinbase(vec![miner_out, TxOut { value: required + 1, ..fee_out }]);
        if case["fee_output_checked_by_ConnectBlock"].as_bool().unwrap() {
            assert_eq!(
                check_coinbase_fee_output(&short, height, p),
                Err(SubsidyError::MissingFeeOutput { outputs: 1 })
            );
            assert!(matches!(
                check_coinbase_fee_output(&off, height, p),
                Err(SubsidyError::WrongFeeAmount { .. })
            ));
        } else {
            assert_eq!(
                check_coinbase_fee_output(&short, height, p),
                Ok(()),
                "genesis is not checked"
            );
        }
        if case.get("undefined_behaviour_shift").is_some() {
            undefined_shift += 1;
        }
        checked += 1;
    }
    eprintln!(
        "subsidy_vectors: {checked} heights match ({undefined_shift} in the undefined-shift region, x86-64 values)"
    );
    assert_eq!(checked, cases.len());
    assert!(checked > 0 && undefined_shift > 0);
}
