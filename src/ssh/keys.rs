//! Keys: the devserver's host key pair (generated here, so the private key never crosses the
//! network except into the devserver's own Secret), and the user's public keys.

use std::path::{Path, PathBuf};

use russh::keys::ssh_key::{LineEnding, PrivateKey, private::Ed25519Keypair};

use crate::devserver::spec::HostKey;
use crate::error::{Error, Result};

/// A fresh ed25519 key pair in OpenSSH format.
pub fn generate(comment: &str) -> Result<(PrivateKey, String, String)> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| Error::general(format!("no randomness for a key: {e}")))?;
    let mut key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    key.set_comment(comment);
    let private = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| Error::general(format!("cannot encode a key: {e}")))?
        .to_string();
    let public = key
        .public_key()
        .to_openssh()
        .map_err(|e| Error::general(format!("cannot encode a key: {e}")))?;
    Ok((key, private, public))
}

/// The host key pair of a new devserver.
pub fn host_key(devserver: &str) -> Result<HostKey> {
    let (_, private_openssh, public_openssh) =
        generate(&format!("devctl host key of {devserver}"))?;
    Ok(HostKey {
        private_openssh,
        public_openssh: format!("{public_openssh}\n"),
    })
}

/// Reads a public key file and checks that it holds one OpenSSH public key.
pub fn read_public_key(path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::usage(format!("cannot read SSH key {}: {e}", path.display())))?;
    check_public_key(&text, &path.display().to_string())
}

/// Checks that `text` (from `origin`, for the message) is one OpenSSH public key, and returns
/// it trimmed.
pub fn check_public_key(text: &str, origin: &str) -> Result<String> {
    let line = text.trim();
    russh::keys::ssh_key::PublicKey::from_openssh(line).map_err(|e| {
        Error::usage(format!("{origin} is not an OpenSSH public key: {e}"))
            .hint("pass the .pub file, e.g. --ssh-key ~/.ssh/id_ed25519.pub")
    })?;
    Ok(line.to_string())
}

/// The default keys: `~/.ssh/id_ed25519.pub`, `id_ecdsa.pub`, `id_rsa.pub`, the first that
/// exists; else a devctl-managed pair in `data_dir`, created on first use with the private
/// key 0600.
pub fn default_public_key(home: &Path, data_dir: &Path) -> Result<(String, PathBuf)> {
    if let Some(found) = existing_default_key(home, data_dir)? {
        return Ok(found);
    }
    let public = data_dir.join("id_ed25519.pub");
    make_managed_pair(data_dir, &public)?;
    Ok((read_public_key(&public)?, public))
}

/// The default key if one exists, without making the managed pair (for dry runs, which
/// change nothing, not even on this machine).
pub fn existing_default_key(home: &Path, data_dir: &Path) -> Result<Option<(String, PathBuf)>> {
    let candidates = ["id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub"]
        .iter()
        .map(|name| home.join(".ssh").join(name))
        .chain(std::iter::once(data_dir.join("id_ed25519.pub")));
    for path in candidates {
        if path.exists() {
            return Ok(Some((read_public_key(&path)?, path)));
        }
    }
    Ok(None)
}

/// The private keys `ssh` tries when no `-i` is given: those of the default keys that
/// `create` authorizes, in the same order (`~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`, then the
/// managed pair), the ones that exist.
pub fn default_identities(home: &Path, data_dir: &Path) -> Vec<PathBuf> {
    ["id_ed25519", "id_ecdsa", "id_rsa"]
        .iter()
        .map(|name| home.join(".ssh").join(name))
        .chain(std::iter::once(data_dir.join("id_ed25519")))
        .filter(|path| path.exists())
        .collect()
}

/// The private keys devctl's own client logs in with, in order: `given` (`-i`, each must
/// exist), else the private half of the `ssh-key` setting (what create authorizes), then the
/// default keys and the managed pair.
pub fn login_identities(given: &[PathBuf], ssh_key: Option<&str>) -> Result<Vec<PathBuf>, String> {
    if !given.is_empty() {
        return match given.iter().find(|path| !path.exists()) {
            Some(missing) => Err(format!("-i {}: no such file", missing.display())),
            None => Ok(given.to_vec()),
        };
    }
    let (home, data) = dirs();
    let configured = ssh_key
        .map(|public| expand_home(public, &home))
        .filter(|public| public.extension().is_some_and(|e| e == "pub"))
        .map(|public| public.with_extension(""))
        .filter(|private| private.exists());
    Ok(configured
        .into_iter()
        .chain(default_identities(&home, &data))
        .collect())
}

/// `path` with a leading `~` meaning `home`, as the `ssh-key` setting may be written.
pub fn expand_home(path: &str, home: &Path) -> PathBuf {
    match Path::new(path).strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => PathBuf::from(path),
    }
}

