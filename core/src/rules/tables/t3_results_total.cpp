// Table 3: （七）总计 equals the sum of the result rows (一)–(六), per column (format.md T3-2).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kT3ResultsTotal{
    "t3-results-total",
    {"表三办理结果总计不符", "Table 3 results total wrong"},
    Severity::error,
    {"“（七）总计”应等于（一）至（六）各项办理结果之和（2021年格式共21个明细行）。",
     "（七）总计 must equal the sum of the result rows (一)–(六)."},
    "国办公开办函〔2021〕30号表三；format.md T3-2",
    check,
    Applies::template_format,
};

namespace {

void check(const RuleContext& ctx, Emitter& em) {
  const Tables& t = ctx.doc.tables;
  if (!t.t3_found) {
    em.not_assessable(7);
    return;
  }
  // The 2019 layout has 19 result rows (one （六）其他处理 row), the 2021 layout 21.
  const std::size_t rows = t.t3_single_other_row ? 19u : 21u;
  for (int c = 0; c < 7; ++c) {
    TotalVsParts total;
    total.total = t3_cell(kRowResultsTotal, c);
    for (int r = kRowFirstResult; r < kRowResultsTotal; ++r) {
      if (t.cell(t3_cell(r, c))) total.parts.push_back(t3_cell(r, c));
    }
    if (total.parts.size() < rows) {  // a missing row is table-shape's finding
      em.not_assessable();
      continue;
    }
    const auto col = static_cast<std::size_t>(c);
    total.total_name = std::string(kT3ColumnLabels[col]) + "一栏：（七）总计";
    total.total_name_en = std::string("column ") + kT3ColumnLabelsEn[col] + ": results total";
    total.parts_name = "（一）至（六）各项办理结果之和";
    total.parts_name_en = "the result rows sum to";
    check_total(ctx.doc, total, kT3ResultsTotal, em);
  }
}

}  // namespace
}  // namespace nianbao::detail
