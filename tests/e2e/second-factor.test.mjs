// TOTP and backup codes set up in settings, then used for aal2 logins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, login, logout, newPage, register, totpCode, uniqueEmail,
  waitForForm, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

test('authenticator app and backup codes protect the account', async () => {
  const page = await newPage();
  const email = uniqueEmail('second-factor');
  await register(page, email, 'factor one password');
  await page.goto(`${base}/settings`);
  await waitForForm(page);

  // TOTP: the QR code and the secret are shown; a wrong code is refused.
  assert.match(await page.locator('img#totp_qr').getAttribute('src'), /^data:image\/png;base64,/);
  const secret = (await page.locator('#totp_secret_key code').textContent()).trim();
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  await page.getByLabel('Verify code').fill('000000');
  await page.getByRole('group', { name: 'Authenticator app' }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('The authentication code is invalid, please try again.').waitFor();
  await page.getByLabel('Verify code').fill(await totpCode(secret));
  await page.getByRole('group', { name: 'Authenticator app' }).getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Unlink authenticator app' }).waitFor();

  // With a second factor in place, further settings changes need it too
  // (required_aal: highest_available): Kratos sends the user through an
  // aal2 login and back to this settings flow.
  await page.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
  await waitForPath(page, '/login');
  await page.getByText('Please complete the second authentication challenge.').waitFor();
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Use authenticator app' }).click();
  await waitForPath(page, '/settings');
  await waitForForm(page);

  // Backup codes: generate, see them, confirm.
  await page.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
  const codes = page.locator('#lookup_secret_codes li code');
  await codes.first().waitFor();
  const backupCodes = (await codes.allTextContents()).map((code) => code.trim());
  assert.equal(backupCodes.length, 12);
  // They can be kept: a text file of the unused codes.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download codes' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'backup-codes.txt');
  const file = await new Promise((resolve, reject) => {
    download.createReadStream().then((stream) => {
      let text = '';
      stream.on('data', (chunk) => { text += chunk; });
      stream.on('end', () => resolve(text));
      stream.on('error', reject);
    }, reject);
  });
  assert.deepEqual(file.trim().split('\n'), backupCodes);
  // Confirmed only once the person says they kept them.
  const confirm = page.getByRole('button', { name: 'Confirm backup recovery codes' });
  await confirm.click();
  await page.getByText('Save the codes first, then tick the box').waitFor();
  await page.getByLabel('I have saved these codes somewhere safe').check();
  await confirm.click();
  await page.getByRole('button', { name: 'Reveal backup recovery codes' }).waitFor();

  // A new login needs the second factor: password, then the authenticator.
  await logout(page);
  await login(page, email, 'factor one password');
  await waitForPath(page, '/login');
  await page.getByText('Please complete the second authentication challenge.').waitFor();
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Use authenticator app' }).click();
  await waitForPath(page, '/');
  let session = await whoami(page);
  assert.equal(session.status, 200);
  assert.equal(session.body.authenticator_assurance_level, 'aal2');

  // Or with a backup code, once.
  await logout(page);
  await login(page, email, 'factor one password');
  await page.getByLabel('Backup recovery code').fill(backupCodes[0]);
  await page.getByRole('button', { name: 'Use backup recovery code' }).click();
  await waitForPath(page, '/');
  session = await whoami(page);
  assert.equal(session.body.authenticator_assurance_level, 'aal2');
  assert.equal(session.body.authentication_methods.at(-1).method, 'lookup_secret');
  await assertNoProblems(page);
});
