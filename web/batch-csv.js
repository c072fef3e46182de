// The two spreadsheets of a batch, byte for byte what the CLI writes (cli/formats.cpp):
//   toFindingsCsv  = nianbao check --format csv   (one row per finding)
//   toCellsCsv     = nianbao check --format cells (one row per report, every canonical cell)
// UTF-8 with BOM (Excel and WPS read the Chinese), RFC 4180: CRLF line ends, a field holding
// , " CR or LF is quoted, quotes doubled. Pure: used by the page (web/batch.js) and the JS API
// (web/embed/api.js: toFindingsCsv, toCellsCsv), in browsers and Node.js.
//
// An entry is what checker.checkMany() gives: { file, result } (the JSON contract as an object),
// or { file, error: { code, message, message_en? }, result? } for an input that was not checked:
// code 'not-a-report' (the core refused it: status not-a-report) or any other code (the file could
// not be read: status unreadable). The page passes slimmed results of the same shape (report,
// findings, cells with value and status, summary).

export const BOM = '\ufeff';
export const FINDINGS_COLUMNS = ['file', 'agency', 'year', 'rule', 'severity', 'status', 'line', 'column', 'cells',
  'expected', 'actual', 'message'];
export const CELLS_COLUMNS = ['file', 'agency', 'year', 'format', 'errors', 'warnings'];

export function csvField(value) {
  var s = value === undefined || value === null ? '' : String(value);
  if (!/[,"\r\n]/.test(s)) return s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export function csvRow(fields) {
  return fields.map(csvField).join(',') + '\r\n';
}

// A number as the CLI prints it (number_text): integers without a decimal point, others as JSON.
export function numberText(v) {
  if (v === undefined || v === null || v === '') return '';
  var n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return String(n);
}

// The entry's failure, or null when it was checked: { status: 'unreadable' | 'not-a-report', message, message_en }.
export function entryFailure(entry) {
  var e = entry && entry.error;
  var r = entry && entry.result;
  if (!e && r && r.error) e = { code: 'not-a-report', message: r.error.message || String(r.error) };
  if (!e && !r) e = { code: 'unreadable', message: '' };
  if (!e) return null;
  return {
    status: e.code === 'not-a-report' ? 'not-a-report' : 'unreadable',
    message: e.message === undefined || e.message === null ? '' : String(e.message),
    message_en: e.message_en
  };
}

function reportOf(entry) {
  return (entry && entry.result && entry.result.report) || {};
}

function yearText(y) {
  return y === undefined || y === null ? '' : String(y);
}

// options.lang: 'zh' (default, the CLI's default) or 'en' (the CLI's --lang en: messages in English).
export function toFindingsCsv(results, options) {
  var en = !!(options && options.lang === 'en');
  var out = BOM + csvRow(FINDINGS_COLUMNS);
  (results || []).forEach(function (entry) {
    var file = entry && entry.file !== undefined && entry.file !== null ? String(entry.file) : '';
    var rep = reportOf(entry);
    var agency = rep.agency || '';
    var year = yearText(rep.year);
    var fail = entryFailure(entry);
    if (fail) {
      // The CLI's refused input: its reason in the language the reader has, else as given.
      var msg = en && fail.message_en ? fail.message_en : fail.message;
      out += csvRow([file, agency, year, '', 'error', fail.status, '', '', '', '', '', msg]);
      return;
    }
    (entry.result.findings || []).forEach(function (f) {
      var has = f.line !== undefined && f.line !== null && f.line > 0;
      out += csvRow([
        file, agency, year, f.rule, f.severity, f.status,
        has ? String(f.line) : '', has ? String(f.column === null || f.column === undefined ? 0 : f.column) : '',
        (f.cells || []).join(' '), numberText(f.expected), numberText(f.actual),
        en && f.message_en ? f.message_en : f.message || ''
      ]);
    });
  });
  return out;
}

// cells: the core's cell catalogue (checker.cells(): [{ id, … }] in canonical order) or the ids.
export function toCellsCsv(results, cells) {
  var ids = (cells || []).map(function (c) { return typeof c === 'string' ? c : c.id; });
  var out = BOM + csvRow(CELLS_COLUMNS.concat(ids));
  (results || []).forEach(function (entry) {
    var file = entry && entry.file !== undefined && entry.file !== null ? String(entry.file) : '';
    var rep = reportOf(entry);
    var fields = [file, rep.agency || '', yearText(rep.year)];
    if (entryFailure(entry)) {
      while (fields.length < CELLS_COLUMNS.length + ids.length) fields.push('');
      out += csvRow(fields);
      return;
    }
    var r = entry.result;
    var sum = (r.summary && r.summary.findings) || {};
    fields.push(rep.format || '', String(sum.error || 0), String(sum.warning || 0));
    var cellMap = r.cells || {};
    ids.forEach(function (id) {
      var c = cellMap[id];
      fields.push(c && c.status === 'ok' && c.value !== null && c.value !== undefined ? numberText(c.value) : '');
    });
    out += csvRow(fields);
  });
  return out;
}
