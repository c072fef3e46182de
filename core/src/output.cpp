// Output: the names of the contract's enums, the JSON contract (../shared/spec/output.md), the
// terminal text format, the rule catalogue, and the options/JSON convenience used by the
// bindings.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "document.hpp"
#include "rules/rule.hpp"

namespace nianbao {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::error;
  if (name == "warning" || name == "warn") return Severity::warning;
  if (name == "info") return Severity::info;
  return std::nullopt;
}

const char* finding_status_name(FindingStatus s) {
  switch (s) {
    case FindingStatus::fail:
      return "fail";
    case FindingStatus::uncertain:
      return "uncertain";
  }
  return "fail";
}

const char* cell_status_name(CellStatus s) {
  switch (s) {
    case CellStatus::ok:
      return "ok";
    case CellStatus::blank:
      return "blank";
    case CellStatus::placeholder:
      return "placeholder";
    case CellStatus::unreadable:
      return "unreadable";
    case CellStatus::ambiguous:
      return "ambiguous";
  }
  return "ok";
}

namespace detail {

const char* format_name(FormatVersion f) {
  switch (f) {
    case FormatVersion::f2021:
      return "2021";
    case FormatVersion::f2019:
      return "2019";
    case FormatVersion::pre2019:
      return "pre-2019";
    case FormatVersion::unknown:
      break;
  }
  return "unknown";
}

}  // namespace detail

using ojson = nlohmann::ordered_json;

