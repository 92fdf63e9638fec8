// The main account journey: register, verify, log out, a wrong password,
// log in, change profile and password, log out, recover by code, set a new
// password, log in with it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, flowMessages, login, logout, mailedCode, newPage,
  register, uniqueEmail, waitForForm, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

test('register, verify, sign in, change settings, recover, sign in again', async () => {
  const page = await newPage();
  const email = uniqueEmail('journey');

  // Register with a password; a too-short password is explained on its field.
  await page.goto(`${base}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  const password = page.getByLabel('Password');
  await page.getByText('The password must be at least 8 characters long, but has 5.').waitFor();
  assert.equal(await password.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('E-Mail').inputValue(), email, 'the e-mail is kept');
  assert.equal(await password.inputValue(), '', 'a rejected password is cleared');
  await password.fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();

  // Registration continues with verification (continue_with show_verification_ui).
  await waitForPath(page, '/verification');
  await page.getByLabel('Verification code').fill(await mailedCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('You successfully verified your email address.').waitFor();
  let session = await whoami(page);
  assert.equal(session.status, 200);
  assert.equal(session.body.identity.verifiable_addresses[0].verified, true);

  await logout(page);
  assert.equal((await whoami(page)).status, 401);

  // A wrong password: the message is shown and focus lands where it helps.
  await login(page, email, 'not the password');
  await page.getByText(/The provided credentials are invalid/).waitFor();
  assert.equal(await page.getByLabel('ID').inputValue(), email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  await page.getByText(`Signed in as ${email}`).waitFor();

  // Settings: the profile, then the password.
  await page.getByRole('link', { name: 'Account settings' }).click();
  await waitForPath(page, '/settings');
  await waitForForm(page);
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByRole('group', { name: 'Profile' }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('Your changes have been saved!').waitFor();
  await page.getByLabel('Password').fill('a new and better password');
  await page.getByRole('group', { name: 'Password' }).getByRole('button', { name: 'Save' }).click();
  await page.locator('.lk-flow[data-state="success"]').waitFor();
  session = await whoami(page);
  assert.equal(session.body.identity.traits.name.last, 'Lovelace');

  await logout(page);

  // Recovery by code, then a new password in the settings flow it hands over to.
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await waitForPath(page, '/recovery');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(/An email with a recovery code has been sent/).waitFor();
  await page.getByLabel('Recovery code').fill(await mailedCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForPath(page, '/settings');
  await page.getByText(/You successfully recovered your account/).waitFor();
  await page.getByLabel('Password').fill('recovered and renewed');
  await page.getByRole('group', { name: 'Password' }).getByRole('button', { name: 'Save' }).click();
  await page.locator('.lk-flow[data-state="success"]').waitFor();

  await logout(page);
  await login(page, email, 'recovered and renewed');
  await waitForPath(page, '/');
  await page.getByText(`Signed in as ${email}`).waitFor();
  session = await whoami(page);
  assert.equal(session.status, 200);
  assert.equal(session.body.identity.traits.email, email);
  assert.equal(session.body.authentication_methods.at(-1).method, 'password');
  await assertNoProblems(page);
});
