//! The cluster's certificates: one CA for serving and client certificates, one front-proxy CA
//! for the request-header identity the test proxy asserts, and the ServiceAccount signing key.
//! Everything is generated fresh for every cluster and lives only in its temp dir.

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};

use crate::Error;

/// A certificate authority that can issue more certificates while the cluster runs
/// (for example a client certificate for a user a test asks for).
pub struct Ca {
    issuer: Issuer<'static, KeyPair>,
    cert_pem: String,
}

/// A certificate and its private key, both PEM.
#[derive(Clone)]
pub struct Issued {
    pub cert_pem: String,
    pub key_pem: String,
}

/// What a certificate is for.
#[derive(Clone, Copy)]
pub enum Usage {
    Server,
    Client,
}

impl Ca {
    pub fn new(common_name: &str) -> Result<Ca, Error> {
        let key = KeyPair::generate().map_err(pki_error)?;
        let mut params = CertificateParams::new(Vec::<String>::new()).map_err(pki_error)?;
        params.distinguished_name = name(common_name, &[]);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let cert = params.self_signed(&key).map_err(pki_error)?;
        Ok(Ca {
            cert_pem: cert.pem(),
            issuer: Issuer::new(params, key),
        })
    }

    pub fn cert_pem(&self) -> &str {
        &self.cert_pem
    }

    /// Issues a certificate. For client certificates the common name is the user name and
    /// each organization a group, as the API server reads them.
    pub fn issue(
        &self,
        common_name: &str,
        organizations: &[&str],
        alt_names: &[&str],
        usage: Usage,
    ) -> Result<Issued, Error> {
        let key = KeyPair::generate().map_err(pki_error)?;
        let sans: Vec<String> = alt_names.iter().map(|s| s.to_string()).collect();
        let mut params = CertificateParams::new(sans).map_err(pki_error)?;
        params.distinguished_name = name(common_name, organizations);
        params.use_authority_key_identifier_extension = true;
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        params.extended_key_usages = vec![match usage {
            Usage::Server => ExtendedKeyUsagePurpose::ServerAuth,
            Usage::Client => ExtendedKeyUsagePurpose::ClientAuth,
        }];
        let cert = params.signed_by(&key, &self.issuer).map_err(pki_error)?;
        Ok(Issued {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
        })
    }
}

/// A fresh key pair in PEM (PKCS#8 private, SPKI public; ECDSA P-256), used to sign and
/// verify ServiceAccount tokens.
pub fn signing_key_pem() -> Result<(String, String), Error> {
    let key = KeyPair::generate().map_err(pki_error)?;
    Ok((key.serialize_pem(), key.public_key_pem()))
}

/// The object identifier of an organization (O) attribute.
const ORGANIZATION_OID: [u64; 4] = [2, 5, 4, 10];

/// rcgen keeps one value per attribute type, so a second group is written through the same
/// OID spelled as a custom type; the API server sees two O attributes either way.
pub const MAX_GROUPS: usize = 2;

fn name(common_name: &str, organizations: &[&str]) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    let types = [
        DnType::OrganizationName,
        DnType::CustomDnType(ORGANIZATION_OID.to_vec()),
    ];
    for (org, ty) in organizations.iter().zip(types) {
        dn.push(ty, *org);
    }
    dn
}

fn pki_error(err: rcgen::Error) -> Error {
    Error::Pki(err.to_string())
}
