// The findings as the reader sees them, for the page (app.js) and the widget (embed/widget.js):
// grouped by rule, severity first, each group with its title in the reader's language, a count,
// the rule id (secondary) and 「这意味着什么？」; each finding with its message, numbers that
// differ, cells, where it is (PDF page, line, column), a button to locate it and one to copy it,
// and the source line with the spot marked. Also the list of checks that could not be made and
// the text summary. All text goes in as text nodes (textContent), never as HTML.
import { fmt } from './i18n.js';
import { RULE_WORDS, pick } from './rule-words.js';
import { blockedCells, checkCounts, differingNumbers, findingTarget, pagesOfLines, readerBasis } from './results.mjs';
import { cellLabel, el } from './tables.js';

// ctx: { S, lang, obj, view (organise()), cat (cellCatalogue), ruleMap, split (splitLines() of the
// checked text, or null), linePages (page of each line of a PDF's text, or null), activeIndex,
// idPrefix (for element ids), file ({ name, kind } or null), version, checkedAt (Date) }

export function ruleTitle(ctx, id) {
  const r = ctx.ruleMap && ctx.ruleMap[id];
  if (!r) return '';
  return ctx.lang === 'en' ? r.title_en || r.title || '' : r.title || r.title_en || '';
}

// The title of a group: the rule's title; for findings the rule could not settle, a title that
// does not claim a mismatch (rule-words.js), else 「未能核对：…」.
export function groupTitle(ctx, rule, status) {
  const words = RULE_WORDS[rule];
  if (status === 'uncertain') {
    if (words && words.uncertain) return pick(words.uncertain, ctx.lang);
    return fmt(ctx.S.uncertainTitle, { t: ruleTitle(ctx, rule) || rule });
  }
  return ruleTitle(ctx, rule) || rule;
}

export function findingMessage(ctx, f) {
  if (ctx.lang === 'en' && f.message_en) return f.message_en;
  return f.message || f.message_en || '';
}

function messageLang(ctx, f) {
  return ctx.lang === 'en' && f.message_en ? 'en' : 'zh-CN';
}

function joinList(ctx, list) {
  return list.join(ctx.lang === 'en' ? ', ' : '、');
}

// "第 3 页 · 第 97 行，第 22 列" / "第 112、114 行" / "全文（不对应具体位置）"
export function whereText(ctx, item) {
  const S = ctx.S;
  const parts = [];
  const pages = pagesOfLines(item.lines, ctx.linePages);
  if (pages.length) parts.push(fmt(pages.length > 1 ? S.pagesOf : S.pageOf, { p: joinList(ctx, pages) }));
  if (!item.lines.length) parts.push(S.notTied);
  else if (item.lines.length > 1) parts.push(fmt(S.linesOnly, { lines: joinList(ctx, item.lines) }));
  else if (item.column) parts.push(fmt(S.lineCol, { line: item.line, col: item.column }));
  else parts.push(fmt(S.lineOnly, { line: item.line }));
  return parts.join(' · ');
}

function cellValueText(ctx, id) {
  const S = ctx.S;
  const c = ctx.obj.cells && ctx.obj.cells[id];
  if (!c) return S.cellStatus.missing;
  if (c.value !== null && c.value !== undefined) return String(c.value);
  if (c.raw && Array.from(String(c.raw)).length <= 12) return '“' + c.raw + '”' + fmt(S.paren, { v: S.cellStatus[c.status] || c.status });
  return S.cellStatus[c.status] || c.status;
}

// Expected and actual in words: for table-shape they are numbers of values in a row.
export function numbersText(ctx, f) {
  const S = ctx.S;
  const nums = differingNumbers(f);
  if (!nums) return '';
  if (f.rule === 'table-shape') return fmt(S.expectedCount, { v: nums.expected }) + S.comma + fmt(S.actualCount, { v: nums.actual });
  return fmt(S.expected, { v: nums.expected }) + S.comma + fmt(S.actual, { v: nums.actual });
}

