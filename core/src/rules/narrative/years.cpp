// Years: the title year against the statistical period and the year that opens section 1
// (year-consistency, format.md §8 Y-1), and sentences presenting another year as the current one
// (year-stale, Y-2, §11 E5 E12). Checked on every report: free-format ones have years too.
#include "facts.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check_consistency(const RuleContext& ctx, Emitter& em);
void check_stale(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kYearConsistency{
    "year-consistency",
    {"年份前后不一致", "Years do not agree"},
    Severity::error,
    {"标题年份应与前言的统计期限（YYYY年1月1日至12月31日）以及总体情况首句“YYYY年，…”的年份一致"
     "。",
     "The title year must equal the year of the statistical period in the preamble and the "
     "year that opens section 1."},
    "format.md §2、§8 Y-1",
    check_consistency,
    Applies::every_report,
    Needs::its_operands,
    /*needs_year=*/true,
};

extern const RuleDef kYearStale{
    "year-stale",
    {"正文出现上年或其他年份作为本年", "Narrative presents another year as current"},
    Severity::warning,
    {"正文以“YYYY年，我局…”的句式叙述本年工作，但YYYY为上一年或其他年份（比较、上年结转、整改情况"
     "除外），"
     "通常是照搬上年报告时遗留的年份。",
     "A sentence presents the previous (or another) year as the current one, usually left "
     "over from last year's report."},
    "format.md §8 Y-2、§11 E5 E12；国办公开办函〔2021〕30号“（四）明确责任”",
    check_stale,
    Applies::every_report,
    Needs::its_operands,
    /*needs_year=*/true,
};

namespace {

// The sentence that opens section 1 ("YYYY年，…"), or none.
const YearLead* opening_lead(const Facts& facts) {
  for (const auto& l : facts.year_leads) {
    if (l.section == 1 && l.first_in_section) return &l;
  }
  return nullptr;
}

void check_period(const Period& p, int y, Emitter& em) {
  if (p.start_year == y && p.end_year == y) {
    em.pass();
    return;
  }
  const std::string ys = std::to_string(y);
  Finding& f = em.add(
      kYearConsistency, FindingStatus::fail,
      "统计期限“" + p.phrase + "”与标题年份" + ys + "年不一致",
      "the statistical period '" + p.phrase + "' does not match the title year " + ys, p.offset);
  f.expected = y;
  f.actual = p.start_year != y ? p.start_year : p.end_year;
}

void check_opening(const YearLead& l, int y, Emitter& em) {
  if (l.year == y) {
    em.pass();
    return;
  }
  const std::string ys = std::to_string(y);
  Finding& f = em.add(
      kYearConsistency, FindingStatus::fail,
      "总体情况首句“" + l.phrase + "”的年份" + std::to_string(l.year) + "年与标题年份" + ys +
          "年不一致",
      "section 1 opens with the year " + std::to_string(l.year) + " but the title year is " + ys,
      l.offset);
  f.expected = y;
  f.actual = l.year;
}

// Without a title year there is nothing to compare with (title-year says so).
void check_consistency(const RuleContext& ctx, Emitter& em) {
  if (!ctx.doc.outline.year) {
    em.not_assessable();
    return;
  }
  const int y = *ctx.doc.outline.year;
  if (!ctx.facts.periods.empty()) check_period(ctx.facts.periods.front(), y, em);
  const YearLead* opening = opening_lead(ctx.facts);
  if (opening && !opening->comparison) check_opening(*opening, y, em);
}

// The opening sentence is year-consistency's; sentences that compare are not stale.
void check_stale(const RuleContext& ctx, Emitter& em) {
  if (!ctx.doc.outline.year) {
    em.not_assessable();
    return;
  }
  const int y = *ctx.doc.outline.year;
  const YearLead* opening = opening_lead(ctx.facts);
  for (const auto& l : ctx.facts.year_leads) {
    if (&l == opening || l.comparison) continue;
    if (l.year == y || l.year == y + 1) {
      em.pass();
      continue;
    }
    const bool prev = l.year == y - 1;
    const std::string ys = std::to_string(y), ls = std::to_string(l.year);
    Finding& f =
        em.add(kYearStale, FindingStatus::fail,
               "“" + l.phrase + "”以" + ls + "年为本年叙述，而报告年度为" + ys + "年" +
                   (prev ? "：可能是照搬上年报告遗留的年份" : ""),
               "'" + l.phrase + "' presents " + ls + " as the current year in a " + ys + " report" +
                   (prev ? " (probably left over from last year's report)" : ""),
               l.offset);
    f.expected = y;
    f.actual = l.year;
  }
}

}  // namespace
}  // namespace nianbao::detail
