//! The password method: Kratos's password policy (hashes are in
//! [`crate::secrets`]).

use leptos_kratos::model::UiText;

use crate::text;

/// Kratos's minimum password length.
pub const MIN_LENGTH: usize = 8;
/// The longest password accepted (bcrypt's limit in Kratos).
pub const MAX_LENGTH: usize = 72;

/// Kratos's policy: length, and not too similar to the identifier.
pub fn policy_violation(password: &str, identifier: &str) -> Option<UiText> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Some(text::password_min_length(MIN_LENGTH, length));
    }
    if length > MAX_LENGTH {
        return Some(text::password_max_length(MAX_LENGTH, length));
    }
    // Kratos's rule: too similar when the edit distance to the identifier is
    // below 5, or their longest common substring is over half the password.
    let password: Vec<char> = password.to_lowercase().chars().collect();
    let identifier: Vec<char> = identifier.to_lowercase().chars().collect();
    if !identifier.is_empty()
        && (levenshtein(&identifier, &password) < 5
            || longest_common_substring(&identifier, &password) as f32 / password.len() as f32
                > 0.5)
    {
        return Some(text::password_too_similar());
    }
    None
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

fn longest_common_substring(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut previous = vec![0; b.len() + 1];
    for ca in a {
        let mut current = vec![0; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            if ca == cb {
                current[j + 1] = previous[j] + 1;
                best = best.max(current[j + 1]);
            }
        }
        previous = current;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(policy_violation("short", "a@b.c").unwrap().id, 4000032);
        assert_eq!(
            policy_violation("alice@example.com", "alice@example.com")
                .unwrap()
                .id,
            4000031
        );
        assert_eq!(
            policy_violation("alice@example.org", "alice@example.com")
                .unwrap()
                .id,
            4000031
        );
        assert_eq!(
            policy_violation("xalice@examplex", "alice@example.com")
                .unwrap()
                .id,
            4000031
        );
        assert!(policy_violation("demo-password-1234", "demo@example.com").is_none());
        assert!(policy_violation("a long enough secret", "alice@example.com").is_none());
    }
}
