// Type declarations for nianbao.js (hand-written; Emscripten 3.1.6 cannot generate them).
// The result types follow the JSON contract, schema 1 (spec/output.md): fields may be added.

export type Severity = 'info' | 'warning' | 'error';
export type CellStatus = 'ok' | 'blank' | 'placeholder' | 'unreadable' | 'ambiguous';
export type ReportFormat = '2021' | '2019' | 'pre-2019' | 'unknown';

/** Options shared by the CLI (`--ignore ID,ID`, `--min-severity`), this API, the page and the widget. */
export interface CheckOptions {
  /** Rule ids whose findings are hidden (counted in `summary.hidden`). A string is split at commas,
   * as the CLI's `--ignore ID,ID`. An unknown id throws a NianbaoError ('invalid-options'). */
  ignore?: readonly string[] | string;
  /** Findings below this severity are hidden (counted in `summary.hidden`). Default 'info'. */
  minSeverity?: Severity;
  /** The previous year's report as text (the CLI's `--previous FILE`): adds `previous`, `changes` and
   * the cross-year findings to the result. '' or null is none. checkFile() also takes a file,
   * `{ bytes, name }`, read the same way as the main file. */
  previous?: string | null;
  /** 'auto' (default: a part of a report is checked as the part it is), 'full' (checked as a whole
   * report) or 'excerpt' (the CLI's `--scope`). Any other value throws 'invalid-options'. */
  scope?: 'auto' | 'full' | 'excerpt';
}

/** checkFile()'s options: `previous` may also be a file. */
export interface FileCheckOptions extends Omit<CheckOptions, 'previous'> {
  previous?: string | null | { bytes: ArrayBuffer | ArrayBufferView | Blob; name?: string };
}

export interface Cell {
  /** null when the cell is present but blank, a placeholder, unreadable or ambiguous. */
  value: number | null;
  /** The text as it stands in the input. */
  raw: string;
  /** 1-based; null when the cell was not tied to a place in the text. */
  line: number | null;
  /** 1-based, counting Unicode code points (not UTF-16 units). */
  column: number | null;
  status: CellStatus;
  note?: string;
}

export interface Finding {
  /** Stable kebab-case rule id (see rules()). */
  rule: string;
  status: 'fail' | 'uncertain';
  severity: Severity;
  /** Chinese message. */
  message: string;
  /** English message. */
  message_en?: string;
  /** Where to look first (1-based); null when not tied to one place. */
  line: number | null;
  column: number | null;
  /** Every cell the finding is about, by canonical id (spec/cells.md). */
  cells: string[];
  expected?: number;
  actual?: number;
  /** Cross-year findings: where to look in the previous report (1-based; column may be null). */
  previous_line?: number;
  previous_column?: number | null;
  /** Cross-year findings: the previous report's cells the finding is about. */
  previous_cells?: string[];
}

export interface Section {
  number: number;
  heading: string;
  line: number;
}

export interface Summary {
  checks: { pass: number; fail: number; uncertain: number; not_assessable: number };
  /** Counts of the findings listed (hidden ones excluded). */
  findings: { error: number; warning: number; info: number };
  /** Findings hidden by the `ignore` and `minSeverity` options. */
  hidden: number;
}

interface ResultBase {
  schema: 1;
  tool: { name: 'nianbao'; version: string };
  input: { bytes: number; lines: number; encoding: string };
}

export interface ReportInfo {
  agency: string | null;
  year: number | null;
  format: ReportFormat;
  /** 'excerpt': a part of a report (only some sections or tables) checked as that part; else 'full'. */
  scope: 'full' | 'excerpt';
  /** What was found, in input order: "section-1", ..., "t2", "t3", "t4". */
  parts: string[];
}

/** The previous year's report (options.previous) as read. */
export interface PreviousInfo {
  agency: string | null;
  year: number | null;
  format: ReportFormat;
  input_bytes: number;
  lines: number;
  /** Whether the two reports were compared (same agency, consecutive years, both readable). */
  compared: boolean;
  checks: Summary['checks'];
  /** Why the previous report was not compared, if it was not. */
  error?: string;
  text_reuse?: {
    sentences: number;
    repeated: number;
    sections: { section: number; sentences: number; repeated: number }[];
    passages: { line: number | null; column: number | null; previous_line: number | null; previous_column: number | null;
      sentences: number; chars: number; text: string }[];
  };
}

