//! The `DevServerFlavor` CustomResourceDefinition that `admin install` applies, and the
//! `DevServerFlavor` object of a flavor. Pure builders: the schema is the contract of
//! DESIGN §3, enforced by the API server so that a malformed flavor never reaches devctl.

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde_json::{Value, json};

use super::flavor::Flavor;

pub const GROUP: &str = "devserver.io";
pub const VERSION: &str = "v1";
pub const KIND: &str = "DevServerFlavor";
pub const PLURAL: &str = "devserverflavors";
/// `PLURAL.GROUP`, the CRD's own name.
pub const CRD_NAME: &str = "devserverflavors.devserver.io";

/// A Kubernetes quantity without a sign (`500m`, `4Gi`, `1`, `1e3`): what `resources` and
/// `homeSize` take. The API server's own grammar, minus the negative numbers.
pub const QUANTITY_PATTERN: &str = r"^(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";
/// What `duration::parse` reads: days, hours, minutes, seconds, each optional, in that order.
pub const DURATION_PATTERN: &str = r"^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$";
/// A resource name: `cpu`, `memory`, `nvidia.com/gpu`, `nvidia.com/mig-1g.10gb`.
const RESOURCE_NAME_PATTERN: &str =
    r"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

/// Bounds that keep the CEL rules' estimated cost small and catch pasted nonsense.
const MAX_RESOURCES: u32 = 16;
const MAX_NAME: u32 = 253;
const MAX_VALUE: u32 = 63;

fn quantity_map(what: &str) -> Value {
    json!({
        "type": "object",
        "description": format!("{what}, by resource name: cpu, memory, nvidia.com/gpu, ..."),
        "maxProperties": MAX_RESOURCES,
        "additionalProperties": {
            "type": "string",
            "maxLength": MAX_VALUE,
            "pattern": QUANTITY_PATTERN,
        },
        "x-kubernetes-validations": [{
            "rule": format!("self.all(k, size(k) <= {MAX_NAME} && k.matches('{RESOURCE_NAME_PATTERN}'))"),
            "message": "resource names look like cpu, memory or nvidia.com/gpu",
        }],
    })
}

fn duration(what: &str) -> Value {
    json!({
        "type": "string",
        "description": format!("{what}, e.g. 8h, 90m, 1h30m, 2d"),
        "minLength": 2,
        "maxLength": 32,
        "pattern": DURATION_PATTERN,
    })
}

fn spec_schema() -> Value {
    json!({
        "type": "object",
        "description": "A t-shirt size for devservers.",
        "properties": {
            "default": {
                "type": "boolean",
                "description": "Whether devservers get this flavor when the user names none. At most one flavor may be the default.",
            },
            "description": {"type": "string", "maxLength": 256},
            "image": {
                "type": "string",
                "description": "The image of its devservers unless the user names one.",
                "minLength": 1,
                "maxLength": 512,
                "pattern": r"^[^\s]+$",
            },
            "resources": {
                "type": "object",
                "properties": {
                    "requests": quantity_map("What the scheduler reserves"),
                    "limits": quantity_map("The most a devserver may use"),
                },
                "x-kubernetes-validations": [{
                    "rule": "!has(self.requests) || !has(self.limits) || self.requests.all(k, !(k in self.limits) || quantity(self.limits[k]).compareTo(quantity(self.requests[k])) >= 0)",
                    "message": "every limit must be at least its request",
                }],
            },
            "nodeSelector": {
                "type": "object",
                "description": "Node labels its devservers' pods require.",
                "maxProperties": 32,
                "additionalProperties": {"type": "string", "maxLength": MAX_VALUE},
            },
            "tolerations": {
                "type": "array",
                "description": "Taints its devservers' pods tolerate, as in a pod spec.",
                "maxItems": 32,
                "items": {
                    "type": "object",
                    "properties": {
                        "key": {"type": "string", "maxLength": MAX_NAME},
                        "operator": {"type": "string", "enum": ["Exists", "Equal"]},
                        "value": {"type": "string", "maxLength": MAX_VALUE},
                        "effect": {
                            "type": "string",
                            "enum": ["", "NoSchedule", "PreferNoSchedule", "NoExecute"],
                        },
                        "tolerationSeconds": {"type": "integer", "format": "int64"},
                    },
                    "x-kubernetes-validations": [
                        {
                            "rule": "!has(self.operator) || self.operator != 'Exists' || !has(self.value) || self.value == ''",
                            "message": "a toleration with operator Exists takes no value",
                        },
                        {
                            "rule": "has(self.key) && self.key != '' || has(self.operator) && self.operator == 'Exists'",
                            "message": "a toleration without a key must have operator Exists",
                        },
                        {
                            "rule": "!has(self.tolerationSeconds) || has(self.effect) && self.effect == 'NoExecute'",
                            "message": "tolerationSeconds needs effect NoExecute",
                        },
                    ],
                },
            },
            "ttl": duration("The time to live of its devservers unless the user gives one"),
            "maxTtl": duration("The longest time to live create and extend accept"),
            "homeSize": {
                "type": "string",
                "description": "The size of its devservers' home volume unless the user gives --home, e.g. 20Gi.",
                "maxLength": MAX_VALUE,
                "pattern": QUANTITY_PATTERN,
            },
        },
    })
}

