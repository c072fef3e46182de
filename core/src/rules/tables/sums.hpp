// Arithmetic over table cells, shared by the table rules: the value of a set of cells, and the
// one "total vs parts" check of t3-results-total, t3-row-total and t4-group-total.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rules/rule.hpp"

namespace nianbao::detail {

// Table-2 cells by name (cells.hpp orders table 2 as kT2Rows: rules, normative documents,
// licensing, penalty, coercion, fees).
inline constexpr CellId kT2RulesMade = t2_cell(0), kT2RulesInForce = t2_cell(2),
                        kT2NormativeMade = t2_cell(3), kT2NormativeInForce = t2_cell(5),
                        kT2Licensing = t2_cell(6), kT2Penalty = t2_cell(7),
                        kT2Coercion = t2_cell(8), kT2Fees = t2_cell(9);
inline constexpr CellId kT2RulesRepealed = t2_cell(1), kT2NormativeRepealed = t2_cell(4);

// The arithmetic value of a set of cells. Blank and placeholder cells count as 0 (G4) and are
// counted so that messages can say so; missing, ambiguous or unreadable cells make the check
// impossible.
struct Sum {
  double value = 0;
  bool usable = true;
  int zeroed = 0;  // blank or placeholder cells counted as 0
};
Sum sum_of(const Document& doc, const std::vector<CellId>& ids);

// Where a cell stands in the input, or kNoOffset.
std::size_t offset_of(const Document& doc, CellId id);

// "(n blank/placeholder cells counted as 0)" for the cells of two sums, or "".
std::string zeroed_note(const Sum& a, const Sum& b, bool en);

// A total and the parts it must equal, and how messages name them:
//   zh: "<total_name>为T，但<parts_name>为S"   en: "<total_name> is T but <parts_name> S"
struct TotalVsParts {
  CellId total{};
  std::vector<CellId> parts;
  std::string total_name,
      total_name_en;  // e.g. "自然人一栏：（七）总计", "column …: results total"
  std::string parts_name,
      parts_name_en;         // e.g. "六类申请人之和", "the six applicant columns sum to"
  bool parts_first = false;  // Finding::cells lists the parts before the total
};

// Passes when the total equals the sum of its parts, emits `rule` (expected = the sum,
// actual = the total) when it does not, and counts the check as not assessable when a cell is
// missing, ambiguous or unreadable.
void check_total(const Document& doc, const TotalVsParts& t, const RuleDef& rule, Emitter& em);

}  // namespace nianbao::detail
