// A result, organised for the person reading it (page and widget; pure functions, also run by the
// node tests): findings ordered by severity (error, warning, info), then position; grouped by rule;
// a pair of findings that name the same two rows in swapped order (A/B and B/A) shown once; true
// counts, also of what a display filter hides; the checks that could not be made, itemised as far
// as the result allows. No DOM here: web/findings-view.js renders what this returns.

export const SEVERITIES = ['error', 'warning', 'info'];
const RANK = { error: 0, warning: 1, info: 2 };

export function severityRank(sev) {
  return RANK[sev] === undefined ? 3 : RANK[sev];
}

// The quoted parts of a message, in order: “…” (the core quotes row labels and narrative phrases so).
export function quotedParts(message) {
  return String(message || '').match(/“[^”]*”/g) || [];
}

// Two findings are one pair when they have the same rule, status and severity and their messages
// quote the same two things in swapped order (“A”…“B” and “B”…“A”).
function pairKey(f) {
  const q = quotedParts(f.message);
  if (q.length !== 2 || q[0] === q[1]) return null;
  return [f.rule, f.status, f.severity].concat(q.slice().sort()).join('\u0001');
}

function byPosition(a, b) {
  // Findings not tied to a line concern the whole report: first within their severity.
  const la = a.line || 0;
  const lb = b.line || 0;
  if (la !== lb) return la - lb;
  const ca = a.column || 0;
  const cb = b.column || 0;
  if (ca !== cb) return ca - cb;
  return a.index - b.index;
}

// items: one per problem shown to the reader. { index (of the primary finding in result.findings),
// indices (all findings it stands for: one, or two for a pair), f (the primary finding), rule,
// status, severity, line, column, lines (every line of its findings), pair }
export function findingItems(obj) {
  const list = (obj && Array.isArray(obj.findings)) ? obj.findings : [];
  const items = [];
  const open = new Map();
  list.forEach((f, index) => {
    if (!f) return;
    const key = pairKey(f);
    if (key) {
      const other = open.get(key);
      if (other && quotedParts(other.f.message)[0] === quotedParts(f.message)[1]) {
        other.indices.push(index);
        if (f.line && other.lines.indexOf(f.line) < 0) other.lines.push(f.line);
        other.pair = true;
        open.delete(key);
        return;
      }
    }
    const item = {
      index, indices: [index], f, rule: f.rule, status: f.status || 'fail', severity: f.severity || 'info',
      line: f.line || null, column: f.column || null, lines: f.line ? [f.line] : [], pair: false
    };
    if (key) open.set(key, item);
    items.push(item);
  });
  items.forEach((it) => it.lines.sort((a, b) => a - b));
  items.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || byPosition(a, b));
  return items;
}

