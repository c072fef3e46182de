// check(): the one way through the house. Source -> Normalised -> Outline -> Tables ->
// Rules -> Result.
#include <algorithm>

#include "facts.hpp"
#include "html.hpp"
#include "rules.hpp"

namespace nianbao {

using detail::Document;
using detail::Emitter;

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

Finding& Emitter::add(const std::string& rule, const std::string& status, std::string message,
                      std::string message_en, std::size_t offset, std::vector<std::string> cells) {
  const RuleInfo* info = find_rule(rule);
  return add(rule, info ? info->severity : Severity::error, status, std::move(message),
             std::move(message_en), offset, std::move(cells));
}

Finding& Emitter::add(const std::string& rule, Severity severity, const std::string& status,
                      std::string message, std::string message_en, std::size_t offset,
                      std::vector<std::string> cells) {
  Finding f;
  f.rule = rule;
  f.status = status;
  f.severity = severity;
  f.message = std::move(message);
  f.message_en = std::move(message_en);
  if (offset != kNoOffset) {
    const auto [line, column] = doc_.source.position(offset);
    f.line = line;
    f.column = column;
  }
  f.cells = std::move(cells);
  if (status == "uncertain") {
    ++summary_.uncertain;
  } else {
    ++summary_.fail;
  }
  findings_.push_back(std::move(f));
  return findings_.back();
}

namespace {

// Why the text is not a report at all, or empty when it may be one.
std::string not_a_report(std::string_view text, const Document& doc) {
  bool visible = false;
  for (char c : doc.norm.text) {
    if (!is_space_byte(c)) {
      visible = true;
      break;
    }
  }
  if (!visible) return "输入为空 (empty input)";
  std::size_t controls = 0;
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ++controls;
  }
  if (!is_valid_utf8(text) || controls * 20 > text.size()) {
    return "输入不是文本（二进制或编码无法识别） (input is not text: binary or unknown encoding)";
  }
  const auto& o = doc.outline;
  const auto& t = doc.tables;
  const bool tables = t.t2_found || t.t3_found || t.t4_found;
  const bool mentions = contains_text(doc.flat.text, "信息公开");
  if (o.title_found || tables || (o.sections.size() >= 2 && mentions)) return {};
  return "未找到年度报告的标题、章节或统计表，不是政府信息公开工作年度报告 (not a government "
         "information disclosure annual report: no title, sections or tables found)";
}

}  // namespace
}  // namespace detail

Result check(std::string_view utf8, const Options& options) {
  Result r;
  r.input_bytes = options.input_bytes.value_or(utf8.size());
  r.encoding = options.encoding;
  if (r.input_bytes > kMaxInputBytes || utf8.size() > kMaxInputBytes * 2) {
    r.exit_code = 2;
    r.input_error = "输入过大：超过" + std::to_string(kMaxInputBytes / (1024 * 1024)) +
                    " MB上限 (input too large: over the " +
                    std::to_string(kMaxInputBytes / (1024 * 1024)) + " MB limit)";
    return r;
  }
  // A saved web page or clipboard HTML is read as text with its table grid kept; every
  // position still points into the HTML source.
  std::optional<detail::HtmlText> html;
  if (detail::looks_like_html(utf8)) html = detail::html_to_text(utf8);
  Document doc = html ? Document(utf8, html->text, html->origin) : Document(utf8);
  r.input_lines = utf8.empty() ? 0 : doc.source.line_count();
  detail::read_outline(doc);
  detail::read_tables(doc);
  const detail::Facts facts = detail::extract_facts(doc);
  detail::settle_tables(doc, facts);
  r.input_error = detail::not_a_report(utf8, doc);
  if (!r.input_error.empty()) {
    r.exit_code = 2;
    return r;
  }
  r.agency = doc.outline.agency;
  r.year = doc.outline.year;
  r.format = detail::format_name(doc.outline.format);
  for (const auto& s : doc.outline.sections) {
    const auto [line, column] = doc.source.position(s.begin);
    r.sections.push_back({s.number, s.heading, line, column});
  }
  // Cells in canonical order: table 2, table 3 (row-major), table 4.
  for (const auto& [id, read] : doc.tables.cells) {
    const detail::CellRead* c = &read;
    Cell cell;
    cell.id = id;
    cell.value = c->value;
    cell.decimal = c->decimal;
    cell.raw = c->raw;
    cell.status = c->status;
    cell.note = c->note;
    if (c->located()) {
      const auto [line, column] = doc.source.position(c->offset);
      cell.line = line;
      cell.column = column;
    }
    r.cells.push_back(std::move(cell));
  }

  Emitter em(doc);
  detail::run_structure_rules(doc, em);
  detail::run_table_rules(doc, em);
  detail::run_narrative_rules(doc, em);

  r.summary = em.summary();
  for (auto& f : em.findings()) {
    const bool ignored =
        std::find(options.ignore.begin(), options.ignore.end(), f.rule) != options.ignore.end();
    if (ignored || static_cast<int>(f.severity) < static_cast<int>(options.min_severity)) {
      ++r.summary.hidden;
      continue;
    }
    switch (f.severity) {
      case Severity::error:
        ++r.summary.errors;
        break;
      case Severity::warning:
        ++r.summary.warnings;
        break;
      case Severity::info:
        ++r.summary.infos;
        break;
    }
    r.findings.push_back(std::move(f));
  }
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
    // Findings tied to no place come last.
    const int la = a.line == 0 ? 1 << 30 : a.line;
    const int lb = b.line == 0 ? 1 << 30 : b.line;
    if (la != lb) return la < lb;
    return a.rule < b.rule;
  });
  r.exit_code = r.summary.errors > 0 ? 1 : 0;
  return r;
}

}  // namespace nianbao
