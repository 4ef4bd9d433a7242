//! YAML that every reader takes the same way. The serializer quotes any string that a YAML 1.1
//! reader (PyYAML, and so kubernetes-validate) would take for something else: timestamps such
//! as `2026-11-25T18:00:00Z`, booleans such as `yes` and `on`, numbers, nulls.

use serde::Serialize;

/// `value` as a YAML document. serde-saphyr's default mode is the one that keeps YAML 1.1
/// readers right; it is spelled out here so that nobody turns it off by accident. Multi-line
/// strings (scripts) come out as literal blocks; long single lines (keys) stay on one line,
/// where people can copy them, instead of being folded.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, serde_saphyr::ser::Error> {
    let options = serde_saphyr::ser_options! {
        yaml_12: false,
        folded_wrap_chars: usize::MAX,
    };
    serde_saphyr::to_string_with_options(value, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_that_yaml_1_1_reads_as_other_types_are_quoted() {
        let value = serde_json::json!({
            "metadata": { "annotations": { "devserver.io/expires-at": "2026-11-25T18:00:00Z", "x": "8h" } },
            "when": "2026-11-25",
            "text": "on 2026-11-25T18:00:00Z",
            "flags": ["yes", "on", "off", "y", "n", "true", "null", "~"],
            "numbers": ["1.5", "0x1f", "1e3", "12:30", "1_000", "0o17"],
        });
        let yaml = to_string(&value).unwrap();
        assert!(
            yaml.contains(r#"devserver.io/expires-at: "2026-11-25T18:00:00Z""#),
            "{yaml}"
        );
        assert!(yaml.contains(r#"when: "2026-11-25""#), "{yaml}");
        for word in ["yes", "on", "off", "y", "n", "true", "null", "~"] {
            assert!(yaml.contains(&format!("- \"{word}\"\n")), "{word}: {yaml}");
        }
        for number in ["1.5", "0x1f", "1e3", "12:30", "1_000", "0o17"] {
            assert!(
                yaml.contains(&format!("- \"{number}\"\n")),
                "{number}: {yaml}"
            );
        }
        assert!(yaml.contains("x: 8h"), "{yaml}");
        assert!(yaml.contains("text: on 2026-11-25T18:00:00Z"), "{yaml}");
        let back: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn scripts_and_long_lines_read_back_unchanged() {
        let value = serde_json::json!({
            "script": "#!/bin/sh\nset -eu\n  indented: yes\n\nexec sleep 1\n",
            "key": format!("ssh-ed25519 {} someone@example.com", "A".repeat(120)),
            "words": "a long sentence ".repeat(12),
            "nothing": "",
        });
        let yaml = to_string(&value).unwrap();
        assert!(yaml.contains("script: |\n  #!/bin/sh\n"), "{yaml}");
        assert!(
            yaml.lines()
                .any(|l| l.starts_with("key: ssh-ed25519 AAAA") && l.ends_with(".com")),
            "{yaml}"
        );
        let back: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
        assert_eq!(back, value, "{yaml}");
    }
}
