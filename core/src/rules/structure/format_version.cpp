// The format a report follows against its year: the 2021 format from the 2021 reports on
// (format-outdated), the format of its own time before that (format-legacy). format.md §1, S-4.
#include <algorithm>

#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check_outdated(const RuleContext& ctx, Emitter& em);
void check_legacy(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kFormatOutdated{
    "format-outdated",
    {"未按新版格式", "Outdated format"},
    Severity::error,
    {"2021年及以后年度的报告应使用国办公开办函〔2021〕30号印发的格式。出现2019年试行格式的栏目"
     "（如“本年新制作数量”“其他对外管理服务事项”“政府集中采购”，或表三“（六）其他处理”只有一行）"
     "说明仍在使用旧格式。",
     "Reports for 2021 onwards must use the 2021 format; 2019-format labels or a single "
     "（六）其他处理 row show the old layout."},
    "国办公开办函〔2021〕30号；format.md §4.3、§5.3、S-4",
    check_outdated,
    Applies::every_report,
    Needs::its_operands,
    /*needs_year=*/true,
};

extern const RuleDef kFormatLegacy{
    "format-legacy",
    {"报告采用当年有效的旧格式", "Report uses the format of its time"},
    Severity::info,
    {"该报告的年度早于2021年格式施行（2019、2020年度适用国办公开办函〔2019〕60号试行格式；2019年"
     "以前为"
     "自由格式）。按现行格式的表格检查不适用于它。",
     "The report predates the 2021 format; checks of the current template do not apply."},
    "国办公开办函〔2019〕60号；国办公开办函〔2021〕30号",
    check_legacy,
    Applies::every_report,
    Needs::its_operands,
    /*needs_year=*/true,
};

namespace {

// A report before 2021 in the format of its own time: noted once.
void check_legacy(const RuleContext& ctx, Emitter& em) {
  const Outline& o = ctx.doc.outline;
  if (!o.year) {
    em.not_assessable();
    return;
  }
  const int year = *o.year;
  const bool old_layout = o.format == FormatVersion::f2019 || o.format == FormatVersion::pre2019 ||
                          ctx.doc.tables.t3_single_other_row;
  if (year >= 2021 || !old_layout) {
    em.pass();
    return;
  }
  const std::string y = std::to_string(year);
  const bool pre = o.format == FormatVersion::pre2019;
  em.add(kFormatLegacy, FindingStatus::fail,
         pre ? y + "年度报告采用2019年以前的自由格式，现行格式的表格检查不适用"
             : y + "年度报告采用国办公开办函〔2019〕60号试行格式（当年有效），按该格式检查",
         pre ? "the " + y +
                   " report uses the free format of before 2019; current-template checks "
                   "do not apply"
             : "the " + y + " report uses the 2019 trial format of its time",
         o.title_found ? o.title_offset : kNoOffset);
}

// The old-format elements of a report: what the message lists, and where the first one is.
struct OldElements {
  std::vector<std::string> found;
  std::size_t first = kNoOffset;
};

OldElements old_elements(const Document& doc) {
  OldElements old;
  for (const auto& m : doc.outline.old_markers) {
    old.found.push_back("“" + m.first + "”");
    old.first = std::min(old.first, m.second);
  }
  if (doc.tables.t3_single_other_row) {
    old.found.push_back("表三“（六）其他处理”只有一行（2021年格式分为三行）");
    old.first = std::min(old.first, doc.tables.t3_single_other_offset);
  }
  if (doc.outline.format == FormatVersion::pre2019) {
    old.found.push_back("没有统一格式的统计表");
  }
  return old;
}

// A report for 2021 or later with parts of an older format.
void check_outdated(const RuleContext& ctx, Emitter& em) {
  const auto& year = ctx.doc.outline.year;
  if (!year || *year < 2021) {
    em.not_assessable();
    return;
  }
  const OldElements old = old_elements(ctx.doc);
  if (old.found.empty()) {
    em.pass();
    return;
  }
  std::string list;
  for (const auto& f : old.found) list += (list.empty() ? "" : "、") + f;
  const std::string y = std::to_string(*year);
  em.add(kFormatOutdated, FindingStatus::fail,
         y + "年度报告未按新版格式（国办公开办函〔2021〕30号）：出现" + list,
         "the " + y + " report does not use the 2021 format (" + std::to_string(old.found.size()) +
             " old-format element(s))",
         old.first);
}

}  // namespace
}  // namespace nianbao::detail
