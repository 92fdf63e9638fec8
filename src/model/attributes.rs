//! The attributes of each node type (`ui.nodes[].attributes`): inputs,
//! images, anchors, texts, scripts and divisions.

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::json::{Extra, string_enum, value_to_form_string};
use super::read::{Fields, FromJson, deserialize_from_json};
use super::text::UiText;

string_enum! {
    /// The `type` of an input node.
    pub enum InputType {
        /// Free text.
        Text = "text",
        /// A password; never echoed back by Kratos.
        Password = "password",
        /// A number.
        Number = "number",
        /// A boolean.
        Checkbox = "checkbox",
        /// State carried by the form (`csrf_token`, `method`, WebAuthn results).
        Hidden = "hidden",
        /// An e-mail address.
        Email = "email",
        /// A phone number.
        Tel = "tel",
        /// A submit button; only the clicked one is sent.
        Submit = "submit",
        /// A button that runs a script trigger and is never submitted.
        Button = "button",
        /// A local date and time.
        DatetimeLocal = "datetime-local",
        /// A date.
        Date = "date",
        /// A URL.
        Url = "url",
    }
}

impl InputType {
    /// The `type` attribute to use on an `<input>`: known types map to
    /// themselves, anything unknown or empty is rendered as `text`.
    pub fn html_type(&self) -> &str {
        match self {
            Self::Unknown(_) => "text",
            known => known.as_str(),
        }
    }

    /// Whether the node is a button (`submit` or `button`) rather than a field.
    pub fn is_button(&self) -> bool {
        matches!(self, Self::Submit | Self::Button)
    }
}

string_enum! {
    /// A function that Kratos's `webauthn.js` defines on `window`
    /// (`onclickTrigger` / `onloadTrigger`).
    pub enum WebAuthnTrigger {
        /// Security-key registration.
        OryWebAuthnRegistration = "oryWebAuthnRegistration",
        /// Security-key login.
        OryWebAuthnLogin = "oryWebAuthnLogin",
        /// Passkey login (modal).
        OryPasskeyLogin = "oryPasskeyLogin",
        /// Passkey autofill (conditional mediation), started when the form shows.
        OryPasskeyLoginAutocompleteInit = "oryPasskeyLoginAutocompleteInit",
        /// Passkey registration.
        OryPasskeyRegistration = "oryPasskeyRegistration",
        /// Adding a passkey in settings.
        OryPasskeySettingsRegistration = "oryPasskeySettingsRegistration",
    }
}

/// One allowed value of an input built from a JSON-schema `enum`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct InputOption {
    /// The value to submit.
    pub value: Value,
    /// A label for the option, if Kratos sends one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<UiText>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Attributes of an `input` node.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct InputAttributes {
    /// The form field name, possibly dotted (`traits.email`). Several nodes
    /// may share a name (e.g. `method` buttons with different values).
    /// Required: an input without a text name is kept as an unknown node
    /// (its label and messages still show).
    pub name: String,
    /// The input type.
    #[serde(rename = "type")]
    pub input_type: InputType,
    /// The current value: any JSON (strings, numbers, booleans, JSON-in-a-string).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Whether the field is required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Whether the field is disabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// The `autocomplete` hint (`email`, `current-password`, `username webauthn`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<String>,
    /// A label inside the attributes; Kratos normally uses `meta.label`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<UiText>,
    /// A regular expression the value must match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The maximum length of the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maxlength: Option<i64>,
    /// Deprecated inline JavaScript to run on click; never evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onclick: Option<String>,
    /// The `webauthn.js` function to call on click.
    #[serde(rename = "onclickTrigger", skip_serializing_if = "Option::is_none")]
    pub onclick_trigger: Option<WebAuthnTrigger>,
    /// Deprecated inline JavaScript to run on load; never evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onload: Option<String>,
    /// The `webauthn.js` function to call when the form is shown.
    #[serde(rename = "onloadTrigger", skip_serializing_if = "Option::is_none")]
    pub onload_trigger: Option<WebAuthnTrigger>,
    /// Allowed values (from a JSON-schema `enum`); rendered as a `<select>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<InputOption>>,
    /// Fields not named above (including `node_type`).
    #[serde(flatten)]
    pub extra: Extra,
}

