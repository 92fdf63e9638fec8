// Shared helpers for the end-to-end journeys: a headless Chromium, the app
// and the development server on one origin (E2E_BASE, started by .ci/e2e),
// and the server's development endpoints (mailbox, TOTP, faults, config).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { auditAccessibility, auditsSettled } from './a11y.mjs';

export const base = process.env.E2E_BASE ?? 'http://localhost:4455';

// The same app and server with the native WebAuthn mode (index.html's
// <meta name="kratos-webauthn" content="native">), on another origin.
export const nativeBase = process.env.E2E_NATIVE_BASE ?? 'http://localhost:4456';

// The origin a page works on (`page.base`, else the default).
export function origin(page) {
  return page.base ?? base;
}

const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

let browserPromise;
export function browser() {
  browserPromise ??= chromium.launch(launchOptions);
  return browserPromise;
}

export async function closeBrowser() {
  if (browserPromise) {
    await (await browserPromise).close();
    browserPromise = undefined;
  }
}

// A fresh browser profile (cookies) with a page that records page errors,
// console errors other than the browser's own logging of 4xx answers (which
// Kratos uses for validation: they are expected), and accessibility
// violations of every state it reaches (see a11y.mjs). `options` are the
// browser context's (e.g. `{ locale: 'nl-NL' }`).
export async function newPage(options = {}) {
  const context = await (await browser()).newContext({ reducedMotion: 'reduce', ...options });
  // The pages run under a strict Content-Security-Policy (.ci/e2e starts
  // the server with --csp): any violation is a problem of the journey.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (4\d\d)/.test(message.text())) {
      page.problems.push(`console error: ${message.text()}`);
    }
  });
  await auditAccessibility(page);
  return page;
}

// No page or console errors and no accessibility violations so far; at least
// one state of the app was audited.
export async function assertNoProblems(page) {
  await auditsSettled(page);
  assert.deepEqual(page.problems, [], 'no page or console errors, no accessibility violations');
  assert.ok(page.audited.length > 0, 'the accessibility audit ran');
}

let counter = 0;
export function uniqueEmail(prefix) {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@example.com`;
}

// The example Leptos app (examples/router) with its own server.
export const exampleBase = process.env.E2E_EXAMPLE_BASE ?? 'http://localhost:4457';

// The server-rendered example (examples/ssr) and its development server,
// on another origin (the browser posts forms there).
export const ssrBase = process.env.E2E_SSR_BASE ?? 'http://localhost:4458';
export const ssrKratos = process.env.E2E_SSR_KRATOS ?? 'http://localhost:4459';

// Gives the page's browser a virtual platform authenticator (Chromium's
// CDP: resident keys, user verification, presence confirmed at once).
export async function addVirtualAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

// Records each start of passkey autofill on the pages `page` opens from now
// on (a call of webauthn.js's oryPasskeyLoginAutocompleteInit, the script
// mode's trigger), as the page's address; the returned list fills as they
// happen. One page must start it once: a second start can post the form twice.
export async function recordAutofillStarts(page) {
  const starts = [];
  await page.exposeFunction('recordAutofillStart', (address) => starts.push(address));
  await page.addInitScript(() => {
    let defined;
    Object.defineProperty(window, 'oryPasskeyLoginAutocompleteInit', {
      configurable: true,
      get() {
        return defined && ((...args) => {
          window.recordAutofillStart(location.href);
          return defined(...args);
        });
      },
      set(value) { defined = value; },
    });
  });
  return starts;
}

async function dev(method, path, body, server = base) {
  const response = await fetch(server + path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

// The newest code mailed to `to`, once more than `after` codes were mailed
// (pass the count from before the request that sends one, so an older code
// is never taken for the new one).
export async function mailedCode(to, server = base, after = 0) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const mails = await dev('GET', `/__dev/mail?to=${encodeURIComponent(to)}`, undefined, server);
    const withCode = mails.filter((mail) => mail.code);
    if (withCode.length > after) return withCode.at(-1).code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code was mailed to ${to}`);
}

export async function mailCount(to, server = base) {
  return (await dev('GET', `/__dev/mail?to=${encodeURIComponent(to)}`, undefined, server)).filter((mail) => mail.code).length;
}

export async function totpCode(secret, server = base) {
  return (await dev('GET', `/__dev/totp?secret=${encodeURIComponent(secret)}`, undefined, server)).code;
}

export async function configure(patch) {
  return dev('POST', '/__dev/config', patch);
}

export async function expireFlow(id, server = base) {
  await dev('POST', `/__dev/flows/${id}/expire`, {}, server);
}

export async function ageSessions(seconds) {
  await dev('POST', '/__dev/sessions/age', { seconds });
}

// The session as Kratos (at `server`) sees it for this page's cookies:
// {status, body}.
export async function whoami(page, server = origin(page)) {
  const response = await page.request.get(`${server}/sessions/whoami`, { headers: { Accept: 'application/json' } });
  return { status: response.status(), body: await response.json() };
}

export function flowId(page) {
  return new URL(page.url()).searchParams.get('flow');
}

// Waits until the flow page shows its form(s), none of them busy.
export async function waitForForm(page) {
  await page.locator('.lk-flow:not(:has(form[aria-busy="true"])) form.lk-form').first().waitFor();
}

export async function waitForPath(page, path) {
  await page.waitForURL((url) => url.pathname === path);
}

export async function flowMessages(page) {
  return (await page.locator('.lk-messages .lk-message').allTextContents()).map((t) => t.trim());
}

export async function logout(page) {
  await page.goto(`${origin(page)}/`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You are not signed in.').waitFor();
}

export async function register(page, email, password) {
  await page.goto(`${origin(page)}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await waitForPath(page, '/verification');
}

export async function login(page, email, password) {
  await page.goto(`${origin(page)}/login`);
  await page.getByLabel('ID').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}
