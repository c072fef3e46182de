// The previous year's report as the cross-year rules (core/src/rules/cross/) read it, and what
// they share: pairing the two reports, placing a finding in the previous report, comparing
// cells, and the measure of repeated text.
//
// The cross-year checks run only when a previous report is given (Options::previous,
// run_cross_rules). cross-year-order decides whether the two reports can be compared at all;
// the others run only when they can (Previous::comparable).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace nianbao::detail {

// The repeated text (measure_reuse): the figures for the result and what cross-text-reuse
// needs to place its finding.
struct ReuseDetail {
  TextReuse reuse;
  // Sentences of section 五 that name a problem (问题, 不足, 差距 ...) and how many of them stand
  // word for word in the previous report; the first such one (original offsets in both).
  int problems = 0, problems_repeated = 0;
  std::size_t problem_at = kNoOffset, problem_previous_at = kNoOffset;
  // The longest repeated passage (original offsets in both), when there is one.
  std::size_t passage_at = kNoOffset, passage_previous_at = kNoOffset;
};

// A table-2 row of this year settled by last year's in-force count (settle_by_previous).
struct SettledRow {
  std::size_t row = 0;  // kT2Rows index: 0 规章, 1 行政规范性文件
  std::string run;      // the digits as read
  Cut cut;              // the one cut that satisfies the identity
  double previous_in_force = 0;
  std::size_t offset = kNoOffset;  // original offset of the row's digits
};

struct Previous {
  const Document* doc = nullptr;  // null when the previous text is not a report (see error)
  const Facts* facts = nullptr;
  std::string error;                 // why it could not be read as a report; else empty
  bool comparable = false;           // same agency, the year before (pairing())
  std::vector<SettledRow> settled;   // this year's rows settled by last year's (settle_by_previous)
  std::optional<ReuseDetail> reuse;  // measure_reuse(), when comparable
};

// How the two reports pair up: the year before and the same agency.
struct Pairing {
  bool year_known = false;    // both years read
  bool year_ok = false;       // previous year = this year − 1
  bool agency_known = false;  // both agencies read
  bool agency_ok = false;     // the same name once normalised
  bool comparable() const { return year_ok && (agency_ok || !agency_known); }
};
Pairing pairing(const Document& doc, const Document& previous);

// An agency name as compared across years: normalised, without whitespace and punctuation.
std::string agency_key(std::string_view name);
// Two agency keys name one agency: equal, or one is the other with the higher divisions in front.
bool same_agency(const std::string& a, const std::string& b);

// Sets the finding's place in the previous report (an original offset of it, or kNoOffset).
void at_previous(Finding& f, const Previous& p, std::size_t offset);

// A cell's value for cross-year arithmetic: ok cells their value, blank and placeholder cells 0
// (as the table rules count them); none for a missing, ambiguous or unreadable cell.
std::optional<double> cross_value(const Document& doc, CellId id);

// Sentences of `doc` repeated word for word from `previous` (TextReuse in nianbao.hpp).
ReuseDetail measure_reuse(const Document& doc, const Document& previous);

// The key figures this year and last year, and the derived rates (changes.cpp).
std::vector<Change> changes(const Document& doc, const Document& previous);

// This year's table-2 rows whose run-together digits cut several ways, settled by the identity
// last year's 现行有效 + this year's 制发 − 废止 = this year's 现行有效 when exactly one cut
// satisfies it (each cell gets a note saying so; cross-in-force reports it). Returns the rows it
// settled. Implemented with the table reader, in core/src/tables/settle_previous.cpp.
std::vector<SettledRow> settle_by_previous(Document& doc, const Document& previous);

// The cuts of this year's run-together table-2 row `row` (0 规章, 1 行政规范性文件), or none.
const ShapeIssue* t2_run_issue(const Document& doc, std::size_t row);

}  // namespace nianbao::detail
