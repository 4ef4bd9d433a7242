//! Kubernetes quantities (`500m`, `4`, `1.5Gi`, `1e3`) as exact numbers, for comparing what a
//! flavor requests with what a node has left or a quota allows.

use std::fmt;

/// A quantity in thousandths of its unit (millicores, millibytes), exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Milli(pub i128);

impl Milli {
    /// `text` as the API writes quantities; `None` when it is not one.
    pub fn parse(text: &str) -> Option<Milli> {
        let text = text.trim();
        let (sign, text) = match text.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, text.strip_prefix('+').unwrap_or(text)),
        };
        let number_end = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(text.len());
        let (number, suffix) = text.split_at(number_end);
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        // The number as digits over 10^scale.
        let digits: String = format!("{whole}{fraction}");
        let mut mantissa: i128 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        let mut exponent10: i32 = -(fraction.len() as i32);
        let mut binary: u32 = 0;
        match suffix {
            "" => {}
            "n" => exponent10 -= 9,
            "u" => exponent10 -= 6,
            "m" => exponent10 -= 3,
            "k" => exponent10 += 3,
            "M" => exponent10 += 6,
            "G" => exponent10 += 9,
            "T" => exponent10 += 12,
            "P" => exponent10 += 15,
            "E" => exponent10 += 18,
            "Ki" => binary = 10,
            "Mi" => binary = 20,
            "Gi" => binary = 30,
            "Ti" => binary = 40,
            "Pi" => binary = 50,
            "Ei" => binary = 60,
            other => {
                let exp = other.strip_prefix(['e', 'E'])?;
                exponent10 += exp.parse::<i32>().ok()?;
            }
        }
        mantissa = mantissa.checked_mul(1i128.checked_shl(binary)?)?;
        // Thousandths: shift by three more powers of ten, rounding up what is finer than that
        // (as the API server does).
        exponent10 += 3;
        let value = if exponent10 >= 0 {
            mantissa.checked_mul(10i128.checked_pow(exponent10 as u32)?)?
        } else {
            // Past 10^38 the quotient is 0 and the remainder the mantissa.
            match 10i128.checked_pow((-exponent10) as u32) {
                Some(divisor) => mantissa / divisor + i128::from(mantissa % divisor != 0),
                None => i128::from(mantissa != 0),
            }
        };
        Some(Milli(sign * value))
    }

    /// How many whole `each` fit into `self` (0 when `each` is not positive).
    pub fn times(self, each: Milli) -> u64 {
        if each.0 <= 0 || self.0 <= 0 {
            return 0;
        }
        u64::try_from(self.0 / each.0).unwrap_or(u64::MAX)
    }
}

impl std::ops::Add for Milli {
    type Output = Milli;
    fn add(self, other: Milli) -> Milli {
        Milli(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for Milli {
    type Output = Milli;
    fn sub(self, other: Milli) -> Milli {
        Milli(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Milli {
    fn sum<I: Iterator<Item = Milli>>(iter: I) -> Milli {
        iter.fold(Milli(0), |a, b| a + b)
    }
}

impl fmt::Display for Milli {
    /// Whole units when it is whole, else thousandths with `m` (as `500m`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 % 1000 == 0 {
            write!(f, "{}", self.0 / 1000)
        } else {
            write!(f, "{}m", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> i128 {
        Milli::parse(text)
            .unwrap_or_else(|| panic!("{text} should parse"))
            .0
    }

    #[test]
    fn decimal_binary_and_milli_suffixes_are_exact() {
        assert_eq!(m("500m"), 500);
        assert_eq!(m("2"), 2000);
        assert_eq!(m("1.5"), 1500);
        assert_eq!(m("1Gi"), 1000 * (1 << 30));
        assert_eq!(m("1.5Gi"), 1500 * (1 << 30));
        assert_eq!(m("4k"), 4_000_000);
        assert_eq!(m("1e3"), 1_000_000);
        assert_eq!(m("0.1m"), 1, "finer than a thousandth rounds up");
        assert_eq!(m("-1"), -1000);
        assert_eq!(m(".5"), 500);
        assert_eq!(m("100u"), 1, "the API server writes 0.1m as 100u");
        assert_eq!(m("500000u"), 500);
        assert_eq!(m("5n"), 1);
    }

    #[test]
    fn huge_and_long_quantities_do_not_overflow() {
        assert_eq!(m("1.70141183460469231731687303715884105727"), 1702);
        assert_eq!(m("0.000000000000000000000000000000000000000001"), 1);
        assert_eq!(Milli::parse("1e400"), None, "beyond what we count");
        assert_eq!(
            Milli::parse("99999999999999999999999999999999999999999Ei"),
            None
        );
    }

    #[test]
    fn what_is_not_a_quantity_is_refused() {
        for bad in ["", "Gi", "1.2.3", "1Gb", "abc", "1 Gi", "."] {
            assert_eq!(Milli::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_counts_whole_fits() {
        assert_eq!(Milli(7000).times(Milli(2000)), 3);
        assert_eq!(Milli(1000).times(Milli(2000)), 0);
        assert_eq!(Milli(-5).times(Milli(1)), 0);
        assert_eq!(Milli(5).times(Milli(0)), 0);
    }

    #[test]
    fn display_is_whole_units_or_thousandths() {
        assert_eq!(Milli(2000).to_string(), "2");
        assert_eq!(Milli(1500).to_string(), "1500m");
    }
}