// "涉及：A = 1；B = 2" — or, when every cell is one row's and shows the same (a missing or
// unreadable row), "涉及：表三 · （二）部分公开 的 7 个单元格 = 无法读取".
export function operandsText(ctx, ids) {
  const S = ctx.S;
  if (!ids.length) return '';
  const values = ids.map((id) => cellValueText(ctx, id));
  const labels = ids.map((id) => cellLabel(id, S, ctx.cat));
  const rowOf = (label) => label.split(' · ').slice(0, -1).join(' · ');
  if (ids.length > 2 && values.every((v) => v === values[0]) && labels.every((l) => rowOf(l) && rowOf(l) === rowOf(labels[0]))) {
    return S.operands + fmt(S.rowCells, { row: rowOf(labels[0]), n: ids.length, v: values[0] });
  }
  const MAXOPS = 6;
  const ops = ids.slice(0, MAXOPS).map((id, k) => labels[k] + ' = ' + values[k]);
  return S.operands + ops.join(S.semi) + (ids.length > MAXOPS ? fmt(S.moreCells, { n: ids.length }) : '');
}

function numbersLine(ctx, f) {
  const nums = numbersText(ctx, f);
  const ids = f.cells || [];
  if (!nums && !ids.length) return null;
  const p = el('p', { className: 'f-nums' });
  if (nums) p.appendChild(el('strong', null, nums));
  if (ids.length) {
    if (nums) p.appendChild(document.createTextNode(' '));
    p.appendChild(el('span', { className: 'ops' }, operandsText(ctx, ids)));
  }
  return p;
}

// The source line with the spot marked: <pre class="f-src">97 │ …<mark>31</mark>…</pre>.
export function sourceExtract(ctx, target) {
  if (!target || !ctx.split) return null;
  const text = ctx.split.lines[target.line - 1];
  const pre = el('pre', { className: 'f-src', lang: 'zh-CN' });
  const a = target.start - target.lineStart;
  const b = target.end - target.lineStart;
  let from = 0;
  let to = text.length;
  const MAX = 160;
  if (text.length > MAX) {
    from = Math.max(0, Math.min(a - 40, text.length - MAX));
    to = Math.min(text.length, from + MAX);
  }
  pre.appendChild(el('span', { className: 'ln', 'aria-hidden': 'true' }, String(target.line) + ' │ '));
  pre.appendChild(document.createTextNode((from > 0 ? '…' : '') + text.slice(from, Math.max(from, Math.min(a, to)))));
  if (target.cellOnLine && b > a) pre.appendChild(el('mark', null, text.slice(Math.max(a, from), Math.min(b, to))));
  pre.appendChild(document.createTextNode(text.slice(Math.min(Math.max(b, from), to), to) + (to < text.length ? '…' : '')));
  return pre;
}

function findingCard(ctx, item) {
  const S = ctx.S;
  const f = item.f;
  const sev = item.severity;
  const li = el('li', {
    className: 'finding sev-' + sev + (item.index === ctx.activeIndex ? ' active' : ''),
    'data-rule': f.rule, 'data-line': f.line ? String(f.line) : '', 'data-severity': sev,
    'data-status': f.status || '', 'data-index': String(item.index)
  });
  if (item.pair) li.setAttribute('data-pair', item.indices.join(' '));
  const pages = pagesOfLines(item.lines, ctx.linePages);
  if (pages.length) li.setAttribute('data-page', pages.join(' '));
  li.appendChild(el('p', { className: 'f-msg', lang: messageLang(ctx, f) }, findingMessage(ctx, f)));
  if (item.pair) li.appendChild(el('p', { className: 'f-pair' }, S.pairNote));
  const nums = numbersLine(ctx, f);
  if (nums) li.appendChild(nums);
  // cross-year findings: where to look in last year's report
  if (f.previous_line) {
    li.appendChild(el('p', { className: 'f-prev' }, f.previous_column
      ? fmt(S.previousAtCol, { line: f.previous_line, col: f.previous_column })
      : fmt(S.previousAt, { line: f.previous_line })));
  }
  const target = findingTarget(f, ctx.obj, ctx.split);
  const foot = el('div', { className: 'f-foot' });
  // where it is (kept in print) and what the button does (screen only)
  const loc = el('button', { type: 'button', className: 'btn f-loc', 'data-locate': String(item.index) });
  loc.appendChild(el('span', { className: 'f-where' }, whereText(ctx, item)));
  if (target) loc.appendChild(el('span', { className: 'f-act' }, ' · ' + S.locate));
  if (!target) loc.disabled = true;
  foot.appendChild(loc);
  foot.appendChild(el('button', { type: 'button', className: 'btn f-copy', 'data-copy': String(item.index), 'aria-label': fmt(S.copyOneLabel, { where: whereText(ctx, item) }) }, S.copyOne));
  li.appendChild(foot);
  const src = sourceExtract(ctx, target);
  if (src) li.appendChild(src);
  return li;
}

