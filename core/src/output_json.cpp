// The JSON contract (../shared/spec/output.md): a result as one document, written in one pass by
// the streaming writer (json_writer.hpp) in the layout nlohmann's dump(2) gives (the tests compare
// the two byte for byte: tests/unit/json_writer_test.cpp), and check_to_json for the bindings.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "json_writer.hpp"
#include "nianbao/nianbao.hpp"

namespace nianbao {

namespace {

using detail::JsonWriter;

// A figure: an integer unless decimal (as the contract has always written it).
void number_value(JsonWriter& w, double v, bool decimal) {
  if (decimal) {
    w.value(v);
  } else {
    w.value(static_cast<long long>(std::llround(v)));
  }
}

// A 1-based position, or null when 0 (not tied to one place).
void pos_value(JsonWriter& w, int v) {
  if (v > 0) {
    w.value(v);
  } else {
    w.value(nullptr);
  }
}

template <class T>
void optional_value(JsonWriter& w, const std::optional<T>& v) {
  if (v) {
    w.value(*v);
  } else {
    w.value(nullptr);
  }
}

void strings_value(JsonWriter& w, const std::vector<std::string>& list) {
  w.begin_array();
  for (const auto& s : list) w.value(s);
  w.end_array();
}

void checks_value(JsonWriter& w, const Summary& s) {
  w.begin_object();
  w.member("pass", s.pass);
  w.member("fail", s.fail);
  w.member("uncertain", s.uncertain);
  w.member("not_assessable", s.not_assessable);
  w.end_object();
}

void reuse_value(JsonWriter& w, const TextReuse& t) {
  w.begin_object();
  w.member("sentences", t.sentences);
  w.member("repeated", t.repeated);
  w.key("sections");
  w.begin_array();
  for (const auto& c : t.sections) {
    w.begin_object();
    w.member("section", c.section);
    w.member("sentences", c.sentences);
    w.member("repeated", c.repeated);
    w.end_object();
  }
  w.end_array();
  w.key("passages");
  w.begin_array();
  for (const auto& p : t.passages) {
    w.begin_object();
    w.key("line");
    pos_value(w, p.line);
    w.key("column");
    pos_value(w, p.column);
    w.key("previous_line");
    pos_value(w, p.previous_line);
    w.key("previous_column");
    pos_value(w, p.previous_column);
    w.member("sentences", p.sentences);
    w.member("chars", p.chars);
    w.member("text", p.text);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void previous_value(JsonWriter& w, const PreviousInfo& p) {
  w.begin_object();
  w.key("agency");
  optional_value(w, p.agency);
  w.key("year");
  optional_value(w, p.year);
  w.member("format", p.format);
  w.member("input_bytes", p.input_bytes);
  w.member("lines", p.input_lines);
  w.member("compared", p.compared);
  w.key("checks");
  checks_value(w, p.checks);
  if (!p.error.empty()) w.member("error", p.error);
  if (p.text_reuse) {
    w.key("text_reuse");
    reuse_value(w, *p.text_reuse);
  }
  w.end_object();
}

void changes_value(JsonWriter& w, const std::vector<Change>& changes) {
  w.begin_array();
  for (const auto& c : changes) {
    const bool decimal = c.unit != "件";
    w.begin_object();
    w.member("id", c.id);
    w.member("label", c.label);
    w.member("label_en", c.label_en);
    w.member("unit", c.unit);
    w.key("cells");
    strings_value(w, c.cells);
    w.key("current");
    number_value(w, c.current, decimal);
    w.key("previous");
    number_value(w, c.previous, decimal);
    w.key("change");
    number_value(w, c.change, decimal);
    w.key("percent");
    optional_value(w, c.percent);
    w.end_object();
  }
  w.end_array();
}

void finding_value(JsonWriter& w, const Finding& f) {
  w.begin_object();
  w.member("rule", f.rule);
  w.member("status", finding_status_name(f.status));
  w.member("severity", severity_name(f.severity));
  w.member("message", f.message);
  w.member("message_en", f.message_en);
  w.key("line");
  pos_value(w, f.line);
  w.key("column");
  pos_value(w, f.column);
  w.key("cells");
  strings_value(w, f.cells);
  const bool decimal = (f.expected && *f.expected != std::floor(*f.expected)) ||
                       (f.actual && *f.actual != std::floor(*f.actual));
  if (f.expected) {
    w.key("expected");
    number_value(w, *f.expected, decimal);
  }
  if (f.actual) {
    w.key("actual");
    number_value(w, *f.actual, decimal);
  }
  if (f.previous_line > 0) {
    w.member("previous_line", f.previous_line);
    w.key("previous_column");
    pos_value(w, f.previous_column);
  }
  if (!f.previous_cells.empty()) {
    w.key("previous_cells");
    strings_value(w, f.previous_cells);
  }
  w.end_object();
}

void cells_value(JsonWriter& w, const std::vector<Cell>& list) {
  w.begin_object();
  for (const auto& c : list) {
    w.key(c.id);
    w.begin_object();
    w.key("value");
    if (c.value) {
      number_value(w, *c.value, c.decimal);
    } else {
      w.value(nullptr);
    }
    w.member("raw", c.raw);
    w.key("line");
    pos_value(w, c.line);
    w.key("column");
    pos_value(w, c.column);
    w.member("status", cell_status_name(c.status));
    if (!c.note.empty()) w.member("note", c.note);
    w.end_object();
  }
  w.end_object();
}

void summary_value(JsonWriter& w, const Summary& s) {
  w.begin_object();
  w.key("checks");
  checks_value(w, s);
  w.key("findings");
  w.begin_object();
  w.member("error", s.errors);
  w.member("warning", s.warnings);
  w.member("info", s.infos);
  w.end_object();
  w.member("hidden", s.hidden);
  w.end_object();
}

// One report as read and checked: report, sections, cells, findings, summary (members of the
// object being written).
void report_members(JsonWriter& w, const Result& r) {
  w.key("report");
  w.begin_object();
  w.key("agency");
  optional_value(w, r.agency);
  w.key("year");
  optional_value(w, r.year);
  w.member("format", r.format);
  w.member("scope", r.scope);
  w.key("parts");
  strings_value(w, r.parts);
  w.end_object();
  if (r.previous) {
    w.key("previous");
    previous_value(w, *r.previous);
  }
  w.key("sections");
  w.begin_array();
  for (const auto& s : r.sections) {
    w.begin_object();
    w.member("number", s.number);
    w.member("heading", s.heading);
    w.member("line", s.line);
    w.end_object();
  }
  w.end_array();
  w.key("cells");
  cells_value(w, r.cells);
  w.key("findings");
  w.begin_array();
  for (const auto& f : r.findings) finding_value(w, f);
  w.end_array();
  if (r.previous) {
    w.key("changes");
    changes_value(w, r.changes);
  }
  w.key("summary");
  summary_value(w, r.summary);
}

// "schema" and "tool", the members every document starts with.
void tool_members(JsonWriter& w) {
  w.member("schema", kSchemaVersion);
  w.key("tool");
  w.begin_object();
  w.member("name", "nianbao");
  w.member("version", kVersion);
  w.end_object();
}

// "error" and "exit_code" of a document that checked nothing.
void error_members(JsonWriter& w, const std::string& message) {
  w.key("error");
  w.begin_object();
  w.member("message", message);
  w.end_object();
  w.member("exit_code", 2);
}

std::size_t strings_size(const std::vector<std::string>& list, std::size_t each) {
  std::size_t n = 0;
  for (const auto& s : list) n += s.size() + each;
  return n;
}

// About the size of the document: the strings as they are, plus each item's keys, numbers and
// line breaks, plus `indent` more spaces on each line (the reports of a paste stand deeper).
std::size_t json_size(const Result& r, std::size_t indent = 0) {
  std::size_t n = 600 + strings_size(r.parts, 10 + indent) + (330 + 14 * indent) * r.changes.size();
  for (const auto& s : r.sections) n += s.heading.size() + 70 + 5 * indent;
  for (const auto& c : r.cells) n += c.id.size() + c.raw.size() + c.note.size() + 135 + 8 * indent;
  for (const auto& f : r.findings) {
    n += f.rule.size() + f.message.size() + f.message_en.size() + 250 + 14 * indent;
    n += strings_size(f.cells, 12 + indent) + strings_size(f.previous_cells, 12 + indent);
  }
  if (r.previous) n += 1500;
  for (const auto& sub : r.reports) n += json_size(sub, indent + 4) + 64;
  return n;
}

}  // namespace

std::string to_json(const Result& r) {
  const std::size_t size = json_size(r);
  JsonWriter w(size + size / 16);  // a little over, so that the buffer does not grow
  w.begin_object();
  tool_members(w);
  w.key("input");
  w.begin_object();
  w.member("bytes", r.input_bytes);
  w.member("lines", r.input_lines);
  w.member("encoding", r.encoding);
  w.end_object();
  if (r.exit_code == 2) {
    error_members(w, r.input_error);
    w.end_object();
    return w.take();
  }
  report_members(w, r);
  // More than one report in the paste: each on its own (the fields above are the first's).
  if (!r.reports.empty()) {
    w.key("reports");
    w.begin_array();
    for (const Result& sub : r.reports) {
      w.begin_object();
      w.key("lines");
      w.begin_object();
      w.member("first", sub.first_line);
      w.member("last", sub.last_line);
      w.end_object();
      report_members(w, sub);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  return w.take();
}

std::string check_to_json(std::string_view utf8, std::string_view options_json) {
  Options opts;
  std::string error;
  if (!parse_options_json(options_json, &opts, &error)) {
    JsonWriter w;
    w.begin_object();
    tool_members(w);
    error_members(w, "选项无效 (invalid options): " + error);
    w.end_object();
    return w.take();
  }
  return to_json(check(utf8, opts));
}

}  // namespace nianbao
