// Table 3: each row's 总计 equals the sum of its six applicant columns (format.md T3-3).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kT3RowTotal{
    "t3-row-total",
    {"表三行总计不符", "Table 3 row total wrong"},
    Severity::error,
    {"每一行的“总计”应等于自然人与五类法人或其他组织（商业企业、科研机构、社会公益组织、法律服务"
     "机构、"
     "其他）之和。",
     "Each row's 总计 must equal the sum of its six applicant columns."},
    "国办公开办函〔2021〕30号表三；format.md T3-3",
    check,
    Applies::template_format,
};

namespace {

void check(const RuleContext& ctx, Emitter& em) {
  if (!ctx.doc.tables.t3_found) {
    em.not_assessable(static_cast<int>(kT3Rows.size()));
    return;
  }
  for (int r = 0; r < static_cast<int>(kT3Rows.size()); ++r) {
    const RowDef& row = kT3Rows[static_cast<std::size_t>(r)];
    TotalVsParts total;
    total.total = t3_cell(r, 6);
    for (int c = 0; c < 6; ++c) total.parts.push_back(t3_cell(r, c));
    total.total_name = std::string("“") + row.label + "”行：总计";
    total.total_name_en = std::string("row '") + row.label_en + "': total";
    total.parts_name = "六类申请人之和";
    total.parts_name_en = "the six applicant columns sum to";
    check_total(ctx.doc, total, kT3RowTotal, em);
  }
}

}  // namespace
}  // namespace nianbao::detail
