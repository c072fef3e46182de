// What a narrative figure claims: the table formulas it is compared with (the direct one first,
// then wider readings such as "received" including carried-over applications) and the rule its
// disagreement is reported under.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts.hpp"
#include "rules/narrative/table_readings.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

// The rule family of a claim: narrative-applications (table 3), narrative-review-litigation
// (table 4) or narrative-table2.
enum class ClaimTable { t3, t4, t2 };

struct Claim {
  ClaimTable table = ClaimTable::t3;
  Severity severity = Severity::warning;  // of a mismatch
  std::vector<Formula> formulas;          // primary first
  double scale = 1;                       // claim value × scale is compared (元 → 万元)
  double tolerance = 0;
};

// Column col of the table-4 groups named (review, lawsuit without review, lawsuit after review).
std::vector<CellId> t4_column(bool rv, bool ld, bool lr, int col);

// The claim a fact makes, or none for a fact no table speaks of.
std::optional<Claim> claim_for(const Document& doc, const Fact& f);

}  // namespace nianbao::detail
