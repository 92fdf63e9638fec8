// Starts the drop-in app without inline script, so the page works under a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
// Trunk writes the hashed names of the JavaScript bindings and the
// WebAssembly module into this script element (`pattern_script` in
// Trunk.toml); this file only loads them.
const element = document.querySelector('script[data-js][data-wasm]');
const bindings = await import(element.dataset.js);
await bindings.default({ module_or_path: element.dataset.wasm });
