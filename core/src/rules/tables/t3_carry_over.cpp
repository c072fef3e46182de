// Table 3: applications carried over to next year do not exceed the new ones (format.md T3-6).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kT3CarryOver{
    "t3-carry-over",
    {"结转下年度数量偏大", "Large carry-over"},
    Severity::warning,
    {"结转下年度继续办理的申请一般不应超过本年新收申请数：上年结转的申请按法定期限（条例第三十三"
     "条，"
     "20个工作日可延长20个工作日）应在本年办结。",
     "Applications carried over should not exceed new ones: carried-in applications are due "
     "within the legal time limit."},
    "《政府信息公开条例》第三十三条；format.md T3-6",
    check,
    Applies::template_format,
};

namespace {

// On the 总计 column.
void check(const RuleContext& ctx, Emitter& em) {
  if (!ctx.doc.tables.t3_found) {
    em.not_assessable();
    return;
  }
  const CellId carried_out = t3_cell(kRowCarriedOut, 6), fresh = t3_cell(kRowNew, 6);
  const Sum out = sum_of(ctx.doc, {carried_out});
  const Sum in = sum_of(ctx.doc, {fresh});
  if (!out.usable || !in.usable) {
    em.not_assessable();
    return;
  }
  if (out.value <= in.value) {
    em.pass();
    return;
  }
  Finding& f = em.add(kT3CarryOver, FindingStatus::fail,
                      "结转下年度继续办理(" + fmt_num(out.value) + ")多于本年新收申请(" +
                          fmt_num(in.value) + ")，上年结转的申请本应在法定期限内办结",
                      "carried out (" + fmt_num(out.value) + ") exceeds new applications (" +
                          fmt_num(in.value) + ")",
                      offset_of(ctx.doc, carried_out), cell_names({carried_out, fresh}));
  f.expected = in.value;
  f.actual = out.value;
}

}  // namespace
}  // namespace nianbao::detail
