// Settings need a session (login and back) and, for credentials, a recent
// login (privileged session: refresh and back).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageSessions, assertNoProblems, base, closeBrowser, login, newPage, register, uniqueEmail, waitForForm,
  waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

test('settings without a session go through login and come back', async () => {
  const page = await newPage();
  await page.goto(`${base}/settings`);
  await waitForPath(page, '/login');
  assert.match(new URL(page.url()).searchParams.get('return_to') ?? '', /\/settings$/);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/settings');
  await waitForForm(page);
  assert.equal(await page.getByLabel('E-Mail').inputValue(), 'demo@example.com');
  await assertNoProblems(page);
});

test('a privileged change asks to sign in again, then is applied', async () => {
  const page = await newPage();
  const email = uniqueEmail('privileged');
  await register(page, email, 'first password here');
  await page.goto(`${base}/settings`);
  await waitForForm(page);
  await ageSessions(3600);
  await page.getByLabel('Password').fill('second password here');
  await page.getByRole('group', { name: 'Password' }).getByRole('button', { name: 'Save' }).click();
  // Kratos answers 403 session_refresh_required: re-authenticate.
  await waitForPath(page, '/login');
  await page.getByText('Please confirm this action by verifying that it is you.').waitFor();
  await page.getByLabel('Password').fill('first password here');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  // Kratos resumes the paused change (continuity) and shows the same
  // settings flow, saved: nothing to type again.
  await waitForPath(page, '/settings');
  await page.getByText('Your changes have been saved!').waitFor();
  const session = await whoami(page);
  assert.equal(session.status, 200);
  assert.equal(session.body.identity.traits.email, email);
  const other = await newPage();
  await login(other, email, 'second password here');
  await waitForPath(other, '/');
  assert.equal((await whoami(other)).status, 200, 'the new password works');
  await assertNoProblems(page);
});
