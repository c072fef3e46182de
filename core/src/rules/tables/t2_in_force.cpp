// Table 2: documents issued this year but none in force (format.md T2-4).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kT2InForce{
    "t2-in-force",
    {"本年制发但现行有效为零", "Issued this year but none in force"},
    Severity::warning,
    {"本年制发件数大于0而现行有效件数为0，只有在本年制发的文件又全部废止时才可能，通常是填写错误"
     "。",
     "Documents issued this year but none in force is possible only if all were repealed."},
    "format.md T2-4",
    check,
    Applies::template_format,
};

namespace {

struct DocumentKind {
  CellId made, in_force;
  const char* zh;
  const char* en;
};
constexpr DocumentKind kKinds[] = {
    {kT2RulesMade, kT2RulesInForce, "规章", "rules"},
    {kT2NormativeMade, kT2NormativeInForce, "行政规范性文件", "normative documents"},
};

void check(const RuleContext& ctx, Emitter& em) {
  for (const auto& k : kKinds) {
    const CellRead* made = ctx.doc.tables.cell(k.made);
    const CellRead* valid = ctx.doc.tables.cell(k.in_force);
    if (!made || !valid || !made->value || !valid->value) {
      em.not_assessable();
      continue;
    }
    if (*made->value <= 0 || *valid->value != 0) {
      em.pass();
      continue;
    }
    em.add(kT2InForce, FindingStatus::fail,
           std::string(k.zh) + "本年制发" + fmt_num(*made->value) +
               "件，但现行有效件数为0：只有本年制发的全部又被废止时才可能",
           std::string(k.en) + ": " + fmt_num(*made->value) + " issued this year but none in force",
           valid->offset, cell_names({k.made, k.in_force}));
  }
}

}  // namespace
}  // namespace nianbao::detail
