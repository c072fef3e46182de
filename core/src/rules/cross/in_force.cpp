// Last year's 现行有效 + this year's 制发 − 废止 = this year's 现行有效, for 规章 and for
// 行政规范性 文件 (format.md T2-3). A warning: revisions, clean-ups (清理) and counting conventions
// cause legitimate differences.
#include "rules/cross/cross.hpp"
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCrossInForce{
    "cross-in-force",
    {"现行有效件数与上年不衔接", "In-force count does not follow from last year's"},
    Severity::warning,
    {"表二规章、行政规范性文件的现行有效件数，一般应等于上一年度报告的现行有效件数加本年制发件数"
     "减本年废止件数。修订、集中清理或统计口径变化可能造成合理差异，因此只作警告；正文提到清理时"
     "一并说明。",
     "For rules and normative documents, last year's in-force count plus this year's issued minus "
     "repealed should give this year's in-force count. Revisions, clean-ups (清理) and counting "
     "conventions can explain a difference, hence a warning; a clean-up in the narrative is "
     "mentioned."},
    "国办公开办函〔2021〕30号 表二；format.md T2-3",
    check,
    Applies::previous_comparable,
};

namespace {

struct Kind {
  std::size_t row;  // kT2Rows index
  CellId made, repealed, in_force;
  const char* zh;
  const char* en;
};
constexpr Kind kKinds[] = {
    {0, kT2RulesMade, kT2RulesRepealed, kT2RulesInForce, "规章", "rules"},
    {1, kT2NormativeMade, kT2NormativeRepealed, kT2NormativeInForce, "行政规范性文件",
     "normative documents"},
};

// " (the narrative mentions a clean-up, line N)" when it does.
std::pair<std::string, std::string> clean_up_note(const Document& doc) {
  const std::size_t k = find_text(doc.flat.text, "清理");
  if (k == std::string::npos) return {};
  const int line = doc.source.position(doc.orig(doc.flat.pos[k])).first;
  return {"；正文（第" + std::to_string(line) + "行）提到清理，可能说明差异",
          "; the narrative mentions a clean-up (清理, line " + std::to_string(line) +
              "), which may explain it"};
}

void mismatch(const RuleContext& ctx, const Kind& k, double before, double made, double repealed,
              double now, Emitter& em) {
  const double expected = before + made - repealed;
  const auto [note, note_en] = clean_up_note(ctx.doc);
  Finding& f =
      em.add(kCrossInForce, FindingStatus::fail,
             std::string(k.zh) + "：上年现行有效" + fmt_num(before) + " + 本年制发" +
                 fmt_num(made) + " − 本年废止" + fmt_num(repealed) + " = " + fmt_num(expected) +
                 "，但本年现行有效为" + fmt_num(now) + note,
             std::string(k.en) + ": last year's in force " + fmt_num(before) + " + issued " +
                 fmt_num(made) + " − repealed " + fmt_num(repealed) + " = " + fmt_num(expected) +
                 ", but in force this year is " + fmt_num(now) + note_en,
             offset_of(ctx.doc, k.in_force), cell_names({k.in_force, k.made, k.repealed}));
  f.previous_cells = cell_names({k.in_force});
  at_previous(f, *ctx.previous, offset_of(*ctx.previous->doc, k.in_force));
  f.expected = expected;
  f.actual = now;
}

// This year's row ran together and no way of cutting it satisfies the identity.
bool no_cut_fits(const RuleContext& ctx, const Kind& k, double before, Emitter& em) {
  const ShapeIssue* is = t2_run_issue(ctx.doc, k.row);
  if (is == nullptr || is->cuts.empty() || !is->all_cuts || is->cuts.front().size() != 3) {
    return false;
  }
  for (const Cut& c : is->cuts) {
    if (before + c[0].value - c[1].value == c[2].value) return false;
  }
  const auto [note, note_en] = clean_up_note(ctx.doc);
  Finding& f = em.add(kCrossInForce, FindingStatus::uncertain,
                      std::string(k.zh) + "：本年数字连写（" + is->run + "），其" +
                          std::to_string(is->cuts.size()) + "种可能的拆分都不满足 上年现行有效" +
                          fmt_num(before) + " + 本年制发 − 本年废止 = 本年现行有效" + note,
                      std::string(k.en) + ": this year's digits run together (" + is->run +
                          "), and none of its " + std::to_string(is->cuts.size()) +
                          " possible cuts satisfies last year's in force " + fmt_num(before) +
                          " + issued − repealed = in force" + note_en,
                      is->offset, cell_names({k.in_force, k.made, k.repealed}));
  f.previous_cells = cell_names({k.in_force});
  at_previous(f, *ctx.previous, offset_of(*ctx.previous->doc, k.in_force));
  return true;
}

const SettledRow* settled_row(const Previous& p, const Kind& k) {
  for (const SettledRow& s : p.settled) {
    if (s.row == k.row) return &s;
  }
  return nullptr;
}

// A row read by this very identity (settle_by_previous) proves nothing: said, not counted as a
// pass.
void settled(const RuleContext& ctx, const Kind& k, const SettledRow& s, Emitter& em) {
  const std::string cut =
      fmt_num(s.cut[0].value) + " / " + fmt_num(s.cut[1].value) + " / " + fmt_num(s.cut[2].value);
  Finding& f =
      em.add(kCrossInForce, Severity::info, FindingStatus::uncertain,
             std::string(k.zh) + "：本年数字连写（" + s.run + "），按上一年度报告的现行有效件数" +
                 fmt_num(s.previous_in_force) + "只有一种拆分成立，读作制发/废止/现行有效 " + cut +
                 "（由跨年关系确定，故不再据此核验）",
             std::string(k.en) + ": this year's digits run together (" + s.run +
                 "); with last year's in-force count " + fmt_num(s.previous_in_force) +
                 " only one cut fits, read as issued/repealed/in force " + cut +
                 " (chosen by the cross-year identity, so not checked by it)",
             s.offset, cell_names({k.in_force, k.made, k.repealed}));
  f.previous_cells = cell_names({k.in_force});
  at_previous(f, *ctx.previous, offset_of(*ctx.previous->doc, k.in_force));
}

void check(const RuleContext& ctx, Emitter& em) {
  const Previous& p = *ctx.previous;
  for (const Kind& k : kKinds) {
    if (const SettledRow* s = settled_row(p, k)) {
      settled(ctx, k, *s, em);
      continue;
    }
    const auto before = cross_value(*p.doc, k.in_force);
    const auto made = cross_value(ctx.doc, k.made);
    const auto repealed = cross_value(ctx.doc, k.repealed);
    const auto now = cross_value(ctx.doc, k.in_force);
    if (before && made && repealed && now) {
      if (*before + *made - *repealed == *now) {
        em.pass();
      } else {
        mismatch(ctx, k, *before, *made, *repealed, *now, em);
      }
      continue;
    }
    if (before && no_cut_fits(ctx, k, *before, em)) continue;
    em.not_assessable();
  }
}

}  // namespace
}  // namespace nianbao::detail
