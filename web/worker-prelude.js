// Evaluated in the worker before the core (worker.js imports it first). The worker has no network
// access: the CSP forbids connections, and fetch/XHR are removed here, so nothing in the worker can
// even try (the Emscripten glue gets its module from the page, see web/boot.js).
self.fetch = undefined;
self.XMLHttpRequest = undefined;
