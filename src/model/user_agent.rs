//! What a user agent string says about the browser and operating system
//! (for the list of sessions).

/// A browser and an operating system, by their usual names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UserAgent {
    /// `Chrome`, `Firefox`, `Safari`, `Edge`, `Opera`, `Chromium`.
    pub browser: Option<&'static str>,
    /// `Windows`, `macOS`, `iOS`, `Android`, `ChromeOS`, `Linux`.
    pub system: Option<&'static str>,
}

/// The browser and system a user agent string names; `None` for what is
/// not recognised.
///
/// ```
/// use leptos_kratos::model::user_agent::parse;
/// let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
/// assert_eq!(parse(chrome).browser, Some("Chrome"));
/// assert_eq!(parse(chrome).system, Some("Windows"));
/// assert_eq!(parse("curl/8.0").browser, None);
/// ```
pub fn parse(agent: &str) -> UserAgent {
    let has = |needle: &str| agent.contains(needle);
    let browser = if has("Edg/") {
        Some("Edge")
    } else if has("OPR/") || has("Opera") {
        Some("Opera")
    } else if has("Firefox/") {
        Some("Firefox")
    } else if has("Chromium/") {
        Some("Chromium")
    } else if has("Chrome/") || has("CriOS/") {
        Some("Chrome")
    } else if has("Safari/") {
        Some("Safari")
    } else {
        None
    };
    let system = if has("iPhone") || has("iPad") {
        Some("iOS")
    } else if has("Android") {
        Some("Android")
    } else if has("Windows") {
        Some("Windows")
    } else if has("Mac OS X") || has("Macintosh") {
        Some("macOS")
    } else if has("CrOS") {
        Some("ChromeOS")
    } else if has("Linux") {
        Some("Linux")
    } else {
        None
    };
    UserAgent { browser, system }
}

#[cfg(test)]
mod tests {
    use super::{UserAgent, parse};

    #[test]
    fn user_agents_are_named() {
        let cases = [
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
                Some("Firefox"),
                Some("Linux"),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
                Some("Safari"),
                Some("macOS"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 Mobile/15E148 Safari/604.1",
                Some("Chrome"),
                Some("iOS"),
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0",
                Some("Edge"),
                Some("Windows"),
            ),
            (
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
                Some("Chrome"),
                Some("Android"),
            ),
            ("kratos-client/1.0", None, None),
        ];
        for (agent, browser, system) in cases {
            assert_eq!(parse(agent), UserAgent { browser, system }, "{agent}");
        }
    }
}
