//! Kubeconfig files for the components, the admin and test users, and kube clients from them.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::Error;
use crate::pki::Issued;

/// How a kubeconfig's user authenticates.
pub enum Credentials<'a> {
    Certificate(&'a Issued),
    Token(&'a str),
}

/// Writes a kubeconfig with one cluster, user and context, all named `testcluster`; the file
/// is 0600 since it holds a key or token.
pub fn write(path: &Path, server: &str, ca_pem: &str, creds: Credentials) -> Result<(), Error> {
    let user = match creds {
        Credentials::Certificate(issued) => format!(
            "    client-certificate-data: {}\n    client-key-data: {}\n",
            STANDARD.encode(&issued.cert_pem),
            STANDARD.encode(&issued.key_pem)
        ),
        Credentials::Token(token) => format!("    token: {token}\n"),
    };
    let text = format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: testcluster\n  cluster:\n    server: {server}\n    certificate-authority-data: {ca}\nusers:\n- name: testcluster\n  user:\n{user}contexts:\n- name: testcluster\n  context:\n    cluster: testcluster\n    user: testcluster\ncurrent-context: testcluster\n",
        ca = STANDARD.encode(ca_pem),
    );
    write_private(path, text.as_bytes())
}

/// Writes a file readable by its owner only.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::io(&format!("writing {}", path.display()), e))?;
    file.write_all(contents)
        .map_err(|e| Error::io(&format!("writing {}", path.display()), e))
}

/// A kube client from a kubeconfig file.
pub async fn client(path: &Path) -> Result<kube::Client, Error> {
    let kubeconfig = kube::config::Kubeconfig::read_from(path)
        .map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?;
    let config = kube::Config::from_custom_kubeconfig(kubeconfig, &Default::default())
        .await
        .map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?;
    Ok(kube::Client::try_from(config)?)
}
