// The report's own date against the legal deadline of 条例第四十九条 (format.md S-6, S-7,
// §11 E1). Checked on every report: before 2019 the deadline was 31 March for all.
#include "facts.hpp"
#include "rules/narrative/section_text.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kPublicationLate{
    "publication-late",
    {"发布日期晚于法定期限", "Publication date after the legal deadline"},
    Severity::error,
    {"《条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布上一年度报告，县级以上地方人民"
     "政府"
     "应于每年3月31日前公布（2019年以前的报告统一为3月31日）。报告中写明的日期晚于期限的，至少从"
     "文本看"
     "属于逾期发布。网页上的报告也检查页面标注的发布日期（PubDate元数据、“发布时间”“发布日期”"
     "“公开日期”），并注明日期的来源。乡镇、街道及无法判断机关类型的不检查。",
     "Departments publish by 31 January, local people's governments by 31 March; a date in "
     "the text later than that means late publication as far as the text shows. On a web page "
     "the page's own publication date (PubDate metadata, 发布时间 / 发布日期 / 公开日期) is "
     "checked too, and the finding says where the date came from."},
    "《政府信息公开条例》第四十九条；format.md S-6、S-7、§11 E1",
    check,
    Applies::every_report,
    Needs::whole_report,
    /*needs_year=*/true,
};

namespace {

// The deadline that applies to a report: the month (1 or 3, day 31 of the next year) and the
// kind of body it applies to.
struct Deadline {
  int month = 0;  // 0: the body's kind cannot be told (or a township): not assessable
  std::string kind, kind_en;
};

Deadline deadline_of(int year, const std::string& agency) {
  if (year <= 2018) return {3, "（2019年以前的报告）", " (reports before 2019)"};
  switch (agency_kind(agency)) {
    case AgencyKind::government:
      return {3, "县级以上地方人民政府", "local people's government"};
    case AgencyKind::department:
      return {1, "县级以上人民政府部门", "government department"};
    default:
      return {};
  }
}

// Where a date came from, for the message: "报告所署日期", "“发布时间”所示日期" (a field of the
// page or of the report), "网页元数据PubDate所示发布日期".
std::pair<std::string, std::string> date_source(const DocDate& d) {
  if (d.source == DateSource::page_meta) {
    return {"网页元数据PubDate所示发布日期", "the page's PubDate metadata"};
  }
  if (!d.field.empty()) {
    return {"“" + d.field + "”所示日期", "the date of the '" + d.field + "' field"};
  }
  return {"报告所署日期", "the report's date"};
}

// No date stated: nothing to check. Without the report year (title-year says so) the check
// cannot be made.
void check(const RuleContext& ctx, Emitter& em) {
  const Outline& o = ctx.doc.outline;
  if (!o.year) {
    em.not_assessable();
    return;
  }
  if (ctx.facts.dates.empty()) return;
  const int y = *o.year;
  const Deadline dl = deadline_of(y, o.agency.value_or(""));
  if (dl.month == 0) {
    em.not_assessable();
    return;
  }
  const int last_day = dl.month == 3 ? 331 : 131;
  for (const auto& d : ctx.facts.dates) {
    if (d.year < y + 1) continue;  // not a publication date of this report
    if (d.year == y + 1 && d.month * 100 + d.day <= last_day) {
      em.pass();
      continue;
    }
    const std::string deadline =
        std::to_string(y + 1) + "年" + std::to_string(dl.month) + "月" + "31" + "日";
    const auto [src, src_en] = date_source(d);
    em.add(kPublicationLate, FindingStatus::fail,
           src + "“" + d.phrase + "”晚于" + dl.kind + "公布" + std::to_string(y) +
               "年度报告的法定期限" + deadline,
           src_en + " '" + d.phrase + "' is after the legal deadline for a " + dl.kind_en + " (" +
               std::to_string(y + 1) + "-" + (dl.month == 3 ? "03" : "01") + "-31)",
           d.offset);
    return;
  }
}

}  // namespace
}  // namespace nianbao::detail
