// The release build served as a CDN would (the development server's
// --ui-dir): precompressed copies for browsers that accept them, the wasm
// as application/wasm, hashed files cached for good, pages revalidated,
// and preload hints for the module in index.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { base } from './helpers.mjs';

// One GET with these request headers: status, headers, raw body bytes.
function fetchRaw(path, headers = {}) {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks),
      }));
    }).on('error', reject);
  });
}

test('the build is served compressed, typed and cached as a CDN would', async () => {
  const page = await fetchRaw('/login', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['cache-control'], 'no-cache');
  const html = page.body.toString();
  const wasm = /href="([^"]+_bg\.wasm)"/.exec(html)?.[1];
  const js = /rel="modulepreload" href="([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(wasm && js, 'index.html preloads the module and its bindings');
  assert.match(html, /<link rel="preload" href="[^"]+_bg\.wasm"[^>]* as="fetch" type="application\/wasm"/);

  const plain = await fetchRaw(wasm);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');

  const br = await fetchRaw(wasm, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.length < plain.body.length / 2, 'brotli is less than half the size');
  assert.deepEqual(brotliDecompressSync(br.body), plain.body);

  const gzip = await fetchRaw(js, { 'accept-encoding': 'gzip' });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(gzip.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.deepEqual(gunzipSync(gzip.body), (await fetchRaw(js)).body);

  const refused = await fetchRaw(js, { 'accept-encoding': 'br;q=0, gzip;q=0' });
  assert.equal(refused.headers['content-encoding'], undefined);

  // Files a deployer edits are never cached for good nor sent precompressed.
  const locale = await fetchRaw('/locales/de.json', { 'accept-encoding': 'br' });
  assert.equal(locale.status, 200);
  assert.equal(locale.headers['cache-control'], 'no-cache');
  assert.equal(locale.headers['content-encoding'], undefined);
  assert.equal(JSON.parse(locale.body)['$name'], 'Deutsch');
});
