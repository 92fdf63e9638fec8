// Accessibility audits with axe-core on every state a journey reaches.
//
// An init script in each page watches the app's DOM; once it has been quiet
// for a moment, axe audits the page twice, with data-theme="light" and
// data-theme="dark" on <html>, and reports violations of WCAG 2.2 A/AA and
// axe's best practices back to the test. A state that changes while it is
// being audited is audited again once it settles. Pages that are not the
// app's (the fake identity provider) are skipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// Runs in the page (serialised into the init script).
function auditor(tags) {
  if (window.top !== window) return;
  let timer = null;
  let running = false;
  let dirty = false;
  const idle = [];
  const settle = () => {
    if (timer === null && !running) idle.splice(0).forEach((resolve) => resolve());
  };
  const schedule = () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  };
  async function run() {
    timer = null;
    if (running) return;
    if (!document.querySelector('main.lk-page')) {
      settle();
      return;
    }
    running = true;
    dirty = false;
    const root = document.documentElement;
    const saved = root.getAttribute('data-theme');
    const found = [];
    let failed = null;
    try {
      for (const theme of ['light', 'dark']) {
        root.setAttribute('data-theme', theme);
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
        for (const violation of result.violations) {
          found.push({
            theme,
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(' ')),
          });
        }
      }
    } catch (error) {
      failed = String(error);
    } finally {
      if (saved === null) root.removeAttribute('data-theme');
      else root.setAttribute('data-theme', saved);
      running = false;
    }
    if (dirty || failed) {
      // The page changed under the audit: audit the state it settles in.
      schedule();
      return;
    }
    const state = `${location.pathname} ${document.querySelector('.lk-card')?.dataset.flow ?? ''} ${
      document.querySelector('.lk-flow')?.dataset.state ?? ''}`.trim();
    await window.__lkAxeReport({ state, violations: found });
    settle();
  }
  window.__lkAxeIdle = () => new Promise((resolve) => {
    idle.push(resolve);
    settle();
  });
  const start = () => {
    new MutationObserver(schedule).observe(document.body, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
    schedule();
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

// Installs the auditor on a page; violations are added to `page.problems`
// and every audited state to `page.audited`.
export async function auditAccessibility(page) {
  page.audited = [];
  await page.exposeFunction('__lkAxeReport', ({ state, violations }) => {
    page.audited.push(state);
    for (const v of violations) {
      page.problems.push(`axe (${v.theme}) ${v.rule} [${v.impact}] on ${state}: ${v.help} — ${v.targets.join(', ')}`);
    }
  });
  await page.addInitScript({ content: `${axeSource}\n;(${auditor})(${JSON.stringify(tags)});` });
}

// Waits until the page's pending audit (if any) has reported.
export async function auditsSettled(page) {
  if (page.isClosed()) return;
  try {
    await page.evaluate(() => window.__lkAxeIdle?.());
  } catch {
    // The page is navigating away; its new document audits itself.
  }
}
