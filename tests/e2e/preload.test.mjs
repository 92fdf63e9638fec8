// The first page's request starts while the module loads (preload.js) and
// the app uses its answer instead of asking again — once: a navigation
// inside the app, a reload or a failed preload ask Kratos normally.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, newPage, register, uniqueEmail, waitForForm,
} from './helpers.mjs';

after(closeBrowser);

// Records the requests to Kratos's API (method and path with query).
function kratosRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^\/(self-service|sessions)\//.test(url.pathname)) {
      seen.push(`${request.method()} ${url.pathname}${url.search}`);
    }
  });
  return seen;
}

// Holds the WebAssembly module back for a moment, as a slow network does.
async function slowModule(page) {
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
}

// Resource Timing of the flow request and the module, in the page.
function timings(page, flowPath) {
  return page.evaluate((flowPath) => {
    const entries = performance.getEntriesByType('resource');
    const flow = entries.find((entry) => new URL(entry.name).pathname === flowPath);
    const wasm = entries.find((entry) => entry.name.endsWith('_bg.wasm'));
    return { flowStart: flow?.startTime, wasmEnd: wasm?.responseEnd };
  }, flowPath);
}

test('the login flow is asked for while the module loads, and only once', async () => {
  const page = await newPage();
  await slowModule(page);
  const requests = kratosRequests(page);
  await page.goto(`${base}/login?return_to=${encodeURIComponent(`${base}/settings`)}&aal=&unknown=1`);
  await waitForForm(page);
  const { flowStart, wasmEnd } = await timings(page, '/self-service/login/browser');
  assert.ok(flowStart < wasmEnd, `the flow request (${flowStart} ms) starts before the module is loaded (${wasmEnd} ms)`);
  assert.deepEqual(requests, [
    `GET /self-service/login/browser?return_to=${encodeURIComponent(`${base}/settings`)}`,
  ]);

  // A reload shows the same flow (?flow=): fetched once, by the preload.
  const id = new URL(page.url()).searchParams.get('flow');
  assert.ok(id, 'the address names the flow');
  requests.length = 0;
  await page.reload();
  await waitForForm(page);
  assert.deepEqual(requests, [`GET /self-service/login/flows?id=${id}`]);

  // Another page and back: each asks once, no answer is used twice.
  await page.getByRole('link', { name: /Sign up/ }).click();
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await page.goBack();
  await waitForForm(page);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('flow'));
  assert.equal(requests.filter((r) => r.startsWith('GET /self-service/registration/browser')).length, 1);
  assert.equal(requests.filter((r) => r.startsWith('GET /self-service/login/')).length, 2);
  await assertNoProblems(page);
});

test('settings and the home page have their session asked for early', async () => {
  const page = await newPage();
  const email = uniqueEmail('preload');
  await register(page, email, 'a preloaded password');
  await slowModule(page);
  const requests = kratosRequests(page);
  await page.goto(`${base}/settings`);
  await waitForForm(page);
  await page.getByText(/This device/).waitFor();
  const { flowStart, wasmEnd } = await timings(page, '/self-service/settings/browser');
  assert.ok(flowStart < wasmEnd, 'the settings flow is asked for before the module is loaded');
  assert.deepEqual(requests.filter((r) => !r.startsWith('GET /sessions?')).sort(), [
    'GET /self-service/settings/browser',
    'GET /sessions/whoami',
  ]);

  requests.length = 0;
  await page.goto(`${base}/`);
  await page.getByText(`Signed in as ${email}`).waitFor();
  const home = await timings(page, '/sessions/whoami');
  assert.ok(home.flowStart < home.wasmEnd, 'whoami is asked for before the module is loaded');
  assert.deepEqual(requests, ['GET /sessions/whoami']);
  await assertNoProblems(page);
});

test('a preload that fails is asked again by the app', async () => {
  const page = await newPage();
  let first = true;
  await page.route(/\/self-service\/registration\/browser/, async (route) => {
    if (first) {
      first = false;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  const requests = kratosRequests(page);
  await page.goto(`${base}/registration`);
  await waitForForm(page);
  assert.equal(requests.filter((r) => r === 'GET /self-service/registration/browser').length, 2);
  page.problems = page.problems.filter((problem) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(problem));
  await assertNoProblems(page);
});
