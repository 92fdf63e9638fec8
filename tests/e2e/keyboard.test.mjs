// A whole sign-in with the keyboard alone: Tab moves through the page with a
// visible focus ring, Enter submits the method of the field it is pressed
// in (not the social button that comes first), focus lands on the error
// after a wrong password and on the heading after navigation, the password
// can be shown and hidden without submitting, the code step's "Not you?",
// resend and code field are reached in order, and signing out works from the
// keyboard too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoProblems, base, closeBrowser, logout, newPage, register, uniqueEmail, waitForForm,
  waitForPath, whoami,
} from './helpers.mjs';

after(closeBrowser);

// What has focus: a short description, and whether its focus ring shows.
async function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      name: element.getAttribute('name') ?? '',
      value: element.getAttribute('value') ?? '',
      classes: element.className,
      text: element.textContent.trim(),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

// Presses Tab until `matches(focused)` holds; every stop on the way must show
// a focus ring.
async function tabTo(page, description, matches) {
  for (let presses = 0; presses < 20; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert.ok(now.ring, `a visible focus ring on ${JSON.stringify(now)}`);
    if (matches(now)) return now;
  }
  throw new Error(`Tab never reached ${description}`);
}

test('sign in and out with the keyboard alone', async () => {
  const page = await newPage();
  const email = uniqueEmail('keyboard');
  const password = 'keys only, no mouse';
  await register(page, email, password);
  await logout(page);

  await page.goto(`${base}/login`);
  await waitForForm(page);
  // Social sign-in comes first; the identifier follows.
  const first = await tabTo(page, 'any control', () => true);
  assert.equal(first.name, 'provider', 'social sign-in is the first stop');
  await tabTo(page, 'the identifier', (f) => f.name === 'identifier');
  await page.keyboard.type(email);
  await tabTo(page, 'the password', (f) => f.name === 'password');
  await page.keyboard.type('not the password');
  // The toggle comes next: Space shows the password and submits nothing.
  await tabTo(page, 'show password', (f) => f.classes.includes('lk-reveal'));
  const posts = [];
  page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
  const passwordField = page.getByLabel('Password', { exact: true });
  await page.keyboard.press('Space');
  assert.equal(await passwordField.getAttribute('type'), 'text');
  assert.equal(await page.locator('.lk-reveal').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await passwordField.getAttribute('type'), 'password');
  assert.deepEqual(posts, [], 'the toggle never submits');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).name, 'password');
  await page.keyboard.press('Enter');

  // The error is announced and focused; what was typed is kept, the password is not.
  await page.getByText(/The provided credentials are invalid/).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('lk-messages'));
  assert.equal(await page.getByLabel('ID').inputValue(), email);
  assert.equal(await page.getByLabel('Password').inputValue(), '');

  await tabTo(page, 'the password', (f) => f.name === 'password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');

  // Signed in: the home page, with focus on its heading.
  await waitForPath(page, '/');
  await page.getByText(`Signed in as ${email}`).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('lk-title'));
  assert.equal((await whoami(page)).status, 200);

  await tabTo(page, 'sign out', (f) => f.text === 'Sign out');
  await page.keyboard.press('Enter');
  await page.getByText('You are not signed in.').waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('lk-title'));
  assert.equal((await whoami(page)).status, 401);
  await assertNoProblems(page);
});

test('the code step with the keyboard alone', async () => {
  const page = await newPage();
  await page.goto(`${base}/login`);
  await waitForForm(page);
  await tabTo(page, 'the identifier', (f) => f.name === 'identifier');
  await page.keyboard.type('demo@example.com');
  await tabTo(page, 'send a code', (f) => f.text === 'Send sign-in code');
  await page.keyboard.press('Enter');

  // Focus moves to the code; resend follows it (waiting, but in the tab
  // order), then the submit button.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'code');
  const resend = await tabTo(page, 'resend', (f) => f.text === 'Resend code');
  assert.equal(resend.name, 'resend');
  const posts = [];
  page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
  await page.keyboard.press('Enter');
  await tabTo(page, 'continue', (f) => f.text === 'Continue');
  assert.deepEqual(posts, [], 'a waiting resend sends nothing');

  // Back up to "Not you?": it starts over with an empty identifier.
  for (let presses = 0; presses < 10; presses += 1) {
    await page.keyboard.press('Shift+Tab');
    if ((await focused(page)).text === 'Not you?') break;
  }
  const notYou = await focused(page);
  assert.equal(notYou.text, 'Not you?');
  assert.ok(notYou.ring, 'a visible focus ring on "Not you?"');
  await page.keyboard.press('Enter');
  await page.getByLabel('ID').waitFor();
  assert.equal(await page.getByLabel('ID').inputValue(), '');
  await assertNoProblems(page);
});

