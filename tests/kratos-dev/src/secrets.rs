//! Password hashes (Argon2id), for the stored identities and the password
//! method.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, PasswordHash, Version};

fn hasher() -> Argon2<'static> {
    // Light parameters: this is a development server and tests hash often.
    let params = Params::new(8 * 1024, 1, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password (a PHC string with a random salt).
pub fn hash(password: &str) -> String {
    let salt: [u8; 16] = rand::random();
    hasher()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .unwrap_or_default()
}

/// Whether `password` matches `hash`.
pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify() {
        let hashed = hash("correct horse battery");
        assert!(hashed.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &hashed));
        assert!(!verify("wrong", &hashed));
        assert!(!verify("x", "not a hash"));
    }
}
