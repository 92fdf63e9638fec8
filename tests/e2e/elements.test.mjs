// The custom elements (<kratos-login>, ...) on pages not built with
// Leptos: a site of plain HTML pages, and a Vue 3 app with its own router
// (examples/elements). Each host listens to the elements' events and lists
// them; the journeys read that list, as a person would.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, closeBrowser, expireFlow, flowId, newPage, waitForForm, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

const plainBase = process.env.E2E_PLAIN_BASE ?? 'http://localhost:4460';
const vueBase = process.env.E2E_VUE_BASE ?? 'http://localhost:4461';
const DEMO = { email: 'demo@example.com', password: 'demo-password-1234' };

// The host's list of the events it saw, in order.
async function hostEvents(page) {
  return (await page.locator('#events li').allTextContents()).map((text) => text.trim());
}

async function waitForEvent(page, text) {
  await page.locator('#events li', { hasText: text }).first().waitFor();
}

// A fresh browser on the plain HTML site's login page, its form shown.
async function openPlainLogin() {
  const page = await newPage();
  page.base = plainBase;
  await page.goto(`${plainBase}/login`);
  await waitForForm(page);
  return page;
}

async function signIn(page, password) {
  const login = page.locator('kratos-login');
  await login.getByLabel('ID').fill(DEMO.email);
  await login.getByLabel('Password').fill(password);
  await login.getByRole('button', { name: 'Sign in with password' }).click();
}

test('plain HTML: sign in after a validation error, then sign out; the page sees every event', async () => {
  const page = await openPlainLogin();
  // Rendered into the element itself: the page's stylesheet applies.
  assert.equal(await page.locator('kratos-login > .lk-card form.lk-form').count(), 1, 'light DOM');
  assert.equal(await page.evaluate(() => document.querySelector('kratos-login').shadowRoot), null);
  assert.ok(flowId(page), 'the flow is in the address bar');

  await signIn(page, 'not-the-password');
  await page.locator('kratos-login .lk-message[data-type="error"]').first().waitFor();
  await waitForEvent(page, 'kratos-validation-error');
  assert.deepEqual(await hostEvents(page), ['kratos-validation-error: login: 4000006']);
  assert.equal(await page.locator('kratos-login').getByLabel('ID').inputValue(), DEMO.email, 'the identifier is kept');

  await signIn(page, DEMO.password);
  // The element leaves for the page to return to (the page did not cancel).
  await waitForPath(page, '/');
  await page.locator('kratos-sessions .lk-sessions').waitFor();
  assert.equal((await whoami(page)).status, 200);
  assert.deepEqual(await hostEvents(page), [
    'kratos-validation-error: login: 4000006',
    `kratos-success: login ${DEMO.email}`,
    'kratos-navigate: /',
  ]);

  await page.locator('kratos-logout').getByRole('button', { name: 'Sign out' }).click();
  await waitForPath(page, '/login');
  await waitForForm(page);
  assert.equal((await whoami(page)).status, 401);
  const events = await hostEvents(page);
  assert.deepEqual(events.slice(-2), ['kratos-success: logout', 'kratos-navigate: /login']);
  await assertNoProblems(page);
});

test('plain HTML: attributes configure the element and restart it; `texts` rewords it', async () => {
  const page = await openPlainLogin();
  const first = flowId(page);

  // Two attributes set in one go: one new flow, in German (the language's
  // texts fetched from beside the loader), identifier first.
  const requests = [];
  page.on('request', (request) => {
    if (request.url().includes('/self-service/login/browser')) requests.push(request.url());
  });
  await page.evaluate(() => {
    const login = document.querySelector('kratos-login');
    login.setAttribute('locale', 'de');
    login.setAttribute('layout', 'two-step');
  });
  await page.locator('kratos-login .lk-flow[data-step="identify"]').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  assert.equal(requests.length, 1, `one new flow for two attributes: ${requests}`);
  assert.ok(requests[0].includes('return_to='), 'the element still asks to return to its page');
  const second = flowId(page);
  assert.ok(second && second !== first, 'a changed element starts a new flow');

  // A property, not an attribute: the texts, in Ory's key format.
  await page.evaluate(() => {
    document.querySelector('kratos-login').texts = { 'lk.login-title': 'Willkommen zurück' };
  });
  await page.getByRole('heading', { level: 1, name: 'Willkommen zurück' }).waitFor();
  assert.equal(await page.locator('kratos-login').getAttribute('texts'), null);
  assert.equal(flowId(page), second, 'new texts, the same flow');

  // Moved within the page (in one task), it keeps its flow: no request.
  const loginRequests = [];
  page.on('request', (request) => {
    if (request.url().includes('/self-service/login')) loginRequests.push(request.url());
  });
  await page.evaluate(() => {
    const login = document.querySelector('kratos-login');
    const holder = document.createElement('div');
    login.before(holder);
    holder.append(login);
  });
  await page.locator('div > kratos-login form.lk-form').waitFor();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  assert.deepEqual(loginRequests, [], 'a moved element asks Kratos for nothing');
  assert.equal(flowId(page), second);

  // Taken out of the page (the host shows something else), the element
  // stops and leaves nothing behind; put back, it starts again.
  await page.evaluate(() => {
    const heading = document.createElement('h1');
    heading.textContent = 'Somewhere else';
    window.removedLogin = document.querySelector('kratos-login');
    window.removedLogin.replaceWith(heading);
  });
  await page.waitForFunction(() => window.removedLogin.childElementCount === 0);
  assert.equal(await page.locator('.lk-card').count(), 0);
  await page.evaluate(() => document.querySelector('h1').replaceWith(window.removedLogin));
  await page.getByRole('heading', { level: 1, name: 'Willkommen zurück' }).waitFor();
  await assertNoProblems(page);
});