/** One figure compared with last year's. */
export interface Change {
  id: string;
  label: string;
  label_en: string;
  /** '件' (a count), '万元' or '%' (a rate: change in percentage points). */
  unit: string;
  cells: string[];
  current: number;
  previous: number;
  change: number;
  percent: number | null;
}

/** One report of a paste holding several (result.reports). */
export interface SubReport {
  lines: { first: number; last: number };
  report: ReportInfo;
  previous?: PreviousInfo;
  sections: Section[];
  cells: Record<string, Cell>;
  findings: Finding[];
  changes?: Change[];
  summary: Summary;
}

/** A checked report. */
export interface ReportResult extends ResultBase {
  report: ReportInfo;
  /** Present when options.previous was given. */
  previous?: PreviousInfo;
  sections: Section[];
  cells: Record<string, Cell>;
  findings: Finding[];
  /** Present when options.previous was given: this year's figures against last year's. */
  changes?: Change[];
  /** More than one report in the input: each on its own (the fields above are the first's). */
  reports?: SubReport[];
  summary: Summary;
  error?: undefined;
}

/** The input could not be checked (not a report, over the size limit): the CLI's exit code 2. */
export interface InputErrorResult extends ResultBase {
  error: { message: string };
  exit_code: 2;
}

export type CheckResult = ReportResult | InputErrorResult;

export interface Rule {
  id: string;
  title: string;
  title_en: string;
  severity: Severity;
  explanation: string;
  explanation_en: string;
  basis?: string;
  /** The rule needs a whole report (it does not run on an excerpt). */
  whole_report: boolean;
}

/** A canonical cell (spec/cells.md) with its labels, as the core's catalogue gives it. The
 * Chinese fields are the report form's wording; the `_en` ones are English. */
export interface CellInfo {
  /** The canonical id, e.g. "t3.new.natural_person": the keys of `result.cells` and the ids in
   * findings' `cells`. */
  id: string;
  table: 2 | 3 | 4;
  /** The cell on its own, for a list of cells: "表三 · 一、本年新收政府信息公开申请数量 · 自然人". */
  label: string;
  label_en: string;
  /** The row's heading in the form's table ("一、本年新收政府信息公开申请数量"; within a group of rows
   * the group's heading only on its first row: "（三）不予公开 1.属于国家秘密", then "2.其他法律行政法规禁止公开"). */
  row_heading: string;
  row_heading_en: string;
  /** The column's heading ("商业企业"; one-cell rows of table 2: "本年处理决定数量"). */
  column_heading: string;
  column_heading_en: string;
  /** The heading spanning the column, if any ("法人或其他组织"), else "". */
  column_group: string;
  column_group_en: string;
  /** The short row and column labels of the core's finding messages (column "" for one-cell rows of table 2). */
  row: string;
  row_en: string;
  column: string;
  column_en: string;
  /** t2.fees only: an amount in 万元 (10,000 yuan), not a count. */
  decimal?: true;
}

export interface Checker {
  /** The core's version, e.g. "0.1.0" (the CLI's `nianbao --version`). */
  readonly version: string;
  /** Resolves when the checker can check: at once, or after a restart following a 'core-failed' error. */
  readonly ready: Promise<void>;
  /** Checks one report (synchronous). Equal to the parsed output of
   * `nianbao check --format json [--ignore …] [--min-severity …] FILE`. */
  check(text: string, options?: CheckOptions): CheckResult;
  /** The same as check(), as the JSON text: byte-identical to the CLI's output without its final newline. */
  checkJSON(text: string, options?: CheckOptions): string;
  /** The rule catalogue (a fresh copy on each call). */
  rules(): Rule[];
  /** The cell catalogue: the 200 canonical cells in canonical order (table 2, table 3 row by row,
   * table 4 group by group) with their labels (a fresh copy on each call). */
  cells(): CellInfo[];
  /** Reads a report file (PDF, Word .docx, HTML, text; the kind is told by its bytes, then its name)
   * and checks the text recovered from it. Resolves to what check() gives for that text plus
   * `file` (the text checked: findings' line/column numbers point into `file.text`). Rejects with a
   * FileReadError when the file cannot be read (no text layer, encrypted, corrupt, unsupported,
   * empty), a NianbaoError for bad options or input. PDFs: pdfjs-dist in Node.js, nianbao-pdf.js
   * (a worker started on the first PDF) in browsers. */
  checkFile(bytes: ArrayBuffer | ArrayBufferView | Blob, fileName?: string, options?: FileCheckOptions): Promise<FileCheckResult>;
  /** Many reports, one after another (the CLI's `nianbao check FILE...`). Resolves to one entry per
   * input, in input order; an input that cannot be read or is no report is an entry with `error`,
   * never a rejection. Rejects only for bad options or inputs that are not a list, and with the
   * signal's reason when `signal` aborts. The entries give the CLI's spreadsheets through
   * toFindingsCsv() and toCellsCsv(). */
  checkMany(inputs: Iterable<BatchInput>, options?: BatchOptions): Promise<BatchEntry[]>;
}

