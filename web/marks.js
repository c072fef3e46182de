// The marks under the paste area (the page's backdrop <div>, behind a transparent textarea with the
// same metrics): a mark for every finding shown (mark.fm.m-error / m-warning / m-info, its spot),
// and for the located one its line (mark.hl-line, data-line) and spot (mark.hl-cell). Text nodes
// only; the backdrop's text is transparent, so only the marks' backgrounds show.
import { el } from './tables.js';

// ranges: [{ start, end, severity, index }] (UTF-16 offsets into text); active: a target of
// results.mjs targetAt / findingTarget, or null.
export function drawMarks(backdrop, text, ranges, active) {
  backdrop.textContent = '';
  const cuts = new Set([0, text.length]);
  ranges.forEach((r) => { cuts.add(r.start); cuts.add(r.end); });
  let cell = null;
  if (active) {
    cuts.add(active.lineStart);
    cuts.add(active.lineEnd);
    if (active.cellOnLine && active.end > active.start) {
      cell = { start: active.start, end: active.end };
      cuts.add(cell.start);
      cuts.add(cell.end);
    }
  }
  const points = Array.from(cuts).filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const rank = { error: 0, warning: 1, info: 2 };
  let lineMark = null;
  let cellMark = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    if (b <= a) continue;
    // the strongest severity covering this piece
    let sev = null;
    for (const r of ranges) {
      if (r.start <= a && r.end >= b && (sev === null || rank[r.severity] < rank[sev])) sev = r.severity;
    }
    const piece = text.slice(a, b);
    const node = sev ? el('mark', { className: 'fm m-' + sev }, piece) : document.createTextNode(piece);
    let parent = backdrop;
    if (active && a >= active.lineStart && b <= active.lineEnd) {
      if (!lineMark) {
        lineMark = el('mark', { className: 'hl-line', 'data-line': String(active.line) });
        backdrop.appendChild(lineMark);
      }
      parent = lineMark;
      if (cell && a >= cell.start && b <= cell.end) {
        if (!cellMark) {
          cellMark = el('mark', { className: 'hl-cell' });
          lineMark.appendChild(cellMark);
        }
        parent = cellMark;
      }
    }
    parent.appendChild(node);
  }
  if (active && !lineMark && active.lineStart === active.lineEnd) {
    // an empty line: still a mark to scroll to
    const m = el('mark', { className: 'hl-line', 'data-line': String(active.line) });
    // insert at its place: after the text before it
    const before = text.slice(0, active.lineStart);
    backdrop.textContent = '';
    backdrop.appendChild(document.createTextNode(before));
    backdrop.appendChild(m);
    backdrop.appendChild(document.createTextNode(text.slice(active.lineStart)));
  }
  // a last line that ends with a newline needs a character to keep its height, as in the textarea
  backdrop.appendChild(document.createTextNode('\n\u200b'));
}