fn unknown_input_type() -> InputType {
    InputType::Unknown(String::new())
}

impl Default for InputType {
    fn default() -> Self {
        unknown_input_type()
    }
}

impl InputAttributes {
    /// Whether the field is required.
    pub fn is_required(&self) -> bool {
        self.required.unwrap_or(false)
    }

    /// Whether the field is disabled.
    pub fn is_disabled(&self) -> bool {
        self.disabled.unwrap_or(false)
    }

    /// The value as a form field carries it (see [`value_to_form_string`]).
    pub fn value_string(&self) -> String {
        self.value
            .as_ref()
            .map(value_to_form_string)
            .unwrap_or_default()
    }

    /// Whether a checkbox is checked (`true` or `"true"`).
    pub fn is_checked(&self) -> bool {
        matches!(&self.value, Some(Value::Bool(true)))
            || matches!(&self.value, Some(Value::String(s)) if s == "true")
    }

    /// Whether the field takes a one-time code sent by e-mail or SMS or
    /// shown by an authenticator app (`code`, `totp_code`): digits, typed
    /// or pasted, that the device may offer to fill in.
    ///
    /// ```
    /// use leptos_kratos::model::{InputAttributes, InputType};
    /// let code = |name: &str, input_type| InputAttributes { name: name.into(), input_type, ..Default::default() };
    /// assert!(code("code", InputType::Text).is_one_time_code());
    /// assert!(code("totp_code", InputType::Text).is_one_time_code());
    /// assert!(!code("code", InputType::Submit).is_one_time_code());
    /// assert!(!code("lookup_secret", InputType::Text).is_one_time_code());
    /// ```
    pub fn is_one_time_code(&self) -> bool {
        matches!(self.name.as_str(), "code" | "totp_code")
            && matches!(
                self.input_type,
                InputType::Text | InputType::Number | InputType::Tel
            )
    }

    /// The `autocomplete` hint to render: Kratos's, else `one-time-code`
    /// for [one-time codes](Self::is_one_time_code).
    pub fn autocomplete_hint(&self) -> Option<String> {
        self.autocomplete
            .clone()
            .or_else(|| self.is_one_time_code().then(|| "one-time-code".to_owned()))
    }
}

/// A pasted one-time code (4 to 12 digits) without the spaces and dashes
/// mail clients and authenticator apps put in (`123 456`, `123-456`);
/// `None` when the text is anything else (a sentence), so it is pasted as
/// it is.
///
/// ```
/// use leptos_kratos::model::pasted_code;
/// assert_eq!(pasted_code(" 123 456 "), Some("123456".into()));
/// assert_eq!(pasted_code("123-456"), Some("123456".into()));
/// assert_eq!(pasted_code("Your code is 123456"), None);
/// assert_eq!(pasted_code("Yourcode 1234"), None);
/// assert_eq!(pasted_code(""), None);
/// ```
pub fn pasted_code(text: &str) -> Option<String> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    ((4..=12).contains(&code.len()) && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
}