namespace {

ojson number_json(double v, bool decimal) {
  if (!decimal) return static_cast<long long>(std::llround(v));
  return v;
}

ojson pos_json(int v) { return v > 0 ? ojson(v) : ojson(nullptr); }

std::string dump(const ojson& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

namespace {

ojson checks_json(const Summary& s) {
  return {{"pass", s.pass},
          {"fail", s.fail},
          {"uncertain", s.uncertain},
          {"not_assessable", s.not_assessable}};
}

ojson reuse_json(const TextReuse& t) {
  ojson sections = ojson::array();
  for (const auto& c : t.sections) {
    sections.push_back(
        {{"section", c.section}, {"sentences", c.sentences}, {"repeated", c.repeated}});
  }
  ojson passages = ojson::array();
  for (const auto& p : t.passages) {
    passages.push_back({{"line", pos_json(p.line)},
                        {"column", pos_json(p.column)},
                        {"previous_line", pos_json(p.previous_line)},
                        {"previous_column", pos_json(p.previous_column)},
                        {"sentences", p.sentences},
                        {"chars", p.chars},
                        {"text", p.text}});
  }
  return {{"sentences", t.sentences},
          {"repeated", t.repeated},
          {"sections", std::move(sections)},
          {"passages", std::move(passages)}};
}

ojson previous_json(const PreviousInfo& p) {
  ojson j = {{"agency", p.agency ? ojson(*p.agency) : ojson(nullptr)},
             {"year", p.year ? ojson(*p.year) : ojson(nullptr)},
             {"format", p.format},
             {"input_bytes", p.input_bytes},
             {"lines", p.input_lines},
             {"compared", p.compared},
             {"checks", checks_json(p.checks)}};
  if (!p.error.empty()) j["error"] = p.error;
  if (p.text_reuse) j["text_reuse"] = reuse_json(*p.text_reuse);
  return j;
}

ojson changes_json(const std::vector<Change>& changes) {
  ojson arr = ojson::array();
  for (const auto& c : changes) {
    const bool decimal = c.unit != "件";
    ojson o = {{"id", c.id},
               {"label", c.label},
               {"label_en", c.label_en},
               {"unit", c.unit},
               {"cells", c.cells},
               {"current", number_json(c.current, decimal)},
               {"previous", number_json(c.previous, decimal)},
               {"change", number_json(c.change, decimal)},
               {"percent", c.percent ? ojson(*c.percent) : ojson(nullptr)}};
    arr.push_back(std::move(o));
  }
  return arr;
}

ojson findings_json(const std::vector<Finding>& list) {
  ojson findings = ojson::array();
  for (const auto& f : list) {
    ojson fj = ojson::object();
    auto& fo = fj.get_ref<ojson::object_t&>();
    fo.reserve(10);
    fo.emplace_back("rule", f.rule);
    fo.emplace_back("status", finding_status_name(f.status));
    fo.emplace_back("severity", severity_name(f.severity));
    fo.emplace_back("message", f.message);
    fo.emplace_back("message_en", f.message_en);
    fo.emplace_back("line", pos_json(f.line));
    fo.emplace_back("column", pos_json(f.column));
    fo.emplace_back("cells", f.cells);
    const bool decimal = (f.expected && *f.expected != std::floor(*f.expected)) ||
                         (f.actual && *f.actual != std::floor(*f.actual));
    if (f.expected) fo.emplace_back("expected", number_json(*f.expected, decimal));
    if (f.actual) fo.emplace_back("actual", number_json(*f.actual, decimal));
    if (f.previous_line > 0) {
      fo.emplace_back("previous_line", f.previous_line);
      fo.emplace_back("previous_column", pos_json(f.previous_column));
    }
    if (!f.previous_cells.empty()) fo.emplace_back("previous_cells", f.previous_cells);
    findings.push_back(std::move(fj));
  }
  return findings;
}

ojson cells_json(const std::vector<Cell>& list) {
  ojson cells = ojson::object();
  for (const auto& c : list) {
    // Keys are distinct and in output order: append them (operator[] searches the keys).
    ojson cj = ojson::object();
    auto& co = cj.get_ref<ojson::object_t&>();
    co.reserve(6);
    co.emplace_back("value", c.value ? number_json(*c.value, c.decimal) : ojson(nullptr));
    co.emplace_back("raw", c.raw);
    co.emplace_back("line", pos_json(c.line));
    co.emplace_back("column", pos_json(c.column));
    co.emplace_back("status", cell_status_name(c.status));
    if (!c.note.empty()) co.emplace_back("note", c.note);
    // Ids are unique: append instead of operator[] (a linear key search per cell).
    cells.get_ref<ojson::object_t&>().emplace_back(c.id, std::move(cj));
  }
  return cells;
}

// One report as read and checked: report, sections, cells, findings, summary.
void put_report(ojson& j, const Result& r) {
  j["report"] = {{"agency", r.agency ? ojson(*r.agency) : ojson(nullptr)},
                 {"year", r.year ? ojson(*r.year) : ojson(nullptr)},
                 {"format", r.format},
                 {"scope", r.scope},
                 {"parts", r.parts}};
  if (r.previous) j["previous"] = previous_json(*r.previous);
  ojson sections = ojson::array();
  for (const auto& s : r.sections) {
    sections.push_back({{"number", s.number}, {"heading", s.heading}, {"line", s.line}});
  }
  j["sections"] = std::move(sections);
  j["cells"] = cells_json(r.cells);
  j["findings"] = findings_json(r.findings);
  if (r.previous) j["changes"] = changes_json(r.changes);
  j["summary"] = {
      {"checks",
       {{"pass", r.summary.pass},
        {"fail", r.summary.fail},
        {"uncertain", r.summary.uncertain},
        {"not_assessable", r.summary.not_assessable}}},
      {"findings",
       {{"error", r.summary.errors}, {"warning", r.summary.warnings}, {"info", r.summary.infos}}},
      {"hidden", r.summary.hidden}};
}

}  // namespace

std::string to_json(const Result& r) {
  ojson j;
  j["schema"] = kSchemaVersion;
  j["tool"] = {{"name", "nianbao"}, {"version", kVersion}};
  j["input"] = {{"bytes", r.input_bytes}, {"lines", r.input_lines}, {"encoding", r.encoding}};
  if (r.exit_code == 2) {
    j["error"] = {{"message", r.input_error}};
    j["exit_code"] = 2;
    return dump(j);
  }
  put_report(j, r);
  // More than one report in the paste: each on its own (the fields above are the first's).
  if (!r.reports.empty()) {
    ojson reports = ojson::array();
    for (const Result& sub : r.reports) {
      ojson rj;
      rj["lines"] = {{"first", sub.first_line}, {"last", sub.last_line}};
      put_report(rj, sub);
      reports.push_back(std::move(rj));
    }
    j["reports"] = std::move(reports);
  }
  return dump(j);
}

namespace {

// The source line, tabs shown as two spaces, with a marker under [column, +width).
std::string extract(std::string_view line, int column, int mark_cps) {
  std::string shown, marker;
  std::size_t i = 0;
  int cp_index = 1;
  // Long lines are shown as a window around the column.
  const int from = column > 60 ? column - 40 : 1;
  if (from > 1) shown = "…";
  if (from > 1) marker = " ";
  while (i < line.size()) {
    const char32_t cp = detail::next_cp(line, i);
    if (cp_index >= from && cp_index < from + 160) {
      const int w = cp == '\t' ? 2 : detail::display_width(cp);
      if (cp == '\t') {
        shown += "  ";
      } else {
        detail::append_utf8(shown, cp);
      }
      const char m = cp_index == column                                    ? '^'
                     : (cp_index > column && cp_index < column + mark_cps) ? '~'
                                                                           : ' ';
      if (cp_index < column + mark_cps) marker.append(static_cast<std::size_t>(w), m);
    }
    ++cp_index;
  }
  if (column >= cp_index) marker += "^";
  while (!marker.empty() && marker.back() == ' ') marker.pop_back();
  return shown + "\n" + marker;
}

}  // namespace

namespace {

std::string pad_to(std::string s, int width) {
  int w = 0;
  std::size_t i = 0;
  while (i < s.size()) w += detail::display_width(detail::next_cp(s, i));
  if (w < width) s.append(static_cast<std::size_t>(width - w), ' ');
  return s;
}

// Up to six decimals (万元 to the fen), trailing zeros dropped.
std::string amount(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string signed_num(double v) { return (v > 0 ? "+" : "") + amount(v); }

// The previous report and the changes: one line, then one line per figure.
std::string previous_block(const Result& r, bool en) {
  const PreviousInfo& p = *r.previous;
  const Summary& c = p.checks;
  const std::string who =
      (p.agency ? *p.agency : std::string(en ? "(unknown agency)" : "（机关未识别）")) + " " +
      (p.year ? std::to_string(*p.year) : std::string("?"));
  std::string out;
  if (en) {
    out += "previous report: " + (p.error.empty() ? who + ", format " + p.format : p.error) +
           "; cross-year checks: " + std::to_string(c.pass) + " passed, " + std::to_string(c.fail) +
           " failed, " + std::to_string(c.uncertain) + " uncertain, " +
           std::to_string(c.not_assessable) + " could not be made\n";
  } else {
    out += "上一年度报告：" + (p.error.empty() ? who + "年度，格式 " + p.format : p.error) +
           "；跨年度检查 通过 " + std::to_string(c.pass) + "，不通过 " + std::to_string(c.fail) +
           "，无法确定 " + std::to_string(c.uncertain) + "，无法检查 " +
           std::to_string(c.not_assessable) + "\n";
  }
  if (r.changes.empty()) return out;
  out += en ? "changes (last year → this year):\n" : "与上年比较（上年 → 本年）：\n";
  for (const auto& ch : r.changes) {
    const std::string unit = ch.unit == "%" ? "%" : en ? "" : ch.unit;
    std::string line = "  " + pad_to(en ? ch.label_en : ch.label, en ? 40 : 44) +
                       amount(ch.previous) + unit + " → " + amount(ch.current) + unit + "  " +
                       signed_num(ch.change) + (ch.unit == "%" ? (en ? " pp" : "个百分点") : "");
    if (ch.percent) line += " (" + signed_num(*ch.percent) + "%)";
    out += line + "\n";
  }
  return out;
}

// A finding as the terminal shows it: FILE:LINE:COL: severity: message [rule], then the line
// with the place marked.
std::string finding_text(const Finding& f, const Result& r, const detail::Source& src,
                         const std::string& file, bool en) {
  std::string out = file;
  if (f.line > 0) out += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  out += std::string(": ") + severity_name(f.severity) + ": " +
         (en && !f.message_en.empty() ? f.message_en : f.message);
  if (f.previous_line > 0) {  // where to look in last year's report
    const std::string at =
        std::to_string(f.previous_line) + ":" + std::to_string(f.previous_column);
    out += en ? " (previous report " + at + ")" : "（上一年度报告 " + at + "）";
  }
  out += " [" + f.rule + "]\n";
  if (f.line <= 0) return out;
  int width = 1;
  for (const auto& id : f.cells) {
    for (const auto& c : r.cells) {
      if (c.id == id && c.line == f.line && c.column == f.column && !c.raw.empty()) {
        width = static_cast<int>(detail::cp_count(c.raw));
      }
    }
  }
  const std::string num = std::to_string(f.line);
  const std::string ex = extract(src.line_text(f.line), f.column, width);
  const std::size_t nl = ex.find('\n');
  out +=
      std::string(num.size() < 6 ? 6 - num.size() : 0, ' ') + num + " | " + ex.substr(0, nl) + "\n";
  out += std::string(6, ' ') + " | " + ex.substr(nl + 1) + "\n";
  return out;
}

// The closing line of one report.
std::string summary_text(const Result& r, const std::string& file, bool en) {
  std::string out;
  const Summary& s = r.summary;
  const std::string who =
      (r.agency ? *r.agency : std::string(en ? "(unknown agency)" : "（机关未识别）")) + " " +
      (r.year ? std::to_string(*r.year) : std::string("?"));
  const bool excerpt = r.scope == "excerpt";
  if (en) {
    out += file + ": " + who + (excerpt ? " (part of a report)" : "") + ", format " + r.format +
           ": " + std::to_string(s.errors) + " error(s), " + std::to_string(s.warnings) +
           " warning(s), " + std::to_string(s.infos) + " info; checks: " + std::to_string(s.pass) +
           " passed, " + std::to_string(s.fail) + " failed, " + std::to_string(s.uncertain) +
           " uncertain, " + std::to_string(s.not_assessable) + " could not be made";
  } else {
    out += file + "：" + who + "年度" + (excerpt ? "（报告的一部分）" : "") + "，格式 " + r.format +
           "：错误 " + std::to_string(s.errors) + "，警告 " + std::to_string(s.warnings) +
           "，提示 " + std::to_string(s.infos) + "；检查 通过 " + std::to_string(s.pass) +
           "，不通过 " + std::to_string(s.fail) + "，无法确定 " + std::to_string(s.uncertain) +
           "，无法检查 " + std::to_string(s.not_assessable);
  }
  if (s.hidden > 0) {
    out += en ? " (" + std::to_string(s.hidden) + " finding(s) hidden)"
              : "（已隐藏 " + std::to_string(s.hidden) + " 项发现）";
  }
  return out + "\n";
}

}  // namespace

std::string to_text(const Result& r, std::string_view text, std::string_view filename, bool en) {
  std::string out;
  const std::string file(filename.empty() ? "-" : filename);
  if (r.exit_code == 2) return file + ": error: " + r.input_error + "\n";
  const detail::Source src(text);
  // More than one report in the paste: each report's findings, then its closing line.
  for (const Result& rep : r.reports) {
    for (const auto& f : rep.findings) out += finding_text(f, rep, src, file, en);
    if (rep.previous) out += previous_block(rep, en);
    out += summary_text(rep, file, en);
  }
  if (!r.reports.empty()) return out;
  for (const auto& f : r.findings) out += finding_text(f, r, src, file, en);
  if (r.previous) out += previous_block(r, en);
  return out + summary_text(r, file, en);
}

std::string rules_to_json() {
  ojson arr = ojson::array();
  for (const auto& r : rules()) {
    arr.push_back({{"id", r.id},
                   {"title", r.title},
                   {"title_en", r.title_en},
                   {"severity", severity_name(r.severity)},
                   {"explanation", r.explanation},
                   {"explanation_en", r.explanation_en},
                   {"basis", r.basis},
                   {"whole_report", r.whole_report}});
  }
  return dump(arr);
}

std::string cells_to_json() {
  ojson arr = ojson::array();
  for (const auto& c : cell_catalogue()) {
    ojson o = {{"id", c.id},
               {"table", c.table},
               {"row", c.row},
               {"row_en", c.row_en},
               {"column", c.column},
               {"column_en", c.column_en},
               {"row_heading", c.row_heading},
               {"row_heading_en", c.row_heading_en},
               {"column_heading", c.column_heading},
               {"column_heading_en", c.column_heading_en},
               {"column_group", c.column_group},
               {"column_group_en", c.column_group_en},
               {"label", c.label},
               {"label_en", c.label_en}};
    if (c.decimal) o["decimal"] = true;
    arr.push_back(std::move(o));
  }
  return dump(arr);
}

std::string rules_to_text(bool en) {
  std::string out;
  for (const auto& r : rules()) {
    out += r.id + "  [" + severity_name(r.severity) + "]  " + (en ? r.title_en : r.title) + "\n";
    out += "    " + (en ? r.explanation_en : r.explanation) + "\n";
    out += "    " + std::string(en ? "Basis: " : "依据：") + r.basis + "\n\n";
  }
  return out;
}

bool parse_options_json(std::string_view json, Options* out, std::string* error) {
  if (json.empty()) return true;
  const nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (error) *error = "options are not a JSON object";
    return false;
  }
  if (auto it = j.find("ignore"); it != j.end() && it->is_array()) {
    for (const auto& v : *it) {
      if (v.is_string()) out->ignore.push_back(v.get<std::string>());
    }
  }
  if (auto it = j.find("minSeverity"); it != j.end() && it->is_string()) {
    const auto s = parse_severity(it->get<std::string>());
    if (!s) {
      if (error) *error = "unknown minSeverity: " + it->get<std::string>();
      return false;
    }
    out->min_severity = *s;
  }
  if (auto it = j.find("encoding"); it != j.end() && it->is_string()) {
    out->encoding = it->get<std::string>();
  }
  if (auto it = j.find("scope"); it != j.end() && !it->is_null()) {
    const auto m = it->is_string() ? parse_scope_mode(it->get<std::string>()) : std::nullopt;
    if (!m) {
      if (error) *error = "unknown scope: " + it->dump() + " (auto, full or excerpt)";
      return false;
    }
    out->scope = *m;
  }
  // The previous year's report; an empty string (an empty box on the page) or null is none.
  if (auto it = j.find("previous"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) {
      if (error) *error = "previous must be a string (the previous report's text)";
      return false;
    }
    if (!it->get_ref<const std::string&>().empty()) out->previous = it->get<std::string>();
  }
  return true;
}

std::string check_to_json(std::string_view utf8, std::string_view options_json) {
  Options opts;
  std::string error;
  if (!parse_options_json(options_json, &opts, &error)) {
    ojson j;
    j["schema"] = kSchemaVersion;
    j["tool"] = {{"name", "nianbao"}, {"version", kVersion}};
    j["error"] = {{"message", "选项无效 (invalid options): " + error}};
    j["exit_code"] = 2;
    return dump(j);
  }
  return to_json(check(utf8, opts));
}

}  // namespace nianbao
