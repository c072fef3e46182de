// Shared by the node and the Chromium benchmarks: time `fn()` per call without trusting the
// resolution of one performance.now() reading (Chromium clamps it to 100 µs on pages that are
// not cross-origin isolated): calls run in batches of at least `batchMs`, the result is the median
// of the per-call means of the batches, after a warm-up that lets V8 tier the code up.
// `clock` (ms) defaults to wall time; node passes process CPU time, which a busy machine
// disturbs less.
export function measure(fn, { warmupMs = 150, batchMs = 25, batches = 9, clock } = {}) {
  const now = clock ?? (() => performance.now());
  let sink = 0;
  let t0 = now();
  let calls = 0;
  while (now() - t0 < warmupMs || calls < 3) {
    sink += fn().length;
    ++calls;
  }
  const perBatch = Math.max(1, Math.ceil((batchMs * calls) / Math.max(now() - t0, 1e-3)));
  const means = [];
  for (let b = 0; b < batches; ++b) {
    t0 = now();
    for (let k = 0; k < perBatch; ++k) sink += fn().length;
    means.push(((now() - t0) * 1000) / perBatch);
  }
  means.sort((a, b) => a - b);
  return { us: means[Math.floor(means.length / 2)], calls: perBatch * batches, sink };
}
