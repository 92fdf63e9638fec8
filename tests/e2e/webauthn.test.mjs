// Passkeys and security keys with Chromium's virtual authenticator (CDP),
// in both modes: "script" (Kratos's webauthn.js) and "native" (WebAssembly
// calling navigator.credentials, no script).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addVirtualAuthenticator, assertNoProblems, closeBrowser, logout, nativeBase, base, newPage, origin, register, uniqueEmail, waitForForm,
  recordAutofillStarts, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

// A page with a virtual platform authenticator (resident keys, user
// verification) that counts the requests for webauthn.js per page load.
async function pageWithAuthenticator(mode, { autofill = true } = {}) {
  const page = await newPage();
  if (!autofill) {
    // No conditional mediation: passkeys are used through the button only.
    await page.addInitScript(() => {
      if (window.PublicKeyCredential) {
        window.PublicKeyCredential.isConditionalMediationAvailable = async () => false;
      }
    });
  }
  page.base = mode === 'native' ? nativeBase : base;
  await addVirtualAuthenticator(page);
  page.scriptLoads = [];
  let current = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      current = 0;
      page.scriptLoads.push(0);
    }
  });
  page.on('request', (request) => {
    if (request.url().includes('/.well-known/ory/webauthn.js')) {
      current += 1;
      page.scriptLoads[page.scriptLoads.length - 1] = current;
    }
  });
  return page;
}

function assertScriptLoads(page, mode) {
  if (mode === 'native') {
    assert.ok(page.scriptLoads.every((n) => n === 0), `native mode loads no script: ${page.scriptLoads}`);
  } else {
    assert.ok(page.scriptLoads.every((n) => n <= 1), `webauthn.js at most once per page: ${page.scriptLoads}`);
    assert.ok(page.scriptLoads.some((n) => n === 1), 'webauthn.js was loaded');
  }
}

async function signUpWithPasskey(page, email) {
  await page.goto(`${origin(page)}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  // Waits until the button is enabled: the script (or browser) is ready.
  await page.getByRole('button', { name: 'Sign up with passkey' }).click();
  await waitForPath(page, '/verification');
  const session = await whoami(page);
  assert.equal(session.status, 200, JSON.stringify(session.body));
  assert.equal(session.body.identity.traits.email, email);
  assert.equal(session.body.authentication_methods[0].method, 'passkey');
}

async function assertSignedInWithPasskey(page, email) {
  await waitForPath(page, '/');
  await page.getByText(`Signed in as ${email}`).waitFor();
  const session = await whoami(page);
  assert.equal(session.body.identity.traits.email, email);
  assert.equal(session.body.authentication_methods.at(-1).method, 'passkey');
}

for (const mode of ['script', 'native']) {
  test(`${mode} mode: sign up with a passkey, sign out, the passkey button signs in`, async () => {
    const page = await pageWithAuthenticator(mode, { autofill: false });
    const email = uniqueEmail(`passkey-${mode}`);
    await signUpWithPasskey(page, email);
    await logout(page);
    await page.goto(`${origin(page)}/login`);
    await waitForForm(page);
    await page.getByRole('button', { name: 'Sign in with passkey' }).click();
    await assertSignedInWithPasskey(page, email);
    assertScriptLoads(page, mode);
    await assertNoProblems(page);
  });

  test(`${mode} mode: passkey autofill signs in as the login page opens`, async () => {
    const page = await pageWithAuthenticator(mode);
    const email = uniqueEmail(`autofill-${mode}`);
    await signUpWithPasskey(page, email);
    await logout(page);
    // The virtual authenticator answers the conditional request at once, so
    // the login page may be gone before a locator could find the field: an
    // observer in the page reports the identifier's autocomplete as soon as
    // the field is rendered.
    const identifierAutocomplete = [];
    await page.exposeFunction('reportIdentifierAutocomplete', (value) => identifierAutocomplete.push(value));
    await page.addInitScript(() => {
      const report = (root) => {
        const field = root.querySelector?.('input[name="identifier"]');
        if (field) window.reportIdentifierAutocomplete(field.getAttribute('autocomplete'));
      };
      new MutationObserver((records) => {
        for (const record of records) record.addedNodes.forEach((node) => node.parentNode && report(node.parentNode));
      }).observe(document, { childList: true, subtree: true });
    });
    const autofillStarts = await recordAutofillStarts(page);
    await page.goto(`${origin(page)}/login`);
    await assertSignedInWithPasskey(page, email);
    // Script mode calls webauthn.js, once; native mode runs it itself.
    assert.equal(autofillStarts.length, mode === 'script' ? 1 : 0, `autofill starts: ${autofillStarts}`);
    assert.ok(identifierAutocomplete.length > 0, 'the login page rendered the identifier');
    assert.ok(
      identifierAutocomplete.every((value) => value === 'username webauthn'),
      `the identifier asks for passkey autofill: ${identifierAutocomplete}`,
    );
    assertScriptLoads(page, mode);
    await assertNoProblems(page);
  });

  test(`${mode} mode: a security key added in settings guards the next login`, async () => {
    const page = await pageWithAuthenticator(mode);
    const email = uniqueEmail(`key-${mode}`);
    await register(page, email, 'password for the key test');
    await page.goto(`${origin(page)}/settings`);
    await waitForForm(page);
    await page.getByLabel('Name of the security key').fill('Desk key');
    await page.getByRole('button', { name: 'Add security key' }).click();
    if (mode === 'script') {
      // webauthn.js posts the form natively; Kratos sends the browser back
      // to the flow, which the new second factor now guards (the session
      // is aal1): the aal2 login first, then back to the saved flow.
      await page.getByText('Please complete the second authentication challenge.').waitFor();
      await page.getByRole('button', { name: 'Sign in with a hardware key' }).click();
      await waitForPath(page, '/settings');
    }
    await page.getByRole('button', { name: 'Remove security key "Desk key"' }).waitFor();
    await page.getByText('Your changes have been saved!').waitFor();

    await logout(page);
    await page.goto(`${origin(page)}/login`);
    await page.getByLabel('ID').fill(email);
    await page.getByLabel('Password').fill('password for the key test');
    await page.getByRole('button', { name: 'Sign in with password' }).click();
    await page.getByText('Please complete the second authentication challenge.').waitFor();
    await page.getByRole('button', { name: 'Sign in with a hardware key' }).click();
    await waitForPath(page, '/');
    const session = await whoami(page);
    assert.equal(session.status, 200);
    assert.equal(session.body.authenticator_assurance_level, 'aal2');
    assert.equal(session.body.authentication_methods.at(-1).method, 'webauthn');
    assertScriptLoads(page, mode);
    await assertNoProblems(page);
  });
}
