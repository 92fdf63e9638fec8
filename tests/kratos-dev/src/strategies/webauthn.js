// webauthn.js of the leptos-kratos development server.
//
// Implements the contract of Kratos's /.well-known/ory/webauthn.js: it
// defines oryWebAuthnLogin, oryWebAuthnRegistration, oryPasskeyLogin,
// oryPasskeyLoginAutocompleteInit, oryPasskeyRegistration and
// oryPasskeySettingsRegistration on window (and the deprecated __ aliases),
// reads the options from the form's nodes, runs the ceremony with
// navigator.credentials, writes the credential JSON into the result input
// and submits the form natively. Written for this project.
(function () {
  "use strict";
  if (window.__oryWebAuthnInitialized) {
    return;
  }
  window.__oryWebAuthnInitialized = true;
  if (!window.PublicKeyCredential) {
    return;
  }

  function decode(value) {
    var base64 = String(value).replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) {
      base64 += "=";
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function encode(buffer) {
    if (!buffer) {
      return "";
    }
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function parse(value) {
    return typeof value === "string" ? JSON.parse(value) : value;
  }

  function requestOptions(options) {
    var publicKey = Object.assign({}, options.publicKey);
    publicKey.challenge = decode(publicKey.challenge);
    publicKey.allowCredentials = (publicKey.allowCredentials || []).map(function (credential) {
      return Object.assign({}, credential, { id: decode(credential.id) });
    });
    return publicKey;
  }

  function creationOptions(options) {
    var publicKey = Object.assign({}, options.publicKey);
    publicKey.challenge = decode(publicKey.challenge);
    publicKey.user = Object.assign({}, publicKey.user, { id: decode(publicKey.user.id) });
    publicKey.excludeCredentials = (publicKey.excludeCredentials || []).map(function (credential) {
      return Object.assign({}, credential, { id: decode(credential.id) });
    });
    return publicKey;
  }

  function assertionJSON(credential) {
    return JSON.stringify({
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: encode(credential.response.authenticatorData),
        clientDataJSON: encode(credential.response.clientDataJSON),
        signature: encode(credential.response.signature),
        userHandle: encode(credential.response.userHandle),
      },
    });
  }

  function attestationJSON(credential) {
    return JSON.stringify({
      id: credential.id,
      rawId: encode(credential.rawId),
      type: credential.type,
      response: {
        attestationObject: encode(credential.response.attestationObject),
        clientDataJSON: encode(credential.response.clientDataJSON),
      },
    });
  }

  function submit(element) {
    var form = element && element.closest("form");
    if (form) {
      form.submit();
    }
  }

  function byName(name) {
    return document.getElementsByName(name)[0];
  }

  function oryWebAuthnLogin(options, resultSelector, triggerSelector) {
    resultSelector = resultSelector || '*[name="webauthn_login"]';
    triggerSelector = triggerSelector || '*[name="webauthn_login_trigger"]';
    var trigger = document.querySelector(triggerSelector);
    var publicKey = requestOptions(parse(options || trigger.value));
    return navigator.credentials.get({ publicKey: publicKey }).then(function (credential) {
      var result = document.querySelector(resultSelector);
      result.value = assertionJSON(credential);
      submit(trigger || result);
    }).catch(function (error) {
      console.error(error);
      alert(error);
    });
  }

  function oryWebAuthnRegistration(options, resultSelector, triggerSelector) {
    resultSelector = resultSelector || '*[name="webauthn_register"]';
    triggerSelector = triggerSelector || '*[name="webauthn_register_trigger"]';
    var trigger = document.querySelector(triggerSelector);
    var publicKey = creationOptions(parse(options || trigger.value));
    return navigator.credentials.create({ publicKey: publicKey }).then(function (credential) {
      var result = document.querySelector(resultSelector);
      result.value = attestationJSON(credential);
      submit(trigger || result);
    }).catch(function (error) {
      console.error(error);
      alert(error);
    });
  }

  function abortConditional() {
    if (window.abortPasskeyConditionalUI) {
      window.abortPasskeyConditionalUI.abort("a new passkey request started");
      window.abortPasskeyConditionalUI = undefined;
    }
  }

  function oryPasskeyLogin() {
    var challenge = byName("passkey_challenge");
    var result = byName("passkey_login");
    if (!challenge || !result) {
      return Promise.resolve();
    }
    abortConditional();
    var publicKey = requestOptions(parse(challenge.value));
    return navigator.credentials.get({ publicKey: publicKey }).then(function (credential) {
      result.value = assertionJSON(credential);
      submit(result);
    }).catch(function (error) {
      console.warn(error);
      oryPasskeyLoginAutocompleteInit();
    });
  }

  function oryPasskeyLoginAutocompleteInit() {
    var challenge = byName("passkey_challenge");
    var result = byName("passkey_login");
    var identifier = byName("identifier");
    if (!challenge || !result || !identifier || window.Cypress) {
      return Promise.resolve();
    }
    if (!PublicKeyCredential.isConditionalMediationAvailable) {
      return Promise.resolve();
    }
    return PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
      if (!available) {
        return;
      }
      abortConditional();
      var controller = new AbortController();
      window.abortPasskeyConditionalUI = controller;
      var publicKey = requestOptions(parse(challenge.value));
      return navigator.credentials.get({
        publicKey: publicKey,
        mediation: "conditional",
        signal: controller.signal,
      }).then(function (credential) {
        result.value = assertionJSON(credential);
        submit(result);
      });
    }).catch(function (error) {
      // Autofill ends without a credential whenever the user signs in
      // another way or leaves: not an error.
      console.debug(error);
    });
  }

  function oryPasskeyRegistration() {
    var data = byName("passkey_create_data");
    var result = byName("passkey_register");
    if (!data || !result) {
      return Promise.resolve();
    }
    var createData = parse(data.value);
    var names = createData.displayNameFieldNames || [createData.displayNameFieldName];
    var displayName = "";
    names.some(function (name) {
      var field = name && byName(name);
      displayName = (field && field.value) || "";
      return displayName !== "";
    });
    var publicKey = creationOptions(createData.credentialOptions);
    publicKey.user.name = displayName;
    publicKey.user.displayName = displayName;
    return navigator.credentials.create({ publicKey: publicKey }).then(function (credential) {
      result.value = attestationJSON(credential);
      submit(result);
    }).catch(function (error) {
      console.error(error);
    });
  }

  function oryPasskeySettingsRegistration() {
    var data = byName("passkey_create_data");
    var result = byName("passkey_settings_register");
    if (!data || !result) {
      return Promise.resolve();
    }
    var publicKey = creationOptions(parse(data.value));
    return navigator.credentials.create({ publicKey: publicKey }).then(function (credential) {
      result.value = attestationJSON(credential);
      submit(result);
    }).catch(function (error) {
      console.error(error);
    });
  }

  var functions = {
    oryWebAuthnLogin: oryWebAuthnLogin,
    oryWebAuthnRegistration: oryWebAuthnRegistration,
    oryPasskeyLogin: oryPasskeyLogin,
    oryPasskeyLoginAutocompleteInit: oryPasskeyLoginAutocompleteInit,
    oryPasskeyRegistration: oryPasskeyRegistration,
    oryPasskeySettingsRegistration: oryPasskeySettingsRegistration,
  };
  Object.keys(functions).forEach(function (name) {
    window[name] = functions[name];
    window["__" + name] = functions[name];
  });
  window.dispatchEvent(new CustomEvent("oryWebAuthnInitialized"));
})();
