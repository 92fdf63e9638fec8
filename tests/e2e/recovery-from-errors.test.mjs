// Kratos's unhappy answers, handled without losing what the user typed:
// an expired flow (410 → use_flow_id) and a CSRF violation (403 → new flow).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, expireFlow, flowId, newPage, waitForForm, waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

test('an expired flow is replaced and the typing survives', async () => {
  const page = await newPage();
  await page.goto(`${base}/login`);
  await waitForForm(page);
  const first = flowId(page);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await expireFlow(first);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByText(/The sign-in form expired \d+ min ago, please try again./).waitFor();
  assert.notEqual(flowId(page), first, 'the address bar carries the new flow');
  assert.equal(await page.getByLabel('ID').inputValue(), 'demo@example.com');
  assert.equal(await page.getByLabel('Password').inputValue(), 'demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  assert.equal((await whoami(page)).status, 200);
  await assertNoProblems(page);
});

test('a CSRF violation restarts the flow and the typing survives', async () => {
  const page = await newPage();
  await page.goto(`${base}/login`);
  await waitForForm(page);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  // The anti-CSRF cookie disappears (cleared, blocked, another browser...).
  const context = page.context();
  const kept = (await context.cookies()).filter((cookie) => !cookie.name.startsWith('csrf_token_'));
  await context.clearCookies();
  await context.addCookies(kept);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.locator('.lk-notice').getByText(/Cross-Site-Request-Forgery/).waitFor();
  await waitForForm(page);
  assert.equal(await page.getByLabel('ID').inputValue(), 'demo@example.com');
  assert.equal(await page.getByLabel('Password').inputValue(), 'demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  assert.equal((await whoami(page)).status, 200);
  await assertNoProblems(page);
});

test('a reload keeps the flow', async () => {
  const page = await newPage();
  await page.goto(`${base}/registration`);
  await waitForForm(page);
  const id = flowId(page);
  assert.ok(id, '?flow= is in the address bar');
  await page.reload();
  await waitForForm(page);
  assert.equal(flowId(page), id);
  await assertNoProblems(page);
});
