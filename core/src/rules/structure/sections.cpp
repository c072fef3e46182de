// The six statutory sections: present, in order, with the official headings (format.md §2,
// §7 S-1).
#include "rules/rule.hpp"

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

void check_missing(const RuleContext& ctx, Emitter& em);
void check_heading_lost(const SectionInfo& lost, Emitter& em);
void check_order(const RuleContext& ctx, Emitter& em);
void check_heading_variant(const RuleContext& ctx, Emitter& em);

}  // namespace

extern const RuleDef kSectionMissing{
    "section-missing",
    {"缺少法定章节", "Statutory section missing"},
    Severity::error,
    {"年度报告应包含六个法定部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息"
     "公开申请"
     "情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报"
     "告的事项。"
     "缺少任何一部分即不符合统一格式。",
     "The report must contain the six statutory sections of the national format; a missing "
     "section breaks the format."},
    "《政府信息公开条例》第五十条；国办公开办函〔2021〕30号（年度报告格式）",
    check_missing,
    Applies::every_report,
    Needs::whole_report,
};

// A warning of its own, not a variant of section-missing: the report is not missing the
// section (its content is there), only the heading; the reader's remedy differs (restore the
// heading, not write the section), and --ignore section-missing keeps hiding only what it hid.
extern const RuleDef kSectionHeadingLost{
    "section-heading-lost",
    {"章节标题缺失", "Section heading lost"},
    Severity::warning,
    {"法定章节的标题没有找到，但该部分的内容在应有的位置（如表四之后出现“（一）存在的主要问题”"
     "“（二）改进情况”，却没有“五、存在的主要问题及改进情况”标题）。常见于OCR或PDF转换丢失标题、"
     "复制时丢失序号。内容在，不按“缺少法定章节”报告错误；请补上标题。",
     "A statutory section's heading was not found, but its content stands where the section "
     "belongs (e.g. 「（一）存在的主要问题」 after table 4 with no heading 五): typical of OCR or "
     "PDF conversion dropping a heading. The content is there, so this is not reported as a "
     "missing section; the heading should be restored."},
    "国办公开办函〔2021〕30号（年度报告格式）；format.md §2、S-1",
    nullptr,  // checked with section-missing
    Applies::every_report,
};

extern const RuleDef kSectionOrder{
    "section-order",
    {"章节顺序不符", "Sections out of order"},
    Severity::warning,
    {"六个部分应按一至六的顺序排列。顺序颠倒通常意味着复制粘贴或编辑错误。",
     "The six sections must appear in the order one to six."},
    "国办公开办函〔2021〕30号（年度报告格式）",
    check_order,
    Applies::every_report,
    Needs::whole_report,
};

extern const RuleDef kSectionHeadingVariant{
    "section-heading-variant",
    {"章节标题为常见变体", "Section heading is a variant"},
    Severity::info,
    {"章节标题与统一格式的措辞不完全一致，但属于实践中常见的可接受变体（如“五、存在问题及改进情况"
     "”）。",
     "The heading differs from the official wording but is a commonly accepted variant."},
    "国办公开办函〔2021〕30号；format.md §2",
    check_heading_variant,
    Applies::every_report,
};

namespace {

// A free-format (pre-2019) report has no statutory sections to look for.
void check_missing(const RuleContext& ctx, Emitter& em) {
  if (ctx.free_format()) {
    em.not_assessable(6);
    return;
  }
  const Outline& o = ctx.doc.outline;
  for (int n = 1; n <= 6; ++n) {
    if (o.section(n)) {
      em.pass();
      continue;
    }
    if (const SectionInfo* lost = o.part(n)) {
      check_heading_lost(*lost, em);
      continue;
    }
    em.add(kSectionMissing, FindingStatus::fail,
           std::string("缺少法定章节“") + kSectionNames[n - 1] + "”",
           std::string("missing statutory section '") + kSectionNamesEn[n - 1] + "'", kNoOffset);
  }
}

// The section's content where its heading should be.
void check_heading_lost(const SectionInfo& lost, Emitter& em) {
  const int n = lost.number;
  em.add(kSectionHeadingLost, FindingStatus::fail,
         std::string("章节标题缺失：未找到“") + kSectionNames[n - 1] +
             "”标题，但该部分内容在此（“" + lost.heading + "”）",
         std::string("section heading lost: no heading '") + kSectionNamesEn[n - 1] +
             "' was found, but the section's content starts here",
         lost.begin);
}

void check_order(const RuleContext& ctx, Emitter& em) {
  if (ctx.free_format()) {
    em.not_assessable();
    return;
  }
  const auto& sections = ctx.doc.outline.sections;
  for (std::size_t k = 1; k < sections.size(); ++k) {
    if (sections[k].number >= sections[k - 1].number) continue;
    const SectionInfo& culprit = sections[k];
    em.add(kSectionOrder, FindingStatus::fail,
           std::string("章节顺序不符：“") + culprit.heading + "”出现在更靠后的章节之后",
           "sections are out of order: '" + culprit.heading + "' comes after a later section",
           culprit.begin);
    return;
  }
  em.pass();
}

void check_heading_variant(const RuleContext& ctx, Emitter& em) {
  if (ctx.free_format()) return;
  for (const auto& s : ctx.doc.outline.sections) {
    if (!s.variant && s.numeral == s.number) continue;
    std::string msg =
        "章节标题“" + s.heading + "”与统一格式“" + kSectionNames[s.number - 1] + "”的措辞不同";
    if (s.numeral != s.number) msg += "（序号不符）";
    em.add(kSectionHeadingVariant, FindingStatus::fail, msg,
           "heading '" + s.heading + "' differs from the official '" +
               kSectionNamesEn[s.number - 1] + "'",
           s.begin);
  }
}

}  // namespace
}  // namespace nianbao::detail
