#include "formats.hpp"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

namespace nianbao::cli {
namespace {

using ojson = nlohmann::ordered_json;

constexpr std::size_t kTop = 10;  // rules and files listed in the text summary
constexpr const char* kBom = "\xEF\xBB\xBF";
constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

std::string dump(const ojson& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A pretty JSON document made compact: whitespace outside strings removed (strings hold no raw
// line breaks, so the result is what dump(-1) gives).
std::string compact(std::string_view pretty) {
  std::string out;
  out.reserve(pretty.size());
  bool in_string = false;
  for (std::size_t i = 0; i < pretty.size(); ++i) {
    const char c = pretty[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < pretty.size()) {
        out += pretty[++i];
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      out += c;
    }
  }
  return out;
}

// Adds `n` spaces after every line break (a pretty document nested in a hand-written one).
std::string indent(std::string_view text, std::size_t n) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(n, ' ');
  }
  return out;
}

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      break;
  }
  return "note";
}

// The file as the output's machines see it: the path as given, "-" for standard input.
std::string machine_path(const std::string& path) { return path; }

const std::unordered_map<std::string, std::size_t>& rule_index() {
  static const std::unordered_map<std::string, std::size_t> index = [] {
    std::unordered_map<std::string, std::size_t> m;
    for (std::size_t i = 0; i < rules().size(); ++i) m.emplace(rules()[i].id, i);
    return m;
  }();
  return index;
}

const std::unordered_map<std::string, std::size_t>& cell_index() {
  static const std::unordered_map<std::string, std::size_t> index = [] {
    std::unordered_map<std::string, std::size_t> m;
    for (std::size_t i = 0; i < cell_catalogue().size(); ++i) m.emplace(cell_catalogue()[i].id, i);
    return m;
  }();
  return index;
}

std::string current_directory_uri() {
  std::vector<char> buffer(PATH_MAX);
  if (::getcwd(buffer.data(), buffer.size()) == nullptr) return "file:///";
  std::string dir = buffer.data();
  if (dir.empty() || dir.back() != '/') dir += '/';
  return "file://" + uri_path(dir);
}

ojson artifact_location(const std::string& path) {
  if (path == "-") return {{"description", {{"text", "standard input"}}}};
  if (!path.empty() && path.front() == '/') return {{"uri", "file://" + uri_path(path)}};
  return {{"uri", uri_path(path)}, {"uriBaseId", "%SRCROOT%"}};
}

void append_csv_row(std::string* out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *out += ',';
    *out += csv_field(fields[i]);
  }
  *out += "\r\n";
}

std::string year_text(const std::optional<int>& year) {
  return year ? std::to_string(*year) : std::string();
}

std::string status_for_input_error(const FileReport& r) {
  return r.unreadable ? "unreadable" : "not-a-report";
}

// --cross-year: which input was taken as last year's report, or why none was (one line).
std::string pairing_line(const FileReport& r, bool en) {
  std::string line;
  if (!r.previous_path.empty() && r.previous_error.empty()) {
    line = en ? "Cross-year: last year's report is " + shown_path(r.previous_path)
              : "跨年度核验：上一年度报告取自 " + shown_path(r.previous_path);
  } else if (!r.previous_path.empty()) {
    line = en ? "Cross-year: last year's report " + shown_path(r.previous_path) +
                    " could not be read again: " + r.previous_error
              : "跨年度核验：上一年度报告 " + shown_path(r.previous_path) + " 无法再次读取：" +
                    r.previous_error;
  } else if (!r.previous_candidates.empty()) {
    std::string list;
    for (const std::string& p : r.previous_candidates) {
      list += (list.empty() ? "" : en ? ", " : "、") + shown_path(p);
    }
    line = en ? "Cross-year: not checked, " + std::to_string(r.previous_candidates.size()) +
                    " inputs could each be last year's report (" + list + ")"
              : "跨年度核验：未做，同一机关上一年度的报告有 " +
                    std::to_string(r.previous_candidates.size()) + " 份（" + list +
                    "），无法确定用哪一份";
  }
  return line;
}

void render_text(const Args& args, const Result& result, std::string_view text, FileReport* r) {
  r->rendered = to_text(result, text, shown_path(r->path), args.english);
  if (!r->rendered.empty() && r->rendered.back() != '\n') r->rendered += '\n';
  if (const std::string line = pairing_line(*r, args.english); !line.empty()) {
    r->rendered += line + '\n';
  }
}