/// Attributes of an `img` node (the TOTP QR code).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImageAttributes {
    /// The image URL; for TOTP a `data:image/png;base64,...` URI.
    pub src: String,
    /// The node id, e.g. `totp_qr`.
    pub id: String,
    /// Width in CSS pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    /// Height in CSS pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    /// Fields not named above (including `node_type`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Attributes of an `a` node (e.g. "Continue" after verification).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AnchorAttributes {
    /// The destination.
    pub href: String,
    /// The link text; may be `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<UiText>,
    /// The node id, e.g. `continue`.
    pub id: String,
    /// Fields not named above (including `node_type`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Attributes of a `text` node (TOTP secret, lookup-secret codes).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TextAttributes {
    /// The text; may be `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<UiText>,
    /// The node id, e.g. `totp_secret_key` or `lookup_secret_codes`.
    pub id: String,
    /// Fields not named above (including `node_type`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Attributes of a `script` node (`webauthn.js`, captcha scripts).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ScriptAttributes {
    /// The script URL.
    pub src: String,
    /// Whether to load it asynchronously.
    #[serde(rename = "async", skip_serializing_if = "Option::is_none")]
    pub is_async: Option<bool>,
    /// The referrer policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrerpolicy: Option<String>,
    /// The CORS mode (`anonymous`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crossorigin: Option<String>,
    /// Subresource integrity hash (`sha512-...`), possibly empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrity: Option<String>,
    /// The MIME type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub script_type: Option<String>,
    /// The node id, e.g. `webauthn_script`; old servers leave it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A nonce for Content-Security-Policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// Fields not named above (including `node_type`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Attributes of a `div` node: a DOM hook for a widget (the captcha container).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DivisionAttributes {
    /// The element id the widget looks for.
    pub id: String,
    /// A class name to put on the element.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// Values for `data-*` attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Extra>,
    /// Fields not named above (including `node_type`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A node's attributes, by node type.
// Input attributes are the largest and by far the most common variant;
// boxing them would cost an allocation per node to save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum NodeAttributes {
    /// `input`: a form field or button.
    Input(InputAttributes),
    /// `img`: an image.
    Image(ImageAttributes),
    /// `a`: a link.
    Anchor(AnchorAttributes),
    /// `text`: a piece of text.
    Text(TextAttributes),
    /// `script`: a script to load.
    Script(ScriptAttributes),
    /// `div`: a container for a widget.
    Division(DivisionAttributes),
    /// A node type this version does not know, or attributes that do not fit
    /// their type; kept verbatim.
    Unknown {
        /// The node's `type` as sent.
        node_type: String,
        /// The attributes as sent.
        attributes: Value,
    },
}

impl FromJson for InputOption {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            value: fields.any("value").unwrap_or_default(),
            label: fields.read("label"),
            extra: fields.rest(),
        })
    }
}

impl InputAttributes {
    /// Reads input attributes whose `name` is known to be text.
    fn from_fields(mut fields: Fields) -> Self {
        Self {
            name: fields.text("name").unwrap_or_default(),
            input_type: fields.read("type").unwrap_or_default(),
            value: fields.any("value"),
            required: fields.flag("required"),
            disabled: fields.flag("disabled"),
            autocomplete: fields.text("autocomplete"),
            label: fields.read("label"),
            pattern: fields.text("pattern"),
            maxlength: fields.int("maxlength"),
            onclick: fields.text("onclick"),
            onclick_trigger: fields.read("onclickTrigger"),
            onload: fields.text("onload"),
            onload_trigger: fields.read("onloadTrigger"),
            options: fields.all("options"),
            extra: fields.rest(),
        }
    }
}

/// Whether input attributes carry the `name` they need (a text).
fn has_name(map: &Map<String, Value>) -> bool {
    map.get("name").is_some_and(Value::is_string)
}

impl FromJson for InputAttributes {
    /// Attributes without a text `name` do not fit.
    fn from_json_value(value: Value) -> Option<Self> {
        match value {
            Value::Object(map) if has_name(&map) => Some(Self::from_fields(Fields::from(map))),
            _ => None,
        }
    }
}

impl From<Fields> for ImageAttributes {
    fn from(mut fields: Fields) -> Self {
        Self {
            src: fields.text("src").unwrap_or_default(),
            id: fields.text("id").unwrap_or_default(),
            width: fields.int("width"),
            height: fields.int("height"),
            extra: fields.rest(),
        }
    }
}

