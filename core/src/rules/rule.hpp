// What every rule unit is made of: its declaration (RuleDef: id, titles, default severity,
// explanation, basis and the check that emits its findings), the context a check reads
// (RuleContext) and the Emitter its findings and counted checks go to.
//
// A rule unit is one file under core/src/rules/<family>/ holding the declaration right next to
// its logic; registry.cpp lists every declaration in catalogue order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "document.hpp"

namespace nianbao::detail {

struct Facts;         // facts.hpp: what the narrative states
class TableReadings;  // narrative/table_readings.hpp: the tables as the narrative rules see them
struct Scope;         // scope.hpp: whole report or excerpt, and the parts found
class Emitter;
struct Previous;  // rules/cross/cross.hpp: the previous year's report as read

// What a check reads. Every stage before the rules has run: outline, tables, facts, scope.
struct RuleContext {
  const Document& doc;
  const Facts& facts;
  const TableReadings& readings;  // tables 2 and 3 as read, table 4 as one or more readings
  const Scope& scope;
  const Previous* previous = nullptr;  // the cross-year checks only (Applies::previous_*)
  bool free_format() const { return doc.outline.format == FormatVersion::pre2019; }
};

using CheckFn = void (*)(const RuleContext& ctx, Emitter& em);

// Which reports a check runs on.
enum class Applies {
  every_report,     // the check decides itself what it can assess
  template_format,  // not on pre-2019 free-format reports (they have no statutory tables)
  // The cross-year checks: run only when a previous report is given (run_cross_rules), and
  // then counted in the summary like any other check; never without one.
  previous_report,      // whenever one is given (cross-year-order: is it the right one?)
  previous_comparable,  // when it is the same agency's report of the year before
  previous_tables,      // same, and neither report is a pre-2019 free-format one (no tables)
};

// What a check needs of the text: what it checks, or the report as a whole.
enum class Needs {
  its_operands,  // runs on an excerpt too: it checks only what it finds
  whole_report,  // about the whole report (title, sections, completeness): not on an excerpt
};

// A Chinese text and its English counterpart.
struct Text {
  const char* zh;
  const char* en;
};

// A rule's declaration. `nianbao rules`, the page's help and the docs are generated from these.
// Emitters take the declaration itself, so a misspelt rule does not compile.
struct RuleDef {
  const char* id;  // stable kebab-case id, written nowhere else in the core
  Text title;
  Severity severity;  // default; a variant states its own severity where it emits
  Text explanation;
  const char* basis;  // legal or format basis
  CheckFn check;      // nullptr: the findings come from the check of a sibling in the same unit
  Applies applies;
  Needs needs = Needs::its_operands;
  // The check needs the report year (from the title): without it, it counts as not
  // assessable, and title-year's finding names it.
  bool needs_year = false;
};

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

// Collects findings and counts every check made: passed, failed, uncertain, not assessable.
class Emitter {
 public:
  explicit Emitter(const Document& doc) : doc_(doc) {}
  void pass(int n = 1) { summary_.pass += n; }
  void not_assessable(int n = 1) { summary_.not_assessable += n; }
  // Adds a finding of `rule` at its declared severity; counts one failed or uncertain check.
  // `offset` is a byte offset into the input (kNoOffset: not tied to one place).
  Finding& add(const RuleDef& rule, FindingStatus status, std::string message,
               std::string message_en, std::size_t offset, std::vector<std::string> cells = {});
  // Same, at another severity (a variant of the rule, e.g. a warning-level table-shape).
  Finding& add(const RuleDef& rule, Severity severity, FindingStatus status, std::string message,
               std::string message_en, std::size_t offset, std::vector<std::string> cells = {});
  // A note that is no check (what was checked: excerpt-scope): a finding with status fail at the
  // rule's severity, not counted in the summary's checks.
  Finding& note(const RuleDef& rule, std::string message, std::string message_en,
                std::size_t offset);
  std::vector<Finding>& findings() { return findings_; }
  Summary& summary() { return summary_; }

 private:
  const Document& doc_;
  std::vector<Finding> findings_;
  Summary summary_;
};

// A number as messages show it: integers without a decimal point, else up to 10 digits.
std::string fmt_num(double v);

// The canonical ids of cells (Finding::cells).
std::vector<std::string> cell_names(const std::vector<CellId>& ids);

}  // namespace nianbao::detail
