// Scope: a whole report, or part of one (an excerpt: a table pasted alone, a section with its
// table, tables 2–4 without the prose). Decided from what the outline and the table reader
// found, after them and before the facts: rules that need the whole report (RuleDef::needs) do
// not run on an excerpt, and the excerpt-scope note says what was checked and what was not.
//
// When one paste holds several reports (reports.hpp), the scope also says which one this is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"

namespace nianbao::detail {

// A statutory section (1..6) or table (2..4) that was found.
struct Part {
  enum class Kind { section, table };
  Kind kind = Kind::section;
  int number = 0;
  std::size_t offset = 0;  // original byte offset where it starts
};

// One report of a paste holding several: where it starts and what its title says.
struct ReportMark {
  std::size_t offset = 0;  // original byte offset of its first line
  std::optional<std::string> agency;
  std::optional<int> year;
};

struct Scope {
  bool excerpt = false;
  bool forced = false;      // set by Options::scope rather than decided from the text
  std::vector<Part> parts;  // in input order
  // Several reports in one paste: every report checked, and which one this is (empty: one
  // report); `found` counts them all, also those past the limit that were not checked.
  std::vector<ReportMark> reports;
  std::size_t index = 0;
  std::size_t found = 0;

  bool has_section(int n) const { return has(Part::Kind::section, n); }
  bool has_table(int n) const { return has(Part::Kind::table, n); }
  bool has(Part::Kind kind, int n) const;
  std::size_t count(Part::Kind kind) const;
  // The parts as the JSON names them: "section-3", "t3".
  std::vector<std::string> part_names() const;
};

// No title and at most this many of the six sections: an excerpt.
inline constexpr std::size_t kExcerptMaxSections = 3;

// Decides the scope of the report read into `doc` (outline and tables read). An excerpt's
// table that the reader found only in prose (a sentence naming 复议后起诉 or 本年新收, with no
// row of numbers) is not a table: it is removed from doc.tables.
Scope decide_scope(Document& doc, ScopeMode mode);

// The scope as the result shows it (Result::scope, Result::parts).
void describe_scope(const Scope& scope, Result& r);

}  // namespace nianbao::detail