impl From<Fields> for AnchorAttributes {
    fn from(mut fields: Fields) -> Self {
        Self {
            href: fields.text("href").unwrap_or_default(),
            title: fields.read("title"),
            id: fields.text("id").unwrap_or_default(),
            extra: fields.rest(),
        }
    }
}

impl From<Fields> for TextAttributes {
    fn from(mut fields: Fields) -> Self {
        Self {
            text: fields.read("text"),
            id: fields.text("id").unwrap_or_default(),
            extra: fields.rest(),
        }
    }
}

impl From<Fields> for ScriptAttributes {
    fn from(mut fields: Fields) -> Self {
        Self {
            src: fields.text("src").unwrap_or_default(),
            is_async: fields.flag("async"),
            referrerpolicy: fields.text("referrerpolicy"),
            crossorigin: fields.text("crossorigin"),
            integrity: fields.text("integrity"),
            script_type: fields.text("type"),
            id: fields.text("id"),
            nonce: fields.text("nonce"),
            extra: fields.rest(),
        }
    }
}

impl From<Fields> for DivisionAttributes {
    fn from(mut fields: Fields) -> Self {
        Self {
            id: fields.text("id").unwrap_or_default(),
            class: fields.text("class"),
            data: fields.object("data"),
            extra: fields.rest(),
        }
    }
}

/// The attribute types other than inputs fit any object.
macro_rules! from_any_object {
    ($($name:ty),+) => {
        $(
            impl FromJson for $name {
                fn from_json_value(value: Value) -> Option<Self> {
                    Fields::of(value).map(Self::from)
                }
            }
        )+
    };
}
from_any_object!(
    ImageAttributes,
    AnchorAttributes,
    TextAttributes,
    ScriptAttributes,
    DivisionAttributes
);

deserialize_from_json!(
    InputOption,
    InputAttributes,
    ImageAttributes,
    AnchorAttributes,
    TextAttributes,
    ScriptAttributes,
    DivisionAttributes
);

impl NodeAttributes {
    /// The node type as Kratos names it (`input`, `img`, `a`, `text`, `script`, `div`).
    pub fn node_type(&self) -> &str {
        match self {
            Self::Input(_) => "input",
            Self::Image(_) => "img",
            Self::Anchor(_) => "a",
            Self::Text(_) => "text",
            Self::Script(_) => "script",
            Self::Division(_) => "div",
            Self::Unknown { node_type, .. } => node_type,
        }
    }

    /// Builds typed attributes for `node_type`. Attributes that do not fit
    /// their type are kept as [`NodeAttributes::Unknown`] instead of failing.
    pub fn from_json(node_type: &str, attributes: Value) -> Self {
        match (node_type, attributes) {
            ("input", Value::Object(map)) if has_name(&map) => {
                Self::Input(InputAttributes::from_fields(Fields::from(map)))
            }
            ("img", Value::Object(map)) => Self::Image(Fields::from(map).into()),
            ("a", Value::Object(map)) => Self::Anchor(Fields::from(map).into()),
            ("text", Value::Object(map)) => Self::Text(Fields::from(map).into()),
            ("script", Value::Object(map)) => Self::Script(Fields::from(map).into()),
            ("div", Value::Object(map)) => Self::Division(Fields::from(map).into()),
            (_, attributes) => Self::Unknown {
                node_type: node_type.to_owned(),
                attributes,
            },
        }
    }

    /// The input attributes, if this is an input node.
    pub fn as_input(&self) -> Option<&InputAttributes> {
        match self {
            Self::Input(input) => Some(input),
            _ => None,
        }
    }
}

impl Serialize for NodeAttributes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Input(a) => a.serialize(serializer),
            Self::Image(a) => a.serialize(serializer),
            Self::Anchor(a) => a.serialize(serializer),
            Self::Text(a) => a.serialize(serializer),
            Self::Script(a) => a.serialize(serializer),
            Self::Division(a) => a.serialize(serializer),
            Self::Unknown { attributes, .. } => attributes.serialize(serializer),
        }
    }
}