/// `devserverflavors.devserver.io`: cluster-scoped, one version (v1), a structural schema that
/// validates every field of [`Flavor`] and prunes fields it does not know, and the columns of
/// `kubectl get devserverflavors`.
pub fn flavor_crd() -> CustomResourceDefinition {
    let column = |name: &str, path: &str, description: &str| json!({"name": name, "type": "string", "jsonPath": path, "description": description});
    let crd = json!({
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {
            "name": CRD_NAME,
            "labels": super::admin::labels("crd"),
        },
        "spec": {
            "group": GROUP,
            "scope": "Cluster",
            "names": {
                "plural": PLURAL,
                "singular": "devserverflavor",
                "kind": KIND,
                "listKind": "DevServerFlavorList",
                "shortNames": ["dsf"],
                "categories": ["devctl"],
            },
            "versions": [{
                "name": VERSION,
                "served": true,
                "storage": true,
                "schema": {"openAPIV3Schema": {
                    "type": "object",
                    "description": "A devserver flavor: the resources, placement and defaults of the devservers made with it.",
                    "properties": {
                        "apiVersion": {"type": "string"},
                        "kind": {"type": "string"},
                        "metadata": {"type": "object"},
                        "spec": spec_schema(),
                    },
                    "required": ["spec"],
                }},
                "additionalPrinterColumns": [
                    {"name": "Default", "type": "boolean", "jsonPath": ".spec.default",
                     "description": "Devservers get this flavor when the user names none"},
                    column("CPU", ".spec.resources.requests.cpu", "CPU requested"),
                    column("Memory", ".spec.resources.requests.memory", "Memory requested"),
                    column("GPU", r".spec.resources.limits.nvidia\.com/gpu", "NVIDIA GPUs"),
                    column("Description", ".spec.description", "What the flavor is for"),
                    {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"},
                ],
            }],
        },
    });
    // A literal of the type's own shape; the unit tests deserialize it too.
    serde_json::from_value(crd).expect("the CRD literal has the shape of the type")
}

/// The `DevServerFlavor` object of `flavor`, as `kubectl apply` would take it.
pub fn flavor_object(flavor: &Flavor) -> Value {
    json!({
        "apiVersion": format!("{GROUP}/{VERSION}"),
        "kind": KIND,
        "metadata": {
            "name": flavor.name,
            "labels": super::admin::labels("flavor"),
        },
        "spec": flavor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devserver::{duration, flavor};

    fn schema() -> Value {
        let crd = flavor_crd();
        let version = &crd.spec.versions[0];
        serde_json::to_value(&version.schema.as_ref().unwrap().open_api_v3_schema).unwrap()
    }

    #[test]
    fn the_crd_is_cluster_scoped_v1_devserverflavors() {
        let crd = flavor_crd();
        assert_eq!(crd.metadata.name.as_deref(), Some(CRD_NAME));
        assert_eq!(crd.spec.scope, "Cluster");
        assert_eq!(crd.spec.names.kind, KIND);
        assert_eq!(
            format!("{}.{}", crd.spec.names.plural, crd.spec.group),
            CRD_NAME
        );
        let [version] = crd.spec.versions.as_slice() else {
            panic!("one version")
        };
        assert!(version.served && version.storage);
        assert_eq!(version.name, VERSION);
    }

    #[test]
    fn the_schema_names_every_field_of_a_flavor() {
        let spec = &schema()["properties"]["spec"]["properties"];
        let full = Flavor {
            name: "x".into(),
            image: Some("i".into()),
            ttl: Some("8h".into()),
            max_ttl: Some("1d".into()),
            home_size: Some("1Gi".into()),
            description: "d".into(),
            node_selector: [("a".to_string(), "b".to_string())].into(),
            tolerations: vec![Default::default()],
            ..flavor::builtin()[0].clone()
        };
        let fields = serde_json::to_value(&full).unwrap();
        for field in fields.as_object().unwrap().keys() {
            assert!(spec.get(field).is_some(), "{field} is not in the schema");
        }
        assert_eq!(
            spec.as_object().unwrap().len(),
            fields.as_object().unwrap().len()
        );
    }

    #[test]
    fn the_printer_columns_show_default_cpu_memory_gpu_description_age() {
        let crd = flavor_crd();
        let columns: Vec<_> = crd.spec.versions[0]
            .additional_printer_columns
            .iter()
            .flatten()
            .map(|c| c.name.to_uppercase())
            .collect();
        assert_eq!(
            columns,
            ["DEFAULT", "CPU", "MEMORY", "GPU", "DESCRIPTION", "AGE"]
        );
    }

    fn matches(pattern: &str, text: &str) -> bool {
        regex::Regex::new(pattern).unwrap().is_match(text)
    }

    #[test]
    fn the_duration_pattern_takes_what_the_parser_reads() {
        for good in ["8h", "90m", "1h30m", "2d", "1d2h3m4s", "45s"] {
            assert!(matches(DURATION_PATTERN, good), "{good}");
            assert!(duration::parse(good).is_ok(), "{good}");
        }
        for bad in ["8", "h", "30m1h", "1.5h", "8 h", "-1h", "1w"] {
            assert!(!matches(DURATION_PATTERN, bad), "{bad}");
            assert!(duration::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_quantity_pattern_takes_kubernetes_quantities_without_a_sign() {
        for good in ["500m", "1", "4Gi", "0.5", ".5", "1e3", "2k", "16Mi"] {
            assert!(matches(QUANTITY_PATTERN, good), "{good}");
        }
        for bad in ["-1", "1GB", "lots", "", "1 Gi", "4gi"] {
            assert!(!matches(QUANTITY_PATTERN, bad), "{bad}");
        }
    }

    #[test]
    fn the_resource_name_pattern_takes_gpu_and_mig_names() {
        for good in [
            "cpu",
            "memory",
            "nvidia.com/gpu",
            "nvidia.com/mig-1g.10gb",
            "hugepages-2Mi",
        ] {
            assert!(matches(RESOURCE_NAME_PATTERN, good), "{good}");
        }
        for bad in ["Nvidia.com/gpu", "/gpu", "a/b/c", "gpu-", ""] {
            assert!(!matches(RESOURCE_NAME_PATTERN, bad), "{bad}");
        }
    }

    #[test]
    fn a_flavor_object_carries_its_spec_and_devctl_labels() {
        let small = &flavor::builtin()[0];
        let object = flavor_object(small);
        assert_eq!(object["apiVersion"], "devserver.io/v1");
        assert_eq!(object["kind"], "DevServerFlavor");
        assert_eq!(object["metadata"]["name"], "cpu-small");
        assert_eq!(
            object["metadata"]["labels"]["app.kubernetes.io/managed-by"],
            "devctl"
        );
        assert_eq!(object["spec"]["resources"]["requests"]["cpu"], "500m");
        assert_eq!(object["spec"]["default"], true);
        assert!(object["spec"].get("name").is_none());
    }
}
