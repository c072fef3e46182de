// Output: the names of the contract's enums, the terminal text format, the rule catalogue and
// the options of the bindings. The JSON of a result is output_json.cpp.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

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

std::string dump(const ojson& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

namespace {

// Where code points stand in a long line, so that each finding's extract starts near its
// column instead of at the line's start (30,000 findings on a 2 MB line: linear, not quadratic).
// Code points are counted as next_cp() steps, as the extract counts them.
class LineIndex {
 public:
  // Byte offset in `line` (line number `line_no`) of code point `target` (1-based); *reached is
  // `target`, or the count of code points + 1 when the line is shorter.
  std::size_t seek(int line_no, std::string_view line, int target, int* reached) {
    std::size_t i = 0;
    int cp = 1;
    if (line.size() > kLong) {
      if (line_no != line_no_) build(line_no, line);
      const auto k =
          std::min(static_cast<std::size_t>((std::max(target, 1) - 1) / kStep), marks_.size() - 1);
      i = marks_[k];
      cp = 1 + static_cast<int>(k) * kStep;
    }
    while (cp < target && i < line.size()) {
      detail::next_cp(line, i);
      ++cp;
    }
    *reached = cp;
    return i;
  }

 private:
  static constexpr std::size_t kLong = 1024;  // bytes; shorter lines are walked from the start
  static constexpr int kStep = 64;            // code points between marks

  void build(int line_no, std::string_view line) {
    line_no_ = line_no;
    marks_.clear();
    std::size_t i = 0;
    for (int cp = 0; i < line.size(); ++cp) {
      if (cp % kStep == 0) marks_.push_back(i);
      detail::next_cp(line, i);
    }
  }

  int line_no_ = 0;
  std::vector<std::size_t> marks_;  // byte offset of code point 1 + k * kStep
};

// The source line, tabs shown as two spaces, with a marker under [column, +width). A long line
// is shown as a window of at most kWindow code points: 40 before the column, "…" where cut.
std::string extract(std::string_view line, int line_no, int column, int mark_cps,
                    LineIndex& index) {
  static constexpr int kWindow = 160;
  std::string shown, marker;
  const int from = column > 60 ? column - 40 : 1;
  if (from > 1) shown = "…";
  if (from > 1) marker = " ";
  int cp_index = 1;
  std::size_t i = index.seek(line_no, line, from, &cp_index);
  while (i < line.size() && cp_index < from + kWindow) {
    const char32_t cp = detail::next_cp(line, i);
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
    ++cp_index;
  }
  if (i < line.size()) {
    shown += "…";  // the line goes on (and the column stood in the window)
  } else if (column >= cp_index) {
    marker += "^";  // after the line's end
  }
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

// The cells of a report by id (in their order among equal ids), so that a finding finds its
// cells without a scan of every cell.
using CellsById = std::vector<std::pair<std::string_view, const Cell*>>;

CellsById cells_by_id(const std::vector<Cell>& cells) {
  CellsById out;
  out.reserve(cells.size());
  for (const auto& c : cells) out.emplace_back(c.id, &c);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// How many code points to mark: the raw text of the (last listed) cell standing at the place.
int mark_width(const Finding& f, const CellsById& cells) {
  int width = 1;
  for (const auto& id : f.cells) {
    auto it = std::lower_bound(cells.begin(), cells.end(), std::string_view(id),
                               [](const auto& e, std::string_view k) { return e.first < k; });
    for (; it != cells.end() && it->first == id; ++it) {
      const Cell& c = *it->second;
      if (c.line == f.line && c.column == f.column && !c.raw.empty()) {
        width = static_cast<int>(detail::cp_count(c.raw));
      }
    }
  }
  return width;
}

// What the text format needs besides the finding.
struct TextContext {
  const detail::Source& src;
  const std::string& file;
  bool en;
  LineIndex& index;
};

// A finding as the terminal shows it: FILE:LINE:COL: severity: message [rule], then the line
// with the place marked.
void finding_text(std::string& out, const Finding& f, const CellsById& cells,
                  const TextContext& ctx) {
  const bool en = ctx.en;
  out += ctx.file;
  if (f.line > 0) out += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  out += std::string(": ") + severity_name(f.severity) + ": " +
         (en && !f.message_en.empty() ? f.message_en : f.message);
  if (f.previous_line > 0) {  // where to look in last year's report
    const std::string at =
        std::to_string(f.previous_line) + ":" + std::to_string(f.previous_column);
    out += en ? " (previous report " + at + ")" : "（上一年度报告 " + at + "）";
  }
  out += " [" + f.rule + "]\n";
  if (f.line <= 0) return;
  const std::string num = std::to_string(f.line);
  const std::string ex =
      extract(ctx.src.line_text(f.line), f.line, f.column, mark_width(f, cells), ctx.index);
  const std::size_t nl = ex.find('\n');
  out.append(num.size() < 6 ? 6 - num.size() : 0, ' ');
  out += num + " | ";
  out.append(ex, 0, nl);
  out += "\n" + std::string(6, ' ') + " | ";
  out.append(ex, nl + 1, std::string::npos);
  out += "\n";
}

void findings_text(std::string& out, const Result& r, const TextContext& ctx) {
  if (r.findings.empty()) return;
  const CellsById cells = cells_by_id(r.cells);
  for (const auto& f : r.findings) finding_text(out, f, cells, ctx);
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
  LineIndex index;
  const TextContext ctx{src, file, en, index};
  // More than one report in the paste: each report's findings, then its closing line.
  for (const Result& rep : r.reports) {
    findings_text(out, rep, ctx);
    if (rep.previous) out += previous_block(rep, en);
    out += summary_text(rep, file, en);
  }
  if (!r.reports.empty()) return out;
  findings_text(out, r, ctx);
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

}  // namespace nianbao
