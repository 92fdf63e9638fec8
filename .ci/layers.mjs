// The layers of src/ and of the development server (tests/kratos-dev/src),
// read from each file's `crate::`, `super::` and child-module paths: a file
// may use files of its own layer or lower ones, never a higher one, and no
// files may form an import circle. Run by .ci/test (lint).
//
//   node .ci/layers.mjs          # check; prints the graph with --print
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// Lowest first. A module path (relative to the tree, without .rs) belongs to
// the first layer one of whose names it is or starts with (`name/`).
const trees = [
  {
    dir: 'src',
    skip: ['i18n/build.rs'], // the build script is no module of the crate
    layers: [
      ['model', 'url', 'sort'],
      ['client', 'i18n', 'webauthn'],
      ['config', 'navigation', 'server'],
      ['controller', 'session'],
      ['components'],
      ['flows'],
      ['provider'],
      ['app', 'main', 'lib'],
    ],
    // Pure renderers never fetch, navigate or touch the session.
    forbid: [['components', ['navigation', 'session', 'client/http', 'flows']]],
  },
  {
    // The development server: the flows stand on the strategies (methods),
    // which stand on the shared kit; none reaches up.
    dir: 'tests/kratos-dev/src',
    skip: [],
    forbid: [],
    layers: [
      ['time', 'text', 'http', 'config', 'nodes', 'redirect', 'ids', 'secrets'],
      ['csrf', 'schema', 'hydra/state', 'store', 'errors'],
      ['kit'],
      ['strategies'],
      ['flows'],
      ['hydra', 'sessions', 'dev', 'ui_files'],
      ['lib', 'main'],
    ],
  },
];

let failed = false;
for (const tree of trees) failed = check(tree) || failed;
process.exit(failed ? 1 : 0);

function check({ dir, skip, layers, forbid }) {
const src = join(root, dir);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.rs') && !skip.includes(relative(src, path)) ? [path] : [];
  });
}

// src/a/b.rs and src/a/b/mod.rs are module a::b.
function moduleOf(file) {
  const rel = relative(src, file).replace(/\.rs$/, '').split('/');
  if (rel.at(-1) === 'mod') rel.pop();
  return rel;
}

function fileOf(segments) {
  for (let n = segments.length; n > 0; n -= 1) {
    const base = join(src, ...segments.slice(0, n));
    for (const candidate of [`${base}.rs`, join(base, 'mod.rs')]) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function layerOf(file) {
  const path = relative(src, file).replace(/\.rs$/, '');
  const index = layers.findIndex((names) => names.some((name) => path === name || path.startsWith(`${name}/`)));
  if (index < 0) throw new Error(`${path} is in no layer: add it to .ci/layers.mjs`);
  return index;
}

// `{a::b, c::{d, e}}` → ['a::b', 'c::d', 'c::e'] (enough for use trees).
function expand(tree) {
  const open = tree.indexOf('{');
  if (open < 0) return [tree.trim()];
  const prefix = tree.slice(0, open);
  let depth = 0;
  let start = open + 1;
  const parts = [];
  for (let i = open; i < tree.length; i += 1) {
    if (tree[i] === '{') depth += 1;
    else if (tree[i] === '}') {
      depth -= 1;
      if (depth === 0) { parts.push(tree.slice(start, i)); break; }
    } else if (tree[i] === ',' && depth === 1) {
      parts.push(tree.slice(start, i));
      start = i + 1;
    }
  }
  return parts.filter((p) => p.trim()).flatMap((p) => expand(prefix + p.trim()));
}

// Without comments, strings and the test module at the end of the file
// (whose `super::` is the file itself).
function withoutComments(text) {
  const tests = text.search(/^#\[cfg\(test\)\]\s*mod /m);
  return (tests < 0 ? text : text.slice(0, tests)).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

const edges = new Map();
for (const file of files(src)) {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const self = moduleOf(file);
  const targets = new Set();
  const paths = [];
  for (const m of text.matchAll(/\buse\s+((?:crate|super)::[^;]*);/g)) paths.push(...expand(m[1].replace(/\s+/g, ' ')));
  // `use child::…` in a module file: an edge to its own child module.
  for (const m of text.matchAll(/\buse\s+([a-z_][a-z0-9_]*)::([^;]*);/g)) {
    if (existsSync(join(src, ...self, `${m[1]}.rs`)) || existsSync(join(src, ...self, m[1], 'mod.rs'))) {
      paths.push(...expand(`self::${m[1]}::${m[2]}`.replace(/\s+/g, ' ')));
    }
  }
  for (const m of text.matchAll(/\b((?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+)/g)) paths.push(m[1]);
  for (const path of paths) {
    const segments = path.split('::').map((s) => s.trim().replace(/ as .*$/, ''));
    let absolute;
    if (segments[0] === 'crate') absolute = segments.slice(1);
    else if (segments[0] === 'self') absolute = [...self, ...segments.slice(1)];
    else {
      // super:: is relative to the module the file defines.
      absolute = [...self];
      while (segments[0] === 'super') { absolute.pop(); segments.shift(); }
      absolute.push(...segments);
    }
    const target = fileOf(absolute.filter((s) => s && s !== 'self' && s !== '*'));
    if (target && target !== file) targets.add(target);
  }
  edges.set(file, targets);
}

const name = (file) => relative(root, file);
const problems = [];
for (const [from, targets] of edges) {
  for (const to of targets) {
    if (layerOf(to) > layerOf(from)) {
      problems.push(`${name(from)} (layer ${layers[layerOf(from)].join('/')}) uses ${name(to)} (layer ${layers[layerOf(to)].join('/')}), a higher layer`);
    }
  }
}

const under = (file, name) => {
  const path = relative(src, file).replace(/\.rs$/, '');
  return path === name || path.startsWith(`${name}/`);
};
for (const [from, names] of forbid) {
  for (const [file, targets] of edges) {
    if (!under(file, from)) continue;
    for (const to of targets) {
      if (names.some((name) => under(to, name))) problems.push(`${name(file)} uses ${name(to)}: ${from} must not`);
    }
  }
}

// Circles between files (a module's mod.rs may use its children and they
// may not use it back).
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const to of edges.get(file) ?? []) {
    if (state.get(to) === 'open') {
      problems.push(`import circle: ${[...stack.slice(stack.indexOf(to)), to].map(name).join(' → ')}`);
    } else if (!state.has(to)) visit(to);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of edges.keys()) if (!state.has(file)) visit(file);

if (process.argv.includes('--print')) {
  for (const [from, targets] of [...edges].sort()) console.log(`${name(from)} → ${[...targets].map(name).sort().join(', ')}`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  return true;
}
console.log(`layers of ${dir}: ${edges.size} files in ${layers.length} layers, no upward import, no circle`);
return false;
}
