//! YAML that every reader takes the same way. serde_yaml leaves strings such as
//! `2026-11-25T18:00:00Z` unquoted, and YAML 1.1 readers (PyYAML, and so
//! kubernetes-validate) then see a timestamp instead of the string the API expects.

use serde::Serialize;

/// `value` as YAML, with timestamp-looking plain scalars quoted.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, serde_yaml::Error> {
    let text = serde_yaml::to_string(value)?;
    Ok(text
        .lines()
        .map(quote_timestamp)
        .collect::<Vec<_>>()
        .join("\n")
        + "\n")
}

fn quote_timestamp(line: &str) -> String {
    let Some((key, value)) = line.split_once(": ") else {
        return line.to_string();
    };
    if looks_like_timestamp(value) {
        format!("{key}: '{value}'")
    } else {
        line.to_string()
    }
}

/// `YYYY-MM-DD` optionally followed by a time: the YAML 1.1 timestamp forms that matter.
fn looks_like_timestamp(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_quoted_and_the_rest_is_untouched() {
        let value = serde_json::json!({
            "metadata": { "annotations": { "devserver.io/expires-at": "2026-11-25T18:00:00Z", "x": "8h" } },
            "when": "2026-11-25",
            "text": "on 2026-11-25T18:00:00Z",
        });
        let yaml = to_string(&value).unwrap();
        assert!(
            yaml.contains("devserver.io/expires-at: '2026-11-25T18:00:00Z'"),
            "{yaml}"
        );
        assert!(yaml.contains("when: '2026-11-25'"), "{yaml}");
        assert!(yaml.contains("x: 8h"), "{yaml}");
        assert!(yaml.contains("text: on 2026-11-25T18:00:00Z"), "{yaml}");
        let back: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
        assert_eq!(back, value);
    }
}
