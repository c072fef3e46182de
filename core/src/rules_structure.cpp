// Structure rules: sections, title, format version (format.md §2, §7 S-1..S-4).
#include <algorithm>

#include "rules.hpp"

namespace nianbao::detail {

namespace {

constexpr const char* kSectionNames[] = {"一、总体情况",
                                         "二、主动公开政府信息情况",
                                         "三、收到和处理政府信息公开申请情况",
                                         "四、政府信息公开行政复议、行政诉讼情况",
                                         "五、存在的主要问题及改进情况",
                                         "六、其他需要报告的事项"};
constexpr const char* kSectionNamesEn[] = {"1 overview",
                                           "2 proactive disclosure",
                                           "3 applications received and handled",
                                           "4 administrative review and litigation",
                                           "5 main problems and improvements",
                                           "6 other matters"};

void section_rules(const Document& doc, Emitter& em) {
  const Outline& o = doc.outline;
  if (o.format == FormatVersion::pre2019) {
    em.not_assessable(7);
    return;
  }
  for (int n = 1; n <= 6; ++n) {
    if (o.section(n)) {
      em.pass();
      continue;
    }
    em.add("section-missing", "fail", std::string("缺少法定章节“") + kSectionNames[n - 1] + "”",
           std::string("missing statutory section '") + kSectionNamesEn[n - 1] + "'", kNoOffset);
  }
  bool ordered = true;
  const SectionInfo* culprit = nullptr;
  for (std::size_t k = 1; k < o.sections.size(); ++k) {
    if (o.sections[k].number < o.sections[k - 1].number) {
      ordered = false;
      culprit = &o.sections[k];
      break;
    }
  }
  if (ordered) {
    em.pass();
  } else {
    em.add("section-order", "fail",
           std::string("章节顺序不符：“") + culprit->heading + "”出现在更靠后的章节之后",
           "sections are out of order: '" + culprit->heading + "' comes after a later section",
           culprit->begin);
  }
  for (const auto& s : o.sections) {
    if (!s.variant && s.numeral == s.number) continue;
    std::string msg =
        "章节标题“" + s.heading + "”与统一格式“" + kSectionNames[s.number - 1] + "”的措辞不同";
    if (s.numeral != s.number) msg += "（序号不符）";
    em.add("section-heading-variant", "fail", msg,
           "heading '" + s.heading + "' differs from the official '" +
               kSectionNamesEn[s.number - 1] + "'",
           s.begin);
  }
}

void title_rules(const Document& doc, Emitter& em) {
  const Outline& o = doc.outline;
  const std::size_t where = o.title_found ? o.title_offset : 0;
  if (o.title_found && o.year && o.agency) {
    em.pass();
    return;
  }
  std::string missing, missing_en;
  if (!o.title_found) {
    missing = "未找到“……年政府信息公开工作年度报告”标题";
    missing_en = "no title naming the annual report was found";
  } else if (!o.year && !o.agency) {
    missing = "标题既无年份也无机关名称";
    missing_en = "the title names neither the year nor the agency";
  } else if (!o.year) {
    missing = "标题缺少报告年份（YYYY年）";
    missing_en = "the title lacks the report year";
  } else {
    missing = "标题缺少机关名称";
    missing_en = "the title lacks the agency's name";
  }
  em.add("title-year", "fail", missing, missing_en, where);
}

void format_rules(const Document& doc, Emitter& em) {
  const Outline& o = doc.outline;
  const Tables& t = doc.tables;
  if (!o.year) {
    em.not_assessable(2);
    return;
  }
  const int year = *o.year;
  // format-legacy: a report in the format of its own time (info, once).
  if (year < 2021 && (o.format == FormatVersion::f2019 || o.format == FormatVersion::pre2019 ||
                      t.t3_single_other_row)) {
    const bool pre = o.format == FormatVersion::pre2019;
    em.add("format-legacy", "fail",
           pre ? std::to_string(year) + "年度报告采用2019年以前的自由格式，现行格式的表格检查不适用"
               : std::to_string(year) +
                     "年度报告采用国办公开办函〔2019〕60号试行格式（当年有效），按该格式检查",
           pre ? "the " + std::to_string(year) +
                     " report uses the free format of before 2019; current-template checks "
                     "do not apply"
               : "the " + std::to_string(year) + " report uses the 2019 trial format of its time",
           o.title_found ? o.title_offset : kNoOffset);
  } else {
    em.pass();
  }
  // format-outdated: 2021+ report with old-format parts.
  if (year < 2021) {
    em.not_assessable();
    return;
  }
  std::vector<std::string> found;
  std::size_t first = kNoOffset;
  for (const auto& m : o.old_markers) {
    found.push_back("“" + m.first + "”");
    first = std::min(first, m.second);
  }
  if (t.t3_single_other_row) {
    found.push_back("表三“（六）其他处理”只有一行（2021年格式分为三行）");
    first = std::min(first, t.t3_single_other_offset);
  }
  if (o.format == FormatVersion::pre2019) {
    found.push_back("没有统一格式的统计表");
  }
  if (found.empty()) {
    em.pass();
    return;
  }
  std::string list;
  for (const auto& f : found) list += (list.empty() ? "" : "、") + f;
  em.add("format-outdated", "fail",
         std::to_string(year) + "年度报告未按新版格式（国办公开办函〔2021〕30号）：出现" + list,
         "the " + std::to_string(year) + " report does not use the 2021 format (" +
             std::to_string(found.size()) + " old-format element(s))",
         first);
}

}  // namespace

void run_structure_rules(const Document& doc, Emitter& em) {
  section_rules(doc, em);
  title_rules(doc, em);
  format_rules(doc, em);
}

}  // namespace nianbao::detail
