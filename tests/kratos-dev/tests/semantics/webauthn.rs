//! WebAuthn and passkeys: ceremonies are verified (the end-to-end tests run real ones with
//! Chromium's virtual authenticator); invalid ones are refused.

use crate::common::{DEMO, Kratos, node};
use serde_json::json;

#[tokio::test]
async fn invalid_webauthn_ceremonies_are_refused_with_fresh_challenges() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("login", "").await;
    let before = node(&flow, "passkey_challenge").unwrap()["attributes"]["value"].clone();
    let forged = json!({"id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": {"authenticatorData": "AAAA", "clientDataJSON": "AAAA", "signature": "AAAA", "userHandle": "AAAA"}});
    let refused = k
        .submit(&flow, json!({"passkey_login": forged.to_string()}))
        .await;
    assert_eq!(
        (refused.status, refused.message_ids()),
        (400, vec![4000043])
    );
    let after = node(&refused.body, "passkey_challenge").unwrap()["attributes"]["value"].clone();
    assert_ne!(before, after, "a used challenge is replaced");
    let options: serde_json::Value = serde_json::from_str(after.as_str().unwrap()).unwrap();
    assert_eq!(options["publicKey"]["rpId"], "localhost");

    let registration = k.create("registration", "").await;
    let create: serde_json::Value = serde_json::from_str(
        node(&registration, "passkey_create_data").unwrap()["attributes"]["value"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        create["credentialOptions"]["publicKey"]["authenticatorSelection"]["residentKey"],
        "required"
    );
    assert_eq!(create["displayNameFieldName"], "traits.email");
    let attestation = json!({"id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": {"attestationObject": "AAAA", "clientDataJSON": "AAAA"}});
    let refused = k
        .submit(&registration, json!({"traits": {"email": "pk@example.com"}, "passkey_register": attestation.to_string()}))
        .await;
    assert_eq!(
        (refused.status, refused.message_ids()),
        (400, vec![4000043])
    );
    assert!(
        k.get("/__dev/identities")
            .await
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["traits"]["email"] != "pk@example.com")
    );

    k.login(DEMO.0, DEMO.1).await;
    let settings = k.create("settings", "").await;
    let trigger = node(&settings, "webauthn_register_trigger").unwrap();
    assert_eq!(
        trigger["attributes"]["onclickTrigger"],
        "oryWebAuthnRegistration"
    );
    let options: serde_json::Value =
        serde_json::from_str(trigger["attributes"]["value"].as_str().unwrap()).unwrap();
    assert!(options["publicKey"]["challenge"].is_string());
    assert!(node(&settings, "passkey_settings_register").is_some());
    let refused = k.submit(&settings, json!({"webauthn_register": attestation.to_string(), "webauthn_register_displayname": "x"})).await;
    assert_eq!(refused.status, 400);
}