function countText(ctx, n) {
  return ctx.lang === 'en' ? (n === 1 ? '1 instance' : n + ' instances') : fmt(ctx.S.groupCount, { n });
}

// Fills the explanation box of a rule: what it means, the rule, its basis in words.
export function fillExplanation(ctx, box, id) {
  const S = ctx.S;
  box.textContent = '';
  const r = ctx.ruleMap && ctx.ruleMap[id];
  const words = RULE_WORDS[id];
  if (words && words.meaning) {
    const p = el('p', { className: 'meaning' });
    p.appendChild(el('strong', null, S.meaningLabel));
    p.appendChild(document.createTextNode(pick(words.meaning, ctx.lang)));
    box.appendChild(p);
  }
  if (!r) {
    if (!words) box.appendChild(el('p', null, S.ruleUnknown));
    return;
  }
  const en = ctx.lang === 'en';
  const expl = en ? r.explanation_en || r.explanation : r.explanation || r.explanation_en;
  if (expl) {
    const p = el('p');
    p.appendChild(el('strong', null, S.ruleExplain + S.colon));
    p.appendChild(document.createTextNode(expl));
    box.appendChild(p);
  }
  const basis = readerBasis(r.basis);
  let meta = S.ruleDefaultSeverity + (S.severity[r.severity] || r.severity || '');
  if (basis) meta += S.semi + S.ruleBasis + basis;
  box.appendChild(el('p', { className: 'basis' }, meta + S.semi + S.ruleIdLabel + id));
}

// The grouped list into `ol` (the page's #findings, the widget's list).
export function renderFindingGroups(ol, ctx) {
  const S = ctx.S;
  const view = ctx.view;
  ol.textContent = '';
  if (!view) return;
  if (!view.groups.length) {
    ol.appendChild(el('li', { className: 'empty-note' }, view.hiddenTotal ? S.noFindingsShown : S.noFindings));
  }
  view.groups.forEach((g, k) => {
    const gl = el('li', {
      className: 'f-group sev-' + g.severity, 'data-rule': g.rule, 'data-severity': g.severity,
      'data-status': g.status, 'data-count': String(g.items.length)
    });
    const head = el('div', { className: 'g-head' });
    head.appendChild(el('span', { className: 'sev' }, S.severity[g.severity] || g.severity));
    const title = groupTitle(ctx, g.rule, g.status);
    head.appendChild(el('h4', { className: 'g-title' }, title));
    head.appendChild(el('span', { className: 'g-count' }, countText(ctx, g.items.length)));
    const explId = ctx.idPrefix + 'expl-' + k;
    head.appendChild(el('button', {
      type: 'button', className: 'rule-more', 'aria-expanded': 'false', 'aria-controls': explId,
      'data-rule-button': g.rule, 'aria-label': fmt(S.showRule, { t: title })
    }, S.meaningButton));
    head.appendChild(el('code', { className: 'rule-id', title: S.ruleIdLabel + g.rule }, g.rule));
    gl.appendChild(head);
    gl.appendChild(el('div', { className: 'f-expl', id: explId, hidden: '' }));
    const items = el('ol', { className: 'g-items' });
    g.items.forEach((it) => items.appendChild(findingCard(ctx, it)));
    gl.appendChild(items);
    ol.appendChild(gl);
  });
  if (view.hiddenTotal) {
    const li = el('li', { className: 'hidden-note', 'data-hidden': String(view.hiddenTotal) });
    li.appendChild(document.createTextNode(fmt(S.hiddenByFilter, { list: hiddenList(ctx, view.hidden) }) + ' '));
    li.appendChild(el('button', { type: 'button', className: 'btn', 'data-action': 'show-all' }, S.showAll));
    ol.appendChild(li);
  }
  if (view.ignored) ol.appendChild(el('li', { className: 'hidden-note', 'data-ignored': String(view.ignored) }, fmt(S.hiddenByIgnore, { n: view.ignored })));
}

