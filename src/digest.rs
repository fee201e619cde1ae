//! SHA-256 in hex, as `sha256sum` writes it: the checksums of backups and of a page server's
//! copy of the chain.

use sha2::{Digest, Sha256};
use std::io::{Read, Write};

/// A SHA-256 of bytes as they pass, read out in hex.
#[derive(Default)]
pub struct Sha256Hex(Sha256);

impl Sha256Hex {
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub fn finish(self) -> String {
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The SHA-256 of everything `r` gives, in hex, and how many bytes that was.
pub fn sha256_of_reader(r: impl Read) -> std::io::Result<(String, u64)> {
    copy_hashed(r, std::io::sink(), 0, &mut |_| {})
}

/// Copies everything `r` gives to `w`: the SHA-256 of it, in hex, and how many bytes that was.
/// `progress` hears the bytes copied so far at every twentieth of `total` (the whole, when
/// known).
pub fn copy_hashed(
    mut r: impl Read,
    mut w: impl Write,
    total: u64,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256Hex::default();
    let mut buf = vec![0u8; 1 << 20];
    let (mut bytes, mut told) = (0u64, 0u64);
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            return Ok((hasher.finish(), bytes));
        }
        w.write_all(&buf[..n])?;
        hasher.update(&buf[..n]);
        bytes += n as u64;
        if total > 0 && bytes - told >= total / 20 {
            told = bytes;
            progress(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_hex_is_sha256sums() {
        let (hex, n) = super::sha256_of_reader(&b"abc"[..]).unwrap();
        assert_eq!(n, 3);
        assert_eq!(
            hex,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
