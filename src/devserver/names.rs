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

/// A DNS-1123 subdomain (StorageClass names): labels joined by `.`, at most 253 characters.
pub fn check_subdomain(what: &str, name: &str) -> Result<(), String> {
    let labels_ok = name.split('.').all(|l| check_label(what, l, 63).is_ok());
    if name.is_empty() || name.len() > 253 || !labels_ok {
        return Err(format!(
            "invalid {what} {name:?}: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"
        ));
    }
    Ok(())
}

/// A DNS-1035 label (devserver names, because they name a Service): a DNS-1123 label that
/// also starts with a lowercase letter, at most `max` characters.
pub fn check_dns1035_label(what: &str, name: &str, max: usize) -> Result<(), String> {
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if check_label(what, name, max).is_err() || !starts_with_letter {
        return Err(format!(
            "invalid {what} {name:?}: use at most {max} lowercase letters, digits and '-', starting with a letter and ending with a letter or digit"
        ));
    }
    Ok(())
}

/// Five random lowercase letters and digits: a default job name's tail, a reader pod's.
pub fn random_suffix() -> Result<String, String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = [0u8; 5];
    getrandom::fill(&mut bytes).map_err(|e| format!("cannot make a random name: {e}"))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_1035_labels_start_with_a_letter() {
        for good in ["box1", "a", "my-dev-server", &"x".repeat(40)] {
            assert!(
                check_dns1035_label("devserver name", good, 40).is_ok(),
                "{good:?}"
            );
        }
        for bad in [
            "1box",
            "0",
            "-a",
            "a-",
            "",
            "A",
            "a_b",
            "a.b",
            &"x".repeat(41),
        ] {
            let err = check_dns1035_label("devserver name", bad, 40).unwrap_err();
            assert!(err.contains("starting with a letter"), "{err}");
        }
        // Namespaces stay DNS-1123 labels: a leading digit is fine there.
        assert!(check_label("namespace", "1team", 63).is_ok());
    }

    #[test]
    fn labels() {
        assert!(check_label("namespace", "dev-alice", 63).is_ok());
        assert!(check_label("namespace", "a", 63).is_ok());
        for bad in ["", "-a", "a-", "A", "a_b", "a.b", &"x".repeat(64)] {
            assert!(check_label("namespace", bad, 63).is_err(), "{bad:?}");
        }
    }
}
