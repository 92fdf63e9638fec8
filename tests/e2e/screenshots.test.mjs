// Screenshots of every flow in light and dark, for people to look at:
// tests/e2e/output/screenshots/<state>-<theme>.png (not committed). With
// E2E_README_SCREENSHOTS=1 the states the README shows are also written to
// tests/e2e/screenshots/.
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
// The states the README shows.
const inReadme = new Set(['login', 'login-code', 'backup-codes', 'branded']);
mkdirSync(output, { recursive: true });

// A plain mark for the branded screenshot.
const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
  + '<rect width="32" height="32" rx="8" fill="#4f46e5"/>'
  + '<path d="M9 17l5 5 9-11" stroke="#fff" stroke-width="3" fill="none"/></svg>';

// Both themes of the page as it is now (the system preference decides);
// `part` (a locator) narrows the picture to one element and a margin.
async function shoot(page, state, part = null) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const file = join(output, `${state}-${colorScheme}.png`);
    const options = { path: file, fullPage: true, animations: 'disabled', caret: 'hide' };
    if (part) {
      const box = await part.boundingBox();
      const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
      options.clip = {
        x: box.x + scroll.x - 32, y: box.y + scroll.y - 24, width: box.width + 64, height: box.height + 48,
      };
    }
    await page.screenshot(options);
    if (process.env.E2E_README_SCREENSHOTS === '1' && inReadme.has(state)) {
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

  // The code step: where the code went, the one-time-code field, resend.
  await page.goto(`${base}/login`);
  await waitForForm(page);
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  await page.getByLabel('Sign-in code').waitFor();
  await shoot(page, 'login-code');

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

  // Backup codes as they are shown once: copy, download, confirm.
  await page.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
  await page.locator('#lookup_secret_codes li code').first().waitFor();
  await shoot(page, 'backup-codes', page.locator('form', { has: page.locator('#lookup_secret_codes') }));

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

test('a screenshot of a branded sign-in page in another language', async () => {
  const page = await newPage({ locale: 'nl-NL' });
  await page.setViewportSize({ width: 560, height: 760 });
  const site = {
    product_name: 'Voorbeeld',
    logo: `data:image/svg+xml,${encodeURIComponent(logo)}`,
    logo_alt: 'Voorbeeld',
    terms_url: 'https://example.com/terms',
    privacy_url: 'https://example.com/privacy',
  };
  await page.route(/\/login(\?|$)/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /(<meta name="kratos-site" content=")[^"]*"/,
      `$1/site.json"`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.route(/\/site\.json$/, (route) => route.fulfill({ json: site }));
  await page.goto(`${base}/login`);
  await waitForForm(page);
  await page.locator('.lk-brand img').waitFor();
  await shoot(page, 'branded');
  await assertNoProblems(page);
});

