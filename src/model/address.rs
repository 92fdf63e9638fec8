//! Where a one-time code went, shown without giving the address away to
//! someone looking over the person's shoulder.

/// An e-mail address or phone number with most of it hidden: the first
/// character of an address's local part and its domain, or a number's `+`
/// and its last two digits. Anything else is masked whole.
///
/// ```
/// use leptos_kratos::model::mask_address;
/// assert_eq!(mask_address("ada@example.com"), "a•••@example.com");
/// assert_eq!(mask_address("  Ada.Lovelace@example.com "), "A•••@example.com");
/// assert_eq!(mask_address("a@example.com"), "a•••@example.com");
/// assert_eq!(mask_address("+49 151 1234 5678"), "+•••78");
/// assert_eq!(mask_address("0151 12345678"), "•••78");
/// assert_eq!(mask_address("@example.com"), "•••");
/// assert_eq!(mask_address("ada@"), "•••");
/// assert_eq!(mask_address("7"), "•••");
/// assert_eq!(mask_address(""), "•••");
/// ```
pub fn mask_address(address: &str) -> String {
    const HIDDEN: &str = "•••";
    let address = address.trim();
    if let Some((local, domain)) = address.rsplit_once('@') {
        return match local.chars().next() {
            Some(first) if !domain.is_empty() => format!("{first}{HIDDEN}@{domain}"),
            _ => HIDDEN.to_owned(),
        };
    }
    let digits: Vec<char> = address.chars().filter(char::is_ascii_digit).collect();
    let phone = digits.len() >= 6
        && address
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'));
    if !phone {
        return HIDDEN.to_owned();
    }
    let plus = if address.starts_with('+') { "+" } else { "" };
    let last: String = digits[digits.len() - 2..].iter().collect();
    format!("{plus}{HIDDEN}{last}")
}
