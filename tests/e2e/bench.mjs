// Page-load benchmark of the drop-in app (not a test: nothing here passes
// or fails on time). Run by `bash .ci/bench`, which serves the release build
// with the development server. For the login, registration and settings
// pages, in headless Chromium with a cold cache, on a fast machine and on a
// "slow phone" (4x CPU throttling, 1.6 Mbps down / 750 kbps up, 150 ms
// round trip), over several runs: the median and p90 of the time to the
// first rendered form control and to interactive (the submit button
// enabled), the bytes transferred, and — from the Resource Timing API —
// when the flow request started and when the WebAssembly module had loaded.
//   BENCH_BASES="label=http://localhost:4460 ..." BENCH_RUNS=7 node bench.mjs [out.md]
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const bases = (process.env.BENCH_BASES ?? 'current=http://localhost:4460')
  .split(/\s+/).filter(Boolean).map((entry) => entry.split('='));
const out = process.argv[2];

const profiles = {
  fast: null,
  'slow phone': { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 },
};
const pages = {
  login: { path: '/login', flow: '/self-service/login/browser' },
  registration: { path: '/registration', flow: '/self-service/registration/browser' },
  settings: { path: '/settings', flow: '/self-service/settings/browser', signedIn: true },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

// Marks, in the page's own clock, when a form control is first drawn and
// when the submit button is first enabled.
function observe() {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    const form = document.querySelector('main form.lk-form');
    if (!form) return;
    if (marks.form === undefined && form.querySelector('input:not([type=hidden]), button')) {
      marks.form = performance.now();
    }
    const submit = form.querySelector('button[type=submit]:not([disabled]):not([aria-disabled=true])');
    if (marks.interactive === undefined && submit && !form.closest('[aria-busy=true]')
      && form.getAttribute('aria-busy') !== 'true') {
      marks.interactive = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

// A signed-in browser state for the settings page.
async function signedIn(base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  await page.goto(`${base}/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill('a benchmark password');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/verification');
  const state = await context.storageState();
  await context.close();
  return state;
}

async function measure(base, page, profile, storageState) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const tab = await context.newPage();
  await tab.addInitScript(observe);
  if (profile) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: profile.latency,
      downloadThroughput: profile.down, uploadThroughput: profile.up,
    });
  }
  await tab.goto(`${base}${page.path}`);
  await tab.waitForFunction(() => window.__benchMarks?.interactive !== undefined, null, { timeout: 120000 });
  const figures = await tab.evaluate((flowPath) => {
    const entries = performance.getEntriesByType('resource');
    const navigation = performance.getEntriesByType('navigation')[0];
    const flow = entries.find((entry) => new URL(entry.name).pathname === flowPath);
    const wasm = entries.find((entry) => entry.name.endsWith('.wasm'));
    return {
      form: window.__benchMarks.form,
      interactive: window.__benchMarks.interactive,
      bytes: entries.reduce((sum, entry) => sum + entry.transferSize, navigation.transferSize),
      flowStart: flow?.startTime,
      wasmEnd: wasm?.responseEnd,
    };
  }, page.flow);
  await context.close();
  return figures;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (value) => (value === undefined ? '—' : `${Math.round(value)}`);

const lines = [
  `| build | page | profile | first form control, median / p90 (ms) | interactive, median / p90 (ms) | flow request starts (median ms) | wasm loaded (median ms) | transferred (bytes) |`,
  '|---|---|---|---:|---:|---:|---:|---:|',
];
for (const [label, base] of bases) {
  const state = await signedIn(base);
  for (const [name, page] of Object.entries(pages)) {
    for (const [profileName, profile] of Object.entries(profiles)) {
      const results = [];
      for (let run = 0; run < runs; run += 1) {
        results.push(await measure(base, page, profile, page.signedIn ? state : null));
      }
      const pick = (key) => results.map((r) => r[key]).filter((v) => v !== undefined);
      const line = `| ${label} | ${name} | ${profileName} | ${ms(quantile(pick('form'), 0.5))} / ${ms(quantile(pick('form'), 0.9))} | ${ms(quantile(pick('interactive'), 0.5))} / ${ms(quantile(pick('interactive'), 0.9))} | ${ms(quantile(pick('flowStart'), 0.5))} | ${ms(quantile(pick('wasmEnd'), 0.5))} | ${quantile(pick('bytes'), 0.5)} |`;
      lines.push(line);
      console.log(line);
    }
  }
}
await browser.close();

if (out) {
  const header = [
    '# Page-load benchmark',
    '',
    `Written by \`bash .ci/bench\` on ${new Date().toISOString().slice(0, 10)}: the release build served by the`,
    'development server, headless Chromium, a cold cache per run; "current" as served now',
    '(preload script, precompressed files), "baseline" the same build without them,',
    `${runs} runs per row. "slow phone": 4x CPU throttling, 1.6 Mbps down / 750 kbps up, 150 ms`,
    'round trip. Times are from the start of navigation; "flow request starts" and "wasm',
    'loaded" come from the Resource Timing API (the flow request starting before the module',
    'has loaded is the preload at work).',
    '',
  ];
  writeFileSync(out, `${[...header, ...lines].join('\n')}\n`);
}
