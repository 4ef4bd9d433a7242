//! Kubernetes names: checked before any API call so that bad input fails fast and clearly.

/// A DNS-1123 label (namespaces, devserver names): lowercase letters, digits and `-`,
/// starting and ending with a letter or digit, at most `max` characters.
pub fn check_label(what: &str, name: &str, max: usize) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let ok_ends = name
        .chars()
        .next()
        .zip(name.chars().last())
        .is_some_and(|(a, b)| a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric());
    if name.is_empty() || name.len() > max || !ok_chars || !ok_ends {
        return Err(format!(
            "invalid {what} {name:?}: use at most {max} lowercase letters, digits and '-', starting and ending with a letter or digit"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert!(check_label("namespace", "dev-alice", 63).is_ok());
        assert!(check_label("namespace", "a", 63).is_ok());
        for bad in ["", "-a", "a-", "A", "a_b", "a.b", &"x".repeat(64)] {
            assert!(check_label("namespace", bad, 63).is_err(), "{bad:?}");
        }
    }
}
