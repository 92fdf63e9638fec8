// Answers real Kratos (and Hydra) give that a kinder server would not: a
// forbidden return_to, wrong codes answered with 200, a verification flow
// replaced after too many codes, recovery while signed in, the second-factor
// detour of settings, a way out of the second-factor screen, and an OAuth2
// login through the fake Hydra with consent accepted and denied.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, configure, flowId, login, logout, mailCount, mailedCode, newPage,
  register, totpCode, uniqueEmail, waitForForm, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

// Focus is inside the flow's messages (after an answer with an error).
async function focusIsOnTheMessages(page) {
  await page.waitForFunction(() => document.activeElement?.closest('.lk-messages') !== null);
}

test('a forbidden return_to is explained and starting over leaves it out', async () => {
  const page = await newPage();
  await page.goto(`${base}/login?return_to=${encodeURIComponent('https://evil.example/')}`);
  await page.getByText('The address to return to afterwards is not allowed, so it was left out.').waitFor();
  await page.getByRole('link', { name: 'Start over' }).click();
  await waitForPath(page, '/login');
  await waitForForm(page);
  assert.equal(new URL(page.url()).searchParams.get('return_to'), null);
  await assertNoProblems(page);
});

test('wrong recovery and verification codes are shown with focus on the message', async () => {
  const page = await newPage();
  const email = uniqueEmail('wrong-codes');
  await register(page, email, 'a password for codes');
  // Verification: Kratos answers a wrong code with 200 and the flow.
  await page.getByLabel('Verification code').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('The verification code is invalid or has already been used. Please try again.').waitFor();
  await focusIsOnTheMessages(page);
  await logout(page);

  await page.goto(`${base}/recovery`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Recovery code').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('The recovery code is invalid or has already been used. Please try again.').waitFor();
  await focusIsOnTheMessages(page);
  // The right code still works.
  await page.getByLabel('Recovery code').fill(await mailedCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForPath(page, '/settings');
  await assertNoProblems(page);
});

test('a verification flow with too many wrong codes is replaced', async () => {
  const page = await newPage();
  const email = uniqueEmail('replaced');
  await register(page, email, 'a password for replacing');
  const first = flowId(page);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel('Verification code').fill(`00000${attempt}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('The verification code is invalid or has already been used. Please try again.').waitFor();
    await waitForForm(page);
  }
  await page.getByLabel('Verification code').fill('000006');
  await page.getByRole('button', { name: 'Continue' }).click();
  // 410 self_service_flow_replaced: the new flow explains itself.
  await page.getByText('The request was submitted too often. Please request another code.').waitFor();
  await page.waitForFunction((old) => new URL(location.href).searchParams.get('flow') !== old, first);
  const mailed = await mailCount(email);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Verification code').fill(await mailedCode(email, base, mailed));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('You successfully verified your email address.').waitFor();
  await assertNoProblems(page);
});

test('recovery while signed in goes to settings and says why', async () => {
  const page = await newPage();
  await login(page, 'demo@example.com', 'demo-password-1234');
  await waitForPath(page, '/');
  await page.goto(`${base}/recovery`);
  await waitForPath(page, '/settings');
  await page.getByText('You are already signed in. You can change your password here.').waitFor();
  await waitForForm(page);
  await logout(page);
  await assertNoProblems(page);
});

/// A new account with an authenticator app; returns its email and secret.
async function accountWithTotp(page, prefix) {
  const email = uniqueEmail(prefix);
  await register(page, email, 'password then totp');
  await page.goto(`${base}/settings`);
  await waitForForm(page);
  const secret = (await page.locator('#totp_secret_key code').textContent()).trim();
  await page.getByLabel('Verify code').fill(await totpCode(secret));
  await page.getByRole('group', { name: 'Authenticator app' }).getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Unlink authenticator app' }).waitFor();
  await logout(page);
  return { email, secret };
}

test('settings with a first-factor session come back after the second factor', async () => {
  const page = await newPage();
  const { email, secret } = await accountWithTotp(page, 'detour');
  // A session with the password only (whoami asking for aal1 for now) ...
  await configure({ required_aal: 'aal1' });
  try {
    await login(page, email, 'password then totp');
    await waitForPath(page, '/');
  } finally {
    await configure({ required_aal: 'highest_available' });
  }
  // ... opens settings, which need the second factor: Kratos sends the
  // browser to the aal2 login, and back to settings afterwards.
  await page.goto(`${base}/settings`);
  await waitForPath(page, '/login');
  assert.equal(new URL(page.url()).searchParams.get('flow') !== null, true);
  await page.getByText('Please complete the second authentication challenge.').waitFor();
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Use authenticator app' }).click();
  await waitForPath(page, '/settings');
  await waitForForm(page);
  assert.equal((await whoami(page)).body.authenticator_assurance_level, 'aal2');
  await assertNoProblems(page);
});

test('the second-factor screen offers to use another account', async () => {
  const page = await newPage();
  const { email } = await accountWithTotp(page, 'way-out');
  await login(page, email, 'password then totp');
  await page.getByText('Please complete the second authentication challenge.').waitFor();
  await page.getByRole('button', { name: 'Use another account' }).click();
  await waitForPath(page, '/login');
  await page.getByLabel('Password').waitFor();
  assert.equal((await whoami(page)).status, 401, 'signed out');
  assert.equal(new URL(page.url()).searchParams.get('aal'), null);
  await assertNoProblems(page);
});

// OAuth2 through the fake Hydra.

function authorize(page, state) {
  const callback = encodeURIComponent(`${base}/__dev/oauth2/callback`);
  return page.goto(
    `${base}/oauth2/auth?client_id=demo-client&response_type=code&scope=openid+email&state=${state}&redirect_uri=${callback}`,
  );
}

test('an OAuth2 login: sign in, switch to sign up, consent, back at the client', async () => {
  await configure({ verification_after_registration: false });
  try {
    const page = await newPage();
    await authorize(page, 'state-1');
    await waitForPath(page, '/login');
    const challenge = new URL(page.url()).searchParams.get('login_challenge');
    assert.ok(challenge);
    await waitForForm(page);
    // The sign-up link keeps the OAuth2 login going.
    await page.getByRole('link', { name: "Don't have an account? Sign up" }).click();
    await waitForPath(page, '/registration');
    assert.equal(new URL(page.url()).searchParams.get('login_challenge'), challenge);
    await page.getByLabel('E-Mail').fill(uniqueEmail('oauth2'));
    await page.getByLabel('Password').fill('an oauth2 password');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    // Hydra asks for consent.
    await waitForPath(page, '/consent');
    await page.getByText('Demo Client').waitFor();
    await assertNoProblems(page);
    await page.getByRole('checkbox', { name: 'Your email address' }).uncheck();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.pathname === '/__dev/oauth2/callback');
    assert.equal(await page.locator('#outcome').getAttribute('data-outcome'), 'authorized');
    assert.equal((await page.locator('#scope').textContent()).trim(), 'openid');
    assert.equal((await page.locator('#state').textContent()).trim(), 'state-1');
    await assertNoProblems(page);
  } finally {
    await configure({ verification_after_registration: true });
  }
});

test('an OAuth2 login with consent denied ends at the client with access_denied', async () => {
  const page = await newPage();
  await authorize(page, 'state-2');
  await waitForPath(page, '/login');
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/consent');
  await page.getByRole('button', { name: 'Deny' }).waitFor();
  await assertNoProblems(page);
  await page.getByRole('button', { name: 'Deny' }).click();
  await page.waitForURL((url) => url.pathname === '/__dev/oauth2/callback');
  assert.equal(await page.locator('#outcome').getAttribute('data-outcome'), 'error');
  assert.equal((await page.locator('#error').textContent()).trim(), 'access_denied');
  await assertNoProblems(page);
});

test('Hydra errors and logout confirmations', async () => {
  const page = await newPage();
  await page.goto(`${base}/oauth2/auth?client_id=nobody&response_type=code&scope=openid`);
  await waitForPath(page, '/error');
  await page.getByText('The requested OAuth 2.0 Client does not exist.').waitFor();
  assert.equal(await page.locator('.lk-error').getAttribute('data-error-id'), 'invalid_client');

  await login(page, 'demo@example.com', 'demo-password-1234');
  await waitForPath(page, '/');
  await page.goto(`${base}/oauth2/sessions/logout`);
  await waitForPath(page, '/logout');
  await page.getByText('Demo Client').waitFor();
  await assertNoProblems(page);
  await page.getByRole('button', { name: 'Yes, sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/__dev/oauth2/logged-out');
  assert.equal((await whoami(page)).status, 401, 'signed out of Kratos too');
  await assertNoProblems(page);
});

test('signed in, an OAuth2 registration becomes a login that confirms it is you', async () => {
  const page = await newPage();
  await login(page, 'demo@example.com', 'demo-password-1234');
  await waitForPath(page, '/');
  await authorize(page, 'state-3');
  // Hydra asks the login UI; with a session Kratos forces a refresh.
  await waitForPath(page, '/login');
  const challenge = new URL(page.url()).searchParams.get('login_challenge');
  // Registration with the challenge while signed in: Kratos's 302 to the
  // login init, which the app follows to the login page.
  await page.goto(`${base}/registration?login_challenge=${challenge}`);
  await waitForPath(page, '/login');
  await page.getByText('Please confirm this action by verifying that it is you.').waitFor();
  assert.ok(new URL(page.url()).searchParams.get('flow'));
  await assertNoProblems(page);
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/consent');
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.pathname === '/__dev/oauth2/callback');
  assert.equal((await page.locator('#state').textContent()).trim(), 'state-3');
  await assertNoProblems(page);
});
