// SPDX-License-Identifier: MIT
//! Amounts of coins in satoshis, with checked arithmetic only.
//!
//! Mirrors `CAmount`, `MAX_MONEY` and `MoneyRange` (`AIPowerGrid/AI-Power-Grid-Core:
//! src/amount.h`). An [`Amount`] is never negative and never above [`Amount::MAX`], the largest
//! money range of any built-in network (Ravencoin's); the AIPG range is [`MAX_MONEY`]. Values
//! taken from transactions stay raw `i64` in the data types and become amounts through the
//! checked constructors.

use core::fmt;

pub use crate::network::COIN;

/// The AIPG money range bound: 200,000,000 AIPG in satoshis (`MAX_MONEY` in `src/amount.h`).
pub const MAX_MONEY: i64 = 200_000_000 * COIN;

/// Ravencoin's money range bound: 21,000,000,000 RVN in satoshis.
pub const RVN_MAX_MONEY: i64 = 21_000_000_000 * COIN;

/// Returns true if `sat` lies in `0..=max_money` (`MoneyRange`).
#[inline]
pub const fn money_range(sat: i64, max_money: i64) -> bool {
    sat >= 0 && sat <= max_money
}

/// Why a value is not a valid amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AmountError {
    /// The value was negative.
    #[error("amount is negative: {0} sat")]
    Negative(i64),
    /// The value was above the money range.
    #[error("amount {got} sat exceeds the maximum {max} sat")]
    TooLarge {
        /// The value.
        got: i64,
        /// The bound it exceeded.
        max: i64,
    },
}

/// A non-negative amount in satoshis, at most [`Amount::MAX`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Amount(i64);

impl Amount {
    /// Zero satoshis.
    pub const ZERO: Amount = Amount(0);
    /// One satoshi.
    pub const ONE_SAT: Amount = Amount(1);
    /// One coin (100,000,000 satoshis).
    pub const ONE_COIN: Amount = Amount(COIN);
    /// The largest value any built-in network allows (Ravencoin's `MAX_MONEY`).
    pub const MAX: Amount = Amount(RVN_MAX_MONEY);
    /// The AIPG `MAX_MONEY`.
    pub const MAX_MONEY: Amount = Amount(MAX_MONEY);

    /// Creates an amount in the AIPG money range `0..=MAX_MONEY`.
    ///
    /// # Errors
    /// [`AmountError`] when `sat` is negative or above [`MAX_MONEY`].
    pub const fn from_sat(sat: i64) -> Result<Amount, AmountError> {
        Self::from_sat_with_max(sat, MAX_MONEY)
    }

    /// Creates an amount in `0..=max_money` (pass `NetworkParams::max_money`). A `max_money`
    /// above [`Amount::MAX`] is treated as [`Amount::MAX`].
    ///
    /// # Errors
    /// [`AmountError`] when `sat` is negative or above the bound.
    pub const fn from_sat_with_max(sat: i64, max_money: i64) -> Result<Amount, AmountError> {
        let max = if max_money < RVN_MAX_MONEY { max_money } else { RVN_MAX_MONEY };
        if sat < 0 {
            Err(AmountError::Negative(sat))
        } else if sat > max {
            Err(AmountError::TooLarge { got: sat, max })
        } else {
            Ok(Amount(sat))
        }
    }

    /// Returns the value in satoshis.
    #[inline]
    pub const fn to_sat(self) -> i64 {
        self.0
    }

    /// Returns true if the amount is within `0..=max_money`.
    #[inline]
    pub const fn is_within(self, max_money: i64) -> bool {
        self.0 <= max_money
    }

    /// Adds, returning `None` above [`Amount::MAX`].
    #[inline]
    pub const fn checked_add(self, rhs: Amount) -> Option<Amount> {
        // Both operands are at most 2.1e18, so the sum cannot overflow i64.
        let sum = self.0 + rhs.0;
        if sum > RVN_MAX_MONEY { None } else { Some(Amount(sum)) }
    }

