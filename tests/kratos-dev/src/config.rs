//! Configuration: command-line flags and `KRATOS_DEV_*` environment
//! variables at start, patchable at run time through `POST /__dev/config`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::time::{Millis, parse_duration};

/// Which assurance level sessions must have for whoami and settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequiredAal {
    /// A first factor is enough.
    Aal1,
    /// A second factor is needed when the identity has one (Kratos's default).
    HighestAvailable,
}

/// How long things live, in milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lifespans {
    /// Login flows.
    pub login: Millis,
    /// Registration flows.
    pub registration: Millis,
    /// Recovery flows.
    pub recovery: Millis,
    /// Verification flows.
    pub verification: Millis,
    /// Settings flows.
    pub settings: Millis,
    /// Sessions.
    pub session: Millis,
    /// How long after authenticating a session may change credentials.
    pub privileged_session: Millis,
    /// One-time codes.
    pub code: Millis,
}

/// Which methods (strategies) are enabled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Methods {
    /// Passwords.
    pub password: bool,
    /// One-time codes for recovery, verification and registration.
    pub code: bool,
    /// Sign in with a one-time code.
    pub login_code: bool,
    /// Authenticator apps.
    pub totp: bool,
    /// Backup recovery codes.
    pub lookup_secret: bool,
    /// The fake OpenID Connect provider.
    pub oidc: bool,
    /// Security keys.
    pub webauthn: bool,
    /// Passkeys.
    pub passkey: bool,
}

/// The server's configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// The port to listen on (loopback).
    pub port: u16,
    /// Kratos's public URL as the browser sees it (no trailing slash). With
    /// the `trunk serve` proxy this is the app's origin.
    pub public_url: String,
    /// Where the UI pages live (`<ui_url>/login`, ...), no trailing slash.
    pub ui_url: String,
    /// Where to go after a flow when nothing else is named.
    pub default_return_url: String,
    /// Kratos's `selfservice.allowed_return_urls`: `return_to` values under
    /// these URLs are allowed (besides `<public_url>/self-service`); relative
    /// ones only when the default return URL is under one of them. The
    /// command line defaults it to the UI's origin, as Kratos's quickstart
    /// configuration does.
    pub allowed_return_urls: Vec<String>,
    /// Origins allowed to call the API cross-origin with credentials.
    pub cors_origins: Vec<String>,
    /// Lifespans.
    pub lifespans: Lifespans,
    /// Enabled methods.
    pub methods: Methods,
    /// Login asks for the identifier first, then offers that account's methods.
    pub identifier_first: bool,
    /// Registration asks for the profile first, then for a credential.
    pub two_step_registration: bool,
    /// Whether registration is enabled.
    pub registration_enabled: bool,
    /// The AAL whoami and settings require.
    pub required_aal: RequiredAal,
    /// Recovery answers with `continue_with` instead of a 422 to settings.
    pub continue_with_transitions: bool,
    /// Registration signs the new identity in (the `session` hook).
    pub session_after_registration: bool,
    /// Registration sends a verification code and answers `show_verification_ui`.
    pub verification_after_registration: bool,
    /// A changed address in settings is applied only once verified (Kratos's
    /// `verify_new_address` settings hook): the settings flow answers with
    /// `show_verification_ui` and stays in `show_form`.
    #[serde(default)]
    pub verify_new_address: bool,
    /// Login refuses identities whose address is not verified (the
    /// `require_verified_address` hook): 403 with a verification flow.
    pub require_verified_address: bool,
    /// Seed the demo identity.
    pub seed: bool,
    /// Also serve this directory (a built UI, e.g. `dist/`) on the same
    /// origin: files by path, `index.html` for page routes.
    #[serde(default)]
    pub ui_dir: Option<String>,
    /// Send a strict Content-Security-Policy with the files of `ui_dir`
    /// (see [`Config::content_security_policy`]).
    #[serde(default)]
    pub csp: bool,
    /// Do not print mails to stdout.
    pub quiet: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            port: 4433,
            public_url: "http://127.0.0.1:4433".into(),
            ui_url: "http://localhost:8080".into(),
            default_return_url: "http://localhost:8080/".into(),
            allowed_return_urls: Vec::new(),
            cors_origins: Vec::new(),
            lifespans: Lifespans {
                login: 3_600_000,
                registration: 3_600_000,
                recovery: 3_600_000,
                verification: 3_600_000,
                settings: 3_600_000,
                session: 86_400_000,
                privileged_session: 900_000,
                code: 900_000,
            },
            methods: Methods {
                password: true,
                code: true,
                login_code: true,
                totp: true,
                lookup_secret: true,
                oidc: true,
                webauthn: true,
                passkey: true,
            },
            identifier_first: false,
            two_step_registration: false,
            registration_enabled: true,
            required_aal: RequiredAal::HighestAvailable,
            continue_with_transitions: false,
            session_after_registration: true,
            verification_after_registration: true,
            require_verified_address: false,
            verify_new_address: false,
            ui_dir: None,
            csp: false,
            seed: true,
            quiet: false,
        }
    }
}