/** One input of checkMany(): a text, a file's bytes, or a File/Blob (its `name` is used). */
export type BatchInput = { name: string; text: string } | { name: string; bytes: ArrayBuffer | ArrayBufferView | Blob } | Blob;

export interface BatchProgress {
  /** Inputs finished so far. */
  done: number;
  total: number;
  /** The input about to be read, or null in the final call (done === total). */
  file: string | null;
}

export interface BatchOptions extends CheckOptions {
  /** Called before each input and once at the end. */
  onProgress?: (progress: BatchProgress) => void;
  /** Stops the batch between inputs; checkMany() then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Pair the inputs as `nianbao check --cross-year`: a report with exactly one input of the same
   * agency and the year before is checked against it (cross-year findings, `previous`, `changes`).
   * Not together with `previous`. The inputs' texts are held until the batch ends. */
  crossYear?: boolean;
}

/** Why an input of checkMany() was not checked: 'not-a-report' (the core refused the text; `result`
 * is its document), a FileReadErrorCode, 'invalid-input' or 'core-failed'. */
export interface BatchError {
  code: 'not-a-report' | FileReadErrorCode | 'invalid-input' | 'core-failed' | string;
  message: string;
  message_en?: string;
}

/** crossYear only: the input taken as last year's report (its name and index), or, when several
 * inputs could each be it, their indices (then none is taken). */
export interface BatchPairing {
  previousFile?: string;
  previousIndex?: number;
  previousCandidates?: number[];
}

export type BatchEntry =
  | ({ file: string; result: CheckResult | FileCheckResult; error?: undefined } & BatchPairing)
  | { file: string; error: BatchError; result?: CheckResult };

/** `nianbao check --format csv` for checkMany()'s entries: UTF-8 BOM, RFC 4180 (CRLF), columns
 * file, agency, year, rule, severity, status, line, column, cells, expected, actual, message; an
 * entry not checked is one row with status `unreadable` or `not-a-report`. lang 'en': messages in
 * English (`--lang en`). */
export declare function toFindingsCsv(results: BatchEntry[], options?: { lang?: 'zh' | 'en' }): string;

/** `nianbao check --format cells` for checkMany()'s entries: one row per entry, file, agency, year,
 * format, errors, warnings, then every cell of `cells` (checker.cells(), canonical order) with its
 * value where its status is ok. */
export declare function toCellsCsv(results: BatchEntry[], cells: Array<CellInfo | string>): string;

export type FileKind = 'pdf' | 'docx' | 'html' | 'text';

/** What was read from a report file. */
export interface ExtractedFile {
  kind: FileKind;
  /** The recovered text: table rows as TAB-separated cells, one row per line. */
  text: string;
  /** PDF: number of pages. */
  pages?: number;
  /** PDF: characters read (without white space). */
  chars?: number;
  /** PDF: 1-based numbers of pages without any text (scanned pages); their content is not checked. */
  emptyPages?: number[];
  /** PDF: the page of each line of `text` (linePages[i] is the page of line i + 1), so that a
   * finding's line can be cited by its page. */
  linePages?: number[];
  /** HTML and text files: the encoding the bytes were decoded from (e.g. 'utf-8', 'gb18030'). */
  encoding?: string;
}

/** checkFile()'s result: the JSON contract plus the file it was read from (an added field). */
export type FileCheckResult = CheckResult & { file: ExtractedFile & { name: string } };

export type FileReadErrorCode = 'no-text' | 'encrypted' | 'corrupt' | 'unsupported' | 'empty';

