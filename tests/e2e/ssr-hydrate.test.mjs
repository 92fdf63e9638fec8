// The server-rendered example (examples/ssr) with JavaScript on: the browser
// hydrates the server's form from the same answer (no second request for
// the flow) and from then on behaves as the client-side components do —
// submissions in place with focus on the error, an expired flow replaced,
// passkeys (the button and autofill). What a person types while the WebAssembly is still loading is
// kept, and a form sent before it arrives is a native post that works.
// Every page is checked for page errors, console errors and warnings (a
// hydration mismatch is one), CSP violations and accessibility.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addVirtualAuthenticator, assertNoProblems, closeBrowser, expireFlow, flowId, newPage, recordAutofillStarts,
  ssrBase as ssr, ssrKratos as kratos, uniqueEmail, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

// A page that also counts console warnings as problems and records every
// request it makes to Kratos as "METHOD path (resource type)".
async function hydratingPage() {
  const page = await newPage();
  page.on('console', (message) => {
    if (message.type() === 'warning') page.problems.push(`console warning: ${message.text()}`);
  });
  page.kratosRequests = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === kratos) page.kratosRequests.push(`${request.method()} ${url.pathname} (${request.resourceType()})`);
  });
  return page;
}

// Opens the server's login page with its WebAssembly held back until the
// returned function is called.
async function openLoginWithWasmHeld(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/pkg/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${ssr}/login`);
  return release;
}

// Hydrated: controls that need the script (show password) are no longer hidden.
async function waitForHydration(page) {
  await page.getByRole('button', { name: 'Show password' }).waitFor();
}

// Types the demo account's identifier and password into the login form.
async function typeDemoCredentials(page) {
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password', { exact: true }).fill('demo-password-1234');
}

// The login form still holds what typeDemoCredentials typed.
async function assertDemoCredentialsKept(page) {
  assert.equal(await page.getByLabel('ID').inputValue(), 'demo@example.com');
  assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), 'demo-password-1234');
}

// Signs out with the home page's button and waits for the login page. The
// button leaves for its return address while the page's <RequireSession>,
// seeing the session gone, leaves for the login page too: the browser
// follows the later one and aborts the other, so this waits on the page
// reached, not on a navigation.
async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('.lk-card[data-flow="login"]').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
}

// Requests the page made to Kratos for a flow of `kind` (creating or fetching it).
function flowRequests(page, kind) {
  return page.kratosRequests.filter((r) => r.startsWith(`GET /self-service/${kind}/`));
}

test('hydrated: the server\'s flow is used as it is, a wrong password is answered in place, then sign in and out', async () => {
  const page = await hydratingPage();
  await page.goto(`${ssr}/`);
  await waitForPath(page, '/login');
  await waitForHydration(page);
  assert.deepEqual(flowRequests(page, 'login'), [], 'the browser does not ask Kratos for the flow again');
  const flow = flowId(page);

  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByText(/The provided credentials are invalid/).waitFor();
  // In place: the post was the script's, the error is focused, the flow kept.
  assert.ok(page.kratosRequests.includes('POST /self-service/login (fetch)'), page.kratosRequests.join('\n'));
  await page.waitForFunction(() => document.activeElement?.classList.contains('lk-messages'));
  assert.equal(flowId(page), flow);
  assert.equal(await page.getByLabel('ID').inputValue(), 'demo@example.com');
  assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '');

  await page.getByLabel('Password', { exact: true }).fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  await page.getByText('Signed in as demo@example.com').waitFor();
  assert.equal((await whoami(page, kratos)).status, 200);

  await signOut(page);
  assert.equal((await whoami(page, kratos)).status, 401);
  await assertNoProblems(page);
});

test('hydrated: what was typed while the WebAssembly loaded is kept', async () => {
  const page = await hydratingPage();
  const release = await openLoginWithWasmHeld(page);
  // The server's form, before any script: complete, without dead controls.
  await typeDemoCredentials(page);
  assert.equal(await page.getByRole('button', { name: 'Show password' }).count(), 0, 'no show-password button before the script');
  release();
  await waitForHydration(page);
  await assertDemoCredentialsKept(page);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  assert.ok(page.kratosRequests.includes('POST /self-service/login (fetch)'), page.kratosRequests.join('\n'));
  assert.equal((await whoami(page, kratos)).status, 200);
  await assertNoProblems(page);
});

test('a form sent before the WebAssembly arrives is a native post that signs in', async () => {
  const page = await hydratingPage();
  const release = await openLoginWithWasmHeld(page);
  await typeDemoCredentials(page);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  // Kratos answers the browser's own post with a 303 to the return address;
  // the server renders the home page for the new session.
  await waitForPath(page, '/');
  await page.getByText('Signed in as demo@example.com').waitFor();
  assert.ok(page.kratosRequests.includes('POST /self-service/login (document)'), page.kratosRequests.join('\n'));
  release();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  assert.equal((await whoami(page, kratos)).status, 200);
  await assertNoProblems(page);
});

test('hydrated: an expired flow is replaced and the typing survives (410)', async () => {
  const page = await hydratingPage();
  await page.goto(`${ssr}/login`);
  await waitForHydration(page);
  const first = flowId(page);
  await typeDemoCredentials(page);
  await expireFlow(first, kratos);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByText(/The sign-in form expired \d+ min ago, please try again./).waitFor();
  assert.notEqual(flowId(page), first, 'the address bar carries the new flow');
  await assertDemoCredentialsKept(page);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  assert.equal((await whoami(page, kratos)).status, 200);
  await assertNoProblems(page);
});

// Signs up a new account (its address returned) with the passkey button of
// the hydrated registration page.
async function signUpWithPasskey(page, prefix) {
  const email = uniqueEmail(prefix);
  await page.goto(`${ssr}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  // Enabled once hydrated and Kratos's script has loaded.
  await page.getByRole('button', { name: 'Sign up with passkey' }).click();
  // Kratos's script posts the form; Kratos sends the new account on to
  // verification. (A locator, not a navigation wait: it outlives a
  // navigation the browser replaces with another.)
  await page.locator('.lk-card[data-flow="verification"]').waitFor();
  return email;
}