    /// Subtracts, returning `None` below zero.
    #[inline]
    pub const fn checked_sub(self, rhs: Amount) -> Option<Amount> {
        if rhs.0 > self.0 { None } else { Some(Amount(self.0 - rhs.0)) }
    }

    /// Multiplies by an integer, returning `None` above [`Amount::MAX`].
    #[inline]
    pub const fn checked_mul(self, rhs: u64) -> Option<Amount> {
        // `self.0` is non-negative, so the conversion is lossless.
        let product = (self.0 as u64).checked_mul(rhs);
        match product {
            Some(p) if p <= RVN_MAX_MONEY as u64 => Some(Amount(p as i64)),
            _ => None,
        }
    }

    /// Divides by an integer, returning `None` for a zero divisor.
    #[inline]
    pub const fn checked_div(self, rhs: u64) -> Option<Amount> {
        if rhs == 0 {
            return None;
        }
        // The quotient is at most `self.0`, which fits in i64.
        Some(Amount(((self.0 as u64) / rhs) as i64))
    }

    /// Sums an iterator of amounts, returning `None` as soon as the running sum leaves the range.
    pub fn checked_sum<I: IntoIterator<Item = Amount>>(iter: I) -> Option<Amount> {
        iter.into_iter().try_fold(Amount::ZERO, Amount::checked_add)
    }

    /// Converts to a signed amount.
    #[inline]
    pub const fn to_signed(self) -> SignedAmount {
        SignedAmount(self.0)
    }
}

impl TryFrom<i64> for Amount {
    type Error = AmountError;
    fn try_from(sat: i64) -> Result<Self, Self::Error> {
        Amount::from_sat(sat)
    }
}

/// Writes `sat` as coins, the way the reference's `FormatMoney` does: the integer part, a point,
/// and the fraction with trailing zeros removed but at least two digits kept.
fn fmt_coins(sat: i64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let neg = sat < 0;
    let abs = sat.unsigned_abs();
    let coin = COIN as u64;
    let (int, mut frac) = (abs / coin, abs % coin);
    let mut digits = 8;
    while digits > 2 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    if neg {
        f.write_str("-")?;
    }
    write!(f, "{int}.{frac:0digits$}")
}

impl fmt::Display for Amount {
    /// Displays the amount in coins, e.g. `5000.00` or `0.00000001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_coins(self.0, f)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({} sat)", self.0)
    }
}

/// A signed amount in satoshis (a fee or a balance change), with checked arithmetic only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SignedAmount(i64);

impl SignedAmount {
    /// Zero.
    pub const ZERO: SignedAmount = SignedAmount(0);

    /// Wraps a satoshi value.
    #[inline]
    pub const fn from_sat(sat: i64) -> SignedAmount {
        SignedAmount(sat)
    }

    /// Returns the value in satoshis.
    #[inline]
    pub const fn to_sat(self) -> i64 {
        self.0
    }

    /// Adds, returning `None` on overflow.
    #[inline]
    pub const fn checked_add(self, rhs: SignedAmount) -> Option<SignedAmount> {
        match self.0.checked_add(rhs.0) {
            Some(v) => Some(SignedAmount(v)),
            None => None,
        }
    }

    /// Subtracts, returning `None` on overflow.
    #[inline]
    pub const fn checked_sub(self, rhs: SignedAmount) -> Option<SignedAmount> {
        match self.0.checked_sub(rhs.0) {
            Some(v) => Some(SignedAmount(v)),
            None => None,
        }
    }

    /// Multiplies, returning `None` on overflow.
    #[inline]
    pub const fn checked_mul(self, rhs: i64) -> Option<SignedAmount> {
        match self.0.checked_mul(rhs) {
            Some(v) => Some(SignedAmount(v)),
            None => None,
        }
    }

