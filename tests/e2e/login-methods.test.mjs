// Other ways in: identifier first, a one-time code, two-step registration.
import { test, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, configure, mailCount, mailedCode, newPage, register,
  uniqueEmail, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);
afterEach(() => configure({ identifier_first: false, two_step_registration: false }));

test('identifier-first login', async () => {
  await configure({ identifier_first: true });
  const page = await newPage();
  await page.goto(`${base}/login`);
  assert.equal(await page.getByLabel('Password').count(), 0, 'step 1 asks only for the identifier');
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  const session = await whoami(page);
  assert.equal(session.body.identity.traits.email, 'demo@example.com');
  await assertNoProblems(page);
});

test('login by code', async () => {
  const page = await newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  await page.getByText(/A code was sent to the address you provided/).waitFor();
  const code = page.getByLabel('Sign-in code');
  assert.equal(await code.evaluate((el) => el === document.activeElement), true, 'focus moves to the code');
  await code.fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(/The sign-in code is invalid/).waitFor();
  await page.getByLabel('Sign-in code').fill(await mailedCode('demo@example.com'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForPath(page, '/');
  const session = await whoami(page);
  assert.equal(session.status, 200);
  assert.equal(session.body.authentication_methods[0].method, 'code');
  await assertNoProblems(page);
});

test('resend: the button waits, then mails a new code that works', async () => {
  const page = await newPage();
  // A deployment with a short wait (<meta name="kratos-resend-cooldown">).
  await page.route(/\/(registration|verification)(\?|$)/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/(<meta name="kratos-resend-cooldown" content=")[^"]*"/, '$13"');
    await route.fulfill({ response, body: html });
  });
  const email = uniqueEmail('resend');
  await register(page, email, 'resend password 1234');
  const [local, domain] = email.split('@');
  await page.getByText(`We sent a code to ${local[0]}•••@${domain}.`).waitFor();
  assert.equal(await page.getByText(email).count(), 0, 'the address is masked');
  const resend = page.getByRole('button', { name: 'Resend code' });
  assert.equal(await resend.getAttribute('aria-disabled'), 'true', 'a code was just sent');
  const sent = await mailCount(email);
  // (Forced: Playwright itself holds back from aria-disabled buttons.)
  await resend.click({ force: true });
  await page.locator('.lk-resend[data-state="ready"]').waitFor();
  assert.equal(await mailCount(email), sent, 'nothing was sent while it waited');
  await resend.click();
  const code = await mailedCode(email, base, sent);
  await page.locator('.lk-resend[data-state="waiting"]').waitFor();
  await page.getByLabel('Verification code').fill(code);
  await page.getByLabel('Verification code').press('Enter');
  await page.getByText(/You successfully verified your email address/).waitFor();
  await assertNoProblems(page);
});

test('two-step registration', async () => {
  await configure({ two_step_registration: true });
  const page = await newPage();
  const email = uniqueEmail('two-step');
  await page.goto(`${base}/registration`);
  assert.equal(await page.getByLabel('Password').count(), 0, 'the profile comes first');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('First name').fill('Grace');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.getByText('Please choose how you want to sign in from now on.').waitFor();
  // Back keeps the profile; forward again.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByLabel('First name').waitFor();
  assert.equal(await page.getByLabel('First name').inputValue(), 'Grace');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.getByLabel('Password').fill('grace hopper compiles');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await waitForPath(page, '/verification');
  const session = await whoami(page);
  assert.equal(session.body.identity.traits.email, email);
  assert.equal(session.body.identity.traits.name.first, 'Grace');
  await assertNoProblems(page);
});

test('the flow pages do not shift as the form arrives (CLS 0)', async () => {
  const page = await newPage();
  // Every layout shift not caused by input, from the first paint on.
  await page.addInitScript(() => {
    window.lkShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.lkShifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of ['/login', '/registration', '/recovery', '/verification']) {
    await page.goto(`${base}${path}`);
    await page.locator('form').waitFor();
    await page.locator('.lk-links').waitFor();
    const shifts = await page.evaluate(() => window.lkShifts);
    assert.deepEqual(shifts, [], `${path}: cumulative layout shift ${shifts.reduce((a, b) => a + b, 0)}`);
  }
  await assertNoProblems(page);
});