test('plain HTML: Kratos\'s errors reach the page as `kratos-error` while the element recovers', async () => {
  const page = await openPlainLogin();
  const first = flowId(page);
  await expireFlow(first, plainBase);
  await signIn(page, DEMO.password);
  await page.getByText(/The sign-in form expired \d+ min ago, please try again./).waitFor();
  await waitForEvent(page, 'kratos-error');
  assert.deepEqual(await hostEvents(page), ['kratos-error: self_service_flow_expired']);
  assert.notEqual(flowId(page), first, 'a new flow replaced the expired one');
  await signIn(page, DEMO.password);
  await waitForPath(page, '/');
  assert.equal((await whoami(page)).status, 200);
  await assertNoProblems(page);
});

test('plain HTML: a return_to that leads elsewhere is not followed; the page hears only checked URLs', async () => {
  const page = await newPage();
  page.base = plainBase;
  // Every URL the elements offer the page, across the page loads.
  const offered = [];
  await page.exposeFunction('recordNavigation', (url) => offered.push(url));
  await page.addInitScript(() => {
    document.addEventListener('kratos-navigate', (event) => window.recordNavigation(event.detail.url));
  });
  // Kratos accepts "/\evil.example" (it fills in its default host); a
  // browser would read the raw value as //evil.example.
  const hostile = `${plainBase}/login?return_to=${encodeURIComponent('/\\evil.example')}`;
  await page.goto(hostile);
  await waitForForm(page);
  await signIn(page, DEMO.password);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  assert.equal(new URL(page.url()).origin, plainBase, `stayed on the page's origin: ${page.url()}`);
  assert.equal((await whoami(page)).status, 200);
  // Signed in, the element hears "session already available" and leaves
  // for the page's own return_to only as the URL policy reads it.
  await page.goto(hostile);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  assert.equal(new URL(page.url()).origin, plainBase, page.url());
  assert.ok(offered.length >= 2, `the page was asked: ${offered}`);
  for (const url of offered) {
    assert.equal(new URL(url).origin, plainBase, `kratos-navigate offered only this origin: ${url}`);
  }
  assert.deepEqual(page.problems, []);
});

test('Vue: the app routes the elements\' navigations itself and binds their events', async () => {
  const page = await newPage();
  page.base = vueBase;
  await page.goto(`${vueBase}/login`);
  await waitForForm(page);
  await page.evaluate(() => {
    window.hostDocument = 'the same document';
  });

  await signIn(page, 'not-the-password');
  await waitForEvent(page, 'kratos-validation-error');
  await signIn(page, DEMO.password);
  await waitForPath(page, '/');
  await page.locator('kratos-sessions .lk-sessions').waitFor();
  assert.equal(await page.evaluate(() => window.hostDocument), 'the same document', 'Vue\'s router moved, no reload');
  assert.equal((await whoami(page)).status, 200);

  // `texts` set by Vue as the element's property.
  const signOut = page.locator('kratos-logout').getByRole('button', { name: 'Sign out of the Vue app' });
  await signOut.click();
  await waitForPath(page, '/login');
  await waitForForm(page);
  assert.equal(await page.evaluate(() => window.hostDocument), 'the same document');
  assert.equal((await whoami(page)).status, 401);
  assert.deepEqual(await hostEvents(page), [
    'kratos-validation-error: login: 4000006',
    `kratos-success: login ${DEMO.email}`,
    'kratos-navigate: /',
    'kratos-success: logout',
    'kratos-navigate: /login',
  ]);
  await assertNoProblems(page);
});
