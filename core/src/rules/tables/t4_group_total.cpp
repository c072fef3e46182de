// Table 4: in each group the total equals upheld + corrected + other + pending (format.md T4-1).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kT4GroupTotal{
    "t4-group-total",
    {"表四总计不符", "Table 4 total wrong"},
    Severity::error,
    {"表四每组（行政复议、未经复议直接起诉、复议后起诉）的“总计”应等于结果维持、结果纠正、其他结"
     "果、"
     "尚未审结四项之和。",
     "In each group of table 4 the total must equal upheld + corrected + other + pending."},
    "国办公开办函〔2021〕30号表四；format.md T4-1",
    check,
    Applies::template_format,
};

namespace {

void check(const RuleContext& ctx, Emitter& em) {
  for (int g = 0; g < 3; ++g) {
    if (!ctx.doc.tables.t4_found) {
      em.not_assessable();
      continue;
    }
    const auto group = static_cast<std::size_t>(g);
    TotalVsParts total;
    total.total = t4_cell(g, 4);
    total.parts_first = true;
    for (int c = 0; c < 4; ++c) total.parts.push_back(t4_cell(g, c));
    total.total_name = std::string(kT4GroupLabels[group]) + "：总计";
    total.total_name_en = std::string(kT4GroupLabelsEn[group]) + ": total";
    total.parts_name = "结果维持、结果纠正、其他结果、尚未审结之和";
    total.parts_name_en = "upheld + corrected + other + pending =";
    check_total(ctx.doc, total, kT4GroupTotal, em);
  }
}

}  // namespace
}  // namespace nianbao::detail
