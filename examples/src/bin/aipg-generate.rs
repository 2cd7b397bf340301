// SPDX-License-Identifier: MIT
//! `aipg-generate`: the `aipg generate image|text` commands on their own, and the inference
//! demo (`aipg-generate demo [MODELS_DIR] [OUT_DIR]`).

use aipg_examples::generate;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("demo") {
        let models =
            args.get(1).map_or_else(|| "target/aipg-models".into(), std::path::PathBuf::from);
        let out = args.get(2).map_or_else(|| "target/aipg-demo".into(), std::path::PathBuf::from);
        if let Err(e) = generate::run_demo(&models, &out) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        return;
    }
    match generate::run_generate(&args) {
        Ok(v) => println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
