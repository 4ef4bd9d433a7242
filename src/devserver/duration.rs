//! Durations as users write them for time-to-live and timeouts: `8h`, `90m`, `1h30m`, `2d`.

use std::time::Duration;

/// The longest duration devctl takes: a year. Anything longer is a typo, and a bound keeps
/// every `now + duration` far inside what a timestamp holds (no overflow, no wrap-around into
/// a devserver that has already expired).
pub const MAX: Duration = Duration::from_secs(365 * 86_400);

/// Parses `1d2h30m15s` (any non-empty subset, in that order, whole numbers), at most `MAX`.
/// A bare number is refused: `8` could mean anything.
pub fn parse(text: &str) -> Result<Duration, String> {
    let bad = || format!("invalid duration {text:?}: expected e.g. 8h, 90m, 1h30m or 2d");
    let too_long = || format!("invalid duration {text:?}: at most {}", format(MAX));
    if text.is_empty() {
        return Err(bad());
    }
    let units = [('d', 86_400u64), ('h', 3_600), ('m', 60), ('s', 1)];
    let mut rest = text;
    let mut total: u64 = 0;
    let mut next_unit = 0;
    while !rest.is_empty() {
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return Err(bad());
        }
        let value: u64 = rest[..digits].parse().map_err(|_| bad())?;
        let unit = rest[digits..].chars().next().ok_or_else(bad)?;
        let pos = units[next_unit..]
            .iter()
            .position(|(u, _)| *u == unit)
            .ok_or_else(bad)?;
        let seconds = units[next_unit + pos].1;
        total = value
            .checked_mul(seconds)
            .and_then(|v| total.checked_add(v))
            .filter(|t| *t <= MAX.as_secs())
            .ok_or_else(too_long)?;
        next_unit += pos + 1;
        rest = &rest[digits + unit.len_utf8()..];
    }
    if total == 0 {
        return Err(format!(
            "invalid duration {text:?}: must be longer than zero"
        ));
    }
    Ok(Duration::from_secs(total))
}

/// The shortest spelling `parse` reads back: `3h12m`, `45s`, `2d`.
pub fn format(d: Duration) -> String {
    let mut secs = d.as_secs();
    if secs == 0 {
        return "0s".into();
    }
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
        if secs >= size {
            out.push_str(&format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_units_in_order() {
        assert_eq!(parse("8h"), Ok(Duration::from_secs(8 * 3600)));
        assert_eq!(parse("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse("2d"), Ok(Duration::from_secs(172_800)));
        assert_eq!(parse("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("1d2h3m4s"), Ok(Duration::from_secs(93_784)));
    }

    #[test]
    fn refuses_what_is_ambiguous_or_malformed() {
        for bad in [
            "",
            "8",
            "h",
            "1x",
            "30m1h",
            "1h1h",
            "-1h",
            "1.5h",
            "0h",
            "99999999999999999999d",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn durations_longer_than_a_year_are_refused_not_wrapped() {
        assert_eq!(parse("365d"), Ok(MAX));
        assert_eq!(parse("364d23h59m60s"), Ok(MAX));
        for long in [
            "366d",
            "365d1s",
            "8761h",
            "999999999999d",
            "18446744073709548016s",
            "213503982334601d",
        ] {
            assert_eq!(
                parse(long),
                Err(format!("invalid duration {long:?}: at most 365d")),
                "{long}"
            );
        }
        // Whatever parse gives, now + it is a valid timestamp.
        let now = k8s_openapi::jiff::Timestamp::now();
        let max = k8s_openapi::jiff::SignedDuration::try_from(MAX).unwrap();
        assert!(now.checked_add(max).is_ok());
    }

    #[test]
    fn format_round_trips() {
        for text in ["3h12m", "45s", "2d", "1d1s"] {
            assert_eq!(format(parse(text).unwrap()), text);
        }
    }
}