void render_json(const Result& result, FileReport* r) {
  const std::string doc = compact(to_json(result));
  r->rendered = "{\"file\":" + dump(ojson(machine_path(r->path))) + ",";
  // --cross-year: "previous_file" (the input taken as last year's), or "previous_candidates"
  if (!r->previous_path.empty()) {
    r->rendered += "\"previous_file\":" + dump(ojson(machine_path(r->previous_path))) + ",";
  } else if (!r->previous_candidates.empty()) {
    ojson list = ojson::array();
    for (const std::string& p : r->previous_candidates) list.push_back(machine_path(p));
    r->rendered += "\"previous_candidates\":" + dump(list) + ",";
  }
  r->rendered.append(doc, 1, std::string::npos);  // the document without its "{"
  r->rendered += '\n';
}

void render_csv(const Args& args, const Result& result, FileReport* r) {
  const std::string file = machine_path(r->path);
  const std::string agency = result.agency.value_or("");
  const std::string year = year_text(result.year);
  if (result.exit_code == 2) {
    append_csv_row(&r->rendered, {file, agency, year, "", "error", status_for_input_error(*r), "",
                                  "", "", "", "", r->input_error});
    return;
  }
  for (const Finding& f : result.findings) {
    std::string cells;
    for (const std::string& id : f.cells) cells += (cells.empty() ? "" : " ") + id;
    append_csv_row(
        &r->rendered,
        {file, agency, year, f.rule, severity_name(f.severity), finding_status_name(f.status),
         f.line > 0 ? std::to_string(f.line) : "", f.line > 0 ? std::to_string(f.column) : "",
         cells, f.expected ? number_text(*f.expected) : "", f.actual ? number_text(*f.actual) : "",
         args.english && !f.message_en.empty() ? f.message_en : f.message});
  }
}

void render_sarif(const Args& args, const Result& result, FileReport* r) {
  const ojson location = artifact_location(r->path);
  if (result.exit_code == 2) {
    const ojson notification = {
        {"level", "error"},
        {"message", {{"text", shown_path(r->path) + ": " + r->input_error}}},
        {"locations", ojson::array({{{"physicalLocation", {{"artifactLocation", location}}}}})}};
    r->rendered = dump(notification, 2);
    return;
  }
  std::string out;
  for (const Finding& f : result.findings) {
    ojson physical = {{"artifactLocation", location}};
    if (f.line > 0) {
      physical["region"] = {{"startLine", f.line}, {"startColumn", std::max(f.column, 1)}};
    }
    ojson res = ojson::object();
    res["ruleId"] = f.rule;
    if (const auto it = rule_index().find(f.rule); it != rule_index().end()) {
      res["ruleIndex"] = it->second;
    }
    res["level"] = sarif_level(f.severity);
    res["kind"] = f.status == FindingStatus::fail ? "fail" : "review";
    res["message"] = {{"text", args.english && !f.message_en.empty() ? f.message_en : f.message}};
    res["locations"] = ojson::array({{{"physicalLocation", std::move(physical)}}});
    ojson properties = {{"status", finding_status_name(f.status)}, {"cells", f.cells}};
    if (f.expected) properties["expected"] = *f.expected;
    if (f.actual) properties["actual"] = *f.actual;
    res["properties"] = std::move(properties);
    if (!out.empty()) out += ",\n";
    out += dump(res, 2);
  }
  r->rendered = std::move(out);
}

void render_cells(const Result& result, FileReport* r) {
  std::vector<std::string> fields = {machine_path(r->path), result.agency.value_or(""),
                                     year_text(result.year)};
  if (result.exit_code == 2) {
    fields.resize(6 + cell_catalogue().size());
  } else {
    fields.push_back(result.format);
    fields.push_back(std::to_string(result.summary.errors));
    fields.push_back(std::to_string(result.summary.warnings));
    fields.resize(6 + cell_catalogue().size());
    for (const Cell& c : result.cells) {
      const auto it = cell_index().find(c.id);
      if (it == cell_index().end() || c.status != CellStatus::ok || !c.value) continue;
      fields[6 + it->second] = number_text(*c.value);
    }
  }
  append_csv_row(&r->rendered, fields);
}

}  // namespace

std::string shown_path(std::string_view path) {
  return path == "-" ? std::string("<stdin>") : std::string(path);
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  return nlohmann::json(value).dump();
}

