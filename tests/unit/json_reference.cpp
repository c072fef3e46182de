// The JSON of a result as nianbao wrote it before the streaming writer (core/src/json_writer.hpp):
// an nlohmann::ordered_json tree, dumped. Kept for the tests only, as the reference the writer's
// output must equal byte for byte (json_writer_test.cpp).
#include "json_reference.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace nianbao::testing {

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

std::string to_json_tree(const Result& r) {
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

std::string check_to_json_tree(std::string_view utf8, std::string_view options_json) {
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
  return to_json_tree(check(utf8, opts));
}

}  // namespace nianbao::testing
