//! The sub-hashes for which a RustCrypto implementation matches the sph variant bit for bit.

use sha2::Digest;

/// Runs a 512-bit RustCrypto digest over `data`.
#[inline(always)]
fn digest64<D: Digest>(data: &[u8]) -> [u8; 64] {
    let mut out = [0u8; 64];
    out.copy_from_slice(&D::digest(data));
    out
}

/// Grøstl-512.
pub(crate) fn groestl512(data: &[u8]) -> [u8; 64] {
    digest64::<groestl::Groestl512>(data)
}

/// JH-512 (round-3 JH, 42 rounds).
pub(crate) fn jh512(data: &[u8]) -> [u8; 64] {
    digest64::<jh::Jh512>(data)
}

/// Keccak-512 with the original Keccak padding (not FIPS 202 SHA3-512).
pub(crate) fn keccak512(data: &[u8]) -> [u8; 64] {
    digest64::<sha3::Keccak512>(data)
}

/// Skein-512 with a 512-bit output.
pub(crate) fn skein512(data: &[u8]) -> [u8; 64] {
    digest64::<skein::Skein512<skein::consts::U64>>(data)
}

/// Shabal-512.
pub(crate) fn shabal512(data: &[u8]) -> [u8; 64] {
    digest64::<shabal::Shabal512>(data)
}

/// Whirlpool (the final version).
pub(crate) fn whirlpool512(data: &[u8]) -> [u8; 64] {
    digest64::<whirlpool::Whirlpool>(data)
}

/// SHA-512.
pub(crate) fn sha512(data: &[u8]) -> [u8; 64] {
    digest64::<sha2::Sha512>(data)
}

/// Tiger (original padding, not Tiger2), 192-bit output.
pub(crate) fn tiger192(data: &[u8]) -> [u8; 24] {
    let mut out = [0u8; 24];
    out.copy_from_slice(&tiger::Tiger::digest(data));
    out
}
