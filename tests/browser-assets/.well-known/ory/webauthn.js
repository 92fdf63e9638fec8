// A stand-in for Kratos's /.well-known/ory/webauthn.js in the browser tests
// (tests/web.rs serves Kratos "under" /tests/browser-assets): it defines
// the trigger function the way Kratos's script does, and records its call.
window.oryWebAuthnLogin = function (options) {
  window.__lkTriggered = options;
};