function hiddenList(ctx, hidden) {
  const S = ctx.S;
  const parts = [];
  if (hidden.error) parts.push(fmt(S.nErrors, { n: hidden.error }));
  if (hidden.warning) parts.push(fmt(S.nWarnings, { n: hidden.warning }));
  if (hidden.info) parts.push(fmt(S.nInfos, { n: hidden.info }));
  return parts.join(S.comma);
}

// The verdict: { text, kind: 'error' | 'warning' | 'na' | 'ok' } from the true counts (before any
// display filter), followed by what the filter hides.
export function verdictOf(ctx) {
  const S = ctx.S;
  const v = ctx.view;
  const c = v.counts;
  const na = checkCounts(ctx.obj).na;
  let text;
  let kind;
  if (c.error) { kind = 'error'; text = fmt(na ? S.verdictErrors : S.verdictErrorsAll, { e: c.error, w: c.warning, n: na }); }
  else if (c.warning) { kind = 'warning'; text = fmt(na ? S.verdictWarnings : S.verdictWarningsAll, { w: c.warning, n: na }); }
  else if (na) { kind = 'na'; text = fmt(S.verdictNa, { n: na }); }
  else { kind = 'ok'; text = fmt(S.verdictOk, { p: checkCounts(ctx.obj).pass }); }
  if (ctx.lang === 'en') text = text.replace(/\b1 (error|warning|check)s\b/g, '1 $1');
  return { text, kind };
}

export function filterNote(ctx) {
  const v = ctx.view;
  if (!v || !v.hiddenTotal) return '';
  return fmt(ctx.S.filterNote, { list: hiddenList(ctx, v.hidden) });
}

// The checks that could not be made, itemised: the findings the core could not settle (which check,
// which cells, why) and the cells that kept the other checks from being made.
export function renderNotAssessable(box, ctx) {
  const S = ctx.S;
  box.textContent = '';
  const counts = checkCounts(ctx.obj);
  const summary = el('summary', null, fmt(S.naHeading, { n: counts.na }));
  box.appendChild(summary);
  if (!counts.na) {
    box.appendChild(el('p', { className: 'empty-note' }, S.naNone));
    return;
  }
  box.appendChild(el('p', { className: 'hint' }, S.naIntro));
  const uncertain = ctx.view.items.filter((it) => it.status === 'uncertain');
  if (counts.uncertain) {
    box.appendChild(el('h4', null, fmt(S.naUncertainHeading, { n: counts.uncertain })));
    const ul = el('ul', { className: 'na-list' });
    uncertain.forEach((it) => {
      const li = el('li', { 'data-rule': it.rule, 'data-index': String(it.index) });
      li.appendChild(el('strong', null, groupTitle(ctx, it.rule, 'uncertain')));
      li.appendChild(document.createTextNode(S.colon));
      li.appendChild(el('span', { lang: messageLang(ctx, it.f) }, findingMessage(ctx, it.f)));
      const ids = it.f.cells || [];
      if (ids.length) li.appendChild(el('span', { className: 'na-cells' }, ' ' + S.operands + cellsText(ctx, ids)));
      const target = findingTarget(it.f, ctx.obj, ctx.split);
      li.appendChild(document.createTextNode(' '));
      const b = el('button', { type: 'button', className: 'btn f-loc', 'data-locate': String(it.index) }, whereText(ctx, it) + (target ? ' · ' + S.locate : ''));
      if (!target) b.disabled = true;
      li.appendChild(b);
      ul.appendChild(li);
    });
    // a pair shown once stands for two unsettled checks
    const listed = uncertain.reduce((n, it) => n + it.indices.length, 0);
    if (listed < counts.uncertain) ul.appendChild(el('li', { className: 'empty-note' }, fmt(S.naUncertainMore, { n: counts.uncertain - listed })));
    box.appendChild(ul);
  }
  if (counts.notAssessable) {
    box.appendChild(el('h4', null, fmt(S.naSkippedHeading, { n: counts.notAssessable })));
    const rows = blockedCells(ctx.obj, ctx.cat);
    box.appendChild(el('p', null, rows.length ? S.naSkippedIntro : S.naSkippedNoCells));
    if (rows.length) {
      const ul = el('ul', { className: 'na-cells-list' });
      rows.forEach((r) => ul.appendChild(el('li', { 'data-table': r.table }, blockedRowText(ctx, r))));
      box.appendChild(ul);
    }
  }
}

