// Screenshots of every flow in light and dark, for people to look at:
// tests/e2e/output/screenshots/<state>-<theme>.png (not committed). With
// E2E_README_SCREENSHOTS=1 the login page's pair is also written to
// tests/e2e/screenshots/ for the README.
import { test, after } from 'node:test';
import { mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assertNoProblems, base, closeBrowser, logout, newPage, register, uniqueEmail, waitForForm,
} from './helpers.mjs';

after(closeBrowser);

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'output', 'screenshots');
const readme = join(here, 'screenshots');
mkdirSync(output, { recursive: true });

// Both themes of the page as it is now (the system preference decides).
async function shoot(page, state) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const file = join(output, `${state}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    if (process.env.E2E_README_SCREENSHOTS === '1' && state === 'login') {
      copyFileSync(file, join(readme, `${state}-${colorScheme}.png`));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('screenshots of every flow in light and dark', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 560, height: 760 });
  const email = uniqueEmail('screens');
  const password = 'a screenshot password';

  await page.goto(`${base}/login`);
  await waitForForm(page);
  await shoot(page, 'login');

  await page.getByLabel('ID').fill('nobody@example.com');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByText(/The provided credentials are invalid/).waitFor();
  await shoot(page, 'login-error');

  await page.goto(`${base}/registration`);
  await waitForForm(page);
  await page.getByLabel('E-Mail').fill('ada@example');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
  await shoot(page, 'registration-errors');

  await register(page, email, password);
  await waitForForm(page);
  await shoot(page, 'verification');

  await page.goto(`${base}/settings`);
  await waitForForm(page);
  await page.locator('img#totp_qr').waitFor();
  await shoot(page, 'settings');

  await page.goto(`${base}/`);
  await page.getByText(`Signed in as ${email}`).waitFor();
  await shoot(page, 'home');

  await logout(page);
  await page.goto(`${base}/recovery`);
  await waitForForm(page);
  await shoot(page, 'recovery');

  await page.goto(`${base}/error?id=00000000-0000-0000-0000-000000000000`);
  await page.locator('.lk-error').waitFor();
  await shoot(page, 'error');

  await assertNoProblems(page);
});