// The result organised: { items (sorted, all), groups: [{ key, rule, status, severity, items }] of
// the items the filter shows, in order of their first item; counts: { error, warning, info } of all
// items; shown, hidden: the same split by the filter; ignored: findings the core left out (ignore
// option), pairs: number of merged pairs }.
export function organise(obj, minSeverity) {
  const items = findingItems(obj);
  const limit = severityRank(minSeverity || 'info');
  const counts = { error: 0, warning: 0, info: 0 };
  const shown = { error: 0, warning: 0, info: 0 };
  const hidden = { error: 0, warning: 0, info: 0 };
  const groups = [];
  const byKey = new Map();
  let pairs = 0;
  items.forEach((it) => {
    const sev = RANK[it.severity] === undefined ? 'info' : it.severity;
    counts[sev]++;
    if (it.pair) pairs++;
    if (severityRank(sev) > limit) { hidden[sev]++; return; }
    shown[sev]++;
    const key = it.rule + '|' + (it.status === 'uncertain' ? 'uncertain' : 'fail') + '|' + sev;
    let g = byKey.get(key);
    if (!g) {
      g = { key, rule: it.rule, status: it.status === 'uncertain' ? 'uncertain' : 'fail', severity: sev, items: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.items.push(it);
  });
  const summary = (obj && obj.summary) || {};
  return {
    items, groups, counts, shown, hidden, pairs,
    hiddenTotal: hidden.error + hidden.warning + hidden.info,
    ignored: summary.hidden || 0
  };
}

// The checks of the summary: { pass, fail, uncertain, notAssessable, na (= uncertain + not assessable) }.
export function checkCounts(obj) {
  const c = (obj && obj.summary && obj.summary.checks) || {};
  const uncertain = c.uncertain || 0;
  const notAssessable = c.not_assessable || 0;
  return { pass: c.pass || 0, fail: c.fail || 0, uncertain, notAssessable, na: uncertain + notAssessable };
}

// Expected and actual only together, and only when they differ (an agreeing reading has both equal;
// a figure that could not be compared has only the actual).
export function differingNumbers(f) {
  if (!f) return null;
  const e = f.expected;
  const a = f.actual;
  if (e === undefined || e === null || a === undefined || a === null) return null;
  if (Number(e) === Number(a)) return null;
  return { expected: e, actual: a };
}

// The legal and format basis in words: references to the project's own documents ("format.md §9",
// "S-2", "T3-1", "E8") are for developers and are left out.
export function readerBasis(basis) {
  if (!basis) return '';
  return String(basis).split(/[；;]/).map((part) => part.trim())
    .filter((part) => part && !/format\.md|§|^[A-Z]\d?-\d/.test(part))
    .join('；');
}

// The cells that kept checks from being made: for every row of the catalogue with cells that are
// missing from the result, unreadable or ambiguous: { table, rowKey, cells: [catalogue entry],
// missing, unreadable, ambiguous, ids }. A table of which nothing was read is one entry { table,
// whole: true, count }.
export function blockedCells(obj, cat) {
  const cells = (obj && obj.cells) || {};
  const out = [];
  if (!cat || !cat.tables) return out;
  ['t2', 't3', 't4'].forEach((t) => {
    const rows = cat.tables[t] || [];
    if (!rows.length) return;
    const all = [];
    rows.forEach((row) => row.cells.forEach((c) => all.push(c)));
    if (all.every((c) => !cells[c.id])) {
      out.push({ table: t, whole: true, count: all.length, ids: all.map((c) => c.id) });
      return;
    }
    rows.forEach((row) => {
      const e = { table: t, rowKey: row.key, cells: row.cells, missing: 0, unreadable: 0, ambiguous: 0, ids: [] };
      row.cells.forEach((c) => {
        const cell = cells[c.id];
        const st = !cell ? 'missing' : cell.status;
        if (st === 'missing' || st === 'unreadable' || st === 'ambiguous') {
          e[st]++;
          e.ids.push(c.id);
        }
      });
      if (e.ids.length) out.push(e);
    });
  });
  return out;
}

// Page numbers of a PDF's extracted text: linePages[i] is the page of line i + 1 (web/pdf/layout.mjs).
export function pagesOfLines(lines, linePages) {
  if (!linePages || !lines || !lines.length) return [];
  const out = [];
  lines.forEach((l) => {
    const p = linePages[l - 1];
    if (p && out.indexOf(p) < 0) out.push(p);
  });
  return out.sort((a, b) => a - b);
}

// The checked text split for locating: { lines, starts } (starts[i]: UTF-16 offset of line i + 1).
export function splitLines(text) {
  const lines = String(text).split('\n');
  const starts = [0];
  for (let i = 0; i < lines.length; i++) starts.push(starts[i] + lines[i].length + 1);
  return { lines, starts };
}

// Where a line/column (column in code points) and, if known, the cell text there lie in the text:
// { line, lineStart, lineEnd, start, end, cellOnLine } as UTF-16 offsets, or null.
export function targetAt(split, line, col, raw) {
  if (!split || !line || line > split.lines.length) return null;
  const text = split.lines[line - 1];
  const lineStart = split.starts[line - 1];
  let start = 0;
  let end = text.length;
  if (col && col > 0) {
    // Columns count Unicode code points; JS strings count UTF-16 units.
    const cps = Array.from(text);
    start = cps.slice(0, col - 1).join('').length;
    if (raw !== null && raw !== undefined && raw !== '' && text.substr(start, String(raw).length) === String(raw)) {
      end = start + String(raw).length;
    } else if (col > 1) {
      // No cell text to match: the token at the column (up to the next separator, at most 20 code
      // points), e.g. "33次" in a sentence or one tab-separated field of a table row.
      const rest = Array.from(text.slice(start));
      let n = 0;
      while (n < rest.length && n < 20 && !/[\t ，。；;,、：:）)]/.test(rest[n])) n++;
      end = start + rest.slice(0, Math.max(n, 1)).join('').length;
    }
  }
  return { line, lineStart, lineEnd: lineStart + text.length, start: lineStart + start, end: lineStart + end, cellOnLine: !!col };
}

// Where a finding points: its line and column, narrowed to the text of the cell there when one of
// its cells lies on that line (or the first located cell when the finding has no line).
export function findingTarget(f, obj, split) {
  if (!f || !split) return null;
  const cells = (obj && obj.cells) || {};
  let line = f.line || 0;
  let col = f.column || 0;
  let raw = null;
  const ids = f.cells || [];
  let best = null;
  for (let i = 0; i < ids.length; i++) {
    const c = cells[ids[i]];
    if (!c || !c.line) continue;
    if (!line) { best = c; break; }
    if (c.line === line && (best === null || c.column === col)) best = c;
  }
  if (best) {
    if (!line) line = best.line;
    if (best.line === line) { col = best.column; raw = best.raw; }
  }
  return targetAt(split, line, col, raw);
}

// The result as the core gives it for `minSeverity`, derived from a result with every severity:
// the findings below the threshold left out and counted in summary.hidden (as `nianbao check
// --min-severity` does). The page and the widget check once with every severity, show the true
// counts, and hide by severity themselves.
export function filterResult(obj, minSeverity) {
  if (!obj || !Array.isArray(obj.findings) || !minSeverity || minSeverity === 'info') return obj;
  const limit = severityRank(minSeverity);
  const kept = obj.findings.filter((f) => severityRank(f.severity) <= limit);
  const out = Object.assign({}, obj, { findings: kept });
  if (obj.summary) {
    const counts = { error: 0, warning: 0, info: 0 };
    kept.forEach((f) => { if (counts[f.severity] !== undefined) counts[f.severity]++; });
    out.summary = Object.assign({}, obj.summary, {
      findings: Object.assign({}, obj.summary.findings, counts),
      hidden: (obj.summary.hidden || 0) + obj.findings.length - kept.length
    });
  }
  return out;
}
