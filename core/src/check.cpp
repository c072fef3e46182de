// check(): the one way through the house. Source -> Normalised -> Outline -> Tables -> Scope ->
// [one report after another, reports.cpp] -> Facts -> Rules -> Result.
#include <algorithm>

#include "facts.hpp"
#include "html.hpp"
#include "previous.hpp"
#include "reports.hpp"
#include "rules/registry.hpp"
#include "scope.hpp"

namespace nianbao {

using detail::Document;

namespace {

// Over the input limit: the result says so (exit code 2).
bool too_large(std::string_view utf8, Result& r) {
  if (r.input_bytes <= kMaxInputBytes && utf8.size() <= kMaxInputBytes * 2) return false;
  const std::string mb = std::to_string(kMaxInputBytes / (1024 * 1024));
  r.exit_code = 2;
  r.input_error = "输入过大：超过" + mb + " MB上限 (input too large: over the " + mb + " MB limit)";
  return true;
}

}  // namespace

// Why the text is not a report at all, or empty when it may be one (also for the previous
// year's report, previous.cpp).
std::string detail::not_a_report(std::string_view text, const Document& doc) {
  const bool visible = std::any_of(doc.norm.text.begin(), doc.norm.text.end(),
                                   [](char c) { return !detail::is_space_byte(c); });
  if (!visible) return "输入为空 (empty input)";
  std::size_t controls = 0;
  for (unsigned char c : text) {  // without branches, so that the compiler vectorises it
    controls += static_cast<std::size_t>((c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t'));
  }
  if (!detail::is_valid_utf8(text) || controls * 20 > text.size()) {
    return "输入不是文本（二进制或编码无法识别） (input is not text: binary or unknown encoding)";
  }
  const auto& o = doc.outline;
  const auto& t = doc.tables;
  const bool tables = t.t2_found || t.t3_found || t.t4_found;
  const bool mentions = detail::contains_text(doc.flat.text, "信息公开");
  if (o.title_found || tables || (!o.sections.empty() && mentions)) return {};
  return "未找到年度报告的标题、章节或统计表，不是政府信息公开工作年度报告 (not a government "
         "information disclosure annual report: no title, sections or tables found)";
}

namespace {

// The report as read: title, format, sections, and the cells in canonical order (table 2,
// table 3 row-major, table 4).
void describe(const Document& doc, Result& r) {
  r.agency = doc.outline.agency;
  r.year = doc.outline.year;
  r.format = detail::format_name(doc.outline.format);
  for (const auto& s : doc.outline.sections) {
    const auto [line, column] = doc.source.position(s.begin);
    r.sections.push_back({s.number, s.heading, line, column});
  }
  for (const auto& [id, c] : doc.tables.cells) {
    Cell cell;
    cell.id = id;
    cell.value = c.value;
    cell.decimal = c.decimal;
    cell.raw = c.raw;
    cell.status = c.status;
    cell.note = c.note;
    if (c.located()) {
      const auto [line, column] = doc.source.position(c.offset);
      cell.line = line;
      cell.column = column;
    }
    r.cells.push_back(std::move(cell));
  }
}

// The findings the options leave visible, counted by severity and sorted by line, then rule id
// (findings tied to no place last); the hidden ones are only counted.
void publish(detail::Emitter& em, const Options& options, Result& r) {
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
    const int la = a.line == 0 ? 1 << 30 : a.line;
    const int lb = b.line == 0 ? 1 << 30 : b.line;
    if (la != lb) return la < lb;
    return a.rule < b.rule;
  });
  r.exit_code = r.summary.errors > 0 ? 1 : 0;
}

}  // namespace

Result check(std::string_view utf8, const Options& options) {
  Result r;
  r.input_bytes = options.input_bytes.value_or(utf8.size());
  r.encoding = options.encoding;
  if (too_large(utf8, r)) return r;
  // A saved web page or clipboard HTML is read as text with its table grid kept; every
  // position still points into the HTML source.
  std::optional<detail::HtmlText> html;
  if (detail::looks_like_html(utf8)) html = detail::html_to_text(utf8);
  Document doc = html ? Document(utf8, html->text, html->origin) : Document(utf8);
  r.input_lines = utf8.empty() ? 0 : doc.source.line_count();
  detail::read_outline(doc, html ? &html->meta : nullptr);
  detail::read_tables(doc);
  const detail::Scope scope = detail::decide_scope(doc, options.scope);  // whole report or part
  r.input_error = not_a_report(utf8, doc);
  if (!r.input_error.empty()) {
    r.exit_code = 2;
    return r;
  }
  // More than one report pasted: each checked on its own (reports.cpp).
  if (detail::check_reports(utf8, html ? std::string_view(html->text) : utf8,
                            html ? &html->origin : nullptr, options, r)) {
    return r;
  }
  detail::check_report(doc, scope, options, r);
  return r;
}

namespace detail {

void check_report(Document& doc, const Scope& scope, const Options& options, Result& r) {
  const Facts facts = extract_facts(doc);
  settle_tables(doc, facts);  // choices the table reader left open, closed by the narrative
  // Last year's report, when given: read alike; it may settle this year's table-2 rows.
  std::optional<PreviousReport> previous;
  if (options.previous) previous.emplace(*options.previous, options);
  if (previous) previous->settle(doc);
  describe(doc, r);
  describe_scope(scope, r);
  Emitter em(doc);
  run_rules(doc, facts, scope, em);
  if (previous) previous->compare(doc, facts, em, r);  // the cross-year rules and changes
  publish(em, options, r);
}

}  // namespace detail

}  // namespace nianbao
