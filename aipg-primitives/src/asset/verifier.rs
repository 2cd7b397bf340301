// SPDX-License-Identifier: MIT
//! Verifier strings of restricted assets (assets.md §6; `CheckVerifierString` in
//! `src/assets/assets.cpp` and the boolean-expression evaluator in `src/LibBoolEE.cpp`).

use super::name::AssetNameError;
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

/// The longest verifier string once whitespace and `#` are removed.
pub const MAX_VERIFIER_STRING_LENGTH: usize = 80;

/// The deepest nesting the evaluator follows. The reference recurses without a limit; a valid
/// verifier (at most 80 characters) nests far less deeply.
pub const MAX_VERIFIER_DEPTH: usize = 256;

/// Why a verifier string is rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifierError {
    /// The string is empty.
    #[error("verifier string is empty")]
    Empty,
    /// Longer than 80 characters once whitespace and `#` are removed.
    #[error("verifier string is {0} characters long after stripping, more than 80")]
    TooLong(usize),
    /// A name in the string is not a valid qualifier name once `#` is put in front.
    #[error("invalid qualifier name {name:?} in verifier: {error}")]
    InvalidQualifier {
        /// The name, without `#`.
        name: String,
        /// Why `#name` is not a valid qualifier.
        error: AssetNameError,
    },
    /// An empty sub-expression.
    #[error("empty sub-expression")]
    EmptySubExpression,
    /// A character that is neither a name character nor an operator.
    #[error("unknown operator {0:?}")]
    UnknownOperator(char),
    /// Unbalanced parentheses.
    #[error("wrong parenthesis parity")]
    ParenthesisParity,
    /// A sub-expression with no name in it.
    #[error("sub-expression is not a valid formula")]
    NoSubExpressions,
    /// A variable with no value.
    #[error("variable {0:?} not found")]
    VariableNotFound(String),
    /// Nested more deeply than [`MAX_VERIFIER_DEPTH`].
    #[error("verifier nested too deeply")]
    TooDeep,
}

const fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

const fn belongs_to_name(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'#' || c == b'.'
}

/// Removes whitespace and every `#` (`GetStrippedVerifierString`): the form stored on chain.
pub fn strip_verifier_string(verifier: &str) -> String {
    verifier.chars().filter(|&c| !(c.is_ascii() && is_space(c as u8)) && c != '#').collect()
}

/// Returns the qualifier names a verifier mentions: every maximal run of `A–Z 0–9 _ .`
/// (`ExtractVerifierStringQualifiers`).
pub fn verifier_qualifiers(verifier: &str) -> BTreeSet<String> {
    verifier
        .split(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '.'))
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Checks a verifier string as `CheckVerifierString` does and returns the qualifier names it
/// uses (without `#`): `true` is always accepted (with no names); otherwise the string must be
/// non-empty, at most 80 characters after stripping, name only valid qualifiers, and evaluate
/// without error when every name is true.
///
/// # Errors
/// [`VerifierError`] for the first failed rule.
pub fn check_verifier_string(verifier: &str) -> Result<BTreeSet<String>, VerifierError> {
    if verifier == "true" {
        return Ok(BTreeSet::new());
    }
    if verifier.is_empty() {
        return Err(VerifierError::Empty);
    }
    let stripped = strip_verifier_string(verifier);
    if stripped.len() > MAX_VERIFIER_STRING_LENGTH {
        return Err(VerifierError::TooLong(stripped.len()));
    }
    let names = verifier_qualifiers(&stripped);
    for name in &names {
        let mut q = String::with_capacity(name.len() + 1);
        q.push('#');
        q.push_str(name);
        super::name::check_qualifier(q.as_bytes())
            .map_err(|error| VerifierError::InvalidQualifier { name: name.clone(), error })?;
    }
    // The reference evaluates the unstripped string against the stripped names.
    evaluate_verifier(verifier, |v| names.contains(v).then_some(true))?;
    Ok(names)
}

/// Evaluates a boolean verifier expression as the reference's evaluator does: whitespace is
/// ignored; `|` binds looser than `&`; `!` negates; parentheses group; `1` and `0` are constants;
/// any other name is looked up with `value` (`None`: not found). Every operand is evaluated,
/// so an error anywhere is reported even when the result is already known.
///
/// # Errors
/// [`VerifierError`] for malformed expressions or unknown variables.
pub fn evaluate_verifier(
    expr: &str,
    value: impl Fn(&str) -> Option<bool>,
) -> Result<bool, VerifierError> {
    let compact: Vec<u8> = expr.bytes().filter(|&c| !is_space(c)).collect();
    resolve(&compact, &value, 0)
}

