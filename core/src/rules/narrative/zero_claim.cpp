// The narrative says nothing happened (未收到申请, 未发生行政复议/行政诉讼) while the table shows
// a number (format.md §9 zero statements, §11 E8).
#include "facts.hpp"
#include "rules/narrative/table_readings.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kNarrativeZeroClaim{
    "narrative-zero-claim",
    {"正文称未发生，表格却有数字", "Narrative denies what the table shows"},
    Severity::error,
    {"正文称未收到政府信息公开申请、未发生行政复议或行政诉讼，而表三、表四相应单元格不为0，二者必"
     "有一错。",
     "The narrative says no applications were received or no review/lawsuit took place, "
     "but the corresponding table cells are not zero."},
    "format.md §9（zero statements）、§11 E8",
    check,
    Applies::template_format,
};

namespace {

// The cells a zero statement speaks of, and whether their table was found.
struct ZeroTarget {
  Formula formula;
  bool table_found;
};

// None for a fee statement (narrative-fee's matter).
std::optional<ZeroTarget> target_of(const Tables& t, ZeroKind kind) {
  switch (kind) {
    case ZeroKind::applications:
      return ZeroTarget{{"本年新收申请数", "new applications", {t3_cell(kRowNew, 6)}}, t.t3_found};
    case ZeroKind::review:
      return ZeroTarget{{"行政复议总计", "administrative reviews", {t4_cell(0, 4)}}, t.t4_found};
    case ZeroKind::litigation:
      return ZeroTarget{
          {"行政诉讼总计（直接起诉+复议后起诉）", "lawsuits", {t4_cell(1, 4), t4_cell(2, 4)}},
          t.t4_found};
    default:
      return std::nullopt;
  }
}

void check_zero(const RuleContext& ctx, const ZeroClaim& z, const Formula& fm, Emitter& em) {
  const auto vs = ctx.readings.possible(fm);
  const std::string q = "正文“" + z.phrase + "”";
  const std::string q_en = "the narrative's '" + z.phrase + "'";
  const auto ids = cell_names(fm.ids);
  if (vs.empty()) {
    em.add(kNarrativeZeroClaim, Severity::info, FindingStatus::uncertain,
           q + "无法与表格核对：" + fm.zh + "无法读取或有歧义",
           q_en + " cannot be checked: " + fm.en + " is unreadable or ambiguous", z.offset, ids);
  } else if (vs.count(0.0) && vs.size() == 1) {
    em.pass();
  } else if (vs.count(0.0)) {
    em.add(kNarrativeZeroClaim, Severity::info, FindingStatus::uncertain,
           q + "：表四有歧义，" + fm.zh + "可能为" + values_text(vs) + "，无法确定",
           q_en + ": table 4 is ambiguous; " + fm.en + " can be " + values_text(vs), z.offset, ids);
  } else {
    Finding& f = em.add(
        kNarrativeZeroClaim, FindingStatus::fail,
        q + "，但表格中" + fm.zh + (vs.size() > 1 ? "可能为" : "为") + values_text(vs) + "，不为0",
        q_en + ", but the table's " + fm.en + " is " + values_text(vs) + ", not 0", z.offset, ids);
    f.expected = *vs.begin();
    f.actual = 0;
  }
}

void check(const RuleContext& ctx, Emitter& em) {
  for (const auto& z : ctx.facts.zeros) {
    const auto target = target_of(ctx.doc.tables, z.kind);
    if (!target) continue;
    if (!target->table_found) {
      em.not_assessable();
      continue;
    }
    check_zero(ctx, z, target->formula, em);
  }
}

}  // namespace
}  // namespace nianbao::detail
