// The example Leptos app (examples/router): the library's components in an
// app with its own router, layout and customisations. Everything happens
// without reloading the page: the app's router shows the flow pages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, closeBrowser, exampleBase, mailedCode, newPage, uniqueEmail, waitForForm,
  waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

// Marks the loaded document; the mark survives client-side navigation only.
async function markDocument(page) {
  await page.evaluate(() => {
    window.exampleDocument = 'still the same document';
  });
}

async function assertSameDocument(page, step) {
  assert.equal(
    await page.evaluate(() => window.exampleDocument),
    'still the same document',
    `${step}: the router moved, the page did not reload`,
  );
}

// The example's login is two-step: the identifier, a choice of method, the method.
async function signIn(page, email, password) {
  await page.goto(`${exampleBase}/auth/login`);
  await waitForForm(page);
  assert.equal(await page.locator('.lk-flow').getAttribute('data-step'), 'identify');
  assert.equal(await page.getByLabel('Password').isVisible(), false, 'no password field in the first step');
  await page.getByLabel('ID').fill(email);
  await page.getByLabel('ID').press('Enter');
  await page.getByRole('group', { name: 'Choose how to continue' }).waitFor();
  const methods = await page.locator('[data-choose]').allTextContents();
  assert.ok(methods.includes('Password') && methods.length > 1, `a choice of methods: ${methods}`);
  await page.getByRole('button', { name: 'Password', exact: true }).click();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/auth/login'));
}

test('an app with its own router embeds the flows, guards a page and lists sessions', async () => {
  const page = await newPage();
  page.base = exampleBase;
  const email = uniqueEmail('example');
  const password = 'example app password';

  // The guarded page sends to the app's login route, with the way back.
  await page.goto(`${exampleBase}/dashboard`);
  await waitForPath(page, '/auth/login');
  assert.equal(new URL(page.url()).searchParams.get('return_to'), `${exampleBase}/dashboard`);
  await waitForForm(page);
  // The app's customisations wrap the library's defaults.
  await page.locator('.lk-card-header .example-brand').waitFor();
  const identifier = page.locator('.example-email .lk-field input[name="identifier"]');
  assert.equal(await identifier.count(), 1, 'the identifier field is wrapped, not replaced');
  assert.equal(await page.locator('.example-email .example-hint').textContent(), 'Use your work e-mail address.');
  assert.equal(await page.locator('.example-social fieldset.lk-group[data-group="oidc"]').count(), 1);
  assert.equal(await page.locator('header.example-bar').count(), 1, "the app's own layout");

  // To registration through the library's link, shown by the router.
  await markDocument(page);
  await page.getByRole('link', { name: "Don't have an account? Sign up" }).click();
  await waitForPath(page, '/auth/registration');
  await assertSameDocument(page, 'to registration');
  await page.getByLabel('E-Mail').fill(email);
  await page.locator('.example-email .example-hint').first().waitFor();
  // The app reacts to the flow's callbacks: a rejected submission ...
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.locator('.example-toast', { hasText: 'Please check the form.' }).waitFor();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  // ... and the completed registration.
  await page.locator('.example-toast', { hasText: `Welcome aboard, ${email}!` }).waitFor();

  // Registration continues with verification, still in the app's router.
  await waitForPath(page, '/auth/verification');
  await assertSameDocument(page, 'to verification');
  await page.getByLabel('Verification code').fill(await mailedCode(email, exampleBase));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('You successfully verified your email address.').waitFor();

  // The guarded page now shows the session.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await waitForPath(page, '/dashboard');
  assert.equal(await page.locator('.example-user').textContent(), email);
  await assertSameDocument(page, 'to the dashboard');

  // A second session elsewhere.
  const elsewhere = await newPage();
  elsewhere.base = exampleBase;
  await signIn(elsewhere, email, password);
  assert.equal((await whoami(elsewhere)).status, 200);

  // Account: the settings flow and the sessions, this device first.
  await page.getByRole('link', { name: 'Account' }).click();
  await waitForPath(page, '/auth/settings');
  await waitForForm(page);
  const sessions = page.locator('section.lk-card[data-flow="sessions"]');
  await sessions.locator('.lk-session-item[data-current] .lk-badge', { hasText: 'This device' }).waitFor();
  const other = sessions.locator('.lk-session-item:not([data-current])');
  await other.first().waitFor();
  assert.equal(await other.count(), 1, 'the other session is listed');
  assert.match(await other.locator('.lk-session-device').textContent(), /Chrom/, 'its device is named');
  await assertSameDocument(page, 'to the account page');

  // End the other session.
  await other.getByRole('button', { name: 'Sign out this session' }).click();
  await sessions.getByText('No other active sessions.').waitFor();
  await sessions.getByText('Signed out.').waitFor();
  assert.equal((await whoami(elsewhere)).status, 401, 'the other browser is signed out');
  assert.equal((await whoami(page)).status, 200, 'this one is not');

  // Sign out from the app's bar: back to the landing page, the guard works again.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForPath(page, '/');
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  assert.equal((await whoami(page)).status, 401);
  await assertSameDocument(page, 'after signing out');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await waitForPath(page, '/auth/login');
  await waitForForm(page);

  await assertNoProblems(page);
  await assertNoProblems(elsewhere);
});