std::string uri_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void render_file(const Args& args, const Result& result, std::string_view text,
                 FileReport* report) {
  report->exit_code = result.exit_code;
  if (result.exit_code == 2 && report->input_error.empty())
    report->input_error = result.input_error;
  report->agency = result.agency;
  report->year = result.year;
  report->errors = result.summary.errors;
  report->warnings = result.summary.warnings;
  report->infos = result.summary.infos;
  report->fired.clear();
  for (const Finding& f : result.findings) report->fired.push_back(f.rule);
  report->rendered.clear();
  switch (args.format) {
    case Format::text:
      render_text(args, result, text, report);
      break;
    case Format::json:
      render_json(result, report);
      break;
    case Format::csv:
      render_csv(args, result, report);
      break;
    case Format::sarif:
      render_sarif(args, result, report);
      break;
    case Format::cells:
      render_cells(result, report);
      break;
  }
}

void BatchWriter::begin() {
  switch (args_.format) {
    case Format::text:
    case Format::json:
      break;
    case Format::csv: {
      std::string header = kBom;
      append_csv_row(&header, {"file", "agency", "year", "rule", "severity", "status", "line",
                               "column", "cells", "expected", "actual", "message"});
      out_ << header;
      break;
    }
    case Format::cells: {
      std::vector<std::string> fields = {"file", "agency", "year", "format", "errors", "warnings"};
      for (const CellInfo& c : cell_catalogue()) fields.push_back(c.id);
      std::string header = kBom;
      append_csv_row(&header, fields);
      out_ << header;
      break;
    }
    case Format::sarif: {
      const bool en = args_.english;
      ojson rules_json = ojson::array();
      for (const RuleInfo& r : rules()) {
        const std::string& explanation = en ? r.explanation_en : r.explanation;
        rules_json.push_back(
            {{"id", r.id},
             {"shortDescription", {{"text", en ? r.title_en : r.title}}},
             {"fullDescription", {{"text", explanation}}},
             {"help", {{"text", explanation + "\n" + (en ? "Basis: " : "依据：") + r.basis}}},
             {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
             {"properties", {{"basis", r.basis}}}});
      }
      const ojson tool = {{"driver",
                           {{"name", "nianbao"},
                            {"version", kVersion},
                            {"semanticVersion", kVersion},
                            {"rules", std::move(rules_json)}}}};
      const ojson bases = {{"%SRCROOT%", {{"uri", current_directory_uri()}}}};
      out_ << "{\n  \"$schema\": \"" << kSarifSchema << "\",\n  \"version\": \"2.1.0\",\n"
           << "  \"runs\": [\n    {\n      \"tool\": " << indent(dump(tool, 2), 6) << ",\n"
           << "      \"columnKind\": \"unicodeCodePoints\",\n"
           << "      \"originalUriBaseIds\": " << indent(dump(bases, 2), 6) << ",\n"
           << "      \"results\": [";
      break;
    }
  }
}

void BatchWriter::file(const FileReport& r) {
  const std::size_t index = files_++;
  paired_ += !r.previous_path.empty() && r.previous_error.empty();
  ambiguous_ += !r.previous_candidates.empty();
  if (r.exit_code == 2) {
    ++(r.unreadable ? unreadable_ : not_reports_);
  } else {
    errors_ += r.errors;
    warnings_ += r.warnings;
    infos_ += r.infos;
    files_with_errors_ += r.errors > 0;
    files_with_warnings_ += r.warnings > 0;
    std::vector<std::string> seen;
    for (const std::string& id : r.fired) {
      RuleCount& c = rule_counts_[id];
      ++c.findings;
      if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
        seen.push_back(id);
        ++c.files;
      }
    }
    if (r.errors > 0) {
      const std::string who =
          (r.agency ? *r.agency : std::string(args_.english ? "(unknown agency)" : "机关未识别")) +
          " " + (r.year ? std::to_string(*r.year) : std::string("?"));
      top_files_.push_back({r.errors, index, r.path, who});
      std::stable_sort(top_files_.begin(), top_files_.end(),
                       [](const TopFile& a, const TopFile& b) { return a.errors > b.errors; });
      if (top_files_.size() > kTop) top_files_.pop_back();
    }
  }
  switch (args_.format) {
    case Format::text:
      if (index > 0) out_ << '\n';
      out_ << r.rendered;
      break;
    case Format::json:
    case Format::csv:
    case Format::cells:
      out_ << r.rendered;
      break;
    case Format::sarif:
      if (r.exit_code == 2) {
        notifications_.push_back(r.rendered);
      } else if (!r.rendered.empty()) {
        out_ << (results_ > 0 ? ",\n" : "\n") << "        " << indent(r.rendered, 8);
        results_ += r.fired.size();
      }
      break;
  }
}

