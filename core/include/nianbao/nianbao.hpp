// nianbao: validator for 政府信息公开工作年度报告 (national format 国办公开办函〔2021〕30号).
//
// The one public header of the core. The core does no I/O and keeps no global state:
// text in, findings out. The CLI, the WebAssembly binding, the tests and the benchmarks
// all go through the functions declared here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

inline constexpr const char* kVersion = "0.1.0";
inline constexpr int kSchemaVersion = 1;
// Largest input accepted, in bytes of the input as supplied (before decoding).
inline constexpr std::size_t kMaxInputBytes = 16u * 1024u * 1024u;

enum class Severity { info = 0, warning = 1, error = 2 };
const char* severity_name(Severity s);  // "info" | "warning" | "error"
std::optional<Severity> parse_severity(std::string_view name);

// ---------------------------------------------------------------------------
// Input decoding (pure: bytes in, UTF-8 out). Used by the CLI; the page gets
// JavaScript strings, which embind hands over as UTF-8.
struct Decoded {
  bool ok = false;
  std::string utf8;      // the decoded text (UTF-8, BOM removed)
  std::string encoding;  // "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030"
  std::string error;     // one-line reason when !ok
};
// Detects UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK.
Decoded decode_input(std::string_view bytes);

// ---------------------------------------------------------------------------
// Whole report or part of one. `automatic` decides from what is present: no title and at most
// a few of the six sections, but a statutory table or section, is an excerpt (checks about the
// absent parts do not run); `full` and `excerpt` override the decision.
enum class ScopeMode { automatic, full, excerpt };
const char* scope_mode_name(ScopeMode m);  // "auto" | "full" | "excerpt"
std::optional<ScopeMode> parse_scope_mode(std::string_view name);

// Options shared by CLI, WASM, page and widget.
struct Options {
  std::vector<std::string> ignore;         // rule ids whose findings are hidden
  Severity min_severity = Severity::info;  // findings below this are hidden
  std::string encoding = "utf-8";          // reported as input.encoding
  std::optional<std::size_t> input_bytes;  // bytes as supplied, when they differ from the UTF-8
  // The previous year's report, for the cross-year checks (rules cross-*, the changes block):
  // its text as supplied (after decoding, like the report's own), and its size in bytes as
  // supplied when that differs from the UTF-8. Without it no cross-year check runs.
  std::optional<std::string> previous;
  std::optional<std::size_t> previous_input_bytes;
  ScopeMode scope = ScopeMode::automatic;  // whole report or excerpt (--scope)
};
// Parses the JSON options object used by the WASM binding and the JS API:
// {"ignore": ["id", ...], "minSeverity": "warning", "encoding": "...", "previous": "<text>",
//  "scope": "full"}. Unknown keys are ignored; on malformed JSON (or an unknown minSeverity or
// scope) returns false and sets *error.
bool parse_options_json(std::string_view json, Options* out, std::string* error);

// ---------------------------------------------------------------------------
// Result types (the JSON contract, ../shared/spec/output.md, as C++ values).
enum class CellStatus { ok, blank, placeholder, unreadable, ambiguous };
const char* cell_status_name(CellStatus s);

struct Cell {
  std::string id;               // canonical id, e.g. "t3.new.natural_person"
  std::optional<double> value;  // null when blank/placeholder/unreadable/ambiguous
  bool decimal = false;         // true only for t2.fees (万元); else value is an integer
  std::string raw;              // the text as it stands in the input
  int line = 0;                 // 1-based; 0 when the cell was not located in the text
  int column = 0;               // 1-based, in Unicode code points
  CellStatus status = CellStatus::ok;
  std::string note;  // why the status is not ok (ambiguity, unit, ...), may be empty
};

// A finding is a check that failed, or one whose outcome could not be settled (passes are
// counted, not listed).
enum class FindingStatus { fail, uncertain };
const char* finding_status_name(FindingStatus s);  // "fail" | "uncertain"

struct Finding {
  std::string rule;  // stable kebab-case id
  FindingStatus status = FindingStatus::fail;
  Severity severity = Severity::error;
  std::string message;     // Chinese
  std::string message_en;  // English
  int line = 0;            // 0 = not tied to one place (null in JSON)
  int column = 0;
  std::vector<std::string> cells;  // canonical ids of every operand
  std::optional<double> expected;  // arithmetic findings only
  std::optional<double> actual;
  // Cross-year findings: where the previous report's text or cell stands in it (0 = not tied to
  // one place), and the previous report's cells involved (canonical ids, of that report).
  int previous_line = 0;
  int previous_column = 0;
  std::vector<std::string> previous_cells;
};

struct Section {
  int number = 0;       // 1..6
  std::string heading;  // as written
  int line = 0;
  int column = 0;
};

struct Summary {
  int pass = 0, fail = 0, uncertain = 0, not_assessable = 0;
  int errors = 0, warnings = 0, infos = 0;  // visible findings by severity
  int hidden = 0;                           // findings hidden by ignore / min severity
};

// Sentences (of at least 15 characters, whitespace removed, outside the tables) of this year's
// report that stand word for word in the previous report.
struct ReusedPassage {       // consecutive repeated sentences, consecutive in both reports
  int line = 0, column = 0;  // in this report
  int previous_line = 0, previous_column = 0;  // in the previous report
  int sentences = 0;
  int chars = 0;     // code points, whitespace removed
  std::string text;  // its start, as written (at most about 40 characters)
};
struct ReuseCount {
  int section = 0;  // 1..6; 0 = text before section 一
  int sentences = 0, repeated = 0;
};
struct TextReuse {
  int sentences = 0, repeated = 0;      // the whole report
  std::vector<ReuseCount> sections;     // per section holding sentences, in section order
  std::vector<ReusedPassage> passages;  // the longest repeated passages, longest first (≤ 3)
};

