// Where the bytes of a WebAssembly module go: its sections, its biggest
// functions, and the code summed by crate and by module of leptos-kratos.
// Reads the module's `name` section (build with names kept: see .ci/bytes).
//   node .ci/tools/wasm-bytes.mjs app.wasm [top]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const bytes = readFileSync(file);
let at = 8; // magic and version

function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}
function text() {
  const length = leb();
  const value = bytes.toString('utf8', at, at + length);
  at += length;
  return value;
}

const sectionNames = {
  0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
  7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count',
};
const sections = new Map();
let importedFunctions = 0;
const bodies = []; // sizes of the defined functions' bodies, in order
const names = new Map(); // function index → name

while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  const end = start + size;
  let label = sectionNames[id] ?? `section ${id}`;
  if (id === 0) {
    const name = text();
    label = `custom "${name}"`;
    if (name === 'name') {
      while (at < end) {
        const kind = bytes[at++];
        const length = leb();
        const next = at + length;
        if (kind === 1) {
          for (let count = leb(); count > 0; count -= 1) names.set(leb(), text());
        }
        at = next;
      }
    }
  } else if (id === 2) {
    for (let count = leb(); count > 0; count -= 1) {
      text();
      text();
      const kind = bytes[at++];
      if (kind === 0) { importedFunctions += 1; leb(); }
      else if (kind === 1) { at += 1; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { at += 2; }
    }
  } else if (id === 10) {
    for (let count = leb(); count > 0; count -= 1) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  }
  sections.set(label, (sections.get(label) ?? 0) + size);
  at = end;
}

// Shares of the module as shipped: without the name section.
const total = bytes.length - (sections.get('custom "name"') ?? 0);
const percent = (size) => `${((100 * size) / total).toFixed(1).padStart(5)} %`;
const row = (size, label) => `${String(size).padStart(9)} ${percent(size)}  ${label}`;

console.log(`${file}: ${total} bytes without names, ${bodies.length} functions, ${names.size} named`);
console.log('\nsections');
for (const [label, size] of [...sections].sort((a, b) => b[1] - a[1])) console.log(row(size, label));

// Names without their hashes (legacy `::h0123456789abcdef`, v0's crate
// disambiguators `[0123456789abcdef]`), so copies group.
const functions = bodies.map((size, index) => ({
  size,
  name: (names.get(index + importedFunctions) ?? `function ${index + importedFunctions}`)
    .replace(/::h[0-9a-f]{16}/g, '')
    .replace(/\[[0-9a-f]{16}\]/g, ''),
}));
if (names.size === 0) {
  console.log('\nno name section: build with names kept to see functions');
  process.exit(0);
}

console.log(`\nthe ${top} biggest functions`);
for (const { size, name } of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(row(size, name.length > 140 ? `${name.slice(0, 137)}...` : name));
}

// The crate a function's code is counted to: the first path of its name
// (`<leptos_kratos::X as serde::Deserialize>::f` → leptos_kratos).
function crateOf(name) {
  const match = /^[<&*(\s]*(?:(?:dyn|impl|mut|const)\s+)*([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  return match ? match[1] : '(other)';
}
// The module of leptos-kratos a function is for, if its name mentions one
// anywhere (generic code monomorphised for the crate's types counts too):
// the module path after `leptos_kratos::`, two levels deep at most.
function moduleOf(name) {
  const match = /leptos_kratos(_app)?::((?:[a-z_0-9]+::)*)/.exec(name);
  if (!match) return null;
  if (match[1]) return '(the app\'s main.rs)';
  const modules = match[2].split('::').filter(Boolean).filter((part) => !part.startsWith('__component'));
  return modules.length === 0 ? '(crate root)' : modules.slice(0, 2).join('::');
}
function summed(key) {
  const sums = new Map();
  for (const { size, name } of functions) {
    const group = key(name);
    if (group === null) continue;
    const entry = sums.get(group) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count += 1;
    sums.set(group, entry);
  }
  return [...sums].sort((a, b) => b[1].size - a[1].size).slice(0, top);
}

console.log('\ncode by crate (the first path of each function\'s name)');
for (const [group, { size, count }] of summed(crateOf)) console.log(row(size, `${group} (${count})`));
console.log('\ncode by module of leptos-kratos (functions naming it, generic code for its types included)');
for (const [group, { size, count }] of summed(moduleOf)) console.log(row(size, `${group} (${count})`));
