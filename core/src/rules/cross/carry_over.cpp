// This year's 上年结转 equals last year's 结转下年度继续办理, column by column (format.md T3-9).
#include "rules/cross/cross.hpp"
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCrossCarryOver{
    "cross-carry-over",
    {"上年结转与上年报告的结转下年度不一致", "Carried in differs from last year's carried out"},
    Severity::error,
    {"表三“二、上年结转政府信息公开申请数量”应等于上一年度报告表三“四、结转下年度继续办理”，"
     "七栏逐栏相同：上年未办结的申请就是本年结转来的申请。",
     "Table 3's applications carried in must equal the previous report's applications carried "
     "over to this year, in each of the seven columns."},
    "国办公开办函〔2021〕30号 表三；format.md T3-9",
    check,
    Applies::previous_tables,
};

namespace {

void check(const RuleContext& ctx, Emitter& em) {
  const Previous& p = *ctx.previous;
  for (int c = 0; c < 7; ++c) {
    const CellId in = t3_cell(kRowCarriedIn, c), out = t3_cell(kRowCarriedOut, c);
    const auto now = cross_value(ctx.doc, in);
    const auto before = cross_value(*p.doc, out);
    if (!now || !before) {
      em.not_assessable();
      continue;
    }
    if (*now == *before) {
      em.pass();
      continue;
    }
    const auto col = static_cast<std::size_t>(c);
    Finding& f =
        em.add(kCrossCarryOver, FindingStatus::fail,
               std::string(kT3ColumnLabels[col]) + "一栏：本年上年结转为" + fmt_num(*now) +
                   "，但上一年度报告的结转下年度继续办理为" + fmt_num(*before),
               std::string("column ") + kT3ColumnLabelsEn[col] + ": carried in is " +
                   fmt_num(*now) + " but the previous report carried over " + fmt_num(*before),
               offset_of(ctx.doc, in), cell_names({in}));
    f.previous_cells = cell_names({out});
    at_previous(f, p, offset_of(*p.doc, out));
    f.expected = *before;
    f.actual = *now;
  }
}

}  // namespace
}  // namespace nianbao::detail
