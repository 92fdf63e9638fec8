// The server-rendered example (examples/ssr, `bash .ci/serve ssr`): the
// server asks Kratos for each page's flow with the browser's cookies and
// sends a complete form. Without JavaScript a person signs in (a wrong
// password first), signs up, recovers an account by code and signs out —
// Kratos answers each native post with a 303 back to the server's page.
// (Hydration journeys are not here yet: see the README's "Server-rendered
// apps".)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { browser, closeBrowser, uniqueEmail } from './helpers.mjs';

const ssr = process.env.E2E_SSR_BASE ?? 'http://localhost:4458';
const kratos = process.env.E2E_SSR_KRATOS ?? 'http://localhost:4459';

after(closeBrowser);

// A page of a browser with JavaScript off (a fresh profile).
async function noScriptPage() {
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  return context.newPage();
}

// The newest code the development server mailed to `to`, once more than
// `after` were mailed.
async function mailedCode(to, after = 0) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${kratos}/__dev/mail?to=${encodeURIComponent(to)}`, { headers: { Accept: 'application/json' } });
    const withCode = (await response.json()).filter((mail) => mail.code);
    if (withCode.length > after) return withCode.at(-1).code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code was mailed to ${to}`);
}

// The session Kratos sees for the page's cookies (they are shared by the
// page's and Kratos's ports: cookies do not tell ports apart).
async function whoamiStatus(page) {
  const response = await page.request.get(`${kratos}/sessions/whoami`, { headers: { Accept: 'application/json' } });
  return response.status();
}

function path(page) {
  return new URL(page.url()).pathname;
}

test('without JavaScript: the guarded page sends to login, a wrong password says so, then sign in and out', async () => {
  const page = await noScriptPage();
  // The home page is for signed-in people: the server redirects before any HTML.
  await page.goto(`${ssr}/`);
  assert.equal(path(page), '/login');
  const url = new URL(page.url());
  assert.ok(url.searchParams.get('flow'), 'the new flow is in the address');
  assert.equal(url.searchParams.get('return_to'), `${ssr}/`);
  // The form is the server's, complete, posting to Kratos.
  const action = await page.locator('form.lk-form').first().getAttribute('action');
  assert.ok(action.startsWith(`${kratos}/self-service/login?flow=`), action);
  assert.equal(await page.locator('input[name="csrf_token"]').count(), 1);

  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByText(/The provided credentials are invalid/).waitFor();
  assert.equal(path(page), '/login');
  assert.equal(await page.getByLabel('ID').inputValue(), 'demo@example.com', 'the identifier is kept');
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'a password is never sent back');

  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.waitForURL(`${ssr}/`);
  await page.getByText('Signed in as demo@example.com').waitFor();
  assert.equal(await whoamiStatus(page), 200);

  // Sign out: a plain form to Kratos's logout endpoint with the token the
  // server asked for, back to the login page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(await whoamiStatus(page), 401);
  await page.context().close();
});

test('without JavaScript: sign up, then recover the account by code', async () => {
  const page = await noScriptPage();
  const email = uniqueEmail('ssr');
  await page.goto(`${ssr}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill('a long enough password 1');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  // Signed up and in; Kratos sends the browser on (verification or home).
  await page.waitForURL((url) => url.pathname !== '/registration');
  assert.equal(await whoamiStatus(page), 200);
  await page.context().clearCookies();

  await page.goto(`${ssr}/recovery`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(/An email with a recovery code has been sent/).waitFor();
  await page.getByLabel('Recovery code').fill(await mailedCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();
  // Recovered: signed in, on the settings page the server renders.
  await page.waitForURL((url) => url.pathname === '/settings');
  await page.getByText(/You successfully recovered your account/).waitFor();
  await page.getByLabel('Password').fill('recovered and renewed 1');
  await page.getByRole('group', { name: 'Password' }).getByRole('button', { name: 'Save' }).click();
  await page.locator('.lk-flow[data-state="success"]').first().waitFor();
  assert.equal(await whoamiStatus(page), 200);
  await page.context().close();
});