/// The identity seeded for the demo.
pub const DEMO_EMAIL: &str = "demo@example.com";
/// Its password.
pub const DEMO_PASSWORD: &str = "demo-password-1234";

/// The help text of the command line.
pub const USAGE: &str = "\
kratos-dev: a Kratos-compatible development server (browser self-service API).

Usage: kratos-dev [options]   (each option also reads KRATOS_DEV_<NAME>, e.g. KRATOS_DEV_PORT)

  --port <n>                     listen on 127.0.0.1:<n> (4433)
  --public-url <url>             Kratos's URL as the browser sees it (http://127.0.0.1:<port>)
  --ui-url <url>                 where the UI pages live (http://localhost:8080)
  --default-return-url <url>     after-flow default (<ui-url>/)
  --allowed-return-url <url>     allow return_to under this URL (repeatable; default: the UI's origin)
  --cors-origin <origin>         allow this origin cross-origin with credentials (repeatable)
  --flow-lifespan <duration>     lifespan of every flow (1h); or --login-lifespan, --registration-lifespan,
                                 --recovery-lifespan, --verification-lifespan, --settings-lifespan
  --session-lifespan <duration>  (24h)
  --privileged-session-max-age <duration>  (15m)
  --code-lifespan <duration>     one-time codes (15m)
  --methods <list>               password,code,login_code,totp,lookup_secret,oidc,webauthn,passkey (all)
  --identifier-first <bool>      identifier-first login (false)
  --two-step-registration <bool> profile first, then credentials (false)
  --registration <bool>          registration enabled (true)
  --required-aal <aal1|highest_available>  for whoami and settings (highest_available)
  --continue-with-transitions <bool>  recovery answers continue_with instead of 422 (false)
  --session-after-registration <bool>  (true)
  --verification-after-registration <bool>  (true)
  --require-verified-address <bool>  login needs a verified address (false)
  --verify-new-address <bool>    a changed address applies once verified (false)
  --seed <bool>                  create demo@example.com / demo-password-1234 (true)
  --ui-dir <path>                also serve a built UI (e.g. dist/) on this origin: <page>.html or index.html for pages
  --csp <bool>                   send a strict Content-Security-Policy with the UI's files (false)
  --quiet                        do not print mails
  --config <json>                any of the above as a JSON object (same shape as GET /__dev/config)
";

impl Config {
    /// Reads the configuration from `KRATOS_DEV_*` variables, then flags.
    pub fn from_env_and_args(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut config = Config::default();
        let mut public_url_set = false;
        let mut default_return_set = false;
        let mut pairs: Vec<(String, String)> = std::env::vars()
            .filter_map(|(k, v)| {
                k.strip_prefix("KRATOS_DEV_")
                    .map(|name| (name.to_ascii_lowercase().replace('_', "-"), v))
            })
            .collect();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let Some(flag) = arg.strip_prefix("--") else {
                return Err(format!("unexpected argument {arg:?}"));
            };
            match flag.split_once('=') {
                Some((name, value)) => pairs.push((name.into(), value.into())),
                None if matches!(flag, "quiet" | "help") => {
                    pairs.push((flag.into(), "true".into()))
                }
                None => {
                    let value = args
                        .next()
                        .ok_or_else(|| format!("--{flag} needs a value"))?;
                    pairs.push((flag.into(), value));
                }
            }
        }
        for (name, value) in pairs {
            match name.as_str() {
                "help" => return Err(USAGE.into()),
                "port" => config.port = value.parse().map_err(|_| format!("bad port {value}"))?,
                "public-url" => {
                    config.public_url = value.trim_end_matches('/').into();
                    public_url_set = true;
                }
                "ui-url" => config.ui_url = value.trim_end_matches('/').into(),
                "default-return-url" => {
                    config.default_return_url = value;
                    default_return_set = true;
                }
                "allowed-return-url" | "allowed-return-urls" => config.allowed_return_urls.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(String::from),
                ),
                "cors-origin" | "cors-origins" => config.cors_origins.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(String::from),
                ),
                "flow-lifespan" => {
                    let d = duration(&name, &value)?;
                    let l = &mut config.lifespans;
                    (
                        l.login,
                        l.registration,
                        l.recovery,
                        l.verification,
                        l.settings,
                    ) = (d, d, d, d, d);
                }
                "login-lifespan" => config.lifespans.login = duration(&name, &value)?,
                "registration-lifespan" => config.lifespans.registration = duration(&name, &value)?,
                "recovery-lifespan" => config.lifespans.recovery = duration(&name, &value)?,
                "verification-lifespan" => config.lifespans.verification = duration(&name, &value)?,
                "settings-lifespan" => config.lifespans.settings = duration(&name, &value)?,
                "session-lifespan" => config.lifespans.session = duration(&name, &value)?,
                "privileged-session-max-age" => {
                    config.lifespans.privileged_session = duration(&name, &value)?
                }
                "code-lifespan" => config.lifespans.code = duration(&name, &value)?,
                "methods" => config.methods = methods(&value)?,
                "identifier-first" => config.identifier_first = boolean(&name, &value)?,
                "two-step-registration" => config.two_step_registration = boolean(&name, &value)?,
                "registration" => config.registration_enabled = boolean(&name, &value)?,
                "required-aal" => {
                    config.required_aal = serde_json::from_value(Value::String(value.clone()))
                        .map_err(|_| format!("bad --required-aal {value}"))?
                }
                "continue-with-transitions" => {
                    config.continue_with_transitions = boolean(&name, &value)?
                }
                "session-after-registration" => {
                    config.session_after_registration = boolean(&name, &value)?
                }
                "verification-after-registration" => {
                    config.verification_after_registration = boolean(&name, &value)?
                }
                "require-verified-address" => {
                    config.require_verified_address = boolean(&name, &value)?
                }
                "verify-new-address" => config.verify_new_address = boolean(&name, &value)?,
                "seed" => config.seed = boolean(&name, &value)?,
                "ui-dir" => config.ui_dir = Some(value),
                "csp" => config.csp = boolean(&name, &value)?,
                "quiet" => config.quiet = boolean(&name, &value)?,
                "config" => {
                    let patch: Value =
                        serde_json::from_str(&value).map_err(|e| format!("--config: {e}"))?;
                    config = config.patched(&patch)?;
                    public_url_set |= patch.get("public_url").is_some();
                    default_return_set |= patch.get("default_return_url").is_some();
                }
                other => return Err(format!("unknown option --{other}\n\n{USAGE}")),
            }
        }
        if !public_url_set {
            config.public_url = format!("http://127.0.0.1:{}", config.port);
        }
        if !default_return_set {
            config.default_return_url = format!("{}/", config.ui_url);
        }
        if config.allowed_return_urls.is_empty() {
            let ui_origin = leptos_kratos::url::policy::origin_of(&config.ui_url)
                .unwrap_or_else(|| config.ui_url.clone());
            config.allowed_return_urls = vec![format!("{ui_origin}/")];
        }
        Ok(config)
    }

    /// This configuration with the fields of `patch` (a partial JSON object) replaced.
    pub fn patched(&self, patch: &Value) -> Result<Self, String> {
        let mut current = serde_json::to_value(self).map_err(|e| e.to_string())?;
        merge(&mut current, patch);
        serde_json::from_value(current).map_err(|e| format!("invalid configuration: {e}"))
    }

    /// The UI page for a flow (`<ui_url>/login`).
    pub fn ui_page(&self, page: &str) -> String {
        format!("{}/{page}", self.ui_url)
    }

    /// A URL under Kratos's public URL.
    pub fn public(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// The policy the drop-in app is built to run under: no inline script
    /// or style, scripts and requests only to this origin and Kratos's,
    /// forms only posted there, no framing.
    pub fn content_security_policy(&self) -> String {
        let kratos = leptos_kratos::url::policy::origin_of(&self.public_url);
        let ui = leptos_kratos::url::policy::origin_of(&self.ui_url);
        let kratos = match kratos {
            Some(kratos) if Some(&kratos) != ui.as_ref() => format!(" {kratos}"),
            _ => String::new(),
        };
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{kratos}; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'{kratos}; form-action 'self'{kratos}; \
             base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
        )
    }

    /// Whether cookies must be `Secure`.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                match target.get_mut(key) {
                    Some(slot) if slot.is_object() && value.is_object() => merge(slot, value),
                    _ => {
                        target.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (target, patch) => *target = patch.clone(),
    }
}