    /// Converts to an [`Amount`] in `0..=max_money`.
    ///
    /// # Errors
    /// [`AmountError`] when the value is negative or above the bound.
    pub const fn to_amount(self, max_money: i64) -> Result<Amount, AmountError> {
        Amount::from_sat_with_max(self.0, max_money)
    }
}

impl fmt::Display for SignedAmount {
    /// Displays the amount in coins, with a leading `-` when negative.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_coins(self.0, f)
    }
}

impl fmt::Debug for SignedAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignedAmount({} sat)", self.0)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
impl proptest::arbitrary::Arbitrary for Amount {
    type Parameters = ();
    type Strategy = proptest::strategy::Map<core::ops::RangeInclusive<i64>, fn(i64) -> Self>;
    fn arbitrary_with(_: ()) -> Self::Strategy {
        use proptest::strategy::Strategy;
        (0..=RVN_MAX_MONEY).prop_map(Amount)
    }
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use proptest::prelude::*;

    #[test]
    fn constructors_check_range() {
        assert_eq!(Amount::from_sat(0), Ok(Amount::ZERO));
        assert_eq!(Amount::from_sat(MAX_MONEY).map(Amount::to_sat), Ok(MAX_MONEY));
        assert_eq!(
            Amount::from_sat(MAX_MONEY + 1),
            Err(AmountError::TooLarge { got: MAX_MONEY + 1, max: MAX_MONEY })
        );
        assert_eq!(Amount::from_sat(-1), Err(AmountError::Negative(-1)));
        assert!(Amount::from_sat_with_max(MAX_MONEY + 1, RVN_MAX_MONEY).is_ok());
        assert!(Amount::from_sat_with_max(i64::MAX, i64::MAX).is_err());
        assert!(money_range(MAX_MONEY, MAX_MONEY) && !money_range(-1, MAX_MONEY));
    }

    #[test]
    fn display_in_coins() {
        assert_eq!(Amount::from_sat(5000 * COIN).unwrap().to_string(), "5000.00");
        assert_eq!(Amount::from_sat(1).unwrap().to_string(), "0.00000001");
        assert_eq!(Amount::from_sat(150_000_000).unwrap().to_string(), "1.50");
        assert_eq!(SignedAmount::from_sat(-123_456_789).to_string(), "-1.23456789");
        assert_eq!(SignedAmount::from_sat(i64::MIN).to_string(), "-92233720368.54775808");
    }

    #[test]
    fn arithmetic_bounds() {
        assert_eq!(Amount::MAX.checked_add(Amount::ONE_SAT), None);
        assert_eq!(Amount::ZERO.checked_sub(Amount::ONE_SAT), None);
        assert_eq!(Amount::ONE_COIN.checked_mul(3).map(Amount::to_sat), Some(3 * COIN));
        assert_eq!(Amount::MAX.checked_mul(2), None);
        assert_eq!(Amount::ONE_COIN.checked_mul(u64::MAX), None);
        assert_eq!(Amount::ONE_COIN.checked_div(0), None);
        assert_eq!(SignedAmount::from_sat(i64::MAX).checked_add(SignedAmount::from_sat(1)), None);
    }

    proptest! {
        #[test]
        fn checked_sum_equals_fold(xs in proptest::collection::vec(any::<Amount>(), 0..8)) {
            let wide: i128 = xs.iter().map(|a| i128::from(a.to_sat())).sum();
            let expected = (wide <= i128::from(RVN_MAX_MONEY)).then_some(wide as i64);
            prop_assert_eq!(Amount::checked_sum(xs.iter().copied()).map(Amount::to_sat), expected);
            let folded: Option<Amount> =
                xs.iter().try_fold(Amount::ZERO, |acc, x| acc.checked_add(*x));
            prop_assert_eq!(Amount::checked_sum(xs.clone()), folded);
        }

        #[test]
        fn add_sub_inverse(a in any::<Amount>(), b in any::<Amount>()) {
            if let Some(s) = a.checked_add(b) {
                prop_assert_eq!(s.checked_sub(b), Some(a));
            }
        }
    }
}
