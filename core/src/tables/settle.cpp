// Table 2 settled by the narrative (after the facts stage). Table 2 has no arithmetic, so a
// row of run-together digits ("8855698") may be cut in several ways; the report's prose
// often states the same numbers ("本年度制发的规范性文件88件", "现行有效行政规范性文件698件").
// Each number the narrative states for the row (outside table 2's own region) is applied on
// its own: the cuts that agree with it are kept. A number that fits no cut (the text may speak
// of another count) is ignored rather than trusted, and a column stated twice with different
// numbers is not used.
#include <algorithm>
#include <array>

#include "facts.hpp"
#include "tables/tables_internal.hpp"

namespace nianbao::detail {

namespace tables {
namespace {

// The narrative's numbers for the row's columns (made, repealed, in force); -1 where it
// says nothing, or says it twice differently.
std::array<double, 3> stated(const Facts& facts, const PendingCuts& p) {
  const Topic topic = p.row == 0 ? Topic::rules : Topic::normative;
  std::array<double, 3> out = {-1, -1, -1};
  std::array<bool, 3> clash = {false, false, false};
  for (const Fact& f : facts.facts) {
    if (f.topic != topic || (f.offset >= p.region_begin && f.offset < p.region_end)) continue;
    int col = -1;
    switch (f.verb) {
      case DocVerb::made:
        col = 0;
        break;
      case DocVerb::repealed:
        col = 1;
        break;
      case DocVerb::in_force:
        col = 2;
        break;
      case DocVerb::unknown:
        break;
    }
    if (col < 0) continue;
    const auto c = static_cast<std::size_t>(col);
    if (out[c] >= 0 && out[c] != f.value) clash[c] = true;
    out[c] = f.value;
  }
  for (std::size_t c = 0; c < 3; ++c) {
    if (clash[c]) out[c] = -1;
  }
  return out;
}

// The cuts that agree with what the narrative states; `attested` when it ruled any out.
std::vector<Cut> attested_cuts(const PendingCuts& p, const std::array<double, 3>& said,
                               bool* attested) {
  std::vector<Cut> cuts = p.cuts;
  for (std::size_t k = 0; k < 3; ++k) {
    if (said[k] < 0) continue;
    std::vector<Cut> keep;
    for (const auto& c : cuts) {
      if (c[k].value == said[k]) keep.push_back(c);
    }
    if (!keep.empty() && keep.size() < cuts.size()) {
      cuts = std::move(keep);
      *attested = true;
    }
  }
  return cuts;
}

void settle_row(const Document& doc, Tables& t, const PendingCuts& p, const Facts& facts) {
  bool attested = false;
  std::vector<Cut> cuts = attested_cuts(p, stated(facts, p), &attested);
  if (!attested) return;
  auto is = std::find_if(t.issues.begin(), t.issues.end(), [&](const ShapeIssue& x) {
    return x.kind == ShapeKind::run_together && x.cells == p.cells;
  });
  if (is == t.issues.end()) return;
  const RowSpec spec = t2_row(p.row);
  if (cuts.size() == 1) {
    fill_cut(doc, t, spec, cuts[0], std::string(kRunNote) + "，并与正文所述数字印证");
    t.issues.erase(is);
    return;
  }
  is->cuts = std::move(cuts);
  explain_run(t, spec, true, kT2NoArithmetic, *is);
  settle_agreeing(doc, t, spec, is->cuts);
}

}  // namespace
}  // namespace tables

void settle_tables(Document& doc, const Facts& facts) {
  Tables& t = doc.tables;
  for (const auto& p : t.t2_pending) tables::settle_row(doc, t, p, facts);
  t.t2_pending.clear();
}

}  // namespace nianbao::detail
