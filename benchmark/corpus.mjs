// The report texts of the corpus, as the native benchmark (bench_check.cpp) lists them:
// "<folder>/<file>" for report.txt, report.md, page.txt and pdftotext-{layout,raw}.txt.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function corpusReports(dir) {
  const out = [];
  for (const d of readdirSync(dir).sort()) {
    if (!statSync(join(dir, d)).isDirectory()) continue;
    for (const f of readdirSync(join(dir, d)).sort()) {
      if (/^(report\.(txt|md)|page\.txt|pdftotext-(layout|raw)\.txt)$/.test(f)) out.push(`${d}/${f}`);
    }
  }
  return out;
}
