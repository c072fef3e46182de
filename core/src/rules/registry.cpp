// The registration table: every rule unit of core/src/rules/, in catalogue order. The catalogue
// (nianbao::rules(): `nianbao rules`, the page's help) is generated from it, and the rules stage
// of check() runs the checks in it. To add a rule: declare it in its unit, declare it here, and
// give it its row.
#include "rules/registry.hpp"

#include "facts.hpp"
#include "rules/cross/cross.hpp"
#include "rules/narrative/table_readings.hpp"
#include "scope.hpp"

namespace nianbao::detail {

// structure/
extern const RuleDef kSectionMissing, kSectionHeadingLost, kSectionOrder,
    kSectionHeadingVariant;                            // sections.cpp
extern const RuleDef kTitleYear;                       // title_year.cpp
extern const RuleDef kFormatOutdated, kFormatLegacy;   // format_version.cpp
extern const RuleDef kExcerptScope, kMultipleReports;  // scope_notes.cpp
// tables/
extern const RuleDef kTableShape;                              // table_shape.cpp
extern const RuleDef kCellValue, kCellPlaceholder, kCellUnit;  // cell_values.cpp
extern const RuleDef kT3Balance;                               // t3_balance.cpp
extern const RuleDef kT3ResultsTotal;                          // t3_results_total.cpp
extern const RuleDef kT3RowTotal;                              // t3_row_total.cpp
extern const RuleDef kT3CarryOver;                             // t3_carry_over.cpp
extern const RuleDef kT4GroupTotal;                            // t4_group_total.cpp
extern const RuleDef kT2InForce;                               // t2_in_force.cpp
// narrative/
extern const RuleDef kNarrativeApplications, kNarrativeReviewLitigation, kNarrativeTable2,
    kNarrativeReading;                                     // figures.cpp
extern const RuleDef kNarrativeZeroClaim;                  // zero_claim.cpp
extern const RuleDef kNarrativeFee, kSection6NoFee;        // fee.cpp
extern const RuleDef kNarrativePartition;                  // partition.cpp
extern const RuleDef kNarrativePercentage;                 // percentages.cpp
extern const RuleDef kYearConsistency, kYearStale;         // years.cpp
extern const RuleDef kPublicationLate;                     // publication.cpp
extern const RuleDef kSection5NoProblem, kSection1Topics;  // section_content.cpp
// cross/ (run only with a previous year's report: run_cross_rules)
extern const RuleDef kCrossYearOrder;  // year_order.cpp
extern const RuleDef kCrossCarryOver;  // carry_over.cpp
extern const RuleDef kCrossInForce;    // in_force.cpp
extern const RuleDef kCrossIdentical;  // identical.cpp
extern const RuleDef kCrossTextReuse;  // text_reuse.cpp

namespace {

constexpr const RuleDef* kRegistry[] = {
    &kExcerptScope,
    &kMultipleReports,
    &kSectionMissing,
    &kSectionHeadingLost,
    &kSectionOrder,
    &kSectionHeadingVariant,
    &kTitleYear,
    &kFormatOutdated,
    &kFormatLegacy,
    &kTableShape,
    &kCellValue,
    &kCellPlaceholder,
    &kCellUnit,
    &kT3Balance,
    &kT3ResultsTotal,
    &kT3RowTotal,
    &kT3CarryOver,
    &kT4GroupTotal,
    &kT2InForce,
    &kNarrativeApplications,
    &kNarrativeReviewLitigation,
    &kNarrativeZeroClaim,
    &kNarrativeTable2,
    &kNarrativeFee,
    &kNarrativePartition,
    &kNarrativePercentage,
    &kNarrativeReading,
    &kYearConsistency,
    &kYearStale,
    &kPublicationLate,
    &kSection5NoProblem,
    &kSection6NoFee,
    &kSection1Topics,
    &kCrossYearOrder,
    &kCrossCarryOver,
    &kCrossInForce,
    &kCrossIdentical,
    &kCrossTextReuse,
};

bool cross_year(const RuleDef& rule) {
  return rule.applies == Applies::previous_report || rule.applies == Applies::previous_comparable ||
         rule.applies == Applies::previous_tables;
}

}  // namespace

const std::vector<const RuleDef*>& registry() {
  static const std::vector<const RuleDef*> kRules(std::begin(kRegistry), std::end(kRegistry));
  return kRules;
}

// Each check emits only the rules of its own unit, so the order of the checks decides only the
// order in which findings of different rules are made, which check()'s sort (by line, then
// rule id) does not keep.
void run_rules(const Document& doc, const Facts& facts, const Scope& scope, Emitter& em) {
  const TableReadings readings(doc);
  const RuleContext ctx{doc, facts, readings, scope};
  for (const RuleDef* rule : kRegistry) {
    if (!rule->check || cross_year(*rule)) continue;  // a sibling's check; cross-year
    if (ctx.free_format() && rule->applies == Applies::template_format) continue;
    if (scope.excerpt && rule->needs == Needs::whole_report) continue;
    rule->check(ctx, em);
  }
}

// cross-year-order first: when the previous report is not the same agency's of the year
// before, the other cross-year checks are not made (nor counted).
void run_cross_rules(const Document& doc, const Facts& facts, const Previous& previous,
                     Emitter& em) {
  const TableReadings readings(doc);
  const Scope whole;  // the cross-year checks compare whole reports
  RuleContext ctx{doc, facts, readings, whole};
  ctx.previous = &previous;
  for (const RuleDef* rule : kRegistry) {
    if (!rule->check || !cross_year(*rule)) continue;
    if (rule->applies != Applies::previous_report && !previous.comparable) continue;
    if (rule->applies == Applies::previous_tables) {
      // Last year's document is there whenever the two are comparable.
      const bool free_format = ctx.free_format() || (previous.doc && previous.doc->outline.format ==
                                                                         FormatVersion::pre2019);
      if (free_format) continue;
    }
    rule->check(ctx, em);
  }
}

}  // namespace nianbao::detail

namespace nianbao {

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> kRules = [] {
    std::vector<RuleInfo> out;
    for (const detail::RuleDef* r : detail::registry()) {
      out.push_back({r->id, r->title.zh, r->title.en, r->severity, r->explanation.zh,
                     r->explanation.en, r->basis, r->needs == detail::Needs::whole_report});
    }
    return out;
  }();
  return kRules;
}

}  // namespace nianbao
