// Evaluated in the worker before the core (worker.js imports it first). The worker has no network
// access: the CSP forbids connections, and fetch/XHR are removed here so the SINGLE_FILE loader
// decodes its inlined wasm instead of fetching a data: URL.
self.fetch = undefined;
self.XMLHttpRequest = undefined;
