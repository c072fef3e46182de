// pdf.js's worker part (pdf.worker.min.mjs) takes over any worker it is evaluated in where `window`
// is undefined (WorkerMessageHandler.initializeFromPort(self)). In the PDF worker it must only define
// globalThis.pdfjsWorker, which pdf.js then runs in this same thread. pdf-worker.js imports this
// module just before pdf.worker.min.mjs, so `window` is defined while that evaluates, and calls
// removeWindow() right after.
self.window = {};

export function removeWindow() {
  delete self.window;
}
