//! Encrypted backups, in the `age` format with a passphrase (scrypt): a backup on a USB stick
//! that is lost is of no use to whoever finds it. `age -d` opens them too.

use super::{BackupsError, io, sha256_of, sha256_of_reader, with_suffix, write_checksum};
use age::secrecy::SecretString;
use std::io::Read;
use std::path::Path;

/// A reader of what `sealed` holds, decrypted with `pass`.
fn opened(sealed: &Path, pass: &str) -> Result<impl Read, BackupsError> {
    let file = std::fs::File::open(sealed).map_err(io(sealed))?;
    let d = age::Decryptor::new(std::io::BufReader::new(file)).map_err(|_| {
        BackupsError::Backup(crate::store::BackupError::Damaged("not an age file".into()))
    })?;
    let identity = age::scrypt::Identity::new(SecretString::from(pass.to_string()));
    d.decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys | age::DecryptError::DecryptionFailed => {
                BackupsError::Passphrase
            }
            other => BackupsError::Backup(crate::store::BackupError::Damaged(other.to_string())),
        })
}

/// Encrypts the checked backup `plain` (whose SHA-256 is `plain_sha`) to `dest`: written as
/// `dest.part`, read back and decrypted to the same SHA-256, then renamed, with the
/// encrypted file's own checksum beside it. Returns its size and checksum.
pub(super) fn seal(
    plain: &Path,
    dest: &Path,
    pass: &str,
    plain_sha: &str,
) -> Result<(u64, String), BackupsError> {
    let part = with_suffix(dest, ".part");
    let result = (|| {
        let out = std::fs::File::create(&part).map_err(io(&part))?;
        let enc = age::Encryptor::with_user_passphrase(SecretString::from(pass.to_string()));
        let mut w = enc
            .wrap_output(std::io::BufWriter::new(out))
            .map_err(io(&part))?;
        let mut input = std::fs::File::open(plain).map_err(io(plain))?;
        std::io::copy(&mut input, &mut w).map_err(io(&part))?;
        let buffered = w.finish().map_err(io(&part))?;
        let file = buffered
            .into_inner()
            .map_err(|e| io(&part)(e.into_error()))?;
        file.sync_all().map_err(io(&part))?;
        // Read back: it must decrypt to exactly the checked backup.
        if sha256_of_reader(opened(&part, pass)?, &part)? != plain_sha {
            return Err(BackupsError::Checksum { path: part.clone() });
        }
        let sealed_sha = sha256_of(&part)?;
        let bytes = std::fs::metadata(&part).map_err(io(&part))?.len();
        std::fs::rename(&part, dest).map_err(io(dest))?;
        Ok((bytes, sealed_sha))
    })();
    let (bytes, sha) = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    write_checksum(dest, &sha)?;
    Ok((bytes, sha))
}

/// Decrypts `sealed` into `out` (a new file), for checking or restoring.
pub(super) fn unseal(sealed: &Path, pass: &str, out: &Path) -> Result<(), BackupsError> {
    let mut r = opened(sealed, pass)?;
    let mut f = std::fs::File::create(out).map_err(io(out))?;
    std::io::copy(&mut r, &mut f).map_err(|e| {
        let _ = std::fs::remove_file(out);
        BackupsError::Backup(crate::store::BackupError::Damaged(e.to_string()))
    })?;
    f.sync_all().map_err(io(out))
}
