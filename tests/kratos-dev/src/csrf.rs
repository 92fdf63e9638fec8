//! Anti-CSRF tokens as Kratos (nosurf) does them: a random token in an
//! HttpOnly cookie named after the public URL, and a masked copy of it in
//! every flow's `csrf_token` node (different on every answer, same secret).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use crate::http::{Ctx, cookie};

const TOKEN_LENGTH: usize = 32;

/// `csrf_token_<hex sha256 of the public URL>`.
pub fn cookie_name(public_url: &str) -> String {
    let digest = Sha256::digest(format!("{public_url}/").as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("csrf_token_{hex}")
}

fn decode_token(value: &str) -> Option<Vec<u8>> {
    STANDARD
        .decode(value)
        .ok()
        .filter(|t| t.len() == TOKEN_LENGTH)
}

/// The request's CSRF token, creating one (and a `Set-Cookie`) if the cookie
/// is missing or invalid.
pub fn ensure(ctx: &mut Ctx, public_url: &str, secure: bool) -> String {
    let name = cookie_name(public_url);
    match ctx.cookies.get(&name).filter(|v| decode_token(v).is_some()) {
        Some(token) => token.clone(),
        None => regenerate(ctx, public_url, secure),
    }
}

/// A new CSRF token and cookie (after login, registration and logout).
pub fn regenerate(ctx: &mut Ctx, public_url: &str, secure: bool) -> String {
    let name = cookie_name(public_url);
    let token = STANDARD.encode(rand::random::<[u8; TOKEN_LENGTH]>());
    ctx.set_cookies
        .push(cookie(&name, &token, Some(31_536_000), secure));
    ctx.cookies.insert(name, token.clone());
    token
}

/// The request's CSRF token from its cookie, without creating one.
pub fn current(ctx: &Ctx, public_url: &str) -> Option<String> {
    ctx.cookies
        .get(&cookie_name(public_url))
        .filter(|v| decode_token(v).is_some())
        .cloned()
}

/// A masked copy of `token`: a random pad followed by pad XOR token.
pub fn mask(token: &str) -> String {
    let raw = decode_token(token).unwrap_or_else(|| vec![0; TOKEN_LENGTH]);
    let pad: [u8; TOKEN_LENGTH] = rand::random();
    let mut out = pad.to_vec();
    out.extend(raw.iter().zip(pad.iter()).map(|(t, p)| t ^ p));
    STANDARD.encode(out)
}

/// Whether `sent` (masked or not) carries `token`.
pub fn verify(sent: &str, token: &str) -> bool {
    let Some(expected) = decode_token(token) else {
        return false;
    };
    let Ok(sent) = STANDARD.decode(sent.trim()) else {
        return false;
    };
    let actual: Vec<u8> = match sent.len() {
        n if n == 2 * TOKEN_LENGTH => sent[..TOKEN_LENGTH]
            .iter()
            .zip(&sent[TOKEN_LENGTH..])
            .map(|(p, m)| p ^ m)
            .collect(),
        n if n == TOKEN_LENGTH => sent,
        _ => return false,
    };
    // Constant-time comparison.
    actual
        .iter()
        .zip(&expected)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_tokens_verify() {
        let token = STANDARD.encode([7u8; 32]);
        let a = mask(&token);
        let b = mask(&token);
        assert_ne!(a, b);
        assert!(verify(&a, &token) && verify(&b, &token) && verify(&token, &token));
        let other = STANDARD.encode([8u8; 32]);
        assert!(!verify(&a, &other));
        assert!(!verify("garbage", &token));
        assert!(cookie_name("http://127.0.0.1:4433").starts_with("csrf_token_"));
    }
}