// Cells by row: "表三 · （一）予以公开（7 个单元格）" for a row of more than two, else each label.
export function cellsText(ctx, ids) {
  const S = ctx.S;
  const rows = [];
  const byRow = new Map();
  ids.forEach((id) => {
    const label = cellLabel(id, S, ctx.cat);
    const parts = label.split(' · ');
    const row = parts.length > 2 ? parts.slice(0, -1).join(' · ') : label;
    if (!byRow.has(row)) { byRow.set(row, []); rows.push(row); }
    byRow.get(row).push(label);
  });
  return rows.map((row) => {
    const labels = byRow.get(row);
    return labels.length > 2 ? row + fmt(S.paren, { v: fmt(S.nCells, { n: labels.length }) }) : labels.join(S.semi);
  }).join(S.semi);
}

function rowLabelOf(ctx, r) {
  const label = cellLabel(r.ids[0], ctx.S, ctx.cat);
  const parts = label.split(' · ');
  return parts.length > 2 ? parts.slice(0, -1).join(' · ') : label;
}

export function blockedRowText(ctx, r) {
  const S = ctx.S;
  if (r.whole) return fmt(S.naTableMissing, { t: S.tableNames[r.table] || r.table, n: r.count });
  const parts = [];
  ['missing', 'unreadable', 'ambiguous'].forEach((st) => {
    if (r[st]) parts.push(fmt(S.naCellCount, { n: r[st], st: S.cellStatus[st] }));
  });
  return rowLabelOf(ctx, r) + S.colon + parts.join(S.comma);
}

// One finding as text, for 「复制此条」 and the summary.
export function findingText(ctx, item) {
  const S = ctx.S;
  const f = item.f;
  let line = '[' + (S.severity[item.severity] || item.severity) + '] ' + groupTitle(ctx, item.rule, item.status) +
    fmt(S.paren, { v: item.rule }) + ' · ' + whereText(ctx, item) + S.colon + findingMessage(ctx, f);
  const nums = numbersText(ctx, f);
  if (nums) line += fmt(S.paren, { v: nums });
  if (item.pair) line += fmt(S.paren, { v: S.pairNote });
  return line;
}

// Where the result comes from: report, file, time, tool version.
export function sourceLine(ctx) {
  const S = ctx.S;
  const r = (ctx.obj && ctx.obj.report) || {};
  const parts = [];
  if (r.agency || r.year) parts.push([r.agency || '', r.year ? fmt(S.yearReport, { y: r.year }) : ''].join(' ').trim());
  if (ctx.file && ctx.file.name) parts.push(fmt(S.fromFile, { name: ctx.file.name }));
  if (ctx.checkedAt) parts.push(fmt(S.checkedAt, { t: formatTime(ctx.checkedAt) }));
  parts.push('nianbao ' + (ctx.version || ''));
  return parts.join(' · ');
}

function pad(n) { return (n < 10 ? '0' : '') + n; }
export function formatTime(d) {
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}

// The text summary (「复制文字摘要」): source, verdict, filter, findings by group, checks not made.
export function summaryText(ctx) {
  const S = ctx.S;
  const view = ctx.view;
  if (!view) return '';
  const out = [fmt(S.summaryTitle, { v: ctx.version || '' })];
  out.push(sourceLine(ctx));
  out.push(S.summaryVerdict + verdictOf(ctx).text);
  const fn = filterNote(ctx);
  if (fn) out.push(fn);
  out.push('');
  out.push(S.summaryFindings);
  if (!view.groups.length) out.push(S.summaryNone);
  let n = 0;
  view.groups.forEach((g) => {
    g.items.forEach((it) => { out.push(++n + '. ' + findingText(ctx, it)); });
  });
  const counts = checkCounts(ctx.obj);
  if (counts.na) {
    out.push('');
    out.push(fmt(S.naHeading, { n: counts.na }));
    ctx.view.items.filter((it) => it.status === 'uncertain').forEach((it) => {
      out.push('- ' + groupTitle(ctx, it.rule, 'uncertain') + ' · ' + whereText(ctx, it) + S.colon + findingMessage(ctx, it.f));
    });
    if (counts.notAssessable) {
      out.push('- ' + fmt(S.naSkippedHeading, { n: counts.notAssessable }) + S.colon +
        blockedCells(ctx.obj, ctx.cat).map((r) => blockedRowText(ctx, r)).join(S.semi));
    }
  }
  return out.join('\n') + '\n';
}