void BatchWriter::end(std::size_t skipped, int exit_code) {
  if (args_.format == Format::text) {
    summary(skipped);
  } else if (args_.format == Format::sarif) {
    out_ << (results_ > 0 ? "\n      ],\n" : "],\n");
    ojson invocation = {{"executionSuccessful", exit_code != 2}, {"exitCode", exit_code}};
    std::string text = dump(invocation, 2);
    if (!notifications_.empty()) {
      // Insert the notifications before the closing brace of the invocation.
      std::string list = ",\n  \"toolExecutionNotifications\": [";
      for (std::size_t i = 0; i < notifications_.size(); ++i) {
        list += (i > 0 ? ",\n    " : "\n    ") + indent(notifications_[i], 4);
      }
      list += "\n  ]";
      text.insert(text.rfind('\n'), list);
    }
    out_ << "      \"invocations\": [\n        " << indent(text, 8) << "\n      ]\n    }\n  ]\n}\n";
  }
}

void BatchWriter::summary(std::size_t skipped) {
  const bool en = args_.english;
  std::string s = en ? "\n== Summary ==\n" : "\n== 汇总 ==\n";
  const std::size_t failed = unreadable_ + not_reports_;
  const std::size_t checked = files_ - failed;
  if (en) {
    s += "Files: " + std::to_string(files_) + ", " + std::to_string(checked) + " checked";
    if (failed > 0) {
      s += ", " + std::to_string(failed) + " could not be checked (" + std::to_string(unreadable_) +
           " unreadable, " + std::to_string(not_reports_) + " not a report)";
    }
    if (skipped > 0) s += "; " + std::to_string(skipped) + " file(s) of other types skipped";
    s += "\nFindings: " + std::to_string(errors_) + " error(s) in " +
         std::to_string(files_with_errors_) + " file(s), " + std::to_string(warnings_) +
         " warning(s) in " + std::to_string(files_with_warnings_) + " file(s), " +
         std::to_string(infos_) + " info\n";
  } else {
    s += "文件 " + std::to_string(files_) + " 个：核验 " + std::to_string(checked) + " 个";
    if (failed > 0) {
      s += "，无法核验 " + std::to_string(failed) + " 个（无法读取 " + std::to_string(unreadable_) +
           "，不是年报 " + std::to_string(not_reports_) + "）";
    }
    if (skipped > 0) s += "；跳过其他类型的文件 " + std::to_string(skipped) + " 个";
    s += "\n结果：错误 " + std::to_string(errors_) + " 条（" + std::to_string(files_with_errors_) +
         " 个文件），警告 " + std::to_string(warnings_) + " 条（" +
         std::to_string(files_with_warnings_) + " 个文件），提示 " + std::to_string(infos_) +
         " 条\n";
  }
  if (args_.cross_year) {
    s += en ? "Cross-year: " + std::to_string(paired_) +
                  " report(s) checked against last year's report in the batch" +
                  (ambiguous_ > 0 ? ", " + std::to_string(ambiguous_) +
                                        " not checked (more than one report of last year)"
                                  : std::string()) +
                  "\n"
            : "跨年度核验：" + std::to_string(paired_) + " 份报告与批次中的上一年度报告核对" +
                  (ambiguous_ > 0
                       ? "，" + std::to_string(ambiguous_) + " 份未核对（上一年度的报告不止一份）"
                       : std::string()) +
                  "\n";
  }
  if (!rule_counts_.empty()) {
    std::vector<std::pair<std::string, RuleCount>> ranked(rule_counts_.begin(), rule_counts_.end());
    // Most findings first; ties by rule id (the map's order, kept by the stable sort).
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.second.findings > b.second.findings;
    });
    if (ranked.size() > kTop) ranked.resize(kTop);
    std::size_t width = 0;
    for (const auto& [id, count] : ranked) width = std::max(width, id.size());
    s += en ? "Rules that fired most (findings / files):\n"
            : "触发最多的规则（结果数 / 文件数）：\n";
    for (const auto& [id, count] : ranked) {
      std::string title;
      if (const auto it = rule_index().find(id); it != rule_index().end()) {
        title = en ? rules()[it->second].title_en : rules()[it->second].title;
      }
      char numbers[64];
      std::snprintf(numbers, sizeof numbers, "%6lld / %4zu  ", count.findings, count.files);
      s += numbers + id + std::string(width - id.size(), ' ') + "  " + title + "\n";
    }
  }
  if (!top_files_.empty()) {
    s += en ? "Files with most errors:\n" : "错误最多的文件：\n";
    for (const TopFile& f : top_files_) {
      char count[16];
      std::snprintf(count, sizeof count, "%6d", f.errors);
      s += std::string("  ") + count + "  " + shown_path(f.path) + (en ? "  (" : "（") + f.who +
           (en ? ")" : "）") + "\n";
    }
  }
  out_ << s;
}

}  // namespace nianbao::cli
