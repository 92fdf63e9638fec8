// The server-rendered example (examples/ssr, `bash .ci/serve ssr`): the
// server asks Kratos for each page's flow with the browser's cookies and
// sends a complete form. Without JavaScript a person signs in (a wrong
// password first; by code; with a social provider; with an authenticator
// app or a backup code as second factor), signs up, sets up second factors
// and a new password in settings, recovers an account by code and signs
// out — Kratos answers each native post with a 303 back to the server's
// page.
// With JavaScript on: ssr-hydrate.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  browser, closeBrowser, expireFlow, mailCount, mailedCode, ssrBase as ssr, ssrKratos as kratos, totpCode, uniqueEmail, whoami,
} from './helpers.mjs';

after(closeBrowser);

// A page of a browser with JavaScript off (a fresh profile).
async function noScriptPage() {
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  return context.newPage();
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
  assert.equal((await whoami(page, kratos)).status, 200);

  // Sign out: a plain form to Kratos's logout endpoint with the token the
  // server asked for, back to the login page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal((await whoami(page, kratos)).status, 401);
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
  assert.equal((await whoami(page, kratos)).status, 200);
  await page.context().clearCookies();

  await page.goto(`${ssr}/recovery`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(/An email with a recovery code has been sent/).waitFor();
  await page.getByLabel('Recovery code').fill(await mailedCode(email, kratos));
  await page.getByRole('button', { name: 'Continue' }).click();
  // Recovered: signed in, on the settings page the server renders.
  await page.waitForURL((url) => url.pathname === '/settings');
  await page.getByText(/You successfully recovered your account/).waitFor();
  await page.getByLabel('Password').fill('recovered and renewed 1');
  await page.getByRole('group', { name: 'Password' }).getByRole('button', { name: 'Save' }).click();
  await page.locator('.lk-flow[data-state="success"]').first().waitFor();
  assert.equal((await whoami(page, kratos)).status, 200);
  await page.context().close();
});

test('without JavaScript: sign in by code and with a social provider', async () => {
  const page = await noScriptPage();
  const before = await mailCount('demo@example.com', kratos);
  await page.goto(`${ssr}/login`);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  await page.getByText(/A code was sent to the address you provided/).waitFor();
  await page.getByLabel('Sign-in code').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(/The sign-in code is invalid/).waitFor();
  await page.getByLabel('Sign-in code').fill(await mailedCode('demo@example.com', kratos, before));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${ssr}/`);
  let session = await whoami(page, kratos);
  assert.equal(session.body.authentication_methods[0].method, 'code');
  await page.context().clearCookies();

  const email = uniqueEmail('ssr-social');
  await page.goto(`${ssr}/login`);
  await page.getByRole('button', { name: 'Sign in with Fake Provider' }).click();
  await page.waitForURL((url) => url.pathname === '/__dev/oidc/authorize');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${ssr}/`);
  await page.getByText(`Signed in as ${email}`).waitFor();
  session = await whoami(page, kratos);
  assert.equal(session.body.authentication_methods[0].method, 'oidc');
  await page.context().close();
});

test('without JavaScript: an authenticator app and backup codes set up in settings guard the next logins', async () => {
  const page = await noScriptPage();
  const email = uniqueEmail('ssr-factor');
  const password = 'server rendered factor 1';
  const signIn = async () => {
    await page.goto(`${ssr}/login`);
    await page.getByLabel('ID').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in with password' }).click();
    await page.getByText('Please complete the second authentication challenge.').waitFor();
  };
  await page.goto(`${ssr}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/registration');

  await page.goto(`${ssr}/settings`);
  const secret = (await page.locator('#totp_secret_key code').textContent()).trim();
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  await page.getByLabel('Verify code').fill(await totpCode(secret, kratos));
  await page.getByRole('group', { name: 'Authenticator app' }).getByRole('button', { name: 'Save' }).click();
  // Kratos sends the browser back to the settings flow, which the new
  // second factor now guards (the session is aal1): an aal2 login first,
  // then back to the flow, the app linked.
  await page.getByText('Please complete the second authentication challenge.').waitFor();
  await page.getByLabel('Authentication code').fill(await totpCode(secret, kratos));
  await page.getByRole('button', { name: 'Use authenticator app' }).click();
  await page.waitForURL((url) => url.pathname === '/settings');
  await page.getByRole('button', { name: 'Unlink authenticator app' }).waitFor();

  await page.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
  const codes = page.locator('#lookup_secret_codes li code');
  await codes.first().waitFor();
  const backupCodes = (await codes.allTextContents()).map((code) => code.trim());
  assert.equal(backupCodes.length, 12);
  // The confirmation box needs the script; without it the button confirms.
  await page.getByRole('button', { name: 'Confirm backup recovery codes' }).click();
  await page.getByRole('button', { name: 'Reveal backup recovery codes' }).waitFor();

  await page.context().clearCookies();
  await signIn();
  await page.getByLabel('Authentication code').fill(await totpCode(secret, kratos));
  await page.getByRole('button', { name: 'Use authenticator app' }).click();
  await page.waitForURL(`${ssr}/`);
  assert.equal((await whoami(page, kratos)).body.authenticator_assurance_level, 'aal2');

  await page.context().clearCookies();
  await signIn();
  await page.getByLabel('Backup recovery code').fill(backupCodes[0]);
  await page.getByRole('button', { name: 'Use backup recovery code' }).click();
  await page.waitForURL(`${ssr}/`);
  const session = await whoami(page, kratos);
  assert.equal(session.body.authenticator_assurance_level, 'aal2');
  assert.equal(session.body.authentication_methods.at(-1).method, 'lookup_secret');
  await page.context().close();
});

test('without JavaScript: a form sent after its flow expired comes back as a new flow that says so', async () => {
  const page = await noScriptPage();
  await page.goto(`${ssr}/login`);
  const first = new URL(page.url()).searchParams.get('flow');
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await expireFlow(first, kratos);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  // Kratos answers the native post with a 303 to a new flow carrying its message.
  await page.getByText(/The sign-in form expired \d+ min ago, please try again./).waitFor();
  assert.notEqual(new URL(page.url()).searchParams.get('flow'), first);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.waitForURL(`${ssr}/`);
  assert.equal((await whoami(page, kratos)).status, 200);
  await page.context().close();
});