/// The user's home and devctl's data directory (where the managed pair lives).
pub fn dirs() -> (PathBuf, PathBuf) {
    let home = directories::BaseDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."));
    let data = directories::ProjectDirs::from("", "", "devctl")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| home.join(".devctl"));
    (home, data)
}

/// Makes the managed pair. Several devctl processes may start at once on a fresh machine: a
/// lock lets one make the pair, and each file appears whole under its name (written aside,
/// then renamed), the public key last, so whoever sees it sees a complete pair.
fn make_managed_pair(data_dir: &Path, public: &Path) -> Result<()> {
    let failed = |what: &str, path: &Path, e: std::io::Error| {
        Error::general(format!("cannot {what} {}: {e}", path.display()))
    };
    std::fs::create_dir_all(data_dir).map_err(|e| failed("create", data_dir, e))?;
    let lock_path = data_dir.join(".id_ed25519.lock");
    let lock = std::fs::File::create(&lock_path).map_err(|e| failed("create", &lock_path, e))?;
    lock.lock().map_err(|e| failed("lock", &lock_path, e))?;
    if public.exists() {
        // Made by another devctl while this one waited for the lock.
        return Ok(());
    }
    let (_, private_text, public_text) = generate("devctl")?;
    let private = data_dir.join("id_ed25519");
    let aside = |path: &Path| {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".partial-{}", std::process::id()));
        path.with_file_name(name)
    };
    write_private(&aside(&private), private_text.as_bytes())?;
    std::fs::rename(aside(&private), &private).map_err(|e| failed("write", &private, e))?;
    let written = std::fs::File::create(aside(public)).and_then(|mut f| {
        std::io::Write::write_all(&mut f, format!("{public_text}\n").as_bytes())?;
        f.sync_all()
    });
    written.map_err(|e| failed("write", public, e))?;
    std::fs::rename(aside(public), public).map_err(|e| failed("write", public, e))?;
    // The renames themselves reach the disk with the directory.
    std::fs::File::open(data_dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| failed("write", data_dir, e))
}

/// Writes a file only its owner can read.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::general(format!("cannot write {}: {e}", path.display())))?;
    // `mode` applies only to a new file: one that existed keeps its mode unless told, and it is
    // told before the key goes in.
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .map_err(|e| Error::general(format!("cannot protect {}: {e}", path.display())))?;
    // On disk before the caller renames it into place, so a crash leaves no empty key behind.
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::general(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn host_keys_are_fresh_ed25519_pairs() {
        let a = host_key("x").unwrap();
        let b = host_key("x").unwrap();
        assert!(a.public_openssh.starts_with("ssh-ed25519 "));
        assert!(
            a.private_openssh
                .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----")
        );
        assert_ne!(a.public_openssh, b.public_openssh);
    }

    #[test]
    fn without_user_keys_a_managed_pair_is_made_private() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("data");
        let (key, path) = default_public_key(home.path(), &data).unwrap();
        assert!(key.starts_with("ssh-ed25519 "));
        assert_eq!(path, data.join("id_ed25519.pub"));
        let mode = std::fs::metadata(data.join("id_ed25519"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let (again, _) = default_public_key(home.path(), &data).unwrap();
        assert_eq!(key, again, "the managed pair is reused");
    }

    #[test]
    fn concurrent_first_uses_agree_on_one_complete_managed_pair() {
        // Two `devctl create`s at once on a fresh machine: neither may read the other's
        // half-written key, and the private key on disk must match the public one they use.
        for _ in 0..20 {
            let home = tempfile::tempdir().unwrap();
            let data = home.path().join("data");
            let keys: Vec<String> = std::thread::scope(|s| {
                let runs: Vec<_> = (0..8)
                    .map(|_| s.spawn(|| default_public_key(home.path(), &data)))
                    .collect();
                runs.into_iter()
                    .map(|r| r.join().unwrap().unwrap().0)
                    .collect()
            });
            assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
            let private = std::fs::read_to_string(data.join("id_ed25519")).unwrap();
            let private = PrivateKey::from_openssh(&private).unwrap();
            assert_eq!(private.public_key().to_openssh().unwrap(), keys[0]);
        }
    }

    #[test]
    fn a_private_file_that_existed_with_a_looser_mode_ends_up_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_users_key_is_preferred_and_checked() {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join(".ssh")).unwrap();
        let (_, _, public) = generate("alice").unwrap();
        std::fs::write(home.path().join(".ssh/id_ed25519.pub"), &public).unwrap();
        let (key, _) = default_public_key(home.path(), &home.path().join("data")).unwrap();
        assert_eq!(key, public.trim());
        std::fs::write(home.path().join("bad.pub"), "not a key").unwrap();
        assert!(read_public_key(&home.path().join("bad.pub")).is_err());
    }
}
