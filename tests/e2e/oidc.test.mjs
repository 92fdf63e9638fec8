// Social sign-in with the development server's fake provider: the 422
// browser_location_change_required round trip.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, base, closeBrowser, newPage, uniqueEmail, waitForPath, whoami } from './helpers.mjs';

after(closeBrowser);

test('sign in with the fake OIDC provider', async () => {
  const page = await newPage();
  const email = uniqueEmail('social');
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: 'Sign in with Fake Provider' }).click();
  await page.waitForURL((url) => url.pathname === '/__dev/oidc/authorize');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForPath(page, '/');
  await page.getByText(`Signed in as ${email}`).waitFor();
  const session = await whoami(page);
  assert.equal(session.body.identity.traits.email, email);
  assert.equal(session.body.authentication_methods[0].method, 'oidc');
  assert.equal(session.body.authentication_methods[0].provider, 'fake');
  await assertNoProblems(page);
});

test('cancelling at the provider comes back with an explanation', async () => {
  const page = await newPage();
  await page.goto(`${base}/registration`);
  await page.getByRole('button', { name: 'Sign up with Fake Provider' }).click();
  await page.waitForURL((url) => url.pathname === '/__dev/oidc/authorize');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitForPath(page, '/registration');
  await page.getByText(/OpenID Provider returned error "access_denied"/).waitFor();
  assert.equal((await whoami(page)).status, 401);
  await assertNoProblems(page);
});
