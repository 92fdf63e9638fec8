//! Authenticator apps (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) and
//! the QR code Kratos shows for them (a PNG data URI).

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new random secret, base32 without padding (160 bits).
pub fn new_secret() -> String {
    base32_encode(&rand::random::<[u8; 20]>())
}

fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text
        .trim_end_matches('=')
        .chars()
        .filter(|c| !c.is_whitespace())
    {
        let value = ALPHABET
            .iter()
            .position(|&a| a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

/// The code for a secret at a Unix time (seconds).
pub fn code_at(secret: &str, unix_secs: i64) -> Option<String> {
    let key = base32_decode(secret)?;
    let counter = (unix_secs.max(0) / 30) as u64;
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(&key).ok()?;
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[digest.len() - 1] & 0x0f) as usize;
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Some(format!("{:06}", value % 1_000_000))
}

/// Whether `code` is valid now (one step of clock skew either way).
pub fn verify(secret: &str, code: &str) -> bool {
    let now = crate::time::now() / 1000;
    [-30, 0, 30]
        .iter()
        .any(|skew| code_at(secret, now + skew).as_deref() == Some(code.trim()))
}

/// The `otpauth://` URL an authenticator app scans.
pub fn otpauth_url(secret: &str, account: &str) -> String {
    let issuer = "leptos-kratos dev";
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits=6&period=30",
        leptos_kratos::url::encode_component(issuer).replace('+', "%20"),
        leptos_kratos::url::encode_component(account),
        leptos_kratos::url::encode_component(issuer).replace('+', "%20"),
    )
}

/// A QR code of `data` as a `data:image/png;base64,...` URI, `size` pixels wide.
pub fn qr_data_uri(data: &str, size: u32) -> String {
    let Ok(code) = qrcode::QrCode::new(data.as_bytes()) else {
        return String::new();
    };
    let modules = code.width() as u32;
    let colors = code.to_colors();
    let quiet = 2;
    let cells = modules + 2 * quiet;
    let scale = (size / cells).max(1);
    let side = cells * scale;
    let mut pixels = vec![255u8; (side * side) as usize];
    for y in 0..modules {
        for x in 0..modules {
            if colors[(y * modules + x) as usize] == qrcode::Color::Dark {
                for dy in 0..scale {
                    let row = (y + quiet) * scale + dy;
                    let start = (row * side + (x + quiet) * scale) as usize;
                    pixels[start..start + scale as usize].fill(0);
                }
            }
        }
    }
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let written = encoder
            .write_header()
            .and_then(|mut writer| writer.write_image_data(&pixels));
        if written.is_err() {
            return String::new();
        }
    }
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_vectors() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890".
        let secret = base32_encode(b"12345678901234567890");
        assert_eq!(code_at(&secret, 59).as_deref(), Some("287082"));
        assert_eq!(code_at(&secret, 1_111_111_109).as_deref(), Some("081804"));
        assert_eq!(code_at(&secret, 2_000_000_000).as_deref(), Some("279037"));
        assert_eq!(base32_decode(&secret).unwrap(), b"12345678901234567890");
    }

    #[test]
    fn qr_codes_are_png() {
        let uri = qr_data_uri(&otpauth_url(&new_secret(), "a@b.c"), 256);
        assert!(uri.starts_with("data:image/png;base64,iVBORw0KGgo"));
    }
}
