// The drop-in app without rebuilding: languages fetched as data when they are
// needed, and a site file (<meta name="kratos-site">) with the product's
// name, logo, terms and privacy links and texts that reword or add a language.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, base, closeBrowser, newPage, waitForPath, whoami } from './helpers.mjs';

after(closeBrowser);

// Every URL the page requests, in order.
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

// Serves index.html with <meta name="kratos-site" content="..."> and the
// given files (path → [content type, body]) on the page's origin.
async function withSite(page, siteUrl, files) {
  await page.route(/\/(login|registration|settings)?(\?|$)/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/(<meta name="kratos-site" content=")[^"]*"/, `$1${siteUrl}"`);
    await route.fulfill({ response, body: html });
  });
  for (const [path, [contentType, body]] of Object.entries(files)) {
    await page.route(`${base}${path}`, (route) => route.fulfill({ status: 200, contentType, body }));
  }
}

const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#4338ca"/></svg>';

test('a language the app does not compile in is fetched when it is needed, and only then', async () => {
  const dutch = await newPage({ locale: 'nl-NL' });
  const requests = recordRequests(dutch);
  await dutch.goto(`${base}/login`);
  await dutch.getByRole('heading', { name: 'Inloggen' }).waitFor();
  await dutch.getByRole('button', { name: 'Inloggen met wachtwoord' }).waitFor();
  assert.equal(await dutch.locator('html').getAttribute('lang'), 'nl');
  assert.deepEqual(requests.filter((url) => url.includes('/locales/')), [`${base}/locales/nl.json`]);
  await dutch.getByLabel('ID').fill('demo@example.com');
  await dutch.getByLabel('Wachtwoord').fill('wrong password 1234');
  await dutch.getByRole('button', { name: 'Inloggen met wachtwoord' }).click();
  // Kratos's message by id, in Dutch.
  await dutch.getByText(/De opgegeven gegevens zijn onjuist/).waitFor();
  await assertNoProblems(dutch);

  const english = await newPage();
  const englishRequests = recordRequests(english);
  await english.goto(`${base}/login`);
  await english.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.deepEqual(englishRequests.filter((url) => url.includes('/locales/')), [], 'English is built in');
  await assertNoProblems(english);
});

test('a site file brands the page and rewords a language or adds one', async () => {
  const site = {
    product_name: 'Acme',
    logo: '/acme-logo.svg',
    terms_url: 'https://acme.example/terms',
    privacy_url: '/privacy',
    messages: {
      en: { 'lk.login-title': 'Sign in to Acme' },
      eo: 'eo.json',
    },
  };
  const esperanto = {
    'lk.login-title': 'Ensalutu al Acme',
    'identities.messages.1010022': 'Ensaluti per pasvorto',
    'login.title': 'a key of another UI, skipped',
  };
  const files = {
    '/site.json': ['application/json', JSON.stringify(site)],
    '/eo.json': ['application/json', JSON.stringify(esperanto)],
    '/acme-logo.svg': ['image/svg+xml', logo],
  };

  const page = await newPage();
  await withSite(page, '/site.json', files);
  await page.goto(`${base}/login`);
  await page.getByRole('heading', { name: 'Sign in to Acme' }).waitFor();
  assert.equal(await page.title(), 'Sign in to Acme · Acme');
  const brand = page.locator('.lk-brand');
  assert.equal(await brand.textContent(), 'Acme');
  const image = brand.locator('img.lk-logo');
  assert.equal(await image.getAttribute('src'), `${base}/acme-logo.svg`);
  assert.equal(await image.getAttribute('alt'), '', 'decorative beside the name');
  assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loads under the CSP');
  const terms = page.getByRole('link', { name: 'Terms of service' });
  assert.equal(await terms.getAttribute('href'), 'https://acme.example/terms');
  assert.equal(await page.getByRole('link', { name: 'Privacy policy' }).getAttribute('href'), `${base}/privacy`);
  // The branded page still signs in.
  await page.getByLabel('ID').fill('demo@example.com');
  await page.getByLabel('Password').fill('demo-password-1234');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await waitForPath(page, '/');
  assert.equal((await whoami(page)).status, 200);
  await assertNoProblems(page);

  // A language neither the app nor the library has, from the site file;
  // what it leaves out is English, never an id.
  const added = await newPage({ locale: 'eo' });
  await withSite(added, '/site.json', files);
  await added.goto(`${base}/login`);
  await added.getByRole('heading', { name: 'Ensalutu al Acme' }).waitFor();
  await added.getByRole('button', { name: 'Ensaluti per pasvorto' }).waitFor();
  await added.getByRole('link', { name: 'Forgot your password?' }).waitFor();
  assert.equal(await added.locator('html').getAttribute('lang'), 'eo');
  await assertNoProblems(added);
});

test('a site file cannot lead the page elsewhere', async () => {
  const hostile = {
    product_name: 'Acme',
    logo: 'https://evil.example/logo.svg',
    terms_url: 'javascript:alert(1)',
    privacy_url: 'data:text/html,<script>alert(1)</script>',
    messages: { en: 'https://evil.example/en.json' },
  };
  const page = await newPage();
  const requests = recordRequests(page);
  await withSite(page, '/site.json', { '/site.json': ['application/json', JSON.stringify(hostile)] });
  await page.goto(`${base}/login`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('.lk-brand').textContent(), 'Acme');
  assert.equal(await page.locator('.lk-brand img').count(), 0, 'no logo from another origin');
  assert.equal(await page.locator('.lk-legal').count(), 0, 'no javascript: or data: links');
  assert.deepEqual(requests.filter((url) => url.includes('evil.example')), []);
  await assertNoProblems(page);

  // A site file on another origin is not fetched at all; a broken one is
  // left out and the page starts anyway.
  for (const [siteUrl, files] of [
    ['https://evil.example/site.json', {}],
    ['/broken.json', { '/broken.json': ['application/json', '{"product_name": '] }],
  ]) {
    const other = await newPage();
    const otherRequests = recordRequests(other);
    await withSite(other, siteUrl, files);
    await other.goto(`${base}/login`);
    await other.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(await other.locator('.lk-brand').count(), 0);
    assert.deepEqual(otherRequests.filter((url) => url.includes('evil.example')), []);
    await assertNoProblems(other);
  }
});