// The previous year's report as read, and how its cross-year checks went.
struct PreviousInfo {
  std::optional<std::string> agency;
  std::optional<int> year;
  std::string format = "unknown";
  std::size_t input_bytes = 0;
  int input_lines = 0;
  std::string error;      // why it could not be read as a report; else empty
  bool compared = false;  // same agency, the year before: the cross-year checks ran
  Summary checks;         // the cross-year checks alone (also counted in Result::summary)
  std::optional<TextReuse> text_reuse;
};

// A key figure this year and last year (Result::changes). Present only when every operand is
// an `ok` cell in both reports.
struct Change {
  std::string id;  // a cell id ("t3.new.total"), a sum ("t3.withheld.*.total") or a rate
  std::string label, label_en;
  std::string unit;                  // "件" | "万元" | "%"
  std::vector<std::string> cells;    // every operand (canonical ids; the same in both reports)
  double current = 0, previous = 0;  // rates: in percent, one decimal
  double change = 0;                 // current - previous (rates: percentage points)
  std::optional<double> percent;     // change in percent of previous; none for rates or 0
};

struct Result {
  // exit code of the CLI: 0 no error finding, 1 at least one, 2 input error
  int exit_code = 0;
  std::string input_error;  // one-line reason when exit_code == 2
  std::size_t input_bytes = 0;
  int input_lines = 0;
  std::string encoding = "utf-8";
  std::optional<std::string> agency;
  std::optional<int> year;
  std::string format = "unknown";  // "2021" | "2019" | "pre-2019" | "unknown"
  std::string scope = "full";      // "full" | "excerpt" (part of a report)
  std::vector<std::string> parts;  // what was found, in input order: "section-3", "t3", ...
  std::vector<Section> sections;
  std::vector<Cell> cells;        // canonical order (table 2, 3, 4)
  std::vector<Finding> findings;  // sorted by line, then rule id; hidden ones removed
  Summary summary;
  std::optional<PreviousInfo> previous;  // when Options::previous was given
  std::vector<Change> changes;           // with a comparable previous report
  // More than one report in one paste: each checked on its own, in input order (empty when
  // there is one). The fields above are the first report's (plus a note naming the others);
  // exit_code is the worst of all. Positions in every report point into the whole input.
  std::vector<Result> reports;
  int first_line = 0, last_line = 0;  // in `reports`: the lines of the input this report spans
};

// Checks one report. `utf8` is the text exactly as the user supplied it (after decoding).
// Never throws; bad input (empty, binary, not a report, too large) gives exit_code 2.
// With Options::previous it is also checked against the previous year's report (cross-year
// findings, Result::previous, Result::changes); a previous text that is not a report is a
// cross-year-order finding, not an input error.
Result check(std::string_view utf8, const Options& options = {});

// True when two agency names (Result::agency) are one agency as the cross-year checks see it:
// equal apart from spaces and punctuation, or one is the other with the higher divisions in front
// ("淮安市洪泽区人民政府" and "洪泽区人民政府"). Used to pair a batch's reports (--cross-year).
bool agencies_match(std::string_view a, std::string_view b);

// The JSON contract (deterministic: same input, same bytes).
std::string to_json(const Result& result);
// Terminal format: FILE:LINE:COL: severity: message [rule-id], the source line with the
// cell marked, then a closing summary. `text` must be the text given to check().
std::string to_text(const Result& result, std::string_view text, std::string_view filename,
                    bool english = false);

// Convenience for bindings: check + to_json, options as JSON.
std::string check_to_json(std::string_view utf8, std::string_view options_json);

// ---------------------------------------------------------------------------
// The rule catalogue, generated from the rules' own declarations.
struct RuleInfo {
  std::string id;
  std::string title;  // Chinese
  std::string title_en;
  Severity severity = Severity::error;  // default severity
  std::string explanation;              // Chinese
  std::string explanation_en;
  std::string basis;          // legal or format basis
  bool whole_report = false;  // about the report as a whole: not checked on an excerpt
};
const std::vector<RuleInfo>& rules();
std::string rules_to_json();
std::string rules_to_text(bool english = false);

// ---------------------------------------------------------------------------
// The canonical cells (../shared/spec/cells.md) in canonical order, with their labels: the
// one source of cell ids and names for the CLI, the page and the widget.
// `row`/`column` are the short labels the core's finding messages use; the other labels are for
// readers: the headings of the table as the report form prints them, and a self-contained label.
struct CellInfo {
  std::string id;                 // "t3.new.natural_person"
  int table = 0;                  // 2 | 3 | 4
  std::string row, row_en;        // row (table 2, 3) or group (table 4) label
  std::string column, column_en;  // column label; empty for one-cell rows of table 2
  bool decimal = false;           // t2.fees only (万元)
  // The row's heading in the form's table ("一、本年新收政府信息公开申请数量"; within a group of
  // rows the group's heading only on its first row: "（三）不予公开 1.属于国家秘密", then
  // "2.其他法律行政法规禁止公开"; table 4: "行政诉讼 · 复议后起诉").
  std::string row_heading, row_heading_en;
  // The column's heading ("商业企业"; one-cell rows of table 2: "本年处理决定数量") and the heading
  // spanning it, if any ("法人或其他组织"; else empty).
  std::string column_heading, column_heading_en;
  std::string column_group, column_group_en;
  // The cell on its own: "表三 · （三）不予公开 2.其他法律行政法规禁止公开 · 自然人".
  std::string label, label_en;
};
const std::vector<CellInfo>& cell_catalogue();
std::string cells_to_json();

}  // namespace nianbao