test('hydrated: sign up with a passkey, sign out, the passkey button signs in', async () => {
  const page = await hydratingPage();
  // No conditional mediation: the passkey is used through the button.
  await page.addInitScript(() => {
    if (window.PublicKeyCredential) window.PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
  await addVirtualAuthenticator(page);
  const email = await signUpWithPasskey(page, 'ssr-passkey');
  let session = await whoami(page, kratos);
  assert.equal(session.status, 200, JSON.stringify(session.body));
  assert.equal(session.body.identity.traits.email, email);
  assert.equal(session.body.authentication_methods[0].method, 'passkey');

  await page.goto(`${ssr}/`);
  await signOut(page);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Sign in with passkey' }).click();
  await waitForPath(page, '/');
  await page.getByText(`Signed in as ${email}`).waitFor();
  session = await whoami(page, kratos);
  assert.equal(session.body.authentication_methods.at(-1).method, 'passkey');
  await assertNoProblems(page);
});

test('hydrated: passkey autofill signs in as the server-rendered login page opens', async () => {
  const page = await hydratingPage();
  await addVirtualAuthenticator(page);
  const email = await signUpWithPasskey(page, 'ssr-autofill');
  assert.equal((await whoami(page, kratos)).status, 200);
  await page.context().clearCookies();
  const autofillStarts = await recordAutofillStarts(page);
  // The identifier of the server's page asks for autofill; once hydrated,
  // the conditional request is answered by the authenticator at once —
  // possibly before the page's load event, so the visit waits only for
  // the server's answer.
  // It waits on the page reached (a locator outlives a navigation the
  // browser replaces with another), then checks where that is.
  await page.goto(`${ssr}/login`, { waitUntil: 'commit' });
  // A refused post ends on the error page: say what Kratos refused and
  // which requests the page made (this journey has failed that way rarely).
  await page.waitForURL((url) => ['/', '/error'].includes(url.pathname), { waitUntil: 'commit' });
  const reached = new URL(page.url());
  if (reached.pathname === '/error') {
    const refusal = await fetch(`${kratos}/self-service/errors?id=${reached.searchParams.get('id')}`);
    assert.fail(`ended on the error page: ${await refusal.text()}\nrequests: ${page.kratosRequests.join('; ')}`);
  }
  await page.getByText(`Signed in as ${email}`).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  // Once: hydration once built a second, unseen form whose node components
  // started autofill again.
  assert.deepEqual(autofillStarts.map((address) => new URL(address).pathname), ['/login']);
  const session = await whoami(page, kratos);
  assert.equal(session.body.authentication_methods.at(-1).method, 'passkey');
  await assertNoProblems(page);
});

test('the module is sent precompressed, as a streaming-compilable wasm', async () => {
  const response = await fetch(`${ssr}/pkg/ssr_example_bg.wasm`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-encoding'), 'br');
  assert.equal(response.headers.get('content-type'), 'application/wasm');
  const gzip = await fetch(`${ssr}/pkg/ssr_example_bg.wasm`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gzip.headers.get('content-encoding'), 'gzip');
});