fn duration(name: &str, value: &str) -> Result<Millis, String> {
    parse_duration(value).ok_or_else(|| format!("--{name}: bad duration {value:?}"))
}

fn boolean(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(format!("--{name}: expected true or false, got {value:?}")),
    }
}

fn methods(list: &str) -> Result<Methods, String> {
    let mut methods = Methods {
        password: false,
        code: false,
        login_code: false,
        totp: false,
        lookup_secret: false,
        oidc: false,
        webauthn: false,
        passkey: false,
    };
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match name {
            "password" => methods.password = true,
            "code" => methods.code = true,
            "login_code" => methods.login_code = true,
            "totp" => methods.totp = true,
            "lookup_secret" => methods.lookup_secret = true,
            "oidc" => methods.oidc = true,
            "webauthn" => methods.webauthn = true,
            "passkey" => methods.passkey = true,
            other => return Err(format!("--methods: unknown method {other:?}")),
        }
    }
    Ok(methods)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_patches() {
        let args = [
            "--port",
            "5000",
            "--identifier-first=true",
            "--methods",
            "password,totp",
            "--flow-lifespan",
            "2m",
        ];
        let config = Config::from_env_and_args(args.iter().map(|s| s.to_string())).unwrap();
        assert_eq!(config.port, 5000);
        assert_eq!(config.public_url, "http://127.0.0.1:5000");
        assert!(config.identifier_first);
        assert!(config.methods.password && config.methods.totp && !config.methods.oidc);
        assert_eq!(config.lifespans.login, 120_000);
        let patched = config
            .patched(&serde_json::json!({"methods": {"oidc": true}, "quiet": true}))
            .unwrap();
        assert!(patched.methods.oidc && patched.methods.password && patched.quiet);
        assert!(config.patched(&serde_json::json!({"port": "x"})).is_err());
        assert!(Config::from_env_and_args(["--nope".to_string()]).is_err());
    }
}
