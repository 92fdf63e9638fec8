// The login page as an attacker sees it: it runs under a strict
// Content-Security-Policy in both WebAuthn modes and does not follow a
// return_to that leads elsewhere. (That other origins cannot drive the
// development server is tested in tests/kratos-dev/tests/semantics.rs.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, login, nativeBase, newPage, waitForForm, whoami,
} from './helpers.mjs';

after(closeBrowser);

for (const [mode, server] of [['script', base], ['native', nativeBase]]) {
  test(`${mode} mode: the app runs under the strict Content-Security-Policy`, async () => {
    const page = await newPage();
    page.base = server;
    const response = await page.goto(`${server}/login`);
    const policy = response.headers()['content-security-policy'];
    assert.ok(policy, 'the development server sends the policy (--csp)');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(policy, /style-src 'self'/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    await waitForForm(page);
    await login(page, 'demo@example.com', 'demo-password-1234');
    await page.waitForURL((url) => url.pathname === '/');
    assert.equal((await whoami(page)).status, 200);
    // The policy is in force: script injected inline would not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return window.__inlineRan === true;
    });
    assert.equal(ran, false, 'inline script is blocked');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    page.problems = page.problems.filter((problem) => !/CSP violation: script-src/.test(problem)
      && !/Content Security Policy/.test(problem));
    await assertNoProblems(page);
  });
}

test('a return_to that leads to another site is not followed after signing in', async () => {
  const page = await newPage();
  // Kratos accepts "/\evil.example" (it fills in its default host) and keeps
  // the raw value; a browser would read it as //evil.example.
  await page.goto(`${base}/login?return_to=${encodeURIComponent('/\\evil.example')}`);
  await waitForForm(page);
  await assertNoProblems(page);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  // Kratos redirects to the value resolved against its default return URL
  // (http://localhost:4455/%5Cevil.example): a page of this origin.
  const landed = new URL(page.url());
  assert.equal(landed.origin, base, `stayed on the app's origin: ${page.url()}`);
  assert.equal(landed.pathname, '/%5Cevil.example');
  assert.equal((await whoami(page)).status, 200);
  // Signed in, the login page hears "session_already_available" and has
  // only the page's own return_to (which Kratos let through): it goes home.
  await page.goto(`${base}/login?return_to=${encodeURIComponent('/\\evil.example')}`);
  await page.waitForURL((url) => url.pathname === '/');
  assert.equal(new URL(page.url()).origin, base, page.url());
  await page.getByText('Signed in as').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a return_to Kratos forbids is reported, not followed', async () => {
  const page = await newPage();
  await page.goto(`${base}/login?return_to=${encodeURIComponent('https://evil.example/')}`);
  const error = page.locator('.lk-error[data-error-id="self_service_flow_return_to_forbidden"]');
  await error.waitFor();
  assert.equal(new URL(page.url()).origin, base);
  await assertNoProblems(page);
});
