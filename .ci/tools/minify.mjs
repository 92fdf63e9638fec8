// Minifies a built UI's JavaScript (terser) and CSS (csso) in place, and
// renews the Subresource Integrity hashes that index.html holds for them,
// so the page still loads what it names. Trunk runs it after a release
// build (the post_build hooks of Trunk.toml and the examples' configs);
// .ci/build-elements runs it on the custom elements' folder.
//   node .ci/tools/minify.mjs [dir]
// Files in sub-folders (the language files) are left alone, as is
// index.html itself: deployers edit it. A classic script (one that
// index.html loads without type="module") is minified as a script, every
// other .js as a module. Without the npm packages (.ci/tools, installed by
// .ci/install) it changes nothing and says so.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

let terser;
let csso;
try {
  terser = await import('terser');
  csso = await import('csso');
} catch {
  console.error('minify: terser or csso missing (bash .ci/install), files left as built');
  process.exit(0);
}

const indexPath = join(dir, 'index.html');
let index = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;

// The names index.html loads as classic scripts: <script src> without
// type="module".
const classic = new Set();
for (const tag of index?.match(/<script\b[^>]*>/g) ?? []) {
  const src = /\bsrc="([^"]*)"/.exec(tag);
  if (src && !/\btype="module"/.test(tag)) classic.add(src[1].split('/').pop());
}

const files = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(js|css)$/.test(entry.name))
  .map((entry) => entry.name);
let before = 0;
let after = 0;
for (const name of files) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  let output;
  if (name.endsWith('.css')) {
    // No restructuring: rules keep their order and grouping.
    output = csso.minify(source, { restructure: false }).css;
  } else {
    const module = !classic.has(name);
    const result = await terser.minify(source, { module, compress: true, mangle: true });
    output = result.code;
  }
  writeFileSync(path, output);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(output);
  if (index !== null) index = renewIntegrity(index, name, output);
}
if (index !== null) writeFileSync(indexPath, index);
console.error(`minify: ${files.length} files in ${dir}, ${before} → ${after} bytes`);

// Every tag of index.html that names `name` (href or src) and carries an
// integrity hash gets the hash of the new content, same algorithm.
function renewIntegrity(html, name, content) {
  return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const target = /\b(?:href|src)="([^"]*)"/.exec(tag);
    if (!target || target[1].split('/').pop() !== name) return tag;
    return tag.replace(/\bintegrity="(sha256|sha384|sha512)-[^"]*"/, (_, algorithm) => {
      const hash = createHash(algorithm).update(content).digest('base64');
      return `integrity="${algorithm}-${hash}"`;
    });
  });
}