/** A report file that cannot be read. `message` is Chinese, `message_en` English. */
export class FileReadError extends Error {
  readonly name: 'FileReadError';
  readonly code: FileReadErrorCode;
  readonly message_en: string;
}

export interface FileReadOptions {
  /** Browsers: where nianbao-pdf.js is. Default: next to nianbao.js. Ignored in Node.js. */
  pdfWorkerUrl?: string | URL;
  /** Called as each page of a PDF has been read (browsers). */
  onProgress?: (page: number, pages: number) => void;
}

/** Reads a report file without checking it (see Checker.checkFile). */
export function extractFile(bytes: ArrayBuffer | ArrayBufferView | Blob, fileName?: string, options?: FileReadOptions): Promise<ExtractedFile>;

/** Browsers: makes `element` accept a dropped report file; onText gets the recovered text, onError a
 * FileReadError (or another Error) and the file name. */
export function attachFileDrop(element: HTMLElement, handlers: FileReadOptions & {
  onText: (text: string, info: { name: string; kind: FileKind; pages?: number; encoding?: string; linePages?: number[]; emptyPages?: number[] }) => void;
  onError?: (error: Error, name: string) => void;
}): void;

export interface CreateCheckerOptions {
  /** Where nianbao.wasm is. Default: next to nianbao.js (new URL('./nianbao.wasm', import.meta.url)). */
  wasmUrl?: string | URL;
  /** The bytes of nianbao.wasm (e.g. read with fs); no fetch or file read is made. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** An already compiled nianbao.wasm. */
  wasmModule?: WebAssembly.Module;
  /** Browsers: where nianbao-pdf.js (pdf.js, for checkFile) is. Default: next to nianbao.js. */
  pdfWorkerUrl?: string | URL;
}

export type NianbaoErrorCode = 'invalid-options' | 'invalid-input' | 'load-failed' | 'core-failed' | 'restarting';

export class NianbaoError extends Error {
  readonly name: 'NianbaoError';
  readonly code: NianbaoErrorCode;
  readonly cause?: unknown;
}

/** Loads the core (the wasm is compiled once per source and shared) and resolves to a checker. */
export function createChecker(options?: CreateCheckerOptions): Promise<Checker>;
export default createChecker;

// ---------------------------------------------------------------------------------------------
// The <nianbao-check> element (nianbao-widget.js).

export interface NianbaoCheckElement extends HTMLElement {
  /** The text in the paste area. Setting it checks at once. */
  value: string;
  /** The previous year's report as text (options.previous; the `scope` attribute is options.scope).
   * Setting it checks again. */
  previous: string;
  /** The last result, or null. */
  readonly result: CheckResult | null;
  /** Resolves when the core is loaded. */
  readonly ready: Promise<void>;
  /** Where checks run: 'worker' (a module worker), 'main' (the host's CSP refused the worker), '' while loading. */
  readonly engine: 'worker' | 'main' | '';
  /** The core's version once loaded, else ''. */
  readonly version: string;
  /** Checks the current text now; resolves with the result (also dispatched as `nianbao-result`). */
  check(): Promise<CheckResult | null>;
  /** Reads a report file (as the file button and a drop on the paste area do), puts the recovered
   * text in the paste area and checks it; resolves with the result, or null when the file could not
   * be read (the reason is shown and dispatched as `nianbao-error`, code a FileReadErrorCode). */
  openFile(file: Blob, fileName?: string): Promise<CheckResult | null>;
  /** Several report files (as dropping or picking more than one does): read and checked one after
   * another into a compact list above the results (file, agency, year, counts); a row opens that
   * report in the element. Resolves with checkMany()-style entries, in order. */
  checkFiles(files: Iterable<Blob>): Promise<BatchEntry[]>;
}

export interface NianbaoResultEvent extends CustomEvent<CheckResult> {
  readonly type: 'nianbao-result';
}

declare global {
  interface HTMLElementTagNameMap {
    'nianbao-check': NianbaoCheckElement;
  }
  interface HTMLElementEventMap {
    'nianbao-result': CustomEvent<CheckResult>;
    /** code: a NianbaoErrorCode, 'worker-failed' (the next check starts a fresh worker), or a
     * FileReadErrorCode (a file given to the element could not be read). */
    'nianbao-error': CustomEvent<{ code: string; message: string }>;
  }
}