fn single_parse(formula: &[u8], op: u8) -> Result<Vec<&[u8]>, VerifierError> {
    let mut start: Option<usize> = None;
    let mut parity: i64 = 0;
    let mut out = Vec::new();
    for (i, &c) in formula.iter().enumerate() {
        if c == b')' {
            parity -= 1;
        } else if c == b'(' {
            parity += 1;
            start.get_or_insert(i);
        } else if parity == 0 {
            let name_like = belongs_to_name(c) || c == b'!';
            match start {
                None if name_like => start = Some(i),
                Some(s) if !name_like => {
                    if c == op {
                        out.push(formula.get(s..i).unwrap_or_default());
                        start = Some(i + 1);
                    } else if c != b'&' && c != b'|' {
                        return Err(VerifierError::UnknownOperator(char::from(c)));
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(s) = start {
        out.push(formula.get(s..).unwrap_or_default());
    }
    if parity != 0 {
        return Err(VerifierError::ParenthesisParity);
    }
    Ok(out)
}

fn resolve(
    source: &[u8],
    value: &impl Fn(&str) -> Option<bool>,
    depth: usize,
) -> Result<bool, VerifierError> {
    if depth > MAX_VERIFIER_DEPTH {
        return Err(VerifierError::TooDeep);
    }
    if source.is_empty() {
        return Err(VerifierError::EmptySubExpression);
    }
    let mut op = b'|';
    let mut parts = single_parse(source, op)?;
    if parts.len() == 1 {
        op = b'&';
        parts = single_parse(source, op)?;
    }
    match parts.len() {
        0 => Err(VerifierError::NoSubExpressions),
        1 => match source {
            [b'!', rest @ ..] => Ok(!resolve(rest, value, depth + 1)?),
            [b'(', rest @ ..] => {
                // The text between the first and the last character.
                let inner = rest.split_last().map_or(&[][..], |(_, inner)| inner);
                resolve(inner, value, depth + 1)
            }
            b"1" => Ok(true),
            b"0" => Ok(false),
            name => {
                let name = core::str::from_utf8(name).unwrap_or_default();
                value(name).ok_or_else(|| VerifierError::VariableNotFound(String::from(name)))
            }
        },
        _ => {
            let mut result = op == b'&';
            for part in parts {
                let v = resolve(part, value, depth + 1)?;
                if op == b'|' {
                    result |= v;
                } else {
                    result &= v;
                }
            }
            Ok(result)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_check() {
        assert!(check_verifier_string("true").unwrap().is_empty());
        let names = check_verifier_string("KYC & !BAD").unwrap();
        assert_eq!(names.into_iter().collect::<Vec<_>>(), ["BAD", "KYC"]);
        assert!(check_verifier_string("(KYC|ACCREDITED)&!US.RESIDENT").is_ok());
        assert_eq!(check_verifier_string(""), Err(VerifierError::Empty));
        assert!(matches!(check_verifier_string("KY"), Err(VerifierError::InvalidQualifier { .. })));
        assert!(matches!(check_verifier_string("KYC&"), Err(VerifierError::EmptySubExpression)));
        assert_eq!(check_verifier_string("(KYC"), Err(VerifierError::ParenthesisParity));
        assert_eq!(check_verifier_string("KYC+ABC"), Err(VerifierError::UnknownOperator('+')));
        // The unstripped string is evaluated, so a `#` makes the name unknown.
        assert_eq!(
            check_verifier_string("#KYC"),
            Err(VerifierError::VariableNotFound("#KYC".into()))
        );
        assert!(matches!(check_verifier_string(&"A".repeat(81)), Err(VerifierError::TooLong(81))));
    }

    #[test]
    fn evaluation() {
        let v = |n: &str| match n {
            "A" => Some(true),
            "B" => Some(false),
            _ => None,
        };
        assert_eq!(evaluate_verifier("A & B", v), Ok(false));
        assert_eq!(evaluate_verifier("A | B", v), Ok(true));
        assert_eq!(evaluate_verifier("!B & (A | B)", v), Ok(true));
        assert_eq!(evaluate_verifier("A | 0", v), Ok(true));
        assert_eq!(evaluate_verifier("A | C", v), Err(VerifierError::VariableNotFound("C".into())));
        assert_eq!(evaluate_verifier(&"(".repeat(300), v), Err(VerifierError::ParenthesisParity));
        // Malformed expressions are errors even where the value is already decided.
        for bad in [
            "A && B",
            "(A || B)",
            "(A & | B)",
            "()(A)",
            "(A) B",
            "((A) | B",
            "A -- B",
            "A | (B",
            "",
            "!",
        ] {
            assert!(evaluate_verifier(bad, v).is_err(), "{bad:?}");
        }
        assert_eq!(evaluate_verifier("((A & !B) | B & A & A) | (A)", v), Ok(true));
        assert_eq!(evaluate_verifier("((B & !A) | B & A & A) | (B)", v), Ok(false));
        assert_eq!(evaluate_verifier(" ! ( B ) ", v), Ok(true));
        let deep = alloc::format!("{}A{}", "(".repeat(300), ")".repeat(300));
        assert_eq!(evaluate_verifier(&deep, v), Err(VerifierError::TooDeep));
    }
}
